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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    int from = k * Chunks.SIZE;
    int end = Math.min(n, from + Chunks.SIZE);
    if (from < end) {
      // The table gathers its figures a block of rows at a time on the first read of one; read
      // here, before the rows, the gathering stays out of the compiled row code, which otherwise
      // was thrown away and compiled again at the first new block after it was made.
      table.active(from);
      table.active(end - 1);
    }
    for (int i = from; i < end; i++) {
      rows.row(i);
    }
  }

  private static final Metric[] METRICS = Metric.values();

  /**
   * Formats rows into a buffer; one per chunk, as it keeps the bytes of the ranks' codes and the
   * requirements' words. Each group of columns is a small method of its own, so that the
   * compiler works on small pieces and a rare case met late (a held rank, an override) makes it
   * redo one piece rather than the whole row.
   */
  private static final class Rows {
    private final ResultTable t;
    private final IoTexts words;
    private final Utf8Buffer b;
    /** The ranks met so far and their codes as cells, found by identity: a plan has a few. */
    private Rank[] ranks = new Rank[16];
    private byte[][] rankCells = new byte[16][];
    private int rankCount;
    /**
     * marks[metric][k]: the value at which the k-th rank kept is reached on the metric's gauge,
     * in units of 10^-scale, where markKnown[metric][k] is {@link #EXACT}; 0 there is not yet
     * known, {@link #DECIMAL} not a whole number of units.
     */
    private final long[][] marks = new long[METRICS.length][16];
    private final byte[][] markKnown = new byte[METRICS.length][16];
    private static final int EXACT = 1;
    private static final int DECIMAL = 2;
    /** The scale of each metric's unscaled values. */
    private final int[] scales = new int[METRICS.length];
    /** The requirements met so far, with their words in the language and their codes. */
    private Requirement[] requirements = new Requirement[8];
    private String[] requirementWords = new String[8];
    private String[] requirementCodes = new String[8];
    private int requirementCount;
    /** The {@code missing} and {@code missing_codes} cells, made one after the other. */
    private final StringBuilder text = new StringBuilder(256);

    Rows(ResultTable t, IoTexts words, Utf8Buffer b) {
      this.t = t;
      this.words = words;
      this.b = b;
      for (Metric m : METRICS) {
        scales[m.ordinal()] = t.scale(m);
      }
    }

    void row(int i) {
      who(i);
      ranks(i);
      for (Metric m : METRICS) {
        gauge(i, m);
      }
      missing(i);
      overrides(i);
      b.ascii('\n');
    }

    /** id, name, sponsor_id, active. */
    private void who(int i) {
      field(b, t.id(i)).ascii(',');
      field(b, t.name(i)).ascii(',');
      Optional<String> sponsor = t.sponsorId(i);
      if (sponsor.isPresent()) {
        field(b, sponsor.get());
      }
      b.ascii(',').text(t.active(i) ? "yes," : "no,");
    }

    /** paid_as, title, qualified_as, grace_left, next_rank. */
    private void ranks(int i) {
      code(t.paidAs(i));
      b.ascii(',');
      code(t.title(i));
      b.ascii(',');
      code(t.qualifiedAs(i));
      b.ascii(',');
      if (t.periodsHeld(i) > 0) {
        b.number(t.periodsLeft(i));
      }
      b.ascii(',');
      code(t.nextRank(i));
      b.ascii(',');
    }

    /**
     * A gauge's value, rank, next rank and remaining, each read from the row's unscaled figure:
     * what remains is the next rank's mark less the value, the mark found once per chunk.
     */
    private void gauge(int i, Metric m) {
      long value = t.unscaledValue(i, m);
      int scale = scales[m.ordinal()];
      if (value == Long.MIN_VALUE) {
        b.plain(t.value(i, m));
      } else {
        b.plain(value, scale);
      }
      b.ascii(',');
      code(t.gaugeRank(i, m));
      b.ascii(',');
      Optional<Rank> next = t.gaugeNextRank(i, m);
      if (next.isEmpty()) {
        b.ascii(',').ascii(',');
        return;
      }
      int k = code(next.get());
      b.ascii(',');
      int mo = m.ordinal();
      int known = markKnown[mo][k];
      if (known == 0) {
        known = learnMark(i, m, k, scale);
      }
      long mark = marks[mo][k];
      long rest = mark - value;
      if (known == EXACT && value != Long.MIN_VALUE && ((mark ^ value) & (mark ^ rest)) >= 0
          && rest != Long.MIN_VALUE) {
        b.plain(rest, scale);
      } else {
        b.plain(t.gaugeRemaining(i, m).orElseThrow());
      }
      b.ascii(',');
    }

    /**
     * Finds the mark of the k-th rank kept on the metric's gauge from what remains to it:
     * {@link #EXACT} where it is a whole number of units of 10^-scale, else {@link #DECIMAL}.
     */
    private int learnMark(int i, Metric m, int k, int scale) {
      BigDecimal mark = t.gaugeRemaining(i, m).orElseThrow().add(t.value(i, m));
      int known = DECIMAL;
      try {
        marks[m.ordinal()][k] = mark.setScale(scale).unscaledValue().longValueExact();
        known = EXACT;
      } catch (ArithmeticException e) {
        // Finer than the units or beyond a long: each remaining is worked out as a decimal.
      }
      markKnown[m.ordinal()][k] = (byte) known;
      return known;
    }

    /** missing, missing_codes. */
    private void missing(int i) {
      List<ResultTable.Missing> missing = t.missing(i);
      int n = missing.size();
      if (n == 0) {
        b.ascii(',').ascii(',');
        return;
      }
      text.setLength(0);
      for (int k = 0; k < n; k++) {
        ResultTable.Missing m = missing.get(k);
        if (k > 0) {
          text.append("; ");
        }
        int q = requirement(m);
        words.missing(text, requirementWords[q], m.remaining());
      }
      field(b, text).ascii(',');
      text.setLength(0);
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          text.append(' ');
        }
        int q = requirement(missing.get(k));
        text.append(requirementCodes[q]);
      }
      field(b, text).ascii(',');
    }

    /** overrides. */
    private void overrides(int i) {
      List<Overrides.Entry> overrides = t.overrides(i);
      if (!overrides.isEmpty()) {
        field(b, String.join("; ", overrides.stream().map(Overrides.Entry::code).toList()));
      }
    }

    /**
     * Where a requirement's words ({@link IoTexts#requirement(Requirement, String)}) and code
     * ({@link ResultTable#code}) are kept, worked out the first time it holds someone back.
     */
    private int requirement(ResultTable.Missing m) {
      Requirement q = m.requirement();
      for (int k = 0; k < requirementCount; k++) {
        if (requirements[k] == q) {
          return k;
        }
      }
      if (requirementCount == requirements.length) {
        requirements = Arrays.copyOf(requirements, 2 * requirementCount);
        requirementWords = Arrays.copyOf(requirementWords, 2 * requirementCount);
        requirementCodes = Arrays.copyOf(requirementCodes, 2 * requirementCount);
      }
      requirements[requirementCount] = q;
      requirementWords[requirementCount] = words.requirement(q, m.description());
      requirementCodes[requirementCount] = ResultTable.code(q);
      return requirementCount++;
    }

    private void code(Optional<Rank> rank) {
      if (rank.isPresent()) {
        code(rank.get());
      }
    }

    /** A rank's code as a cell; returns where the rank is kept. */
    private int code(Rank rank) {
      for (int k = 0; k < rankCount; k++) {
        if (ranks[k] == rank) {
          b.bytes(rankCells[k]);
          return k;
        }
      }
      if (rankCount == ranks.length) {
        ranks = Arrays.copyOf(ranks, 2 * rankCount);
        rankCells = Arrays.copyOf(rankCells, 2 * rankCount);
        for (int m = 0; m < marks.length; m++) {
          marks[m] = Arrays.copyOf(marks[m], 2 * rankCount);
          markKnown[m] = Arrays.copyOf(markKnown[m], 2 * rankCount);
        }
      }
      ranks[rankCount] = rank;
      rankCells[rankCount] = Utf8Buffer.encode(field(new StringBuilder(), rank.code()).toString());
      b.bytes(rankCells[rankCount]);
      return rankCount++;
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
   * {@link #field(StringBuilder, String)} into a UTF-8 buffer, from a string or a builder. Looks
   * at every character without stopping early, with no branch per character.
   */
  static Utf8Buffer field(Utf8Buffer b, CharSequence text) {
    int n = text.length();
    if (n == 0) {
      return b;
    }
    char[] c = b.chars(text);
    char first = c[0];
    long special = 0;
    for (int k = 0; k < n; k++) {
      // Bit c of QUOTED for c below 64, no branch: a branch never taken while the compiler
      // watched made it start the compiled row code again at the first comma.
      special |= QUOTED >>> c[k] & (c[k] - 64) >>> 31;
    }
    boolean quote = special != 0 || first == ' ' || c[n - 1] == ' ';
    boolean apostrophe = FORMULA.indexOf(first) >= 0 && !isNumber(text);
    if (quote) {
      b.ascii('"');
    }
    if (apostrophe) {
      b.ascii('\'');
    }
    b.text(c, n, quote);
    return quote ? b.ascii('"') : b;
  }

  /** The characters that make a field quoted, as bits: comma, quote, line feed, return. */
  private static final long QUOTED = 1L << ',' | 1L << '"' | 1L << '\n' | 1L << '\r';

  /** The characters a cell may not start with, lest a spreadsheet run it as a formula. */
  private static final String FORMULA = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

  /** The text as a cell a spreadsheet shows as text, never runs as a formula. */
  static String cell(String text) {
    if (text.isEmpty() || FORMULA.indexOf(text.charAt(0)) < 0
        || isNumber(text)) {
      return text;
    }
    return "'" + text;
  }

  /** A plain decimal number such as {@code -25} or {@code +1.5}, which no spreadsheet runs. */
  private static boolean isNumber(CharSequence s) {
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
