package dev.rankgauge;

import java.util.List;
import java.util.Optional;

/**
 * Where one distributor stands in the period: the seed's gas gauge view.
 *
 * @param distributor the distributor
 * @param active whether the distributor is active in the period
 * @param gauges the four gauges, in the order of {@link Metric}
 * @param paidAs the highest rank whose whole requirement set is met
 * @param gap the requirements of the rank above {@code paidAs}; empty at the top of the ladder
 * @param focus personal customers and distributors, active and not
 */
public record DistributorResult(
    Distributor distributor,
    boolean active,
    List<Gauge> gauges,
    Rank paidAs,
    Optional<RankGap> gap,
    FocusLists focus) {

  /**
   * Copies the gauges.
   *
   * @param distributor the distributor
   * @param active whether the distributor is active in the period
   * @param gauges the four gauges, in the order of {@link Metric}
   * @param paidAs the highest rank whose whole requirement set is met
   * @param gap the requirements of the rank above {@code paidAs}; empty at the top of the ladder
   * @param focus personal customers and distributors, active and not
   */
  public DistributorResult {
    Checks.notNull(distributor, "distributor");
    gauges = Checks.list(gauges, "gauges");
    Checks.notNull(paidAs, "paidAs");
    Checks.notNull(gap, "gap");
    Checks.notNull(focus, "focus");
  }

  /**
   * The gauge of the given metric.
   *
   * @param metric which of the four gauges
   * @return the gauge of the given metric
   */
  public Gauge gauge(Metric metric) {
    return gauges.get(metric.ordinal());
  }

  /** {@return the rank above the paid-as rank, empty at the top of the ladder} */
  public Optional<Rank> nextRank() {
    return gap.map(RankGap::rank);
  }
}
