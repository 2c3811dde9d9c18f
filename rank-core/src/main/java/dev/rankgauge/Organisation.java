package dev.rankgauge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A company's distributors, customers and orders, checked and indexed for evaluation. Build one
 * with {@link #builder()}, adding records one by one as they stream out of the host's storage;
 * {@link Builder#build()} reports every problem at once.
 *
 * <p>Orders are kept in a compact columnar form; {@link #orders()} rebuilds the records on
 * demand. This class is immutable and thread-safe.
 */
public final class Organisation {
  /** Volumes are held as longs with this many decimals at most; more would risk overflow. */
  static final int MAX_SCALE = 6;
  /** Volumes of one order stay below this, so that sums of millions of them fit in a long. */
  static final BigDecimal MAX_VOLUME = BigDecimal.TEN.pow(11);
  /** Instants are held as nanoseconds since the epoch: years 1678 to 2262. */
  static final Instant MIN_TIME = Instant.ofEpochSecond(Long.MIN_VALUE / 1_000_000_000L + 1);
  static final Instant MAX_TIME = Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000_000L - 1);

  // Every index below is a position in tree order (breadth-first from the roots), not in input
  // order: a sponsor always comes before the distributors they sponsored, siblings sit side by
  // side, customers are grouped by distributor and orders by buyer. The evaluation's passes then
  // walk their arrays in sequence instead of jumping about at random, which is most of their
  // speed. The *Input arrays map input positions to these indices, so that everything public
  // still comes in input order.

  // distributors
  final Distributor[] distributors;
  final Map<String, Integer> distributorIndex;
  /** Index of each input position. */
  final int[] distributorInput;
  /** Sponsor index, -1 for a root; always smaller than the distributor's own index. */
  final int[] parent;
  final int[] childStart;
  final int[] children;
  // customers
  final Customer[] customers;
  final Map<String, Integer> customerIndex;
  final int[] customerInput;
  final int[] customerOwner;
  /** Distributor v's customers are the indices customerStart[v] to customerStart[v + 1] - 1. */
  final int[] customerStart;
  // orders, columnar
  final String[] orderIds;
  final int[] orderInput;
  final int[] orderBuyer;
  final boolean[] orderByCustomer;
  final long[] orderTime;
  final byte[] orderStatus;
  final BigDecimal[] orderAmount;
  final String[] volumeTypes;
  /** Per volume type, per order, the volume in units of 10^-scale. */
  final long[][] volume;
  /** Per volume type, which orders carry it. */
  final BitSet[] volumePresent;
  /** Per volume type, per order, the scale the volume was given with, to rebuild it as it came. */
  final byte[][] volumeScale;
  final int scale;
  /** Distributor v's own orders are the indices distributorOrderStart[v] to [v + 1] - 1. */
  final int[] distributorOrderStart;
  /** Customer c's orders are the indices customerOrderStart[c] to [c + 1] - 1. */
  final int[] customerOrderStart;

  /**
   * @param inputParent sponsor by input position, -1 for a root
   * @param topDown input positions in breadth-first order from the roots
   */
  private Organisation(Builder b, int[] inputParent, int[] topDown) {
    int n = topDown.length;
    distributorInput = inverse(topDown);
    distributors = new Distributor[n];
    parent = new int[n];
    for (int v = 0; v < n; v++) {
      int in = topDown[v];
      distributors[v] = b.distributors.get(in);
      parent[v] = inputParent[in] < 0 ? -1 : distributorInput[inputParent[in]];
    }
    distributorIndex = b.distributorIndex;
    distributorIndex.replaceAll((id, in) -> distributorInput[in]);
    int[][] csr = csr(parent, n);
    childStart = csr[0];
    children = csr[1];

    int c = b.customers.size();
    int[] ownerOfInput = new int[c];
    for (int i = 0; i < c; i++) {
      ownerOfInput[i] = distributorIndex.get(b.customers.get(i).distributorId());
    }
    int[] customerOrder = sortedBy(ownerOfInput, n);
    customerInput = inverse(customerOrder);
    customers = new Customer[c];
    customerOwner = new int[c];
    for (int i = 0; i < c; i++) {
      customers[i] = b.customers.get(customerOrder[i]);
      customerOwner[i] = ownerOfInput[customerOrder[i]];
    }
    customerIndex = b.customerIndex;
    customerIndex.replaceAll((id, in) -> customerInput[in]);
    customerStart = starts(customerOwner, n);

    int m = b.orderCount;
    int[] buyerOfInput = new int[m];
    int[] key = new int[m];
    for (int o = 0; o < m; o++) {
      String buyer = b.orderBuyerIds.get(o);
      boolean byCustomer = b.orderByCustomer[o];
      buyerOfInput[o] = byCustomer ? customerIndex.get(buyer) : distributorIndex.get(buyer);
      key[o] = byCustomer ? n + buyerOfInput[o] : buyerOfInput[o];
    }
    int[] order = sortedBy(key, n + c);
    // Distributors' orders come first, by buyer, then customers' orders, by buyer.
    int[] orderStart = starts(key, n + c);
    distributorOrderStart = Arrays.copyOfRange(orderStart, 0, n + 1);
    customerOrderStart = Arrays.copyOfRange(orderStart, n, n + c + 1);
    orderInput = inverse(order);
    orderIds = new String[m];
    orderBuyer = new int[m];
    orderByCustomer = new boolean[m];
    orderTime = new long[m];
    orderStatus = new byte[m];
    orderAmount = new BigDecimal[m];
    for (int o = 0; o < m; o++) {
      int in = order[o];
      orderIds[o] = b.orderIds.get(in);
      orderBuyer[o] = buyerOfInput[in];
      orderByCustomer[o] = b.orderByCustomer[in];
      orderTime[o] = b.orderTime[in];
      orderStatus[o] = b.orderStatus[in];
      orderAmount[o] = b.orderAmount.get(in);
    }
    volumeTypes = b.volumeColumns.keySet().toArray(new String[0]);
    scale = b.maxScale;
    volume = new long[volumeTypes.length][];
    volumePresent = new BitSet[volumeTypes.length];
    volumeScale = new byte[volumeTypes.length][];
    for (int t = 0; t < volumeTypes.length; t++) {
      VolumeColumn col = b.volumeColumns.get(volumeTypes[t]);
      long[] units = new long[m];
      BitSet present = new BitSet(m);
      byte[] scales = new byte[m];
      for (int o = 0; o < m; o++) {
        int in = order[o];
        if (col.present.get(in)) {
          units[o] = rescale(col.unscaled[in], col.scale[in], scale);
          present.set(o);
          scales[o] = col.scale[in];
        }
      }
      volume[t] = units;
      volumePresent[t] = present;
      volumeScale[t] = scales;
    }
  }

  /** The positions 0..keys.length-1 sorted by key, stably (a counting sort): linear. */
  private static int[] sortedBy(int[] keys, int keyCount) {
    int[] start = starts(keys, keyCount);
    int[] out = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[start[keys[i]]++] = i;
    }
    return out;
  }

  /** Where each key's run starts once sorted by key: prefix sums of the keys' counts. */
  private static int[] starts(int[] keys, int keyCount) {
    int[] start = new int[keyCount + 1];
    for (int k : keys) {
      start[k + 1]++;
    }
    for (int i = 0; i < keyCount; i++) {
      start[i + 1] += start[i];
    }
    return start;
  }

  private static int[] inverse(int[] permutation) {
    int[] inv = new int[permutation.length];
    for (int i = 0; i < permutation.length; i++) {
      inv[permutation[i]] = i;
    }
    return inv;
  }

  /** A builder for an organisation. */
  public static Builder builder() {
    return new Builder();
  }

  /** The distributors, in input order. */
  public List<Distributor> distributors() {
    return inInputOrder(distributors, distributorInput);
  }

  /** The customers, in input order. */
  public List<Customer> customers() {
    return inInputOrder(customers, customerInput);
  }

  private static <T> List<T> inInputOrder(T[] items, int[] input) {
    return new AbstractList<>() {
      @Override
      public T get(int index) {
        return items[input[index]];
      }

      @Override
      public int size() {
        return items.length;
      }
    };
  }

  /**
   * The orders, in input order, rebuilt from the compact form on each access. Volumes come back
   * with the decimals they were given with (a volume given with more than six decimals, trailing
   * zeros stripped; one in exponent form such as {@code 1E+3}, as a whole number).
   */
  public List<Order> orders() {
    return new AbstractList<>() {
      @Override
      public Order get(int index) {
        return order(orderInput[index]);
      }

      @Override
      public int size() {
        return orderIds.length;
      }
    };
  }

  /** The distributor with this id. */
  public Optional<Distributor> distributor(String id) {
    Integer i = distributorIndex.get(id);
    return i == null ? Optional.empty() : Optional.of(distributors[i]);
  }

  /** The customer with this id. */
  public Optional<Customer> customer(String id) {
    Integer i = customerIndex.get(id);
    return i == null ? Optional.empty() : Optional.of(customers[i]);
  }

  /** How many distributors there are. */
  public int distributorCount() {
    return distributors.length;
  }

  /** How many customers there are. */
  public int customerCount() {
    return customers.length;
  }

  /** How many orders there are. */
  public int orderCount() {
    return orderIds.length;
  }

  /** The volume types found on any order, sorted. */
  public List<String> volumeTypes() {
    return List.of(volumeTypes);
  }

  Order order(int o) {
    TreeMap<String, BigDecimal> vols = new TreeMap<>();
    for (int t = 0; t < volumeTypes.length; t++) {
      if (volumePresent[t].get(o)) {
        vols.put(volumeTypes[t],
            BigDecimal.valueOf(volume[t][o], scale).setScale(volumeScale[t][o]));
      }
    }
    String buyer = orderByCustomer[o] ? customers[orderBuyer[o]].id() : distributors[orderBuyer[o]].id();
    return new Order(orderIds[o], orderByCustomer[o] ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR,
        buyer, instant(orderTime[o]), OrderStatus.values()[orderStatus[o]], vols, orderAmount[o]);
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

  private static long rescale(long unscaled, int from, int to) {
    long v = unscaled;
    for (int i = from; i < to; i++) {
      v = Math.multiplyExact(v, 10L);
    }
    return v;
  }

  /** Compressed rows: for each owner, the items whose owner it is, in item order. -1 = none. */
  private static int[][] csr(int[] owner, int owners) {
    int[] start = new int[owners + 1];
    for (int o : owner) {
      if (o >= 0) {
        start[o + 1]++;
      }
    }
    for (int i = 0; i < owners; i++) {
      start[i + 1] += start[i];
    }
    int[] items = new int[start[owners]];
    int[] next = Arrays.copyOf(start, owners);
    for (int i = 0; i < owner.length; i++) {
      if (owner[i] >= 0) {
        items[next[owner[i]]++] = i;
      }
    }
    return new int[][] {start, items};
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

  /** One volume type's values before the common scale is known. */
  private static final class VolumeColumn {
    long[] unscaled = new long[16];
    byte[] scale = new byte[16];
    final BitSet present = new BitSet();

    void set(int o, long u, int s) {
      if (o >= unscaled.length) {
        int len = Math.max(o + 1, unscaled.length * 2);
        unscaled = Arrays.copyOf(unscaled, len);
        scale = Arrays.copyOf(scale, len);
      }
      unscaled[o] = u;
      scale[o] = (byte) s;
      present.set(o);
    }
  }

  /**
   * Collects distributors, customers and orders in any order; {@link #build()} checks them all.
   * Not thread-safe. Records are checked field by field as they are added; whatever involves
   * more than one record (ids, sponsors, cycles) is checked at build.
   */
  public static final class Builder {
    private final List<Distributor> distributors = new ArrayList<>();
    private final Map<String, Integer> distributorIndex = new HashMap<>();
    private final List<Customer> customers = new ArrayList<>();
    private final Map<String, Integer> customerIndex = new HashMap<>();
    private final List<String> orderIds = new ArrayList<>();
    private final Map<String, Integer> orderIndex = new HashMap<>();
    private final List<String> orderBuyerIds = new ArrayList<>();
    private boolean[] orderByCustomer = new boolean[16];
    private long[] orderTime = new long[16];
    private byte[] orderStatus = new byte[16];
    private final List<BigDecimal> orderAmount = new ArrayList<>();
    private final TreeMap<String, VolumeColumn> volumeColumns = new TreeMap<>();
    private int orderCount;
    private int maxScale;
    private final List<Problem> problems = new ArrayList<>();
    /** Rows added so far of each kind, duplicates included, so that problems name true rows. */
    private final Rows distributorRows = new Rows();
    private final Rows customerRows = new Rows();
    private final Rows orderRows = new Rows();
    private boolean built;

    private Builder() {}

    /** Adds a distributor. */
    public Builder add(Distributor d) {
      Checks.notNull(d, "distributor");
      int row = distributorRows.next();
      Integer old = distributorIndex.putIfAbsent(d.id(), distributors.size());
      if (old != null) {
        problems.add(new Problem("distributor " + d.id(), "duplicate distributor id " + d.id()
            + " (rows " + distributorRows.of(old) + " and " + row + " of the distributors)"));
        return this;
      }
      distributorRows.keep(row);
      distributors.add(d);
      return this;
    }

    /** Adds a customer. */
    public Builder add(Customer c) {
      Checks.notNull(c, "customer");
      int row = customerRows.next();
      Integer old = customerIndex.putIfAbsent(c.id(), customers.size());
      if (old != null) {
        problems.add(new Problem("customer " + c.id(), "duplicate customer id " + c.id()
            + " (rows " + customerRows.of(old) + " and " + row + " of the customers)"));
        return this;
      }
      customerRows.keep(row);
      customers.add(c);
      return this;
    }

    /** Adds an order. */
    public Builder add(Order order) {
      Checks.notNull(order, "order");
      String where = "order " + order.id();
      int row = orderRows.next();
      Integer old = orderIndex.putIfAbsent(order.id(), orderCount);
      if (old != null) {
        problems.add(new Problem(where, "duplicate order id " + order.id() + " (rows "
            + orderRows.of(old) + " and " + row + " of the orders)"));
        return this;
      }
      orderRows.keep(row);
      Instant ts = order.timestamp();
      if (ts.isBefore(MIN_TIME) || ts.isAfter(MAX_TIME)) {
        problems.add(new Problem(where, "timestamp " + ts + " is outside the supported range "
            + MIN_TIME + " to " + MAX_TIME));
        ts = Instant.EPOCH;
      }
      int o = orderCount++;
      if (o >= orderTime.length) {
        int len = orderTime.length * 2;
        orderByCustomer = Arrays.copyOf(orderByCustomer, len);
        orderTime = Arrays.copyOf(orderTime, len);
        orderStatus = Arrays.copyOf(orderStatus, len);
      }
      orderIds.add(order.id());
      orderBuyerIds.add(order.buyerId());
      orderByCustomer[o] = order.buyerType() == BuyerType.CUSTOMER;
      orderTime[o] = nanos(ts);
      orderStatus[o] = (byte) order.status().ordinal();
      orderAmount.add(order.amount());
      for (Map.Entry<String, BigDecimal> e : order.volumes().entrySet()) {
        BigDecimal v = e.getValue();
        if (v.signum() < 0 && order.status() != OrderStatus.RETURNED) {
          problems.add(new Problem(where, "negative " + e.getKey() + " volume " + v.toPlainString()
              + " on an order that is not a return (status " + order.status() + ")"));
        }
        if (v.scale() > MAX_SCALE) {
          v = v.stripTrailingZeros();
        }
        if (v.scale() > MAX_SCALE) {
          problems.add(new Problem(where, e.getKey() + " volume " + v.toPlainString() + " has more"
              + " than " + MAX_SCALE + " decimal places"));
          continue;
        }
        if (v.scale() < 0) {
          v = v.setScale(0);
        }
        if (v.abs().compareTo(MAX_VOLUME) >= 0) {
          problems.add(new Problem(where, e.getKey() + " volume " + v.toPlainString()
              + " is too large; volumes must be below " + MAX_VOLUME.toPlainString()));
          continue;
        }
        BigInteger unscaled = v.unscaledValue();
        maxScale = Math.max(maxScale, v.scale());
        volumeColumns.computeIfAbsent(e.getKey(), k -> new VolumeColumn())
            .set(o, unscaled.longValue(), v.scale());
      }
      return this;
    }

    /** Adds every distributor. */
    public Builder addDistributors(Iterable<Distributor> all) {
      addAll(all, "distributor", this::add);
      return this;
    }

    /** Adds every customer. */
    public Builder addCustomers(Iterable<Customer> all) {
      addAll(all, "customer", this::add);
      return this;
    }

    /** Adds every order. */
    public Builder addOrders(Iterable<Order> all) {
      addAll(all, "order", this::add);
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
     * Checks everything added and builds the organisation. A builder builds once.
     *
     * @throws ValidationException listing every problem: duplicate ids, sponsors, customers' distributors and
     *     buyers that do not exist, sponsorship cycles (each listed), negative volumes on orders
     *     that are not returns, volumes with more than six decimals
     */
    public Organisation build() {
      if (built) {
        throw new IllegalStateException("this builder has already built an organisation");
      }
      built = true;
      int n = distributors.size();
      int[] parent = new int[n];
      for (int i = 0; i < n; i++) {
        Distributor d = distributors.get(i);
        parent[i] = -1;
        if (d.sponsorId().isPresent()) {
          Integer p = distributorIndex.get(d.sponsorId().get());
          if (p == null) {
            problems.add(new Problem("distributor " + d.id(), "sponsor " + d.sponsorId().get()
                + " does not exist"));
          } else {
            parent[i] = p;
          }
        }
      }
      for (Customer c : customers) {
        if (!distributorIndex.containsKey(c.distributorId())) {
          problems.add(new Problem("customer " + c.id(), "distributor " + c.distributorId()
              + " does not exist"));
        }
      }
      for (int o = 0; o < orderCount; o++) {
        String buyer = orderBuyerIds.get(o);
        boolean byCustomer = orderByCustomer[o];
        if (!(byCustomer ? customerIndex : distributorIndex).containsKey(buyer)) {
          problems.add(new Problem("order " + orderIds.get(o), (byCustomer ? "customer " : "distributor ")
              + buyer + " who placed it does not exist"));
        }
      }
      int[] topDown = topDown(parent, problems);
      if (!problems.isEmpty()) {
        throw new ValidationException("organisation", problems);
      }
      return new Organisation(this, parent, topDown);
    }

    /** Breadth-first order from the roots; reports every sponsorship cycle. Iterative. */
    private int[] topDown(int[] parent, List<Problem> problems) {
      int n = parent.length;
      int[][] csr = csr(parent, n);
      int[] start = csr[0];
      int[] kids = csr[1];
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
      if (size == n) {
        return order;
      }
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
            cycle.add(distributors.get(path.get(k)).id());
          }
          cycle.add(distributors.get(v).id());
          List<String> ring = rotate(cycle);
          problems.add(new Problem("distributor " + ring.get(0),
              "sponsorship cycle: " + String.join(" -> ", ring)));
        }
        for (int p : path) {
          state[p] = 2;
        }
      }
      return order;
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
