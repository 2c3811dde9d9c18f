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
  /** The most ranks a plan may have for {@link Cells#ranks} (4,096 pieces). */
  private static final int PIECES_RANKS = 16;
  /** The most requirements a rank may have for {@link Cells#codes} (1,024 pieces). */
  private static final int CODES_REQUIREMENTS = 10;

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
    /**
     * [rank][requirement position][plural]: whether the sentence, its numbers put in, is quoted
     * as it is when quoted at all ({@link Utf8Buffer#quotedAsIs}).
     */
    final boolean[][][] sentencePlain;
    /**
     * The paid_as, title, qualified_as, grace_left and next_rank cells of a row whose rank is not
     * held, each comma after them included, by {@code (paid * rankCount + title) * rankCount +
     * qualified}: one copy a row instead of five cells. Null for a plan of more than
     * {@link #PIECES_RANKS} ranks.
     */
    final byte[][] ranks;
    /**
     * [metric][rank position]: a gauge's rank and next rank cells, commas after them included,
     * for a gauge that reaches that rank: {@code "SLV,GLD,"}, or {@code "SE,,,"} at the gauge's
     * end, where its remaining cell is empty too.
     */
    final byte[][][] gauge;
    /** [metric]: the gauge's last rank; see {@link ResultTable#gaugeEndPosition}. */
    final int[] gaugeEnd;
    /**
     * [rank][set of requirement positions, as bits]: the {@code missing_codes} cell of a row
     * held back by those requirements of that rank, and the comma after it. Null for a rank of
     * more than {@link #CODES_REQUIREMENTS} requirements.
     */
    final byte[][][] codes;

    Cells(ResultTable table, IoTexts words) {
      this.words = words;
      CompPlan plan = table.plan();
      List<Rank> ranks = plan.ranks();
      rankCount = ranks.size();
      rank = new byte[rankCount][];
      rankComma = new byte[rankCount][];
      code = new byte[rankCount][][];
      sentence = new byte[rankCount][][][][];
      what = new String[rankCount][];
      sentenceQuoted = new boolean[rankCount][][];
      sentencePlain = new boolean[rankCount][][];
      codeQuoted = new boolean[rankCount][];
      String[] templates = {words.missingTemplate(0), words.missingTemplate(1),
          words.missingTemplate(2)};
      for (int r = 0; r < rankCount; r++) {
        rank[r] = Utf8Buffer.encode(field(new StringBuilder(), ranks.get(r).code()).toString());
        rankComma[r] = Arrays.copyOf(rank[r], rank[r].length + 1);
        rankComma[r][rank[r].length] = ',';
        List<Requirement> qs = ranks.get(r).requirements();
        code[r] = new byte[qs.size()][];
        sentence[r] = new byte[qs.size()][][][];
        what[r] = new String[qs.size()];
        sentenceQuoted[r] = new boolean[qs.size()][3];
        sentencePlain[r] = new boolean[qs.size()][3];
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
            sentencePlain[r][q][p] = Utf8Buffer.quotedAsIs(sentence[r][q][p]);
          }
        }
      }
      this.ranks = rankCount > PIECES_RANKS ? null : rankPieces();
      gaugeEnd = new int[METRICS.length];
      gauge = new byte[METRICS.length][rankCount][];
      for (Metric m : METRICS) {
        int end = table.gaugeEndPosition(m);
        gaugeEnd[m.ordinal()] = end;
        for (int r = 0; r < rankCount; r++) {
          gauge[m.ordinal()][r] = r < end ? concat(rankComma[r], rankComma[r + 1])
              : concat(rankComma[r], new byte[] {',', ','});
        }
      }
      codes = new byte[rankCount][][];
      for (int r = 0; r < rankCount; r++) {
        if (code[r].length <= CODES_REQUIREMENTS) {
          codes[r] = codes(code[r]);
        }
      }
    }

    /** {@link #ranks}, made. */
    private byte[][] rankPieces() {
      int n = rankCount;
      byte[][] out = new byte[n * n * n][];
      for (int paid = 0; paid < n; paid++) {
        byte[] next = paid + 1 < n ? rankComma[paid + 1] : new byte[] {','};
        for (int title = 0; title < n; title++) {
          for (int qualified = 0; qualified < n; qualified++) {
            out[(paid * n + title) * n + qualified] = concat(rankComma[paid], rankComma[title],
                rankComma[qualified], new byte[] {','}, next);
          }
        }
      }
      return out;
    }

    /** Each set's {@code missing_codes} cell of a rank's requirements' codes; see {@link #codes}. */
    private static byte[][] codes(byte[][] code) {
      byte[][] out = new byte[1 << code.length][];
      Utf8Buffer b = new Utf8Buffer(64);
      for (int set = 0; set < out.length; set++) {
        b.clear();
        for (int q = 0; q < code.length; q++) {
          if ((set & 1 << q) != 0) {
            if (b.length() > 0) {
              b.ascii(' ');
            }
            b.bytes(code[q]);
          }
        }
        b.field(0);
        b.ascii(',');
        out[set] = Arrays.copyOf(b.array(), b.length());
      }
      return out;
    }

    private static byte[] concat(byte[]... parts) {
      int n = 0;
      for (byte[] p : parts) {
        n += p.length;
      }
      byte[] out = new byte[n];
      int at = 0;
      for (byte[] p : parts) {
        System.arraycopy(p, 0, out, at, p.length);
        at += p.length;
      }
      return out;
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

    /**
     * A row. Its cells before {@code missing} are written here rather than by a method for each
     * group of them: in a cold write the compiler made each such method twice, once on its own
     * while the row's first thousands ran and again inside the row, and a row of pieces made
     * once ({@link Cells}) is little code.
     */
    private void row(int i) {
      ResultTable.Rows g = this.g;
      Utf8Buffer b = this.b;
      // id, name, sponsor_id, active
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
      // paid_as, title, qualified_as, grace_left, next_rank
      Cells cells = this.cells;
      byte[][] ranks = cells.ranks;
      if (ranks != null && g.periodsHeld(i) == 0) {
        int r = cells.rankCount;
        b.bytes(ranks[(g.paidAsPosition(i) * r + g.titlePosition(i)) * r
            + g.qualifiedAsPosition(i)]);
      } else {
        ranks(i);
      }
      // each gauge's value, rank, next rank and remaining
      for (int m = 0; m < METRICS.length; m++) {
        Metric metric = METRICS[m];
        long value = g.unscaledValue(i, metric);
        if (value == Long.MIN_VALUE) {
          b.plain(t.value(i, metric));
        } else {
          b.plain(value, scales[m]);
        }
        b.ascii(',');
        int level = g.gaugeRankPosition(i, metric);
        b.bytes(cells.gauge[m][level]);
        if (level < cells.gaugeEnd[m]) {
          long rest = g.unscaledRemaining(i, metric);
          if (rest == Long.MIN_VALUE) {
            b.plain(t.gaugeRemaining(i, metric).orElseThrow());
          } else {
            b.plain(rest, scales[m]);
          }
          b.ascii(',');
        }
      }
      missing(i);
      overrides(i);
      b.ascii('\n');
    }

    /** paid_as, title, qualified_as, grace_left, next_rank, a cell at a time. */
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
      b.bytes(cells.rankComma[r]);
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
      boolean[][] sentenceQuoted = cells.sentenceQuoted[next];
      int at = b.length();
      // Whether the cell holds a byte that makes it quoted, known from its pieces: the
      // sentences' words are the plan's, looked at once; a number holds a comma only where it is
      // grouped or has a fraction, in a language that writes them with one.
      boolean quoted = false;
      // Whether, if quoted, the cell is its bytes between quotes, as nearly every one is.
      boolean plain = true;
      boolean[][] sentencePlain = cells.sentencePlain[next];
      int set = 0;
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          b.bytes(SEPARATOR);
        }
        int q = g.missingPosition(i, k);
        set |= 1 << q;
        long left = g.missingUnscaled(i, k);
        if (left == Long.MIN_VALUE) {
          StringBuilder sb = new StringBuilder();
          cells.words.missing(sb, cells.what[next][q], g.missingRemaining(i, k));
          b.text(sb, false);
          quoted = true;
          plain = false;
          continue;
        }
        int scale = g.missingScale(i, k);
        int plural = plural(left, scale);
        byte[][] pieces = sentences[q][plural];
        quoted |= sentenceQuoted[q][plural];
        plain &= sentencePlain[q][plural];
        b.bytes(pieces[0]);
        for (int p = 1; p < pieces.length; p++) {
          if (cells.words.plain(left, scale)) {
            b.plain(left, scale);
          } else {
            quoted |= number(left, scale);
          }
          b.bytes(pieces[p]);
        }
      }
      if (quoted && plain) {
        b.quote(at);
      } else {
        b.field(at, quoted);
      }
      b.ascii(',');
      byte[][] codes = cells.codes[next];
      if (codes != null) {
        b.bytes(codes[set]);
      } else {
        codes(i, n, next);
      }
    }

    /**
     * A number of the {@code missing} cell in the export's language, grouped or with a decimal
     * point other than {@code .}; returns whether it may make the cell quoted.
     */
    private boolean number(long left, int scale) {
      cells.words.number(b, left, scale);
      return cells.words.numberMayQuote(left, scale);
    }

    /** The {@code missing_codes} cell and its comma, for a rank of many requirements. */
    private void codes(int i, int n, int next) {
      int at = b.length();
      boolean quoted = false;
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          b.ascii(' ');
        }
        int q = g.missingPosition(i, k);
        b.bytes(cells.code[next][q]);
        quoted |= cells.codeQuoted[next][q];
      }
      b.field(at, quoted);
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
