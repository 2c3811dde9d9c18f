package dev.rankgauge.testkit;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one gauge of one distributor: its value, the rank the metric alone reaches, the
 * next rank and how much more reaches it. Values compare by {@link BigDecimal#compareTo}, so
 * {@code "4700"} matches {@code 4700.00}. Obtain one with {@link DistributorAssert#hasGauge}.
 * Not thread-safe.
 */
public final class GaugeAssert extends AbstractAssert<GaugeAssert, Gauge> {
  private final DistributorAssert parent;
  private final Evaluation evaluation;
  private final String id;
  private final Metric metric;

  GaugeAssert(DistributorAssert parent, Evaluation evaluation, String id, Metric metric) {
    super(evaluation.gauge(id, metric), GaugeAssert.class);
    this.parent = parent;
    this.evaluation = evaluation;
    this.id = id;
    this.metric = metric;
  }

  /**
   * Checks the metric's value, such as {@code "7300"}.
   *
   * @param value the expected value, as a decimal in text
   * @return this assertion, for chaining
   */
  public GaugeAssert hasValue(String value) {
    return hasValue(new BigDecimal(value));
  }

  /**
   * Checks the metric's value.
   *
   * @param value the expected value; compared by numeric value, so {@code 100} equals {@code
   *     100.00}
   * @return this assertion, for chaining
   */
  public GaugeAssert hasValue(BigDecimal value) {
    Objects.requireNonNull(value, "value");
    return check(Verdicts.gaugeValue(evaluation, id, metric, value));
  }

  /**
   * Checks the metric's value, for counts of people.
   *
   * @param value the expected value
   * @return this assertion, for chaining
   */
  public GaugeAssert hasValue(long value) {
    return hasValue(BigDecimal.valueOf(value));
  }

  /**
   * Checks the rank this metric alone reaches.
   *
   * @param rank the expected rank's code
   * @return this assertion, for chaining
   */
  public GaugeAssert atRank(String rank) {
    return check(Verdicts.gaugeRank(evaluation, id, metric, Objects.requireNonNull(rank, "rank")));
  }

  /**
   * Checks the rank above the gauge's rank.
   *
   * @param rank the expected next rank's code
   * @return this assertion, for chaining
   */
  public GaugeAssert withNextRank(String rank) {
    return check(Verdicts.gaugeNextRank(evaluation, id, metric,
        Objects.requireNonNull(rank, "rank")));
  }

  /**
   * Checks how much more of the metric reaches the next rank, such as {@code "4700"}.
   *
   * @param remaining the expected amount, as a decimal in text
   * @return this assertion, for chaining
   */
  public GaugeAssert withRemaining(String remaining) {
    return withRemaining(new BigDecimal(remaining));
  }

  /**
   * Checks how much more of the metric reaches the next rank.
   *
   * @param remaining the expected amount; compared by numeric value
   * @return this assertion, for chaining
   */
  public GaugeAssert withRemaining(BigDecimal remaining) {
    Objects.requireNonNull(remaining, "remaining");
    return check(Verdicts.gaugeRemaining(evaluation, id, metric, remaining));
  }

  /**
   * Checks how much more of the metric reaches the next rank, for counts of people.
   *
   * @param remaining the expected amount
   * @return this assertion, for chaining
   */
  public GaugeAssert withRemaining(long remaining) {
    return withRemaining(BigDecimal.valueOf(remaining));
  }

  /**
   * Checks that the gauge is at the top rank: no next rank, nothing remaining.
   *
   * @return this assertion, for chaining
   */
  public GaugeAssert isAtTopRank() {
    return check(Verdicts.gaugeNextRank(evaluation, id, metric, null));
  }

  /**
   * Back to the distributor.
   *
   * @return an assertion on the distributor
   */
  public DistributorAssert and() {
    return parent;
  }

  private GaugeAssert check(Optional<Mismatch> mismatch) {
    mismatch.ifPresent(m -> failWithActualExpectedAndMessage(m.actualText(),
        m.expectedText(), "%s", m.render("")));
    return this;
  }
}
