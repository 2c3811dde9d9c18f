package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
import static dev.rankgauge.testkit.RankGaugeAssertions.assertThatThrownBy;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import org.junit.jupiter.api.Test;

/** The fluent assertions read like the plan, and say what went wrong, where, for whom. */
class RankGaugeAssertionsTest {
  private final Evaluation seed = SeedFixture.evaluation();

  @Test
  void theSeedScreenReadsLikeThePlan() {
    assertThat(seed).distributor("D100")
        .isPaidAs("GLD")
        .isActive()
        .hasNextRank("PLAT")
        .hasGauge(Metric.PERSONAL_SALES).hasValue("1150").atRank("SE").isAtTopRank()
        .and().hasGauge(Metric.GROUP_SALES).hasValue(7300).atRank("DMND").withNextRank("SE")
        .withRemaining("4700")
        .and().hasGauge(Metric.ACTIVE_PERSONAL_CUSTOMERS).hasValue(1).atRank("GLD")
        .withRemaining(1)
        .and().meetsRequirement("PLAT", 1)
        .meetsRequirement("PLAT", "group")
        .doesNotMeetRequirement("PLAT", 3)
        .doesNotMeetRequirement("PLAT", "active personal distributors")
        .requirement("PLAT", 3).isNotMet().withRequired("2").withActual("1").withRemaining("1")
        .and().requirement("GLD", "customer").isMet().withRemaining("0")
        .and().hasInFocusList(FocusList.INACTIVE_CUSTOMERS, "C2", "C9")
        .hasFocusListExactly(FocusList.ACTIVE_CUSTOMERS, "C1")
        .hasFocusListExactly(FocusList.ACTIVE_DISTRIBUTORS, "D102", "D101")
        .doesNotHaveInFocusList(FocusList.INACTIVE_DISTRIBUTORS, "D101")
        .distributor("D103").isNotActive().isPaidAs("DIST");
    assertThat(seed).hasPaidAsCount("GLD", 1);
  }

  @Test
  void theSameImportGivesAssertJsOwnAssertions() {
    assertThat("GLD").startsWith("G");
    assertThat(seed.paidAs("D100").code()).isEqualTo("GLD");
  }

  @Test
  void aWrongPaidAsRankNamesTheDistributorBothRanksAndShowsTheTrace() {
    assertThatThrownBy(() -> assertThat(seed).distributor("D100").isPaidAs("PLAT"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("distributor D100, paid-as rank")
        .hasMessageContaining("expected: PLAT (Platinum)")
        .hasMessageContaining("actual:   GLD (Gold)")
        .hasMessageContaining("trace of D100:")
        .hasMessageContaining("Distributor D100 (Dana Diaz)")
        .hasMessageContaining("NOT MET PLAT Platinum")
        .hasMessageContaining("[open] at least 2 active personal customers: 1 of 2, 1 to go");
  }

  @Test
  void aWrongGaugeRemainingSaysWhatIsLeftAndToWhichRank() {
    assertThatThrownBy(() -> assertThat(seed).distributor("D100")
        .hasGauge(Metric.GROUP_SALES).withRemaining("4000"))
        .hasMessageContaining("distributor D100, group sales gauge: remaining")
        .hasMessageContaining("expected: 4000 to the next rank")
        .hasMessageContaining("actual:   4700 to SE (Senior Executive) (value 7300,"
            + " gauge at DMND (Diamond))");
  }

  @Test
  void aGaugeRankOfAnotherPlanIsCalledOut() {
    assertThatThrownBy(() -> assertThat(seed).distributor("D100")
        .hasGauge(Metric.GROUP_SALES).atRank("BLUE"))
        .hasMessageContaining("expected: BLUE (not a rank of plan Seed plan; ranks are"
            + " [DIST, SLV, GLD, PLAT, DMND, SE])")
        .hasMessageContaining("actual:   DMND (Diamond) at value 7300");
  }

  @Test
  void aRequirementMetOrNotShowsItsStatusLine() {
    assertThatThrownBy(() -> assertThat(seed).distributor("D100").meetsRequirement("PLAT", 4))
        .hasMessageContaining("distributor D100, requirement 4 of PLAT"
            + " (at least 3 active personal distributors): met")
        .hasMessageContaining("expected: met")
        .hasMessageContaining("actual:   not met: [open] at least 3 active personal"
            + " distributors: 2 of 3, 1 to go");
    assertThatThrownBy(() -> assertThat(seed).distributor("D100").requirement("PLAT", 3)
        .withRemaining("2"))
        .hasMessageContaining("requirement 3 of PLAT (at least 2 active personal customers):"
            + " remaining")
        .hasMessageContaining("expected: 2")
        .hasMessageContaining("actual:   1 (");
  }

  @Test
  void anUnknownRequirementListsTheRanksRequirements() {
    assertThatThrownBy(() -> assertThat(seed).distributor("D100").requirement("PLAT", 9))
        .hasMessageContaining("rank PLAT has 4 requirements, not 9: 1. at least 400 personal PV,"
            + " 2. at least 3000 group PV, 3. at least 2 active personal customers,"
            + " 4. at least 3 active personal distributors");
    assertThatThrownBy(() -> assertThat(seed).distributor("D100").requirement("PLAT", "active"))
        .hasMessageContaining("more than one requirement of PLAT mentions \"active\"");
    assertThatThrownBy(() -> assertThat(seed).distributor("D100").requirement("DIST", 1))
        .hasMessageContaining("rank DIST is the entry rank and has no requirements");
  }

  @Test
  void focusListFailuresListWhatIsMissingAndWhatIsExtra() {
    assertThatThrownBy(() -> assertThat(seed).distributor("D100")
        .hasFocusListExactly(FocusList.ACTIVE_DISTRIBUTORS, "D101", "D103"))
        .hasMessageContaining("distributor D100, focus list active distributors")
        .hasMessageContaining("expected: exactly D101, D103")
        .hasMessageContaining("actual:   D101, D102 (missing: D103; unexpected: D102)");
    assertThatThrownBy(() -> assertThat(seed).distributor("D100")
        .hasInFocusList(FocusList.INACTIVE_CUSTOMERS, "C1"))
        .hasMessageContaining("expected: including C1")
        .hasMessageContaining("(missing: C1)");
    assertThatThrownBy(() -> assertThat(seed).distributor("D100")
        .doesNotHaveInFocusList(FocusList.INACTIVE_CUSTOMERS, "C1", "C2"))
        .hasMessageContaining("expected: none of C1, C2")
        .hasMessageContaining("(unexpected: C2)");
  }

  @Test
  void anUnknownDistributorListsTheOnesThereAre() {
    assertThatThrownBy(() -> assertThat(seed).distributor("D999"))
        .hasMessageContaining("distributor D999, presence")
        .hasMessageContaining("expected: a distributor D999 in the organisation")
        .hasMessageContaining("actual:   no such distributor; the organisation has D001, D100,")
        .hasMessageNotContaining("trace of");
  }

  @Test
  void activityNextRankAndCountsFailWithTheirOwnWords() {
    assertThatThrownBy(() -> assertThat(seed).distributor("D103").isActive())
        .hasMessageContaining("distributor D103, active")
        .hasMessageContaining("expected: active")
        .hasMessageContaining("actual:   not active");
    assertThatThrownBy(() -> assertThat(seed).distributor("D100").isPaidAsTopRank())
        .hasMessageContaining("expected: none (the top of the ladder)")
        .hasMessageContaining("actual:   PLAT (Platinum)");
    assertThatThrownBy(() -> assertThat(seed).hasPaidAsCount("GLD", 2))
        .hasMessageContaining("number paid as GLD (Gold)")
        .hasMessageContaining("expected: 2")
        .hasMessageContaining("actual:   1 (paid-as counts: DIST ");
  }

  @Test
  void aDescriptionSetWithAsIsKept() {
    assertThatThrownBy(() -> assertThat(seed).as("November screen").distributor("D100")
        .isPaidAs("SLV"))
        .hasMessageContaining("[November screen]")
        .hasMessageContaining("expected: SLV (Silver)");
  }
}
