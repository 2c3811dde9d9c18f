package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Order rows whose values are read from the bytes as numbers (epoch seconds, unscaled longs)
 * give the organisation, or the problems at their file, line and column, that reading every
 * value's text into an {@code Instant} and {@code BigDecimal}s gives: for cells in their common
 * forms and for every other spelling (case, quotes, spaces, exponents, too many digits or
 * decimals for the plan, negative volumes, dates that do not exist, offsets).
 */
class OrderCellsPropertiesTest {
  @Property(tries = 200)
  void ordersReadAsNumbersAreOrdersReadAsText(@ForAll("plans") String planName,
      @ForAll("orders") List<List<String>> orders) throws IOException {
    CompPlan plan = PlanFiles.bundled(planName);
    Path dir = Files.createTempDirectory("ordercells");
    try {
      Files.writeString(dir.resolve("distributors.csv"),
          "id,sponsor_id,join_date,name,email\nD1,,2020-01-01,Ann,a@x\n");
      Files.writeString(dir.resolve("customers.csv"), "id,distributor_id,name,email\nC1,D1,Bea,\n");
      StringBuilder os = new StringBuilder("id,buyer_type,buyer_id,date,pv,bv,amount,status\n");
      for (int i = 0; i < orders.size(); i++) {
        List<String> o = orders.get(i);
        os.append("O").append(i).append(',').append(String.join(",", o)).append('\n');
      }
      Files.writeString(dir.resolve("orders.csv"), os);
      Object inUnits = read(dir, plan, true);
      Object asText = read(dir, plan, false);
      Statistics.label("read").collect(((List<?>) inUnits).get(0) instanceof String ? "problems"
          : "orders");
      assertThat(inUnits).isEqualTo(asText);
    } finally {
      for (String f : List.of("distributors.csv", "customers.csv", "orders.csv")) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }

  /** The orders read, with their volume types; or the problems, located. */
  private static Object read(Path dir, CompPlan plan, boolean inUnits) throws IOException {
    try {
      Organisation o = CsvOrganisation.read(dir, plan, Progress.silent(), inUnits);
      List<Object> out = new ArrayList<>(o.orders());
      out.add(o.volumeTypes());
      return out;
    } catch (ValidationException e) {
      List<String> lines = new ArrayList<>();
      for (Problem p : e.problems()) {
        lines.add(p.toString());
      }
      return lines;
    }
  }

  @Provide
  Arbitrary<String> plans() {
    // The seed plan's one type, PV (bv ignored); hybrid-bv's two, PV and BV.
    return Arbitraries.of("seed", "hybrid-bv");
  }

  @Provide
  Arbitrary<List<List<String>>> orders() {
    Arbitrary<String> buyerType = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.of("D", "C")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("d", "c", " C ", "\"D\"", "x", "")));
    Arbitrary<String> date = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.of("2026-11-03T14:30", "2026-11-01T01:30",
            "2026-11-01 01:30:15", "2026-03-08T02:30", "2026-11-20", "2026-10-31T23:59:59")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("2026-11-03T14:30:00Z", "2026-11-03T14:30+01:00",
            "2026-11-03T14:30:00.5", "2026-02-30", "2026-13-01", "2026-11-03T24:00",
            "\"2026-11-03\"", " 2026-11-03 ", "1500-01-01T00:00", "9999-12-31T23:59",
            "2026-11-3", "yesterday", "")));
    Arbitrary<String> decimal = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.of("49.95", "44.96", "62.44", "100.00", "100",
            "0", "12.5", "7.")),
        net.jqwik.api.Tuple.of(2, Arbitraries.of("-3", "-0.000", "+7", ".5", "1.125",
            "0.0000001", "1.1234560", "99999999999", "100000000000", "123456789012.5",
            "999999999999999.99", "1000000000000000", "1234567890123456789", "1e3", "1,5", "",
            "\"49.95\"", " 49.95 ", "100.0", "1000000000000.0", "-100.0")));
    Arbitrary<String> status = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.of("paid", "paid", "returned", "cancelled")),
        net.jqwik.api.Tuple.of(2, Arbitraries.of("", "PAID", "Returned", "canceled",
            "\"paid\"", " paid", "lost")));
    Arbitrary<List<String>> row = Combinators.combine(buyerType, Arbitraries.of("own", "own",
        "own", "X9", ""), date, decimal, decimal, decimal, status)
        .as((bt, buyer, d, pv, bv, amount, st) -> List.of(bt,
            buyer.equals("own") ? (bt.toLowerCase(java.util.Locale.ROOT).contains("c") ? "C1"
                : "D1") : buyer,
            d, pv, bv, amount, st));
    return row.list().ofMinSize(1).ofMaxSize(8);
  }
}
