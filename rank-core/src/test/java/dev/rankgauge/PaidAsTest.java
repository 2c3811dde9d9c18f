package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.entry;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.plan;
import static dev.rankgauge.Fixtures.rank;
import static dev.rankgauge.RankGaugeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The paid-as rank: the highest rank whose whole requirement set is met this period. */
class PaidAsTest {
  private final CompPlan plan = ladder().build();

  @Test
  void theHighestRankWhoseWholeSetIsMet() {
    // D1: 250 PV, 1,750 GV, 2 active customers, 2 active distributors: all of GLD, not PLAT.
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D1")
        .customer("C1", "D1").customer("C2", "D1")
        .paid("O1", "D1", nov(2), "150")
        .paid("O2", "C1", nov(2), "50").paid("O3", "C2", nov(2), "50")
        .paid("O4", "D2", nov(2), "1000").paid("O5", "D3", nov(2), "500")
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER);

    assertThat(e.result("D1")).isPaidAs("GLD");
    assertThat(e.paidAs("D1").code()).isEqualTo("GLD");
    assertThat(e.result("D1").nextRank()).get().extracting(Rank::code).isEqualTo("PLAT");
  }

  @Test
  void oneMissingRequirementHoldsTheRankBack() {
    // Everything of PLAT but the third active distributor: paid as GLD, like the seed.
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D1")
        .customer("C1", "D1").customer("C2", "D1").customer("C3", "D1")
        .paid("O1", "D1", nov(2), "400")
        .paid("O2", "C1", nov(2), "1").paid("O3", "C2", nov(2), "1").paid("O4", "C3", nov(2), "1")
        .paid("O5", "D2", nov(2), "2000").paid("O6", "D3", nov(2), "2000")
        .build();

    DistributorResult d1 = RankGauge.evaluate(o, plan, NOVEMBER).result("D1");

    assertThat(d1).isPaidAs("GLD");
    assertThat(d1.gauge(Metric.PERSONAL_SALES)).reaches("PLAT");
    assertThat(d1.gauge(Metric.ACTIVE_PERSONAL_DISTRIBUTORS)).reaches("GLD");
  }

  @Test
  void aHigherRankIsPaidWhenItsSetIsMetThoughALowerRanksSetIsNot() {
    // SLV asks for two active customers; GLD only for volume. Each rank's own set decides.
    CompPlan plan = plan().rank(entry())
        .rank(rank("SLV", "50", null, 2, null))
        .rank(rank("GLD", "100", "1000", null, null))
        .rank(rank("PLAT", "100", "5000", null, null))
        .build();
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .paid("O1", "D1", nov(2), "200")
        .paid("O2", "D2", nov(2), "1300")
        .build();

    DistributorResult d1 = RankGauge.evaluate(o, plan, NOVEMBER).result("D1");

    assertThat(d1).isPaidAs("GLD");
    // The lowest gauge is the customers' one at MBR: paid-as is not the lowest gauge here.
    assertThat(d1.gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS)).reaches("MBR");
    assertThat(RankGauge.evaluate(o, plan, NOVEMBER).trace("D1").ranks())
        .extracting(c -> c.rank().code(), Trace.RankCheck::met)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SLV", false),
            org.assertj.core.groups.Tuple.tuple("GLD", true),
            org.assertj.core.groups.Tuple.tuple("PLAT", false));
  }

  @Test
  void withNothingMetADistributorIsPaidAsTheEntryRank() {
    Organisation o = org().distributor("D1", null).build();

    DistributorResult d1 = RankGauge.evaluate(o, plan, NOVEMBER).result("D1");

    assertThat(d1).isPaidAs("MBR");
    assertThat(d1.active()).isFalse();
  }

  @Test
  void decimalVolumesAreComparedWithThresholdsExactly() {
    // Regression: with decimals on any order, thresholds were taken in whole units
    // (100 PV -> 1.00 PV), so 99.75 PV qualified for SLV.
    CompPlan pvOnly = plan().rank(entry()).rank(rank("SLV", "100", null, null, null))
        .rank(rank("GLD", "200", null, null, null)).build();
    Organisation o = org()
        .distributor("D1", null).distributor("D2", null).distributor("D3", null)
        .paid("O1", "D1", nov(2), "99.50").paid("O2", "D1", nov(3), "0.25")
        .paid("O3", "D2", nov(2), "99.75").paid("O4", "D2", nov(3), "0.25")
        .paid("O5", "D3", nov(2), "199.999999")
        .build();

    Evaluation e = RankGauge.evaluate(o, pvOnly, NOVEMBER);

    assertThat(e.result("D1")).hasPersonalSales("99.75").isPaidAs("MBR");
    assertThat(e.result("D2")).hasPersonalSales("100").isPaidAs("SLV");
    assertThat(e.result("D3")).isPaidAs("SLV");
  }

  @Test
  void thresholdsWithDecimalsAreComparedExactly() {
    // Regression: a threshold with more decimals than any volume failed with "Rounding necessary".
    CompPlan odd = plan().rank(entry()).rank(rank("SLV", "99.5", null, null, null)).build();
    Organisation o = org().distributor("D1", null).distributor("D2", null)
        .paid("O1", "D1", nov(2), "99").paid("O2", "D2", nov(2), "100")
        .build();

    Evaluation e = RankGauge.evaluate(o, odd, NOVEMBER);

    assertThat(e.result("D1")).isPaidAs("MBR");
    assertThat(e.result("D2")).isPaidAs("SLV");
  }

  @Test
  void aThresholdBeyondAnyVolumeIsNeverMet() {
    CompPlan huge = plan().rank(entry())
        .rank(rank("SLV", "1", null, null, null))
        .rank(rank("BIG", "1", "999999999999999.999999", null, null))
        .build();
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(2), "99999999999.5")
        .build();

    assertThat(RankGauge.evaluate(o, huge, NOVEMBER).result("D1")).isPaidAs("SLV");
  }

  @Test
  void ranksAreEvaluatedForEveryDistributorAndCounted() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D2").customer("C2", "D2").customer("C1", "D1")
        .paid("O1", "D1", nov(2), "100").paid("O2", "D2", nov(2), "300")
        .paid("O3", "C2", nov(2), "10").paid("O4", "D3", nov(2), "300")
        .paid("O5", "C1", nov(2), "1")
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, NOVEMBER);

    assertThat(e.results()).extracting(r -> r.distributor().id() + "=" + r.paidAs().code())
        .containsExactly("D1=SLV", "D2=SLV", "D3=MBR");
    Map<String, Integer> counts = new LinkedHashMap<>();
    e.paidAsCounts().forEach((r, n) -> counts.put(r.code(), n));
    assertThat(counts).containsExactly(Map.entry("MBR", 1), Map.entry("SLV", 2),
        Map.entry("GLD", 0), Map.entry("PLAT", 0));
  }

  @Test
  void theTopOfTheLongestSupportedLadderCanBePaid() {
    CompPlan.Builder b = plan().rank(entry());
    for (int r = 1; r < 128; r++) {
      b.rank(rank("R" + r, Integer.toString(r), null, null, null));
    }
    Organisation o = org().distributor("D1", null).paid("O1", "D1", nov(2), "127").build();

    DistributorResult d1 = RankGauge.evaluate(o, b.build(), NOVEMBER).result("D1");

    assertThat(d1).isPaidAs("R127");
    assertThat(d1.gap()).isEmpty();
  }

  @Test
  void aLadderLongerThanSupportedIsRejectedWhenThePlanIsBuilt() {
    // Regression: rank 128 overflowed the byte it is held in and evaluation failed.
    CompPlan.Builder b = plan().rank(entry());
    for (int r = 1; r < 129; r++) {
      b.rank(rank("R" + r, Integer.toString(r), null, null, null));
    }

    assertThatThrownBy(b::build).isInstanceOf(ValidationException.class)
        .hasMessageContaining("plan Test plan: found 129 ranks in the ladder; expected at"
            + " most 128");
  }

  @Test
  void titleRanksTheHostKeepsCountWhereARequirementReadsThem() {
    CompPlan byTitle = plan().rank(entry())
        .rank(rank("SLV", "100", null, null, null))
        .rank(Rank.of("GLD", "Gold",
            Requirement.legsWithRank(1, "SLV").byTitle()))
        .build();
    Organisation o = org().distributor("D1", null).distributor("D2", "D1").build();

    assertThat(RankGauge.evaluate(o, byTitle, NOVEMBER).result("D1")).isPaidAs("MBR");
    assertThat(RankGauge.evaluate(o, byTitle, NOVEMBER, nov(30), Map.of("D2", "SLV"))
        .result("D1")).isPaidAs("GLD");
  }

  @Test
  void anUnknownDistributorIsNamed() {
    Evaluation e = RankGauge.evaluate(org().distributor("D1", null).build(), plan, NOVEMBER);

    assertThatThrownBy(() -> e.result("D404")).isInstanceOf(NoSuchElementException.class)
        .hasMessage("no distributor D404 in this organisation");
    assertThatThrownBy(() -> e.paidAs("D404")).isInstanceOf(NoSuchElementException.class);
    assertThat(e.find("D404")).isEmpty();
    assertThat(e.find("D1")).isPresent();
  }
  @Test
  void aLadderOfMoreRanksThanALongHasBitsIsDecidedRankByRank() {
    // 70 ranks: R01 to R69 ask for 10 PV per step (R30: 300 PV); R69 also for two legs with
    // someone paid as R30 or higher. Past 64 ranks the ladder decides rank by rank from the top.
    CompPlan.Builder b = plan().rank(entry());
    for (int k = 1; k < 70; k++) {
      String code = String.format(java.util.Locale.ROOT, "R%02d", k);
      java.util.List<Requirement> reqs = new java.util.ArrayList<>();
      reqs.add(Requirement.personalVolume(java.math.BigDecimal.valueOf(10L * k)));
      if (k == 69) {
        reqs.add(Requirement.legsWithRank(2, "R30"));
      }
      b.rank(new Rank(code, "Rank " + k, reqs));
    }
    CompPlan seventy = b.build();
    assertThat(seventy.ranks()).hasSize(70);

    // D1 700 PV with legs D2 (300 PV: R30) and D3 (295: R29) over D4 (310: R31); D5 5 PV.
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D1").distributor("D4", "D3").distributor("D5", "D1")
        .paid("O1", "D1", nov(2), "700").paid("O2", "D2", nov(2), "300")
        .paid("O3", "D3", nov(2), "295").paid("O4", "D4", nov(2), "310")
        .paid("O5", "D5", nov(2), "5")
        .build();
    Evaluation e = RankGauge.evaluate(o, seventy, NOVEMBER);

    assertThat(e.result("D1")).isPaidAs("R69");
    assertThat(e.result("D2")).isPaidAs("R30");
    assertThat(e.result("D3")).isPaidAs("R29");
    assertThat(e.result("D4")).isPaidAs("R31");
    assertThat(e.result("D5")).isPaidAs("MBR");

    // With D4 at 290 PV (R29) only D2's leg holds an R30: D1 stops one rank short, at R68.
    Organisation short4 = org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D1").distributor("D4", "D3").distributor("D5", "D1")
        .paid("O1", "D1", nov(2), "700").paid("O2", "D2", nov(2), "300")
        .paid("O3", "D3", nov(2), "295").paid("O4", "D4", nov(2), "290")
        .paid("O5", "D5", nov(2), "5")
        .build();
    Evaluation f = RankGauge.evaluate(short4, seventy, NOVEMBER);

    assertThat(f.result("D1")).isPaidAs("R68");
    assertThat(f.result("D4")).isPaidAs("R29");
  }
  @Test
  void legsWithARankAreCountedForEachDistributorAfresh() {
    // GLD: 100 PV and two legs with someone paid as SLV or higher. A's two legs (X, Y) make A
    // GLD; D1's legs are A (with SLVs and a GLD) and B (nobody ranked): one leg, so D1 is SLV,
    // whatever was counted for A before.
    CompPlan legs = plan().rank(entry())
        .rank(rank("SLV", "100", null, null, null))
        .rank(new Rank("GLD", "Gold", java.util.List.of(
            Requirement.personalVolume(new java.math.BigDecimal("100")),
            Requirement.legsWithRank(2, "SLV"))))
        .build();
    Organisation o = org().distributor("D1", null).distributor("A", "D1")
        .distributor("B", "D1").distributor("X", "A").distributor("Y", "A")
        .paid("O1", "D1", nov(2), "100").paid("O2", "A", nov(2), "100")
        .paid("O3", "X", nov(2), "100").paid("O4", "Y", nov(2), "100")
        .build();
    Evaluation e = RankGauge.evaluate(o, legs, NOVEMBER);

    assertThat(e.result("A")).isPaidAs("GLD");
    assertThat(e.result("B")).isPaidAs("MBR");
    assertThat(e.result("D1")).isPaidAs("SLV");
  }
}
