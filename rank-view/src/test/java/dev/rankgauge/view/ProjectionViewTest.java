package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Projection;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The projection in the text view and on the gauge page: sixty distributors under D0 buy the
 * same two orders every month, on the 5th and the 20th; September and October are closed, and
 * November is looked at on the 12th.
 */
class ProjectionViewTest {
  private static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final CompPlan PLAN = CompPlan.builder("Habits")
      .zone(ZoneOffset.UTC).volumeTypes("PV")
      .rank(Rank.of("MBR", "Member"))
      .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))))
      .rank(Rank.of("GLD", "Gold", Requirement.personalVolume(new BigDecimal("300"))))
      .build();
  private static final Period NOVEMBER = Period.month(2026, 11);

  private static Instant utc(int month, int day) {
    return LocalDate.of(2026, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Organisation habits() {
    Organisation.Builder b = Organisation.builder();
    b.add(Distributor.of("D0", null, LocalDate.of(2025, 1, 1), "Dana Diaz", "dana@example.com"));
    int order = 0;
    for (int i = 1; i <= 60; i++) {
      b.add(Distributor.of("D" + i, "D0", LocalDate.of(2025, 1, 1), "Name " + i,
          "d" + i + "@example.com"));
      for (int month = 9; month <= 11; month++) {
        for (int day : new int[] {5, 20}) {
          b.add(Order.byDistributor("O" + ++order, "D" + i, utc(month, day),
              BigDecimal.valueOf(5L * i)));
        }
      }
    }
    return b.build();
  }

  private static Evaluation november(boolean withHistory) {
    Organisation org = habits();
    History history = History.empty();
    if (withHistory) {
      for (int m = 9; m <= 10; m++) {
        Period p = Period.month(2026, m);
        history = RankGauge.evaluate(org, PLAN, p, p.endInstant(PLAN.zone()), history).close();
      }
    }
    return RankGauge.evaluate(org, PLAN, NOVEMBER, utc(11, 12), history);
  }

  @Test
  void theTextViewSaysWhereEachGaugeEndsAndTheRankWithItsLikelihood() {
    Projection projection = Projection.of(november(true));

    // D20 bought 100 PV on the 5th; the 100 PV of the 20th are still to come: Silver now,
    // Silver by the end (Gold needs 300).
    String text = ProjectionView.text(projection, "D20", Locale.ENGLISH);

    assertThat(text).startsWith("By 2026-11-30 (projected from the period so far and the closed"
        + " periods; each range holds the end figure 80% of the time)");
    assertThat(text).contains("  Personal sales: 100 PV now, 200 PV by 2026-11-30 (200 to 200 PV)")
        .contains("  Active personal customers: 0 now, 0 by 2026-11-30 (0 to 0)")
        .contains("  By 2026-11-30: Silver (SLV) with 100% likelihood");
  }

  @Test
  void inSpanish() {
    String text = ProjectionView.text(Projection.of(november(true)), "D40", SPANISH);

    // 200 PV on the 5th, 400 PV by the end: Gold.
    assertThat(text).startsWith("Al 30/11/2026 (proyección desde lo que va del periodo")
        .contains("Ventas personales: 200 PV ahora, 400 PV al 30/11/2026 (400 a 400 PV)")
        .contains("Al 30/11/2026: Gold (GLD) con una probabilidad del 100 %");
  }

  @Test
  void withoutHistoryTheStraightLineAndNoRange() {
    String text = ProjectionView.text(Projection.of(november(false)), "D20", Locale.ENGLISH);

    // 100 PV in 11 of 30 days: 272.727273 PV in a straight line, in the plan's six decimals.
    assertThat(text).contains("the period so far in a straight line; no closed period to learn a"
        + " range from")
        .contains("Personal sales: 100 PV now, 272.727273 PV by 2026-11-30")
        .doesNotContainPattern("\\(\\d[\\d,.]* to ")
        .contains("By 2026-11-30: Silver (SLV)").doesNotContain("likelihood");
  }

  @Test
  void theGaugePageShowsTheProjectionBelowTheGauges() {
    Evaluation e = november(true);
    Projection projection = Projection.of(e);

    String page = GaugePage.render(e, e.result("D40"), projection, Locale.ENGLISH);

    assertThat(page).contains("<section class=\"projection\">\n<h2>By 2026-11-30</h2>")
        .contains("<p class=\"rank\"><strong>By 2026-11-30: Gold (GLD) with 100% likelihood"
            + "</strong></p>")
        .contains("<li>Personal sales: 200 PV now, 400 PV by 2026-11-30 (400 to 400 PV)</li>");
    assertThat(page.indexOf("class=\"projection\"")).isGreaterThan(page.indexOf("class=\"gauges\""))
        .isLessThan(page.indexOf("class=\"gap\""));
    assertThat(GaugePage.render(e, e.result("D40"), Locale.ENGLISH))
        .doesNotContain("<section class=\"projection\">");
  }

  @Test
  void aProjectionOfAnotherEvaluationIsRefused() {
    Evaluation e = november(true);
    Projection other = Projection.of(november(true));
    assertThatThrownBy(() -> GaugePage.fragment(e, e.result("D40"), other, Locale.ENGLISH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found a projection of another evaluation");
  }
}
