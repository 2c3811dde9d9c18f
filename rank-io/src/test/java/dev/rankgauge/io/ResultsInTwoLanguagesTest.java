package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The texts for people in the results files, in English by default and in Spanish on request. */
class ResultsInTwoLanguagesTest {
  private static final Locale ES = Locale.forLanguageTag("es");
  private final CompPlan plan = PlanFiles.bundled("seed");
  private final Evaluation e = RankGauge.evaluate(Organisation.builder()
      .add(Distributor.of("D1", null, LocalDate.of(2025, 1, 1), "Ann Able", "ann@example.com"))
      .add(Order.byDistributor("O1", "D1", Instant.parse("2026-11-03T12:00:00Z"),
          new BigDecimal("2500")))
      .build(), plan, Period.month(2026, 11));

  private String csv(Locale locale) throws IOException {
    StringWriter w = new StringWriter();
    if (locale == null) {
      ResultsCsv.write(e.table(), w, Progress.silent());
    } else {
      ResultsCsv.write(e, w, Progress.silent(), locale);
    }
    return w.toString();
  }

  @Test
  void theMissingColumnSpeaksTheLanguageAskedFor() throws IOException {
    assertThat(csv(null)).endsWith(",at least 1 active personal distributor: 1 more,"
        + "activePersonalDistributors,\n");
    assertThat(csv(Locale.ENGLISH)).isEqualTo(csv(null));
    assertThat(csv(ES)).endsWith(",al menos 1 distribuidor personal activo: falta 1,"
        + "activePersonalDistributors,\n");
    assertThat(csv(ES).lines().findFirst()).isEqualTo(csv(null).lines().findFirst());
  }

  @Test
  void jsonLabelsAndRequirementsSpeakTheLanguageAskedFor() throws IOException {
    StringWriter en = new StringWriter();
    StringWriter es = new StringWriter();
    ResultsJson.writeOne(e, e.result("D1"), en);
    ResultsJson.writeOne(e, e.result("D1"), es, ES);

    assertThat(en.toString()).contains("\"label\" : \"Group sales\"")
        .contains("\"requirement\" : \"at least 1 active personal distributor\"");
    assertThat(es.toString()).contains("\"label\" : \"Ventas de grupo\"")
        .contains("\"requirement\" : \"al menos 1 distribuidor personal activo\"")
        .contains("\"metric\" : \"groupSales\"");
    StringWriter lines = new StringWriter();
    ResultsJson.writeAll(e, lines, Progress.silent(), ES);
    assertThat(lines.toString()).contains("\"label\":\"Clientes personales activos\"");
  }
}
