package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History files of a plan that reads BV over several periods: each closed period keeps the
 * personal BV beside the qualifying PV (a {@code personal_volume_bv} column, a
 * {@code personalVolumes} field), old files without it still read, and a bad BV cell is named by
 * file, line and column.
 */
class HistoryFilesVolumeTypesTest {
  private static final Period AUGUST = Period.month(2026, 8);
  private static final Period NOVEMBER = Period.month(2026, 11);

  @TempDir
  Path tmp;

  /** Ranks by PV; Executive asks 900 BV over four months, this one included. */
  private static CompPlan plan() {
    return CompPlan.builder("BV over time").volumeTypes("PV", "BV", "CV")
        .qualifyingVolumeType("PV")
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))))
        .rank(Rank.of("EXE", "Executive", Requirement.accumulatedVolume(new BigDecimal("900"),
            4, Optional.empty(), "BV")))
        .build();
  }

  /** Dana (D1, under Sam) buys 150 PV and the given BV on the 10th of each month from August. */
  private static Organisation dana(String... bv) {
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("D0", null, LocalDate.of(2025, 1, 1), "Sam", "sam@example.com"))
        .add(Distributor.of("D1", "D0", LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"));
    for (int m = 0; m < bv.length; m++) {
      b.add(new Order("O" + m, BuyerType.DISTRIBUTOR, "D1",
          month(m).start().withDayOfMonth(10).atTime(12, 0).toInstant(ZoneOffset.UTC),
          OrderStatus.PAID,
          Map.of("PV", new BigDecimal("150"), "BV", new BigDecimal(bv[m]), "CV", BigDecimal.ONE),
          BigDecimal.TEN));
    }
    return b.build();
  }

  private static Period month(int fromAugust) {
    return Period.month(AUGUST.start().plusMonths(fromAugust).getYear(),
        AUGUST.start().plusMonths(fromAugust).getMonthValue());
  }

  /** August to October closed into the folder in turn, each evaluated with the folder so far. */
  private static void closeThreeMonths(Path dir, Organisation org, HistoryFiles.Format f)
      throws IOException {
    CompPlan plan = plan();
    for (int m = 0; m < 3; m++) {
      Period p = month(m);
      History before = Files.isDirectory(dir) ? HistoryFiles.read(dir, plan) : History.empty();
      HistoryFiles.append(dir, RankGauge.evaluate(org, plan, p, p.endInstant(plan.zone()),
          before), f);
    }
  }

  @Test
  void threeClosedMonthsKeepBvAndNovemberReadsItBack() throws IOException {
    // BV 300, 200, 100 closed; November's 350 makes 950 of 900. The months must reach November
    // through the files, in either format.
    Organisation org = dana("300", "200", "100", "350");
    for (HistoryFiles.Format f : HistoryFiles.Format.values()) {
      Path dir = tmp.resolve(f.extension());
      closeThreeMonths(dir, org, f);
      History h = HistoryFiles.read(dir, plan());
      assertThat(h.record(month(1), "D1").orElseThrow().personalVolumes().get("BV"))
          .as(f.name()).isEqualByComparingTo("200");
      Evaluation november = RankGauge.evaluate(org, plan(), NOVEMBER,
          NOVEMBER.endInstant(plan().zone()), h);
      assertThat(november.paidAs("D1").code()).as(f.name()).isEqualTo("EXE");
    }
    assertThat(Files.readAllLines(tmp.resolve("csv").resolve("2026-09.csv")).get(0))
        .isEqualTo(String.join(",", HistoryFiles.COLUMNS) + ",personal_volume_bv");
    assertThat(Files.readAllLines(tmp.resolve("csv").resolve("2026-09.csv")))
        .contains("2026-09,D1,SLV,SLV,SLV,150.000000,150.000000,0,0,0,,200.000000");
    assertThat(Files.readAllLines(tmp.resolve("jsonl").resolve("2026-09.jsonl")).get(1))
        .endsWith(",\"periodsHeld\":0,\"personalVolumes\":{\"BV\":200.000000}}");
  }

  @Test
  void anOldFileWithoutBvReadsAndAWindowThatNeedsItIsRefusedNamingThePeriod()
      throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("old"));
    for (int m = 0; m < 3; m++) {
      String label = HistoryFiles.label(month(m));
      Files.writeString(dir.resolve(label + ".csv"), String.join(",", HistoryFiles.COLUMNS)
          + "\n" + label + ",D0,DIST,DIST,DIST,0,0,0,0,0,\n"
          + label + ",D1,SLV,SLV,SLV,150,150,0,0,0,\n");
    }
    History h = HistoryFiles.read(dir, plan());
    assertThat(h.records()).hasSize(6)
        .allSatisfy(r -> assertThat(r.personalVolumes()).isEmpty());

    // A plan that reads no BV over time evaluates with it as before.
    CompPlan pvOnly = plan().toBuilder().ranks(plan().ranks().subList(0, 2)).build();
    Organisation org = dana("300", "200", "100", "350");
    assertThat(RankGauge.evaluate(org, pvOnly, NOVEMBER, NOVEMBER.endInstant(pvOnly.zone()), h)
        .paidAs("D1").code()).isEqualTo("SLV");

    // The BV plan's window reads all three months: each is named.
    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(org, plan(), NOVEMBER, NOVEMBER.endInstant(plan().zone()), h));
    assertThat(x.problems()).extracting(p -> p.toString().substring(0,
        p.toString().indexOf(" holding"))).containsExactly(
        "period 2026-10: found closed period 2026-10",
        "period 2026-09: found closed period 2026-09",
        "period 2026-08: found closed period 2026-08");
    assertThat(x.problems().get(0).message()).contains("of type BV, which plan BV over time"
        + " reads over the last 3 closed periods");
  }

  @Test
  void aBadBvCellIsNamedByFileLineAndColumnWithEveryOtherProblem() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("bad"));
    Files.writeString(dir.resolve("2026-10.csv"), String.join(",", HistoryFiles.COLUMNS)
        + ",personal_volume_bv\n"
        + "2026-10,D0,DIST,DIST,DIST,0,0,0,0,0,,12.5\n"
        + "2026-10,D1,SLV,SLV,SLV,150,150,0,0,0,,lots\n"
        + "2026-10,D2,SLV,SLV,SLV,x,150,0,0,0,,\n");
    Files.writeString(dir.resolve("2026-11.jsonl"),
        "{\"period\":\"2026-11\",\"distributorId\":\"D1\",\"paidAs\":\"SLV\",\"qualifiedAs\":"
            + "\"SLV\",\"title\":\"SLV\",\"personalSales\":1,\"groupSales\":1,"
            + "\"activePersonalCustomers\":0,\"activePersonalDistributors\":0,\"periodsHeld\":0,"
            + "\"personalVolumes\":{\"BV\":true,\"XV\":3}}\n"
            + "{\"period\":\"2026-11\",\"distributorId\":\"D2\",\"paidAs\":\"SLV\",\"qualifiedAs\":"
            + "\"SLV\",\"title\":\"SLV\",\"personalSales\":1,\"groupSales\":1,"
            + "\"activePersonalCustomers\":0,\"activePersonalDistributors\":0,\"periodsHeld\":0,"
            + "\"personalVolumes\":[1]}\n");
    Files.writeString(dir.resolve("2026-12.csv"), String.join(",", HistoryFiles.COLUMNS)
        + ",personal_volume_xv\n");

    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> HistoryFiles.read(dir, plan()));
    assertThat(x.problems()).extracting(Problem::toString).containsExactly(
        "2026-10.csv:3:12: found \"lots\" as personal_volume_bv; expected a decimal number such"
            + " as 120 or 99.5",
        "2026-10.csv:4:6: found \"x\" as personal_sales; expected a decimal number such as 120"
            + " or 99.5",
        "2026-10.csv:4:12: found \"\" as personal_volume_bv; expected a decimal number such as"
            + " 120 or 99.5",
        "2026-11.jsonl:1:223: found true as personalVolumes.BV; expected text or a number",
        "2026-11.jsonl:1:228: found volume type \"XV\" in personalVolumes, which plan BV over"
            + " time does not declare beside its qualifying type PV (personalSales); expected"
            + " one of: BV, CV",
        "2026-11.jsonl:2:217: found [ as personalVolumes; expected an object of personal volumes"
            + " by volume type, such as {\"BV\": 700}",
        "2026-12.csv:1:12: found column personal_volume_xv, whose volume type plan BV over time"
            + " does not declare beside its qualifying type PV (personal_sales); expected one"
            + " of: personal_volume_bv, personal_volume_cv");
  }

  @Test
  void aLineWithoutTheTypesOfTheOthersIsNamedByFileAndLine() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("mixed"));
    String start = "{\"period\":\"2026-11\",\"paidAs\":\"SLV\",\"qualifiedAs\":\"SLV\","
        + "\"title\":\"SLV\",\"personalSales\":1,\"groupSales\":1,\"activePersonalCustomers\":0,"
        + "\"activePersonalDistributors\":0,\"periodsHeld\":0,\"distributorId\":";
    Files.writeString(dir.resolve("2026-11.jsonl"), start + "\"D1\",\"personalVolumes\":"
        + "{\"BV\":5}}\n" + start + "\"D2\"}\n");
    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> HistoryFiles.read(dir, plan()));
    assertThat(x.problems()).extracting(Problem::toString).containsExactly(
        "2026-11.jsonl:2: found personal volume of types [] in 2026-11; expected the types every"
            + " record of the period holds, [BV] (as record 1, of D1, does)");
  }

  /** Records of one period as a file holds them, each with BV and CV or none at all. */
  @Provide
  Arbitrary<List<PeriodRecord>> periods() {
    Arbitrary<BigDecimal> volumes = Combinators.combine(
        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
        Arbitraries.integers().between(0, 6)).as(BigDecimal::valueOf);
    Arbitrary<String> ids = Arbitraries.strings().withCharRange('!', '~').withChars(',', '"')
        .ofMinLength(1).ofMaxLength(8).filter(s -> !s.isBlank() && s.strip().equals(s));
    Arbitrary<List<BigDecimal[]>> rows = Combinators.combine(volumes, volumes, volumes)
        .as((pv, bv, cv) -> new BigDecimal[] {pv, bv, cv}).list().ofMinSize(1).ofMaxSize(20);
    return Combinators.combine(ids.list().ofMinSize(20).ofMaxSize(20).uniqueElements(), rows,
        Arbitraries.integers().between(0, 2)).as((idList, vs, types) -> {
          List<PeriodRecord> out = new ArrayList<>();
          for (int i = 0; i < vs.size(); i++) {
            BigDecimal[] v = vs.get(i);
            Map<String, BigDecimal> typed = new LinkedHashMap<>();
            if (types >= 1) {
              typed.put("BV", v[1]);
            }
            if (types == 2) {
              typed.put("CV", v[2]);
            }
            out.add(new PeriodRecord(Period.month(2026, 10), idList.get(i), "DIST", "DIST",
                "DIST", v[0], v[0], 0, 0, 0, List.of(), typed));
          }
          return out;
        });
  }

  @Property(tries = 150)
  void writingBvAndCvAndReadingThemBackLosesNothing(
      @ForAll("periods") List<PeriodRecord> records) throws IOException {
    for (HistoryFiles.Format f : HistoryFiles.Format.values()) {
      Path dir = Files.createTempDirectory("rankgauge-typed-history");
      StringWriter text = new StringWriter();
      if (f == HistoryFiles.Format.CSV) {
        HistoryFiles.writeCsv(records, text);
      } else {
        HistoryFiles.writeJsonLines(records, text);
      }
      Path file = dir.resolve("2026-10." + f.extension());
      Files.writeString(file, text.toString());
      try {
        List<PeriodRecord> back = HistoryFiles.read(dir, plan()).records();
        assertThat(back).as(f.name()).isEqualTo(new ArrayList<>(records));
        for (int i = 0; i < back.size(); i++) {
          // equal maps, and the types in the order written
          assertThat(List.copyOf(back.get(i).personalVolumes().keySet()))
              .isEqualTo(List.copyOf(records.get(i).personalVolumes().keySet()));
        }
      } finally {
        Files.delete(file);
        Files.delete(dir);
      }
    }
  }
}
