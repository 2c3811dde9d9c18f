package dev.rankgauge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The hot path: one evaluation's figures in dense arrays indexed like the organisation, filled in
 * one pass over the orders and one bottom-up pass over the distributors. Volumes are longs in
 * {@link #units}. Never escapes the package; {@link Evaluation} builds the public records from it
 * on demand.
 *
 * <p>The constructor runs in steps, and the order of its steps is checked. Each step but the last
 * two is a static method whose inputs are earlier steps' results, read as final fields by simple
 * name or as locals, so a step moved above what it reads does not compile ("might not have been
 * initialized"). Compiling the {@link Ladder} needs the object itself: it comes once the fields its
 * rules read while being built ({@link #org}, {@link #plan}, {@link #units}) are assigned, and
 * moved above them it meets a null and every evaluation test fails. The bottom-up pass, last, reads
 * every array.
 */
final class Computation {
  static final long NONE = Long.MIN_VALUE;

  final Organisation org;
  final CompPlan plan;
  final Period period;
  final ZoneId zone;
  /**
   * Orders at or after this instant do not count: the as-of instant asked for, or the period's
   * end where that is earlier.
   */
  Instant asOf;
  /**
   * The as-of instant asked for, which may lie after the period's end; a live evaluation
   * continued from this one moves time forward from here.
   */
  Instant askedAsOf;
  /** The period's first instant, in nanoseconds since the epoch. */
  final long periodStart;
  /** The end of what counts in the period: its end, or the as-of instant if earlier. */
  long periodSeenEnd;
  /** The units of every long volume below. */
  final Units units;
  /**
   * The qualifying volume of each order, in the organisation's units: {@link #qualifyingFactor}
   * times it is the volume in {@link #units}. The organisation's own column where its units are
   * no finer than the plan's (the common case: nothing is copied); a copy in the plan's units
   * otherwise (a host's organisation whose other volume types have more decimals), exact since
   * the qualifying type's volumes were checked against the plan's decimals.
   */
  final long[] qualifyingVolume;
  /** What {@link #qualifyingVolume} is multiplied by to be in {@link #units}. */
  final long qualifyingFactor;
  final int rankCount;

  // customers
  final long[] customerVolume;
  final boolean[] customerOrderInPeriod;
  final boolean[] customerActive;
  // distributors
  final long[] ownVolume;
  final boolean[] orderInPeriod;
  /**
   * Each customer's and distributor's last paid order before as-of: read with the period's
   * figures when an activity rule looks at it, else on first use ({@link #lastOrders()}), since
   * only results, advice and live evaluations read it and tracking it cost the pass over the
   * orders about an eighth of an evaluation. Null until read; written once (a race reads the
   * orders twice to the same figures), or by the one thread of a live evaluation.
   */
  private volatile LastOrders lastOrders;
  final long[] personalVolume;
  final long[] groupVolume;
  final boolean[] active;
  final int[] activeCustomers;
  final int[] activeDistributors;
  final byte[] paidAs;
  /**
   * How many distributors are paid as each rank, counted beside the ranks by the plain
   * bottom-up pass ({@link #bottomUpPlain}); null where ranks were decided otherwise, or decided
   * again since ({@link #decide}, a live evaluation's), and then counted from {@link #paidAs} when
   * asked ({@link #paidAsCounts()}).
   */
  private int[] paidAsTally;
  /**
   * Title ranks before this period, -1 where unknown: the higher of the host's map and the last
   * closed period's; null when no rule reads them and neither gives one.
   */
  final byte[] titleRank;
  /** The history the evaluation read; empty when none was given. */
  final History history;
  /** What carries over from the history's last period; null for an empty history. */
  final Prior prior;
  /**
   * The rank whose requirements each distributor meets, before any hold; the very array
   * {@link #paidAs} when the plan holds no rank or there is no history.
   */
  final byte[] qualified;
  /** Periods in a row each paid-as rank has been held, this one included; null as qualified is. */
  final int[] held;
  /** Periods a rank is kept under {@link RankHold.KeepPaidAs}; 0 for a step down. */
  private final int keepPeriods;
  /** Whether titles count the rank qualified for rather than the paid-as rank. */
  private final boolean qualifiedTitles;
  /** Highest paid-as rank in each distributor's subtree, themselves included; null unless needed. */
  final byte[] subtreeRank;
  /** Active distributors in each distributor's subtree, themselves included; null unless needed. */
  final int[] subtreeActive;

  /** The placement tree, when the plan reads one; null otherwise. */
  final Placements placements;
  /**
   * Each distributor's placement subtree volume, themselves included, summed from the bottom of
   * the placement tree up (a loop over its order, no recursion); null without a placement tree.
   * The side rules and {@link Evaluation#sides} read a side's volume as its child's figure here.
   */
  final long[] placementVolume;
  /**
   * The volumes of the qualifying type, the arrays above ({@link #personalVolume},
   * {@link #groupVolume}, {@link #placementVolume}) under one name, for rules that read the type
   * their requirement names.
   */
  final Volumes qualifyingVolumes;
  /**
   * The volumes of each type other than the qualifying one that a requirement names
   * ({@link CompPlan#otherVolumeTypesRead()}); empty for most plans, which then pay nothing for
   * them. Their group volumes are summed by {@link Volumes.Fold} rules among the ladder's
   * aggregators.
   */
  final Volumes[] otherVolumes;

  final Ladder ladder;
  /**
   * Whether the orders' volumes were found small enough that no sum of them, signed or not, can
   * leave a long ({@link OrderFigures#bounded}): personal and group volumes are sums of distinct
   * orders' volumes (a self-purchase cap only lowers one), so the passes of a whole evaluation
   * add them without a check each. A live evaluation, whose orders come later, always checks.
   */
  private final boolean bounded;
  /** The overrides granted for the period, resolved; null for none. */
  final OverrideIndex overrides;
  /**
   * Orders a live evaluation added or changed since {@link #org} was built; null for an ordinary
   * evaluation. Set before the computation is shared, never changed after.
   */
  LiveOrders overlay;

  Computation(Organisation org, CompPlan plan, Period period, Instant askedAsOf,
      Map<String, String> titleRanks, History history, Overrides overrides) {
    this.org = org;
    this.plan = plan;
    this.period = period;
    this.rankCount = plan.ranks().size();
    this.zone = plan.zone();
    this.asOf = seenAsOf(period, zone, askedAsOf);
    this.askedAsOf = askedAsOf;
    this.periodStart = Organisation.nanos(period.startInstant(zone));
    this.periodSeenEnd = Math.min(Organisation.nanos(period.endInstant(zone)),
        Organisation.nanos(asOf));
    this.units = Units.of(plan);
    this.qualifyingVolume = qualifyingColumn(org, plan, units);
    this.qualifyingFactor = qualifyingFactor(org, units);
    this.history = history;
    this.prior = Prior.of(org, plan, period, history, units);
    this.overrides = OverrideIndex.of(org, plan, overrides);

    OrderFigures orders = OrderFigures.read(org, qualifyingVolume, qualifyingFactor, asOf,
        periodStart, periodSeenEnd, readsLastOrders(plan));
    this.customerVolume = orders.customerVolume();
    this.customerOrderInPeriod = orders.customerOrderInPeriod();
    this.ownVolume = orders.ownVolume();
    this.orderInPeriod = orders.orderInPeriod();
    this.lastOrders = orders.lastOrders();

    PersonalFigures personal = PersonalFigures.of(org, plan, units, asOf, zone, orders);
    this.bounded = orders.bounded() && personal.bounded();
    this.personalVolume = personal.personalVolume();
    this.customerActive = personal.customerActive();
    this.active = personal.active();
    this.activeCustomers = personal.activeCustomers();
    this.activeDistributors = personal.activeDistributors();
    countedActive(org, this.overrides, active, activeDistributors);

    this.placements = plan.placementTree().isPresent() ? org.placementTree() : null;
    this.placementVolume = placements == null ? null : placementVolumes(placements,
        personalVolume);
    this.groupVolume = personalVolume.clone();
    this.qualifyingVolumes = new Volumes(plan.qualifyingVolumeType(), qualifyingVolume,
        qualifyingFactor, null, null, personalVolume, groupVolume, placementVolume);
    this.otherVolumes = otherVolumes(org, plan, units, asOf, periodStart, periodSeenEnd,
        placements);
    this.ladder = new Ladder(this);
    this.titleRank = titleRanks(org, plan,
        ladder.readsTitles() || prior != null || !titleRanks.isEmpty(), titleRanks, prior);
    int distributors = org.distributorRoom();
    this.subtreeRank = ladder.needsSubtreeRanks() ? new byte[distributors] : null;
    this.subtreeActive = ladder.needsLegFacts() ? new int[distributors] : null;
    this.paidAs = new byte[distributors];
    boolean holds = prior != null && !(plan.rankHold() instanceof RankHold.None);
    this.qualified = holds || this.overrides != null && this.overrides.anyMinimum
        ? new byte[distributors] : paidAs;
    this.held = holds ? new int[distributors] : null;
    this.keepPeriods = plan.rankHold() instanceof RankHold.KeepPaidAs k ? k.periods() : 0;
    this.qualifiedTitles = plan.titleRank() == CompPlan.TitleRank.HIGHEST_QUALIFIED;
    bottomUp();
  }

  /** The qualifying volume of each order, in the organisation's units or the plan's. */
  private static long[] qualifyingColumn(Organisation org, CompPlan plan, Units units) {
    int q = org.volumeTypeIndex(plan.qualifyingVolumeType());
    long[] column = q < 0 ? new long[org.orderCount()] : org.volume[q];
    if (org.units.scale <= units.scale) {
      return column;
    }
    long divisor = org.units.factorOver(units);
    long[] own = new long[column.length];
    for (int o = 0; o < own.length; o++) {
      own[o] = column[o] / divisor;
    }
    return own;
  }

  /** What {@link #qualifyingColumn} is multiplied by to be in {@code units}. */
  private static long qualifyingFactor(Organisation org, Units units) {
    return org.units.scale <= units.scale ? units.factorOver(org.units) : 1;
  }

  /**
   * A period's four gauges, without its ranks: personal and group volume and the active
   * personal customers and distributors of everyone, as an evaluation with no overrides finds
   * them. The same steps as the constructor's ({@link OrderFigures#read},
   * {@link PersonalFigures#of}), then the group volumes summed up the sponsor tree; no ladder, no
   * rank, no history (none of which moves a gauge). What the projection's replay of the last
   * closed period reads. The organisation must
   * already have been checked against the plan (an evaluation of it was made).
   *
   * @throws Overflow where a sum leaves a long, as the constructor does
   */
  static Figures figures(Organisation org, CompPlan plan, Period period, Instant askedAsOf) {
    ZoneId zone = plan.zone();
    Instant asOf = seenAsOf(period, zone, askedAsOf);
    long periodStart = Organisation.nanos(period.startInstant(zone));
    long periodSeenEnd = Math.min(Organisation.nanos(period.endInstant(zone)),
        Organisation.nanos(asOf));
    Units units = Units.of(plan);
    OrderFigures orders = OrderFigures.read(org, qualifyingColumn(org, plan, units),
        qualifyingFactor(org, units), asOf, periodStart, periodSeenEnd, readsLastOrders(plan));
    PersonalFigures personal = PersonalFigures.of(org, plan, units, asOf, zone, orders);
    long[] group = groupVolumes(org, personal.personalVolume(),
        orders.bounded() && personal.bounded());
    return new Figures(org, plan, units, personal.personalVolume(), group,
        personal.activeCustomers(), personal.activeDistributors());
  }

  /** {@return this evaluation's four gauges} */
  Figures figures() {
    return new Figures(org, plan, units, personalVolume, groupVolume, activeCustomers,
        activeDistributors);
  }

  /**
   * Each distributor's group volume: their personal volume and their whole downline's, summed
   * from the bottom of the sponsor tree up (a loop over the tree order, no recursion) as
   * {@link #bottomUp} sums it beside the ranks; every sum checked unless {@code bounded}.
   */
  private static long[] groupVolumes(Organisation org, long[] personalVolume, boolean bounded) {
    long[] group = personalVolume.clone();
    int[] parent = org.parent;
    int[] topDown = org.topDown();
    for (int i = org.distributorCount() - 1; i >= 0; i--) {
      int v = topDown == null ? i : topDown[i];
      int p = parent[v];
      if (p >= 0) {
        group[p] = bounded ? group[p] + group[v] : add(group[p], group[v], p, GROUP);
      }
    }
    return group;
  }

  /**
   * The four gauges of every distributor of a period, by distributor index, volumes in
   * {@code units}: an evaluation's own arrays ({@link #figures()}, shared, never written through
   * this) or a replay's ({@link #figures(Organisation, CompPlan, Period, Instant)}).
   */
  record Figures(Organisation org, CompPlan plan, Units units, long[] personalVolume,
      long[] groupVolume, int[] activeCustomers, int[] activeDistributors) {}

  /**
   * Moves a live computation's as-of instant (forward): the instants only; the live state counts
   * again the buyers whose figures that changes ({@link LiveState#passTime}).
   */
  void moveAsOf(Instant asked) {
    this.askedAsOf = asked;
    this.asOf = seenAsOf(period, zone, asked);
    this.periodSeenEnd = Math.min(Organisation.nanos(period.endInstant(zone)),
        Organisation.nanos(asOf));
  }

  /**
   * Distributors the overrides count as active are active, and counted so by their sponsor:
   * proportional to the number of such overrides.
   */
  private static void countedActive(Organisation org, OverrideIndex overrides, boolean[] active,
      int[] activeDistributors) {
    if (overrides == null) {
      return;
    }
    for (int d : overrides.active) {
      if (!active[d]) {
        active[d] = true;
        if (org.parent[d] >= 0) {
          activeDistributors[org.parent[d]]++;
        }
      }
    }
  }

  /** {@return the overrides the evaluation was given; none for none} */
  Overrides overridesGiven() {
    return overrides == null ? Overrides.none() : overrides.source;
  }

  /** What the overrides grant distributor v; null where there are none for them. */
  OverrideIndex.At overrideAt(int v) {
    return overrides == null ? null : overrides.at(v);
  }

  /** Whether the overrides count distributor d as active whatever their figures. */
  boolean countedActive(int d) {
    OverrideIndex.At a = overrideAt(d);
    return a != null && a.active;
  }

  /** Whether distributor d takes a level under compression although inactive. */
  boolean notCompressed(int d) {
    return overrides != null && overrides.notCompressed(d);
  }

  /**
   * A period's figures may not depend on what happened after it: "as of" a later instant (such as
   * now, for a past period) is as of its end, also for rolling activity windows.
   */
  private static Instant seenAsOf(Period period, ZoneId zone, Instant asked) {
    Instant end = period.endInstant(zone);
    return asked.isAfter(end) ? end : asked;
  }

  /**
   * The volumes of a type a requirement names: the qualifying type's for none (a plan keeps no
   * type equal to its qualifying type), else that type's.
   */
  Volumes volumes(java.util.Optional<String> type) {
    if (type.isEmpty() || type.get().equals(qualifyingVolumes.type)) {
      return qualifyingVolumes;
    }
    for (Volumes v : otherVolumes) {
      if (v.type.equals(type.get())) {
        return v;
      }
    }
    throw new IllegalStateException("volume type " + type.get() + " is not read by plan "
        + plan.name());
  }

  /**
   * The figures of the volume types other than the qualifying one that the plan's requirements
   * name: one pass over the orders for each, the same counting as the qualifying type's
   * ({@link OrderFigures#read}): returns subtract, customers' orders count for their distributor
   * where the plan says so. The plan's self-purchase cap is a figure of the qualifying type and
   * limits that type only; activity is decided on the qualifying type alone.
   */
  private static Volumes[] otherVolumes(Organisation org, CompPlan plan, Units units,
      Instant asOf, long periodStart, long periodSeenEnd, Placements placements) {
    List<String> types = plan.otherVolumeTypesRead();
    Volumes[] out = new Volumes[types.size()];
    boolean withCustomers = plan.personalVolume().includeCustomerOrders();
    for (int t = 0; t < out.length; t++) {
      String type = types.get(t);
      int i = org.volumeTypeIndex(type);
      long[] column = i < 0 ? new long[org.orderCount()] : org.volume[i];
      long factor;
      if (org.units.scale <= units.scale) {
        factor = units.factorOver(org.units);
      } else {
        // Exact: every type's volumes were checked against the plan's decimals.
        long divisor = org.units.factorOver(units);
        long[] own = new long[column.length];
        for (int o = 0; o < own.length; o++) {
          own[o] = column[o] / divisor;
        }
        column = own;
        factor = 1;
      }
      OrderFigures orders = OrderFigures.read(org, column, factor, asOf, periodStart,
          periodSeenEnd, false);
      long[] customerVolume = orders.customerVolume();
      long[] ownVolume = orders.ownVolume();
      long[] personal = new long[org.distributorRoom()];
      if (withCustomers) {
        int[] owner = org.customerOwner;
        for (int c = 0, n = org.customerCount(); c < n; c++) {
          personal[owner[c]] = add(personal[owner[c]], customerVolume[c], owner[c], PERSONAL);
        }
      }
      for (int d = 0, n = org.distributorCount(); d < n; d++) {
        personal[d] = add(personal[d], ownVolume[d], d, PERSONAL);
      }
      out[t] = new Volumes(type, column, factor, customerVolume, ownVolume, personal,
          personal.clone(), placements == null ? null : placementVolumes(placements, personal));
    }
    return out;
  }

  /**
   * The volumes of one type in {@link #units}: per distributor personal volume, group volume and
   * placement subtree volume (null without a placement tree), and for a type other than the
   * qualifying one also the counted volume of each customer and of each distributor's own orders,
   * which a live evaluation counts again buyer by buyer (null for the qualifying type, whose
   * arrays are the computation's own). {@code column} times {@code factor} is an order of the
   * organisation's volume of the type in {@link #units}.
   */
  static final class Volumes {
    final String type;
    final long[] column;
    final long factor;
    final long[] customerVolume;
    final long[] ownVolume;
    final long[] personal;
    final long[] group;
    final long[] placement;

    Volumes(String type, long[] column, long factor, long[] customerVolume, long[] ownVolume,
        long[] personal, long[] group, long[] placement) {
      this.type = type;
      this.column = column;
      this.factor = factor;
      this.customerVolume = customerVolume;
      this.ownVolume = ownVolume;
      this.personal = personal;
      this.group = group;
      this.placement = placement;
    }

    /** A copy with room for {@code d} distributors and {@code c} customers. */
    Volumes copy(int d, int c) {
      return new Volumes(type, column, factor, Arrays.copyOf(customerVolume, c),
          Arrays.copyOf(ownVolume, d),
          Arrays.copyOf(personal, d), Arrays.copyOf(group, d),
          placement == null ? null : Arrays.copyOf(placement, d));
    }

    /**
     * Sums a type's group volume up the sponsor tree: one of the ladder's aggregators, so that
     * the bottom-up pass and a live evaluation's {@link Computation#recompute} fold it like any
     * rule's slots. Belongs to no rank.
     */
    static final class Fold extends Rules.Rule {
      private final Volumes volumes;

      Fold(Computation computation, Volumes volumes) {
        super(computation, null);
        this.volumes = volumes;
      }

      @Override
      boolean met(int v) {
        return true;
      }

      @Override
      RequirementStatus status(int v) {
        throw new UnsupportedOperationException("a fold of " + volumes.type + " has no status");
      }

      @Override
      boolean aggregates() {
        return true;
      }

      @Override
      void childDone(int c, int p) {
        volumes.group[p] = add(volumes.group[p], volumes.group[c], p, GROUP);
      }

      @Override
      void reset(int v) {
        volumes.group[v] = volumes.personal[v];
      }
    }
  }

  /** The figures an overflow names, shared with the live evaluation's own sums. */
  static final String PERSONAL = "personal volume";
  static final String GROUP = "group volume";
  static final String PLACEMENT = "placement volume";

  /** Each distributor's placement subtree volume, themselves included. */
  private static long[] placementVolumes(Placements placements, long[] personalVolume) {
    long[] vol = personalVolume.clone();
    int[] order = placements.order();
    int[] up = placements.parent;
    for (int i = order.length - 1; i >= 0; i--) {
      int v = placements.ordered() ? i : order[i];
      int p = up[v];
      if (p >= 0) {
        vol[p] = add(vol[p], vol[v], p, PLACEMENT);
      }
    }
    return vol;
  }

  /**
   * A sum of volumes that a long cannot hold: a data error (volumes entered in the wrong unit, or
   * absurdly many of them), reported as a problem of the distributor whose figure it is.
   */
  static final class Overflow extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    /** The distributor whose figure overflowed. */
    final int distributor;
    /** Which figure, such as "group volume". */
    final String figure;

    Overflow(int distributor, String figure) {
      super(figure + " overflows");
      this.distributor = distributor;
      this.figure = figure;
    }
  }

  /** {@code a + b}, or an {@link Overflow} naming distributor {@code who}'s {@code figure}. */
  static long add(long a, long b, int who, String figure) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw new Overflow(who, figure);
    }
    return r;
  }

  /**
   * The rank of a downline distributor as a rule with the given basis sees it; -1 for their rank
   * last period where the history has none.
   */
  int rankFor(int d, Requirement.RankBasis basis) {
    return switch (basis) {
      case PAID_AS -> paidAs[d];
      case TITLE -> title(d);
      case LAST_PERIOD -> prior == null ? -1 : prior.paid[d];
    };
  }

  /** A distributor's title rank after this period: the higher of the last title and this one. */
  int title(int d) {
    int r = qualifiedTitles ? qualified[d] : paidAs[d];
    return titleRank != null && titleRank[d] > r ? titleRank[d] : r;
  }

  /**
   * The paid-as rank under the plan's rank hold, given the rank qualified for: last period's
   * paid-as rank kept while grace lasts, or one rank below it for a step down.
   */
  private int hold(int v, int q) {
    qualified[v] = (byte) q;
    int p = prior.paid[v];
    if (p <= q) {
      return q;
    }
    if (keepPeriods > 0) {
      int h = prior.held[v];
      if (h < keepPeriods) {
        held[v] = h + 1;
        return p;
      }
      return q;
    }
    if (p - 1 > q) {
      held[v] = prior.held[v] + 1;
      return p - 1;
    }
    return q;
  }

  /**
   * How many more periods a held rank can be held if the distributor still qualifies below it; 0
   * for a rank not held.
   */
  int periodsLeft(int v) {
    if (held == null || held[v] == 0) {
      return 0;
    }
    return keepPeriods > 0 ? keepPeriods - held[v] : paidAs[v] - qualified[v] - 1;
  }

  /**
   * Checks the host's title ranks whether or not a rule reads them, and returns them by
   * distributor (-1 where unknown) if one does; else null.
   */
  private static byte[] titleRanks(Organisation org, CompPlan plan, boolean read,
      Map<String, String> titles, Prior prior) {
    byte[] out = !read ? null : prior != null ? prior.title.clone()
        : new byte[org.distributorRoom()];
    if (out != null && prior == null) {
      Arrays.fill(out, (byte) -1);
    }
    List<Problem> problems = new ArrayList<>();
    titles.forEach((id, code) -> {
      int d = org.indexOf(id);
      int r = plan.rankLevel(code);
      if (d < 0) {
        problems.add(Problem.core(Subject.distributor(id, -1).field("titleRank"),
            "title rank of " + id, "live.unknownDistributor", id));
      } else if (r < 0) {
        problems.add(Problem.core(Subject.distributor(id, -1).field("titleRank"),
            "title rank of " + id, "plan.unknownRank", code, plan.name(),
            plan.ranks().stream().map(Rank::code).toList()));
      } else if (out != null) {
        out[d] = (byte) Math.max(out[d], r);
      }
    });
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparing(Problem::location));
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.titleRanks"), problems);
    }
    return out;
  }

  /** Whether an activity rule of the plan reads the last order ("an order within N days"). */
  private static boolean readsLastOrders(CompPlan plan) {
    return plan.customerActivity() instanceof ActivityRule.OrderWithinDays
        || plan.distributorActivity() instanceof ActivityRule.OrderWithinDays;
  }

  /** Each distributor's last paid order before as-of, in nanoseconds; {@link #NONE} for none. */
  long[] lastOrder() {
    return lastOrders().distributor();
  }

  /** Each customer's last paid order before as-of, in nanoseconds; {@link #NONE} for none. */
  long[] customerLastOrder() {
    return lastOrders().customer();
  }

  private LastOrders lastOrders() {
    LastOrders l = lastOrders;
    if (l == null) {
      l = LastOrders.read(org, Organisation.nanos(asOf));
      lastOrders = l;
    }
    return l;
  }

  /** Each customer's and distributor's last paid order before an instant; {@link #NONE} for none. */
  private record LastOrders(long[] customer, long[] distributor) {

    /** Room for every customer and distributor of the organisation, each with no order yet. */
    static LastOrders none(Organisation org) {
      long[] customer = new long[org.customerRoom()];
      long[] distributor = new long[org.distributorRoom()];
      Arrays.fill(customer, NONE);
      Arrays.fill(distributor, NONE);
      return new LastOrders(customer, distributor);
    }

    /** One pass over the orders, counting those {@link OrderFigures#read} counts. */
    static LastOrders read(Organisation org, long seen) {
      LastOrders l = none(org);
      long[] customer = l.customer;
      long[] distributor = l.distributor;
      long[] time = org.orderTime;
      byte[] status = org.orderStatus;
      int[] buyer = org.orderBuyer;
      boolean[] byCustomer = org.orderByCustomer;
      for (int o = 0, m = time.length; o < m; o++) {
        long t = time[o];
        if (!OrderCounting.paid(status[o]) || t >= seen) {
          continue;
        }
        long[] last = byCustomer[o] ? customer : distributor;
        int b = buyer[o];
        if (t > last[b]) {
          last[b] = t;
        }
      }
      return l;
    }

    LastOrders copy(int distributors, int customers) {
      return new LastOrders(Arrays.copyOf(customer, customers),
          Arrays.copyOf(distributor, distributors));
    }
  }

  /**
   * What one pass over the orders finds: per customer and per distributor, the period's volume in
   * the qualifying type, whether they paid an order in the period, and when asked their last paid
   * order before as-of (null when not asked).
   */
  private record OrderFigures(long[] customerVolume, boolean[] customerOrderInPeriod,
      long[] ownVolume, boolean[] orderInPeriod, LastOrders lastOrders, boolean bounded) {

    static OrderFigures read(Organisation org, long[] qv, long factor, Instant asOf,
        long periodStart, long periodSeenEnd, boolean withLastOrders) {
      OrderFigures unchecked = read(org, qv, factor, asOf, periodStart, periodSeenEnd,
          withLastOrders, false);
      // Beyond the bound a sum may have wrapped: counted again, each sum checked.
      return unchecked.bounded() ? unchecked
          : read(org, qv, factor, asOf, periodStart, periodSeenEnd, withLastOrders, true);
    }

    /**
     * One pass over the orders; {@code checked} checks every sum, else the pass finds the widest
     * volume it added and the figures are {@link #bounded} if the orders' count times it fits a
     * long, and may be wrong otherwise. Without last orders to track and unchecked, the orders
     * outside the period change nothing and are passed over at once ({@link #inPeriod}).
     */
    private static OrderFigures read(Organisation org, long[] qv, long factor, Instant asOf,
        long periodStart, long periodSeenEnd, boolean withLastOrders, boolean checked) {
      int customers = org.customerRoom();
      int distributors = org.distributorRoom();
      long[] customerVolume = new long[customers];
      boolean[] customerOrderInPeriod = new boolean[customers];
      long[] ownVolume = new long[distributors];
      boolean[] orderInPeriod = new boolean[distributors];
      long[] time = org.orderTime;
      // Every sum of up to m volumes of at most widest + 1 each, times factor, fits a long.
      long bound = Long.MAX_VALUE / factor / Math.max(1, time.length);
      if (!withLastOrders && !checked) {
        long widest = inPeriod(org, qv, factor, periodStart, periodSeenEnd,
            Organisation.nanos(asOf), customerVolume, customerOrderInPeriod, ownVolume,
            orderInPeriod);
        return new OrderFigures(customerVolume, customerOrderInPeriod, ownVolume, orderInPeriod,
            null, widest < bound);
      }
      LastOrders last = withLastOrders ? LastOrders.none(org) : null;
      long[] customerLastOrder = last == null ? new long[0] : last.customer;
      long[] lastOrder = last == null ? new long[0] : last.distributor;
      long widest = 0;
      long start = periodStart;
      long seenEnd = periodSeenEnd;
      long seen = Organisation.nanos(asOf);
      byte[] status = org.orderStatus;
      int[] buyer = org.orderBuyer;
      boolean[] byCustomer = org.orderByCustomer;
      for (int o = 0, m = time.length; o < m; o++) {
        long t = time[o];
        byte st = status[o];
        if (!OrderCounting.counts(st, t, seen)) {
          continue;
        }
        int b = buyer[o];
        boolean inPeriod = OrderCounting.inPeriod(t, start, seenEnd);
        boolean paid = OrderCounting.paid(st);
        long q = qv[o];
        // |q|, less one for a negative q: Long.MIN_VALUE has no positive
        widest = Math.max(widest, q ^ (q >> 63));
        long v = OrderCounting.volume(st, q * factor);
        if (byCustomer[o]) {
          if (paid && last != null && t > customerLastOrder[b]) {
            customerLastOrder[b] = t;
          }
          if (inPeriod) {
            customerVolume[b] = checked
                ? add(customerVolume[b], v, org.customerOwner[b], PERSONAL)
                : customerVolume[b] + v;
            customerOrderInPeriod[b] |= paid;
          }
        } else {
          if (paid && last != null && t > lastOrder[b]) {
            lastOrder[b] = t;
          }
          if (inPeriod) {
            ownVolume[b] = checked ? add(ownVolume[b], v, b, PERSONAL) : ownVolume[b] + v;
            orderInPeriod[b] |= paid;
          }
        }
      }
      return new OrderFigures(customerVolume, customerOrderInPeriod, ownVolume, orderInPeriod,
          last, !checked && widest < bound);
    }

    /**
     * The pass of {@link #read} that neither tracks last orders nor checks its sums: an order
     * outside the period then changes nothing, so it is passed over at once, with one test of its
     * time and status for all that makes an order count in the period; returns the widest volume
     * added ({@code |q|}, less one for a negative q), which bounds every sum as well as the
     * widest of all orders counted would. The whole pass asks whether an order counts, then
     * whether it is in the period, and finds the widest volume of every order counted: this one
     * measured 2 to 5 ms of CPU less at 1,000,000 distributors and 4 million orders
     * (docs/benchmarks.md, "eighth session").
     */
    private static long inPeriod(Organisation org, long[] qv, long factor, long start,
        long seenEnd, long seen, long[] customerVolume, boolean[] customerOrderInPeriod,
        long[] ownVolume, boolean[] orderInPeriod) {
      // Distributors' orders come first, then customers' (Organisation's constructors; a live
      // copy shares the orders as built): one loop over each, neither reading the buyer's kind.
      int[] starts = org.distributorOrderStart;
      int split = starts[starts.length - 1];
      long widest = sums(org, qv, factor, start, seenEnd, seen, 0, split, ownVolume,
          orderInPeriod);
      return Math.max(widest, sums(org, qv, factor, start, seenEnd, seen, split,
          org.orderTime.length, customerVolume, customerOrderInPeriod));
    }

    /**
     * {@link #inPeriod} over the orders {@code from} to {@code to} (exclusive), all of one kind
     * of buyer, whose volumes and paid orders go to {@code volume} and {@code paidInPeriod}.
     */
    private static long sums(Organisation org, long[] qv, long factor, long start, long seenEnd,
        long seen, int from, int to, long[] volume, boolean[] paidInPeriod) {
      long widest = 0;
      long[] time = org.orderTime;
      byte[] status = org.orderStatus;
      int[] buyer = org.orderBuyer;
      for (int o = from; o < to; o++) {
        long t = time[o];
        byte st = status[o];
        if (!OrderCounting.inPeriod(t, start, seenEnd) || !OrderCounting.counts(st, t, seen)) {
          continue;
        }
        int b = buyer[o];
        long q = qv[o];
        widest = Math.max(widest, q ^ (q >> 63));
        volume[b] += OrderCounting.volume(st, q * factor);
        paidInPeriod[b] |= OrderCounting.paid(st);
      }
      return widest;
    }
  }

  /** Each own volume, no higher than the self-purchase cap. */
  private static long[] capped(long[] ownVolume, long cap) {
    long[] out = new long[ownVolume.length];
    for (int d = 0; d < out.length; d++) {
      out[d] = Math.min(ownVolume[d], cap);
    }
    return out;
  }

  /** Customers' activity, personal volume, distributors' activity and the two counts. */
  private record PersonalFigures(long[] personalVolume, boolean[] customerActive, boolean[] active,
      int[] activeCustomers, int[] activeDistributors, boolean bounded) {

    static PersonalFigures of(Organisation org, CompPlan plan, Units units, Instant asOf,
        ZoneId zone, OrderFigures orders) {
      int distributors = org.distributorRoom();
      boolean[] customerActive = new boolean[org.customerRoom()];
      boolean[] active = new boolean[distributors];
      int[] activeCustomers = new int[distributors];
      int[] activeDistributors = new int[distributors];
      Activity customerRule = Activity.of(plan.customerActivity(), units, asOf, zone);
      Activity distributorRule = Activity.of(plan.distributorActivity(), units, asOf, zone);
      boolean withCustomers = plan.personalVolume().includeCustomerOrders();
      long cap = plan.personalVolume().selfPurchaseCap().map(units::cap).orElse(Long.MAX_VALUE);
      // A cap not below zero leaves an own volume no further from zero: still bounded.
      boolean bounded = orders.bounded() && cap >= 0;
      long[] ownVolume = orders.ownVolume();
      // Bounded, no sum can overflow, so the order of the sums is free: each distributor's own
      // volume first, copied (no pass that reads and writes every personal volume again after
      // the customers'); else customers' first, then their own, each sum checked in that order.
      long[] personalVolume = !bounded ? new long[distributors]
          : cap == Long.MAX_VALUE ? ownVolume.clone() : capped(ownVolume, cap);
      long[] customerVolume = orders.customerVolume();
      boolean[] customerOrderInPeriod = orders.customerOrderInPeriod();
      // Read only by a rule of "an order within N days", which has them read with the figures.
      long[] customerLastOrder = orders.lastOrders() == null ? null
          : orders.lastOrders().customer();
      int[] owner = org.customerOwner;
      for (int c = 0, customers = org.customerCount(); c < customers; c++) {
        boolean a = customerRule.active(customerVolume[c], customerOrderInPeriod[c],
            customerLastOrder == null ? NONE : customerLastOrder[c]);
        customerActive[c] = a;
        if (a) {
          activeCustomers[owner[c]]++;
        }
        if (withCustomers) {
          personalVolume[owner[c]] = bounded ? personalVolume[owner[c]] + customerVolume[c]
              : add(personalVolume[owner[c]], customerVolume[c], owner[c], PERSONAL);
        }
      }
      for (int d = 0, n = bounded ? 0 : org.distributorCount(); d < n; d++) {
        personalVolume[d] = add(personalVolume[d], Math.min(ownVolume[d], cap), d, PERSONAL);
      }
      boolean[] orderInPeriod = orders.orderInPeriod();
      long[] lastOrder = orders.lastOrders() == null ? null : orders.lastOrders().distributor();
      int[] parent = org.parent;
      for (int d = 0, n = org.distributorCount(); d < n; d++) {
        boolean a = distributorRule.active(personalVolume[d], orderInPeriod[d],
            lastOrder == null ? NONE : lastOrder[d]);
        active[d] = a;
        if (a && parent[d] >= 0) {
          activeDistributors[parent[d]]++;
        }
      }
      return new PersonalFigures(personalVolume, customerActive, active, activeCustomers,
          activeDistributors, bounded);
    }
  }

  /**
   * Children before sponsors: each distributor's rank, then their figures roll up to the sponsor.
   * Indices are in tree order, so walking them backwards visits every distributor after their
   * whole downline.
   */
  private void bottomUp() {
    int[] parent = org.parent;
    Rules.Rule[] aggregators = ladder.aggregators();
    Rules.Rule[] placed = ladder.placementAggregators();
    if (placed.length > 0) {
      // Ranks counted in the placement tree: everyone after both their downlines. Where the
      // organisation could number both trees top-down, that is the index order backwards;
      // otherwise an order is made (or the crossing of the trees reported).
      int[] up = placements.parent;
      int n = org.distributorCount();
      int[] order = placements.ordered() && org.topDown() == null ? null
          : placements.bottomUpWith(org, plan.name());
      for (int i = n - 1; i >= 0; i--) {
        int v = order == null ? i : order[n - 1 - i];
        decide(v);
        if (parent[v] >= 0) {
          fold(v, parent[v], aggregators);
        }
        if (up[v] >= 0) {
          for (Rules.Rule a : placed) {
            a.placementChildDone(v, up[v]);
          }
        }
      }
      return;
    }
    // A live organisation after a placement change may have a sponsor after their downline.
    int[] topDown = org.topDown();
    if (overrides == null && held == null && aggregators.length == 0 && subtreeActive == null) {
      bottomUpPlain(topDown);
      return;
    }
    for (int i = org.distributorCount() - 1; i >= 0; i--) {
      int v = topDown == null ? i : topDown[i];
      decide(v);
      int p = parent[v];
      if (p >= 0) {
        fold(v, p, aggregators);
      }
    }
  }

  /**
   * {@link #bottomUp} for the plain case, no overrides, no rank held, no rule folding children
   * of its own and no leg facts: {@link #decide} and {@link #fold} reduced to what they then do,
   * in one loop small enough for the compiler to keep whole (called through them, neither was
   * inlined, at a call each per distributor).
   */
  private void bottomUpPlain(int[] topDown) {
    int[] parent = org.parent;
    byte[] paid = paidAs;
    long[] group = groupVolume;
    byte[] sub = subtreeRank;
    Ladder l = ladder;
    int n = org.distributorCount();
    // Most distributors are paid as the first rank: counted as what the others leave.
    int[] tally = new int[rankCount];
    for (int i = n - 1; i >= 0; i--) {
      int v = topDown == null ? i : topDown[i];
      int rank = l.paidAs(v);
      paid[v] = (byte) rank;
      if (rank != 0) {
        tally[rank]++;
      }
      int p = parent[v];
      if (sub != null) {
        int best = Math.max(sub[v], rank);
        sub[v] = (byte) best;
        if (p >= 0 && best > sub[p]) {
          sub[p] = (byte) best;
        }
      }
      if (p >= 0) {
        group[p] = bounded ? group[p] + group[v] : add(group[p], group[v], p, GROUP);
      }
    }
    int others = 0;
    for (int r = 1; r < rankCount; r++) {
      others += tally[r];
    }
    tally[0] = n - others;
    paidAsTally = tally;
  }

  /** How many distributors are paid as each rank, by rank level. */
  int[] paidAsCounts() {
    int[] tally = paidAsTally;
    if (tally != null) {
      return tally.clone();
    }
    int[] counts = new int[rankCount];
    for (int v = 0, n = org.distributorCount(); v < n; v++) {
      counts[paidAs[v]]++;
    }
    return counts;
  }

  /**
   * Distributor v's downline is folded in: decide their paid-as rank, held or not. Deciding again
   * gives the same (a live evaluation does), so a hold is counted afresh each time.
   */
  void decide(int v) {
    paidAsTally = null;
    OverrideIndex.At o = overrideAt(v);
    int rank = o == null ? ladder.paidAs(v) : ladder.paidAs(v, o);
    if (held != null) {
      held[v] = 0;
      rank = hold(v, rank);
    } else if (qualified != paidAs) {
      qualified[v] = (byte) rank;
    }
    if (o != null && o.minimum > rank) {
      // A forced minimum is paid as granted, not held: no grace is counted for it.
      rank = o.minimum;
      if (held != null) {
        held[v] = 0;
      }
    }
    paidAs[v] = (byte) rank;
    if (subtreeRank != null) {
      subtreeRank[v] = (byte) Math.max(subtreeRank[v], rank);
      if (subtreeActive != null) {
        subtreeActive[v] += active[v] ? 1 : 0;
      }
    }
  }

  /** Distributor c's figures and rank are final: fold them into their sponsor p. */
  private void fold(int c, int p, Rules.Rule[] aggregators) {
    groupVolume[p] = add(groupVolume[p], groupVolume[c], p, GROUP);
    for (Rules.Rule a : aggregators) {
      a.childDone(c, p);
    }
    if (subtreeRank != null) {
      subtreeRank[p] = (byte) Math.max(subtreeRank[p], subtreeRank[c]);
      if (subtreeActive != null) {
        subtreeActive[p] += subtreeActive[c];
      }
    }
  }

  /**
   * Decides distributor v again from their own figures and their children's, which must be
   * final: what {@link #bottomUp} did for v, undone and done again. Costs v's number of children
   * times the rules that aggregate. A live evaluation calls it for each distributor on the sponsor
   * line above a change, from the bottom up; every figure of v is a function of v's own figures
   * and their children's, so the result is exactly what a whole evaluation gives.
   *
   * @param aggregators {@code ladder.aggregators()}, fetched once by the caller
   */
  void recompute(int v, Rules.Rule[] aggregators) {
    groupVolume[v] = personalVolume[v];
    for (Rules.Rule a : aggregators) {
      a.reset(v);
    }
    if (subtreeRank != null) {
      subtreeRank[v] = 0;
    }
    if (subtreeActive != null) {
      subtreeActive[v] = 0;
    }
    Organisation o = org;
    for (int k = o.childrenFrom(v), end = o.childrenTo(v); k < end; k++) {
      fold(o.child(k), v, aggregators);
    }
    decide(v);
  }

  /**
   * {@link #recompute(int, Rules.Rule[])} for a plan with a placement tree: v's slots of the rules
   * folded along the placement tree are put back and v's placement children folded in again
   * too, before v is decided. The children of both trees must be final.
   *
   * @param placed {@code ladder.placementAggregators()}
   * @param tree the placement tree ({@link #placements})
   */
  void recompute(int v, Rules.Rule[] aggregators, Rules.Rule[] placed, Placements tree) {
    groupVolume[v] = personalVolume[v];
    for (Rules.Rule a : aggregators) {
      a.reset(v);
    }
    for (Rules.Rule a : placed) {
      a.reset(v);
    }
    if (subtreeRank != null) {
      subtreeRank[v] = 0;
      subtreeActive[v] = 0;
    }
    Organisation o = org;
    for (int k = o.childrenFrom(v), end = o.childrenTo(v); k < end; k++) {
      fold(o.child(k), v, aggregators);
    }
    if (placed.length > 0) {
      for (int c = tree.firstChild(v); c >= 0; c = tree.nextSibling(c)) {
        for (Rules.Rule a : placed) {
          a.placementChildDone(c, v);
        }
      }
    }
    decide(v);
  }

  /**
   * A copy of another computation's figures, for a live evaluation's snapshots: every array is
   * copied, the plan and title ranks (never changed) are shared, and the rules are compiled again
   * over the organisation given and given the other's slots. The overlay of live orders is not
   * copied here; whoever copies sets it.
   *
   * @param org a live copy of the other's organisation, with the same structure
   */
  Computation(Computation other, Organisation org) {
    this.org = org;
    this.plan = other.plan;
    this.period = other.period;
    this.rankCount = other.rankCount;
    this.zone = other.zone;
    this.asOf = other.asOf;
    this.askedAsOf = other.askedAsOf;
    this.periodStart = other.periodStart;
    this.periodSeenEnd = other.periodSeenEnd;
    this.units = other.units;
    this.qualifyingVolume = other.qualifyingVolume;
    this.qualifyingFactor = other.qualifyingFactor;
    // Arrays as long as the organisation's room: longer than the other's after it grew for joins.
    // The new slots are left as they come: a join writes every figure of its slot, "no last
    // order" included (LiveState.joinDistributor, joinCustomer).
    int d = org.distributorRoom();
    int c = org.customerRoom();
    this.customerVolume = Arrays.copyOf(other.customerVolume, c);
    this.customerOrderInPeriod = Arrays.copyOf(other.customerOrderInPeriod, c);
    this.ownVolume = Arrays.copyOf(other.ownVolume, d);
    this.orderInPeriod = Arrays.copyOf(other.orderInPeriod, d);
    this.lastOrders = other.lastOrders().copy(d, c);
    this.bounded = false;
    this.personalVolume = Arrays.copyOf(other.personalVolume, d);
    this.customerActive = Arrays.copyOf(other.customerActive, c);
    this.active = Arrays.copyOf(other.active, d);
    this.activeCustomers = Arrays.copyOf(other.activeCustomers, d);
    this.activeDistributors = Arrays.copyOf(other.activeDistributors, d);
    this.paidAs = Arrays.copyOf(other.paidAs, d);
    // The copy's own placement tree (a live copy keeps one when the plan reads it) and volumes.
    this.placements = other.placements == null ? null : org.placementTree();
    this.placementVolume = other.placementVolume == null ? null
        : Arrays.copyOf(other.placementVolume, d);
    this.groupVolume = Arrays.copyOf(other.groupVolume, d);
    this.qualifyingVolumes = new Volumes(plan.qualifyingVolumeType(), qualifyingVolume,
        qualifyingFactor, null, null, personalVolume, groupVolume, placementVolume);
    this.otherVolumes = new Volumes[other.otherVolumes.length];
    for (int t = 0; t < otherVolumes.length; t++) {
      otherVolumes[t] = other.otherVolumes[t].copy(d, c);
    }
    this.ladder = new Ladder(this);
    // copied even at the same length: a returning distributor's join writes their slot
    this.titleRank = other.titleRank == null ? null : grown(other.titleRank, d, (byte) -1);
    this.history = other.history;
    this.prior = other.prior == null ? null : other.prior.copy(d);
    this.qualified = other.qualified == other.paidAs ? this.paidAs
        : Arrays.copyOf(other.qualified, d);
    this.held = other.held == null ? null : Arrays.copyOf(other.held, d);
    this.overrides = other.overrides;
    this.keepPeriods = other.keepPeriods;
    this.qualifiedTitles = other.qualifiedTitles;
    this.subtreeRank = other.subtreeRank == null ? null : Arrays.copyOf(other.subtreeRank, d);
    this.subtreeActive = other.subtreeActive == null ? null
        : Arrays.copyOf(other.subtreeActive, d);
    // Every rule that keeps slots: those folded along either tree, and the legs and levels of the
    // placement tree (compiled again above, but before the overrides were set).
    copySlots(ladder.aggregators(), other.ladder.aggregators());
    copySlots(ladder.placementAggregators(), other.ladder.placementAggregators());
    copySlots(ladder.placementFolders(), other.ladder.placementFolders());
  }

  private static void copySlots(Rules.Rule[] mine, Rules.Rule[] theirs) {
    for (int i = 0; i < mine.length; i++) {
      mine[i].copyFrom(theirs[i]);
    }
  }

  private static byte[] grown(byte[] a, int length, byte fill) {
    byte[] out = Arrays.copyOf(a, length);
    Arrays.fill(out, a.length, length, fill);
    return out;
  }

  /** An activity rule in units. */
  static final class Activity {
    private final ActivityKind kind;
    private final long minimum;
    private final long windowStart;

    Activity(ActivityKind kind, long minimum, long windowStart) {
      this.kind = kind;
      this.minimum = minimum;
      this.windowStart = windowStart;
    }

    /** An activity rule in units, as of the as-of instant. */
    static Activity of(ActivityRule rule, Units units, Instant asOf, ZoneId zone) {
      return rule.accept(new ActivityRule.Visitor<>() {
        @Override
        public Activity visit(ActivityRule.MinimumVolume m) {
          return new Activity(ActivityKind.MINIMUM_VOLUME, units.threshold(m.volume()), 0);
        }

        @Override
        public Activity visit(ActivityRule.OrderInPeriod o) {
          return new Activity(ActivityKind.ORDER_IN_PERIOD, 0, 0);
        }

        @Override
        public Activity visit(ActivityRule.NetVolumeAboveZero n) {
          return new Activity(ActivityKind.NET_VOLUME_ABOVE_ZERO, 0, 0);
        }

        @Override
        public Activity visit(ActivityRule.OrderWithinDays w) {
          Instant from = asOf.atZone(zone).minusDays(w.days()).toInstant();
          // A window reaching back before the years a long of nanoseconds holds sees every order.
          long start = from.isBefore(Organisation.MIN_TIME) ? Long.MIN_VALUE : Organisation.nanos(from);
          return new Activity(ActivityKind.ORDER_WITHIN_DAYS, 0, start);
        }
      });
    }

    /**
     * The first instant of an "order within the last N days" window, in nanoseconds (a buyer
     * whose last order is before it is inactive); null for a rule with no window.
     */
    Long windowStart() {
      return kind == ActivityKind.ORDER_WITHIN_DAYS ? windowStart : null;
    }

    boolean active(long volume, boolean orderInPeriod, long lastOrder) {
      return switch (kind) {
        case MINIMUM_VOLUME -> volume >= minimum;
        case ORDER_IN_PERIOD -> orderInPeriod;
        case NET_VOLUME_ABOVE_ZERO -> volume > 0;
        case ORDER_WITHIN_DAYS -> lastOrder != NONE && lastOrder >= windowStart;
      };
    }
  }

  /** The kinds of {@link ActivityRule}, for a switch in the loop over every buyer. */
  private enum ActivityKind {
    MINIMUM_VOLUME,
    ORDER_IN_PERIOD,
    NET_VOLUME_ABOVE_ZERO,
    ORDER_WITHIN_DAYS
  }
}
