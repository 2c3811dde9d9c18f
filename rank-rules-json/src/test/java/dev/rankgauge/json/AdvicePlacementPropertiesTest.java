package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Advice;
import dev.rankgauge.AdviceStep;
import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.PlacementTree;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.WhatIf;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The laws of advice on the bundled binary, hybrid and matrix plans, whose ranks ask for volume
 * on each side, personally sponsored distributors active or of a rank on each side, a rank in
 * each side and active positions in the matrix, on a binary plan with every kind read along the
 * placement tree, and on binary plans asking for people of a rank along it, over the random
 * organisations of {@link LiveEvaluationPropertiesTest} (spillover placements, customers,
 * orders, a closed October now and then). For every distributor with
 * complete advice, the steps' orders applied as a what-if: soundness (every step taken, they are
 * paid as the advised rank or higher) and minimality (leaving out any one, they no longer
 * qualify for it).
 */
class AdvicePlacementPropertiesTest {

  @Provide
  Arbitrary<LiveEvaluationPropertiesTest.World> worlds() {
    List<String> plans = new ArrayList<>(List.of("binary", "hybrid", "hybrid-bv", "matrix",
        LiveEvaluationPropertiesTest.EVERY_PLACEMENT_KIND));
    plans.addAll(QUALIFIERS);
    return Combinators.combine(Arbitraries.of(plans),
        new LiveEvaluationPropertiesTest().worlds()).as((plan, w) ->
            new LiveEvaluationPropertiesTest.World(plan, w.sponsors(), w.owners(), w.orders(),
                w.asOfMinutes(), w.steps(), w.withHistory(), w.slots()));
  }

  @Property(tries = 200)
  void everyStepTakenReachesTheRankAndLeavingOneOutDoesNot(
      @ForAll("worlds") LiveEvaluationPropertiesTest.World w) {
    LiveEvaluationPropertiesTest.Model m = new LiveEvaluationPropertiesTest.Model(
        QUALIFIERS.contains(w.plan()) ? placementQualifiers(w.plan())
            : LiveEvaluationPropertiesTest.plan(w.plan()), w);
    CompPlan plan = m.plan;
    Evaluation e = m.evaluate();
    boolean placementSteps = false;
    boolean placementQualifiers = false;
    boolean typedSteps = false;
    boolean complete = false;
    for (Distributor d : m.distributors) {
      Advice a = e.advice(d.id()).orElse(null);
      if (a == null || !a.complete()) {
        continue;
      }
      complete = true;
      for (AdviceStep s : a.steps()) {
        Requirement q = s.requirement();
        typedSteps |= s.concrete() && s.volumeType().isPresent();
        placementSteps |= s.concrete() && (q instanceof Requirement.SideVolume
            || q instanceof Requirement.SponsoredOnEachSide
            || q instanceof Requirement.MatrixPositions
            || q instanceof Requirement.LegsWithVolume l
                && l.tree() == Requirement.Tree.PLACEMENT);
        placementQualifiers |= s.concrete() && s.kind() == AdviceStep.Kind.LEG_QUALIFIER
            && (q instanceof Requirement.SponsoredOnEachSide
                || q instanceof Requirement.RankOnEachSide
                || q instanceof Requirement.LegsWithRank l
                    && l.tree() == Requirement.Tree.PLACEMENT);
      }
      placementSteps |= placementQualifiers;
      int target = plan.rankLevel(a.rank().code());
      assertThat(plan.rankLevel(whatIf(e, a.orders()).paidAs(d.id()).code()))
          .as("%s after every step of %s", d.id(), a).isGreaterThanOrEqualTo(target);
      for (AdviceStep left : a.steps()) {
        List<Order> rest = new ArrayList<>();
        for (AdviceStep s : a.steps()) {
          if (s != left) {
            rest.addAll(s.orders());
          }
        }
        assertThat(qualifies(whatIf(e, rest), d.id(), a.rank()))
            .as("%s qualifies for %s without step %s of %s", d.id(), a.rank().code(), left, a)
            .isFalse();
      }
    }
    Statistics.label("plan").collect(w.plan());
    // 77 to 85% of tries in six runs of 200 (measured; 71-74% before every kind in BV was
    // worked out, 52-53% before the qualifier and BV plans)
    Statistics.label("complete advice").collect(complete)
        .coverage(k -> k.check(true).percentage(p -> p >= 30));
    // a concrete step for side volume, sponsored on each side, matrix positions, legs of the
    // placement tree or a qualifier there: 12 to 16% in four runs of 200, 14 to 20% in six
    // since every kind in BV was worked out (measured); 5% is three deviations below
    Statistics.label("complete advice with a placement step").collect(placementSteps)
        .coverage(k -> k.check(true).percentage(p -> p >= 5));
    // a concrete step in BV: 9 to 19% in six runs of 200 (measured; 5-9% before leg slots,
    // levels and downline in BV were worked out); 1% is three deviations below
    Statistics.label("complete advice with a step in another volume type").collect(typedSteps)
        .coverage(k -> k.check(true).percentage(p -> p >= 1));
    // a concrete qualifier step on a side or a placement leg: the random organisations seldom
    // fill both sides below someone who is One. 3 to 15 of 200 tries (median 8) in the 44 runs
    // of the landing builds' logs of 2026-12-01, and CI's run of 2bf1aa8 had one, which a bound
    // of 1% (two tries) failed. Some try is asked for: none in 200 has a chance of about 3 in
    // 10,000, and a generator that stops making these plans' qualifiers still fails it.
    Statistics.label("complete advice with a qualifier on the placement tree")
        .collect(placementQualifiers).coverage(k -> k.check(true).count(n -> n > 0));
  }

  /** The plans of {@link #placementQualifiers}, by the kind that Two asks for. */
  static final List<String> QUALIFIERS = List.of("qualifiers: sponsored on each side",
      "qualifiers: rank on each side", "qualifiers: placement legs anywhere",
      "qualifiers: placement legs within two levels", "volume in BV");

  /**
   * A binary plan whose ranks ask for people of a rank along the placement tree, under a
   * self-purchase cap of 150: One is 20 PV; Two asks for One in the way the plan's name says
   * (personally sponsored distributors on each side, a rank anywhere in each side, placement
   * legs with a rank anywhere or within two levels), so that the many who are One are advised
   * towards it; Three asks for Two on the front line of the placement tree and anywhere in each
   * side. The last ranks by PV and asks for volume in BV: One for 20 personal and 60 group BV,
   * Two for 20 PV, and 30 BV on the weak side and 60 on the strong.
   */
  static CompPlan placementQualifiers(String name) {
    BigDecimal pv = BigDecimal.valueOf(20);
    Requirement.Tree placement = Requirement.Tree.PLACEMENT;
    if (name.equals(QUALIFIERS.get(4))) {
      return CompPlan.builder(name)
          .zone(ZoneId.of("America/Denver"))
          .volumeTypes("PV", "BV")
          .placementTree(PlacementTree.binary())
          .distributorActivity(ActivityRule.minimumVolume(pv))
          .rank(Rank.of("Q0", "Entry"))
          .rank(Rank.of("Q1", "One", Requirement.personalVolume(pv, "BV"),
              Requirement.groupVolume(BigDecimal.valueOf(60), "BV")))
          .rank(Rank.of("Q2", "Two", Requirement.personalVolume(pv),
              Requirement.sideVolume(BigDecimal.valueOf(30), BigDecimal.valueOf(60), "BV")))
          .build();
    }
    Requirement two = switch (QUALIFIERS.indexOf(name)) {
      case 0 -> Requirement.sponsoredOnEachSide(1, "Q1");
      case 1 -> Requirement.rankOnEachSide(1, "Q1");
      case 2 -> Requirement.legsWithRank(2, "Q1").onTree(placement);
      default -> Requirement.legsWithRank(2, "Q1").withinLevels(2).onTree(placement);
    };
    return CompPlan.builder(name)
        .zone(ZoneId.of("America/Denver"))
        .placementTree(PlacementTree.binary())
        .personalVolume(new PersonalVolumeRule(true, Optional.of(BigDecimal.valueOf(150))))
        .distributorActivity(ActivityRule.minimumVolume(pv))
        .rank(Rank.of("Q0", "Entry"))
        .rank(Rank.of("Q1", "One", Requirement.personalVolume(pv)))
        .rank(Rank.of("Q2", "Two", Requirement.personalVolume(pv), two))
        .rank(Rank.of("Q3", "Three", Requirement.personalVolume(pv),
            Requirement.legsWithRank(1, "Q2").frontLine().onTree(placement),
            Requirement.rankOnEachSide(1, "Q2")))
        .build();
  }

  private static Evaluation whatIf(Evaluation e, List<Order> orders) {
    return WhatIf.of(e, orders.stream().<LiveEvent>map(LiveEvent.OrderPlaced::new).toList())
        .after();
  }

  private static boolean qualifies(Evaluation e, String id, Rank rank) {
    return e.trace(id).ranks().stream().filter(c -> c.rank().equals(rank)).findFirst()
        .orElseThrow().met();
  }
}
