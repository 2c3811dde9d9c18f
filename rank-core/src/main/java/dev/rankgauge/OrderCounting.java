package dev.rankgauge;

/**
 * The rule of what an order counts, in one place for the evaluation's pass over every order
 * ({@link Computation}) and for the volumes of other types read on demand
 * ({@link ResultAssembler#personalVolumeOfType}):
 *
 * <ul>
 *   <li>only paid and returned orders count; a cancelled order counts nothing, anywhere;
 *   <li>only orders placed before the as-of instant count;
 *   <li>an order adds to the period's volumes when placed in the period (from its start, up to its
 *       end or the as-of instant, whichever is earlier); a return subtracts the magnitude of its
 *       volume, whatever the sign it was given with;
 *   <li>only a paid order makes a buyer's last order (for activity windows) and their "order in
 *       the period".
 * </ul>
 *
 * <p>Times are nanoseconds since the epoch; statuses are {@link OrderStatus} ordinals, as the
 * {@link Organisation} keeps them. Static and branch-only, so that the hot loop stays free of
 * allocation and virtual calls.
 */
final class OrderCounting {
  private static final byte PAID = (byte) OrderStatus.PAID.ordinal();
  private static final byte RETURNED = (byte) OrderStatus.RETURNED.ordinal();

  private OrderCounting() {}

  /** Whether an order counts at all: paid or returned, and placed before the as-of instant. */
  static boolean counts(byte status, long time, long asOf) {
    return time < asOf && (status == PAID || status == RETURNED);
  }

  /**
   * Whether a counted order falls in the period.
   *
   * @param periodStart the period's first instant
   * @param periodSeenEnd the period's end, or the as-of instant if earlier
   */
  static boolean inPeriod(long time, long periodStart, long periodSeenEnd) {
    return time >= periodStart && time < periodSeenEnd;
  }

  /** The volume a counted order adds to its period: negative for a return, whatever its sign. */
  static long volume(byte status, long volume) {
    return status == RETURNED ? -Math.abs(volume) : volume;
  }

  /** Whether a counted order is paid: only a paid order is a buyer's last or period order. */
  static boolean paid(byte status) {
    return status == PAID;
  }
}
