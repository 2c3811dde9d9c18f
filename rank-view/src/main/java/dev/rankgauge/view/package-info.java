/**
 * What a distributor reads: the gas gauge view of an evaluation.
 *
 * <ul>
 *   <li>{@link dev.rankgauge.view.GaugePage}: HTML with SVG dials, as a whole page or as a
 *       fragment with a scoped stylesheet to embed in a back office.
 *   <li>{@link dev.rankgauge.view.TextView}: the same as plain text for a terminal.
 * </ul>
 *
 * <p>Depends on rank-core only.
 */
package dev.rankgauge.view;
