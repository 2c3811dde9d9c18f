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
 * @param title the title rank after this period: the highest paid-as rank (or, as the plan
 *     says, the highest rank qualified for) of the history and this period
 * @param held the hold, if the paid-as rank is held above the rank qualified for under the
 *     plan's {@link RankHold}
 * @param qualifiedAs the highest rank whose requirements are met (waived ones counted as met):
 *     the paid-as rank unless it is held or raised by a forced minimum
 * @param overrides the overrides applied to this distributor for the period, in the order given;
 *     empty for none
 */
public record DistributorResult(
    Distributor distributor,
    boolean active,
    List<Gauge> gauges,
    Rank paidAs,
    Optional<RankGap> gap,
    FocusLists focus,
    Rank title,
    Optional<HeldRank> held,
    Rank qualifiedAs,
    List<Overrides.Entry> overrides) {

  /**
   * A result without history: the title is the paid-as rank and nothing is held.
   *
   * @param distributor the distributor
   * @param active whether the distributor is active in the period
   * @param gauges the four gauges, in the order of {@link Metric}
   * @param paidAs the highest rank whose whole requirement set is met
   * @param gap the requirements of the rank above {@code paidAs}; empty at the top of the ladder
   * @param focus personal customers and distributors, active and not
   */
  public DistributorResult(Distributor distributor, boolean active, List<Gauge> gauges,
      Rank paidAs, Optional<RankGap> gap, FocusLists focus) {
    this(distributor, active, gauges, paidAs, gap, focus, paidAs, Optional.empty());
  }

  /**
   * A result without overrides: the rank qualified for is the held rank's, or the paid-as rank.
   *
   * @param distributor the distributor
   * @param active whether the distributor is active in the period
   * @param gauges the four gauges, in the order of {@link Metric}
   * @param paidAs the highest rank whose whole requirement set is met
   * @param gap the requirements of the rank above {@code paidAs}; empty at the top of the ladder
   * @param focus personal customers and distributors, active and not
   * @param title the title rank after this period
   * @param held the hold, if the paid-as rank is held above the rank qualified for
   */
  public DistributorResult(Distributor distributor, boolean active, List<Gauge> gauges,
      Rank paidAs, Optional<RankGap> gap, FocusLists focus, Rank title, Optional<HeldRank> held) {
    this(distributor, active, gauges, paidAs, gap, focus, title, held,
        Checks.notNull(held, "held").map(HeldRank::qualifiedAs).orElse(paidAs), List.of());
  }

  /**
   * Copies the gauges and the overrides.
   *
   * @param distributor the distributor
   * @param active whether the distributor is active in the period
   * @param gauges the four gauges, in the order of {@link Metric}
   * @param paidAs the highest rank whose whole requirement set is met
   * @param gap the requirements of the rank above {@code paidAs}; empty at the top of the ladder
   * @param focus personal customers and distributors, active and not
   * @param title the title rank after this period
   * @param held the hold, if the paid-as rank is held above the rank qualified for
   * @param qualifiedAs the highest rank whose requirements are met
   * @param overrides the overrides applied to this distributor for the period
   */
  public DistributorResult {
    Checks.notNull(distributor, "distributor");
    gauges = Checks.list(gauges, "gauges");
    Checks.notNull(paidAs, "paidAs");
    Checks.notNull(gap, "gap");
    Checks.notNull(focus, "focus");
    Checks.notNull(title, "title");
    Checks.notNull(held, "held");
    Checks.notNull(qualifiedAs, "qualifiedAs");
    overrides = Checks.list(overrides, "overrides");
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
