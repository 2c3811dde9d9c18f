package dev.rankgauge.io;

import dev.rankgauge.Metric;
import dev.rankgauge.ResultTable;
import dev.rankgauge.WhatIf;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * The differences of a {@link WhatIf} as CSV or JSON Lines, one distributor after another in the
 * input order of the organisation after the events. The fields are named as the columns of
 * {@link ResultsCsv}: {@code paid_as}, {@code qualified_as}, {@code title}, {@code grace_left},
 * {@code active}, the four gauges ({@code personal_sales}, {@code group_sales},
 * {@code active_personal_customers}, {@code active_personal_distributors}) and the rank each
 * gauge reaches ({@code personal_sales_rank}, ...). Numbers are exact decimals, written plain.
 *
 * <p>Thread-safe: the methods keep no state between calls.
 */
public final class WhatIfResults {
  /** The fields compared, in the order they are written. */
  public static final List<String> FIELDS;

  private static final List<Field> ALL = new ArrayList<>();

  private record Field(String name, Function<WhatIf.Standing, String> value) {}

  static {
    ALL.add(new Field("paid_as", s -> s.paidAs().code()));
    ALL.add(new Field("qualified_as", s -> s.qualifiedAs().code()));
    ALL.add(new Field("title", s -> s.title().code()));
    ALL.add(new Field("grace_left", s -> Integer.toString(s.periodsLeft())));
    ALL.add(new Field("active", s -> s.active() ? "yes" : "no"));
    for (Metric m : Metric.values()) {
      String name = m.name().toLowerCase(Locale.ROOT);
      ALL.add(new Field(name, s -> ResultsCsv.plain(s.gauge(m))));
    }
    for (Metric m : Metric.values()) {
      String name = m.name().toLowerCase(Locale.ROOT) + "_rank";
      ALL.add(new Field(name, s -> s.gaugeRanks().get(m).code()));
    }
    FIELDS = ALL.stream().map(Field::name).toList();
  }

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final SerializableString NEW_LINE = new SerializedString("\n");

  private static final ObjectWriteContext LINES = new ObjectWriteContext.Base() {
    @Override
    public SerializableString getRootValueSeparator(SerializableString defaultSeparator) {
      return NEW_LINE;
    }
  };

  private WhatIfResults() {}

  /**
   * The fields of a change that differ, in the order of {@link #FIELDS}; every field for a
   * distributor who joined.
   *
   * @param change the change
   * @return the names of the fields that differ
   */
  public static List<String> changedFields(WhatIf.Change change) {
    List<String> out = new ArrayList<>();
    for (Field f : ALL) {
      if (change.before().map(b -> !f.value().apply(b).equals(f.value().apply(change.after())))
          .orElse(true)) {
        out.add(f.name());
      }
    }
    return out;
  }

  /**
   * The differences as CSV: the header {@code id,name,field,before,after}, then one row for each
   * field that differs, distributor by distributor; {@code before} is empty for a distributor
   * who joined. Cells a spreadsheet would run as formulas are written as text, as in
   * {@link ResultsCsv}.
   *
   * @param whatIf the what-if
   * @param out where the CSV goes; flushed, not closed
   * @throws IOException if writing fails
   */
  public static void writeCsv(WhatIf whatIf, Writer out) throws IOException {
    out.write("id,name,field,before,after\n");
    ResultTable after = whatIf.after().table();
    StringBuilder sb = new StringBuilder();
    for (WhatIf.Change c : whatIf.changes()) {
      String name = after.name(after.row(c.distributorId()));
      for (Field f : ALL) {
        String now = f.value().apply(c.after());
        String then = c.before().map(f.value()).orElse("");
        if (c.before().isPresent() && then.equals(now)) {
          continue;
        }
        sb.setLength(0);
        ResultsCsv.field(sb, c.distributorId()).append(',');
        ResultsCsv.field(sb, name).append(',').append(f.name()).append(',');
        ResultsCsv.field(sb, then).append(',');
        ResultsCsv.field(sb, now).append('\n');
        out.write(sb.toString());
      }
    }
    out.flush();
  }

  /**
   * The differences as JSON Lines: one object per distributor,
   * {@code {"id", "name", "joined", "changed": [fields], "before": {...} or null, "after": {...}}},
   * each standing with every field of {@link #FIELDS} (gauges as numbers, {@code active} as a
   * boolean, {@code grace_left} as an integer).
   *
   * @param whatIf the what-if
   * @param out where the lines go; flushed, not closed
   * @throws IOException if writing fails
   */
  public static void writeJsonLines(WhatIf whatIf, Writer out) throws IOException {
    ResultTable after = whatIf.after().table();
    try (JsonGenerator g = FACTORY.createGenerator(LINES, out)) {
      for (WhatIf.Change c : whatIf.changes()) {
        g.writeStartObject();
        g.writeStringProperty("id", c.distributorId());
        g.writeStringProperty("name", after.name(after.row(c.distributorId())));
        g.writeBooleanProperty("joined", c.joined());
        g.writeName("changed");
        g.writeStartArray();
        for (String f : changedFields(c)) {
          g.writeString(f);
        }
        g.writeEndArray();
        g.writeName("before");
        if (c.before().isPresent()) {
          standing(g, c.before().get());
        } else {
          g.writeNull();
        }
        g.writeName("after");
        standing(g, c.after());
        g.writeEndObject();
      }
    }
    if (!whatIf.changes().isEmpty()) {
      out.write('\n');
    }
    out.flush();
  }

  private static void standing(JsonGenerator g, WhatIf.Standing s) {
    g.writeStartObject();
    g.writeStringProperty("paid_as", s.paidAs().code());
    g.writeStringProperty("qualified_as", s.qualifiedAs().code());
    g.writeStringProperty("title", s.title().code());
    g.writeNumberProperty("grace_left", s.periodsLeft());
    g.writeBooleanProperty("active", s.active());
    for (Metric m : Metric.values()) {
      BigDecimal v = s.gauge(m);
      g.writeNumberProperty(m.name().toLowerCase(Locale.ROOT), v);
    }
    for (Metric m : Metric.values()) {
      g.writeStringProperty(m.name().toLowerCase(Locale.ROOT) + "_rank",
          s.gaugeRanks().get(m).code());
    }
    g.writeEndObject();
  }
}
