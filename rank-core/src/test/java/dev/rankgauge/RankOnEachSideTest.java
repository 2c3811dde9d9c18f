package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Ranks counted in each side of the binary tree: every distributor is decided after both their
 * sponsor downline and their placement subtree, and where the two trees cross there is no such
 * order.
 */
class RankOnEachSideTest {
  private static final Period NOVEMBER = Period.month(2026, 11);
  private static final CompPlan PLAN = CompPlan.builder("Stars on each side")
      .placementTree(PlacementTree.binary())
      .rank(Rank.of("MEM", "Member"))
      .rank(Rank.of("STAR", "Star", Requirement.personalVolume(new BigDecimal("100"))))
      .rank(Rank.of("TOP", "Top", Requirement.rankOnEachSide(1, "STAR")))
      .build();

  private static Organisation.Builder org(String... idSponsorPv) {
    Organisation.Builder b = Organisation.builder();
    for (int i = 0; i < idSponsorPv.length; i += 3) {
      b.distributor(idSponsorPv[i], idSponsorPv[i + 1], LocalDate.of(2026, 1, 1),
          idSponsorPv[i], "", null);
      b.add(Order.byDistributor("O" + i, idSponsorPv[i], Instant.parse("2026-11-10T12:00:00Z"),
          new BigDecimal(idSponsorPv[i + 2])));
    }
    return b;
  }

  @Test
  void aDistributorPlacedBelowASiblingIsDecidedBeforeThatSibling() {
    // Ann sponsors Bo, Cy and Di, in that order; Cy is on Ann's left, Di on Cy's left and Bo
    // spilled over to Cy's right. Bo and Di are Stars (100 PV), so Cy has a Star on each side:
    // Top, though Bo comes before Cy in the sponsor tree. Ann: left holds Cy, Di, Bo; her right
    // is empty: Member (0 PV).
    Organisation o = org("ANN", null, "0", "BO", "ANN", "100", "CY", "ANN", "0", "DI", "ANN",
        "100")
        .add(Placement.left("CY", "ANN"))
        .add(Placement.left("DI", "CY"))
        .add(Placement.right("BO", "CY"))
        .build();

    Evaluation e = RankGauge.evaluate(o, PLAN, NOVEMBER);

    assertThat(e.paidAs("CY").code()).isEqualTo("TOP");
    assertThat(e.paidAs("ANN").code()).isEqualTo("MEM");
    assertThat(e.paidAs("BO").code()).isEqualTo("STAR");
  }

  @Test
  void crossingTreesAreRefusedNamingTheDistributors() {
    // Ann sponsors Bo, but Ann is placed on Bo's left: Ann's rank needs Bo's (her sponsor
    // downline) and Bo's needs Ann's (his placement subtree).
    Organisation o = org("ROOT", null, "0", "ANN", "ROOT", "100", "BO", "ANN", "100")
        .add(Placement.left("BO", "ROOT"))
        .add(Placement.left("ANN", "BO"))
        .build();

    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(o, PLAN, NOVEMBER));

    assertThat(x.problems()).extracting(Problem::toString).containsExactly(
        "distributor ANN: found the sponsor and placement trees crossing: ANN sponsors BO, and"
            + " ANN is placed below BO; expected no one placed above someone in their own sponsor"
            + " downline, as plan Stars on each side counts ranks in the placement tree");
  }

  @Test
  void theSameCrossingIsFineForAPlanThatCountsNoRanksInThePlacementTree() {
    CompPlan volumes = CompPlan.builder("Side volume").placementTree(PlacementTree.binary())
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("CYC", "Cycle", Requirement.sideVolume(BigDecimal.ZERO,
            new BigDecimal("100"))))
        .build();
    Organisation o = org("ROOT", null, "0", "ANN", "ROOT", "100", "BO", "ANN", "100")
        .add(Placement.left("BO", "ROOT"))
        .add(Placement.left("ANN", "BO"))
        .build();

    Evaluation e = RankGauge.evaluate(o, volumes, NOVEMBER);

    // Bo's left side holds Ann (100): the strong side reaches 100, the weak side 0 >= 0.
    assertThat(e.paidAs("BO").code()).isEqualTo("CYC");
    assertThat(e.sides("ROOT").orElseThrow().left()).isEqualByComparingTo("200");
  }

  @Test
  void sideVolumesAreSummedFromTheBottomOfThePlacementTreeWhereTheTreesCross() {
    // Root sponsors Xi and Ann, Ann sponsors Bo. Xi is on Root's left, Bo on Xi's left, and Ann,
    // who sponsored Bo, on Bo's left: the trees cross, so the placement tree is not numbered top
    // down, and its sums follow its own order. Root's left side holds Xi 50, Bo 100, Ann 100.
    CompPlan volumes = CompPlan.builder("Side volume").placementTree(PlacementTree.binary())
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("CYC", "Cycle", Requirement.sideVolume(BigDecimal.ZERO,
            new BigDecimal("250"))))
        .build();
    Organisation o = org("ROOT", null, "0", "XI", "ROOT", "50", "ANN", "ROOT", "100", "BO", "ANN",
        "100")
        .add(Placement.left("XI", "ROOT"))
        .add(Placement.left("BO", "XI"))
        .add(Placement.left("ANN", "BO"))
        .build();

    Evaluation e = RankGauge.evaluate(o, volumes, NOVEMBER);

    assertThat(o.placementTree().ordered()).isFalse();
    assertThat(e.sides("ROOT").orElseThrow().left()).isEqualByComparingTo("250");
    assertThat(e.sides("XI").orElseThrow().left()).isEqualByComparingTo("200");
    assertThat(e.paidAs("ROOT").code()).isEqualTo("CYC");
  }

  @Test
  void aLiveSnapshotKeepsTheCountsOfEachSideOfThoseTheEventDidNotReach() {
    // Ann: Bo (0 PV) on her left with Di, a Star, on his left; Cy, a Star, on her right: Top.
    // Zed, in an organisation of his own, orders; then Cy orders. Each snapshot is a copy of the
    // last one with the events since: Bo's count of Stars below him must come with the copy, or
    // Ann, decided again after Cy's order, would see no Star on her left.
    Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
    Organisation o = org("ANN", null, "0", "BO", "ANN", "0", "CY", "ANN", "100", "DI", "BO",
        "100", "ZED", null, "0")
        .add(Placement.left("BO", "ANN"))
        .add(Placement.right("CY", "ANN"))
        .add(Placement.left("DI", "BO"))
        .build();
    LiveEvaluation live = LiveEvaluation.start(o, PLAN, NOVEMBER, asOf);
    assertThat(live.snapshot().paidAs("ANN").code()).isEqualTo("TOP");

    live.apply(new LiveEvent.OrderPlaced(Order.byDistributor("Z1", "ZED",
        Instant.parse("2026-11-12T12:00:00Z"), BigDecimal.TEN)));
    assertThat(live.snapshot().trace("ANN"))
        .isEqualTo(RankGauge.evaluate(o, PLAN, NOVEMBER, asOf).trace("ANN"));
    live.apply(new LiveEvent.OrderPlaced(Order.byDistributor("C1", "CY",
        Instant.parse("2026-11-12T12:00:00Z"), BigDecimal.TEN)));

    assertThat(live.snapshot().paidAs("ANN").code()).isEqualTo("TOP");
  }
}
