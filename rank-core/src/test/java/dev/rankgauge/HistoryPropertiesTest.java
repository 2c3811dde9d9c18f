package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Scenarios.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of periods over time, on generated organisations evaluated month by month from October
 * 2026 to January 2027 (orders fall from mid-September to early December, so ranks rise, fall and
 * are held), each month with the history the month before closed.
 */
class HistoryPropertiesTest {
  private static final List<Period> MONTHS = List.of(Period.month(2026, 10),
      Period.month(2026, 11), Period.month(2026, 12), Period.month(2027, 1));

  /** A scenario whose plan holds ranks and titles some way, evaluated month by month. */
  record Run(Scenario scenario, List<Evaluation> months) {
    @Override
    public String toString() {
      return scenario.plan().rankHold().describe() + ", titles " + scenario.plan().titleRank()
          + System.lineSeparator() + scenario;
    }
  }

  @Provide
  Arbitrary<Run> runs() {
    Arbitrary<RankHold> holds = Arbitraries.oneOf(List.of(Arbitraries.just(RankHold.none()),
        Arbitraries.integers().between(1, 3).map(RankHold::keepPaidAs),
        Arbitraries.just(RankHold.stepDown())));
    return Combinators.combine(Scenarios.anyFourGaugeScenarios(), holds,
        Arbitraries.of(CompPlan.TitleRank.class))
        .as((s, hold, title) -> {
          CompPlan plan = s.plan().toBuilder().rankHold(hold).titleRank(title).build();
          Scenario scenario = new Scenario(plan, s.asOf(), s.distributors(), s.customers(),
              s.orders());
          Organisation org = scenario.organisation();
          List<Evaluation> months = new ArrayList<>();
          History history = History.empty();
          for (Period p : MONTHS) {
            Evaluation e = RankGauge.evaluate(org, plan, p, p.endInstant(plan.zone()), history);
            months.add(e);
            history = e.close();
          }
          return new Run(scenario, months);
        });
  }

  @Property(tries = 150)
  void closingAPeriodAndReadingItBackLosesNothing(@ForAll("runs") Run run, @ForAll Random random) {
    Evaluation last = run.months().get(run.months().size() - 1);
    History closed = last.close();
    List<PeriodRecord> stored = new ArrayList<>(closed.records());
    Collections.shuffle(stored, random);
    History read = History.of(stored);

    assertThat(read.periods()).isEqualTo(closed.periods());
    for (Period p : closed.periods()) {
      assertThat(read.records(p)).containsExactlyInAnyOrderElementsOf(closed.records(p));
    }
    // What a record says is what the evaluation said.
    for (Evaluation e : run.months()) {
      for (PeriodRecord r : e.periodRecords()) {
        DistributorResult d = e.result(r.distributorId());
        assertThat(r.paidAs()).isEqualTo(d.paidAs().code());
        assertThat(r.qualifiedAs()).isEqualTo(d.qualifiedAs().code());
        assertThat(r.title()).isEqualTo(d.title().code());
        assertThat(r.periodsHeld()).isEqualTo(d.held().map(HeldRank::periodsHeld).orElse(0));
        assertThat(r.personalSales()).isEqualTo(d.gauge(Metric.PERSONAL_SALES).value());
        assertThat(r.groupSales()).isEqualTo(d.gauge(Metric.GROUP_SALES).value());
        assertThat(r.activePersonalCustomers())
            .isEqualTo(d.gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS).value().intValueExact());
        assertThat(r.activePersonalDistributors())
            .isEqualTo(d.gauge(Metric.ACTIVE_PERSONAL_DISTRIBUTORS).value().intValueExact());
      }
    }
    // The next month evaluates the same from the history read back as from the one closed.
    Period february = Period.month(2027, 2);
    CompPlan plan = run.scenario().plan();
    Organisation org = last.organisation();
    Evaluation fromClosed = RankGauge.evaluate(org, plan, february,
        february.endInstant(plan.zone()), closed);
    Evaluation fromRead = RankGauge.evaluate(org, plan, february,
        february.endInstant(plan.zone()), read);
    assertThat(fromRead.results()).isEqualTo(fromClosed.results());
  }

  @Property(tries = 150)
  void aTitleNeverGoesDown(@ForAll("runs") Run run) {
    CompPlan plan = run.scenario().plan();
    boolean anyFell = false;
    for (int m = 1; m < run.months().size(); m++) {
      Evaluation before = run.months().get(m - 1);
      Evaluation now = run.months().get(m);
      for (Distributor d : run.scenario().distributors()) {
        int was = plan.rankLevel(before.title(d.id()).code());
        int is = plan.rankLevel(now.title(d.id()).code());
        assertThat(is).as("title of %s in %s", d.id(), now.period()).isGreaterThanOrEqualTo(was);
        DistributorResult r = now.result(d.id());
        Rank basis = plan.titleRank() == CompPlan.TitleRank.HIGHEST_PAID_AS ? r.paidAs()
            : r.qualifiedAs();
        assertThat(is).as("title of %s against this period", d.id())
            .isGreaterThanOrEqualTo(plan.rankLevel(basis.code()));
        anyFell |= plan.rankLevel(now.paidAs(d.id()).code())
            < plan.rankLevel(before.paidAs(d.id()).code());
      }
    }
    Statistics.label("a paid-as rank fell").collect(anyFell)
        .coverage(c -> c.check(true).percentage(p -> p >= 5));
  }

  @Property(tries = 150)
  void aHeldRankNeverDropsInsideItsGrace(@ForAll("runs") Run run) {
    CompPlan plan = run.scenario().plan();
    boolean anyHeld = false;
    for (int m = 1; m < run.months().size(); m++) {
      Evaluation before = run.months().get(m - 1);
      Evaluation now = run.months().get(m);
      for (Distributor d : run.scenario().distributors()) {
        int last = plan.rankLevel(before.paidAs(d.id()).code());
        int heldBefore = before.result(d.id()).held().map(HeldRank::periodsHeld).orElse(0);
        int paid = plan.rankLevel(now.paidAs(d.id()).code());
        int qualified = plan.rankLevel(now.result(d.id()).qualifiedAs().code());
        if (plan.rankHold() instanceof RankHold.KeepPaidAs k && heldBefore < k.periods()) {
          assertThat(paid).as("paid-as of %s in %s, inside the grace", d.id(), now.period())
              .isGreaterThanOrEqualTo(last);
        } else if (plan.rankHold() instanceof RankHold.StepDown) {
          assertThat(paid).as("paid-as of %s in %s, one step at most", d.id(), now.period())
              .isGreaterThanOrEqualTo(Math.max(last - 1, qualified));
        } else {
          assertThat(paid).as("paid-as of %s in %s, the rank qualified for", d.id(), now.period())
              .isEqualTo(qualified);
        }
        anyHeld |= now.result(d.id()).held().isPresent();
      }
    }
    // 11 to 31 of 150 tries (mean 20) in the 46 runs of the landing builds' logs of
    // 2026-12-01: a bound of 5% (8 tries) fails about one run in 2,700 by chance; 2% (3 tries)
    // about one in 8 million, and still fails a generator that stops holding ranks
    Statistics.label("held").collect(anyHeld ? "some rank held" : "none held")
        .coverage(c -> c.check("some rank held").percentage(p -> p >= 2));
  }
}
