package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounds on a figure: at most, between, negative thresholds and downline volume without the
 * distributor's own, as plans state them.
 */
class RangeTest {
  private static final Period NOVEMBER = Period.month(2026, 11);
  private static final Instant MID = Instant.parse("2026-11-10T12:00:00Z");

  /**
   * Ann (100 PV) sponsors Bo (400) and Di (300); Bo sponsors Cy (200), Di sponsors Ed, who joined
   * on 15 October with an order of 100 and a return of 350: -250 PV. Ann's group volume 750, her
   * legs 600 (Bo's) and 50 (Di's: 300 - 250).
   */
  private static Organisation org() {
    return Organisation.builder()
        .distributor("ANN", null, LocalDate.of(2025, 1, 1), "Ann", "", null)
        .distributor("BO", "ANN", LocalDate.of(2026, 9, 1), "Bo", "", null)
        .distributor("CY", "BO", LocalDate.of(2026, 11, 20), "Cy", "", null)
        .distributor("DI", "ANN", LocalDate.of(2026, 10, 31), "Di", "", null)
        .distributor("ED", "DI", LocalDate.of(2026, 10, 15), "Ed", "", null)
        .add(Order.byDistributor("O1", "ANN", MID, new BigDecimal("100")))
        .add(Order.byDistributor("O2", "BO", MID, new BigDecimal("400")))
        .add(Order.byDistributor("O3", "CY", MID, new BigDecimal("200")))
        .add(Order.byDistributor("O4", "DI", MID, new BigDecimal("300")))
        .add(Order.byDistributor("O5", "ED", MID, new BigDecimal("100")))
        .add(new Order("O6", BuyerType.DISTRIBUTOR, "ED", MID, OrderStatus.RETURNED,
            Map.of("PV", new BigDecimal("350")), BigDecimal.ZERO))
        .build();
  }

  private static Evaluation evaluate(Requirement q) {
    CompPlan plan = CompPlan.builder("Ranges").rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("TOP", "Top", q)).build();
    return RankGauge.evaluate(org(), plan, NOVEMBER);
  }

  private static RequirementStatus status(Evaluation e, String id) {
    return e.trace(id).ranks().get(0).requirements().get(0);
  }

  @Test
  void atMostHalfFromOneLegIsARequirementOfItsOwnAndItsGapIsWhatToLose() {
    Evaluation e = evaluate(Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT,
        new BigDecimal("50")));
    RequirementStatus ann = status(e, "ANN");

    // Ann: 600 of 750 from Bo's leg, 80%: 30 points over the most; 50 is 62.5% of 80.
    assertThat(e.paidAs("ANN").code()).isEqualTo("MEM");
    assertThat(ann.required()).isEqualByComparingTo("50");
    assertThat(ann.actual()).isEqualByComparingTo("80");
    assertThat(ann.remaining()).isEqualByComparingTo("30");
    assertThat(ann.percentComplete()).isEqualByComparingTo("62.50");
    assertThat(ann.toString()).isEqualTo("[open] at most 50% of group PV from the largest leg:"
        + " 80, 30 to lose (the most is 50)");
    // Bo: 200 of 600 from Cy, 33.33%; Cy has no leg: 0%.
    assertThat(e.paidAs("BO").code()).isEqualTo("TOP");
    assertThat(status(e, "BO").actual()).isEqualByComparingTo("33.33");
    assertThat(status(e, "BO").percentComplete()).isEqualByComparingTo("100");
    assertThat(e.paidAs("CY").code()).isEqualTo("TOP");
    assertThat(e.trace("ANN").format(java.util.Locale.forLanguageTag("es")))
        .contains("como máximo 50 % de los PV de grupo desde la línea más grande: 80, 30"
            + " de más (el máximo es 50)");
  }

  @Test
  void aShareExactlyAtTheMostMeetsIt() {
    // Di: 300 PV and Ed's -250 below her: group volume 50, her one leg -250: no share, 0%.
    // Bo at most 33.333333%: 200 / 600 is 33.3333...%, above it.
    Evaluation e = evaluate(Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT,
        new BigDecimal("33.333333")));
    assertThat(e.paidAs("BO").code()).isEqualTo("MEM");
    assertThat(e.paidAs("DI").code()).isEqualTo("TOP");
    Evaluation third = evaluate(Requirement.between(Requirement.Figure.LARGEST_LEG_PERCENT,
        new BigDecimal("33.333334"), new BigDecimal("80")));
    assertThat(third.paidAs("BO").code()).isEqualTo("MEM");
    assertThat(third.paidAs("ANN").code()).as("80% is the most, included").isEqualTo("TOP");
    assertThat(third.paidAs("DI").code()).as("0% is below the least").isEqualTo("MEM");
  }

  @Test
  void aShareExactlyAtTheLeastMeetsIt() {
    // Ann: 600 of 750 from Bo's leg, exactly 80%; Bo 33.33%.
    Evaluation e = evaluate(Requirement.atLeast(Requirement.Figure.LARGEST_LEG_PERCENT,
        new BigDecimal("80")));

    assertThat(e.paidAs("ANN").code()).isEqualTo("TOP");
    assertThat(e.paidAs("BO").code()).isEqualTo("MEM");
  }

  @Test
  void aGroupVolumeOfZeroHoldsNoShareHoweverLargeALeg() {
    // Fay bought 50 PV and returned 100: -50 PV. Gus, her only leg, bought 50: her group
    // volume is 0, and no leg has a share of nothing.
    Organisation o = Organisation.builder()
        .distributor("FAY", null, LocalDate.of(2025, 1, 1), "Fay", "", null)
        .distributor("GUS", "FAY", LocalDate.of(2025, 1, 1), "Gus", "", null)
        .add(Order.byDistributor("O1", "FAY", MID, new BigDecimal("50")))
        .add(new Order("O2", BuyerType.DISTRIBUTOR, "FAY", MID, OrderStatus.RETURNED,
            Map.of("PV", new BigDecimal("100")), BigDecimal.ZERO))
        .add(Order.byDistributor("O3", "GUS", MID, new BigDecimal("50")))
        .build();
    CompPlan plan = CompPlan.builder("Ranges").rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("TOP", "Top", Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT,
            new BigDecimal("50"))))
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER);

    assertThat(e.gauge("FAY", Metric.GROUP_SALES).value()).isZero();
    assertThat(e.paidAs("FAY").code()).isEqualTo("TOP");
    assertThat(status(e, "FAY").actual()).isEqualByComparingTo("0");
  }

  @Test
  void downlineVolumePastWhatASumHoldsIsALocatedProblem() {
    // Hal returned 50 orders of 99,999,999,999.99 PV: -4,999,999,999,999.50. His 93
    // distributors bought one such order each: 9,299,999,999,999.07 below him, past the
    // 9,223,372,036,854.775807 a sum holds in millionths, though his group volume,
    // 4,299,999,999,999.57, is within it.
    String order = "99999999999.99";
    Organisation.Builder b = Organisation.builder()
        .distributor("HAL", null, LocalDate.of(2025, 1, 1), "Hal", "", null);
    for (int i = 1; i <= 50; i++) {
      b.add(new Order("R" + i, BuyerType.DISTRIBUTOR, "HAL", MID, OrderStatus.RETURNED,
          Map.of("PV", new BigDecimal(order)), BigDecimal.ZERO));
    }
    for (int i = 1; i <= 93; i++) {
      b.distributor("D" + i, "HAL", LocalDate.of(2025, 1, 1), "D" + i, "", null)
          .add(Order.byDistributor("O" + i, "D" + i, MID, new BigDecimal(order)));
    }
    CompPlan plan = CompPlan.builder("Ranges").rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("TOP", "Top", Requirement.downlineVolume(new BigDecimal("1000"))))
        .build();

    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(b.build(), plan, NOVEMBER));

    assertThat(x.problems()).singleElement().satisfies(p -> {
      assertThat(p.location()).isEqualTo("distributor HAL");
      assertThat(p.message()).startsWith("found a downline volume beyond what an evaluation can"
          + " sum exactly: the PV volumes add up past 9223372036854.775807");
    });
  }

  @Test
  void aNegativeThresholdComparesVolumeNetOfReturns() {
    Evaluation e = evaluate(Requirement.atLeast(Requirement.Figure.PERSONAL_VOLUME,
        new BigDecimal("-200")));
    RequirementStatus ed = status(e, "ED");

    assertThat(e.paidAs("ED").code()).isEqualTo("MEM");
    assertThat(ed.actual()).isEqualByComparingTo("-250");
    assertThat(ed.remaining()).isEqualByComparingTo("50");
    assertThat(ed.description()).isEqualTo("at least -200 personal PV");
    assertThat(e.paidAs("ANN").code()).isEqualTo("TOP");
  }

  @Test
  void aFastStartWindowIsBetweenTwoNumbersOfDays() {
    // 30 November is the period's last day: Bo joined 90 days before, Di 30, Ed 46, Cy 10.
    Evaluation e = evaluate(Requirement.between(Requirement.Figure.DAYS_SINCE_JOINED,
        BigDecimal.valueOf(31), BigDecimal.valueOf(60)));

    assertThat(e.paidAs("ED").code()).isEqualTo("TOP");
    assertThat(e.paidAs("DI").code()).isEqualTo("MEM");
    assertThat(status(e, "DI").remaining()).as("a day short of the window").isEqualByComparingTo("1");
    assertThat(e.paidAs("BO").code()).isEqualTo("MEM");
    assertThat(status(e, "BO").toString()).isEqualTo("[open] joined between 31 and 60 days"
        + " before the period's end: 90, 30 to lose (the most is 60)");
  }

  @Test
  void downlineVolumeLeavesTheDistributorsOwnOut() {
    Evaluation whole = evaluate(Requirement.downlineVolume(new BigDecimal("650")));
    Evaluation oneLevel = evaluate(Requirement.downlineVolume(new BigDecimal("700"))
        .withinLevels(1));

    // Ann: 750 group volume less her own 100; one level down: Bo 400 and Di 300.
    assertThat(status(whole, "ANN").actual()).isEqualByComparingTo("650");
    assertThat(whole.paidAs("ANN").code()).isEqualTo("TOP");
    assertThat(status(oneLevel, "ANN").actual()).isEqualByComparingTo("700");
    assertThat(status(oneLevel, "BO").actual()).isEqualByComparingTo("200");
    assertThat(oneLevel.paidAs("ANN").code()).isEqualTo("TOP");
    assertThat(status(oneLevel, "ANN").description())
        .isEqualTo("at least 700 downline PV (own volume not counted) in the first 1 level");
  }

  @Test
  void atMostACountOfPeople() {
    Evaluation e = evaluate(Requirement.atMost(Requirement.Figure.ACTIVE_PERSONAL_DISTRIBUTORS,
        BigDecimal.ONE));
    assertThat(status(e, "ANN").description())
        .isEqualTo("at most 1 active personal distributor");
    assertThat(e.paidAs("ANN").code()).as("Bo and Di are active").isEqualTo("MEM");
    assertThat(e.paidAs("BO").code()).isEqualTo("TOP");
  }

  @Test
  void badBoundsAreRefusedNamingThem() {
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Requirement.between(
        Requirement.Figure.GROUP_VOLUME, BigDecimal.TEN, BigDecimal.ONE)))
        .hasMessage("least GROUP_VOLUME 10 is above the most, 1");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Requirement.atMost(
        Requirement.Figure.LARGEST_LEG_PERCENT, new BigDecimal("101"))))
        .hasMessageContaining("expected a percent from 0 to 100");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Requirement.atLeast(
        Requirement.Figure.ACTIVE_PERSONAL_CUSTOMERS, new BigDecimal("1.5"))))
        .hasMessageContaining("expected a whole number");
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> Requirement.atLeast(
        Requirement.Figure.GROUP_VOLUME, BigDecimal.ONE).withinLevels(2)))
        .hasMessage("levels apply only to DOWNLINE_VOLUME, found 2 with GROUP_VOLUME");
  }
}
