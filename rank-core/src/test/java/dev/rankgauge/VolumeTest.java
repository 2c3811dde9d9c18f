package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ZONE;
import static dev.rankgauge.Fixtures.at;
import static dev.rankgauge.Fixtures.dec;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.oct;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.RankGaugeAssertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which orders count for a period: paid ones in it, returns in the period they are dated in,
 * cancelled ones never, period boundaries in the plan's time zone, nothing at or after as-of.
 */
class VolumeTest {
  private static final Period DECEMBER = Period.month(2026, 12);
  private final CompPlan plan = ladder().build();

  private DistributorResult evaluate(Organisation o, Period period, String id) {
    return RankGauge.evaluate(o, plan, period).result(id);
  }

  @Test
  void aReturnLowersThePeriodItIsDatedInNotThePeriodOfTheOrder() {
    Organisation o = org().distributor("D1", null)
        .paid("O1", "D1", nov(20), "500")
        .returned("R1", "D1", dec(3), "200")
        .paid("O2", "D1", dec(10), "300")
        .build();

    assertThat(evaluate(o, NOVEMBER, "D1")).hasPersonalSales("500").hasGroupSales("500");
    assertThat(evaluate(o, DECEMBER, "D1")).hasPersonalSales("100").hasGroupSales("100");
  }

  @Test
  void aReturnSubtractsItsMagnitudeWhetherWrittenPositiveOrNegative() {
    Organisation o = org().distributor("D1", null)
        .paid("O1", "D1", nov(2), "500")
        .returned("R1", "D1", nov(5), "120")
        .returned("R2", "D1", nov(6), "-80")
        .build();

    assertThat(evaluate(o, NOVEMBER, "D1")).hasPersonalSales("300");
  }

  @Test
  void returnsCanTakeAPeriodBelowZero() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .paid("O1", "D1", oct(28), "400")
        .returned("R1", "D1", nov(2), "400")
        .paid("O2", "D2", nov(5), "150")
        .build();

    DistributorResult d1 = evaluate(o, NOVEMBER, "D1");
    assertThat(d1).hasPersonalSales("-400").hasGroupSales("-250");
  }

  @Test
  void aCancelledOrderCountsNothing() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .paid("O1", "D1", nov(2), "150")
        .cancelled("O2", "D1", nov(3), "900")
        .cancelled("O3", "D2", nov(4), "900")
        .build();

    DistributorResult d1 = evaluate(o, NOVEMBER, "D1");
    assertThat(d1).hasPersonalSales("150").hasGroupSales("150")
        // D2's only order was cancelled: not an order in the period, so D2 is not active.
        .hasActivePersonalDistributors(0);
    assertThat(d1.focus().inactiveDistributors()).singleElement()
        .satisfies(d2 -> assertThat(d2.lastOrderDate()).isEmpty());
  }

  @Test
  void anOrderLateOnTheLastDayCountsInTheMonthOfThePlansZoneThoughUtcIsAlreadyNextMonth() {
    Instant lateOnNovember30 = at(2026, 11, 30, 23, 30);
    assertThat(lateOnNovember30).isEqualTo(Instant.parse("2026-12-01T06:30:00Z"));
    Organisation o = org().distributor("D1", null)
        .paid("O1", "D1", lateOnNovember30, "100")
        .build();

    assertThat(evaluate(o, NOVEMBER, "D1")).hasPersonalSales("100");
    assertThat(evaluate(o, DECEMBER, "D1")).hasPersonalSales("0");
  }

  @Test
  void anOrderAlreadyInTheNextMonthInUtcButStillOnTheLastDayLocallyBelongsToTheEarlierMonth() {
    // 1 November 00:30 UTC is still 31 October, 17:30 in Denver.
    Organisation o = org().distributor("D1", null)
        .paid("O1", "D1", Instant.parse("2026-11-01T00:30:00Z"), "70")
        .build();

    assertThat(evaluate(o, NOVEMBER, "D1")).hasPersonalSales("0");
    assertThat(evaluate(o, Period.month(2026, 10), "D1")).hasPersonalSales("70");
  }

  @Test
  void theFirstInstantOfAPeriodIsInItAndTheFirstInstantAfterItIsNot() {
    Organisation o = org().distributor("D1", null)
        .paid("O1", "D1", at(2026, 11, 1, 0, 0), "10")
        .paid("O2", "D1", at(2026, 12, 1, 0, 0), "20")
        .paid("O3", "D1", at(2026, 10, 31, 23, 59), "40")
        .build();

    assertThat(evaluate(o, NOVEMBER, "D1")).hasPersonalSales("10");
  }

  @Test
  void thePlansZoneDecidesNotTheMachines() {
    Instant t = Instant.parse("2026-11-30T20:00:00Z");
    Organisation o = org().distributor("D1", null).paid("O1", "D1", t, "10").build();
    CompPlan tokyo = ladder().zone(ZoneId.of("Asia/Tokyo")).build();

    // 20:00 UTC on 30 November is already 1 December in Tokyo, still 30 November in Denver.
    assertThat(RankGauge.evaluate(o, tokyo, NOVEMBER).result("D1")).hasPersonalSales("0");
    assertThat(RankGauge.evaluate(o, plan, NOVEMBER).result("D1")).hasPersonalSales("10");
    assertThat(plan.zone()).isEqualTo(ZONE);
  }

  @Test
  void ordersAtOrAfterTheAsOfInstantDoNotCount() {
    Instant asOf = at(2026, 11, 20, 9, 0);
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .paid("O1", "D1", at(2026, 11, 20, 8, 59), "100")
        .paid("O2", "D1", asOf, "1000")
        .paid("O3", "D2", nov(25), "1000")
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER, asOf);

    assertThat(e.asOf()).isEqualTo(asOf);
    assertThat(e.result("D1")).hasPersonalSales("100").hasGroupSales("100")
        .hasActivePersonalDistributors(0);
    // Evaluated as the period ends, all three count.
    assertThat(evaluate(o, NOVEMBER, "D1")).hasPersonalSales("1100").hasGroupSales("2100");
  }

  @Test
  void groupVolumeIsTheWholeDownlinesPersonalVolume() {
    Organisation o = org()
        .distributor("D1", null).distributor("D2", "D1").distributor("D3", "D2")
        .distributor("D4", "D3").distributor("D5", "D1").distributor("X1", null)
        .customer("C1", "D4")
        .paid("O1", "D1", nov(1), "10")
        .paid("O2", "D2", nov(2), "20")
        .paid("O3", "D3", nov(3), "30")
        .paid("O4", "D4", nov(4), "40.25")
        .paid("O5", "C1", nov(5), "50")
        .returned("R1", "D5", nov(6), "5")
        .paid("O6", "X1", nov(7), "1000")
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER);

    assertThat(e.result("D4")).hasPersonalSales("90.25").hasGroupSales("90.25");
    assertThat(e.result("D2")).hasGroupSales("140.25");
    assertThat(e.result("D1")).hasGroupSales("145.25");
    assertThat(e.result("X1")).hasGroupSales("1000");
  }

  @Test
  void otherVolumeTypesDoNotCountTowardsTheQualifyingVolume() {
    CompPlan qv = Fixtures.plan().volumeTypes("CV", "QV").qualifyingVolumeType("QV")
        .rank(Fixtures.entry()).rank(Fixtures.rank("SLV", "100", null, null, null)).build();
    Organisation o = org().distributor("D1", null)
        .order(new Order("O1", BuyerType.DISTRIBUTOR, "D1", nov(3), OrderStatus.PAID,
            Map.of("QV", Fixtures.pv("60"), "CV", Fixtures.pv("500")), Fixtures.pv("80")))
        .build();

    DistributorResult d1 = RankGauge.evaluate(o, qv, NOVEMBER).result("D1");

    assertThat(d1).hasPersonalSales("60").isPaidAs("MBR");
  }
}
