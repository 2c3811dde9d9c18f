package dev.rankgauge;

/**
 * A paid-as rank held above the rank a distributor qualifies for, under the plan's
 * {@link RankHold}.
 *
 * @param qualifiedAs the highest rank whose requirements the distributor meets this period
 * @param periodsHeld how many periods in a row, this one included, the rank has been held
 * @param periodsLeft how many more periods it can be held if the distributor still qualifies
 *     below it; 0 when it drops next period
 */
public record HeldRank(Rank qualifiedAs, int periodsHeld, int periodsLeft) {
  /**
   * Checks the fields.
   *
   * @param qualifiedAs the highest rank whose requirements the distributor meets this period
   * @param periodsHeld how many periods in a row, this one included, the rank has been held
   * @param periodsLeft how many more periods it can be held
   */
  public HeldRank {
    Checks.notNull(qualifiedAs, "qualifiedAs");
    Checks.positive(periodsHeld, "periodsHeld");
    Checks.nonNegative(periodsLeft, "periodsLeft");
  }
}
