package dev.rankgauge.bench;

import dev.rankgauge.BuyerType;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic company of {@code n} distributors, the same for the same seed. It is held as
 * primitive columns (what the bare loop reads) and turned into an {@link Organisation} through the
 * public builder (what {@code RankGauge.evaluate} reads), so both see exactly the same data.
 *
 * <p>The shape, tuned to look like a real enrolment tree:
 * <ul>
 *   <li>one root (the company account); everyone else joins under an earlier distributor, so input
 *       order is join order, as a host's export would be;</li>
 *   <li>{@value #PREFERENTIAL_PERCENT}% join under the sponsor of a random earlier distributor,
 *       which favours people who already sponsor many (preferential attachment): most sponsor
 *       nobody and a few sponsor hundreds or thousands;</li>
 *   <li>{@value #DEEP_LINE_PERCENT}% extend one of {@value #DEEP_LINES} long single lines, so some
 *       lines run thousands of levels deep at a million distributors;</li>
 *   <li>the rest join under a uniformly random earlier distributor;</li>
 *   <li>about three orders of their own per distributor (a quarter order nothing this month, some
 *       only last month); 30% of distributors have one to five personal customers, who place
 *       about one more order per distributor; 94% of orders paid, 3% returned, 3% cancelled;
 *       orders come in time order, as an export would, so consecutive orders have unrelated
 *       buyers.</li>
 * </ul>
 * At a million distributors: 68.5% sponsor nobody, 288 sponsor 100 or more (the most 2,975), the
 * deepest line is 2,553 levels deep, 0.9 million customers, 4.0 million orders.
 * Every figure is in November 2026 ({@link #PERIOD}) or October 2026, in {@link #ZONE}.
 */
public final class SyntheticOrganisation {
  /** The plan's time zone, as in the seed example. */
  public static final ZoneId ZONE = ZoneId.of("America/Denver");
  /** The period evaluated. */
  public static final Period PERIOD = Period.month(2026, 11);
  /** The seed every benchmark uses. */
  public static final long SEED = 20131127L;
  /**
   * Decimals of the PV column. Whole points for now: rank-core 0.1.0-SNAPSHOT converts plan
   * thresholds to units with {@code BigDecimal.longValueExact()} instead of the unscaled value, so
   * with two-decimal volumes a 100 PV threshold becomes 1.00 PV (see docs/benchmarks.md). Once that
   * is fixed, two decimals cost the same and are closer to real data.
   */
  public static final int SCALE = 0;

  static final int PREFERENTIAL_PERCENT = 55;
  static final int DEEP_LINE_PERCENT = 2;
  static final int DEEP_LINES = 8;

  /** Per-order PV in units of 10^-{@link #SCALE}: typical pack and kit sizes. */
  private static final long[] PV_CHOICES = {25, 35, 50, 50, 75, 100, 100, 120, 150, 200, 250};

  private static final long NANOS = 1_000_000_000L;
  private static final long MILLI = 1_000_000L;
  /** Bits of an order's sort key that hold its draft index. */
  private static final int DRAFT_BITS = 27;

  // distributors
  /** How many distributors. */
  public final int distributorCount;
  /** The number in each distributor's id ({@code "D" + number}); the index itself unless reordered. */
  public final int[] distributorNumber;
  /** Sponsor index, -1 for the root. */
  public final int[] parent;
  /** Breadth-first from the root, every sponsor before those they sponsored (as rank-core orders it). */
  public final int[] topDown;
  // customers
  /** How many customers. */
  public final int customerCount;
  /** The distributor each customer belongs to. */
  public final int[] customerOwner;
  /** The number in each customer's id. */
  public final int[] customerNumber;
  // orders, in time order unless reordered
  /** How many orders. */
  public final int orderCount;
  /** The number in each order's id. */
  public final int[] orderNumber;
  /** Buyer index: a distributor or a customer, see {@link #orderByCustomer}. */
  public final int[] orderBuyer;
  /** Whether the buyer is a customer. */
  public final boolean[] orderByCustomer;
  /** Nanoseconds since the epoch. */
  public final long[] orderTime;
  /** {@link OrderStatus} ordinal. */
  public final byte[] orderStatus;
  /** PV in units of 10^-{@link #SCALE}, never negative (a return's volume is subtracted). */
  public final long[] orderPv;
  // the period
  /** First instant of the period, nanoseconds since the epoch. */
  public final long periodStart;
  /** First instant after the period, nanoseconds since the epoch; also the as-of instant. */
  public final long periodEnd;

  private SyntheticOrganisation(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one distributor, not " + n);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    distributorCount = n;
    distributorNumber = identity(n);
    parent = sponsors(n, rnd);
    topDown = breadthFirst(parent);

    // customers: 70% of distributors have none, the others one to five
    int[] owners = new int[n];
    int c = 0;
    for (int d = 0; d < n; d++) {
      if (rnd.nextInt(100) >= 70) {
        int k = 1 + rnd.nextInt(5);
        for (int j = 0; j < k; j++) {
          if (c == owners.length) {
            owners = Arrays.copyOf(owners, owners.length * 2);
          }
          owners[c++] = d;
        }
      }
    }
    customerCount = c;
    customerOwner = Arrays.copyOf(owners, c);
    customerNumber = identity(c);

    periodStart = nanos(PERIOD.startInstant(ZONE));
    periodEnd = nanos(PERIOD.endInstant(ZONE));
    long lastMonthStart = nanos(PERIOD.start().minusMonths(1).atStartOfDay(ZONE).toInstant());
    long monthMillis = (periodEnd - periodStart) / MILLI;
    long lastMonthMillis = (periodStart - lastMonthStart) / MILLI;

    // orders: (millisecond offset from last month's start) << DRAFT_BITS | draft index; sorted,
    // they are in time order. Two months of milliseconds take 33 bits, which leaves 30 for the
    // index; 27 allow 134 million orders, enough for 10 million distributors and more.
    int capacity = n * 4 + c * 2 + 16;
    long[] key = new long[capacity];
    int[] buyer = new int[capacity];
    boolean[] byCustomer = new boolean[capacity];
    int m = 0;
    for (int d = 0; d < n; d++) {
      int roll = rnd.nextInt(100);
      int inPeriod = roll < 25 ? 0 : 1 + rnd.nextInt(6);
      int before = roll < 15 || rnd.nextInt(100) < 10 ? 1 : 0;
      for (int j = 0; j < inPeriod + before; j++) {
        long milli = j < inPeriod ? lastMonthMillis + rnd.nextLong(monthMillis)
            : rnd.nextLong(lastMonthMillis);
        if (m == capacity) {
          capacity *= 2;
          key = Arrays.copyOf(key, capacity);
          buyer = Arrays.copyOf(buyer, capacity);
          byCustomer = Arrays.copyOf(byCustomer, capacity);
        }
        key[m] = milli << DRAFT_BITS | m;
        buyer[m] = d;
        m++;
      }
    }
    for (int k = 0; k < c; k++) {
      int roll = rnd.nextInt(100);
      int count = roll < 35 ? 0 : roll < 80 ? 1 : 2;
      int before = rnd.nextInt(100) < 40 ? 1 : 0;
      for (int j = 0; j < count + before; j++) {
        long milli = j < count ? lastMonthMillis + rnd.nextLong(monthMillis)
            : rnd.nextLong(lastMonthMillis);
        if (m == capacity) {
          capacity *= 2;
          key = Arrays.copyOf(key, capacity);
          buyer = Arrays.copyOf(buyer, capacity);
          byCustomer = Arrays.copyOf(byCustomer, capacity);
        }
        key[m] = milli << DRAFT_BITS | m;
        buyer[m] = k;
        byCustomer[m] = true;
        m++;
      }
    }
    if (m >= 1 << DRAFT_BITS) {
      throw new IllegalArgumentException("too many orders for the sort key: " + m);
    }
    Arrays.sort(key, 0, m);
    orderCount = m;
    orderNumber = identity(m);
    orderBuyer = new int[m];
    orderByCustomer = new boolean[m];
    orderTime = new long[m];
    orderStatus = new byte[m];
    orderPv = new long[m];
    byte paid = (byte) OrderStatus.PAID.ordinal();
    byte returned = (byte) OrderStatus.RETURNED.ordinal();
    byte cancelled = (byte) OrderStatus.CANCELLED.ordinal();
    for (int o = 0; o < m; o++) {
      int draft = (int) (key[o] & ((1 << DRAFT_BITS) - 1));
      orderBuyer[o] = buyer[draft];
      orderByCustomer[o] = byCustomer[draft];
      orderTime[o] = lastMonthStart + (key[o] >>> DRAFT_BITS) * MILLI;
      int s = rnd.nextInt(100);
      orderStatus[o] = s < 94 ? paid : s < 97 ? returned : cancelled;
      orderPv[o] = PV_CHOICES[rnd.nextInt(PV_CHOICES.length)];
    }
  }

  /** Generates {@code n} distributors from {@code seed}. */
  public static SyntheticOrganisation generate(int n, long seed) {
    return new SyntheticOrganisation(n, seed);
  }

  private static int[] sponsors(int n, SplittableRandom rnd) {
    int[] parent = new int[n];
    parent[0] = -1;
    int[] tails = new int[DEEP_LINES];
    Arrays.fill(tails, -1);
    for (int i = 1; i < n; i++) {
      int roll = rnd.nextInt(100);
      int p;
      if (roll < DEEP_LINE_PERCENT) {
        int line = rnd.nextInt(DEEP_LINES);
        p = tails[line] < 0 ? rnd.nextInt(i) : tails[line];
        tails[line] = i;
      } else if (roll < DEEP_LINE_PERCENT + PREFERENTIAL_PERCENT && i > 1) {
        p = parent[1 + rnd.nextInt(i - 1)];
      } else {
        p = rnd.nextInt(i);
      }
      parent[i] = p;
    }
    return parent;
  }

  /** Roots in index order, then each level's children in index order: rank-core's own order. */
  private static int[] breadthFirst(int[] parent) {
    int n = parent.length;
    int[] start = new int[n + 1];
    for (int p : parent) {
      if (p >= 0) {
        start[p + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] kids = new int[start[n]];
    int[] next = Arrays.copyOf(start, n);
    for (int i = 0; i < n; i++) {
      if (parent[i] >= 0) {
        kids[next[parent[i]]++] = i;
      }
    }
    int[] order = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (parent[i] < 0) {
        order[size++] = i;
      }
    }
    for (int head = 0; head < size; head++) {
      int v = order[head];
      for (int k = start[v]; k < start[v + 1]; k++) {
        order[size++] = kids[k];
      }
    }
    return order;
  }

  /** Distributor id of index {@code d}. */
  public static String distributorId(int d) {
    return "D" + d;
  }

  /** Customer id of index {@code c}. */
  public static String customerId(int c) {
    return "C" + c;
  }

  /**
   * The same organisation with every index following the tree: distributors breadth-first from
   * the root, customers grouped by their distributor in that order, orders grouped by buyer
   * (distributors' orders first, then customers'), each group in time order. Ids stay the same.
   * Fed to the builder in this order, every dense index rank-core assigns follows the tree too, and
   * every pass over distributors or orders walks memory in order: an experiment on memory locality,
   * not what a host's export looks like.
   */
  public SyntheticOrganisation treeOrdered() {
    return new SyntheticOrganisation(this);
  }

  private SyntheticOrganisation(SyntheticOrganisation g) {
    int n = g.distributorCount;
    int[] newD = new int[n];
    for (int k = 0; k < n; k++) {
      newD[g.topDown[k]] = k;
    }
    distributorCount = n;
    distributorNumber = new int[n];
    parent = new int[n];
    for (int d = 0; d < n; d++) {
      distributorNumber[newD[d]] = g.distributorNumber[d];
      parent[newD[d]] = g.parent[d] < 0 ? -1 : newD[g.parent[d]];
    }
    topDown = breadthFirst(parent);

    int[] customerRows = groupedBy(g.customerOwner, newD, n);
    int[] newC = new int[g.customerCount];
    customerCount = g.customerCount;
    customerOwner = new int[customerCount];
    customerNumber = new int[customerCount];
    for (int k = 0; k < customerCount; k++) {
      int c = customerRows[k];
      newC[c] = k;
      customerOwner[k] = newD[g.customerOwner[c]];
      customerNumber[k] = g.customerNumber[c];
    }

    int m = g.orderCount;
    int[] byDistributor = new int[m];
    int[] byCustomer = new int[m];
    for (int o = 0; o < m; o++) {
      byDistributor[o] = g.orderByCustomer[o] ? -1 : newD[g.orderBuyer[o]];
      byCustomer[o] = g.orderByCustomer[o] ? newC[g.orderBuyer[o]] : -1;
    }
    int[] first = groupedBy(byDistributor, null, n);
    int[] second = groupedBy(byCustomer, null, g.customerCount);
    int[] rows = Arrays.copyOf(first, m);
    System.arraycopy(second, 0, rows, first.length, second.length);
    orderCount = m;
    orderNumber = new int[m];
    orderBuyer = new int[m];
    orderByCustomer = new boolean[m];
    orderTime = new long[m];
    orderStatus = new byte[m];
    orderPv = new long[m];
    for (int k = 0; k < m; k++) {
      int o = rows[k];
      orderNumber[k] = g.orderNumber[o];
      orderByCustomer[k] = g.orderByCustomer[o];
      orderBuyer[k] = orderByCustomer[k] ? byCustomer[o] : byDistributor[o];
      orderTime[k] = g.orderTime[o];
      orderStatus[k] = g.orderStatus[o];
      orderPv[k] = g.orderPv[o];
    }
    periodStart = g.periodStart;
    periodEnd = g.periodEnd;
  }

  /**
   * The items that have one of {@code owners} owners ({@code owner[i] >= 0}), grouped by owner,
   * owners in the order of their new index ({@code newIndex[owner]}, or the owner itself if null),
   * items in index order within an owner.
   */
  private static int[] groupedBy(int[] owner, int[] newIndex, int owners) {
    int[] start = new int[owners + 1];
    for (int o : owner) {
      if (o >= 0) {
        start[(newIndex == null ? o : newIndex[o]) + 1]++;
      }
    }
    for (int k = 0; k < owners; k++) {
      start[k + 1] += start[k];
    }
    int[] items = new int[start[owners]];
    for (int i = 0; i < owner.length; i++) {
      if (owner[i] >= 0) {
        items[start[newIndex == null ? owner[i] : newIndex[owner[i]]]++] = i;
      }
    }
    return items;
  }

  /** Builds the organisation through the public builder, rows in index order. */
  public Organisation organisation() {
    return organisation(false);
  }

  /**
   * A binary placement tree as a host's spillover would make it: each sponsor's distributors go
   * alternately to the bottom of the sponsor's outer left and outer right leg (the first two
   * straight under the sponsor when those places are free). Everyone is placed below their
   * sponsor. Each walk down an outer leg starts where the sponsor's last one ended, as a leg only
   * grows at its bottom.
   *
   * @return the placement parent's index of each distributor (-1 for the root) and the side
   *     (1 left, 2 right), as {@code {parent, side}}
   */
  public int[][] binaryPlacements() {
    int n = distributorCount;
    int[] up = new int[n];
    int[] side = new int[n];
    int[][] child = {new int[n], new int[n]};
    int[][] bottom = {new int[n], new int[n]};
    int[] placed = new int[n];
    Arrays.fill(up, -1);
    Arrays.fill(child[0], -1);
    Arrays.fill(child[1], -1);
    for (int d = 0; d < n; d++) {
      bottom[0][d] = d;
      bottom[1][d] = d;
    }
    for (int d : topDown) {
      int s = parent[d];
      if (s < 0) {
        continue;
      }
      int k = placed[s]++ % 2;
      int at = bottom[k][s];
      while (child[k][at] >= 0) {
        at = child[k][at];
      }
      bottom[k][s] = at;
      child[k][at] = d;
      up[d] = at;
      side[d] = k + 1;
    }
    return new int[][] {up, side};
  }

  /**
   * Builds the organisation through the public builder, rows in index order, with the binary
   * placements of {@link #binaryPlacements()} if asked.
   *
   * @param placed whether to add the binary placements
   * @return the organisation
   */
  public Organisation organisation(boolean placed) {
    Organisation.Builder b = Organisation.builder();
    if (placed) {
      int[][] p = binaryPlacements();
      for (int d = 0; d < distributorCount; d++) {
        if (p[0][d] >= 0) {
          b.place(distributorId(distributorNumber[d]), distributorId(distributorNumber[p[0][d]]),
              p[1][d]);
        }
      }
    }
    LocalDate[] joined = new LocalDate[60];
    for (int k = 0; k < joined.length; k++) {
      joined[k] = LocalDate.of(2021, 12, 1).plusMonths(k);
    }
    for (int d = 0; d < distributorCount; d++) {
      int number = distributorNumber[d];
      // join dates rise with the number, the generated join order
      LocalDate date = joined[(int) ((long) number * joined.length / distributorCount)];
      Distributor di = Distributor.of(distributorId(number), parent[d] < 0 ? null
          : distributorId(distributorNumber[parent[d]]), date, "Distributor " + number,
          "d" + number + "@example.com");
      b.add(number % 3 == 0 ? di.withPhone("+1 801 555 " + (number % 10_000)) : di);
    }
    for (int c = 0; c < customerCount; c++) {
      int number = customerNumber[c];
      b.add(Customer.of(customerId(number), distributorId(distributorNumber[customerOwner[c]]),
          "Customer " + number, "c" + number + "@example.com"));
    }
    // a handful of distinct volumes and amounts, shared as real rows would not be, to keep the
    // heap of a million-distributor organisation small
    Map<Long, BigDecimal> pv = new java.util.HashMap<>();
    Map<Long, BigDecimal> amount = new java.util.HashMap<>();
    OrderStatus[] statuses = OrderStatus.values();
    for (int o = 0; o < orderCount; o++) {
      long units = orderPv[o];
      BigDecimal volume = pv.computeIfAbsent(units, u -> BigDecimal.valueOf(u, SCALE));
      BigDecimal money = amount.computeIfAbsent(units, u -> BigDecimal.valueOf(u * 125, SCALE + 2)
          .setScale(2, java.math.RoundingMode.HALF_EVEN));
      BuyerType type = orderByCustomer[o] ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR;
      String buyerId = orderByCustomer[o] ? customerId(customerNumber[orderBuyer[o]])
          : distributorId(distributorNumber[orderBuyer[o]]);
      b.add(new Order("O" + orderNumber[o], type, buyerId, instant(orderTime[o]),
          statuses[orderStatus[o]], Map.of("PV", volume), money));
    }
    return b.build();
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** A few facts about the shape, for the documentation and the tests. */
  public Shape shape() {
    int n = distributorCount;
    int[] children = new int[n];
    for (int p : parent) {
      if (p >= 0) {
        children[p]++;
      }
    }
    int[] depth = new int[n];
    int maxDepth = 0;
    for (int v : topDown) {
      depth[v] = parent[v] < 0 ? 0 : depth[parent[v]] + 1;
      maxDepth = Math.max(maxDepth, depth[v]);
    }
    int leaves = 0;
    int over100 = 0;
    int maxChildren = 0;
    for (int k : children) {
      leaves += k == 0 ? 1 : 0;
      over100 += k >= 100 ? 1 : 0;
      maxChildren = Math.max(maxChildren, k);
    }
    return new Shape(n, customerCount, orderCount, leaves, over100, maxChildren, maxDepth);
  }

  /**
   * @param distributors how many distributors
   * @param customers how many customers
   * @param orders how many orders
   * @param sponsorNobody distributors who sponsor nobody
   * @param sponsorHundredOrMore distributors who sponsor 100 or more
   * @param mostSponsored the most distributors one sponsors
   * @param maxDepth the deepest level below the root
   */
  public record Shape(int distributors, int customers, int orders, int sponsorNobody,
      int sponsorHundredOrMore, int mostSponsored, int maxDepth) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%,d distributors (%.1f%% sponsor nobody, %d"
          + " sponsor 100 or more, the most %,d), deepest level %,d; %,d customers; %,d orders"
          + " (%.2f per distributor)", distributors, 100.0 * sponsorNobody / distributors,
          sponsorHundredOrMore, mostSponsored, maxDepth, customers, orders,
          (double) orders / distributors);
    }
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * NANOS + t.getNano();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }
}
