package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.entry;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.plan;
import static dev.rankgauge.Fixtures.rank;
import static dev.rankgauge.RankGaugeAssertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gap to the next rank: every requirement of the rank above paid-as with required, actual,
 * remaining, percent complete and met, and which of them hold the distributor back.
 */
class GapReportTest {
  private final CompPlan plan = ladder().build();

  /** D1 paid as GLD: 250 PV, 3,250 GV, 2 active customers of 3, 3 active distributors. */
  private DistributorResult goldDistributor() {
    Organisation o = org().distributor("D1", null)
        .distributor("D2", "D1").distributor("D3", "D1").distributor("D4", "D1")
        .customer("C1", "D1").customer("C2", "D1").customer("C3", "D1")
        .paid("O1", "D1", nov(2), "200")
        .paid("O2", "C1", nov(2), "25").paid("O3", "C2", nov(2), "25")
        .paid("O4", "D2", nov(2), "1000").paid("O5", "D3", nov(2), "1000")
        .paid("O6", "D4", nov(2), "1000")
        .build();
    return RankGauge.evaluate(o, plan, NOVEMBER).result("D1");
  }

  @Test
  void theGapListsEveryRequirementOfTheNextRankInThePlansOrder() {
    DistributorResult d1 = goldDistributor();
    assertThat(d1).isPaidAs("GLD");

    RankGap gap = d1.gap().orElseThrow();

    assertThat(gap.rank().code()).isEqualTo("PLAT");
    List<RequirementStatus> lines = gap.requirements();
    assertThat(lines).extracting(RequirementStatus::description).containsExactly(
        "at least 400 personal PV", "at least 3000 group PV",
        "at least 3 active personal customers", "at least 3 active personal distributors");
    assertThat(lines.get(0)).hasFigures("400", "250", "150", "62.50").isNotMet();
    assertThat(lines.get(1)).hasFigures("3000", "3250", "0", "100").isMet();
    assertThat(lines.get(2)).hasFigures("3", "2", "1", "66.66").isNotMet();
    assertThat(lines.get(3)).hasFigures("3", "3", "0", "100").isMet();
    assertThat(lines).allSatisfy(l -> assertThat(l.note()).isEmpty());
  }

  @Test
  void whatHoldsTheDistributorBackIsTheUnmetRequirements() {
    RankGap gap = goldDistributor().gap().orElseThrow();

    assertThat(gap.holdingBack()).extracting(RequirementStatus::description).containsExactly(
        "at least 400 personal PV", "at least 3 active personal customers");
    assertThat(gap.holdingBack().get(0))
        .hasToString("[open] at least 400 personal PV: 250 of 400, 150 to go");
  }

  @Test
  void percentCompleteIsZeroForNothingAndNeverBelowZero() {
    Organisation o = org().distributor("D1", null).returned("R1", "D1", nov(2), "30").build();

    RankGap gap = RankGauge.evaluate(o, plan, NOVEMBER).result("D1").gap().orElseThrow();

    assertThat(gap.rank().code()).isEqualTo("SLV");
    assertThat(gap.requirements().get(0)).hasFigures("100", "-30", "130", "0").isNotMet();
    assertThat(gap.requirements().get(2)).hasFigures("1", "0", "1", "0").isNotMet();
  }

  @Test
  void percentCompleteHasTwoDecimalsRoundedDown() {
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(2), "66.666").build();

    RequirementStatus pv = RankGauge.evaluate(o, plan, NOVEMBER).result("D1").gap()
        .orElseThrow().requirements().get(0);

    assertThat(pv).hasFigures("100", "66.666", "33.334", "66.66");
    assertThat(pv.percentComplete().scale()).isEqualTo(2);
  }

  @Test
  void aRequirementOfZeroIsMetAndComplete() {
    CompPlan zero = plan().rank(entry()).rank(rank("SLV", "0", null, 0, null)).build();
    Organisation o = org().distributor("D1", null).build();

    DistributorResult d1 = RankGauge.evaluate(o, zero, NOVEMBER).result("D1");

    assertThat(d1).isPaidAs("SLV");
    assertThat(d1.gap()).isEmpty();
    assertThat(RankGauge.evaluate(o, zero, NOVEMBER).trace("D1").ranks().get(0).requirements())
        .allSatisfy(s -> assertThat(s).hasFigures("0", "0", "0", "100").isMet());
  }

  @Test
  void anUnmetRequirementOfZeroReadsNoneComplete() {
    CompPlan zero = plan().rank(entry()).rank(rank("SLV", "0", null, null, null)).build();
    Organisation o = org().distributor("D1", null).returned("R1", "D1", nov(2), "30").build();

    DistributorResult d1 = RankGauge.evaluate(o, zero, NOVEMBER).result("D1");

    assertThat(d1).isPaidAs("MBR");
    assertThat(d1.gap().orElseThrow().requirements().get(0))
        .hasFigures("0", "-30", "30", "0").isNotMet();
  }

  @Test
  void atTheTopOfTheLadderThereIsNoGap() {
    CompPlan low = plan().rank(entry()).rank(rank("SLV", "10", null, null, null)).build();
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(2), "10").build();

    DistributorResult d1 = RankGauge.evaluate(o, low, NOVEMBER).result("D1");

    assertThat(d1).isPaidAs("SLV");
    assertThat(d1.gap()).isEmpty();
    assertThat(d1.nextRank()).isEmpty();
  }

  @Test
  void theTraceShowsEveryRankBottomUpWithItsRequirements() {
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(2), "150").build();

    Trace t = RankGauge.evaluate(o, plan, NOVEMBER).trace("D1");

    assertThat(t.paidAs().code()).isEqualTo("MBR");
    assertThat(t.ranks()).extracting(c -> c.rank().code()).containsExactly("SLV", "GLD", "PLAT");
    assertThat(t.ranks()).allSatisfy(c -> assertThat(c.met()).isFalse());
    assertThat(t.ranks().get(0).requirements().get(0)).hasFigures("100", "150", "0", "100")
        .isMet();
    assertThat(t.inputs()).extracting(Phrase::text).contains(
        "personal PV: 150 (own orders 150, plus customers' orders)", "group PV: 150",
        "active: yes (at least one order in the period)", "active personal customers: 0 of 0");
    assertThat(t.format()).contains("NOT MET SLV Slv", "[met]  at least 100 personal PV: 150 of 100",
        "Paid as MBR Member");
  }
}
