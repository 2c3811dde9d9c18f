package dev.rankgauge.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGap;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.rules.TestOrg;
import org.junit.jupiter.api.Test;

/** The doTERRA ladder of {@link RealPlans#doTerra()} on hand-built organisations. */
class DoTerraTest {
  private final CompPlan plan = RealPlans.doTerra();

  @Test
  void theLadderReadsAsPublished() {
    assertThat(plan.ranks()).extracting(Rank::code).containsExactly("WA", "MGR", "DIR", "EXE",
        "ELT", "PRM", "SLV", "GLD", "PLT", "DIA", "BDI", "PDI");
    assertThat(plan.rank("PRM").orElseThrow().requirements())
        .extracting(q -> q.describe("PV")).containsExactly("at least 100 personal PV",
            "at least 5000 group PV", "2 legs each with someone at EXE or higher");
  }

  @Test
  void theOrganisationalVolumeRanks() {
    // Five roots, each with one distributor below them.
    // M: 100 + 400 = 500 OV, exactly Manager.         D: 100 + 900 = 1,000: Director.
    // E: 100 + 1,899 = 1,999: one short of Executive.  L: 100 + 2,900 = 3,000: Elite.
    // N: 99 + 4,901 = 5,000 OV but 99 PV: 100 PV is on every rank, so Wellness Advocate.
    TestOrg o = TestOrg.create()
        .add("M", null, 100).add("m", "M", 400)
        .add("D", null, 100).add("d", "D", 900)
        .add("E", null, 100).add("e", "E", 1_899)
        .add("L", null, 100).add("l", "L", 2_900)
        .add("N", null, 99).add("n", "N", 4_901);
    Evaluation ev = o.evaluate(plan);

    assertThat(ev.paidAs("M").code()).isEqualTo("MGR");
    assertThat(ev.paidAs("m").code()).isEqualTo("WA"); // 400 PV, 400 OV: short of 500
    assertThat(ev.paidAs("D").code()).isEqualTo("DIR");
    assertThat(ev.paidAs("E").code()).isEqualTo("DIR");
    assertThat(ev.result("E").gap().orElseThrow().holdingBack()).singleElement()
        .hasToString("[open] at least 2000 group PV: 1999 of 2000, 1 to go");
    assertThat(ev.paidAs("L").code()).isEqualTo("ELT");
    assertThat(ev.paidAs("N").code()).isEqualTo("WA");
    assertThat(ev.paidAs("n").code()).isEqualTo("ELT"); // 4,901 PV and OV
  }

  /**
   * A Premier whose first Executive leg holds its Executive four levels down:
   * <pre>
   * P(100) ── L1(0) ── L1a(0) ── L1b(0) ── X1(x1) ── X1c(1,900)
   *        ── L2(100) ── X2c(1,900)
   *        ── L3(1,000)
   * </pre>
   */
  static TestOrg premier(TestOrg o, String p, String sponsor, long x1) {
    o.add(p, sponsor, 100);
    o.add(p + "L1", p, 0).add(p + "L1a", p + "L1", 0).add(p + "L1b", p + "L1a", 0)
        .add(p + "X1", p + "L1b", x1).add(p + "X1c", p + "X1", 1_900);
    o.add(p + "L2", p, 100).add(p + "X2c", p + "L2", 1_900);
    return o.add(p + "L3", p, 1_000);
  }

  @Test
  void aPremierWhoseExecutiveSitsDeepInTheLeg() {
    // X1: 100 PV, OV 100 + 1,900 = 2,000: Executive, at level 4 of leg L1. L1, L1a, L1b have no
    // PV: Wellness Advocates. L2: 100 PV, OV 2,000: Executive on the front line. L3: 1,000 PV
    // and OV: Director. P: OV 100 + 2,000 + 2,000 + 1,000 = 5,100 >= 5,000, Executive legs L1
    // and L2: Premier. No Elite anywhere, so not Silver.
    Evaluation e = premier(TestOrg.create(), "P", null, 100).evaluate(plan);

    assertThat(e.paidAs("PX1").code()).isEqualTo("EXE");
    assertThat(e.paidAs("PL1").code()).isEqualTo("WA");
    assertThat(e.paidAs("PL2").code()).isEqualTo("EXE");
    assertThat(e.paidAs("P").code()).isEqualTo("PRM");
    RequirementStatus legs = TestOrg.status(e, "P", "PRM", 2);
    assertThat(legs.actual()).isEqualByComparingTo("2");
    assertThat(legs.note().orElseThrow().text()).isEqualTo("qualifying legs: PL1, PL2");
  }

  @Test
  void withoutTheDeepExecutiveThePremierIsAnElite() {
    // X1 with 99 PV is no Executive (100 PV on all); X1c (1,900: Director) is the best in leg L1.
    // P: OV 5,099, only leg L2 holds an Executive: Elite (3,000 OV), one leg short of Premier.
    Evaluation e = premier(TestOrg.create(), "P", null, 99).evaluate(plan);

    assertThat(e.paidAs("PX1").code()).isEqualTo("WA");
    assertThat(e.paidAs("P").code()).isEqualTo("ELT");
    RankGap gap = e.result("P").gap().orElseThrow();
    assertThat(gap.rank().code()).isEqualTo("PRM");
    assertThat(gap.holdingBack()).singleElement()
        .hasToString("[open] 2 legs each with someone at EXE or higher: 1 of 2, 1 to go"
            + " (qualifying legs: PL2)");
  }

  @Test
  void aGoldWithAPremierTwoLevelsDownOneLeg() {
    // G(100) has three legs: Premier A, Premier B, and H(0) with Premier C below. Each Premier is
    // the one above (OV 5,100). Three Premier legs: Gold; they are Elite or higher too, so Silver
    // holds as well. No Silver anywhere below, so not Platinum.
    TestOrg o = TestOrg.create().add("G", null, 100);
    premier(o, "A", "G", 100);
    premier(o, "B", "G", 100);
    o.add("H", "G", 0);
    premier(o, "C", "H", 100);
    Evaluation e = o.evaluate(plan);

    assertThat(e.paidAs("C").code()).isEqualTo("PRM");
    assertThat(e.paidAs("H").code()).isEqualTo("WA");
    assertThat(e.paidAs("G").code()).isEqualTo("GLD");
    assertThat(TestOrg.status(e, "G", "GLD", 1).note().orElseThrow().text()).isEqualTo("qualifying legs: A, B, H");
    assertThat(TestOrg.rankCheck(e, "G", "SLV").met()).isTrue();
    assertThat(e.result("G").gap().orElseThrow().holdingBack()).singleElement()
        .hasToString("[open] 3 legs each with someone at SLV or higher: 0 of 3, 3 to go");
  }

  /** An Elite: 100 PV and one distributor with 2,900 below (an Executive: 2,900 OV). */
  static void elite(TestOrg o, String id, String sponsor, long pv) {
    o.add(id, sponsor, pv).add(id + "x", id, 2_900);
  }

  /** A Silver: 100 PV and three Elite legs, the third one's PV given. */
  static void silver(TestOrg o, String id, String sponsor, long thirdElitePv) {
    o.add(id, sponsor, 100);
    elite(o, id + "1", id, 100);
    elite(o, id + "2", id, 100);
    elite(o, id + "3", id, thirdElitePv);
  }

  @Test
  void aDiamondWithFourSilverLegs() {
    // Q(100) with Silver legs S, T, U and V, V one level down below W(0). Each Silver: three
    // Elites of 100 + 2,900 = 3,000 OV. Four Silver legs: Diamond (Blue Diamond needs 5 Gold
    // legs).
    TestOrg o = TestOrg.create().add("Q", null, 100);
    silver(o, "S", "Q", 100);
    silver(o, "T", "Q", 100);
    silver(o, "U", "Q", 100);
    o.add("W", "Q", 0);
    silver(o, "V", "W", 100);
    Evaluation e = o.evaluate(plan);

    assertThat(e.paidAs("S").code()).isEqualTo("SLV");
    assertThat(e.paidAs("Q").code()).isEqualTo("DIA");
  }

  @Test
  void oneElitePVShortAndTheDiamondIsAPlatinum() {
    // As above, but V's third Elite V3 has 99 PV: V3 is a Wellness Advocate (its 2,900 PV
    // distributor below is an Executive). V keeps two Elite legs and an Executive leg:
    // OV 100 + 3,000 + 3,000 + 2,999 = 9,099, two Executive legs: Premier, not Silver.
    // Q has three Silver legs left: Platinum, one short of Diamond.
    TestOrg o = TestOrg.create().add("Q", null, 100);
    silver(o, "S", "Q", 100);
    silver(o, "T", "Q", 100);
    silver(o, "U", "Q", 100);
    o.add("W", "Q", 0);
    silver(o, "V", "W", 99);
    Evaluation e = o.evaluate(plan);

    assertThat(e.paidAs("V3").code()).isEqualTo("WA");
    assertThat(e.paidAs("V3x").code()).isEqualTo("EXE");
    assertThat(e.paidAs("V").code()).isEqualTo("PRM");
    assertThat(e.paidAs("Q").code()).isEqualTo("PLT");
    assertThat(e.result("Q").gap().orElseThrow().holdingBack()).singleElement()
        .hasToString("[open] 4 legs each with someone at SLV or higher: 3 of 4, 1 to go"
            + " (qualifying legs: S, T, U)");
  }
}
