package dev.rankgauge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Overrides} resolved against one organisation and plan: by distributor index, rank level
 * and requirement position. Built only when there are overrides, in time proportional to their
 * number (plus a bit set of the distributors); the evaluation asks {@link #at(int)} once per
 * distributor it decides, a bit test for those without overrides. Immutable once built.
 */
final class OverrideIndex {
  /** What the overrides grant one distributor. */
  static final class At {
    /** The lowest paid-as rank, -1 for none. */
    int minimum = -1;
    /** Waived requirements as {@code rank << 16 | position}, position from 0; often empty. */
    int[] waived = new int[0];
    boolean active;
    /** The overrides, in the order given. */
    final List<Overrides.Entry> entries = new ArrayList<>(2);

    boolean waived(int rank, int position) {
      int key = rank << 16 | position;
      for (int k : waived) {
        if (k == key) {
          return true;
        }
      }
      return false;
    }
  }

  final Overrides source;
  private final Map<Integer, At> at;
  private final BitSet touched;
  private final BitSet notCompressed;
  /** Distributors counted as active, by index. */
  final int[] active;
  /** Whether some distributor has a minimum rank: paid-as and qualified ranks can then differ. */
  final boolean anyMinimum;

  private OverrideIndex(Overrides source, Map<Integer, At> at, BitSet touched,
      BitSet notCompressed, int[] active, boolean anyMinimum) {
    this.source = source;
    this.at = at;
    this.touched = touched;
    this.notCompressed = notCompressed;
    this.active = active;
    this.anyMinimum = anyMinimum;
  }

  /**
   * The overrides resolved, or null for none.
   *
   * @throws ValidationException listing every override that names an unknown distributor, rank
   *     or requirement, or repeats one of the same distributor
   */
  static OverrideIndex of(Organisation org, CompPlan plan, Overrides overrides) {
    if (overrides.isEmpty()) {
      return null;
    }
    List<Problem> problems = new ArrayList<>();
    Map<Integer, At> at = new HashMap<>();
    Map<Overrides.Entry, Integer> seen = new HashMap<>();
    Map<Integer, Integer> minimumAt = new HashMap<>();
    BitSet touched = new BitSet(org.distributorCount());
    BitSet notCompressed = new BitSet();
    List<Integer> active = new ArrayList<>();
    boolean anyMinimum = false;
    List<Overrides.Entry> entries = overrides.entries();
    for (int i = 0; i < entries.size(); i++) {
      Overrides.Entry e = entries.get(i);
      String where = where(i, e);
      Subject subject = Subject.override(e.distributorId(), i);
      int v = org.indexOf(e.distributorId());
      if (v < 0) {
        problems.add(Problem.core(subject.field("distributorId"), where,
            "override.unknownDistributor", e.distributorId(), org.distributorCount()));
      }
      Integer before = seen.putIfAbsent(e, i);
      if (before != null) {
        problems.add(Problem.core(subject, where, "override.again", e.code(), e.distributorId(),
            before + 1, i + 1));
        continue;
      }
      int rank = -1;
      int position = -1;
      if (e instanceof Overrides.MinimumRank m) {
        rank = rank(plan, m.rank(), subject, where, problems);
        Integer other = minimumAt.putIfAbsent(v < 0 ? -1 - i : v, i);
        if (other != null) {
          problems.add(Problem.core(subject.field("rank"), where, "override.secondMinimum",
              m.rank(), e.distributorId(), other + 1, i + 1));
        }
      } else if (e instanceof Overrides.Waiver w) {
        rank = rank(plan, w.rank(), subject, where, problems);
        if (rank >= 0) {
          int count = plan.ranks().get(rank).requirements().size();
          if (count == 0) {
            problems.add(Problem.core(subject.field("rank"), where, "override.waiveEntry",
                w.rank()));
          } else if (w.requirement() > count) {
            problems.add(Problem.core(subject.field("requirement"), where, "override.requirement",
                w.requirement(), w.rank(), count));
          } else {
            position = w.requirement() - 1;
          }
        }
      }
      if (v < 0 || !problems.isEmpty()) {
        continue;
      }
      At a = at.computeIfAbsent(v, k -> new At());
      touched.set(v);
      a.entries.add(e);
      if (e instanceof Overrides.MinimumRank) {
        a.minimum = rank;
        anyMinimum = true;
      } else if (e instanceof Overrides.Waiver) {
        int[] more = Arrays.copyOf(a.waived, a.waived.length + 1);
        more[a.waived.length] = rank << 16 | position;
        a.waived = more;
      } else if (e instanceof Overrides.NotCompressed) {
        notCompressed.set(v);
      } else {
        a.active = true;
        active.add(v);
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.overridesForPlan", plan.name()),
          problems);
    }
    return new OverrideIndex(overrides, at, touched, notCompressed,
        active.stream().mapToInt(Integer::intValue).toArray(), anyMinimum);
  }

  private static int rank(CompPlan plan, String code, Subject subject, String where,
      List<Problem> problems) {
    int r = plan.rankLevel(code);
    if (r < 0) {
      problems.add(Problem.core(subject.field("rank"), where, "plan.unknownRank", code,
          plan.name(), plan.ranks().stream().map(Rank::code).toList()));
    }
    return r;
  }

  private static String where(int i, Overrides.Entry e) {
    return "override " + (i + 1) + " (" + e.code() + " for " + e.distributorId() + ")";
  }

  /** What the overrides grant distributor v, or null for nothing. */
  At at(int v) {
    return touched.get(v) ? at.get(v) : null;
  }

  /** Whether distributor v takes a level under compression even when inactive. */
  boolean notCompressed(int v) {
    return notCompressed.get(v);
  }
}
