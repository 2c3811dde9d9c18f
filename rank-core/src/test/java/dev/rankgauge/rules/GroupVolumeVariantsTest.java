package dev.rankgauge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kind 5: group volume of the first N levels (optionally compressed past inactive distributors),
 * and personal group volume down to the first breakaway rank in each leg.
 */
class GroupVolumeVariantsTest {

  /** Gold: group volume of the first {@code levels} levels; active with 50 PV. */
  static CompPlan levelPlan(long volume, int levels, boolean compressed) {
    return CompPlan.builder("levels")
        .distributorActivity(ActivityRule.minimumVolume(BigDecimal.valueOf(50)))
        .rank(Rank.of("MEM", "Member"))
        .rank("GLD", "Gold", Requirement.levelGroupVolume(BigDecimal.valueOf(volume), levels,
            compressed))
        .build();
  }

  static BigDecimal levelVolume(TestOrg o, String id, int levels, boolean compressed) {
    return TestOrg.status(o.evaluate(levelPlan(1, levels, compressed)), id, "GLD", 0).actual();
  }

  /** A(100) - B(100) - C(100) - D(100) - E(100): A's level k holds one person. */
  @ParameterizedTest(name = "{0} levels: {1}")
  @CsvSource({"1, 200", "2, 300", "3, 400", "4, 500", "10, 500"})
  void firstLevelsOnly(int levels, long expected) {
    TestOrg o = TestOrg.create().add("A", null, 100);
    o.chain("A", "L", 4, 100);

    assertThat(levelVolume(o, "A", levels, false)).isEqualByComparingTo(BigDecimal.valueOf(expected));
  }

  @Test
  void compressionSkipsAnInactiveDistributorSoTheNextLevelMovesUp() {
    // A(100) - B(100) - C(30, inactive below 50) - D(100) - E(100), two levels.
    // Plain: A 100 + B 100 (level 1) + C 30 (level 2) = 230.
    // Compressed: C takes no level, so D is level 2: 100 + 100 + 30 + 100 = 330; E (level 3) out.
    TestOrg o = TestOrg.create().add("A", null, 100).add("B", "A", 100).add("C", "B", 30)
        .add("D", "C", 100).add("E", "D", 100);

    assertThat(levelVolume(o, "A", 2, false)).isEqualByComparingTo("230");
    assertThat(levelVolume(o, "A", 2, true)).isEqualByComparingTo("330");
    Evaluation e = o.evaluate(levelPlan(300, 2, true));
    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    assertThat(TestOrg.status(e, "A", "GLD", 0).description())
        .isEqualTo("at least 300 group PV in the first 2 levels (compressed)");
    assertThat(o.evaluate(levelPlan(300, 2, false)).paidAs("A").code()).isEqualTo("MEM");
  }

  @Test
  void compressionSkipsSeveralInactiveDistributorsInARowAndOnTheFrontLine() {
    // A(100) - P(10) - Q(20) - R(100) - S(100), one level. P and Q are inactive.
    // Plain: A 100 + P 10 = 110. Compressed: R is A's level 1; P and Q count with A: 230.
    TestOrg o = TestOrg.create().add("A", null, 100).add("P", "A", 10).add("Q", "P", 20)
        .add("R", "Q", 100).add("S", "R", 100);

    assertThat(levelVolume(o, "A", 1, false)).isEqualByComparingTo("110");
    assertThat(levelVolume(o, "A", 1, true)).isEqualByComparingTo("230");
  }

  /** Where Gold's personal group volume requirement sits in the rank. */
  private static final int PGV = 2;

  /**
   * Silver: 100 PV and 1,000 group PV. Gold: 100 PV, 1,400 group PV and 600 personal group PV,
   * breakaway at Silver.
   */
  static CompPlan pgvPlan(boolean includeBreakaway) {
    BigDecimal pv = BigDecimal.valueOf(100);
    return CompPlan.builder("pgv")
        .rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(pv),
            Requirement.groupVolume(BigDecimal.valueOf(1_000)))
        .rank("GLD", "Gold", Requirement.personalVolume(pv),
            Requirement.groupVolume(BigDecimal.valueOf(1_400)),
            Requirement.personalGroupVolume(BigDecimal.valueOf(600), "SLV", includeBreakaway))
        .build();
  }

  /** A(200) with legs B(300) - B1({@code b1}) and C(250). */
  static TestOrg pgvOrg(long b1) {
    return TestOrg.create().add("A", null, 200).add("B", "A", 300).add("B1", "B", b1)
        .add("C", "A", 250);
  }

  @Test
  void aBreakawayExactlyAtTheRankLeavesThePersonalGroup() {
    // B1 700: B has 300 PV and a group of 300 + 700 = 1,000: exactly Silver (not Gold: 1,400),
    // so leg B breaks away. B1 (700) and C (250) are Members.
    // A's group is 200 + 1,000 + 250 = 1,450, enough for Silver and for Gold's 1,400.
    // Excluded: A's PGV = 200 + 250 = 450 < 600: A is Silver, not Gold.
    // Included: B's own 300 still counts: 200 + 300 + 250 = 750 >= 600: A is Gold.
    Evaluation excluded = pgvOrg(700).evaluate(pgvPlan(false));
    Evaluation included = pgvOrg(700).evaluate(pgvPlan(true));

    assertThat(excluded.paidAs("B").code()).isEqualTo("SLV");
    RequirementStatus s = TestOrg.status(excluded, "A", "GLD", PGV);
    assertThat(s.actual()).isEqualByComparingTo("450");
    assertThat(s.note().orElseThrow().text()).isEqualTo(
        "1 breakaway at SLV or higher, their downline not counted; on the front line: B");
    assertThat(excluded.paidAs("A").code()).isEqualTo("SLV");
    assertThat(TestOrg.status(included, "A", "GLD", PGV).actual()).isEqualByComparingTo("750");
    assertThat(TestOrg.status(included, "A", "GLD", PGV).note().orElseThrow().text()).contains("(their own volume counted)");
    assertThat(included.paidAs("A").code()).isEqualTo("GLD");
  }

  @Test
  void oneVolumeUnitBelowTheBreakawayRankTheLegStays() {
    // B1 699: B's group is 999, B is a Member, nothing breaks away:
    // PGV = group = 200 + 300 + 699 + 250 = 1,449 either way; A is Gold.
    Evaluation e = pgvOrg(699).evaluate(pgvPlan(false));

    assertThat(e.paidAs("B").code()).isEqualTo("MEM");
    assertThat(TestOrg.status(e, "A", "GLD", PGV).actual()).isEqualByComparingTo("1449");
    assertThat(TestOrg.status(e, "A", "GLD", PGV).note()).isEmpty();
    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
  }

  @Test
  void aDeepBreakawayCutsItsLegBelowIt() {
    // A(200) - C(50) - C1(0) - C2(1,000) - C3(500). C2 has 1,000 PV and a group of 1,500: Silver
    // (Gold, in fact: PGV 1,500). C and C1 lack the 100 PV, C3 the group: Members.
    // C2 and C3 leave A's PGV: 200 + 50 + 0 = 250. The breakaway is not on A's front line.
    Evaluation e = TestOrg.create().add("A", null, 200).add("C", "A", 50).add("C1", "C", 0)
        .add("C2", "C1", 1_000).add("C3", "C2", 500)
        .evaluate(pgvPlan(false));

    RequirementStatus s = TestOrg.status(e, "A", "GLD", PGV);
    assertThat(e.paidAs("C2").code()).isEqualTo("GLD");
    assertThat(e.paidAs("C").code()).isEqualTo("MEM");
    assertThat(s.actual()).isEqualByComparingTo("250");
    assertThat(s.note().orElseThrow().text()).isEqualTo("1 breakaway at SLV or higher, their downline not counted");
  }

  @Test
  void breakawaysAtDifferentDepthsOfDifferentLegsAreAllCounted() {
    // Leg C: A - C(50) - C1(0) - C2(1,000) - C3(500), C2 a breakaway three levels down. Leg D:
    // A - D(60) - D1(1,000), D1 Silver two levels down. A's PGV: 200 + 50 + 0 + 60 = 310.
    Evaluation e = TestOrg.create().add("A", null, 200).add("C", "A", 50).add("C1", "C", 0)
        .add("C2", "C1", 1_000).add("C3", "C2", 500).add("D", "A", 60).add("D1", "D", 1_000)
        .evaluate(pgvPlan(false));

    assertThat(e.paidAs("D1").code()).isEqualTo("SLV");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", PGV);
    assertThat(s.actual()).isEqualByComparingTo("310");
    assertThat(s.note().orElseThrow().text()).isEqualTo("2 breakaways at SLV or higher, their downline not counted");
  }

  @Test
  void personalGroupVolumeExactlyAtTheRequirementMeetsIt() {
    // B1 699 keeps leg B (999 group PV, a Member); A 200 + B 300 + B1 699 + C 250 = 1,449 PGV.
    // A Gold asking 1,449 exactly is met; 1,450 is not.
    CompPlan exactly = CompPlan.builder("pgv exactly").rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.groupVolume(BigDecimal.valueOf(1_000)))
        .rank("GLD", "Gold",
            Requirement.personalGroupVolume(BigDecimal.valueOf(1_449), "SLV", false)).build();
    CompPlan oneMore = CompPlan.builder("pgv one more").rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.groupVolume(BigDecimal.valueOf(1_000)))
        .rank("GLD", "Gold",
            Requirement.personalGroupVolume(BigDecimal.valueOf(1_450), "SLV", false)).build();

    assertThat(pgvOrg(699).evaluate(exactly).paidAs("A").code()).isEqualTo("GLD");
    assertThat(pgvOrg(699).evaluate(oneMore).paidAs("A").code()).isEqualTo("SLV");
  }

  @Test
  void levelVolumeExactlyAtTheRequirementMeetsIt() {
    // A(100) - L1 ... L4, 100 each: two levels hold 300. 300 is met, 301 is not.
    TestOrg o = TestOrg.create().add("A", null, 100);
    o.chain("A", "L", 4, 100);

    assertThat(o.evaluate(levelPlan(300, 2, false)).paidAs("A").code()).isEqualTo("GLD");
    assertThat(o.evaluate(levelPlan(301, 2, false)).paidAs("A").code()).isEqualTo("MEM");
  }

  @Provide
  Arbitrary<Trees.Tree> trees() {
    return Trees.trees(25, 400);
  }

  /** Laws: PGV without breakaways <= PGV with their own volume <= group volume. */
  @Property(tries = 150)
  void personalGroupVolumeIsPartOfGroupVolume(@ForAll("trees") Trees.Tree t) {
    Evaluation excluded = t.org().evaluate(pgvPlan(false));
    Evaluation included = t.org().evaluate(pgvPlan(true));

    for (int i = 0; i < t.size(); i++) {
      String id = Trees.Tree.id(i);
      BigDecimal ex = TestOrg.status(excluded, id, "GLD", PGV).actual();
      BigDecimal in = TestOrg.status(included, id, "GLD", PGV).actual();
      assertThat(ex).isLessThanOrEqualTo(in);
      assertThat(in).isLessThanOrEqualTo(excluded.gauge(id, Metric.GROUP_SALES).value());
    }
  }

  /**
   * Laws: enough levels reach the whole group; compression only moves people up, so it never
   * lowers the volume of the first N levels.
   */
  @Property(tries = 150)
  void levelVolumeGrowsTowardsGroupVolume(@ForAll("trees") Trees.Tree t,
      @ForAll @IntRange(min = 1, max = 4) int levels) {
    Evaluation plain = t.org().evaluate(levelPlan(1, levels, false));
    Evaluation compressed = t.org().evaluate(levelPlan(1, levels, true));
    Evaluation all = t.org().evaluate(levelPlan(1, t.size(), false));

    for (int i = 0; i < t.size(); i++) {
      String id = Trees.Tree.id(i);
      BigDecimal p = TestOrg.status(plain, id, "GLD", 0).actual();
      BigDecimal c = TestOrg.status(compressed, id, "GLD", 0).actual();
      BigDecimal g = plain.gauge(id, Metric.GROUP_SALES).value();
      assertThat(p).isLessThanOrEqualTo(c);
      assertThat(c).isLessThanOrEqualTo(g);
      assertThat(TestOrg.status(all, id, "GLD", 0).actual()).isEqualByComparingTo(g);
    }
  }
}
