package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Advice;
import dev.rankgauge.Evaluation;
import dev.rankgauge.RankGauge;
import java.util.Locale;
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
}
