package dev.rankgauge;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
    return Objects.requireNonNull(value, () -> what + " must not be null");
  }

  /**
   * Like {@link #id(String, String)} for a field of the record {@code owner}: the message, such
   * as "buyer id of order O1 must not be blank", is built only when the check fails, because
   * records are checked by the million as an organisation streams in.
   */
  static String id(String value, String what, String owner) {
    if (value == null) {
      throw new NullPointerException(what + owner + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + owner + " must not be blank");
    }
    return value;
  }

  /** Like {@link #notNull(Object, String)} for a field of the record {@code owner}, built lazily. */
  static <T> T notNull(T value, String what, String owner) {
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

  static BigDecimal nonNegative(BigDecimal value, String what) {
    notNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " cannot be negative: " + value.toPlainString());
    }
    return value;
  }

  static int nonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " cannot be negative: " + value);
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
