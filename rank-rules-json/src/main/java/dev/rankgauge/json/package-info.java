/**
 * Comp plans as JSON files: {@link dev.rankgauge.json.PlanFiles} loads a plan file into a
 * {@link dev.rankgauge.CompPlan}, checks one for a plan review ({@link dev.rankgauge.json.PlanCheck}),
 * and writes a plan back as JSON. The format is described by the JSON Schema
 * {@code /dev/rankgauge/json/comp-plan.schema.json} in this jar and by {@code docs/plan-format.md}.
 *
 * <p>A wrong plan is rejected whole with a {@link dev.rankgauge.ValidationException} listing every
 * problem, each located as {@code file:line:column at $.json.path}. Nothing in this package exposes
 * Jackson; the package {@code dev.rankgauge.json.internal} is not API and may change in any release.
 *
 * <p>Every public type here is immutable and thread-safe. No method accepts or returns
 * {@code null}.
 */
package dev.rankgauge.json;
