package dev.rankgauge.rules;

import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleContext;
import dev.rankgauge.spi.RuleFactory;
import dev.rankgauge.spi.RuleOutcome;
import java.util.List;
import java.util.Map;

/**
 * The seed's "sponsor four people who reach Silver to become Gold", written as a host would write
 * it: a {@link RuleFactory} named {@code sponsorsAtRank} with parameters {@code count} and
 * {@code rank}, listed in {@code META-INF/services} so that {@link java.util.ServiceLoader} finds
 * it. The rule reads the downline's results for the period from the {@link RuleContext}.
 */
public final class SponsorsAtRankFactory implements RuleFactory {
  /** The name plans use. */
  public static final String NAME = "sponsorsAtRank";

  /** ServiceLoader needs a public no-argument constructor. */
  public SponsorsAtRankFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public QualificationRule create(Map<String, String> parameters) {
    String count = parameters.get("count");
    String rank = parameters.get("rank");
    if (count == null || rank == null) {
      throw new IllegalArgumentException("needs parameters count and rank, found "
          + parameters.keySet());
    }
    int n;
    try {
      n = Integer.parseInt(count);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("count must be a whole number, found '" + count + "'", e);
    }
    if (n <= 0) {
      throw new IllegalArgumentException("count must be positive, found " + n);
    }
    return new SponsorsAtRank(n, rank);
  }

  /** At least {@code count} personally sponsored distributors paid as {@code rank} or higher. */
  static final class SponsorsAtRank implements QualificationRule {
    private final int count;
    private final String rank;

    SponsorsAtRank(int count, String rank) {
      this.count = count;
      this.rank = rank;
    }

    @Override
    public RuleOutcome evaluate(RuleContext context) {
      int level = context.plan().rankLevel(rank);
      List<String> who = context.sponsoredDistributors().stream()
          .filter(d -> context.plan().rankLevel(d.paidAs().code()) >= level)
          .map(d -> d.distributor().id())
          .toList();
      return RuleOutcome.atLeast(who.size(), count, who.isEmpty()
          ? "none of your personally sponsored distributors is " + rank + " yet"
          : "your personally sponsored " + rank + " or higher: " + String.join(", ", who));
    }

    @Override
    public String describe() {
      return "sponsor " + count + " people who reach " + rank;
    }

    @Override
    public List<String> rankReferences() {
      return List.of(rank);
    }
  }
}
