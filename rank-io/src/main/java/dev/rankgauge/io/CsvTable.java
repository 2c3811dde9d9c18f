package dev.rankgauge.io;

import dev.rankgauge.Problem;
import dev.rankgauge.internal.Utf8Text;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One CSV file (RFC 4180, UTF-8) read a row at a time, with its header mapped to column positions
 * and every row's line number, so that a value can be located as {@code file:line:column}. Holds
 * one row at a time. Not thread-safe.
 *
 * <p>The parser works on bytes: a row's fields are found as ranges of a large buffer, and a
 * field becomes a {@link String} only when asked for. Reading a million distributors' three
 * files this way takes a fifth of the time commons-csv took through a {@link java.io.Reader}
 * (measured in docs/benchmarks.md). Surrounding spaces of a field are ignored; blank lines are
 * skipped but counted.
 */
final class CsvTable implements Closeable {
  private static final int BUFFER = 1 << 20;
  /**
   * The first read's size; each read then asks for a quarter more than the last, up to
   * {@link #BUFFER} (the 25th read, about 4 MiB into the file). Small
   * first reads make the parser meet a row cut by the end of the bytes read (and the read that
   * follows) many times while the JIT is still profiling it, in every file: the compiled parser
   * and row loops then keep those paths instead of trapping and being compiled again at the
   * first cut row, which at 1 MiB reads came only after the compilation (measured in
   * docs/benchmarks.md, eighth session).
   */
  private static final int FIRST_READ = 1 << 12;
  /** Bytes of the buffer always left after those read, for the parser's last eight. */
  private static final int SLACK = 8;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String file;
  private final InputStream in;
  private byte[] buf = new byte[BUFFER];
  /** Where the next row starts, and the end of the bytes read. */
  private int pos;
  private int limit;
  private boolean eof;
  /** How many bytes the next read asks for at most. */
  private int chunk = FIRST_READ;
  /** The line the next row starts on. */
  private long nextLine = 1;

  // the current row: field k is buf[start[k], end[k]), with doubled quotes if quoted[k]
  private int count;
  private int[] start = new int[32];
  private int[] end = new int[32];
  private boolean[] quoted = new boolean[32];
  private boolean[] wide = new boolean[32];
  /** Whether a field of the current row has doubled quotes, or bytes above 0x7F. */
  private boolean anyQuoted;
  private boolean anyWide;
  private int lineBreaks;
  /** The code of the problem that broke the last line read, or null. */
  private String error;

  private Header header;
  /** The header's field count: each row must have as many. */
  private int columns;
  private long line;
  private boolean broken;
  /** Views of the current row's fields, one per column, reused from row to row. */
  private Utf8Text[] views = new Utf8Text[0];

  private CsvTable(String file, InputStream in) {
    this.file = file;
    this.in = in;
  }

  /**
   * Opens {@code dir/file} and reads its header. A header lacking a required column, or naming a
   * column twice, is reported and leaves the table {@link #broken()}.
   */
  static CsvTable open(Path dir, String file, List<String> required, Consumer<Problem> problems)
      throws IOException {
    return open(dir, file, required, problems, FIRST_READ);
  }

  /** Like {@link #open}, with the first read's size given (for tests: any size reads alike). */
  static CsvTable open(Path dir, String file, List<String> required, Consumer<Problem> problems,
      int firstRead) throws IOException {
    CsvTable t = new CsvTable(file, Files.newInputStream(dir.resolve(file)));
    t.chunk = Math.max(1, firstRead);
    try {
      t.fill();
      if (t.limit >= 3 && Arrays.equals(t.buf, 0, 3, BOM, 0, 3)) {
        t.pos = 3;
      }
      t.readHeader(required, problems);
    } catch (IOException | RuntimeException e) {
      t.close();
      throw e;
    }
    return t;
  }

  private void readHeader(List<String> required, Consumer<Problem> problems) throws IOException {
    boolean read;
    try {
      read = advance(problems);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (!read) {
      if (!broken) {
        problems.accept(IoProblems.at(file + ":1", "csv.emptyFile", String.join(",", required)));
      }
      broken = true;
      header = new Header(List.of(), Map.of());
      return;
    }
    List<String> names = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < count; i++) {
      String name = field(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1).strip();
      }
      names.add(name);
      if (!name.isEmpty() && index.putIfAbsent(name, i) != null) {
        problems.accept(IoProblems.at(where(i), "csv.columnTwice", name, index.get(name) + 1,
            i + 1));
        broken = true;
      }
    }
    header = new Header(names, index);
    columns = count;
    // A view per column made now, so that the rows' code has no branch for making one.
    views = new Utf8Text[count];
    for (int i = 0; i < count; i++) {
      views[i] = new Utf8Text();
    }
    List<String> missing = new ArrayList<>();
    for (String r : required) {
      if (!index.containsKey(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      problems.accept(IoProblems.at(file + ":" + line, "csv.missingColumns", header(),
          missing));
      broken = true;
    }
  }

  /** Whether the header is unusable; the rows are then not read. */
  boolean broken() {
    return broken;
  }

  /** The header as written, for messages. */
  String header() {
    return String.join(",", header.names());
  }

  Header headerInfo() {
    return header;
  }

  /** The position of a column, -1 if the header lacks it. */
  int column(String name) {
    return header.column(name);
  }

  /** The name of the column at a position. */
  String name(int column) {
    return header.names().get(column);
  }

  /**
   * Moves to the next row that is not blank. A row whose field count differs from the header's,
   * or that holds bytes that are not UTF-8, is reported and skipped; text that is not CSV is
   * reported and ends the file.
   *
   * @return false at the end of the file
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  boolean next(Consumer<Problem> problems) {
    try {
      while (advance(problems)) {
        if (count == columns) {
          return true;
        }
        problems.accept(IoProblems.at(where(Math.min(count, columns)), "csv.fieldCount", count,
            columns));
      }
      return false;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Moves to the next row that is not blank and is UTF-8, reporting and skipping those that
   * are not; the header's row too.
   */
  private boolean advance(Consumer<Problem> problems) throws IOException {
    while (true) {
      if (broken && header != null) {
        return false;
      }
      if (!row()) {
        return false;
      }
      line = nextLine;
      nextLine += lineBreaks;
      if (error != null) {
        problems.accept(IoProblems.at(file + ":" + line, error));
        broken = true;
        return false;
      }
      if (count == 1 && start[0] == end[0] && !quoted[0]) {
        continue;
      }
      int bad = notUtf8();
      if (bad >= 0) {
        problems.accept(IoProblems.at(where(bad), "csv.notUtf8"));
        continue;
      }
      // The field count is next()'s to check (the header's sets it).
      return true;
    }
  }

  /** The first field holding bytes that are not UTF-8, or -1. */
  private int notUtf8() {
    if (!anyWide) {
      return -1;
    }
    for (int k = 0; k < count; k++) {
      if (wide[k] && !isUtf8(buf, start[k], end[k])) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Whether {@code b[from, to)} is well-formed UTF-8 (RFC 3629: no overlong form, no surrogate,
   * nothing above U+10FFFF), as the JDK's UTF-8 decoder says when it reports malformed input: a
   * check of the bytes that makes no {@code ByteBuffer} or {@code CharBuffer} per field.
   */
  static boolean isUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
      } else if (c < 0xC2) {
        return false;
      } else if (c < 0xE0) {
        if (i + 1 >= to || !continuing(b[i + 1])) {
          return false;
        }
        i += 2;
      } else if (c < 0xF0) {
        if (i + 2 >= to || !continuing(b[i + 1]) || !continuing(b[i + 2])) {
          return false;
        }
        int c1 = b[i + 1] & 0xFF;
        if (c == 0xE0 && c1 < 0xA0 || c == 0xED && c1 >= 0xA0) {
          return false;
        }
        i += 3;
      } else if (c < 0xF5) {
        if (i + 3 >= to || !continuing(b[i + 1]) || !continuing(b[i + 2])
            || !continuing(b[i + 3])) {
          return false;
        }
        int c1 = b[i + 1] & 0xFF;
        if (c == 0xF0 && c1 < 0x90 || c == 0xF4 && c1 >= 0x90) {
          return false;
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }

  /** Whether a byte continues a character of several bytes: {@code 10xxxxxx}. */
  private static boolean continuing(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /** Reads the next row into the field ranges; false at the end of the file. */
  private boolean row() throws IOException {
    // The test for a row cut by the end of the bytes read is the only one here, and it is true
    // many times while the code is profiled (the first reads are small), so that the compiled
    // code keeps every path. The end of the file comes the same way, with nothing left, in a
    // method of its own: a test seen only there (as the end of the bytes read falling at a
    // row's end was, before) is left out of the compiled code, and the first thread to meet it
    // trapped back to the interpreter the code the others were running too.
    while (true) {
      int r = parse(pos);
      if (r >= 0) {
        pos = r;
        return true;
      }
      if (!more()) {
        return false;
      }
    }
  }

  /** Reads more bytes for a row cut by the end of those read: false at the end of the file. */
  private boolean more() throws IOException {
    if (eof) {
      if (pos < limit) {
        throw new IllegalStateException("parse wanted more input at the end of the file");
      }
      return false;
    }
    fill();
    return true;
  }

  /**
   * Moves the unread bytes to the front and reads more, growing the buffer if a row fills it.
   * At the end of the file, a line feed is added after a last line that has none, so that
   * every row the parser meets ends in a line break: only a quoted field can run to the end of
   * the bytes.
   *
   * @return false if nothing is left
   */
  private boolean fill() throws IOException {
    if (eof) {
      return pos < limit;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit >= buf.length - SLACK) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int want = Math.min(buf.length - SLACK - limit, chunk);
    chunk = Math.min(BUFFER, chunk + Math.max(1, chunk >> 2));
    int got = in.readNBytes(buf, limit, want);
    limit += got;
    if (got < want) {
      eof = true;
      if (limit > 0 && buf[limit - 1] != '\n') {
        if (limit == buf.length - SLACK) {
          buf = Arrays.copyOf(buf, buf.length + 1);
        }
        buf[limit++] = '\n';
      }
    }
    return pos < limit;
  }

  /**
   * Parses the row starting at {@code p}. A row's line break is always among the bytes read
   * once they reach the end of the file ({@link #fill}), so this has no test for the end of
   * the file: a row cut by the end of the bytes read wants more.
   *
   * @return where the next row starts, or -1 if more bytes are needed (at the end of the file,
   *     with none left, there are none)
   */
  private int parse(int p) {
    count = 0;
    lineBreaks = 0;
    error = null;
    // Flags are set only for the fields that have them; the last row's are cleared here.
    if (anyQuoted) {
      Arrays.fill(quoted, false);
      anyQuoted = false;
    }
    if (anyWide) {
      Arrays.fill(wide, false);
      anyWide = false;
    }
    byte[] b = buf;
    int lim = limit;
    int[] st = start;
    int[] en = end;
    while (true) {
      if (count == st.length) {
        grow();
        st = start;
        en = end;
      }
      int s = p;
      byte c;
      // At the end of the bytes read (p == lim) the byte is one of the room after them: either
      // way the field wants more bytes, found without a test of its own.
      if ((c = b[p]) != '"' && c != ' ' && c != '\t') {
        // The common field: unquoted, no space before it. Eight bytes at a time up to the
        // first that ends the field or is not ASCII; the buffer has room for eight bytes past
        // the end of those read ({@link #SLACK}), which count as ending the field, so the last
        // few bytes take the same path as the others (a path of their own, taken only near
        // the end of a read, was left out of the compiled code and trapped later).
        while (true) {
          long hit = special(LittleEndian.word(b, p));
          int left = lim - p;
          if (left < 8) {
            hit |= HIGHS << (left << 3);
          }
          if (hit == 0) {
            p += 8;
            continue;
          }
          p += Long.numberOfTrailingZeros(hit) >>> 3;
          if (p >= lim) {
            return -1;
          }
          if (b[p] >= 0) {
            break;
          }
          wide[count] = true;
          anyWide = true;
          p++;
        }
        int e = p;
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
          e--;
        }
        st[count] = s;
        en[count] = e;
      } else {
        p = otherField(p);
        if (p < 0 || error != null) {
          return p;
        }
      }
      count++;
      c = b[p];
      if (c == ',') {
        p++;
        continue;
      }
      lineBreaks++;
      if (c == '\r') {
        if (p + 1 == lim) {
          return -1;
        }
        if (b[p + 1] == '\n') {
          p++;
        }
      }
      return p + 1;
    }
  }

  private void grow() {
    int len = count * 2;
    start = Arrays.copyOf(start, len);
    end = Arrays.copyOf(end, len);
    quoted = Arrays.copyOf(quoted, len);
    wide = Arrays.copyOf(wide, len);
  }

  /**
   * Parses field {@code count} at {@code p} when it is quoted or starts with a space or tab, or
   * when the bytes read end there, setting its range and flags.
   *
   * @return where the field ends, at its separator, or -1 if more bytes are needed; with
   *     {@link #error} set, where the next row starts
   */
  private int otherField(int p) {
    byte[] b = buf;
    int lim = limit;
    while (p < lim && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    if (p == lim) {
      return -1;
    }
    boolean q = false;
    boolean w = false;
    int s;
    int e;
    if (b[p] == '"') {
      p++;
      s = p;
      while (true) {
        if (p == lim) {
          if (!eof) {
            return -1;
          }
          error = "csv.notCsv.endsInQuote";
          return lim;
        }
        byte c = b[p];
        if (c == '"') {
          if (p + 1 == lim && !eof) {
            return -1;
          }
          if (p + 1 < lim && b[p + 1] == '"') {
            q = true;
            p += 2;
            continue;
          }
          break;
        }
        if (c == '\r') {
          if (p + 1 == lim && !eof) {
            return -1;
          }
          if (p + 1 == lim || b[p + 1] != '\n') {
            lineBreaks++;
          }
        } else if (c == '\n') {
          lineBreaks++;
        } else if (c < 0) {
          w = true;
        }
        p++;
      }
      e = p;
      p++;
      while (p < lim && (b[p] == ' ' || b[p] == '\t')) {
        p++;
      }
      if (p == lim) {
        return -1;
      }
      if (b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
        error = "csv.notCsv.afterQuote";
        return skipLine(p);
      }
    } else {
      s = p;
      while (p < lim) {
        byte c = b[p];
        if (c == ',' || c == '\n' || c == '\r') {
          break;
        }
        if (c < 0) {
          w = true;
        }
        p++;
      }
      if (p == lim) {
        return -1;
      }
      e = p;
      while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
        e--;
      }
    }
    start[count] = s;
    end[count] = e;
    if (q) {
      quoted[count] = true;
      anyQuoted = true;
    }
    if (w) {
      wide[count] = true;
      anyWide = true;
    }
    return p;
  }
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The high bit of each byte of {@code x} (eight bytes of a row, the first in the low bits) that
   * is a comma, a line feed, a carriage return or not ASCII; exact for the lowest such byte,
   * which is all the parser asks (a byte above it may be marked wrongly by a borrow).
   */
  static long special(long x) {
    return (zero(x ^ (ONES * ',')) | zero(x ^ (ONES * '\n')) | zero(x ^ (ONES * '\r')) | x)
        & HIGHS;
  }

  /** The high bit of the lowest zero byte of {@code v}, with maybe some above it. */
  private static long zero(long v) {
    return (v - ONES) & ~v;
  }

  /** Past the end of the line at {@code p}, or the end of the bytes read. */
  private int skipLine(int p) {
    while (p < limit && b(p) != '\n') {
      p++;
    }
    return Math.min(limit, p + 1);
  }

  private byte b(int p) {
    return buf[p];
  }

  private String field(int k) {
    int s = start[k];
    int len = end[k] - s;
    String v = wide[k] ? new String(buf, s, len, StandardCharsets.UTF_8)
        : new String(buf, s, len, StandardCharsets.ISO_8859_1);
    return quoted[k] ? v.replace("\"\"", "\"") : v;
  }

  /** The value at a column of the current row, stripped; empty for an absent column. */
  String get(int column) {
    return column < 0 ? "" : field(column);
  }

  /**
   * The value at a column of the current row, as {@link #get} gives it: a view of the buffer
   * ({@link Utf8Text}) when the value holds no doubled quote (almost always), else a
   * {@link String}. The view is valid until the next row is read, and is the same object for the
   * column at every row: for handing to a reader that copies the characters at once, as the
   * organisation builder's row methods do (they copy a view's bytes as they are: a row whose
   * bytes are not UTF-8 never comes this far).
   */
  CharSequence text(int column) {
    if (column < 0) {
      return "";
    }
    if (quoted[column]) {
      return field(column);
    }
    return views[column].set(buf, start[column], end[column], !wide[column]);
  }

  /**
   * Whether the value at a column is ASCII, without doubled quotes, and equals {@code lower}
   * (ASCII lower case) ignoring ASCII case: what {@code get(column).toLowerCase(Locale.ROOT)
   * .equals(lower)} says for such a value. False for any other value.
   */
  boolean isAscii(int column, String lower) {
    if (column < 0 || quoted[column] || wide[column]
        || end[column] - start[column] != lower.length()) {
      return false;
    }
    byte[] b = buf;
    for (int i = 0, s = start[column]; i < lower.length(); i++) {
      int c = b[s + i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the value at a column is plain: ASCII, without doubled quotes. */
  boolean isAscii(int column) {
    return column >= 0 && !quoted[column] && !wide[column];
  }

  /**
   * The value at a column as a plain decimal read from its bytes ({@link Decimals#plain}), or
   * null if it is not one (or is quoted with quotes inside, or the column is absent): the caller
   * then reads the text.
   */
  java.math.BigDecimal plainDecimal(int column) {
    if (column < 0 || quoted[column] || wide[column]) {
      return null;
    }
    return Decimals.plain(buf, start[column], end[column]);
  }

  /** Like {@link #plainDecimal}, as {@link Decimals#exact} reads it. */
  java.math.BigDecimal exactDecimal(int column) {
    if (column < 0 || quoted[column] || wide[column]) {
      return null;
    }
    return Decimals.exact(buf, start[column], end[column]);
  }

  /**
   * Reads the value at a column into {@code units} ({@link Decimals.Units#read}, stripped of
   * trailing zeros after the point if asked): false if it is not a plain decimal of at most 18
   * digits, or is quoted or not ASCII, or the column is absent (the caller then reads the text).
   */
  boolean units(int column, Decimals.Units units, boolean strip) {
    if (column < 0 || quoted[column] || wide[column]) {
      return false;
    }
    return units.read(buf, start[column], end[column], strip);
  }

  /**
   * The value at a column as epoch seconds, as {@link Instants#seconds} reads its bytes, or
   * {@link Instants#NONE} (any other form, quoted or not ASCII, or the column absent).
   */
  long seconds(int column, Instants instants) {
    if (column < 0 || quoted[column] || wide[column]) {
      return Instants.NONE;
    }
    return instants.seconds(buf, start[column], end[column]);
  }

  /**
   * The value at a column as {@link Instants.Dates#isoDay} reads its bytes ({@code year << 9 |
   * month << 5 | day} for {@code dddd-dd-dd}), or -1 (any other value, or the column absent).
   */
  int isoDay(int column) {
    if (column < 0 || quoted[column] || wide[column]) {
      return -1;
    }
    return Instants.Dates.isoDay(buf, start[column], end[column]);
  }

  /** Whether the value at a column is empty (or the column absent). */
  boolean isEmpty(int column) {
    return column < 0 || start[column] == end[column];
  }

  /** The line the current row starts on, 1-based. */
  long line() {
    return line;
  }

  /** {@code file:line:column} of a column of the current row. */
  String where(int column) {
    return file + ":" + line + ":" + (column + 1);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A header: column names in order, lower case, and their positions. */
  record Header(List<String> names, Map<String, Integer> index) {
    int column(String name) {
      return index.getOrDefault(name, -1);
    }
  }
}
