package dev.rankgauge.examples.rules;

import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleContext;
import dev.rankgauge.spi.RuleFactory;
import dev.rankgauge.spi.RuleOutcome;
import java.util.List;
import java.util.Map;

/**
 * An example host rule, the seed's "sponsor four people who reach Silver to become Gold" with a
 * twist the built-in kind does not have: only <em>active</em> sponsored distributors count.
 * Registered as {@code activeSponsoredWithRank} with parameters {@code count} and {@code rank},
 * and found through {@code META-INF/services/dev.rankgauge.spi.RuleFactory}, so the bundled plan
 * {@code sponsor-four-silvers} loads in the command line.
 */
public final class ActiveSponsoredWithRankFactory implements RuleFactory {

  @Override
  public String name() {
    return "activeSponsoredWithRank";
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
      throw new IllegalArgumentException("count must be a whole number, found " + count);
    }
    if (n < 1) {
      throw new IllegalArgumentException("count must be at least 1, found " + n);
    }
    return new Rule(n, rank);
  }

  private record Rule(int count, String rank) implements QualificationRule {
    @Override
    public RuleOutcome evaluate(RuleContext context) {
      int need = context.plan().rankLevel(rank);
      long have = context.sponsoredDistributors().stream()
          .filter(d -> d.active() && context.plan().rankLevel(d.paidAs().code()) >= need)
          .count();
      return RuleOutcome.atLeast(have, count, have + " of " + count + " active " + rank
          + " or higher sponsored");
    }

    @Override
    public String describe() {
      return count + " active personally sponsored " + rank + " or higher";
    }

    @Override
    public List<String> rankReferences() {
      return List.of(rank);
    }
  }
}
