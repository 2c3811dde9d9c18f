/**
 * RankGauge's files: organisations read from CSV with every problem located, and results written
 * as CSV or JSON.
 *
 * <ul>
 *   <li>{@link dev.rankgauge.io.CsvOrganisation} reads {@code distributors.csv},
 *       {@code customers.csv} and {@code orders.csv} into an {@link dev.rankgauge.Organisation},
 *       or fails whole with every problem as {@code file:line:column: reason}.
 *   <li>{@link dev.rankgauge.io.ResultsCsv} writes an evaluation as one CSV row per distributor,
 *       safe to open in a spreadsheet.
 *   <li>{@link dev.rankgauge.io.ResultsJson} writes one distributor in full, or every distributor
 *       as JSON Lines, both following the JSON Schema {@link dev.rankgauge.io.ResultsJson#SCHEMA}.
 * </ul>
 *
 * <p>Depends on rank-core and jackson-core (streaming) only.
 */
package dev.rankgauge.io;
