package dev.rankgauge.io;

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
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * CSV and JSON results carry the title rank beside the paid-as rank, and a held rank's rank
 * qualified for and grace left. Dana (D1) was Gold in October and buys Silver's volume in
 * November; Sam (D0), her sponsor, buys nothing either month. The plan keeps a paid-as rank for
 * two periods.
 */
class HeldRankResultsTest {
  private static final Period OCTOBER = Period.month(2026, 10);
  private static final Period NOVEMBER = Period.month(2026, 11);

  private static Evaluation november() {
    CompPlan plan = CompPlan.builder("Hold plan").rankHold(RankHold.keepPaidAs(2))
        .rank("DIST", "Distributor")
        .rank("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100")))
        .rank("GLD", "Gold", Requirement.personalVolume(new BigDecimal("200")))
        .build();
    Organisation org = Organisation.builder()
        .add(Distributor.of("D0", null, LocalDate.of(2025, 1, 1), "Sam", "sam@example.com"))
        .add(Distributor.of("D1", "D0", LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"))
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
  void csvRowsCarryTitleRankQualifiedForAndGraceLeft() throws IOException {
    StringWriter out = new StringWriter();
    ResultsCsv.write(november().table(), out, Progress.silent());

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString())).getRecords();
    assertThat(rows).extracting(r -> r.get("id") + " " + r.get("paid_as") + " " + r.get("title")
        + " " + r.get("qualified_as") + " [" + r.get("grace_left") + "]")
        .containsExactly("D0 DIST DIST DIST []", "D1 GLD GLD SLV [1]");
  }

  @Test
  void jsonCarriesTheTitleAndTheHold() throws IOException {
    Evaluation e = november();
    StringWriter lines = new StringWriter();
    ResultsJson.writeAll(e, lines, Progress.silent());
    StringWriter one = new StringWriter();
    ResultsJson.writeOne(e, e.result("D1"), one);

    assertThat(lines.toString().lines().toList().get(1))
        .contains("\"title\":{\"code\":\"GLD\",\"name\":\"Gold\"},\"held\":{\"qualifiedAs\":"
            + "{\"code\":\"SLV\",\"name\":\"Silver\"},\"periodsHeld\":1,\"periodsLeft\":1}");
    assertThat(lines.toString().lines().toList().get(0)).contains("\"held\":null");
    assertThat(one.toString()).contains("\"periodsLeft\" : 1");
  }
}
