package dev.rankgauge.bench;

import dev.rankgauge.OrderStatus;

/**
 * The floor: the four gauges' sums for every distributor written as plainly as Java allows, on
 * the generator's primitive columns, for the seed plan's definitions (personal volume includes
 * customers' orders; a customer is active with a paid order in the period; a distributor with
 * {@link #minimumActiveUnits} of personal volume). One pass over the orders, one over the
 * customers, one over the distributors, one reverse breadth-first pass for group volume. No
 * overflow checks, no ranks, no last-order dates: whatever rank-core costs beyond this is the price
 * of its abstractions and extras.
 */
public final class BareLoop {
  private BareLoop() {}

  /** The figures of one run. */
  public static final class Sums {
    /** Personal volume, units of 10^-{@link SyntheticOrganisation#SCALE}. */
    public final long[] personalVolume;
    /** Group volume, units of 10^-{@link SyntheticOrganisation#SCALE}. */
    public final long[] groupVolume;
    /** Active personal customers. */
    public final int[] activeCustomers;
    /** Active personally sponsored distributors. */
    public final int[] activeDistributors;
    /** Whether each distributor is active. */
    public final boolean[] active;

    Sums(long[] personalVolume, long[] groupVolume, int[] activeCustomers,
        int[] activeDistributors, boolean[] active) {
      this.personalVolume = personalVolume;
      this.groupVolume = groupVolume;
      this.activeCustomers = activeCustomers;
      this.activeDistributors = activeDistributors;
      this.active = active;
    }
  }

  /**
   * Runs the sums; the output arrays are allocated on each call, as an evaluation allocates its own.
   *
   * @param minimumActiveUnits personal volume, in units of 10^-{@link SyntheticOrganisation#SCALE},
   *     that makes a distributor active
   */
  public static Sums run(SyntheticOrganisation g, long minimumActiveUnits) {
    int n = g.distributorCount;
    int c = g.customerCount;
    long[] customerVolume = new long[c];
    boolean[] customerOrdered = new boolean[c];
    long[] pv = new long[n];
    final byte paid = (byte) OrderStatus.PAID.ordinal();
    final byte returned = (byte) OrderStatus.RETURNED.ordinal();
    long start = g.periodStart;
    long end = g.periodEnd;
    int[] buyer = g.orderBuyer;
    boolean[] byCustomer = g.orderByCustomer;
    long[] time = g.orderTime;
    byte[] status = g.orderStatus;
    long[] volume = g.orderPv;
    for (int o = 0, m = time.length; o < m; o++) {
      long t = time[o];
      byte st = status[o];
      if (t < start || t >= end || (st != paid && st != returned)) {
        continue;
      }
      long v = st == returned ? -volume[o] : volume[o];
      int b = buyer[o];
      if (byCustomer[o]) {
        customerVolume[b] += v;
        customerOrdered[b] |= st == paid;
      } else {
        pv[b] += v;
      }
    }
    int[] activeCustomers = new int[n];
    int[] owner = g.customerOwner;
    for (int k = 0; k < c; k++) {
      pv[owner[k]] += customerVolume[k];
      if (customerOrdered[k]) {
        activeCustomers[owner[k]]++;
      }
    }
    int[] parent = g.parent;
    boolean[] active = new boolean[n];
    int[] activeDistributors = new int[n];
    for (int d = 0; d < n; d++) {
      boolean a = pv[d] >= minimumActiveUnits;
      active[d] = a;
      if (a && parent[d] >= 0) {
        activeDistributors[parent[d]]++;
      }
    }
    long[] gv = pv.clone();
    int[] topDown = g.topDown;
    for (int i = topDown.length - 1; i >= 0; i--) {
      int v = topDown[i];
      int p = parent[v];
      if (p >= 0) {
        gv[p] += gv[v];
      }
    }
    return new Sums(pv, gv, activeCustomers, activeDistributors, active);
  }
}
