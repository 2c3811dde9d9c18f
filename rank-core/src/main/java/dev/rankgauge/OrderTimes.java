package dev.rankgauge;

import java.util.function.IntConsumer;

/**
 * The orders of an organisation by the hour of their time, for a live evaluation's time passing:
 * which orders reach the as-of instant, or leave an "order within the last N days" window, as the
 * as-of instant moves forward. A counting sort into hour buckets, O(orders), built once per
 * organisation when time first passes; immutable, shared by a live state's copies. Orders the
 * live evaluation adds are in {@link LiveOrders}' own buckets.
 */
final class OrderTimes {
  /** An hour in nanoseconds: the width of a bucket, unless the orders span over a century. */
  static final long HOUR = 3_600_000_000_000L;
  /** At most this many buckets (about 120 years of hours). */
  private static final int MAX_BUCKETS = 1 << 20;

  private final long[] time;
  private final long first;
  private final long last;
  private final long width;
  /** Bucket b's orders are order[start[b]] up to order[start[b + 1]]. */
  private final int[] start;
  private final int[] order;

  private OrderTimes(long[] time, long first, long last, long width, int[] start, int[] order) {
    this.time = time;
    this.first = first;
    this.last = last;
    this.width = width;
    this.start = start;
    this.order = order;
  }

  /** The organisation's orders by hour. O(orders). */
  static OrderTimes of(Organisation org) {
    int n = org.orderCount();
    long[] time = org.orderTime;
    if (n == 0) {
      return new OrderTimes(time, 0, -1, HOUR, new int[] {0, 0}, new int[0]);
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int k = 0; k < n; k++) {
      first = Math.min(first, time[k]);
      last = Math.max(last, time[k]);
    }
    long span = last - first;
    if (span < 0) {
      span = Long.MAX_VALUE; // wider than a long: the buckets get as wide as they must
    }
    long width = Math.max(HOUR, span / MAX_BUCKETS + 1);
    int buckets = (int) Long.divideUnsigned(last - first, width) + 1;
    int[] start = new int[buckets + 1];
    for (int k = 0; k < n; k++) {
      start[(int) Long.divideUnsigned(time[k] - first, width) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      start[b + 1] += start[b];
    }
    int[] next = java.util.Arrays.copyOf(start, buckets);
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[next[(int) Long.divideUnsigned(time[k] - first, width)]++] = k;
    }
    return new OrderTimes(time, first, last, width, start, order);
  }

  /**
   * Calls {@code f} with each order whose time is at or after {@code from} and before
   * {@code to}. Costs those orders and the rest of the one or two buckets at the ends.
   */
  void each(long from, long to, IntConsumer f) {
    long a = Math.max(from, first);
    long b = Math.min(to - 1, last); // to > from >= Long.MIN_VALUE: no underflow
    if (to <= from || a > b) {
      return;
    }
    int ba = (int) Long.divideUnsigned(a - first, width);
    int bb = (int) Long.divideUnsigned(b - first, width);
    for (int i = start[ba], end = start[bb + 1]; i < end; i++) {
      int k = order[i];
      long t = time[k];
      if (t >= from && t < to) {
        f.accept(k);
      }
    }
  }
}
