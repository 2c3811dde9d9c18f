package dev.rankgauge.rules;

import static dev.rankgauge.Requirement.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Rank;
import dev.rankgauge.Phrase;
import dev.rankgauge.Requirement;
import dev.rankgauge.Trace;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * "Why am I not Gold?": every requirement of every rank with its inputs and outcome, in a stable
 * order, the same whatever the order of the input rows.
 */
class TraceTest {

  static BigDecimal v(long volume) {
    return BigDecimal.valueOf(volume);
  }

  /**
   * Silver: 100 PV, 500 group. Gold: 100 PV, 1,500 group, 2 personally sponsored Silvers, 2 legs
   * of 400. Platinum: 100 PV, 3,000 group, and 2 Gold legs or 5,000 group with at most 50% from
   * any one leg.
   */
  static CompPlan plan() {
    return CompPlan.builder("trace")
        .rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(v(100)), Requirement.groupVolume(v(500)))
        .rank("GLD", "Gold", Requirement.personalVolume(v(100)), Requirement.groupVolume(v(1_500)),
            Requirement.sponsoredWithRank(2, "SLV"), Requirement.legsWithVolume(2, v(400)))
        .rank("PLT", "Platinum", Requirement.personalVolume(v(100)),
            Requirement.groupVolume(v(3_000)),
            Requirement.anyOf(path("A", Requirement.legsWithRank(2, "GLD")),
                path("B", Requirement.cappedGroupVolume(v(5_000), v(50), false))))
        .build();
  }

  /**
   * A 150 with legs B 400 (and B1 200 below), C 300, D 0. B: 400 PV, group 600: Silver. B1, C, D:
   * Members. A: 150 PV, group 150 + 600 + 300 = 1,050: Silver; for Gold 450 group short, 1 of 2
   * sponsored Silvers (B), 1 of 2 legs of 400 (B; C's 300 is the nearest other).
   */
  static TestOrg org() {
    return TestOrg.create().add("A", null, 150).add("B", "A", 400).add("B1", "B", 200)
        .add("C", "A", 300).add("D", "A", 0);
  }

  @Test
  void whyAmINotGold() {
    Trace t = org().evaluate(plan()).trace("A");

    assertThat(t.paidAs().code()).isEqualTo("SLV");
    assertThat(t.ranks()).extracting(c -> c.rank().code()).containsExactly("SLV", "GLD", "PLT");
    assertThat(t.ranks()).extracting(Trace.RankCheck::met).containsExactly(true, false, false);
    assertThat(t.inputs()).extracting(Phrase::text).contains(
        "personal PV: 150 (own orders 150, plus customers' orders)", "group PV: 1050",
        "active personal distributors: 2 of 3");
    assertThat(TestOrg.rankCheck(org().evaluate(plan()), "A", "GLD").requirements())
        .extracting(Object::toString).containsExactly(
            "[met]  at least 100 personal PV: 150 of 100",
            "[open] at least 1500 group PV: 1050 of 1500, 450 to go",
            "[open] at least 2 personally sponsored SLV or higher: 1 of 2, 1 to go (qualifying: B)",
            "[open] 2 legs with at least 400 group PV each: 1 of 2, 1 to go"
                + " (short: a leg of 400 (nearest leg has 300))");
    // Platinum's alternatives: 0 of 2 Gold legs (0%) against 1,050 of 5,000 capped (21%).
    Trace.RankCheck plt = t.ranks().get(2);
    assertThat(plt.requirements().get(2).note().orElseThrow().text()).isEqualTo("closest path: B");
    assertThat(plt.requirements().get(2).parts()).hasSize(2);
    String text = t.format();
    assertThat(text).contains("NOT MET GLD Gold").contains("MET     SLV Silver")
        .contains("path B: at least 5000 group PV with at most 50% from any one leg: 1050 of 5000")
        .contains("Paid as SLV Silver");
    assertThat(text.indexOf("SLV Silver")).isLessThan(text.indexOf("GLD Gold"));
  }

  @Test
  void theTraceDoesNotDependOnTheOrderOfTheInputRows() {
    // Wide enough that notes list several ids: A sponsors five Silvers.
    TestOrg o = org();
    for (int i = 1; i <= 5; i++) {
      o.add("S" + i, "A", 100).add("S" + i + "x", "S" + i, 400);
    }
    Evaluation canonical = o.evaluate(plan());
    for (long seed = 1; seed <= 20; seed++) {
      Evaluation shuffled = RankGauge.evaluate(o.shuffled(seed), plan(), TestOrg.PERIOD);
      for (String id : o.ids()) {
        assertThat(shuffled.trace(id)).isEqualTo(canonical.trace(id));
        assertThat(shuffled.trace(id).format()).isEqualTo(canonical.trace(id).format());
      }
    }
    assertThat(TestOrg.status(canonical, "A", "GLD", 2).note().orElseThrow().text())
        .isEqualTo("qualifying: B, S1, S2, S3, S4, S5");
  }
}
