package dev.rankgauge;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Argument checks shared by the records' compact constructors; messages name the field. */
final class Checks {
  private Checks() {}

  static String id(String value, String what) {
    Objects.requireNonNull(value, () -> what + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  static <T> T notNull(T value, String what) {
    // No lambda for the message: the row methods check every field of millions of rows, and
    // until compiled each check made one.
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    return value;
  }

  /**
   * Like {@link #id(String, String)} for a field of the record {@code owner}: the message, such
   * as "buyer id of order O1 must not be blank", is built only when the check fails, because
   * records are checked by the million as an organisation streams in.
   */
  static String id(String value, String what, CharSequence owner) {
    if (value == null) {
      throw new NullPointerException(what + owner + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + owner + " must not be blank");
    }
    return value;
  }

  /** Like {@link #notNull(Object, String)} for a field of the record {@code owner}, built lazily. */
  static <T> T notNull(T value, String what, CharSequence owner) {
    if (value == null) {
      throw new NullPointerException(what + owner + " must not be null");
    }
    return value;
  }

  /**
   * An unmodifiable copy of a list that is not null and holds no null, such as "requirements of
   * rank GLD must not contain null (position 2)".
   */
  static <T> List<T> list(List<T> values, String what) {
    notNull(values, what);
    // List.copyOf would throw a bare NullPointerException; contains(null) may throw on lists
    // that refuse nulls, so look at each element.
    for (int i = 0, n = values.size(); i < n; i++) {
      if (values.get(i) == null) {
        throw new NullPointerException(what + " must not contain null (position " + (i + 1) + ")");
      }
    }
    return List.copyOf(values);
  }

  /** Like {@link #list(List, String)} for the array of a varargs parameter. */
  static <T> List<T> list(String what, T[] values) {
    notNull(values, what);
    return list(Arrays.asList(values), what);
  }

  /** Plan figures (thresholds, caps, activity minimums) stay below this: 10^15. */
  static final BigDecimal MAX_PLAN_VOLUME = BigDecimal.TEN.pow(15);

  /**
   * A volume a plan names (a threshold, a cap, an activity minimum): not negative, below
   * {@link #MAX_PLAN_VOLUME}, with at most {@link Units#MAX_DECIMALS} decimals once trailing zeros
   * are stripped, such as "personal volume threshold 1E+999999999 is out of range; expected a
   * volume from 0 to below 10^15 with at most 6 decimals". Checked before any arithmetic, so that
   * no figure of absurd size ever reaches a conversion.
   */
  /** A requirement's volume type: present or not, and never blank when present. */
  static Optional<String> volumeType(Optional<String> type) {
    notNull(type, "volumeType");
    type.ifPresent(t -> id(t, "volume type"));
    return type;
  }

  static BigDecimal volume(BigDecimal value, String what) {
    notNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " cannot be negative: " + shown(value));
    }
    if (!fits(value, 15) || Units.withinMaxDecimals(value) == null) {
      throw new IllegalArgumentException(what + " " + shown(value) + " is out of range; expected a"
          + " volume from 0 to below 10^15 with at most " + Units.MAX_DECIMALS + " decimals");
    }
    return value;
  }

  /**
   * Whether the magnitude of {@code v} is below 10^{@code digits}, worked out from its precision
   * and scale alone, so that {@code 1E+999999999} costs nothing.
   */
  static boolean fits(BigDecimal v, int digits) {
    // precision - scale is the count of digits before the point (or less, for a fraction).
    return v.signum() == 0 || (long) v.precision() - v.scale() <= digits;
  }

  /**
   * A number for a message: plain where it is short, else in exponent form and cut, so that a
   * figure such as {@code 1E+999999999} or {@code 1E-999999999} makes a short line, never a
   * gigabyte of zeros.
   */
  static String shown(BigDecimal v) {
    long plainLength = (long) v.precision() + Math.abs((long) v.scale());
    String s = plainLength <= 40 ? v.toPlainString() : v.toString();
    return s.length() <= 60 ? s : s.substring(0, 30) + "..." + s.substring(s.length() - 20)
        + " (" + v.precision() + " digits)";
  }

  static int nonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " cannot be negative: " + value);
    }
    return value;
  }

  static int atMost(int value, int most, String what) {
    if (value > most) {
      throw new IllegalArgumentException(what + " " + value + " is more than supported; at most "
          + most);
    }
    return value;
  }

  static int positive(int value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
    return value;
  }
}
