package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.pv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan fixes the decimals of each volume type, and with them the range of every sum: one
 * order of 0.000001 somewhere no longer narrows what everybody else's totals may reach.
 */
class PlanDecimalsTest {
  /** The ladder most examples use, its PV in cents. */
  private static final CompPlan CENTS = ladder().volumeDecimals("PV", 2).build();

  @Test
  void anOrderWithThreeDecimalsUnderATwoDecimalPlanIsALocatedProblem() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .paid("O1", "D1", nov(3), "10.125").paid("O2", "D2", nov(4), "99.50")
        .paid("O3", "D2", nov(5), "0.001").build();

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(o, CENTS, NOVEMBER));

    assertThat(e.problems()).as("every such order at once, none for the one in cents")
        .extracting(Problem::toString).containsExactly(
            "order O1: found PV volume 10.125 with 3 decimal places; expected at most 2, as plan"
                + " Test plan declares for PV",
            "order O3: found PV volume 0.001 with 3 decimal places; expected at most 2, as plan"
                + " Test plan declares for PV");
    assertThat(e.problems().get(1).subject())
        .isEqualTo(Subject.order("O3", 2).field("volumes", "PV"));
  }

  @Test
  void trailingZerosAreNoDecimals() {
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(3), "10.5000").build();

    assertThat(RankGauge.evaluate(o, CENTS, NOVEMBER).gauge("D1", Metric.PERSONAL_SALES).value())
        .isEqualTo(new BigDecimal("10.50"));
  }

  @Test
  void figuresComeInThePlansDecimalsWhateverTheOrdersHave() {
    Organisation whole = org().distributor("D1", null).paid("O1", "D1", nov(3), "150").build();
    Organisation tenths = org().distributor("D1", null).paid("O1", "D1", nov(3), "150.0")
        .build();

    assertThat(RankGauge.evaluate(whole, CENTS, NOVEMBER).gauge("D1", Metric.GROUP_SALES).value())
        .isEqualTo(new BigDecimal("150.00"));
    assertThat(RankGauge.evaluate(tenths, CENTS, NOVEMBER).gauge("D1", Metric.GROUP_SALES)
        .value()).isEqualTo(new BigDecimal("150.00"));
  }

  @Test
  void aPlanFigureWithMoreDecimalsThanItsTypeIsAProblemOfThePlan() {
    CompPlan.Builder b = Fixtures.plan().volumeDecimals("PV", 1)
        .distributorActivity(ActivityRule.minimumVolume(pv("0.25")))
        .rank(Fixtures.entry())
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(pv("100.5")),
            Requirement.groupVolume(pv("500.05"))));

    assertThatThrownBy(b::build).isInstanceOfSatisfying(ValidationException.class, e ->
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
            "plan Test plan: found PV volume 0.25 with 2 decimal places; expected at most 1, as"
                + " the plan declares for PV",
            "rank SLV requirement 2: found PV volume 500.05 with 2 decimal places; expected at"
                + " most 1, as the plan declares for PV"));
  }

  @Test
  void decimalsAreDeclaredForThePlansOwnTypesFromZeroToSix() {
    CompPlan.Builder b = Fixtures.plan().volumeTypes("PV", "CV").volumeDecimals("CV", 7)
        .volumeDecimals("QV", 2).volumeDecimals("PV", -1).rank(Fixtures.entry());

    assertThatThrownBy(b::build).isInstanceOfSatisfying(ValidationException.class, e ->
        assertThat(e.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
            "found 7 decimals for CV; expected 0 to 6",
            "found decimals for volume type QV, which is not one of the plan's volume types"
                + " [PV, CV]",
            "found -1 decimals for PV; expected 0 to 6"));
  }

  @Test
  void aTypeNotDeclaredHasSixDecimalsAsEveryOrderHadBefore() {
    CompPlan plan = Fixtures.plan().volumeTypes("PV", "CV").volumeDecimals("CV", 2)
        .rank(Fixtures.entry()).build();

    assertThat(plan.volumeDecimals()).containsExactly(Map.entry("PV", 6), Map.entry("CV", 2));
    assertThat(plan.declaredVolumeDecimals()).containsExactly(Map.entry("CV", 2));
    assertThat(plan.volumeDecimals("PV")).isEqualTo(CompPlan.DEFAULT_VOLUME_DECIMALS);
    assertThat(plan.toBuilder().build()).isEqualTo(plan);
    assertThat(plan.toBuilder().volumeDecimals("CV", 3).build()).isNotEqualTo(plan);
    assertThatThrownBy(() -> plan.volumeDecimals("BV"))
        .hasMessage("plan Test plan has no volume type BV; its volume types are [PV, CV]");
  }

  /**
   * A company whose group volume is 9.3 * 10^12 PV: past what six decimals hold, so under the
   * default the evaluation names the distributor and the limit; a plan in cents sums it exactly.
   */
  @Test
  void aCompanyWithTotalsNearTheLimitIsExactInCentsAndALocatedProblemInMillionths() {
    Fixtures.Org company = org().distributor("D0", null);
    for (int i = 1; i <= 93; i++) {
      company.distributor("D" + i, "D0").paid("D" + i, nov(3), "99999999999.99");
    }
    Organisation o = company.build();

    Evaluation inCents = RankGauge.evaluate(o, CENTS, NOVEMBER);
    assertThat(inCents.gauge("D0", Metric.GROUP_SALES).value())
        .isEqualTo(new BigDecimal("9299999999999.07"));

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(o, ladder().build(), NOVEMBER));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("distributor D0");
      assertThat(p.message()).isEqualTo("found a group volume beyond what an evaluation can sum"
          + " exactly: the PV volumes add up past 9223372036854.775807, the most a sum holds in"
          + " units of 0.000001 (6 decimals, the finest the plan declares for its volume types);"
          + " expected volumes in the plan's unit (check for volumes in the wrong unit), or fewer"
          + " decimals declared for the plan's volume types, which widens the range");
    });
  }

  @Test
  void anUnrelatedOrderOfAMillionthNoLongerNarrowsTheRange() {
    Fixtures.Org company = org().distributor("D0", null).distributor("X", null)
        .paid("X1", "X", nov(3), "0.000001");
    for (int i = 1; i <= 93; i++) {
      company.distributor("D" + i, "D0").paid("D" + i, nov(3), "99999999999");
    }
    CompPlan whole = ladder().volumeDecimals("PV", 0).build();
    Organisation withoutX = org().distributor("D0", null).build();

    assertThatThrownBy(() -> RankGauge.evaluate(company.build(), whole, NOVEMBER))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "order X1: found PV volume 0.000001 with 6 decimal places; expected at most 0,"
                    + " as plan Test plan declares for PV"));
    assertThat(RankGauge.evaluate(withoutX, whole, NOVEMBER).gauge("D0", Metric.GROUP_SALES)
        .value()).isEqualTo(BigDecimal.ZERO);
  }

  @Test
  void oneDecimalTooManyIsOneDecimalPlaceInEnglishAndSpanish() {
    CompPlan whole = ladder().volumeDecimals("PV", 0).build();
    Organisation halves = org().distributor("D0", null).paid("O1", "D0", nov(3), "10.5").build();

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(halves, whole, NOVEMBER));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.toString()).isEqualTo("order O1: found PV volume 10.5 with 1 decimal place;"
          + " expected at most 0, as plan Test plan declares for PV");
      assertThat(p.message(java.util.Locale.forLanguageTag("es"))).isEqualTo(
          "se encontró el volumen PV 10.5 con 1 decimal; se esperaban como máximo 0, como declara"
              + " el plan Test plan para PV");
    });
  }

  @Test
  void aLiveOrderWithTooManyDecimalsIsRejectedNamingIt() {
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(3), "10").build();
    LiveEvaluation live = LiveEvaluation.start(o, CENTS, NOVEMBER, nov(20));
    Evaluation before = live.snapshot();

    assertThatThrownBy(() -> live.apply(new LiveEvent.OrderPlaced(Order.byDistributor("O2",
        "D1", nov(10), pv("1.005")))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("order O2: found PV volume 1.005 with 3 decimal places; expected at"
            + " most 2, as plan Test plan declares for PV");
    assertThatThrownBy(() -> live.apply(new LiveEvent.OrderReturned("R1", "O1", nov(12),
        Map.of("PV", pv("0.125")), BigDecimal.ONE)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("order R1: found PV volume 0.125 with 3 decimal places");
    assertThat(live.snapshot()).isSameAs(before);

    live.apply(new LiveEvent.OrderPlaced(Order.byDistributor("O3", "D1", nov(10), pv("1.25"))));
    assertThat(live.snapshot().gauge("D1", Metric.PERSONAL_SALES).value())
        .isEqualTo(new BigDecimal("11.25"));
  }
  /**
   * Orders written with four decimals (trailing zeros) under a plan in cents: a requirement of
   * group BV reads BV in cents as the qualifying PV is. D1 buys 80.2500 BV and D2, below her,
   * 19.7500: D1's group BV is 100.00, exactly the Leader's 100.
   */
  @Test
  void aRequirementOfAnotherTypeReadsItInThePlansDecimalsWhateverTheOrdersHave() {
    CompPlan plan = Fixtures.plan().volumeTypes("PV", "BV").volumeDecimals("PV", 2)
        .volumeDecimals("BV", 2)
        .rank(Fixtures.entry())
        .rank(Rank.of("LDR", "Leader", Requirement.groupVolume(new BigDecimal("100"), "BV")))
        .build();
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .order(new Order("O1", BuyerType.DISTRIBUTOR, "D1", nov(3), OrderStatus.PAID,
            Map.of("PV", new BigDecimal("150.0000"), "BV", new BigDecimal("80.2500")),
            BigDecimal.TEN))
        .order(new Order("O2", BuyerType.DISTRIBUTOR, "D2", nov(4), OrderStatus.PAID,
            Map.of("PV", new BigDecimal("10.0000"), "BV", new BigDecimal("19.7500")),
            BigDecimal.TEN))
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER);

    assertThat(e.paidAs("D1").code()).isEqualTo("LDR");
    assertThat(e.paidAs("D2").code()).isEqualTo("MBR");
    RequirementStatus d2 = e.gap("D2").orElseThrow().requirements().get(0);
    assertThat(d2.actual()).isEqualTo(new BigDecimal("19.75"));
    assertThat(e.gauge("D1", Metric.GROUP_SALES).value()).isEqualTo(new BigDecimal("160.00"));
  }
  /** The sides of a cycle are volumes of their type too: 300.25 BV where BV has 1 decimal. */
  @Test
  void aSideVolumeWithMoreDecimalsThanItsTypeIsAProblemOfThePlan() {
    CompPlan.Builder b = Fixtures.plan().volumeTypes("PV", "BV").volumeDecimals("BV", 1)
        .placementTree(PlacementTree.binary())
        .rank(Fixtures.entry())
        .rank(Rank.of("CRU", "Crusader", Requirement.sideVolume(new BigDecimal("300.25"),
            new BigDecimal("600"), "BV")));

    assertThatThrownBy(b::build).isInstanceOfSatisfying(ValidationException.class, e ->
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
            "rank CRU requirement 1: found BV volume 300.25 with 2 decimal places; expected at"
                + " most 1, as the plan declares for BV"));
  }
}
