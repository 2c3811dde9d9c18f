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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * orders.csv read in ranges on several threads, each range into a builder of its own and joined
 * in the file's order, gives the organisation, or the problems at their file, line and column,
 * that one reader of the whole file gives: whatever the ranges' size, and wherever their ends
 * fall (inside a quoted line break, a CRLF, a blank line, a row with a problem), with ids
 * repeated across ranges, unknown and blank buyers, values the builder reports and the stop at
 * 1,000 problems.
 */
class OrderRangesPropertiesTest {
  @Property(tries = 300)
  void ordersReadInRangesAreOrdersReadWhole(@ForAll("rows") List<String> rows,
      @ForAll @IntRange(min = 1, max = 400) int rangeBytes, @ForAll boolean crlf)
      throws IOException {
    Path dir = Files.createTempDirectory("orderranges");
    try {
      write(dir, rows, crlf);
      CompPlan plan = PlanFiles.bundled("hybrid-bv");
      Object ranged = read(dir, plan, rangeBytes);
      Statistics.label("read").collect(ranged instanceof Problems ? "problems" : "orders");
      assertThat(ranged).isEqualTo(read(dir, plan, Long.MAX_VALUE / 4));
    } finally {
      for (String f : List.of("distributors.csv", "customers.csv", "orders.csv")) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }

  @Property(tries = 200)
  void goodOrdersReadInRangesAreOrdersReadWhole(@ForAll("goodRows") List<String> rows,
      @ForAll @IntRange(min = 1, max = 400) int rangeBytes, @ForAll boolean crlf)
      throws IOException {
    ordersReadInRangesAreOrdersReadWhole(rows, rangeBytes, crlf);
  }

  @Property(tries = 20)
  void theStopAtAThousandProblemsIsTheSame(@ForAll @IntRange(min = 0, max = 1200) int goodRows,
      @ForAll @IntRange(min = 990, max = 1010) int badRows,
      @ForAll @IntRange(min = 200, max = 20_000) int rangeBytes) throws IOException {
    Path dir = Files.createTempDirectory("orderranges");
    try {
      List<String> rows = new ArrayList<>();
      int bad = 0;
      for (int i = 0; i < goodRows + badRows; i++) {
        // The bad rows among the good ones, so that the stop comes within some range.
        boolean isBad = bad < badRows && (i % 2 == 1 || i >= 2 * goodRows);
        bad += isBad ? 1 : 0;
        rows.add("O" + i + ",D,D1," + (isBad ? "yesterday" : "2026-11-03") + ",10,5,49.95,paid");
      }
      write(dir, rows, false);
      CompPlan plan = PlanFiles.bundled("hybrid-bv");
      assertThat(read(dir, plan, rangeBytes)).isEqualTo(read(dir, plan, Long.MAX_VALUE / 4));
    } finally {
      for (String f : List.of("distributors.csv", "customers.csv", "orders.csv")) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }

  private static void write(Path dir, List<String> rows, boolean crlf) throws IOException {
    Files.writeString(dir.resolve("distributors.csv"),
        "id,sponsor_id,join_date,name,email\nD1,,2020-01-01,Ann,a@x\nD2,D1,2020-01-01,Bo,\n");
    Files.writeString(dir.resolve("customers.csv"), "id,distributor_id,name,email\nC1,D1,Bea,\n");
    String nl = crlf ? "\r\n" : "\n";
    StringBuilder os = new StringBuilder("id,buyer_type,buyer_id,date,pv,bv,amount,status")
        .append(nl);
    for (String r : rows) {
      os.append(r).append(nl);
    }
    Files.writeString(dir.resolve("orders.csv"), os);
  }

  /** The problems of a read, as text. */
  record Problems(List<String> lines) {}

  /** The orders read, with their volume types; or the problems, located. */
  private static Object read(Path dir, CompPlan plan, long rangeBytes) throws IOException {
    try {
      Organisation o = CsvOrganisation.read(dir, plan, Progress.silent(), rangeBytes);
      List<Object> out = new ArrayList<>(o.orders());
      out.add(o.volumeTypes());
      out.add(o.orderCount());
      return out;
    } catch (ValidationException e) {
      List<String> lines = new ArrayList<>();
      for (Problem p : e.problems()) {
        lines.add(p.toString());
      }
      return new Problems(lines);
    }
  }

  /** Rows without a problem: unique ids, known buyers, values in range; some quoted. */
  @Provide
  Arbitrary<List<String>> goodRows() {
    Arbitrary<String> rest = Combinators.combine(
        Arbitraries.of("D,D1", "D,D2", "C,C1", "\"D\",D1", "d,\"D2\""),
        Arbitraries.of("2026-11-03", "2026-11-03T14:30", "2026-11-03T14:30:00Z", "\"2026-11-03\""),
        Arbitraries.of("49.95", "100", "0", "12.5", "\"7\""),
        Arbitraries.of("returned,-1", "paid,2", "cancelled,0.5", ",3", "\"paid\",4"))
        .as((b, d, a, sv) -> b + "," + d + "," + a + "," + sv.substring(sv.indexOf(',') + 1)
            + "," + a + "," + sv.substring(0, sv.indexOf(',')));
    return Combinators.combine(rest.list().ofMinSize(0).ofMaxSize(80),
            Arbitraries.of("O", "\"O\n", "\"O\r\n").list().ofSize(80),
            Arbitraries.integers().between(0, 9).list().ofSize(80))
        .as((rows, ids, blanks) -> {
          List<String> out = new ArrayList<>();
          for (int i = 0; i < rows.size(); i++) {
            String id = ids.get(i).startsWith("\"") ? ids.get(i) + i + "\"" : "O" + i;
            out.add(id + "," + rows.get(i));
            if (blanks.get(i) == 0) {
              out.add("");
            }
          }
          return out;
        });
  }

  @Provide
  Arbitrary<List<String>> rows() {
    Arbitrary<String> id = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, Arbitraries.integers().between(0, 10_000).map(i -> "O" + i)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "O1", "\"O\"\"2\"", "\"O\n3\"")));
    Arbitrary<String> buyer = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, Arbitraries.of("D,D1", "D,D2", "C,C1")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("D,X9", "C,D1", "x,D1", "D,", "\"D\",\"D1\"",
            "D,\"D\n1\"")));
    Arbitrary<String> date = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, Arbitraries.of("2026-11-03", "2026-11-03T14:30",
            "2026-10-31T23:59:59")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("2026-11-03T14:30:00Z", "2026-02-30",
            "\"2026-11-03\"", "yesterday", "")));
    Arbitrary<String> decimal = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, Arbitraries.of("49.95", "100", "0", "12.5")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("-3", "1.1234567", "1234567890123456789",
            "1e3", "", "\"4\n9\"")));
    Arbitrary<String> status = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, Arbitraries.of("paid", "returned", "cancelled")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", "Returned", "lost", "\"pa\nid\"")));
    Arbitrary<String> row = Combinators.combine(id, buyer, date, decimal, decimal, decimal,
        status).as((i, b, d, pv, bv, a, s) -> String.join(",", i, b, d, pv, bv, a, s));
    Arbitrary<String> odd = Arbitraries.of("", "   ", "O9,D,D1", "O8,D,D1,2026-11-03,1,1,1,paid,x",
        "\"O7\nstill the id\",D,D1,2026-11-03,1,1,1,paid", "O6,D,D1,2026-11-03,1,1,\"1");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(40, row),
        net.jqwik.api.Tuple.of(1, odd)).list().ofMinSize(0).ofMaxSize(60);
  }
}
