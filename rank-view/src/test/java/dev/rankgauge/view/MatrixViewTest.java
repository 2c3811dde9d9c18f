package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.MatrixLevels;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Placement;
import dev.rankgauge.RankGauge;
import dev.rankgauge.json.PlanFiles;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A matrix plan's views show the positions filled and active on each level the plan reads (the
 * bundled matrix plan: width 3, three levels; active from 50 PV). Ann has Bo (60 PV), Cy (10 PV)
 * and Di (50 PV) in her first level, and Ed (80 PV) under Bo in her second: level 1 has 3 of 3
 * filled, 2 active; level 2 has 1 of 9, active; level 3 none of 27.
 */
class MatrixViewTest {
  private static Evaluation matrix() {
    CompPlan plan = PlanFiles.bundled("matrix");
    Organisation.Builder b = Organisation.builder();
    int o = 0;
    for (String[] d : new String[][] {{"ANN", null, "100"}, {"BO", "ANN", "60"},
        {"CY", "ANN", "10"}, {"DI", "ANN", "50"}, {"ED", "BO", "80"}}) {
      b.add(Distributor.of(d[0], d[1], LocalDate.of(2025, 1, 1), d[0], ""));
      b.add(Order.byDistributor("O" + ++o, d[0], Instant.parse("2026-11-10T18:00:00Z"),
          new BigDecimal(d[2])));
    }
    b.add(Placement.of("BO", "ANN", 1)).add(Placement.of("CY", "ANN", 2))
        .add(Placement.of("DI", "ANN", 3)).add(Placement.of("ED", "BO", 2));
    return RankGauge.evaluate(b.build(), plan, Period.month(2026, 11));
  }

  @Test
  void theLevelsCountThePositionsFilledAndActive() {
    Evaluation e = matrix();
    assertThat(e.matrix("ANN").orElseThrow().levels()).containsExactly(
        new MatrixLevels.Level(1, 3, 2, 3), new MatrixLevels.Level(2, 1, 1, 9),
        new MatrixLevels.Level(3, 0, 0, 27));
    assertThat(e.matrix("ED").orElseThrow().levels()).extracting(MatrixLevels.Level::filled)
        .containsExactly(0, 0, 0);
    assertThat(e.sides("ANN")).as("a matrix has no two sides").isEmpty();
  }

  @Test
  void theTextViewShowsTheLevelsInEitherLanguage() {
    Evaluation e = matrix();
    assertThat(TextView.render(e, e.result("ANN"))).contains("Matrix: level 1: 3 of 3 filled,"
        + " 2 active; level 2: 1 of 9 filled, 1 active; level 3: 0 of 27 filled, 0 active");
    assertThat(TextView.render(e, e.result("ANN"), Locale.forLanguageTag("es")))
        .contains("Matriz: nivel 1: 3 de 3 ocupadas, 2 activas; nivel 2: 1 de 9 ocupadas,"
            + " 1 activas; nivel 3: 0 de 27 ocupadas, 0 activas");
  }

  @Test
  void theGaugePageShowsTheLevelsAsATable() {
    Evaluation e = matrix();
    String page = GaugePage.render(e, e.result("ANN"));
    assertThat(page).contains("<section class=\"sides matrix\">\n<h2>Matrix</h2>\n<table>\n"
        + "<tr><th>Level</th><th>Filled</th><th>Active</th></tr>\n"
        + "<tr><td>1</td><td>3 of 3</td><td>2</td></tr>\n"
        + "<tr><td>2</td><td>1 of 9</td><td>1</td></tr>\n"
        + "<tr><td>3</td><td>0 of 27</td><td>0</td></tr>\n</table>");
    assertThat(GaugePage.render(e, e.result("ANN"), Locale.forLanguageTag("es")))
        .contains("<h2>Matriz</h2>", "<th>Ocupadas</th>", "<td>3 de 3</td>");
  }

  @Test
  void aBinaryPlanShowsNoMatrix() {
    CompPlan plan = PlanFiles.bundled("binary");
    Evaluation e = RankGauge.evaluate(Organisation.builder()
        .add(Distributor.of("ANN", null, LocalDate.of(2025, 1, 1), "Ann", "")).build(),
        plan, Period.month(2026, 11));
    assertThat(e.matrix("ANN")).isEmpty();
    assertThat(TextView.render(e, e.result("ANN"))).doesNotContain("Matrix");
    assertThat(GaugePage.render(e, e.result("ANN"))).doesNotContain("class=\"sides matrix\"");
    assertThat(List.of(e.sides("ANN").isPresent())).containsExactly(true);
  }
}
