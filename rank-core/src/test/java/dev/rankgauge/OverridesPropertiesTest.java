package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Scenarios.Scenario;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of overrides, on generated organisations and four-gauge plans: in these plans meeting
 * more can only raise a rank, so a granted exception may raise ranks and never lowers one.
 */
class OverridesPropertiesTest {

  /** A scenario and overrides for some of its distributors. */
  record Granted(Scenario scenario, Overrides overrides) {
    @Override
    public String toString() {
      return overrides + System.lineSeparator() + scenario;
    }
  }

  /** One override of a kind for a distributor, by position: what the generator draws. */
  record Draft(int kind, int distributor, int rank, int requirement) {}

  @Provide
  Arbitrary<Granted> granted() {
    return Scenarios.anyFourGaugeScenarios().flatMap(s -> {
      int n = s.distributors().size();
      int ranks = s.plan().ranks().size();
      Arbitrary<Draft> drafts = Combinators.combine(Arbitraries.integers().between(0, 3),
          Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(0, ranks - 1),
          Arbitraries.integers().between(0, 1000)).as(Draft::new);
      return drafts.list().ofMinSize(1).ofMaxSize(8).map(list -> new Granted(s,
          overrides(s.plan(), s.distributors(), list)));
    });
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenarios.anyFourGaugeScenarios();
  }

  /** The drafts as overrides the plan accepts: no repeats, one minimum rank per distributor. */
  private static Overrides overrides(CompPlan plan, List<Distributor> ds, List<Draft> drafts) {
    List<Overrides.Entry> out = new ArrayList<>();
    for (Draft d : drafts) {
      String id = ds.get(d.distributor()).id();
      Rank rank = plan.ranks().get(d.rank());
      Overrides.Entry e = switch (d.kind()) {
        case 0 -> out.stream().anyMatch(o -> o instanceof Overrides.MinimumRank m
            && m.distributorId().equals(id)) ? null : new Overrides.MinimumRank(id, rank.code());
        case 1 -> rank.requirements().isEmpty() ? null : new Overrides.Waiver(id, rank.code(),
            1 + d.requirement() % rank.requirements().size());
        case 2 -> new Overrides.NotCompressed(id);
        default -> new Overrides.CountedActive(id);
      };
      if (e != null && !out.contains(e)) {
        out.add(e);
      }
    }
    return Overrides.of(out);
  }

  private static Evaluation evaluate(Scenario s, Overrides overrides) {
    return RankGauge.evaluate(s.organisation(), s.plan(), Scenarios.PERIOD, s.asOf(),
        History.empty(), overrides);
  }

  @Property(tries = 200)
  void overridesNeverLowerARankAndAForcedMinimumIsPaid(@ForAll("granted") Granted g) {
    Evaluation without = evaluate(g.scenario(), Overrides.none());
    Evaluation with = evaluate(g.scenario(), g.overrides());
    CompPlan plan = g.scenario().plan();

    boolean raised = false;
    for (Distributor d : g.scenario().distributors()) {
      int before = plan.rankLevel(without.paidAs(d.id()).code());
      int after = plan.rankLevel(with.paidAs(d.id()).code());
      assertThat(after).as("paid-as rank of %s", d.id()).isGreaterThanOrEqualTo(before);
      raised |= after > before;
      for (Overrides.Entry e : g.overrides().entries(d.id())) {
        if (e instanceof Overrides.MinimumRank m) {
          assertThat(after).isGreaterThanOrEqualTo(plan.rankLevel(m.rank()));
        }
      }
      assertThat(with.result(d.id()).overrides()).isEqualTo(g.overrides().entries(d.id()));
      assertThat(with.periodRecords().get(g.scenario().distributors().indexOf(d))
          .overridesApplied()).isEqualTo(g.overrides().entries(d.id()).stream()
              .map(Overrides.Entry::code).toList());
    }
    Statistics.label("an override raised a rank").collect(raised)
        .coverage(c -> c.check(true).percentage(p -> p >= 10));
  }

  @Property(tries = 200)
  void waivingARequirementNeverLowersARank(@ForAll("granted") Granted g) {
    List<Overrides.Entry> waivers = g.overrides().entries().stream()
        .filter(e -> e instanceof Overrides.Waiver).toList();
    Evaluation without = evaluate(g.scenario(), Overrides.none());
    Evaluation with = evaluate(g.scenario(), Overrides.of(waivers));
    CompPlan plan = g.scenario().plan();

    for (Distributor d : g.scenario().distributors()) {
      assertThat(plan.rankLevel(with.paidAs(d.id()).code()))
          .isGreaterThanOrEqualTo(plan.rankLevel(without.paidAs(d.id()).code()));
      // A waiver changes what is met, never a figure.
      assertThat(with.result(d.id()).gauges()).isEqualTo(without.result(d.id()).gauges());
    }
    // a try without waivers checks nothing: 24 to 29% of tries have some (measured)
    Statistics.label("waivers").collect(waivers.isEmpty() ? "none" : "some")
        .coverage(c -> c.check("some").percentage(p -> p >= 10));
  }

  @Property(tries = 150)
  void overridesThatGrantNothingChangeNothing(@ForAll("scenarios") Scenario s) {
    // A minimum of the entry rank for everyone, and "counted as active" and "kept out of
    // compression" for those active anyway, grant nothing: only the names are added.
    Evaluation without = evaluate(s, Overrides.none());
    Overrides.Builder b = Overrides.builder();
    String entry = s.plan().ranks().get(0).code();
    for (Distributor d : s.distributors()) {
      b.minimumRank(d.id(), entry);
      if (without.isActive(d.id())) {
        b.countAsActive(d.id()).notCompressed(d.id());
      }
    }
    Evaluation with = evaluate(s, b.build());

    assertThat(evaluate(s, Overrides.none()).results()).isEqualTo(without.results());
    for (Distributor d : s.distributors()) {
      DistributorResult a = without.result(d.id());
      DistributorResult o = with.result(d.id());
      assertThat(o.overrides()).isNotEmpty();
      assertThat(new DistributorResult(o.distributor(), o.active(), o.gauges(), o.paidAs(),
          o.gap(), o.focus(), o.title(), o.held())).isEqualTo(a);
    }
  }

  /** Overrides granted, and an order placed once the evaluation went live. */
  record GrantedAndOrder(Granted granted, Order order) {}

  @Provide
  Arbitrary<GrantedAndOrder> grantedAndAnOrder() {
    return granted().flatMap(g -> Scenarios.furtherPaidOrders(g.scenario())
        .map(o -> new GrantedAndOrder(g, o)));
  }

  @Property(tries = 100)
  void overridesHoldLiveAsInAWholeEvaluation(@ForAll("grantedAndAnOrder") GrantedAndOrder go) {
    Granted g = go.granted();
    Scenario s = g.scenario();
    Evaluation start = evaluate(s, g.overrides());
    LiveEvaluation live = LiveEvaluation.start(start);
    Order extra = go.order();
    live.apply(new LiveEvent.OrderPlaced(extra));
    Evaluation now = live.snapshot();

    List<Order> orders = new ArrayList<>(s.orders());
    orders.add(extra);
    Scenario more = new Scenario(s.plan(), s.asOf(), s.distributors(), s.customers(), orders);
    assertThat(now.results()).isEqualTo(evaluate(more, g.overrides()).results());
  }
}
