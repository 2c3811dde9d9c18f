package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Scenarios.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A requirement over several periods, asked over one period, is the single-period requirement it
 * generalises: the same organisation and plan give every distributor the same paid-as rank.
 */
class HistoryRulePropertiesTest {

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenarios.anyFourGaugeScenarios();
  }

  private static Scenario with(Scenario s, CompPlan plan) {
    return new Scenario(plan, s.asOf(), s.distributors(), s.customers(), s.orders());
  }

  private static void samePaidAs(Scenario a, Scenario b) {
    Evaluation ea = a.evaluate();
    Evaluation eb = b.evaluate();
    for (Distributor d : a.distributors()) {
      assertThat(eb.paidAs(d.id()).code()).as("paid-as of %s", d.id())
          .isEqualTo(ea.paidAs(d.id()).code());
    }
  }

  @Property(tries = 200)
  void personalVolumeAccumulatedOverOnePeriodIsPersonalVolume(
      @ForAll("scenarios") Scenario scenario) {
    List<Rank> ranks = new ArrayList<>();
    for (Rank r : scenario.plan().ranks()) {
      List<Requirement> qs = new ArrayList<>();
      for (Requirement q : r.requirements()) {
        qs.add(q instanceof Requirement.PersonalVolume p
            ? Requirement.accumulatedVolume(p.volume(), 1, Optional.empty()) : q);
      }
      ranks.add(new Rank(r.code(), r.name(), qs));
    }
    samePaidAs(scenario, with(scenario, scenario.plan().toBuilder().ranks(ranks).build()));
  }

  @Property(tries = 200)
  void paidAsARankOnePeriodInARowIsMeetingThatRank(@ForAll("scenarios") Scenario scenario) {
    List<Rank> ranks = scenario.plan().ranks();
    Rank target = ranks.get(ranks.size() - 1);
    CompPlan asRule = scenario.plan().toBuilder()
        .rank(Rank.of("TOP", "Top", Requirement.paidAsInRow(1, target.code(), true))).build();
    CompPlan asCopy = scenario.plan().toBuilder()
        .rank(new Rank("TOP", "Top", target.requirements())).build();
    samePaidAs(with(scenario, asCopy), with(scenario, asRule));
  }
}
