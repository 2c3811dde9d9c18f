package dev.rankgauge;

import java.math.BigDecimal;

/**
 * What makes a customer or a distributor active in a period. A plan sets one for customers and
 * one for distributors. Only paid orders count as orders; volume is the period's net volume.
 */
public sealed interface ActivityRule {

  /**
   * Active with at least this much volume in the period (for a distributor, personal volume).
   *
   * @param volume the least volume in the period; not negative
   * @return the activity rule
   */
  static ActivityRule minimumVolume(BigDecimal volume) {
    return new MinimumVolume(volume);
  }

  /**
   * Active with at least one paid order in the period, even one that was returned later: placing
   * the order is what counts. See {@link #netVolumeAboveZero()} for a rule that returns undo.
   *
   * @return the activity rule
   */
  static ActivityRule orderInPeriod() {
    return new OrderInPeriod();
  }

  /**
   * Active with net volume above zero in the period: paid orders minus the returns dated in it
   * (for a distributor, net personal volume). A paid order returned in full in the same period
   * does not make anyone active, unlike {@link #orderInPeriod()}; an order of zero volume does
   * not either.
   *
   * @return the activity rule
   */
  static ActivityRule netVolumeAboveZero() {
    return new NetVolumeAboveZero();
  }

  /**
   * Active with a paid order within the last {@code days} days before the as-of instant; the window
   * may reach back before the period start.
   *
   * @param days the number of days, at least 1
   * @return the activity rule
   */
  static ActivityRule orderWithinDays(int days) {
    return new OrderWithinDays(days);
  }

  /**
   * The rule as a phrase for people, such as "at least 50 PV in the period", to write in any
   * language.
   *
   * @param volumeType the plan's qualifying volume type, named in the sentence
   * @return the phrase
   */
  Phrase phrase(String volumeType);

  /**
   * A sentence for people in English, such as "at least 50 PV in the period": {@code
   * phrase(volumeType).text()}.
   *
   * @param volumeType the plan's qualifying volume type, named in the sentence
   * @return a sentence for people, such as "at least 50 PV in the period"
   */
  default String describe(String volumeType) {
    return phrase(volumeType).text();
  }

  /**
   * Calls the method of {@code visitor} for this rule's kind, so that code treating each kind its
   * own way is checked by the compiler to cover them all.
   *
   * @param <R> what the visitor returns
   * @param visitor one method per kind
   * @return what the visitor's method for this kind returned
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of activity rule.
   *
   * @param <R> what each method returns
   */
  interface Visitor<R> {
    /**
     * Visits a minimum volume rule.
     *
     * @param rule the rule
     * @return the visitor's result
     */
    R visit(MinimumVolume rule);

    /**
     * Visits an order-in-the-period rule.
     *
     * @param rule the rule
     * @return the visitor's result
     */
    R visit(OrderInPeriod rule);

    /**
     * Visits a net-volume-above-zero rule.
     *
     * @param rule the rule
     * @return the visitor's result
     */
    R visit(NetVolumeAboveZero rule);

    /**
     * Visits a rolling window rule.
     *
     * @param rule the rule
     * @return the visitor's result
     */
    R visit(OrderWithinDays rule);
  }

  /** @param volume the minimum volume, not negative */
  record MinimumVolume(BigDecimal volume) implements ActivityRule {
    /**
     * Checks the volume.
     *
     * @param volume the least volume in the period; not negative
     */
    public MinimumVolume {
      Checks.volume(volume, "minimum activity volume");
    }

    @Override
    public Phrase phrase(String volumeType) {
      return Phrase.of("activity.minimumVolume", volume, Checks.notNull(volumeType, "volumeType"));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** At least one paid order in the period, returned later or not. */
  record OrderInPeriod() implements ActivityRule {
    @Override
    public Phrase phrase(String volumeType) {
      return Phrase.of("activity.orderInPeriod");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** Net volume above zero in the period, returns deducted. */
  record NetVolumeAboveZero() implements ActivityRule {
    @Override
    public Phrase phrase(String volumeType) {
      return Phrase.of("activity.netVolume", Checks.notNull(volumeType, "volumeType"));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** @param days the length of the rolling window, at least 1 */
  record OrderWithinDays(int days) implements ActivityRule {
    /**
     * Checks the window.
     *
     * @param days the number of days, at least 1
     */
    public OrderWithinDays {
      Checks.positive(days, "activity window in days");
    }

    @Override
    public Phrase phrase(String volumeType) {
      return Phrase.of("activity.orderWithinDays", days);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
