package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.Advice;
import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Placement;
import dev.rankgauge.PlacementTree;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dana's advice towards Platinum in words, in English and in Spanish. */
class AdviceTextTest {
  private static final Evaluation SEED = RankGauge.evaluate(SeedExample.organisation(),
      SeedExample.plan(), SeedExample.PERIOD, SeedExample.AS_OF);

  private static Advice dana() {
    return SEED.advice(SeedExample.DANA).orElseThrow();
  }

  @Test
  void oneSentenceNamesTheRankTheDayAndEveryStep() {
    assertThat(AdviceText.summary(dana(), "PV", Locale.ENGLISH)).isEqualTo(
        "To reach Platinum (PLAT) by 2026-11-30: win back C5 (bought in October);"
            + " D103 needs 60 PV more");
  }

  @Test
  void theStepsComeWithTheContactDetailsOfThePeopleTheyName() {
    String nl = System.lineSeparator();
    assertThat(AdviceText.render(dana(), "PV", Locale.ENGLISH)).isEqualTo(
        "To reach Platinum (PLAT) by 2026-11-30: win back C5 (bought in October);"
            + " D103 needs 60 PV more" + nl
            + "Steps, cheapest first:" + nl
            + "  1. win back C5 (bought in October)" + nl
            + "       C5  Gus Gray  gus.gray@example.com  -  last order 2026-10-30" + nl
            + "  2. D103 needs 60 PV more" + nl
            + "       D103  Finn Foster  finn@example.com  +1 801 555 0103  last order 2026-11-09"
            + nl
            + "Volume to add: 60 PV" + nl);
  }

  @Test
  void inSpanish() {
    assertThat(AdviceText.summary(dana(), "PV", Locale.forLanguageTag("es"))).isEqualTo(
        "Para llegar a Platinum (PLAT) antes del 30/11/2026: recupera a C5 (compró en octubre);"
            + " D103 necesita 60 PV más");
    assertThat(AdviceText.topOfLadder(Locale.forLanguageTag("es")))
        .isEqualTo("En la cima del plan: no hay rango que aconsejar.");
  }

  @Test
  void theTextViewAndTheGaugePageShowTheSentenceUnderTheGap() {
    String sentence = "To reach Platinum (PLAT) by 2026-11-30: win back C5 (bought in October);"
        + " D103 needs 60 PV more";
    String text = TextView.render(SEED, SEED.result(SeedExample.DANA));
    assertThat(text).contains("  Holding you back: at least 2 active personal customers; at least"
        + " 3 active personal distributors" + System.lineSeparator() + "  " + sentence
        + System.lineSeparator());
    assertThat(GaugePage.fragment(SEED, SEED.result(SeedExample.DANA), Locale.forLanguageTag("es")))
        .contains("<p class=\"advice\">Para llegar a Platinum (PLAT) antes del 30/11/2026:"
            + " recupera a C5 (compró en octubre); D103 necesita 60 PV más</p>");
  }

  @Test
  void aLocaleWithoutItsOwnBundleGetsEnglish() {
    assertThat(AdviceText.summary(dana(), "PV", Locale.forLanguageTag("tr")))
        .startsWith("To reach Platinum (PLAT) by 2026-11-30: win back C5");
  }

  @Test
  void aSideWithoutAQualifierNamesTheSideAndThePersonsOwnSteps() {
    // Ann (100 PV, Executive) placed Bo on her left (400 PV) and Cy on her right (10 PV), both
    // hers: Director asks for an Executive she sponsored on each side; Cy is 15 PV short.
    CompPlan plan = CompPlan.builder("Binary").zone(ZoneOffset.UTC).volumeTypes("PV")
        .placementTree(PlacementTree.binary())
        .distributorActivity(ActivityRule.minimumVolume(new BigDecimal("25")))
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("EXE", "Executive", Requirement.personalVolume(new BigDecimal("25"))))
        .rank(Rank.of("DIR", "Director", Requirement.sponsoredOnEachSide(1, "EXE")))
        .build();
    Organisation.Builder b = Organisation.builder();
    for (String[] d : new String[][] {{"ANN", null}, {"BO", "ANN"}, {"CY", "ANN"}}) {
      b.add(Distributor.of(d[0], d[1], LocalDate.of(2026, 1, 1), d[0], ""));
    }
    b.place("BO", "ANN", Placement.LEFT).place("CY", "ANN", Placement.RIGHT);
    Instant day = Instant.parse("2026-11-05T12:00:00Z");
    b.add(Order.byDistributor("O1", "ANN", day, new BigDecimal("100")))
        .add(Order.byDistributor("O2", "BO", day, new BigDecimal("400")))
        .add(Order.byDistributor("O3", "CY", day, new BigDecimal("10")));
    Evaluation e = RankGauge.evaluate(b.build(), plan, Period.month(2026, 11),
        Instant.parse("2026-11-27T12:00:00Z"));
    Advice a = e.advice("ANN").orElseThrow();

    assertThat(AdviceText.summary(a, "PV", Locale.ENGLISH)).isEqualTo(
        "To reach Director (DIR) by 2026-11-30: CY on the right side needs to reach Executive"
            + " (15 PV more of your own)");
    assertThat(AdviceText.summary(a, "PV", Locale.forLanguageTag("es"))).isEqualTo(
        "Para llegar a Director (DIR) antes del 30/11/2026: CY, en el lado derecho, debe llegar a"
            + " Executive (15 PV más de tus propios pedidos)");
  }

  @Test
  void aStepInAnotherVolumeTypeSpeaksItsType() {
    // Ranked by PV, Manager asks for 300 BV on the weak side and 600 on the strong: Bo (200 BV)
    // left, Cy (50 BV) right; 400 BV more at Bo, 250 at Cy.
    CompPlan plan = CompPlan.builder("Hybrid").zone(ZoneOffset.UTC).volumeTypes("PV", "BV")
        .placementTree(PlacementTree.binary())
        .rank(Rank.of("CON", "Consultant"))
        .rank(Rank.of("MGR", "Manager", Requirement.sideVolume(new BigDecimal("300"),
            new BigDecimal("600"), "BV")))
        .build();
    Organisation.Builder b = Organisation.builder();
    for (String[] d : new String[][] {{"ANN", null}, {"BO", "ANN"}, {"CY", "ANN"}}) {
      b.add(Distributor.of(d[0], d[1], LocalDate.of(2026, 1, 1), d[0], ""));
    }
    b.place("BO", "ANN", Placement.LEFT).place("CY", "ANN", Placement.RIGHT);
    Instant day = Instant.parse("2026-11-05T12:00:00Z");
    b.add(new Order("O1", BuyerType.DISTRIBUTOR, "BO", day, OrderStatus.PAID,
            Map.of("PV", new BigDecimal("100"), "BV", new BigDecimal("200")), BigDecimal.ZERO))
        .add(new Order("O2", BuyerType.DISTRIBUTOR, "CY", day, OrderStatus.PAID,
            Map.of("PV", new BigDecimal("100"), "BV", new BigDecimal("50")), BigDecimal.ZERO));
    Evaluation e = RankGauge.evaluate(b.build(), plan, Period.month(2026, 11),
        Instant.parse("2026-11-27T12:00:00Z"));

    assertThat(AdviceText.summary(e.advice("ANN").orElseThrow(), "PV", Locale.ENGLISH))
        .isEqualTo("To reach Manager (MGR) by 2026-11-30: 250 BV more on the right side under CY,"
            + " in orders of CY; 400 BV more on the left side under BO, in orders of BO");
  }

  @Test
  void cappedGroupVolumeInAnotherTypeSpeaksItsTypeAndTheLegAtTheCap() {
    // Ranked by PV, Manager asks for 400 group BV with at most half (200 BV) from any leg, own
    // volume a leg too: Bo's 200 BV are at the cap, Cy has 50 and Ann none. 150 BV are missing,
    // all in Cy's leg, which has the room; more at Bo does not help.
    CompPlan plan = CompPlan.builder("Capped in BV").zone(ZoneOffset.UTC).volumeTypes("PV", "BV")
        .rank(Rank.of("CON", "Consultant"))
        .rank(Rank.of("MGR", "Manager", Requirement.cappedGroupVolume(new BigDecimal("400"),
            new BigDecimal("50"), true).ofType("BV")))
        .build();
    Organisation.Builder b = Organisation.builder();
    for (String[] d : new String[][] {{"ANN", null}, {"BO", "ANN"}, {"CY", "ANN"}}) {
      b.add(Distributor.of(d[0], d[1], LocalDate.of(2026, 1, 1), d[0], ""));
    }
    Instant day = Instant.parse("2026-11-05T12:00:00Z");
    b.add(new Order("O1", BuyerType.DISTRIBUTOR, "BO", day, OrderStatus.PAID,
            Map.of("PV", new BigDecimal("100"), "BV", new BigDecimal("200")), BigDecimal.ZERO))
        .add(new Order("O2", BuyerType.DISTRIBUTOR, "CY", day, OrderStatus.PAID,
            Map.of("PV", new BigDecimal("100"), "BV", new BigDecimal("50")), BigDecimal.ZERO));
    Evaluation e = RankGauge.evaluate(b.build(), plan, Period.month(2026, 11),
        Instant.parse("2026-11-27T12:00:00Z"));
    Advice a = e.advice("ANN").orElseThrow();

    assertThat(AdviceText.summary(a, "PV", Locale.ENGLISH))
        .isEqualTo("To reach Manager (MGR) by 2026-11-30: 150 BV more in the legs of CY (not in"
            + " the leg of BO: at the cap, more there does not help)");
    assertThat(AdviceText.summary(a, "PV", Locale.forLanguageTag("es")))
        .contains("150 BV m\u00e1s en las l\u00edneas de CY (no en la l\u00ednea de BO:"
            + " est\u00e1 en el tope, m\u00e1s all\u00ed no ayuda)");
    assertThat(AdviceText.render(a, "PV", Locale.ENGLISH)).contains("Volume to add: 0 PV");
  }

  @Test
  void aStepOfAnAnyOfPathNamesThePath() {
    // Consultant by either path: "own" (100 PV of one's own) or "team" (300 group PV). Ann has
    // 60 PV and Bo, hers, 200: either path costs 40 PV; on a tie the first, "own", is taken.
    CompPlan plan = CompPlan.builder("Paths").zone(ZoneOffset.UTC).volumeTypes("PV")
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("CON", "Consultant", Requirement.anyOf(
            Requirement.path("own", Requirement.personalVolume(new BigDecimal("100"))),
            Requirement.path("team", Requirement.groupVolume(new BigDecimal("300"))))))
        .build();
    Instant day = Instant.parse("2026-11-05T12:00:00Z");
    Organisation o = Organisation.builder()
        .add(Distributor.of("ANN", null, LocalDate.of(2026, 1, 1), "Ann", ""))
        .add(Distributor.of("BO", "ANN", LocalDate.of(2026, 1, 1), "Bo", ""))
        .add(Order.byDistributor("O1", "ANN", day, new BigDecimal("60")))
        .add(Order.byDistributor("O2", "BO", day, new BigDecimal("200")))
        .build();
    Advice a = RankGauge.evaluate(o, plan, Period.month(2026, 11),
        Instant.parse("2026-11-27T12:00:00Z")).advice("ANN").orElseThrow();

    assertThat(AdviceText.summary(a, "PV", Locale.ENGLISH))
        .isEqualTo("To reach Consultant (CON) by 2026-11-30: 40 PV more of your own (path own)");
    assertThat(AdviceText.summary(a, "PV", Locale.forLanguageTag("es"))).endsWith(
        "40 PV más de tus propios pedidos (vía own)");
  }
}
