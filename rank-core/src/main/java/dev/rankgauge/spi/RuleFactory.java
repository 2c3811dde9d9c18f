package dev.rankgauge.spi;

import java.util.Map;

/**
 * Creates a host rule by name from a plan's parameters. Register one explicitly with
 * {@link dev.rankgauge.RuleRegistry.Builder#register(RuleFactory)} or list it in
 * {@code META-INF/services/dev.rankgauge.spi.RuleFactory} for {@link java.util.ServiceLoader}.
 */
public interface RuleFactory {

  /**
   * The name plan files use for this rule, such as {@code sponsoredSilvers}. Unique per registry.
   *
   * @return the name plan files use for this rule, such as {@code sponsoredSilvers}
   */
  String name();

  /**
   * Creates the rule.
   *
   * @param parameters the plan's parameters for this use of the rule, by name
   * @return the rule
   * @throws IllegalArgumentException naming the bad or missing parameter
   */
  QualificationRule create(Map<String, String> parameters);
}
