package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.RuleRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each shipped plan loaded from the jar and evaluated against a small organisation whose ranks
 * were worked out by hand (the working is in the comments). Every distributor has one order in
 * November 2026 of the personal volume given.
 */
class PublishedLaddersTest {

  private static Map<String, String> paidAs(Evaluation e) {
    Map<String, String> out = new LinkedHashMap<>();
    e.results().forEach(r -> out.put(r.distributor().id(), r.paidAs().code()));
    return out;
  }

  @Test
  void doterraPremierNeedsTwoLegsWithAnExecutiveAnywhereInTheLeg() {
    CompPlan plan = PlanFiles.bundled("doterra", RuleRegistry.empty());
    Evaluation e = Orgs.of(plan)
        .d("R", null, 100)
        .d("A", "R", 100).d("A1", "A", 1900)   // A: GV 2,000 -> Executive; A1: GV 1,900 -> Director
        .d("B", "R", 1000)                      // B: GV 1,000 -> Director
        .d("C", "R", 50).d("C1", "C", 2000)     // C: PV 50 < 100 -> entry; C1: GV 2,000 -> Executive
        .evaluate();
    // R: PV 100, GV 100 + 2,000 + 1,000 + 2,050 = 5,150 >= 5,000; legs holding an Executive or
    // higher: A (A itself) and C (C1, one level down), not B -> 2 -> Premier. Silver needs three
    // Elite legs -> none.
    assertThat(paidAs(e)).containsExactly(
        Map.entry("R", "PREM"), Map.entry("A", "EXEC"), Map.entry("A1", "DIR"),
        Map.entry("B", "DIR"), Map.entry("C", "WA"), Map.entry("C1", "EXEC"));
    RequirementStatus legs = e.result("R").gap().orElseThrow().holdingBack().get(0);
    assertThat(legs.description()).isEqualTo("3 legs each with someone at ELITE or higher");
    assertThat(legs.actual()).isEqualByComparingTo("0");
  }

  @Test
  void youngLivingSilverLegBreaksAwayFromPersonalGroupVolume() {
    CompPlan plan = PlanFiles.bundled("young-living", RuleRegistry.empty());
    Evaluation e = Orgs.of(plan)
        .d("S", null, 200)
        .d("X", "S", 100)
        .d("X1", "X", 4500).d("X2", "X", 4500).d("X3", "X", 1000)
        .d("Y", "S", 600)
        .d("Z", "S", 300)
        .d("W", "S", 4200)
        .evaluate();
    // X1, X2: GV 4,500, no legs -> Senior Star (Executive needs two legs of 1,000).
    // X3: GV 1,000 -> Star. X: GV 10,100, PGV 10,100 (no breakaway below), legs of 4,500 and
    // 4,500 >= 4,000 -> Silver. Y: 600 -> Star. Z: 300 < 500 -> Distributor. W: 4,200 -> Senior
    // Star. S: GV 15,400; PGV 200 + 600 + 300 + 4,200 = 5,300 (X's leg breaks away at Silver);
    // legs X 10,100 and W 4,200 >= 4,000 -> Silver; Gold needs 35,000.
    assertThat(paidAs(e)).containsExactly(
        Map.entry("S", "SLV"), Map.entry("X", "SLV"), Map.entry("X1", "SSTAR"),
        Map.entry("X2", "SSTAR"), Map.entry("X3", "STAR"), Map.entry("Y", "STAR"),
        Map.entry("Z", "DIST"), Map.entry("W", "SSTAR"));
    RequirementStatus pgv = e.result("S").gap().orElseThrow().requirements().get(2);
    assertThat(pgv.description()).startsWith("at least 1000 personal group PV");
    assertThat(pgv.actual()).isEqualByComparingTo("5300");
    assertThat(e.result("S").gap().orElseThrow().requirements().get(1).actual())
        .isEqualByComparingTo("15400");
  }

  @Test
  void scentsyStarIsHeldByActiveFrontLineAndGroupVolume() {
    CompPlan plan = PlanFiles.bundled("scentsy", RuleRegistry.empty());
    Evaluation e = Orgs.of(plan)
        .d("T", null, 600)
        .d("F1", "T", 200).d("F1a", "F1", 1500)
        .d("F2", "T", 200)
        .d("F3", "T", 100)
        .evaluate();
    // Active means 150 PRV: F1, F2 and F1a are, F3 is not. F1a: PRV 1,500, GWV 1,500, but no
    // active front line -> Consultant. F1, F2, F3: PRV < 500 -> Consultant.
    // T: PRV 600, GWV 600 + 1,700 + 200 + 100 = 2,600 >= 2,500, 2 active front line -> Star;
    // SuperStar needs 6,000 and 3.
    assertThat(paidAs(e)).containsExactly(
        Map.entry("T", "STAR"), Map.entry("F1", "CONS"), Map.entry("F1a", "CONS"),
        Map.entry("F2", "CONS"), Map.entry("F3", "CONS"));
    assertThat(e.result("T").gap().orElseThrow().holdingBack())
        .extracting(RequirementStatus::description)
        .containsExactly("at least 6000 group PRV", "at least 3 active personal distributors");
  }

  @Test
  void hostRuleDecidesGoldInTheSponsorFourSilversPlan() {
    CompPlan plan = PlanFiles.bundled("sponsor-four-silvers", BundledPlansTest.HOST_RULES);
    Evaluation e = Orgs.of(plan)
        .d("G", null, 100)
        .d("S1", "G", 1000).d("S2", "G", 1000).d("S3", "G", 1000).d("S4", "G", 1000)
        .d("H", null, 100)
        .d("T1", "H", 2000).d("T2", "H", 2000).d("T3", "H", 2000)
        .evaluate();
    // S1-S4: GV 1,000 -> Silver; T1-T3: GV 2,000 -> Silver (Gold needs 3,000).
    // G: GV 4,100 >= 3,000 and four active Silvers sponsored -> Gold; Platinum needs 8,000.
    // H: GV 6,100 >= 3,000 but three Silvers -> Silver.
    assertThat(paidAs(e)).containsExactly(
        Map.entry("G", "GLD"), Map.entry("S1", "SLV"), Map.entry("S2", "SLV"),
        Map.entry("S3", "SLV"), Map.entry("S4", "SLV"), Map.entry("H", "SLV"),
        Map.entry("T1", "SLV"), Map.entry("T2", "SLV"), Map.entry("T3", "SLV"));
    RequirementStatus host = e.result("H").gap().orElseThrow().holdingBack().get(0);
    assertThat(host.description()).isEqualTo("4 active personally sponsored SLV or higher");
    assertThat(host.note().orElseThrow().text()).isEqualTo("3 of 4 active SLV or higher sponsored");
  }

  @Test
  void seedPlanFromJsonStopsAtSilverWithoutActiveCustomers() {
    // Dana's 1,150 PV of the seed demo, but no customers: Gold needs one active customer.
    CompPlan plan = PlanFiles.bundled("seed", RuleRegistry.empty());
    Evaluation e = Orgs.of(plan)
        .d("DANA", null, 1150)
        .d("BEN", "DANA", 200).d("EVA", "DANA", 150).d("FINN", "DANA", 40)
        .d("KIM", "BEN", 2000)
        .evaluate();
    // DANA: PV 1,150, GV 3,540, BEN and EVA active (100 PV) -> Silver needs 0 customers -> Silver.
    // BEN: PV 200, GV 2,200, one active distributor (KIM) -> Silver; the rest have none -> entry.
    assertThat(paidAs(e)).containsExactly(
        Map.entry("DANA", "SLV"), Map.entry("BEN", "SLV"), Map.entry("EVA", "DIST"),
        Map.entry("FINN", "DIST"), Map.entry("KIM", "DIST"));
  }
}
