package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.json.PlanFiles;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * On a ladder whose top ranks ask for structure (doTERRA), a gauge ends at the last rank that
 * raises its threshold: the text view and the gauge page say no higher rank asks for more, and
 * neither claims the top rank; a metric no rank asks for says it is not used.
 */
class GaugeEndsTest {
  private static final CompPlan DOTERRA = PlanFiles.bundled("doterra");
  private static final Instant NOV_5 = Instant.parse("2026-11-05T18:00:00Z");

  private final Evaluation e = RankGauge.evaluate(Organisation.builder()
      .add(Distributor.of("A", null, LocalDate.of(2025, 1, 1), "Ann Able", "ann@example.com"))
      .add(Distributor.of("B", "A", LocalDate.of(2025, 1, 1), "Bo Best", "bo@example.com"))
      .add(Order.paid("O1", BuyerType.DISTRIBUTOR, "A", NOV_5, "PV", new BigDecimal("1240"),
          new BigDecimal("1240")))
      .build(), DOTERRA, Period.month(2026, 11));

  @Test
  void theTextViewSaysWhereTheGaugeEnds() {
    String a = TextView.render(e, e.result("A"));
    String b = TextView.render(e, e.result("B"));

    assertThat(a).contains("Personal sales                 1,240 PV -> MGR (no higher rank asks"
        + " for more)");
    assertThat(a).doesNotContain("PDMND", "top rank");
    assertThat(b).contains("Personal sales                 0 PV -> WA, 100 more for MGR");
    assertThat(b).doesNotContain("PDMND", "top rank");
  }

  @Test
  void theGaugePageSaysWhereTheGaugeEnds() {
    String page = GaugePage.render(e, e.result("A"));

    assertThat(page).contains("No higher rank asks for more")
        .contains("Personal sales: 1,240 PV, Manager, no higher rank asks for more")
        .doesNotContain("Top rank", "top rank");
  }

  @Test
  void aMetricThePlanDoesNotUseSaysSo() {
    CompPlan noCustomers = CompPlan.builder("PV only")
        .rank(dev.rankgauge.Rank.of("M", "Member"))
        .rank(dev.rankgauge.Rank.of("S", "Silver",
            dev.rankgauge.Requirement.personalVolume(BigDecimal.TEN)))
        .build();
    Evaluation pvOnly = RankGauge.evaluate(e.organisation(), noCustomers, Period.month(2026, 11));

    assertThat(TextView.render(pvOnly, pvOnly.result("A")))
        .contains("Active personal customers      0 -> M (not used by this plan)")
        .contains("Personal sales                 1,240 PV -> S (top rank)");
    assertThat(GaugePage.render(pvOnly, pvOnly.result("A"))).contains("Not used by this plan");
  }
}
