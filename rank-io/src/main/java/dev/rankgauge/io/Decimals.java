package dev.rankgauge.io;

import java.math.BigDecimal;

/**
 * Plain decimals read straight from a file's bytes: an optional sign, digits, at most one point
 * and at least one digit ({@code 49.95}, {@code -3}, {@code .5}, {@code 7.}), the syntax the CSV
 * reader accepts. Reading the bytes saves the {@link String} and {@code new BigDecimal(String)}
 * of each of the millions of volumes and amounts in an orders file; the result is the same
 * {@link BigDecimal}, scale included.
 */
final class Decimals {
  /** Digits a long always holds. */
  private static final int MAX_DIGITS = 18;

  private Decimals() {}

  /**
   * The decimal in {@code b[from, to)}, or null if the bytes are not a plain decimal of at most
   * {@value #MAX_DIGITS} digits (then the caller reads the text, and reports it if it is none):
   * equal to {@code new BigDecimal(text)}, scale included, whenever it is not null.
   */
  static BigDecimal plain(byte[] b, int from, int to) {
    return read(b, from, to, false);
  }

  private static BigDecimal read(byte[] b, int from, int to, boolean exact) {
    Units u = new Units();
    if (!u.read(b, from, to, false)) {
      return null;
    }
    long unscaled = u.unscaled;
    int scale = u.scale;
    // As stripTrailingZeros: past a scale of 0 (100.0 is 1E+2), where Units stops at 0.
    if (exact && scale > 0) {
      if (unscaled == 0) {
        return BigDecimal.ZERO;
      }
      while (unscaled % 10 == 0) {
        unscaled /= 10;
        scale--;
      }
    }
    return BigDecimal.valueOf(unscaled, scale);
  }

  /**
   * Like {@link #plain}, without the trailing zeros of a number with a point, as
   * {@code CsvOrganisation.exact} makes them: {@code new BigDecimal(text)}, and then
   * {@link BigDecimal#stripTrailingZeros()} if its scale is above 0 ({@code 100.0} is
   * {@code 1E+2}), scale included; without a {@code BigDecimal} in between.
   */
  static BigDecimal exact(byte[] b, int from, int to) {
    return read(b, from, to, true);
  }

  /**
   * A plain decimal read from bytes as an unscaled {@code long} and a scale, with no
   * {@link BigDecimal}: the volumes and amounts of an orders file as the organisation keeps them.
   * Reused from value to value; not thread-safe.
   */
  static final class Units {
    /** The value last read is {@code unscaled} × 10<sup>-{@code scale}</sup>. */
    long unscaled;
    int scale;

    /**
     * Reads {@code b[from, to)} as {@link #plain} does, or, with {@code strip}, without its
     * trailing zeros after the point down to a scale of 0 ({@code 100.00} is 100, scale 0; the
     * organisation keeps what {@link #exact}'s {@code 1E+2} becomes, 100 at scale 0).
     *
     * @return false, the fields unchanged, if the bytes are not a plain decimal of at most
     *     {@value #MAX_DIGITS} digits: {@link #plain} is then null
     */
    boolean read(byte[] b, int from, int to, boolean strip) {
      int n = to - from;
      if (n > 0 && n <= 8 && from + 8 <= b.length) {
        // Up to eight bytes as one long (the first lowest): unsigned decimals of up to eight
        // characters, the shape of an orders file's volumes and amounts, read without a loop
        // over their bytes; anything else (a sign, a byte that is no digit) by the loop below.
        long v = (LittleEndian.word(b, from) ^ LittleEndian.ZEROS) & (-1L >>> ((8 - n) << 3));
        // digits are now 0 to 9; the point is 0x1E
        long notDigit = (((v & LOWS) + SEVENTY_SIXES) | v) & HIGHS & (-1L >>> ((8 - n) << 3));
        long p = v ^ POINTS;
        long point = ~(((p & LOWS) + LOWS) | p) & HIGHS & (-1L >>> ((8 - n) << 3));
        if (notDigit == point && (point & (point - 1)) == 0 && n > (point == 0 ? 0 : 1)) {
          int s = 0;
          int k = n;
          if (point != 0) {
            int at = Long.numberOfTrailingZeros(point) >>> 3;
            long below = (1L << (at << 3)) - 1;
            v = (v & below) | ((v >>> 8) & ~below);
            k = n - 1;
            s = k - at;
          }
          // The k digits, first lowest, moved to the top with zeros below them, read as eight.
          v <<= (8 - k) << 3;
          v = v * 10 + (v >>> 8);
          long u = (((v & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32)))
              + (((v >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32)))) >>> 32;
          if (strip) {
            while (s > 0 && u % 10 == 0) {
              u /= 10;
              s--;
            }
          }
          unscaled = u;
          scale = s;
          return true;
        }
      }
      return loop(b, from, to, strip);
    }
    private static final long LOWS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    /** 0x80 - 10 in each byte: a byte of 0 to 9 stays below 0x80 when it is added. */
    private static final long SEVENTY_SIXES = 0x7676_7676_7676_7676L;
    /** A point, {@code .} xor {@code 0}, in each byte. */
    private static final long POINTS = 0x1E1E_1E1E_1E1E_1E1EL;

    /** {@link #read} a byte at a time: any length, signs. */
    private boolean loop(byte[] b, int from, int to, boolean strip) {
      int i = from;
      boolean negative = false;
      if (i < to && (b[i] == '-' || b[i] == '+')) {
        negative = b[i] == '-';
        i++;
      }
      long u = 0;
      int digits = 0;
      int s = 0;
      boolean point = false;
      for (; i < to; i++) {
        int c = b[i] - '0';
        if (c >= 0 && c <= 9) {
          if (++digits > MAX_DIGITS) {
            return false;
          }
          u = u * 10 + c;
          if (point) {
            s++;
          }
        } else if (c == '.' - '0' && !point) {
          point = true;
        } else {
          return false;
        }
      }
      if (digits == 0) {
        return false;
      }
      if (strip) {
        while (s > 0 && u % 10 == 0) {
          u /= 10;
          s--;
        }
      }
      unscaled = negative ? -u : u;
      scale = s;
      return true;
    }
  }
}
