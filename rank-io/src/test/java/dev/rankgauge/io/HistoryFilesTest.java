package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Problem;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RankHold;
import dev.rankgauge.Requirement;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history kept as a folder of period files: closing appends one file per period, reading gives
 * back every record, and what is wrong is refused naming the file and line.
 */
class HistoryFilesTest {
  private static final Period SEPTEMBER = Period.month(2026, 9);
  private static final Period OCTOBER = Period.month(2026, 10);
  private static final Period NOVEMBER = Period.month(2026, 11);

  @TempDir
  Path tmp;

  private static CompPlan plan() {
    return CompPlan.builder("Hold plan").rankHold(RankHold.keepPaidAs(2))
        .rank("DIST", "Distributor")
        .rank("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100")))
        .rank("GLD", "Gold", Requirement.personalVolume(new BigDecimal("200")))
        .build();
  }

  /** Sam (D0) sponsors Dana (D1), who buys 250 PV in September and 120.5 in October and November. */
  private static Organisation org() {
    return Organisation.builder()
        .add(Distributor.of("D0", null, LocalDate.of(2025, 1, 1), "Sam", "sam@example.com"))
        .add(Distributor.of("D1", "D0", LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"))
        .add(Order.byDistributor("O1", "D1", Instant.parse("2026-09-10T12:00:00Z"),
            new BigDecimal("250")))
        .add(Order.byDistributor("O2", "D1", Instant.parse("2026-10-10T12:00:00Z"),
            new BigDecimal("120.5")))
        .add(Order.byDistributor("O3", "D1", Instant.parse("2026-11-10T12:00:00Z"),
            new BigDecimal("120.5")))
        .build();
  }

  private Evaluation close(Path dir, Period p, HistoryFiles.Format f) throws IOException {
    CompPlan plan = plan();
    History before = Files.isDirectory(dir) ? HistoryFiles.read(dir, plan).before(p)
        : History.empty();
    Evaluation e = RankGauge.evaluate(org(), plan, p, p.endInstant(plan.zone()), before);
    HistoryFiles.append(dir, e, f);
    return e;
  }

  @Test
  void closingMonthByMonthWritesOneFilePerPeriodAndReadsBackEveryRecord() throws IOException {
    Path dir = tmp.resolve("history");
    close(dir, SEPTEMBER, HistoryFiles.Format.CSV);
    close(dir, OCTOBER, HistoryFiles.Format.JSON_LINES);
    Evaluation november = close(dir, NOVEMBER, HistoryFiles.Format.CSV);

    assertThat(dir.resolve("2026-09.csv")).exists();
    assertThat(dir.resolve("2026-10.jsonl")).exists();
    // Closed periods keep the figures as the evaluation gives them, with the plan's decimals (six,
    // as the plan declares none), so that they read back equal.
    assertThat(Files.readString(dir.resolve("2026-11.csv"))).isEqualTo(String.join("\n",
        "period,distributor_id,paid_as,qualified_as,title,personal_sales,group_sales,"
            + "active_personal_customers,active_personal_distributors,periods_held,"
            + "overrides_applied",
        "2026-11,D0,DIST,DIST,DIST,0.000000,120.500000,0,1,0,",
        "2026-11,D1,GLD,SLV,GLD,120.500000,120.500000,0,0,2,", ""));
    assertThat(Files.readString(dir.resolve("2026-10.jsonl")).lines().toList().get(1))
        .isEqualTo("{\"period\":\"2026-10\",\"distributorId\":\"D1\",\"paidAs\":\"GLD\","
            + "\"qualifiedAs\":\"SLV\",\"title\":\"GLD\",\"personalSales\":120.500000,"
            + "\"groupSales\":120.500000,\"activePersonalCustomers\":0,"
            + "\"activePersonalDistributors\":0,\"periodsHeld\":1}");
    History read = HistoryFiles.read(dir, plan());
    assertThat(read.records()).isEqualTo(november.close().records());
  }

  @Test
  void closingAPeriodTwiceOutOfOrderOrAfterAGapIsRefusedAndWritesNothing() throws IOException {
    Path dir = tmp.resolve("history");
    close(dir, SEPTEMBER, HistoryFiles.Format.CSV);
    close(dir, OCTOBER, HistoryFiles.Format.CSV);

    assertThatThrownBy(() -> close(dir, OCTOBER, HistoryFiles.Format.JSON_LINES))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("2026-10.csv: found period 2026-10, which is closed already;"
            + " expected 2026-11 next");
    assertThatThrownBy(() -> close(dir, SEPTEMBER, HistoryFiles.Format.CSV))
        .hasMessageContaining("found period 2026-09, which is closed already");
    CompPlan plan = plan();
    Period december = Period.month(2026, 12);
    Evaluation unrelated = RankGauge.evaluate(org(), plan, december, december.endInstant(plan.zone()));
    assertThatThrownBy(() -> HistoryFiles.append(dir, unrelated, HistoryFiles.Format.CSV))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found period 2026-12, which leaves a gap after the last closed"
            + " period 2026-10; expected 2026-11 next");
    assertThat(dir).isDirectoryNotContaining("glob:**/2026-12*").isDirectoryNotContaining("glob:**/.*");
  }

  @Test
  void recordsNamingRanksThePlanDoesNotDefineAreRefusedWithFileAndLine() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("history"));
    Files.writeString(dir.resolve("2026-10.csv"), String.join(",", HistoryFiles.COLUMNS) + "\n"
        + "2026-10,D0,DIST,DIST,DIST,0,0,0,0,0,\n"
        + "2026-10,D1,GOLD,SLV,GLD,1,1,0,0,1,\n"
        + "2026-1,D2,DIST,DIST,RUBY,x,0,0,-1,0,\n");
    Files.writeString(dir.resolve("2026-11.jsonl"),
        "{\"period\":\"2026-11\",\"distributorId\":\"D1\",\"paidAs\":\"GLD\",\"qualifiedAs\":"
            + "\"SLVR\",\"title\":\"GLD\",\"personalSales\":1,\"groupSales\":1,"
            + "\"activePersonalCustomers\":0,\"activePersonalDistributors\":0,\"periodsHeld\":1}\n"
            + "{\"period\":\"2026-11\"}\n"
            + "not json\n");

    assertThatThrownBy(() -> HistoryFiles.read(dir, plan()))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).problems())
            .extracting(Problem::toString).containsExactly(
                "2026-10.csv:3:3: found rank \"GOLD\" as paid_as, which plan Hold plan does not"
                    + " define; expected one of: DIST, SLV, GLD",
                "2026-10.csv:4:1: found period \"2026-1\"; expected a month (2026-11) or a range"
                    + " of days (2026-11-02..2026-11-08)",
                "2026-10.csv:4:5: found rank \"RUBY\" as title, which plan Hold plan does not"
                    + " define; expected one of: DIST, SLV, GLD",
                "2026-10.csv:4:6: found \"x\" as personal_sales; expected a decimal number such"
                    + " as 120 or 99.5",
                "2026-10.csv:4:9: found \"-1\" as active_personal_distributors; expected a whole"
                    + " number, 0 or more",
                "2026-11.jsonl:1:71: found rank \"SLVR\" as qualifiedAs, which plan Hold plan"
                    + " does not define; expected one of: DIST, SLV, GLD",
                "2026-11.jsonl:2: found no distributorId, paidAs, qualifiedAs, title,"
                    + " personalSales, groupSales, activePersonalCustomers,"
                    + " activePersonalDistributors, periodsHeld; expected every field of a"
                    + " period record: period, distributorId, paidAs, qualifiedAs, title,"
                    + " personalSales, groupSales, activePersonalCustomers,"
                    + " activePersonalDistributors, periodsHeld, overridesApplied,"
                    + " personalVolumes",
                "2026-11.jsonl:3: found text that is not JSON: Unrecognized token 'not': was"
                    + " expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
                    + " 'false')"));
  }

  @Test
  void aDistributorTwiceInAPeriodIsNamedByFileAndLine() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("history"));
    Files.writeString(dir.resolve("2026-10.csv"), String.join(",", HistoryFiles.COLUMNS) + "\n"
        + "2026-10,D1,DIST,DIST,DIST,0,0,0,0,0,\n"
        + "2026-10,D1,DIST,DIST,DIST,0,0,0,0,0,\n");
    assertThatThrownBy(() -> HistoryFiles.read(dir, plan()))
        .hasMessageContaining("2026-10.csv:3: found distributor D1 again in 2026-10 (records 1"
            + " and 2); expected one record per distributor and period");
  }

  /** Records as a period's file holds them: any ids, ranks, volumes and counts. */
  @Provide
  Arbitrary<List<PeriodRecord>> periods() {
    Arbitrary<String> codes = Arbitraries.of("DIST", "SLV", "GLD");
    Arbitrary<BigDecimal> volumes = Combinators.combine(
        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
        Arbitraries.integers().between(0, 6)).as(BigDecimal::valueOf);
    Arbitrary<PeriodRecord> records = Combinators.combine(
        Arbitraries.strings().withCharRange('!', '~').withChars(' ', 'é', '"', ',').ofMinLength(1)
            .ofMaxLength(12).filter(s -> !s.isBlank() && s.strip().equals(s)),
        codes, codes, volumes, volumes, Arbitraries.integers().between(0, 5000),
        Arbitraries.integers().between(0, 5000), Arbitraries.integers().between(1, 9))
        .as((id, paid, title, pv, gv, c, d, held) -> paid.equals("DIST")
            ? new PeriodRecord(OCTOBER, id, "DIST", "DIST", title, pv, gv, c, d, 0)
            : new PeriodRecord(OCTOBER, id, paid, "DIST", title, pv, gv, c, d, held));
    Arbitrary<List<String>> overrides = Arbitraries.of(List.of(), List.of("active"),
        List.of("minimum_rank GLD", "waive SLV 1", "not_compressed"));
    records = Combinators.combine(records, overrides).as((r, o) -> new PeriodRecord(r.period(),
        r.distributorId(), r.paidAs(), r.qualifiedAs(), r.title(), r.personalSales(),
        r.groupSales(), r.activePersonalCustomers(), r.activePersonalDistributors(),
        r.periodsHeld(), o));
    return records.list().ofMaxSize(30).uniqueElements(PeriodRecord::distributorId)
        .filter(l -> !l.isEmpty());
  }

  @Property(tries = 200)
  void writingAPeriodAndReadingItBackLosesNothing(@ForAll("periods") List<PeriodRecord> records)
      throws IOException {
    for (HistoryFiles.Format f : HistoryFiles.Format.values()) {
      Path dir = Files.createTempDirectory("rankgauge-history");
      StringWriter text = new StringWriter();
      if (f == HistoryFiles.Format.CSV) {
        HistoryFiles.writeCsv(records, text);
      } else {
        HistoryFiles.writeJsonLines(records, text);
      }
      Files.writeString(dir.resolve("2026-10." + f.extension()), text.toString());

      Path file = dir.resolve("2026-10." + f.extension());
      try {
        assertThat(HistoryFiles.read(dir, plan()).records()).as(f.name())
            .isEqualTo(new ArrayList<>(records));
      } finally {
        Files.delete(file);
        Files.delete(dir);
      }
    }
  }
}
