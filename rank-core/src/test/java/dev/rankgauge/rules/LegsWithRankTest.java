package dev.rankgauge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.Requirement.LegsWithRank;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.ValidationException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kind 2: at least N legs each containing someone at R or higher: anywhere in the leg, only on the
 * front line, or within k levels; by this period's paid-as rank or by title rank.
 */
class LegsWithRankTest {

  /** Silver: 100 PV. Gold: 100 PV and the given leg requirement. */
  static CompPlan plan(Requirement legs) {
    return CompPlan.builder("legs with rank")
        .rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(BigDecimal.valueOf(100)))
        .rank("GLD", "Gold", Requirement.personalVolume(BigDecimal.valueOf(100)), legs)
        .build();
  }

  /**
   * A (100 PV) has four legs. Everyone with 100 PV is a Silver, everyone with none a Member.
   * <pre>
   * A ── B ── C ── D ── E(Silver)   leg B: its Silver sits at level 4
   *   ── F(Silver)                  leg F: a Silver on the front line
   *   ── G ── H(Silver)             leg G: its Silver sits at level 2
   *   ── J                          leg J: no Silver
   * </pre>
   */
  static TestOrg org() {
    TestOrg o = TestOrg.create().add("A", null, 100);
    o.add("B", "A", 0).add("C", "B", 0).add("D", "C", 0).add("E", "D", 100);
    o.add("F", "A", 100);
    o.add("G", "A", 0).add("H", "G", 100);
    return o.add("J", "A", 0);
  }

  @Test
  void anywhereCountsTheSilverDeepInLegB() {
    Evaluation e = org().evaluate(plan(Requirement.legsWithRank(3, "SLV")));

    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", 1);
    assertThat(s.actual()).isEqualByComparingTo("3");
    assertThat(s.note().orElseThrow().text()).isEqualTo("qualifying legs: B, F, G");
    assertThat(s.description()).isEqualTo("3 legs each with someone at SLV or higher");
  }

  @Test
  void fourLegsAskedAndThreeQualifyingIsNotEnough() {
    Evaluation e = org().evaluate(plan(Requirement.legsWithRank(4, "SLV")));

    assertThat(e.paidAs("A").code()).isEqualTo("SLV");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", 1);
    assertThat(s.met()).isFalse();
    assertThat(s.actual()).isEqualByComparingTo("3");
    assertThat(s.note().orElseThrow().text()).isEqualTo("qualifying legs: B, F, G");
  }

  @Test
  void frontLineCountsOnlyF() {
    Evaluation e = org().evaluate(plan(Requirement.legsWithRank(3, "SLV").frontLine()));

    assertThat(e.paidAs("A").code()).isEqualTo("SLV");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", 1);
    assertThat(s.actual()).isEqualByComparingTo("1");
    assertThat(s.remaining()).isEqualByComparingTo("2");
    assertThat(s.note().orElseThrow().text()).isEqualTo("qualifying: F");
  }

  @Test
  void withinTwoLevelsTheNoteNamesTheLegsWhoseSilverIsCloseEnough() {
    // F's Silver is at level 1 and G's at level 2; B's, at level 4, is too deep.
    Evaluation e = org().evaluate(plan(Requirement.legsWithRank(3, "SLV").withinLevels(2)));

    RequirementStatus s = TestOrg.status(e, "A", "GLD", 1);
    assertThat(s.actual()).isEqualByComparingTo("2");
    assertThat(s.note().orElseThrow().text()).isEqualTo("qualifying legs: F, G");
  }

  @ParameterizedTest(name = "within {0} levels: {1} legs")
  @CsvSource({"1, 1", "2, 2", "3, 2", "4, 3", "9, 3"})
  void withinLevelsReachesExactlyKLevelsDown(int k, int legs) {
    // F's Silver is at level 1, G's at level 2, B's at level 4.
    Evaluation e = org().evaluate(plan(Requirement.legsWithRank(3, "SLV").withinLevels(k)));

    assertThat(TestOrg.status(e, "A", "GLD", 1).actual()).isEqualByComparingTo(
        String.valueOf(legs));
    assertThat(e.paidAs("A").code()).isEqualTo(legs >= 3 ? "GLD" : "SLV");
  }

  @Test
  void titleRankCountsWhereTheHostKnowsIt() {
    // C (level 2 of leg B) has no volume this month but once reached Gold: by title, leg B now
    // qualifies within 2 levels; by paid-as rank it does not.
    LegsWithRank within2 = Requirement.legsWithRank(3, "SLV").withinLevels(2);
    Map<String, String> titles = Map.of("C", "GLD");

    Evaluation byTitle = org().evaluate(plan(within2.byTitle()), titles);
    Evaluation byPaidAs = org().evaluate(plan(within2), titles);

    assertThat(TestOrg.status(byTitle, "A", "GLD", 1).actual()).isEqualByComparingTo("3");
    assertThat(byTitle.paidAs("A").code()).isEqualTo("GLD");
    assertThat(TestOrg.status(byPaidAs, "A", "GLD", 1).actual()).isEqualByComparingTo("2");
    assertThat(byPaidAs.paidAs("A").code()).isEqualTo("SLV");
  }

  @Test
  void anywhereByTitleCountsALegWhoseOnlySilverIsATitle() {
    // J, with no volume this month, once reached Silver: by title all four legs qualify, exactly
    // the four Gold asks for; by paid-as rank three.
    Map<String, String> titles = Map.of("J", "SLV");

    Evaluation byTitle = org().evaluate(plan(Requirement.legsWithRank(4, "SLV").byTitle()),
        titles);
    Evaluation byPaidAs = org().evaluate(plan(Requirement.legsWithRank(4, "SLV")), titles);

    RequirementStatus s = TestOrg.status(byTitle, "A", "GLD", 1);
    assertThat(s.actual()).isEqualByComparingTo("4");
    assertThat(s.note().orElseThrow().text()).isEqualTo("qualifying legs: B, F, G, J");
    assertThat(byTitle.paidAs("A").code()).isEqualTo("GLD");
    assertThat(TestOrg.status(byPaidAs, "A", "GLD", 1).actual()).isEqualByComparingTo("3");
    assertThat(byPaidAs.paidAs("A").code()).isEqualTo("SLV");
  }

  @Test
  void aTitleBelowThisMonthsPaidAsRankDoesNotLowerIt() {
    // F is paid as Silver this month; a stale title of Member must not hide that.
    Evaluation e = org().evaluate(plan(Requirement.legsWithRank(1, "SLV").frontLine().byTitle()),
        Map.of("F", "MEM", "B", "SLV"));

    RequirementStatus s = TestOrg.status(e, "A", "GLD", 1);
    assertThat(s.actual()).isEqualByComparingTo("2");
    assertThat(s.note().orElseThrow().text()).isEqualTo("qualifying: B, F");
  }

  @Test
  void titleRanksNamingUnknownRanksOrDistributorsAreRejected() {
    CompPlan p = plan(Requirement.legsWithRank(1, "SLV").byTitle());

    assertThatThrownBy(() -> org().evaluate(p, Map.of("C", "PLAT", "ZZ", "SLV")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found rank PLAT, which plan")
        .hasMessageContaining("found distributor ZZ, which does not exist");
    // Whatever order the map gives them in, the problems come in the order of their places.
    Map<String, String> bad = Map.of("C", "PLAT", "ZZ", "SLV", "B", "NONE");
    java.util.TreeMap<String, String> reversed =
        new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.putAll(bad);
    for (Map<String, String> titles : java.util.List.of(new java.util.TreeMap<>(bad), reversed)) {
      assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
          () -> org().evaluate(p, titles)).problems())
          .extracting(dev.rankgauge.Problem::location)
          .isSorted().hasSize(3);
    }
  }

  @Test
  void levelsMustFitTheReach() {
    assertThatThrownBy(() -> Requirement.legsWithRank(1, "SLV").withinLevels(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("levels must be positive: 0");
    assertThatThrownBy(() -> new LegsWithRank(1, "SLV", Requirement.LegReach.ANYWHERE, 2,
        Requirement.RankBasis.PAID_AS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("levels apply only to WITHIN_LEVELS");
  }

  @Test
  void aPlanReferringToAnUnknownRankIsRejected() {
    assertThatThrownBy(() -> plan(Requirement.legsWithRank(2, "DIAMOND")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rank GLD requirement 2: found rank DIAMOND, which the ladder"
            + " does not define; expected one of: MEM, SLV, GLD");
  }
}
