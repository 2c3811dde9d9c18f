package dev.rankgauge.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a rule found for one distributor. Built-in and host rules report the same shape.
 *
 * @param met whether the requirement is met
 * @param actual what the distributor has, in the rule's unit (volume, count)
 * @param required what the requirement asks for, in the same unit
 * @param explanation a sentence the distributor can read
 */
public record RuleOutcome(boolean met, BigDecimal actual, BigDecimal required, String explanation) {

  /**
   * Checks every field.
   *
   * @param met whether the requirement is met
   * @param actual what the distributor has, in the rule's unit (volume, count)
   * @param required what the requirement asks for, in the same unit
   * @param explanation a sentence the distributor can read
   */
  public RuleOutcome {
    Objects.requireNonNull(actual, "actual must not be null");
    Objects.requireNonNull(required, "required must not be null");
    Objects.requireNonNull(explanation, "explanation must not be null");
  }

  /**
   * An outcome that is met exactly when {@code actual >= required}.
   *
   * @param actual what the distributor has, in the rule's unit (volume, count)
   * @param required what the requirement asks for, in the same unit
   * @param explanation a sentence the distributor can read
   * @return the rule outcome
   */
  public static RuleOutcome atLeast(BigDecimal actual, BigDecimal required, String explanation) {
    Objects.requireNonNull(actual, "actual must not be null");
    Objects.requireNonNull(required, "required must not be null");
    return new RuleOutcome(actual.compareTo(required) >= 0, actual, required, explanation);
  }

  /**
   * An outcome that is met exactly when {@code actual >= required}.
   *
   * @param actual what the distributor has, in the rule's unit (volume, count)
   * @param required what the requirement asks for, in the same unit
   * @param explanation a sentence the distributor can read
   * @return the rule outcome
   */
  public static RuleOutcome atLeast(long actual, long required, String explanation) {
    return atLeast(BigDecimal.valueOf(actual), BigDecimal.valueOf(required), explanation);
  }
}
