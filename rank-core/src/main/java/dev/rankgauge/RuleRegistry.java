package dev.rankgauge;

import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Host rules by name, so that plan files can refer to them. Immutable and thread-safe.
 *
 * <pre>{@code
 * RuleRegistry rules = RuleRegistry.builder()
 *     .discover()                          // every RuleFactory on the class path
 *     .register(new SponsoredSilversFactory())
 *     .build();
 * Requirement gold = rules.create("sponsoredSilvers", Map.of("count", "4"));
 * }</pre>
 */
public final class RuleRegistry {
  private static final RuleRegistry EMPTY = new RuleRegistry(Map.of());

  private final Map<String, RuleFactory> factories;

  private RuleRegistry(Map<String, RuleFactory> factories) {
    this.factories = Collections.unmodifiableMap(new TreeMap<>(factories));
  }

  /**
   * A registry without host rules.
   *
   * @return a registry without rules
   */
  public static RuleRegistry empty() {
    return EMPTY;
  }

  /**
   * A registry of every {@link RuleFactory} the context class loader's ServiceLoader finds.
   *
   * @return the registry of the rules found on the class path
   */
  public static RuleRegistry discovered() {
    return builder().discover().build();
  }

  /**
   * A builder for a registry.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the registered rule names, sorted} */
  public Set<String> names() {
    return factories.keySet();
  }

  /**
   * Whether a rule of this name is registered.
   *
   * @param name a rule name
   * @return whether a rule of this name is registered
   */
  public boolean contains(String name) {
    return factories.containsKey(name);
  }

  /**
   * Creates the named rule as a requirement.
   *
   * @param name the rule's registered name
   * @param parameters the rule's parameters as text, by name
   * @return the requirement that runs the rule
   * @throws IllegalArgumentException if no rule has that name (the message lists the registered
   *     ones) or the factory rejects the parameters
   */
  public Requirement.Host create(String name, Map<String, String> parameters) {
    Checks.notNull(name, "rule name");
    Checks.notNull(parameters, "parameters of host rule " + name);
    RuleFactory f = factories.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown host rule '" + name + "'; registered rules are "
          + (factories.isEmpty() ? "none" : String.join(", ", factories.keySet())));
    }
    Map<String, String> copy = new TreeMap<>();
    parameters.forEach((k, v) -> copy.put(Checks.notNull(k, "parameter name of host rule " + name),
        Checks.notNull(v, "parameter " + k + " of host rule " + name)));
    QualificationRule rule;
    try {
      rule = f.create(Collections.unmodifiableMap(copy));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("host rule '" + name + "' rejects parameters " + copy
          + ": " + e.getMessage(), e);
    }
    if (rule == null) {
      throw new IllegalStateException("factory " + f.getClass().getName() + " of host rule '"
          + name + "' created no rule");
    }
    return Requirement.host(name, copy, rule);
  }

  /** Collects factories; not thread-safe. */
  public static final class Builder {
    private final Map<String, RuleFactory> factories = new TreeMap<>();
    private final List<String> duplicates = new ArrayList<>();

    private Builder() {}

    /**
     * Registers a factory under its {@link RuleFactory#name()}. Registering the same factory class
     * twice under one name, say explicitly and through discovery, keeps the first.
     *
     * @param factory the factory of one named rule
     * @return this builder
     */
    public Builder register(RuleFactory factory) {
      Checks.notNull(factory, "rule factory");
      String name = factory.name();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("rule factory " + factory.getClass().getName()
            + " has no name");
      }
      RuleFactory old = factories.putIfAbsent(name, factory);
      if (old != null && old.getClass() != factory.getClass()) {
        duplicates.add(name + " (" + old.getClass().getName() + " and "
            + factory.getClass().getName() + ")");
      }
      return this;
    }

    /**
     * Registers every factory of another registry, as {@link #register} does one by one.
     *
     * @param registry the registry whose factories to add
     * @return this builder
     */
    public Builder registerAll(RuleRegistry registry) {
      Checks.notNull(registry, "registry");
      registry.factories.values().forEach(this::register);
      return this;
    }

    /**
     * Registers every factory the context class loader's ServiceLoader finds.
     *
     * @return this builder
     */
    public Builder discover() {
      return discover(Thread.currentThread().getContextClassLoader());
    }

    /**
     * Registers every factory the given class loader's ServiceLoader finds.
     *
     * @param loader the class loader whose {@code META-INF/services} entries are read
     * @return this builder
     */
    public Builder discover(ClassLoader loader) {
      for (RuleFactory f : ServiceLoader.load(RuleFactory.class, loader)) {
        register(f);
      }
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return the registry
     * @throws IllegalStateException if two different factories claim the same name
     */
    public RuleRegistry build() {
      if (!duplicates.isEmpty()) {
        throw new IllegalStateException("two rule factories share a name: "
            + String.join("; ", duplicates));
      }
      return new RuleRegistry(factories);
    }
  }
}
