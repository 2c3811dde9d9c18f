package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Placement;
import dev.rankgauge.PlacementTree;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled binary, hybrid and matrix plans, each evaluated against a small organisation whose
 * ranks were worked out by hand (the working is in the comments). Each distributor has one order
 * in November 2026 of the personal volume given; {@code L}, {@code R} and slots are placements.
 */
class PlacementPlansTest {

  private static Map<String, String> paidAs(Evaluation e) {
    Map<String, String> out = new LinkedHashMap<>();
    e.results().forEach(r -> out.put(r.distributor().id(), r.paidAs().code()));
    return out;
  }

  private static RequirementStatus requirement(Evaluation e, String id, String rank, int i) {
    return e.trace(id).ranks().stream().filter(c -> c.rank().code().equals(rank)).findFirst()
        .orElseThrow().requirements().get(i);
  }

  /**
   * Ann sponsors Bo, Cy, Di and Ev; Bo sponsors Fay. Ann placed Bo on her left and Cy on her
   * right; Di spilled over under Bo (left), Ev under Cy (right), and Bo put Fay on his right.
   */
  private static Orgs spillover(int evVolume) {
    return Orgs.of(PlanFiles.bundled("binary", RuleRegistry.empty()))
        .d("ANN", null, 150)
        .d("BO", "ANN", 400).placed("BO", "ANN", Placement.LEFT)
        .d("CY", "ANN", 200).placed("CY", "ANN", Placement.RIGHT)
        .d("DI", "ANN", 300).placed("DI", "BO", Placement.LEFT)
        .d("EV", "ANN", evVolume).placed("EV", "CY", Placement.RIGHT)
        .d("FAY", "BO", 100).placed("FAY", "BO", Placement.RIGHT)
        .customer("C1", "CY", 50);
  }

  @Test
  void binaryCrystalExecutiveIsACycleOf300And600() {
    Evaluation e = spillover(50).evaluate();
    // Side volumes are the personal volumes placed in each side, whoever sponsored them, a
    // customer's order counting for its distributor: Ann's left = Bo 400 + Di 300 + Fay 100 =
    // 800; right = Cy 200 + C1 50 + Ev 50 = 300. Weak side 300 >= 300, strong 800 >= 600.
    // Ann's personally sponsored: Bo, Di (left), Cy, Ev (right), all active (25 PV or more).
    // PV 150 >= 100 -> Crystal Executive; Director needs an Executive she sponsored on each side.
    // Bo: Di (left) is Ann's, not his; Fay (right) is his -> nobody on his left -> Member.
    // Cy: Ev (right) is Ann's -> Member. The rest place nobody -> Member.
    assertThat(paidAs(e)).containsExactly(Map.entry("ANN", "CEX"), Map.entry("BO", "MEM"),
        Map.entry("CY", "MEM"), Map.entry("DI", "MEM"), Map.entry("EV", "MEM"),
        Map.entry("FAY", "MEM"));
    RequirementStatus bosSponsored = requirement(e, "BO", "EXE", 1);
    assertThat(bosSponsored.met()).isFalse();
    assertThat(bosSponsored.note().orElseThrow().text()).isEqualTo("left 0, right 1");
  }

  @Test
  void binaryTheWeakSideHoldsAnnBackByThirty() {
    Evaluation e = spillover(20).evaluate();
    // Ev's 20 PV leaves him inactive (25 needed) and Ann's right side at 200 + 50 + 20 = 270:
    // Executive (one active sponsored on each side: Bo and Di left, Cy right), not Crystal.
    assertThat(e.result("ANN").paidAs().code()).isEqualTo("EXE");
    RequirementStatus sides = requirement(e, "ANN", "CEX", 2);
    assertThat(sides.description())
        .isEqualTo("at least 300 PV on the weak side and at least 600 PV on the strong side of"
            + " the binary tree");
    assertThat(sides.met()).isFalse();
    // Each side counted up to its own threshold: 270 of 300 and 600 of 600.
    assertThat(sides.required()).isEqualByComparingTo("900");
    assertThat(sides.actual()).isEqualByComparingTo("870");
    assertThat(sides.remaining()).isEqualByComparingTo("30");
    assertThat(sides.note().orElseThrow().text())
        .isEqualTo("left 800 PV, right 270 PV, weak side right");
  }

  @Test
  void hybridSapphireAddsTwoHundredOnEachSideToUnilevelVolume() {
    CompPlan plan = PlanFiles.bundled("hybrid", RuleRegistry.empty());
    Evaluation e = Orgs.of(plan)
        .d("ANN", null, 100)
        .d("BO", "ANN", 400).placed("BO", "ANN", Placement.LEFT)
        .d("CY", "ANN", 350).placed("CY", "ANN", Placement.RIGHT)
        .d("DI", "BO", 150).placed("DI", "BO", Placement.LEFT)
        .evaluate();
    // Unilevel: GV Di 150, Bo 550, Cy 350, Ann 100 + 550 + 350 = 1,000. Binary: Ann's left =
    // Bo 400 + Di 150 = 550, right = Cy 350, both >= 200 -> Sapphire (Ruby needs GV 3,000).
    // Bo: PV 400, GV 550 >= 500 -> Silver; his right side is empty -> not Sapphire (and GV 550
    // < 1,000 anyway). Cy: GV 350 < 500 -> Distributor; Di: 150 -> Distributor.
    assertThat(paidAs(e)).containsExactly(Map.entry("ANN", "SAP"), Map.entry("BO", "SLV"),
        Map.entry("CY", "DIST"), Map.entry("DI", "DIST"));
  }

  @Test
  void hybridAnEmptySideHoldsBackWhatTheUnilevelVolumeReaches() {
    CompPlan plan = PlanFiles.bundled("hybrid", RuleRegistry.empty());
    Evaluation e = Orgs.of(plan)
        .d("ANN", null, 100)
        .d("BO", "ANN", 400).placed("BO", "ANN", Placement.LEFT)
        .d("CY", "ANN", 350).placed("CY", "BO", Placement.RIGHT)
        .d("DI", "BO", 150).placed("DI", "BO", Placement.LEFT)
        .evaluate();
    // The same sponsor tree and volumes, but Cy spilled over under Bo: Ann's left = 400 + 350 +
    // 150 = 900, her right is empty. GV 1,000 still, so Silver, not Sapphire.
    assertThat(e.result("ANN").paidAs().code()).isEqualTo("SLV");
    RequirementStatus sides = requirement(e, "ANN", "SAP", 2);
    assertThat(sides.description()).isEqualTo("at least 200 PV on each side of the binary tree");
    assertThat(sides.note().orElseThrow().text())
        .isEqualTo("left 900 PV, right 0 PV, weak side right");
    assertThat(sides.remaining()).isEqualByComparingTo("200");
  }

  @Test
  void matrixLeaderFillsTwoLevelsWithActivePositions() {
    CompPlan plan = PlanFiles.bundled("matrix", RuleRegistry.empty());
    Orgs org = Orgs.of(plan).d("R", null, 60);
    // A 3-wide matrix: R holds A, B, C; A holds A1-A3, B holds B1-B3 (B3 inactive: 0 PV, 50
    // needed), C holds C1 and C2. Everyone was sponsored by R.
    String[] level1 = {"A", "B", "C"};
    for (int i = 0; i < 3; i++) {
      org.d(level1[i], "R", 60).placed(level1[i], "R", i + 1);
    }
    for (String id : new String[] {"A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2"}) {
      org.d(id, "R", id.equals("B3") ? 0 : 60)
          .placed(id, id.substring(0, 1), id.charAt(1) - '0');
    }
    Evaluation e = org.evaluate();
    // R: level 1 has 3 of 3 active, levels 1-2 have 3 + 7 = 10 active (B3 is not) >= 9 ->
    // Leader; Director needs PV 100. A: 3 active below -> Builder. B: 2 active -> Member.
    // C: 2 -> Member. Level 2 holds nobody below them -> Member.
    assertThat(e.result("R").paidAs().code()).isEqualTo("LDR");
    assertThat(e.result("A").paidAs().code()).isEqualTo("BLD");
    assertThat(e.result("B").paidAs().code()).isEqualTo("MEM");
    assertThat(e.result("C").paidAs().code()).isEqualTo("MEM");
    RequirementStatus filled = requirement(e, "R", "DIR", 2);
    assertThat(filled.description())
        .isEqualTo("at least 30 filled positions in the first 3 levels of the matrix");
    assertThat(filled.actual()).isEqualByComparingTo("11");
    assertThat(filled.note().orElseThrow().text())
        .isEqualTo("level 1: 3 of 3; level 2: 8 of 9; level 3: 0 of 27");
  }

  @Test
  void aPositionBeyondThePlansWidthIsRefusedNamingTheDistributor() {
    Orgs org = Orgs.of(PlanFiles.bundled("binary", RuleRegistry.empty()))
        .d("ANN", null, 100)
        .d("BO", "ANN", 100).placed("BO", "ANN", 3)
        .d("CY", "ANN", 100).placed("CY", "ANN", 4);

    assertThatThrownBy(org::evaluate).isInstanceOf(ValidationException.class)
        .hasMessageContaining("distributor BO: found placement position 3 under ANN; expected 1"
            + " to 2, as plan Binary's placement tree is binary (1 left, 2 right)")
        .hasMessageContaining("distributor CY: found placement position 4 under ANN");
  }

  @Test
  void anOrderPlacedLiveMovesTheWeakSideAsAWholeEvaluationDoes() {
    CompPlan plan = PlanFiles.bundled("binary", RuleRegistry.empty());
    assertThat(plan.placementTree()).contains(PlacementTree.binary());
    Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
    LiveEvaluation live = LiveEvaluation.start(spillover(20).organisation(), plan,
        Orgs.NOVEMBER, asOf);
    // As in binaryTheWeakSideHoldsAnnBackByThirty: Ann's right side is 270, she is Executive.
    assertThat(live.snapshot().result("ANN").paidAs().code()).isEqualTo("EXE");

    // Ev orders 30 PV more: he has the 50 PV of binaryCrystalExecutiveIsACycleOf300And600,
    // Ann's right side reaches 300 and she is Crystal Executive, as a whole evaluation says.
    Map<String, BigDecimal> vols = new LinkedHashMap<>();
    plan.volumeTypes().forEach(t -> vols.put(t, BigDecimal.valueOf(30)));
    live.apply(new LiveEvent.OrderPlaced(new Order("O-LIVE", BuyerType.DISTRIBUTOR, "EV",
        Instant.parse("2026-11-15T12:00:00Z"), OrderStatus.PAID, vols, BigDecimal.valueOf(30))));

    assertThat(paidAs(live.snapshot())).isEqualTo(paidAs(spillover(50).evaluate()))
        .containsEntry("ANN", "CEX");
  }

}
