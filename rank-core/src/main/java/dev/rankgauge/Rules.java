package dev.rankgauge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Requirements compiled against one {@link Computation}: each kind reads and fills dense arrays.
 * A rule that needs figures of the downline accumulates them in {@link Rule#childDone}, which the
 * bottom-up pass calls once per distributor, after that distributor's rank is known and before
 * their sponsor's is computed. Every rule is linear in the size of the organisation (times a
 * small constant such as a number of levels or slots).
 *
 * <p>This file holds the rule kinds, one class per kind; {@link Ladder} compiles a plan's ranks into
 * them, and {@link HostRule} adapts a host's rule. Names of distributor indices follow one
 * convention throughout the engine: {@code v} is the distributor asked about, {@code c} a child (a
 * distributor they sponsored, the root of one leg) and {@code p} that child's sponsor; every rule
 * reads the figures of the evaluation from {@code computation}.
 */
final class Rules {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final String CAPPED = "capped group volume";
  private static final String LEVELS = "level group volume";
  private static final String PERSONAL_GROUP = "personal group volume";
  /** The most an unmet requirement shows: never 100%. */
  private static final BigDecimal ALMOST = new BigDecimal("99.99");

  private Rules() {}

  /**
   * How far {@code actual} is towards {@code required}, 0 to 100 with two decimals, rounded down:
   * 100 only when the requirement is reached, so that a bar at 100% always means met. An unmet
   * zero threshold (a negative volume after returns) is 0%, not 100%.
   */
  static BigDecimal percent(BigDecimal actual, BigDecimal required) {
    if (actual.compareTo(required) >= 0) {
      return HUNDRED.setScale(2);
    }
    // Below a threshold of zero or less means below zero: the one test covers both.
    if (actual.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return actual.multiply(HUNDRED).divide(required, 2, RoundingMode.DOWN);
  }

  /** The percent of a requirement that is {@code met} or not: 100 exactly when met. */
  static BigDecimal percent(BigDecimal actual, BigDecimal required, boolean met) {
    return met ? HUNDRED.setScale(2) : percent(actual, required).min(ALMOST);
  }

  // --- rules -----------------------------------------------------------------------------------

  /** A requirement compiled for one evaluation. */
  abstract static class Rule {
    final Computation computation;
    final Requirement requirement;
    /** {@link #describe()}, once made. */
    private String description;

    Rule(Computation computation, Requirement requirement) {
      this.computation = computation;
      this.requirement = requirement;
    }

    /** Whether the distributor meets the requirement; their downline's figures are final. */
    abstract boolean met(int v);

    /** The requirement's status for the distributor, built at the edge. */
    abstract RequirementStatus status(int v);

    /**
     * What remains of the requirement for a distributor who does not meet it, as {@code
     * status(v).remaining()}: kinds read from their arrays make no status (no percent, note or
     * list of people) for a bulk export's {@code missing} column.
     */
    BigDecimal remaining(int v) {
      return status(v).remaining();
    }

    /** Whether {@link #childDone} must be called in the bottom-up pass. */
    boolean aggregates() {
      return false;
    }

    /** Distributor {@code c}'s figures and rank are final: fold them into sponsor {@code p}. */
    void childDone(int c, int p) {}

    /** Whether {@link #placementChildDone} must be called in the bottom-up pass. */
    boolean aggregatesPlacement() {
      return false;
    }

    /**
     * Distributor {@code c}'s figures and rank are final: fold them into {@code p}, their parent
     * in the placement tree. Called only by an evaluation whose order puts everyone after both
     * their sponsor downline and their placement subtree.
     */
    void placementChildDone(int c, int p) {}

    /**
     * Whether the rule folds figures of the placement tree that read no rank (subtree volumes,
     * personal volume, activity): worked out once, before the bottom-up pass, by
     * {@link #placementFigureDone} over the placement tree's order; a live evaluation folds them
     * again along the placement line above a change ({@link #reset}, then each placement child).
     */
    boolean foldsPlacementFigures() {
      return false;
    }

    /**
     * Placement child {@code c}'s volumes and activity are final: fold them into {@code p}, their
     * parent in the placement tree. Reads no rank.
     */
    void placementFigureDone(int c, int p) {}

    /**
     * Whether the rule keeps counts of the first levels of the placement tree, which a live
     * evaluation changes along the placement line ({@link #placementCounted}).
     */
    boolean countsPlacementLevels() {
      return false;
    }

    /**
     * A live change in the placement tree: distributor {@code c} starts ({@code sign} 1) or
     * stops (-1) counting in the levels above them; {@code moved}: their placement subtree comes
     * or goes with them; {@code activity}: only their activity changed.
     */
    void placementCounted(int c, int sign, boolean moved, boolean activity) {}

    /** How many placement levels above a distributor {@link #placementCounted} reaches. */
    int placementLevels() {
      return 0;
    }

    /**
     * Puts distributor {@code v}'s own slots back as they were before any {@link #childDone}, so
     * that a live evaluation can fold v's children again ({@link Computation#recompute}). Every
     * slot {@code childDone(c, p)} writes belongs to {@code p}, or to {@code c} and then only as
     * a function of c's own figures, so resetting v and folding its children again is exact.
     */
    void reset(int v) {}

    /**
     * Copies every slot from the same rule compiled for another computation of this organisation
     * (or of a live copy of it with room for more distributors: the slots beyond are reset when
     * someone joins).
     */
    void copyFrom(Rule other) {}

    String describe() {
      // Made once: every status of the rule has the same words, and a bulk export builds
      // statuses for a million distributors. A race makes the same string twice, harmlessly.
      String d = description;
      if (d == null) {
        d = requirement.describe(computation.plan.qualifyingVolumeType());
        description = d;
      }
      return d;
    }

    /** The status, with a note ({@code null} for none). */
    RequirementStatus status(BigDecimal required, BigDecimal actual, boolean met, Phrase note,
        List<RequirementStatus> parts) {
      BigDecimal remaining = met ? BigDecimal.ZERO : required.subtract(actual).max(BigDecimal.ZERO);
      return new RequirementStatus(requirement, describe(), required, actual, remaining,
          percent(actual, required, met), met, Optional.ofNullable(note), parts);
    }

    RequirementStatus countStatus(int required, int actual, Phrase note) {
      return status(BigDecimal.valueOf(required), BigDecimal.valueOf(actual), actual >= required,
          note, List.of());
    }

    /** Distributor ids sorted, so that notes read the same whatever the order of the input rows. */
    List<String> ids(List<Integer> distributors) {
      List<String> out = new ArrayList<>(distributors.size());
      for (int d : distributors) {
        out.add(computation.org.distributorId(d));
      }
      out.sort(null);
      return out;
    }

    /**
     * The roots of v's legs in the tree given: the distributors v sponsored, or those placed
     * directly below v (by position). Built at the edge, for notes.
     */
    List<Integer> legs(int v, Requirement.Tree tree) {
      List<Integer> out = new ArrayList<>();
      if (tree == Requirement.Tree.PLACEMENT) {
        Placements t = computation.placements;
        for (int c = t.firstChild(v); c >= 0; c = t.nextSibling(c)) {
          out.add(c);
        }
      } else {
        Organisation o = computation.org;
        for (int k = o.childrenFrom(v), to = o.childrenTo(v); k < to; k++) {
          out.add(o.child(k));
        }
      }
      return out;
    }

    /** A note listing distributors, or none when there is nobody to list. */
    Phrase listing(String key, List<Integer> distributors) {
      return distributors.isEmpty() ? null : Phrase.of(key, ids(distributors));
    }
  }

  /** One of the four gauge thresholds. */
  static final class MetricRule extends Rule {
    final Metric metric;
    /** Volume units, or a count. */
    final long units;

    /** The threshold as the plan gives it. */
    private final BigDecimal required;

    MetricRule(Computation computation, Requirement q, Metric metric, long units) {
      super(computation, q);
      this.metric = metric;
      this.units = units;
      this.required = q.metricThreshold().orElseThrow();
    }

    long value(int v) {
      return switch (metric) {
        case PERSONAL_SALES -> computation.personalVolume[v];
        case GROUP_SALES -> computation.groupVolume[v];
        case ACTIVE_PERSONAL_CUSTOMERS -> computation.activeCustomers[v];
        case ACTIVE_PERSONAL_DISTRIBUTORS -> computation.activeDistributors[v];
      };
    }

    @Override
    boolean met(int v) {
      return value(v) >= units;
    }

    @Override
    RequirementStatus status(int v) {
      boolean volume = switch (metric) {
        case PERSONAL_SALES, GROUP_SALES -> true;
        case ACTIVE_PERSONAL_CUSTOMERS, ACTIVE_PERSONAL_DISTRIBUTORS -> false;
      };
      BigDecimal required = requirement.metricThreshold().orElseThrow();
      BigDecimal actual = volume ? computation.units.decimal(value(v)) : BigDecimal.valueOf(value(v));
      return status(required, actual, met(v), null, List.of());
    }

    @Override
    BigDecimal remaining(int v) {
      if (met(v)) {
        return BigDecimal.ZERO;
      }
      BigDecimal actual = switch (metric) {
        case PERSONAL_SALES, GROUP_SALES -> computation.units.decimal(value(v));
        case ACTIVE_PERSONAL_CUSTOMERS, ACTIVE_PERSONAL_DISTRIBUTORS -> BigDecimal.valueOf(value(v));
      };
      return required.subtract(actual).max(BigDecimal.ZERO);
    }
  }

  /**
   * Personal or group volume of a type other than the plan's qualifying type ("at least 100
   * personal BV"): no gauge, so a rule like any other rather than a threshold inlined in the
   * ladder.
   */
  static final class VolumeOfType extends Rule {
    private final long[] volume;
    private final long units;
    private final BigDecimal required;
    private final boolean group;

    VolumeOfType(Computation computation, Requirement q, BigDecimal required, boolean group) {
      super(computation, q);
      Computation.Volumes vol = computation.volumes(q.volumeType());
      this.volume = group ? vol.group : vol.personal;
      this.required = required;
      this.units = computation.units.threshold(required);
      this.group = group;
    }

    /** Whether group volume is asked for, not personal volume. */
    boolean group() {
      return group;
    }

    /** The least volume asked for, in units. */
    long threshold() {
      return units;
    }

    @Override
    boolean met(int v) {
      return volume[v] >= units;
    }

    @Override
    RequirementStatus status(int v) {
      return status(required, computation.units.decimal(volume[v]), met(v), null, List.of());
    }
  }

  /**
   * A rule that folds each distributor's rank into the parent along the tree its requirement
   * names: in the bottom-up pass of the sponsor tree ({@link #childDone}), or over the placement
   * tree's order ({@link #placementChildDone}), the same fold either way.
   */
  abstract static class FoldsAlongItsTree extends Rule {
    final Requirement.Tree tree;

    FoldsAlongItsTree(Computation computation, Requirement q, Requirement.Tree tree) {
      super(computation, q);
      this.tree = tree;
    }

    @Override
    boolean aggregates() {
      return tree == Requirement.Tree.SPONSOR;
    }

    @Override
    boolean aggregatesPlacement() {
      return tree == Requirement.Tree.PLACEMENT;
    }

    @Override
    void placementChildDone(int c, int p) {
      childDone(c, p);
    }
  }

  /**
   * Personally sponsored distributors at a rank or higher (sponsored-with-rank, front-line legs),
   * or on the placement tree, distributors placed directly below at a rank or higher.
   */
  static final class FrontLineRank extends FoldsAlongItsTree {
    private final int count;
    private final int rank;
    private final Requirement.RankBasis basis;
    private final int[] qualified;

    FrontLineRank(Computation computation, Requirement q, int count, int rank,
        Requirement.RankBasis basis, Requirement.Tree tree) {
      super(computation, q, tree);
      this.count = count;
      this.rank = rank;
      this.basis = basis;
      this.qualified = new int[computation.org.distributorRoom()];
    }

    @Override
    void reset(int v) {
      qualified[v] = 0;
    }

    @Override
    void copyFrom(Rule other) {
      FrontLineRank o = (FrontLineRank) other;
      System.arraycopy(o.qualified, 0, qualified, 0, o.qualified.length);
    }

    @Override
    void childDone(int c, int p) {
      if (computation.rankFor(c, basis) >= rank) {
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
      for (int c : legs(v, tree)) {
        if (computation.rankFor(c, basis) >= rank) {
          who.add(c);
        }
      }
      return countStatus(count, qualified[v], listing("note.qualifying", who));
    }

    @Override
    BigDecimal remaining(int v) {
      return BigDecimal.valueOf(Math.max(0, count - qualified[v]));
    }
  }

  /** Legs containing someone at a rank or higher, anywhere in the leg. */
  static final class LegRankAnywhere extends FoldsAlongItsTree {
    private final int count;
    private final int rank;
    private final Requirement.RankBasis basis;
    /**
     * Whether the rule reads the computation's highest paid-as rank of each subtree
     * ({@link Computation#subtreeRank}) instead of folding its own: for paid-as ranks in the
     * sponsor tree, which every such rule of a plan would fold alike. It then keeps nothing per
     * distributor and counts a distributor's qualifying legs when asked, over their children
     * (contiguous), with no array per rank: a plan with seven of them folds one byte per
     * distributor instead of seven bytes and seven counts.
     */
    private final boolean subtrees;
    private final byte[] best;
    private final int[] qualified;

    LegRankAnywhere(Computation computation, Requirement q, int count, int rank,
        Requirement.RankBasis basis, Requirement.Tree tree) {
      super(computation, q, tree);
      this.count = count;
      this.rank = rank;
      this.basis = basis;
      this.subtrees = basis == Requirement.RankBasis.PAID_AS && tree == Requirement.Tree.SPONSOR;
      int n = computation.org.distributorRoom();
      this.best = subtrees ? null : new byte[n];
      this.qualified = subtrees ? null : new int[n];
    }

    @Override
    boolean aggregates() {
      return !subtrees && super.aggregates();
    }

    @Override
    void reset(int v) {
      if (!subtrees) {
        best[v] = 0;
        qualified[v] = 0;
      }
    }

    @Override
    void copyFrom(Rule other) {
      if (!subtrees) {
        LegRankAnywhere o = (LegRankAnywhere) other;
        System.arraycopy(o.best, 0, best, 0, o.best.length);
        System.arraycopy(o.qualified, 0, qualified, 0, o.qualified.length);
      }
    }

    @Override
    void childDone(int c, int p) {
      int b = Math.max(best[c], computation.rankFor(c, basis));
      best[c] = (byte) b;
      if (b >= rank) {
        qualified[p]++;
      }
      if (b > best[p]) {
        best[p] = (byte) b;
      }
    }

    /**
     * Whether the rule reads {@link Computation#subtreeRank} (paid-as ranks in the sponsor tree):
     * the ladder then counts its legs itself, with every other such rule's, in one pass over a
     * distributor's children ({@link Ladder#paidAs(int)}).
     */
    boolean readsSubtreeRanks() {
      return subtrees;
    }

    /** {@return the legs asked for} */
    int count() {
      return count;
    }

    /** {@return the rank a leg must hold somewhere in it, as a level of the plan} */
    int rank() {
      return rank;
    }

    /** The highest rank in d's subtree, d included, once d's sponsor is decided. */
    int best(int d) {
      return subtrees ? computation.subtreeRank[d]
          : Math.max(best[d], computation.rankFor(d, basis));
    }

    private int countLegs(int from, int to, int enough) {
      Organisation o = computation.org;
      byte[] sub = computation.subtreeRank;
      int n = 0;
      for (int k = from; k < to && n < enough; k++) {
        if (sub[o.child(k)] >= rank) {
          n++;
        }
      }
      return n;
    }

    @Override
    boolean met(int v) {
      if (subtrees) {
        Organisation o = computation.org;
        int from = o.childrenFrom(v);
        int to = o.childrenTo(v);
        // Fewer legs than asked for: not met, whatever their ranks (most distributors).
        return to - from >= count && countLegs(from, to, count) >= count;
      }
      return qualified[v] >= count;
    }

    @Override
    RequirementStatus status(int v) {
      List<Integer> legs = new ArrayList<>();
      for (int c : legs(v, tree)) {
        if (best(c) >= rank) {
          legs.add(c);
        }
      }
      return countStatus(count, subtrees ? legs.size() : qualified[v],
          listing("note.qualifyingLegs", legs));
    }

    @Override
    BigDecimal remaining(int v) {
      Organisation o = computation.org;
      int have = subtrees ? countLegs(o.childrenFrom(v), o.childrenTo(v), count) : qualified[v];
      return BigDecimal.valueOf(Math.max(0, count - have));
    }
  }

  /** Legs containing someone at a rank or higher within the first k levels of the leg. */
  static final class LegRankWithin extends FoldsAlongItsTree {
    private final int count;
    private final int rank;
    private final Requirement.RankBasis basis;
    private final int k;
    /** best[d*k + j]: highest rank at depth j below d (d itself at depth 0). */
    private final byte[] best;
    private final int[] qualified;
    private final boolean[] legQualifies;

    LegRankWithin(Computation computation, Requirement q, int count, int rank,
        Requirement.RankBasis basis, int k, Requirement.Tree tree) {
      super(computation, q, tree);
      this.count = count;
      this.rank = rank;
      this.basis = basis;
      this.k = k;
      int n = computation.org.distributorRoom();
      this.best = new byte[Math.multiplyExact(n, k)];
      this.qualified = new int[n];
      this.legQualifies = new boolean[n];
    }

    @Override
    void reset(int v) {
      Arrays.fill(best, v * k, v * k + k, (byte) 0);
      qualified[v] = 0;
      legQualifies[v] = false;
    }

    @Override
    void copyFrom(Rule other) {
      LegRankWithin o = (LegRankWithin) other;
      System.arraycopy(o.best, 0, best, 0, o.best.length);
      System.arraycopy(o.qualified, 0, qualified, 0, o.qualified.length);
      System.arraycopy(o.legQualifies, 0, legQualifies, 0, o.legQualifies.length);
    }

    @Override
    void childDone(int c, int p) {
      int base = c * k;
      best[base] = (byte) Math.max(best[base], computation.rankFor(c, basis));
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
      for (int c : legs(v, tree)) {
        if (legQualifies[c]) {
          legs.add(c);
        }
      }
      return countStatus(count, qualified[v], listing("note.qualifyingLegs", legs));
    }

    @Override
    BigDecimal remaining(int v) {
      return BigDecimal.valueOf(Math.max(0, count - qualified[v]));
    }
  }

  /**
   * Legs filling volume slots; the k largest legs, sorted, against the slots, sorted. On the
   * sponsor tree a leg's volume is the group volume of a personally sponsored distributor, folded
   * in the bottom-up pass; on the placement tree it is the placement subtree volume at one
   * position, known before the pass ({@link Computation#placementVolume}), so the legs are
   * sorted into the slots here, once, in a loop over the placed distributors.
   */
  static final class LegsWithVolume extends Rule {
    /** The volumes of the type the requirement reads. */
    private final long[] personal;
    private final long[] group;
    private final long[] placement;
    private final long[] slots;
    private final int k;
    private final boolean onPlacement;
    /** top[d*k + i]: the i-th largest leg group volume of d, NONE where d has fewer legs. */
    private final long[] top;

    LegsWithVolume(Computation computation, Requirement.LegsWithVolume q) {
      super(computation, q);
      Computation.Volumes vol = computation.volumes(q.volumeType());
      this.personal = vol.personal;
      this.group = vol.group;
      this.placement = vol.placement;
      this.k = q.slots().size();
      this.slots = new long[k];
      for (int i = 0; i < k; i++) {
        slots[i] = computation.units.threshold(q.slots().get(i));
      }
      this.top = new long[Math.multiplyExact(computation.org.distributorRoom(), k)];
      Arrays.fill(top, Computation.NONE);
      this.onPlacement = q.tree() == Requirement.Tree.PLACEMENT;
      if (onPlacement) {
        int[] up = computation.placements.parent;
        for (int c = 0; c < up.length; c++) {
          if (up[c] >= 0) {
            insert(placement[c], up[c]);
          }
        }
      }
    }

    @Override
    boolean aggregates() {
      return !onPlacement;
    }

    @Override
    boolean foldsPlacementFigures() {
      return onPlacement;
    }

    @Override
    void placementFigureDone(int c, int p) {
      insert(placement[c], p);
    }

    @Override
    void reset(int v) {
      Arrays.fill(top, v * k, v * k + k, Computation.NONE);
    }

    @Override
    void copyFrom(Rule other) {
      long[] o = ((LegsWithVolume) other).top;
      System.arraycopy(o, 0, top, 0, o.length);
    }

    @Override
    void childDone(int c, int p) {
      insert(group[c], p);
    }

    /** Keeps leg volume g among p's k largest. */
    private void insert(long g, int p) {
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
      List<Phrase> shortOf = new ArrayList<>();
      if (!met) {
        for (int i = 0; i < k; i++) {
          long have = Math.max(0, top[v * k + i]);
          if (have < slots[i]) {
            BigDecimal slot = computation.units.decimal(slots[i]);
            shortOf.add(top[v * k + i] == Computation.NONE ? Phrase.of("note.legMissing", slot)
                : Phrase.of("note.legShort", slot, computation.units.decimal(have)));
          }
        }
      }
      return status(BigDecimal.valueOf(k), BigDecimal.valueOf(filled(v)), met,
          shortOf.isEmpty() ? null : Phrase.of("note.legsShort", shortOf), List.of());
    }
  }

  /** Group volume with at most a fixed share of the requirement from any one leg. */
  static final class CappedGroupVolume extends Rule {
    /** The volumes of the type the requirement reads. */
    private final long[] personal;
    private final long[] group;
    private final long[] placement;
    /** Legs at the cap for which the volume still needed is worked out in advance. */
    private static final int PRECOMPUTED = 64;

    private final Requirement.CappedGroupVolume q;
    /** The cap per leg, exact: the threshold times the percentage, never rounded. */
    private final BigDecimal cap;
    /** The smallest volume in units that reaches the cap; Long.MAX_VALUE if none can. */
    private final long capAt;
    /**
     * needed[k]: with k legs at the cap, the volume in units the legs below the cap (and own
     * volume) must bring, rounded up; Long.MIN_VALUE when nothing more is needed.
     */
    private final long[] needed = new long[PRECOMPUTED];
    /** Per distributor, the sum of the group volumes of the legs below the cap, in units. */
    private final long[] below;
    /** Per distributor, how many legs reach the cap. */
    private final int[] atCap;

    CappedGroupVolume(Computation computation, Requirement.CappedGroupVolume q) {
      super(computation, q);
      Computation.Volumes vol = computation.volumes(q.volumeType());
      this.personal = vol.personal;
      this.group = vol.group;
      this.placement = vol.placement;
      this.q = q;
      // Exact, so that whether the requirement is met never depends on how many decimals the
      // organisation's orders happen to have, and the decision matches the figures shown.
      this.cap = q.capPerLeg();
      this.capAt = computation.units.threshold(cap);
      for (int k = 0; k < PRECOMPUTED; k++) {
        needed[k] = need(k);
      }
      int n = computation.org.distributorRoom();
      this.below = new long[n];
      this.atCap = new int[n];
    }

    /** The volume in units the uncapped part must reach with k legs at the cap. */
    private long need(long k) {
      return computation.units.threshold(q.volume().subtract(cap.multiply(BigDecimal.valueOf(k))));
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void reset(int v) {
      below[v] = 0;
      atCap[v] = 0;
    }

    @Override
    void copyFrom(Rule other) {
      CappedGroupVolume o = (CappedGroupVolume) other;
      System.arraycopy(o.below, 0, below, 0, o.below.length);
      System.arraycopy(o.atCap, 0, atCap, 0, o.atCap.length);
    }

    @Override
    void childDone(int c, int p) {
      long gv = group[c];
      if (gv >= capAt) {
        atCap[p]++;
      } else {
        below[p] = Computation.add(below[p], gv, p, CAPPED);
      }
    }

    private boolean ownAtCap(int v) {
      return q.ownVolumeIsLeg() && personal[v] >= capAt;
    }

    /** The uncapped part in units: legs below the cap, and own volume unless it is capped. */
    private long uncapped(int v) {
      return ownAtCap(v) ? below[v]
          : Computation.add(below[v], personal[v], v, CAPPED);
    }

    private int legsAtCap(int v) {
      return atCap[v] + (ownAtCap(v) ? 1 : 0);
    }

    @Override
    boolean met(int v) {
      int k = legsAtCap(v);
      long need = k < PRECOMPUTED ? needed[k] : need(k);
      return need != Long.MAX_VALUE && uncapped(v) >= need;
    }

    @Override
    RequirementStatus status(int v) {
      List<Integer> atCap = new ArrayList<>();
      Organisation o = computation.org;
      for (int i = o.childrenFrom(v), toi = o.childrenTo(v); i < toi; i++) {
        int c = o.child(i);
        if (group[c] >= capAt) {
          atCap.add(c);
        }
      }
      boolean ownAtCap = q.ownVolumeIsLeg() && personal[v] >= capAt;
      Phrase note = null;
      if (!atCap.isEmpty() || ownAtCap) {
        List<Object> what = new ArrayList<>();
        if (ownAtCap) {
          what.add(Phrase.of("note.ownVolume"));
        }
        what.addAll(ids(atCap));
        note = Phrase.of("note.atCap", q.capPerLeg(), what);
      }
      BigDecimal actual = computation.units.decimal(uncapped(v))
          .add(cap.multiply(BigDecimal.valueOf(legsAtCap(v))));
      actual = actual.signum() == 0 ? BigDecimal.ZERO : actual.stripTrailingZeros();
      if (actual.scale() < 0) {
        actual = actual.setScale(0);
      }
      return status(q.volume(), actual, met(v), note, List.of());
    }
  }

  /** Group volume of the first levels only, optionally compressed past inactive distributors. */
  static final class LevelGroupVolume extends Rule {
    /** The volumes of the type the requirement reads. */
    private final long[] personal;
    private final long[] group;
    private final long[] placement;
    private final Requirement.LevelGroupVolume q;
    private final int levels;
    private final long required;
    /** lv[d*(L+1) + j]: volume at level j below d, beyond d's own personal volume. */
    private final long[] lv;

    LevelGroupVolume(Computation computation, Requirement.LevelGroupVolume q) {
      super(computation, q);
      Computation.Volumes vol = computation.volumes(q.volumeType());
      this.personal = vol.personal;
      this.group = vol.group;
      this.placement = vol.placement;
      this.q = q;
      this.levels = q.levels();
      this.required = computation.units.threshold(q.volume());
      this.lv = new long[Math.multiplyExact(computation.org.distributorRoom(), levels + 1)];
      if (q.tree() == Requirement.Tree.PLACEMENT) {
        // Levels of the placement tree read volumes and activity only, final before the
        // bottom-up pass: folded here, children before parents, in a loop over its order.
        Placements t = computation.placements;
        int[] order = t.order();
        boolean ordered = t.ordered();
        for (int i = t.count() - 1; i >= 0; i--) {
          int c = ordered ? i : order[i];
          if (t.parent[c] >= 0) {
            childDone(c, t.parent[c]);
          }
        }
      }
    }

    @Override
    boolean aggregates() {
      return q.tree() == Requirement.Tree.SPONSOR;
    }

    @Override
    boolean foldsPlacementFigures() {
      return q.tree() == Requirement.Tree.PLACEMENT;
    }

    @Override
    void placementFigureDone(int c, int p) {
      childDone(c, p);
    }

    @Override
    void reset(int v) {
      int w = levels + 1;
      Arrays.fill(lv, v * w, v * w + w, 0L);
    }

    @Override
    void copyFrom(Rule other) {
      long[] o = ((LevelGroupVolume) other).lv;
      System.arraycopy(o, 0, lv, 0, o.length);
    }

    @Override
    void childDone(int c, int p) {
      int w = levels + 1;
      // An inactive distributor under compression takes no level: their volume and their
      // downline's roll up one level.
      int shift = q.compressed() && !computation.active[c] && !computation.notCompressed(c) ? 0 : 1;
      int cb = c * w;
      int pb = p * w;
      for (int j = 0; j + shift <= levels; j++) {
        long at = j == 0 ? Computation.add(personal[c], lv[cb], c, LEVELS)
            : lv[cb + j];
        lv[pb + j + shift] = Computation.add(lv[pb + j + shift], at, p, LEVELS);
      }
    }

    /** The requirement's volume in units. */
    long required() {
      return required;
    }

    /** How many levels below the distributor count. */
    int levels() {
      return levels;
    }

    boolean compressed() {
      return q.compressed();
    }

    /** The volume of v's first levels, their own included, in units. */
    long volume(int v) {
      long sum = personal[v];
      for (int j = 0, w = levels + 1; j < w; j++) {
        sum = Computation.add(sum, lv[v * w + j], v, LEVELS);
      }
      return sum;
    }

    @Override
    boolean met(int v) {
      return volume(v) >= required;
    }

    @Override
    RequirementStatus status(int v) {
      return status(q.volume(), computation.units.decimal(volume(v)), met(v), null, List.of());
    }

    @Override
    BigDecimal remaining(int v) {
      return met(v) ? BigDecimal.ZERO
          : q.volume().subtract(computation.units.decimal(volume(v))).max(BigDecimal.ZERO);
    }
  }

  /** Personal group volume: group volume down to the first breakaway in each leg. */
  static final class PersonalGroupVolume extends Rule {
    /** The volumes of the type the requirement reads. */
    private final long[] personal;
    private final long[] group;
    private final long[] placement;
    private final Requirement.PersonalGroupVolume q;
    private final int breakaway;
    private final long required;
    /** Per distributor, the personal group volume of their downline (their own PV not included). */
    private final long[] below;
    /** Per distributor, how many first breakaways their downline holds. */
    private final int[] breakaways;

    PersonalGroupVolume(Computation computation, Requirement.PersonalGroupVolume q, int breakaway) {
      super(computation, q);
      Computation.Volumes vol = computation.volumes(q.volumeType());
      this.personal = vol.personal;
      this.group = vol.group;
      this.placement = vol.placement;
      this.q = q;
      this.breakaway = breakaway;
      this.required = computation.units.threshold(q.volume());
      int n = computation.org.distributorRoom();
      this.below = new long[n];
      this.breakaways = new int[n];
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void reset(int v) {
      below[v] = 0;
      breakaways[v] = 0;
    }

    @Override
    void copyFrom(Rule other) {
      PersonalGroupVolume o = (PersonalGroupVolume) other;
      System.arraycopy(o.below, 0, below, 0, o.below.length);
      System.arraycopy(o.breakaways, 0, breakaways, 0, o.breakaways.length);
    }

    @Override
    void childDone(int c, int p) {
      long add;
      if (computation.paidAs[c] >= breakaway) {
        add = q.includeBreakaway() ? personal[c] : 0;
        breakaways[p]++;
      } else {
        add = Computation.add(personal[c], below[c], c, PERSONAL_GROUP);
        breakaways[p] += breakaways[c];
      }
      below[p] = Computation.add(below[p], add, p, PERSONAL_GROUP);
    }

    /** The requirement's volume in units. */
    long required() {
      return required;
    }

    /** v's personal group volume, their own included, in units. */
    long volume(int v) {
      return Computation.add(personal[v], below[v], v, PERSONAL_GROUP);
    }

    @Override
    boolean met(int v) {
      return volume(v) >= required;
    }

    @Override
    RequirementStatus status(int v) {
      List<Integer> broken = new ArrayList<>();
      Organisation o = computation.org;
      for (int i = o.childrenFrom(v), toi = o.childrenTo(v); i < toi; i++) {
        if (computation.paidAs[o.child(i)] >= breakaway) {
          broken.add(o.child(i));
        }
      }
      Phrase note = breakaways[v] == 0 ? null : Phrase.of("note.breakaways", breakaways[v],
          q.breakawayRank(), q.includeBreakaway() ? 1 : 0, ids(broken));
      return status(q.volume(), computation.units.decimal(volume(v)), met(v), note, List.of());
    }

    @Override
    BigDecimal remaining(int v) {
      return met(v) ? BigDecimal.ZERO
          : q.volume().subtract(computation.units.decimal(volume(v))).max(BigDecimal.ZERO);
    }
  }

  /** Legs with at least one active distributor. */
  static final class ActiveLegs extends Rule {
    private final int count;
    private final boolean[] hasActive;
    private final int[] activeLegs;

    ActiveLegs(Computation computation, Requirement.ActiveLegs q) {
      super(computation, q);
      this.count = q.count();
      int n = computation.org.distributorRoom();
      this.hasActive = new boolean[n];
      this.activeLegs = new int[n];
    }

    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void reset(int v) {
      hasActive[v] = false;
      activeLegs[v] = 0;
    }

    @Override
    void copyFrom(Rule other) {
      ActiveLegs o = (ActiveLegs) other;
      System.arraycopy(o.hasActive, 0, hasActive, 0, o.hasActive.length);
      System.arraycopy(o.activeLegs, 0, activeLegs, 0, o.activeLegs.length);
    }

    @Override
    void childDone(int c, int p) {
      boolean h = hasActive[c] || computation.active[c];
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

    int count() {
      return count;
    }

    /** How many of v's legs have an active distributor. */
    int activeLegs(int v) {
      return activeLegs[v];
    }

    /** Whether the leg under {@code top} (a child of the distributor asked) has one active. */
    boolean legActive(int top) {
      return hasActive[top] || computation.active[top];
    }

    @Override
    RequirementStatus status(int v) {
      return countStatus(count, activeLegs[v], null);
    }

    @Override
    BigDecimal remaining(int v) {
      return BigDecimal.valueOf(Math.max(0, count - activeLegs[v]));
    }
  }

  /** Alternative paths: met by any path whose every requirement is met. */
  static final class AnyOf extends Rule {
    private final Requirement.AnyOf q;
    private final Rule[][] paths;

    AnyOf(Computation computation, Requirement.AnyOf q, Rule[][] paths) {
      super(computation, q);
      this.q = q;
      this.paths = paths;
    }

    /** How many paths. */
    int pathCount() {
      return paths.length;
    }

    /** The rules of path {@code i}, in the path's order. */
    Rule[] path(int i) {
      return paths[i];
    }

    /** The name of path {@code i}. */
    String pathName(int i) {
      return q.paths().get(i).name();
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
          String name = Words.ROOT.get("anyOf.path", q.paths().get(i).name(),
              st.description());
          parts.add(new RequirementStatus(st.requirement(), name,
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
      Phrase note = Phrase.of(closestAll ? "note.metByPath" : "note.closestPath", path.name());
      BigDecimal required = BigDecimal.valueOf(path.requirements().size());
      BigDecimal actual = BigDecimal.valueOf(closestMet);
      return new RequirementStatus(requirement, describe(), required, actual,
          required.subtract(actual), closestAll ? HUNDRED.setScale(2) : closestScore, closestAll,
          Optional.of(note), parts);
    }
  }

  /** Paid as a rank or higher in enough periods of a window, this one or the closed ones. */
  static final class PaidAsInPeriods extends Rule {
    private final Requirement.PaidAsInPeriods q;
    private final int rank;

    PaidAsInPeriods(Computation computation, Requirement.PaidAsInPeriods q, int rank) {
      super(computation, q);
      this.q = q;
      this.rank = rank;
    }

    /** The rank level to be paid as. */
    int rank() {
      return rank;
    }

    /** The closed periods of the window, newest first; this period comes before them. */
    private int closed() {
      return q.thisPeriod() ? q.periods() - 1 : q.periods();
    }

    /** Whether v was paid as the rank or higher k + 1 periods ago. */
    private boolean back(int k, int v) {
      Prior p = computation.prior;
      return p != null && p.paidBack(k, v) >= rank;
    }

    /** How many closed periods of the window v was paid as the rank or higher in. */
    private int closedCount(int v) {
      int n = 0;
      for (int k = 0, m = closed(); k < m; k++) {
        if (back(k, v)) {
          n++;
        }
      }
      return n;
    }

    /**
     * Whether this period can still make the count: the closed periods of the window that count,
     * plus this one where it is in the window. False: nothing done this period meets it.
     */
    boolean reachable(int v) {
      return (q.thisPeriod() ? 1 : 0) + closedCount(v) >= q.count();
    }

    /**
     * Whether the closed periods of the window make the count without this one: then nothing
     * done this period unmakes it.
     */
    boolean metByClosedPeriods(int v) {
      return closedCount(v) >= q.count();
    }

    private int count(int v) {
      return (q.thisPeriod() && computation.ladder.met(rank, v) ? 1 : 0) + closedCount(v);
    }

    @Override
    boolean met(int v) {
      // Stops as soon as the count is reached, or can no longer be.
      int need = q.count();
      int left = q.periods();
      if (q.thisPeriod()) {
        need -= computation.ladder.met(rank, v) ? 1 : 0;
        left--;
      }
      for (int k = 0; need > 0 && need <= left; k++, left--) {
        if (back(k, v)) {
          need--;
        }
      }
      return need <= 0;
    }

    @Override
    RequirementStatus status(int v) {
      List<Phrase> each = new ArrayList<>();
      if (q.thisPeriod()) {
        each.add(Phrase.of("note.thisPeriod", computation.ladder.met(rank, v) ? 1 : 0));
      }
      List<Period> periods = computation.history.periods();
      for (int k = 0, m = closed(); k < m; k++) {
        int at = periods.size() - 1 - k;
        each.add(at < 0 ? Phrase.of("note.noPeriodBack", k + 1)
            : Phrase.of("note.periodBack", History.label(periods.get(at)), back(k, v) ? 1 : 0));
      }
      return countStatus(q.count(), count(v),
          each.isEmpty() ? null : Phrase.of("note.periods", each));
    }
  }

  /**
   * Personal volume over this period and the closed periods before it, of the qualifying type or
   * of the type the requirement names: this period's from that type's volumes, the closed
   * periods' from the history's column of that type.
   */
  static final class AccumulatedVolume extends Rule {
    private final Requirement.AccumulatedVolume q;
    private final long threshold;
    private final long minimumEach;
    /** This period's personal volume of the type read, by distributor index. */
    private final long[] personal;
    /** The type's place among the plan's other types read; -1 for the qualifying type. */
    private final int type;

    AccumulatedVolume(Computation computation, Requirement.AccumulatedVolume q) {
      super(computation, q);
      this.q = q;
      this.threshold = computation.units.threshold(q.volume());
      this.minimumEach = q.minimumEach().map(computation.units::threshold).orElse(Long.MIN_VALUE);
      Computation.Volumes vol = computation.volumes(q.volumeType());
      this.personal = vol.personal;
      this.type = vol == computation.qualifyingVolumes ? -1
          : computation.plan.otherVolumeTypesRead().indexOf(vol.type);
    }

    long threshold() {
      return threshold;
    }

    /** The least personal volume of each period of the window; Long.MIN_VALUE for none. */
    long minimumEach() {
      return minimumEach;
    }

    /** Whether a closed period of the window is below the minimum of each: no order mends it. */
    boolean closedBelow(int v) {
      for (int k = 0; k < q.periods() - 1; k++) {
        if (back(k, v) < minimumEach) {
          return true;
        }
      }
      return false;
    }

    /** v's personal volume of the type k + 1 periods ago, 0 for a period the history lacks. */
    private long back(int k, int v) {
      // read when asked, not kept: a live copy's ladder is compiled before its prior is set
      Prior p = computation.prior;
      return p == null ? 0 : type < 0 ? p.personalBack(k, v) : p.personalBack(k, v, type);
    }

    /** The window's personal volume of the type, this period's so far included, in units. */
    long total(int v) {
      long sum = personal[v];
      for (int k = 0; k < q.periods() - 1; k++) {
        sum = Computation.add(sum, back(k, v), v, "accumulated personal volume");
      }
      return sum;
    }

    /** How many periods of the window fall below the minimum of each. */
    private int below(int v) {
      int n = personal[v] < minimumEach ? 1 : 0;
      for (int k = 0; k < q.periods() - 1; k++) {
        if (back(k, v) < minimumEach) {
          n++;
        }
      }
      return n;
    }

    @Override
    boolean met(int v) {
      long sum = personal[v];
      if (sum < minimumEach) {
        return false;
      }
      for (int k = 0; k < q.periods() - 1; k++) {
        long b = back(k, v);
        if (b < minimumEach) {
          return false;
        }
        sum = Computation.add(sum, b, v, "accumulated personal volume");
      }
      return sum >= threshold;
    }

    @Override
    RequirementStatus status(int v) {
      int below = below(v);
      Phrase note = below == 0 ? null
          : Phrase.of("note.belowEach", below, q.minimumEach().orElseThrow());
      return status(q.volume(), computation.units.decimal(total(v)), met(v), note, List.of());
    }
  }

  /** Joined at most some days before the period's last day. */
  static final class JoinedWithinDays extends Rule {
    private final Requirement.JoinedWithinDays q;
    private final long lastDay;

    JoinedWithinDays(Computation computation, Requirement.JoinedWithinDays q) {
      super(computation, q);
      this.q = q;
      this.lastDay = computation.period.end().toEpochDay();
    }

    private long daysSince(int v) {
      return lastDay - computation.org.joinedDay(v);
    }

    @Override
    boolean met(int v) {
      return daysSince(v) <= q.days();
    }

    @Override
    RequirementStatus status(int v) {
      boolean met = met(v);
      return status(BigDecimal.ONE, met ? BigDecimal.ONE : BigDecimal.ZERO, met,
          Phrase.of("note.joined", java.time.LocalDate.ofEpochDay(computation.org.joinedDay(v)),
              daysSince(v)), List.of());
    }
  }

  /**
   * Bounds on one figure: at least, at most, or between. Only what the figure needs is kept:
   * downline volume of the first levels folds a {@link LevelGroupVolume} of its own, the largest
   * leg's share keeps each distributor's largest leg; every other figure is read from the
   * computation's arrays.
   */
  static final class Range extends Rule {
    /** The volumes of the type the requirement reads. */
    private final long[] personal;
    private final long[] group;
    private final long[] placement;
    private static final BigDecimal MOST_SHOWN = new BigDecimal("99.99");

    private final Requirement.Range q;
    private final Requirement.Figure of;
    /** The bounds in units for a volume, plain for a count; Long.MIN_VALUE / MAX_VALUE for none. */
    private final long least;
    private final long most;
    /** For the largest leg's share: the bounds times 10^6, and 100 * 10^6. */
    private final long leastShare;
    private final long mostShare;
    private static final long HUNDRED_SHARE = 100_000_000L;
    /** For downline volume of the first levels; null otherwise. */
    private final LevelGroupVolume levels;
    /**
     * For the largest leg's share: each distributor's largest leg group volume, or 0 where no leg
     * has any volume (a leg of 0 or less holds no share, {@link #noShare}).
     */
    private final long[] largest;
    /** For days since joining: the period's last day, as an epoch day. */
    private final long lastDay;

    Range(Computation computation, Requirement.Range q) {
      super(computation, q);
      Computation.Volumes vol = computation.volumes(q.volumeType());
      this.personal = vol.personal;
      this.group = vol.group;
      this.placement = vol.placement;
      this.q = q;
      this.of = q.of();
      Units u = computation.units;
      boolean volume = of.isVolume();
      this.least = q.atLeast().map(v -> volume ? u.threshold(v)
          : of.isCount() ? v.longValueExact() : Long.MIN_VALUE).orElse(Long.MIN_VALUE);
      this.most = q.atMost().map(v -> volume ? u.cap(v)
          : of.isCount() ? v.longValueExact() : Long.MAX_VALUE).orElse(Long.MAX_VALUE);
      boolean share = of == Requirement.Figure.LARGEST_LEG_PERCENT;
      this.leastShare = share ? q.atLeast().map(Range::share).orElse(Long.MIN_VALUE) : 0;
      this.mostShare = share ? q.atMost().map(Range::share).orElse(Long.MAX_VALUE) : 0;
      this.levels = of == Requirement.Figure.DOWNLINE_VOLUME && q.levels() > 0
          ? new LevelGroupVolume(computation, new Requirement.LevelGroupVolume(BigDecimal.ZERO,
              q.levels(), false, q.tree(), q.volumeType()))
          : null;
      if (of == Requirement.Figure.LARGEST_LEG_PERCENT) {
        this.largest = new long[computation.org.distributorRoom()];
      } else {
        this.largest = null;
      }
      this.lastDay = computation.period.end().toEpochDay();
    }

    /** The figure bounded. */
    Requirement.Figure of() {
      return of;
    }

    /**
     * Whether x (units for a volume, plain for a count) is within the bounds; not for the largest
     * leg's share.
     */
    boolean within(long x) {
      return x >= least && x <= most;
    }

    /** The least in units for a volume, plain for a count; Long.MIN_VALUE for none. */
    long least() {
      return least;
    }

    /** For downline volume of the first levels, their volume with v's own; null otherwise. */
    LevelGroupVolume levels() {
      return levels;
    }

    /** A percent of 0 to 100 with at most six decimals, times 10^6. */
    private static long share(BigDecimal percent) {
      return percent.movePointRight(6).setScale(0, RoundingMode.FLOOR).longValue();
    }

    @Override
    boolean aggregates() {
      return largest != null || levels != null && levels.aggregates();
    }

    @Override
    boolean foldsPlacementFigures() {
      return levels != null && levels.foldsPlacementFigures();
    }

    @Override
    void placementFigureDone(int c, int p) {
      levels.placementFigureDone(c, p);
    }

    @Override
    void childDone(int c, int p) {
      if (largest != null) {
        long g = group[c];
        if (g > largest[p]) {
          largest[p] = g;
        }
      }
      if (levels != null && levels.aggregates()) {
        levels.childDone(c, p);
      }
    }

    @Override
    void reset(int v) {
      if (largest != null) {
        largest[v] = 0;
      }
      if (levels != null) {
        levels.reset(v);
      }
    }

    @Override
    void copyFrom(Rule other) {
      Range o = (Range) other;
      if (largest != null) {
        System.arraycopy(o.largest, 0, largest, 0, o.largest.length);
      }
      if (levels != null) {
        levels.copyFrom(o.levels);
      }
    }

    /** The figure of v for every kind but the largest leg's share: units, people or days. */
    private long value(int v) {
      Computation c = computation;
      return switch (of) {
        case PERSONAL_VOLUME -> personal[v];
        case GROUP_VOLUME -> group[v];
        case DOWNLINE_VOLUME -> minus(levels != null ? levels.volume(v)
            : q.tree() == Requirement.Tree.PLACEMENT ? placement[v] : group[v],
            personal[v], v);
        case ACTIVE_PERSONAL_CUSTOMERS -> c.activeCustomers[v];
        case ACTIVE_PERSONAL_DISTRIBUTORS -> c.activeDistributors[v];
        case DAYS_SINCE_JOINED -> lastDay - c.org.joinedDay(v);
        case LARGEST_LEG_PERCENT -> throw new IllegalStateException("a share, not a value");
      };
    }

    private static long minus(long a, long b, int v) {
      long r = a - b;
      if (((a ^ b) & (a ^ r)) < 0) {
        throw new Computation.Overflow(v, "downline volume");
      }
      return r;
    }

    /** Whether the largest leg of v holds no share: no group volume, or no leg with any. */
    private boolean noShare(int v) {
      return group[v] <= 0 || largest[v] <= 0;
    }

    /**
     * The sign of (largest leg / group volume * 100) - bound, exactly: products of up to 128 bits
     * compared without rounding.
     */
    private int compareShare(int v, long bound) {
      if (noShare(v)) {
        return Long.compare(0, bound);
      }
      long a = largest[v];
      long g = group[v];
      long hi1 = Math.multiplyHigh(a, HUNDRED_SHARE);
      long lo1 = a * HUNDRED_SHARE;
      long hi2 = Math.multiplyHigh(bound, g);
      long lo2 = bound * g;
      return hi1 != hi2 ? Long.compare(hi1, hi2) : Long.compareUnsigned(lo1, lo2);
    }

    @Override
    boolean met(int v) {
      if (largest != null) {
        return (leastShare == Long.MIN_VALUE || compareShare(v, leastShare) >= 0)
            && (mostShare == Long.MAX_VALUE || compareShare(v, mostShare) <= 0);
      }
      long x = value(v);
      return x >= least && x <= most;
    }

    @Override
    RequirementStatus status(int v) {
      BigDecimal actual;
      if (largest != null) {
        actual = noShare(v) ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(largest[v])
            .multiply(HUNDRED).divide(BigDecimal.valueOf(group[v]), 2,
                RoundingMode.DOWN);
      } else if (of.isVolume()) {
        actual = computation.units.decimal(value(v));
      } else {
        actual = BigDecimal.valueOf(value(v));
      }
      boolean met = met(v);
      boolean over = !met && q.atMost().isPresent() && (largest != null
          ? compareShare(v, mostShare) > 0 : value(v) > most);
      if (over) {
        // Above the most: the gap is how much to lose, the progress the share of it kept.
        BigDecimal cap = q.atMost().get();
        BigDecimal kept = cap.signum() <= 0 || actual.signum() <= 0 ? BigDecimal.ZERO.setScale(2)
            : cap.multiply(HUNDRED).divide(actual, 2, RoundingMode.DOWN).min(MOST_SHOWN);
        return new RequirementStatus(requirement, describe(), cap, actual,
            actual.subtract(cap).max(BigDecimal.ZERO), kept, false,
            Optional.of(Phrase.of("note.over", cap)), List.of());
      }
      BigDecimal required = q.atLeast().orElseGet(() -> q.atMost().get());
      return status(required, actual, met, null, List.of());
    }
  }
}
