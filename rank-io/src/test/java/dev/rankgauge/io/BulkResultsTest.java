package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Gauge;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGap;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.ResultTable;
import dev.rankgauge.json.PlanFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Bulk results over several chunks of rows (formatted in parallel, written in order): each CSV row
 * says what the distributor's full result says, and the byte stream gets exactly the text a
 * writer gets.
 */
class BulkResultsTest {
  private static final Locale ES = Locale.forLanguageTag("es");

  /** 5,000 distributors (three chunks), with names that need quotes, apostrophes or UTF-8. */
  private static Evaluation evaluation(String planName) {
    return evaluation(planName.equals("ladder") ? ladder() : PlanFiles.bundled(planName));
  }

  /**
   * A plan of twenty ranks, more than the CSV writer makes the five rank cells of in one piece,
   * whose top rank asks for eleven things, more than it makes each set of missing codes of.
   */
  private static CompPlan ladder() {
    CompPlan.Builder plan = CompPlan.builder("Long ladder").rank("R0", "Rank 0");
    for (int r = 1; r < 19; r++) {
      plan.rank("R" + r, "Rank " + r, Requirement.personalVolume(new BigDecimal(15 * r)),
          Requirement.groupVolume(new BigDecimal(60 * r)));
    }
    List<Requirement> top = new ArrayList<>();
    for (int k = 1; k <= 11; k++) {
      top.add(k % 2 == 0 ? Requirement.groupVolume(new BigDecimal(100 * k))
          : Requirement.personalVolume(new BigDecimal(30 * k)));
    }
    return plan.rank("R19", "Rank 19", top.toArray(new Requirement[0])).build();
  }

  private static Evaluation evaluation(CompPlan plan) {
    Random random = new Random(11);
    String[] names = {"Ann Able", "Zoë Ñúñez", "=SUM(A1)", "Smith, Jo", "Say \"hi\"", " padded ",
        "李小龙", "+1 555", "Bob"};
    Organisation.Builder b = Organisation.builder();
    List<Distributor> ds = new ArrayList<>();
    int n = 5000;
    for (int i = 0; i < n; i++) {
      String sponsor = i == 0 ? null : "D" + random.nextInt(i);
      Distributor d = Distributor.of("D" + i, sponsor, LocalDate.of(2025, 1, 1),
          names[i % names.length], "d" + i + "@example.com");
      ds.add(d);
      b.add(d);
    }
    int orders = 0;
    for (int i = 0; i < n; i++) {
      for (int c = random.nextInt(3); c > 0; c--) {
        String id = "C" + i + "-" + c;
        b.add(Customer.of(id, "D" + i, "Cee", id + "@example.com"));
        if (random.nextBoolean()) {
          b.add(Order.byCustomer("O" + orders++, id, Instant.parse("2026-11-05T10:00:00Z"),
              new BigDecimal(random.nextInt(30000)).movePointLeft(2)));
        }
      }
      if (random.nextInt(3) > 0) {
        b.add(Order.byDistributor("O" + orders++, "D" + i, Instant.parse("2026-11-03T12:00:00Z"),
            new BigDecimal(random.nextInt(900))));
      }
    }
    return RankGauge.evaluate(b.build(), plan, Period.month(2026, 11));
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "doterra", "ladder"})
  void eachCsvRowSaysWhatTheFullResultSays(String planName) throws IOException {
    Evaluation e = evaluation(planName);
    StringWriter w = new StringWriter();
    ResultsCsv.write(e.table(), w, Progress.silent());

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(w.toString())).getRecords();
    assertThat(rows).hasSize(e.organisation().distributorCount());
    for (int i = 0; i < rows.size(); i++) {
      CSVRecord row = rows.get(i);
      Distributor d = e.organisation().distributors().get(i);
      DistributorResult r = e.result(d.id());
      assertThat(row.get("id")).isEqualTo(d.id());
      assertThat(row.get("name")).isEqualTo(ResultsCsv.cell(d.name()));
      assertThat(row.get("sponsor_id")).isEqualTo(d.sponsorId().orElse(""));
      assertThat(row.get("active")).isEqualTo(r.active() ? "yes" : "no");
      assertThat(row.get("paid_as")).isEqualTo(r.paidAs().code());
      assertThat(row.get("next_rank")).isEqualTo(r.nextRank().map(x -> x.code()).orElse(""));
      for (Gauge g : r.gauges()) {
        String m = g.metric().name().toLowerCase(Locale.ROOT);
        assertThat(new BigDecimal(row.get(m))).isEqualByComparingTo(g.value());
        assertThat(row.get(m)).isEqualTo(ResultsCsv.plain(g.value()));
        assertThat(row.get(m + "_rank")).isEqualTo(g.rank().code());
        assertThat(row.get(m + "_next_rank"))
            .isEqualTo(g.nextRank().map(x -> x.code()).orElse(""));
        assertThat(row.get(m + "_remaining"))
            .isEqualTo(g.remaining().map(ResultsCsv::plain).orElse(""));
      }
      List<RequirementStatus> missing = r.gap().map(RankGap::holdingBack).orElse(List.of());
      assertThat(row.get("missing_codes")).isEqualTo(missing.stream()
          .map(s -> ResultTable.code(s.requirement())).collect(Collectors.joining(" ")));
      assertThat(row.get("missing")).isEqualTo(missing.stream()
          .map(s -> s.description() + ": " + ResultsCsv.plain(s.remaining()) + " more")
          .collect(Collectors.joining("; ")));
    }
    assertThat(rows.stream().map(x -> x.get("missing")).filter(x -> !x.isEmpty()).count())
        .isGreaterThan(100);
    if (planName.equals("ladder")) {
      assertThat(rows.stream().filter(x -> x.get("next_rank").equals("R19")).count())
          .isGreaterThan(10);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "doterra"})
  void eachMissingCellSaysInItsLanguageWhatHoldsTheDistributorBack(String planName)
      throws IOException {
    Evaluation e = evaluation(planName);
    long quoted = 0;
    for (Locale locale : List.of(Locale.ENGLISH, ES, Locale.forLanguageTag("es-MX"))) {
      IoTexts words = new IoTexts(locale, e.plan().qualifyingVolumeType());
      StringWriter w = new StringWriter();
      ResultsCsv.write(e, w, Progress.silent(), locale);

      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
          .get().parse(new StringReader(w.toString())).getRecords();
      for (int i = 0; i < rows.size(); i++) {
        DistributorResult r = e.result(e.organisation().distributors().get(i).id());
        List<RequirementStatus> missing = r.gap().map(RankGap::holdingBack).orElse(List.of());
        String cell = missing.stream()
            .map(s -> words.missing(words.requirement(s), s.remaining()))
            .collect(Collectors.joining("; "));
        assertThat(rows.get(i).get("missing")).isEqualTo(cell);
        quoted += cell.contains(",") ? 1 : 0;
      }
    }
    assertThat(quoted).isGreaterThan(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "doterra"})
  void aByteStreamGetsTheTextAWriterGets(String planName) throws IOException {
    Evaluation e = evaluation(planName);
    for (Locale locale : List.of(Locale.ENGLISH, ES, Locale.ROOT)) {
      StringWriter csv = new StringWriter();
      ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
      ResultsCsv.write(e, csv, Progress.silent(), locale);
      ResultsCsv.write(e, csvBytes, Progress.silent(), locale);
      assertThat(csvBytes.toString(StandardCharsets.UTF_8)).isEqualTo(csv.toString());

      StringWriter json = new StringWriter();
      ByteArrayOutputStream jsonBytes = new ByteArrayOutputStream();
      ResultsJson.writeAll(e, json, Progress.silent(), locale);
      ResultsJson.writeAll(e, jsonBytes, Progress.silent(), locale);
      assertThat(jsonBytes.toString(StandardCharsets.UTF_8)).isEqualTo(json.toString());
      assertThat(json.toString().lines()).hasSize(e.organisation().distributorCount())
          .allMatch(l -> l.startsWith("{\"id\":\"D"));
    }
  }

  @Test
  void aFailedWriteStopsTheRunAndSaysWhy() {
    Evaluation e = evaluation("seed");
    OutputStream broken = new OutputStream() {
      private int writes;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (++writes == 2) {
          throw new IOException("disk full");
        }
      }
    };

    assertThatThrownBy(() -> ResultsCsv.write(e, broken, Progress.silent(), Locale.ENGLISH))
        .isInstanceOf(IOException.class).hasMessage("disk full");
  }
}
