package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of accumulated volume of a named type, over closed periods that hold PV and CV: naming the
 * qualifying type is naming none, and volume of one type, this period's or a closed period's,
 * never moves the accumulated figure of another.
 */
class AccumulatedVolumeTypePropertiesTest {

  /**
   * A scenario; each distributor's PV and CV in the closed months (cents, drawn in turn from the
   * lists); how many closed months; the figures of the requirements added; one more order.
   */
  record Case(Scenarios.Scenario scenario, List<Integer> pv, List<Integer> cv, int months,
      List<Integer> figures, int buyer, int cents, int minutes) {}

  /**
   * The closed months before {@link Scenarios#PERIOD}, every distributor in each, at the entry
   * rank, with PV and CV; {@code moreCv} cents of CV more for everyone in every month.
   */
  private static History history(Case c, CompPlan plan, int moreCv) {
    List<PeriodRecord> records = new ArrayList<>();
    String entry = plan.ranks().get(0).code();
    int k = 0;
    for (int m = c.months(); m >= 1; m--) {
      Period p = Period.month(Scenarios.PERIOD.start().minusMonths(m).getYear(),
          Scenarios.PERIOD.start().minusMonths(m).getMonthValue());
      for (Distributor d : c.scenario().distributors()) {
        BigDecimal pv = BigDecimal.valueOf(c.pv().get(k % c.pv().size()), 2);
        BigDecimal cv = BigDecimal.valueOf(c.cv().get(k % c.cv().size()) + moreCv, 2);
        k++;
        records.add(new PeriodRecord(p, d.id(), entry, entry, entry, pv, pv, 0, 0, 0,
            List.of(), Map.of("CV", cv)));
      }
    }
    return History.of(records);
  }

  /**
   * The scenario's plan with PV and CV, and on each rank above the entry rank an accumulated
   * volume of {@code type} ({@code null}: none named) and, with {@code alsoCv}, one of CV.
   */
  private static CompPlan plan(Case c, String type, boolean alsoCv) {
    CompPlan p = c.scenario().plan();
    List<Rank> ranks = new ArrayList<>();
    for (int r = 0; r < p.ranks().size(); r++) {
      Rank rank = p.ranks().get(r);
      List<Requirement> qs = new ArrayList<>(rank.requirements());
      if (r > 0) {
        int f = c.figures().get(r % c.figures().size());
        int window = 1 + f % (c.months() + 1);
        Optional<BigDecimal> each = f % 3 == 0 ? Optional.empty()
            : Optional.of(BigDecimal.valueOf(f % 40));
        Requirement.AccumulatedVolume q = new Requirement.AccumulatedVolume(
            BigDecimal.valueOf(f * 3L), window, each);
        qs.add(type == null ? q : q.ofType(type));
        if (alsoCv) {
          qs.add(new Requirement.AccumulatedVolume(BigDecimal.valueOf(f * 2L),
              1 + (f / 5) % (c.months() + 1), each, Optional.of("CV")));
        }
      }
      ranks.add(new Rank(rank.code(), rank.name(), qs));
    }
    return p.toBuilder().volumeTypes("PV", "CV").qualifyingVolumeType("PV").ranks(ranks)
        .build();
  }

  @Property(tries = 100)
  void namingTheQualifyingTypeGivesWhatNamingNoneGives(@ForAll("cases") Case c) {
    CompPlan named = plan(c, "PV", true);
    CompPlan plain = plan(c, null, true);

    assertThat(named).isEqualTo(plain);
    Organisation o = c.scenario().organisation();
    History h = history(c, plain, 0);
    Evaluation a = RankGauge.evaluate(o, named, Scenarios.PERIOD, c.scenario().asOf(), h);
    Evaluation b = RankGauge.evaluate(o, plain, Scenarios.PERIOD, c.scenario().asOf(), h);
    assertThat(a.results()).isEqualTo(b.results());
    for (Distributor d : c.scenario().distributors()) {
      assertThat(a.trace(d.id())).isEqualTo(b.trace(d.id()));
    }
    Statistics.label("someone above the entry rank")
        .collect(a.results().stream().anyMatch(r -> !r.paidAs().equals(named.ranks().get(0))))
        .coverage(k -> k.check(true).percentage(p -> p >= 3));
  }

  @Property(tries = 100)
  void cvOnlyVolumeNeverMovesAPvAccumulatedFigure(@ForAll("cases") Case c) {
    // An order of CV alone this period, and more CV in every closed month: the accumulated PV
    // figures stay; the accumulated CV figures move (for the buyer at least, when the order
    // counts).
    CompPlan plan = plan(c, null, true);
    Scenarios.Scenario s = c.scenario();
    int n = s.distributors().size();
    Instant when = s.asOf().minusSeconds(60L * (1 + c.minutes()));
    Order cvOnly = new Order("CVONLY", BuyerType.DISTRIBUTOR, "D" + c.buyer() % n, when,
        OrderStatus.PAID, Map.of("CV", BigDecimal.valueOf(c.cents(), 2), "PV", BigDecimal.ZERO),
        BigDecimal.ONE);

    Evaluation before = RankGauge.evaluate(s.organisation(), plan, Scenarios.PERIOD, s.asOf(),
        history(c, plan, 0));
    Evaluation after = RankGauge.evaluate(s.with(cvOnly).organisation(), plan,
        Scenarios.PERIOD, s.asOf(), history(c, plan, c.cents()));

    boolean moved = false;
    for (Distributor d : s.distributors()) {
      assertThat(figures(after, d.id(), false)).as("accumulated PV of %s", d.id())
          .isEqualTo(figures(before, d.id(), false));
      moved |= !figures(after, d.id(), true).equals(figures(before, d.id(), true));
    }
    Statistics.label("more CV moved an accumulated CV figure").collect(moved)
        .coverage(k -> k.check(true).percentage(p -> p >= 50));
  }

  /** The actual figures of the accumulated volume requirements of CV, or of PV (no type). */
  private static List<BigDecimal> figures(Evaluation e, String id, boolean cv) {
    List<BigDecimal> out = new ArrayList<>();
    for (Trace.RankCheck r : e.trace(id).ranks()) {
      for (RequirementStatus q : r.requirements()) {
        if (q.requirement() instanceof Requirement.AccumulatedVolume a
            && a.volumeType().isPresent() == cv) {
          out.add(q.actual().stripTrailingZeros());
        }
      }
    }
    return out;
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(Scenarios.anyFourGaugeScenarios(),
        Scenarios.uniform(0, 50_000).list().ofMinSize(1).ofMaxSize(7),
        Scenarios.uniform(0, 50_000).list().ofMinSize(1).ofMaxSize(7),
        Scenarios.uniform(1, 3),
        Scenarios.uniform(1, 400).list().ofMinSize(1).ofMaxSize(5),
        Scenarios.uniform(0, 999), Scenarios.uniform(1, 40_000), Scenarios.uniform(0, 600))
        .as(Case::new);
  }
}
