package dev.rankgauge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import org.junit.jupiter.api.Test;

/** Kind 6: at least N legs with at least one active distributor anywhere in the leg. */
class ActiveLegsTest {

  static CompPlan plan(int legs) {
    return CompPlan.builder("active legs")
        .rank(Rank.of("MEM", "Member"))
        .rank("GLD", "Gold", Requirement.activeLegs(legs))
        .build();
  }

  /**
   * Active means an order in the period (the default). A has four legs:
   * B - B1 - B2(50): active only deep down; C(100): active on the front line; D: nobody active;
   * E - E1: nobody active.
   */
  static TestOrg org() {
    return TestOrg.create().add("A", null, 100)
        .add("B", "A", 0).add("B1", "B", 0).add("B2", "B1", 50)
        .add("C", "A", 100)
        .add("D", "A", 0)
        .add("E", "A", 0).add("E1", "E", 0);
  }

  @Test
  void aLegIsActiveWithAnActiveDistributorAnywhereInIt() {
    Evaluation e = org().evaluate(plan(2));

    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    assertThat(TestOrg.status(e, "A", "GLD", 0).actual()).isEqualByComparingTo("2");
    // The front-line gauge sees only C.
    assertThat(e.gauge("A", Metric.ACTIVE_PERSONAL_DISTRIBUTORS).value()).isEqualByComparingTo("1");
  }

  @Test
  void theGapCountsActiveLegs() {
    Evaluation e = org().evaluate(plan(3));

    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
    RequirementStatus s = e.result("A").gap().orElseThrow().requirements().get(0);
    assertThat(s.description()).isEqualTo("at least 3 active legs");
    assertThat(s.actual()).isEqualByComparingTo("2");
    assertThat(s.remaining()).isEqualByComparingTo("1");
  }

  @Test
  void theDistributorsOwnActivityIsNotALeg() {
    Evaluation e = TestOrg.create().add("A", null, 100).add("B", "A", 0).evaluate(plan(1));

    assertThat(TestOrg.status(e, "A", "GLD", 0).actual()).isEqualByComparingTo("0");
    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
  }
}
