package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Scenarios.Scenario;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of the projection, on generated organisations whose orders fall from mid-September to
 * early December 2026: October is closed into the history, November is projected.
 */
class ProjectionPropertiesTest {
  private static final Period OCTOBER = Period.month(2026, 10);

  private static Evaluation november(Scenario s) {
    Organisation org = s.organisation();
    History history = RankGauge.evaluate(org, s.plan(), OCTOBER,
        OCTOBER.endInstant(s.plan().zone())).close();
    return RankGauge.evaluate(org, s.plan(), Scenarios.PERIOD, s.asOf(), history);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenarios.anyFourGaugeScenarios();
  }

  @Property(tries = 150)
  void anIntervalHoldsTheProjectionAndAHigherLevelsHoldsALowerOnes(@ForAll("scenarios") Scenario s) {
    Evaluation e = november(s);
    Projection narrow = Projection.of(e, 0.5);
    Projection wide = Projection.of(e, 0.9);
    // the interval checks below run only on a history basis (21 to 35% of tries, measured)
    Statistics.label("basis").collect(narrow.basis())
        .coverage(c -> c.check(Projection.Basis.HISTORY).percentage(p -> p >= 10));
    for (Distributor d : e.organisation().distributors()) {
      DistributorProjection n = narrow.of(d.id());
      DistributorProjection w = wide.of(d.id());
      for (Metric m : Metric.values()) {
        assertThat(w.gauge(m).projected()).isEqualByComparingTo(n.gauge(m).projected());
        n.gauge(m).interval().ifPresent(in -> {
          assertThat(in.contains(n.gauge(m).projected())).as(d.id() + " " + m).isTrue();
          ProjectedGauge.Interval out = w.gauge(m).interval().orElseThrow();
          assertThat(out.low()).as(d.id() + " " + m).isLessThanOrEqualTo(in.low());
          assertThat(out.high()).as(d.id() + " " + m).isGreaterThanOrEqualTo(in.high());
        });
      }
      assertThat(n.rank()).isEqualTo(w.rank());
      n.likelihood().ifPresent(p -> assertThat(p).isBetween(BigDecimal.ZERO, BigDecimal.ONE));
    }
  }

  @Property(tries = 100)
  void atThePeriodsEndTheProjectionIsTheEvaluation(@ForAll("scenarios") Scenario s,
      @ForAll("daysAfterTheEnd") int days) {
    Scenario ended = new Scenario(s.plan(), Scenarios.PERIOD.endInstant(s.plan().zone())
        .plusSeconds(days * 86_400L), s.distributors(), s.customers(), s.orders());
    Evaluation e = november(ended);
    Projection projection = Projection.of(e);
    Statistics.label("basis").collect(projection.basis())
        .coverage(c -> c.check(Projection.Basis.HISTORY).percentage(p -> p >= 10));
    for (Distributor d : e.organisation().distributors()) {
      DistributorProjection p = projection.of(d.id());
      for (Metric m : Metric.values()) {
        BigDecimal now = e.gauge(d.id(), m).value();
        assertThat(p.gauge(m).projected()).as(d.id() + " " + m).isEqualByComparingTo(now);
        p.gauge(m).interval().ifPresent(in -> {
          assertThat(in.low()).as(d.id() + " " + m).isEqualByComparingTo(now);
          assertThat(in.high()).as(d.id() + " " + m).isEqualByComparingTo(now);
        });
      }
    }
  }

  @Provide
  Arbitrary<Integer> daysAfterTheEnd() {
    return Arbitraries.integers().between(0, 10);
  }
}
