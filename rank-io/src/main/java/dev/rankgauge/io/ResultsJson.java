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
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
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
    Shared shared = new Shared(e, words);
    InOrder.run(Chunks.count(n), Chunks.SIZE * 640, (k, b) -> {
      int from = k * Chunks.SIZE;
      new Lines(t, shared, b).lines(from, Math.min(n, from + Chunks.SIZE));
    }, (k, chunk) -> {
      sink.take(k, chunk);
      progress.count(progress.words("resultsWritten"), Math.min(n, (long) (k + 1) * Chunks.SIZE));
    });
  }

  /**
   * What every line of one write shares, as JSON made once: the plan and period, each rank as
   * {@code {"code","name"}} and as its code, the gauges' names and labels, and each requirement's
   * code, words and threshold. Immutable once made; the chunks' threads read it at once.
   */
  private static final class Shared {
    final IoTexts words;
    final int rankCount;
    /** From the plan to {@code "paidAs":}. */
    final byte[] middle;
    /** By rank position: {@code {"code":..,"name":..}}. */
    final byte[][] rank;
    /** By rank position: the code as a JSON string. */
    final byte[][] code;
    /** By metric: {@code {"metric":..,"label":..,"value":}}. */
    final byte[][] gauge;
    /** [rank][requirement]: {@code {"code":..,"requirement":..,"met":}}, as most statuses start. */
    final byte[][][] status;
    /** [rank][requirement]: the requirement and its words in {@link #status}, to tell when a
     * status has others. */
    final Requirement[][] req;
    final String[][] what;
    /** [rank][requirement]: the threshold, for a gauge threshold; null for other kinds. */
    final byte[][][] required;

    Shared(Evaluation e, IoTexts words) {
      this.words = words;
      List<Rank> ranks = e.plan().ranks();
      rankCount = ranks.size();
      Utf8Buffer b = new Utf8Buffer(256);
      b.text(",\"plan\":{\"name\":").jsonString(e.plan().name())
          .text(",\"version\":").jsonString(e.plan().version())
          .text("},\"period\":{\"start\":").jsonString(e.period().start().toString())
          .text(",\"end\":").jsonString(e.period().end().toString())
          .text(",\"state\":")
          .jsonString(e.period().state().name().toLowerCase(Locale.ROOT))
          .text("},\"asOf\":").jsonString(e.asOf().toString())
          .text(",\"paidAs\":");
      middle = bytes(b);
      rank = new byte[rankCount][];
      code = new byte[rankCount][];
      status = new byte[rankCount][][];
      what = new String[rankCount][];
      req = new Requirement[rankCount][];
      required = new byte[rankCount][][];
      String type = e.plan().qualifyingVolumeType();
      for (int r = 0; r < rankCount; r++) {
        Rank k = ranks.get(r);
        b.clear();
        b.text("{\"code\":").jsonString(k.code()).text(",\"name\":").jsonString(k.name())
            .ascii('}');
        rank[r] = bytes(b);
        code[r] = Utf8Buffer.json(k.code());
        List<Requirement> qs = k.requirements();
        status[r] = new byte[qs.size()][];
        what[r] = new String[qs.size()];
        req[r] = qs.toArray(new Requirement[0]);
        required[r] = new byte[qs.size()][];
        for (int q = 0; q < qs.size(); q++) {
          Requirement req = qs.get(q);
          String description = req.describe(type);
          what[r][q] = description;
          b.clear();
          b.text("{\"code\":").jsonString(ResultTable.code(req)).text(",\"requirement\":")
              .jsonString(words.requirement(req, description)).text(",\"met\":");
          status[r][q] = bytes(b);
          required[r][q] = req.metricThreshold()
              .map(d -> Utf8Buffer.encode(Utf8Buffer.plainString(d))).orElse(null);
        }
      }
      gauge = new byte[METRICS.length][];
      for (Metric m : METRICS) {
        b.clear();
        b.text("{\"metric\":").jsonString(camel(m)).text(",\"label\":")
            .jsonString(words.label(m)).text(",\"value\":");
        gauge[m.ordinal()] = bytes(b);
      }
    }

    private static byte[] bytes(Utf8Buffer b) {
      return Arrays.copyOf(b.array(), b.length());
    }
  }

  private static final byte[] ID = Utf8Buffer.encode("{\"id\":\"");
  private static final byte[] NAME = Utf8Buffer.encode("\",\"name\":\"");
  private static final byte[] EMAIL = Utf8Buffer.encode("\",\"email\":\"");
  private static final byte[] PHONE = Utf8Buffer.encode("\",\"phone\":");
  private static final byte[] SPONSOR = Utf8Buffer.encode(",\"sponsorId\":");
  private static final byte[] ACTIVE = Utf8Buffer.encode(",\"active\":true");
  private static final byte[] INACTIVE = Utf8Buffer.encode(",\"active\":false");
  private static final byte[] NEXT = Utf8Buffer.encode(",\"nextRank\":");
  private static final byte[] TITLE = Utf8Buffer.encode(",\"title\":");
  private static final byte[] NOT_HELD = Utf8Buffer.encode(",\"held\":null");
  private static final byte[] HELD = Utf8Buffer.encode(",\"held\":{\"qualifiedAs\":");
  private static final byte[] PERIODS_HELD = Utf8Buffer.encode(",\"periodsHeld\":");
  private static final byte[] PERIODS_LEFT = Utf8Buffer.encode(",\"periodsLeft\":");
  private static final byte[] QUALIFIED = Utf8Buffer.encode(",\"qualifiedAs\":");
  private static final byte[] OVERRIDES = Utf8Buffer.encode(",\"overrides\":[");
  private static final byte[] GAUGES = Utf8Buffer.encode("],\"gauges\":[");
  private static final byte[] RANK = Utf8Buffer.encode(",\"rank\":");
  private static final byte[] REMAINING = Utf8Buffer.encode(",\"remaining\":");
  private static final byte[] NULL = Utf8Buffer.encode("null");
  private static final byte[] NO_GAP = Utf8Buffer.encode("],\"gap\":null}\n");
  private static final byte[] GAP = Utf8Buffer.encode("],\"gap\":{\"rank\":");
  private static final byte[] REQUIREMENTS = Utf8Buffer.encode(",\"requirements\":[");
  private static final byte[] TRUE = Utf8Buffer.encode("true");
  private static final byte[] FALSE = Utf8Buffer.encode("false");
  private static final byte[] REQUIRED = Utf8Buffer.encode(",\"required\":");
  private static final byte[] ACTUAL = Utf8Buffer.encode(",\"actual\":");
  private static final byte[] PERCENT = Utf8Buffer.encode(",\"percentComplete\":");
  private static final byte[] NOTE = Utf8Buffer.encode(",\"note\":");
  private static final byte[] END_GAP = Utf8Buffer.encode("]}}\n");

  /**
   * Formats lines into a buffer, one chunk's worth, from the rows gathered by {@link
   * ResultTable#rows}: texts copied as bytes and escaped in place, ranks and requirements' words
   * from {@link Shared}, numbers from their unscaled digits, each status of a gauge threshold
   * from its figures; the statuses of other kinds (and waived ones) are the rules'. The bytes
   * are those jackson-core's generator wrote from the full results. Each part of a line is a
   * small method of its own, so that the compiler works on small pieces.
   */
  private static final class Lines {
    private final ResultTable t;
    private final Shared shared;
    private final Utf8Buffer b;
    /** The scale of each metric's unscaled values. */
    private final int[] scales = new int[METRICS.length];
    private ResultTable.Rows g;

    Lines(ResultTable t, Shared shared, Utf8Buffer b) {
      this.t = t;
      this.shared = shared;
      this.b = b;
      for (Metric m : METRICS) {
        scales[m.ordinal()] = t.scale(m);
      }
    }

    void lines(int from, int to) {
      g = t.rows(from, to);
      for (int lo = from; lo < to; lo += Chunks.RUN) {
        run(lo, Math.min(to, lo + Chunks.RUN));
      }
    }

    /** A run of lines: see {@link Chunks#RUN}. */
    private void run(int from, int to) {
      for (int i = from; i < to; i++) {
        line(i);
      }
    }

    private void line(int i) {
      who(i);
      ranks(i);
      overrides(i);
      b.bytes(GAUGES);
      for (Metric m : METRICS) {
        gauge(i, m);
      }
      gap(i);
    }

    /** id, name, email, phone, sponsorId, active. */
    private void who(int i) {
      b.bytes(ID);
      int at = b.length();
      int n = g.id(i, b.array(), at);
      if (n > b.array().length - at) {
        g.id(i, b.reserve(n), at);
      }
      b.advance(n);
      b.jsonEscape(at);
      b.bytes(NAME);
      at = b.length();
      n = g.name(i, b.array(), at);
      if (n > b.array().length - at) {
        g.name(i, b.reserve(n), at);
      }
      b.advance(n);
      b.jsonEscape(at);
      b.bytes(EMAIL);
      at = b.length();
      n = g.email(i, b.array(), at);
      if (n > b.array().length - at) {
        g.email(i, b.reserve(n), at);
      }
      b.advance(n);
      b.jsonEscape(at);
      b.bytes(PHONE);
      at = b.length() + 1;
      n = g.phone(i, b.array(), at);
      if (n < 0) {
        b.bytes(NULL);
      } else {
        // Whether the bytes went in is decided before the quote: a quote that grows the buffer
        // (it was full) would make room the bytes were never copied into.
        boolean copied = n <= b.array().length - at;
        b.ascii('"');
        if (!copied) {
          g.phone(i, b.reserve(n), at);
        }
        b.advance(n);
        b.jsonEscape(at);
        b.ascii('"');
      }
      b.bytes(SPONSOR);
      at = b.length() + 1;
      n = g.sponsorId(i, b.array(), at);
      if (n < 0) {
        b.bytes(NULL);
      } else {
        // Whether the bytes went in is decided before the quote: a quote that grows the buffer
        // (it was full) would make room the bytes were never copied into.
        boolean copied = n <= b.array().length - at;
        b.ascii('"');
        if (!copied) {
          g.sponsorId(i, b.reserve(n), at);
        }
        b.advance(n);
        b.jsonEscape(at);
        b.ascii('"');
      }
      b.bytes(g.active(i) ? ACTIVE : INACTIVE);
    }

    /** plan, period, asOf, paidAs, nextRank, title, held, qualifiedAs. */
    private void ranks(int i) {
      byte[][] rank = shared.rank;
      int paid = g.paidAsPosition(i);
      b.bytes(shared.middle).bytes(rank[paid]).bytes(NEXT);
      b.bytes(paid + 1 < shared.rankCount ? rank[paid + 1] : NULL);
      b.bytes(TITLE).bytes(rank[g.titlePosition(i)]);
      int held = g.periodsHeld(i);
      if (held == 0) {
        b.bytes(NOT_HELD);
      } else {
        b.bytes(HELD).bytes(rank[g.qualifiedAsPosition(i)]).bytes(PERIODS_HELD).number(held)
            .bytes(PERIODS_LEFT).number(t.periodsLeft(i)).ascii('}');
      }
      b.bytes(QUALIFIED).bytes(rank[g.qualifiedAsPosition(i)]);
    }

    /** overrides, a rare thing: from the entries. */
    private void overrides(int i) {
      b.bytes(OVERRIDES);
      List<Overrides.Entry> entries = t.overrides(i);
      for (int k = 0; k < entries.size(); k++) {
        Overrides.Entry e = entries.get(k);
        if (k > 0) {
          b.ascii(',');
        }
        String code = e.code();
        int space = code.indexOf(' ');
        b.text("{\"kind\":").jsonString(space < 0 ? code : code.substring(0, space));
        if (e instanceof Overrides.MinimumRank m) {
          b.text(",\"rank\":").jsonString(m.rank());
        } else if (e instanceof Overrides.Waiver w) {
          b.text(",\"rank\":").jsonString(w.rank()).text(",\"requirement\":")
              .number(w.requirement());
        }
        b.text(",\"code\":").jsonString(code).text(",\"description\":")
            .jsonString(e.describe(shared.words.locale())).ascii('}');
      }
    }

    /** A gauge's object: metric, label, value, rank, nextRank, remaining. */
    private void gauge(int i, Metric m) {
      if (m.ordinal() > 0) {
        b.ascii(',');
      }
      b.bytes(shared.gauge[m.ordinal()]);
      long value = g.unscaledValue(i, m);
      int scale = scales[m.ordinal()];
      if (value == Long.MIN_VALUE) {
        b.text(Utf8Buffer.plainString(t.value(i, m)));
      } else {
        b.plain(value, scale);
      }
      b.bytes(RANK).bytes(shared.code[g.gaugeRankPosition(i, m)]).bytes(NEXT);
      int next = g.gaugeNextRankPosition(i, m);
      if (next < 0) {
        b.bytes(NULL).bytes(REMAINING).bytes(NULL).ascii('}');
        return;
      }
      b.bytes(shared.code[next]).bytes(REMAINING);
      long rest = g.unscaledRemaining(i, m);
      if (rest == Long.MIN_VALUE) {
        b.text(Utf8Buffer.plainString(t.gaugeRemaining(i, m).orElseThrow()));
      } else {
        b.plain(rest, scale);
      }
      b.ascii('}');
    }

    /** The gap to the next rank with every requirement's status; ends the line. */
    private void gap(int i) {
      int next = g.paidAsPosition(i) + 1;
      if (next >= shared.rankCount) {
        b.bytes(NO_GAP);
        return;
      }
      b.bytes(GAP).bytes(shared.code[next]).bytes(REQUIREMENTS);
      int count = g.requirementCount(i);
      for (int q = 0; q < count; q++) {
        if (q > 0) {
          b.ascii(',');
        }
        long actual = g.actualUnscaled(i, q);
        if (actual == Long.MIN_VALUE) {
          status(next, q, g.status(i, q));
        } else {
          threshold(i, next, q, actual);
        }
      }
      b.bytes(END_GAP);
    }

    /** A gauge threshold's status, from its figures. */
    private void threshold(int i, int next, int q, long actual) {
      boolean met = g.met(i, q);
      int scale = g.actualScale(i, q);
      b.bytes(shared.status[next][q]).bytes(met ? TRUE : FALSE);
      b.bytes(REQUIRED).bytes(shared.required[next][q]);
      b.bytes(ACTUAL).plain(actual, scale);
      b.bytes(REMAINING).plain(g.remainingUnscaled(i, q), scale);
      b.bytes(PERCENT).plain(g.percentHundredths(i, q), 2);
      b.ascii('}');
    }

    /** A status as its rule made it. */
    private void status(int next, int q, RequirementStatus s) {
      if (s.requirement() == shared.req[next][q] && s.description().equals(shared.what[next][q])) {
        b.bytes(shared.status[next][q]);
      } else {
        b.text("{\"code\":").jsonString(ResultTable.code(s.requirement()))
            .text(",\"requirement\":").jsonString(shared.words.requirement(s))
            .text(",\"met\":");
      }
      b.bytes(s.met() ? TRUE : FALSE);
      number(REQUIRED, s.required());
      number(ACTUAL, s.actual());
      number(REMAINING, s.remaining());
      number(PERCENT, s.percentComplete());
      if (s.note().isPresent()) {
        b.bytes(NOTE).jsonString(shared.words.note(s.note().get()));
      }
      b.ascii('}');
    }

    private void number(byte[] name, BigDecimal d) {
      b.bytes(name).text(Utf8Buffer.plainString(d));
    }
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
