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
}
