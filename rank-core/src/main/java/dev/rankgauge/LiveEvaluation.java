package dev.rankgauge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * An evaluation kept up to date while a period is open: events ({@link LiveEvent}) are applied one
 * at a time, and after each one a {@link #snapshot()} equals {@link RankGauge#evaluate} of the
 * data with every event applied, as of the live as-of instant, figure for figure.
 *
 * <pre>{@code
 * LiveEvaluation live = LiveEvaluation.start(organisation, plan, Period.month(2026, 11), now);
 * live.subscribe(update -> update.rankChanges().forEach(System.out::println));
 * LiveUpdate u = live.apply(new LiveEvent.OrderPlaced(
 *     Order.byCustomer("O77", "C5", Instant.now(), new BigDecimal("120"))));
 * Evaluation now = live.snapshot();        // immutable; read it from any thread
 * now.result("D100").paidAs();
 * }</pre>
 *
 * <h2>Threads</h2>
 * One writer: {@link #apply} may be called from any thread but applies events one at a time, in
 * the order of the calls (it is synchronized). Readers call {@link #snapshot()} from any number of
 * threads: a snapshot is an {@link Evaluation} nobody changes, so it never shows half an event,
 * and readers never wait for the writer nor hold it up. The writer keeps its own state and only
 * appends each applied event to a log; a reader asking for a snapshot after new events copies the
 * latest snapshot taken (linear in the organisation) and applies the events since on its own
 * thread. Asking again without new events costs nothing. Readers making the same snapshot at once
 * wait for each other, never for the writer.
 *
 * <h2>Cost of each event</h2>
 * With depth the length of the sponsor line above the buyer, and fan-out the number of
 * distributors each of them sponsored:
 * <ul>
 *   <li>order placed, returned or cancelled: the buyer's own orders are counted again, then
 *       each distributor on the sponsor line is decided again. With only the four gauge
 *       thresholds that is O(depth): group volume moves by the same amount all the way up. With
 *       rules that read the downline each is decided from their children's figures again:
 *       O(depth times fan-out times those rules), whatever the rule kinds (legs within k levels,
 *       compression, breakaways, host rules). An order whose volumes have
 *       more decimals than any before, or a volume type no order had, changes the organisation's
 *       columns and costs a whole evaluation, like a structural event;
 *   <li>customer moved: the customer leaves one distributor's list and joins the other's; both
 *       distributors' personal figures are counted again from their customers, and both sponsor
 *       lines are decided again: like an order on each line;
 *   <li>sponsor changed: the distributor and their whole downline go
 *       under the new sponsor as they are, since no figure reads the upline; the old sponsor line
 *       is decided again without them and the new one with them, from the bottom up. Legs within
 *       k levels, compression, breakaways, capped legs and host rules are all folded from each
 *       distributor's children, so this is exact for every rule kind and costs O((old depth + new
 *       depth) times fan-out times the rules that read the downline), whatever the size of the
 *       downline moved; nothing else is touched. With only the four gauge thresholds, group
 *       volume moves by the downline's along both lines: O(old depth + new depth);
 *   <li>distributor joined, customer joined: the newcomer is appended (last among their
 *       sponsor's children or their distributor's customers, as in an organisation built with
 *       them added last), with the figures of someone with no orders, and the sponsor line is
 *       decided again: like an order. The state keeps room for joins; when it is full it is
 *       copied with an eighth more room, O(distributors + customers) once in so many joins
 *       (amortised O(1) each), and that copy is published as a snapshot. A distributor
 *       whose id a closed period of the history holds comes back with their past (held rank,
 *       title, the periods the rules read), found by a hash lookup in each closed period read:
 *       still like an order;
 *   <li>time passed (the as-of instant moves forward): only buyers with an order between the
 *       old and the new instant (it starts to count) or, under an "order within the last N days"
 *       activity rule, between the old and the new start of the window (it may have been their
 *       last order in it) can change; each is counted again and their line decided again, like
 *       an order: O(those orders times the order's cost). The orders are found by hour: the
 *       organisation's in an index built the first time time passes (O(orders), once), the
 *       events' in the overlay's own. Every other figure is the same as of either instant, for
 *       every rule kind: volumes, "order in the period" and "net volume above zero" read only
 *       orders already counted, and no built-in rule nor host rule reads the instant itself.
 *       When more than one buyer in sixteen of the organisation would be counted again (a jump of
 *       many days at once), the organisation is evaluated whole again instead, O(distributors +
 *       orders), no rebuild: it is cheaper then.
 * </ul>
 * An event that evaluates whole also copies its result for readers. A reader's first snapshot
 * after new events copies the latest one (O(distributors + customers), the structure included)
 * and applies the events since.
 *
 * <h2>Placement plans</h2>
 * A plan with a placement tree ({@link CompPlan#placementTree()}: binary, hybrid or matrix) is
 * followed live too. Its figures that read no rank (each placement subtree's volume, the matrix
 * counts per level) change along the placement line of whoever's volume or activity changed:
 * O(placement depth), and O(levels) per matrix rule. Then every distributor the event may reach
 * is decided again, children of both trees first: the sponsor line as above, the placement line
 * above the change (their sides moved), and everyone above those in the sponsor tree, and in the
 * placement tree too when ranks are counted in it ({@link Requirement#rankOnEachSide}). So an
 * order costs O(that set times fan-out in both trees times the rules that fold). The placement
 * line dominates where spillover runs down the outer legs, which makes it tens of thousands deep
 * at a million distributors: an order then costs tens of milliseconds (docs/benchmarks.md,
 * "Live placement plans"). Per event:
 * <ul>
 *   <li>a join with a placement ({@link LiveEvent.DistributorJoined}): the newcomer's position
 *       counts in the matrix levels above them, and their sponsor and placement lines are
 *       decided again, like an order;
 *   <li>a placement change ({@link LiveEvent.PlacementChanged}): the moved subtree's volume and
 *       counts leave the old placement line and join the new one; the subtree is walked once to
 *       find whose side under their sponsor changes (only those whose sponsor is outside it):
 *       O(size of the placement subtree moved), plus both lines decided again as above;
 *   <li>a sponsor change ({@link LiveEvent.SponsorChanged}): as without a placement tree, the
 *       moved distributor's side under their new sponsor found by walking their placement line,
 *       O(placement depth); moving to another root of the sponsor tree also walks their sponsor
 *       downline once, to check that placements stay within one organisation.
 * </ul>
 * Where ranks are counted in the placement tree, a join or a move that would make the two trees
 * cross (someone placed above a distributor of their own sponsor downline) is refused; checking
 * it costs everyone above the new parent or sponsor in either tree.
 *
 * <h2>Bad events</h2>
 * An event that cannot apply (an unknown buyer, order or distributor, a duplicate order id, a
 * return of an order already returned in full or larger than what is left of it, a move that
 * would make a sponsorship or placement cycle, a taken position, time going back) throws a {@link ValidationException} naming the
 * event and listing every problem, and nothing changes.
 */
public final class LiveEvaluation {
  private final CompPlan plan;
  private final Period period;
  private final Writer writer;
  private final AtomicReference<LogNode> head;
  private final AtomicReference<Checkpoint> checkpoint;
  private final Object readers = new Object();
  private final CopyOnWriteArrayList<Consumer<LiveUpdate>> listeners =
      new CopyOnWriteArrayList<>();

  /** The writer's state: only {@link #apply} reads or changes it, under the object's lock. */
  private static final class Writer {
    LiveState state;
    long version;
    /** Events applied by evaluating the whole organisation again. */
    long wholePasses;

    Writer(LiveState state) {
      this.state = state;
    }
  }

  /** An applied event, linked to the next one once that is applied. */
  private static final class LogNode {
    final long version;
    final LiveEvent event;
    volatile LogNode next;

    LogNode(long version, LiveEvent event) {
      this.version = version;
      this.event = event;
    }
  }

  /** A snapshot made: a state nobody changes, and where it stands in the log. */
  private static final class Checkpoint {
    final long version;
    final LiveState state;
    final LogNode node;
    final Evaluation evaluation;

    Checkpoint(LogNode node, LiveState state) {
      this.version = node.version;
      this.state = state;
      this.node = node;
      this.evaluation = new Evaluation(state.comp);
    }
  }

  private LiveEvaluation(LiveState state) {
    this.plan = state.comp.plan;
    this.period = state.comp.period;
    this.writer = new Writer(state);
    LogNode first = new LogNode(0, null);
    this.head = new AtomicReference<>(first);
    this.checkpoint = new AtomicReference<>(new Checkpoint(first, state.copy()));
  }

  /**
   * Starts a live evaluation of an open period: a whole evaluation, then events.
   *
   * @param organisation the distributors, customers and orders so far
   * @param plan the comp plan
   * @param period the period
   * @param asOf the live as-of instant: orders at or after it do not count until time passes
   * @return the live evaluation, at version 0
   * @throws ValidationException as {@link RankGauge#evaluate} does
   */
  public static LiveEvaluation start(Organisation organisation, CompPlan plan, Period period,
      Instant asOf) {
    return start(organisation, plan, period, asOf, Map.of());
  }

  /**
   * Starts a live evaluation with the title ranks the host keeps from earlier periods.
   *
   * @param organisation the distributors, customers and orders so far
   * @param plan the comp plan
   * @param period the period
   * @param asOf the live as-of instant
   * @param titleRanks rank code by distributor id, as {@link RankGauge#evaluate} takes them
   * @return the live evaluation, at version 0
   * @throws ValidationException as {@link RankGauge#evaluate} does
   */
  public static LiveEvaluation start(Organisation organisation, CompPlan plan, Period period,
      Instant asOf, Map<String, String> titleRanks) {
    Checks.notNull(organisation, "organisation");
    Checks.notNull(plan, "plan");
    Checks.notNull(period, "period");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(titleRanks, "titleRanks");
    checkAsOf(asOf);
    Map<String, String> titles = Map.copyOf(titleRanks);
    return new LiveEvaluation(LiveState.start(organisation, plan, period, asOf, titles,
        History.empty(), Overrides.none()));
  }

  /**
   * Continues a finished evaluation live, without evaluating again: its organisation, plan,
   * period, as-of instant, title ranks, history and overrides. This is how a live evaluation
   * starts with history or {@link Overrides}: evaluate with them, then continue live; the
   * overrides hold for every later version, through orders, joins, moves and time passing.
   *
   * @param evaluation a finished evaluation, or a snapshot of another live evaluation
   * @return the live evaluation, at version 0
   */
  public static LiveEvaluation start(Evaluation evaluation) {
    Checks.notNull(evaluation, "evaluation");
    Computation c = evaluation.computation();
    Map<String, String> titles = new HashMap<>();
    if (c.titleRank != null) {
      for (int v = 0; v < c.titleRank.length; v++) {
        if (c.titleRank[v] >= 0) {
          titles.put(c.org.distributorId(v), c.plan.ranks().get(c.titleRank[v]).code());
        }
      }
    }
    if (c.overlay != null) {
      // A snapshot of another live evaluation: continue from its organisation and orders.
      Organisation org = c.org.liveCopy();
      LiveState s = LiveState.recomputed(org, c.plan, c.period, c.askedAsOf, Map.copyOf(titles),
          c.history, c.overridesGiven(), c.overlay.copy(org));
      return new LiveEvaluation(s);
    }
    return new LiveEvaluation(LiveState.of(c, c.askedAsOf, Map.copyOf(titles)));
  }

  private static void checkAsOf(Instant asOf) {
    if (asOf.isBefore(RankGauge.MIN_AS_OF) || asOf.isAfter(RankGauge.MAX_AS_OF)) {
      throw new IllegalArgumentException("as-of instant " + asOf + " is outside the supported "
          + "range " + RankGauge.MIN_AS_OF + " to " + RankGauge.MAX_AS_OF);
    }
  }

  /** {@return the plan} */
  public CompPlan plan() {
    return plan;
  }

  /** {@return the period} */
  public Period period() {
    return period;
  }

  /**
   * How many of the events applied so far evaluated the whole organisation again (rather than
   * the lines they touch): for tests and benchmarks that check an event kind stays local.
   */
  synchronized long wholePasses() {
    return writer.wholePasses;
  }

  /** {@return how many events were applied so far} */
  public long version() {
    return head.get().version;
  }

  /**
   * The evaluation as of now: every event applied so far, none half applied. Immutable and
   * thread-safe; keeps its figures however many events follow.
   *
   * @return an evaluation equal to {@link RankGauge#evaluate} of the data so far
   */
  public Evaluation snapshot() {
    LogNode h = head.get();
    Checkpoint cp = checkpoint.get();
    if (cp.version >= h.version) {
      return cp.evaluation;
    }
    synchronized (readers) {
      cp = checkpoint.get();
      if (cp.version >= h.version) {
        return cp.evaluation;
      }
      LiveState s = cp.state.copy();
      LogNode n = cp.node;
      while (n.version < h.version) {
        n = n.next;
        Applied a = applyTo(s, n.event, false);
        if (a.replaced != null) {
          // the writer published a snapshot after such an event: only a reader that started
          // from an older one comes here, and continues with the state the event made
          s = a.replaced;
        }
      }
      Checkpoint fresh = new Checkpoint(n, s);
      advance(fresh);
      return fresh.evaluation;
    }
  }

  private void advance(Checkpoint cp) {
    Checkpoint cur = checkpoint.get();
    while (cur.version < cp.version && !checkpoint.compareAndSet(cur, cp)) {
      cur = checkpoint.get();
    }
  }

  /**
   * Applies one event. Subscribers hear of it, on this thread, once a snapshot can show it.
   *
   * @param event what happened
   * @return what changed: paid-as ranks and gauges across a rank mark, before and after
   * @throws ValidationException naming the event and every problem, if it cannot apply; then
   *     nothing changes
   */
  public synchronized LiveUpdate apply(LiveEvent event) {
    Checks.notNull(event, "event");
    Applied a;
    try {
      a = applyTo(writer.state, event, true);
    } catch (Rejected r) {
      writer.state = r.restored;
      throw r.reason;
    }
    long version = writer.version + 1;
    LogNode node = new LogNode(version, event);
    if (a.replaced != null) {
      writer.state = a.replaced;
      advance(new Checkpoint(node, a.replaced.copy()));
    }
    if (a.whole) {
      writer.wholePasses++;
    }
    writer.version = version;
    head.get().next = node;
    head.set(node);
    LiveUpdate update = new LiveUpdate(version, event, a.ranks, a.gauges);
    for (Consumer<LiveUpdate> l : listeners) {
      try {
        l.accept(update);
      } catch (RuntimeException e) {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, e);
      }
    }
    return update;
  }

  /**
   * Hears of every event applied from now on, on the writer's thread, in order, once a snapshot
   * can show it. A listener should be quick (hand the update to another thread for slow work); an
   * exception it throws goes to the thread's uncaught-exception handler, and the event stays
   * applied.
   *
   * @param listener called with each update
   * @return a handle whose {@link Subscription#close()} stops the calls
   */
  public Subscription subscribe(Consumer<LiveUpdate> listener) {
    Checks.notNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A subscription to a live evaluation's updates. */
  @FunctionalInterface
  public interface Subscription extends AutoCloseable {
    /** Stops the calls; closing again does nothing. */
    @Override
    void close();
  }

  // --- applying an event -----------------------------------------------------------------------

  /** The outcome of an event: the changes, and the new state if it replaced the old one. */
  static final class Applied {
    final List<LiveUpdate.RankChange> ranks = new ArrayList<>();
    final List<LiveUpdate.GaugeCrossing> gauges = new ArrayList<>();
    LiveState replaced;
    /** Whether the event evaluated the whole organisation again. */
    boolean whole;
  }

  /**
   * Applies an event to a state: in place for an order, or by evaluating whole into a new state
   * (then {@code replaced}). Checks first and changes nothing if the event cannot apply.
   */
  static Applied applyTo(LiveState s, LiveEvent event, boolean feed) {
    Applied a = new Applied();
    s.startEvent(feed);
    List<Problem> problems = new ArrayList<>();
    if (event instanceof LiveEvent.OrderPlaced p) {
      Order o = checkedOrder(s, p.order(), problems);
      fail(event, problems);
      addOrder(s, event, o, -1, null, null, a, feed);
    } else if (event instanceof LiveEvent.OrderReturned r) {
      returnOrder(s, r, a, feed);
    } else if (event instanceof LiveEvent.OrderCancelled c) {
      cancel(s, c, a, feed);
    } else if (event instanceof LiveEvent.TimePassed t) {
      if (t.asOf().isBefore(s.askedAsOf)) {
        problems.add(Problem.core(Subject.NONE, "as-of instant", "live.asOfBackwards",
            t.asOf().toString(), s.askedAsOf.toString()));
      } else if (t.asOf().isAfter(RankGauge.MAX_AS_OF)) {
        problems.add(Problem.core(Subject.NONE, "as-of instant", "live.asOfRange",
            t.asOf().toString(), RankGauge.MAX_AS_OF.toString()));
      }
      fail(event, problems);
      Instant was = s.askedAsOf;
      int len;
      try {
        len = s.passTime(t.asOf(), feed, wholeTimeLimit(s));
      } catch (Computation.Overflow x) {
        // put every figure back as of the instant before, and reject the event
        LiveState back = LiveState.recomputed(s.org, s.comp.plan, s.comp.period, was, s.titles,
            s.comp.history, s.comp.overridesGiven(), s.orders);
        ValidationException v = RankGauge.overflow(s.org, s.comp.plan, x);
        throw new Rejected(back, new ValidationException(Problem.CORE, heading(event),
            v.problems()));
      }
      if (len < 0) {
        whole(s, event, a, () -> LiveState.recomputed(s.org, s.comp.plan, s.comp.period,
            t.asOf(), s.titles, s.comp.history, s.comp.overridesGiven(), s.orders));
      } else if (feed) {
        s.diffLine(len, a.ranks, a.gauges);
      }
    } else {
      structural(s, event, a, feed);
    }
    return a;
  }

  /**
   * The most buyers time passing counts again in place; with more a whole evaluation is cheaper.
   * Measured at 1,000,000 distributors (1,898,845 buyers) under load (docs/benchmarks.md, "Time
   * passing"): with the seed plan a day passing in place took about 0.5 s (the day's orders, some
   * 65,000) and about 2.4 s with a 30-day activity window, the whole evaluation 1 to 2 s: they
   * meet near one buyer in sixteen. With rules that fold the downline (the doTERRA-like plan)
   * each buyer's line costs its fan-outs: an hour (some 2,700 orders) took 7 to 9 s in place and
   * a day 140 to 150 s, against a few seconds whole, so such a plan stays in place only up to
   * one buyer in 2,048. Changing it changes the cost only, never a figure.
   */
  private static int wholeTimeLimit(LiveState s) {
    int buyers = s.org.distributorCount() + s.org.customerCount();
    return Math.max(64, buyers / (s.foldsDownline() ? 2048 : 16));
  }

  /** The heading of an event's problems: {@code event order O4 by D7}, in each language. */
  static Problem.Part heading(LiveEvent event) {
    return Problem.Part.of("input.event", words(event));
  }

  /**
   * An event in the words of {@code Problems.properties} ({@code event.*}), for {@link
   * LiveEvent#describe(java.util.Locale)} and the headings and locations of its problems.
   */
  static Problem.Part words(LiveEvent event) {
    if (event instanceof LiveEvent.OrderPlaced e) {
      return Problem.Part.of("event.orderPlaced", e.order().id(), e.order().buyerId());
    } else if (event instanceof LiveEvent.OrderReturned e) {
      return Problem.Part.of("event.orderReturned", e.returnId(), e.orderId());
    } else if (event instanceof LiveEvent.OrderCancelled e) {
      return Problem.Part.of("event.orderCancelled", e.orderId());
    } else if (event instanceof LiveEvent.DistributorJoined e) {
      return Problem.Part.of("event.distributorJoined", e.distributor().id(),
          e.distributor().sponsorId().map(s -> Problem.Part.of("event.underSponsor", s))
              .orElse(Problem.Part.of("event.asRoot")),
          e.placement().<Object>map(p -> Problem.Part.of("event.placed", p.parentId(),
              p.position())).orElse(""));
    } else if (event instanceof LiveEvent.CustomerJoined e) {
      return Problem.Part.of("event.customerJoined", e.customer().id(),
          e.customer().distributorId());
    } else if (event instanceof LiveEvent.CustomerMoved e) {
      return Problem.Part.of("event.customerMoved", e.customerId(), e.distributorId());
    } else if (event instanceof LiveEvent.SponsorChanged e) {
      return Problem.Part.of("event.sponsorChanged", e.distributorId(), e.sponsorId());
    } else if (event instanceof LiveEvent.PlacementChanged e) {
      return Problem.Part.of("event.placementChanged", e.placement().distributorId(),
          e.placement().position(), e.placement().parentId());
    }
    return Problem.Part.of("event.timePassed", ((LiveEvent.TimePassed) event).asOf().toString());
  }

  private static void fail(LiveEvent event, List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, heading(event), problems);
    }
  }

  /** Evaluates whole into a new state, turning a rejection into one that names the event. */
  private static void whole(LiveState s, LiveEvent event, Applied a,
      java.util.function.Supplier<LiveState> make) {
    LiveState next;
    try {
      next = make.get();
    } catch (ValidationException e) {
      throw new ValidationException(Problem.CORE, heading(event), e.problems());
    }
    LiveState.diffAll(s, next, a.ranks, a.gauges);
    a.replaced = next;
    a.whole = true;
  }

  /**
   * A new order checked as the organisation's builder and {@link RankGauge#evaluate} would check
   * it, with its volumes as the organisation keeps them; null with problems if it is bad.
   */
  private static Order checkedOrder(LiveState s, Order o, List<Problem> problems) {
    String where = "order " + o.id();
    Subject subject = Subject.order(o.id(), -1);
    if (s.orders.find(o.id()) != null) {
      problems.add(Problem.core(subject.field("id"), where, "live.orderIdAgain", o.id()));
    }
    boolean customer = o.buyerType() == BuyerType.CUSTOMER;
    int b = customer ? s.org.customerIndexOf(o.buyerId()) : s.org.indexOf(o.buyerId());
    if (b < 0) {
      problems.add(Problem.core(subject.field("buyerId"), where, customer
          ? "order.unknownCustomer" : "order.unknownDistributor", o.buyerId()));
    }
    if (o.timestamp().isBefore(Organisation.MIN_TIME)
        || o.timestamp().isAfter(Organisation.MAX_TIME)) {
      problems.add(Problem.core(subject.field("timestamp"), where, "order.timestamp",
          o.timestamp().toString(), Organisation.MIN_TIME.toString(),
          Organisation.MAX_TIME.toString()));
    }
    Map<String, BigDecimal> volumes = new TreeMap<>();
    // The organisation builder's own checks, so that an event takes exactly what a row does;
    // found by the fuzz suite: 1E+999999999 here threw ArithmeticException.
    o.volumes().forEach((type, v) -> {
      BigDecimal n = Organisation.checkedVolume(subject, where, o.status(), type, v, problems);
      if (n != null) {
        RankGauge.checkDecimals(subject, where, type, n, s.comp.plan, problems);
        volumes.put(type, n);
      }
    });
    if (!Organisation.amountFits(o.amount())) {
      problems.add(Organisation.amountProblem(subject, where, o.amount()));
    }
    for (String type : s.comp.plan.volumeTypes()) {
      if (!o.volumes().containsKey(type)) {
        problems.add(Problem.core(subject.field("volumes", type), where, "order.missingVolume",
            type, s.comp.plan.name(), s.comp.plan.volumeTypes().toString()));
      }
    }
    return problems.isEmpty() ? new Order(o.id(), o.buyerType(), o.buyerId(), o.timestamp(),
        o.status(), volumes, o.amount()) : null;
  }

  /**
   * Adds a checked order (or, with {@code replacing} at least 0, a changed order of the
   * organisation): in place, along the buyer's sponsor line, or whole if its volumes do not fit
   * the organisation's columns. A return brings what its order has returned so far.
   */
  private static void addOrder(LiveState s, LiveEvent event, Order o, int replacing,
      String returnOf, LiveOrders.Returned returned, Applied a, boolean feed) {
    boolean customer = o.buyerType() == BuyerType.CUSTOMER;
    int b = customer ? s.org.customerIndexOf(o.buyerId()) : s.org.indexOf(o.buyerId());
    if (!s.fits(o)) {
      LiveOrders more = s.orders.copy(s.org);
      more.add(o, b, customer, 0, replacing);
      whole(s, event, a, () -> LiveState.start(more.fold(s.org.distributors(),
          s.org.customers()), s.comp.plan, s.comp.period, s.askedAsOf, s.titles, s.comp.history,
          s.comp.overridesGiven()));
      a.replaced.orders.returned.putAll(s.orders.returned);
      if (returnOf != null) {
        a.replaced.orders.returned.put(returnOf, returned);
      }
      return;
    }
    int d = customer ? s.org.customerOwner[b] : b;
    int len = feed ? s.recordLine(d) : 0;
    s.orders.add(o, b, customer, s.qualifying(o), replacing);
    refresh(s, event, customer, b, d, s.orders::removeLast);
    if (returnOf != null) {
      s.orders.returned.put(returnOf, returned);
    }
    if (feed) {
      s.diffLine(len, a.ranks, a.gauges);
    }
  }

  /** An event rejected after the writer's state had to be evaluated whole again to undo it. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient LiveState restored;
    final ValidationException reason;

    Rejected(LiveState restored, ValidationException reason) {
      super(reason.getMessage(), reason, false, false);
      this.restored = restored;
      this.reason = reason;
    }
  }

  /**
   * Counts a buyer again and decides their line again; if a sum overflows, undoes the order
   * change, evaluates whole again to put every figure back, and rejects the event.
   */
  private static void refresh(LiveState s, LiveEvent event, boolean customer, int b, int d,
      Runnable undo) {
    try {
      long before = s.comp.personalVolume[d];
      s.refreshBuyer(customer, b);
      s.recomputeLine(d, s.comp.personalVolume[d] - before);
    } catch (Computation.Overflow x) {
      undo.run();
      LiveState back = LiveState.recomputed(s.org, s.comp.plan, s.comp.period, s.askedAsOf,
          s.titles, s.comp.history, s.comp.overridesGiven(), s.orders);
      ValidationException v = RankGauge.overflow(s.org, s.comp.plan, x);
      throw new Rejected(back, new ValidationException(Problem.CORE, heading(event),
          v.problems()));
    }
  }

  private static void returnOrder(LiveState s, LiveEvent.OrderReturned r, Applied a,
      boolean feed) {
    List<Problem> problems = new ArrayList<>();
    String where = "order " + r.orderId();
    Subject subject = Subject.order(r.orderId(), -1);
    Order original = s.orders.find(r.orderId());
    LiveOrders.Returned before = s.orders.returned.get(r.orderId());
    if (s.orders.find(r.returnId()) != null) {
      problems.add(Problem.core(Subject.order(r.returnId(), -1).field("id"),
          "order " + r.returnId(), "live.orderIdAgain", r.returnId()));
    }
    if (original == null) {
      problems.add(Problem.core(subject, where, "live.unknownOrder", r.orderId()));
      fail(r, problems);
    }
    if (original.status() != OrderStatus.PAID) {
      problems.add(Problem.core(subject.field("status"), where, "live.returnNotPaid",
          r.orderId(), original.status().name()));
      fail(r, problems);
    }
    Map<String, BigDecimal> rest = new TreeMap<>();
    original.volumes().forEach((t, v) -> rest.put(t,
        before == null ? v : v.subtract(before.volumes().getOrDefault(t, BigDecimal.ZERO))));
    Map<String, BigDecimal> back = new TreeMap<>();
    BigDecimal amount;
    if (r.isWhole()) {
      if (before != null && rest.values().stream().allMatch(v -> v.signum() <= 0)) {
        problems.add(Problem.core(subject, where, "live.returnedInFull", r.orderId()));
      }
      back.putAll(rest);
      amount = before == null ? original.amount() : original.amount().subtract(before.amount());
    } else {
      r.volumes().forEach((t, v) -> {
        BigDecimal left = rest.get(t);
        if (left == null) {
          problems.add(Problem.core(subject.field("volumes", t), where, "live.returnType", t,
              r.orderId(), rest.keySet().toString()));
        } else if (v.signum() < 0) {
          problems.add(Problem.core(subject.field("volumes", t), where, "live.returnNegative", t,
              Checks.shown(v)));
        } else if (v.compareTo(left) > 0) {
          problems.add(Problem.core(subject.field("volumes", t), where, "live.returnTooMuch", t,
              Checks.shown(v), left.toPlainString(), r.orderId()));
        }
      });
      rest.keySet().forEach(t -> back.put(t, r.volumes().getOrDefault(t, BigDecimal.ZERO)));
      amount = r.amount();
    }
    fail(r, problems);
    Order ret = checkedOrder(s, new Order(r.returnId(), original.buyerType(), original.buyerId(),
        r.at(), OrderStatus.RETURNED, back, amount), problems);
    fail(r, problems);
    Map<String, BigDecimal> total = new TreeMap<>();
    original.volumes().keySet().forEach(t -> total.put(t, (before == null ? BigDecimal.ZERO
        : before.volumes().getOrDefault(t, BigDecimal.ZERO)).add(back.get(t))));
    LiveOrders.Returned after = new LiveOrders.Returned(total,
        (before == null ? BigDecimal.ZERO : before.amount()).add(amount));
    addOrder(s, r, ret, -1, r.orderId(), after, a, feed);
  }

  private static void cancel(LiveState s, LiveEvent.OrderCancelled c, Applied a, boolean feed) {
    List<Problem> problems = new ArrayList<>();
    String where = "order " + c.orderId();
    Subject subject = Subject.order(c.orderId(), -1);
    Order original = s.orders.find(c.orderId());
    if (original == null) {
      problems.add(Problem.core(subject, where, "live.unknownOrder", c.orderId()));
    } else if (original.status() != OrderStatus.PAID) {
      problems.add(Problem.core(subject.field("status"), where, "live.cancelNotPaid",
          c.orderId(), original.status().name()));
    } else if (s.orders.returned.containsKey(c.orderId())) {
      problems.add(Problem.core(subject.field("status"), where, "live.cancelReturned",
          c.orderId()));
    }
    fail(c, problems);
    Order cancelled = new Order(original.id(), original.buyerType(), original.buyerId(),
        original.timestamp(), OrderStatus.CANCELLED, original.volumes(), original.amount());
    Integer e = s.orders.ids.get(c.orderId());
    if (e == null) {
      addOrder(s, c, cancelled, s.org.orderIndexOf(c.orderId()), null, null, a, feed);
      return;
    }
    int entry = e;
    boolean customer = s.orders.byCustomer[entry];
    int b = s.orders.buyer[entry];
    int d = customer ? s.org.customerOwner[b] : b;
    int len = feed ? s.recordLine(d) : 0;
    s.orders.setStatus(entry, OrderStatus.CANCELLED);
    refresh(s, c, customer, b, d, () -> s.orders.setStatus(entry, OrderStatus.PAID));
    if (feed) {
      s.diffLine(len, a.ranks, a.gauges);
    }
  }

  /**
   * Joins and moves. A move changes the structure in place and decides the lines it touches
   * again ({@link LiveState#moveCustomer}, {@link LiveState#moveDistributor}); a join builds the
   * organisation again with the newcomer and evaluates whole.
   */
  private static void structural(LiveState s, LiveEvent event, Applied a, boolean feed) {
    List<Problem> problems = new ArrayList<>();
    Organisation org = s.org;
    if (event instanceof LiveEvent.DistributorJoined j) {
      Distributor d = j.distributor();
      if (org.indexOf(d.id()) >= 0) {
        problems.add(Problem.core(Subject.distributor(d.id(), -1).field("id"),
            "distributor " + d.id(), "live.distributorIdAgain", d.id()));
      }
      d.sponsorId().filter(sp -> org.indexOf(sp) < 0).ifPresent(sp -> problems.add(
          Problem.core(Subject.distributor(d.id(), -1).field("sponsorId"), "distributor "
              + d.id(), "distributor.unknownSponsor", sp)));
      int sponsor = d.sponsorId().map(org::indexOf).orElse(-1);
      if (d.sponsorId().isEmpty() || sponsor >= 0) {
        j.placement().ifPresent(p -> checkPlacement(s, -1, sponsor, p, problems));
      }
      fail(event, problems);
      if (j.placement().isPresent() && !org.hasPlacements()) {
        // the first placement in an organisation without any, under a plan without a placement
        // tree: built again with it, as the rows would be
        rebuilt(s, event, a, LiveState.appended(org.distributors(), d),
            LiveState.appended(org.placements(), j.placement().get()));
        return;
      }
      LiveState t = withRoom(s, a);
      t.startEvent(feed);
      int sp = d.sponsorId().map(t.org::indexOf).orElse(-1);
      int len = feed && sp >= 0 ? t.recordLine(sp) : 0;
      int pp = j.placement().map(p -> t.org.indexOf(p.parentId())).orElse(-1);
      t.joinDistributor(d, sp, pp, j.placement().map(Placement::position).orElse(0));
      if (feed) {
        t.diffLine(len, a.ranks, a.gauges);
      }
    } else if (event instanceof LiveEvent.CustomerJoined j) {
      Customer c = j.customer();
      if (org.customerIndexOf(c.id()) >= 0) {
        problems.add(Problem.core(Subject.customer(c.id(), -1).field("id"), "customer " + c.id(),
            "live.customerIdAgain", c.id()));
      }
      if (org.indexOf(c.distributorId()) < 0) {
        problems.add(Problem.core(Subject.customer(c.id(), -1).field("distributorId"),
            "customer " + c.id(), "customer.unknownDistributor", c.distributorId()));
      }
      fail(event, problems);
      LiveState t = withRoom(s, a);
      t.startEvent(feed);
      int d = t.org.indexOf(c.distributorId());
      int len = feed ? t.recordLine(d) : 0;
      t.joinCustomer(c, d);
      if (feed) {
        t.diffLine(len, a.ranks, a.gauges);
      }
    } else if (event instanceof LiveEvent.CustomerMoved m) {
      int c = org.customerIndexOf(m.customerId());
      int d = org.indexOf(m.distributorId());
      if (c < 0) {
        problems.add(Problem.core(Subject.customer(m.customerId(), -1), "customer "
            + m.customerId(), "live.unknownCustomer", m.customerId()));
      }
      if (d < 0) {
        problems.add(Problem.core(Subject.customer(m.customerId(), -1).field("distributorId"),
            "customer " + m.customerId(), "customer.unknownDistributor", m.distributorId()));
      }
      fail(event, problems);
      int from = org.customerOwner[c];
      int len = feed ? s.recordLines(from, d) : 0;
      try {
        s.moveCustomer(c, d);
      } catch (Computation.Overflow x) {
        s.org.moveCustomer(c, from);
        throw rejected(s, event, x);
      }
      if (feed) {
        s.diffLine(len, a.ranks, a.gauges);
      }
    } else if (event instanceof LiveEvent.SponsorChanged m) {
      int d = org.indexOf(m.distributorId());
      int sp = org.indexOf(m.sponsorId());
      Subject subject = Subject.distributor(m.distributorId(), -1).field("sponsorId");
      String where = "distributor " + m.distributorId();
      if (d < 0) {
        problems.add(Problem.core(Subject.distributor(m.distributorId(), -1), where,
            "live.unknownDistributor", m.distributorId()));
      }
      if (sp < 0) {
        problems.add(Problem.core(subject, where, "distributor.unknownSponsor", m.sponsorId()));
      }
      if (d >= 0 && sp >= 0) {
        for (int u = sp; u >= 0; u = org.parent[u]) {
          if (u == d) {
            problems.add(Problem.core(subject, where, sp == d ? "live.moveUnderSelf"
                : "live.moveIntoDownline", m.sponsorId(), m.distributorId()));
            break;
          }
        }
      }
      if (problems.isEmpty() && org.hasPlacements()) {
        checkSponsorChange(s, d, sp, subject, where, problems);
      }
      fail(event, problems);
      int len = feed ? s.recordLines(org.parent[d], sp) : 0;
      int was = org.parent[d];
      try {
        s.moveDistributor(d, sp);
      } catch (Computation.Overflow x) {
        s.undoMove(d, was);
        throw rejected(s, event, x);
      }
      if (feed) {
        s.diffLine(len, a.ranks, a.gauges);
      }
    } else if (event instanceof LiveEvent.PlacementChanged m) {
      Placement p = m.placement();
      int d = org.indexOf(p.distributorId());
      if (d < 0) {
        problems.add(Problem.core(Subject.distributor(p.distributorId(), -1), "distributor "
            + p.distributorId(), "live.unknownDistributor", p.distributorId()));
      } else {
        checkPlacement(s, d, org.parent[d], p, problems);
      }
      fail(event, problems);
      if (!org.hasPlacements()) {
        // the first placement in an organisation without any, under a plan without a placement
        // tree: built again with it, as the rows would be
        rebuilt(s, event, a, org.distributors(), List.of(p));
        return;
      }
      try {
        s.movePlacement(d, org.indexOf(p.parentId()), p.position());
      } catch (Computation.Overflow x) {
        throw rejected(s, event, x);
      }
      if (feed) {
        s.diffLine(0, a.ranks, a.gauges);
      }
    }
  }

  /**
   * Checks a placement of distributor {@code d} (-1: one joining, whose sponsor is {@code
   * sponsor}) as the organisation's builder and {@link RankGauge#evaluate} would check the rows
   * with it: a placement parent who is a distributor, a position within the plan's width and
   * free, no placement cycle, the same organisation (the two sponsor lines end at the same
   * root), and where the plan counts ranks in the placement tree, no crossing of the two trees.
   * O(depth), and for the crossing O(everyone above the placement parent in either tree).
   */
  private static void checkPlacement(LiveState s, int d, int sponsor, Placement p,
      List<Problem> problems) {
    Organisation org = s.org;
    String id = p.distributorId();
    String where = "distributor " + id;
    Subject subject = Subject.distributor(id, -1);
    int q = org.indexOf(p.parentId());
    if (q < 0) {
      boolean customer = org.customerIndexOf(p.parentId()) >= 0;
      problems.add(Problem.core(subject.field("placementParentId"), where,
          customer ? "placement.parentCustomer" : "placement.parentUnknown", p.parentId()));
      return;
    }
    CompPlan plan = s.comp.plan;
    int pos = p.position();
    plan.placementTree().filter(t -> pos > t.width()).ifPresent(t -> problems.add(Problem.core(
        subject.field("placementPosition"), where,
        t.isBinary() ? "placement.positionBinary" : "placement.positionMatrix", pos,
        p.parentId(), t.width(), plan.name())));
    Placements t = org.hasPlacements() ? org.placementTree() : null;
    int holder = t == null ? -1 : t.child(q, pos);
    if (holder >= 0 && holder != d) {
      problems.add(Problem.core(subject.field("placementPosition"), where,
          "live.positionTaken", org.distributorId(holder), pos, p.parentId()));
    }
    boolean cycle = false;
    for (int u = q; d >= 0 && u >= 0; u = t == null ? -1 : t.parent[u]) {
      if (u == d) {
        cycle = true;
        problems.add(Problem.core(subject.field("placementParentId"), where,
            q == d ? "live.placeUnderSelf" : "live.placeIntoSubtree", p.parentId(), id));
        break;
      }
    }
    int rootOf = d >= 0 ? root(org, d) : sponsor >= 0 ? root(org, sponsor) : -1;
    int rootParent = root(org, q);
    if (rootOf != rootParent) {
      String mine = rootOf >= 0 ? org.distributorId(rootOf) : id;
      problems.add(Problem.core(subject.field("placementParentId"), where,
          "placement.otherRoot", p.parentId(), org.distributorId(rootParent), id, mine));
    } else if (!cycle && d >= 0 && s.ranksInPlacementTree() && s.above(d, q)) {
      problems.add(Problem.core(subject.field("placementParentId"), where,
          "live.placeCrossing", p.parentId(), id, plan.name()));
    }
  }

  /** The root at the top of v's sponsor line. O(depth). */
  private static int root(Organisation org, int v) {
    int r = v;
    for (int u = v; u >= 0; u = org.parent[u]) {
      r = u;
    }
    return r;
  }

  /**
   * The checks a sponsor change adds in an organisation with a placement tree: the placements
   * stay within one organisation (when the distributor moves under another root, no one in their
   * sponsor downline is placed under someone outside it, nor the other way round: O(downline)
   * then, O(depth) otherwise), and where the plan counts ranks in the placement tree, the trees
   * do not cross (O(everyone above the new sponsor in either tree)).
   */
  private static void checkSponsorChange(LiveState s, int d, int sp, Subject subject,
      String where, List<Problem> problems) {
    Organisation org = s.org;
    Placements t = org.placementTree();
    String id = org.distributorId(d);
    if (root(org, d) != root(org, sp)) {
      List<Integer> inside = new ArrayList<>();
      java.util.HashSet<Integer> members = new java.util.HashSet<>();
      inside.add(d);
      members.add(d);
      for (int i = 0; i < inside.size(); i++) {
        int v = inside.get(i);
        for (int k = org.childrenFrom(v), to = org.childrenTo(v); k < to; k++) {
          inside.add(org.child(k));
          members.add(org.child(k));
        }
      }
      for (int v : inside) {
        if (t.parent[v] >= 0 && !members.contains(t.parent[v])) {
          problems.add(Problem.core(subject, where, "live.moveDownlinePlacedOut",
              org.distributorId(v), id, org.distributorId(t.parent[v])));
        }
        for (int c = t.firstChild(v); c >= 0; c = t.nextSibling(c)) {
          if (!members.contains(c)) {
            problems.add(Problem.core(subject, where, "live.moveOutsiderPlacedIn",
                org.distributorId(c), org.distributorId(v), id));
          }
        }
      }
    }
    if (problems.isEmpty() && s.ranksInPlacementTree() && s.above(d, sp)) {
      problems.add(Problem.core(subject, where, "live.moveCrossing", org.distributorId(sp), id,
          s.comp.plan.name()));
    }
  }

  /**
   * A move whose sums overflowed, its structure already put back: the writer's figures evaluated
   * whole again, and the event rejected.
   */
  private static Rejected rejected(LiveState s, LiveEvent event, Computation.Overflow x) {
    LiveState back = LiveState.recomputed(s.org, s.comp.plan, s.comp.period, s.askedAsOf,
        s.titles, s.comp.history, s.comp.overridesGiven(), s.orders);
    ValidationException v = RankGauge.overflow(s.org, s.comp.plan, x);
    return new Rejected(back, new ValidationException(Problem.CORE, heading(event),
        v.problems()));
  }

  /**
   * The state a join applies to: this one, or when its arrays are full a copy with room, which
   * then replaces it (and is published as a snapshot, so readers never replay the join).
   */
  private static LiveState withRoom(LiveState s, Applied a) {
    if (s.org.hasRoomToJoin()) {
      return s;
    }
    a.replaced = s.grown();
    return a.replaced;
  }

  /** A placement into an organisation without any: built again with it, and evaluated whole. */
  private static void rebuilt(LiveState s, LiveEvent event, Applied a,
      List<Distributor> distributors, List<Placement> placements) {
    whole(s, event, a, () -> LiveState.start(s.orders.fold(distributors, s.org.customers(),
        placements), s.comp.plan, s.comp.period, s.askedAsOf, s.titles, s.comp.history,
        s.comp.overridesGiven()));
    a.replaced.orders.returned.putAll(s.orders.returned);
  }
}
