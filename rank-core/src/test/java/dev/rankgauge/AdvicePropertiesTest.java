package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Scenarios.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The laws of advice, checked with a what-if: the scenario evaluated again with the advised
 * orders added. Soundness: every step taken reaches the advised rank. Minimality: leaving out any
 * one step does not.
 */
class AdvicePropertiesTest {
  /** The least share of tries with complete advice holding a range step (see its label). */
  private static final double RANGE_COVERAGE = 10;

  /** A scenario and the requirements overrides waive in it, which advice counts as met. */
  record Waived(Scenario scenario, Overrides overrides) {
    Evaluation evaluate() {
      return evaluate(scenario);
    }

    Evaluation evaluate(Scenario s) {
      return RankGauge.evaluate(s.organisation(), s.plan(), Scenarios.PERIOD, s.asOf(),
          History.empty(), overrides);
    }
  }

  @Property(tries = 200)
  void everyStepTakenReachesTheRankAndLeavingOneOutDoesNot(
      @ForAll("waived") Waived waived) {
    Scenario scenario = waived.scenario();
    Evaluation e = waived.evaluate();
    CompPlan plan = scenario.plan();
    boolean waiverOnAdvisedRank = false;
    boolean newKinds = false;
    boolean ranges = false;
    boolean legRanges = false;
    boolean legRangesAdvised = false;
    boolean paths = false;
    boolean typed = false;
    boolean takenInTwice = false;
    int complete = 0;
    int incomplete = 0;
    int steps = 0;
    for (Distributor d : scenario.distributors()) {
      Advice a = e.advice(d.id()).orElse(null);
      if (a == null) {
        continue;
      }
      assertThat(plan.rankLevel(a.rank().code())).as("advised rank of %s", d.id())
          .isEqualTo(plan.rankLevel(e.paidAs(d.id()).code()) + 1);
      for (AdviceStep st : a.steps()) {
        legRangesAdvised |= st.requirement() instanceof Requirement.Range r
            && r.of() != Requirement.Figure.PERSONAL_VOLUME
            && r.of() != Requirement.Figure.GROUP_VOLUME;
      }
      if (!a.complete()) {
        incomplete++;
        continue;
      }
      complete++;
      for (AdviceStep st : a.steps()) {
        Requirement q = st.requirement();
        newKinds |= q instanceof Requirement.ActiveLegs || q instanceof Requirement.LevelGroupVolume
            || q instanceof Requirement.PersonalGroupVolume
            || q instanceof Requirement.AccumulatedVolume;
        ranges |= q instanceof Requirement.Range;
        paths |= st.kind() != AdviceStep.Kind.HOST && !st.note().isEmpty();
        typed |= st.concrete() && st.volumeType().isPresent();
        legRanges |= q instanceof Requirement.Range r && st.concrete()
            && r.of() != Requirement.Figure.PERSONAL_VOLUME
            && r.of() != Requirement.Figure.GROUP_VOLUME;
      }
      takenInTwice |= takesInARankTwice(plan, e.trace(d.id()), a.rank());
      waiverOnAdvisedRank |= waived.overrides().entries(d.id()).stream().anyMatch(
          o -> o instanceof Overrides.Waiver w && w.rank().equals(a.rank().code()));
      int target = plan.rankLevel(a.rank().code());
      assertThat(level(plan, whatIf(waived, a.orders()), d.id()))
          .as("%s after every step of %s", d.id(), a)
          .isGreaterThanOrEqualTo(target);
      for (AdviceStep left : a.steps()) {
        List<Order> rest = new ArrayList<>();
        for (AdviceStep s : a.steps()) {
          if (s != left) {
            rest.addAll(s.orders());
          }
        }
        // Not qualified for the rank any more; in a plan whose ladder does not rise, a rank
        // higher up may still be met with less, which says nothing about this one.
        assertThat(qualifies(whatIf(waived, rest), d.id(), a.rank()))
            .as("%s qualifies for %s without step %s of %s", d.id(), a.rank().code(), left, a)
            .isFalse();
        steps++;
      }
      // Cheapest first: by the qualifying volume each step costs; a step of another type costs
      // none of it, and among those the least of their type comes first.
      for (int i = 1; i < a.steps().size(); i++) {
        AdviceStep before = a.steps().get(i - 1);
        AdviceStep after = a.steps().get(i);
        assertThat(cost(after)).as("cheapest first: %s", a)
            .isGreaterThanOrEqualTo(cost(before));
        if (cost(after).compareTo(cost(before)) == 0) {
          assertThat(typedVolume(after)).as("least of another type first: %s", a)
              .isGreaterThanOrEqualTo(typedVolume(before));
        }
      }
    }
    Statistics.label("complete advice").collect(complete > 0)
        .coverage(c -> c.check(true).percentage(p -> p >= 15));
    Statistics.label("incomplete advice").collect(incomplete > 0);
    Statistics.label("several steps").collect(steps > complete)
        .coverage(c -> c.check(true).percentage(p -> p >= 10));
    // the kinds advice works out beyond the four gauges and the legs: 6.5 to 17%, 11.5% on
    // average, over 15 verify runs of 200 tries, before a quarter of the tries went to the
    // ladder that takes in a rank twice and paid-as requirements joined the kinds drawn; since,
    // 3 to 17 of 200 tries (median 10) in the 42 runs of the landing builds' logs of 2026-12-01,
    // and a bound of 2% (4 tries) failed a landing at 3 (seed 3775973677339755533). So the
    // check is that some try has such a step: none in 200 has a chance of about e^-10, and a
    // generator that stops drawing these kinds still fails it.
    Statistics.label("complete advice with a step for active legs, level or personal group"
        + " volume, or volume over periods").collect(newKinds)
        .coverage(c -> c.check(true).percentage(p -> p > 0));
    // ranges: a step for at least some personal or group volume, the most checked by the model;
    // 29 and 33% in two runs of 200 tries (measured), the bound some six deviations below
    Statistics.label("complete advice with a step for a range").collect(ranges)
        .coverage(c -> c.check(true).percentage(p -> p >= RANGE_COVERAGE));
    // ranges of active counts, downline volume or the largest leg's share, as concrete steps:
    // 4 to 6% (85, 87 and 116 of 2,000 tries in three runs, ninth session), so 200 tries now
    // and then hold none (seed -9092887528806153865 holds none, and failed a build): not
    // checked here; the concrete steps are pinned by AdviceTest's examples (downline volume,
    // the largest leg's share, active legs) ...
    Statistics.label("complete advice with a step for a range of counts, downline or a share")
        .collect(legRanges);
    // ... and a generator that stops drawing them still fails: advice with a step for such a
    // range, complete or not: 12% (239 of 2,000 tries), the bound some four deviations below
    Statistics.label("advice with a step for a range of counts, downline or a share")
        .collect(legRangesAdvised).coverage(c -> c.check(true).percentage(p -> p >= 2));
    // a step of the path an anyOf is advised by: 35% in a run of 200 tries (measured); the bound
    // of 1% fails a generator that stops drawing them
    Statistics.label("complete advice with a step of an anyOf path").collect(paths)
        .coverage(c -> c.check(true).percentage(p -> p >= 1));
    // a concrete step in CV, the second volume type of half the plans, for any kind that reads
    // volume: 19 to 22% in four runs of 200 tries (measured; 1% with the same seed before every
    // kind was advised in its type, volume over periods alone); 5% is five deviations below
    Statistics.label("complete advice with a concrete step in another volume type")
        .collect(typed).coverage(c -> c.check(true).percentage(p -> p >= 5));
    // a rank asking to be paid as a rank that its advice takes in for another requirement too:
    // 4 to 7% in four runs of 200 tries (measured; none before, when such a requirement was a
    // step advice did not work out); 1% is two tries
    Statistics.label("complete advice to a rank that takes in a rank twice")
        .collect(takenInTwice).coverage(c -> c.check(true).percentage(p -> p >= 1));
    // a try whose complete advice meets no waiver checks nothing of it: 18 to 23% do (measured)
    Statistics.label("complete advice to a rank with a waived requirement")
        .collect(waiverOnAdvisedRank)
        .coverage(c -> c.check(true).percentage(p -> p >= 10));
  }

  /**
   * Whether advice towards a rank takes in a rank twice: the rank asks to be paid as ranks this
   * period and is not yet (its trace says), then the ranks so named the same way, and so on,
   * until a rank is named a second time.
   */
  private static boolean takesInARankTwice(CompPlan plan, Trace trace, Rank rank) {
    java.util.Set<String> seen = new java.util.HashSet<>(java.util.Set.of(rank.code()));
    java.util.ArrayDeque<Rank> todo = new java.util.ArrayDeque<>(List.of(rank));
    while (!todo.isEmpty()) {
      int level = plan.rankLevel(todo.pop().code());
      if (level == 0) {
        continue; // the entry rank asks nothing (the trace starts above it)
      }
      Trace.RankCheck check = trace.ranks().get(level - 1);
      for (RequirementStatus st : check.requirements()) {
        if (st.requirement() instanceof Requirement.PaidAsInPeriods p && p.thisPeriod()
            && !st.met()) {
          if (!seen.add(p.rank())) {
            return true;
          }
          todo.add(plan.ranks().get(plan.rankLevel(p.rank())));
        }
      }
    }
    return false;
  }

  /** The qualifying volume a step costs: none for a step of another type. */
  private static BigDecimal cost(AdviceStep s) {
    return s.volumeType().isPresent() ? BigDecimal.ZERO : s.volume();
  }

  /** The volume of another type a step adds: none for a step of the qualifying type. */
  private static BigDecimal typedVolume(AdviceStep s) {
    return s.volumeType().isPresent() ? s.volume() : BigDecimal.ZERO;
  }

  private static int level(CompPlan plan, Evaluation e, String id) {
    return plan.rankLevel(e.paidAs(id).code());
  }

  private static boolean qualifies(Evaluation e, String id, Rank rank) {
    return e.trace(id).ranks().stream().filter(c -> c.rank().equals(rank)).findFirst()
        .orElseThrow().met();
  }

  private static Evaluation whatIf(Waived w, List<Order> orders) {
    Scenario with = w.scenario();
    for (Order o : orders) {
      with = with.with(o);
    }
    return w.evaluate(with);
  }

  @Provide
  Arbitrary<Waived> waived() {
    return Scenarios.anyFourGaugeScenarios().flatMap(s -> Arbitraries.frequencyOf(
        Tuple.of(3, structural(s.plan())), Tuple.of(1, takingInTwice(s.plan()))).flatMap(p -> {
      Scenario scenario = new Scenario(p, s.asOf(), s.distributors(), s.customers(), s.orders());
      int n = s.distributors().size();
      return Combinators.combine(Scenarios.uniform(0, n - 1), Scenarios.uniform(1, 1000))
          .as((d, x) -> new int[] {d, x}).list().ofMaxSize(n)
          .map(drafts -> new Waived(scenario, waivers(scenario, drafts)));
    }));
  }

  /**
   * Waivers for some distributors, each of a requirement of the rank above the one they are paid
   * as without it (where the advice is aimed). Each draft is a distributor's position and a
   * number choosing the requirement.
   */
  private static Overrides waivers(Scenario s, List<int[]> drafts) {
    List<Rank> ranks = s.plan().ranks();
    Evaluation e = s.evaluate();
    List<Overrides.Entry> out = new ArrayList<>();
    for (int[] d : drafts) {
      String id = s.distributors().get(d[0]).id();
      int next = s.plan().rankLevel(e.paidAs(id).code()) + 1;
      if (next >= ranks.size()) {
        continue;
      }
      Rank rank = ranks.get(next);
      if (rank.requirements().isEmpty()) {
        continue;
      }
      Overrides.Entry w = new Overrides.Waiver(id, rank.code(),
          1 + d[1] % rank.requirements().size());
      if (!out.contains(w)) {
        out.add(w);
      }
    }
    return Overrides.of(out);
  }

  /**
   * The plan with, at random, one more requirement added to some of its ranks: a leg cap, leg
   * volume slots, a count of legs with a rank, active legs, group volume of the first levels
   * (compressed or not), personal group volume, personal volume over two periods (with or
   * without a minimum of each), a join date, to be paid as two ranks below this period (in one
   * of the last one or two periods, at times the same rank twice, or a rank that the other one
   * asks for: advice takes it in once), or (where none of those) either of two paths
   * (personal volume, or legs with volume and an active leg; a personally sponsored distributor
   * of the rank below, or group volume); and to some ranks a range: at least some
   * personal or group volume, between two figures of either, at most a share from the largest
   * leg or a number of active customers, a window of days since joining, downline volume of
   * the first levels or of the whole downline, at least some active customers, between two
   * numbers of active distributors, at least or between two shares from the largest leg (half
   * the ranks get a range, as many as before these last six were added). Where the plan reads
   * CV too (half the plans), half the ranks read the volume of their added requirement and range
   * in CV (orders carry 0.8 of their PV in CV).
   */
  private static Arbitrary<CompPlan> structural(CompPlan plan) {
    int n = plan.ranks().size();
    return Combinators.combine(
        Scenarios.uniform(0, 11).list().ofSize(n),
        Scenarios.uniform(1, 400).list().ofSize(n),
        Arbitraries.of(true, false),
        Scenarios.uniform(0, 27).list().ofSize(n),
        Arbitraries.of(true, false).list().ofSize(n))
        .as((kinds, figures, ownIsLeg, ranges, inCv) -> {
          CompPlan.Builder b = CompPlan.builder(plan.name()).zone(plan.zone())
              .volumeTypes(plan.volumeTypes().toArray(new String[0]))
              .personalVolume(plan.personalVolume())
              .customerActivity(plan.customerActivity())
              .distributorActivity(plan.distributorActivity());
          for (int r = 0; r < n; r++) {
            Rank rank = plan.ranks().get(r);
            List<Requirement> reqs = new ArrayList<>(rank.requirements());
            int figure = figures.get(r);
            String cv = inCv.get(r) && plan.volumeTypes().contains("CV") ? "CV" : null;
            if (r > 0) {
              switch (kinds.get(r)) {
                case 1 -> reqs.add(in(cv, Requirement.cappedGroupVolume(
                    BigDecimal.valueOf(figure * 5L), BigDecimal.valueOf(40 + figure % 61),
                    ownIsLeg)));
                case 2 -> reqs.add(in(cv, Requirement.legsWithVolume(1 + figure % 3,
                    BigDecimal.valueOf(figure))));
                case 3 -> reqs.add(in(cv, Requirement.legsWithVolumes(List.of(
                    BigDecimal.valueOf(figure * 2L), BigDecimal.valueOf(figure)))));
                case 4 -> reqs.add(Requirement.sponsoredWithRank(1 + figure % 2,
                    plan.ranks().get(r - 1).code()));
                case 5 -> reqs.add(Requirement.legsWithRank(1 + figure % 2,
                    plan.ranks().get(r - 1).code()));
                case 6 -> reqs.add(Requirement.activeLegs(1 + figure % 3));
                case 7 -> reqs.add(in(cv, Requirement.levelGroupVolume(
                    BigDecimal.valueOf(figure * 2L), 1 + figure % 3, ownIsLeg)));
                case 8 -> reqs.add(in(cv, Requirement.personalGroupVolume(
                    BigDecimal.valueOf(figure * 2L), plan.ranks().get(r).code(), ownIsLeg)));
                case 9 -> reqs.add(in(cv, Requirement.accumulatedVolume(
                    BigDecimal.valueOf(figure), 2, figure % 2 == 0 ? java.util.Optional.empty()
                        : java.util.Optional.of(BigDecimal.valueOf(figure % 50)))));
                case 10 -> reqs.add(Requirement.joinedWithinDays(figure * 2));
                case 11 -> {
                  reqs.add(Requirement.paidAsInPeriods(1, 2,
                      plan.ranks().get(figure % r).code(), true));
                  reqs.add(Requirement.paidAsInPeriods(1, 1 + figure % 2,
                      plan.ranks().get(figure / 3 % r).code(), true));
                }
                case 0 -> reqs.add(figure % 2 == 0
                    ? Requirement.anyOf(
                        Requirement.path("volume", Requirement.personalVolume(
                            BigDecimal.valueOf(figure * 3L))),
                        Requirement.path("legs", Requirement.legsWithVolume(1 + figure % 3,
                            BigDecimal.valueOf(figure)), Requirement.activeLegs(1)))
                    : Requirement.anyOf(
                        Requirement.path("team", Requirement.sponsoredWithRank(1,
                            plan.ranks().get(r - 1).code())),
                        Requirement.path("group", Requirement.groupVolume(
                            BigDecimal.valueOf(figure * 4L)))));
                default -> { }
              }
              BigDecimal f = BigDecimal.valueOf(figure);
              switch (ranges.get(r)) {
                case 0 -> reqs.add(in(cv,
                    Requirement.atLeast(Requirement.Figure.PERSONAL_VOLUME, f)));
                case 1 -> reqs.add(in(cv, Requirement.atLeast(Requirement.Figure.GROUP_VOLUME,
                    f.multiply(BigDecimal.valueOf(3)))));
                case 2 -> reqs.add(in(cv, Requirement.between(Requirement.Figure.GROUP_VOLUME, f,
                    f.multiply(BigDecimal.valueOf(1 + figure % 20)))));
                case 3 -> reqs.add(in(cv, Requirement.between(Requirement.Figure.PERSONAL_VOLUME,
                    f.divide(BigDecimal.valueOf(4), 0, java.math.RoundingMode.DOWN), f)));
                case 4 -> reqs.add(Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT,
                    BigDecimal.valueOf(50 + figure % 50)));
                case 5 -> reqs.add(Requirement.atMost(
                    Requirement.Figure.ACTIVE_PERSONAL_CUSTOMERS, BigDecimal.valueOf(figure % 4)));
                case 6 -> reqs.add(Requirement.between(Requirement.Figure.DAYS_SINCE_JOINED,
                    BigDecimal.ZERO, BigDecimal.valueOf(figure * 3L)));
                case 7 -> reqs.add(in(cv,
                    Requirement.downlineVolume(f).withinLevels(1 + figure % 2)));
                case 8 -> reqs.add(Requirement.atLeast(
                    Requirement.Figure.ACTIVE_PERSONAL_CUSTOMERS, BigDecimal.valueOf(1 + figure % 3)));
                case 9 -> reqs.add(Requirement.between(
                    Requirement.Figure.ACTIVE_PERSONAL_DISTRIBUTORS,
                    BigDecimal.valueOf(1 + figure % 2), BigDecimal.valueOf(2 + figure % 4)));
                case 10 -> reqs.add(in(cv,
                    Requirement.downlineVolume(f.multiply(BigDecimal.valueOf(2)))));
                case 11 -> reqs.add(Requirement.atLeast(Requirement.Figure.LARGEST_LEG_PERCENT,
                    BigDecimal.valueOf(20 + figure % 70)));
                case 12 -> reqs.add(Requirement.between(Requirement.Figure.LARGEST_LEG_PERCENT,
                    BigDecimal.valueOf(10 + figure % 30), BigDecimal.valueOf(45 + figure % 50)));
                case 13 -> reqs.add(Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT,
                    BigDecimal.valueOf(30 + figure % 40)));
                default -> { }
              }
            }
            b.rank(new Rank(rank.code(), rank.name(), reqs));
          }
          return b.build();
        });
  }

  /**
   * A ladder that does not nest, whose top rank takes in a rank twice: Silver asks personal
   * volume; Gold to be paid as Silver in one of the last two periods (this one included) and
   * less personal volume; Platinum a small part of Silver's, so that many are Platinum without
   * Silver or Gold; Director to be paid as Gold this period, as Silver in one of the last two, and group
   * volume. Advice towards Director takes in Gold's requirements, with them Silver's, and then
   * meets Silver's name a second time.
   */
  private static Arbitrary<CompPlan> takingInTwice(CompPlan plan) {
    return Combinators.combine(Scenarios.uniform(100, 1500), Scenarios.uniform(1, 7),
        Scenarios.uniform(1, 7), Scenarios.uniform(0, 3000))
        .as((silver, gold, platinum, group) -> CompPlan.builder(plan.name()).zone(plan.zone())
            .volumeTypes(plan.volumeTypes().toArray(new String[0]))
            .personalVolume(plan.personalVolume())
            .customerActivity(plan.customerActivity())
            .distributorActivity(plan.distributorActivity())
            .rank(Rank.of("R0", "Entry"))
            .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(BigDecimal.valueOf(silver))))
            .rank(Rank.of("GLD", "Gold", Requirement.paidAsInPeriods(1, 2, "SLV", true),
                Requirement.personalVolume(BigDecimal.valueOf(silver * gold / 8))))
            .rank(Rank.of("PLAT", "Platinum",
                Requirement.personalVolume(BigDecimal.valueOf(silver * platinum / 64))))
            .rank(Rank.of("DIR", "Director", Requirement.paidAsInRow(1, "GLD", true),
                Requirement.paidAsInPeriods(1, 2, "SLV", true),
                Requirement.groupVolume(BigDecimal.valueOf(group))))
            .build());
  }

  /** The requirement reading volume of the type, or of the qualifying type where null. */
  private static Requirement in(String type, Requirement q) {
    return type == null ? q : q.ofType(type);
  }
}
