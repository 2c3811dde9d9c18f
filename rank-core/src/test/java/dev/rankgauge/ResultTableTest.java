package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
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
}
