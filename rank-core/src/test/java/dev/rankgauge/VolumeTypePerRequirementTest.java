package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A requirement names the volume type it reads: a plan that ranks by PV and asks the binary sides
 * in BV, as Isagenix does ("a cycle is 300 BV on one side and 600 BV on the other").
 */
class VolumeTypePerRequirementTest {
  private static final Period NOVEMBER = Period.month(2026, 11);
  private static final Instant MID = Instant.parse("2026-11-10T12:00:00Z");

  /** Consultant: 100 PV. Crusader: 100 PV and a cycle of 300 BV / 600 BV on the sides. */
  private static CompPlan plan(String sideType) {
    return CompPlan.builder("PV and BV").volumeTypes("PV", "BV").qualifyingVolumeType("PV")
        .placementTree(PlacementTree.binary())
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("CON", "Consultant", Requirement.personalVolume(new BigDecimal("100"))))
        .rank(Rank.of("CRU", "Crusader", Requirement.personalVolume(new BigDecimal("100")),
            Requirement.sideVolume(new BigDecimal("300"), new BigDecimal("600"), sideType)))
        .build();
  }

  private static Order order(String id, String buyer, String pv, String bv) {
    return new Order(id, BuyerType.DISTRIBUTOR, buyer, MID, OrderStatus.PAID,
        Map.of("PV", new BigDecimal(pv), "BV", new BigDecimal(bv)), BigDecimal.TEN);
  }

  /**
   * Ann sponsors Bo, Cy and Di. Bo is on Ann's left, Cy on her right, Di on Bo's left. Orders
   * (PV / BV): Ann 100 / 80, Bo 200 / 400, Cy 500 / 350, Di 50 / 300.
   */
  private static Organisation org() {
    return org("");
  }

  /** The organisation with the order of the given id cancelled. */
  private static Organisation org(String cancelled) {
    Organisation.Builder b = Organisation.builder();
    for (String id : new String[] {"ANN", "BO", "CY", "DI"}) {
      b.distributor(id, id.equals("ANN") ? null : "ANN", LocalDate.of(2026, 1, 1), id, "", null);
    }
    Order o3 = order("O3", "CY", "500", "350");
    if (cancelled.equals("O3")) {
      o3 = new Order("O3", BuyerType.DISTRIBUTOR, "CY", MID, OrderStatus.CANCELLED, o3.volumes(),
          o3.amount());
    }
    return b.add(order("O1", "ANN", "100", "80"))
        .add(order("O2", "BO", "200", "400"))
        .add(o3)
        .add(order("O4", "DI", "50", "300"))
        .add(Placement.left("BO", "ANN"))
        .add(Placement.right("CY", "ANN"))
        .add(Placement.left("DI", "BO"))
        .build();
  }

  @Test
  void sidesInBvCycleWhereTheSamePlanInPvWouldNot() {
    // Ann's sides in BV: left Bo 400 + Di 300 = 700, right Cy 350: weak 350 >= 300, strong
    // 700 >= 600, and her own 100 PV: Crusader. In PV her left is 200 + 50 = 250 < 300.
    Evaluation bv = RankGauge.evaluate(org(), plan("BV"), NOVEMBER);
    Evaluation pv = RankGauge.evaluate(org(), plan("PV"), NOVEMBER);

    assertThat(bv.paidAs("ANN").code()).isEqualTo("CRU");
    assertThat(pv.paidAs("ANN").code()).isEqualTo("CON");
    // Bo: left Di 300 BV, right empty: no cycle; 200 PV: Consultant. Di: 50 PV: Member.
    assertThat(bv.paidAs("BO").code()).isEqualTo("CON");
    assertThat(bv.paidAs("DI").code()).isEqualTo("MEM");
  }

  @Test
  void theStatusNamesTheTypeItReadsAndCountsEachSideUpToItsThreshold() {
    Evaluation e = RankGauge.evaluate(org(), plan("BV"), NOVEMBER);

    RequirementStatus side = e.trace("ANN").ranks().stream()
        .filter(r -> r.rank().code().equals("CRU")).findFirst().orElseThrow()
        .requirements().get(1);
    assertThat(side.description()).isEqualTo(
        "at least 300 BV on the weak side and at least 600 BV on the strong side of the binary"
            + " tree");
    // 350 on the weak side (300 counts) and 700 on the strong (600 counts): 900 of 900.
    assertThat(side.required()).isEqualByComparingTo("900");
    assertThat(side.actual()).isEqualByComparingTo("900");
    assertThat(side.met()).isTrue();
    // Bo: left Di 300 BV, right 0: the weak side is 300 short, the strong 300 of 600.
    RequirementStatus bo = e.gap("BO").orElseThrow().requirements().get(1);
    assertThat(bo.actual()).isEqualByComparingTo("300");
    assertThat(bo.remaining()).isEqualByComparingTo("600");
    assertThat(bo.note().orElseThrow().text(Locale.ROOT)).contains("BV");
  }

  @Test
  void spanishNamesTheTypeToo() {
    Requirement q = Requirement.groupVolume(new BigDecimal("1500"), "BV");

    assertThat(q.describe("PV", Locale.forLanguageTag("es"))).isEqualTo("al menos 1.500 BV de grupo");
    assertThat(q.describe("PV")).isEqualTo("at least 1500 group BV");
  }

  @Test
  void namingTheQualifyingTypeIsTheSamePlanAsNamingNone() {
    CompPlan named = plan("PV");
    CompPlan plain = CompPlan.builder("PV and BV").volumeTypes("PV", "BV")
        .qualifyingVolumeType("PV").placementTree(PlacementTree.binary())
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("CON", "Consultant", Requirement.personalVolume(new BigDecimal("100"))))
        .rank(Rank.of("CRU", "Crusader", Requirement.personalVolume(new BigDecimal("100")),
            Requirement.sideVolume(new BigDecimal("300"), new BigDecimal("600"))))
        .build();

    assertThat(named).isEqualTo(plain);
    assertThat(named.ranks().get(2).requirements().get(1).volumeType()).isEmpty();
    // and a personal volume of the qualifying type stays the personal sales gauge
    CompPlan gauge = CompPlan.builder("G").rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(BigDecimal.TEN, "PV")))
        .build();
    assertThat(gauge.ranks().get(1).requirements().get(0).metric())
        .contains(Metric.PERSONAL_SALES);
  }

  @Test
  void aPersonalOrGroupVolumeOfAnotherTypeIsNoGaugeButARequirementLikeAnyOther() {
    CompPlan p = CompPlan.builder("BV group").volumeTypes("PV", "BV")
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("LDR", "Leader", Requirement.groupVolume(new BigDecimal("1000"), "BV"),
            Requirement.personalVolume(new BigDecimal("100"))))
        .build();
    assertThat(p.ranks().get(1).requirements().get(0).metric()).isEmpty();

    // Ann's group BV: 80 + 400 + 350 + 300 = 1,130; her group PV is 850.
    Evaluation e = RankGauge.evaluate(org(), p, NOVEMBER);

    assertThat(e.paidAs("ANN").code()).isEqualTo("LDR");
    assertThat(e.gauge("ANN", Metric.GROUP_SALES).value()).isEqualByComparingTo("850");
    RequirementStatus bo = e.gap("BO").orElseThrow().requirements().get(0);
    assertThat(bo.description()).isEqualTo("at least 1000 group BV");
    assertThat(bo.actual()).isEqualByComparingTo("400");
  }

  @Test
  void everyKindReadingVolumeTakesAType() {
    BigDecimal ten = BigDecimal.TEN;
    assertThat(Requirement.legsWithVolume(2, ten).ofType("BV").volumeType()).contains("BV");
    assertThat(Requirement.cappedGroupVolume(ten, ten, false).ofType("BV").volumeType())
        .contains("BV");
    assertThat(Requirement.levelGroupVolume(ten, 2, true).ofType("BV").onTree(
        Requirement.Tree.SPONSOR).volumeType()).contains("BV");
    assertThat(Requirement.personalGroupVolume(ten, "SLV", true).ofType("BV").volumeType())
        .contains("BV");
    assertThat(Requirement.accumulatedVolume(ten, 3, Optional.empty()).ofType("BV")
        .volumeType()).contains("BV");
    assertThat(Requirement.downlineVolume(ten).ofType("BV").withinLevels(2).volumeType())
        .contains("BV");
    assertThatThrownBy(() -> Requirement.activeLegs(2).ofType("BV"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reads no volume");
    assertThatThrownBy(() -> Requirement.atLeast(Requirement.Figure.DAYS_SINCE_JOINED, ten)
        .ofType("BV")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only to a volume figure");
    assertThatThrownBy(() -> Requirement.personalVolume(ten, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("volume type must not be blank");
  }

  @Test
  void eachOtherTypeNamedCountsOnceInWhatTheRulesKeepPerDistributor() {
    // Five levelGroupVolume of 100 levels keep 5 x 808 = 4,040 bytes; BV named twice adds 32
    // (4,072: within 4,096), CV too adds 32 more (4,104: beyond).
    Requirement widest = Requirement.levelGroupVolume(BigDecimal.TEN, 100, false);
    java.util.function.Function<Requirement[], CompPlan.Builder> plan = extra -> {
      java.util.List<Requirement> qs = new java.util.ArrayList<>(
          java.util.Collections.nCopies(5, widest));
      qs.addAll(java.util.List.of(extra));
      return CompPlan.builder("Limits").volumeTypes("PV", "BV", "CV")
          .rank(Rank.of("MEM", "Member")).rank(new Rank("TOP", "Top", qs));
    };
    Requirement bv = Requirement.groupVolume(BigDecimal.TEN, "BV");
    Requirement bv2 = Requirement.personalVolume(BigDecimal.ONE, "BV");
    Requirement cv = Requirement.personalVolume(BigDecimal.ONE, "CV");

    assertThat(plan.apply(new Requirement[] {bv, bv2}).build()).isNotNull();
    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> plan.apply(new Requirement[] {bv, bv2, cv}).build());
    assertThat(x.problems()).singleElement().satisfies(p -> assertThat(p.message())
        .startsWith("found rules that keep 4104 bytes per distributor"));
  }

  @Test
  void aTypeThePlanDoesNotDeclareIsRefusedWhereItIsWithEveryOtherProblem() {
    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> CompPlan.builder("Typos").volumeTypes("PV", "BV").volumeDecimals("BV", 0)
            .placementTree(PlacementTree.binary())
            .rank(Rank.of("MEM", "Member"))
            .rank(Rank.of("CRU", "Crusader",
                Requirement.sideVolume(new BigDecimal("300"), new BigDecimal("600"), "CV"),
                Requirement.groupVolume(new BigDecimal("0.25"), "BV"),
                Requirement.anyOf(Requirement.path("A",
                    Requirement.legsWithVolume(2, BigDecimal.TEN).ofType("QV")),
                    Requirement.path("B", Requirement.personalVolume(BigDecimal.ONE))),
                Requirement.accumulatedVolume(BigDecimal.TEN, 3, Optional.empty(), "BV")))
            .build());

    assertThat(x.problems()).extracting(Problem::toString).containsExactly(
        "rank CRU requirement 1: found volume type CV, which the plan does not declare; expected"
            + " one of its volume types [PV, BV]",
        "rank CRU requirement 2: found BV volume 0.25 with 2 decimal places; expected at most 0,"
            + " as the plan declares for BV",
        "rank CRU requirement 3 path A: found volume type QV, which the plan does not declare;"
            + " expected one of its volume types [PV, BV]");
    assertThat(x.problems().get(0).subject().field()).isEqualTo("volumeType");
  }

  @Test
  void liveEachOrderAndMoveMovesTheTypeTheSidesRead() {
    Instant asOf = Instant.parse("2026-11-20T00:00:00Z");
    CompPlan plan = plan("BV");
    LiveEvaluation live = LiveEvaluation.start(org(), plan, NOVEMBER, asOf);
    assertThat(live.snapshot().paidAs("ANN").code()).isEqualTo("CRU");

    // Cy's order cancelled: Ann's right side has no BV left; her PV is untouched.
    live.apply(new LiveEvent.OrderCancelled("O3"));
    Evaluation whole = RankGauge.evaluate(org("O3"), plan, NOVEMBER, asOf);
    assertThat(live.snapshot().paidAs("ANN").code()).isEqualTo("CON");
    assertThat(live.snapshot().trace("ANN")).isEqualTo(whole.trace("ANN"));
    assertThat(live.snapshot().trace("BO")).isEqualTo(whole.trace("BO"));

    // Di moves to Ann's right, under Cy: 300 BV leave Ann's left for her right (left Bo 400,
    // right Cy 0 + Di 300): the weak side reaches 300, the strong side does not reach 600.
    live.apply(new LiveEvent.PlacementChanged(Placement.right("DI", "CY")));
    Organisation moved = Organisation.builder().addDistributors(org("O3").distributors())
        .addCustomers(org("O3").customers()).addOrders(org("O3").orders())
        .add(Placement.left("BO", "ANN")).add(Placement.right("CY", "ANN"))
        .add(Placement.right("DI", "CY")).build();
    Evaluation after = RankGauge.evaluate(moved, plan, NOVEMBER, asOf);
    assertThat(after.paidAs("ANN").code()).isEqualTo("CON");
    SideVolumes sides = live.snapshot().sides("ANN", "BV").orElseThrow();
    assertThat(sides.left()).isEqualByComparingTo("400");
    assertThat(sides.right()).isEqualByComparingTo("300");
    assertThat(live.snapshot().sides("ANN").orElseThrow().right()).isEqualByComparingTo("50");
    assertThatThrownBy(() -> live.snapshot().sides("ANN", "CV"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plan PV and BV reads no CV volume; its requirements read [PV, BV]");
    for (String id : new String[] {"ANN", "BO", "CY", "DI"}) {
      assertThat(live.snapshot().trace(id)).as(id).isEqualTo(after.trace(id));
    }
  }

}
