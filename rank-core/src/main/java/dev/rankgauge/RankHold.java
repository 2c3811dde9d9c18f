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

  /**
   * {@return the policy as a phrase for people, such as "keep the last paid-as rank for 2
   * periods, ...", to write in any language}
   */
  Phrase phrase();

  /** {@return the policy in English, as {@code phrase().text()}} */
  default String describe() {
    return phrase().text();
  }

  /** No grace. */
  record None() implements RankHold {
    @Override
    public Phrase phrase() {
      return Phrase.of("hold.none");
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
    public Phrase phrase() {
      return Phrase.of("hold.keepPaidAs", periods);
    }
  }

  /** Drop one rank per period. */
  record StepDown() implements RankHold {
    @Override
    public Phrase phrase() {
      return Phrase.of("hold.stepDown");
    }
  }
}
