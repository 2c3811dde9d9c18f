package dev.rankgauge;

import dev.rankgauge.Rules.ActiveLegs;
import dev.rankgauge.Rules.AnyOf;
import dev.rankgauge.Rules.CappedGroupVolume;
import dev.rankgauge.Rules.FrontLineRank;
import dev.rankgauge.Rules.LegRankAnywhere;
import dev.rankgauge.Rules.LegRankWithin;
import dev.rankgauge.Rules.LegsWithVolume;
import dev.rankgauge.Rules.LevelGroupVolume;
import dev.rankgauge.Rules.MetricRule;
import dev.rankgauge.Rules.PersonalGroupVolume;
import dev.rankgauge.Rules.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The plan's ranks compiled: metric thresholds inline for speed, every other rule as objects. */
final class Ladder {
  private final Computation computation;
  private final int ranks;
  final long[] minPersonal;
  final long[] minGroup;
  final int[] minCustomers;
  final int[] minDistributors;
  /** Per rank, the rules other than the four gauge thresholds. */
  private final Rule[][] others;
  /**
   * Per rank, the rules of {@link #others} that {@link #paidAs(int)} asks one by one: all but the
   * legs with a paid-as rank anywhere in the sponsor tree, which it counts itself
   * ({@link #legRank}).
   */
  private final Rule[][] asked;
  /**
   * Per rank, the legs with a paid-as rank anywhere in the sponsor tree that it asks: the rank a
   * leg must hold ({@link #legRank}) and how many such legs ({@link #legCount}); null for a rank
   * asking none. {@link #paidAs(int)} counts a distributor's legs by rank once, in one pass over
   * their children, for every rank of the ladder, where each rule alone would pass over them
   * again (a plan of seven such ranks read a sponsor of thousands seven times).
   */
  private final int[][] legRank;
  private final int[][] legCount;
  /** Per rank, the most legs any of its {@link #legCount} asks; 0 for a rank asking none. */
  private final int[] mostLegs;
  /**
   * The ranks above the first that each gauge's figure allows, as bits of a long, so that
   * {@link #paidAs(int)} tries only the ranks all four allow (and that a distributor's number of
   * legs allows, {@link #legsAllow}) instead of testing four thresholds at every rank: most
   * distributors are allowed none, and the rest few. Null for a ladder of more than 64 ranks,
   * decided rank by rank.
   */
  private final Gauge personalGauge;
  private final Gauge groupGauge;
  private final Gauge customersGauge;
  private final Gauge distributorsGauge;
  /**
   * The ranks a number of legs allows, by the number of legs up to the most any rank asks
   * ({@link #mostLegs}): bits as {@link Gauge#ranks}, read at {@code min(legs, length - 1)};
   * null when no rank counts legs.
   */
  private final long[] legsAllow;
  /**
   * The ranks a distributor's best leg allows, by the highest paid-as rank in any of their legs
   * (the subtree ranks of their children, {@link Computation#subtreeRank}): a rank asking legs
   * of some rank is allowed only when some leg holds it, so most distributors with legs enough
   * are not counted leg by leg ({@link #countLegs}) at all. Null when no rank counts legs.
   */
  private final long[] bestLegAllows;
  /**
   * Whether every rank asks only the four gauge thresholds. Past the lowest thresholds, such a
   * ladder is then decided rank by rank from the top, a few comparisons each that mostly fail
   * alike, which measured faster than working out the ranks each gauge allows; with other
   * requirements (legs, say) the ranks allowed spare most of them.
   */
  private final boolean gaugesOnly;
  /** The ranks (bits, above the first) that ask only the four gauge thresholds. */
  private final long gaugesOnlyRanks;
  /**
   * Whether, besides {@link #gaugesOnly}, each gauge asks no less at a rank than at the rank
   * below (above the first): a distributor who falls short of a rank then falls short of every
   * rank above it, so past the lowest thresholds (the second rank's) the ladder is climbed from
   * the bottom and left at the first rank not met. Most distributors past the floor stop at the
   * second rank; from the top, each would be tested at every rank.
   */
  private final boolean climbs;
  /** The lowest threshold of each gauge at any rank above the first: below one, the first rank. */
  private final long lowestPersonal;
  private final long lowestGroup;
  private final long lowestCustomers;
  private final long lowestDistributors;
  /** The fewest legs any rank asks for; 0 when none asks. */
  private int fewestLegs;
  /**
   * For the distributor {@link #paidAs(int)} is deciding, how many of their legs hold each rank
   * (index) or higher: scratch of the one thread that decides (an evaluation's bottom-up pass, or
   * a live evaluation's, which holds its lock).
   */
  private final int[] legsAtLeast;
  /** Per rank, every requirement in the plan's order. */
  final Rule[][] all;
  private final List<Rule> aggregators = new ArrayList<>();
  /** Rules folded along the placement tree ({@link Rule#placementChildDone}). */
  private final List<Rule> placementAggregators = new ArrayList<>();
  /** Rules counting the first levels of the placement tree ({@link Rule#placementCounted}). */
  private final List<Rule> placementCounters = new ArrayList<>();
  /** Rules folding volumes and activity of the placement tree ({@link Rule#placementFigureDone}). */
  private final List<Rule> placementFolders = new ArrayList<>();
  private boolean titles;
  private boolean legFacts;
  private boolean subtreeRanks;

  Ladder(Computation computation) {
    this.computation = computation;
    List<Rank> rs = computation.plan.ranks();
    ranks = rs.size();
    minPersonal = new long[ranks];
    minGroup = new long[ranks];
    minCustomers = new int[ranks];
    minDistributors = new int[ranks];
    others = new Rule[ranks][];
    asked = new Rule[ranks][];
    legRank = new int[ranks][];
    legCount = new int[ranks][];
    mostLegs = new int[ranks];
    legsAtLeast = new int[ranks + 1];
    all = new Rule[ranks][];
    Arrays.fill(minPersonal, Computation.NONE);
    Arrays.fill(minGroup, Computation.NONE);
    for (Computation.Volumes v : computation.otherVolumes) {
      aggregators.add(new Computation.Volumes.Fold(computation, v));
    }
    for (int r = 0; r < ranks; r++) {
      List<Rule> other = new ArrayList<>();
      List<Rule> every = new ArrayList<>();
      for (Requirement q : rs.get(r).requirements()) {
        Rule rule = compile(q);
        every.add(rule);
        if (rule instanceof MetricRule m) {
          switch (m.metric) {
            case PERSONAL_SALES -> minPersonal[r] = Math.max(minPersonal[r], m.units);
            case GROUP_SALES -> minGroup[r] = Math.max(minGroup[r], m.units);
            case ACTIVE_PERSONAL_CUSTOMERS ->
                minCustomers[r] = Math.max(minCustomers[r], (int) m.units);
            case ACTIVE_PERSONAL_DISTRIBUTORS ->
                minDistributors[r] = Math.max(minDistributors[r], (int) m.units);
          }
        } else {
          other.add(rule);
        }
      }
      others[r] = other.toArray(new Rule[0]);
      all[r] = every.toArray(new Rule[0]);
      List<Rule> ask = new ArrayList<>();
      List<LegRankAnywhere> legs = new ArrayList<>();
      for (Rule rule : other) {
        if (rule instanceof LegRankAnywhere l && l.readsSubtreeRanks()) {
          legs.add(l);
        } else {
          ask.add(rule);
        }
      }
      asked[r] = ask.toArray(new Rule[0]);
      if (!legs.isEmpty()) {
        legRank[r] = legs.stream().mapToInt(LegRankAnywhere::rank).toArray();
        legCount[r] = legs.stream().mapToInt(LegRankAnywhere::count).toArray();
        mostLegs[r] = Arrays.stream(legCount[r]).max().orElseThrow();
        fewestLegs = fewestLegs == 0 ? mostLegs[r] : Math.min(fewestLegs, mostLegs[r]);
      }
    }
    boolean masked = ranks <= Long.SIZE;
    personalGauge = masked ? new Gauge(minPersonal) : null;
    groupGauge = masked ? new Gauge(minGroup) : null;
    customersGauge = masked ? new Gauge(Arrays.stream(minCustomers).asLongStream().toArray())
        : null;
    distributorsGauge = masked
        ? new Gauge(Arrays.stream(minDistributors).asLongStream().toArray()) : null;
    legsAllow = masked && fewestLegs > 0 ? legsAllow(mostLegs) : null;
    bestLegAllows = masked && fewestLegs > 0 ? bestLegAllows(legRank) : null;
    gaugesOnly = Arrays.stream(others).allMatch(o -> o.length == 0);
    long bare = 0;
    for (int r = 1; r < Math.min(ranks, Long.SIZE); r++) {
      bare |= others[r].length == 0 ? 1L << r : 0;
    }
    gaugesOnlyRanks = bare;
    climbs = gaugesOnly && masked && ranks > 1 && rising(minPersonal) && rising(minGroup)
        && rising(Arrays.stream(minCustomers).asLongStream().toArray())
        && rising(Arrays.stream(minDistributors).asLongStream().toArray());
    lowestPersonal = masked ? personalGauge.lowest : 0;
    lowestGroup = masked ? groupGauge.lowest : 0;
    lowestCustomers = masked ? customersGauge.lowest : 0;
    lowestDistributors = masked ? distributorsGauge.lowest : 0;
  }

  /** For each number of legs up to the most asked, the ranks (bits) asking no more legs. */
  private static long[] legsAllow(int[] mostLegs) {
    int most = Arrays.stream(mostLegs).max().orElse(0);
    long[] allow = new long[most + 1];
    for (int k = 0; k <= most; k++) {
      for (int r = 1; r < mostLegs.length; r++) {
        if (mostLegs[r] <= k) {
          allow[k] |= 1L << r;
        }
      }
    }
    return allow;
  }

  /**
   * For each rank a distributor's best leg may hold, the ranks (bits) whose legs ask no higher
   * rank than it: those asking none, and those whose every leg rank it reaches.
   */
  private static long[] bestLegAllows(int[][] legRank) {
    int ranks = legRank.length;
    long[] allow = new long[ranks];
    for (int r = 1; r < ranks; r++) {
      int highest = legRank[r] == null ? 0 : Arrays.stream(legRank[r]).max().orElse(0);
      for (int best = highest; best < ranks; best++) {
        allow[best] |= 1L << r;
      }
    }
    return allow;
  }

  Rule[] aggregators() {
    return aggregators.toArray(new Rule[0]);
  }

  /**
   * The rules that fold children into placement parents: when there are any, distributors are
   * decided in an order that puts both trees' children first ({@link Placements#bottomUpWith}).
   */
  Rule[] placementAggregators() {
    return placementAggregators.toArray(new Rule[0]);
  }

  /** The rules a live evaluation keeps counting along the placement line. */
  Rule[] placementCounters() {
    return placementCounters.toArray(new Rule[0]);
  }

  /**
   * The rules a live evaluation folds again along the placement line above a change of volume,
   * activity or placement: legs and levels of the placement tree.
   */
  Rule[] placementFolders() {
    return placementFolders.toArray(new Rule[0]);
  }

  boolean readsTitles() {
    return titles;
  }

  boolean needsLegFacts() {
    return legFacts;
  }

  /**
   * Whether a rule reads the highest paid-as rank of each subtree ({@link
   * Computation#subtreeRank}): host rules, and legs with a paid-as rank anywhere.
   */
  boolean needsSubtreeRanks() {
    return legFacts || subtreeRanks;
  }

  /** The highest rank whose whole requirement set this distributor meets. */
  int paidAs(int v) {
    if (personalGauge == null) {
      return paidAsRankByRank(v);
    }
    long pv = computation.personalVolume[v];
    long gv = computation.groupVolume[v];
    int ac = computation.activeCustomers[v];
    int ad = computation.activeDistributors[v];
    // Without a branch per gauge: which gauge stops a distributor is a toss-up the processor
    // would mispredict. Counts are ints, so their differences as longs cannot overflow.
    if ((below(pv, lowestPersonal) | below(gv, lowestGroup)
        | (ac - lowestCustomers | ad - lowestDistributors) >>> 63) != 0) {
      return 0;
    }
    if (climbs) {
      // The floor is the second rank's thresholds: met. Climb while the next rank is met.
      int r = 1;
      while (r + 1 < ranks && (below(pv, minPersonal[r + 1]) | below(gv, minGroup[r + 1])
          | (ac - minCustomers[r + 1] | ad - minDistributors[r + 1]) >>> 63) == 0) {
        r++;
      }
      return r;
    }
    return gaugesOnly ? paidAsRankByRank(v) : paidAsPastFloor(v, pv, gv, ac, ad);
  }

  /**
   * {@link #paidAs(int)} for a distributor past the lowest thresholds, of a ladder that asks more
   * than the gauges: apart, so that {@link #paidAs(int)} stays small enough to be inlined in
   * the bottom-up pass (a call per distributor measured slower for the seed plan).
   */
  private int paidAsPastFloor(int v, long pv, long gv, int ac, int ad) {
    long mask = personalGauge.ranksPastFloor(pv) & groupGauge.ranksPastFloor(gv)
        & customersGauge.ranksPastFloor(ac) & distributorsGauge.ranksPastFloor(ad);
    if (legsAllow != null) {
      // The legs a distributor has and the best of them: two lookups that rule out the ranks
      // asking legs for most, before any leg is counted. Their children are decided and folded
      // in (Computation#bottomUp, #recompute), so the subtree rank is already the best leg's.
      Organisation o = computation.org;
      long[] byLegs = legsAllow;
      mask &= byLegs[Math.min(o.childrenTo(v) - o.childrenFrom(v), byLegs.length - 1)]
          & bestLegAllows[computation.subtreeRank[v]];
    }
    // The highest rank allowed that asks nothing more is met (bit 0, never allowed, stands for
    // the first rank); when no rank above it asks more, it is the rank: most distributors past
    // the floor of a plan with legs, who are allowed no rank that asks legs.
    long plain = mask & gaugesOnlyRanks | 1;
    if (Long.numberOfLeadingZeros(mask & ~gaugesOnlyRanks) > Long.numberOfLeadingZeros(plain)) {
      return 63 - Long.numberOfLeadingZeros(plain);
    }
    return paidAsAllowed(v, mask);
  }

  /** Whether thresholds by rank never fall from the second rank up. */
  private static boolean rising(long[] minimum) {
    for (int r = 2; r < minimum.length; r++) {
      if (minimum[r] < minimum[r - 1]) {
        return false;
      }
    }
    return true;
  }

  /** 1 if {@code x < y}, else 0, computed without a branch (Hacker's Delight, 2-12). */
  static long below(long x, long y) {
    long d = x - y;
    return (d ^ ((x ^ y) & (d ^ x))) >>> 63;
  }

  /**
   * {@link #paidAs(int)} for a distributor who reaches some rank's four thresholds: the highest
   * of the ranks {@code mask} allows whose other requirements they meet. Apart, so that the test
   * of the thresholds most distributors fail stays small enough to be inlined where it is called.
   */
  private int paidAsAllowed(int v, long allowed) {
    long mask = allowed;
    boolean counted = false;
    while (mask != 0) {
      int r = 63 - Long.numberOfLeadingZeros(mask);
      mask ^= 1L << r;
      int[] counts = legCount[r];
      if (counts != null) {
        if (!counted) {
          countLegs(v);
          counted = true;
        }
        if (!legsMet(legRank[r], counts)) {
          continue;
        }
      }
      if (allMet(asked[r], v)) {
        return r;
      }
    }
    return 0;
  }

  /** {@link #paidAs(int)} for a ladder of more ranks than a long has bits: each rank in turn. */
  private int paidAsRankByRank(int v) {
    long pv = computation.personalVolume[v];
    long gv = computation.groupVolume[v];
    int ac = computation.activeCustomers[v];
    int ad = computation.activeDistributors[v];
    int legs = -1;
    for (int r = ranks - 1; r > 0; r--) {
      if (pv < minPersonal[r] || gv < minGroup[r] || ac < minCustomers[r]
          || ad < minDistributors[r]) {
        continue;
      }
      int[] counts = legCount[r];
      if (counts != null) {
        if (legs < 0) {
          legs = countLegs(v);
        }
        if (legs < mostLegs[r] || !legsMet(legRank[r], counts)) {
          continue;
        }
      }
      if (allMet(asked[r], v)) {
        return r;
      }
    }
    return 0;
  }

  /**
   * Counts distributor v's legs by the highest paid-as rank in them ({@link
   * Computation#subtreeRank}) into {@link #legsAtLeast}, when v has as many legs as some rank
   * asks (most distributors have fewer: they are not read); returns how many legs v has.
   */
  private int countLegs(int v) {
    Organisation o = computation.org;
    int from = o.childrenFrom(v);
    int to = o.childrenTo(v);
    int legs = to - from;
    if (legs < fewestLegs) {
      return legs;
    }
    int[] at = legsAtLeast;
    Arrays.fill(at, 0);
    byte[] sub = computation.subtreeRank;
    for (int k = from; k < to; k++) {
      at[sub[o.child(k)]]++;
    }
    for (int r = ranks - 1; r >= 0; r--) {
      at[r] += at[r + 1];
    }
    return legs;
  }

  /**
   * One gauge's thresholds by rank, turned around: for a figure, the ranks above the first whose
   * threshold it reaches, as bits. The distinct thresholds are sorted; a figure reaching the
   * first {@code i} of them allows {@code allowed[i]}. Found by counting the thresholds reached
   * from the lowest, which for most figures stops at once.
   */
  static final class Gauge {
    private final long[] steps;
    private final long[] allowed;
    /** The lowest threshold: a figure below it allows no rank above the first. */
    final long lowest;

    /** @param minimum each rank's threshold, {@link Computation#NONE} where none is asked */
    Gauge(long[] minimum) {
      steps = Arrays.stream(minimum, 1, minimum.length).distinct().sorted().toArray();
      allowed = new long[steps.length + 1];
      lowest = steps.length == 0 ? Long.MAX_VALUE : steps[0];
      for (int i = 1; i <= steps.length; i++) {
        for (int r = 1; r < minimum.length; r++) {
          if (minimum[r] <= steps[i - 1]) {
            allowed[i] |= 1L << r;
          }
        }
      }
    }

    /**
     * {@link #ranks} for a figure known to reach the {@link #lowest} threshold: at once for a
     * gauge of one threshold (the doTERRA-like plan's personal volume, say, the same at every
     * rank, or a count no rank asks for).
     */
    long ranksPastFloor(long figure) {
      return steps.length == 1 ? allowed[1] : ranks(figure);
    }

    /** {@return the ranks above the first whose threshold {@code figure} reaches, as bits} */
    long ranks(long figure) {
      int i = 0;
      for (long step : steps) {
        i += figure >= step ? 1 : 0;
      }
      return allowed[i];
    }
  }

  /** Whether the legs counted by {@link #countLegs} hold each rank asked as often as asked. */
  private boolean legsMet(int[] rank, int[] count) {
    for (int i = 0; i < rank.length; i++) {
      if (legsAtLeast[rank[i]] < count[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether distributor v meets the requirements of {@code rank} other than the four gauge
   * thresholds, as the evaluation stands.
   */
  boolean othersMet(int rank, int v) {
    return allMet(others[rank], v);
  }

  /**
   * The highest rank whose requirements this distributor meets, the requirements the overrides
   * waive for them counted as met.
   */
  int paidAs(int v, OverrideIndex.At o) {
    if (o.waived.length == 0) {
      return paidAs(v);
    }
    for (int r = ranks - 1; r > 0; r--) {
      if (metWaiving(r, v, o)) {
        return r;
      }
    }
    return 0;
  }

  /** Whether the distributor meets every requirement of the rank, waived ones counted as met. */
  boolean met(int rank, int v) {
    OverrideIndex.At o = computation.overrideAt(v);
    return o == null || o.waived.length == 0 ? allMet(all[rank], v) : metWaiving(rank, v, o);
  }

  /**
   * Whether distributor v meets requirement {@code position} (from 0, in the plan's order) of the
   * rank, or an override waives it for them: the one "met" that advice, gap reports and the
   * paid-as rank share.
   */
  boolean met(int rank, int position, int v) {
    return waived(rank, position, v) || all[rank][position].met(v);
  }

  /** Whether an override waives requirement {@code position} of the rank for distributor v. */
  boolean waived(int rank, int position, int v) {
    OverrideIndex.At o = computation.overrideAt(v);
    return o != null && o.waived.length > 0 && o.waived(rank, position);
  }

  /**
   * The threshold of a gauge that the rank asks of distributor v, its waived requirements left
   * out: in units for volumes ({@link Computation#NONE} where none is asked), a count for
   * customers and distributors (0 where none is asked).
   */
  long minimum(int rank, Metric m, int v) {
    OverrideIndex.At o = computation.overrideAt(v);
    if (o == null || o.waived.length == 0) {
      return switch (m) {
        case PERSONAL_SALES -> minPersonal[rank];
        case GROUP_SALES -> minGroup[rank];
        case ACTIVE_PERSONAL_CUSTOMERS -> minCustomers[rank];
        case ACTIVE_PERSONAL_DISTRIBUTORS -> minDistributors[rank];
      };
    }
    boolean count = m == Metric.ACTIVE_PERSONAL_CUSTOMERS
        || m == Metric.ACTIVE_PERSONAL_DISTRIBUTORS;
    long min = count ? 0 : Computation.NONE;
    Rule[] rules = all[rank];
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] instanceof MetricRule r && r.metric == m && !o.waived(rank, i)) {
        min = Math.max(min, r.units);
      }
    }
    return min;
  }

  private boolean metWaiving(int rank, int v, OverrideIndex.At o) {
    Rule[] rules = all[rank];
    for (int i = 0; i < rules.length; i++) {
      if (!o.waived(rank, i) && !rules[i].met(v)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allMet(Rule[] rules, int v) {
    for (Rule rule : rules) {
      if (!rule.met(v)) {
        return false;
      }
    }
    return true;
  }

  private Rule compile(Requirement q) {
    Rule rule = q.accept(compiler);
    if (rule.aggregates()) {
      aggregators.add(rule);
    }
    if (rule.aggregatesPlacement()) {
      placementAggregators.add(rule);
    }
    if (rule.countsPlacementLevels()) {
      placementCounters.add(rule);
    }
    if (rule.foldsPlacementFigures()) {
      placementFolders.add(rule);
    }
    return rule;
  }

  /** Each kind of requirement compiled to its rule; the compiler checks that none is missing. */
  private final Requirement.Visitor<Rule> compiler = new Requirement.Visitor<>() {
    @Override
    public Rule visit(Requirement.PersonalVolume q) {
      if (q.volumeType().isPresent()) {
        return new Rules.VolumeOfType(computation, q, q.volume(), false);
      }
      return new MetricRule(computation, q, Metric.PERSONAL_SALES, computation.units.threshold(q.volume()));
    }

    @Override
    public Rule visit(Requirement.GroupVolume q) {
      if (q.volumeType().isPresent()) {
        return new Rules.VolumeOfType(computation, q, q.volume(), true);
      }
      return new MetricRule(computation, q, Metric.GROUP_SALES, computation.units.threshold(q.volume()));
    }

    @Override
    public Rule visit(Requirement.ActivePersonalCustomers q) {
      return new MetricRule(computation, q, Metric.ACTIVE_PERSONAL_CUSTOMERS, q.count());
    }

    @Override
    public Rule visit(Requirement.ActivePersonalDistributors q) {
      return new MetricRule(computation, q, Metric.ACTIVE_PERSONAL_DISTRIBUTORS, q.count());
    }

    @Override
    public Rule visit(Requirement.SponsoredWithRank q) {
      return new FrontLineRank(computation, q, q.count(), level(q.rank()),
          Requirement.RankBasis.PAID_AS, Requirement.Tree.SPONSOR);
    }

    @Override
    public Rule visit(Requirement.LegsWithRank q) {
      Requirement.RankBasis title = q.basis();
      titles |= title == Requirement.RankBasis.TITLE;
      return switch (q.reach()) {
        case FRONT_LINE ->
            new FrontLineRank(computation, q, q.count(), level(q.rank()), title, q.tree());
        case ANYWHERE -> {
          subtreeRanks |= title == Requirement.RankBasis.PAID_AS
              && q.tree() == Requirement.Tree.SPONSOR;
          yield new LegRankAnywhere(computation, q, q.count(), level(q.rank()), title, q.tree());
        }
        case WITHIN_LEVELS -> new LegRankWithin(computation, q, q.count(), level(q.rank()), title,
            q.levels(), q.tree());
      };
    }

    @Override
    public Rule visit(Requirement.LegsWithVolume q) {
      return new LegsWithVolume(computation, q);
    }

    @Override
    public Rule visit(Requirement.CappedGroupVolume q) {
      return new CappedGroupVolume(computation, q);
    }

    @Override
    public Rule visit(Requirement.LevelGroupVolume q) {
      return new LevelGroupVolume(computation, q);
    }

    @Override
    public Rule visit(Requirement.PersonalGroupVolume q) {
      return new PersonalGroupVolume(computation, q, level(q.breakawayRank()));
    }

    @Override
    public Rule visit(Requirement.ActiveLegs q) {
      return new ActiveLegs(computation, q);
    }

    @Override
    public Rule visit(Requirement.PaidAsInPeriods q) {
      return new Rules.PaidAsInPeriods(computation, q, level(q.rank()));
    }

    @Override
    public Rule visit(Requirement.AccumulatedVolume q) {
      return new Rules.AccumulatedVolume(computation, q);
    }

    @Override
    public Rule visit(Requirement.JoinedWithinDays q) {
      return new Rules.JoinedWithinDays(computation, q);
    }

    @Override
    public Rule visit(Requirement.SideVolume q) {
      return new PlacementRules.SideVolume(computation, q);
    }

    @Override
    public Rule visit(Requirement.SponsoredOnEachSide q) {
      return new PlacementRules.SponsoredOnEachSide(computation, q,
          q.rank().map(Ladder.this::level).orElse(-1));
    }

    @Override
    public Rule visit(Requirement.RankOnEachSide q) {
      return new PlacementRules.RankOnEachSide(computation, q, level(q.rank()));
    }

    @Override
    public Rule visit(Requirement.MatrixPositions q) {
      return new PlacementRules.MatrixPositions(computation, q);
    }

    @Override
    public Rule visit(Requirement.Range q) {
      return new Rules.Range(computation, q);
    }

    @Override
    public Rule visit(Requirement.AnyOf q) {
      Rule[][] paths = new Rule[q.paths().size()][];
      for (int i = 0; i < paths.length; i++) {
        List<Requirement> reqs = q.paths().get(i).requirements();
        paths[i] = new Rule[reqs.size()];
        for (int j = 0; j < reqs.size(); j++) {
          paths[i][j] = compile(reqs.get(j));
        }
      }
      return new AnyOf(computation, q, paths);
    }

    @Override
    public Rule visit(Requirement.Host q) {
      legFacts = true;
      return new HostRule(computation, q);
    }
  };

  /**
   * What the rule of one requirement keeps per distributor, in bytes, as its constructor in
   * {@link Rules} allocates it; an {@code anyOf} keeps nothing of its own (its paths' rules are
   * counted one by one). The four gauge thresholds are inlined and keep nothing; host rules share
   * the leg facts of {@link Computation}.
   */
  static long bytesPerDistributor(Requirement q) {
    return q.accept(BYTES);
  }

  private static final Requirement.Visitor<Long> BYTES = new Requirement.Visitor<>() {
    @Override
    public Long visit(Requirement.PersonalVolume q) {
      return 0L;
    }

    @Override
    public Long visit(Requirement.GroupVolume q) {
      return 0L;
    }

    @Override
    public Long visit(Requirement.ActivePersonalCustomers q) {
      return 0L;
    }

    @Override
    public Long visit(Requirement.ActivePersonalDistributors q) {
      return 0L;
    }

    @Override
    public Long visit(Requirement.SponsoredWithRank q) {
      return (long) Integer.BYTES; // FrontLineRank.qualified
    }

    @Override
    public Long visit(Requirement.LegsWithRank q) {
      return switch (q.reach()) {
        case FRONT_LINE -> (long) Integer.BYTES; // FrontLineRank.qualified
        case ANYWHERE -> 1L + Integer.BYTES; // LegRankAnywhere.best, qualified
        case WITHIN_LEVELS -> (long) q.levels() + Integer.BYTES + 1; // best, qualified, legQualifies
      };
    }

    @Override
    public Long visit(Requirement.LegsWithVolume q) {
      return (long) q.slots().size() * Long.BYTES; // LegsWithVolume.top
    }

    @Override
    public Long visit(Requirement.CappedGroupVolume q) {
      return (long) Long.BYTES + Integer.BYTES; // below, atCap
    }

    @Override
    public Long visit(Requirement.LevelGroupVolume q) {
      return (q.levels() + 1L) * Long.BYTES; // lv
    }

    @Override
    public Long visit(Requirement.PersonalGroupVolume q) {
      return (long) Long.BYTES + Integer.BYTES; // below, breakaways
    }

    @Override
    public Long visit(Requirement.ActiveLegs q) {
      return 1L + Integer.BYTES; // hasActive, activeLegs
    }

    @Override
    public Long visit(Requirement.PaidAsInPeriods q) {
      return 0L; // reads the history's columns in place
    }

    @Override
    public Long visit(Requirement.AccumulatedVolume q) {
      return 0L;
    }

    @Override
    public Long visit(Requirement.JoinedWithinDays q) {
      return 0L;
    }

    @Override
    public Long visit(Requirement.SideVolume q) {
      return 0L; // reads the placement volumes, one array for every side rule
    }

    @Override
    public Long visit(Requirement.SponsoredOnEachSide q) {
      return 2L * Integer.BYTES; // left, right
    }

    @Override
    public Long visit(Requirement.RankOnEachSide q) {
      return (long) Integer.BYTES; // below
    }

    @Override
    public Long visit(Requirement.MatrixPositions q) {
      return (long) Integer.BYTES * q.levels(); // perLevel
    }

    @Override
    public Long visit(Requirement.Range q) {
      return switch (q.of()) {
        case DOWNLINE_VOLUME -> q.levels() == 0 ? 0L : (q.levels() + 1L) * Long.BYTES; // lv
        case LARGEST_LEG_PERCENT -> (long) Long.BYTES; // largest
        default -> 0L;
      };
    }

    @Override
    public Long visit(Requirement.AnyOf q) {
      return 0L;
    }

    @Override
    public Long visit(Requirement.Host q) {
      return 0L;
    }
  };

  private int level(String code) {
    return computation.plan.rankLevel(code);
  }
}
