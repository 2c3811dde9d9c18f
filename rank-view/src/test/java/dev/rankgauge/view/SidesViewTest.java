package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Placement;
import dev.rankgauge.RankGauge;
import dev.rankgauge.SideVolumes;
import dev.rankgauge.json.PlanFiles;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A binary plan's views show the two sides and the weak one. Ann placed Bo (400 PV) on her left,
 * Cy (150 PV) on her right, and Di (300 PV), whom Cy sponsored, spilled over under Bo: left 700,
 * right 150, the right side weak.
 */
class SidesViewTest {
  private static Evaluation binary() {
    CompPlan plan = PlanFiles.bundled("binary");
    Organisation.Builder b = Organisation.builder();
    int o = 0;
    for (String[] d : new String[][] {{"ANN", null, "100"}, {"BO", "ANN", "400"},
        {"CY", "ANN", "150"}, {"DI", "CY", "300"}}) {
      b.add(Distributor.of(d[0], d[1], LocalDate.of(2025, 1, 1), d[0], ""));
      b.add(Order.byDistributor("O" + ++o, d[0], Instant.parse("2026-11-10T18:00:00Z"),
          new BigDecimal(d[2])));
    }
    b.add(Placement.left("BO", "ANN")).add(Placement.right("CY", "ANN"))
        .add(Placement.left("DI", "BO"));
    return RankGauge.evaluate(b.build(), plan, Period.month(2026, 11));
  }

  @Test
  void theSidesAreThePlacedVolumesWithTheWeakOneNamed() {
    SideVolumes ann = binary().sides("ANN").orElseThrow();
    assertThat(ann.left()).isEqualByComparingTo("700");
    assertThat(ann.right()).isEqualByComparingTo("150");
    assertThat(ann.weak()).isEqualByComparingTo("150");
    assertThat(ann.weakSide()).isEqualTo(OptionalInt.of(Placement.RIGHT));
    SideVolumes di = binary().sides("DI").orElseThrow();
    assertThat(di.weakSide()).isEmpty();
  }

  @Test
  void theAdviceSaysWhichSideNeedsHowMuchAndWhoseOrdersInEitherLanguage() {
    // Ann is Executive; Crystal Executive asks for 300 on the weak side: 150 more under Cy.
    Evaluation e = binary();
    assertThat(AdviceText.summary(e.advice("ANN").orElseThrow(), "PV", Locale.ENGLISH))
        .isEqualTo("To reach Crystal Executive (CEX) by 2026-11-30: 150 PV more on the right"
            + " side under CY, in orders of CY");
    assertThat(AdviceText.summary(e.advice("ANN").orElseThrow(), "PV",
        Locale.forLanguageTag("es"))).isEqualTo("Para llegar a Crystal Executive (CEX) antes"
            + " del 30/11/2026: 150 PV más en el lado derecho bajo CY, en pedidos de CY");
  }

  @Test
  void theTextViewShowsBothSidesInEitherLanguage() {
    Evaluation e = binary();
    assertThat(TextView.render(e, e.result("ANN")))
        .contains("Binary tree: left 700 PV, right 150 PV, weak side: right");
    assertThat(TextView.render(e, e.result("ANN"), Locale.forLanguageTag("es")))
        .contains("Árbol binario: izquierda 700 PV, derecha 150 PV, lado débil: derecha");
  }

  @Test
  void theGaugePageShowsBothSides() {
    Evaluation e = binary();
    assertThat(GaugePage.render(e, e.result("ANN")))
        .contains("<section class=\"sides\">\n<h2>Binary tree</h2>\n"
            + "<p>left 700 PV, right 150 PV, weak side: right</p>");
  }

  @Test
  void aPlanWithoutABinaryTreeShowsNoSides() {
    Evaluation e = RankGauge.evaluate(Organisation.builder()
        .add(Distributor.of("ANN", null, LocalDate.of(2025, 1, 1), "Ann", "")).build(),
        PlanFiles.bundled("seed"), Period.month(2026, 11));
    assertThat(e.sides("ANN")).isEmpty();
    assertThat(TextView.render(e, e.result("ANN"))).doesNotContain("Binary tree");
    assertThat(GaugePage.render(e, e.result("ANN"))).doesNotContain("class=\"sides\"");
  }
}
