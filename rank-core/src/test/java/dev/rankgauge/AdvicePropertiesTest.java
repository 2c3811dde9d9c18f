package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Scenarios.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The laws of advice, checked with a what-if: the scenario evaluated again with the advised
 * orders added. Soundness: every step taken reaches the advised rank. Minimality: leaving out any
 * one step does not.
 */
class AdvicePropertiesTest {

  @Property(tries = 200)
  void everyStepTakenReachesTheRankAndLeavingOneOutDoesNot(
      @ForAll("scenarios") Scenario scenario) {
    Evaluation e = scenario.evaluate();
    CompPlan plan = scenario.plan();
    int complete = 0;
    int incomplete = 0;
    int steps = 0;
    for (Distributor d : scenario.distributors()) {
      Advice a = e.advice(d.id()).orElse(null);
      if (a == null) {
        continue;
      }
      assertThat(plan.rankLevel(a.rank().code())).as("advised rank of %s", d.id())
          .isEqualTo(plan.rankLevel(e.paidAs(d.id()).code()) + 1);
      if (!a.complete()) {
        incomplete++;
        continue;
      }
      complete++;
      int target = plan.rankLevel(a.rank().code());
      assertThat(level(plan, whatIf(scenario, a.orders()), d.id()))
          .as("%s after every step of %s", d.id(), a)
          .isGreaterThanOrEqualTo(target);
      for (AdviceStep left : a.steps()) {
        List<Order> rest = new ArrayList<>();
        for (AdviceStep s : a.steps()) {
          if (s != left) {
            rest.addAll(s.orders());
          }
        }
        // Not qualified for the rank any more; in a plan whose ladder does not rise, a rank
        // higher up may still be met with less, which says nothing about this one.
        assertThat(qualifies(whatIf(scenario, rest), d.id(), a.rank()))
            .as("%s qualifies for %s without step %s of %s", d.id(), a.rank().code(), left, a)
            .isFalse();
        steps++;
      }
      for (int i = 1; i < a.steps().size(); i++) {
        assertThat(a.steps().get(i).volume()).as("cheapest first: %s", a)
            .isGreaterThanOrEqualTo(a.steps().get(i - 1).volume());
      }
    }
    Statistics.label("complete advice").collect(complete > 0)
        .coverage(c -> c.check(true).percentage(p -> p >= 15));
    Statistics.label("incomplete advice").collect(incomplete > 0);
    Statistics.label("several steps").collect(steps > complete)
        .coverage(c -> c.check(true).percentage(p -> p >= 10));
  }

  private static int level(CompPlan plan, Evaluation e, String id) {
    return plan.rankLevel(e.paidAs(id).code());
  }

  private static boolean qualifies(Evaluation e, String id, Rank rank) {
    return e.trace(id).ranks().stream().filter(c -> c.rank().equals(rank)).findFirst()
        .orElseThrow().met();
  }

  private static Evaluation whatIf(Scenario s, List<Order> orders) {
    Scenario with = s;
    for (Order o : orders) {
      with = with.with(o);
    }
    return with.evaluate();
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenarios.anyFourGaugeScenarios().flatMap(s -> structural(s.plan()).map(p ->
        new Scenario(p, s.asOf(), s.distributors(), s.customers(), s.orders())));
  }

  /**
   * The plan with, at random, a leg cap, leg volume slots or a count of legs with a rank added to
   * some of its ranks.
   */
  private static Arbitrary<CompPlan> structural(CompPlan plan) {
    int n = plan.ranks().size();
    return Combinators.combine(
        Scenarios.uniform(0, 5).list().ofSize(n),
        Scenarios.uniform(1, 400).list().ofSize(n),
        Arbitraries.of(true, false))
        .as((kinds, figures, ownIsLeg) -> {
          CompPlan.Builder b = CompPlan.builder(plan.name()).zone(plan.zone())
              .volumeTypes(plan.volumeTypes().toArray(new String[0]))
              .personalVolume(plan.personalVolume())
              .customerActivity(plan.customerActivity())
              .distributorActivity(plan.distributorActivity());
          for (int r = 0; r < n; r++) {
            Rank rank = plan.ranks().get(r);
            List<Requirement> reqs = new ArrayList<>(rank.requirements());
            int figure = figures.get(r);
            if (r > 0) {
              switch (kinds.get(r)) {
                case 1 -> reqs.add(Requirement.cappedGroupVolume(BigDecimal.valueOf(figure * 5L),
                    BigDecimal.valueOf(40 + figure % 61), ownIsLeg));
                case 2 -> reqs.add(Requirement.legsWithVolume(1 + figure % 3,
                    BigDecimal.valueOf(figure)));
                case 3 -> reqs.add(Requirement.legsWithVolumes(List.of(
                    BigDecimal.valueOf(figure * 2L), BigDecimal.valueOf(figure))));
                case 4 -> reqs.add(Requirement.sponsoredWithRank(1 + figure % 2,
                    plan.ranks().get(r - 1).code()));
                case 5 -> reqs.add(Requirement.legsWithRank(1 + figure % 2,
                    plan.ranks().get(r - 1).code()));
                default -> { }
              }
            }
            b.rank(new Rank(rank.code(), rank.name(), reqs));
          }
          return b.build();
        });
  }
}
