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
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < to; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        if (++digits > MAX_DIGITS) {
          return null;
        }
        unscaled = unscaled * 10 + (c - '0');
        if (point) {
          scale++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return null;
      }
    }
    if (digits == 0) {
      return null;
    }
    if (exact && scale > 0) {
      if (unscaled == 0) {
        return BigDecimal.ZERO;
      }
      while (unscaled % 10 == 0) {
        unscaled /= 10;
        scale--;
      }
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
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
}
