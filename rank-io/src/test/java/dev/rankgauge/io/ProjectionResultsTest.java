package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Projections as JSON and CSV: forty distributors under D0 buy the same two orders every month,
 * on the 5th and the 20th; October is closed, November looked at on the 12th.
 */
class ProjectionResultsTest {
  private static final CompPlan PLAN = CompPlan.builder("Habits")
      .zone(ZoneOffset.UTC).volumeTypes("PV")
      .rank(Rank.of("MBR", "Member"))
      .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))))
      .build();

  private static Instant utc(int month, int day) {
    return LocalDate.of(2026, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Evaluation november(boolean withHistory) {
    Organisation.Builder b = Organisation.builder();
    b.add(Distributor.of("D0", null, LocalDate.of(2025, 1, 1), "=Dana", "dana@example.com"));
    int order = 0;
    for (int i = 1; i <= 40; i++) {
      b.add(Distributor.of("D" + i, "D0", LocalDate.of(2025, 1, 1), "N" + i, "n@example.com"));
      for (int month = 10; month <= 11; month++) {
        b.add(Order.byDistributor("O" + ++order, "D" + i, utc(month, 5), new BigDecimal("60.5")));
        b.add(Order.byDistributor("O" + ++order, "D" + i, utc(month, 20), new BigDecimal("60.5")));
      }
    }
    Organisation org = b.build();
    Period october = Period.month(2026, 10);
    History history = withHistory
        ? RankGauge.evaluate(org, PLAN, october, october.endInstant(PLAN.zone())).close()
        : History.empty();
    return RankGauge.evaluate(org, PLAN, Period.month(2026, 11), utc(11, 12), history);
  }

  @Test
  void oneDistributorAsJson() throws IOException {
    StringWriter out = new StringWriter();
    ProjectionResults.writeJson(Projection.of(november(true)), "D7", out);

    String json = out.toString().replaceAll("\\s+", "");
    assertThat(json).startsWith("{\"id\":\"D7\",\"by\":\"2026-11-30\","
        + "\"asOf\":\"2026-11-12T00:00:00Z\",\"level\":0.8,\"basis\":\"history\",\"gauges\":[")
        .contains("{\"metric\":\"personalSales\",\"current\":60.5,\"projected\":121,"
            + "\"low\":121,\"high\":121}")
        .contains("{\"metric\":\"activePersonalCustomers\",\"current\":0,\"projected\":0,"
            + "\"low\":0,\"high\":0}")
        .endsWith("\"rank\":\"SLV\",\"likelihood\":1}");
  }

  @Test
  void withoutHistoryTheRangeAndLikelihoodAreNull() throws IOException {
    StringWriter out = new StringWriter();
    ProjectionResults.writeJson(Projection.of(november(false)), "D7", out);

    String json = out.toString().replaceAll("\\s+", "");
    assertThat(json).contains("\"basis\":\"periodSoFar\"")
        .contains("{\"metric\":\"personalSales\",\"current\":60.5,\"projected\":165,"
            + "\"low\":null,\"high\":null}")
        .endsWith("\"rank\":\"SLV\",\"likelihood\":null}");
  }

  @Test
  void everyoneAsJsonLinesAndCsvInInputOrder() throws IOException {
    Projection projection = Projection.of(november(true));
    StringWriter lines = new StringWriter();
    ProjectionResults.writeJsonLines(projection, lines, Progress.silent());
    StringWriter csv = new StringWriter();
    ProjectionResults.writeCsv(projection, csv, Progress.silent());

    assertThat(lines.toString().split("\n")).hasSize(41)
        .allSatisfy(l -> assertThat(l).startsWith("{\"id\":\"D").endsWith("}"));
    String[] rows = csv.toString().split("\n");
    assertThat(rows).hasSize(42);
    assertThat(rows[0]).isEqualTo("id,by,basis,personal_sales_now,personal_sales_projected,"
        + "personal_sales_low,personal_sales_high,group_sales_now,group_sales_projected,"
        + "group_sales_low,group_sales_high,active_personal_customers_now,"
        + "active_personal_customers_projected,active_personal_customers_low,"
        + "active_personal_customers_high,active_personal_distributors_now,"
        + "active_personal_distributors_projected,active_personal_distributors_low,"
        + "active_personal_distributors_high,rank,likelihood");
    assertThat(rows[1]).startsWith("D0,2026-11-30,history,0,0,0,0,2420,4840,4840,4840,0,0,0,0,"
        + "40,40,40,40,MBR,");
    assertThat(rows[8]).isEqualTo("D7,2026-11-30,history,60.5,121,121,121,60.5,121,121,121,"
        + "0,0,0,0,0,0,0,0,SLV,1.00");
  }
}
