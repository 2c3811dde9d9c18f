package dev.rankgauge.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that rows of a bulk export are formatted into: text is encoded as
 * it is appended (ASCII a byte a character, anything else through the JDK's encoder, so an unpaired
 * surrogate becomes {@code ?} as with a {@code Writer}), and decimals are written from their digits
 * without building a string. Also an {@link OutputStream}, so that a JSON generator can write into
 * it. Not thread-safe: one buffer per chunk of rows, reused once written.
 */
final class Utf8Buffer extends OutputStream {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private byte[] buf;
  private int len;
  /** Characters of the text being written; see {@link #chars}. */
  private char[] scratch = new char[64];

  Utf8Buffer(int capacity) {
    buf = new byte[capacity];
  }

  /** How many bytes it holds. */
  int length() {
    return len;
  }

  /** Empties it, keeping its room. */
  void clear() {
    len = 0;
  }

  /** The bytes held, to an output stream. */
  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }

  /** The text held, to a writer (decoded from UTF-8, which is exact for what was appended). */
  void writeTo(Writer out) throws IOException {
    out.write(new String(buf, 0, len, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  /**
   * Makes room for {@code more} bytes. Small enough (under 35 bytes of bytecode) that C1, which
   * runs a cold write's first rows, inlines it into every writer rather than calling it.
   */
  private void room(int more) {
    if (len + more > buf.length) {
      grow(more);
    }
  }

  private void grow(int more) {
    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
  }

  @Override
  public void write(int b) {
    room(1);
    buf[len++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int n) {
    room(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  /** One ASCII character. */
  Utf8Buffer ascii(char c) {
    room(1);
    buf[len++] = (byte) c;
    return this;
  }

  /** Bytes made earlier with {@link #encode}. */
  Utf8Buffer bytes(byte[] b) {
    write(b, 0, b.length);
    return this;
  }

  /** Text, encoded as UTF-8. */
  Utf8Buffer text(String s) {
    return text(s, false);
  }

  /**
   * Text, encoded as UTF-8, with every {@code "} written twice when {@code doubleQuotes} (the
   * inside of a quoted CSV field). As {@link #text(char[], int, boolean)}.
   */
  Utf8Buffer text(CharSequence s, boolean doubleQuotes) {
    int n = s.length();
    return text(chars(s), n, doubleQuotes);
  }

  /**
   * The characters of a text, copied into an array this buffer keeps for the purpose (valid
   * until the next call): loops over them then read an array, with no check per character of
   * whether a string holds one byte or two a character (a check never failed while the compiler
   * watched, then failed at the first name in another script, made it start the compiled row code
   * again).
   */
  char[] chars(CharSequence s) {
    int n = s.length();
    if (n > scratch.length) {
      scratch = new char[Math.max(n, 2 * scratch.length)];
    }
    if (s instanceof String t) {
      t.getChars(0, n, scratch, 0);
    } else if (s instanceof StringBuilder t) {
      t.getChars(0, n, scratch, 0);
    } else {
      for (int i = 0; i < n; i++) {
        scratch[i] = s.charAt(i);
      }
    }
    return scratch;
  }

  /**
   * The first {@code n} characters of {@code s}, encoded as UTF-8, with every {@code "} written
   * twice when {@code doubleQuotes}. ASCII text without quotes to double, as nearly every cell of
   * a bulk export is, is copied in one loop with no branch per character; anything else is
   * encoded a character at a time, an unpaired surrogate as {@code ?} as the JDK's encoder
   * writes it.
   */
  Utf8Buffer text(char[] s, int n, boolean doubleQuotes) {
    room(n);
    byte[] b = buf;
    int at = len;
    int high = 0;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      b[at + i] = (byte) c;
      high |= c;
    }
    if (high < 0x80 && !doubleQuotes) {
      len = at + n;
      return this;
    }
    return encode(s, n, doubleQuotes);
  }

  /** {@link #text(char[], int, boolean)} a character at a time. */
  private Utf8Buffer encode(char[] s, int n, boolean doubleQuotes) {
    // At most three bytes a character: a quote doubled is two, a surrogate pair four for two.
    room(3 * n);
    byte[] b = buf;
    int at = len;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      if (c < 0x80) {
        b[at++] = (byte) c;
        if (c == '"' && doubleQuotes) {
          b[at++] = '"';
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | c >> 6);
        b[at++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        b[at++] = (byte) (0xE0 | c >> 12);
        b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s[i + 1])) {
        int cp = Character.toCodePoint(c, s[++i]);
        b[at++] = (byte) (0xF0 | cp >> 18);
        b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | cp & 0x3F);
      } else {
        b[at++] = '?';
      }
    }
    len = at;
    return this;
  }

  /** A text's UTF-8 bytes, to append again and again with {@link #bytes}. */
  static byte[] encode(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A whole number in decimal. */
  Utf8Buffer number(long v) {
    if (v == Long.MIN_VALUE) {
      return text(Long.toString(v));
    }
    room(20);
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    len = digits(buf, len, v);
    return this;
  }

  /**
   * The positive {@code unscaled / 10^scale} (no trailing zero in its fraction) with the whole
   * part grouped by threes with {@code group} (empty for none) and {@code point} before the
   * fraction.
   */
  Utf8Buffer grouped(long unscaled, int scale, byte[] group, byte[] point) {
    room(20 + 7 * (group.length + 1) + point.length + scale);
    byte[] b = buf;
    int at = len;
    if (group.length == 0 && point.length == 1) {
      len = decimal(b, at, unscaled, scale, (char) point[0]);
      return this;
    }
    long unit = TENS[scale];
    long whole = unscaled / unit;
    if (group.length == 0 || whole < 1000) {
      at = digits(b, at, whole);
    } else {
      int g = group.length;
      int n = digitCount(whole);
      int end = at + n + (n - 1) / 3 * g;
      int p = end;
      long w = whole;
      for (int k = 0; w != 0; k++) {
        if (k > 0 && k % 3 == 0) {
          p -= g;
          System.arraycopy(group, 0, b, p, g);
        }
        long q = w / 10;
        b[--p] = (byte) ('0' + (w - 10 * q));
        w = q;
      }
      at = end;
    }
    if (scale > 0) {
      for (byte c : point) {
        b[at++] = c;
      }
      at = fraction(b, at, unscaled - whole * unit, scale);
    }
    len = at;
    return this;
  }

  /** The array the bytes are in, from 0 to {@link #length()}; replaced when it grows. */
  byte[] array() {
    return buf;
  }

  /** Makes room for {@code more} bytes after {@link #length()}; returns the array. */
  byte[] reserve(int more) {
    room(more);
    return buf;
  }

  /** Counts {@code n} bytes written into {@link #array()} after {@link #length()}. */
  void advance(int n) {
    len += n;
  }

  /** Drops the bytes from {@code length} on. */
  void truncate(int length) {
    len = length;
  }

  /**
   * Makes a CSV field of the bytes from {@code start} to the end, as {@link
   * ResultsCsv#field(Utf8Buffer, CharSequence)} makes one of their text: quoted (quotes doubled)
   * if they hold a comma, quote or line break or start or end with a space, an apostrophe before
   * them if they start as a spreadsheet formula and are no plain number. Looks at every byte
   * without stopping early; UTF-8 puts no byte of a character beyond ASCII below 0x80.
   */
  void field(int start) {
    int end = len;
    if (end == start) {
      return;
    }
    byte[] b = buf;
    long special = 0;
    int k = start;
    // Eight bytes at a time: a byte of the word equal to one of the four sets a high bit.
    for (; k + 8 <= end; k += 8) {
      long w = LittleEndian.word(b, k);
      special |= zero(w ^ COMMAS) | zero(w ^ QUOTES) | zero(w ^ FEEDS) | zero(w ^ RETURNS);
    }
    if (k < end && k + 8 <= b.length) {
      // The last bytes as a word too, those past the end made 0, which is none of the four.
      long w = LittleEndian.word(b, k) & -1L >>> 8 * (8 - (end - k));
      special |= zero(w ^ COMMAS) | zero(w ^ QUOTES) | zero(w ^ FEEDS) | zero(w ^ RETURNS);
      k = end;
    }
    for (; k < end; k++) {
      int c = b[k] & 0xFF;
      special |= QUOTED >>> c & (c - 64) >>> 31;
    }
    boolean quote = special != 0 || b[start] == ' ' || b[end - 1] == ' ';
    boolean apostrophe = formula(b, start, end) && !isNumber(b, start, end);
    if (quote || apostrophe) {
      reframe(start, quote, apostrophe);
    }
  }

  /**
   * {@link #field(int)} of bytes whose writer knows whether any of them is a comma, quote, line
   * feed or return ({@code quoted}): when none is, only the first and last bytes are looked at.
   */
  void field(int start, boolean quoted) {
    int end = len;
    if (quoted || end > start
        && (buf[start] == ' ' || buf[end - 1] == ' ' || formula(buf, start, end))) {
      field(start);
    }
  }

  /**
   * Quotes the bytes from {@code start} to the end, which hold no quote and need no apostrophe
   * (as {@link #field(int)} would quote them, without looking at them again): moved one place
   * in one copy, a quote before and after.
   */
  void quote(int start) {
    int n = len - start;
    room(2);
    System.arraycopy(buf, start, buf, start + 1, n);
    buf[start] = '"';
    buf[start + n + 1] = '"';
    len = start + n + 2;
  }

  /**
   * Whether a field made of {@code pieces}, with numbers not negative between them (digits,
   * grouping and decimal separators), is quoted by {@link #field(int)} as {@link #quote} quotes
   * it, if at all: it starts and ends with a piece's byte, neither a space, holds no quote to
   * double, and does not start as a spreadsheet formula.
   */
  static boolean quotedAsIs(byte[][] pieces) {
    byte[] first = pieces[0];
    byte[] last = pieces[pieces.length - 1];
    if (first.length == 0 || last.length == 0 || first[0] == ' '
        || last[last.length - 1] == ' ' || formula(first, 0, first.length)) {
      return false;
    }
    for (byte[] piece : pieces) {
      for (byte c : piece) {
        if (c == '"') {
          return false;
        }
      }
    }
    return true;
  }

  private void reframe(int start, boolean quote, boolean apostrophe) {
    byte[] cell = Arrays.copyOfRange(buf, start, len);
    len = start;
    room(2 * cell.length + 3);
    if (quote) {
      buf[len++] = '"';
    }
    if (apostrophe) {
      buf[len++] = '\'';
    }
    for (byte c : cell) {
      buf[len++] = c;
      if (c == '"' && quote) {
        buf[len++] = '"';
      }
    }
    if (quote) {
      buf[len++] = '"';
    }
  }

  /**
   * Makes a JSON string's inside of the UTF-8 bytes from {@code start} to the end, escaped as
   * jackson-core's generator escapes a string (its defaults): {@code "} and {@code \\} after a
   * backslash, the control characters below U+0020 as {@code \\b \\t \\n \\f \\r} or
   * {@code \\u00XX} (upper-case hex), every other byte as it is. The quotes around it are the
   * caller's. Scans eight bytes at a time; almost no text needs an escape.
   */
  void jsonEscape(int start) {
    int end = len;
    byte[] b = buf;
    long special = 0;
    int k = start;
    for (; k + 8 <= end; k += 8) {
      long w = LittleEndian.word(b, k);
      special |= zero(w ^ QUOTES) | zero(w ^ BACKSLASHES) | below(w, 0x20);
    }
    for (; k < end; k++) {
      int c = b[k] & 0xFF;
      special |= c < 0x20 || c == '"' || c == '\\' ? 1 : 0;
    }
    if (special == 0) {
      return;
    }
    byte[] raw = Arrays.copyOfRange(b, start, end);
    len = start;
    for (byte c : raw) {
      int u = c & 0xFF;
      if (u >= 0x20 && u != '"' && u != '\\') {
        write(c);
        continue;
      }
      room(6);
      buf[len++] = '\\';
      switch (u) {
        case '"', '\\' -> buf[len++] = (byte) u;
        case '\b' -> buf[len++] = 'b';
        case '\t' -> buf[len++] = 't';
        case '\n' -> buf[len++] = 'n';
        case '\f' -> buf[len++] = 'f';
        case '\r' -> buf[len++] = 'r';
        default -> {
          buf[len++] = 'u';
          buf[len++] = '0';
          buf[len++] = '0';
          buf[len++] = HEX[u >> 4];
          buf[len++] = HEX[u & 15];
        }
      }
    }
  }

  /** A text as a JSON string, quotes included, escaped as {@link #jsonEscape}. */
  Utf8Buffer jsonString(String s) {
    ascii('"');
    int at = len;
    text(s);
    jsonEscape(at);
    return ascii('"');
  }

  /** A text's bytes as a JSON string, quotes included, to append with {@link #bytes}. */
  static byte[] json(String s) {
    Utf8Buffer b = new Utf8Buffer(s.length() + 8);
    b.jsonString(s);
    return Arrays.copyOf(b.buf, b.len);
  }

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** Not 0 exactly when a byte of {@code x} is below {@code n} (n at most 128). */
  private static long below(long x, int n) {
    return (x - ONES * n) & ~x & 0x8080808080808080L;
  }
  private static final long ONES = 0x0101010101010101L;
  private static final long COMMAS = ONES * ',';
  private static final long QUOTES = ONES * '"';
  private static final long FEEDS = ONES * '\n';
  private static final long RETURNS = ONES * '\r';
  private static final long BACKSLASHES = ONES * '\\';

  /** Not 0 exactly when a byte of {@code x} is 0 (the high bit of the first such byte set). */
  private static long zero(long x) {
    return (x - ONES) & ~x & 0x8080808080808080L;
  }

  /** The bytes that make a field quoted, as bits: comma, quote, line feed, return. */
  private static final long QUOTED = 1L << ',' | 1L << '"' | 1L << '\n' | 1L << '\r';

  /**
   * Whether the bytes start with a character a spreadsheet takes for a formula: {@code = + - @},
   * a tab, a return, a line feed, or the full-width {@code ＝ ＋ － ＠} (U+FF1D, U+FF0B, U+FF0D,
   * U+FF20: EF BC 9D, 8B, 8D, A0 in UTF-8).
   */
  private static boolean formula(byte[] b, int start, int end) {
    int c = b[start];
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n') {
      return true;
    }
    if (c == (byte) 0xEF && end - start >= 3 && b[start + 1] == (byte) 0xBC) {
      int t = b[start + 2] & 0xFF;
      return t == 0x9D || t == 0x8B || t == 0x8D || t == 0xA0;
    }
    return false;
  }

  /** A plain decimal number such as {@code -25} or {@code +1.5}, which no spreadsheet runs. */
  private static boolean isNumber(byte[] s, int start, int end) {
    int i = s[start] == '-' || s[start] == '+' ? start + 1 : start;
    boolean digits = false;
    boolean dot = false;
    for (; i < end; i++) {
      byte c = s[i];
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

  /**
   * A decimal as {@code d.stripTrailingZeros().toPlainString()} writes it, {@code 0} for any
   * zero: written from its unscaled digits when they fit in a long, as results always do.
   */
  Utf8Buffer plain(BigDecimal d) {
    if (d.signum() == 0) {
      return ascii('0');
    }
    int scale = d.scale();
    if (scale >= 0 && scale <= 18 && d.precision() <= 18) {
      // Fewer than 19 digits: the unscaled value is a long, read without a BigInteger.
      return plain(scale == 0 ? d.longValue() : d.movePointRight(scale).longValue(), scale);
    }
    if (scale == 0) {
      BigInteger u = d.unscaledValue();
      return u.bitLength() < 64 ? number(u.longValue()) : text(d.toPlainString());
    }
    BigInteger big = d.unscaledValue();
    if (scale < 0 || scale > 18 || big.compareTo(LONG_MIN) <= 0 || big.compareTo(LONG_MAX) > 0) {
      return text(d.stripTrailingZeros().toPlainString());
    }
    return plain(big.longValue(), scale);
  }

  /** {@link #plain(BigDecimal)} as a string. */
  static String plainString(BigDecimal d) {
    int scale = d.scale();
    if (scale == 0 && d.precision() <= 18) {
      return Long.toString(d.longValue());
    }
    return new Utf8Buffer(24).plain(d).toString();
  }

  /**
   * The decimal {@code unscaled / 10^scale} (scale 0 to 18, unscaled not {@code Long.MIN_VALUE})
   * as {@link #plain(BigDecimal)} writes it.
   */
  Utf8Buffer plain(long unscaled, int scale) {
    if (unscaled == 0) {
      return ascii('0');
    }
    room(41);
    byte[] b = buf;
    int at = len;
    long u = unscaled;
    if (u < 0) {
      b[at++] = '-';
      u = -u;
    }
    while (scale > 0) {
      long q = tenth(u);
      if (10 * q != u) {
        break;
      }
      u = q;
      scale--;
    }
    len = decimal(b, at, u, scale, '.');
    return this;
  }

  /**
   * {@code u / 10^scale} (u positive, no trailing zero in the fraction) at {@code at}, which has
   * room for it: the digits written once and the fraction's moved one place for the point, with
   * no division by a power of ten that is not a constant (a real division in any compiled code).
   */
  private static int decimal(byte[] b, int at, long u, int scale, char point) {
    int d = digitCount(u);
    if (d > scale) {
      int end = digits(b, at, u);
      if (scale > 0) {
        for (int k = end; k > end - scale; k--) {
          b[k] = b[k - 1];
        }
        b[end - scale] = (byte) point;
        end++;
      }
      return end;
    }
    b[at++] = '0';
    b[at++] = (byte) point;
    for (int z = scale - d; z > 0; z--) {
      b[at++] = '0';
    }
    return digits(b, at, u);
  }

  /** {@code v / 10} (v not negative): a multiplication below 2^32, in C1's code too. */
  private static long tenth(long v) {
    return v < 1L << 32 ? v * 0xCCCCCCCDL >>> 35 : v / 10;
  }

  /**
   * Up to eight bytes packed into a long (the first in its lowest byte, as {@link #word} makes
   * them): all eight are stored and {@code n} kept, one store instead of a copy of a short array.
   */
  Utf8Buffer word(long w, int n) {
    room(8);
    byte[] b = buf;
    int at = len;
    // Byte by byte rather than through a VarHandle, which the C1 code of a cold write's first
    // rows calls through several frames.
    b[at] = (byte) w;
    b[at + 1] = (byte) (w >>> 8);
    b[at + 2] = (byte) (w >>> 16);
    b[at + 3] = (byte) (w >>> 24);
    b[at + 4] = (byte) (w >>> 32);
    b[at + 5] = (byte) (w >>> 40);
    b[at + 6] = (byte) (w >>> 48);
    b[at + 7] = (byte) (w >>> 56);
    len = at + n;
    return this;
  }

  /** The bytes (at most eight) packed into a long for {@link #word(long, int)}. */
  static long word(byte[] b) {
    if (b.length > 8) {
      throw new IllegalArgumentException("more than eight bytes: " + b.length);
    }
    long w = 0;
    for (int k = b.length - 1; k >= 0; k--) {
      w = w << 8 | (b[k] & 0xFF);
    }
    return w;
  }

  /**
   * The digits of {@code v} (not negative) written at {@code at}, which has room for them; returns
   * where they end. Written from the last, two at a time (one division by 100 for two digits).
   */
  static int digits(byte[] b, int at, long v) {
    int end = at + digitCount(v);
    int p = end;
    while (v >= 100) {
      // v / 100 as a multiplication below 2^32 (exact for every such v): C2 makes one of the
      // division by a constant itself, but C1, which runs a cold write's first rows, divides.
      long q = v < 1L << 32 ? v * 0x51EB851FL >>> 37 : v / 100;
      int r = (int) (v - 100 * q) << 1;
      b[--p] = PAIRS[r + 1];
      b[--p] = PAIRS[r];
      v = q;
    }
    int r = (int) v << 1;
    if (v >= 10) {
      b[--p] = PAIRS[r + 1];
      b[--p] = PAIRS[r];
    } else {
      b[--p] = PAIRS[r + 1];
    }
    return end;
  }

  /** The {@code width} last digits of {@code v}, leading zeros included; returns their end. */
  private static int fraction(byte[] b, int at, long v, int width) {
    int end = at + width;
    for (int k = 1; k <= width; k++) {
      long q = v / 10;
      b[end - k] = (byte) ('0' + (v - 10 * q));
      v = q;
    }
    return end;
  }

  /** How many decimal digits {@code v} (not negative) has; 1 for 0. */
  static int digitCount(long v) {
    // v | 1 has as many digits as v (a power of ten above 1 is even) and one for 0.
    long x = v | 1;
    int t = (64 - Long.numberOfLeadingZeros(x)) * 1233 >>> 12;
    return t + (x >= TENS[t] ? 1 : 0);
  }

  /** 10^k for k from 0 to 18. */
  private static final long[] TENS = new long[19];

  /** "00" to "99", two bytes each. */
  private static final byte[] PAIRS = new byte[200];

  static {
    TENS[0] = 1;
    for (int k = 1; k < TENS.length; k++) {
      TENS[k] = 10 * TENS[k - 1];
    }
    for (int k = 0; k < 100; k++) {
      PAIRS[2 * k] = (byte) ('0' + k / 10);
      PAIRS[2 * k + 1] = (byte) ('0' + k % 10);
    }
  }
}
