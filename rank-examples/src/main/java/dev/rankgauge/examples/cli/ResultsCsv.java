package dev.rankgauge.examples.cli;

import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import dev.rankgauge.Rank;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.examples.Progress;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Results as CSV, one row per distributor keyed by {@code id}: name, whether active, paid-as rank,
 * next rank, each gauge's value and rank, and what is missing for the next rank.
 */
final class ResultsCsv {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
      .get();

  private ResultsCsv() {}

  /** The header row. */
  static List<String> header() {
    List<String> h = new ArrayList<>(List.of("id", "name", "active", "paid_as", "next_rank"));
    for (Metric m : Metric.values()) {
      String n = m.name().toLowerCase(Locale.ROOT);
      h.add(n);
      h.add(n + "_rank");
    }
    h.add("missing");
    return h;
  }

  static void write(Iterable<Row> results, Writer out, Progress progress)
      throws IOException {
    CSVPrinter p = new CSVPrinter(out, FORMAT);
    p.printRecord(header());
    long n = 0;
    List<String> row = new ArrayList<>(16);
    for (Row r : results) {
      row.clear();
      row.add(r.distributor().id());
      row.add(r.distributor().name());
      row.add(r.active() ? "yes" : "no");
      row.add(r.paidAs().code());
      row.add(r.nextRank().map(Rank::code).orElse(""));
      for (Gauge g : r.gauges()) {
        row.add(plain(g.value()));
        row.add(g.rank().code());
      }
      row.add(missing(r));
      p.printRecord(row);
      progress.count("rows written", ++n);
    }
    p.flush();
  }

  /** What holds the distributor back from the next rank, such as "at least 2 ...: 1 more". */
  static String missing(Row r) {
    if (r.gap().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (RequirementStatus s : r.gap().get().holdingBack()) {
      sb.append(sb.length() == 0 ? "" : "; ").append(s.description()).append(": ")
          .append(plain(s.remaining())).append(" more");
    }
    return sb.toString();
  }

  static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
