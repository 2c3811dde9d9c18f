package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RankHold;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * With history, both views show the title beside the paid-as rank, and a held rank with the rank
 * qualified for and the grace left. Dana was Gold in October and buys Silver's volume in November;
 * the plan keeps a paid-as rank for two periods.
 */
class HeldRankViewTest {
  private static final Period OCTOBER = Period.month(2026, 10);
  private static final Period NOVEMBER = Period.month(2026, 11);

  private static Evaluation november() {
    CompPlan plan = CompPlan.builder("Hold plan").rankHold(RankHold.keepPaidAs(2))
        .rank("DIST", "Distributor")
        .rank("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100")))
        .rank("GLD", "Gold", Requirement.personalVolume(new BigDecimal("200")))
        .build();
    Organisation org = Organisation.builder()
        .add(Distributor.of("D1", null, LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"))
        .add(Order.byDistributor("O1", "D1", Instant.parse("2026-10-10T12:00:00Z"),
            new BigDecimal("250")))
        .add(Order.byDistributor("O2", "D1", Instant.parse("2026-11-10T12:00:00Z"),
            new BigDecimal("120")))
        .build();
    History october = RankGauge.evaluate(org, plan, OCTOBER, OCTOBER.endInstant(plan.zone()),
        History.empty()).close();
    return RankGauge.evaluate(org, plan, NOVEMBER, NOVEMBER.endInstant(plan.zone()), october);
  }

  @Test
  void theTextViewShowsTheTitleAndTheHold() {
    Evaluation e = november();
    assertThat(TextView.render(e, e.result("D1")))
        .contains("Paid as: Gold (GLD), title Gold (GLD)" + System.lineSeparator()
            + "Held: qualifies for Silver (SLV); held 1 period in a row, 1 more period of grace"
            + System.lineSeparator());
  }

  @Test
  void theGaugePageShowsTheTitleAndTheHold() {
    Evaluation e = november();
    assertThat(GaugePage.render(e, e.result("D1")))
        .contains("<span class=\"title\"><span class=\"label\">Title</span> <strong>Gold</strong>"
            + " <span class=\"code\">GLD</span></span>")
        .contains("<span class=\"held\">Held: qualifies for Silver (SLV); held 1 period in a row,"
            + " 1 more period of grace</span>");
  }

  @Test
  void withoutHistoryTheViewsReadAsBefore() {
    CompPlan plan = CompPlan.builder("Plain").rank("DIST", "Distributor").build();
    Organisation org = Organisation.builder()
        .add(Distributor.of("D1", null, LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"))
        .build();
    Evaluation e = RankGauge.evaluate(org, plan, NOVEMBER);
    assertThat(TextView.render(e, e.result("D1"))).contains("Paid as: Distributor (DIST)"
        + System.lineSeparator()).doesNotContain("title").doesNotContain("Held");
    assertThat(GaugePage.render(e, e.result("D1"))).doesNotContain("class=\"title\"")
        .doesNotContain("class=\"held\"");
  }
}
