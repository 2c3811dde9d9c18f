package dev.rankgauge.io;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.Overrides;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Results as CSV (RFC 4180, {@code \n} line ends), one row per distributor keyed by {@code id}:
 * name, sponsor, whether active, paid-as rank, title rank, the rank qualified for (the paid-as rank
 * unless it is held) and the periods of grace left for a held rank (empty when not held), next
 * rank; for each gauge its value, the rank it
 * reaches, its next rank and what remains to it; what is missing for the next rank in words and
 * as codes; the overrides applied, in their short form ({@link Overrides.Entry#code()}) separated
 * by {@code "; "}, empty for none. Rows are read from a {@link ResultTable} and formatted on every core, a chunk at a
 * time, while one thread writes them in order.
 *
 * <p>Cells are neutralised against spreadsheet formula injection as OWASP advises: a text cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab, a carriage return or a line
 * feed (or the full-width {@code ＝ ＋ － ＠}) gets a leading apostrophe, so that a name such as
 * {@code =HYPERLINK(...)} from the input shows as text. Plain numbers such as {@code -25} are
 * left as they are.
 *
 * <p>Thread-safe: the methods keep no state between calls.
 */
public final class ResultsCsv {
  private ResultsCsv() {}

  /**
   * The header row's column names, in order.
   *
   * @return a new, modifiable list
   */
  public static List<String> header() {
    List<String> h = new ArrayList<>(List.of("id", "name", "sponsor_id", "active", "paid_as",
        "title", "qualified_as", "grace_left", "next_rank"));
    for (Metric m : Metric.values()) {
      String n = m.name().toLowerCase(Locale.ROOT);
      h.add(n);
      h.add(n + "_rank");
      h.add(n + "_next_rank");
      h.add(n + "_remaining");
    }
    h.add("missing");
    h.add("missing_codes");
    h.add("overrides");
    return h;
  }

  /**
   * The header and every row of the table, in input order. The writer is flushed, not closed.
   *
   * @param table the evaluation's results, from {@code Evaluation.table()}
   * @param out where the CSV goes
   * @param progress told of the rows written; {@link Progress#silent()} for none
   * @throws IOException if writing fails
   */
  public static void write(ResultTable table, Writer out, Progress progress) throws IOException {
    write(table, out, progress, IoTexts.ROOT);
  }

  /**
   * The header and every distributor's row, with the {@code missing} column in the given
   * language (numbers in it formatted for the language); every other column is the same in every
   * language. English and Spanish are built in; any other locale gets English. The writer is
   * flushed, not closed.
   *
   * @param e the evaluation
   * @param out where the CSV goes
   * @param progress told of the rows written; {@link Progress#silent()} for none
   * @param locale the language of the {@code missing} column
   * @throws IOException if writing fails
   */
  public static void write(Evaluation e, Writer out, Progress progress, Locale locale)
      throws IOException {
    write(e.table(), out, progress, new IoTexts(locale, e.plan().qualifyingVolumeType()));
  }

  /**
   * The header and every distributor's row, as {@link #write(Evaluation, Writer, Progress,
   * Locale)}, encoded as UTF-8 straight into a byte stream: the fast way to write a file. The
   * stream is flushed, not closed.
   *
   * @param e the evaluation
   * @param out where the CSV goes, as UTF-8
   * @param progress told of the rows written; {@link Progress#silent()} for none
   * @param locale the language of the {@code missing} column
   * @throws IOException if writing fails
   */
  public static void write(Evaluation e, OutputStream out, Progress progress, Locale locale)
      throws IOException {
    IoTexts words = new IoTexts(locale, e.plan().qualifyingVolumeType());
    write(e.table(), progress, words, (k, chunk) -> chunk.writeTo(out));
    out.flush();
  }

  private static void write(ResultTable table, Writer out, Progress progress, IoTexts words)
      throws IOException {
    write(table, progress, words, (k, chunk) -> chunk.writeTo(out));
    out.flush();
  }

  private static void write(ResultTable table, Progress progress, IoTexts words,
      InOrder.Sink sink) throws IOException {
    int n = table.size();
    int chunks = Chunks.count(n);
    InOrder.run(chunks + 1, Chunks.SIZE * 256, (k, b) -> {
      if (k == 0) {
        b.text(String.join(",", header())).ascii('\n');
      } else {
        chunk(table, k - 1, n, words, b);
      }
    }, (k, chunk) -> {
      sink.take(k, chunk);
      if (k > 0) {
        progress.count(progress.words("rowsWritten"), Math.min(n, (long) k * Chunks.SIZE));
      }
    });
  }

  /**
   * The header and one distributor's row. The writer is flushed, not closed.
   *
   * @param table the evaluation's results, from {@code Evaluation.table()}
   * @param row the distributor's row, from {@code ResultTable.row(id)}
   * @param out where the CSV goes
   * @throws IOException if writing fails
   */
  public static void writeOne(ResultTable table, int row, Writer out) throws IOException {
    writeOne(table, row, out, IoTexts.ROOT);
  }

  /**
   * The header and one distributor's row, with the {@code missing} column in the given language.
   * The writer is flushed, not closed.
   *
   * @param e the evaluation
   * @param r the distributor's result
   * @param out where the CSV goes
   * @param locale the language of the {@code missing} column
   * @throws IOException if writing fails
   */
  public static void writeOne(Evaluation e, DistributorResult r, Writer out, Locale locale)
      throws IOException {
    writeOne(e.table(), e.table().row(r.distributor().id()), out,
        new IoTexts(locale, e.plan().qualifyingVolumeType()));
  }

  private static void writeOne(ResultTable table, int row, Writer out, IoTexts words)
      throws IOException {
    Utf8Buffer b = new Utf8Buffer(1024);
    b.text(String.join(",", header())).ascii('\n');
    new Rows(table, words, b).row(row);
    b.writeTo(out);
    out.flush();
  }

  private static void chunk(ResultTable table, int k, int n, IoTexts words, Utf8Buffer b) {
    Rows rows = new Rows(table, words, b);
    for (int i = k * Chunks.SIZE, end = Math.min(n, i + Chunks.SIZE); i < end; i++) {
      rows.row(i);
    }
  }

  private static final Metric[] METRICS = Metric.values();

  /** Formats rows into a buffer; one per chunk, as it keeps the bytes of the ranks' codes. */
  private static final class Rows {
    private final ResultTable t;
    private final IoTexts words;
    private final Utf8Buffer b;
    private final Map<Rank, byte[]> codes = new IdentityHashMap<>();
    private final Map<Requirement, String> requirementWords = new IdentityHashMap<>();
    private final Map<Requirement, String> requirementCodes = new IdentityHashMap<>();
    /** The {@code missing} and {@code missing_codes} cells, made one after the other. */
    private final StringBuilder text = new StringBuilder(256);

    Rows(ResultTable t, IoTexts words, Utf8Buffer b) {
      this.t = t;
      this.words = words;
      this.b = b;
    }

    void row(int i) {
      field(b, t.id(i)).ascii(',');
      field(b, t.name(i)).ascii(',');
      Optional<String> sponsor = t.sponsorId(i);
      if (sponsor.isPresent()) {
        field(b, sponsor.get());
      }
      b.ascii(',').text(t.active(i) ? "yes," : "no,");
      code(t.paidAs(i)).ascii(',');
      code(t.title(i)).ascii(',');
      code(t.qualifiedAs(i)).ascii(',');
      if (t.periodsHeld(i) > 0) {
        b.number(t.periodsLeft(i));
      }
      b.ascii(',');
      code(t.nextRank(i)).ascii(',');
      for (Metric m : METRICS) {
        BigDecimal v = t.value(i, m);
        b.plain(v).ascii(',');
        code(t.gaugeRank(m, v)).ascii(',');
        code(t.gaugeNextRank(m, v)).ascii(',');
        Optional<BigDecimal> rest = t.gaugeRemaining(m, v);
        if (rest.isPresent()) {
          b.plain(rest.get());
        }
        b.ascii(',');
      }
      List<ResultTable.Missing> missing = t.missing(i);
      if (missing.isEmpty()) {
        b.ascii(',').ascii(',');
      } else {
        text.setLength(0);
        for (ResultTable.Missing m : missing) {
          text.append(text.length() == 0 ? "" : "; ");
          words.missing(text, words(m), m.remaining());
        }
        field(b, text.toString()).ascii(',');
        text.setLength(0);
        for (ResultTable.Missing m : missing) {
          text.append(text.length() == 0 ? "" : " ").append(code(m.requirement()));
        }
        field(b, text.toString()).ascii(',');
      }
      List<Overrides.Entry> overrides = t.overrides(i);
      if (!overrides.isEmpty()) {
        field(b, String.join("; ", overrides.stream().map(Overrides.Entry::code).toList()));
      }
      b.ascii('\n');
    }

    /** A requirement's words in the language, looked up once per chunk. */
    private String words(ResultTable.Missing m) {
      String w = requirementWords.get(m.requirement());
      if (w == null) {
        w = words.requirement(m.requirement(), m.description());
        requirementWords.put(m.requirement(), w);
      }
      return w;
    }

    /** A requirement's code ({@link ResultTable#code}), worked out once per chunk. */
    private String code(Requirement q) {
      String c = requirementCodes.get(q);
      if (c == null) {
        c = ResultTable.code(q);
        requirementCodes.put(q, c);
      }
      return c;
    }

    private Utf8Buffer code(Optional<Rank> rank) {
      return rank.isPresent() ? code(rank.get()) : b;
    }

    private Utf8Buffer code(Rank rank) {
      byte[] bytes = codes.get(rank);
      if (bytes == null) {
        bytes = Utf8Buffer.encode(field(new StringBuilder(), rank.code()).toString());
        codes.put(rank, bytes);
      }
      return b.bytes(bytes);
    }
  }

  /** A field, quoted if it holds a comma, quote or line break, or starts or ends with a space. */
  static StringBuilder field(StringBuilder sb, String text) {
    String v = cell(text);
    boolean quote = !v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ');
    for (int k = 0; k < v.length() && !quote; k++) {
      char c = v.charAt(k);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return sb.append(v);
    }
    sb.append('"');
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      sb.append(c);
      if (c == '"') {
        sb.append('"');
      }
    }
    return sb.append('"');
  }

  /**
   * {@link #field(StringBuilder, String)} into a UTF-8 buffer: the text as it is when it needs
   * neither an apostrophe nor quotes, as most ids and names do.
   */
  static Utf8Buffer field(Utf8Buffer b, String text) {
    int n = text.length();
    if (n == 0) {
      return b;
    }
    char first = text.charAt(0);
    if (first != ' ' && text.charAt(n - 1) != ' '
        && "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20".indexOf(first) < 0) {
      boolean plain = true;
      for (int k = 0; k < n && plain; k++) {
        char c = text.charAt(k);
        plain = c != ',' && c != '"' && c != '\n' && c != '\r';
      }
      if (plain) {
        return b.text(text);
      }
    }
    return b.text(field(new StringBuilder(n + 8), text).toString());
  }

  /** The text as a cell a spreadsheet shows as text, never runs as a formula. */
  static String cell(String text) {
    if (text.isEmpty() || "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20".indexOf(text.charAt(0)) < 0
        || isNumber(text)) {
      return text;
    }
    return "'" + text;
  }

  /** A plain decimal number such as {@code -25} or {@code +1.5}, which no spreadsheet runs. */
  private static boolean isNumber(String s) {
    int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    boolean digits = false;
    boolean dot = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
