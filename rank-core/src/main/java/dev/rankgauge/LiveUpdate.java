package dev.rankgauge;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one event changed in a {@link LiveEvaluation}: whose paid-as rank went up or down, and
 * whose gauge crossed a rank mark, each with before and after. Distributors are listed from the
 * event's buyer up their sponsor line (for an order), or in input order (for an event that
 * evaluates everything again); a distributor who just joined has no "before" and is not listed.
 *
 * @param version the number of events applied so far, this one included
 * @param event the event applied
 * @param rankChanges every change of a paid-as rank
 * @param gaugeCrossings every gauge that reached another rank on its own scale
 */
public record LiveUpdate(long version, LiveEvent event, List<RankChange> rankChanges,
    List<GaugeCrossing> gaugeCrossings) {

  /**
   * Checks every field and copies the lists.
   *
   * @param version the number of events applied so far, this one included
   * @param event the event applied
   * @param rankChanges every change of a paid-as rank
   * @param gaugeCrossings every gauge that reached another rank on its own scale
   */
  public LiveUpdate {
    Checks.notNull(event, "event");
    rankChanges = Checks.list(rankChanges, "rankChanges");
    gaugeCrossings = Checks.list(gaugeCrossings, "gaugeCrossings");
  }

  /** {@return whether the event changed no paid-as rank and moved no gauge across a mark} */
  public boolean isQuiet() {
    return rankChanges.isEmpty() && gaugeCrossings.isEmpty();
  }

  /**
   * A distributor's paid-as rank changed.
   *
   * @param distributorId whose rank changed
   * @param before the paid-as rank before the event
   * @param after the paid-as rank after it
   */
  public record RankChange(String distributorId, Rank before, Rank after) {
    /**
     * Checks every field.
     *
     * @param distributorId whose rank changed
     * @param before the paid-as rank before the event
     * @param after the paid-as rank after it
     */
    public RankChange {
      Checks.id(distributorId, "distributorId");
      Checks.notNull(before, "before");
      Checks.notNull(after, "after");
    }
  }

  /**
   * One of a distributor's four gauges reached another rank's mark, up or down.
   *
   * @param distributorId whose gauge it is
   * @param metric which gauge
   * @param before the rank the gauge reached before the event
   * @param after the rank it reaches after
   * @param valueBefore the gauge's value before
   * @param valueAfter its value after
   */
  public record GaugeCrossing(String distributorId, Metric metric, Rank before, Rank after,
      BigDecimal valueBefore, BigDecimal valueAfter) {
    /**
     * Checks every field.
     *
     * @param distributorId whose gauge it is
     * @param metric which gauge
     * @param before the rank the gauge reached before the event
     * @param after the rank it reaches after
     * @param valueBefore the gauge's value before
     * @param valueAfter its value after
     */
    public GaugeCrossing {
      Checks.id(distributorId, "distributorId");
      Checks.notNull(metric, "metric");
      Checks.notNull(before, "before");
      Checks.notNull(after, "after");
      Checks.notNull(valueBefore, "valueBefore");
      Checks.notNull(valueAfter, "valueAfter");
    }
  }
}
