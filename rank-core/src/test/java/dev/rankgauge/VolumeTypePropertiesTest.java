package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of the volume type a requirement names: naming the qualifying type is naming none, and a
 * requirement of one type never sees volume of another.
 */
class VolumeTypePropertiesTest {

  /** A scenario, the figures of the volume requirements added to it, and one more order. */
  record Case(Scenarios.Scenario scenario, List<Integer> figures, int buyer, int cents,
      int minutes) {}

  /**
   * Every kind that reads volume, of the given type ({@code null}: none named), one of them per
   * rank above the entry rank beside the scenario's gauges; none reads ranks or activity, so
   * that each one's figures are a function of volumes only (compression and breakaways, which
   * read activity and ranks, are covered by the first law, which needs no such care).
   */
  private static List<Requirement> volumeKinds(int f, String type) {
    BigDecimal v = BigDecimal.valueOf(f);
    Function<Requirement, Requirement> t = q -> type == null ? q : q.ofType(type);
    return List.of(
        t.apply(Requirement.personalVolume(v)),
        t.apply(Requirement.groupVolume(v.multiply(BigDecimal.valueOf(3)))),
        t.apply(Requirement.legsWithVolume(1 + f % 3, v)),
        t.apply(Requirement.legsWithVolumes(List.of(v.add(v), v))),
        t.apply(Requirement.cappedGroupVolume(v.multiply(BigDecimal.valueOf(4)),
            BigDecimal.valueOf(40 + f % 61), f % 2 == 0)),
        t.apply(Requirement.levelGroupVolume(v.add(v), 1 + f % 3, false)),
        t.apply(Requirement.between(Requirement.Figure.PERSONAL_VOLUME, BigDecimal.ONE, v)),
        t.apply(Requirement.atLeast(Requirement.Figure.GROUP_VOLUME, v)),
        t.apply(Requirement.downlineVolume(v).withinLevels(1 + f % 2)),
        t.apply(Requirement.downlineVolume(v.negate())));
  }

  /** The kinds whose figures read ranks or activity too, for the first law. */
  private static List<Requirement> otherKinds(int f, String type, String rank) {
    BigDecimal v = BigDecimal.valueOf(f);
    Function<Requirement, Requirement> t = q -> type == null ? q : q.ofType(type);
    return List.of(
        t.apply(Requirement.levelGroupVolume(v, 2, true)),
        t.apply(Requirement.personalGroupVolume(v.add(v), rank, f % 2 == 0)),
        t.apply(Requirement.accumulatedVolume(v, 1, Optional.of(BigDecimal.ONE))),
        Requirement.anyOf(Requirement.path("A", t.apply(Requirement.groupVolume(v))),
            Requirement.path("B", t.apply(Requirement.personalVolume(v)))));
  }

  /** The scenario's plan with PV and CV, and volume kinds of the given type added. */
  private static CompPlan plan(Case c, String type, boolean withOthers) {
    CompPlan p = c.scenario().plan();
    List<Rank> ranks = new ArrayList<>();
    for (int r = 0; r < p.ranks().size(); r++) {
      Rank rank = p.ranks().get(r);
      List<Requirement> qs = new ArrayList<>(rank.requirements());
      if (r > 0) {
        int f = c.figures().get(r % c.figures().size());
        List<Requirement> kinds = volumeKinds(f, type);
        qs.add(kinds.get(f % kinds.size()));
        qs.add(kinds.get((f / 7 + r) % kinds.size()));
        if (withOthers) {
          List<Requirement> others = otherKinds(f, type, rank.code());
          qs.add(others.get((f / 3) % others.size()));
        }
      }
      ranks.add(new Rank(rank.code(), rank.name(), qs));
    }
    return p.toBuilder().volumeTypes("PV", "CV").qualifyingVolumeType("PV").ranks(ranks)
        .build();
  }

  @Property(tries = 150)
  void namingTheQualifyingTypeGivesWhatNamingNoneGives(@ForAll("cases") Case c) {
    CompPlan named = plan(c, "PV", true);
    CompPlan plain = plan(c, null, true);

    assertThat(named).isEqualTo(plain);
    Organisation o = c.scenario().organisation();
    Evaluation a = RankGauge.evaluate(o, named, Scenarios.PERIOD, c.scenario().asOf());
    Evaluation b = RankGauge.evaluate(o, plain, Scenarios.PERIOD, c.scenario().asOf());
    assertThat(a.results()).isEqualTo(b.results());
    // 23 to 42 of 150 tries (mean 31) in the 46 runs of the landing builds' logs of
    // 2026-12-01: a bound of 10% (15 tries) fails about one run in 7,000 by chance, 5% (8 tries)
    // about one in 50 million
    Statistics.label("someone above the entry rank")
        .collect(a.results().stream().anyMatch(r -> !r.paidAs().equals(named.ranks().get(0))))
        .coverage(k -> k.check(true).percentage(p -> p >= 5));
  }

  @Property(tries = 150)
  void volumeOfOneTypeNeverMovesTheFiguresOfARequirementOfAnother(@ForAll("cases") Case c) {
    // Requirements of CV beside the plan's PV gauges: an order with PV alone moves no CV
    // figure, an order with CV alone no PV figure (the gauges and every untyped requirement).
    CompPlan plan = plan(c, "CV", false);
    Scenarios.Scenario s = c.scenario();
    int n = s.distributors().size();
    Instant when = s.asOf().minusSeconds(60L * (1 + c.minutes()));
    BigDecimal volume = BigDecimal.valueOf(c.cents(), 2);
    Order pvOnly = new Order("PVONLY", BuyerType.DISTRIBUTOR, "D" + c.buyer() % n, when,
        OrderStatus.PAID, Map.of("PV", volume, "CV", BigDecimal.ZERO), BigDecimal.ONE);
    Order cvOnly = new Order("CVONLY", BuyerType.DISTRIBUTOR, "D" + c.buyer() % n, when,
        OrderStatus.PAID, Map.of("CV", volume, "PV", BigDecimal.ZERO), BigDecimal.ONE);

    Evaluation before = evaluate(s, plan);
    Evaluation withPv = evaluate(s.with(pvOnly), plan);
    Evaluation withCv = evaluate(s.with(cvOnly), plan);

    boolean moved = false;
    for (Distributor d : s.distributors()) {
      String id = d.id();
      assertThat(figures(withPv, id, true)).as("CV figures of %s", id)
          .isEqualTo(figures(before, id, true));
      assertThat(figures(withCv, id, false)).as("PV figures of %s", id)
          .isEqualTo(figures(before, id, false));
      moved |= !figures(withCv, id, true).equals(figures(before, id, true));
    }
    Statistics.label("the CV order moved a CV figure").collect(moved)
        .coverage(k -> k.check(true).percentage(p -> p >= 30));
  }

  private static Evaluation evaluate(Scenarios.Scenario s, CompPlan plan) {
    return RankGauge.evaluate(s.organisation(), plan, Scenarios.PERIOD, s.asOf());
  }

  /**
   * The actual figures of the requirements naming CV, or of the plan's PV gauges (personal and
   * group volume; counts of active people read activity, which any paid order moves).
   */
  private static List<BigDecimal> figures(Evaluation e, String id, boolean cv) {
    List<BigDecimal> out = new ArrayList<>();
    for (Trace.RankCheck r : e.trace(id).ranks()) {
      for (RequirementStatus q : r.requirements()) {
        Requirement x = q.requirement();
        boolean pvGauge = x.metric().filter(m -> m == Metric.PERSONAL_SALES
            || m == Metric.GROUP_SALES).isPresent();
        if (cv ? x.volumeType().isPresent() : pvGauge) {
          out.add(q.actual().stripTrailingZeros());
        }
      }
    }
    return out;
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(Scenarios.anyFourGaugeScenarios(),
        Scenarios.uniform(1, 80).list().ofMinSize(1).ofMaxSize(5),
        Scenarios.uniform(0, 999), Scenarios.uniform(1, 40_000), Scenarios.uniform(0, 600))
        .as(Case::new);
  }

}
