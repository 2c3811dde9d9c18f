package dev.rankgauge;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * A distributor's two sides in a binary placement tree: the personal volume, in the plan's
 * qualifying volume type, of everyone placed on the left and on the right, whoever sponsored
 * them (customers' orders counting for their distributor as the plan's personal volume says).
 * The distributor's own volume is on neither side.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param left the volume of the left side
 * @param right the volume of the right side
 */
public record SideVolumes(BigDecimal left, BigDecimal right) {
  /**
   * Checks both sides.
   *
   * @param left the volume of the left side
   * @param right the volume of the right side
   */
  public SideVolumes {
    Checks.notNull(left, "left");
    Checks.notNull(right, "right");
  }

  /** {@return the volume of the weak side: the smaller of the two} */
  public BigDecimal weak() {
    return left.min(right);
  }

  /** {@return the volume of the strong side: the larger of the two} */
  public BigDecimal strong() {
    return left.max(right);
  }

  /**
   * Which side is weak.
   *
   * @return {@link Placement#LEFT} or {@link Placement#RIGHT}; empty when both sides are even
   */
  public OptionalInt weakSide() {
    int c = left.compareTo(right);
    return c == 0 ? OptionalInt.empty() : OptionalInt.of(c < 0 ? Placement.LEFT : Placement.RIGHT);
  }
}
