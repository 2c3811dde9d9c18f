package dev.rankgauge;

import dev.rankgauge.spi.RuleAdvice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Works out the {@link Advice} of one distributor from a finished {@link Computation}, without
 * changing it: the steps are drafted greedily, requirement by requirement, each from what the
 * steps before it add; then a model of the rank's requirements under the added orders (the same
 * arithmetic as {@link Rules}, on the distributor, their customers and their legs only) checks
 * that the steps reach the rank and drops every step the rest do not need. Cost: the
 * distributor's customers and children, times the steps; a leg is searched only for a rank
 * qualifier. See docs/advice.md.
 */
final class Adviser {
  private static final long SECOND = 1_000_000_000L;

  private final Computation c;
  private final ResultAssembler results;
  private final Computation.Activity customerRule;
  private final Computation.Activity distributorRule;
  private final long selfCap;
  private final boolean withCustomers;
  /** When the hypothetical orders are placed, in nanoseconds; NONE if no order can count. */
  private final long at;
  private final String volumeType;

  Adviser(Computation c, ResultAssembler results) {
    this.c = c;
    this.results = results;
    this.customerRule = Computation.Activity.of(c.plan.customerActivity(), c.units, c.asOf, c.zone);
    this.distributorRule =
        Computation.Activity.of(c.plan.distributorActivity(), c.units, c.asOf, c.zone);
    this.selfCap = c.plan.personalVolume().selfPurchaseCap().map(c.units::cap)
        .orElse(Long.MAX_VALUE);
    this.withCustomers = c.plan.personalVolume().includeCustomerOrders();
    long end = c.periodSeenEnd;
    // A second before what counting sees, so that the orders count as of the same instant.
    this.at = end - SECOND >= c.periodStart ? end - SECOND
        : end - 1 >= c.periodStart ? end - 1 : Computation.NONE;
    this.volumeType = c.plan.qualifyingVolumeType();
  }

  Optional<Advice> advise(int v) {
    int t = c.paidAs[v] + 1;
    if (t >= c.rankCount) {
      return Optional.empty();
    }
    Plan plan = plan(v, t, true);
    Ids ids = new Ids(c.org.distributorId(v));
    List<AdviceStep> steps = new ArrayList<>();
    for (Draft d : plan.drafts) {
      steps.add(d.step(ids));
    }
    List<Rank> ranks = c.plan.ranks();
    LocalDate by = c.period.end();
    return Optional.of(new Advice(c.org.distributor(v), ranks.get(c.paidAs[v]), ranks.get(t), by,
        steps, plan.complete));
  }

  // --- drafts ----------------------------------------------------------------------------------

  /**
   * A hypothetical order: a buyer (customer or distributor index) and its volume in units, of
   * {@code type}, or of the qualifying type where null (the order's other types then 0).
   */
  private record Buy(boolean customer, int buyer, long units, String type) {
    Buy(boolean customer, int buyer, long units) {
      this(customer, buyer, units, null);
    }
  }

  /** A step being worked out: indices and units, turned into a public step at the end. */
  private final class Draft {
    final AdviceStep.Kind kind;
    final Rules.Rule rule;
    final List<Integer> people = new ArrayList<>();
    final List<Integer> customers = new ArrayList<>();
    final List<Integer> legs = new ArrayList<>();
    final List<Integer> notHelping = new ArrayList<>();
    final List<Buy> buys = new ArrayList<>();
    /** For a leg qualifier, the leg it qualifies; -1 otherwise. */
    int leg = -1;
    int count;
    /** For a side of the placement tree, its position; 0 otherwise. */
    int side;
    int rank = -1;
    String note = "";
    List<Draft> inner = List.of();
    /** Whether orders take the step; false for new people and requirements not worked out. */
    boolean concrete;
    List<Order> orders;
    /**
     * The volume type of the step's amount when the requirement reads another type than the
     * qualifying one; null otherwise.
     */
    final String type;

    Draft(AdviceStep.Kind kind, Rules.Rule rule) {
      this.kind = kind;
      this.rule = rule;
      this.type = typeOf(rule.requirement);
    }

    /** The qualifying volume the step's own orders add: its cost. */
    long units() {
      long sum = 0;
      for (Buy b : buys) {
        sum += b.type == null ? b.units : 0;
      }
      return sum;
    }

    /** The volume of the step's own type that its orders add. */
    long typedUnits() {
      long sum = 0;
      for (Buy b : buys) {
        sum += b.type != null && b.type.equals(type) ? b.units : 0;
      }
      return sum;
    }

    void buy(boolean customer, int buyer, long units) {
      buys.add(new Buy(customer, buyer, units, type));
      concrete = at != Computation.NONE;
    }

    List<Order> orders(Ids ids) {
      if (orders == null) {
        List<Order> out = new ArrayList<>();
        if (concrete) {
          for (Draft d : inner) {
            out.addAll(d.orders(ids));
          }
          for (Buy b : buys) {
            out.add(order(ids.next(), b));
          }
        }
        orders = List.copyOf(out);
      }
      return orders;
    }

    AdviceStep step(Ids ids) {
      List<FocusEntry> ps = new ArrayList<>();
      for (int d : people) {
        ps.add(results.distributorEntry(d));
      }
      for (int cu : customers) {
        ps.add(results.customerEntry(cu));
      }
      List<AdviceStep> innerSteps = new ArrayList<>();
      for (Draft d : inner) {
        innerSteps.add(d.step(ids));
      }
      List<Order> os = orders(ids);
      return new AdviceStep(kind, rule.requirement, ps, entries(legs), entries(notHelping),
          plain(c.units.decimal(type != null ? typedUnits() : units() + inner(this))),
          count, side, rank < 0 ? Optional.empty() : Optional.of(c.plan.ranks().get(rank)), note,
          innerSteps, os);
    }
  }

  /** A volume without trailing zeros, never in exponent form: 60, not 60.000 or 6E+1. */
  static BigDecimal plain(BigDecimal x) {
    BigDecimal s = x.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private List<FocusEntry> entries(List<Integer> distributors) {
    List<FocusEntry> out = new ArrayList<>();
    for (int d : distributors) {
      out.add(results.distributorEntry(d));
    }
    return out;
  }

  /** Order ids for one advice: the distributor's id and a number, never one of the data's. */
  private final class Ids {
    private final String prefix;
    private int n;

    Ids(String distributor) {
      this.prefix = "advice-" + distributor + "-";
    }

    String next() {
      String id;
      do {
        id = prefix + ++n;
      } while (c.org.orderIndexOf(id) >= 0
          || c.overlay != null && c.overlay.find(id) != null);
      return id;
    }
  }

  private Order order(String id, Buy b) {
    Map<String, BigDecimal> volumes = new TreeMap<>();
    BigDecimal zero = c.units.decimal(0);
    for (String type : c.plan.volumeTypes()) {
      volumes.put(type, zero);
    }
    volumes.put(b.type == null ? volumeType : b.type, c.units.decimal(b.units));
    String buyer = b.customer ? c.org.customer(b.buyer).id() : c.org.distributorId(b.buyer);
    return new Order(id, b.customer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR, buyer,
        Organisation.instant(at), OrderStatus.PAID, volumes, BigDecimal.ZERO);
  }

  // --- the plan --------------------------------------------------------------------------------

  /** The drafts for one distributor and rank, and whether they reach it. */
  private static final class Plan {
    final List<Draft> drafts = new ArrayList<>();
    boolean complete = true;
  }

  /**
   * What a plan aims at: the requirements of a rank for distributor v, those an override waives
   * for v marked, and the gauges' thresholds; or the same with an {@code anyOf} replaced by the
   * requirements of one of its paths ({@link #withPath}).
   */
  private final class Goal {
    final int rank;
    final int v;
    final Rules.Rule[] rules;
    private final boolean[] waived;
    private final long[] minimum;
    /** The rules of the paths taken, each with its path's name. */
    final Map<Rules.Rule, String> pathOf;
    /** The ranks whose requirements the goal holds: the rank aimed at, and those to be paid as. */
    final java.util.Set<Integer> ranks;

    Goal(int t, int v) {
      this.rank = t;
      this.v = v;
      this.rules = c.ladder.all[t];
      this.waived = new boolean[rules.length];
      for (int i = 0; i < rules.length; i++) {
        waived[i] = c.ladder.waived(t, i, v);
      }
      this.minimum = new long[Metric.values().length];
      for (Metric m : Metric.values()) {
        minimum[m.ordinal()] = c.ladder.minimum(t, m, v);
      }
      this.pathOf = Map.of();
      this.ranks = java.util.Set.of(t);
    }

    private Goal(int rank, int v, Rules.Rule[] rules, boolean[] waived, long[] minimum,
        Map<Rules.Rule, String> pathOf, java.util.Set<Integer> ranks) {
      this.rank = rank;
      this.v = v;
      this.rules = rules;
      this.waived = waived;
      this.minimum = minimum;
      this.pathOf = pathOf;
      this.ranks = ranks;
    }

    /** Whether an override waives requirement i for v. */
    boolean waived(int i) {
      return waived[i];
    }

    /** Whether requirement i is met now, or waived. */
    boolean met(int i) {
      return waived[i] || rules[i].met(v);
    }

    /** The gauge's threshold ({@link Ladder#minimum}), a path's gauge requirements included. */
    long minimum(Metric m) {
      return minimum[m.ordinal()];
    }

    /**
     * Copies every requirement but the one at position i, with its waiver, to the front of rs and
     * w; returns how many it copied.
     */
    private int allBut(int i, Rules.Rule[] rs, boolean[] w) {
      int k = 0;
      for (int j = 0; j < rules.length; j++) {
        if (j != i) {
          rs[k] = rules[j];
          w[k++] = waived[j];
        }
      }
      return k;
    }

    /** The same goal with the {@code anyOf} at position i replaced by the rules of path p. */
    Goal withPath(int i, int p) {
      Rules.AnyOf any = (Rules.AnyOf) rules[i];
      Rules.Rule[] path = any.path(p);
      Rules.Rule[] rs = new Rules.Rule[rules.length - 1 + path.length];
      boolean[] w = new boolean[rs.length];
      int k = allBut(i, rs, w);
      long[] min = minimum.clone();
      Map<Rules.Rule, String> names = new HashMap<>(pathOf);
      for (Rules.Rule r : path) {
        rs[k++] = r;
        names.put(r, any.pathName(p));
        if (r instanceof Rules.MetricRule m) {
          int o = m.metric.ordinal();
          // NONE, the least long, is "no threshold": any threshold is above it.
          min[o] = Math.max(min[o], m.units);
        }
      }
      return new Goal(rank, v, rs, w, min, names, ranks);
    }

    /**
     * Whether requirement i asks to be paid as a rank in periods that this one can still make,
     * and the closed periods alone do not make the count: v has to meet that rank's
     * requirements this period, whether it meets them now or not (met now, the steps must not
     * unmake them: more personal volume lowers the largest leg's share, say). Not where the
     * goal holds that rank's requirements already (taken in for another requirement): meeting
     * the goal meets them, and the requirement with them.
     */
    boolean toBePaidAs(int i) {
      return rules[i] instanceof Rules.PaidAsInPeriods p && !waived[i] && p.reachable(v)
          && !p.metByClosedPeriods(v) && !ranks.contains(p.rank());
    }

    /**
     * The same goal with the requirement at position i, to be paid as rank r in periods this
     * one can still make, replaced by rank r's requirements (their waivers for v kept).
     */
    Goal withRank(int i, int r) {
      Rules.Rule[] more = c.ladder.all[r];
      Rules.Rule[] rs = new Rules.Rule[rules.length - 1 + more.length];
      boolean[] w = new boolean[rs.length];
      int k = allBut(i, rs, w);
      for (int j = 0; j < more.length; j++) {
        rs[k] = more[j];
        w[k++] = c.ladder.waived(r, j, v);
      }
      long[] min = minimum.clone();
      for (Metric m : Metric.values()) {
        min[m.ordinal()] = Math.max(min[m.ordinal()], c.ladder.minimum(r, m, v));
      }
      java.util.Set<Integer> rks = new java.util.HashSet<>(ranks);
      rks.add(r);
      return new Goal(rank, v, rs, w, min, pathOf, rks);
    }
  }

  /** Drafts the steps from distributor v's rank to rank t: {@link #plan(int, Goal, boolean)}. */
  private Plan plan(int v, int t, boolean nest) {
    return plan(v, new Goal(t, v), nest);
  }

  /**
   * Drafts the steps towards a goal, checks them with the model and drops those not needed. With
   * {@code nest}, a leg's closest person gets steps of their own. An {@code anyOf} not met is
   * advised path by path, each as a goal of its own; the cheapest complete plan is taken (then
   * the cheapest; then the one with the fewest steps orders cannot take; then the first path),
   * its steps named with their path.
   */
  private Plan plan(int v, Goal g, boolean nest) {
    for (int i = 0; i < g.rules.length; i++) {
      if (g.rules[i] instanceof Rules.AnyOf any && !g.met(i)) {
        Plan best = null;
        for (int p = 0; p < any.pathCount(); p++) {
          Plan sub = plan(v, g.withPath(i, p), nest);
          if (best == null || better(sub, best)) {
            best = sub;
          }
        }
        if (best.complete) {
          // Against every path: a step another path reaches the rank without is dropped too.
          prune(best, v, g);
        }
        return best;
      }
      if (g.toBePaidAs(i)) {
        // Paid as a rank in periods this one can still make: that rank's requirements this
        // period, advised with the rest.
        Plan sub = plan(v, g.withRank(i, ((Rules.PaidAsInPeriods) g.rules[i]).rank()), nest);
        if (sub.complete) {
          prune(sub, v, g);
        }
        return sub;
      }
    }
    Plan plan = new Plan();
    Rules.Rule[] rules = g.rules;
    // A requirement an override waives for v counts as met: no step is drafted for it.
    // 1. Legs or sides without a qualifier: the closest person in each, with their own steps.
    for (int i = 0; i < rules.length; i++) {
      if (qualifier(rules[i].requirement) && !g.met(i)) {
        if (sideQualifier(rules[i])) {
          sideQualifiers(plan, v, rules[i], nest);
        } else {
          qualifiers(plan, v, rules[i], nest);
        }
      }
    }
    // 2. Customers to win back: the most recent and most frequent buyers first.
    int needCustomers = (int) g.minimum(Metric.ACTIVE_PERSONAL_CUSTOMERS)
        - new Model(v, plan.drafts, -1).activeCustomers;
    if (needCustomers > 0) {
      winBack(plan, v, metricRule(g, v, Metric.ACTIVE_PERSONAL_CUSTOMERS), needCustomers);
    }
    // 3. Personally sponsored distributors to activate: the least volume first.
    int needDistributors = (int) g.minimum(Metric.ACTIVE_PERSONAL_DISTRIBUTORS)
        - new Model(v, plan.drafts, -1).activeDistributors;
    if (needDistributors > 0) {
      activate(plan, v, metricRule(g, v, Metric.ACTIVE_PERSONAL_DISTRIBUTORS), needDistributors);
    }
    // 3a. At least some active personal customers or distributors, as a range: the same way.
    countRanges(plan, v, g);
    // 3c. The placement tree: personally sponsored distributors to activate on a side, members
    // to activate in the first levels of a matrix.
    placementPeople(plan, v, g);
    // 3b. Legs without an active distributor: the leg's top, the cheapest first.
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] instanceof Rules.ActiveLegs q && !g.waived(i)) {
        activeLegs(plan, v, rules[i], q);
      }
    }
    // 4. Personal volume.
    long pv = g.minimum(Metric.PERSONAL_SALES);
    if (pv != Computation.NONE) {
      long need = pv - new Model(v, plan.drafts, -1).personal(v);
      if (need > 0) {
        Draft d = new Draft(AdviceStep.Kind.PERSONAL_VOLUME, metricRule(g, v, Metric.PERSONAL_SALES));
        volume(d, v, need, false, new Model(v, plan.drafts, -1));
        plan.drafts.add(d);
      }
    }
    // 4b. Personal volume over several periods: this period's own orders, if the closed ones
    // let it be met at all.
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] instanceof Rules.AccumulatedVolume q
          && !g.waived(i)) {
        accumulated(plan, v, rules[i], q);
      }
    }
    // 5. Leg volume slots, then capped group volume: in the legs where volume counts.
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].requirement instanceof Requirement.LegsWithVolume q && !g.waived(i)) {
        legSlots(plan, v, rules[i], q);
      }
    }
    for (int i = 0; i < rules.length; i++) {
      if (rules[i].requirement instanceof Requirement.CappedGroupVolume q && !g.waived(i)) {
        capped(plan, v, rules[i], q);
      }
    }
    // 5b. Volume on the sides of the placement tree.
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] instanceof PlacementRules.SideVolume q && ofQualifying(q.requirement)
          && !g.waived(i)) {
        sides(plan, v, rules[i], q);
      }
    }
    // 6. Group volume: what is still missing, anywhere.
    long gv = g.minimum(Metric.GROUP_SALES);
    if (gv != Computation.NONE) {
      long need = gv - new Model(v, plan.drafts, -1).group;
      if (need > 0) {
        Draft d = new Draft(AdviceStep.Kind.GROUP_VOLUME, metricRule(g, v, Metric.GROUP_SALES));
        volume(d, v, need, true, new Model(v, plan.drafts, -1));
        plan.drafts.add(d);
      }
    }
    // 6b. Group volume of the first levels, and personal group volume: own orders count in
    // both, whatever the levels and breakaways below.
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] instanceof Rules.LevelGroupVolume q && !g.waived(i)) {
        Model now = new Model(v, plan.drafts, -1);
        long need = q.required() - now.levelVolume(q);
        if (need > 0 && !now.levelsMoved(q)) {
          Draft d = new Draft(AdviceStep.Kind.GROUP_VOLUME, rules[i]);
          // On the placement tree a personally sponsored distributor need not be on the first
          // level: own orders (and customers') only, which are at level 0 on either tree.
          volume(d, v, need, q.levels() >= 1 && sponsorLegs(q.requirement), now);
          plan.drafts.add(d);
        }
      }
    }
    // 6c. At least some personal or group volume, as a range: what is missing of the least, in
    // own orders (and for group volume in the legs' active tops); the model checks the most.
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] instanceof Rules.Range q && volumeRange(q.requirement) && !g.waived(i)) {
        Model now = new Model(v, plan.drafts, -1);
        boolean group = q.of() == Requirement.Figure.GROUP_VOLUME;
        String type = typeOf(q.requirement);
        long x = group ? now.groupOf(type) : now.personalOf(type, v);
        if (q.least() != Long.MIN_VALUE && x < q.least()) {
          Draft d = new Draft(group ? AdviceStep.Kind.GROUP_VOLUME
              : AdviceStep.Kind.PERSONAL_VOLUME, rules[i]);
          volume(d, v, q.least() - x, group, now);
          plan.drafts.add(d);
        }
      }
    }
    // 6d. At least some downline volume, and the largest leg's share, as ranges.
    legRanges(plan, v, g);
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] instanceof Rules.PersonalGroupVolume q && !g.waived(i)) {
        Model now = new Model(v, plan.drafts, -1);
        long need = q.required() - now.personalGroup(q);
        if (need > 0) {
          Draft d = new Draft(AdviceStep.Kind.GROUP_VOLUME, rules[i]);
          volume(d, v, need, false, now);
          plan.drafts.add(d);
        }
      }
    }
    // 6e. Personal, group and side volume of another type than the qualifying one: orders that
    // carry that type only (the kinds above draft theirs in the type they read).
    for (int i = 0; i < rules.length; i++) {
      if (!typedHandled(rules[i].requirement) || g.waived(i)) {
        continue;
      }
      Model now = new Model(v, plan.drafts, -1);
      if (rules[i] instanceof Rules.VolumeOfType q) {
        String type = typeOf(q.requirement);
        long need = q.threshold() - (q.group() ? now.groupOf(type) : now.personalOf(type, v));
        if (need > 0) {
          Draft d = new Draft(q.group() ? AdviceStep.Kind.GROUP_VOLUME
              : AdviceStep.Kind.PERSONAL_VOLUME, rules[i]);
          d.buy(false, v, need);
          plan.drafts.add(d);
        }
      } else if (rules[i] instanceof PlacementRules.SideVolume q) {
        sides(plan, v, rules[i], q);
      }
    }
    // 7. Host rules, requirements no order of this period meets, and the kinds advice does not
    // work out.
    for (int i = 0; i < rules.length; i++) {
      Rules.Rule rule = rules[i];
      Requirement q = rule.requirement;
      if (q instanceof Requirement.Range r && !g.waived(i) && !rule.met(v)
          && (r.of() == Requirement.Figure.DAYS_SINCE_JOINED
              || r.of() != Requirement.Figure.LARGEST_LEG_PERCENT
                  && rule.status(v).exceeded())) {
        // Days since joining, or a figure above its most: orders only add volume and people.
        plan.drafts.add(new Draft(AdviceStep.Kind.OUT_OF_REACH, rule));
        continue;
      }
      if (handled(q) || g.waived(i)) {
        continue;
      }
      if (q instanceof Requirement.Host && rule.met(v)) {
        // A host rule may ask anything: met now is no promise that it stays met.
        plan.complete = false;
        continue;
      }
      if (rule.met(v)) {
        continue;
      }
      if (rule instanceof Rules.PaidAsInPeriods p && p.reachable(v)
          && g.ranks.contains(p.rank())) {
        // The goal holds that rank's requirements already (taken in for another requirement):
        // the steps that meet them make this period count here too. No step of its own.
        continue;
      }
      if (q instanceof Requirement.JoinedWithinDays
          || rule instanceof Rules.PaidAsInPeriods p && !p.reachable(v)) {
        // The join date, or the closed periods, decide it: nothing done this period changes it.
        plan.drafts.add(new Draft(AdviceStep.Kind.OUT_OF_REACH, rule));
        continue;
      }
      if (rule instanceof HostRule hr) {
        List<RuleAdvice> advice = hr.advise(v);
        for (RuleAdvice a : advice) {
          plan.drafts.add(host(rule, a));
        }
        if (!advice.isEmpty()) {
          continue;
        }
      }
      Draft d = new Draft(AdviceStep.Kind.OTHER, rule);
      plan.drafts.add(d);
    }
    for (Draft d : plan.drafts) {
      plan.complete &= d.concrete;
    }
    if (plan.complete) {
      plan.complete = new Model(v, plan.drafts, -1).meets(g);
    }
    if (plan.complete) {
      prune(plan, v, g);
    }
    // Steps of another volume type cost no qualifying volume: among them, the least of theirs
    // first.
    plan.drafts.sort(Comparator.comparing((Draft d) -> !d.concrete)
        .thenComparingLong(d -> d.units() + inner(d)).thenComparingLong(Draft::typedUnits));
    for (Draft d : plan.drafts) {
      if (d.kind != AdviceStep.Kind.HOST && g.pathOf.containsKey(d.rule)) {
        d.note = g.pathOf.get(d.rule);
      }
    }
    return plan;
  }

  /**
   * Whether plan a is the better of two paths' plans: complete first, then the cheaper (the cost
   * the steps are ranked by), then fewer steps that orders cannot take.
   */
  private static boolean better(Plan a, Plan b) {
    if (a.complete != b.complete) {
      return a.complete;
    }
    long ca = cost(a);
    long cb = cost(b);
    if (ca != cb) {
      return ca < cb;
    }
    return notConcrete(a) < notConcrete(b);
  }

  private static int notConcrete(Plan p) {
    int n = 0;
    for (Draft d : p.drafts) {
      n += d.concrete ? 0 : 1;
    }
    return n;
  }

  private static long inner(Draft d) {
    long sum = 0;
    for (Draft i : d.inner) {
      sum += i.units() + inner(i);
    }
    return sum;
  }

  /**
   * Drops, most costly first, every step the others reach the rank without, until none can be
   * dropped. A step kept was needed with the steps still there when it was tried; once a step
   * after it is dropped, it is tried again: fewer orders can meet what more orders break (a
   * largest leg's share at most some percent: an activation in the largest leg can be what made
   * own volume needed), so a step that only a dropped one made needed is dropped too.
   */
  private void prune(Plan plan, int v, Goal g) {
    List<Draft> byCost = new ArrayList<>(plan.drafts);
    // Steps of another type cost no qualifying volume: among them, the most of their type first.
    byCost.sort(Comparator.comparingLong((Draft d) -> d.units() + inner(d))
        .thenComparingLong(Draft::typedUnits).reversed());
    boolean again = true;
    while (again) {
      again = false;
      boolean kept = false;
      for (Draft d : byCost) {
        int i = plan.drafts.indexOf(d);
        if (i < 0) {
          continue;
        }
        if (new Model(v, plan.drafts, i).meets(g)) {
          plan.drafts.remove(i);
          // The steps kept so far were tried with this one in: try them again.
          again |= kept;
        } else {
          kept = true;
        }
      }
    }
  }

  /**
   * Whether a requirement reads the qualifying volume type. A requirement of another type (such
   * as side volume in BV) is advised in that type: its steps' orders carry that type only.
   */
  private static boolean ofQualifying(Requirement q) {
    return q.volumeType().isEmpty();
  }

  /** The volume type a requirement reads when it is not the qualifying one; else null. */
  private static String typeOf(Requirement q) {
    return q == null ? null : q.volumeType().orElse(null);
  }

  /**
   * Whether a requirement of another volume type than the qualifying one is advised in step 6e:
   * personal or group volume of the type (not a gauge), side volume of the type.
   */
  private static boolean typedHandled(Requirement q) {
    return !ofQualifying(q) && (q instanceof Requirement.PersonalVolume
        || q instanceof Requirement.GroupVolume || q instanceof Requirement.SideVolume
        || q instanceof Requirement.AccumulatedVolume);
  }

  private static boolean handled(Requirement q) {
    // Every kind that reads volume is advised in the type it reads.
    return typedHandled(q) || q instanceof Requirement.PersonalVolume
        || q instanceof Requirement.GroupVolume
        || q instanceof Requirement.ActivePersonalCustomers
        || q instanceof Requirement.ActivePersonalDistributors
        || q instanceof Requirement.LegsWithVolume
        || q instanceof Requirement.CappedGroupVolume
        || q instanceof Requirement.ActiveLegs || q instanceof Requirement.AccumulatedVolume
        || q instanceof Requirement.LevelGroupVolume
        || q instanceof Requirement.PersonalGroupVolume
        || volumeRange(q) || countRange(q) || legRange(q)
        || q instanceof Requirement.SideVolume || q instanceof Requirement.MatrixPositions
        || q instanceof Requirement.SponsoredOnEachSide || qualifier(q);
  }

  /** Whether a requirement is a range of active personal customers or distributors (step 3a). */
  private static boolean countRange(Requirement q) {
    return q instanceof Requirement.Range r
        && (r.of() == Requirement.Figure.ACTIVE_PERSONAL_CUSTOMERS
            || r.of() == Requirement.Figure.ACTIVE_PERSONAL_DISTRIBUTORS);
  }

  /**
   * Whether a requirement is a range of downline volume (whole or of the first levels, on either
   * tree) or of the largest leg's share (step 6d).
   */
  private static boolean legRange(Requirement q) {
    return q instanceof Requirement.Range r
        && (r.of() == Requirement.Figure.DOWNLINE_VOLUME
            || r.of() == Requirement.Figure.LARGEST_LEG_PERCENT);
  }

  /** Whether a requirement is a range of personal or group volume, which step 6c advises. */
  private static boolean volumeRange(Requirement q) {
    return q instanceof Requirement.Range r && (r.of() == Requirement.Figure.PERSONAL_VOLUME
        || r.of() == Requirement.Figure.GROUP_VOLUME);
  }

  /** Whether a requirement's legs are those of the sponsor tree, not the placement tree. */
  private static boolean sponsorLegs(Requirement q) {
    return CompPlan.Builder.tree(q) != Requirement.Tree.PLACEMENT;
  }

  /**
   * Whether a requirement asks for legs or sides holding someone of a rank (step 1): personally
   * sponsored distributors of a rank, legs with a rank on either tree, personally sponsored
   * distributors of a rank on each side, a rank anywhere in each side.
   */
  private static boolean qualifier(Requirement q) {
    return q instanceof Requirement.SponsoredWithRank || q instanceof Requirement.LegsWithRank
        || q instanceof Requirement.SponsoredOnEachSide s && s.rank().isPresent()
        || q instanceof Requirement.RankOnEachSide;
  }

  /** Whether a rule counts people of a rank on each side of the placement tree. */
  private static boolean sideQualifier(Rules.Rule rule) {
    return rule instanceof PlacementRules.SponsoredOnEachSide s && !s.ofActive()
        || rule instanceof PlacementRules.RankOnEachSide;
  }

  /** The requirement of rank t on a gauge with the highest threshold, waived ones left out. */
  private Rules.Rule metricRule(Goal g, int v, Metric m) {
    Rules.Rule[] rules = g.rules;
    Rules.Rule best = null;
    BigDecimal most = null;
    for (int i = 0; i < rules.length; i++) {
      Rules.Rule r = rules[i];
      if (r.requirement.metric().orElse(null) == m && !g.waived(i)) {
        int position = i;
        BigDecimal x = r.requirement.metricThreshold().orElseThrow(() ->
            new IllegalStateException("found requirement " + (position + 1) + " of rank "
                + c.plan.ranks().get(g.rank).code() + " (" + r.requirement.describe(volumeType)
                + "), advised to distributor "
                + c.org.distributorId(v) + ", on gauge " + m
                + " without a threshold; expected a threshold on every gauge requirement"));
        if (most == null || x.compareTo(most) > 0) {
          best = r;
          most = x;
        }
      }
    }
    return best;
  }

  // --- customers and distributors --------------------------------------------------------------

  /** The volume in units that makes a buyer active under a rule: 0 where any order does. */
  private long toActivate(ActivityRule rule, long volume) {
    return rule.accept(new ActivityRule.Visitor<Long>() {
      @Override
      public Long visit(ActivityRule.MinimumVolume m) {
        return Math.max(0, c.units.threshold(m.volume()) - volume);
      }

      @Override
      public Long visit(ActivityRule.OrderInPeriod m) {
        return 0L;
      }

      @Override
      public Long visit(ActivityRule.NetVolumeAboveZero m) {
        return Math.max(0, 1 - volume);
      }

      @Override
      public Long visit(ActivityRule.OrderWithinDays m) {
        return 0L;
      }
    });
  }

  private void winBack(Plan plan, int v, Rules.Rule rule, int need) {
    Organisation o = c.org;
    Model now = new Model(v, plan.drafts, -1);
    List<Integer> candidates = new ArrayList<>();
    Map<Integer, Integer> frequency = new HashMap<>();
    for (int i = o.customersFrom(v); i < o.customersTo(v); i++) {
      int cu = o.customerIn(i);
      if (!now.customerActive(cu)) {
        candidates.add(cu);
        frequency.put(cu, paidOrders(cu));
      }
    }
    // Most recent buyer first, then the most frequent; never-buyers last.
    long[] lastOrder = c.customerLastOrder();
    candidates.sort(Comparator.comparingLong((Integer cu) -> -lastOrNever(lastOrder[cu]))
        .thenComparing(cu -> -frequency.get(cu)));
    int taken = 0;
    for (int cu : candidates) {
      if (taken == need) {
        break;
      }
      Draft d = new Draft(AdviceStep.Kind.WIN_BACK_CUSTOMER, rule);
      d.customers.add(cu);
      d.buy(true, cu, toActivate(c.plan.customerActivity(), now.customerVolume(cu)));
      plan.drafts.add(d);
      taken++;
    }
    if (taken < need) {
      Draft d = new Draft(AdviceStep.Kind.NEW_CUSTOMERS, rule);
      d.count = need - taken;
      plan.drafts.add(d);
    }
  }

  private static long lastOrNever(long last) {
    return last == Computation.NONE ? Long.MIN_VALUE + 1 : last;
  }

  /** Paid orders of a customer before the as-of instant, in any period. */
  private int paidOrders(int cu) {
    long seen = Organisation.nanos(c.asOf);
    if (c.overlay != null) {
      int n = 0;
      for (Order order : c.overlay.ordersInPeriod(true, cu, Long.MIN_VALUE, seen)) {
        n += order.status() == OrderStatus.PAID ? 1 : 0;
      }
      return n;
    }
    Organisation o = c.org;
    int n = 0;
    for (int k = o.ordersFrom(true, cu), end = o.ordersTo(true, cu); k < end; k++) {
      if (o.orderTime[k] < seen && OrderCounting.paid(o.orderStatus[k])) {
        n++;
      }
    }
    return n;
  }

  /** Own-order volume that raises distributor d's personal volume by {@code need}, or -1. */
  private long ownOrderFor(int d, long already, long need) {
    long own = c.ownVolume[d] + already;
    if (need <= 0) {
      return 0;
    }
    return selfCap == Long.MAX_VALUE || own + need <= selfCap ? need : -1;
  }

  private void activate(Plan plan, int v, Rules.Rule rule, int need) {
    Organisation o = c.org;
    Model now = new Model(v, plan.drafts, -1);
    List<Activation> candidates = new ArrayList<>();
    for (int k = o.childrenFrom(v); k < o.childrenTo(v); k++) {
      int d = o.child(k);
      if (!now.distributorActive(d)) {
        long units = ownOrderFor(d, now.own(d),
            toActivate(c.plan.distributorActivity(), now.personal(d)));
        if (units >= 0) {
          candidates.add(new Activation(d, units));
        }
      }
    }
    activateCheapest(plan, rule, candidates, need, false);
  }

  /** A distributor who becomes active with an own order of {@code units}. */
  private record Activation(int d, long units) {}

  /**
   * Steps that make {@code need} of the candidates active, the least volume first and, among
   * equals, the most recent buyer first; what the candidates cannot cover is new distributors.
   * A candidate whose own order would bring them below the rank they hold, or that a qualifier
   * step drafts them to, comes after the others (more personal volume lowers the largest leg's
   * share). {@code legs}: each candidate is the top of a leg the step names.
   */
  private void activateCheapest(Plan plan, Rules.Rule rule, List<Activation> candidates, int need,
      boolean legs) {
    candidates.sort(Comparator.comparingLong(Activation::units)
        .thenComparingLong(x -> -lastOrNever(c.lastOrder()[x.d])));
    int taken = 0;
    List<Draft> last = new ArrayList<>();
    for (Activation x : candidates) {
      if (taken == need) {
        break;
      }
      Draft d = new Draft(AdviceStep.Kind.ACTIVATE_DISTRIBUTOR, rule);
      d.people.add(x.d);
      if (legs) {
        d.legs.add(x.d);
      }
      d.buy(false, x.d, x.units);
      if (keepsRank(plan, d, x.d)) {
        plan.drafts.add(d);
        taken++;
      } else {
        last.add(d);
      }
    }
    for (int i = 0; i < last.size() && taken < need; i++) {
      plan.drafts.add(last.get(i));
      taken++;
    }
    if (taken < need) {
      Draft d = new Draft(AdviceStep.Kind.NEW_DISTRIBUTORS, rule);
      d.count = need - taken;
      plan.drafts.add(d);
    }
  }

  /**
   * Whether distributor d, at the rank they hold or the highest a qualifier step of the plan
   * drafts them to, still meets it with step s's orders added to the plan's: true where they
   * do not meet it without them either, or hold no rank above the first.
   */
  private boolean keepsRank(Plan plan, Draft s, int d) {
    int r = c.paidAs[d];
    for (Draft q : plan.drafts) {
      if (q.kind == AdviceStep.Kind.LEG_QUALIFIER && q.concrete && q.people.contains(d)) {
        r = Math.max(r, q.rank);
      }
    }
    if (r <= 0) {
      return true;
    }
    List<Draft> with = new ArrayList<>(plan.drafts);
    with.add(s);
    return new Model(d, with, -1).meets(new Goal(r, d))
        || !new Model(d, plan.drafts, -1).meets(new Goal(r, d));
  }

  /**
   * Orders for {@code need} units of distributor v's personal (and so group) volume: v's own
   * orders as far as a self-purchase cap lets them count, then an active customer's (where
   * customers' orders count), then, for group volume only, an active distributor's they
   * sponsored. Buyers already active stay so, so that the orders change no count.
   */
  private void volume(Draft d, int v, long need, boolean group, Model now) {
    if (d.type != null) {
      // Another type: own orders of it, which no self-purchase cap limits.
      d.buy(false, v, need);
      return;
    }
    long left = need;
    long room = selfCap == Long.MAX_VALUE ? Long.MAX_VALUE
        : Math.max(0, selfCap - c.ownVolume[v] - now.ownAdded(v));
    if (room > 0) {
      long u = Math.min(room, left);
      d.buy(false, v, u);
      left -= u;
    }
    Organisation o = c.org;
    if (left > 0 && withCustomers) {
      for (int i = o.customersFrom(v); i < o.customersTo(v) && left > 0; i++) {
        int cu = o.customerIn(i);
        if (now.customerActive(cu)) {
          d.buy(true, cu, left);
          d.customers.add(cu);
          left = 0;
        }
      }
    }
    if (left > 0 && group) {
      for (int k = o.childrenFrom(v); k < o.childrenTo(v) && left > 0; k++) {
        int ch = o.child(k);
        long r = selfCap == Long.MAX_VALUE ? Long.MAX_VALUE
            : Math.max(0, selfCap - c.ownVolume[ch] - now.ownAdded(ch));
        if (now.distributorActive(ch) && r > 0) {
          long u = Math.min(r, left);
          d.buy(false, ch, u);
          d.people.add(ch);
          left -= u;
        }
      }
    }
    if (left > 0) {
      d.concrete = false;
    }
  }

  /** Legs without an active distributor: their tops to activate, the least volume first. */
  private void activeLegs(Plan plan, int v, Rules.Rule rule, Rules.ActiveLegs q) {
    Model now = new Model(v, plan.drafts, -1);
    int need = q.count() - now.activeLegs(q);
    if (need <= 0) {
      return;
    }
    Organisation o = c.org;
    List<Activation> candidates = new ArrayList<>();
    for (int k = o.childrenFrom(v); k < o.childrenTo(v); k++) {
      int top = o.child(k);
      if (!now.legActive(q, top)) {
        long units = ownOrderFor(top, now.own(top),
            toActivate(c.plan.distributorActivity(), now.personal(top)));
        if (units >= 0) {
          candidates.add(new Activation(top, units));
        }
      }
    }
    activateCheapest(plan, rule, candidates, need, true);
  }

  /**
   * Personal volume over several periods: what the window misses, or this period's minimum,
   * in own orders; out of reach when a closed period is below the minimum of each.
   */
  private void accumulated(Plan plan, int v, Rules.Rule rule, Rules.AccumulatedVolume q) {
    if (q.closedBelow(v)) {
      plan.drafts.add(new Draft(AdviceStep.Kind.OUT_OF_REACH, rule));
      return;
    }
    Model now = new Model(v, plan.drafts, -1);
    String type = typeOf(q.requirement);
    long need = q.threshold() - now.accumulated(q);
    if (q.minimumEach() != Long.MIN_VALUE) {
      need = Math.max(need, q.minimumEach() - now.personalOf(type, v));
    }
    if (need > 0) {
      Draft d = new Draft(AdviceStep.Kind.PERSONAL_VOLUME, rule);
      if (type == null) {
        volume(d, v, need, false, now);
      } else {
        // Another type: own orders of it, which no self-purchase cap limits.
        d.buy(false, v, need);
      }
      plan.drafts.add(d);
    }
  }

  // --- legs ------------------------------------------------------------------------------------

  private void legSlots(Plan plan, int v, Rules.Rule rule, Requirement.LegsWithVolume q) {
    Model now = new Model(v, plan.drafts, -1);
    boolean placement = !sponsorLegs(q);
    String type = typeOf(q);
    List<Integer> legs = now.legTops(placement);
    legs.sort(Comparator.comparingLong((Integer l) -> -now.legVolume(type, l, placement)));
    List<BigDecimal> slots = q.slots();
    for (int i = 0; i < slots.size(); i++) {
      if (i >= legs.size()) {
        Draft d = new Draft(AdviceStep.Kind.NEW_DISTRIBUTORS, rule);
        d.count = slots.size() - legs.size();
        plan.drafts.add(d);
        return;
      }
      int leg = legs.get(i);
      long need = c.units.threshold(slots.get(i)) - now.legVolume(type, leg, placement);
      if (need > 0) {
        Draft d = new Draft(AdviceStep.Kind.LEG_VOLUME, rule);
        d.legs.add(leg);
        legVolume(d, leg, now, need);
        plan.drafts.add(d);
      }
    }
  }

  /**
   * Orders for {@code need} units in the leg under {@code leg}: its top distributor's own (of the
   * draft's type; a self-purchase cap limits the qualifying type only).
   */
  private long legVolume(Draft d, int leg, Model now, long need) {
    long room = selfCap == Long.MAX_VALUE || d.type != null ? Long.MAX_VALUE
        : Math.max(0, selfCap - c.ownVolume[leg] - now.ownAdded(leg));
    long u = Math.min(room, need);
    if (u > 0) {
      d.buy(false, leg, u);
    }
    if (u < need) {
      d.concrete = false;
    }
    return u;
  }

  private void capped(Plan plan, int v, Rules.Rule rule, Requirement.CappedGroupVolume q) {
    Model now = new Model(v, plan.drafts, -1);
    if (now.capped(q)) {
      return;
    }
    String type = typeOf(q);
    BigDecimal cap = q.capPerLeg();
    long capAt = c.units.threshold(cap);
    Organisation o = c.org;
    BigDecimal sum = BigDecimal.ZERO;
    record Leg(int d, BigDecimal room) {}
    List<Leg> below = new ArrayList<>();
    Draft d = new Draft(AdviceStep.Kind.CAPPED_GROUP_VOLUME, rule);
    for (int k = o.childrenFrom(v); k < o.childrenTo(v); k++) {
      int leg = o.child(k);
      long g = now.leg(type, leg);
      if (g >= capAt) {
        sum = sum.add(cap);
        d.notHelping.add(leg);
      } else {
        sum = sum.add(c.units.decimal(g));
        below.add(new Leg(leg, cap.subtract(c.units.decimal(g))));
      }
    }
    long pv = now.personalOf(type, v);
    boolean ownCapped = q.ownVolumeIsLeg() && pv >= capAt;
    sum = sum.add(ownCapped ? cap : c.units.decimal(pv));
    BigDecimal missing = q.volume().subtract(sum);
    below.sort(Comparator.comparing(Leg::room).reversed());
    // Own orders count in full unless own volume is a capped leg; then legs with the most room.
    if (!q.ownVolumeIsLeg()) {
      long room = selfCap == Long.MAX_VALUE || type != null ? Long.MAX_VALUE
          : Math.max(0, selfCap - c.ownVolume[v] - now.ownAdded(v));
      long u = Math.min(room, c.units.threshold(missing));
      if (u > 0) {
        d.buy(false, v, u);
        missing = missing.subtract(c.units.decimal(u));
      }
    }
    for (Leg leg : below) {
      if (missing.signum() <= 0) {
        break;
      }
      long u = Math.min(c.units.threshold(leg.room.min(missing)),
          capAt - now.leg(type, leg.d));
      long got = legVolume(d, leg.d, now, u);
      if (got > 0) {
        d.legs.add(leg.d);
        missing = missing.subtract(c.units.decimal(got).min(leg.room));
      }
    }
    if (q.ownVolumeIsLeg() && !ownCapped && missing.signum() > 0) {
      long room = selfCap == Long.MAX_VALUE || type != null ? Long.MAX_VALUE
          : Math.max(0, selfCap - c.ownVolume[v] - now.ownAdded(v));
      BigDecimal ownRoom = cap.subtract(c.units.decimal(pv));
      long u = Math.min(room, c.units.threshold(ownRoom.min(missing)));
      if (u > 0) {
        d.buy(false, v, u);
        missing = missing.subtract(c.units.decimal(u).min(ownRoom));
      }
    }
    d.concrete = missing.signum() <= 0 && !d.buys.isEmpty() && at != Computation.NONE;
    plan.drafts.add(d);
  }

  // --- ranges of counts, downline volume and the largest leg's share -------------------------

  /**
   * Ranges of active personal customers or distributors below their least: customers to win back
   * and personally sponsored distributors to activate, as for the gauges (steps 2 and 3).
   */
  private void countRanges(Plan plan, int v, Goal g) {
    Rules.Rule[] rules = g.rules;
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] instanceof Rules.Range q && countRange(q.requirement)
          && q.least() != Long.MIN_VALUE && !g.waived(i)) {
        Model now = new Model(v, plan.drafts, -1);
        boolean customers = q.of() == Requirement.Figure.ACTIVE_PERSONAL_CUSTOMERS;
        long need = q.least() - (customers ? now.activeCustomers : now.activeDistributors);
        if (need > 0) {
          if (customers) {
            winBack(plan, v, rules[i], (int) need);
          } else {
            activate(plan, v, rules[i], (int) need);
          }
        }
      }
    }
  }

  /**
   * Ranges of downline volume (either tree) below their least, and of the largest leg's share
   * outside its bounds.
   */
  private void legRanges(Plan plan, int v, Goal g) {
    Rules.Rule[] rules = g.rules;
    for (int i = 0; i < rules.length; i++) {
      if (!(rules[i] instanceof Rules.Range q) || !legRange(q.requirement)
          || g.waived(i)) {
        continue;
      }
      Model now = new Model(v, plan.drafts, -1);
      if (q.of() == Requirement.Figure.DOWNLINE_VOLUME) {
        long x = now.downline(q);
        if (q.least() != Long.MIN_VALUE && x < q.least()) {
          downline(plan, v, rules[i], q.least() - x, now,
              q.requirement instanceof Requirement.Range r
                  && r.tree() == Requirement.Tree.PLACEMENT);
        }
      } else if (!now.shareWithin(q)) {
        share(plan, v, rules[i], now);
      }
    }
  }

  /**
   * Downline volume: orders of the tops of v's legs (first level, within any levels counted; on
   * the placement tree those placed right below v), those already active first (the order
   * changes no count), as far as a self-purchase cap lets each count; one step per leg. No leg:
   * a new distributor.
   */
  private void downline(Plan plan, int v, Rules.Rule rule, long need, Model now,
      boolean placement) {
    List<Integer> tops = tops(v, placement);
    tops.sort(Comparator.comparing((Integer top) -> !now.distributorActive(top)));
    long left = need;
    boolean typed = typeOf(rule.requirement) != null;
    for (int top : tops) {
      if (left <= 0) {
        break;
      }
      long room = selfCap == Long.MAX_VALUE || typed ? Long.MAX_VALUE
          : Math.max(0, selfCap - c.ownVolume[top] - now.ownAdded(top));
      long u = Math.min(room, left);
      if (u > 0) {
        Draft d = new Draft(AdviceStep.Kind.LEG_VOLUME, rule);
        d.legs.add(top);
        d.buy(false, top, u);
        plan.drafts.add(d);
        left -= u;
      }
    }
    if (left > 0) {
      // No leg's top can carry the rest: someone new (or deeper down) has to.
      Draft d = new Draft(AdviceStep.Kind.NEW_DISTRIBUTORS, rule);
      d.count = 1;
      plan.drafts.add(d);
    }
  }

  /**
   * The largest leg's share: above its most, own orders (then an active customer's) that add
   * group volume outside every leg; below its least, volume in the largest leg, at its top. A
   * most of 0 with volume in a leg, or a least of 100 with volume outside the legs, is out of
   * reach (orders only add volume); no leg at all needs a new distributor.
   */
  private void share(Plan plan, int v, Rules.Rule rule, Model now) {
    Requirement.Range q = (Requirement.Range) rule.requirement;
    int top = now.largestLeg();
    long g = now.group;
    long l = top < 0 ? 0 : now.leg(top);
    BigDecimal hundred = BigDecimal.valueOf(100);
    if (q.atMost().isPresent() && now.shareAbove(q.atMost().get())) {
      BigDecimal most = q.atMost().get();
      if (most.signum() == 0) {
        plan.drafts.add(new Draft(AdviceStep.Kind.OUT_OF_REACH, rule));
        return;
      }
      // l * 100 <= most * (g + x): x at least l * 100 / most - g, in whole units.
      long x = BigDecimal.valueOf(l).multiply(hundred).divide(most, 0, RoundingMode.CEILING)
          .subtract(BigDecimal.valueOf(g)).longValueExact();
      Draft d = new Draft(AdviceStep.Kind.PERSONAL_VOLUME, rule);
      volume(d, v, Math.max(1, x), false, now);
      plan.drafts.add(d);
      return;
    }
    BigDecimal least = q.atLeast().orElseThrow();
    if (top < 0) {
      Draft d = new Draft(AdviceStep.Kind.NEW_DISTRIBUTORS, rule);
      d.count = 1;
      plan.drafts.add(d);
      return;
    }
    if (least.compareTo(hundred) == 0) {
      plan.drafts.add(new Draft(AdviceStep.Kind.OUT_OF_REACH, rule));
      return;
    }
    // (l + x) * 100 >= least * (g + x): x at least (least * g - 100 * l) / (100 - least), and
    // enough that the leg and the group hold volume at all.
    long x = least.multiply(BigDecimal.valueOf(g)).subtract(BigDecimal.valueOf(l).multiply(hundred))
        .divide(hundred.subtract(least), 0, RoundingMode.CEILING).longValueExact();
    x = Math.max(x, Math.max(1 - l, 1 - g));
    Draft d = new Draft(AdviceStep.Kind.LEG_VOLUME, rule);
    d.legs.add(top);
    legVolume(d, top, now, x);
    plan.drafts.add(d);
  }

  // --- the placement tree --------------------------------------------------------------------

  /**
   * Personally sponsored distributors active on each side: on a side with too few, those
   * sponsored there to activate, the least volume first; too few: new ones. Active positions in
   * the first levels of a matrix: the inactive members placed there to activate, the least
   * volume first; positions to fill are new distributors (placing them is the host's business).
   */
  private void placementPeople(Plan plan, int v, Goal g) {
    if (c.placements == null) {
      return;
    }
    Rules.Rule[] rules = g.rules;
    Organisation o = c.org;
    for (int i = 0; i < rules.length; i++) {
      if (g.waived(i)) {
        continue;
      }
      if (rules[i] instanceof PlacementRules.SponsoredOnEachSide q && q.ofActive()) {
        for (int side = Placement.LEFT; side <= Placement.RIGHT; side++) {
          Model now = new Model(v, plan.drafts, -1);
          int need = q.count() - now.sponsoredOn(q, side);
          if (need <= 0) {
            continue;
          }
          List<Activation> candidates = new ArrayList<>();
          for (int k = o.childrenFrom(v); k < o.childrenTo(v); k++) {
            int d = o.child(k);
            if (c.placements.sideUnderSponsor[d] == side && !now.distributorActive(d)) {
              long units = ownOrderFor(d, now.own(d),
                  toActivate(c.plan.distributorActivity(), now.personal(d)));
              if (units >= 0) {
                candidates.add(new Activation(d, units));
              }
            }
          }
          activateCheapest(plan, rules[i], candidates, need, false);
        }
      } else if (rules[i] instanceof PlacementRules.MatrixPositions q) {
        Model now = new Model(v, plan.drafts, -1);
        int need = q.count() - now.positions(q);
        if (need <= 0) {
          continue;
        }
        List<Activation> candidates = new ArrayList<>();
        if (q.ofActive()) {
          for (int d : placedWithin(v, q.levels())) {
            if (!now.distributorActive(d)) {
              long units = ownOrderFor(d, now.own(d),
                  toActivate(c.plan.distributorActivity(), now.personal(d)));
              if (units >= 0) {
                candidates.add(new Activation(d, units));
              }
            }
          }
        }
        activateCheapest(plan, rules[i], candidates, need, false);
      }
    }
  }

  /** The members of v's placement subtree on its first {@code levels} levels, level by level. */
  private List<Integer> placedWithin(int v, int levels) {
    Placements tree = c.placements;
    int width = c.plan.placementTree().orElseThrow().width();
    List<Integer> out = new ArrayList<>();
    List<Integer> level = List.of(v);
    for (int depth = 0; depth < levels && !level.isEmpty(); depth++) {
      List<Integer> next = new ArrayList<>();
      for (int p : level) {
        for (int position = 1; position <= width; position++) {
          int ch = tree.child(p, position);
          if (ch >= 0) {
            next.add(ch);
          }
        }
      }
      out.addAll(next);
      level = next;
    }
    return out;
  }

  /** How many members of a side may carry its volume when a self-purchase cap limits each. */
  private static final int SIDE_BUYERS = 64;

  /**
   * Volume on the weak and the strong side: the sides matched to the thresholds the cheaper way
   * (the larger side strong among equals), each side short of its threshold topped up by the
   * own orders of its members, the top first, then breadth-first as far as a self-purchase cap
   * lets each count (at most {@value #SIDE_BUYERS} of them). An empty side needs a new
   * distributor placed there.
   */
  private void sides(Plan plan, int v, Rules.Rule rule, PlacementRules.SideVolume q) {
    Model now = new Model(v, plan.drafts, -1);
    String type = typeOf(q.requirement);
    long l = now.sideOf(type, Placement.LEFT);
    long r = now.sideOf(type, Placement.RIGHT);
    long weak = q.weak();
    long strong = q.strong();
    long leftStrong = Math.max(0, strong - l) + Math.max(0, weak - r);
    long rightStrong = Math.max(0, weak - l) + Math.max(0, strong - r);
    boolean leftIsStrong = leftStrong < rightStrong || leftStrong == rightStrong && l >= r;
    long needLeft = Math.max(0, (leftIsStrong ? strong : weak) - l);
    long needRight = Math.max(0, (leftIsStrong ? weak : strong) - r);
    if (needLeft > 0) {
      side(plan, v, rule, Placement.LEFT, needLeft, now);
    }
    if (needRight > 0) {
      side(plan, v, rule, Placement.RIGHT, needRight, now);
    }
  }

  private void side(Plan plan, int v, Rules.Rule rule, int side, long need, Model now) {
    Placements tree = c.placements;
    int top = tree.child(v, side);
    if (top < 0) {
      Draft d = new Draft(AdviceStep.Kind.NEW_DISTRIBUTORS, rule);
      d.count = 1;
      d.side = side;
      plan.drafts.add(d);
      return;
    }
    Draft d = new Draft(AdviceStep.Kind.SIDE_VOLUME, rule);
    d.side = side;
    d.legs.add(top);
    int width = c.plan.placementTree().orElseThrow().width();
    long left = need;
    List<Integer> queue = new ArrayList<>(List.of(top));
    for (int i = 0; i < queue.size() && i < SIDE_BUYERS && left > 0; i++) {
      int x = queue.get(i);
      // The self-purchase cap limits the qualifying type only.
      long room = selfCap == Long.MAX_VALUE || d.type != null ? Long.MAX_VALUE
          : Math.max(0, selfCap - c.ownVolume[x] - now.ownAdded(x));
      long u = Math.min(room, left);
      if (u > 0) {
        d.buy(false, x, u);
        d.people.add(x);
        left -= u;
      }
      for (int position = 1; position <= width; position++) {
        int ch = tree.child(x, position);
        if (ch >= 0) {
          queue.add(ch);
        }
      }
    }
    if (left > 0) {
      d.concrete = false;
    }
    plan.drafts.add(d);
  }

  // --- rank qualifiers -------------------------------------------------------------------------

  /** A leg's best person for a rank: the highest rank, then the most group volume. */
  private record Closest(int leg, int person, int rank, boolean qualifies) {}

  /**
   * What a rank-qualifier requirement counts: legs (of the sponsor or placement tree) holding
   * someone of a rank on a basis within some levels of the leg's top, or personally sponsored
   * distributors of a rank (the leg's top itself).
   */
  private record Qualifier(int count, int rank, Requirement.RankBasis basis, int levels,
      boolean placement) {}

  private Qualifier qualifierOf(Rules.Rule rule) {
    Requirement q = rule.requirement;
    if (q instanceof Requirement.SponsoredWithRank s) {
      return new Qualifier(s.count(), c.plan.rankLevel(s.rank()), Requirement.RankBasis.PAID_AS,
          1, !sponsorLegs(q));
    }
    Requirement.LegsWithRank l = (Requirement.LegsWithRank) q;
    int levels = switch (l.reach()) {
      case FRONT_LINE -> 1;
      case ANYWHERE -> Integer.MAX_VALUE;
      case WITHIN_LEVELS -> l.levels();
    };
    return new Qualifier(l.count(), c.plan.rankLevel(l.rank()), l.basis(), levels,
        !sponsorLegs(q));
  }

  /** The leg's best person for the qualifier's rank ({@link #closestDown}, {@link #closest}). */
  private Closest closestIn(int top, Rules.Rule rule, Qualifier k) {
    return rule instanceof Rules.LegRankAnywhere anywhere
        ? closestDown(top, anywhere, k.basis, k.rank, k.placement)
        : closest(top, k.levels, k.basis, k.rank, k.placement);
  }

  private void qualifiers(Plan plan, int v, Rules.Rule rule, boolean nest) {
    Qualifier k = qualifierOf(rule);
    int have = 0;
    List<Closest> lacking = new ArrayList<>();
    for (int top : tops(v, k.placement)) {
      Closest x = closestIn(top, rule, k);
      if (x.qualifies) {
        have++;
      } else {
        lacking.add(x);
      }
    }
    int need = k.count - have;
    List<Option> options = options(lacking, need, k.rank,
        nest && k.basis == Requirement.RankBasis.PAID_AS);
    draftQualifiers(plan, rule, options, need, k.rank, 0);
  }

  /**
   * The steps for the first {@code need} options (each the closest person of a leg or a side,
   * with their own steps where worked out), and new distributors for those missing. On
   * {@code side} of the placement tree, or 0 for legs.
   */
  private void draftQualifiers(Plan plan, Rules.Rule rule, List<Option> options, int need,
      int rank, int side) {
    int taken = 0;
    for (Option x : options) {
      if (taken == need) {
        break;
      }
      Draft d = new Draft(AdviceStep.Kind.LEG_QUALIFIER, rule);
      d.people.add(x.x.person);
      if (x.x.leg >= 0) {
        d.legs.add(x.x.leg);
      }
      d.leg = x.x.leg;
      d.rank = rank;
      d.side = side;
      if (x.inner != null) {
        d.inner = x.inner.drafts;
        // Under a self-purchase cap, two people's own steps buying for the same distributor
        // would not both count: the later one is not taken as concrete.
        d.concrete = x.inner.complete && at != Computation.NONE
            && (selfCap == Long.MAX_VALUE || !sharesBuyer(plan.drafts, d));
      }
      plan.drafts.add(d);
      taken++;
    }
    if (taken < need) {
      Draft d = new Draft(AdviceStep.Kind.NEW_DISTRIBUTORS, rule);
      d.count = need - taken;
      d.rank = rank;
      d.side = side;
      plan.drafts.add(d);
    }
  }

  /** Whether a distributor buys in both {@code d} and one of {@code drafts} (their own steps too). */
  private static boolean sharesBuyer(List<Draft> drafts, Draft d) {
    java.util.Set<Integer> mine = new java.util.HashSet<>();
    buyers(d, mine);
    java.util.Set<Integer> theirs = new java.util.HashSet<>();
    for (Draft x : drafts) {
      buyers(x, theirs);
    }
    mine.retainAll(theirs);
    return !mine.isEmpty();
  }

  private static void buyers(Draft d, java.util.Set<Integer> out) {
    for (Buy b : d.buys) {
      if (!b.customer) {
        out.add(b.buyer);
      }
    }
    for (Draft i : d.inner) {
      buyers(i, out);
    }
  }

  /**
   * The tops of v's legs: personally sponsored distributors, or on the placement tree those
   * placed right below v, in placement order.
   */
  private List<Integer> tops(int v, boolean placement) {
    List<Integer> out = new ArrayList<>();
    if (placement) {
      Placements tree = c.placements;
      for (int x = tree.firstChild(v); x >= 0; x = tree.nextSibling(x)) {
        out.add(x);
      }
    } else {
      Organisation o = c.org;
      for (int k = o.childrenFrom(v); k < o.childrenTo(v); k++) {
        out.add(o.child(k));
      }
    }
    return out;
  }

  /** How many members of a side are searched for the people closest to a rank. */
  static final int SIDE_SEARCH = 4096;

  /**
   * A requirement of people of a rank on each side of the placement tree: personally sponsored
   * distributors sitting on the side ({@code sponsored}), or anyone in it ({@code anywhere}).
   */
  private record Sides(int count, int rank, PlacementRules.SponsoredOnEachSide sponsored,
      PlacementRules.RankOnEachSide anywhere) {
    /** Those counted now on v's side at {@code position}. */
    int on(int v, int position) {
      return sponsored != null ? sponsored.on(v, position) : anywhere.on(v, position);
    }
  }

  private static Sides sidesOf(Rules.Rule rule) {
    return rule instanceof PlacementRules.SponsoredOnEachSide s
        ? new Sides(s.count(), s.rank(), s, null)
        : new Sides(((PlacementRules.RankOnEachSide) rule).count(),
            ((PlacementRules.RankOnEachSide) rule).rank(), null,
            (PlacementRules.RankOnEachSide) rule);
  }

  /**
   * People of a rank on each side of the placement tree: on a side with too few, the closest
   * to the rank (highest paid-as rank, then most group volume), among the personally sponsored
   * distributors sitting on that side ({@code sponsoredOnEachSide}) or among the side's members
   * ({@code rankOnEachSide}, breadth-first from the side's top, the first {@value #SIDE_SEARCH}
   * of them), with their own steps where they are one rank below; too few: new distributors on
   * that side.
   */
  private void sideQualifiers(Plan plan, int v, Rules.Rule rule, boolean nest) {
    Placements tree = c.placements;
    Organisation o = c.org;
    Sides sides = sidesOf(rule);
    PlacementRules.SponsoredOnEachSide sponsored = sides.sponsored;
    int count = sides.count;
    int rank = sides.rank;
    for (int side = Placement.LEFT; side <= Placement.RIGHT; side++) {
      int need = count - sides.on(v, side);
      if (need <= 0) {
        continue;
      }
      int top = tree.child(v, side);
      List<Closest> lacking = new ArrayList<>();
      if (sponsored != null) {
        for (int k = o.childrenFrom(v); k < o.childrenTo(v); k++) {
          int d = o.child(k);
          if (tree.sideUnderSponsor[d] == side && c.paidAs[d] < rank) {
            lacking.add(new Closest(top, d, c.paidAs[d], false));
          }
        }
      } else if (top >= 0) {
        int[] queue = {top};
        int size = 1;
        for (int i = 0; i < size && i < SIDE_SEARCH; i++) {
          int x = queue[i];
          if (c.paidAs[x] < rank) {
            lacking.add(new Closest(top, x, c.paidAs[x], false));
          }
          for (int y = tree.firstChild(x); y >= 0 && size < SIDE_SEARCH; y = tree.nextSibling(y)) {
            if (size == queue.length) {
              queue = Arrays.copyOf(queue, queue.length * 2);
            }
            queue[size++] = y;
          }
        }
      }
      draftQualifiers(plan, rule, options(lacking, need, rank, nest), need, rank, side);
    }
  }

  /** A leg's closest person and, where worked out, their own steps to the rank. */
  private record Option(Closest x, Plan inner, boolean incomplete, long cost, long volume) {
    Option(Closest x, Plan inner, long volume) {
      this(x, inner, inner == null || !inner.complete,
          inner == null ? 0 : Adviser.cost(inner), volume);
    }
  }

  /**
   * Complete advice first, cheapest first; then the highest rank, the most group volume. The
   * keys are worked out once per option: the hub of a doTERRA-like plan sorts a thousand.
   */
  private static final Comparator<Option> CHOSEN_FIRST = (a, b) -> {
    int k = Boolean.compare(a.incomplete, b.incomplete);
    if (k == 0) {
      k = Long.compare(a.cost, b.cost);
    }
    if (k == 0) {
      k = Integer.compare(b.x.rank, a.x.rank);
    }
    return k != 0 ? k : Long.compare(b.volume, a.volume);
  };

  /**
   * The first {@code need} of the legs' closest people, in the order they are chosen in: those
   * whose own advice reaches the rank, cheapest first, then the rest; ties by rank, then group
   * volume. A person one rank below gets their own advice ({@code nest}), worked out lazily: in
   * the order of a lower bound of its cost (what they miss of the rank's personal and group
   * volume, which any step of theirs must add), and no further once {@code need} complete ones
   * cost no more than the next bound. The hub of a doTERRA-like plan has a thousand legs:
   * sorting them all with keys worked out on every comparison was most of its advice's time.
   */
  private List<Option> options(List<Closest> lacking, int need, int rank, boolean nest) {
    List<Closest> nested = new ArrayList<>();
    List<Option> out = new ArrayList<>();
    for (Closest x : lacking) {
      if (nest && c.paidAs[x.person] + 1 == rank) {
        nested.add(x);
      } else {
        out.add(new Option(x, null, c.groupVolume[x.person]));
      }
    }
    long[] bound = new long[nested.size()];
    Integer[] order = new Integer[nested.size()];
    for (int i = 0; i < order.length; i++) {
      bound[i] = lowerBound(nested.get(i).person, rank);
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong(i -> bound[i]));
    List<Option> worked = new ArrayList<>();
    List<Long> completeCosts = new ArrayList<>();
    int i = 0;
    for (; i < order.length; i++) {
      if (need <= 0) {
        break;
      }
      if (completeCosts.size() >= need) {
        completeCosts.sort(null);
        // Strictly above: a tie in cost is broken by rank and volume, so it must be seen.
        if (bound[order[i]] > completeCosts.get(need - 1)) {
          break;
        }
      }
      Closest x = nested.get(order[i]);
      Plan inner = plan(x.person, rank, false);
      worked.add(new Option(x, inner, c.groupVolume[x.person]));
      if (inner.complete) {
        completeCosts.add(cost(inner));
      }
    }
    // Those not worked out can only come after the ones chosen: their own advice is not needed.
    for (; i < order.length; i++) {
      Closest x = nested.get(order[i]);
      out.add(new Option(x, UNWORKED, c.groupVolume[x.person]));
    }
    out.addAll(worked);
    return first(out, need);
  }

  /**
   * The {@code need} options chosen first, in order ({@link #CHOSEN_FIRST}): picked one by one
   * when they are few against the options, as at a hub, else sorted.
   */
  private static List<Option> first(List<Option> options, int need) {
    int n = Math.min(Math.max(need, 0), options.size());
    if ((long) n * 8 >= options.size()) {
      options.sort(CHOSEN_FIRST);
      return options.subList(0, n);
    }
    List<Option> out = new ArrayList<>(n);
    boolean[] taken = new boolean[options.size()];
    for (int k = 0; k < n; k++) {
      int best = -1;
      for (int i = 0; i < options.size(); i++) {
        if (!taken[i] && (best < 0 || CHOSEN_FIRST.compare(options.get(i), options.get(best)) < 0)) {
          best = i;
        }
      }
      taken[best] = true;
      out.add(options.get(best));
    }
    return out;
  }

  /** Stands for advice not worked out because cheaper complete advice was found first. */
  private static final Plan UNWORKED = unworked();

  private static Plan unworked() {
    Plan p = new Plan();
    p.complete = false;
    return p;
  }

  /** What any advice of distributor d towards rank t must add: a lower bound of its cost. */
  private long lowerBound(int d, int t) {
    long pv = c.ladder.minimum(t, Metric.PERSONAL_SALES, d);
    long gv = c.ladder.minimum(t, Metric.GROUP_SALES, d);
    long b = 0;
    if (pv != Computation.NONE) {
      b = Math.max(b, pv - c.personalVolume[d]);
    }
    if (gv != Computation.NONE) {
      b = Math.max(b, gv - c.groupVolume[d]);
    }
    return b;
  }

  private static long cost(Plan p) {
    long sum = 0;
    for (Draft d : p.drafts) {
      sum += d.units() + inner(d);
    }
    return sum;
  }

  /**
   * The person in the leg under {@code leg} with the highest rank on the basis, found by going
   * down from the leg's top towards the subtree holding that rank (the child with the most group
   * volume among those that hold it): the sponsor line's depth times its fan-out, not the leg.
   */
  private Closest closestDown(int leg, Rules.LegRankAnywhere rule, Requirement.RankBasis basis,
      int rank, boolean placement) {
    int best = rule.best(leg);
    int x = leg;
    while (c.rankFor(x, basis) < best) {
      int next = -1;
      for (int y : tops(x, placement)) {
        if (rule.best(y) == best && (next < 0 || c.groupVolume[y] > c.groupVolume[next])) {
          next = y;
        }
      }
      if (next < 0) {
        break; // a rank the basis does not know (no last period): the search ends here
      }
      x = next;
    }
    return new Closest(leg, x, best, best >= rank);
  }

  /**
   * The person in the leg under {@code leg} within {@code levels} levels (the leg's top at level
   * 0) with the highest rank on the basis, then the most group volume; breadth-first, iterative.
   */
  private Closest closest(int leg, int levels, Requirement.RankBasis basis, int rank,
      boolean placement) {
    Organisation o = c.org;
    Placements tree = c.placements;
    int best = leg;
    int bestRank = c.rankFor(leg, basis);
    int[] queue = {leg};
    int size = 1;
    for (int depth = 0; depth < levels && size > 0; depth++) {
      int[] next = new int[0];
      int nextSize = 0;
      for (int i = 0; i < size; i++) {
        int d = queue[i];
        int r = c.rankFor(d, basis);
        if (r > bestRank || r == bestRank && c.groupVolume[d] > c.groupVolume[best]) {
          best = d;
          bestRank = r;
        }
        if (depth + 1 < levels && placement) {
          for (int y = tree.firstChild(d); y >= 0; y = tree.nextSibling(y)) {
            if (nextSize == next.length) {
              next = Arrays.copyOf(next, Math.max(next.length * 2, 4));
            }
            next[nextSize++] = y;
          }
        } else if (depth + 1 < levels) {
          int kids = o.childrenTo(d) - o.childrenFrom(d);
          if (nextSize + kids > next.length) {
            next = Arrays.copyOf(next, Math.max(next.length * 2, nextSize + kids));
          }
          for (int k = o.childrenFrom(d); k < o.childrenTo(d); k++) {
            next[nextSize++] = o.child(k);
          }
        }
      }
      queue = next;
      size = nextSize;
    }
    return new Closest(leg, best, bestRank, bestRank >= rank);
  }

  // --- host rules ------------------------------------------------------------------------------

  private Draft host(Rules.Rule rule, RuleAdvice a) {
    Draft d = new Draft(AdviceStep.Kind.HOST, rule);
    d.note = a.sentence();
    Organisation o = c.org;
    for (String id : a.people()) {
      int di = o.indexOf(id);
      if (di >= 0) {
        d.people.add(di);
      } else {
        int cu = o.customerIndexOf(id);
        if (cu >= 0) {
          d.customers.add(cu);
        }
      }
    }
    d.orders = a.orders();
    d.concrete = !a.orders().isEmpty();
    for (Order order : a.orders()) {
      boolean customer = order.buyerType() == BuyerType.CUSTOMER;
      int b = customer ? o.customerIndexOf(order.buyerId()) : o.indexOf(order.buyerId());
      BigDecimal q = order.volume(volumeType);
      if (b >= 0 && order.status() == OrderStatus.PAID && q.signum() >= 0) {
        // Counted by the model like the advice's own orders; the host's orders are kept as given.
        d.buys.add(new Buy(customer, b, c.units.threshold(q)));
      }
    }
    return d;
  }

  // --- the model -------------------------------------------------------------------------------

  /**
   * Distributor v's figures with the orders of every draft but one ({@code skip}, or -1 for
   * none) added: the same arithmetic as the engine, for v, their customers and their legs.
   * The rank of someone below whose figures the orders move (a leg qualifier's own steps, say)
   * is worked out by a model of their own over the same drafts ({@link #stillMeets}): a step
   * elsewhere can lift them to a rank, or bring them below one (their own orders lower their
   * largest leg's share).
   */
  private final class Model {
    private final int v;
    private final List<Draft> drafts;
    private final int skip;
    /** How many qualifiers' models this one is nested in ({@link #stillMeets}). */
    private final int depth;
    /** The model this one is nested in, or itself: it keeps what all of them share. */
    private final Model root;
    private final Map<Integer, Long> own = new HashMap<>();
    private final Map<Integer, Long> customer = new HashMap<>();
    /** Personal volume added, by distributor, once customers' orders and the cap are counted. */
    private final Map<Integer, Long> personalAdded = new HashMap<>();
    /** Group volume added to each leg of v, by the leg's top distributor. */
    private final Map<Integer, Long> legAdded = new HashMap<>();
    /**
     * The distributors whose figures the orders move, worked out when first asked (the root
     * model's): each buyer (a customer's owner for a customer) and everyone above them on
     * either tree.
     */
    private java.util.Set<Integer> moved;
    /** Per distributor and rank asked, whether they meet the rank with the orders (the root's). */
    private final Map<Long, Boolean> meetsWith;
    /**
     * Per distributor asked, on the sponsor tree and on the placement tree: the top of their leg
     * of v and their level below it (the top at 0); the top -1 outside v's legs.
     */
    private final Map<Integer, int[]> sponsorLeg = new HashMap<>();
    private final Map<Integer, int[]> placementLeg = new HashMap<>();
    private final Map<Rules.Rule, Integer> hostTaken = new HashMap<>();
    /** Orders of other volume types than the qualifying one: by type, by buyer, in units. */
    private final Map<String, Map<Integer, Long>> typedOwn = new HashMap<>();
    private final Map<String, Map<Integer, Long>> typedCustomer = new HashMap<>();
    private final Map<Rules.Rule, Integer> hostSteps = new HashMap<>();
    /*
     * Each buyer's walk up to v, done once per model rather than once per figure asked (the
     * model asks a side's volume, a leg's, a level's many times over the same few buyers).
     */
    /** Per distributor asked, the top of their leg of v ({@link #legOf}). */
    private final Map<Integer, Integer> legTop = new HashMap<>();
    /** Per distributor asked, the position of v's placement side they are on; 0 outside. */
    private final Map<Integer, Integer> placedSide = new HashMap<>();
    /** Per distributor and way of counting ({@link #level}), their level below v. */
    private final Map<Long, Integer> levels = new HashMap<>();
    /** Per other volume type, worked out when first asked: the volume added by distributor. */
    private final Map<String, Map<Integer, Long>> typedAddedCache = new HashMap<>();
    /** Per other volume type, worked out when first asked: the volume added by leg. */
    private final Map<String, Map<Integer, Long>> typedLegs = new HashMap<>();
    final long group;
    final int activeCustomers;
    final int activeDistributors;

    Model(int v, List<Draft> drafts, int skip) {
      this(v, drafts, skip, null);
    }

    private Model(int v, List<Draft> drafts, int skip, Model outer) {
      this.v = v;
      this.drafts = drafts;
      this.skip = skip;
      this.depth = outer == null ? 0 : outer.depth + 1;
      this.root = outer == null ? this : outer.root;
      this.meetsWith = outer == null ? new HashMap<>() : outer.root.meetsWith;
      for (int i = 0; i < drafts.size(); i++) {
        if (i != skip) {
          add(drafts.get(i));
        }
        if (drafts.get(i).kind == AdviceStep.Kind.HOST) {
          hostSteps.merge(drafts.get(i).rule, 1, Integer::sum);
        }
      }
      Organisation o = c.org;
      Map<Integer, Long> customerPart = new LinkedHashMap<>();
      for (Map.Entry<Integer, Long> e : customer.entrySet()) {
        int owner = o.customerOwner[e.getKey()];
        if (withCustomers) {
          customerPart.merge(owner, e.getValue(), Long::sum);
        }
      }
      Map<Integer, Long> touched = new LinkedHashMap<>(customerPart);
      own.keySet().forEach(d -> touched.putIfAbsent(d, 0L));
      long g = c.groupVolume[v];
      for (Map.Entry<Integer, Long> e : touched.entrySet()) {
        int d = e.getKey();
        long before = Math.min(c.ownVolume[d], selfCap);
        long after = Math.min(c.ownVolume[d] + own.getOrDefault(d, 0L), selfCap);
        long added = after - before + e.getValue();
        personalAdded.put(d, added);
        int leg = legOf(d);
        if (leg == -2) {
          continue; // outside v's group
        }
        g += added;
        if (leg >= 0) {
          legAdded.merge(leg, added, Long::sum);
        }
      }
      this.group = g;
      int ac = c.activeCustomers[v];
      for (int cu : customer.keySet()) {
        if (o.customerOwner[cu] == v && !c.customerActive[cu] && customerActive(cu)) {
          ac++;
        }
      }
      this.activeCustomers = ac;
      int ad = c.activeDistributors[v];
      for (int d : personalAdded.keySet()) {
        if (d != v && o.parent[d] == v && !c.active[d] && distributorActive(d)) {
          ad++;
        }
      }
      this.activeDistributors = ad;
    }

    private void add(Draft d) {
      if (!d.concrete) {
        return;
      }
      for (Draft i : d.inner) {
        add(i);
      }
      for (Buy b : d.buys) {
        if (b.type == null) {
          (b.customer ? customer : own).merge(b.buyer, b.units, Long::sum);
        } else {
          (b.customer ? typedCustomer : typedOwn).computeIfAbsent(b.type, k -> new HashMap<>())
              .merge(b.buyer, b.units, Long::sum);
          // The order, of no qualifying volume, is an order all the same: it counts for
          // activity where an order does.
          (b.customer ? customer : own).merge(b.buyer, 0L, Long::sum);
        }
      }
      if (d.kind == AdviceStep.Kind.HOST) {
        hostTaken.merge(d.rule, 1, Integer::sum);
      }
    }

    /** The leg of v that d is in: the top distributor's index; -1 for v; -2 outside. */
    private int legOf(int d) {
      if (d == v) {
        return -1;
      }
      Integer known = legTop.get(d);
      if (known != null) {
        return known;
      }
      int x = d;
      int[] parent = c.org.parent;
      while (x >= 0 && parent[x] != v) {
        x = parent[x];
      }
      int top = x < 0 ? -2 : x;
      legTop.put(d, top);
      return top;
    }

    long ownAdded(int d) {
      return own.getOrDefault(d, 0L);
    }

    long own(int d) {
      return ownAdded(d);
    }

    long personal(int d) {
      return c.personalVolume[d] + personalAdded.getOrDefault(d, 0L);
    }

    long leg(int top) {
      return c.groupVolume[top] + legAdded.getOrDefault(top, 0L);
    }

    /** The group volume of a type (null: the qualifying one) of the leg under {@code top}. */
    long leg(String type, int top) {
      if (type == null) {
        return leg(top);
      }
      return volumesOf(type).group[top] + typedLegAdded(type).getOrDefault(top, 0L);
    }

    /** The volume of a type added to each leg of v, by the leg's top distributor. */
    private Map<Integer, Long> typedLegAdded(String type) {
      return typedLegs.computeIfAbsent(type, t -> {
        Map<Integer, Long> out = new HashMap<>();
        for (Map.Entry<Integer, Long> e : typedAdded(t).entrySet()) {
          int leg = legOf(e.getKey());
          if (leg >= 0) {
            out.merge(leg, e.getValue(), Long::sum);
          }
        }
        return out;
      });
    }

    /** Volume added, by distributor: of the qualifying type after the cap, or of another. */
    private Map<Integer, Long> added(String type) {
      return type == null ? personalAdded : typedAdded(type);
    }

    long customerVolume(int cu) {
      return c.customerVolume[cu] + customer.getOrDefault(cu, 0L);
    }

    boolean customerActive(int cu) {
      boolean ordered = customer.containsKey(cu);
      return customerRule.active(customerVolume(cu), c.customerOrderInPeriod[cu] || ordered,
          ordered ? Math.max(c.customerLastOrder()[cu], at) : c.customerLastOrder()[cu]);
    }

    boolean distributorActive(int d) {
      boolean ordered = own.containsKey(d);
      return distributorRule.active(personal(d), c.orderInPeriod[d] || ordered,
          ordered ? Math.max(c.lastOrder()[d], at) : c.lastOrder()[d]);
    }

    /** Whether a capped group volume requirement is met, as {@link Rules} decides it. */
    boolean capped(Requirement.CappedGroupVolume q) {
      BigDecimal cap = q.capPerLeg();
      long capAt = c.units.threshold(cap);
      String type = typeOf(q);
      Organisation o = c.org;
      long below = 0;
      int atCap = 0;
      for (int k = o.childrenFrom(v); k < o.childrenTo(v); k++) {
        long g = leg(type, o.child(k));
        if (g >= capAt) {
          atCap++;
        } else {
          below += g;
        }
      }
      long pv = personalOf(type, v);
      if (q.ownVolumeIsLeg() && pv >= capAt) {
        atCap++;
      } else {
        below += pv;
      }
      long need = c.units.threshold(q.volume().subtract(cap.multiply(BigDecimal.valueOf(atCap))));
      return need != Long.MAX_VALUE && below >= need;
    }

    /**
     * The tops of v's legs: personally sponsored distributors, or on the placement tree those
     * placed right below v.
     */
    List<Integer> legTops(boolean placement) {
      return tops(v, placement);
    }

    /**
     * The volume of a type (null: the qualifying one) of the leg under {@code top}, with the
     * orders: group or placement volume.
     */
    long legVolume(String type, int top, boolean placement) {
      return placement ? sideOf(type, c.placements.position[top]) : leg(type, top);
    }

    boolean legSlots(Requirement.LegsWithVolume q) {
      boolean placement = !sponsorLegs(q);
      String type = typeOf(q);
      List<Long> legs = new ArrayList<>();
      for (int top : legTops(placement)) {
        legs.add(legVolume(type, top, placement));
      }
      legs.sort(Comparator.reverseOrder());
      List<BigDecimal> slots = q.slots();
      for (int i = 0; i < slots.size(); i++) {
        if (i >= legs.size() || legs.get(i) < c.units.threshold(slots.get(i))) {
          return false;
        }
      }
      return true;
    }

    /** How many of v's legs have an active distributor, with the drafts' orders. */
    int activeLegs(Rules.ActiveLegs q) {
      int n = q.activeLegs(v);
      List<Integer> counted = new ArrayList<>();
      for (int d : personalAdded.keySet()) {
        if (activated(d)) {
          int leg = legOf(d);
          if (leg >= 0 && !q.legActive(leg) && !counted.contains(leg)) {
            counted.add(leg);
            n++;
          }
        }
      }
      return n;
    }

    /** Whether the leg under {@code top} has an active distributor, with the drafts' orders. */
    boolean legActive(Rules.ActiveLegs q, int top) {
      if (q.legActive(top)) {
        return true;
      }
      for (int d : personalAdded.keySet()) {
        if (activated(d) && legOf(d) == top) {
          return true;
        }
      }
      return false;
    }

    /** Whether distributor d, not v, is inactive in the evaluation and active with the orders. */
    private boolean activated(int d) {
      return d != v && !c.active[d] && distributorActive(d);
    }

    /** The personal volume of the window, of its type, this period's with the drafts' orders. */
    long accumulated(Rules.AccumulatedVolume q) {
      String type = typeOf(q.requirement);
      return q.total(v) - volumesOf(type).personal[v] + personalOf(type, v);
    }

    boolean accumulatedMet(Rules.AccumulatedVolume q) {
      return !q.closedBelow(v) && personalOf(typeOf(q.requirement), v) >= q.minimumEach()
          && accumulated(q) >= q.threshold();
    }

    /**
     * Whether the drafts' orders could move the levels of v's downline: under compression, a
     * distributor of v's group the orders make active takes a level and pushes their downline
     * one level further. The model does not work that out (it is then not sure of the level
     * volume, and says the requirement is not met).
     */
    boolean levelsMoved(Rules.LevelGroupVolume q) {
      if (!q.compressed()) {
        return false;
      }
      boolean placement = !sponsorLegs(q.requirement);
      for (int d : personalAdded.keySet()) {
        if (activated(d) && (placement ? level(d, false, true) > 0 : legOf(d) >= 0)) {
          return true;
        }
      }
      return false;
    }

    /** The volume of v's first levels, of the type they read, with the drafts' orders. */
    long levelVolume(Rules.LevelGroupVolume q) {
      long sum = q.volume(v);
      boolean placement = !sponsorLegs(q.requirement);
      for (Map.Entry<Integer, Long> e : added(typeOf(q.requirement)).entrySet()) {
        int level = level(e.getKey(), q.compressed(), placement);
        if (level >= 0 && level <= q.levels()) {
          sum += e.getValue();
        }
      }
      return sum;
    }

    /**
     * The level of distributor d below v, v at 0: the distributors on the way up from d to v
     * (d included, v not) that take a level, every one unless compressed, where an inactive one
     * takes none; -1 outside v's group (on the placement tree, v's placement subtree).
     */
    private int level(int d, boolean compressed, boolean placement) {
      long key = (long) d << 2 | (compressed ? 1 : 0) | (placement ? 2 : 0);
      Integer known = levels.get(key);
      if (known != null) {
        return known;
      }
      int level = 0;
      int[] parent = placement ? c.placements.parent : c.org.parent;
      int x = d;
      while (x >= 0 && x != v) {
        if (!compressed || c.active[x] || c.notCompressed(x)) {
          level++;
        }
        x = parent[x];
      }
      int out = x == v ? level : -1;
      levels.put(key, out);
      return out;
    }

    /**
     * Whether the drafts' orders reach v's downline: more volume there may lift someone past a
     * breakaway rank and take their volume out of v's personal group volume, which the model
     * does not work out (it then says the requirement is not met).
     */
    boolean downlineTouched() {
      for (int d : personalAdded.keySet()) {
        if (legOf(d) >= 0) {
          return true;
        }
      }
      return false;
    }

    /**
     * v's personal group volume, of the type it reads, with the drafts' orders, when they stay in
     * v's own.
     */
    long personalGroup(Rules.PersonalGroupVolume q) {
      return q.volume(v) + added(typeOf(q.requirement)).getOrDefault(v, 0L);
    }

    /**
     * Whether v meets every requirement of rank t with the drafts' orders, those an override
     * waives for v counted as met.
     */
    boolean meets(Goal g) {
      long pv = g.minimum(Metric.PERSONAL_SALES);
      long gv = g.minimum(Metric.GROUP_SALES);
      if (pv != Computation.NONE && personal(v) < pv
          || gv != Computation.NONE && group < gv
          || activeCustomers < g.minimum(Metric.ACTIVE_PERSONAL_CUSTOMERS)
          || activeDistributors < g.minimum(Metric.ACTIVE_PERSONAL_DISTRIBUTORS)) {
        return false;
      }
      Rules.Rule[] rules = g.rules;
      for (int i = 0; i < rules.length; i++) {
        Rules.Rule rule = rules[i];
        Requirement q = rule.requirement;
        boolean met;
        if (q.metric().isPresent() || g.waived(i)) {
          met = true;
        } else if (g.toBePaidAs(i)) {
          met = meets(g.withRank(i, ((Rules.PaidAsInPeriods) rule).rank()));
        } else if (rule instanceof Rules.AnyOf any) {
          // Any path whose every requirement the orders meet, the rest of the goal with it.
          met = false;
          for (int p = 0; p < any.pathCount() && !met; p++) {
            met = meets(g.withPath(i, p));
          }
        } else if (rule instanceof Rules.VolumeOfType vt) {
          met = (vt.group() ? groupOf(typeOf(q)) : personalOf(typeOf(q), v)) >= vt.threshold();
        } else if (q instanceof Requirement.CappedGroupVolume cq) {
          met = capped(cq);
        } else if (rule instanceof Rules.ActiveLegs al) {
          met = activeLegs(al) >= al.count();
        } else if (rule instanceof Rules.AccumulatedVolume av) {
          met = accumulatedMet(av);
        } else if (rule instanceof Rules.LevelGroupVolume lg) {
          met = !levelsMoved(lg) && levelVolume(lg) >= lg.required();
        } else if (rule instanceof Rules.PersonalGroupVolume pg) {
          met = !downlineTouched() && personalGroup(pg) >= pg.required();
        } else if (q instanceof Requirement.LegsWithVolume lq) {
          met = legSlots(lq);
        } else if (sideQualifier(rule)) {
          met = sideQualifiersMet(rule);
        } else if (qualifier(q)) {
          met = qualifiersMet(rule);
        } else if (rule instanceof Rules.Range r) {
          met = rangeMet(r);
        } else if (rule instanceof PlacementRules.SideVolume sv) {
          long left = sideOf(typeOf(q), Placement.LEFT);
          long right = sideOf(typeOf(q), Placement.RIGHT);
          met = Math.min(left, right) >= sv.weak() && Math.max(left, right) >= sv.strong();
        } else if (rule instanceof PlacementRules.SponsoredOnEachSide so && so.ofActive()) {
          met = Math.min(sponsoredOn(so, Placement.LEFT), sponsoredOn(so, Placement.RIGHT))
              >= so.count();
        } else if (rule instanceof PlacementRules.MatrixPositions mp) {
          met = positions(mp) >= mp.count();
        } else if (rule instanceof Rules.PaidAsInPeriods p && g.ranks.contains(p.rank())) {
          // That rank's requirements are among the goal's, checked here with the rest: when
          // they are all met, v meets the rank this period, and this period counts.
          met = p.reachable(v);
        } else if (q instanceof Requirement.Host) {
          met = rule.met(v) || hostTaken.containsKey(rule)
              && hostTaken.get(rule).equals(hostSteps.get(rule));
        } else {
          met = rule.met(v);
        }
        if (!met) {
          return false;
        }
      }
      return true;
    }

    /**
     * A range under the added orders: every figure but days since joining, which do not move,
     * is followed by the model (personal and group volume, the active counts, downline volume
     * whole or of the first levels on either tree, each volume of the type it reads; the largest
     * leg's share) and checked against both bounds.
     */
    private boolean rangeMet(Rules.Range r) {
      String type = typeOf(r.requirement);
      return switch (r.of()) {
        case PERSONAL_VOLUME -> r.within(personalOf(type, v));
        case GROUP_VOLUME -> r.within(groupOf(type));
        case ACTIVE_PERSONAL_CUSTOMERS -> r.within(activeCustomers);
        case ACTIVE_PERSONAL_DISTRIBUTORS -> r.within(activeDistributors);
        case DAYS_SINCE_JOINED -> r.met(v);
        case DOWNLINE_VOLUME -> r.within(downline(r));
        case LARGEST_LEG_PERCENT -> shareWithin(r);
      };
    }

    /**
     * The personal volume of another type added, by distributor: their own orders of the type
     * and, where customers' orders count, their customers' (no self-purchase cap: it limits the
     * qualifying type only).
     */
    private Map<Integer, Long> typedAdded(String type) {
      return typedAddedCache.computeIfAbsent(type, t -> {
        Map<Integer, Long> out = new HashMap<>(typedOwn.getOrDefault(t, Map.of()));
        if (withCustomers) {
          for (Map.Entry<Integer, Long> e : typedCustomer.getOrDefault(t, Map.of()).entrySet()) {
            out.merge(c.org.customerOwner[e.getKey()], e.getValue(), Long::sum);
          }
        }
        return out;
      });
    }

    private Computation.Volumes volumesOf(String type) {
      return c.volumes(Optional.ofNullable(type));
    }

    /** Distributor d's personal volume of a type (null: the qualifying one), with the orders. */
    long personalOf(String type, int d) {
      return type == null ? personal(d)
          : volumesOf(type).personal[d] + typedAdded(type).getOrDefault(d, 0L);
    }

    /** v's group volume of a type (null: the qualifying one), with the orders. */
    long groupOf(String type) {
      if (type == null) {
        return group;
      }
      long g = volumesOf(type).group[v];
      for (Map.Entry<Integer, Long> e : typedAdded(type).entrySet()) {
        if (legOf(e.getKey()) != -2) {
          g += e.getValue();
        }
      }
      return g;
    }

    /** The volume of a type (null: the qualifying one) on v's side at {@code position}. */
    long sideOf(String type, int position) {
      if (type == null) {
        return side(position);
      }
      int top = c.placements.child(v, position);
      if (top < 0) {
        return 0;
      }
      long x = volumesOf(type).placement[top];
      for (Map.Entry<Integer, Long> e : typedAdded(type).entrySet()) {
        if (placedUnder(e.getKey(), position)) {
          x += e.getValue();
        }
      }
      return x;
    }

    /** The volume of v's side at {@code position} of the placement tree, with the orders. */
    long side(int position) {
      int top = c.placements.child(v, position);
      if (top < 0) {
        return 0;
      }
      long x = c.placementVolume[top];
      for (Map.Entry<Integer, Long> e : personalAdded.entrySet()) {
        if (placedUnder(e.getKey(), position)) {
          x += e.getValue();
        }
      }
      return x;
    }

    /** Whether d is on v's side at {@code position} of the placement tree. */
    private boolean placedUnder(int d, int position) {
      Integer known = placedSide.get(d);
      if (known == null) {
        int[] up = c.placements.parent;
        int x = d;
        while (x >= 0 && x != v && up[x] != v) {
          x = up[x];
        }
        known = x >= 0 && x != v ? (int) c.placements.position[x] : 0;
        placedSide.put(d, known);
      }
      return known.intValue() == position;
    }

    /** Personally sponsored distributors counted on v's side at {@code position}, activated too. */
    int sponsoredOn(PlacementRules.SponsoredOnEachSide q, int position) {
      int n = q.on(v, position);
      for (int d : personalAdded.keySet()) {
        if (activated(d) && c.org.parent[d] == v
            && c.placements.sideUnderSponsor[d] == position) {
          n++;
        }
      }
      return n;
    }

    /** The positions counted in v's first levels of the matrix, those the orders activate too. */
    int positions(PlacementRules.MatrixPositions q) {
      int n = q.total(v);
      if (!q.ofActive()) {
        return n;
      }
      int[] up = c.placements.parent;
      for (int d : personalAdded.keySet()) {
        if (!activated(d)) {
          continue;
        }
        int x = d;
        int depth = 0;
        while (x >= 0 && x != v && depth < q.levels()) {
          x = up[x];
          depth++;
        }
        if (x == v && depth >= 1) {
          n++;
        }
      }
      return n;
    }

    /**
     * v's downline volume (whole, or of the range's first levels; on the range's tree) with the
     * orders.
     */
    long downline(Rules.Range r) {
      boolean placement = ((Requirement.Range) r.requirement).tree() == Requirement.Tree.PLACEMENT;
      String type = typeOf(r.requirement);
      long all = r.levels() != null ? levelVolume(r.levels())
          : placement ? placementTotal(type) : groupOf(type);
      return all - personalOf(type, v);
    }

    /**
     * The volume of a type (null: the qualifying one) of v's placement subtree, v's own included,
     * with the orders.
     */
    long placementTotal(String type) {
      long x = type == null ? c.placementVolume[v] : volumesOf(type).placement[v];
      for (Map.Entry<Integer, Long> e : added(type).entrySet()) {
        if (level(e.getKey(), false, true) >= 0) {
          x += e.getValue();
        }
      }
      return x;
    }

    /** The top of v's largest leg with the orders (the first of equals); -1 without legs. */
    int largestLeg() {
      Organisation o = c.org;
      int best = -1;
      for (int k = o.childrenFrom(v); k < o.childrenTo(v); k++) {
        int top = o.child(k);
        if (best < 0 || leg(top) > leg(best)) {
          best = top;
        }
      }
      return best;
    }

    /**
     * The sign of the largest leg's share with the orders minus a percent, exactly, as
     * {@link Rules} compares it: no share (0) without group volume or volume in a leg.
     */
    private int shareMinus(BigDecimal percent) {
      int top = largestLeg();
      long l = top < 0 ? 0 : leg(top);
      if (group <= 0 || l <= 0) {
        return BigDecimal.ZERO.compareTo(percent);
      }
      return BigDecimal.valueOf(l).multiply(BigDecimal.valueOf(100))
          .compareTo(percent.multiply(BigDecimal.valueOf(group)));
    }

    boolean shareAbove(BigDecimal most) {
      return shareMinus(most) > 0;
    }

    /** Whether the largest leg's share with the orders is within the range's bounds. */
    boolean shareWithin(Rules.Range r) {
      Requirement.Range q = (Requirement.Range) r.requirement;
      return q.atLeast().map(x -> shareMinus(x) >= 0).orElse(true)
          && q.atMost().map(x -> shareMinus(x) <= 0).orElse(true);
    }

    /**
     * Whether each side holds enough people of the rule's rank with the orders: those counted
     * now, less those whose figures the orders move and who then miss the rank, plus those the
     * orders bring to it (the qualifier steps taken among them).
     */
    private boolean sideQualifiersMet(Rules.Rule rule) {
      Sides k = sidesOf(rule);
      PlacementRules.SponsoredOnEachSide sponsored = k.sponsored;
      int count = k.count;
      int rank = k.rank;
      int[] have = new int[Placement.RIGHT + 1];
      for (int side = Placement.LEFT; side <= Placement.RIGHT; side++) {
        have[side] = k.on(v, side);
      }
      for (int m : moved()) {
        int side;
        if (sponsored != null) {
          side = m != v && c.org.parent[m] == v ? c.placements.sideUnderSponsor[m] : 0;
        } else {
          int top = legAndLevel(m, true)[0];
          side = top < 0 ? 0 : c.placements.position[top];
        }
        if (side <= 0) {
          continue;
        }
        boolean now = c.paidAs[m] >= rank;
        if (now != stillReaches(m, rank)) {
          have[side] += now ? -1 : 1;
        }
      }
      return have[Placement.LEFT] >= count && have[Placement.RIGHT] >= count;
    }

    /**
     * Whether v has enough legs (or personally sponsored distributors) with someone of the
     * rule's rank with the orders. Only legs holding someone whose figures the orders move can
     * change: such a leg counted now stays counted if its best person is not moved or still
     * meets the rank, or another moved person within reach meets it; a leg not counted now
     * counts if a moved person within reach meets the rank (the qualifier steps taken among
     * them). The model may undercount a leg that keeps someone of the rank who is not its best
     * person, never overcount.
     */
    private boolean qualifiersMet(Rules.Rule rule) {
      java.util.Set<Integer> moved = moved();
      if (moved.isEmpty()) {
        return rule.met(v);
      }
      Qualifier k = qualifierOf(rule);
      Map<Integer, List<Integer>> reach = new HashMap<>();
      for (int y : moved) {
        int[] at = legAndLevel(y, k.placement);
        if (at[0] >= 0) {
          List<Integer> ys = reach.computeIfAbsent(at[0], t -> new ArrayList<>());
          if (at[1] < k.levels) {
            ys.add(y);
          }
        }
      }
      int have = rule.status(v).actual().intValueExact();
      for (Map.Entry<Integer, List<Integer>> leg : reach.entrySet()) {
        Closest x = closestIn(leg.getKey(), rule, k);
        if (x.qualifies && (!moved.contains(x.person) || !mayDrop(x.person, k)
            || stillReaches(x.person, k.rank))) {
          continue;
        }
        boolean after = false;
        if (k.basis != Requirement.RankBasis.LAST_PERIOD) {
          for (int y : leg.getValue()) {
            if ((y != x.person || !x.qualifies) && stillReaches(y, k.rank)) {
              after = true;
              break;
            }
          }
        }
        if (x.qualifies && !after) {
          have--;
        } else if (!x.qualifies && after) {
          have++;
        }
      }
      return have >= k.count;
    }

    /**
     * Distributor d's leg of v on either tree and level in it: {top, level}, the top -1 outside
     * v's legs (v included). Every distributor met on the walk up is noted on the way, so a walk
     * ends where an earlier one went by.
     */
    private int[] legAndLevel(int d, boolean placement) {
      Map<Integer, int[]> known = placement ? placementLeg : sponsorLeg;
      int[] up = placement ? c.placements.parent : c.org.parent;
      List<Integer> path = new ArrayList<>();
      int x = d;
      int[] at;
      while (true) {
        int[] k = known.get(x);
        if (k != null) {
          at = k;
          break;
        }
        if (x == v || up[x] < 0) {
          at = new int[] {-1, 0};
          known.put(x, at);
          break;
        }
        if (up[x] == v) {
          at = new int[] {x, 0};
          known.put(x, at);
          break;
        }
        path.add(x);
        x = up[x];
      }
      for (int i = path.size() - 1; i >= 0; i--) {
        at = at[0] < 0 ? at : new int[] {at[0], at[1] + 1};
        known.put(path.get(i), at);
      }
      return known.get(d);
    }

    /**
     * Whether the rank d is counted at on the qualifier's basis can fall with this period's
     * figures: not last period's rank, nor a title the history already holds.
     */
    private boolean mayDrop(int d, Qualifier k) {
      return switch (k.basis) {
        case PAID_AS -> true;
        case TITLE -> c.titleRank == null || c.titleRank[d] < k.rank;
        case LAST_PERIOD -> false;
      };
    }

    /**
     * Whether distributor d is paid as rank r or higher with every draft's orders: meets rank r's
     * requirements or those of a rank above it. The paid-as rank is the highest whose
     * requirements are met, and a ladder need not rise: an order can bring someone to a rank
     * above r without r's requirements (such as a rank asking personal volume only, above one
     * asking sponsored distributors), and they count as "r or higher" all the same.
     */
    private boolean stillReaches(int d, int r) {
      for (int s = r; s < c.rankCount; s++) {
        if (stillMeets(d, s)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether distributor d meets every requirement of rank r with every draft's orders: a model
     * of d's own over the same drafts, its own qualifiers checked the same way. Past as many
     * nested models as the ladder has ranks, no: the model then undercounts, and the advice is
     * marked incomplete rather than wrong.
     */
    private boolean stillMeets(int d, int r) {
      long key = ((long) d << 8) | r;
      Boolean known = meetsWith.get(key);
      if (known == null) {
        known = depth < c.rankCount && new Model(d, drafts, skip, this).meets(new Goal(r, d));
        meetsWith.put(key, known);
      }
      return known;
    }

    /**
     * Each buyer of the drafts' orders (a customer's owner for a customer) and everyone above
     * them on the sponsor tree and, with one, the placement tree: whose figures, and so whose
     * ranks, the orders can move.
     */
    private java.util.Set<Integer> moved() {
      if (root != this) {
        return root.moved();
      }
      if (moved == null) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>(own.keySet());
        for (int cu : customer.keySet()) {
          todo.add(c.org.customerOwner[cu]);
        }
        int[] sponsor = c.org.parent;
        int[] placed = c.placements == null ? null : c.placements.parent;
        while (!todo.isEmpty()) {
          int d = todo.poll();
          if (d < 0 || !out.add(d)) {
            continue;
          }
          todo.add(sponsor[d]);
          if (placed != null) {
            todo.add(placed[d]);
          }
        }
        moved = out;
      }
      return moved;
    }
  }
}
