package dev.rankgauge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Metric;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RequirementStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The 2013 gas gauge view, rebuilt: every figure the post mentions. */
class SeedDemoTest {
  private final Evaluation evaluation = RankGauge.evaluate(SeedExample.organisation(),
      SeedExample.plan(), SeedExample.PERIOD, SeedExample.AS_OF);
  private final DistributorResult dana = evaluation.result(SeedExample.DANA);

  @Test
  void personalSalesCouldQualifyHerAsSeniorExecutive() {
    assertThat(dana.gauge(Metric.PERSONAL_SALES).value()).isEqualByComparingTo("1150");
    assertThat(dana.gauge(Metric.PERSONAL_SALES).rank().code()).isEqualTo("SE");
    assertThat(dana.gauge(Metric.PERSONAL_SALES).nextRank()).isEmpty();
  }

  @Test
  void groupSalesReachDiamondWith4700ToSeniorExecutive() {
    var group = dana.gauge(Metric.GROUP_SALES);
    assertThat(group.value()).isEqualByComparingTo("7300");
    assertThat(group.rank().code()).isEqualTo("DMND");
    assertThat(group.nextRank().orElseThrow().code()).isEqualTo("SE");
    assertThat(group.remaining().orElseThrow()).isEqualByComparingTo("4700");
    // 7,300 sits 1,300 of the 6,000 between Diamond (6,000) and SE (12,000).
    assertThat(group.needle()).isEqualByComparingTo("0.2166");
  }

  @Test
  void customersAndDistributorsHoldHerAtGold() {
    assertThat(dana.gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS).value()).isEqualByComparingTo("1");
    assertThat(dana.gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS).rank().code()).isEqualTo("GLD");
    assertThat(dana.gauge(Metric.ACTIVE_PERSONAL_DISTRIBUTORS).value()).isEqualByComparingTo("2");
    assertThat(dana.gauge(Metric.ACTIVE_PERSONAL_DISTRIBUTORS).rank().code()).isEqualTo("GLD");
    assertThat(dana.paidAs().code()).isEqualTo("GLD");
  }

  @Test
  void platinumIsHeldBackByCustomersAndDistributorsOnly() {
    var gap = dana.gap().orElseThrow();
    assertThat(gap.rank().code()).isEqualTo("PLAT");
    assertThat(gap.holdingBack()).extracting(RequirementStatus::description).containsExactly(
        "at least 2 active personal customers", "at least 3 active personal distributors");
    assertThat(gap.holdingBack()).extracting(RequirementStatus::remaining)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(BigDecimal.ONE, BigDecimal.ONE);
  }

  @Test
  void focusListsHoldTheEightCustomersAndFiveDistributorsToCall() {
    assertThat(dana.focus().inactiveCustomers()).hasSize(8).extracting(FocusEntry::id)
        .containsExactly("C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9");
    assertThat(dana.focus().activeCustomers()).extracting(FocusEntry::id).containsExactly("C1");
    assertThat(dana.focus().inactiveDistributors()).hasSize(5).extracting(FocusEntry::id)
        .containsExactly("D103", "D104", "D105", "D106", "D107");
    assertThat(dana.focus().activeDistributors()).extracting(FocusEntry::id)
        .containsExactly("D101", "D102");
    FocusEntry dave = dana.focus().inactiveCustomers().get(0);
    assertThat(dave.email()).isEqualTo("dave.dunn@example.com");
    assertThat(dave.lastOrderDate()).contains(LocalDate.of(2026, 10, 14));
    FocusEntry finn = dana.focus().inactiveDistributors().get(0);
    assertThat(finn.volume()).isEqualByComparingTo("40");
    assertThat(finn.orders()).extracting(o -> o.id()).containsExactly("O10");
  }

  @Test
  void demoPrintsTheGaugesPaidAsRankGapsAndFocusLists() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      SeedDemo.main(new String[0]);
    } finally {
      System.setOut(old);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Personal sales", "1,150 PV -> SE (top rank)")
        .contains("Group sales", "7,300 PV -> DMND, 4,700 more for SE")
        .contains("Active personal customers      1 -> GLD")
        .contains("Paid as: Gold (GLD)")
        .contains("To reach Platinum (PLAT)")
        .contains("Personal customers to call (not active) (8)")
        .contains("Personal distributors to call (not active) (5)");
  }
}
