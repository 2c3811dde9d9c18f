package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Requirements that count people in the placement tree, worked by hand: personally sponsored
 * distributors on each side of a binary tree, and positions filled in the first levels of a
 * matrix. A distributor is active with an order in the period.
 */
class PlacementCountsTest {
  private static final Period NOVEMBER = Period.month(2026, 11);

  /** Distributors as id, sponsor, PV bought in November ("0" for no order). */
  private static Organisation.Builder org(String... idSponsorPv) {
    Organisation.Builder b = Organisation.builder();
    for (int i = 0; i < idSponsorPv.length; i += 3) {
      b.distributor(idSponsorPv[i], idSponsorPv[i + 1], LocalDate.of(2026, 1, 1),
          idSponsorPv[i], "", null);
      if (!idSponsorPv[i + 2].equals("0")) {
        b.add(Order.byDistributor("O" + i, idSponsorPv[i], Instant.parse("2026-11-10T12:00:00Z"),
            new BigDecimal(idSponsorPv[i + 2])));
      }
    }
    return b;
  }

  @Test
  void anActivePersonallySponsoredDistributorOnEachSide() {
    // Ann sponsors Bo (left) and Cy (right), both active; Bo sponsors Di, placed on Cy's left.
    // Ann has one of hers on each side: Builder. Bo has Di, but on no side of his: Member.
    CompPlan plan = CompPlan.builder("Each side").placementTree(PlacementTree.binary())
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("BLD", "Builder", Requirement.sponsoredOnEachSide(1)))
        .build();
    Organisation o = org("ANN", null, "0", "BO", "ANN", "10", "CY", "ANN", "10", "DI", "BO",
        "10")
        .add(Placement.left("BO", "ANN"))
        .add(Placement.right("CY", "ANN"))
        .add(Placement.left("DI", "CY"))
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER);

    assertThat(e.paidAs("ANN").code()).isEqualTo("BLD");
    assertThat(e.paidAs("BO").code()).isEqualTo("MEM");
    assertThat(e.paidAs("CY").code()).isEqualTo("MEM");
  }

  @Test
  void positionsFilledByActiveDistributorsInTheFirstLevelsOfAMatrix() {
    // A matrix three wide. Ann's first level: Bo, Cy (active) and Di (no order); her second:
    // Ed (active) under Bo. Builder asks three active positions in the first two levels.
    CompPlan plan = CompPlan.builder("Matrix").placementTree(PlacementTree.matrix(3))
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("BLD", "Builder", Requirement.matrixPositions(3, 2, true)))
        .build();
    Organisation o = org("ANN", null, "0", "BO", "ANN", "10", "CY", "ANN", "10", "DI", "ANN",
        "0", "ED", "BO", "10")
        .add(Placement.of("BO", "ANN", 1)).add(Placement.of("CY", "ANN", 2))
        .add(Placement.of("DI", "ANN", 3)).add(Placement.of("ED", "BO", 2))
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER);

    assertThat(e.paidAs("ANN").code()).isEqualTo("BLD");
    assertThat(e.paidAs("BO").code()).as("one position below him").isEqualTo("MEM");
    assertThat(e.matrix("ANN").orElseThrow().levels()).as("the two levels the plan reads")
        .containsExactly(new MatrixLevels.Level(1, 3, 2, 3), new MatrixLevels.Level(2, 1, 1, 9));
  }
}
