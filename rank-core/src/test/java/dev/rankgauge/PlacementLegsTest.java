package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Legs with rank, legs with volume and level group volume asked of the placement tree: the legs
 * are the subtrees at each position, whoever sponsored the people in them.
 */
class PlacementLegsTest {
  private static final Period NOVEMBER = Period.month(2026, 11);
  private static final Requirement.Tree PLACEMENT = Requirement.Tree.PLACEMENT;

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

  /** Ann sponsored Bo, Cy and Di; Bo is on her left, Cy on her right, Di spilled under Bo. */
  private static Organisation spillover() {
    return org("ANN", null, "0", "BO", "ANN", "200", "CY", "ANN", "250", "DI", "ANN", "150")
        .add(Placement.left("BO", "ANN"))
        .add(Placement.right("CY", "ANN"))
        .add(Placement.left("DI", "BO"))
        .build();
  }

  private static CompPlan plan(Requirement... requirements) {
    return CompPlan.builder("Legs of the binary tree").placementTree(PlacementTree.binary())
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("STAR", "Star", Requirement.personalVolume(new BigDecimal("150"))))
        .rank(Rank.of("TOP", "Top", requirements))
        .build();
  }

  @Test
  void aLegOfThePlacementTreeHoldsWhoeverIsPlacedInIt() {
    // Sponsor tree: Ann has three legs of 200, 250 and 150. Placement tree: two, Bo's side
    // 200 + 150 = 350 and Cy's 250.
    BigDecimal three = new BigDecimal("300");
    Evaluation sponsor = RankGauge.evaluate(spillover(),
        plan(Requirement.legsWithVolume(1, three)), NOVEMBER);
    Evaluation placed = RankGauge.evaluate(spillover(),
        plan(Requirement.legsWithVolume(1, three).onTree(PLACEMENT)), NOVEMBER);

    assertThat(sponsor.paidAs("ANN").code()).isEqualTo("MEM");
    assertThat(placed.paidAs("ANN").code()).isEqualTo("TOP");
  }

  @Test
  void legsWithRankCountSidesAndTheFrontLineIsWhoIsPlacedDirectlyBelow() {
    // Stars: Bo, Cy, Di. Placement legs of Ann: Bo's side (Bo, Di), Cy's side: 2 legs; Ann's
    // sponsor legs: three. Directly below Ann in the placement tree: Bo and Cy; Di is not.
    Evaluation e = RankGauge.evaluate(spillover(),
        plan(Requirement.legsWithRank(3, "STAR").onTree(PLACEMENT)), NOVEMBER);
    RequirementStatus legs = e.trace("ANN").ranks().get(1).requirements().get(0);

    assertThat(e.paidAs("ANN").code()).isEqualTo("MEM");
    assertThat(legs.actual()).isEqualByComparingTo("2");
    assertThat(legs.note().orElseThrow().text()).isEqualTo("qualifying legs: BO, CY");
    assertThat(legs.description())
        .isEqualTo("3 legs each with someone at STAR or higher in the placement tree");

    Evaluation front = RankGauge.evaluate(spillover(),
        plan(Requirement.legsWithRank(1, "STAR").frontLine().onTree(PLACEMENT)), NOVEMBER);
    assertThat(front.paidAs("ANN").code()).isEqualTo("TOP");
    assertThat(front.paidAs("BO").code()).as("Di is placed directly below Bo").isEqualTo("TOP");
  }

  @Test
  void levelsOfThePlacementTreeAreLevelsOfPlacement() {
    // One level below Ann: Bo 200 and Cy 250 placed there; Di (150) is her second level in the
    // placement tree, though she sponsored him.
    Evaluation e = RankGauge.evaluate(spillover(), plan(Requirement.levelGroupVolume(
        new BigDecimal("450"), 1, false).onTree(PLACEMENT)), NOVEMBER);
    RequirementStatus level = e.trace("ANN").ranks().get(1).requirements().get(0);

    assertThat(level.actual()).isEqualByComparingTo("450");
    assertThat(level.met()).isTrue();
  }

  @Test
  void aPlanReadingThePlacementTreeWithoutOneIsRefusedNamingTheRequirement() {
    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> CompPlan.builder("No tree").rank(Rank.of("MEM", "Member"))
            .rank(Rank.of("TOP", "Top", Requirement.personalVolume(BigDecimal.ONE),
                Requirement.levelGroupVolume(BigDecimal.TEN, 2, true).onTree(PLACEMENT)))
            .build());

    assertThat(x.problems()).extracting(Problem::toString).containsExactly(
        "rank TOP requirement 2: found levelGroupVolume, which reads the placement tree, in a"
            + " plan without one; expected a placement tree in the plan (binary or a matrix)");
  }

  @Test
  void legsWithRankOfThePlacementTreeRefuseCrossingTreesAsSideCountsDo() {
    // Ann sponsors Bo, but Ann is placed on Bo's left.
    Organisation o = org("ROOT", null, "0", "ANN", "ROOT", "100", "BO", "ANN", "200")
        .add(Placement.left("BO", "ROOT"))
        .add(Placement.left("ANN", "BO"))
        .build();

    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(o, plan(Requirement.legsWithRank(1, "STAR").onTree(PLACEMENT)),
            NOVEMBER));
    assertThat(x.problems()).extracting(Problem::toString).containsExactly(
        "distributor ANN: found the sponsor and placement trees crossing: ANN sponsors BO, and"
            + " ANN is placed below BO; expected no one placed above someone in their own sponsor"
            + " downline, as plan Legs of the binary tree counts ranks in the placement tree");

    Evaluation volumes = RankGauge.evaluate(o,
        plan(Requirement.legsWithVolume(1, new BigDecimal("100")).onTree(PLACEMENT)), NOVEMBER);
    assertThat(volumes.paidAs("BO").code()).as("volumes need no order of ranks").isEqualTo("TOP");
  }

  @Test
  void aLiveSnapshotKeepsTheLegsOfThoseTheEventDidNotReach() {
    // Cy orders 10 PV more: the placement line above her is Cy and Ann, decided again. Bo's
    // legs (Di's 150 on his left) are not folded again: they come with the copy of the last
    // snapshot, and his gap report reads them.
    Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
    CompPlan placed = plan(Requirement.legsWithVolume(1, new BigDecimal("400")).onTree(PLACEMENT),
        Requirement.levelGroupVolume(new BigDecimal("650"), 2, true).onTree(PLACEMENT));
    LiveEvaluation live = LiveEvaluation.start(spillover(), placed, NOVEMBER, asOf);
    live.snapshot();

    Order more = Order.byDistributor("O-more", "CY", Instant.parse("2026-11-15T12:00:00Z"),
        BigDecimal.TEN);
    live.apply(new LiveEvent.OrderPlaced(more));

    Organisation withMore = org("ANN", null, "0", "BO", "ANN", "200", "CY", "ANN", "250", "DI",
        "ANN", "150").add(Placement.left("BO", "ANN")).add(Placement.right("CY", "ANN"))
        .add(Placement.left("DI", "BO")).add(more).build();
    Evaluation whole = RankGauge.evaluate(withMore, placed, NOVEMBER, asOf);
    for (String id : new String[] {"ANN", "BO", "CY", "DI"}) {
      assertThat(live.snapshot().trace(id)).as(id).isEqualTo(whole.trace(id));
    }
  }

  @Test
  void aLiveEvaluationFollowsRangesOfThePlacementLevelsAndOfTheLargestLeg() {
    // Top asks 300 PV below Ann in her first placement level (Bo 200, Cy 250: 450) and at most
    // 45% of her group volume from one sponsor leg (Cy's 250 of 600: 41.66%). Di orders 60 PV,
    // then Cy 10: after each, every figure is what a whole evaluation gives, for those each
    // order's lines reach and for the others, whose figures come with the snapshot's copy.
    Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
    CompPlan ranged = plan(Requirement.downlineVolume(new BigDecimal("300")).withinLevels(1)
        .onTree(PLACEMENT), Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT,
            new BigDecimal("45")));
    LiveEvaluation live = LiveEvaluation.start(spillover(), ranged, NOVEMBER, asOf);
    assertThat(live.snapshot().paidAs("ANN").code()).isEqualTo("TOP");

    Order di = Order.byDistributor("O-di", "DI", Instant.parse("2026-11-15T12:00:00Z"),
        new BigDecimal("60"));
    Order cy = Order.byDistributor("O-cy", "CY", Instant.parse("2026-11-16T12:00:00Z"),
        BigDecimal.TEN);
    List<Order> orders = new ArrayList<>();
    for (Order o : List.of(di, cy)) {
      live.apply(new LiveEvent.OrderPlaced(o));
      orders.add(o);
      Organisation.Builder b = org("ANN", null, "0", "BO", "ANN", "200", "CY", "ANN", "250",
          "DI", "ANN", "150").add(Placement.left("BO", "ANN")).add(Placement.right("CY", "ANN"))
          .add(Placement.left("DI", "BO"));
      orders.forEach(b::add);
      Evaluation whole = RankGauge.evaluate(b.build(), ranged, NOVEMBER, asOf);
      for (String id : new String[] {"ANN", "BO", "CY", "DI"}) {
        assertThat(live.snapshot().trace(id)).as(o.id() + " " + id).isEqualTo(whole.trace(id));
      }
    }
    // Bo's first level now holds Di's 210; Ann's largest leg is Cy's 260 of 670, 38.8%.
    assertThat(live.snapshot().trace("BO").ranks().get(1).requirements().get(0).actual())
        .isEqualByComparingTo("210");
    assertThat(live.snapshot().paidAs("ANN").code()).isEqualTo("TOP");
  }

  @Test
  void aLiveEvaluationFollowsLegsAndLevelsOfThePlacementTree() {
    // Ann's sides: Bo's 350 (Bo 200, Di 150) and Cy's 250; her two placement levels 600. Di
    // orders 60 more: Bo's side reaches 410, the levels 660; then Di moves to Cy's left, and
    // Cy's side becomes 460 while Bo's falls to 200.
    Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
    CompPlan placed = plan(Requirement.legsWithVolume(1, new BigDecimal("400")).onTree(PLACEMENT),
        Requirement.levelGroupVolume(new BigDecimal("650"), 2, true).onTree(PLACEMENT),
        Requirement.legsWithRank(2, "STAR").frontLine().onTree(PLACEMENT));
    LiveEvaluation live = LiveEvaluation.start(spillover(), placed, NOVEMBER, asOf);
    assertThat(live.snapshot().paidAs("ANN").code()).isEqualTo("MEM");

    Order more = Order.byDistributor("O-more", "DI", Instant.parse("2026-11-15T12:00:00Z"),
        new BigDecimal("60"));
    live.apply(new LiveEvent.OrderPlaced(more));
    Organisation withMore = org("ANN", null, "0", "BO", "ANN", "200", "CY", "ANN", "250", "DI",
        "ANN", "150").add(Placement.left("BO", "ANN")).add(Placement.right("CY", "ANN"))
        .add(Placement.left("DI", "BO")).add(more).build();
    Evaluation whole = RankGauge.evaluate(withMore, placed, NOVEMBER, asOf);
    assertThat(live.snapshot().paidAs("ANN").code()).isEqualTo("TOP");
    assertThat(live.snapshot().trace("ANN")).isEqualTo(whole.trace("ANN"));

    live.apply(new LiveEvent.PlacementChanged(Placement.left("DI", "CY")));
    Organisation moved = org("ANN", null, "0", "BO", "ANN", "200", "CY", "ANN", "250", "DI",
        "ANN", "150").add(Placement.left("BO", "ANN")).add(Placement.right("CY", "ANN"))
        .add(Placement.left("DI", "CY")).add(more).build();
    Evaluation wholeMoved = RankGauge.evaluate(moved, placed, NOVEMBER, asOf);
    for (String id : new String[] {"ANN", "BO", "CY", "DI"}) {
      assertThat(live.snapshot().trace(id)).as(id).isEqualTo(wholeMoved.trace(id));
    }
    assertThat(live.snapshot().paidAs("ANN").code()).as("Cy's side 460").isEqualTo("TOP");
  }

  @Test
  void aLivePlacementThatCannotApplyIsRefusedInEnglishAndInSpanish() {
    LiveEvaluation live = LiveEvaluation.start(spillover(),
        plan(Requirement.legsWithVolume(1, new BigDecimal("400")).onTree(PLACEMENT)), NOVEMBER,
        Instant.parse("2026-11-20T00:00:00Z"));
    java.util.Locale es = java.util.Locale.forLanguageTag("es");

    Problem taken = catchThrowableOfType(ValidationException.class,
        () -> live.apply(new LiveEvent.PlacementChanged(Placement.left("DI", "ANN"))))
        .problems().get(0);
    Problem cycle = catchThrowableOfType(ValidationException.class,
        () -> live.apply(new LiveEvent.PlacementChanged(Placement.right("BO", "DI"))))
        .problems().get(0);

    assertThat(taken.code()).isEqualTo("live.positionTaken");
    assertThat(taken.toString()).isEqualTo("distributor DI: found BO at position 1 under ANN"
        + " already; expected a free position, one distributor per position");
    assertThat(taken.toString(es)).isEqualTo("distribuidor DI: se encontró a BO en la posición"
        + " 1 bajo ANN ya; se esperaba una posición libre, un distribuidor por posición");
    assertThat(cycle.toString()).isEqualTo("distributor BO: found placement parent DI, who is"
        + " placed below BO; expected a parent outside BO's placement subtree, as the move would"
        + " make a placement cycle");
    assertThat(cycle.toString(es)).isEqualTo("distribuidor BO: se encontró el padre de"
        + " colocación DI, que está colocado debajo de BO; se esperaba un padre fuera del"
        + " subárbol de colocación de BO, ya que el movimiento crearía un ciclo de colocación");
  }
}
