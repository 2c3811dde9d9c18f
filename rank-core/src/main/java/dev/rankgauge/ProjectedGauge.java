package dev.rankgauge;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One gauge projected to the end of an open period: where it stands now, where it is expected to
 * end, and the range it ends in with the projection's {@link Projection#level() level} of
 * confidence.
 *
 * @param metric which of the four gauges
 * @param current the gauge's value at the evaluation's as-of instant, exact
 * @param projected the expected value at the period's end, rounded to the evaluation's decimals
 *     (volumes) or to a whole number (counts)
 * @param interval the prediction interval, which holds {@code projected}; empty when the
 *     projection has no past period to learn its error from ({@link Projection.Basis#PERIOD_SO_FAR})
 * @param certain whether the value cannot move by the period's end: a count with nobody left
 *     who could change (every personal customer, or personally sponsored distributor, active
 *     under an activity rule that keeps them so; or none at all); {@code projected} and the
 *     interval are then {@code current}. Never for a volume
 */
public record ProjectedGauge(Metric metric, BigDecimal current, BigDecimal projected,
    Optional<Interval> interval, boolean certain) {

  /**
   * Checks that nothing is null.
   *
   * @param metric which of the four gauges
   * @param current the value at the as-of instant
   * @param projected the expected value at the period's end
   * @param interval the prediction interval, if any
   * @param certain whether the value cannot move by the period's end
   */
  public ProjectedGauge {
    Objects.requireNonNull(metric, "metric must not be null");
    Objects.requireNonNull(current, "current must not be null");
    Objects.requireNonNull(projected, "projected must not be null");
    Objects.requireNonNull(interval, "interval must not be null");
  }

  /**
   * A prediction interval: the period's end value falls between {@code low} and {@code high}
   * (both included) with the projection's level of confidence.
   *
   * @param low the lower end
   * @param high the upper end, at least {@code low}
   */
  public record Interval(BigDecimal low, BigDecimal high) {
    /**
     * Checks that nothing is null and that {@code low <= high}.
     *
     * @param low the lower end
     * @param high the upper end
     */
    public Interval {
      Objects.requireNonNull(low, "low must not be null");
      Objects.requireNonNull(high, "high must not be null");
      if (low.compareTo(high) > 0) {
        throw new IllegalArgumentException("found an interval from " + low.toPlainString()
            + " to " + high.toPlainString() + "; expected low at most high");
      }
    }

    /**
     * Whether a value lies in the interval, ends included.
     *
     * @param value a value of the gauge
     * @return whether {@code low <= value <= high}
     */
    public boolean contains(BigDecimal value) {
      return low.compareTo(value) <= 0 && value.compareTo(high) <= 0;
    }
  }
}
