package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.Problem;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overrides file: read into the overrides an evaluation applies, named in the results and the
 * period's file; every problem named by file, line and column.
 */
class OverridesCsvTest {
  private static final Period NOVEMBER = Period.month(2026, 11);

  @TempDir
  Path tmp;

  private static CompPlan plan() {
    return CompPlan.builder("Overrides plan")
        .rank("DIST", "Distributor")
        .rank("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100")))
        .rank("GLD", "Gold", Requirement.personalVolume(new BigDecimal("200")),
            Requirement.activePersonalDistributors(1))
        .build();
  }

  /** Sam (D0) with 250 PV sponsors Dana (D1) with none. */
  private static Organisation org() {
    return Organisation.builder()
        .add(Distributor.of("D0", null, LocalDate.of(2025, 1, 1), "Sam", "sam@example.com"))
        .add(Distributor.of("D1", "D0", LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"))
        .add(Order.byDistributor("O1", "D0", Instant.parse("2026-11-10T12:00:00Z"),
            new BigDecimal("250")))
        .build();
  }

  @Test
  void aFileOfOverridesIsAppliedAndNamedInResultsAndHistory() throws IOException {
    Path file = tmp.resolve("overrides.csv");
    Files.writeString(file, "Distributor_ID,override,rank,requirement,note\n"
        + "D0,waive,GLD,2,Dana on maternity leave\n"
        + "D1,minimum_rank,SLV,,\n"
        + "D1,active,,,\n");
    Overrides overrides = OverridesCsv.read(file, org(), plan());
    assertThat(overrides).isEqualTo(Overrides.builder().waive("D0", "GLD", 2)
        .minimumRank("D1", "SLV").countAsActive("D1").build());

    Evaluation e = RankGauge.evaluate(org(), plan(), NOVEMBER,
        NOVEMBER.endInstant(plan().zone()), History.empty(), overrides);
    assertThat(e.paidAs("D0").code()).isEqualTo("GLD");
    assertThat(e.paidAs("D1").code()).isEqualTo("SLV");

    StringWriter csv = new StringWriter();
    ResultsCsv.write(e.table(), csv, Progress.silent());
    assertThat(ResultsCsv.header().get(ResultsCsv.header().size() - 1)).isEqualTo("overrides");
    assertThat(csv.toString().lines().toList().get(1)).endsWith(",waive GLD 2");
    assertThat(csv.toString().lines().toList().get(2)).endsWith(",minimum_rank SLV; active");

    StringWriter json = new StringWriter();
    ResultsJson.writeOne(e, e.result("D1"), json);
    assertThat(json.toString()).contains("\"qualifiedAs\" : {")
        .contains("\"kind\" : \"minimum_rank\"", "\"rank\" : \"SLV\"",
            "\"code\" : \"minimum_rank SLV\"", "\"description\" : \"paid as at least SLV\"",
            "\"kind\" : \"active\"");
    StringWriter spanish = new StringWriter();
    ResultsJson.writeOne(e, e.result("D1"), spanish, java.util.Locale.forLanguageTag("es"));
    assertThat(spanish.toString()).contains("\"code\" : \"minimum_rank SLV\"",
        "\"description\" : \"cobra como mínimo SLV\"",
        "\"description\" : \"contado como activo\"");

    Path history = tmp.resolve("history");
    for (HistoryFiles.Format f : HistoryFiles.Format.values()) {
      Path dir = history.resolve(f.name());
      HistoryFiles.append(dir, e, f);
      assertThat(HistoryFiles.read(dir, plan()).records(NOVEMBER))
          .isEqualTo(e.periodRecords());
    }
    assertThat(Files.readString(history.resolve("CSV/2026-11.csv")).lines().toList().get(2))
        .isEqualTo("2026-11,D1,SLV,DIST,SLV,0.000000,0.000000,0,0,0,minimum_rank SLV; active");
    assertThat(Files.readString(history.resolve("JSON_LINES/2026-11.jsonl")).lines().toList()
        .get(1)).endsWith("\"periodsHeld\":0,\"overridesApplied\":[\"minimum_rank SLV\","
            + "\"active\"]}");

    StringWriter written = new StringWriter();
    OverridesCsv.write(overrides, written);
    Files.writeString(file, written.toString());
    assertThat(OverridesCsv.read(file)).isEqualTo(overrides);
  }

  @Test
  void everyProblemIsNamedByFileLineAndColumn() throws IOException {
    Path file = tmp.resolve("overrides.csv");
    Files.writeString(file, "distributor_id,override,rank,requirement\n"
        + "D9,minimum_rank,GLD,\n"
        + "D1,minimum_rank,GOLD,\n"
        + "D0,waive,GLD,3\n"
        + "D0,waive,GLD,first\n"
        + ",promote,,\n"
        + "D1,active,SLV,\n"
        + "D1,active,,\n"
        + "D1,active,,\n");

    assertThatThrownBy(() -> OverridesCsv.read(file, org(), plan()))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems())
            .extracting(Problem::toString).containsExactly(
                "overrides.csv:5:4: found requirement \"first\" for waive; expected the"
                    + " requirement's number in the rank, from 1, in the plan's order",
                "overrides.csv:6:1: found an empty distributor_id; expected the id of the"
                    + " distributor granted the override",
                "overrides.csv:6:2: found override \"promote\"; expected one of: minimum_rank,"
                    + " waive, not_compressed, active",
                "overrides.csv:7:3: found rank \"SLV\" for active; expected it empty, as active"
                    + " takes no rank"));

    // With the values fixed, what the values name is checked against the organisation and plan.
    Files.writeString(file, "distributor_id,override,rank,requirement\n"
        + "D9,minimum_rank,GLD,\n"
        + "D1,minimum_rank,GOLD,\n"
        + "D0,waive,GLD,3\n"
        + "D1,active,,\n"
        + "D1,active,,\n");
    assertThatThrownBy(() -> OverridesCsv.read(file, org(), plan()))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems())
            .extracting(Problem::location).containsExactly(
                "overrides.csv:2:1", "overrides.csv:3:3", "overrides.csv:4:4",
                "overrides.csv:6:2"))
        .hasMessageContaining("found distributor D9, which the organisation does not have")
        .hasMessageContaining("found rank GOLD, which plan Overrides plan does not define;"
            + " expected one of: DIST, SLV, GLD")
        .hasMessageContaining("found requirement 3 of GLD, which has 2 requirements; expected 1"
            + " to 2")
        .hasMessageContaining("found active for distributor D1 again (overrides 4 and 5)");
  }

  @Test
  void appliedOverridesInAHistoryFileMustNameThePlansRanks() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("history"));
    Files.writeString(dir.resolve("2026-10.csv"), String.join(",", HistoryFiles.COLUMNS) + "\n"
        + "2026-10,D0,GLD,SLV,GLD,0,0,0,0,0,minimum_rank GLD\n"
        + "2026-10,D1,DIST,DIST,DIST,0,0,0,0,0,minimum_rank GOLD; waive GLD 7; upgrade\n");

    assertThatThrownBy(() -> HistoryFiles.read(dir, plan()))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems())
            .extracting(Problem::toString).containsExactly(
                "2026-10.csv:3:11: found rank \"GOLD\" in an applied override, which plan"
                    + " Overrides plan does not define; expected one of: DIST, SLV, GLD",
                "2026-10.csv:3:11: found a waived requirement of GLD numbered out of its 2"
                    + " requirements; expected a number from 1 to 2",
                "2026-10.csv:3:11: found \"upgrade\" in overrides_applied; expected overrides"
                    + " in their short form, separated by \"; \": minimum_rank RANK, waive RANK"
                    + " N, not_compressed, active"));
  }
}
