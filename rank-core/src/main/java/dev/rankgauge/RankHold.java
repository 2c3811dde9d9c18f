package dev.rankgauge;

/**
 * What a plan does when a distributor stops qualifying for the rank they were paid as last
 * period: demote at once ({@link #none()}), keep the last paid-as rank for a grace of some periods
 * ({@link #keepPaidAs(int)}), or step down one rank per period ({@link #stepDown()}). A held rank
 * is the distributor's paid-as rank: uplines counting ranks see it. Evaluations read the last
 * paid-as rank from the {@link History} they are given; without history nobody is held.
 */
public sealed interface RankHold {

  /**
   * No grace: a distributor is paid as the rank they qualify for.
   *
   * @return the policy
   */
  static RankHold none() {
    return new None();
  }

  /**
   * A distributor who qualifies below last period's paid-as rank keeps it for up to
   * {@code periods} periods in a row, then drops to the rank they qualify for.
   *
   * @param periods the periods of grace, at least 1
   * @return the policy
   */
  static RankHold keepPaidAs(int periods) {
    return new KeepPaidAs(periods);
  }

  /**
   * A distributor who qualifies below last period's paid-as rank is paid one rank below it (or
   * as the rank they qualify for, if that is higher), so they drop one rank per period.
   *
   * @return the policy
   */
  static RankHold stepDown() {
    return new StepDown();
  }

  /** {@return a sentence for people, such as "keep the last paid-as rank for 2 periods"} */
  String describe();

  /** No grace. */
  record None() implements RankHold {
    @Override
    public String describe() {
      return "no grace: paid as the rank qualified for";
    }
  }

  /**
   * Keep the last paid-as rank for a number of periods.
   *
   * @param periods the periods of grace, at least 1
   */
  record KeepPaidAs(int periods) implements RankHold {
    /**
     * Checks the periods.
     *
     * @param periods the periods of grace, at least 1
     */
    public KeepPaidAs {
      Checks.positive(periods, "periods");
    }

    @Override
    public String describe() {
      return "keep the last paid-as rank for " + periods + (periods == 1 ? " period" : " periods")
          + ", then drop to the rank qualified for";
    }
  }

  /** Drop one rank per period. */
  record StepDown() implements RankHold {
    @Override
    public String describe() {
      return "drop one rank per period below the last paid-as rank";
    }
  }
}
