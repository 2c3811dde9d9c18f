package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.pv;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bulk table a host exports from: one row per distributor, in the order they came in. */
class ResultTableTest {
  @Test
  void eachRowNamesTheDistributorAndTheirSponsorAndARootHasNone() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D2").distributor("R2", null)
        .paid("O1", "D3", nov(4), "120")
        .build();

    ResultTable t = RankGauge.evaluate(o, ladder().build(), NOVEMBER).table();

    assertThat(t.size()).isEqualTo(4);
    assertThat(t.id(2)).isEqualTo("D3");
    assertThat(t.name(2)).isEqualTo("Name of D3");
    assertThat(t.sponsorId(2)).contains("D2");
    assertThat(t.name(0)).isEqualTo("Name of D1");
    assertThat(t.sponsorId(0)).isEqualTo(Optional.empty());
    assertThat(t.sponsorId(t.row("R2"))).isEmpty();
    assertThat(t.distributor(1).sponsorId()).contains("D1");
    assertThat(t.sponsorId(1)).as("sponsored by the first distributor").contains("D1");
  }

  /**
   * The ladder of the examples (Silver: 100 PV, 500 GV, 1 customer, 1 distributor). D1 buys 150
   * PV, her D2 exactly 100; C1, D1's customer, bought nothing. D1: 250 GV, no active customer,
   * one active distributor; D2: 100 PV and GV, nobody.
   */
  private static ResultTable silverAndBelow() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1").customer("C1", "D1")
        .paid("O1", "D1", nov(4), "150").paid("O2", "D2", nov(5), "100")
        .build();
    return RankGauge.evaluate(o, ladder().build(), NOVEMBER).table();
  }

  @Test
  void eachRowSaysWhereEachGaugeStandsAValueAtAMarkReachingIt() {
    ResultTable t = silverAndBelow();
    int d1 = t.row("D1");
    int d2 = t.row("D2");

    assertThat(t.gaugeRank(d2, Metric.PERSONAL_SALES).code()).as("exactly 100").isEqualTo("SLV");
    assertThat(t.gaugeNextRank(d2, Metric.PERSONAL_SALES).orElseThrow().code()).isEqualTo("GLD");
    assertThat(t.gaugeRemaining(d2, Metric.PERSONAL_SALES)).hasValueSatisfying(r ->
        assertThat(r).isEqualByComparingTo("100"));
    assertThat(t.gaugeRank(d1, Metric.GROUP_SALES).code()).isEqualTo("MBR");
    assertThat(t.gaugeRemaining(d1, Metric.GROUP_SALES)).hasValueSatisfying(r ->
        assertThat(r).isEqualByComparingTo("250"));
    assertThat(t.gaugeRank(d1, Metric.ACTIVE_PERSONAL_DISTRIBUTORS).code()).isEqualTo("SLV");
    assertThat(t.gaugeRank(d1, Metric.ACTIVE_PERSONAL_CUSTOMERS).code()).isEqualTo("MBR");
  }

  @Test
  void eachRowSaysWhatIsMissingForTheNextRankInThePlansOrder() {
    ResultTable t = silverAndBelow();

    // D1 misses 250 GV and a customer; D2 has her PV, and misses the rest.
    assertThat(t.missing(t.row("D1"))).extracting(ResultTable.Missing::requirement,
        m -> m.remaining().stripTrailingZeros().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Requirement.groupVolume(new java.math.BigDecimal(
                "500")), "250"),
            org.assertj.core.groups.Tuple.tuple(Requirement.activePersonalCustomers(1), "1"));
    assertThat(t.missing(t.row("D2"))).extracting(ResultTable.Missing::description)
        .containsExactlyElementsOf(t.holdingBack(t.row("D2")).stream()
            .map(RequirementStatus::description).toList())
        .hasSize(3);
  }
  /**
   * What is missing for Leader, counted per kind. D1 (100 PV, a Silver) sponsors D2 (150) and
   * D4 (10); D2 sponsors D3 (120). Leader asks 2 legs with a Silver anywhere and 2 within one
   * level (D1 has one of each: D2's), 2 sponsored Silvers (D2), 500 PV in her first two levels
   * (100 + 160 + 120 = 380), 3 active legs (D2's and D4's), 400 PV of personal group volume
   * (380: nobody breaks away) and 1,000 PV with at most half from one leg (380, no leg capped).
   */
  @Test
  void whatIsMissingOfEachKindOfRequirementIsCountedInItsOwnTerms() {
    CompPlan plan = Fixtures.plan().rank(Fixtures.entry())
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(pv("100"))))
        .rank(Rank.of("LDR", "Leader", Requirement.legsWithRank(2, "SLV"),
            Requirement.legsWithRank(2, "SLV").withinLevels(1),
            Requirement.sponsoredWithRank(2, "SLV"),
            Requirement.levelGroupVolume(pv("500"), 2, false),
            Requirement.activeLegs(3),
            Requirement.personalGroupVolume(pv("400"), "LDR", false),
            Requirement.cappedGroupVolume(pv("1000"), pv("50"), false)))
        .build();
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D2").distributor("D4", "D1")
        .paid("O1", "D1", nov(4), "100").paid("O2", "D2", nov(4), "150")
        .paid("O3", "D3", nov(4), "120").paid("O4", "D4", nov(4), "10")
        .build();

    ResultTable t = RankGauge.evaluate(o, plan, NOVEMBER).table();

    assertThat(t.paidAs(t.row("D1")).code()).isEqualTo("SLV");
    assertThat(t.missing(t.row("D1"))).extracting(
        m -> m.remaining().stripTrailingZeros().toPlainString())
        .containsExactly("1", "1", "1", "120", "1", "20", "620");
  }
}
