package dev.rankgauge;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rule kinds that read the placement tree ({@link Placements}), kept apart from the sponsor
 * tree's kinds in {@link Rules}. Volumes are the distributors' personal volumes (customers'
 * orders counting for the distributor they belong to, as the plan's {@link PersonalVolumeRule}
 * says), summed over placement subtrees without recursion ({@link Computation#placementVolume}).
 * Side counts of ranks are folded child by child in the placement order
 * ({@link Rules.Rule#placementChildDone}).
 */
final class PlacementRules {
  private PlacementRules() {}

  /** The figure of one side: the placement subtree of the child at that position, 0 if empty. */
  private static long side(long[] bySubtree, Placements t, int v, int position) {
    int c = t.child(v, position);
    return c < 0 ? 0 : bySubtree[c];
  }

  /** "left 450 PV, right 280 PV, weak side right". */
  private static Phrase sides(Computation computation, long left, long right, String type) {
    Units u = computation.units;
    return Phrase.of("note.sides", u.decimal(left), u.decimal(right), type,
        left == right ? 0 : left < right ? 1 : 2);
  }

  /** At least this much volume on the weak side and that much on the strong side. */
  static final class SideVolume extends Rules.Rule {
    private final long weak;
    private final long strong;
    private final Placements tree;
    private final long[] volume;
    /** The volume type read, named in the note. */
    private final String type;

    SideVolume(Computation computation, Requirement.SideVolume q) {
      super(computation, q);
      this.weak = computation.units.threshold(q.weak());
      this.strong = computation.units.threshold(q.strong());
      this.tree = computation.placements;
      Computation.Volumes vol = computation.volumes(q.volumeType());
      this.volume = vol.placement;
      this.type = vol.type;
    }

    long left(int v) {
      return side(volume, tree, v, Placement.LEFT);
    }

    long right(int v) {
      return side(volume, tree, v, Placement.RIGHT);
    }

    /** The least volume of the weak side, in units. */
    long weak() {
      return weak;
    }

    /** The least volume of the strong side, in units. */
    long strong() {
      return strong;
    }

    @Override
    boolean met(int v) {
      long l = left(v);
      long r = right(v);
      return Math.min(l, r) >= weak && Math.max(l, r) >= strong;
    }

    @Override
    RequirementStatus status(int v) {
      long l = left(v);
      long r = right(v);
      // Progress counts each side up to its own threshold, so it reaches the whole exactly when
      // both sides do.
      Units u = computation.units;
      BigDecimal required = u.decimal(weak).add(u.decimal(strong));
      BigDecimal actual = u.decimal(Math.min(Math.min(l, r), weak))
          .add(u.decimal(Math.min(Math.max(l, r), strong)));
      return status(required, actual, met(v), sides(computation, l, r, type), List.of());
    }
  }

  /** At least this many personally sponsored distributors, active or of a rank, on each side. */
  static final class SponsoredOnEachSide extends Rules.Rule {
    private final int count;
    /** The least paid-as rank, or -1 for active. */
    private final int rank;
    private final Placements tree;
    private final int[] left;
    private final int[] right;

    SponsoredOnEachSide(Computation computation, Requirement.SponsoredOnEachSide q, int rank) {
      super(computation, q);
      this.count = q.count();
      this.rank = rank;
      this.tree = computation.placements;
      int n = computation.org.distributorRoom();
      this.left = new int[n];
      this.right = new int[n];
    }

    private boolean counts(int c) {
      return rank < 0 ? computation.active[c] : computation.paidAs[c] >= rank;
    }

    /** How many on each side are asked for. */
    int count() {
      return count;
    }

    /** Whether an active distributor counts (no rank asked). */
    boolean ofActive() {
      return rank < 0;
    }

    /** The least paid-as rank level, or -1 for active. */
    int rank() {
      return rank;
    }

    /** Those counted on the side at {@code position} of v. */
    int on(int v, int position) {
      return position == Placement.LEFT ? left[v] : position == Placement.RIGHT ? right[v] : 0;
    }


    @Override
    boolean aggregates() {
      return true;
    }

    @Override
    void childDone(int c, int p) {
      if (counts(c)) {
        // c's sponsor is p: the side of p's placement subtree c sits in, made with the tree.
        int s = tree.sideUnderSponsor[c];
        if (s == Placement.LEFT) {
          left[p]++;
        } else if (s == Placement.RIGHT) {
          right[p]++;
        }
      }
    }

    @Override
    void reset(int v) {
      left[v] = 0;
      right[v] = 0;
    }

    @Override
    void copyFrom(Rules.Rule other) {
      SponsoredOnEachSide o = (SponsoredOnEachSide) other;
      System.arraycopy(o.left, 0, left, 0, Math.min(o.left.length, left.length));
      System.arraycopy(o.right, 0, right, 0, Math.min(o.right.length, right.length));
    }

    @Override
    boolean met(int v) {
      return Math.min(left[v], right[v]) >= count;
    }

    @Override
    RequirementStatus status(int v) {
      return countStatus(count, Math.min(left[v], right[v]),
          Phrase.of("note.sideCounts", left[v], right[v]));
    }
  }

  /** At least this many distributors of a rank or higher anywhere in each side. */
  static final class RankOnEachSide extends Rules.Rule {
    private final int count;
    private final int rank;
    private final Placements tree;
    /** Distributors paid as the rank or higher in v's placement subtree, v left out. */
    private final int[] below;

    RankOnEachSide(Computation computation, Requirement.RankOnEachSide q, int rank) {
      super(computation, q);
      this.count = q.count();
      this.rank = rank;
      this.tree = computation.placements;
      this.below = new int[computation.org.distributorRoom()];
    }

    private int of(int c) {
      return below[c] + (computation.paidAs[c] >= rank ? 1 : 0);
    }

    private int side(int v, int position) {
      int c = tree.child(v, position);
      return c < 0 ? 0 : of(c);
    }

    /** How many in each side are asked for. */
    int count() {
      return count;
    }

    /** The rank level asked for. */
    int rank() {
      return rank;
    }

    /** Those counted in the side at {@code position} of v. */
    int on(int v, int position) {
      return side(v, position);
    }

    @Override
    boolean aggregatesPlacement() {
      return true;
    }

    @Override
    void placementChildDone(int c, int p) {
      below[p] += of(c);
    }

    @Override
    void reset(int v) {
      below[v] = 0;
    }

    @Override
    void copyFrom(Rules.Rule other) {
      int[] o = ((RankOnEachSide) other).below;
      System.arraycopy(o, 0, below, 0, Math.min(o.length, below.length));
    }

    @Override
    boolean met(int v) {
      return Math.min(side(v, Placement.LEFT), side(v, Placement.RIGHT)) >= count;
    }

    @Override
    RequirementStatus status(int v) {
      int l = side(v, Placement.LEFT);
      int r = side(v, Placement.RIGHT);
      return countStatus(count, Math.min(l, r), Phrase.of("note.sideCounts", l, r));
    }
  }

  /** Positions filled, or held by an active distributor, in the first levels of the matrix. */
  static final class MatrixPositions extends Rules.Rule {
    private final int count;
    private final int levels;
    private final boolean active;
    private final int width;
    /** perLevel[v * levels + k]: positions counted on level k + 1 below v. */
    private final int[] perLevel;

    MatrixPositions(Computation computation, Requirement.MatrixPositions q) {
      super(computation, q);
      this.count = q.count();
      this.levels = q.levels();
      this.active = q.active();
      this.width = computation.plan.placementTree().orElseThrow().width();
      Placements t = computation.placements;
      int n = computation.org.distributorRoom();
      this.perLevel = new int[Math.multiplyExact(n, levels)];
      // Children before parents: each level of c is the next level of c's parent.
      int[] order = t.order();
      for (int i = order.length - 1; i >= 0; i--) {
        int c = t.ordered() ? i : order[i];
        int p = t.parent[c];
        if (p < 0) {
          continue;
        }
        int pb = p * levels;
        int cb = c * levels;
        if (!active || computation.active[c]) {
          perLevel[pb]++;
        }
        for (int k = 1; k < levels; k++) {
          perLevel[pb + k] += perLevel[cb + k - 1];
        }
      }
    }

    @Override
    boolean countsPlacementLevels() {
      return true;
    }

    /**
     * A live change: distributor c starts ({@code sign} 1) or stops (-1) counting in the levels
     * above them, with {@code moved} their whole subtree's counts too (they were placed or taken
     * out with it), or just themselves when their activity changed ({@code activity}: only a
     * rule of active positions follows). O(levels x levels) along c's placement line.
     */
    @Override
    void placementCounted(int c, int sign, boolean moved, boolean activity) {
      if (activity && !active) {
        return;
      }
      Placements t = tree();
      boolean self = activity || !active || computation.active[c];
      int cb = c * levels;
      int a = t.parent[c];
      for (int j = 0; j < levels && a >= 0; j++, a = t.parent[a]) {
        int ab = a * levels;
        if (self) {
          perLevel[ab + j] += sign;
        }
        if (moved) {
          for (int k = 0; j + 1 + k < levels; k++) {
            perLevel[ab + j + 1 + k] += sign * perLevel[cb + k];
          }
        }
      }
    }

    private Placements tree() {
      return computation.placements;
    }

    /** The placement ancestors whose counts {@link #placementCounted} changes. */
    @Override
    int placementLevels() {
      return levels;
    }

    int count() {
      return count;
    }

    int levels() {
      return levels;
    }

    /** Whether only positions held by an active distributor count. */
    boolean ofActive() {
      return active;
    }

    /** The positions counted in v's first levels. */
    int total(int v) {
      int sum = 0;
      for (int k = 0; k < levels; k++) {
        sum += perLevel[v * levels + k];
      }
      return sum;
    }

    @Override
    boolean met(int v) {
      return total(v) >= count;
    }

    @Override
    RequirementStatus status(int v) {
      List<Phrase> each = new java.util.ArrayList<>(levels);
      long room = 1;
      for (int k = 0; k < levels; k++) {
        room = Math.min(room * width, Long.MAX_VALUE / Placement.MAX_POSITION);
        each.add(Phrase.of("note.matrixLevel", k + 1, perLevel[v * levels + k], room));
      }
      return countStatus(count, total(v), Phrase.of("note.matrixLevels", each));
    }
  }
}
