package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.entry;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.oct;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.plan;
import static dev.rankgauge.Fixtures.pv;
import static dev.rankgauge.Fixtures.rank;
import static dev.rankgauge.RankGaugeAssertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The four gauges: each metric's value, the rank it alone reaches, the next rank, how much more it
 * needs and where the needle sits between the two marks. The ladder: MBR 0, SLV 100 PV, GLD 200,
 * PLAT 400.
 */
class GaugeTest {
  private final CompPlan plan = ladder().build();

  private Gauge personalSales(String ownVolume) {
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(5), ownVolume).build();
    return RankGauge.evaluate(o, plan, NOVEMBER).result("D1").gauge(Metric.PERSONAL_SALES);
  }

  @Test
  void aValueBetweenTwoMarksShowsTheRankReachedAndWhatIsLeftToTheNext() {
    assertThat(personalSales("250")).hasValue("250").reaches("GLD").needsMoreFor("150", "PLAT")
        // 50 of the 200 between GLD (200) and PLAT (400).
        .hasNeedle("0.25");
  }

  @Test
  void aValueOnAMarkReachesThatRankWithTheNeedleAtZero() {
    assertThat(personalSales("200")).reaches("GLD").needsMoreFor("200", "PLAT").hasNeedle("0");
  }

  @Test
  void belowTheFirstMarkTheGaugeShowsTheEntryRank() {
    assertThat(personalSales("40")).reaches("MBR").needsMoreFor("60", "SLV").hasNeedle("0.4");
    assertThat(personalSales("0")).reaches("MBR").needsMoreFor("100", "SLV").hasNeedle("0");
  }

  @Test
  void theNeedleIsRoundedDownToFourDecimals() {
    Gauge g = personalSales("266.66");
    assertThat(g).hasNeedle("0.3333");
    assertThat(g.needle().scale()).isEqualTo(4);
  }

  @Test
  void atTheTopOfTheLadderNothingIsLeftAndTheNeedleIsFull() {
    assertThat(personalSales("400")).reaches("PLAT").isAtTheTop();
    assertThat(personalSales("9000")).reaches("PLAT").isAtTheTop();
  }

  @Test
  void theMarksAreTheScaleOfTheDial() {
    assertThat(personalSales("250").marks())
        .extracting(m -> m.rank().code(), m -> m.threshold().stripTrailingZeros().toPlainString())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("MBR", "0"),
            org.assertj.core.groups.Tuple.tuple("SLV", "100"),
            org.assertj.core.groups.Tuple.tuple("GLD", "200"),
            org.assertj.core.groups.Tuple.tuple("PLAT", "400"));
  }

  @Test
  void aRankAskingLessThanTheRankBelowItSharesItsMark() {
    CompPlan dip = plan().rank(entry())
        .rank(rank("SLV", "300", null, null, null))
        .rank(rank("GLD", "100", "1000", null, null))
        .rank(rank("PLAT", "500", null, null, null))
        .build();
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(5), "200").build();

    Gauge g = RankGauge.evaluate(o, dip, NOVEMBER).result("D1").gauge(Metric.PERSONAL_SALES);

    assertThat(g.marks()).extracting(m -> m.threshold().intValueExact())
        .containsExactly(0, 300, 300, 500);
    assertThat(g).reaches("MBR").needsMoreFor("100", "SLV");
  }

  @Test
  void eachOfTheFourGaugesReadsItsOwnMetric() {
    Organisation o = org().distributor("D1", null)
        .distributor("D2", "D1").distributor("D3", "D1").distributor("D4", "D2")
        .customer("C1", "D1").customer("C2", "D1").customer("C3", "D1")
        .paid("O1", "D1", nov(2), "120")
        .paid("O2", "C1", nov(2), "30")
        .paid("O3", "C2", nov(2), "30")
        .paid("O4", "D2", nov(2), "700")
        .paid("O5", "D4", nov(2), "900")
        .paid("O6", "D3", oct(2), "900")
        .build();

    DistributorResult d1 = RankGauge.evaluate(o, plan, NOVEMBER).result("D1");

    assertThat(d1.gauges()).extracting(Gauge::metric).containsExactly(Metric.values());
    assertThat(d1.gauge(Metric.PERSONAL_SALES)).hasValue("180").reaches("SLV")
        .needsMoreFor("20", "GLD").hasNeedle("0.8");
    assertThat(d1.gauge(Metric.GROUP_SALES)).hasValue("1780").reaches("GLD")
        .needsMoreFor("1220", "PLAT").hasNeedle("0.1866");
    assertThat(d1.gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS)).hasValue("2").reaches("GLD")
        .needsMoreFor("1", "PLAT").hasNeedle("0");
    assertThat(d1.gauge(Metric.ACTIVE_PERSONAL_DISTRIBUTORS)).hasValue("1").reaches("SLV")
        .needsMoreFor("1", "GLD").hasNeedle("0");
  }

  @Test
  void aMetricNoRankAsksForIsNotUsedAndClaimsNoRank() {
    CompPlan noCustomers = plan().rank(entry())
        .rank(rank("SLV", "100", null, null, null))
        .rank(rank("GLD", "200", null, null, null))
        .build();
    Organisation o = org().distributor("D1", null).customer("C1", "D1")
        .paid("O1", "D1", nov(5), "120")
        .paid("O2", "C1", nov(6), "30")
        .build();

    DistributorResult d1 = RankGauge.evaluate(o, noCustomers, NOVEMBER).result("D1");

    assertThat(d1.gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS)).hasValue("1").reaches("MBR")
        .isNotUsed();
    assertThat(d1.gauge(Metric.GROUP_SALES)).reaches("MBR").isNotUsed();
    assertThat(d1.gauge(Metric.PERSONAL_SALES)).reaches("SLV").needsMoreFor("50", "GLD");
    assertThat(d1).isPaidAs("SLV");
  }

  @Test
  void aNegativeVolumeOnAMetricNoRankAsksForIsNotUsed() {
    // Regression: a period in the red on a metric without thresholds divided by zero.
    CompPlan groupOnly = plan().rank(entry())
        .rank(rank("SLV", null, "500", null, null))
        .rank(rank("GLD", null, "1500", null, null))
        .build();
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .paid("O1", "D1", oct(25), "300")
        .returned("R1", "D1", nov(2), "300")
        .paid("O2", "D2", nov(3), "900")
        .build();

    DistributorResult d1 = RankGauge.evaluate(o, groupOnly, NOVEMBER).result("D1");

    assertThat(d1.gauge(Metric.PERSONAL_SALES)).hasValue("-300").reaches("MBR").isNotUsed();
    assertThat(d1.gauge(Metric.GROUP_SALES)).hasValue("600").reaches("SLV")
        .needsMoreFor("900", "GLD");
    assertThat(d1).isPaidAs("SLV");
  }

  /**
   * doTERRA-like: personal volume stops rising at Elite; the ranks above ask for legs with rank.
   * The personal sales gauge ends at Elite: a distributor with all the PV Elite needs reads
   * "Elite, no higher rank asks for more", never the top rank, whatever their paid-as rank.
   */
  @Test
  void aGaugeEndsAtTheLastRankThatRaisesItsThreshold() {
    CompPlan structure = plan().rank(entry())
        .rank(rank("SLV", "100", null, null, null))
        .rank(rank("ELT", "200", null, null, null))
        .rank(new Rank("DIA", "Diamond", java.util.List.of(
            Requirement.personalVolume(pv("200")), Requirement.legsWithRank(2, "ELT"))))
        .rank(new Rank("PRES", "Presidential", java.util.List.of(
            Requirement.personalVolume(pv("100")), Requirement.legsWithRank(3, "DIA"))))
        .build();
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .paid("O1", "D1", nov(5), "250")
        .build();

    Evaluation e = RankGauge.evaluate(o, structure, NOVEMBER);

    Gauge pv = e.gauge("D1", Metric.PERSONAL_SALES);
    assertThat(pv).hasValue("250").reaches("ELT").isAtItsEnd();
    assertThat(pv.marks()).extracting(m -> m.rank().code()).containsExactly("MBR", "SLV", "ELT");
    assertThat(e.result("D1")).isPaidAs("ELT");
    Gauge idle = e.gauge("D2", Metric.PERSONAL_SALES);
    assertThat(idle).hasValue("0").reaches("MBR").needsMoreFor("100", "SLV");
    assertThat(e.gauge("D2", Metric.GROUP_SALES)).reaches("MBR").isNotUsed();
    ResultTable table = e.table();
    int d2 = table.row("D2");
    assertThat(table.gaugeRank(Metric.PERSONAL_SALES, table.value(d2, Metric.PERSONAL_SALES))
        .code()).isEqualTo("MBR");
    assertThat(table.gaugeNextRank(Metric.GROUP_SALES, BigDecimal.ZERO)).isEmpty();
    assertThat(table.gaugeNextRank(Metric.PERSONAL_SALES, new BigDecimal("250"))).isEmpty();
  }

  @Test
  void aNegativeVolumeBelowAThresholdOfZeroLeavesTheNeedleAtZero() {
    CompPlan zero = plan().rank(entry())
        .rank(rank("SLV", "0", null, null, null))
        .rank(rank("GLD", "100", null, null, null))
        .build();
    Organisation o = org().distributor("D1", null).returned("R1", "D1", nov(2), "50").build();

    DistributorResult d1 = RankGauge.evaluate(o, zero, NOVEMBER).result("D1");

    assertThat(d1.gauge(Metric.PERSONAL_SALES)).hasValue("-50").reaches("MBR")
        .needsMoreFor("50", "SLV").hasNeedle("0");
    assertThat(d1).isPaidAs("MBR");
  }

  @Test
  void aNegativeVolumeBelowTheFirstMarkNeedsTheWholeWayBack() {
    Organisation o = org().distributor("D1", null).returned("R1", "D1", nov(2), "50").build();

    Gauge g = RankGauge.evaluate(o, plan, NOVEMBER).result("D1").gauge(Metric.PERSONAL_SALES);

    assertThat(g).hasValue("-50").reaches("MBR").needsMoreFor("150", "SLV").hasNeedle("0");
  }

  @Test
  void aSingleGaugeCanBeReadWithoutTheWholeResult() {
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(5), "250").build();
    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER);

    for (Metric m : Metric.values()) {
      assertThat(e.gauge("D1", m)).isEqualTo(e.result("D1").gauge(m));
    }
    assertThat(e.gauge("D1", Metric.PERSONAL_SALES).value())
        .as("in the plan's six decimals").isEqualTo(new BigDecimal("250.000000"));
  }
}
