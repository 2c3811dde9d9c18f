package dev.rankgauge;

import static dev.rankgauge.Fixtures.ladder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Month-end projections as a distributor reads them: the straight line of the period so far when
 * there is no history, and what a habit seen in past months says about the rest of this one.
 */
class ProjectionTest {
  private static final CompPlan PLAN = ladder().zone(ZoneOffset.UTC).build();
  private static final Period NOVEMBER = Period.month(2026, 11);

  private static Instant utc(int month, int day) {
    return LocalDate.of(2026, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Test
  void theGaugesAreNumberedInTheOrderOfTheirMetrics() {
    assertThat(List.of(Projection.PERSONAL, Projection.GROUP, Projection.CUSTOMERS,
        Projection.DISTRIBUTORS)).containsExactly(Metric.PERSONAL_SALES.ordinal(),
        Metric.GROUP_SALES.ordinal(), Metric.ACTIVE_PERSONAL_CUSTOMERS.ordinal(),
        Metric.ACTIVE_PERSONAL_DISTRIBUTORS.ordinal());
    assertThat(Metric.values()).hasSize(4);
  }

  @Test
  void withoutHistoryAGaugeGoesOnInAStraightLine() {
    Organisation org = Fixtures.org()
        .distributor("D1", null).distributor("D2", "D1").customer("C1", "D1")
        .paid("D1", utc(11, 3), "150")
        .paid("C1", utc(11, 4), "50")
        .paid("D2", utc(11, 5), "100")
        .build();
    // Half of November has gone by on the 16th at midnight.
    Evaluation e = RankGauge.evaluate(org, PLAN, NOVEMBER, utc(11, 16));

    Projection projection = Projection.of(e);
    DistributorProjection dana = projection.of("D1");

    assertThat(projection.basis()).isEqualTo(Projection.Basis.PERIOD_SO_FAR);
    assertThat(projection.by()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(dana.gauge(Metric.PERSONAL_SALES).current()).isEqualByComparingTo("200");
    assertThat(dana.gauge(Metric.PERSONAL_SALES).projected()).isEqualByComparingTo("400");
    assertThat(dana.gauge(Metric.GROUP_SALES).projected()).isEqualByComparingTo("600");
    // Her only customer and her only distributor are active already: the counts cannot move
    // (a straight line would say 2 of 1).
    assertThat(dana.gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS).projected()).isEqualByComparingTo("1");
    assertThat(dana.gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS).certain()).isTrue();
    assertThat(dana.gauge(Metric.ACTIVE_PERSONAL_DISTRIBUTORS).projected())
        .isEqualByComparingTo("1");
    assertThat(dana.gauge(Metric.PERSONAL_SALES).certain()).isFalse();
    assertThat(dana.gauge(Metric.GROUP_SALES).interval()).isEmpty();
    // 400 PV, 600 GV, 1 and 1 people reach Silver (500 GV), not Gold (1,500 GV).
    assertThat(dana.rank().code()).isEqualTo("SLV");
    assertThat(dana.likelihood()).isEmpty();
  }

  /**
   * Sixty distributors each buy the same two orders every month, on the 5th and the 20th; D0
   * sponsors them all. September and October are closed.
   */
  private static Organisation habits() {
    Fixtures.Org org = Fixtures.org().distributor("D0", null);
    for (int i = 1; i <= 60; i++) {
      org.distributor("D" + i, "D0");
      for (int month = 9; month <= 11; month++) {
        org.paid("D" + i, utc(month, 5), String.valueOf(10 * i));
        org.paid("D" + i, utc(month, 20), String.valueOf(10 * i));
      }
    }
    return org.build();
  }

  private static History closed(Organisation org, int... months) {
    History history = History.empty();
    for (int m : months) {
      Period p = Period.month(2026, m);
      history = RankGauge.evaluate(org, PLAN, p, p.endInstant(PLAN.zone()), history).close();
    }
    return history;
  }

  @Test
  void aHabitSeenLastMonthCarriesTheRestOfThisOne() {
    Organisation org = habits();
    Evaluation e = RankGauge.evaluate(org, PLAN, NOVEMBER, utc(11, 12), closed(org, 9, 10));

    Projection projection = Projection.of(e);
    ProjectedGauge d7 = projection.of("D7").gauge(Metric.PERSONAL_SALES);

    assertThat(projection.basis()).isEqualTo(Projection.Basis.HISTORY);
    // 70 PV bought on the 5th; the 20th's 70 PV is still to come, as in October.
    assertThat(d7.current()).isEqualByComparingTo("70");
    assertThat(d7.projected()).isEqualByComparingTo("140");
    assertThat(d7.interval()).hasValueSatisfying(i -> assertThat(i.contains(new BigDecimal("140")))
        .isTrue());
    // The straight line would say 70 / (11.5 / 30) = 183 PV.
    ProjectedGauge group = projection.of("D0").gauge(Metric.GROUP_SALES);
    assertThat(group.projected()).isEqualByComparingTo(String.valueOf(20 * 1830));
  }

  @Test
  void theRankTheProjectedGaugesReachAndHowLikelyItIs() {
    Organisation org = habits();
    Evaluation e = RankGauge.evaluate(org, PLAN, NOVEMBER, utc(11, 12), closed(org, 9, 10));

    Projection projection = Projection.of(e);

    // D30 ends at 600 PV but has neither group volume beyond it nor customers: the entry rank.
    assertThat(projection.of("D30").rank().code()).isEqualTo("MBR");
    assertThat(projection.of("D30").likelihood()).contains(new BigDecimal("1.00"));
    // D0 buys nothing itself, so no rank that asks for personal volume.
    assertThat(projection.of("D0").rank().code()).isEqualTo("MBR");
  }

  @Test
  void aRankIsProjectedOnlyWhereItsOtherRequirementsAreMetToo() {
    // Silver asks for 100 PV and one active leg. By the 16th, half of November, Dana (D0) and
    // Eli (D1), her leg, have each bought 60 PV: both are projected to 120 PV, but only Dana has
    // an active leg.
    CompPlan plan = Fixtures.plan().zone(ZoneOffset.UTC).rank(Fixtures.entry())
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100")),
            Requirement.activeLegs(1)))
        .build();
    Organisation org = Fixtures.org().distributor("D0", null).distributor("D1", "D0")
        .paid("D0", utc(11, 3), "60")
        .paid("D1", utc(11, 4), "60")
        .build();

    Projection projection = Projection.of(RankGauge.evaluate(org, plan, NOVEMBER, utc(11, 16)));

    assertThat(projection.of("D1").gauge(Metric.PERSONAL_SALES).projected())
        .isEqualByComparingTo("120");
    assertThat(projection.of("D0").rank().code()).isEqualTo("SLV");
    assertThat(projection.of("D1").rank().code()).as("no leg").isEqualTo("MBR");
  }

  @Test
  void atThePeriodsEndTheProjectionIsWhatItClosedWith() {
    Organisation org = habits();
    Evaluation e = RankGauge.evaluate(org, PLAN, NOVEMBER, utc(12, 3), closed(org, 9, 10));

    Projection projection = Projection.of(e);

    for (String id : List.of("D0", "D1", "D44")) {
      for (ProjectedGauge g : projection.of(id).gauges()) {
        assertThat(g.projected()).as(id + " " + g.metric()).isEqualByComparingTo(g.current());
        assertThat(g.interval().orElseThrow().low()).isEqualByComparingTo(g.current());
        assertThat(g.interval().orElseThrow().high()).isEqualByComparingTo(g.current());
      }
    }
  }

  @Test
  void aLevelOutsideZeroToOneIsRefused() {
    Evaluation e = RankGauge.evaluate(habits(), PLAN, NOVEMBER, utc(11, 12));
    for (double level : new double[] {0, 1, -0.2, 80, Double.NaN}) {
      assertThatThrownBy(() -> Projection.of(e, level))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("found a projection level of " + level)
          .hasMessageContaining("expected a number above 0 and below 1");
    }
  }

  @Test
  void anUnknownDistributorIsNamed() {
    Projection projection = Projection.of(RankGauge.evaluate(habits(), PLAN, NOVEMBER,
        utc(11, 12)));
    assertThatThrownBy(() -> projection.of("D999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found distributor D999");
  }
}
