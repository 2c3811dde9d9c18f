/**
 * Not an API: types RankGauge's own modules share (its readers of files hand the organisation
 * builder their fields through them). They may change or go in any release; hosts use the
 * public types of {@code dev.rankgauge} instead.
 */
package dev.rankgauge.internal;
