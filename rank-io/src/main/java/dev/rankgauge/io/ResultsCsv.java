package dev.rankgauge.io;

import dev.rankgauge.CompPlan;
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
    Cells cells = new Cells(table, words);
    InOrder.run(chunks + 1, Chunks.SIZE * 256, (k, b) -> {
      if (k == 0) {
        b.text(String.join(",", header())).ascii('\n');
      } else {
        int from = (k - 1) * Chunks.SIZE;
        new Rows(table, cells, b).rows(from, Math.min(n, from + Chunks.SIZE));
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
    new Rows(table, new Cells(table, words), b).rows(row, row + 1);
    b.writeTo(out);
    out.flush();
  }

  private static final Metric[] METRICS = Metric.values();
  private static final long YES = Utf8Buffer.word(Utf8Buffer.encode("yes,"));
  private static final long NO = Utf8Buffer.word(Utf8Buffer.encode("no,"));
  private static final long COMMAS = Utf8Buffer.word(Utf8Buffer.encode(",,"));
  private static final byte[] SEPARATOR = Utf8Buffer.encode("; ");

  /**
   * What every row of one write shares, as UTF-8 made once: the ranks' codes as cells, and each
   * requirement's code and its {@code missing} sentence for each plural, cut where the number
   * goes. Immutable once made; the chunks' threads read it at once.
   */
  private static final class Cells {
    final IoTexts words;
    final int rankCount;
    /** By rank position, its code as a cell. */
    final byte[][] rank;
    /** By rank position, its code as a cell and the comma after it. */
    final byte[][] rankComma;
    /**
     * By rank position, {@link #rankComma} packed into a long for {@link Utf8Buffer#word} where it
     * is at most eight bytes (as a plan's codes nearly always are; see {@link #rankLength}).
     */
    final long[] rankWord;
    /** By rank position, the length of {@link #rankComma}. */
    final int[] rankLength;
    /** [rank][requirement position]: the requirement's code. */
    final byte[][][] code;
    /**
     * [rank][requirement position][plural]: the {@code missing} sentence in pieces, the number
     * going between each piece and the next.
     */
    final byte[][][][][] sentence;
    /** [rank][requirement position]: the requirement's words, for the rare decimal done slowly. */
    final String[][] what;
    /**
     * [rank][requirement position][plural]: whether a piece of the sentence holds a byte that
     * makes a CSV field quoted (a comma, quote, line feed or return).
     */
    final boolean[][][] sentenceQuoted;
    /** [rank][requirement position]: the same of the requirement's code. */
    final boolean[][] codeQuoted;

    Cells(ResultTable table, IoTexts words) {
      this.words = words;
      CompPlan plan = table.plan();
      List<Rank> ranks = plan.ranks();
      rankCount = ranks.size();
      rank = new byte[rankCount][];
      rankComma = new byte[rankCount][];
      rankWord = new long[rankCount];
      rankLength = new int[rankCount];
      code = new byte[rankCount][][];
      sentence = new byte[rankCount][][][][];
      what = new String[rankCount][];
      sentenceQuoted = new boolean[rankCount][][];
      codeQuoted = new boolean[rankCount][];
      String[] templates = {words.missingTemplate(0), words.missingTemplate(1),
          words.missingTemplate(2)};
      for (int r = 0; r < rankCount; r++) {
        rank[r] = Utf8Buffer.encode(field(new StringBuilder(), ranks.get(r).code()).toString());
        rankComma[r] = Arrays.copyOf(rank[r], rank[r].length + 1);
        rankComma[r][rank[r].length] = ',';
        rankLength[r] = rankComma[r].length;
        rankWord[r] = rankLength[r] <= 8 ? Utf8Buffer.word(rankComma[r]) : 0;
        List<Requirement> qs = ranks.get(r).requirements();
        code[r] = new byte[qs.size()][];
        sentence[r] = new byte[qs.size()][][][];
        what[r] = new String[qs.size()];
        sentenceQuoted[r] = new boolean[qs.size()][3];
        codeQuoted[r] = new boolean[qs.size()];
        for (int q = 0; q < qs.size(); q++) {
          Requirement req = qs.get(q);
          code[r][q] = Utf8Buffer.encode(ResultTable.code(req));
          codeQuoted[r][q] = IoTexts.quoted(code[r][q]);
          what[r][q] = words.requirement(req, req.describe(plan.qualifyingVolumeType()));
          sentence[r][q] = new byte[3][][];
          for (int p = 0; p < 3; p++) {
            sentence[r][q][p] = pieces(templates[p], what[r][q]);
            for (byte[] piece : sentence[r][q][p]) {
              sentenceQuoted[r][q][p] |= IoTexts.quoted(piece);
            }
          }
        }
      }
    }

    /** The template with the words put in, cut at each place of the number. */
    private static byte[][] pieces(String template, String what) {
      List<byte[]> out = new ArrayList<>();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < template.length(); i++) {
        char c = template.charAt(i);
        if (c == IoTexts.WHAT) {
          sb.append(what);
        } else if (c == IoTexts.MORE) {
          out.add(Utf8Buffer.encode(sb.toString()));
          sb.setLength(0);
        } else {
          sb.append(c);
        }
      }
      out.add(Utf8Buffer.encode(sb.toString()));
      return out.toArray(new byte[0][]);
    }
  }

  /**
   * Formats rows into a buffer, one chunk's worth, from the rows gathered by {@link
   * ResultTable#rows}: texts copied as bytes, ranks and requirements' words from {@link Cells},
   * numbers from their unscaled digits; nothing is made per row. Each group of columns is a small
   * method of its own, so that the compiler works on small pieces and a rare case met late (a
   * held rank, an override) makes it redo one piece rather than the whole row.
   */
  private static final class Rows {
    private final ResultTable t;
    private final Cells cells;
    private final Utf8Buffer b;
    /** The scale of each metric's unscaled values. */
    private final int[] scales = new int[METRICS.length];
    /** The {@code missing_codes} cell, made while the {@code missing} cell is. */
    private final Utf8Buffer codes = new Utf8Buffer(256);
    private ResultTable.Rows g;

    Rows(ResultTable t, Cells cells, Utf8Buffer b) {
      this.t = t;
      this.cells = cells;
      this.b = b;
      for (Metric m : METRICS) {
        scales[m.ordinal()] = t.scale(m);
      }
    }

    void rows(int from, int to) {
      g = t.rows(from, to);
      for (int lo = from; lo < to; lo += Chunks.RUN) {
        run(lo, Math.min(to, lo + Chunks.RUN));
      }
    }

    /** A run of rows: see {@link Chunks#RUN}. */
    private void run(int from, int to) {
      for (int i = from; i < to; i++) {
        row(i);
      }
    }

    private void row(int i) {
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
      int at = b.length();
      int n = g.id(i, b.array(), at);
      if (n > b.array().length - at) {
        g.id(i, b.reserve(n), at);
      }
      b.advance(n);
      b.field(at);
      b.ascii(',');
      at = b.length();
      n = g.name(i, b.array(), at);
      if (n > b.array().length - at) {
        g.name(i, b.reserve(n), at);
      }
      b.advance(n);
      b.field(at);
      b.ascii(',');
      at = b.length();
      n = g.sponsorId(i, b.array(), at);
      if (n > b.array().length - at) {
        g.sponsorId(i, b.reserve(n), at);
      }
      if (n > 0) {
        b.advance(n);
        b.field(at);
      }
      b.ascii(',');
      if (g.active(i)) {
        b.word(YES, 4);
      } else {
        b.word(NO, 3);
      }
    }

    /** paid_as, title, qualified_as, grace_left, next_rank. */
    private void ranks(int i) {
      int paid = g.paidAsPosition(i);
      rank(paid);
      rank(g.titlePosition(i));
      rank(g.qualifiedAsPosition(i));
      if (g.periodsHeld(i) > 0) {
        b.number(t.periodsLeft(i));
      }
      b.ascii(',');
      if (paid + 1 < cells.rankCount) {
        rank(paid + 1);
      } else {
        b.ascii(',');
      }
    }

    /** A rank's code as a cell and the comma after it. */
    private void rank(int r) {
      int n = cells.rankLength[r];
      if (n <= 8) {
        b.word(cells.rankWord[r], n);
      } else {
        b.bytes(cells.rankComma[r]);
      }
    }

    /** A gauge's value, rank, next rank and remaining, each from the row's unscaled figure. */
    private void gauge(int i, Metric m) {
      long value = g.unscaledValue(i, m);
      int scale = scales[m.ordinal()];
      if (value == Long.MIN_VALUE) {
        b.plain(t.value(i, m));
      } else {
        b.plain(value, scale);
      }
      b.ascii(',');
      rank(g.gaugeRankPosition(i, m));
      int next = g.gaugeNextRankPosition(i, m);
      if (next < 0) {
        b.word(COMMAS, 2);
        return;
      }
      rank(next);
      long rest = g.unscaledRemaining(i, m);
      if (rest == Long.MIN_VALUE) {
        b.plain(t.gaugeRemaining(i, m).orElseThrow());
      } else {
        b.plain(rest, scale);
      }
      b.ascii(',');
    }

    /** missing, missing_codes. */
    private void missing(int i) {
      int n = g.missingCount(i);
      if (n == 0) {
        b.word(COMMAS, 2);
        return;
      }
      int next = g.paidAsPosition(i) + 1;
      byte[][][][] sentences = cells.sentence[next];
      byte[][] code = cells.code[next];
      int at = b.length();
      codes.clear();
      // Whether the cells hold a byte that makes them quoted, known from their pieces: the
      // sentences' words and the codes are the plan's, looked at once; a number holds a comma
      // only where it is grouped or has a fraction, in a language that writes them with one.
      boolean quoted = false;
      boolean codesQuoted = false;
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          b.bytes(SEPARATOR);
          codes.ascii(' ');
        }
        int q = g.missingPosition(i, k);
        codes.bytes(code[q]);
        codesQuoted |= cells.codeQuoted[next][q];
        long left = g.missingUnscaled(i, k);
        if (left == Long.MIN_VALUE) {
          StringBuilder sb = new StringBuilder();
          cells.words.missing(sb, cells.what[next][q], g.missingRemaining(i, k));
          b.text(sb, false);
          quoted = true;
          continue;
        }
        int scale = g.missingScale(i, k);
        int plural = plural(left, scale);
        byte[][] pieces = sentences[q][plural];
        quoted |= cells.sentenceQuoted[next][q][plural];
        b.bytes(pieces[0]);
        for (int p = 1; p < pieces.length; p++) {
          cells.words.number(b, left, scale);
          quoted |= cells.words.numberMayQuote(left, scale);
          b.bytes(pieces[p]);
        }
      }
      b.field(at, quoted);
      b.ascii(',');
      at = b.length();
      b.write(codes.array(), 0, codes.length());
      b.field(at, codesQuoted);
      b.ascii(',');
    }

    /** overrides. */
    private void overrides(int i) {
      List<Overrides.Entry> overrides = t.overrides(i);
      if (!overrides.isEmpty()) {
        field(b, String.join("; ", overrides.stream().map(Overrides.Entry::code).toList()));
      }
    }
  }

  /** 0 for zero, 1 for exactly one, else 2: as {@link IoTexts} chooses a sentence's plural. */
  private static int plural(long unscaled, int scale) {
    return unscaled == 0 ? 0 : scale < POWERS.length && unscaled == POWERS[scale] ? 1 : 2;
  }

  /** 10^k for k from 0 to 18. */
  private static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int k = 1; k < POWERS.length; k++) {
      POWERS[k] = 10 * POWERS[k - 1];
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
