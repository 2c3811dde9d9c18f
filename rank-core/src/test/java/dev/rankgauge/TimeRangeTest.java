package dev.rankgauge;

import static dev.rankgauge.Fixtures.at;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Instants are held as nanoseconds in a long, which spans the years 1677 to 2262: periods and
 * as-of instants outside what that holds are refused with a message, never wrapped around.
 */
class TimeRangeTest {

  @Test
  void periodsBeforeOrAfterTheSupportedDatesAreRefused() {
    assertThatThrownBy(() -> Period.month(1600, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period start 1600-01-01 is outside the supported dates 1678-01-01 to 2261-12-31");
    assertThatThrownBy(() -> Period.month(2262, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period start 2262-01-01 is outside the supported dates 1678-01-01 to 2261-12-31");
    assertThatThrownBy(() -> new Period(LocalDate.of(2026, 1, 1), LocalDate.of(9999, 1, 1),
        Period.State.OPEN)).hasMessage(
            "period end 9999-01-01 is outside the supported dates 1678-01-01 to 2261-12-31");
  }

  @Test
  void theFirstAndLastSupportedMonthsEvaluateInEveryZone() {
    for (String zone : new String[] {"Pacific/Kiritimati", "Etc/GMT+12", "Pacific/Chatham"}) {
      CompPlan p = plan().zone(ZoneId.of(zone)).rank(Fixtures.entry()).build();
      Organisation o = org().distributor("D1", null).build();
      for (Period period : new Period[] {Period.month(1678, 1), Period.month(2261, 12)}) {
        Evaluation e = RankGauge.evaluate(o, p, period);
        assertThat(e.asOf()).isEqualTo(period.endInstant(p.zone()));
      }
    }
  }

  @Test
  void asOfInstantsOutsideTheSupportedRangeAreRefused() {
    CompPlan p = Fixtures.ladder().build();
    Organisation o = org().distributor("D1", null).build();

    assertThatThrownBy(() -> RankGauge.evaluate(o, p, Fixtures.NOVEMBER,
            Instant.parse("1500-06-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("as-of instant 1500-06-01T00:00:00Z is outside the supported range"
            + " 1677-12-30T00:00:00Z to 2262-01-03T00:00:00Z");
    assertThatThrownBy(() -> RankGauge.evaluate(o, p, Fixtures.NOVEMBER, Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is outside the supported range");
    assertThatThrownBy(() -> RankGauge.evaluate(o, p, Fixtures.NOVEMBER, Instant.MIN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Before the fix, an as-of date in 1500 wrapped around to 2084 and saw every order. */
  @Test
  void theEdgesOfTheRangeAreAcceptedAndSeeWhatTheySay() {
    CompPlan p = Fixtures.ladder().build();
    Organisation o = org().distributor("D1", null).paid("D1", at(2026, 11, 3, 12, 0), "150").build();

    Evaluation early = RankGauge.evaluate(o, p, Fixtures.NOVEMBER, RankGauge.MIN_AS_OF);
    Evaluation late = RankGauge.evaluate(o, p, Fixtures.NOVEMBER, RankGauge.MAX_AS_OF);

    assertThat(early.gauge("D1", Metric.PERSONAL_SALES).value()).isZero();
    assertThat(late.gauge("D1", Metric.PERSONAL_SALES).value()).isEqualByComparingTo("150");
  }

  /** A rolling window that reaches back before 1677 sees every earlier order, not none. */
  @Test
  void theWindowEdgeIsExactInThe1670s() {
    aLongActivityWindowNeverWrapsAround(9);
    aLongActivityWindowNeverWrapsAround(10);
    aLongActivityWindowNeverWrapsAround(Integer.MAX_VALUE / 1000);
  }

  @Property(tries = 30)
  void aLongActivityWindowNeverWrapsAround(@ForAll @IntRange(min = 1, max = 2_000_000) int days) {
    // The order is 9 days and 23 hours before the as-of instant.
    CompPlan p = plan().customerActivity(ActivityRule.orderWithinDays(days))
        .rank(Fixtures.entry()).rank("SLV", "Silver", Requirement.activePersonalCustomers(1))
        .build();
    Organisation o = org().distributor("D1", null).customer("C1", "D1")
        .paid("C1", at(1678, 1, 10, 13, 0), "10").build();
    Period january = Period.month(1678, 1);

    Evaluation e = RankGauge.evaluate(o, p, january, at(1678, 1, 20, 12, 0));

    assertThat(e.gauge("D1", Metric.ACTIVE_PERSONAL_CUSTOMERS).value())
        .isEqualByComparingTo(days >= 10 ? BigDecimal.ONE : BigDecimal.ZERO);
    assertThat(e.paidAs("D1").code()).isEqualTo(days >= 10 ? "SLV" : "MBR");
  }
}
