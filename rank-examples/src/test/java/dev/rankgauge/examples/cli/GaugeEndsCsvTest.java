package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * CSV and JSON results on doTERRA, whose top ranks ask for legs rather than more volume: no gauge
 * claims the top rank (Presidential Diamond), and an inactive distributor with 0 PV reads the
 * entry rank with what the next rank needs.
 */
class GaugeEndsCsvTest {
  private static final String[] DOTERRA = {"evaluate", "--plan", "doterra", "--data",
      EvaluateCommandTest.SEED, "--period", "2026-11"};

  @Test
  void noGaugeClaimsTheTopRankInCsv() throws IOException {
    Cli.Run run = Cli.run(DOTERRA);
    assertThat(run.exit()).as(run.toString()).isZero();
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(run.out())).getRecords();

    for (CSVRecord r : rows) {
      for (String gauge : List.of("personal_sales", "group_sales", "active_personal_customers",
          "active_personal_distributors")) {
        assertThat(r.get(gauge + "_rank")).as("%s of %s", gauge, r.get("id")).isNotEqualTo("PDMND");
      }
    }
    CSVRecord idle = rows.stream().filter(r -> r.get("personal_sales").equals("0")).findFirst()
        .orElseThrow();
    assertThat(idle.get("personal_sales_rank")).isEqualTo("WA");
    assertThat(idle.get("personal_sales_next_rank")).isEqualTo("MGR");
    assertThat(idle.get("personal_sales_remaining")).isEqualTo("100");
  }

  @Test
  void noGaugeClaimsTheTopRankInJson() {
    String[] json = java.util.Arrays.copyOf(DOTERRA, DOTERRA.length + 2);
    json[DOTERRA.length] = "--format";
    json[DOTERRA.length + 1] = "json";
    Cli.Run run = Cli.run(json);
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).doesNotContain("\"rank\":\"PDMND\"").contains("\"rank\":\"MGR\"");
  }
}
