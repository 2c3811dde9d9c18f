package dev.rankgauge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RankHold;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.Requirement;
import dev.rankgauge.Subject;
import dev.rankgauge.Trace;
import dev.rankgauge.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exceptions granted by hand, worked through on a small team: Sam (D0) sponsors Dana (D1), who
 * sponsors Eve (D2). A distributor is active with 50 PV or more. Silver asks 100 PV; Gold asks
 * 200 PV and one active personal distributor; Platinum asks 300 PV and 400 PV of group volume in
 * the first level, compressed past inactive distributors.
 */
class OverridesTest {
  private static final ZoneId ZONE = ZoneId.of("America/Denver");
  private static final Period NOV = Period.month(2026, 11);
  private static final Period DEC = Period.month(2026, 12);

  private static CompPlan plan(RankHold hold) {
    return CompPlan.builder("Overrides plan").zone(ZONE).volumeTypes("PV")
        .distributorActivity(ActivityRule.minimumVolume(new BigDecimal("50")))
        .rankHold(hold)
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))))
        .rank(Rank.of("GLD", "Gold", Requirement.personalVolume(new BigDecimal("200")),
            Requirement.activePersonalDistributors(1)))
        .rank(Rank.of("PLAT", "Platinum", Requirement.personalVolume(new BigDecimal("300")),
            Requirement.levelGroupVolume(new BigDecimal("400"), 1, true)))
        .build();
  }

  private static final CompPlan PLAN = plan(RankHold.none());

  /** Sam, Dana and Eve buying the given PV in November (and December, for two months). */
  private static Organisation team(int sam, int dana, int eve, int... december) {
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("D0", null, LocalDate.of(2025, 1, 1), "Sam", "sam@example.com"))
        .add(Distributor.of("D1", "D0", LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"))
        .add(Distributor.of("D2", "D1", LocalDate.of(2025, 1, 1), "Eve", "eve@example.com"));
    int[] pv = {sam, dana, eve};
    for (int d = 0; d < 3; d++) {
      order(b, "N" + d, "D" + d, NOV, pv[d]);
      if (december.length > d) {
        order(b, "X" + d, "D" + d, DEC, december[d]);
      }
    }
    return b.build();
  }

  private static void order(Organisation.Builder b, String id, String who, Period p, int pv) {
    if (pv > 0) {
      b.add(Order.byDistributor(id, who, at(p.start().plusDays(9)), BigDecimal.valueOf(pv)));
    }
  }

  private static Instant at(LocalDate day) {
    return LocalDateTime.of(day, LocalTime.NOON).atZone(ZONE).toInstant();
  }

  private static Evaluation evaluate(Organisation org, Overrides overrides) {
    return RankGauge.evaluate(org, PLAN, NOV, NOV.endInstant(ZONE), History.empty(), overrides);
  }

  @Test
  void aForcedMinimumPaysTheRankAndKeepsWhatIsQualifiedFor() {
    // Dana buys 150 PV: Silver. The company pays her as Gold this month.
    Overrides gold = Overrides.builder().minimumRank("D1", "GLD").build();
    Evaluation e = evaluate(team(0, 150, 0), gold);

    DistributorResult dana = e.result("D1");
    assertThat(dana.paidAs().code()).isEqualTo("GLD");
    assertThat(dana.qualifiedAs().code()).isEqualTo("SLV");
    assertThat(dana.held()).isEmpty();
    assertThat(dana.overrides()).containsExactly(new Overrides.MinimumRank("D1", "GLD"));
    assertThat(dana.title().code()).isEqualTo("GLD");
    assertThat(e.trace("D1").input("trace.overrides").orElseThrow().text())
        .isEqualTo("overrides: paid as at least GLD (paid as GLD Gold, qualifies for SLV Silver)");
    assertThat(e.trace("D1").paidAs().code()).isEqualTo("GLD");

    PeriodRecord record = e.periodRecords().get(1);
    assertThat(record.paidAs()).isEqualTo("GLD");
    assertThat(record.qualifiedAs()).isEqualTo("SLV");
    assertThat(record.periodsHeld()).isZero();
    assertThat(record.overridesApplied()).containsExactly("minimum_rank GLD");
    // Nobody else is touched.
    assertThat(e.result("D0").overrides()).isEmpty();
    assertThat(e.periodRecords().get(0).overridesApplied()).isEmpty();
  }

  @Test
  void aForcedMinimumBelowTheRankQualifiedForChangesNothingButIsNamed() {
    Evaluation e = evaluate(team(0, 250, 60), Overrides.builder().minimumRank("D1", "SLV").build());

    assertThat(e.paidAs("D1").code()).isEqualTo("GLD");
    assertThat(e.result("D1").qualifiedAs().code()).isEqualTo("GLD");
    assertThat(e.trace("D1").input("trace.overrides").orElseThrow().text())
        .isEqualTo("overrides: paid as at least SLV (no effect: paid as GLD Gold already)");
    assertThat(e.periodRecords().get(1).overridesApplied()).containsExactly("minimum_rank SLV");
  }

  @Test
  void aForcedRankIsLastPeriodsPaidAsRankForTheHoldNextPeriod() {
    // Under a one-month grace, December sees November's forced Gold as her last paid-as rank.
    CompPlan plan = plan(RankHold.keepPaidAs(1));
    Organisation org = team(0, 150, 0, 0, 150, 0);
    Evaluation nov = RankGauge.evaluate(org, plan, NOV, NOV.endInstant(ZONE), History.empty(),
        Overrides.builder().minimumRank("D1", "GLD").build());
    Evaluation dec = RankGauge.evaluate(org, plan, DEC, DEC.endInstant(ZONE), nov.close());

    assertThat(dec.paidAs("D1").code()).isEqualTo("GLD");
    assertThat(dec.result("D1").held()).isPresent();
    assertThat(dec.result("D1").overrides()).isEmpty();
  }

  @Test
  void aForcedMinimumEqualToTheRankHeldLeavesTheHoldCounted() {
    // Under a two-month grace: Gold in November (250 PV, Eve active), 150 PV in December, so
    // Silver qualified and Gold held, with one month of grace left. A minimum of Gold forces
    // nothing the hold does not already pay: the hold stands, and so does its count.
    CompPlan plan = plan(RankHold.keepPaidAs(2));
    Organisation org = team(0, 250, 60, 0, 150, 0);
    Evaluation nov = RankGauge.evaluate(org, plan, NOV, NOV.endInstant(ZONE));
    Evaluation dec = RankGauge.evaluate(org, plan, DEC, DEC.endInstant(ZONE), nov.close(),
        Overrides.builder().minimumRank("D1", "GLD").build());

    assertThat(dec.paidAs("D1").code()).isEqualTo("GLD");
    assertThat(dec.result("D1").held()).hasValueSatisfying(h -> {
      assertThat(h.qualifiedAs().code()).isEqualTo("SLV");
      assertThat(h.periodsHeld()).isEqualTo(1);
      assertThat(h.periodsLeft()).isEqualTo(1);
    });
    assertThat(dec.trace("D1").input("trace.overrides").orElseThrow().text())
        .isEqualTo("overrides: paid as at least GLD (no effect: paid as GLD Gold already)");
  }

  @Test
  void aWaivedRequirementCountsAsMetInTheRankTheTraceAndTheGap() {
    // Sam buys 250 PV but Dana is inactive: Gold's active-distributor requirement is waived.
    Overrides waiver = Overrides.builder().waive("D0", "GLD", 2).build();
    Evaluation without = evaluate(team(250, 10, 0), Overrides.none());
    Evaluation with = evaluate(team(250, 10, 0), waiver);

    assertThat(without.paidAs("D0").code()).isEqualTo("SLV");
    assertThat(with.paidAs("D0").code()).isEqualTo("GLD");
    assertThat(with.result("D0").qualifiedAs().code()).isEqualTo("GLD");
    assertThat(with.result("D0").overrides()).containsExactly(new Overrides.Waiver("D0", "GLD", 2));
    assertThat(with.periodRecords().get(0).overridesApplied()).containsExactly("waive GLD 2");

    Trace trace = with.trace("D0");
    assertThat(trace.input("trace.overrides").orElseThrow().text())
        .isEqualTo("overrides: requirement 2 of GLD waived (counts as met)");
    Trace.RankCheck gold = trace.ranks().get(1);
    assertThat(gold.met()).isTrue();
    RequirementStatus waived = gold.requirements().get(1);
    assertThat(waived.met()).isTrue();
    assertThat(waived.actual()).isEqualByComparingTo("0");
    assertThat(waived.note().orElseThrow().text())
        .isEqualTo("waived by an override, not met on its own: 1 to go");
    assertThat(waived.note().orElseThrow().text(java.util.Locale.forLanguageTag("es")))
        .isEqualTo("dispensado por una excepción, no se cumple por sí solo: faltan 1");
    // Without the waiver, the same requirement is what holds Sam back from Gold.
    assertThat(without.gap("D0").orElseThrow().requirements().get(1).met()).isFalse();
  }

  @Test
  void aDistributorCountedAsActiveCountsForTheirSponsor() {
    // Dana buys 10 PV, below the 50 PV activity rule; counted as active, she gives Sam Gold.
    Evaluation e = evaluate(team(250, 10, 0), Overrides.builder().countAsActive("D1").build());

    assertThat(e.isActive("D1")).isTrue();
    assertThat(e.result("D1").active()).isTrue();
    assertThat(e.result("D0").gauges().get(3).value()).isEqualByComparingTo("1");
    assertThat(e.paidAs("D0").code()).isEqualTo("GLD");
    assertThat(e.trace("D1").input("trace.overrides").orElseThrow().text())
        .isEqualTo("overrides: counted as active (active whatever the activity rule says)");
    assertThat(e.periodRecords().get(1).overridesApplied()).containsExactly("active");
  }

  @Test
  void aDistributorKeptOutOfCompressionTakesTheirLevel() {
    // Sam 300 PV; Dana inactive at 10 PV; Eve 400 PV. Compressed, Eve is Sam's first level and
    // Sam reaches Platinum; with Dana kept out of compression, Dana's 10 PV is his first level.
    Organisation org = team(300, 10, 400);
    Evaluation compressed = evaluate(org, Overrides.none());
    Evaluation kept = evaluate(org, Overrides.builder().notCompressed("D1").build());

    assertThat(compressed.paidAs("D0").code()).isEqualTo("PLAT");
    assertThat(kept.paidAs("D0").code()).isEqualTo("SLV");
    assertThat(kept.isActive("D1")).isFalse();
    assertThat(kept.trace("D1").input("trace.overrides").orElseThrow().text())
        .isEqualTo("overrides: kept out of compression (takes a level although inactive)");
    assertThat(kept.periodRecords().get(1).overridesApplied()).containsExactly("not_compressed");
  }

  @Test
  void noOverridesGivesTheEvaluationWithout() {
    Organisation org = team(250, 60, 400);
    Evaluation plain = RankGauge.evaluate(org, PLAN, NOV, NOV.endInstant(ZONE), History.empty());
    Evaluation none = evaluate(org, Overrides.none());

    assertThat(none.results()).isEqualTo(plain.results());
    assertThat(none.periodRecords()).isEqualTo(plain.periodRecords());
  }

  @Test
  void unknownDistributorsRanksAndRequirementsAreEachNamed() {
    Overrides bad = Overrides.builder()
        .minimumRank("D9", "GLD")
        .minimumRank("D1", "GOLD")
        .waive("D1", "GLD", 3)
        .waive("D1", "DIST", 1)
        .countAsActive("D2")
        .countAsActive("D2")
        .build();

    assertThatThrownBy(() -> evaluate(team(0, 0, 0), bad))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.problems()).extracting(Problem::location).containsExactly(
              "override 1 (minimum_rank GLD for D9)", "override 2 (minimum_rank GOLD for D1)",
              "override 3 (waive GLD 3 for D1)", "override 4 (waive DIST 1 for D1)",
              "override 6 (active for D2)");
          assertThat(e.problems()).extracting(p -> p.subject().kind())
              .containsOnly(Subject.Kind.OVERRIDE);
          assertThat(e.problems()).extracting(p -> p.subject().index())
              .containsExactly(0, 1, 2, 3, 5);
          assertThat(e.problems()).extracting(p -> p.subject().field())
              .containsExactly("distributorId", "rank", "requirement", "rank", "");
          assertThat(e.problems().get(0).message()).contains("found distributor D9");
          assertThat(e.problems().get(1).message())
              .contains("found rank GOLD, which plan Overrides plan does not define");
          assertThat(e.problems().get(2).message())
              .contains("found requirement 3 of GLD, which has 2 requirements; expected 1 to 2");
          assertThat(e.problems().get(4).message()).contains("(overrides 5 and 6)");
        });
  }

  @Test
  void twoMinimumRanksForOneDistributorAreRefused() {
    Overrides two = Overrides.builder().minimumRank("D1", "SLV").minimumRank("D1", "GLD").build();

    assertThatThrownBy(() -> evaluate(team(0, 0, 0), two))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found a second minimum rank GLD for distributor D1 (overrides 1"
            + " and 2)");
  }

  @Test
  void overridesHoldInALiveEvaluationThroughOrdersJoinsAndMoves() {
    Overrides overrides = Overrides.builder().minimumRank("D1", "GLD").countAsActive("D2")
        .build();
    Organisation org = team(250, 150, 0);
    LiveEvaluation live = LiveEvaluation.start(RankGauge.evaluate(org, PLAN, NOV,
        at(NOV.start().plusDays(20)), History.empty(), overrides));
    assertThat(live.snapshot().paidAs("D1").code()).isEqualTo("GLD");

    // Eve buys 20 PV: still inactive by the rule, still counted active; Dana gets an order too.
    live.apply(new LiveEvent.OrderPlaced(Order.byDistributor("L1", "D2",
        at(NOV.start().plusDays(15)), new BigDecimal("20"))));
    live.apply(new LiveEvent.OrderPlaced(Order.byDistributor("L2", "D1",
        at(NOV.start().plusDays(15)), new BigDecimal("10"))));
    live.apply(new LiveEvent.DistributorJoined(Distributor.of("D3", "D0",
        LocalDate.of(2026, 11, 16), "Finn", "finn@example.com")));
    live.apply(new LiveEvent.SponsorChanged("D2", "D0"));
    Evaluation now = live.snapshot();

    assertThat(now.paidAs("D1").code()).isEqualTo("GLD");
    assertThat(now.result("D1").qualifiedAs().code()).isEqualTo("SLV");
    assertThat(now.isActive("D2")).isTrue();
    assertThat(now.result("D2").overrides()).containsExactly(new Overrides.CountedActive("D2"));
    // Sam now sponsors Eve, counted active, and Dana, active on her own: two.
    assertThat(now.result("D0").gauges().get(3).value()).isEqualByComparingTo("2");

    Evaluation whole = RankGauge.evaluate(now.organisation(), PLAN, NOV,
        at(NOV.start().plusDays(20)), History.empty(), overrides);
    assertThat(now.results()).isEqualTo(whole.results());
  }

  @Test
  void overridesAreValues() {
    Overrides a = Overrides.builder().minimumRank("D1", "GLD").waive("D0", "GLD", 2).build();
    Overrides b = Overrides.of(List.of(new Overrides.MinimumRank("D1", "GLD"),
        new Overrides.Waiver("D0", "GLD", 2)));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.entries("D1")).containsExactly(new Overrides.MinimumRank("D1", "GLD"));
    assertThat(Overrides.of(List.of())).isSameAs(Overrides.none());
    assertThatThrownBy(() -> new Overrides.Waiver("D1", "GLD", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
  /**
   * Under a plan with a hold, in a first period (nothing held): a forced Gold pays Dana, who
   * qualifies for Silver, as Gold; for a Dana who qualifies for Gold herself (250 PV, Eve
   * active) the same override has no effect. The trace says which.
   */
  @Test
  void underAHoldAForcedMinimumIsNamedByWhatItDid() {
    CompPlan plan = plan(RankHold.keepPaidAs(2));
    Overrides gold = Overrides.builder().minimumRank("D1", "GLD").build();
    Evaluation forced = RankGauge.evaluate(team(0, 150, 0), plan, NOV, NOV.endInstant(ZONE),
        History.empty(), gold);
    Evaluation earned = RankGauge.evaluate(team(0, 250, 60), plan, NOV, NOV.endInstant(ZONE),
        History.empty(), gold);

    assertThat(forced.paidAs("D1").code()).isEqualTo("GLD");
    assertThat(forced.trace("D1").input("trace.overrides").orElseThrow().text())
        .isEqualTo("overrides: paid as at least GLD (paid as GLD Gold, qualifies for SLV Silver)");
    assertThat(earned.paidAs("D1").code()).isEqualTo("GLD");
    assertThat(earned.trace("D1").input("trace.overrides").orElseThrow().text())
        .isEqualTo("overrides: paid as at least GLD (no effect: paid as GLD Gold already)");
  }
}
