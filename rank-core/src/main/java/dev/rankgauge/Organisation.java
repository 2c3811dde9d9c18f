package dev.rankgauge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinTask;

/**
 * A company's distributors, customers and orders, checked and indexed for evaluation. Build one
 * with {@link #builder()}, adding records one by one as they stream out of the host's storage;
 * {@link Builder#build()} reports every problem at once.
 *
 * <p>Orders are kept in a compact columnar form; {@link #orders()} rebuilds the records on
 * demand. This class is immutable and thread-safe.
 */
public final class Organisation {
  /**
   * The most decimals a volume may have, in orders and in plan files; volumes are held as longs
   * of units with this many decimals at most, more would risk overflow.
   */
  public static final int MAX_DECIMALS = Units.MAX_DECIMALS;
  /** Volumes of one order stay below this, so that sums of millions of them fit in a long. */
  static final BigDecimal MAX_VOLUME = BigDecimal.TEN.pow(11);
  /** Digits before the point of a volume below {@link #MAX_VOLUME}. */
  private static final int MAX_VOLUME_DIGITS = 11;
  /** Amounts of one order stay below this, in the plan's currency. */
  static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);
  private static final int MAX_AMOUNT_DIGITS = 15;
  /** Instants are held as nanoseconds since the epoch: years 1678 to 2262. */
  static final Instant MIN_TIME = Instant.ofEpochSecond(Long.MIN_VALUE / 1_000_000_000L + 1);
  static final Instant MAX_TIME = Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000_000L - 1);

  // Every index below is a position in tree order (breadth-first from the roots), not in input
  // order: a sponsor always comes before the distributors they sponsored, siblings sit side by
  // side, customers are grouped by distributor and orders by buyer. The evaluation's passes then
  // walk their arrays in sequence instead of jumping about at random, which is most of their
  // speed. The *Input arrays map input positions to these indices and the *At arrays back, so
  // that everything public still comes in input order. Text (ids, names, emails, phones) stays
  // in input order, as UTF-8 in a few large arrays; records are rebuilt from it on demand.

  // distributors
  /** Ids by input position, with their lookup table. */
  private final IdTable distributorIds;
  /** Name, email and phone of each input position, three strings each. */
  private final Texts distributorContacts;
  private final BitSet distributorHasPhone;
  /** Join date as epoch day, by input position. */
  private final int[] distributorJoined;
  /** Input position of each index. */
  final int[] distributorAt;
  /** Index of each input position. */
  final int[] distributorInput;
  /**
   * Sponsor index, -1 for a root; smaller than the distributor's own index, except in a live copy
   * after a placement change ({@link #topDown()}).
   */
  final int[] parent;
  /** Distributor v's children are children[childStart[v]] to children[childStart[v + 1] - 1]. */
  private final int[] childStart;
  private final int[] children;
  /**
   * The placement tree, or null when nobody is placed (see {@link #placementTree()}). A live copy
   * has one of its own, which joins and placement changes change in place.
   */
  private final Placements placements;
  // customers
  private final IdTable customerIds;
  private final Texts customerContacts;
  private final BitSet customerHasPhone;
  final int[] customerAt;
  final int[] customerInput;
  final int[] customerOwner;
  /** Distributor v's customers are the indices customerStart[v] to customerStart[v + 1] - 1. */
  private final int[] customerStart;
  /**
   * In a live copy ({@link #liveCopy()}), each distributor's children and customers, which a live
   * evaluation changes in place; null in an organisation built, whose lists are the ranges above.
   */
  private final Lists childLists;
  private final Lists customerLists;
  /**
   * In a live copy: how many distributors and customers there are now, and those who joined
   * live (their indices and input positions follow the built ones, and are equal); null in an
   * organisation built. The arrays of a live copy indexed by distributor or customer may be
   * longer than the counts: room for joins.
   */
  private final Joined joined;
  // orders, columnar
  private final IdTable orderIds;
  final int[] orderAt;
  final int[] orderInput;
  final int[] orderBuyer;
  final boolean[] orderByCustomer;
  final long[] orderTime;
  final byte[] orderStatus;
  /** Amount in units of 10^-scale, with its scale; amounts beyond a long sit in orderAmountBig. */
  private final long[] orderAmount;
  private final byte[] orderAmountScale;
  private final Map<Integer, BigDecimal> orderAmountBig;
  final String[] volumeTypes;
  /** Per volume type, per order, the volume in units of 10^-scale. */
  final long[][] volume;
  /** Per volume type, which orders carry it. */
  final BitSet[] volumePresent;
  /** Per volume type, per order, the scale the volume was given with, to rebuild it as it came. */
  final byte[][] volumeScale;
  /** The units of every volume below: as many decimals as the finest volume given. */
  final Units units;
  /** Distributor v's own orders are the indices distributorOrderStart[v] to [v + 1] - 1. */
  final int[] distributorOrderStart;
  /** Customer c's orders are the indices customerOrderStart[c] to [c + 1] - 1. */
  final int[] customerOrderStart;

  /**
   * @param inputParent sponsor by input position, -1 for a root
   * @param topDown input positions in breadth-first order from the roots
   * @param inputPlacementParent placement parent by input position, -1 for none; null when
   *     nobody is placed
   * @param inputPosition position under the placement parent by input position
   * @param sponsorTree when nobody is placed, the sponsor tree in the indices of {@code topDown}
   *     as its breadth-first walk made it ({@link Builder#topDown}): each index's sponsor and
   *     where each index's children start; null otherwise
   * @param input {@code topDown}'s inverse, when already made; else null
   * @param sortedCustomers the customers in owner order, when already sorted ({@link
   *     CustomersEarly#sorted}); else null
   */
  private Organisation(Builder b, int[] inputParent, int[] topDown, int[] inputPlacementParent,
      byte[] inputPosition, int[][] sponsorTree, int[] input, int[][] sortedCustomers) {
    DistributorPart dp = b.distributors;
    CustomerPart cp = b.customers;
    OrderPart op = b.orders;
    int n = topDown.length;
    distributorIds = dp.ids;
    distributorContacts = dp.contacts;
    customerIds = cp.ids;
    customerContacts = cp.contacts;
    orderIds = op.ids;
    // The texts' trims copy their bytes in sequence (hundreds of megabytes at 10,000,000
    // distributors) and touch nothing else: on the common pool, while this thread sorts; joined
    // at the end.
    ForkJoinTask<?> trims = ForkJoinTask.adapt(() -> trim(dp.ids, dp.contacts, cp.ids,
        cp.contacts, op.ids)).fork();
    distributorHasPhone = dp.hasPhone;
    distributorJoined = dp.joined.length == n ? dp.joined : Arrays.copyOf(dp.joined, n);
    distributorAt = topDown;
    distributorInput = input != null ? input : inverse(topDown);
    // Each loop below over millions of rows is a small method of its own (gather, relabelled,
    // ...), run again for each column: the JIT compiles each once, where the loops written out
    // here were compiled again, with the whole constructor, at each loop's start.
    if (sponsorTree != null) {
      // Breadth-first, each distributor's children are the indices that follow the last one's:
      // sponsors and children come from the walk itself, in sequence, where relabelling the
      // sponsors and sorting them again read and wrote arrays of millions at random.
      parent = sponsorTree[0];
      childStart = sponsorTree[1];
      int[] kids = new int[childStart[n]];
      int roots = n - kids.length;
      chunked(0, kids.length, (from, to) -> ascending(kids, roots, from, to));
      children = kids;
    } else {
      parent = relabelled(inputParent, topDown, distributorInput);
      // Each sponsor's children in input order, as a live copy keeps them (Lists): the same as
      // index order where the indices are the sponsor tree's breadth-first order, but not where
      // they are both trees' (with placements).
      int[][] csr = inputPlacementParent == null ? csr(parent, n) : csrByInput(parent);
      childStart = csr[0];
      children = csr[1];
    }
    childLists = null;
    customerLists = null;
    joined = null;
    if (inputPlacementParent == null) {
      placements = null;
    } else {
      placements = new Placements(relabelled(inputPlacementParent, topDown, distributorInput),
          gather(inputPosition, topDown), parent);
    }

    int c = cp.ids.size();
    customerHasPhone = cp.hasPhone;
    int[][] sorted = sortedCustomers != null ? sortedCustomers
        : customersByOwner(cp.owner, c, n, distributorInput);
    customerAt = sorted[0];
    customerStart = sorted[1];
    customerInput = sorted[2];
    customerOwner = sorted[3];

    int m = op.ids.size();
    // Distributors' orders come first, by buyer, then customers' orders, by buyer: the key is
    // the buyer's index, a customer's after every distributor's.
    int[] key = op.buyer;
    int[] dInput = distributorInput;
    int[] cInput = customerInput;
    boolean[] byCustomer = op.byCustomer;
    inRanges(m, (from, to) -> chunked(from, to,
        (lo, hi) -> buyerKeys(key, byCustomer, lo, hi, dInput, cInput, n)));
    op.buyer = null;
    int[] orderStart = new int[n + c + 1];
    int[] order = sortedByInTwo(key, m, n + c, orderStart);
    distributorOrderStart = Arrays.copyOfRange(orderStart, 0, n + 1);
    customerOrderStart = Arrays.copyOfRange(orderStart, n, n + c + 1);
    orderAt = order;
    orderByCustomer = new boolean[m];
    Arrays.fill(orderByCustomer, orderStart[n], m, true);
    op.byCustomer = null;
    volumeTypes = op.volumeColumns.keySet().toArray(new String[0]);
    units = Units.ofScale(op.maxScale);
    volume = new long[volumeTypes.length][];
    volumePresent = new BitSet[volumeTypes.length];
    volumeScale = new byte[volumeTypes.length][];
    VolumeColumn[] columns = new VolumeColumn[volumeTypes.length];
    for (int t = 0; t < columns.length; t++) {
      columns[t] = op.volumeColumns.put(volumeTypes[t], VolumeColumn.EMPTY);
    }
    // Every column in key order, each a task over the calling thread and the common pool: each
    // reads its builder column at random, and two threads wait for their cache misses at once.
    // Each builder column is let go of once copied, to keep the peak low.
    long[][] longs = new long[2][];
    byte[][] bytes = new byte[2][];
    int[][] ints = new int[2][];
    List<Runnable> copies = new ArrayList<>();
    // The volume columns, the longest (about 0.8 s each at 10,000,000 distributors), in ranges
    // of rows: whole, one of them was left alone on one thread at the end.
    for (int t = 0; t < columns.length; t++) {
      VolumeColumn.Copy copy = columns[t].copy(order, units);
      columns[t] = null;
      int type = t;
      // At least one range, empty when there are no orders: its end makes the column.
      for (int r = 0; r == 0 || (long) r * ROWS_PER_RANGE < m; r++) {
        int from = r * ROWS_PER_RANGE;
        int to = (int) Math.min(m, (long) from + ROWS_PER_RANGE);
        copies.add(() -> {
          if (copy.rows(from, to)) {
            volume[type] = copy.values;
            volumePresent[type] = BitSet.valueOf(copy.present);
            volumeScale[type] = copy.scales;
          }
        });
      }
    }
    copies.add(() -> {
      longs[0] = gather(op.time, order);
      op.time = null;
    });
    copies.add(() -> {
      longs[1] = gather(op.amount, order);
      op.amount = null;
    });
    copies.add(() -> ints[0] = inverse(order));
    copies.add(() -> {
      bytes[0] = gather(op.status, order);
      op.status = null;
    });
    copies.add(() -> {
      bytes[1] = gather(op.amountScale, order);
      op.amountScale = null;
    });
    // In key order, each order's buyer follows from where each key's run starts.
    copies.add(() -> {
      int[] buyers = new int[m];
      runs(orderStart, 0, n, buyers, 0);
      runs(orderStart, n, n + c, buyers, n);
      ints[1] = buyers;
    });
    shared(copies.size(), i -> copies.get(i).run());
    orderTime = longs[0];
    orderAmount = longs[1];
    orderStatus = bytes[0];
    orderAmountScale = bytes[1];
    orderInput = ints[0];
    orderBuyer = ints[1];
    orderAmountBig = new HashMap<>();
    op.amountBig.forEach((in, a) -> orderAmountBig.put(orderInput[in], a));
    trims.join();
  }

  /**
   * The customers in owner order, from each one's owner by input position (relabelled in
   * place into the distributors' indices): where each customer is ({@code at}), where each
   * owner's run starts ({@code start}, n + 1 long), each customer's index by input position
   * ({@code input}) and each one's owner in owner order; in that order.
   */
  private static int[][] customersByOwner(int[] ownerOfInput, int c, int n,
      int[] distributorInput) {
    relabel(ownerOfInput, c, distributorInput);
    int[] start = new int[n + 1];
    int[] at = sortedBy(ownerOfInput, c, n, start);
    int[] input = inverse(at);
    // In owner order, each customer's owner follows from where each owner's run starts.
    int[] owner = new int[c];
    runs(start, 0, n, owner, 0);
    return new int[][] {at, start, input, owner};
  }

  /** Drops the spare room of the texts given (trims), on whichever thread runs it. */
  private static void trim(IdTable distributorIds, Texts distributorContacts, IdTable customerIds,
      Texts customerContacts, IdTable orderIds) {
    distributorIds.trim();
    distributorContacts.trim();
    customerIds.trim();
    customerContacts.trim();
    orderIds.trim();
  }

  /** {@code in[at[v]]} by v, each an index by input position turned into one of {@code map}. */
  private static int[] relabelled(int[] in, int[] at, int[] map) {
    int[] out = new int[at.length];
    chunked(0, out.length, (from, to) -> relabelled(in, at, map, out, from, to));
    return out;
  }

  private static void relabelled(int[] in, int[] at, int[] map, int[] out, int from, int to) {
    for (int v = from; v < to; v++) {
      int x = in[at[v]];
      out[v] = x < 0 ? -1 : map[x];
    }
  }

  /** Turns the first {@code count} indices of {@code a} into those of {@code map}, in place. */
  private static void relabel(int[] a, int count, int[] map) {
    chunked(0, count, (from, to) -> relabel(a, map, from, to));
  }

  private static void relabel(int[] a, int[] map, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = map[a[i]];
    }
  }

  /** {@code a[k] = first + k} for k from {@code from} to {@code to - 1}. */
  private static void ascending(int[] a, int first, int from, int to) {
    for (int k = from; k < to; k++) {
      a[k] = first + k;
    }
  }

  /**
   * Each order's buyer as the sort key of the orders: a distributor's index, or a customer's
   * after every distributor's ({@code n} + its index), in place of its input position.
   */
  private static void buyerKeys(int[] buyer, boolean[] byCustomer, int from, int to,
      int[] distributorInput, int[] customerInput, int n) {
    for (int o = from; o < to; o++) {
      buyer[o] = byCustomer[o] ? n + customerInput[buyer[o]] : distributorInput[buyer[o]];
    }
  }

  /** Rows per task of {@link #inRanges} and of the volume columns' copies: a multiple of 64. */
  private static final int ROWS_PER_RANGE = 1 << 18;

  /** A loop over rows {@code [from, to)}. */
  interface Range {
    void run(int from, int to);
  }

  /**
   * Rows per call of a loop over millions of them run by {@link #chunked}: few enough that C1's
   * profiling code has seen the loop end several times before C2 compiles it.
   */
  static final int CHUNK = 1 << 12;

  /**
   * Runs {@code loop} over {@code [from, to)} in calls of at most {@link #CHUNK} rows. Each loop
   * of the check over millions of rows, run once or a few times, was compiled by C2 while it ran
   * (on-stack replacement) before it had ever ended: C2 compiled its end as a trap, and on
   * leaving the loop the compiled code was thrown away, the method went back to the interpreter
   * and was compiled again, once or twice for each loop (a cold command-line run at 1,000,000
   * distributors: 20 such traps in the check, JFR's jdk.Deoptimization, "unstable_if" at each
   * loop's end). Run a chunk at a time, a loop has ended a few times in C1's profiling code
   * before C2 compiles it, and C2 compiles it once.
   */
  static void chunked(int from, int to, Range loop) {
    for (int a = from; a < to; a = chunkEnd(a, to)) {
      loop.run(a, chunkEnd(a, to));
    }
  }

  /**
   * The end of the chunk that starts at {@code from} in {@code [from, to)}: {@code from +}
   * {@link #CHUNK}, or {@code to} if nearer (without {@code from + CHUNK} overflowing near
   * {@link Integer#MAX_VALUE}).
   */
  static int chunkEnd(int from, int to) {
    return to - from <= CHUNK ? to : from + CHUNK;
  }

  /** Runs a loop over {@code rows} rows in ranges, on the calling thread and the common pool. */
  private static void inRanges(int rows, Range loop) {
    int ranges = rows / ROWS_PER_RANGE + (rows % ROWS_PER_RANGE == 0 ? 0 : 1);
    shared(ranges, r -> loop.run(r * ROWS_PER_RANGE,
        (int) Math.min(rows, (long) (r + 1) * ROWS_PER_RANGE)));
  }

  /**
   * Runs {@code task} for 0 to {@code count - 1} on the calling thread and the common pool's
   * threads, each thread taking the next one not started until none is left. A parallel stream
   * cut its items into four pieces on a 2-core machine (the common pool has one thread there),
   * and a piece could be left to one thread alone at the end: at 10,000,000 distributors the
   * orders' columns took 1.25 s, 1.17 s of it on the calling thread.
   */
  static void shared(int count, java.util.function.IntConsumer task) {
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    Runnable take = () -> {
      for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
        task.accept(i);
      }
    };
    int helpers = Math.min(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(),
        count - 1);
    List<ForkJoinTask<?>> forked = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      forked.add(ForkJoinTask.adapt(take).fork());
    }
    try {
      take.run();
    } finally {
      // On a failure here, the others take no more; each is waited for (and its failure
      // thrown, when this thread had none).
      next.set(count);
      for (ForkJoinTask<?> f : forked) {
        f.join();
      }
    }
  }

  /**
   * Sets {@code out} over each key k's run, {@code start[k]} to {@code start[k + 1]}: k - less.
   * {@code out} must hold zeros over the runs. Each key is written (plus one) at its run's start,
   * in key order, so that a later empty run's at the same place is written over by the next key
   * whose run is not empty; then each place takes the largest key written at or before it. Two
   * passes in sequence without a branch that depends on the runs' lengths: the loop over each
   * run, mostly of 0 to 3 items, mispredicted its exit about once a key (10,000,000
   * distributors' orders: about 280 ms against 50 ms, in a throwaway harness).
   */
  private static void runs(int[] start, int from, int to, int[] out, int less) {
    int lo = start[from];
    int hi = start[to];
    // Keys past the last whose run is not empty are left out: their runs start at hi, past
    // the places (a test of each key's start against hi, never false until those last keys,
    // was compiled as a trap).
    int last = to;
    while (last > from && start[last - 1] >= hi) {
      last--;
    }
    chunked(from, last, (a, b) -> runStarts(start, out, a, b));
    int[] key = {0};
    chunked(lo, hi, (a, b) -> key[0] = runKeys(out, less, key[0], a, b));
  }

  /** {@link #runs}' first pass over keys {@code [from, to)}, each one's run starting in place. */
  private static void runStarts(int[] start, int[] out, int from, int to) {
    for (int k = from; k < to; k++) {
      out[start[k]] = k + 1;
    }
  }

  /** {@link #runs}' second pass over places {@code [from, to)}: returns the key carried on. */
  private static int runKeys(int[] out, int less, int key, int from, int to) {
    for (int j = from; j < to; j++) {
      key = Math.max(key, out[j]);
      out[j] = key - 1 - less;
    }
    return key;
  }

  private static int[] gather(int[] in, int[] at) {
    int[] out = new int[at.length];
    chunked(0, out.length, (from, to) -> gather(in, at, out, from, to));
    return out;
  }

  private static void gather(int[] in, int[] at, int[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = in[at[i]];
    }
  }

  private static long[] gather(long[] in, int[] at) {
    long[] out = new long[at.length];
    chunked(0, out.length, (from, to) -> gather(in, at, out, from, to));
    return out;
  }

  private static void gather(long[] in, int[] at, long[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = in[at[i]];
    }
  }

  private static byte[] gather(byte[] in, int[] at) {
    byte[] out = new byte[at.length];
    chunked(0, out.length, (from, to) -> gather(in, at, out, from, to));
    return out;
  }

  private static void gather(byte[] in, int[] at, byte[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = in[at[i]];
    }
  }

  /**
   * A live copy of another organisation: the same records, with sponsor lines, children and
   * customers' distributors of its own, which {@link #moveDistributor} and {@link #moveCustomer}
   * change in place. Everything else (ids, texts, the order columns) is shared, as it never
   * changes. Linear in the distributors and customers.
   */
  private Organisation(Organisation o, int distributorRoom, int customerRoom) {
    this(o, distributorRoom, customerRoom, false);
  }

  /**
   * @param placed whether the copy keeps a placement tree even where the original has none
   *     (everyone a root of it), for a live evaluation of a plan with a placement tree
   */
  private Organisation(Organisation o, int distributorRoom, int customerRoom, boolean placed) {
    distributorIds = o.distributorIds;
    distributorContacts = o.distributorContacts;
    distributorHasPhone = o.distributorHasPhone;
    distributorJoined = o.distributorJoined;
    distributorAt = o.distributorAt;
    distributorInput = o.distributorInput;
    parent = Arrays.copyOf(o.parent, distributorRoom);
    childStart = o.childStart;
    children = o.children;
    customerIds = o.customerIds;
    customerContacts = o.customerContacts;
    customerHasPhone = o.customerHasPhone;
    customerAt = o.customerAt;
    customerInput = o.customerInput;
    customerOwner = Arrays.copyOf(o.customerOwner, customerRoom);
    customerStart = o.customerStart;
    placements = o.placements != null ? o.placements.copy(distributorRoom)
        : placed ? Placements.none(o.distributorCount()).copy(distributorRoom) : null;
    int built = o.distributorAt.length;
    childLists = o.childLists != null ? new Lists(o.childLists, distributorRoom)
        : Lists.of(o.childStart, o.children, built, distributorRoom);
    customerLists = o.customerLists != null ? new Lists(o.customerLists, distributorRoom)
        : Lists.of(o.customerStart, null, built, distributorRoom);
    joined = o.joined != null ? new Joined(o.joined)
        : new Joined(built, o.customerAt.length);
    orderIds = o.orderIds;
    orderAt = o.orderAt;
    orderInput = o.orderInput;
    orderBuyer = o.orderBuyer;
    orderByCustomer = o.orderByCustomer;
    orderTime = o.orderTime;
    orderStatus = o.orderStatus;
    orderAmount = o.orderAmount;
    orderAmountScale = o.orderAmountScale;
    orderAmountBig = o.orderAmountBig;
    volumeTypes = o.volumeTypes;
    volume = o.volume;
    volumePresent = o.volumePresent;
    volumeScale = o.volumeScale;
    units = o.units;
    distributorOrderStart = o.distributorOrderStart;
    customerOrderStart = o.customerOrderStart;
  }

  /**
   * A copy a live evaluation may change (placement changes and customer moves), or a copy of a
   * live copy; never shared with another. Not part of the API: the public organisation stays
   * immutable, and a live copy never leaves the package.
   */
  Organisation liveCopy() {
    return new Organisation(this, parent.length, customerOwner.length);
  }

  /**
   * A live copy that keeps a placement tree of its own even where nobody is placed yet, for a
   * live evaluation of a plan with a placement tree, so that joins and moves can place.
   */
  Organisation liveCopyWithPlacements() {
    return new Organisation(this, parent.length, customerOwner.length, true);
  }

  /**
   * A live copy with room for more joins: an eighth more distributors or customers (whichever
   * is full) and at least 64, so that joins cost a copy once in a while, amortised O(1) each.
   */
  Organisation grownCopy() {
    int d = parent.length;
    int c = customerOwner.length;
    return new Organisation(this, distributorCount() < d ? d : d + (d >> 3) + 64,
        customerCount() < c ? c : c + (c >> 3) + 64);
  }

  /** Whether a live copy has room for one more distributor and one more customer. */
  boolean hasRoomToJoin() {
    return distributorCount() < parent.length && customerCount() < customerOwner.length;
  }

  /** Distributor arrays' length: the count, or more in a live copy with room for joins. */
  int distributorRoom() {
    return parent.length;
  }

  /** Customer arrays' length: the count, or more in a live copy with room for joins. */
  int customerRoom() {
    return customerOwner.length;
  }

  /**
   * Adds a distributor under a sponsor (-1 for a root) to a live copy with room: their index and
   * input position are the count so far, so they come last among the sponsor's children as they
   * would in an organisation built with them added last. They are placed under
   * {@code placementParent} at {@code position} (-1: not placed); placing needs a copy with a
   * placement tree ({@link #hasPlacements()}). The caller has checked the placement. Returns
   * their index.
   */
  int joinDistributor(Distributor d, int sponsor, int placementParent, int position) {
    int v = joined.distributors++;
    if (placements != null) {
      placements.place(v, placementParent, position, sponsor);
    }
    parent[v] = sponsor;
    childLists.empty(v);
    customerLists.empty(v);
    if (sponsor >= 0) {
      childLists.insert(sponsor, v, distributorAt);
    }
    joined.newDistributors.add(d);
    joined.distributorIndex.put(d.id(), v);
    return v;
  }

  /** Adds a customer of distributor d to a live copy with room; returns their index. */
  int joinCustomer(Customer c, int d) {
    int k = joined.customers++;
    customerOwner[k] = d;
    customerLists.insert(d, k, customerAt);
    joined.newCustomers.add(c);
    joined.customerIndex.put(c.id(), k);
    return k;
  }

  /** Distributor v's input position (for one who joined live, v itself). */
  int inputOf(int v) {
    return v < distributorAt.length ? distributorAt[v] : v;
  }

  /**
   * The index of each input position: the built array, extended with those who joined a live copy
   * (linear then; shared otherwise).
   */
  int[] indicesByInput() {
    int n = distributorCount();
    if (n == distributorInput.length) {
      return distributorInput;
    }
    int[] out = Arrays.copyOf(distributorInput, n);
    for (int k = distributorInput.length; k < n; k++) {
      out[k] = k;
    }
    return out;
  }

  /** The index of the distributor at an input position. */
  int indexAt(int input) {
    return input < distributorInput.length ? distributorInput[input] : input;
  }

  /** Where a buyer's orders start among the organisation's (none for who joined live). */
  int ordersFrom(boolean customer, int b) {
    int[] start = customer ? customerOrderStart : distributorOrderStart;
    return start[Math.min(b, start.length - 1)];
  }

  /** Where a buyer's orders end (exclusive). */
  int ordersTo(boolean customer, int b) {
    int[] start = customer ? customerOrderStart : distributorOrderStart;
    return start[Math.min(b + 1, start.length - 1)];
  }

  /** Where distributor v's children start: read them as {@code child(k)} up to {@link #childrenTo}. */
  int childrenFrom(int v) {
    return childLists == null ? childStart[v] : childLists.start[v];
  }

  /** Where distributor v's children end (exclusive). */
  int childrenTo(int v) {
    return childLists == null ? childStart[v + 1] : childLists.end[v];
  }

  /** The child at position k of a list of children, in input order within each sponsor. */
  int child(int k) {
    return childLists == null ? children[k] : childLists.items[k];
  }

  /** Where distributor v's customers start: read them as {@code customerIn(k)}. */
  int customersFrom(int v) {
    return customerLists == null ? customerStart[v] : customerLists.start[v];
  }

  /** Where distributor v's customers end (exclusive). */
  int customersTo(int v) {
    return customerLists == null ? customerStart[v + 1] : customerLists.end[v];
  }

  /** The customer at position k of a list of customers, in input order within each distributor. */
  int customerIn(int k) {
    return customerLists == null ? k : customerLists.items[k];
  }

  /**
   * Distributors in an order where each sponsor comes before the distributors they sponsored:
   * null when that is the index order itself (always, but in a live copy after a placement
   * change put someone under a sponsor of a higher index); else breadth-first from the roots,
   * computed in time linear in the distributors.
   */
  int[] topDown() {
    if (childLists == null || !childLists.disordered) {
      return null;
    }
    int n = parent.length;
    int[] order = new int[n];
    int size = 0;
    for (int v = 0; v < n; v++) {
      if (parent[v] < 0) {
        order[size++] = v;
      }
    }
    for (int head = 0; head < size; head++) {
      int v = order[head];
      for (int k = childrenFrom(v), to = childrenTo(v); k < to; k++) {
        order[size++] = child(k);
      }
    }
    return order;
  }

  /**
   * Puts distributor r under sponsor q (live copies only): r leaves their sponsor's children and
   * joins q's, in input order. The caller has checked that q is not in r's downline. Costs the
   * two sponsors' numbers of children.
   */
  void moveDistributor(int r, int q) {
    int p = parent[r];
    if (p >= 0) {
      childLists.remove(p, r);
    }
    childLists.insert(q, r, distributorAt);
    parent[r] = q;
    if (q > r) {
      childLists.disordered = true;
    }
    if (placements != null) {
      placements.sponsorChanged(r, q);
    }
  }

  /**
   * Places distributor r, with their placement subtree, under {@code p} at {@code pos} (live
   * copies only; p -1 makes r a root of the placement tree). The caller has checked the place.
   */
  void movePlacement(int r, int p, int pos) {
    placements.move(r, p, pos);
  }

  /** Makes distributor r a root again (live copies only): undoes a move of a root. */
  void makeRoot(int r) {
    int p = parent[r];
    if (p >= 0) {
      childLists.remove(p, r);
    }
    parent[r] = -1;
    if (placements != null) {
      placements.sponsorChanged(r, -1);
    }
  }

  /** Gives customer c to distributor d (live copies only), in input order among d's customers. */
  void moveCustomer(int c, int d) {
    customerLists.remove(customerOwner[c], c);
    customerLists.insert(d, c, customerAt);
    customerOwner[c] = d;
  }

  /**
   * Lists of ints, one per owner, in one array: each owner's list is a block with room to grow,
   * moved to the end of the array (with twice the room) when it is full. What a live copy keeps
   * children and customers in, so that a move costs the lists it touches, not a rebuild.
   */
  private static final class Lists {
    final int[] start;
    final int[] end;
    /** Where each owner's block ends: its room. */
    final int[] room;
    int[] items;
    int used;
    /**
     * Of children: whether a move put someone under a sponsor of a higher index, so that index
     * order is no longer tree order (see {@link Organisation#topDown()}).
     */
    boolean disordered;

    private Lists(int[] start, int[] end, int[] room, int[] items, int used) {
      this.start = start;
      this.end = end;
      this.room = room;
      this.items = items;
      this.used = used;
    }

    /** A copy with room for {@code owners} owners. */
    Lists(Lists o, int owners) {
      this(Arrays.copyOf(o.start, owners), Arrays.copyOf(o.end, owners),
          Arrays.copyOf(o.room, owners), o.items.clone(), o.used);
      this.disordered = o.disordered;
    }

    /**
     * From ranges start[v] to start[v + 1] of items (null: the positions themselves), with room
     * for {@code room} owners.
     */
    static Lists of(int[] csrStart, int[] csrItems, int owners, int room) {
      int used = csrStart[owners];
      int[] items;
      if (csrItems != null) {
        items = Arrays.copyOf(csrItems, used + (used >> 3) + 16);
      } else {
        items = new int[used + (used >> 3) + 16];
        for (int k = 0; k < used; k++) {
          items[k] = k;
        }
      }
      int[] end = Arrays.copyOf(Arrays.copyOfRange(csrStart, 1, owners + 1), room);
      return new Lists(Arrays.copyOf(csrStart, room), end, end.clone(), items, used);
    }

    /** A new owner's list, empty, with no room (the first insert gives it some). */
    void empty(int v) {
      start[v] = 0;
      end[v] = 0;
      room[v] = 0;
    }

    void remove(int v, int x) {
      int k = start[v];
      int to = end[v];
      while (items[k] != x) {
        k++;
      }
      System.arraycopy(items, k + 1, items, k, to - k - 1);
      end[v] = to - 1;
    }

    /** Adds x to v's list, keeping the list ordered by key. */
    void insert(int v, int x, int[] key) {
      if (end[v] == room[v]) {
        int size = end[v] - start[v];
        int grown = Math.max(4, 2 * size);
        if (used + grown > items.length) {
          items = Arrays.copyOf(items, Math.max(used + grown, used + (used >> 1)));
        }
        System.arraycopy(items, start[v], items, used, size);
        start[v] = used;
        end[v] = used + size;
        room[v] = used + grown;
        used += grown;
      }
      int k = end[v];
      int kx = key(key, x);
      while (k > start[v] && key(key, items[k - 1]) > kx) {
        items[k] = items[k - 1];
        k--;
      }
      items[k] = x;
      end[v]++;
    }

    /** An input position: from the built organisation's array, or the index of one who joined. */
    private static int key(int[] key, int x) {
      return x < key.length ? key[x] : x;
    }
  }

  /** Who joined a live copy, and the counts with them. */
  private static final class Joined {
    final int builtDistributors;
    final int builtCustomers;
    int distributors;
    int customers;
    final ArrayList<Distributor> newDistributors;
    final HashMap<String, Integer> distributorIndex;
    final ArrayList<Customer> newCustomers;
    final HashMap<String, Integer> customerIndex;

    Joined(int distributors, int customers) {
      this.builtDistributors = distributors;
      this.builtCustomers = customers;
      this.distributors = distributors;
      this.customers = customers;
      this.newDistributors = new ArrayList<>();
      this.distributorIndex = new HashMap<>();
      this.newCustomers = new ArrayList<>();
      this.customerIndex = new HashMap<>();
    }

    Joined(Joined o) {
      this.builtDistributors = o.builtDistributors;
      this.builtCustomers = o.builtCustomers;
      this.distributors = o.distributors;
      this.customers = o.customers;
      this.newDistributors = new ArrayList<>(o.newDistributors);
      this.distributorIndex = new HashMap<>(o.distributorIndex);
      this.newCustomers = new ArrayList<>(o.newCustomers);
      this.customerIndex = new HashMap<>(o.customerIndex);
    }
  }

  /**
   * The positions 0..count-1 sorted by key, stably (a counting sort): linear. {@code starts}
   * (keyCount + 1 long, zeros) gets where each key's run starts: prefix sums of the keys' counts.
   */
  static int[] sortedBy(int[] keys, int count, int keyCount, int[] starts) {
    chunked(0, count, (from, to) -> counted(keys, starts, from, to));
    int[] out = new int[count];
    scatter(keys, count, keyCount, starts, out);
    return out;
  }

  /**
   * {@link #sortedBy} in two halves of the items, each counted and placed on a thread of its own
   * (the calling one and the common pool's), the same order: each key's run has the first
   * half's items, then the second half's. The first half counts and moves its cursors in an
   * array of its own beside {@code starts} (keyCount + 1 ints, let go of at the end). The
   * orders' sort was the last part of {@code build()} on one thread, the other core idle: 33 to
   * 46 ms at 1,000,000 distributors. Fewer than {@link #SPLIT_SORT} items are sorted on one.
   */
  static int[] sortedByInTwo(int[] keys, int count, int keyCount, int[] starts) {
    if (count < SPLIT_SORT) {
      return sortedBy(keys, count, keyCount, starts);
    }
    int half = count >>> 1;
    int[] first = new int[keyCount + 1];
    shared(2, t -> chunked(t == 0 ? 0 : half, t == 0 ? half : count,
        (from, to) -> counted(keys, t == 0 ? first : starts, from, to)));
    // Items without a key (-1, counted at 0 by both) first, as in scatter.
    int run = first[0] + starts[0];
    for (int k = 0; k < keyCount; k = chunkEnd(k, keyCount)) {
      run = cursors(first, starts, k, chunkEnd(k, keyCount), run);
    }
    int[] out = new int[count];
    shared(2, t -> chunked(t == 0 ? 0 : half, t == 0 ? half : count, (from, to) -> {
      if (t == 0) {
        scattered(keys, first, out, from, to);
      } else {
        scatteredAbove(keys, starts, out, from, to);
      }
    }));
    // Each key k's run ends where the second half's cursor, at k + 1, stopped: where the next
    // one starts, in place (no copy moving them up by one, as scatter's).
    starts[0] = 0;
    return out;
  }

  /** Items from which {@link #sortedByInTwo} sorts on two threads. */
  static final int SPLIT_SORT = 1 << 16;

  /**
   * {@link #sortedByInTwo}'s cursors for keys {@code [from, to)}, whose counts are at k + 1 in
   * {@code first} (the first half's items) and {@code second}: key k's first-half items go from
   * {@code first[k]}, its second-half ones from {@code second[k + 1]}; {@code run} is where key
   * {@code from}'s run starts, and the next key's is returned.
   */
  private static int cursors(int[] first, int[] second, int from, int to, int run) {
    for (int k = from; k < to; k++) {
      int a = first[k + 1];
      int b = second[k + 1];
      first[k] = run;
      second[k + 1] = run + a;
      run += a + b;
    }
    return run;
  }

  /** {@link #scattered} with each key k's cursor at {@code start[k + 1]}. */
  private static void scatteredAbove(int[] keys, int[] start, int[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      int k = keys[i];
      if (k >= 0) {
        out[start[k + 1]++] = i;
      }
    }
  }

  /**
   * The second half of a counting sort: {@code start} holds the counts of each key k at k + 1;
   * they become prefix sums, each item i with a key goes to {@code out[start[keys[i]]++]}, and
   * {@code start} is moved up by one so that it holds where each key's run starts again: no
   * array of cursors beside it (at 10,000,000 distributors one of 130 MB, a copy and a
   * humongous allocation for the collector).
   */
  private static void scatter(int[] keys, int count, int keyCount, int[] start, int[] out) {
    chunked(0, keyCount, (from, to) -> summed(start, from, to));
    chunked(0, count, (from, to) -> scattered(keys, start, out, from, to));
    System.arraycopy(start, 0, start, 1, keyCount);
    start[0] = 0;
  }

  /** Counts the keys {@code [from, to)}: each key k's count at {@code start[k + 1]}. */
  private static void counted(int[] keys, int[] start, int from, int to) {
    for (int i = from; i < to; i++) {
      start[keys[i] + 1]++;
    }
  }

  /** The prefix sums of {@link #scatter} for keys {@code [from, to)}, those before them done. */
  private static void summed(int[] start, int from, int to) {
    for (int k = from; k < to; k++) {
      start[k + 1] += start[k];
    }
  }

  /** {@link #scatter}'s placing of the items {@code [from, to)}. */
  private static void scattered(int[] keys, int[] start, int[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      int k = keys[i];
      if (k >= 0) {
        out[start[k]++] = i;
      }
    }
  }

  private static int[] inverse(int[] permutation) {
    int[] inv = new int[permutation.length];
    chunked(0, inv.length, (from, to) -> inverse(permutation, inv, from, to));
    return inv;
  }

  private static void inverse(int[] permutation, int[] inv, int from, int to) {
    for (int i = from; i < to; i++) {
      inv[permutation[i]] = i;
    }
  }

  /**
   * A builder for an organisation.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the distributors, in input order, each rebuilt from the compact form when read} */
  public List<Distributor> distributors() {
    return new AbstractList<>() {
      @Override
      public Distributor get(int index) {
        return distributor(indexAt(index));
      }

      @Override
      public int size() {
        return distributorCount();
      }
    };
  }

  /** {@return the customers, in input order, each rebuilt from the compact form when read} */
  public List<Customer> customers() {
    return new AbstractList<>() {
      @Override
      public Customer get(int index) {
        return customer(index < customerInput.length ? customerInput[index] : index);
      }

      @Override
      public int size() {
        return customerCount();
      }
    };
  }

  /**
   * The orders, in input order, rebuilt from the compact form on each access. Volumes come back
   * with the decimals they were given with (a volume given with more than six decimals, trailing
   * zeros stripped; one in exponent form such as {@code 1E+3}, as a whole number).
   *
   * @return the orders, in input order, rebuilt from the compact form on each access
   */
  public List<Order> orders() {
    return new AbstractList<>() {
      @Override
      public Order get(int index) {
        return order(orderInput[index]);
      }

      @Override
      public int size() {
        return orderAt.length;
      }
    };
  }

  /**
   * The distributor with this id.
   *
   * @param id a distributor's id
   * @return the distributor with this id
   */
  public Optional<Distributor> distributor(String id) {
    int v = indexOf(id);
    return v < 0 ? Optional.empty() : Optional.of(distributor(v));
  }

  /**
   * The customer with this id.
   *
   * @param id a customer's id
   * @return the customer with this id
   */
  public Optional<Customer> customer(String id) {
    int c = customerIndexOf(id);
    return c < 0 ? Optional.empty() : Optional.of(customer(c));
  }

  /**
   * The placement of the distributor with this id.
   *
   * @param distributorId a distributor's id
   * @return where the distributor sits in the placement tree; empty for an unknown id and for a
   *     distributor without a placement (a root of the placement tree)
   */
  public Optional<Placement> placement(String distributorId) {
    int v = indexOf(Checks.notNull(distributorId, "distributorId"));
    return v < 0 || placements == null || placements.parent[v] < 0 ? Optional.empty()
        : Optional.of(placement(v));
  }

  /**
   * The placements given, in the input order of the distributors placed.
   *
   * @return every placement; empty when the organisation has no placement tree
   */
  public List<Placement> placements() {
    if (placements == null) {
      return List.of();
    }
    List<Placement> all = new ArrayList<>();
    for (int in = 0; in < distributorCount(); in++) {
      int v = indexAt(in);
      if (placements.parent[v] >= 0) {
        all.add(placement(v));
      }
    }
    return List.copyOf(all);
  }

  private Placement placement(int v) {
    return new Placement(distributorId(v), distributorId(placements.parent[v]),
        placements.position[v]);
  }

  /** The placement tree; every distributor a root of it when nobody is placed. */
  Placements placementTree() {
    return placements != null ? placements : Placements.none(distributorCount());
  }

  /** Whether anyone has a placement (in a live copy: whether it keeps a placement tree). */
  boolean hasPlacements() {
    return placements != null;
  }


  /** {@return how many distributors there are} */
  public int distributorCount() {
    return joined == null ? distributorAt.length : joined.distributors;
  }

  /** {@return how many customers there are} */
  public int customerCount() {
    return joined == null ? customerAt.length : joined.customers;
  }

  /** {@return how many orders there are} */
  public int orderCount() {
    return orderAt.length;
  }

  /** {@return the volume types found on any order, sorted} */
  public List<String> volumeTypes() {
    return List.of(volumeTypes);
  }

  /** The index of the customer with this id, -1 if there is none. */
  int customerIndexOf(String id) {
    int i = customerIds.find(id);
    if (i >= 0) {
      return customerInput[i];
    }
    Integer c = joined == null ? null : joined.customerIndex.get(id);
    return c == null ? -1 : c;
  }

  /** The index of the order with this id, -1 if there is none. */
  int orderIndexOf(String id) {
    int i = orderIds.find(id);
    return i < 0 ? -1 : orderInput[i];
  }

  /** The index of the distributor with this id, -1 if there is none. */
  int indexOf(String id) {
    int i = distributorIds.find(id);
    if (i >= 0) {
      return distributorInput[i];
    }
    Integer v = joined == null ? null : joined.distributorIndex.get(id);
    return v == null ? -1 : v;
  }

  /** The id of distributor v. */
  String distributorId(int v) {
    return v < distributorAt.length ? distributorIds.get(distributorAt[v])
        : joinedDistributor(v).id();
  }

  /** The name of distributor v. */
  String distributorName(int v) {
    return v < distributorAt.length ? distributorContacts.get(3 * distributorAt[v])
        : joinedDistributor(v).name();
  }

  /**
   * The ids of the distributors built (not those who joined a live copy), by input position, as
   * UTF-8: for a bulk writer that copies bytes rather than make a {@code String} of each.
   */
  Texts distributorIdTexts() {
    return distributorIds.texts();
  }

  /**
   * Name, email and phone of the distributors built, three strings per input position ({@code
   * 3 * p} is the name), as UTF-8.
   */
  Texts distributorContactTexts() {
    return distributorContacts;
  }

  /** Whether the distributor built at input position p has a phone number (else it is ""). */
  boolean distributorHasPhone(int p) {
    return distributorHasPhone.get(p);
  }

  /** How many distributors were built: input positions below it have their text in the pools. */
  int builtDistributorCount() {
    return distributorAt.length;
  }

  /** The id of distributor v's sponsor, or null for a root. */
  String sponsorId(int v) {
    return parent[v] < 0 ? null : distributorId(parent[v]);
  }

  /** The day distributor v joined, in days since the epoch. */
  int joinedDay(int v) {
    return v < distributorAt.length ? distributorJoined[distributorAt[v]]
        : (int) joinedDistributor(v).joinDate().toEpochDay();
  }

  /** The record of distributor v, who joined a live copy. */
  private Distributor joinedDistributor(int v) {
    return joined.newDistributors.get(v - joined.builtDistributors);
  }

  Distributor distributor(int v) {
    if (v >= distributorAt.length) {
      Distributor d = joinedDistributor(v);
      return new Distributor(d.id(), parent[v] < 0 ? Optional.empty()
          : Optional.of(distributorId(parent[v])), d.joinDate(), d.name(), d.email(), d.phone());
    }
    int in = distributorAt[v];
    return new Distributor(distributorIds.get(in),
        parent[v] < 0 ? Optional.empty() : Optional.of(distributorId(parent[v])),
        LocalDate.ofEpochDay(distributorJoined[in]), distributorContacts.get(3 * in),
        distributorContacts.get(3 * in + 1), distributorHasPhone.get(in)
            ? Optional.of(distributorContacts.get(3 * in + 2)) : Optional.empty());
  }

  Customer customer(int c) {
    if (c >= customerAt.length) {
      Customer k = joined.newCustomers.get(c - joined.builtCustomers);
      return new Customer(k.id(), distributorId(customerOwner[c]), k.name(), k.email(),
          k.phone());
    }
    int in = customerAt[c];
    return new Customer(customerIds.get(in), distributorId(customerOwner[c]),
        customerContacts.get(3 * in), customerContacts.get(3 * in + 1),
        customerHasPhone.get(in) ? Optional.of(customerContacts.get(3 * in + 2))
            : Optional.empty());
  }

  /**
   * The id of customer c, one of the organisation as built: only {@link #order(int)} asks, for
   * the buyer of an order of the organisation (a customer who joined a live copy buys in the
   * live evaluation's own orders).
   */
  String customerId(int c) {
    return customerIds.get(customerAt[c]);
  }

  String orderId(int o) {
    return orderIds.get(orderAt[o]);
  }

  BigDecimal orderAmount(int o) {
    BigDecimal big = orderAmountBig.isEmpty() ? null : orderAmountBig.get(o);
    return big != null ? big : BigDecimal.valueOf(orderAmount[o], orderAmountScale[o]);
  }

  Order order(int o) {
    TreeMap<String, BigDecimal> vols = new TreeMap<>();
    for (int t = 0; t < volumeTypes.length; t++) {
      if (volumePresent[t].get(o)) {
        vols.put(volumeTypes[t],
            units.decimal(volume[t][o]).setScale(volumeScale[t][o]));
      }
    }
    String buyer = orderByCustomer[o] ? customerId(orderBuyer[o]) : distributorId(orderBuyer[o]);
    return new Order(orderId(o), orderByCustomer[o] ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR,
        buyer, instant(orderTime[o]), OrderStatus.values()[orderStatus[o]], vols, orderAmount(o));
  }

  int volumeTypeIndex(String type) {
    for (int t = 0; t < volumeTypes.length; t++) {
      if (volumeTypes[t].equals(type)) {
        return t;
      }
    }
    return -1;
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
        Math.floorMod(nanos, 1_000_000_000L));
  }

  /** {@link #csr} of the sponsor links, each sponsor's children in input order. */
  private int[][] csrByInput(int[] parent) {
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
    int[] items = new int[start[n]];
    int[] next = Arrays.copyOf(start, n);
    for (int in = 0; in < n; in++) {
      int v = distributorInput[in];
      if (parent[v] >= 0) {
        items[next[parent[v]]++] = v;
      }
    }
    return new int[][] {start, items};
  }

  /** Compressed rows: for each owner, the items whose owner it is, in item order. -1 = none. */
  private static int[][] csr(int[] owner, int owners) {
    int[] start = new int[owners + 1];
    int[] items = {0};
    chunked(0, owner.length, (from, to) -> items[0] += owned(owner, start, from, to));
    int[] out = new int[items[0]];
    scatter(owner, owner.length, owners, start, out);
    return new int[][] {start, out};
  }

  /** Counts the owners of items {@code [from, to)} as {@link #counted}: returns how many. */
  private static int owned(int[] owner, int[] start, int from, int to) {
    int items = 0;
    for (int i = from; i < to; i++) {
      int o = owner[i];
      if (o >= 0) {
        start[o + 1]++;
        items++;
      }
    }
    return items;
  }

  /**
   * Row numbers (1-based, in the order added) of the records kept. Until the first duplicate is
   * skipped every kept record's row is its index plus one, and nothing is stored.
   */
  private static final class Rows {
    private int added;
    private int kept;
    private int[] rows;

    /** The row number of the record being added. */
    int next() {
      return ++added;
    }

    /** The record of this row is kept, as the next index. */
    void keep(int row) {
      if (rows == null && row != kept + 1) {
        rows = new int[Math.max(16, kept * 2)];
        for (int i = 0; i < kept; i++) {
          rows[i] = i + 1;
        }
      }
      if (rows != null) {
        if (kept == rows.length) {
          rows = Arrays.copyOf(rows, kept * 2);
        }
        rows[kept] = row;
      }
      kept++;
    }

    /** The row number of the kept record at this index. */
    int of(int index) {
      return rows == null ? index + 1 : rows[index];
    }
  }

  /** A value in quotes, for a message that must show blanks. */
  private static String quoted(CharSequence value) {
    return "\"" + value + "\"";
  }

  /**
   * One volume type's values before the common scale is known, in input order: each order's
   * unscaled value, scale and whether it has one, packed into one long ({@link #set}), so that
   * copying the column into tree order reads one long per order at random where a value, a scale
   * and a bit of presence each cost a cache miss (at 10,000,000 orders a long and a byte array of
   * hundreds of megabytes and a bit set).
   */
  private static final class VolumeColumn {
    /** Stands in for a column once copied into the organisation. */
    static final VolumeColumn EMPTY = new VolumeColumn();
    /**
     * By input position: the unscaled value times 16, plus the scale (0 to {@link #MAX_DECIMALS})
     * times 2, plus 1; 0 for an order without this volume. A volume checked fits: it has at most
     * {@link #MAX_VOLUME_DIGITS} digits before the point and {@link #MAX_DECIMALS} after it, so
     * its unscaled value is below 10^17 in size, and 16 times that below 2^63.
     */
    long[] packed = new long[16];

    void reserve(int count) {
      if (count > packed.length) {
        packed = Arrays.copyOf(packed, count);
      }
    }

    /**
     * The column in the order {@code at} gives (input positions), in {@code units}: the values,
     * which are present and their scales, copied in ranges of rows ({@link Copy#rows}), on any
     * threads. The copy keeps this column's values until its last range is done.
     */
    Copy copy(int[] at, Units units) {
      // Shorter when the last orders have no such volume: they read 0, none.
      reserve(at.length);
      return new Copy(packed, at, units);
    }

    /** A volume column being copied into the order of {@code at}, a range of rows at a time. */
    static final class Copy {
      private long[] packed;
      private final int[] at;
      private final long[] factor = new long[MAX_DECIMALS + 1];
      final long[] values;
      /** Which are present, as the words of a {@link BitSet}. */
      final long[] present;
      final byte[] scales;
      /** Rows not copied yet. */
      private final java.util.concurrent.atomic.AtomicInteger left;

      Copy(long[] packed, int[] at, Units units) {
        this.packed = packed;
        this.at = at;
        for (int s = 0; s <= MAX_DECIMALS; s++) {
          factor[s] = s > units.scale ? 0 : units.rescale(1, s);
        }
        values = new long[at.length];
        present = new long[(at.length + 63) >> 6];
        scales = new byte[at.length];
        left = new java.util.concurrent.atomic.AtomicInteger(at.length);
      }

      /**
       * Copies rows {@code [from, to)}; {@code from} a multiple of 64 (each range sets words of
       * {@link #present} of its own).
       *
       * @return whether this was the last range left: the copy is then complete (and safely
       *     seen by this thread), and the builder's column let go of
       */
      boolean rows(int from, int to) {
        long[] p = packed;
        chunked(from, to, (a, b) -> rows(p, a, b));
        if (left.addAndGet(from - to) == 0) {
          packed = null;
          return true;
        }
        return false;
      }

      private void rows(long[] p, int from, int to) {
        for (int o = from; o < to; o++) {
          long x = p[at[o]];
          if (x != 0) {
            int s = (int) (x >>> 1) & 7;
            // The units are as fine as the finest volume: no product here overflows (see
            // packed).
            values[o] = (x >> 4) * factor[s];
            present[o >> 6] |= 1L << o;
            scales[o] = (byte) s;
          }
        }
      }
    }

    /** Sets order o's volume: unscaled value u with scale s, a volume that fits (see packed). */
    void set(int o, long u, int s) {
      if (s < 0 || s > MAX_DECIMALS || u >= LIMIT || u <= -LIMIT) {
        throw new IllegalArgumentException("volume out of range: " + u + "E-" + s);
      }
      if (o >= packed.length) {
        packed = Arrays.copyOf(packed, Math.max(o + 1, packed.length * 2));
      }
      packed[o] = (u << 4) | (s << 1) | 1;
    }

    /** Unscaled values are below this in size: 10^11 with six decimals. */
    private static final long LIMIT = 100_000_000_000_000_000L;
  }

  /**
   * Bytes of room per name, email and phone when a host says how many rows to expect: 51 a row.
   * The benchmarks' rows take 48.3 (distributors) and 48.9 (customers): with 16 (48 a row) the
   * contacts outgrew their room near the last rows, and a hundred megabytes were copied into a
   * new array at 1,000,000 distributors; 51 is also under an eighth to spare with the command
   * line's row estimates (3 to 4% over), so that {@link Texts#trim} copies nothing either.
   */
  private static final int CONTACT_BYTES = 17;

  /** Distributors as they are added. */
  private static final class DistributorPart {
    final IdTable ids = new IdTable(1024);
    final Texts contacts = new Texts(3 * 1024);
    final BitSet hasPhone = new BitSet();
    /** Sponsor ids by input position, empty for a root. */
    Texts sponsors = new Texts(1024);
    int[] joined = new int[1024];
    /** Placements as added: distributor ids, parent ids and positions, checked at build. */
    final Texts placed = new Texts(16);
    final Texts placedParents = new Texts(16);
    int[] placedPosition = new int[16];
    int placedCount;
    final Rows rows = new Rows();
    final List<Problem> problems = new ArrayList<>();
    /** The problems of ids found again, by {@link #index}. */
    final List<Problem> repeats = new ArrayList<>();
    /** The organisation last built from the records this part had, until they are taken back. */
    Organisation from;
    /** The work done once every distributor was added ({@link Builder#distributorsAdded}). */
    DistributorsEarly early;

    /** Puts the ids added since the last build into their table, each repeat a problem. */
    void index() {
      ids.index((p, first) -> repeats.add(Problem.core(Subject.distributor(ids.get(p),
          rows.of(p) - 1).field("id", String.valueOf(rows.of(first) - 1)),
          "distributor " + ids.get(p), "distributor.idAgain", ids.get(p), rows.of(first),
          rows.of(p))));
    }

    /**
     * Distributors {@link Builder#expect} was told of, room for whom the next row added makes
     * ({@link #reservePending}) on its own thread; 0 when none is pending.
     */
    int pending;

    private void reservePending() {
      int count = pending;
      pending = 0;
      reserve(count);
    }

    /** Makes room for this many distributors in all. */
    void reserve(int count) {
      ids.reserve(count);
      contacts.reserve(3 * count, CONTACT_BYTES);
      sponsors.reserve(count, 8);
      if (count > joined.length) {
        joined = Arrays.copyOf(joined, count);
      }
    }

    /** This part, holding again the distributors of the organisation last built, if any. */
    DistributorPart reopen() {
      if (from != null) {
        Organisation o = from;
        from = null;
        for (Distributor d : o.distributors()) {
          add(d.id(), d.sponsorId().orElse(null), d.joinDate(), d.name(), d.email(),
              d.phone().orElse(null));
        }
        for (Placement p : o.placements()) {
          place(p.distributorId(), p.parentId(), p.position());
        }
      }
      return this;
    }

    void place(String id, String parentId, int position) {
      Checks.notNull(id, "distributor id of a placement");
      Checks.notNull(parentId, "placement parent id of distributor ", id);
      if (placedCount == placedPosition.length) {
        placedPosition = Arrays.copyOf(placedPosition, placedCount + (placedCount >> 1) + 16);
      }
      placed.add(id);
      placedParents.add(parentId);
      placedPosition[placedCount++] = position;
    }

    void add(CharSequence id, CharSequence sponsorId, LocalDate joinDate, CharSequence name,
        CharSequence email, CharSequence phone) {
      Checks.notNull(id, "distributor id");
      Checks.notNull(joinDate, "joinDate of distributor ", id);
      Checks.notNull(name, "name of distributor ", id);
      Checks.notNull(email, "email of distributor ", id);
      if (pending > 0) {
        reservePending();
      }
      int row = rows.next();
      if (Texts.blank(id)) {
        problems.add(Problem.core(Subject.distributor("", row - 1).field("id"),
            "distributor in row " + row, "distributor.blankId", quoted(id)));
        return;
      }
      if (sponsorId != null && Texts.blank(sponsorId)) {
        problems.add(Problem.core(Subject.distributor(id.toString(), row - 1).field("sponsorId"),
            "distributor " + id, "distributor.blankSponsor", quoted(sponsorId)));
        sponsorId = null;
      }
      // A repeated id is found when the ids are indexed, at build.
      int i = ids.append(id);
      rows.keep(row);
      if (i == joined.length) {
        joined = Arrays.copyOf(joined, i + (i >> 1) + 16);
      }
      long day = joinDate.toEpochDay();
      joined[i] = (int) day;
      if (day != joined[i]) {
        throw new IllegalArgumentException("join date " + joinDate + " of distributor " + id
            + " is out of range");
      }
      if (sponsorId == null) {
        sponsors.addEmpty();
      } else {
        sponsors.add(sponsorId);
      }
      contacts.add(name);
      contacts.add(email);
      if (phone == null) {
        contacts.addEmpty();
      } else {
        contacts.add(phone);
        hasPhone.set(i);
      }
    }
  }

  /**
   * What {@link Builder#distributorsAdded} worked out from the distributors added up to then,
   * for {@link Builder#build()} to take as long as none was added or placed since ({@link
   * #holds}): the lookups of sponsors, the problems of those not found and of cycles, in the
   * order build() reports them, and the breadth-first walk.
   */
  private static final class DistributorsEarly {
    /** The distributors' rows added and placements made when this was worked out. */
    final int added;
    final int placed;
    /** Sponsor by input position, -1 for a root or an unknown sponsor. */
    final int[] parent;
    final List<Problem> unknownSponsors;
    final List<Problem> cycles;
    /** {@link Builder#topDown}'s order, and the sponsor tree in its indices (null if placed). */
    final int[] topDown;
    final int[][] tree;
    /** {@code topDown}'s inverse; null when there is a cycle or a placement. */
    final int[] input;

    DistributorsEarly(DistributorPart d, int[] parent, List<Problem> unknownSponsors,
        List<Problem> cycles, int[] topDown, int[][] tree, int[] input) {
      this.added = d.rows.added;
      this.placed = d.placedCount;
      this.parent = parent;
      this.unknownSponsors = unknownSponsors;
      this.cycles = cycles;
      this.topDown = topDown;
      this.tree = tree;
      this.input = input;
    }

    /** Whether this is still the work for the distributors {@code d} holds. */
    boolean holds(DistributorPart d) {
      return d.early == this && d.rows.added == added && d.placedCount == placed;
    }
  }

  /**
   * What {@link Builder#early} worked out once customers and distributors were all added: each
   * customer's owner, the problems of those not found, and (when the distributors' indices are
   * known) the customers in owner order; for {@link Builder#build()} to take as long as no
   * customer was added since and the distributors' work {@link #from} still holds.
   */
  private static final class CustomersEarly {
    final int added;
    final DistributorsEarly from;
    /** Each customer's owner by input position, -1 if not found; null once {@link #sorted}. */
    final int[] owner;
    final List<Problem> unknownOwners;
    /** {@link #customersByOwner}'s arrays, or null. */
    final int[][] sorted;

    CustomersEarly(CustomerPart c, DistributorsEarly from, int[] owner,
        List<Problem> unknownOwners, int[][] sorted) {
      this.added = c.rows.added;
      this.from = from;
      this.owner = owner;
      this.unknownOwners = unknownOwners;
      this.sorted = sorted;
    }

    boolean holds(CustomerPart c, DistributorsEarly d) {
      return c.early == this && c.rows.added == added && from == d;
    }
  }

  /** Customers as they are added. */
  private static final class CustomerPart {
    final IdTable ids = new IdTable(1024);
    final Texts contacts = new Texts(3 * 1024);
    final BitSet hasPhone = new BitSet();
    Texts owners = new Texts(1024);
    /** Filled in at build: each customer's distributor by input position. */
    int[] owner;
    final Rows rows = new Rows();
    final List<Problem> problems = new ArrayList<>();
    /** The problems of ids found again, by {@link #index}. */
    final List<Problem> repeats = new ArrayList<>();
    /** The organisation last built from the records this part had, until they are taken back. */
    Organisation from;
    /** The work done once every customer and distributor was added ({@link Builder#early}). */
    CustomersEarly early;

    /** Puts the ids added since the last build into their table, each repeat a problem. */
    void index() {
      ids.index((p, first) -> repeats.add(Problem.core(Subject.customer(ids.get(p),
          rows.of(p) - 1).field("id", String.valueOf(rows.of(first) - 1)),
          "customer " + ids.get(p), "customer.idAgain", ids.get(p), rows.of(first),
          rows.of(p))));
    }

    /** As {@link DistributorPart#pending}. */
    int pending;

    private void reservePending() {
      int count = pending;
      pending = 0;
      reserve(count);
    }

    /** Makes room for this many customers in all. */
    void reserve(int count) {
      ids.reserve(count);
      contacts.reserve(3 * count, CONTACT_BYTES);
      owners.reserve(count, 8);
    }

    /** This part, holding again the customers of the organisation last built, if any. */
    CustomerPart reopen() {
      if (from != null) {
        Organisation o = from;
        from = null;
        for (Customer c : o.customers()) {
          add(c.id(), c.distributorId(), c.name(), c.email(), c.phone().orElse(null));
        }
      }
      return this;
    }

    void add(CharSequence id, CharSequence distributorId, CharSequence name, CharSequence email,
        CharSequence phone) {
      Checks.notNull(id, "customer id");
      Checks.notNull(distributorId, "distributor id of customer ", id);
      Checks.notNull(name, "name of customer ", id);
      Checks.notNull(email, "email of customer ", id);
      if (pending > 0) {
        reservePending();
      }
      int row = rows.next();
      if (Texts.blank(id)) {
        problems.add(Problem.core(Subject.customer("", row - 1).field("id"),
            "customer in row " + row, "customer.blankId", quoted(id)));
        return;
      }
      CharSequence owner = distributorId;
      if (Texts.blank(owner)) {
        problems.add(Problem.core(Subject.customer(id.toString(), row - 1).field("distributorId"),
            "customer " + id, "customer.blankDistributor", quoted(owner)));
        owner = ""; // checked no further at build
      }
      // A repeated id is found when the ids are indexed, at build.
      int i = ids.append(id);
      rows.keep(row);
      owners.add(owner);
      contacts.add(name);
      contacts.add(email);
      if (phone == null) {
        contacts.addEmpty();
      } else {
        contacts.add(phone);
        hasPhone.set(i);
      }
    }
  }

  /** Orders as they are added, columnar. */
  private static final class OrderPart {
    final IdTable ids = new IdTable(1024);
    Texts buyers = new Texts(1024);
    /** Filled in at build: each order's buyer by input position. */
    int[] buyer;
    boolean[] byCustomer = new boolean[1024];
    long[] time = new long[1024];
    byte[] status = new byte[1024];
    long[] amount = new long[1024];
    byte[] amountScale = new byte[1024];
    final Map<Integer, BigDecimal> amountBig = new HashMap<>();
    final TreeMap<String, VolumeColumn> volumeColumns = new TreeMap<>();
    /**
     * The volume types of the last positional add (a copy, compared by value, so that a host
     * passing a fresh but equal list per order, as {@code add(Order)} does, keeps the fast
     * path), and their columns.
     */
    private List<String> lastTypes;
    private VolumeColumn[] lastColumns;
    int maxScale;
    final Rows rows = new Rows();
    final List<Problem> problems = new ArrayList<>();
    /** The problems of ids found again, by {@link #index}. */
    final List<Problem> repeats = new ArrayList<>();
    /** The organisation last built from the records this part had, until they are taken back. */
    Organisation from;

    /** Puts the ids added since the last build into their table, each repeat a problem. */
    void index() {
      ids.index((p, first) -> repeats.add(Problem.core(Subject.order(ids.get(p),
          rows.of(p) - 1).field("id", String.valueOf(rows.of(first) - 1)),
          "order " + ids.get(p), "order.idAgain", ids.get(p), rows.of(first), rows.of(p))));
    }

    /** Makes room for this many orders in all, in every column, those of volumes to come too. */
    void reserve(int count) {
      ids.reserve(count);
      buyers.reserve(count, 8);
      if (count > time.length) {
        byCustomer = Arrays.copyOf(byCustomer, count);
        time = Arrays.copyOf(time, count);
        status = Arrays.copyOf(status, count);
        amount = Arrays.copyOf(amount, count);
        amountScale = Arrays.copyOf(amountScale, count);
      }
      expected = Math.max(expected, count);
      for (VolumeColumn col : volumeColumns.values()) {
        col.reserve(count);
      }
    }

    /** Orders expected in all, for the volume columns made later. */
    int expected;

    /** As {@link DistributorPart#pending}. */
    int pending;

    private void reservePending() {
      int count = pending;
      pending = 0;
      reserve(count);
    }

    /** This part, holding again the orders of the organisation last built, if any. */
    OrderPart reopen() {
      if (from != null) {
        Organisation o = from;
        from = null;
        for (Order order : o.orders()) {
          Map<String, BigDecimal> vols = order.volumes();
          add(order.id(), order.buyerType(), order.buyerId(), order.timestamp(), order.status(),
              order.amount(), List.copyOf(vols.keySet()), vols.values().toArray(new BigDecimal[0]));
        }
      }
      return this;
    }

    /**
     * Adds one order whose volumes are {@code volumes[k]} of type {@code types.get(k)}.
     *
     * @return whether the order was kept (false for a duplicate id)
     */
    void add(CharSequence id, BuyerType buyerType, CharSequence buyerId, Instant timestamp,
        OrderStatus st, BigDecimal amt, List<String> types, BigDecimal[] volumes) {
      Checks.notNull(id, "order id");
      Checks.notNull(buyerType, "buyerType of order ", id);
      Checks.notNull(buyerId, "buyer id of order ", id);
      Checks.notNull(timestamp, "timestamp of order ", id);
      Checks.notNull(st, "status of order ", id);
      Checks.notNull(amt, "amount of order ", id);
      if (pending > 0) {
        reservePending();
      }
      boolean sameTypes = types.equals(lastTypes);
      if (!sameTypes) {
        for (int k = 0; k < types.size(); k++) {
          if (types.get(k) == null) {
            throw new NullPointerException("volumeTypes of order " + id
                + " must not contain null (position " + (k + 1) + ")");
          }
        }
      }
      for (int k = 0; k < volumes.length; k++) {
        if (volumes[k] == null) {
          throw new NullPointerException("volumes of order " + id
              + " must not contain null (position " + (k + 1) + ")");
        }
      }
      if (types.size() != volumes.length) {
        throw new IllegalArgumentException("order " + id + " has " + volumes.length
            + " volumes for " + types.size() + " volume types " + types);
      }
      // The order's subject and words for a message are made only for a problem: an order that
      // has none (almost every one) costs no String or Subject of its own.
      int row = rows.next();
      int o = open(row, id, buyerId);
      if (o < 0) {
        return;
      }
      Instant ts = timestamp;
      if (ts.isBefore(MIN_TIME) || ts.isAfter(MAX_TIME)) {
        problems.add(Problem.core(Subject.order(id.toString(), row - 1).field("timestamp"),
            "order " + id,
            "order.timestamp",
            ts.toString(), MIN_TIME.toString(), MAX_TIME.toString()));
        ts = Instant.EPOCH;
      }
      byCustomer[o] = buyerType == BuyerType.CUSTOMER;
      time[o] = nanos(ts);
      status[o] = (byte) st.ordinal();
      if (!amountFits(amt)) {
        problems.add(amountProblem(Subject.order(id.toString(), row - 1), "order " + id, amt));
        amt = BigDecimal.ZERO;
      }
      if (amt.scale() == (byte) amt.scale() && amt.precision() <= 18) {
        amount[o] = unscaled(amt);
        amountScale[o] = (byte) amt.scale();
      } else {
        amountBig.put(o, amt);
      }
      if (!sameTypes) {
        lastColumns = new VolumeColumn[types.size()];
        for (int k = 0; k < lastColumns.length; k++) {
          Checks.id(types.get(k), "volume type of order ", id);
          lastColumns[k] = volumeColumns.computeIfAbsent(types.get(k), t -> {
            VolumeColumn col = new VolumeColumn();
            col.reserve(expected);
            return col;
          });
        }
        lastTypes = List.copyOf(types);
      }
      for (int k = 0; k < volumes.length; k++) {
        volume(id, row, o, st, types.get(k), lastColumns[k], volumes[k]);
      }
    }

    /** The volume columns of the last {@link dev.rankgauge.internal.OrderRow}'s types. */
    private List<String> rowTypes;
    private VolumeColumn[] rowColumns;

    /**
     * Adds an order row in units, keeping what {@link #add} keeps for its values as an
     * {@link Instant} and {@link BigDecimal}s; a row with a value that {@code add} would check
     * further (a time or an amount out of range, a negative volume that is no return, too many
     * digits or decimals) goes through {@code add} itself, with those values.
     */
    void add(dev.rankgauge.internal.OrderRow r) {
      if (pending > 0) {
        reservePending();
      }
      boolean plain = r.id != null && r.buyer != null && r.status != null
          && r.epochSecond >= MIN_TIME.getEpochSecond()
          && r.epochSecond <= MAX_TIME.getEpochSecond()
          && r.amountScale >= 0 && r.amountScale <= MAX_DECIMALS
          && within(r.amount, Math.min(18, MAX_AMOUNT_DIGITS + r.amountScale));
      for (int k = 0; k < r.volumes.length && plain; k++) {
        plain = (r.volumes[k] >= 0 || r.status == OrderStatus.RETURNED)
            && r.scales[k] >= 0 && r.scales[k] <= MAX_DECIMALS
            && within(r.volumes[k], MAX_VOLUME_DIGITS + r.scales[k]);
      }
      if (!plain) {
        BigDecimal[] volumes = new BigDecimal[r.volumes.length];
        for (int k = 0; k < volumes.length; k++) {
          volumes[k] = BigDecimal.valueOf(r.volumes[k], r.scales[k]);
        }
        add(r.id, r.byCustomer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR, r.buyer,
            Instant.ofEpochSecond(r.epochSecond), r.status,
            BigDecimal.valueOf(r.amount, r.amountScale), r.types, volumes);
        return;
      }
      int row = rows.next();
      CharSequence id = r.id;
      int o = open(row, id, r.buyer);
      if (o < 0) {
        return;
      }
      byCustomer[o] = r.byCustomer;
      time[o] = r.epochSecond * 1_000_000_000L;
      status[o] = (byte) r.status.ordinal();
      amount[o] = r.amount;
      amountScale[o] = (byte) r.amountScale;
      if (r.types != rowTypes) {
        rowColumns = new VolumeColumn[r.types.size()];
        for (int k = 0; k < rowColumns.length; k++) {
          Checks.id(r.types.get(k), "volume type of order ", id);
          rowColumns[k] = volumeColumns.computeIfAbsent(r.types.get(k), t -> {
            VolumeColumn col = new VolumeColumn();
            col.reserve(expected);
            return col;
          });
        }
        rowTypes = r.types;
      }
      for (int k = 0; k < rowColumns.length; k++) {
        maxScale = Math.max(maxScale, r.scales[k]);
        rowColumns[k].set(o, r.volumes[k], r.scales[k]);
      }
    }

    /**
     * Starts order row {@code row} (from 1) of both ways of adding one: its id and buyer kept, a
     * blank buyer reported and kept as empty, room made in the order columns; its position
     * returned, or -1 for a blank id (reported; the row is not kept).
     */
    private int open(int row, CharSequence id, CharSequence buyer) {
      if (Texts.blank(id)) {
        problems.add(Problem.core(Subject.order("", row - 1).field("id"), "order in row " + row,
            "order.blankId", quoted(id)));
        return -1;
      }
      CharSequence b = buyer;
      if (Texts.blank(b)) {
        problems.add(Problem.core(Subject.order(id.toString(), row - 1).field("buyerId"),
            "order " + id, "order.blankBuyer", quoted(b)));
        b = ""; // checked no further at build
      }
      // A repeated id is found when the ids are indexed, at build.
      int o = ids.append(id);
      rows.keep(row);
      buyers.add(b);
      if (o == time.length) {
        grow(o);
      }
      return o;
    }

    /** Makes room in the order columns for rows past {@code o}, the length they have now. */
    private void grow(int o) {
      int len = o + (o >> 1) + 16;
      byCustomer = Arrays.copyOf(byCustomer, len);
      time = Arrays.copyOf(time, len);
      status = Arrays.copyOf(status, len);
      amount = Arrays.copyOf(amount, len);
      amountScale = Arrays.copyOf(amountScale, len);
    }

    /** Whether {@code -10^digits < u < 10^digits}, for digits up to 18. */
    private static boolean within(long u, int digits) {
      long bound = TENS[digits];
      return u < bound && u > -bound;
    }

    private static final long[] TENS = new long[19];

    static {
      TENS[0] = 1;
      for (int i = 1; i < TENS.length; i++) {
        TENS[i] = TENS[i - 1] * 10;
      }
    }

    private void volume(CharSequence id, int row, int o, OrderStatus st, String type,
        VolumeColumn col, BigDecimal volume) {
      BigDecimal v = volume;
      // What checkedVolume lets through as it is, without the subject it needs for a problem.
      boolean plain = (v.signum() >= 0 || st == OrderStatus.RETURNED)
          && Checks.fits(v, MAX_VOLUME_DIGITS) && v.scale() >= 0 && v.scale() <= MAX_DECIMALS;
      if (!plain) {
        v = checkedVolume(Subject.order(id.toString(), row - 1), "order " + id, st, type, volume,
            problems);
        if (v == null) {
          return;
        }
      }
      maxScale = Math.max(maxScale, v.scale());
      col.set(o, unscaled(v), v.scale());
    }
  }

  /**
   * The unscaled value's low 64 bits, as {@code v.unscaledValue().longValue()}, without the
   * {@link java.math.BigInteger} that makes for a decimal held in a long.
   */
  static long unscaled(BigDecimal v) {
    return v.scaleByPowerOfTen(v.scale()).longValue();
  }

  /**
   * One volume of an order against the range every order keeps (README, "Numbers"): not negative
   * unless the order is a return, below {@link #MAX_VOLUME} in size, at most
   * {@link #MAX_DECIMALS} decimals. The one check of the builder and of live events.
   *
   * @return the volume with a scale from 0 to {@link #MAX_DECIMALS}, or null if it cannot be
   *     held (its problem is then added)
   */
  static BigDecimal checkedVolume(Subject subject, String where, OrderStatus st, String type,
      BigDecimal volume, List<Problem> problems) {
    if (volume.signum() < 0 && st != OrderStatus.RETURNED) {
      problems.add(Problem.core(subject.field("volumes", type), where, "order.negativeVolume",
          type, Checks.shown(volume), st.name()));
    }
    // Size first, from precision and scale alone: 1E+999999999 must never be expanded.
    if (!Checks.fits(volume, MAX_VOLUME_DIGITS)) {
      problems.add(Problem.core(subject.field("volumes", type), where, "order.volumeSize",
          type, Checks.shown(volume), MAX_VOLUME.toPlainString()));
      return null;
    }
    BigDecimal v = Units.withinMaxDecimals(volume);
    if (v == null) {
      problems.add(Problem.core(subject.field("volumes", type), where, "order.volumeDecimals",
          type, Checks.shown(volume.stripTrailingZeros()), MAX_DECIMALS));
    }
    return v;
  }

  /**
   * The problem of an order's amount out of its range (README, "Numbers"): below
   * {@link #MAX_AMOUNT} in size, at most {@link #MAX_DECIMALS} decimals ({@link #amountFits}).
   */
  static Problem amountProblem(Subject subject, String where, BigDecimal amount) {
    return Problem.core(subject.field("amount"), where, "order.amount", Checks.shown(amount),
        MAX_AMOUNT.toPlainString(), MAX_DECIMALS);
  }

  /** Whether an amount is within its range: else {@link #amountProblem} is its problem. */
  static boolean amountFits(BigDecimal amount) {
    return Checks.fits(amount, MAX_AMOUNT_DIGITS) && Units.withinMaxDecimals(amount) != null;
  }

  /**
   * Collects distributors, customers and orders in any order; {@link #build()} checks them all.
   * Records are checked field by field as they are added; whatever involves more than one record
   * (ids, sponsors, cycles) is checked at build.
   *
   * <p>Besides the record methods ({@link #add(Distributor)}, ...), the builder takes rows as
   * plain values ({@link #distributor}, {@link #customer}, {@link #order}), which makes no record
   * per row: the way for a host streaming millions of rows from a database or a file. Both keep
   * the same compact form. The row methods take their texts as {@link CharSequence}s and copy
   * their characters during the call (as UTF-8, straight into the builder's arrays while they are
   * ASCII), so that a reader of bytes can hand each value as a view of its own buffer, reused from
   * row to row, rather than make a {@code String} per value; a host holding {@code String}s
   * passes them as they are.
   *
   * <p>Not thread-safe, with one exception that lets a host read its three kinds of rows at
   * once: distributors, customers and orders are kept apart, so one thread may add distributors
   * while another adds customers and a third orders; each of them may also make room for its
   * own kind, with {@link #expect} giving 0 for the two others, and tell the builder when its
   * last row is added ({@link #distributorsAdded()}, {@link #customersAdded()}, {@link
   * #ordersAdded()}), so that the work of {@code build()} that needs only that kind runs while
   * the others still add theirs. {@link #build()} must then be called after all three have
   * finished (for instance after joining them).
   */
  public static final class Builder {
    // Building hands each part's arrays to the organisation, without copies, to keep the peak
    // low. The builder then starts fresh parts that know what was built and take its records
    // back only if they are used again (reopen), so a builder that builds once pays nothing for
    // being able to build again.
    private DistributorPart distributors = new DistributorPart();
    private CustomerPart customers = new CustomerPart();
    private OrderPart orders = new OrderPart();

    private Builder() {}

    static {
      // The one way into the builder for rows in units: dev.rankgauge.internal.OrderRow.addTo,
      // which RankGauge's CSV reader calls (not an API: no public method of the builder names an
      // internal type).
      dev.rankgauge.internal.OrderRow.register((b, row) -> b.orders.reopen().add(row));
    }

    /**
     * Tells the builder that every order is added: it indexes their ids now, on the calling
     * thread, rather than in {@link #build()}. Optional, as {@link #distributorsAdded()} is: the
     * thread that added the orders calls it after its last one, before {@code build()}; orders
     * added after the call are not lost ({@code build()} indexes those).
     *
     * @return this builder
     */
    public Builder ordersAdded() {
      orders.reopen().index();
      return this;
    }

    /**
     * Guards the hand-over between {@link #distributorsAdded} and {@link #customersAdded},
     * which two threads may call at once: {@link DistributorPart#early} and {@link
     * #customersWaiting}.
     */
    private final Object handOver = new Object();
    /** Customers all added (and indexed) before the distributors' work was done; or null. */
    private CustomerPart customersWaiting;

    /**
     * Tells the builder that every distributor (and placement) is added: it does now, on the
     * calling thread, the part of {@link #build()}'s work that needs only them (indexing their
     * ids, looking up their sponsors, walking the sponsor tree), and the customers' part too
     * (looking up their distributors, ordering them by distributor) if {@link #customersAdded()}
     * came first.
     *
     * <p>For a host that adds each kind of row on a thread of its own, as the builder allows (see
     * the class's note on threads) and as RankGauge's CSV reader does: each thread tells the
     * builder as its last row is added, so that this work runs while the other threads still
     * add theirs, rather than after them in {@code build()}. A host adding the kinds one after
     * another on one thread gains nothing by it.
     *
     * <p>Optional, and only about when the work is done: the organisation built, or the problems
     * reported, are the same as without it. Call it on the thread that added the distributors
     * (or one that has joined it), after its last row and before {@code build()}, which is
     * called after every such call has returned. Distributors added or placed after the call are
     * not lost: {@code build()} then does the work again.
     *
     * @return this builder
     */
    public Builder distributorsAdded() {
      distributorsAdded(null);
      return this;
    }

    /**
     * {@link #distributorsAdded()}, running {@code indexed} (if given) as soon as the
     * distributors' table is finished: their ids indexed and trimmed, so that other threads may
     * look ids up in it while this one goes on with the sponsors and the walk.
     */
    private void distributorsAdded(Runnable indexed) {
      DistributorPart d = distributors.reopen();
      d.early = null;
      d.index();
      IdTable ids = d.ids;
      // Their texts' spare room too (the organisation's trims find none left); the table's
      // before any lookup, so that it is finished from here on.
      ids.trim();
      if (indexed != null) {
        indexed.run();
      }
      int n = ids.size();
      int[] parent = new int[n];
      Texts sponsors = d.sponsors;
      List<Problem> unknown = new ArrayList<>();
      if (ids.findAll(sponsors, 0, n, parent, null, false) > 0) {
        unknownSponsors(parent, unknown);
      }
      List<Problem> cycles = new ArrayList<>();
      int[][] tree = d.placedCount > 0 ? null : new int[][] {new int[n], new int[n + 1]};
      int[] topDown = topDown(parent, cycles, false, tree);
      int[] input = tree != null && topDown.length == n ? inverse(topDown) : null;
      d.contacts.trim();
      if (d.joined.length != n) {
        d.joined = Arrays.copyOf(d.joined, n);
      }
      DistributorsEarly e = new DistributorsEarly(d, parent, unknown, cycles, topDown, tree,
          input);
      CustomerPart waiting;
      synchronized (handOver) {
        d.early = e;
        waiting = customersWaiting;
        customersWaiting = null;
      }
      if (waiting != null) {
        early(waiting, e);
      }
    }

    /**
     * Tells the builder that every customer is added: it indexes their ids now, on the calling
     * thread, and looks up their distributors and orders them by distributor if {@link
     * #distributorsAdded()} has been told (else that call does it). Optional, and called as
     * {@code distributorsAdded()} is, on the thread that added the customers.
     *
     * @return this builder
     */
    public Builder customersAdded() {
      CustomerPart c = customers.reopen();
      c.early = null;
      c.index();
      c.ids.trim();
      c.contacts.trim();
      DistributorsEarly e;
      synchronized (handOver) {
        e = distributors.early;
        if (e == null || !e.holds(distributors)) {
          e = null;
          customersWaiting = c;
        }
      }
      if (e != null) {
        early(c, e);
      }
      return this;
    }

    /** The customers' lookups and sort, once their ids and the distributors' work are done. */
    private void early(CustomerPart c, DistributorsEarly e) {
      int count = c.ids.size();
      int[] owner = new int[count];
      List<Problem> unknown = new ArrayList<>();
      int[][] sorted = null;
      if (distributors.ids.findAll(c.owners, 0, count, owner, null, false) > 0) {
        unknownOwners(c, owner, unknown);
      } else if (e.input != null && c.problems.isEmpty()) {
        // (A blank owner, found as -1 but reported as blank, fails the build: nothing to sort.)
        sorted = customersByOwner(owner, count, e.input.length, e.input);
        owner = null;
      }
      c.early = new CustomersEarly(c, e, owner, unknown, sorted);
    }

    /** The problems of distributors whose sponsor was not found ({@code parent} -1). */
    private void unknownSponsors(int[] parent, List<Problem> problems) {
      IdTable dIds = distributors.ids;
      Texts sponsors = distributors.sponsors;
      for (int i = 0; i < parent.length; i++) {
        if (parent[i] < 0 && !sponsors.isEmpty(i)) {
          problems.add(Problem.core(
              Subject.distributor(dIds.get(i), distributors.rows.of(i) - 1).field("sponsorId"),
              "distributor " + dIds.get(i), "distributor.unknownSponsor", sponsors.get(i)));
        }
      }
    }

    /** The problems of customers whose distributor was not found ({@code owner} -1). */
    private static void unknownOwners(CustomerPart c, int[] owner, List<Problem> problems) {
      for (int i = 0; i < owner.length; i++) {
        if (owner[i] < 0 && !c.owners.isEmpty(i)) {
          problems.add(Problem.core(Subject.customer(c.ids.get(i), c.rows.of(i) - 1)
              .field("distributorId"), "customer " + c.ids.get(i),
              "customer.unknownDistributor", c.owners.get(i)));
        }
      }
    }

    /**
     * Makes room for about this many rows of each kind in all, so that adding them copies no
     * table or column as it grows: a host that knows its counts (a {@code count(*)}, a file's
     * size) saves that time and the memory of the copies. Only a hint: more rows or fewer may be
     * added, and nothing else changes. A kind given 0 is left as it is: the threads adding the
     * three kinds at once may each make room for its own. Each kind's room is made as its first
     * row is added, on the thread adding it: a host that tells every count at once and then adds
     * the three kinds on three threads has them made (hundreds of megabytes zeroed at 1,000,000
     * distributors) on those threads at once, not one after another on the thread that called
     * this.
     *
     * @param distributors distributors expected, 0 or more
     * @param customers customers expected, 0 or more
     * @param orders orders expected, 0 or more
     * @return this builder
     * @throws IllegalArgumentException if a count is negative
     */
    public Builder expect(int distributors, int customers, int orders) {
      if (distributors < 0 || customers < 0 || orders < 0) {
        throw new IllegalArgumentException("expected counts cannot be negative: " + distributors
            + " distributors, " + customers + " customers, " + orders + " orders");
      }
      // A kind given 0 is left alone, so that threads adding the three kinds at once may each
      // make room for its own (see the class's note on threads).
      if (distributors > 0) {
        DistributorPart d = this.distributors.reopen();
        d.pending = Math.max(d.pending, distributors);
      }
      if (customers > 0) {
        CustomerPart c = this.customers.reopen();
        c.pending = Math.max(c.pending, customers);
      }
      if (orders > 0) {
        OrderPart o = this.orders.reopen();
        o.pending = Math.max(o.pending, orders);
      }
      return this;
    }

    /**
     * Adds a distributor.
     *
     * @param d the distributor
     * @return this builder
     */
    public Builder add(Distributor d) {
      Checks.notNull(d, "distributor");
      distributors.reopen().add(d.id(), d.sponsorId().orElse(null), d.joinDate(), d.name(), d.email(),
          d.phone().orElse(null));
      return this;
    }

    /**
     * Adds a distributor given as plain values, as {@link Distributor} describes them.
     *
     * <p>The texts may be {@link String}s or any other {@link CharSequence}: their characters are
     * copied during the call and no reference to them is kept, so a reader may pass a view of
     * its own buffer and reuse it for the next row, without a {@code String} per value (see
     * {@link Builder}).
     *
     * @param sponsorId the sponsor's id, or {@code null} for a root of the company
     * @param phone the phone number, or {@code null} if unknown
     * @param id unique among distributors, not blank
     * @param joinDate the date this distributor joined
     * @param name the display name
     * @param email the contact email, possibly empty
     * @return this builder
     * @throws NullPointerException if an argument other than sponsorId or phone is null; a blank
     *     id or sponsor id is a problem that {@link #build()} reports
     */
    public Builder distributor(CharSequence id, CharSequence sponsorId, LocalDate joinDate,
        CharSequence name, CharSequence email, CharSequence phone) {
      distributors.reopen().add(id, sponsorId, joinDate, name, email, phone);
      return this;
    }

    /**
     * Places a distributor in the placement tree. The distributor may be added before or after;
     * {@link #build()} checks the placement against every other.
     *
     * @param p the placement
     * @return this builder
     */
    public Builder add(Placement p) {
      Checks.notNull(p, "placement");
      distributors.reopen().place(p.distributorId(), p.parentId(), p.position());
      return this;
    }

    /**
     * Places a distributor in the placement tree, given as plain values, as {@link Placement}
     * describes them: the row method for a host streaming placements (or reading them from the
     * distributor's own row).
     *
     * @param distributorId the distributor placed
     * @param parentId the placement parent
     * @param position the slot under the parent: 1 (left) or 2 (right) in a binary tree, 1 to
     *     the width in a matrix
     * @return this builder
     * @throws NullPointerException if an id is null; a blank id, an unknown one or a position
     *     out of range is a problem that {@link #build()} reports
     */
    public Builder place(String distributorId, String parentId, int position) {
      distributors.reopen().place(distributorId, parentId, position);
      return this;
    }

    /**
     * Adds a customer.
     *
     * @param c the customer
     * @return this builder
     */
    public Builder add(Customer c) {
      Checks.notNull(c, "customer");
      customers.reopen().add(c.id(), c.distributorId(), c.name(), c.email(), c.phone().orElse(null));
      return this;
    }

    /**
     * Adds a customer given as plain values, as {@link Customer} describes them. The texts may be
     * any {@link CharSequence}, copied during the call, as for {@link #distributor}.
     *
     * @param phone the phone number, or {@code null} if unknown
     * @param id unique among customers, not blank
     * @param distributorId the distributor this customer is a personal customer of
     * @param name the display name
     * @param email the contact email, possibly empty
     * @return this builder
     * @throws NullPointerException if an argument other than phone is null; a blank id is a
     *     problem that {@link #build()} reports
     */
    public Builder customer(CharSequence id, CharSequence distributorId, CharSequence name,
        CharSequence email, CharSequence phone) {
      customers.reopen().add(id, distributorId, name, email, phone);
      return this;
    }

    /**
     * Adds an order.
     *
     * @param order the order
     * @return this builder
     */
    public Builder add(Order order) {
      Checks.notNull(order, "order");
      Map<String, BigDecimal> vols = order.volumes();
      orders.reopen().add(order.id(), order.buyerType(), order.buyerId(), order.timestamp(),
          order.status(), order.amount(), List.copyOf(vols.keySet()),
          vols.values().toArray(new BigDecimal[0]));
      return this;
    }

    /**
     * Adds an order given as plain values, as {@link Order} describes them, with its volumes by
     * position: {@code volumes[k]} is of type {@code volumeTypes.get(k)}. Pass the same list of
     * types for every order (it is looked at again only when another list comes). The ids may be
     * any {@link CharSequence}, copied during the call, as for {@link #distributor}.
     *
     * @param id unique among orders, not blank
     * @param buyerType whether a distributor or a customer bought
     * @param buyerId the id of the distributor or customer who bought
     * @param timestamp when the order was placed; the plan's time zone decides its period
     * @param status paid, returned or cancelled
     * @param amount the money amount of the order in the plan's currency
     * @param volumeTypes the type of each volume, in the order of {@code volumes}
     * @param volumes the order's volumes, exact decimals, one per entry of {@code volumeTypes}
     * @return this builder
     * @throws IllegalArgumentException if a volume type is blank, or there are not as many
     *     volumes as types; a blank id or buyer id is a problem that {@link #build()} reports
     * @throws NullPointerException if an argument or a volume is null
     */
    public Builder order(CharSequence id, BuyerType buyerType, CharSequence buyerId,
        Instant timestamp, OrderStatus status, BigDecimal amount, List<String> volumeTypes,
        BigDecimal... volumes) {
      Checks.notNull(volumeTypes, "volumeTypes of order ", id);
      Checks.notNull(volumes, "volumes of order ", id);
      orders.reopen().add(id, buyerType, buyerId, timestamp, status, amount, volumeTypes, volumes);
      return this;
    }

    /**
     * Adds every distributor.
     *
     * @param all the distributors, added in iteration order
     * @return this builder
     */
    public Builder addDistributors(Iterable<Distributor> all) {
      addAll(all, "distributor", this::add);
      return this;
    }

    /**
     * Adds every customer.
     *
     * @param all the customers, added in iteration order
     * @return this builder
     */
    public Builder addCustomers(Iterable<Customer> all) {
      addAll(all, "customer", this::add);
      return this;
    }

    /**
     * Adds every order.
     *
     * @param all the orders, added in iteration order
     * @return this builder
     */
    public Builder addOrders(Iterable<Order> all) {
      addAll(all, "order", this::add);
      return this;
    }

    /**
     * Adds every placement.
     *
     * @param all the placements, added in iteration order
     * @return this builder
     */
    public Builder addPlacements(Iterable<Placement> all) {
      addAll(all, "placement", this::add);
      return this;
    }

    private static <T> void addAll(Iterable<T> all, String kind,
        java.util.function.Consumer<T> add) {
      Checks.notNull(all, "all");
      int i = 0;
      for (T t : all) {
        i++;
        if (t == null) {
          throw new NullPointerException("all must not contain null (" + kind + " at position "
              + i + ")");
        }
        add.accept(t);
      }
    }

    /**
     * Checks everything added and builds the organisation. A builder builds as often as asked:
     * after a build it still holds every record added, more may be added, and the next build
     * gives an organisation with all of them. A build that fails leaves the builder as it was.
     *
     * @return the organisation
     * @throws ValidationException listing every problem: blank ids (each with the record's
     *     position), duplicate ids, sponsors, customers' distributors and
     *     buyers that do not exist, sponsorship cycles (each listed), negative volumes on orders
     *     that are not returns, volumes with more than six decimals; and for placements: a
     *     distributor or placement parent that does not exist, a distributor placed twice, two
     *     distributors in one position, a position out of range, placement cycles (each listed)
     *     and a placement parent in another organisation (under another root of the sponsor tree)
     */
    public Organisation build() {
      distributors.reopen();
      customers.reopen();
      orders.reopen();
      customersWaiting = null;
      // The work done as each kind's rows were all added, where it still holds.
      DistributorsEarly de = distributors.early != null && distributors.early.holds(distributors)
          ? distributors.early : null;
      CustomersEarly ce = de != null && customers.early != null
          && customers.early.holds(customers, de) ? customers.early : null;
      // The customers' distributors by input position when looked up during the distributors'
      // work below, and how many were not found.
      int[] ownersEarly = null;
      int missingEarly = 0;
      if (de == null) {
        // The distributors' work that a reader does as their rows end (distributorsAdded:
        // their ids, sponsors, the walk and its inverse) on this thread, while the common pool
        // indexes the customers' and the orders' ids: each part's table and problems are its
        // own. Then the same as when a reader did it (below). The three ids' tables at once and
        // the walk after every lookup left a core idle for the walk. Once the distributors'
        // ids are indexed, the pool also looks up the customers' distributors: done indexing
        // in half the time of the distributors' work, it had nothing else to do until then.
        ForkJoinTask<?> customerIds = ForkJoinTask.adapt(customers::index).fork();
        ForkJoinTask<?> orderIds = ForkJoinTask.adapt(orders::index).fork();
        int[] ownerOf = new int[customers.ids.size()];
        // Ranges of them that the pool (once done indexing) and this thread (once done with
        // the distributors) take in turn.
        Ranged owners = new Ranged((from, to) -> distributors.ids.findAll(customers.owners,
            from, to, ownerOf, null, false), ownerOf.length);
        List<ForkJoinTask<?>> lookups = new ArrayList<>(1);
        try {
          distributorsAdded(() -> lookups.add(ForkJoinTask.adapt(owners::take).fork()));
          owners.take();
        } catch (RuntimeException | Error e) {
          owners.stop();
          customerIds.quietlyJoin();
          orderIds.quietlyJoin();
          lookups.forEach(ForkJoinTask::quietlyJoin);
          throw e;
        }
        customerIds.join();
        orderIds.join();
        lookups.get(0).join();
        missingEarly = owners.missing();
        ownersEarly = ownerOf;
        de = distributors.early;
      } else {
        // Indexed already, unless added before the distributors and not told (a no-op then).
        customers.index();
      }
      // As for the customers', unless the orders' were indexed as they ended (a no-op then).
      orders.index();
      DistributorsEarly d = de;
      IdTable dIds = distributors.ids;
      int n = dIds.size();
      int c = customers.ids.size();
      int m = orders.ids.size();
      int[] parent = d.parent;
      int[] owner = ce != null ? ce.owner : ownersEarly != null ? ownersEarly : new int[c];
      int[][] sorted = ce != null ? ce.sorted : null;
      // The customers' distributors, on the calling thread and the common pool's: the tables
      // are finished, and each lookup writes only its own slot.
      int missingOwners = ce != null ? 0 : ownersEarly != null ? missingEarly
          : resolve((from, to) -> dIds.findAll(customers.owners, from, to, owner, null, false),
              c);
      // Then the customers in owner order on the common pool while this thread looks up the
      // orders' buyers (and the pool helps once done), where ce has not sorted them (see
      // early: not when a lookup failed, nor with a cycle or a placement).
      ForkJoinTask<int[][]> byOwner = ce == null && missingOwners == 0 && d.input != null
          && customers.problems.isEmpty()
          ? ForkJoinTask.adapt(() -> customersByOwner(owner, c, n, d.input)).fork() : null;
      int[] buyer = new int[m];
      int missingBuyers;
      try {
        // Each order's buyer in the distributors' table or the customers', in one pass.
        missingBuyers = resolve((from, to) -> IdTable.findEither(dIds, customers.ids,
            orders.buyers, from, to, buyer, orders.byCustomer), m);
      } catch (RuntimeException | Error e) {
        if (byOwner != null) {
          byOwner.quietlyJoin();
        }
        throw e;
      }
      if (byOwner != null) {
        sorted = byOwner.join();
      }
      List<Problem> problems = withRepeats(distributors.problems, distributors.repeats);
      problems.addAll(withRepeats(customers.problems, customers.repeats));
      problems.addAll(withRepeats(orders.problems, orders.repeats));
      // Each kind's rows are gone over for its unknown references only if it has any.
      problems.addAll(d.unknownSponsors);
      if (ce != null) {
        problems.addAll(ce.unknownOwners);
      } else if (missingOwners > 0) {
        unknownOwners(customers, owner, problems);
      }
      for (int o = 0; missingBuyers > 0 && o < m; o++) {
        boolean byCustomer = orders.byCustomer[o];
        if (buyer[o] < 0 && !orders.buyers.isEmpty(o)) {
          problems.add(Problem.core(
              Subject.order(orders.ids.get(o), orders.rows.of(o) - 1).field("buyerId"),
              "order " + orders.ids.get(o), byCustomer ? "order.unknownCustomer"
              : "order.unknownDistributor", orders.buyers.get(o)));
        }
      }
      int[][] sponsorTree = d.tree;
      int[] topDown = d.topDown;
      problems.addAll(d.cycles);
      int[] placementParent = null;
      byte[] position = null;
      if (distributors.placedCount > 0) {
        placementParent = new int[n];
        position = new byte[n];
        placements(parent, topDown, placementParent, position, problems);
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(Problem.CORE, Problem.Part.of("input.organisation"), problems);
      }
      if (placementParent != null) {
        // Numbered so that both parents come first where the trees allow it: an evaluation then
        // decides everyone after both their downlines by walking the indices backwards.
        int[] both = bothTopDown(parent, placementParent);
        if (both != null) {
          topDown = both;
        }
      }
      // The ids that pointed elsewhere are resolved: let go of them before the copies below.
      distributors.sponsors = null;
      customers.owners = null;
      orders.buyers = null;
      customers.owner = owner;
      orders.buyer = buyer;
      Organisation built = new Organisation(this, parent, topDown, placementParent, position,
          placementParent == null ? sponsorTree : null,
          placementParent == null ? d.input : null, sorted);
      distributors = new DistributorPart();
      distributors.from = built;
      customers = new CustomerPart();
      customers.from = built;
      orders = new OrderPart();
      orders.from = built;
      return built;
    }

    /**
     * A part's problems with those of its repeated ids among them, each after the problems of
     * the rows up to its own: the order in which they were found when ids were indexed as they
     * were added.
     */
    private static List<Problem> withRepeats(List<Problem> problems, List<Problem> repeats) {
      List<Problem> out = new ArrayList<>(problems.size() + repeats.size());
      int k = 0;
      for (Problem r : repeats) {
        int row = r.subject().index();
        while (k < problems.size() && problems.get(k).subject().index() <= row) {
          out.add(problems.get(k++));
        }
        out.add(r);
      }
      out.addAll(problems.subList(k, problems.size()));
      return out;
    }

    /** Lookups in a range of rows, {@code [from, to)}. */
    private interface Lookups {
      /** @return how many references not empty were not found */
      int run(int from, int to);
    }

    /** Rows per range of {@link Ranged}: enough to make one worth handing to another thread. */
    private static final int ROWS_PER_TASK = 1 << 16;

    /**
     * Lookups over rows {@code [0, rows)} in ranges of {@link #ROWS_PER_TASK}, each taken once
     * by whichever of the threads running {@link #take} comes first; counts the references not
     * empty that were not found.
     */
    private static final class Ranged {
      private final Lookups lookups;
      private final int rows;
      private final int ranges;
      private final java.util.concurrent.atomic.AtomicInteger next =
          new java.util.concurrent.atomic.AtomicInteger();
      private final java.util.concurrent.atomic.AtomicInteger missing =
          new java.util.concurrent.atomic.AtomicInteger();

      Ranged(Lookups lookups, int rows) {
        this.lookups = lookups;
        this.rows = rows;
        this.ranges = rows / ROWS_PER_TASK + (rows % ROWS_PER_TASK == 0 ? 0 : 1);
      }

      /** Looks up range {@code r}. */
      void range(int r) {
        int from = r * ROWS_PER_TASK;
        missing.addAndGet(lookups.run(from, rows - from <= ROWS_PER_TASK ? rows
            : from + ROWS_PER_TASK));
      }

      /** Takes the ranges no thread has taken, until none is left. */
      void take() {
        for (int r = next.getAndIncrement(); r < ranges; r = next.getAndIncrement()) {
          range(r);
        }
      }

      /** Leaves the ranges not yet taken to no one (after a failure). */
      void stop() {
        next.set(ranges);
      }

      /** How many references not empty were not found, once every range is done. */
      int missing() {
        return missing.get();
      }
    }

    /**
     * Runs the lookups over {@code rows} rows in ranges of {@link #ROWS_PER_TASK}, spread over the
     * calling thread and the common pool.
     *
     * @return how many references not empty were not found
     */
    private static int resolve(Lookups lookups, int rows) {
      Ranged r = new Ranged(lookups, rows);
      shared(r.ranges, r::range);
      return r.missing();
    }

    /**
     * Checks every placement and fills in placement parents and positions by input position.
     *
     * @param topDown the sponsor tree's breadth-first order; shorter than the distributors when
     *     there is a sponsorship cycle (then the organisations are not compared)
     */
    private void placements(int[] parent, int[] topDown, int[] placementParent, byte[] position,
        List<Problem> problems) {
      DistributorPart dp = distributors;
      IdTable dIds = dp.ids;
      int n = dIds.size();
      Arrays.fill(placementParent, -1);
      BitSet placed = new BitSet(n);
      for (int j = 0; j < dp.placedCount; j++) {
        String id = dp.placed.get(j);
        int d = dIds.find(dp.placed, j);
        if (id.isBlank()) {
          problems.add(Problem.core(Subject.distributor("", -1).field("placementParentId"),
              "placement " + (j + 1), "placement.blankId", quoted(id)));
          continue;
        }
        if (d < 0) {
          problems.add(Problem.core(Subject.distributor(id, -1).field("placementParentId"),
              "distributor " + id, customers.ids.find(id) >= 0 ? "placement.ofCustomer"
              : "placement.ofUnknown", id));
          continue;
        }
        Subject s = Subject.distributor(id, dp.rows.of(d) - 1);
        String where = "distributor " + id;
        String parentId = dp.placedParents.get(j);
        int pos = dp.placedPosition[j];
        if (placed.get(d)) {
          problems.add(Problem.core(s.field("placementParentId"), where, "placement.again",
              id, parentId, pos));
          continue;
        }
        placed.set(d);
        boolean ok = true;
        if (pos < 1 || pos > Placement.MAX_POSITION) {
          problems.add(Problem.core(s.field("placementPosition"), where, "placement.position",
              pos, Placement.MAX_POSITION));
          ok = false;
        }
        int p = -1;
        if (parentId.isBlank()) {
          problems.add(Problem.core(s.field("placementParentId"), where, "placement.blankParent",
              quoted(parentId)));
          ok = false;
        } else {
          p = dIds.find(dp.placedParents, j);
          if (p < 0) {
            boolean customer = customers.ids.find(parentId) >= 0;
            problems.add(Problem.core(s.field("placementParentId"), where, customer
                ? "placement.parentCustomer" : "placement.parentUnknown", parentId));
            ok = false;
          }
        }
        if (ok) {
          placementParent[d] = p;
          position[d] = (byte) pos;
        }
      }
      // Two in one position: each parent's children against a table of its positions.
      int[][] csr = csr(placementParent, n);
      int[] start = csr[0];
      int[] kids = csr[1];
      int[] holder = new int[Placement.MAX_POSITION + 1];
      int[] stamp = new int[Placement.MAX_POSITION + 1];
      for (int p = 0; p < n; p++) {
        for (int k = start[p]; k < start[p + 1]; k++) {
          int d = kids[k];
          int pos = position[d];
          if (stamp[pos] == p + 1) {
            String id = dIds.get(d);
            problems.add(Problem.core(Subject.distributor(id, dp.rows.of(d) - 1)
                .field("placementPosition"), "distributor " + id, "placement.taken",
                dIds.get(holder[pos]), id, pos, dIds.get(p)));
          } else {
            stamp[pos] = p + 1;
            holder[pos] = d;
          }
        }
      }
      int before = problems.size();
      topDown(placementParent, problems, true, null);
      if (problems.size() > before || topDown.length < n) {
        return;
      }
      // Same organisation: the placement parent's sponsor line ends at the same root.
      int[] root = new int[n];
      for (int d : topDown) {
        root[d] = parent[d] < 0 ? d : root[parent[d]];
      }
      for (int d = 0; d < n; d++) {
        int p = placementParent[d];
        if (p >= 0 && root[p] != root[d]) {
          String id = dIds.get(d);
          problems.add(Problem.core(Subject.distributor(id, dp.rows.of(d) - 1)
              .field("placementParentId"), "distributor " + id, "placement.otherRoot",
              dIds.get(p), dIds.get(root[p]), id, dIds.get(root[d])));
        }
      }
    }

    /**
     * Breadth-first from the roots of both trees, each distributor after their sponsor and their
     * placement parent (Kahn's algorithm, iterative); null where the trees cross, so that no
     * such order exists.
     */
    private static int[] bothTopDown(int[] parent, int[] placementParent) {
      int n = parent.length;
      int[][] sponsored = csr(parent, n);
      int[][] placed = csr(placementParent, n);
      int[] waiting = new int[n];
      int[] order = new int[n];
      int size = 0;
      for (int i = 0; i < n; i++) {
        waiting[i] = (parent[i] >= 0 ? 1 : 0) + (placementParent[i] >= 0 ? 1 : 0);
        if (waiting[i] == 0) {
          order[size++] = i;
        }
      }
      for (int head = 0; head < size; head++) {
        int v = order[head];
        for (int[][] tree : new int[][][] {sponsored, placed}) {
          for (int k = tree[0][v]; k < tree[0][v + 1]; k++) {
            int c = tree[1][k];
            if (--waiting[c] == 0) {
              order[size++] = c;
            }
          }
        }
      }
      return size == n ? order : null;
    }

    /**
     * Breadth-first order from the roots; reports every cycle. Iterative.
     *
     * @param placement whether {@code parent} holds placement parents (for the words of a
     *     cycle) rather than sponsors
     * @param tree null, or two arrays (n and n + 1 long) that get the tree in the order's
     *     indices, as the walk makes it: each index's parent (-1 for a root), and where each
     *     index's children start among the non-roots in index order (the n-th: how many there
     *     are); left as they are when there is a cycle
     * @return the order, shorter than the distributors when there is a cycle
     */
    private int[] topDown(int[] parent, List<Problem> problems, boolean placement, int[][] tree) {
      int n = parent.length;
      int[][] csr = csr(parent, n);
      int[] start = csr[0];
      int[] kids = csr[1];
      int[] order = new int[n];
      int[] roots = {0};
      chunked(0, n, (from, to) -> roots[0] = roots(parent, order, roots[0], from, to));
      int size = roots[0];
      if (tree != null) {
        size = walk(start, kids, order, size, tree[0], tree[1]);
      } else {
        for (int head = 0; head < size; ) {
          int to = chunkEnd(head, size);
          size = walk(start, kids, order, head, to, size);
          head = to;
        }
      }
      if (size == n) {
        return order;
      }
      int[] reached = Arrays.copyOf(order, size);
      // Whoever was not reached sits on a cycle or below one: walk up from each to find cycles.
      byte[] state = new byte[n];
      for (int i = 0; i < size; i++) {
        state[order[i]] = 2;
      }
      List<Integer> path = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (state[i] != 0) {
          continue;
        }
        path.clear();
        int v = i;
        while (v >= 0 && state[v] == 0) {
          state[v] = 1;
          path.add(v);
          v = parent[v];
        }
        if (v >= 0 && state[v] == 1) {
          List<String> cycle = new ArrayList<>();
          for (int k = path.indexOf(v); k < path.size(); k++) {
            cycle.add(distributors.ids.get(path.get(k)));
          }
          cycle.add(distributors.ids.get(v));
          List<String> ring = rotate(cycle);
          int first = distributors.ids.find(ring.get(0));
          problems.add(Problem.core(Subject.distributor(ring.get(0),
              distributors.rows.of(first) - 1).field(placement ? "placementParentId"
              : "sponsorId"), "distributor " + ring.get(0),
              placement ? "placement.cycle" : "distributor.cycle", ring));
        }
        for (int p : path) {
          state[p] = 2;
        }
      }
      return reached;
    }

    /**
     * The breadth-first walk of {@link #topDown} from its {@code roots} roots, noting in the
     * order's indices each one's parent and where its children start (see there).
     *
     * @return how many distributors the walk reached
     */
    private static int walk(int[] start, int[] kids, int[] order, int roots, int[] treeParent,
        int[] childStart) {
      Arrays.fill(treeParent, 0, roots, -1);
      int size = roots;
      // A chunk of heads at a time (see chunked).
      for (int head = 0; head < size; ) {
        int to = chunkEnd(head, size);
        size = walk(start, kids, order, roots, treeParent, childStart, head, to, size);
        head = to;
      }
      childStart[size] = size - roots;
      return size;
    }

    /** {@link #walk}'s heads {@code [from, to)}, {@code size} reached so far: returns the size. */
    private static int walk(int[] start, int[] kids, int[] order, int roots, int[] treeParent,
        int[] childStart, int from, int to, int size) {
      for (int head = from; head < to; head++) {
        int v = order[head];
        childStart[head] = size - roots;
        for (int k = start[v], e = start[v + 1]; k < e; k++) {
          treeParent[size] = head;
          order[size++] = kids[k];
        }
      }
      return size;
    }

    /** The breadth-first walk's heads {@code [from, to)} without a tree: returns the size. */
    private static int walk(int[] start, int[] kids, int[] order, int from, int to, int size) {
      for (int head = from; head < to; head++) {
        int v = order[head];
        for (int k = start[v], e = start[v + 1]; k < e; k++) {
          order[size++] = kids[k];
        }
      }
      return size;
    }

    /** Appends the roots among {@code [from, to)} to {@code order}, from {@code size}. */
    private static int roots(int[] parent, int[] order, int size, int from, int to) {
      for (int i = from; i < to; i++) {
        if (parent[i] < 0) {
          order[size++] = i;
        }
      }
      return size;
    }

    /** The cycle starting at its smallest id, so the same cycle always reads the same way. */
    private static List<String> rotate(List<String> cycle) {
      List<String> ring = cycle.subList(0, cycle.size() - 1);
      int min = 0;
      for (int i = 1; i < ring.size(); i++) {
        if (ring.get(i).compareTo(ring.get(min)) < 0) {
          min = i;
        }
      }
      List<String> out = new ArrayList<>(ring.subList(min, ring.size()));
      out.addAll(ring.subList(0, min));
      out.add(out.get(0));
      return out;
    }
  }
}
