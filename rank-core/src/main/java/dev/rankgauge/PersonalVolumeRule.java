package dev.rankgauge;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What counts as a distributor's personal volume.
 *
 * @param includeCustomerOrders whether personal customers' orders count as the distributor's
 *     personal volume
 * @param selfPurchaseCap at most this much of the distributor's own purchases counts, if set
 */
public record PersonalVolumeRule(boolean includeCustomerOrders, Optional<BigDecimal> selfPurchaseCap) {

  /**
   * Checks the cap.
   *
   * @param includeCustomerOrders whether personal customers' orders count as the distributor's
   *     personal volume
   * @param selfPurchaseCap at most this much of the distributor's own purchases counts, if set
   */
  public PersonalVolumeRule {
    Checks.notNull(selfPurchaseCap, "selfPurchaseCap");
    selfPurchaseCap.ifPresent(c -> Checks.volume(c, "self-purchase cap"));
  }

  /**
   * Own orders plus personal customers' orders, no cap: what most plans use.
   *
   * @return the personal volume rule
   */
  public static PersonalVolumeRule ownAndCustomerOrders() {
    return new PersonalVolumeRule(true, Optional.empty());
  }

  /**
   * Only the distributor's own orders.
   *
   * @return the personal volume rule
   */
  public static PersonalVolumeRule ownOrdersOnly() {
    return new PersonalVolumeRule(false, Optional.empty());
  }

  /**
   * This rule with at most {@code cap} of the self-purchased part counting.
   *
   * @param cap the most of the distributor's own purchases that counts; not negative
   * @return this rule with at most {@code cap} of the self-purchased part counting
   */
  public PersonalVolumeRule withSelfPurchaseCap(BigDecimal cap) {
    return new PersonalVolumeRule(includeCustomerOrders,
        Optional.of(Checks.notNull(cap, "self-purchase cap")));
  }
}
