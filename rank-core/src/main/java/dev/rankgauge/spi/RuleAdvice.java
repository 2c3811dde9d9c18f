package dev.rankgauge.spi;

import dev.rankgauge.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One step a host rule advises towards meeting it ({@link QualificationRule#advise}).
 *
 * @param sentence what to do, in words the distributor can read
 * @param people ids of the customers or distributors the step names, whose contact details the
 *     advice shows; ids the organisation does not have are left out
 * @param volume the volume the step adds, in the plan's qualifying volume type: its cost
 * @param orders hypothetical orders that take the step, for the what-if; empty if orders alone
 *     cannot take it (then the advice is not complete)
 */
public record RuleAdvice(String sentence, List<String> people, BigDecimal volume,
    List<Order> orders) {

  /**
   * Checks and copies every field.
   *
   * @param sentence what to do, in words the distributor can read
   * @param people ids of the customers or distributors the step names
   * @param volume the volume the step adds
   * @param orders hypothetical orders that take the step
   */
  public RuleAdvice {
    Objects.requireNonNull(sentence, "sentence must not be null");
    people = copy(people, "people");
    Objects.requireNonNull(volume, "volume must not be null");
    if (volume.signum() < 0) {
      throw new IllegalArgumentException("volume must not be negative: " + volume.toPlainString());
    }
    orders = copy(orders, "orders");
  }

  private static <T> List<T> copy(List<T> values, String what) {
    Objects.requireNonNull(values, what + " must not be null");
    for (T v : values) {
      Objects.requireNonNull(v, what + " must not hold null");
    }
    return List.copyOf(values);
  }
}
