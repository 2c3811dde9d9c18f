package dev.rankgauge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One distributor's month-end projection: the four gauges projected, the paid-as rank the
 * projected gauges reach and how likely the distributor is to reach it.
 *
 * @param distributorId the distributor
 * @param gauges the four gauges in the order of {@link Metric}
 * @param rank the paid-as rank that the projected values reach, with the plan's other
 *     requirements (legs, ranks in the downline, history) as they stand at the as-of instant
 * @param likelihood the probability, from 0 to 1 with two decimals, that the distributor ends the
 *     period meeting every requirement of {@code rank} (and so is paid as {@code rank} or higher);
 *     1 for the entry rank; empty when the projection has no interval to take it from
 *     ({@link Projection.Basis#PERIOD_SO_FAR})
 */
public record DistributorProjection(String distributorId, List<ProjectedGauge> gauges, Rank rank,
    Optional<BigDecimal> likelihood) {

  /**
   * Checks that nothing is null and copies the gauges.
   *
   * @param distributorId the distributor
   * @param gauges the four gauges
   * @param rank the projected paid-as rank
   * @param likelihood the probability of reaching {@code rank}, 0 to 1
   */
  public DistributorProjection {
    Objects.requireNonNull(distributorId, "distributorId must not be null");
    gauges = Checks.list(gauges, "gauges");
    Objects.requireNonNull(rank, "rank must not be null");
    Objects.requireNonNull(likelihood, "likelihood must not be null");
  }

  /**
   * One gauge's projection.
   *
   * @param metric the gauge
   * @return its projection
   */
  public ProjectedGauge gauge(Metric metric) {
    Objects.requireNonNull(metric, "metric must not be null");
    for (ProjectedGauge g : gauges) {
      if (g.metric() == metric) {
        return g;
      }
    }
    throw new IllegalArgumentException("found no projection of gauge " + metric);
  }
}
