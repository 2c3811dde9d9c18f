package dev.rankgauge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of a live evaluation: an organisation, the orders changed since it was built
 * ({@link LiveOrders}) and a {@link Computation} kept equal to a whole evaluation of both. The
 * writer of a {@link LiveEvaluation} changes its state in place; a snapshot is a {@link #copy()}
 * that nobody changes.
 *
 * <p>An order event changes one buyer: their figures are counted again from their own orders, the
 * figures of the distributor they count for follow, and then each distributor on the sponsor line
 * above is decided again with {@link Computation#recompute}, from the bottom up. Every aggregate
 * of the engine is a function of a distributor's own figures and their children's, so this gives
 * exactly what a whole evaluation gives, for every rule kind, host rules included. Joins and moves
 * change the state's own live copy of the organisation ({@link Organisation#liveCopy()}) and
 * decide the sponsor lines they touch the same way.
 */
final class LiveState {
  /** Every metric, once: {@code Metric.values()} copies the array on each call. */
  private static final Metric[] METRICS = Metric.values();

  final Organisation org;
  final Computation comp;
  final LiveOrders orders;
  final ResultAssembler results;
  /** The as-of instant asked for; {@code comp.asOf} is it or the period's end if earlier. */
  Instant askedAsOf;
  final Map<String, String> titles;
  /** The closed periods before this one, as the evaluation read them. */
  private final Rules.Rule[] aggregators;
  private Computation.Activity customerRule;
  private Computation.Activity distributorRule;
  private final boolean withCustomers;
  private final long cap;
  private long seen;
  /**
   * The organisation's orders by hour, built when time first passes and shared by every copy of
   * this state over the same order columns.
   */
  private final java.util.concurrent.atomic.AtomicReference<OrderTimes> times;
  private final long factor;
  private final long[] baseQv;

  /** The plan's placement tree, this state's own; null when the plan reads none. */
  private final Placements tree;
  /** Rules folded along the placement tree ({@link Rules.Rule#placementChildDone}). */
  private final Rules.Rule[] placed;
  /** Rules counting the first levels of the placement tree ({@link Rules.Rule#placementCounted}). */
  private final Rules.Rule[] counters;
  /** Rules folding volumes and activity along the placement tree ({@link #refold}). */
  private final Rules.Rule[] folders;
  /** Distributors to decide again, with everyone above them in either tree ({@link #settle}). */
  private int[] seeds = new int[16];
  private int seedCount;
  /** Distributors whose placement line is to be decided again: their volume or activity changed. */
  private int[] lineSeeds = new int[16];
  private int lineSeedCount;

  // The writer's buffers for the change feed: the distributors a change may touch, as they were,
  // each once per event.
  private int[] line = new int[64];
  private byte[] linePaid = new byte[64];
  private long[] lineRaw = new long[64 * 4];
  /** How many distributors the feed noted in this event. */
  private int fed;
  /** Whether the feed notes this event: set by the first {@link #recordLine}. */
  private boolean feeding;

  /**
   * @param org a live copy ({@link Organisation#liveCopy()}) that this state alone changes, the
   *     organisation of {@code comp} and {@code orders}
   */
  private LiveState(Organisation org, Computation comp, LiveOrders orders, Instant askedAsOf,
      Map<String, String> titles) {
    if (comp.org != org || orders.base != org) {
      throw new IllegalArgumentException("a live state's figures and orders are of its own"
          + " organisation");
    }
    this.org = org;
    this.comp = comp;
    this.orders = orders;
    this.askedAsOf = askedAsOf;
    this.titles = titles;
    // Changed in place from here on: read from the organisation's orders before any is applied.
    comp.lastOrder();
    comp.overlay = orders;
    this.results = new ResultAssembler(comp);
    this.aggregators = comp.ladder.aggregators();
    CompPlan plan = comp.plan;
    this.customerRule = Computation.Activity.of(plan.customerActivity(), comp.units, comp.asOf,
        comp.zone);
    this.distributorRule = Computation.Activity.of(plan.distributorActivity(), comp.units,
        comp.asOf, comp.zone);
    this.withCustomers = plan.personalVolume().includeCustomerOrders();
    this.cap = plan.personalVolume().selfPurchaseCap().map(comp.units::cap).orElse(Long.MAX_VALUE);
    this.seen = Organisation.nanos(comp.asOf);
    this.factor = comp.qualifyingFactor;
    this.baseQv = comp.qualifyingVolume;
    this.times = new java.util.concurrent.atomic.AtomicReference<>();
    this.tree = comp.placements;
    this.placed = comp.ladder.placementAggregators();
    this.counters = comp.ladder.placementCounters();
    this.folders = comp.ladder.placementFolders();
  }

  /**
   * A copy of {@code from} over copies of its organisation, figures and orders: the rules of
   * activity, the cap and the factor are the same and shared, not derived again.
   */
  private LiveState(LiveState from, Organisation org, Computation comp, LiveOrders orders) {
    this.org = org;
    this.comp = comp;
    this.orders = orders;
    this.askedAsOf = from.askedAsOf;
    this.titles = from.titles;
    comp.lastOrder();
    comp.overlay = orders;
    this.results = new ResultAssembler(comp);
    this.aggregators = comp.ladder.aggregators();
    this.customerRule = from.customerRule;
    this.distributorRule = from.distributorRule;
    this.withCustomers = from.withCustomers;
    this.cap = from.cap;
    this.seen = from.seen;
    this.factor = from.factor;
    this.baseQv = from.baseQv;
    this.times = from.times;
    this.tree = comp.placements;
    this.placed = comp.ladder.placementAggregators();
    this.counters = comp.ladder.placementCounters();
    this.folders = comp.ladder.placementFolders();
  }

  /** A whole evaluation of an organisation, ready to take events; the organisation is copied. */
  static LiveState start(Organisation org, CompPlan plan, Period period, Instant asOf,
      Map<String, String> titles, History history, Overrides overrides) {
    Organisation live = plan.placementTree().isPresent() ? org.liveCopyWithPlacements()
        : org.liveCopy();
    return new LiveState(live, RankGauge.computation(live, plan, period, asOf, titles, history,
        overrides), new LiveOrders(live), asOf, titles);
  }

  /** A live state continuing a finished evaluation, sharing nothing it will change. */
  static LiveState of(Computation finished, Instant askedAsOf, Map<String, String> titles) {
    Organisation live = finished.placements != null ? finished.org.liveCopyWithPlacements()
        : finished.org.liveCopy();
    Computation c = new Computation(finished, live);
    return new LiveState(live, c, new LiveOrders(live), askedAsOf, titles);
  }

  /**
   * A whole evaluation of an organisation with orders changed since it was built, as of an
   * instant: the base evaluation, then every buyer the changes touch counted again, then every
   * distributor decided again. Linear in the organisation.
   *
   * @param org a live copy nobody else will change (the state it came from is dropped)
   * @param orders the overlay, of {@code org}
   */
  static LiveState recomputed(Organisation org, CompPlan plan, Period period, Instant asOf,
      Map<String, String> titles, History history, Overrides overrides, LiveOrders orders) {
    LiveState s = new LiveState(org, RankGauge.computation(org, plan, period, asOf, titles,
        history, overrides),
        orders, asOf, titles);
    if (!orders.isEmpty()) {
      try {
        for (int e = 0; e < orders.size; e++) {
          s.refreshBuyer(orders.byCustomer[e], orders.buyer[e]);
        }
        s.recomputeAll();
      } catch (Computation.Overflow x) {
        throw RankGauge.overflow(org, plan, x);
      }
    }
    return s;
  }

  /** A copy nobody else changes: what a snapshot holds. Linear in the organisation. */
  LiveState copy() {
    Organisation o = org.liveCopy();
    return new LiveState(this, o, new Computation(comp, o), orders.copy(o));
  }

  /**
   * A copy with room for more distributors and customers to join (an eighth more): what the
   * writer continues with when its arrays are full. Linear, once per so many joins.
   */
  LiveState grown() {
    Organisation o = org.grownCopy();
    return new LiveState(this, o, new Computation(comp, o), orders.copy(o));
  }

  // --- orders ----------------------------------------------------------------------------------

  /** The qualifying volume of an order (volumes already normalised) in the computation's units. */
  long qualifying(Order o) {
    BigDecimal v = o.volumes().get(comp.plan.qualifyingVolumeType());
    return v == null ? 0 : comp.units.rescale(v.unscaledValue().longValueExact(), v.scale());
  }

  /**
   * Counts a buyer's figures again from all their orders, then the personal figures of the
   * distributor they count for.
   */
  void refreshBuyer(boolean customer, int b) {
    Computation c = comp;
    int owner = customer ? org.customerOwner[b] : b;
    long vol = 0;
    boolean inPeriod = false;
    long last = Computation.NONE;
    long start = c.periodStart;
    long end = c.periodSeenEnd;
    boolean anyMasked = !orders.masked.isEmpty();
    for (int k = org.ordersFrom(customer, b), to = org.ordersTo(customer, b); k < to; k++) {
      if (anyMasked && orders.masked.get(k)) {
        continue;
      }
      long t = org.orderTime[k];
      byte st = org.orderStatus[k];
      if (!OrderCounting.counts(st, t, seen)) {
        continue;
      }
      boolean paid = OrderCounting.paid(st);
      if (paid && t > last) {
        last = t;
      }
      if (OrderCounting.inPeriod(t, start, end)) {
        vol = Computation.add(vol, OrderCounting.volume(st, baseQv[k] * factor), owner,
            Computation.PERSONAL);
        inPeriod |= paid;
      }
    }
    LiveOrders lo = orders;
    for (int e = (customer ? lo.customerLast : lo.distributorLast)[b]; e >= 0; e = lo.previous[e]) {
      long t = lo.time[e];
      byte st = lo.status[e];
      if (!OrderCounting.counts(st, t, seen)) {
        continue;
      }
      boolean paid = OrderCounting.paid(st);
      if (paid && t > last) {
        last = t;
      }
      if (OrderCounting.inPeriod(t, start, end)) {
        vol = Computation.add(vol, OrderCounting.volume(st, lo.qv[e]), owner, Computation.PERSONAL);
        inPeriod |= paid;
      }
    }
    if (customer) {
      c.customerVolume[b] = vol;
      c.customerOrderInPeriod[b] = inPeriod;
      c.customerLastOrder()[b] = last;
      boolean a = customerRule.active(vol, inPeriod, last);
      if (a != c.customerActive[b]) {
        c.customerActive[b] = a;
        c.activeCustomers[owner] += a ? 1 : -1;
      }
    } else {
      c.ownVolume[b] = vol;
      c.orderInPeriod[b] = inPeriod;
      c.lastOrder()[b] = last;
    }
    for (Computation.Volumes x : c.otherVolumes) {
      (customer ? x.customerVolume : x.ownVolume)[b] = counted(x, customer, b, owner);
    }
    refreshPersonal(owner);
  }

  /**
   * A buyer's counted volume of another type in the period, from their orders and the live
   * entries, as {@link #refreshBuyer} counts the qualifying type.
   */
  private long counted(Computation.Volumes x, boolean customer, int b, int owner) {
    long vol = 0;
    long start = comp.periodStart;
    long end = comp.periodSeenEnd;
    boolean anyMasked = !orders.masked.isEmpty();
    long[] column = x.column;
    long factor = x.factor;
    for (int k = org.ordersFrom(customer, b), to = org.ordersTo(customer, b); k < to; k++) {
      if (anyMasked && orders.masked.get(k)) {
        continue;
      }
      long t = org.orderTime[k];
      byte st = org.orderStatus[k];
      if (OrderCounting.counts(st, t, seen) && OrderCounting.inPeriod(t, start, end)) {
        vol = Computation.add(vol, OrderCounting.volume(st, column[k] * factor), owner,
            Computation.PERSONAL);
      }
    }
    LiveOrders lo = orders;
    for (int e = (customer ? lo.customerLast : lo.distributorLast)[b]; e >= 0; e = lo.previous[e]) {
      long t = lo.time[e];
      byte st = lo.status[e];
      if (OrderCounting.counts(st, t, seen) && OrderCounting.inPeriod(t, start, end)) {
        vol = Computation.add(vol, OrderCounting.volume(st, unitsOf(lo.order[e], x.type)), owner,
            Computation.PERSONAL);
      }
    }
    return vol;
  }

  /** An order's volume of a type (volumes already normalised) in the computation's units. */
  private long unitsOf(Order o, String type) {
    BigDecimal v = o.volumes().get(type);
    return v == null ? 0 : comp.units.rescale(v.unscaledValue().longValueExact(), v.scale());
  }

  /**
   * A distributor's personal volume of each other type again, from their own and customers'
   * figures (no self-purchase cap: it is a figure of the qualifying type), and their placement
   * line's subtree volumes; true if one changed.
   */
  private boolean refreshOthers(int d) {
    boolean changed = false;
    for (Computation.Volumes x : comp.otherVolumes) {
      long pv = 0;
      if (withCustomers) {
        for (int k = org.customersFrom(d), to = org.customersTo(d); k < to; k++) {
          pv = Computation.add(pv, x.customerVolume[org.customerIn(k)], d, Computation.PERSONAL);
        }
      }
      pv = Computation.add(pv, x.ownVolume[d], d, Computation.PERSONAL);
      long before = x.personal[d];
      x.personal[d] = pv;
      if (pv != before) {
        changed = true;
        if (tree != null) {
          long delta = Computation.add(pv, -before, d, Computation.PERSONAL);
          for (int u = d; u >= 0; u = tree.parent[u]) {
            x.placement[u] = Computation.add(x.placement[u], delta, u, Computation.PLACEMENT);
          }
        }
      }
    }
    return changed;
  }

  /** A distributor's personal volume and activity again, from their own and customers' figures. */
  private void refreshPersonal(int d) {
    Computation c = comp;
    long pvBefore = c.personalVolume[d];
    long pv = 0;
    if (withCustomers) {
      for (int k = org.customersFrom(d), to = org.customersTo(d); k < to; k++) {
        pv = Computation.add(pv, c.customerVolume[org.customerIn(k)], d, Computation.PERSONAL);
      }
    }
    pv = Computation.add(pv, Math.min(c.ownVolume[d], cap), d, Computation.PERSONAL);
    c.personalVolume[d] = pv;
    boolean others = c.otherVolumes.length > 0 && refreshOthers(d);
    if (tree != null && (pv != pvBefore || others)) {
      // d's placement subtree volume and every one above it in the placement tree
      if (pv != pvBefore) {
        long delta = Computation.add(pv, -pvBefore, d, Computation.PERSONAL);
        long[] vol = c.placementVolume;
        for (int u = d; u >= 0; u = tree.parent[u]) {
          vol[u] = Computation.add(vol[u], delta, u, Computation.PLACEMENT);
        }
      }
      lineSeed(d);
    }
    boolean a = distributorRule.active(pv, c.orderInPeriod[d], c.lastOrder()[d])
        || c.countedActive(d);
    boolean activity = a != c.active[d];
    if (activity) {
      c.active[d] = a;
      int p = org.parent[d];
      if (p >= 0) {
        c.activeDistributors[p] += a ? 1 : -1;
      }
      if (tree != null) {
        for (Rules.Rule r : counters) {
          r.placementCounted(d, a ? 1 : -1, false, true);
        }
        lineSeed(d);
      }
    }
    if (tree != null && (pv != pvBefore || others || activity)) {
      refold(tree.parent[d]);
    }
  }

  /**
   * Folds the legs and levels of the placement tree again ({@link Rules.Rule#placementFigureDone})
   * for u and everyone above u in the placement tree, from the bottom up, after a change of
   * volume, activity or placement below u: each slot of theirs is a function of their placement
   * children's figures, so this is what a whole evaluation gives. O(placement depth x width x
   * the rules that fold); ranks are decided by {@link #settle}, which takes the same line.
   */
  private void refold(int u) {
    if (folders.length == 0) {
      return;
    }
    for (; u >= 0; u = tree.parent[u]) {
      for (Rules.Rule r : folders) {
        r.reset(u);
      }
      for (int c = tree.firstChild(u); c >= 0; c = tree.nextSibling(c)) {
        for (Rules.Rule r : folders) {
          r.placementFigureDone(c, u);
        }
      }
    }
  }

  /**
   * Decides every distributor from d up to their root again, from the bottom up, after d's
   * personal volume changed by {@code delta}. Where no rule reads the downline beyond group
   * volume (no aggregating rule, no host rule), group volume moves by the same delta all the way
   * up and each distributor on the line is only decided again: O(depth). Otherwise each is
   * decided again from their children's figures ({@link Computation#recompute}).
   */
  void recomputeLine(int d, long delta) {
    if (tree != null) {
      seed(d);
      settle();
      return;
    }
    int[] parent = org.parent;
    if (aggregators.length == 0 && comp.subtreeRank == null) {
      long[] gv = comp.groupVolume;
      for (int u = d; u >= 0; u = parent[u]) {
        gv[u] = Computation.add(gv[u], delta, u, Computation.GROUP);
        comp.decide(u);
      }
      return;
    }
    for (int u = d; u >= 0; u = parent[u]) {
      comp.recompute(u, aggregators);
    }
  }

  /** Decides every distributor again, children first (in both trees for a placement plan). */
  void recomputeAll() {
    int n = org.distributorCount();
    if (tree != null) {
      seedCount = 0;
      lineSeedCount = 0;
      int[] up = placed.length > 0 ? tree.bottomUpWith(org, comp.plan.name()) : null;
      int[] topDown = up != null ? null : org.topDown();
      for (int i = n - 1; i >= 0; i--) {
        int v = up != null ? up[n - 1 - i] : topDown == null ? i : topDown[i];
        comp.recompute(v, aggregators, placed, tree);
      }
      return;
    }
    int[] topDown = org.topDown();
    for (int i = n - 1; i >= 0; i--) {
      comp.recompute(topDown == null ? i : topDown[i], aggregators);
    }
  }

  // --- the placement tree ----------------------------------------------------------------------

  /** Notes that d is to be decided again, with everyone above them ({@link #settle}). */
  private void seed(int d) {
    if (seedCount == seeds.length) {
      seeds = java.util.Arrays.copyOf(seeds, 2 * seedCount);
    }
    seeds[seedCount++] = d;
  }

  /** Notes that d's placement ancestors are to be decided again: d's volume or activity changed. */
  private void lineSeed(int d) {
    if (lineSeedCount == lineSeeds.length) {
      lineSeeds = java.util.Arrays.copyOf(lineSeeds, 2 * lineSeedCount);
    }
    lineSeeds[lineSeedCount++] = d;
  }

  /**
   * Decides again, in a plan with a placement tree, every distributor a change may reach: the
   * seeds, the placement lines above the line seeds (their side volumes and matrix counts moved),
   * and everyone above those in the sponsor tree, and in the placement tree too when ranks are
   * counted in it ({@link Rules.Rule#placementChildDone}); that set is closed upwards, so
   * everyone outside it keeps their figures. Each is decided after their children in the set
   * (Kahn's algorithm over the set's links, which the checks of joins and moves keep acyclic),
   * from their children's figures ({@link Computation#recompute(int, Rules.Rule[], Rules.Rule[],
   * Placements)}). Costs the set's size times fan-out and the rules that fold, plus the set's
   * links: for an order, its sponsor line and placement line and, when ranks are counted in the
   * placement tree, the lines above those in turn (see docs/benchmarks.md, "Live placement").
   */
  private void settle() {
    Scratch x = Scratch.of(org.distributorRoom());
    int stamp = ++x.epoch;
    int[] mark = x.mark;
    int[] work = x.work;
    int size = 0;
    int[] up = tree.parent;
    int[] sponsor = org.parent;
    for (int i = 0; i < lineSeedCount; i++) {
      for (int u = up[lineSeeds[i]]; u >= 0 && mark[u] != stamp; u = up[u]) {
        mark[u] = stamp;
        work[size++] = u;
      }
    }
    for (int i = 0; i < seedCount; i++) {
      int d = seeds[i];
      if (mark[d] != stamp) {
        mark[d] = stamp;
        work[size++] = d;
      }
    }
    seedCount = 0;
    lineSeedCount = 0;
    boolean both = placed.length > 0;
    for (int i = 0; i < size; i++) {
      int v = work[i];
      int s = sponsor[v];
      if (s >= 0 && mark[s] != stamp) {
        mark[s] = stamp;
        work[size++] = s;
      }
      int p = up[v];
      if (both && p >= 0 && mark[p] != stamp) {
        mark[p] = stamp;
        work[size++] = p;
      }
    }
    int[] pending = x.pending;
    for (int i = 0; i < size; i++) {
      pending[work[i]] = 0;
    }
    for (int i = 0; i < size; i++) {
      int v = work[i];
      if (sponsor[v] >= 0) {
        pending[sponsor[v]]++;
      }
      if (both && up[v] >= 0) {
        pending[up[v]]++;
      }
    }
    int[] queue = x.queue;
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (pending[work[i]] == 0) {
        queue[n++] = work[i];
      }
    }
    for (int head = 0; head < n; head++) {
      int v = queue[head];
      if (feeding) {
        note(v);
      }
      comp.recompute(v, aggregators, placed, tree);
      int s = sponsor[v];
      if (s >= 0 && --pending[s] == 0) {
        queue[n++] = s;
      }
      int p = up[v];
      if (both && p >= 0 && --pending[p] == 0) {
        queue[n++] = p;
      }
    }
    if (n != size) {
      throw new IllegalStateException("the sponsor and placement trees cross: the checks of"
          + " joins and moves should have refused the event");
    }
  }

  /**
   * A thread's working arrays for {@link #settle} and the checks of moves, as long as the largest
   * organisation it met: stamps, so that nothing is cleared between uses.
   */
  static final class Scratch {
    private static final ThreadLocal<Scratch> MINE = new ThreadLocal<>();
    int[] mark;
    int[] work;
    int[] pending;
    int[] queue;
    int[] aux;
    int[] auxMark;
    int epoch;

    private Scratch(int n) {
      mark = new int[n];
      work = new int[n];
      pending = new int[n];
      queue = new int[n];
      aux = new int[n];
      auxMark = new int[n];
    }

    static Scratch of(int n) {
      Scratch s = MINE.get();
      if (s == null || s.mark.length < n) {
        s = new Scratch(n);
        MINE.set(s);
      }
      return s;
    }
  }

  // --- time ------------------------------------------------------------------------------------

  /**
   * Moves the as-of instant forward in place. Only buyers with an order between the old and the
   * new instant (it starts to count) or, under an "order within the last N days" activity rule,
   * between the old and the new start of the window (it may have been their last order in it)
   * can change; each is counted again and their sponsor line decided again, as an order does.
   * Every other figure is the same as of either instant: volumes, "order in the period" and
   * "net volume above zero" read only orders already counted, and no rule reads the instant
   * itself. The orders are found by hour ({@link OrderTimes}, built the first time, O(orders)
   * once; {@link LiveOrders#eachBetween} for the orders added live). Costs those orders times
   * (their buyer's orders + depth, times fan-out and the aggregating rules where there are).
   *
   * @param feed whether to note the lines above the buyers for {@link #diffLine}
   * @param limit the most buyers to count again in place: with more, a whole evaluation is
   *     cheaper, and nothing is changed
   * @return how many distributors were noted, or -1 with nothing changed, over the limit
   * @throws Computation.Overflow if a sum overflows; the figures are then half moved and the
   *     caller evaluates whole again as of the instant before
   */
  int passTime(Instant asked, boolean feed, int limit) {
    Computation c = comp;
    long seenBefore = seen;
    Long customerFrom = customerRule.windowStart();
    Long distributorFrom = distributorRule.windowStart();
    Instant end = c.period.endInstant(c.zone);
    Instant asOf = asked.isAfter(end) ? end : asked;
    long seenAfter = Organisation.nanos(asOf);
    CompPlan plan = c.plan;
    Computation.Activity customerAfter = Computation.Activity.of(plan.customerActivity(),
        c.units, asOf, c.zone);
    Computation.Activity distributorAfter = Computation.Activity.of(plan.distributorActivity(),
        c.units, asOf, c.zone);
    Long customerTo = customerAfter.windowStart();
    Long distributorTo = distributorAfter.windowStart();
    OrderTimes byHour = times.get();
    if (byHour == null) {
      byHour = OrderTimes.of(org);
      times.compareAndSet(null, byHour);
    }
    // each buyer once: 2 x index, + 1 for a customer
    java.util.LinkedHashSet<Long> buyers = new java.util.LinkedHashSet<>();
    LiveOrders lo = orders;
    boolean[] baseByCustomer = org.orderByCustomer;
    int[] baseBuyer = org.orderBuyer;
    byHour.each(seenBefore, seenAfter, k -> buyers.add(key(baseByCustomer[k], baseBuyer[k])));
    lo.eachBetween(seenBefore, seenAfter, e -> buyers.add(key(lo.byCustomer[e], lo.buyer[e])));
    if (customerFrom != null) {
      byHour.each(customerFrom, customerTo, k -> {
        if (baseByCustomer[k]) {
          buyers.add(key(true, baseBuyer[k]));
        }
      });
      lo.eachBetween(customerFrom, customerTo, e -> {
        if (lo.byCustomer[e]) {
          buyers.add(key(true, lo.buyer[e]));
        }
      });
    }
    if (distributorFrom != null) {
      byHour.each(distributorFrom, distributorTo, k -> {
        if (!baseByCustomer[k]) {
          buyers.add(key(false, baseBuyer[k]));
        }
      });
      lo.eachBetween(distributorFrom, distributorTo, e -> {
        if (!lo.byCustomer[e]) {
          buyers.add(key(false, lo.buyer[e]));
        }
      });
    }
    if (buyers.size() > limit) {
      return -1;
    }
    c.moveAsOf(asked);
    askedAsOf = asked;
    seen = seenAfter;
    customerRule = customerAfter;
    distributorRule = distributorAfter;
    int len = 0;
    if (feed) {
      java.util.HashSet<Integer> noted = new java.util.HashSet<>();
      for (long k : buyers) {
        int b = (int) (k >>> 1);
        int d = (k & 1) == 1 ? org.customerOwner[b] : b;
        for (int u = d; u >= 0 && noted.add(u); u = org.parent[u]) {
          len = recordLine(len, u, org.parent[u]);
        }
      }
    }
    for (long k : buyers) {
      boolean customer = (k & 1) == 1;
      int b = (int) (k >>> 1);
      int d = customer ? org.customerOwner[b] : b;
      long before = c.personalVolume[d];
      refreshBuyer(customer, b);
      recomputeLine(d, c.personalVolume[d] - before);
    }
    return len;
  }

  private static long key(boolean customer, int b) {
    return 2L * b + (customer ? 1 : 0);
  }

  // --- structure -------------------------------------------------------------------------------

  /**
   * Gives customer c to distributor d: both distributors' personal figures follow (the customer's
   * volume and activity count for d now), then both sponsor lines are decided again. Costs the
   * two distributors' customers and O(depth x fan-out x aggregating rules) for the lines, like an
   * order on each.
   *
   * @throws Computation.Overflow if a sum overflows; the caller undoes with the same call back
   */
  void moveCustomer(int c, int d) {
    int from = org.customerOwner[c];
    long fromBefore = comp.personalVolume[from];
    long toBefore = comp.personalVolume[d];
    org.moveCustomer(c, d);
    if (comp.customerActive[c]) {
      comp.activeCustomers[from]--;
      comp.activeCustomers[d]++;
    }
    refreshPersonal(from);
    refreshPersonal(d);
    recomputeLine(from, comp.personalVolume[from] - fromBefore);
    recomputeLine(d, comp.personalVolume[d] - toBefore);
  }

  /**
   * Puts distributor r under sponsor q (not in r's downline). Nothing in r's downline changes,
   * since no figure reads the upline: r's old sponsor line loses r's subtree and is decided again
   * from the bottom up, then q's line gains it. Where the two lines meet, the second pass sees
   * both branches final. Every aggregating rule (legs within k levels, compression, breakaways,
   * capped legs, host rules) folds each distributor from their children again, so the cost is
   * O((old depth + new depth) x fan-out x aggregating rules), whatever the size of r's subtree;
   * with the four gauge thresholds only, group volume moves by r's along both lines and the cost
   * is O(old depth + new depth) ({@link #recomputeLine}).
   *
   * @return r's sponsor before, -1 for a root: what an undo moves r back under
   * @throws Computation.Overflow if a sum overflows on the new line
   */
  int moveDistributor(int r, int q) {
    int p = org.parent[r];
    long group = comp.groupVolume[r];
    org.moveDistributor(r, q);
    if (comp.active[r]) {
      if (p >= 0) {
        comp.activeDistributors[p]--;
      }
      comp.activeDistributors[q]++;
    }
    if (tree != null) {
      // both lines at once: r's side under q is the tree's already ({@link Placements#sponsorChanged})
      if (p >= 0) {
        seed(p);
      }
      seed(q);
      settle();
      return p;
    }
    if (p >= 0) {
      recomputeLine(p, -group);
    }
    recomputeLine(q, group);
    return p;
  }

  /**
   * A distributor joins under a sponsor (-1: as a root), with no orders yet: their figures are
   * those of someone with none (active only if the plan's rule says so of nothing, which the
   * sponsor's count then follows), their rule slots start afresh, and the sponsor line is decided
   * again. One whose id a closed period of the history holds comes back with their past (held
   * rank, title, the periods rules read: {@link Prior#join}), a hash lookup per closed period.
   * Needs room ({@link Organisation#hasRoomToJoin()}). O(depth x fan-out x aggregating rules),
   * like an order. They are placed under {@code placementParent} at {@code position} (-1: not
   * placed), both checked by the caller. In
   * a plan with a placement tree, the newcomer's position counts in the matrix levels above them
   * and their placement line is decided again with their sponsor line ({@link #settle}):
   * O(depth x fan-out x the rules that fold), like an order.
   */
  void joinDistributor(Distributor d, int sponsor, int placementParent, int position) {
    int v = org.joinDistributor(d, sponsor, placementParent, position);
    Computation c = comp;
    // a newcomer has no change to report
    skipNote(v);
    if (c.prior != null && c.prior.join(v, d.id()) && c.titleRank != null) {
      // back with their past: last period's paid-as rank, title and hold, as a whole
      // evaluation aligning them with the history gives (the host's titles cannot name them)
      c.titleRank[v] = c.prior.title[v];
    }
    c.ownVolume[v] = 0;
    c.orderInPeriod[v] = false;
    c.lastOrder()[v] = Computation.NONE;
    c.active[v] = false;
    c.activeCustomers[v] = 0;
    c.activeDistributors[v] = 0;
    c.personalVolume[v] = 0;
    for (Computation.Volumes x : c.otherVolumes) {
      x.ownVolume[v] = 0;
      x.personal[v] = 0;
      x.group[v] = 0;
      if (x.placement != null) {
        x.placement[v] = 0;
      }
    }
    if (tree != null) {
      c.placementVolume[v] = 0;
      if (placementParent >= 0) {
        for (Rules.Rule r : counters) {
          r.placementCounted(v, 1, false, false);
        }
        lineSeed(v);
        // a new leg under the placement parent, if of no volume yet
        refold(placementParent);
      }
      refreshPersonal(v);
      seed(v);
      settle();
      return;
    }
    refreshPersonal(v);
    c.recompute(v, aggregators);
    if (sponsor >= 0) {
      recomputeLine(sponsor, c.groupVolume[v]);
    }
  }

  /**
   * A customer joins a distributor, with no orders yet; the distributor's personal figures and
   * their line follow. Needs room, like {@link #joinDistributor}.
   */
  void joinCustomer(Customer k, int d) {
    int c = org.joinCustomer(k, d);
    Computation x = comp;
    x.customerVolume[c] = 0;
    x.customerOrderInPeriod[c] = false;
    x.customerLastOrder()[c] = Computation.NONE;
    for (Computation.Volumes o : x.otherVolumes) {
      o.customerVolume[c] = 0;
    }
    boolean a = customerRule.active(0, false, Computation.NONE);
    x.customerActive[c] = a;
    if (a) {
      x.activeCustomers[d]++;
    }
    long before = x.personalVolume[d];
    refreshPersonal(d);
    recomputeLine(d, x.personalVolume[d] - before);
  }

  /**
   * Places distributor r, with their placement subtree, under {@code p} at {@code pos} (checked
   * by the caller: a free position within the width, p outside r's placement subtree, in r's
   * organisation, and where ranks are counted in the placement tree, no crossing of the trees).
   * Nothing in r's subtree changes but the side some of them sit on under a sponsor outside it:
   * r's subtree volume leaves the old placement line and joins the new one, the matrix levels
   * above follow, the sponsors whose side counts change are noted, and all of those are decided
   * again with everyone above them ({@link #settle}). Costs the size of r's placement subtree
   * (to find the sides that change) plus O(old + new placement depth) and the settling.
   *
   * @return r's placement parent and position before, as {@code {parent, position}}
   * @throws Computation.Overflow if a sum overflows; the placement is then back where it was,
   *     the figures half changed, and the caller evaluates whole
   */
  int[] movePlacement(int r, int p, int pos) {
    Placements t = org.placementTree();
    int[] was = {t.parent[r], t.position[r]};
    boolean figures = tree != null;
    long vol = figures ? comp.placementVolume[r] : 0;
    Computation.Volumes[] others = comp.otherVolumes;
    long[] otherVol = new long[others.length];
    if (figures) {
      for (Rules.Rule rule : counters) {
        rule.placementCounted(r, -1, true, false);
      }
      for (int i = 0; i < others.length; i++) {
        otherVol[i] = others[i].placement[r];
      }
      for (int u = was[0]; u >= 0; u = t.parent[u]) {
        comp.placementVolume[u] = Computation.add(comp.placementVolume[u], -vol, u,
            Computation.PLACEMENT);
        for (int i = 0; i < others.length; i++) {
          others[i].placement[u] = Computation.add(others[i].placement[u], -otherVol[i], u,
              Computation.PLACEMENT);
        }
        seed(u);
      }
    }
    org.movePlacement(r, p, pos);
    if (figures) {
      try {
        for (int u = p; u >= 0; u = t.parent[u]) {
          comp.placementVolume[u] = Computation.add(comp.placementVolume[u], vol, u,
              Computation.PLACEMENT);
          for (int i = 0; i < others.length; i++) {
            others[i].placement[u] = Computation.add(others[i].placement[u], otherVol[i], u,
                Computation.PLACEMENT);
          }
          seed(u);
        }
        // legs and levels of the placement tree: the old line without r, then the new with r
        refold(was[0]);
        refold(p);
      } catch (Computation.Overflow x) {
        org.movePlacement(r, was[0], was[1]);
        throw x;
      }
      for (Rules.Rule rule : counters) {
        rule.placementCounted(r, 1, true, false);
      }
    }
    // The sides under their sponsors of those in r's subtree whose sponsor is outside it.
    Scratch x = Scratch.of(org.distributorRoom());
    int stamp = ++x.epoch;
    int[] line = x.aux;
    int[] onLine = x.auxMark;
    for (int c = r, a = p; a >= 0; c = a, a = t.parent[a]) {
      onLine[a] = stamp;
      line[a] = t.position[c];
    }
    int[] work = x.work;
    int[] mark = x.mark;
    int size = 0;
    work[size++] = r;
    mark[r] = stamp;
    for (int i = 0; i < size; i++) {
      for (int c = t.firstChild(work[i]); c >= 0; c = t.nextSibling(c)) {
        mark[c] = stamp;
        work[size++] = c;
      }
    }
    for (int i = 0; i < size; i++) {
      int c = work[i];
      int s = org.parent[c];
      if (s < 0 || mark[s] == stamp) {
        continue;
      }
      int at = onLine[s] == stamp ? line[s] : 0;
      byte side = (byte) (at == Placement.LEFT || at == Placement.RIGHT ? at : 0);
      if (side != t.sideUnderSponsor[c]) {
        t.setSide(c, side);
        if (figures) {
          seed(s);
        }
      }
    }
    if (figures) {
      settle();
    }
    return was;
  }

  /**
   * Whether {@code target} is reached from {@code from} going up through sponsors and placement
   * parents: then placing or sponsoring {@code target} below {@code from} would make the trees
   * cross. Costs the set of everyone above {@code from} in either tree.
   */
  boolean above(int target, int from) {
    Placements t = org.placementTree();
    Scratch x = Scratch.of(org.distributorRoom());
    int stamp = ++x.epoch;
    int[] mark = x.mark;
    int[] work = x.work;
    int size = 0;
    work[size++] = from;
    mark[from] = stamp;
    for (int i = 0; i < size; i++) {
      int v = work[i];
      if (v == target) {
        return true;
      }
      int s = org.parent[v];
      if (s >= 0 && mark[s] != stamp) {
        mark[s] = stamp;
        work[size++] = s;
      }
      int q = t.parent[v];
      if (q >= 0 && mark[q] != stamp) {
        mark[q] = stamp;
        work[size++] = q;
      }
    }
    return false;
  }

  /**
   * Whether an order decides its line again by folding each distributor's children (rules that
   * read the downline, or a placement tree), rather than by moving group volume up the line.
   */
  boolean foldsDownline() {
    return aggregators.length > 0 || comp.subtreeRank != null || tree != null;
  }

  /** Whether the plan counts ranks in the placement tree, so that the trees may not cross. */
  boolean ranksInPlacementTree() {
    return placed.length > 0;
  }

  /**
   * Puts the structure back after a move whose sums overflowed; the figures are then whatever
   * the failed pass left, and the caller evaluates whole.
   */
  void undoMove(int r, int p) {
    if (p >= 0) {
      org.moveDistributor(r, p);
    } else {
      org.makeRoot(r);
    }
  }

  // --- the change feed -------------------------------------------------------------------------

  /** Notes the paid-as rank and the four gauges of d and everyone above, before a change. */
  int recordLine(int d) {
    return recordLine(0, d, -1);
  }

  /**
   * Notes the two sponsor lines above a and b (-1 for none), each distributor once: a's whole
   * line, then b's up to where it meets a's.
   */
  int recordLines(int a, int b) {
    int len = a >= 0 ? recordLine(0, a, -1) : 0;
    return b >= 0 ? recordLine(len, b, meeting(a, b)) : len;
  }

  /** The first distributor on both a's and b's sponsor lines, -1 if none. O(depth). */
  private int meeting(int a, int b) {
    int da = depth(a);
    int db = depth(b);
    int[] parent = org.parent;
    for (; da > db; da--) {
      a = parent[a];
    }
    for (; db > da; db--) {
      b = parent[b];
    }
    while (a != b) {
      a = parent[a];
      b = parent[b];
    }
    return a;
  }

  private int depth(int v) {
    int d = 0;
    for (int u = v; u >= 0; u = org.parent[u]) {
      d++;
    }
    return d;
  }

  /**
   * Notes from d up to (not including) stop, each distributor once per event; returns how many
   * the feed noted in this event.
   */
  private int recordLine(int len, int d, int stop) {
    feeding = true;
    for (int u = d; u != stop && u >= 0; u = org.parent[u]) {
      note(u);
    }
    return fed;
  }

  /**
   * Starts an event: nothing noted for the feed yet; with {@code feed}, the settling notes whom it
   * decides again ({@link #settle}).
   */
  void startEvent(boolean feed) {
    feeding = feed;
    fed = 0;
    if (noted != null) {
      noteEpoch++;
    }
  }

  /** Per distributor, the event in which the feed noted them (see {@link #noteEpoch}). */
  private int[] noted;
  private int noteEpoch = 1;

  /** Notes u's paid-as rank and four gauges as they are, once per event. */
  private void note(int u) {
    if (noted == null || noted.length < org.distributorRoom()) {
      noted = noted == null ? new int[org.distributorRoom()]
          : java.util.Arrays.copyOf(noted, org.distributorRoom());
    }
    if (noted[u] == noteEpoch) {
      return;
    }
    noted[u] = noteEpoch;
    int len = fed;
    if (len == line.length) {
      line = java.util.Arrays.copyOf(line, len * 2);
      linePaid = java.util.Arrays.copyOf(linePaid, len * 2);
      lineRaw = java.util.Arrays.copyOf(lineRaw, len * 8);
    }
    line[len] = u;
    linePaid[len] = comp.paidAs[u];
    lineRaw[4 * len] = comp.personalVolume[u];
    lineRaw[4 * len + 1] = comp.groupVolume[u];
    lineRaw[4 * len + 2] = comp.activeCustomers[u];
    lineRaw[4 * len + 3] = comp.activeDistributors[u];
    fed = len + 1;
  }

  /** Keeps the feed from noting u in this event (one who joined in it). */
  private void skipNote(int u) {
    if (feeding) {
      if (noted == null || noted.length < org.distributorRoom()) {
        noted = noted == null ? new int[org.distributorRoom()]
            : java.util.Arrays.copyOf(noted, org.distributorRoom());
      }
      noted[u] = noteEpoch;
    }
  }

  /** What changed among the distributors {@link #recordLine} and the settling noted, bottom up. */
  void diffLine(int len, List<LiveUpdate.RankChange> ranks, List<LiveUpdate.GaugeCrossing> gauges) {
    len = Math.max(len, fed);
    for (int i = 0; i < len; i++) {
      int u = line[i];
      diff(linePaid[i], lineRaw, 4 * i, this, this, u, ranks, gauges);
    }
  }

  /**
   * What changed between two states of possibly different organisations (after a structural
   * event or time passing), distributor by distributor in input order; distributors new in
   * {@code after} have no change to report.
   */
  static void diffAll(LiveState before, LiveState after, List<LiveUpdate.RankChange> ranks,
      List<LiveUpdate.GaugeCrossing> gauges) {
    long[] raw = new long[4];
    Organisation a = after.org;
    for (int k = 0; k < a.distributorCount(); k++) {
      int v = a.indexAt(k);
      int u = before.org == a ? v : before.org.indexOf(a.distributorId(v));
      if (u < 0) {
        continue;
      }
      for (Metric m : METRICS) {
        raw[m.ordinal()] = before.results.raw(u, m);
      }
      diff(before.comp.paidAs[u], raw, 0, before, after, v, ranks, gauges);
    }
  }

  /**
   * Reports distributor v of {@code after} against their paid-as rank and raw gauge values
   * before, which are in {@code before}'s units.
   */
  private static void diff(int paidBefore, long[] rawBefore, int at, LiveState before,
      LiveState after, int v, List<LiveUpdate.RankChange> ranks,
      List<LiveUpdate.GaugeCrossing> gauges) {
    List<Rank> rs = after.comp.plan.ranks();
    String id = null;
    int paid = after.comp.paidAs[v];
    if (paid != paidBefore) {
      id = after.org.distributorId(v);
      ranks.add(new LiveUpdate.RankChange(id, rs.get(paidBefore), rs.get(paid)));
    }
    for (Metric m : METRICS) {
      long was = rawBefore[at + m.ordinal()];
      long is = after.results.raw(v, m);
      if (was == is && before == after) {
        continue;
      }
      int lb = before.results.level(m, was);
      int la = after.results.level(m, is);
      if (lb != la) {
        id = id != null ? id : after.org.distributorId(v);
        gauges.add(new LiveUpdate.GaugeCrossing(id, m, rs.get(lb), rs.get(la),
            before.results.decimal(m, was), after.results.decimal(m, is)));
      }
    }
  }

  /** A list with one more element at its end, read through: what a join builds anew with. */
  static <T> List<T> appended(List<T> base, T added) {
    return new AbstractList<>() {
      @Override
      public T get(int i) {
        return i == base.size() ? added : base.get(i);
      }

      @Override
      public int size() {
        return base.size() + 1;
      }
    };
  }

  /** Volumes as the organisation keeps them: at most six decimals, never a negative scale. */
  static Map<String, BigDecimal> normalised(Map<String, BigDecimal> volumes) {
    Map<String, BigDecimal> out = new TreeMap<>();
    volumes.forEach((t, v) -> {
      BigDecimal n = Units.withinMaxDecimals(v);
      out.put(t, n == null ? v : n);
    });
    return out;
  }

  /** Whether an order's volumes fit the organisation's columns (types and decimals). */
  boolean fits(Order o) {
    for (Map.Entry<String, BigDecimal> e : o.volumes().entrySet()) {
      if (org.volumeTypeIndex(e.getKey()) < 0 || e.getValue().scale() > org.units.scale) {
        return false;
      }
    }
    return true;
  }
}
