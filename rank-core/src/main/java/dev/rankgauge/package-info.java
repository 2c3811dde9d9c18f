/**
 * RankGauge: where every distributor stands in a compensation plan.
 *
 * <p>The front door is {@link dev.rankgauge.RankGauge#evaluate(Organisation, CompPlan, Period)}:
 * an {@link dev.rankgauge.Organisation} (distributors, customers, orders), a
 * {@link dev.rankgauge.CompPlan} (volume types, activity definitions, a rank ladder) and a
 * {@link dev.rankgauge.Period} give an {@link dev.rankgauge.Evaluation} holding, for every
 * distributor, the four gauges of the back office, the paid-as rank, the gap to the next rank and
 * the focus lists.
 *
 * <p>Every public type here is immutable and thread-safe. No method accepts or returns
 * {@code null} unless its Javadoc says so; absent values are {@link java.util.Optional}.
 * Volumes and money are exact {@link java.math.BigDecimal}s. Packages named {@code internal} are
 * not API and may change in any release.
 */
package dev.rankgauge;
