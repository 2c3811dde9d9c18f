package dev.rankgauge.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGap;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.rules.TestOrg;
import org.junit.jupiter.api.Test;

/** The Young Living ladder of {@link RealPlans#youngLiving()} on hand-built organisations. */
class YoungLivingTest {
  private final CompPlan plan = RealPlans.youngLiving();
  /** Where PGV and the legs sit in Silver and up. */
  private static final int PGV = 2;
  private static final int LEGS = 3;

  @Test
  void theLadderReadsAsPublished() {
    assertThat(plan.ranks()).extracting(Rank::code)
        .containsExactly("DST", "STR", "SST", "EXE", "SLV", "GLD", "PLT", "DIA");
    assertThat(plan.rank("DIA").orElseThrow().requirements()).extracting(q -> q.describe("PV"))
        .containsExactly("at least 100 personal PV", "at least 250000 group PV",
            "at least 1000 personal group PV (down to the first SLV or higher in each leg,"
                + " excluded)",
            "5 legs with at least 15000 group PV each");
  }

  @Test
  void anExecutiveWithALegExactlyAtItsLimit() {
    // E(100) with legs L1 1,000, L2 1,500, L3 1,500: OGV 4,100 >= 4,000, and three legs of
    // 1,000 or more (L1 exactly 1,000): Executive. L1: 1,000 PV and OGV: Star (Senior Star needs
    // 2,000). For Silver E lacks 5,900 OGV and both legs of 4,000; PGV (4,100) is there.
    Evaluation e = TestOrg.create().add("E", null, 100)
        .add("L1", "E", 1_000).add("L2", "E", 1_500).add("L3", "E", 1_500)
        .evaluate(plan);

    assertThat(e.paidAs("L1").code()).isEqualTo("STR");
    assertThat(e.paidAs("E").code()).isEqualTo("EXE");
    RankGap gap = e.result("E").gap().orElseThrow();
    assertThat(gap.rank().code()).isEqualTo("SLV");
    assertThat(gap.holdingBack()).extracting(Object::toString).containsExactly(
        "[open] at least 10000 group PV: 4100 of 10000, 5900 to go",
        "[open] 2 legs with at least 4000 group PV each: 0 of 2, 2 to go"
            + " (short: a leg of 4000 (nearest leg has 1500); a leg of 4000 (nearest leg has"
            + " 1500))");
  }

  @Test
  void aSeniorStarWithOneBigLegIsNoExecutive() {
    // F(100) with one leg of 3,900: OGV 4,000 but one leg of 1,000: Senior Star.
    Evaluation e = TestOrg.create().add("F", null, 100).add("F1", "F", 3_900).evaluate(plan);

    assertThat(e.paidAs("F").code()).isEqualTo("SST");
    assertThat(e.result("F").gap().orElseThrow().holdingBack()).singleElement()
        .hasToString("[open] 2 legs with at least 1000 group PV each: 1 of 2, 1 to go"
            + " (short: a leg of 1000 (no such leg yet))");
  }

  /**
   * A Silver exactly at the mark when {@code third} is 1,900: id(100) with legs id1 4,000,
   * id2 4,000 (each 4,000 PV and OGV: Senior Stars, one leg each) and id3 {@code third}.
   * OGV 100 + 4,000 + 4,000 + 1,900 = 10,000; nobody below is Silver, so PGV = OGV.
   */
  static void silver(TestOrg o, String id, String sponsor, long third) {
    o.add(id, sponsor, 100).add(id + "1", id, 4_000).add(id + "2", id, 4_000)
        .add(id + "3", id, third);
  }

  @Test
  void twoBreakawaysExactlyAtSilverCostTheUplineItsSilver() {
    // S(100) with Silver legs A and B (each OGV exactly 10,000) and C(700).
    // OGV 100 + 10,000 + 10,000 + 700 = 20,800; legs of 4,000: A and B. But A and B are Silver,
    // so they break away: PGV = 100 + 700 = 800 < 1,000. Not Silver: Executive (OGV >= 4,000,
    // two legs of 1,000).
    TestOrg o = TestOrg.create().add("S", null, 100);
    silver(o, "A", "S", 1_900);
    silver(o, "B", "S", 1_900);
    o.add("C", "S", 700);
    Evaluation e = o.evaluate(plan);

    assertThat(e.paidAs("A").code()).isEqualTo("SLV");
    assertThat(e.paidAs("B").code()).isEqualTo("SLV");
    assertThat(e.paidAs("S").code()).isEqualTo("EXE");
    RequirementStatus pgv = e.result("S").gap().orElseThrow().holdingBack().get(0);
    assertThat(pgv).hasToString("[open] at least 1000 personal group PV (down to the first SLV"
        + " or higher in each leg, excluded): 800 of 1000, 200 to go (2 breakaways at SLV or"
        + " higher, their downline not counted; on the front line: A, B)");
    assertThat(TestOrg.status(e, "S", "SLV", LEGS).met()).isTrue();
  }

  @Test
  void onePVBelowTheBreakawayTheLegStaysAndTheUplineIsSilver() {
    // As above, but B3 has 1,899: B's OGV is 9,999, B is an Executive (legs of 4,000 >= 1,000)
    // and no breakaway. S: PGV = 100 + 9,999 + 700 = 10,799 >= 1,000; OGV 20,799; legs A
    // (10,000) and B (9,999) of 4,000: Silver. Gold needs 35,000.
    TestOrg o = TestOrg.create().add("S", null, 100);
    silver(o, "A", "S", 1_900);
    silver(o, "B", "S", 1_899);
    o.add("C", "S", 700);
    Evaluation e = o.evaluate(plan);

    assertThat(e.paidAs("B").code()).isEqualTo("EXE");
    assertThat(e.paidAs("S").code()).isEqualTo("SLV");
    assertThat(TestOrg.status(e, "S", "SLV", PGV).actual()).isEqualByComparingTo("10799");
  }

  @Test
  void aGoldWithThreeSilverLegs() {
    // G(1,000) with Silver legs A, B, C (10,000 each) and D(5,000).
    // OGV 1,000 + 30,000 + 5,000 = 36,000 >= 35,000; legs of 6,000: A, B, C;
    // PGV 1,000 + 5,000 = 6,000 (the Silvers break away): Gold. Platinum needs 100,000.
    TestOrg o = TestOrg.create().add("G", null, 1_000);
    silver(o, "A", "G", 1_900);
    silver(o, "B", "G", 1_900);
    silver(o, "C", "G", 1_900);
    o.add("D", "G", 5_000);
    Evaluation e = o.evaluate(plan);

    assertThat(e.paidAs("G").code()).isEqualTo("GLD");
    assertThat(TestOrg.status(e, "G", "GLD", PGV).actual()).isEqualByComparingTo("6000");
    assertThat(TestOrg.status(e, "G", "GLD", LEGS).actual()).isEqualByComparingTo("3");
  }
}
