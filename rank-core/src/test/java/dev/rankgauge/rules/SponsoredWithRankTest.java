package dev.rankgauge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Kind 1: at least N personally sponsored distributors paid as R or higher. */
class SponsoredWithRankTest {

  /** Silver: 100 PV. Gold: 100 PV and the seed's four personally sponsored Silvers. */
  static CompPlan seedPlan() {
    return CompPlan.builder("sponsored")
        .rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(BigDecimal.valueOf(100)))
        .rank("GLD", "Gold", Requirement.personalVolume(BigDecimal.valueOf(100)),
            Requirement.sponsoredWithRank(4, "SLV"))
        .build();
  }

  /**
   * A (100 PV) sponsors S1..S5. S1..S3 have 100 PV (Silver); S4 has {@code s4} PV; S5 has 50 (a
   * Member). D1 (100 PV, a Silver) sits below S4, one level deeper than A's front line.
   */
  static TestOrg org(long s4) {
    TestOrg o = TestOrg.create().add("A", null, 100);
    o.add("S1", "A", 100).add("S2", "A", 100).add("S3", "A", 100).add("S4", "A", s4)
        .add("S5", "A", 50);
    return o.add("D1", "S4", 100);
  }

  @Test
  void fourPersonallySponsoredSilversMakeGold() {
    Evaluation e = org(100).evaluate(seedPlan());

    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", 1);
    assertThat(s.met()).isTrue();
    assertThat(s.actual()).isEqualByComparingTo("4");
    assertThat(s.note().orElseThrow().text()).isEqualTo("qualifying: S1, S2, S3, S4");
  }

  @Test
  void aSilverOneLevelDeeperDoesNotCount() {
    // S4 has 50 PV, so only S1..S3 are Silver on A's front line; D1 is a Silver but A did not
    // sponsor D1. 3 of 4: A is paid as Silver, one Silver short of Gold.
    Evaluation e = org(50).evaluate(seedPlan());

    assertThat(e.paidAs("D1").code()).isEqualTo("SLV");
    assertThat(e.paidAs("A").code()).isEqualTo("SLV");
    RequirementStatus s = e.result("A").gap().orElseThrow().requirements().get(1);
    assertThat(s.met()).isFalse();
    assertThat(s.required()).isEqualByComparingTo("4");
    assertThat(s.actual()).isEqualByComparingTo("3");
    assertThat(s.remaining()).isEqualByComparingTo("1");
    assertThat(s.percentComplete()).isEqualByComparingTo("75");
    assertThat(e.result("A").gap().orElseThrow().holdingBack()).containsExactly(s);
  }

  @Test
  void aPersonallySponsoredGoldCountsAsSilverOrHigher() {
    // S4 (100 PV) sponsors four Silvers of their own and is Gold; Gold >= Silver.
    TestOrg o = org(100);
    for (int i = 1; i <= 4; i++) {
      o.add("E" + i, "S4", 100);
    }
    Evaluation e = o.evaluate(seedPlan());

    assertThat(e.paidAs("S4").code()).isEqualTo("GLD");
    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    assertThat(TestOrg.status(e, "A", "GLD", 1).actual()).isEqualByComparingTo("4");
  }

  @Test
  void personalVolumeStillBinds() {
    // Four Silvers below, but A's own 99 PV meets neither Silver nor Gold.
    TestOrg o = TestOrg.create().add("A", null, 99);
    for (int i = 1; i <= 4; i++) {
      o.add("S" + i, "A", 100);
    }
    Evaluation e = o.evaluate(seedPlan());

    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
    assertThat(TestOrg.status(e, "A", "GLD", 1).met()).isTrue();
    assertThat(TestOrg.status(e, "A", "GLD", 0).met()).isFalse();
  }
}
