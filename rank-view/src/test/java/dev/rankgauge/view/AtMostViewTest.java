package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An "at most" requirement exceeded reads as how much to lose in both views. Ann (100 PV) has one
 * leg, Bo's 300: 75% of her 400 from one leg, against at most 50%.
 */
class AtMostViewTest {
  private static Evaluation oneLeg() {
    CompPlan plan = CompPlan.builder("Balanced").rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("BAL", "Balanced", Requirement.atMost(
            Requirement.Figure.LARGEST_LEG_PERCENT, BigDecimal.valueOf(50))))
        .build();
    Organisation org = Organisation.builder()
        .add(Distributor.of("ANN", null, LocalDate.of(2025, 1, 1), "Ann", ""))
        .add(Distributor.of("BO", "ANN", LocalDate.of(2025, 1, 1), "Bo", ""))
        .add(Order.byDistributor("O1", "ANN", Instant.parse("2026-11-10T18:00:00Z"),
            BigDecimal.valueOf(100)))
        .add(Order.byDistributor("O2", "BO", Instant.parse("2026-11-10T18:00:00Z"),
            BigDecimal.valueOf(300)))
        .build();
    return RankGauge.evaluate(org, plan, Period.month(2026, 11));
  }

  @Test
  void theTextViewSaysHowMuchToLose() {
    Evaluation e = oneLeg();
    assertThat(TextView.render(e, e.result("ANN")))
        .contains("[ ] at most 50% of group PV from the largest leg: 75 of 50, 25 to lose");
    assertThat(TextView.render(e, e.result("ANN"), Locale.forLanguageTag("es")))
        .contains("como máximo 50 % de los PV de grupo desde la línea más grande: 75 de 50,"
            + " 25 de más");
  }

  @Test
  void theGaugePageSaysHowMuchToLose() {
    Evaluation e = oneLeg();
    assertThat(GaugePage.render(e, e.result("ANN"))).contains("<strong>25 to lose</strong>")
        .doesNotContain("25 to go");
  }
}
