package dev.rankgauge.json.internal;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Warnings for a plan review, on a plan that loads: a rank nobody can reach (meeting it always
 * meets a higher rank too, so it is never the paid-as rank), two ranks with identical
 * requirements, and a lower rank that asks more than a higher one in a requirement of the same
 * kind. "Asks more" is decided per kind by a sufficient test ({@link #implies}): a warning is
 * only given where it is sure; some odd ladders pass unwarned.
 */
public final class PlanReview {
  private final CompPlan plan;

  private PlanReview(CompPlan plan) {
    this.plan = plan;
  }

  /** Every warning, at the JSON path of the rank or requirement it is about. */
  public static List<Finding> review(CompPlan plan) {
    return new PlanReview(plan).run();
  }

  private List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    List<Rank> ranks = plan.ranks();
    for (int l = 1; l < ranks.size(); l++) {
      Rank low = ranks.get(l);
      boolean reported = false;
      for (int h = l + 1; h < ranks.size() && !reported; h++) {
        Rank high = ranks.get(h);
        if (new HashSet<>(low.requirements()).equals(new HashSet<>(high.requirements()))) {
          out.add(new Finding(rankPath(h), false, PlanProblems.problem("review.sameAsLower",
              high.code(), low.code())));
          reported = true;
        } else if (setImplies(low.requirements(), high.requirements())) {
          out.add(new Finding(rankPath(l), false, PlanProblems.problem("review.unreachable",
              low.code(), high.code())));
          reported = true;
        }
      }
    }
    String type = plan.qualifyingVolumeType();
    for (int l = 1; l < ranks.size(); l++) {
      List<Requirement> lows = ranks.get(l).requirements();
      for (int j = 0; j < lows.size(); j++) {
        Requirement a = lows.get(j);
        if (a.metric().isPresent()) {
          continue; // falling gauge thresholds are problems, reported when loading
        }
        found:
        for (int h = l + 1; h < ranks.size(); h++) {
          for (Requirement b : ranks.get(h).requirements()) {
            if (a.getClass() == b.getClass() && !a.equals(b) && implies(a, b) && !implies(b, a)) {
              out.add(new Finding(rankPath(l) + ".requirements[" + j + "]", false,
                  PlanProblems.problem("review.asksMore", ranks.get(l).code(),
                  new Problem.RequirementWords(a, type), ranks.get(h).code(),
                  new Problem.RequirementWords(b, type))));
              break found;
            }
          }
        }
      }
    }
    return out;
  }

  private static String rankPath(int i) {
    return "$.ranks[" + i + "]";
  }

  /** Whether meeting every requirement of {@code a} surely meets every requirement of {@code b}. */
  boolean setImplies(List<Requirement> a, List<Requirement> b) {
    for (Requirement q : b) {
      if (!impliedBy(a, q)) {
        return false;
      }
    }
    return true;
  }

  private boolean impliedBy(List<Requirement> a, Requirement b) {
    if (b instanceof Requirement.AnyOf any) {
      for (Requirement.Path p : any.paths()) {
        if (setImplies(a, p.requirements())) {
          return true;
        }
      }
    }
    for (Requirement q : a) {
      if (implies(q, b)) {
        return true;
      }
    }
    return false;
  }

  /** Whether meeting {@code a} surely meets {@code b}; false where unsure. */
  boolean implies(Requirement a, Requirement b) {
    if (a.equals(b)) {
      return true;
    }
    if (a instanceof Requirement.AnyOf any) {
      for (Requirement.Path p : any.paths()) {
        if (!setImplies(p.requirements(), List.of(b))) {
          return false;
        }
      }
      return true;
    }
    if (!a.volumeType().equals(b.volumeType())) {
      return false; // volumes of two types say nothing of each other
    }
    if (b instanceof Requirement.GroupVolume g) {
      BigDecimal least = a.accept(GROUP_VOLUME_AT_LEAST);
      return least != null && least.compareTo(g.volume()) >= 0;
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    return a.accept(new SameKind(b));
  }

  /**
   * The group volume a requirement surely brings, or null if none: capped, level and personal
   * group volume never exceed group volume.
   */
  private static final Requirement.Visitor<BigDecimal> GROUP_VOLUME_AT_LEAST =
      new Requirement.Visitor<>() {
        @Override
        public BigDecimal visit(Requirement.PersonalVolume q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.GroupVolume q) {
          return q.volume();
        }

        @Override
        public BigDecimal visit(Requirement.ActivePersonalCustomers q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.ActivePersonalDistributors q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.SponsoredWithRank q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.LegsWithRank q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.LegsWithVolume q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.CappedGroupVolume q) {
          return q.volume();
        }

        @Override
        public BigDecimal visit(Requirement.LevelGroupVolume q) {
          // The placement tree's levels may hold people outside the sponsor downline.
          return q.tree() == Requirement.Tree.SPONSOR ? q.volume() : null;
        }

        @Override
        public BigDecimal visit(Requirement.PersonalGroupVolume q) {
          return q.volume();
        }

        @Override
        public BigDecimal visit(Requirement.ActiveLegs q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.PaidAsInPeriods q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.AccumulatedVolume q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.JoinedWithinDays q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.SideVolume q) {
          return null; // the placement tree may hold people of other sponsor lines
        }

        @Override
        public BigDecimal visit(Requirement.SponsoredOnEachSide q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.RankOnEachSide q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.MatrixPositions q) {
          return null;
        }

        @Override
        public BigDecimal visit(Requirement.Range q) {
          return q.of() == Requirement.Figure.GROUP_VOLUME ? q.atLeast().orElse(null) : null;
        }

        @Override
        public BigDecimal visit(Requirement.AnyOf q) {
          return null; // handled path by path
        }

        @Override
        public BigDecimal visit(Requirement.Host q) {
          return null;
        }
      };

  /**
   * Whether meeting the visited requirement surely meets {@code b}, a requirement of the same kind
   * (so each cast below holds); false where unsure. A new kind must decide here what it implies.
   */
  private final class SameKind implements Requirement.Visitor<Boolean> {
    private final Requirement b;

    SameKind(Requirement b) {
      this.b = b;
    }

    @Override
    public Boolean visit(Requirement.PersonalVolume x) {
      return x.volume().compareTo(((Requirement.PersonalVolume) b).volume()) >= 0;
    }

    @Override
    public Boolean visit(Requirement.GroupVolume x) {
      return x.volume().compareTo(((Requirement.GroupVolume) b).volume()) >= 0;
    }

    @Override
    public Boolean visit(Requirement.ActivePersonalCustomers x) {
      return x.count() >= ((Requirement.ActivePersonalCustomers) b).count();
    }

    @Override
    public Boolean visit(Requirement.ActivePersonalDistributors x) {
      return x.count() >= ((Requirement.ActivePersonalDistributors) b).count();
    }

    @Override
    public Boolean visit(Requirement.SponsoredWithRank x) {
      Requirement.SponsoredWithRank y = (Requirement.SponsoredWithRank) b;
      return x.count() >= y.count() && level(x.rank()) >= level(y.rank());
    }

    @Override
    public Boolean visit(Requirement.LegsWithRank x) {
      Requirement.LegsWithRank y = (Requirement.LegsWithRank) b;
      return x.reach() == y.reach() && x.levels() == y.levels() && x.basis() == y.basis()
          && x.tree() == y.tree() && x.count() >= y.count() && level(x.rank()) >= level(y.rank());
    }

    @Override
    public Boolean visit(Requirement.LegsWithVolume x) {
      // The best legs filling a's slots, taken largest first, fill b's slots pairwise.
      List<BigDecimal> xs = x.slots();
      List<BigDecimal> ys = ((Requirement.LegsWithVolume) b).slots();
      if (x.tree() != ((Requirement.LegsWithVolume) b).tree() || xs.size() < ys.size()) {
        return false;
      }
      for (int i = 0; i < ys.size(); i++) {
        if (xs.get(i).compareTo(ys.get(i)) < 0) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Boolean visit(Requirement.CappedGroupVolume x) {
      // Capped volume over cap c, divided by c, only grows as c shrinks: a higher volume at the
      // same share meets a lower one, as does a smaller share of the same volume.
      Requirement.CappedGroupVolume y = (Requirement.CappedGroupVolume) b;
      if (x.ownVolumeIsLeg() != y.ownVolumeIsLeg()) {
        return false;
      }
      int v = x.volume().compareTo(y.volume());
      int p = x.maxPercentPerLeg().compareTo(y.maxPercentPerLeg());
      return (p == 0 && v >= 0) || (v == 0 && p <= 0);
    }

    @Override
    public Boolean visit(Requirement.LevelGroupVolume x) {
      Requirement.LevelGroupVolume y = (Requirement.LevelGroupVolume) b;
      return x.compressed() == y.compressed() && x.tree() == y.tree() && x.levels() <= y.levels()
          && x.volume().compareTo(y.volume()) >= 0;
    }

    @Override
    public Boolean visit(Requirement.PersonalGroupVolume x) {
      Requirement.PersonalGroupVolume y = (Requirement.PersonalGroupVolume) b;
      return (x.includeBreakaway() == y.includeBreakaway() || !x.includeBreakaway())
          && level(x.breakawayRank()) <= level(y.breakawayRank())
          && x.volume().compareTo(y.volume()) >= 0;
    }

    @Override
    public Boolean visit(Requirement.ActiveLegs x) {
      return x.count() >= ((Requirement.ActiveLegs) b).count();
    }

    @Override
    public Boolean visit(Requirement.PaidAsInPeriods x) {
      Requirement.PaidAsInPeriods y = (Requirement.PaidAsInPeriods) b;
      return x.thisPeriod() == y.thisPeriod() && x.periods() == y.periods()
          && x.count() >= y.count() && level(x.rank()) >= level(y.rank());
    }

    @Override
    public Boolean visit(Requirement.AccumulatedVolume x) {
      Requirement.AccumulatedVolume y = (Requirement.AccumulatedVolume) b;
      return x.periods() == y.periods() && x.volume().compareTo(y.volume()) >= 0
          && (y.minimumEach().isEmpty() || x.minimumEach().isPresent()
              && x.minimumEach().get().compareTo(y.minimumEach().get()) >= 0);
    }

    @Override
    public Boolean visit(Requirement.JoinedWithinDays x) {
      return x.days() <= ((Requirement.JoinedWithinDays) b).days();
    }

    @Override
    public Boolean visit(Requirement.SideVolume x) {
      Requirement.SideVolume y = (Requirement.SideVolume) b;
      return x.weak().compareTo(y.weak()) >= 0 && x.strong().compareTo(y.strong()) >= 0;
    }

    @Override
    public Boolean visit(Requirement.SponsoredOnEachSide x) {
      Requirement.SponsoredOnEachSide y = (Requirement.SponsoredOnEachSide) b;
      // Ranked does not imply active, nor the other way round.
      return x.count() >= y.count() && x.rank().isPresent() == y.rank().isPresent()
          && (x.rank().isEmpty() || level(x.rank().get()) >= level(y.rank().get()));
    }

    @Override
    public Boolean visit(Requirement.RankOnEachSide x) {
      Requirement.RankOnEachSide y = (Requirement.RankOnEachSide) b;
      return x.count() >= y.count() && level(x.rank()) >= level(y.rank());
    }

    @Override
    public Boolean visit(Requirement.MatrixPositions x) {
      Requirement.MatrixPositions y = (Requirement.MatrixPositions) b;
      return x.count() >= y.count() && x.levels() <= y.levels() && (x.active() || !y.active());
    }

    @Override
    public Boolean visit(Requirement.Range x) {
      // Within the other's bounds on the same figure.
      Requirement.Range y = (Requirement.Range) b;
      return x.of() == y.of() && x.levels() == y.levels() && x.tree() == y.tree()
          && (y.atLeast().isEmpty()
              || x.atLeast().isPresent() && x.atLeast().get().compareTo(y.atLeast().get()) >= 0)
          && (y.atMost().isEmpty()
              || x.atMost().isPresent() && x.atMost().get().compareTo(y.atMost().get()) <= 0);
    }

    @Override
    public Boolean visit(Requirement.AnyOf x) {
      return false; // handled above, path by path
    }

    @Override
    public Boolean visit(Requirement.Host x) {
      return x.equals(b); // a host rule implies only itself, with the same parameters
    }
  }

  private int level(String code) {
    return plan.rankLevel(code);
  }
}
