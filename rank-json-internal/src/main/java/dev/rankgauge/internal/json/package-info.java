/**
 * Not API: the JSON tooling that rank-rules-json and rank-testkit share, on jackson-core's
 * streaming parser and generator alone. A located tree ({@link dev.rankgauge.internal.json.JsonTree}),
 * JSON paths, a writer laid out for people, and "did you mean" ({@link dev.rankgauge.internal.json.Suggest}).
 * May change in any release.
 */
package dev.rankgauge.internal.json;
