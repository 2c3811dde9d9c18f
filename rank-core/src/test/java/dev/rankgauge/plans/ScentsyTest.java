package dev.rankgauge.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.rules.TestOrg;
import org.junit.jupiter.api.Test;

/**
 * The Scentsy ladder of {@link RealPlans#scentsy()} on hand-built organisations. Volumes are
 * wholesale volume (WV); 500 PRV is 375 WV; active means 150 WV.
 */
class ScentsyTest {
  private final CompPlan plan = RealPlans.scentsy();

  @Test
  void theLadderReadsAsPublished() {
    assertThat(plan.ranks()).extracting(Rank::code)
        .containsExactly("CON", "LC", "STC", "SSC", "DIR", "SDR", "SSD");
    assertThat(plan.qualifyingVolumeType()).isEqualTo("WV");
  }

  @Test
  void aLeadConsultantHeldBackByHerFrontLine() {
    // L 2,000 with F1 149 (one short of active) and F2 400 (active): GWV 2,549 >= 2,500, but one
    // active front line: Lead Consultant, not Star Consultant.
    Evaluation e = TestOrg.create("WV").add("L", null, 2_000).add("F1", "L", 149)
        .add("F2", "L", 400).evaluate(plan);

    assertThat(e.paidAs("L").code()).isEqualTo("LC");
    assertThat(e.result("L").gap().orElseThrow().holdingBack()).singleElement()
        .hasToString("[open] at least 2 active personal distributors: 1 of 2, 1 to go");
  }

  @Test
  void withHerFrontLinerExactlyActiveSheIsAStar() {
    // F1 at exactly 150 is active: two active front line, GWV 2,550: Star Consultant
    // (SuperStar needs 6,000).
    Evaluation e = TestOrg.create("WV").add("L", null, 2_000).add("F1", "L", 150)
        .add("F2", "L", 400).evaluate(plan);

    assertThat(e.paidAs("L").code()).isEqualTo("STC");
  }

  @Test
  void personalRetailVolumeBindsEveryRank() {
    // 374 WV is just under 500 PRV: a Consultant, whatever the group.
    Evaluation e = TestOrg.create("WV").add("P", null, 374).add("P1", "P", 5_000)
        .add("P2", "P", 5_000).add("P3", "P", 5_000).evaluate(plan);

    assertThat(e.paidAs("P").code()).isEqualTo("CON");
  }

  /**
   * A Director: id(400) with three active front-line consultants of 3,200 each:
   * GWV 400 + 9,600 = 10,000, three active front line. (The three have no front line: Consultants.)
   */
  static void director(TestOrg o, String id, String sponsor) {
    o.add(id, sponsor, 400);
    for (int i = 1; i <= 3; i++) {
      o.add(id + i, id, 3_200);
    }
  }

  @Test
  void aStarDirectorWithADirectorTwoLevelsDown() {
    // SD(400) has front line X (a Director), Y(200) with Director Z below, and W(10,000).
    // GWV 400 + 10,000 + (200 + 10,000) + 10,000 = 30,600 >= 30,000. Active front line: X (400),
    // Y (200), W: 3. Legs with a Director: X, and Y (Z at level 2): 2. Star Director.
    // Y: 200 WV < 375: Consultant. W: no front line: Consultant.
    TestOrg o = TestOrg.create("WV").add("SD", null, 400);
    director(o, "X", "SD");
    o.add("Y", "SD", 200);
    director(o, "Z", "Y");
    o.add("W", "SD", 10_000);
    Evaluation e = o.evaluate(plan);

    assertThat(e.paidAs("X").code()).isEqualTo("DIR");
    assertThat(e.paidAs("Z").code()).isEqualTo("DIR");
    assertThat(e.paidAs("Y").code()).isEqualTo("CON");
    assertThat(e.paidAs("SD").code()).isEqualTo("SDR");
    assertThat(TestOrg.status(e, "SD", "SDR", 3).note().orElseThrow().text()).isEqualTo("qualifying legs: X, Y");
  }

  @Test
  void twoDirectorsInOneLegCountOnce() {
    // The plan's reading of "2 first-generation Directors" as 2 legs (see RealPlans.scentsy):
    // Z now sits under X. X: 400 + 9,600 + 10,000 = 20,000 and four active front line: Director
    // (Star Director needs 30,000). SD: GWV unchanged at 30,600 and 3 active front line, but
    // only leg X holds Directors: Director, one leg short of Star Director.
    TestOrg o = TestOrg.create("WV").add("SD", null, 400);
    director(o, "X", "SD");
    o.add("Y", "SD", 200);
    director(o, "Z", "X");
    o.add("W", "SD", 10_000);
    Evaluation e = o.evaluate(plan);

    assertThat(e.paidAs("X").code()).isEqualTo("DIR");
    assertThat(e.paidAs("SD").code()).isEqualTo("DIR");
    assertThat(e.result("SD").gap().orElseThrow().holdingBack()).singleElement()
        .hasToString("[open] 2 legs each with someone at DIR or higher: 1 of 2, 1 to go"
            + " (qualifying legs: X)");
  }
}
