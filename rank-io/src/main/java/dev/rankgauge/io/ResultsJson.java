package dev.rankgauge.io;

import dev.rankgauge.Distributor;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.HeldRank;
import dev.rankgauge.Metric;
import dev.rankgauge.Overrides;
import dev.rankgauge.Order;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGap;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Results as JSON, streamed: one distributor in full (gauges with their scales, the gap, the
 * focus lists with orders), or every distributor as JSON Lines in the same shape. Both follow the
 * JSON Schema {@value #SCHEMA}, a resource of this jar (also in the repository's {@code docs/}).
 * Numbers are exact decimals, written plain. Written with jackson-core's streaming generator
 * alone, so it works beside the Jackson of Spring Boot 3 and 4.
 *
 * <p>Thread-safe: the methods keep no state between calls.
 */
public final class ResultsJson {
  /** The class-path resource holding the JSON Schema both shapes follow. */
  public static final String SCHEMA = "/dev/rankgauge/io/distributor-result.schema.json";

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  /** Compact objects, one per line. */
  private static final ObjectWriteContext LINES = new ObjectWriteContext.Base() {
    @Override
    public SerializableString getRootValueSeparator(SerializableString defaultSeparator) {
      return NEW_LINE;
    }
  };

  private static final SerializableString NEW_LINE = new SerializedString("\n");

  /** Jackson's default pretty printer, a fresh one per generator as it keeps the indentation. */
  private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return new DefaultPrettyPrinter();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  };

  private ResultsJson() {}

  /**
   * Every distributor as JSON Lines: one compact object per line, in input order, in the shape of
   * {@link #writeOne} (see {@link #SCHEMA}) without the parts that are the same for everyone or
   * too big to repeat a million times: the gauges' needles and marks, and the focus lists. Lines
   * are formatted on every core, a chunk at a time, and written in order. The writer is flushed,
   * not closed.
   *
   * @param e the evaluation whose distributors are written
   * @param out where the lines go
   * @param progress told of the lines written; {@link Progress#silent()} for none
   * @throws IOException if writing fails
   */
  public static void writeAll(Evaluation e, Writer out, Progress progress) throws IOException {
    writeAll(e, out, progress, IoTexts.ROOT);
  }

  /**
   * Every distributor as JSON Lines, as {@link #writeAll(Evaluation, Writer, Progress)}, with the
   * texts for people (a gauge's {@code label}, a requirement's {@code requirement}) in the given
   * language; codes, names of fields and numbers are the same in every language. English and
   * Spanish are built in; any other locale gets English.
   *
   * @param e the evaluation whose distributors are written
   * @param out where the lines go
   * @param progress told of the lines written; {@link Progress#silent()} for none
   * @param locale the language of the texts for people
   * @throws IOException if writing fails
   */
  public static void writeAll(Evaluation e, Writer out, Progress progress, Locale locale)
      throws IOException {
    writeAll(e, out, progress, new IoTexts(locale, e.plan().qualifyingVolumeType()));
  }

  /**
   * Every distributor as JSON Lines, as {@link #writeAll(Evaluation, Writer, Progress, Locale)},
   * encoded as UTF-8 straight into a byte stream: the fast way to write a file. The stream is
   * flushed, not closed.
   *
   * @param e the evaluation whose distributors are written
   * @param out where the lines go, as UTF-8
   * @param progress told of the lines written; {@link Progress#silent()} for none
   * @param locale the language of the texts for people
   * @throws IOException if writing fails
   */
  public static void writeAll(Evaluation e, OutputStream out, Progress progress, Locale locale)
      throws IOException {
    writeAll(e, progress, new IoTexts(locale, e.plan().qualifyingVolumeType()),
        (k, chunk) -> chunk.writeTo(out));
    out.flush();
  }

  private static void writeAll(Evaluation e, Writer out, Progress progress, IoTexts words)
      throws IOException {
    writeAll(e, progress, words, (k, chunk) -> chunk.writeTo(out));
    out.flush();
  }

  private static void writeAll(Evaluation e, Progress progress, IoTexts words, InOrder.Sink sink)
      throws IOException {
    ResultTable t = e.table();
    int n = t.size();
    InOrder.run(Chunks.count(n), Chunks.SIZE * 640, (k, b) -> lines(e, t, k, n, words, b),
        (k, chunk) -> {
          sink.take(k, chunk);
          progress.count(progress.words("resultsWritten"),
              Math.min(n, (long) (k + 1) * Chunks.SIZE));
        });
  }

  private static void lines(Evaluation e, ResultTable t, int k, int n, IoTexts words,
      Utf8Buffer b) {
    try (JsonGenerator g = FACTORY.createGenerator(LINES, b)) {
      for (int i = k * Chunks.SIZE, end = Math.min(n, i + Chunks.SIZE); i < end; i++) {
        Distributor d = t.distributor(i);
        head(g, e, d, t.active(i), t.paidAs(i), t.nextRank(i).orElse(null));
        standing(g, t.title(i), t.periodsHeld(i) == 0 ? null : t.qualifiedAs(i),
            t.periodsHeld(i), t.periodsLeft(i));
        overrides(g, t.qualifiedAs(i), t.overrides(i), words);
        g.writeName("gauges");
        g.writeStartArray();
        for (Metric m : METRICS) {
          gauge(g, words, m, t.value(i, m), t.gaugeRank(i, m), t.gaugeNextRank(i, m).orElse(null),
              t.gaugeRemaining(i, m).orElse(null));
          g.writeEndObject();
        }
        g.writeEndArray();
        gap(g, words, t.gap(i));
        g.writeEndObject();
      }
    }
    b.ascii('\n');
  }

  /**
   * One distributor in full, pretty-printed, followed by a line end. The writer is not closed.
   *
   * @param e the evaluation the result comes from
   * @param r the distributor's result
   * @param out where the object goes
   * @throws tools.jackson.core.JacksonException if writing fails
   */
  public static void writeOne(Evaluation e, DistributorResult r, Writer out) {
    writeOne(e, r, out, IoTexts.ROOT);
  }

  /**
   * One distributor in full, as {@link #writeOne(Evaluation, DistributorResult, Writer)}, with the
   * texts for people in the given language (see
   * {@link #writeAll(Evaluation, Writer, Progress, Locale)}).
   *
   * @param e the evaluation the result comes from
   * @param r the distributor's result
   * @param out where the object goes
   * @param locale the language of the texts for people
   * @throws tools.jackson.core.JacksonException if writing fails
   */
  public static void writeOne(Evaluation e, DistributorResult r, Writer out, Locale locale) {
    writeOne(e, r, out, new IoTexts(locale, e.plan().qualifyingVolumeType()));
  }

  private static void writeOne(Evaluation e, DistributorResult r, Writer out, IoTexts words) {
    try (JsonGenerator g = FACTORY.createGenerator(PRETTY, out)) {
      head(g, e, r.distributor(), r.active(), r.paidAs(), r.nextRank().orElse(null));
      standing(g, r.title(), r.held().map(HeldRank::qualifiedAs).orElse(null),
          r.held().map(HeldRank::periodsHeld).orElse(0),
          r.held().map(HeldRank::periodsLeft).orElse(0));
      overrides(g, r.qualifiedAs(), r.overrides(), words);
      g.writeName("gauges");
      g.writeStartArray();
      for (Gauge ga : r.gauges()) {
        gauge(g, words, ga.metric(), ga.value(), ga.rank(), ga.nextRank().orElse(null),
            ga.remaining().orElse(null));
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
      gap(g, words, r.gap());
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

  /** Opens the object and writes who, the plan, the period and the ranks. */
  private static void head(JsonGenerator g, Evaluation e, Distributor d, boolean active,
      Rank paidAs, Rank next) {
    g.writeStartObject();
    g.writeStringProperty("id", d.id());
    g.writeStringProperty("name", d.name());
    g.writeStringProperty("email", d.email());
    g.writeStringProperty("phone", d.phone().orElse(null));
    g.writeStringProperty("sponsorId", d.sponsorId().orElse(null));
    g.writeBooleanProperty("active", active);
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
    rank(g, paidAs);
    g.writeName("nextRank");
    rank(g, next);
  }

  /** The title rank, and the hold if the paid-as rank is held ({@code qualifiedAs} not null). */
  private static void standing(JsonGenerator g, Rank title, Rank qualifiedAs, int periodsHeld,
      int periodsLeft) {
    g.writeName("title");
    rank(g, title);
    g.writeName("held");
    if (qualifiedAs == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeName("qualifiedAs");
    rank(g, qualifiedAs);
    g.writeNumberProperty("periodsHeld", periodsHeld);
    g.writeNumberProperty("periodsLeft", periodsLeft);
    g.writeEndObject();
  }

  /** The rank qualified for, and the overrides applied. */
  private static void overrides(JsonGenerator g, Rank qualifiedAs, List<Overrides.Entry> entries,
      IoTexts words) {
    g.writeName("qualifiedAs");
    rank(g, qualifiedAs);
    g.writeName("overrides");
    g.writeStartArray();
    for (Overrides.Entry e : entries) {
      g.writeStartObject();
      String code = e.code();
      int space = code.indexOf(' ');
      g.writeStringProperty("kind", space < 0 ? code : code.substring(0, space));
      if (e instanceof Overrides.MinimumRank m) {
        g.writeStringProperty("rank", m.rank());
      } else if (e instanceof Overrides.Waiver w) {
        g.writeStringProperty("rank", w.rank());
        g.writeNumberProperty("requirement", w.requirement());
      }
      g.writeStringProperty("code", code);
      g.writeStringProperty("description", e.describe(words.locale()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Opens a gauge's object and writes its figures. */
  private static void gauge(JsonGenerator g, IoTexts words, Metric m, BigDecimal value, Rank rank,
      Rank next, BigDecimal remaining) {
    g.writeStartObject();
    g.writeStringProperty("metric", camel(m));
    g.writeStringProperty("label", words.label(m));
    number(g, "value", value);
    g.writeStringProperty("rank", rank.code());
    g.writeName("nextRank");
    code(g, next);
    number(g, "remaining", remaining);
  }

  private static void gap(JsonGenerator g, IoTexts words, Optional<RankGap> gap) {
    g.writeName("gap");
    if (gap.isEmpty()) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringProperty("rank", gap.get().rank().code());
    g.writeName("requirements");
    g.writeStartArray();
    for (RequirementStatus s : gap.get().requirements()) {
      status(g, words, s);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void status(JsonGenerator g, IoTexts words, RequirementStatus s) {
    g.writeStartObject();
    g.writeStringProperty("code", ResultTable.code(s.requirement()));
    g.writeStringProperty("requirement", words.requirement(s));
    g.writeBooleanProperty("met", s.met());
    number(g, "required", s.required());
    number(g, "actual", s.actual());
    number(g, "remaining", s.remaining());
    number(g, "percentComplete", s.percentComplete());
    if (s.note().isPresent()) {
      g.writeStringProperty("note", words.note(s.note().get()));
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

  /** A rank as {@code {"code", "name"}}, or null; shared by the other JSON writers. */
  static void rank(JsonGenerator g, Rank r) {
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

  /** A named decimal without trailing zeros, or null; shared by the other JSON writers. */
  static void number(JsonGenerator g, String name, BigDecimal d) {
    g.writeName(name);
    if (d == null) {
      g.writeNull();
    } else {
      // As WRITE_BIGDECIMAL_AS_PLAIN writes the stripped decimal, without stripping it.
      g.writeNumber(Utf8Buffer.plainString(d));
    }
  }

  /** {@code PERSONAL_SALES} as {@code personalSales}. */
  static String camel(Metric m) {
    return CAMEL[m.ordinal()];
  }

  private static final Metric[] METRICS = Metric.values();
  private static final String[] CAMEL = new String[METRICS.length];

  static {
    for (Metric m : METRICS) {
      CAMEL[m.ordinal()] = camel(m.name());
    }
  }

  /** An enum constant's name, {@code WIN_BACK_CUSTOMER}, as {@code winBackCustomer}. */
  static String camel(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
      sb.append(sb.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return sb.toString();
  }
}
