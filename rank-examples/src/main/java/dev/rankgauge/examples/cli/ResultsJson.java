package dev.rankgauge.examples.cli;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.Rank;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.examples.Progress;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results as JSON, streamed: every distributor as an array of compact objects, or one distributor
 * in full (gauges with their scales, the gap, the focus lists with orders). Numbers are exact
 * decimals, written plain.
 */
final class ResultsJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private ResultsJson() {}

  /** Every distributor, one compact object each. */
  static void writeAll(Iterable<Row> results, Writer out, Progress progress) {
    try (JsonGenerator g = MAPPER.writer().with(new OnePerLine()).createGenerator(out)) {
      g.writeStartArray();
      long n = 0;
      for (Row r : results) {
        writeCompact(g, r);
        progress.count("results written", ++n);
      }
      g.writeEndArray();
      g.writeRaw('\n');
    }
  }

  /** Compact JSON with each element of the top-level array on a line of its own. */
  static final class OnePerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    private static boolean top(JsonGenerator g) {
      return g.streamWriteContext().getParent().inRoot();
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
      if (top(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
      g.writeRaw(top(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
      g.writeRaw(top(g) && values > 0 ? "\n]" : "]");
    }
  }

  private static void writeCompact(JsonGenerator g, Row r) {
    g.writeStartObject();
    g.writeStringProperty("id", r.distributor().id());
    g.writeStringProperty("name", r.distributor().name());
    g.writeBooleanProperty("active", r.active());
    g.writeStringProperty("paidAs", r.paidAs().code());
    g.writeName("nextRank");
    code(g, r.nextRank().orElse(null));
    g.writeName("gauges");
    g.writeStartObject();
    for (Gauge ga : r.gauges()) {
      g.writeName(camel(ga.metric()));
      g.writeStartObject();
      number(g, "value", ga.value());
      g.writeStringProperty("rank", ga.rank().code());
      g.writeName("nextRank");
      code(g, ga.nextRank().orElse(null));
      number(g, "remaining", ga.remaining().orElse(null));
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeName("missing");
    g.writeStartArray();
    if (r.gap().isPresent()) {
      for (RequirementStatus s : r.gap().get().holdingBack()) {
        status(g, s);
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** One distributor in full, pretty-printed. */
  static void writeOne(Evaluation e, DistributorResult r, Writer out) {
    try (JsonGenerator g = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("id", r.distributor().id());
      g.writeStringProperty("name", r.distributor().name());
      g.writeStringProperty("email", r.distributor().email());
      g.writeStringProperty("phone", r.distributor().phone().orElse(null));
      g.writeBooleanProperty("active", r.active());
      g.writeName("plan");
      g.writeStartObject();
      g.writeStringProperty("name", e.plan().name());
      g.writeStringProperty("version", e.plan().version());
      g.writeEndObject();
      g.writeName("period");
      g.writeStartObject();
      g.writeStringProperty("start", e.period().start().toString());
      g.writeStringProperty("end", e.period().end().toString());
      g.writeStringProperty("state", e.period().state().name().toLowerCase(Locale.ROOT));
      g.writeEndObject();
      g.writeStringProperty("asOf", e.asOf().toString());
      g.writeName("paidAs");
      rank(g, r.paidAs());
      g.writeName("nextRank");
      rank(g, r.nextRank().orElse(null));
      g.writeName("gauges");
      g.writeStartArray();
      for (Gauge ga : r.gauges()) {
        g.writeStartObject();
        g.writeStringProperty("metric", camel(ga.metric()));
        g.writeStringProperty("label", ga.metric().label());
        number(g, "value", ga.value());
        g.writeStringProperty("rank", ga.rank().code());
        g.writeName("nextRank");
        code(g, ga.nextRank().orElse(null));
        number(g, "remaining", ga.remaining().orElse(null));
        number(g, "needle", ga.needle());
        g.writeName("marks");
        g.writeStartArray();
        for (Gauge.Mark m : ga.marks()) {
          g.writeStartObject();
          g.writeStringProperty("rank", m.rank().code());
          number(g, "threshold", m.threshold());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("gap");
      if (r.gap().isEmpty()) {
        g.writeNull();
      } else {
        g.writeStartObject();
        g.writeStringProperty("rank", r.gap().get().rank().code());
        g.writeName("requirements");
        g.writeStartArray();
        for (RequirementStatus s : r.gap().get().requirements()) {
          status(g, s);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeName("focus");
      g.writeStartObject();
      entries(g, "inactiveCustomers", r.focus().inactiveCustomers());
      entries(g, "activeCustomers", r.focus().activeCustomers());
      entries(g, "inactiveDistributors", r.focus().inactiveDistributors());
      entries(g, "activeDistributors", r.focus().activeDistributors());
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void status(JsonGenerator g, RequirementStatus s) {
    g.writeStartObject();
    g.writeStringProperty("requirement", s.description());
    g.writeBooleanProperty("met", s.met());
    number(g, "required", s.required());
    number(g, "actual", s.actual());
    number(g, "remaining", s.remaining());
    number(g, "percentComplete", s.percentComplete());
    if (!s.note().isEmpty()) {
      g.writeStringProperty("note", s.note());
    }
    g.writeEndObject();
  }

  private static void entries(JsonGenerator g, String name, List<FocusEntry> list) {
    g.writeName(name);
    g.writeStartArray();
    for (FocusEntry f : list) {
      g.writeStartObject();
      g.writeStringProperty("id", f.id());
      g.writeStringProperty("name", f.name());
      g.writeStringProperty("email", f.email());
      g.writeStringProperty("phone", f.phone().orElse(null));
      g.writeBooleanProperty("active", f.active());
      g.writeStringProperty("lastOrderDate", f.lastOrderDate().map(LocalDate::toString)
          .orElse(null));
      number(g, "volume", f.volume());
      g.writeName("orders");
      g.writeStartArray();
      for (Order o : f.orders()) {
        g.writeStartObject();
        g.writeStringProperty("id", o.id());
        g.writeStringProperty("timestamp", o.timestamp().toString());
        g.writeStringProperty("status", o.status().name().toLowerCase(Locale.ROOT));
        g.writeName("volumes");
        g.writeStartObject();
        for (Map.Entry<String, BigDecimal> v : o.volumes().entrySet()) {
          number(g, v.getKey(), v.getValue());
        }
        g.writeEndObject();
        number(g, "amount", o.amount());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void rank(JsonGenerator g, Rank r) {
    if (r == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringProperty("code", r.code());
    g.writeStringProperty("name", r.name());
    g.writeEndObject();
  }

  private static void code(JsonGenerator g, Rank r) {
    if (r == null) {
      g.writeNull();
    } else {
      g.writeString(r.code());
    }
  }

  private static void number(JsonGenerator g, String name, BigDecimal d) {
    g.writeName(name);
    if (d == null) {
      g.writeNull();
    } else {
      g.writeNumber(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
    }
  }

  /** {@code PERSONAL_SALES} as {@code personalSales}. */
  static String camel(Metric m) {
    StringBuilder sb = new StringBuilder();
    for (String part : m.name().toLowerCase(Locale.ROOT).split("_")) {
      sb.append(sb.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return sb.toString();
  }
}
