package dev.rankgauge.rules;

import static dev.rankgauge.Requirement.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.Trace;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** Laws over every rule kind together, on random organisations. */
class RulePropertiesTest {

  static BigDecimal v(long volume) {
    return BigDecimal.valueOf(volume);
  }

  static List<BigDecimal> vs(long... volumes) {
    return java.util.Arrays.stream(volumes).mapToObj(BigDecimal::valueOf).toList();
  }

  /**
   * Every requirement here rises with volume: more volume anywhere makes someone active or raises
   * a group, a leg or a downline rank, never the reverse. (Breakaways and compression are left
   * out: a downline reaching the breakaway rank lowers PGV, and a distributor becoming active
   * pushes their downline a level deeper.)
   */
  static CompPlan monotonePlan() {
    return CompPlan.builder("monotone")
        .rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(v(50)), Requirement.groupVolume(v(200)),
            Requirement.activeLegs(1))
        .rank("GLD", "Gold", Requirement.personalVolume(v(50)),
            Requirement.cappedGroupVolume(v(500), v(60), true),
            Requirement.legsWithVolumes(vs(150, 100)),
            Requirement.levelGroupVolume(v(300), 2, false))
        .rank("PLT", "Platinum", Requirement.personalVolume(v(50)),
            Requirement.sponsoredWithRank(1, "SLV"),
            Requirement.legsWithRank(2, "SLV").withinLevels(3),
            Requirement.anyOf(path("A", Requirement.groupVolume(v(1_200))),
                path("B", Requirement.legsWithRank(2, "GLD"),
                    Requirement.activePersonalDistributors(2))))
        .rank("DIA", "Diamond", Requirement.personalVolume(v(50)),
            Requirement.legsWithRank(2, "PLT"), Requirement.legsWithRank(1, "GLD").frontLine(),
            Requirement.groupVolume(v(2_000)))
        .build();
  }

  /** Every kind at once, the host rule included; active with 50 PV. */
  static CompPlan everythingPlan() {
    RuleRegistry rules = RuleRegistry.discovered();
    return CompPlan.builder("everything")
        .distributorActivity(ActivityRule.minimumVolume(v(50)))
        .rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(v(50)), Requirement.activeLegs(1))
        .rank("GLD", "Gold", Requirement.personalVolume(v(50)), Requirement.groupVolume(v(300)),
            Requirement.sponsoredWithRank(1, "SLV"), Requirement.legsWithVolumes(vs(200, 100)),
            Requirement.levelGroupVolume(v(250), 2, true))
        .rank("PLT", "Platinum",
            Requirement.anyOf(path("A", Requirement.legsWithRank(2, "GLD")),
                path("B", Requirement.legsWithRank(1, "GLD").withinLevels(2),
                    Requirement.cappedGroupVolume(v(800), v(50), true))),
            Requirement.personalGroupVolume(v(200), "GLD", false))
        .rank("DIA", "Diamond",
            rules.create("sponsorsAtRank", Map.of("count", "1", "rank", "PLT")),
            Requirement.legsWithRank(1, "PLT").frontLine().byTitle(),
            Requirement.activePersonalDistributors(1))
        .build();
  }

  @Provide
  Arbitrary<Trees.Tree> trees() {
    return Trees.trees(30, 400);
  }

  /** Law: with monotone requirements, adding volume to anyone never lowers anyone's rank. */
  @Property(tries = 200)
  void moreVolumeNeverLowersAMonotoneRank(@ForAll("trees") Trees.Tree t,
      @ForAll @IntRange(min = 0, max = 29) int who, @ForAll @IntRange(min = 1, max = 800) int extra) {
    CompPlan plan = monotonePlan();
    Evaluation before = t.org().evaluate(plan);
    Evaluation after = t.withMore(who % t.size(), extra).org().evaluate(plan);

    for (int i = 0; i < t.size(); i++) {
      String id = Trees.Tree.id(i);
      assertThat(plan.rankLevel(after.paidAs(id).code()))
          .as("rank of %s", id)
          .isGreaterThanOrEqualTo(plan.rankLevel(before.paidAs(id).code()));
    }
  }

  /** Law: the same rows in any order give the same ranks and the same traces. */
  @Property(tries = 100)
  void resultsAndTracesDoNotDependOnTheOrderOfTheRows(@ForAll("trees") Trees.Tree t,
      @ForAll long seed) {
    CompPlan plan = everythingPlan();
    TestOrg o = t.org();
    Map<String, String> titles = Map.of(Trees.Tree.id(t.size() - 1), "PLT");
    Evaluation canonical = RankGauge.evaluate(o.build(), plan, TestOrg.PERIOD,
        TestOrg.PERIOD.endInstant(plan.zone()), titles);
    Evaluation shuffled = RankGauge.evaluate(o.shuffled(seed), plan, TestOrg.PERIOD,
        TestOrg.PERIOD.endInstant(plan.zone()), titles);

    for (int i = 0; i < t.size(); i++) {
      String id = Trees.Tree.id(i);
      Trace a = canonical.trace(id);
      Trace b = shuffled.trace(id);
      assertThat(b).isEqualTo(a);
      assertThat(b.format()).isEqualTo(a.format());
      assertThat(shuffled.result(id).gap()).isEqualTo(canonical.result(id).gap());
    }
  }

  /**
   * Ladders whose gauge thresholds come and go from rank to rank (a rank may ask less than the
   * one below, or nothing of a gauge) and whose ranks ask for legs with a paid-as rank anywhere
   * below, one or two such requirements, of any lower rank.
   */
  @Provide
  Arbitrary<CompPlan> unevenLadders() {
    Arbitrary<Optional<Integer>> pv = Arbitraries.integers().between(0, 300).optional(0.7);
    Arbitrary<Optional<Integer>> gv = Arbitraries.integers().between(0, 1_500).optional(0.6);
    Arbitrary<Optional<Integer>> people = Arbitraries.integers().between(0, 3).optional(0.4);
    Arbitrary<List<Integer>> legs = Arbitraries.integers().between(0, 99).list().ofMaxSize(2);
    Arbitrary<List<Object>> rank = Combinators.combine(pv, gv, people, legs)
        .as((p, g, d, l) -> List.of(p, g, d, l));
    return rank.list().ofMinSize(1).ofMaxSize(6).map(RulePropertiesTest::unevenLadder);
  }

  @SuppressWarnings("unchecked")
  private static CompPlan unevenLadder(List<List<Object>> drafts) {
    CompPlan.Builder b = CompPlan.builder("uneven").rank(Rank.of("R0", "Rank 0"));
    for (int r = 1; r <= drafts.size(); r++) {
      List<Object> d = drafts.get(r - 1);
      List<Requirement> asks = new java.util.ArrayList<>();
      ((Optional<Integer>) d.get(0)).ifPresent(x -> asks.add(Requirement.personalVolume(v(x))));
      ((Optional<Integer>) d.get(1)).ifPresent(x -> asks.add(Requirement.groupVolume(v(x))));
      ((Optional<Integer>) d.get(2))
          .ifPresent(x -> asks.add(Requirement.activePersonalDistributors(x)));
      for (int l : (List<Integer>) d.get(3)) {
        // 1 to 3 legs, each holding one of the lower ranks
        asks.add(Requirement.legsWithRank(1 + l % 3, "R" + (l / 3) % r));
      }
      if (asks.isEmpty()) {
        asks.add(Requirement.personalVolume(v(0)));
      }
      b = b.rank(Rank.of("R" + r, "Rank " + r, asks.toArray(new Requirement[0])));
    }
    return b.build();
  }

  /**
   * Law: the paid-as rank is the highest rank whose whole set the trace shows met, the entry rank
   * when none is. The bottom-up pass decides by each gauge's thresholds at once and counts a
   * distributor's legs by rank once for every rank; the trace asks each requirement in turn.
   */
  @Property(tries = 300)
  void paidAsIsTheHighestRankTheTraceShowsMet(@ForAll("trees") Trees.Tree t,
      @ForAll("unevenLadders") CompPlan plan) {
    Evaluation e = t.org().evaluate(plan);

    for (int i = 0; i < t.size(); i++) {
      String id = Trees.Tree.id(i);
      Rank highest = plan.ranks().get(0);
      for (Trace.RankCheck check : e.trace(id).ranks()) {
        if (check.met()) {
          highest = check.rank();
        }
      }
      assertThat(e.paidAs(id)).as("paid-as rank of %s", id).isEqualTo(highest);
      Statistics.label("paid above the entry rank by legs")
          .collect(plan.rankLevel(highest.code()) > 0 && highest.requirements().stream()
              .anyMatch(q -> q instanceof Requirement.LegsWithRank));
    }
    Statistics.label("paid above the entry rank by legs")
        .coverage(c -> c.check(true).percentage(p -> p > 0.5));
  }

  /**
   * Every kind on a chain 100,000 deep: the bottom-up pass is iterative, so nothing overflows the
   * stack. Everyone has 100 PV and is active. Counting a distributor's height h above the bottom
   * of the chain (the last one has h = 0):
   * <ul>
   *   <li>Silver (100 PV, an active leg): h >= 1.
   *   <li>Gold (a sponsored Silver: h - 1 >= 1; a leg of 300: the leg holds h people, h >= 3;
   *       300 in 2 compressed levels: h >= 2): h >= 3.
   *   <li>Platinum (a leg with a Gold, anywhere and within 4 levels: h - 1 >= 3; 500 with at most
   *       80% = 400 from a leg: 100 + min(100 h, 400) >= 500): h >= 4.
   *   <li>Diamond (an active leg, and either 1,000 PGV below the first Gold, which is never more
   *       than 400, or the host rule's personally sponsored Platinum: h - 1 >= 4): h >= 5.
   * </ul>
   * So the bottom five are Member, Silver, Silver, Gold, Platinum and everyone above is Diamond.
   */
  @Test
  void everyKindOnAVeryDeepChain() {
    int n = 100_000;
    CompPlan plan = CompPlan.builder("deep")
        .rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(v(100)), Requirement.activeLegs(1))
        .rank("GLD", "Gold", Requirement.sponsoredWithRank(1, "SLV"),
            Requirement.legsWithVolume(1, v(300)), Requirement.levelGroupVolume(v(300), 2, true))
        .rank("PLT", "Platinum", Requirement.legsWithRank(1, "GLD"),
            Requirement.legsWithRank(1, "GLD").withinLevels(4),
            Requirement.cappedGroupVolume(v(500), v(80), false))
        .rank("DIA", "Diamond", Requirement.anyOf(
                path("A", Requirement.personalGroupVolume(v(1_000), "GLD", false)),
                path("B", RuleRegistry.discovered().create("sponsorsAtRank",
                    Map.of("count", "1", "rank", "PLT")))),
            Requirement.activeLegs(1))
        .build();
    TestOrg o = TestOrg.create().add("C0", null, 100);
    o.chain("C0", "C", n - 1, 100);
    Organisation org = o.build();

    Evaluation e = RankGauge.evaluate(org, plan, TestOrg.PERIOD);

    assertThat(e.paidAsCounts().values()).containsExactly(1, 2, 1, 1, n - 5);
    assertThat(e.paidAs("C" + (n - 5)).code()).isEqualTo("PLT");
    assertThat(e.paidAs("C" + (n - 6)).code()).isEqualTo("DIA");
    assertThat(TestOrg.status(e, "C0", "DIA", 0).note().orElseThrow().text()).isEqualTo("met by path B");
  }
}
