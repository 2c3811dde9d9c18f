package dev.rankgauge;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders a {@link LiveEvaluation} placed, returned or cancelled since its {@link Organisation}
 * was built: an overlay on the organisation's columns, so that an order costs no rebuild. Entries
 * are columns too, chained per buyer; an entry that changes an order of the organisation (a
 * cancellation) masks it. Readers see the organisation's orders with the changes in place,
 * followed by the new orders in the order they came, which is the input order of the organisation
 * {@link #organisation()} folds them into.
 *
 * <p>Mutable, owned by one {@link LiveState}; a snapshot holds its own {@link #copy()}.
 */
final class LiveOrders {

  /**
   * The organisation of the state that owns this overlay: its order columns never change, and
   * its distributors and customers are those of the live state (a live copy follows moves).
   */
  final Organisation base;
  int size;
  Order[] order;
  int[] buyer;
  boolean[] byCustomer;
  long[] time;
  byte[] status;
  /** The qualifying volume in the computation's units. */
  long[] qv;
  /** The buyer's previous entry, -1 at the first. */
  int[] previous;
  /** The organisation's order this entry replaces, -1 for a new order. */
  int[] replaces;
  /** The latest entry of each distributor and customer, -1 for none. */
  int[] distributorLast;
  int[] customerLast;
  /** Orders of the organisation that an entry replaces. */
  BitSet masked;
  /** Entry by organisation order, for the masked ones. */
  HashMap<Integer, Integer> replacement;
  /** Entry by order id. */
  HashMap<String, Integer> ids;
  /** By order id, the volumes (by type) and amount returned so far through return events. */
  HashMap<String, Returned> returned;
  private volatile Organisation folded;
  /**
   * Entries by the hour of their time ({@link OrderTimes#HOUR}), for time passing: a count, then
   * the entries. Holds the entries before {@link #byHourUpTo}; the rest are added when time next
   * passes ({@link #eachBetween}).
   */
  private HashMap<Long, int[]> byHour = new HashMap<>();
  private int byHourUpTo;

  /** What return events took back from one order so far. */
  record Returned(Map<String, BigDecimal> volumes, BigDecimal amount) {}

  LiveOrders(Organisation base) {
    this.base = base;
    int cap = 16;
    order = new Order[cap];
    buyer = new int[cap];
    byCustomer = new boolean[cap];
    time = new long[cap];
    status = new byte[cap];
    qv = new long[cap];
    previous = new int[cap];
    replaces = new int[cap];
    distributorLast = new int[base.distributorRoom()];
    customerLast = new int[base.customerRoom()];
    Arrays.fill(distributorLast, -1);
    Arrays.fill(customerLast, -1);
    masked = new BitSet();
    replacement = new HashMap<>();
    ids = new HashMap<>();
    returned = new HashMap<>();
  }

  private LiveOrders(LiveOrders o, Organisation base) {
    this.base = base;
    size = o.size;
    order = o.order.clone();
    buyer = o.buyer.clone();
    byCustomer = o.byCustomer.clone();
    time = o.time.clone();
    status = o.status.clone();
    qv = o.qv.clone();
    previous = o.previous.clone();
    replaces = o.replaces.clone();
    distributorLast = grown(o.distributorLast, base.distributorRoom());
    customerLast = grown(o.customerLast, base.customerRoom());
    masked = (BitSet) o.masked.clone();
    replacement = new HashMap<>(o.replacement);
    ids = new HashMap<>(o.ids);
    returned = new HashMap<>(o.returned);
    byHour = new HashMap<>(o.byHour.size() * 2);
    o.byHour.forEach((h, es) -> byHour.put(h, es.clone()));
    byHourUpTo = o.byHourUpTo;
  }

  /**
   * Calls {@code f} with each entry whose time is at or after {@code from} and before
   * {@code to}: first files the entries added since the last call by hour (each entry once),
   * then reads the hours between, or every hour held if there are fewer of those.
   */
  void eachBetween(long from, long to, java.util.function.IntConsumer f) {
    for (; byHourUpTo < size; byHourUpTo++) {
      int e = byHourUpTo;
      int[] es = byHour.computeIfAbsent(Math.floorDiv(time[e], OrderTimes.HOUR), h -> new int[4]);
      if (es[0] + 1 == es.length) {
        es = Arrays.copyOf(es, es.length * 2);
        byHour.put(Math.floorDiv(time[e], OrderTimes.HOUR), es);
      }
      es[++es[0]] = e;
    }
    if (to <= from || byHour.isEmpty()) {
      return;
    }
    long ha = Math.floorDiv(from, OrderTimes.HOUR);
    long hb = Math.floorDiv(to - 1, OrderTimes.HOUR);
    if (hb - ha >= 0 && hb - ha < byHour.size()) {
      for (long h = ha; h <= hb; h++) {
        each(byHour.get(h), from, to, f);
      }
    } else {
      byHour.forEach((h, es) -> {
        if (h >= ha && h <= hb) {
          each(es, from, to, f);
        }
      });
    }
  }

  private void each(int[] es, long from, long to, java.util.function.IntConsumer f) {
    if (es == null) {
      return;
    }
    for (int i = 1; i <= es[0]; i++) {
      long t = time[es[i]];
      if (t >= from && t < to) {
        f.accept(es[i]);
      }
    }
  }

  /** The latest entries with room for more buyers (who joined), who have none yet. */
  private static int[] grown(int[] last, int room) {
    int[] out = Arrays.copyOf(last, room);
    Arrays.fill(out, last.length, room, -1);
    return out;
  }

  /**
   * A copy for a state of its own, whose organisation is {@code base}: this one's or a copy of it,
   * possibly with room for more joins.
   */
  LiveOrders copy(Organisation base) {
    return new LiveOrders(this, base);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Adds an entry and returns its index. */
  int add(Order o, int buyerIndex, boolean customer, long qualifying, int replacing) {
    if (size == order.length) {
      int cap = size + (size >> 1) + 16;
      order = Arrays.copyOf(order, cap);
      buyer = Arrays.copyOf(buyer, cap);
      byCustomer = Arrays.copyOf(byCustomer, cap);
      time = Arrays.copyOf(time, cap);
      status = Arrays.copyOf(status, cap);
      qv = Arrays.copyOf(qv, cap);
      previous = Arrays.copyOf(previous, cap);
      replaces = Arrays.copyOf(replaces, cap);
    }
    int e = size++;
    order[e] = o;
    buyer[e] = buyerIndex;
    byCustomer[e] = customer;
    time[e] = Organisation.nanos(o.timestamp());
    status[e] = (byte) o.status().ordinal();
    qv[e] = qualifying;
    replaces[e] = replacing;
    int[] last = customer ? customerLast : distributorLast;
    previous[e] = last[buyerIndex];
    last[buyerIndex] = e;
    ids.put(o.id(), e);
    if (replacing >= 0) {
      masked.set(replacing);
      replacement.put(replacing, e);
    }
    return e;
  }

  /** Takes back the last {@link #add}. */
  void removeLast() {
    int e = --size;
    int[] last = byCustomer[e] ? customerLast : distributorLast;
    last[buyer[e]] = previous[e];
    ids.remove(order[e].id());
    if (replaces[e] >= 0) {
      masked.clear(replaces[e]);
      replacement.remove(replaces[e]);
    }
    order[e] = null;
  }

  /** Changes an entry's status in place (a cancellation of an order placed live). */
  void setStatus(int e, OrderStatus st) {
    Order o = order[e];
    order[e] = new Order(o.id(), o.buyerType(), o.buyerId(), o.timestamp(), st, o.volumes(),
        o.amount());
    status[e] = (byte) st.ordinal();
  }

  /** The order with this id as it stands now, or null. */
  Order find(String id) {
    Integer e = ids.get(id);
    if (e != null) {
      return order[e];
    }
    int o = base.orderIndexOf(id);
    return o < 0 ? null : base.order(o);
  }

  /**
   * A buyer's orders placed in the period (whatever their status), in input order: what a focus
   * list shows.
   */
  List<Order> ordersInPeriod(boolean customer, int b, long from, long to) {
    List<Order> out = new ArrayList<>();
    for (int o = base.ordersFrom(customer, b), end = base.ordersTo(customer, b); o < end; o++) {
      if (masked.get(o)) {
        int e = replacement.get(o);
        if (OrderCounting.inPeriod(time[e], from, to)) {
          out.add(order[e]);
        }
      } else if (OrderCounting.inPeriod(base.orderTime[o], from, to)) {
        out.add(base.order(o));
      }
    }
    int first = out.size();
    for (int e = (customer ? customerLast : distributorLast)[b]; e >= 0; e = previous[e]) {
      if (replaces[e] < 0 && OrderCounting.inPeriod(time[e], from, to)) {
        out.add(order[e]);
      }
    }
    java.util.Collections.reverse(out.subList(first, out.size()));
    return out;
  }

  /**
   * A buyer's counted volume of type t (index t of the organisation) over the entries only: what
   * {@link ResultAssembler#personalVolumeOfType} adds to their orders in the organisation.
   */
  long sumOf(int t, boolean customer, int b, long from, long to) {
    long sum = 0;
    String type = base.volumeTypes[t];
    for (int e = (customer ? customerLast : distributorLast)[b]; e >= 0; e = previous[e]) {
      BigDecimal v = order[e].volumes().get(type);
      long units = v == null ? 0 : base.units.rescale(v.unscaledValue().longValueExact(), v.scale());
      sum = Math.addExact(sum, ResultAssembler.counted(status[e], time[e], units, from, to));
    }
    return sum;
  }

  /** The organisation with every entry applied, built once when first asked for. */
  Organisation organisation() {
    Organisation o = folded;
    if (o == null) {
      synchronized (this) {
        o = folded;
        if (o == null) {
          o = fold(base.distributors(), base.customers());
          folded = o;
        }
      }
    }
    return o;
  }

  /**
   * An organisation of these distributors and customers, the organisation's orders with every
   * change in place, and the new orders after them.
   */
  Organisation fold(List<Distributor> distributors, List<Customer> customers) {
    return fold(distributors, customers, base.placements());
  }

  /** {@link #fold(List, List)} with these placements. */
  Organisation fold(List<Distributor> distributors, List<Customer> customers,
      List<Placement> placements) {
    Organisation.Builder b = Organisation.builder();
    b.addDistributors(distributors);
    b.addCustomers(customers);
    placements.forEach(b::add);
    b.addOrders(orders());
    return b.build();
  }

  /** Every order as it stands, in input order: the organisation's, then the new ones. */
  List<Order> orders() {
    int m = base.orderCount();
    int[] added = new int[size];
    int k = 0;
    for (int e = 0; e < size; e++) {
      if (replaces[e] < 0) {
        added[k++] = e;
      }
    }
    int extra = k;
    return new AbstractList<>() {
      @Override
      public Order get(int index) {
        if (index >= m) {
          return order[added[index - m]];
        }
        int o = base.orderInput[index];
        return masked.get(o) ? order[replacement.get(o)] : base.order(o);
      }

      @Override
      public int size() {
        return m + extra;
      }
    };
  }
}
