package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.RankGaugeAssertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Evaluation never recurses over the tree: a single sponsor chain a million deep evaluates. */
class DeepChainTest {
  private static final int DEPTH = 1_000_000;

  @Test
  @Tag("deep") // left out of the mutation runs (pit.excludedGroups): seconds per mutant
  void aChainOneMillionDeepEvaluatesAndRollsItsVolumeUpToTheRoot() {
    Organisation.Builder b = Organisation.builder();
    String name = "Chain member";
    String email = "chain@example.com";
    Map<String, BigDecimal> volume = Map.of("PV", new BigDecimal("1.5"));
    BigDecimal amount = new BigDecimal("2");
    String sponsor = null;
    for (int i = 0; i < DEPTH; i++) {
      String id = "D" + i;
      b.add(Distributor.of(id, sponsor, JOINED, name, email));
      // Every thousandth distributor buys, and so does the last one, 1.5 PV each.
      if (i % 1000 == 0 || i == DEPTH - 1) {
        b.add(new Order("O" + i, BuyerType.DISTRIBUTOR, id, nov(10), OrderStatus.PAID, volume,
            amount));
      }
      sponsor = id;
    }
    Organisation chain = b.build();

    Evaluation e = RankGauge.evaluate(chain, ladder().build(), NOVEMBER);

    // 1,001 orders of 1.5 PV.
    assertThat(e.result("D0")).hasPersonalSales("1.5").hasGroupSales("1501.5")
        .hasActivePersonalDistributors(0);
    // From D500000 down: D500000, D501000, ..., D999000 and D999999.
    assertThat(e.result("D500000")).hasGroupSales("751.5");
    assertThat(e.result("D" + (DEPTH - 1))).hasGroupSales("1.5");
    assertThat(e.paidAsCounts().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(DEPTH);
    assertThat(e.trace("D0").input("trace.groupVolume")).map(Phrase::text)
        .hasValue("group PV: 1501.5");
  }
}
