package dev.rankgauge;

import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleContext;
import dev.rankgauge.spi.RuleOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Requirements compiled against one {@link Computation}: each kind reads and fills dense arrays.
 * A rule that needs figures of the downline accumulates them in {@link Rule#childDone}, which the
 * bottom-up pass calls once per distributor, after that distributor's rank is known and before
 * their sponsor's is computed. Every rule is linear in the size of the organisation (times a
 * small constant such as a number of levels or slots).
 */
final class Rules {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Rules() {}

  /** The most decimals any figure of the plan has, so that thresholds convert exactly. */
  static int planScale(CompPlan plan) {
    int scale = 0;
    if (plan.customerActivity() instanceof ActivityRule.MinimumVolume m) {
      scale = Math.max(scale, m.volume().scale());
    }
    if (plan.distributorActivity() instanceof ActivityRule.MinimumVolume m) {
      scale = Math.max(scale, m.volume().scale());
    }
    if (plan.personalVolume().selfPurchaseCap().isPresent()) {
      scale = Math.max(scale, plan.personalVolume().selfPurchaseCap().get().scale());
    }
    for (Rank r : plan.ranks()) {
      for (Requirement q : r.requirements()) {
        scale = Math.max(scale, scale(q));
      }
    }
    return scale;
  }

  private static int scale(Requirement q) {
    if (q instanceof Requirement.PersonalVolume p) {
      return p.volume().scale();
    } else if (q instanceof Requirement.GroupVolume g) {
      return g.volume().scale();
    } else if (q instanceof Requirement.LegsWithVolume l) {
      return l.slots().stream().mapToInt(BigDecimal::scale).max().orElse(0);
    } else if (q instanceof Requirement.CappedGroupVolume c) {
      // Not the cap's scale: a cap such as 33.33% of 1,000 would widen every volume of the
      // evaluation; CappedGroupVolume keeps its own finer scale instead.
      return c.volume().scale();
    } else if (q instanceof Requirement.LevelGroupVolume l) {
      return l.volume().scale();
    } else if (q instanceof Requirement.PersonalGroupVolume p) {
      return p.volume().scale();
    } else if (q instanceof Requirement.AnyOf a) {
      int s = 0;
      for (Requirement.Path p : a.paths()) {
        for (Requirement inner : p.requirements()) {
          s = Math.max(s, scale(inner));
        }
      }
      return s;
    }
    return 0;
  }

  static BigDecimal percent(BigDecimal actual, BigDecimal required) {
    if (required.signum() <= 0) {
      return HUNDRED.setScale(2);
    }
    if (actual.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal p = actual.multiply(HUNDRED).divide(required, 2, RoundingMode.DOWN);
    return p.min(HUNDRED.setScale(2));
  }

  // --- the ladder ------------------------------------------------------------------------------

  /** The plan's ranks compiled: metric thresholds inline for speed, every other rule as objects. */
  static final class Ladder {
    private final Computation s;
    private final int ranks;
    final long[] minPersonal;
    final long[] minGroup;
    final int[] minCustomers;
    final int[] minDistributors;
    /** Per rank, the rules other than the four gauge thresholds. */
    private final Rule[][] others;
    /** Per rank, every requirement in the plan's order. */
    final Rule[][] all;
    private final List<Rule> aggregators = new ArrayList<>();
    private boolean titles;
    private boolean legFacts;

    Ladder(Computation s) {
      this.s = s;
      List<Rank> rs = s.plan.ranks();
      ranks = rs.size();
      minPersonal = new long[ranks];
      minGroup = new long[ranks];
      minCustomers = new int[ranks];
      minDistributors = new int[ranks];
      others = new Rule[ranks][];
      all = new Rule[ranks][];
      Arrays.fill(minPersonal, Computation.NONE);
      Arrays.fill(minGroup, Computation.NONE);
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
      }
    }

    Rule[] aggregators() {
      return aggregators.toArray(new Rule[0]);
    }

    boolean readsTitles() {
      return titles;
    }

    boolean needsLegFacts() {
      return legFacts;
    }

    /** The highest rank whose whole requirement set this distributor meets. */
    int paidAs(int v) {
      long pv = s.personalVolume[v];
      long gv = s.groupVolume[v];
      int ac = s.activeCustomers[v];
      int ad = s.activeDistributors[v];
      for (int r = ranks - 1; r > 0; r--) {
        if (pv < minPersonal[r] || gv < minGroup[r] || ac < minCustomers[r]
            || ad < minDistributors[r]) {
          continue;
        }
        if (allMet(others[r], v)) {
          return r;
        }
      }
      return 0;
    }

    boolean met(int rank, int v) {
      return allMet(all[rank], v);
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
      Rule rule;
      if (q instanceof Requirement.PersonalVolume p) {
        rule = new MetricRule(s, q, Metric.PERSONAL_SALES, s.units(p.volume()));
      } else if (q instanceof Requirement.GroupVolume g) {
        rule = new MetricRule(s, q, Metric.GROUP_SALES, s.units(g.volume()));
      } else if (q instanceof Requirement.ActivePersonalCustomers c) {
        rule = new MetricRule(s, q, Metric.ACTIVE_PERSONAL_CUSTOMERS, c.count());
      } else if (q instanceof Requirement.ActivePersonalDistributors d) {
        rule = new MetricRule(s, q, Metric.ACTIVE_PERSONAL_DISTRIBUTORS, d.count());
      } else if (q instanceof Requirement.SponsoredWithRank w) {
        rule = new FrontLineRank(s, q, w.count(), level(w.rank()), false);
      } else if (q instanceof Requirement.LegsWithRank l) {
        boolean title = l.basis() == Requirement.RankBasis.TITLE;
        titles |= title;
        rule = switch (l.reach()) {
          case FRONT_LINE -> new FrontLineRank(s, q, l.count(), level(l.rank()), title);
          case ANYWHERE -> new LegRankAnywhere(s, q, l.count(), level(l.rank()), title);
          case WITHIN_LEVELS ->
              new LegRankWithin(s, q, l.count(), level(l.rank()), title, l.levels());
        };
      } else if (q instanceof Requirement.LegsWithVolume l) {
        rule = new LegsWithVolume(s, l);
      } else if (q instanceof Requirement.CappedGroupVolume c) {
        rule = new CappedGroupVolume(s, c);
      } else if (q instanceof Requirement.LevelGroupVolume l) {
        rule = new LevelGroupVolume(s, l);
      } else if (q instanceof Requirement.PersonalGroupVolume p) {
        rule = new PersonalGroupVolume(s, p, level(p.breakawayRank()));
      } else if (q instanceof Requirement.ActiveLegs a) {
        rule = new ActiveLegs(s, a);
      } else if (q instanceof Requirement.AnyOf a) {
        Rule[][] paths = new Rule[a.paths().size()][];
        for (int i = 0; i < paths.length; i++) {
          List<Requirement> reqs = a.paths().get(i).requirements();
          paths[i] = new Rule[reqs.size()];
          for (int j = 0; j < reqs.size(); j++) {
            paths[i][j] = compile(reqs.get(j));
          }
        }
        rule = new AnyOf(s, a, paths);
      } else {
        legFacts = true;
        rule = new CustomRule(s, (Requirement.Custom) q);
      }
      if (rule.aggregates()) {
        aggregators.add(rule);
      }
      return rule;
    }

    private int level(String code) {
      return s.plan.rankLevel(code);
    }
  }

  // --- rules -----------------------------------------------------------------------------------

  /** A requirement compiled for one evaluation. */
  abstract static class Rule {
    final Computation s;
    final Requirement requirement;

    Rule(Computation s, Requirement requirement) {
      this.s = s;
      this.requirement = requirement;
    }

    /** Whether the distributor meets the requirement; their downline's figures are final. */
    abstract boolean met(int v);

    /** The requirement's status for the distributor, built at the edge. */
    abstract RequirementStatus status(int v);

    /** Whether {@link #childDone} must be called in the bottom-up pass. */
    boolean aggregates() {
      return false;
    }

    /** Distributor {@code c}'s figures and rank are final: fold them into sponsor {@code p}. */
    void childDone(int c, int p) {}

    String describe() {
      return requirement.describe(s.plan.qualifyingVolumeType());
    }

    RequirementStatus status(BigDecimal required, BigDecimal actual, boolean met, String note,
        List<RequirementStatus> parts) {
      BigDecimal remaining = met ? BigDecimal.ZERO : required.subtract(actual).max(BigDecimal.ZERO);
      return new RequirementStatus(requirement, describe(), required, actual, remaining,
          met ? HUNDRED.setScale(2) : percent(actual, required), met, note, parts);
    }

    RequirementStatus countStatus(int required, int actual, String note) {
      return status(BigDecimal.valueOf(required), BigDecimal.valueOf(actual), actual >= required,
          note, List.of());
    }

    /** Distributor ids sorted, so that notes read the same whatever the order of the input rows. */
    String ids(List<Integer> distributors) {
      List<String> out = new ArrayList<>(distributors.size());
      for (int d : distributors) {
        out.add(s.org.distributors[d].id());
      }
      out.sort(null);
      return String.join(", ", out);
    }
  }

  /** One of the four gauge thresholds. */
  static final class MetricRule extends Rule {
    final Metric metric;
    /** Volume units, or a count. */
    final long units;

    MetricRule(Computation s, Requirement q, Metric metric, long units) {
      super(s, q);
      this.metric = metric;
      this.units = units;
    }

    long value(int v) {
      return switch (metric) {
        case PERSONAL_SALES -> s.personalVolume[v];
        case GROUP_SALES -> s.groupVolume[v];
        case ACTIVE_PERSONAL_CUSTOMERS -> s.activeCustomers[v];
        case ACTIVE_PERSONAL_DISTRIBUTORS -> s.activeDistributors[v];
      };
    }

    @Override
    boolean met(int v) {
      return value(v) >= units;
    }

    @Override
    RequirementStatus status(int v) {
      boolean volume = metric == Metric.PERSONAL_SALES || metric == Metric.GROUP_SALES;
      BigDecimal required = requirement.metricThreshold().orElseThrow();
      BigDecimal actual = volume ? s.decimal(value(v)) : BigDecimal.valueOf(value(v));
      return status(required, actual, met(v), "", List.of());
    }
  }

  /** Personally sponsored distributors at a rank or higher (sponsored-with-rank, front-line legs). */
  static final class FrontLineRank extends Rule {
    private final int count;
    private final int rank;
    private final boolean title;
    private final int[] qualified;

    FrontLineRank(Computation s, Requirement q, int count, int rank, boolean title) {
      super(s, q);
      this.count = count;
      this.rank = rank;
      this.title = title;
      this.qualified = new int[s.org.distributorCount()];
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      if (s.rankFor(c, title) >= rank) {
        qualified[p]++;
      }
    }

    @Override
    boolean met(int v) {
      return qualified[v] >= count;
    }

    @Override
    RequirementStatus status(int v) {
      List<Integer> who = new ArrayList<>();
      Organisation o = s.org;
      for (int k = o.childStart[v]; k < o.childStart[v + 1]; k++) {
        if (s.rankFor(o.children[k], title) >= rank) {
          who.add(o.children[k]);
        }
      }
      return countStatus(count, qualified[v], who.isEmpty() ? "" : "qualifying: " + ids(who));
    }
  }

  /** Legs containing someone at a rank or higher, anywhere in the leg. */
  static final class LegRankAnywhere extends Rule {
    private final int count;
    private final int rank;
    private final boolean title;
    private final byte[] best;
    private final int[] qualified;

    LegRankAnywhere(Computation s, Requirement q, int count, int rank, boolean title) {
      super(s, q);
      this.count = count;
      this.rank = rank;
      this.title = title;
      int n = s.org.distributorCount();
      this.best = new byte[n];
      this.qualified = new int[n];
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      int b = Math.max(best[c], s.rankFor(c, title));
      best[c] = (byte) b;
      if (b >= rank) {
        qualified[p]++;
      }
      if (b > best[p]) {
        best[p] = (byte) b;
      }
    }

    @Override
    boolean met(int v) {
      return qualified[v] >= count;
    }

    @Override
    RequirementStatus status(int v) {
      List<Integer> legs = new ArrayList<>();
      Organisation o = s.org;
      for (int k = o.childStart[v]; k < o.childStart[v + 1]; k++) {
        if (best[o.children[k]] >= rank) {
          legs.add(o.children[k]);
        }
      }
      return countStatus(count, qualified[v], legs.isEmpty() ? "" : "qualifying legs: " + ids(legs));
    }
  }

  /** Legs containing someone at a rank or higher within the first k levels of the leg. */
  static final class LegRankWithin extends Rule {
    private final int count;
    private final int rank;
    private final boolean title;
    private final int k;
    /** best[d*k + j]: highest rank at depth j below d (d itself at depth 0). */
    private final byte[] best;
    private final int[] qualified;
    private final boolean[] legQualifies;

    LegRankWithin(Computation s, Requirement q, int count, int rank, boolean title, int k) {
      super(s, q);
      this.count = count;
      this.rank = rank;
      this.title = title;
      this.k = k;
      int n = s.org.distributorCount();
      this.best = new byte[Math.multiplyExact(n, k)];
      this.qualified = new int[n];
      this.legQualifies = new boolean[n];
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      int base = c * k;
      best[base] = (byte) Math.max(best[base], s.rankFor(c, title));
      boolean q = false;
      for (int j = 0; j < k; j++) {
        q |= best[base + j] >= rank;
      }
      legQualifies[c] = q;
      if (q) {
        qualified[p]++;
      }
      int pb = p * k;
      for (int j = 0; j + 1 < k; j++) {
        if (best[base + j] > best[pb + j + 1]) {
          best[pb + j + 1] = best[base + j];
        }
      }
    }

    @Override
    boolean met(int v) {
      return qualified[v] >= count;
    }

    @Override
    RequirementStatus status(int v) {
      List<Integer> legs = new ArrayList<>();
      Organisation o = s.org;
      for (int i = o.childStart[v]; i < o.childStart[v + 1]; i++) {
        if (legQualifies[o.children[i]]) {
          legs.add(o.children[i]);
        }
      }
      return countStatus(count, qualified[v], legs.isEmpty() ? "" : "qualifying legs: " + ids(legs));
    }
  }

  /** Legs filling volume slots; the k largest legs, sorted, against the slots, sorted. */
  static final class LegsWithVolume extends Rule {
    private final long[] slots;
    private final int k;
    /** top[d*k + i]: the i-th largest leg group volume of d, NONE where d has fewer legs. */
    private final long[] top;

    LegsWithVolume(Computation s, Requirement.LegsWithVolume q) {
      super(s, q);
      this.k = q.slots().size();
      this.slots = new long[k];
      for (int i = 0; i < k; i++) {
        slots[i] = s.units(q.slots().get(i));
      }
      this.top = new long[Math.multiplyExact(s.org.distributorCount(), k)];
      Arrays.fill(top, Computation.NONE);
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      long g = s.groupVolume[c];
      int base = p * k;
      if (g <= top[base + k - 1]) {
        return;
      }
      int i = k - 1;
      while (i > 0 && top[base + i - 1] < g) {
        top[base + i] = top[base + i - 1];
        i--;
      }
      top[base + i] = g;
    }

    @Override
    boolean met(int v) {
      int base = v * k;
      for (int i = 0; i < k; i++) {
        if (top[base + i] < slots[i]) {
          return false;
        }
      }
      return true;
    }

    /** The most slots distinct legs can fill: smallest slot first, with the smallest leg that fits. */
    private int filled(int v) {
      long[] legs = Arrays.copyOfRange(top, v * k, v * k + k);
      int filled = 0;
      int leg = k - 1;
      for (int slot = k - 1; slot >= 0 && leg >= 0; slot--) {
        while (leg >= 0 && legs[leg] < slots[slot]) {
          leg--;
        }
        if (leg >= 0) {
          filled++;
          leg--;
        }
      }
      return filled;
    }

    @Override
    RequirementStatus status(int v) {
      boolean met = met(v);
      StringBuilder note = new StringBuilder();
      if (!met) {
        for (int i = 0; i < k; i++) {
          long have = Math.max(0, top[v * k + i]);
          if (have < slots[i]) {
            note.append(note.length() == 0 ? "short: " : "; ").append("a leg of ")
                .append(s.decimal(slots[i]).toPlainString()).append(" (")
                .append(top[v * k + i] == Computation.NONE ? "no such leg yet"
                    : "nearest leg has " + s.decimal(have).toPlainString())
                .append(")");
          }
        }
      }
      return status(BigDecimal.valueOf(k), BigDecimal.valueOf(filled(v)), met, note.toString(),
          List.of());
    }
  }

  /** Group volume with at most a fixed share of the requirement from any one leg. */
  static final class CappedGroupVolume extends Rule {
    private final Requirement.CappedGroupVolume q;
    /** Extra decimals so that the cap converts exactly: fine units = units * factor. */
    private final long factor;
    private final int fineScale;
    /** The cap per leg, in fine units. */
    private final long cap;
    /** The smallest volume in units that reaches the cap; at or above it a leg counts the cap. */
    private final long capInUnits;
    private final long required;
    /** Per distributor, the sum over their legs of min(leg group volume, cap), in fine units. */
    private final long[] legSum;

    CappedGroupVolume(Computation s, Requirement.CappedGroupVolume q) {
      super(s, q);
      this.q = q;
      BigDecimal capPerLeg = q.capPerLeg();
      this.fineScale = Math.max(s.scale, Math.min(s.scale + 6,
          Math.max(capPerLeg.scale(), q.volume().scale())));
      this.factor = BigDecimal.TEN.pow(fineScale - s.scale).longValueExact();
      this.cap = fine(capPerLeg, RoundingMode.FLOOR);
      this.capInUnits = Math.floorDiv(cap, factor) + (Math.floorMod(cap, factor) == 0 ? 0 : 1);
      this.required = fine(q.volume(), RoundingMode.CEILING);
      this.legSum = new long[s.org.distributorCount()];
    }

    /** A threshold in fine units; beyond the range of a long it is as good as infinite. */
    private long fine(BigDecimal threshold, RoundingMode mode) {
      BigDecimal f = threshold.setScale(fineScale, mode);
      return f.unscaledValue().bitLength() < 63 ? f.unscaledValue().longValue() : Long.MAX_VALUE;
    }

    /** One leg's (or the own volume's) contribution, in fine units; never overflows. */
    private long contribution(long units) {
      return units >= capInUnits ? cap : units * factor;
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      legSum[p] = Math.addExact(legSum[p], contribution(s.groupVolume[c]));
    }

    private long capped(int v) {
      long own = s.personalVolume[v];
      return Math.addExact(legSum[v],
          q.ownVolumeIsLeg() ? contribution(own) : Math.multiplyExact(own, factor));
    }

    @Override
    boolean met(int v) {
      return capped(v) >= required;
    }

    @Override
    RequirementStatus status(int v) {
      List<Integer> atCap = new ArrayList<>();
      Organisation o = s.org;
      for (int i = o.childStart[v]; i < o.childStart[v + 1]; i++) {
        int c = o.children[i];
        if (s.groupVolume[c] >= capInUnits) {
          atCap.add(c);
        }
      }
      boolean ownAtCap = q.ownVolumeIsLeg() && s.personalVolume[v] >= capInUnits;
      String note = "";
      if (!atCap.isEmpty() || ownAtCap) {
        note = "at the cap of " + q.capPerLeg().toPlainString() + " per leg, so more volume there"
            + " does not help: " + (ownAtCap ? "own volume" + (atCap.isEmpty() ? "" : ", ") : "")
            + ids(atCap);
      }
      long fineActual = capped(v);
      // Shown at the evaluation's scale unless the cap left finer decimals.
      BigDecimal actual = fineActual % factor == 0 ? s.decimal(fineActual / factor)
          : BigDecimal.valueOf(fineActual, fineScale).stripTrailingZeros();
      return status(q.volume(), actual, met(v), note, List.of());
    }
  }

  /** Group volume of the first levels only, optionally compressed past inactive distributors. */
  static final class LevelGroupVolume extends Rule {
    private final Requirement.LevelGroupVolume q;
    private final int levels;
    private final long required;
    /** lv[d*(L+1) + j]: volume at level j below d, beyond d's own personal volume. */
    private final long[] lv;

    LevelGroupVolume(Computation s, Requirement.LevelGroupVolume q) {
      super(s, q);
      this.q = q;
      this.levels = q.levels();
      this.required = s.units(q.volume());
      this.lv = new long[Math.multiplyExact(s.org.distributorCount(), levels + 1)];
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      int w = levels + 1;
      // An inactive distributor under compression takes no level: their volume and their
      // downline's roll up one level.
      int shift = q.compressed() && !s.active[c] ? 0 : 1;
      int cb = c * w;
      int pb = p * w;
      for (int j = 0; j + shift <= levels; j++) {
        long at = j == 0 ? Math.addExact(s.personalVolume[c], lv[cb]) : lv[cb + j];
        lv[pb + j + shift] = Math.addExact(lv[pb + j + shift], at);
      }
    }

    private long volume(int v) {
      long sum = s.personalVolume[v];
      for (int j = 0, w = levels + 1; j < w; j++) {
        sum = Math.addExact(sum, lv[v * w + j]);
      }
      return sum;
    }

    @Override
    boolean met(int v) {
      return volume(v) >= required;
    }

    @Override
    RequirementStatus status(int v) {
      return status(q.volume(), s.decimal(volume(v)), met(v), "", List.of());
    }
  }

  /** Personal group volume: group volume down to the first breakaway in each leg. */
  static final class PersonalGroupVolume extends Rule {
    private final Requirement.PersonalGroupVolume q;
    private final int breakaway;
    private final long required;
    /** Per distributor, the personal group volume of their downline (their own PV not included). */
    private final long[] below;
    /** Per distributor, how many first breakaways their downline holds. */
    private final int[] breakaways;

    PersonalGroupVolume(Computation s, Requirement.PersonalGroupVolume q, int breakaway) {
      super(s, q);
      this.q = q;
      this.breakaway = breakaway;
      this.required = s.units(q.volume());
      int n = s.org.distributorCount();
      this.below = new long[n];
      this.breakaways = new int[n];
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      long add;
      if (s.paidAs[c] >= breakaway) {
        add = q.includeBreakaway() ? s.personalVolume[c] : 0;
        breakaways[p]++;
      } else {
        add = Math.addExact(s.personalVolume[c], below[c]);
        breakaways[p] += breakaways[c];
      }
      below[p] = Math.addExact(below[p], add);
    }

    private long volume(int v) {
      return Math.addExact(s.personalVolume[v], below[v]);
    }

    @Override
    boolean met(int v) {
      return volume(v) >= required;
    }

    @Override
    RequirementStatus status(int v) {
      List<Integer> broken = new ArrayList<>();
      Organisation o = s.org;
      for (int i = o.childStart[v]; i < o.childStart[v + 1]; i++) {
        if (s.paidAs[o.children[i]] >= breakaway) {
          broken.add(o.children[i]);
        }
      }
      String note = "";
      if (breakaways[v] > 0) {
        note = breakaways[v] + (breakaways[v] == 1 ? " breakaway" : " breakaways") + " at "
            + q.breakawayRank() + " or higher, their downline not counted"
            + (q.includeBreakaway() ? " (their own volume counted)" : "")
            + (broken.isEmpty() ? "" : "; on the front line: " + ids(broken));
      }
      return status(q.volume(), s.decimal(volume(v)), met(v), note, List.of());
    }
  }

  /** Legs with at least one active distributor. */
  static final class ActiveLegs extends Rule {
    private final int count;
    private final boolean[] hasActive;
    private final int[] activeLegs;

    ActiveLegs(Computation s, Requirement.ActiveLegs q) {
      super(s, q);
      this.count = q.count();
      int n = s.org.distributorCount();
      this.hasActive = new boolean[n];
      this.activeLegs = new int[n];
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      boolean h = hasActive[c] || s.active[c];
      hasActive[c] = h;
      if (h) {
        activeLegs[p]++;
        hasActive[p] = true;
      }
    }

    @Override
    boolean met(int v) {
      return activeLegs[v] >= count;
    }

    @Override
    RequirementStatus status(int v) {
      return countStatus(count, activeLegs[v], "");
    }
  }

  /** Alternative paths: met by any path whose every requirement is met. */
  static final class AnyOf extends Rule {
    private final Requirement.AnyOf q;
    private final Rule[][] paths;

    AnyOf(Computation s, Requirement.AnyOf q, Rule[][] paths) {
      super(s, q);
      this.q = q;
      this.paths = paths;
    }

    @Override
    boolean met(int v) {
      for (Rule[] path : paths) {
        boolean all = true;
        for (Rule r : path) {
          if (!r.met(v)) {
            all = false;
            break;
          }
        }
        if (all) {
          return true;
        }
      }
      return false;
    }

    @Override
    RequirementStatus status(int v) {
      List<RequirementStatus> parts = new ArrayList<>();
      int closest = -1;
      int closestMet = 0;
      BigDecimal closestScore = null;
      boolean closestAll = false;
      for (int i = 0; i < paths.length; i++) {
        BigDecimal sum = BigDecimal.ZERO;
        int metCount = 0;
        for (Rule r : paths[i]) {
          RequirementStatus st = r.status(v);
          String name = "path " + q.paths().get(i).name();
          parts.add(new RequirementStatus(st.requirement(), name + ": " + st.description(),
              st.required(), st.actual(), st.remaining(), st.percentComplete(), st.met(),
              st.note(), st.parts()));
          sum = sum.add(st.percentComplete());
          metCount += st.met() ? 1 : 0;
        }
        boolean all = metCount == paths[i].length;
        BigDecimal score = sum.divide(BigDecimal.valueOf(paths[i].length), 2, RoundingMode.DOWN);
        if (closest < 0 || (all && !closestAll)
            || (all == closestAll && score.compareTo(closestScore) > 0)) {
          closest = i;
          closestScore = score;
          closestMet = metCount;
          closestAll = all;
        }
      }
      Requirement.Path path = q.paths().get(closest);
      String note = (closestAll ? "met by path " : "closest path: ") + path.name();
      BigDecimal required = BigDecimal.valueOf(path.requirements().size());
      BigDecimal actual = BigDecimal.valueOf(closestMet);
      return new RequirementStatus(requirement, describe(), required, actual,
          required.subtract(actual), closestAll ? HUNDRED.setScale(2) : closestScore, closestAll,
          note, parts);
    }
  }

  /** A host rule. */
  static final class CustomRule extends Rule {
    private final Requirement.Custom q;
    private final QualificationRule rule;

    CustomRule(Computation s, Requirement.Custom q) {
      super(s, q);
      this.q = q;
      this.rule = q.rule();
    }

    private RuleOutcome outcome(int v) {
      RuleOutcome out;
      try {
        out = rule.evaluate(new Context(s, v));
      } catch (RuntimeException | AssertionError | StackOverflowError | LinkageError e) {
        // Errors a rule's own code raises (a failed assert, runaway recursion, a missing class)
        // are its failure, not the JVM's: report them like exceptions. Running out of memory and
        // other VirtualMachineErrors concern the whole run and pass through.
        String why = e instanceof RuntimeException && e.getMessage() != null ? e.getMessage()
            : e.getMessage() == null ? e.getClass().getSimpleName()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
        throw new IllegalStateException("host rule " + q.name() + " failed for distributor "
            + s.org.distributors[v].id() + ": " + why, e);
      }
      if (out == null) {
        throw new IllegalStateException("host rule " + q.name() + " returned no outcome for"
            + " distributor " + s.org.distributors[v].id());
      }
      return out;
    }

    @Override
    boolean met(int v) {
      return outcome(v).met();
    }

    @Override
    RequirementStatus status(int v) {
      RuleOutcome out = outcome(v);
      return status(out.required(), out.actual(), out.met(), out.explanation(), List.of());
    }
  }

  /** What a host rule sees of one distributor; each list is built when it is asked for. */
  static final class Context implements RuleContext {
    private final Computation s;
    private final int v;

    Context(Computation s, int v) {
      this.s = s;
      this.v = v;
    }

    @Override
    public CompPlan plan() {
      return s.plan;
    }

    @Override
    public Period period() {
      return s.period;
    }

    @Override
    public dev.rankgauge.Distributor distributor() {
      return s.org.distributors[v];
    }

    @Override
    public BigDecimal personalVolume() {
      return s.decimal(s.personalVolume[v]);
    }

    @Override
    public BigDecimal personalVolume(String volumeType) {
      if (volumeType.equals(s.plan.qualifyingVolumeType())) {
        return personalVolume();
      }
      return Edge.personalVolumeOfType(s, v, volumeType);
    }

    @Override
    public BigDecimal groupVolume() {
      return s.decimal(s.groupVolume[v]);
    }

    @Override
    public boolean active() {
      return s.active[v];
    }

    @Override
    public List<CustomerView> personalCustomers() {
      Organisation o = s.org;
      List<CustomerView> out = new ArrayList<>();
      for (int c = o.customerStart[v]; c < o.customerStart[v + 1]; c++) {
        out.add(new CustomerView(o.customers[c], s.customerActive[c], s.decimal(s.customerVolume[c])));
      }
      out.sort(Comparator.comparing(c -> c.customer().id()));
      return List.copyOf(out);
    }

    @Override
    public List<DownlineView> sponsoredDistributors() {
      Organisation o = s.org;
      List<DownlineView> out = new ArrayList<>();
      for (int i = o.childStart[v]; i < o.childStart[v + 1]; i++) {
        out.add(view(o.children[i]));
      }
      out.sort(Comparator.comparing(d -> d.distributor().id()));
      return List.copyOf(out);
    }

    @Override
    public List<LegView> legs() {
      Organisation o = s.org;
      List<LegView> out = new ArrayList<>();
      for (int i = o.childStart[v]; i < o.childStart[v + 1]; i++) {
        int c = o.children[i];
        out.add(new LegView(view(c), s.decimal(s.groupVolume[c]),
            s.plan.ranks().get(s.subtreeRank[c]), s.subtreeActive[c]));
      }
      out.sort(Comparator.comparing(l -> l.root().distributor().id()));
      return List.copyOf(out);
    }

    private DownlineView view(int c) {
      return new DownlineView(s.org.distributors[c], s.plan.ranks().get(s.paidAs[c]),
          s.decimal(s.personalVolume[c]), s.decimal(s.groupVolume[c]), s.active[c]);
    }
  }
}
