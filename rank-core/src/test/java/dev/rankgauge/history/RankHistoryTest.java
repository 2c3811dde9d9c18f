package dev.rankgauge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.HeldRank;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RankHold;
import dev.rankgauge.Requirement;
import dev.rankgauge.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Title ranks and rank hold over several months, worked by hand: Dana's personal volume month by
 * month decides what she qualifies for (SLV at 100 PV, GLD at 200, PLAT at 300), and the plan's
 * policy what she is paid as.
 */
class RankHistoryTest {
  private static final ZoneId ZONE = ZoneId.of("America/Denver");
  private static final Period SEP = Period.month(2026, 9);
  private static final Period OCT = Period.month(2026, 10);
  private static final Period NOV = Period.month(2026, 11);

  private static CompPlan.Builder ladder() {
    return CompPlan.builder("History plan").zone(ZONE).volumeTypes("PV")
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))))
        .rank(Rank.of("GLD", "Gold", Requirement.personalVolume(new BigDecimal("200"))))
        .rank(Rank.of("PLAT", "Platinum", Requirement.personalVolume(new BigDecimal("300"))));
  }

  /** Dana (D1) and her sponsor Sam (D0), Dana buying the given PV in each month from September. */
  private static Organisation dana(int... pvByMonth) {
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("D0", null, LocalDate.of(2025, 1, 1), "Sam", "sam@example.com"))
        .add(Distributor.of("D1", "D0", LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"));
    for (int m = 0; m < pvByMonth.length; m++) {
      LocalDate day = SEP.start().plusMonths(m).withDayOfMonth(10);
      b.add(Order.byDistributor("O" + m, "D1",
          LocalDateTime.of(day, java.time.LocalTime.NOON).atZone(ZONE).toInstant(),
          BigDecimal.valueOf(pvByMonth[m])));
    }
    return b.build();
  }

  /** Evaluates the months from September in turn, each with the history the one before closed. */
  private static List<Evaluation> months(CompPlan plan, Organisation org, int count) {
    List<Evaluation> out = new ArrayList<>();
    History history = History.empty();
    Period p = SEP;
    for (int i = 0; i < count; i++) {
      Evaluation e = RankGauge.evaluate(org, plan, p, p.endInstant(ZONE), history);
      out.add(e);
      history = e.close();
      p = Period.month(2026 + (8 + i + 1) / 12, (8 + i + 1) % 12 + 1);
    }
    return out;
  }

  private static String paid(Evaluation e) {
    return e.paidAs("D1").code();
  }

  @Test
  void aGoldWhoDropsToSilverKeepsGoldForTwoMonthsOfGraceAndIsThenDemoted() {
    CompPlan plan = ladder().rankHold(RankHold.keepPaidAs(2)).build();
    List<Evaluation> m = months(plan, dana(250, 120, 120, 120, 120), 5);

    assertThat(m.stream().map(RankHistoryTest::paid)).containsExactly("GLD", "GLD", "GLD", "SLV",
        "SLV");
    DistributorResult october = m.get(1).result("D1");
    assertThat(october.held()).contains(new HeldRank(plan.rank("SLV").orElseThrow(), 1, 1));
    assertThat(october.qualifiedAs().code()).isEqualTo("SLV");
    assertThat(m.get(2).result("D1").held())
        .contains(new HeldRank(plan.rank("SLV").orElseThrow(), 2, 0));
    assertThat(m.get(3).result("D1").held()).isEmpty();
    assertThat(m.get(1).trace("D1").input("trace.rankHold").orElseThrow().text())
        .isEqualTo("rank hold: GLD Gold held: qualifies for SLV Silver, last period paid as GLD Gold; held 1"
            + " period in a row, 1 period of grace left (plan: keep the last paid-as rank for 2"
            + " periods, then drop to the rank qualified for)");
    assertThat(m.get(3).trace("D1").input("trace.rankHold").orElseThrow().text())
        .isEqualTo("rank hold: ended: qualifies for SLV Silver below last period's GLD Gold after 2 periods"
            + " held, so paid as SLV Silver (plan: keep the last paid-as rank for 2 periods, then"
            + " drop to the rank qualified for)");
  }

  @Test
  void requalifyingInsideTheGraceEndsTheHoldAndAFreshDropStartsANewGrace() {
    CompPlan plan = ladder().rankHold(RankHold.keepPaidAs(1)).build();
    List<Evaluation> m = months(plan, dana(250, 120, 250, 0, 0), 5);

    assertThat(m.stream().map(RankHistoryTest::paid)).containsExactly("GLD", "GLD", "GLD", "GLD",
        "DIST");
    assertThat(m.get(2).result("D1").held()).isEmpty();
    assertThat(m.get(3).result("D1").held().orElseThrow().periodsHeld()).isEqualTo(1);
  }

  @Test
  void aStepDownPlanDropsOneRankPerMonth() {
    CompPlan plan = ladder().rankHold(RankHold.stepDown()).build();
    List<Evaluation> m = months(plan, dana(300, 0, 0, 0, 150), 5);

    assertThat(m.stream().map(RankHistoryTest::paid)).containsExactly("PLAT", "GLD", "SLV",
        "DIST", "SLV");
    assertThat(m.get(1).result("D1").held())
        .contains(new HeldRank(plan.rank("DIST").orElseThrow(), 1, 1));
    assertThat(m.get(2).result("D1").held())
        .contains(new HeldRank(plan.rank("DIST").orElseThrow(), 2, 0));
  }

  @Test
  void monthsRequalifiedForTheSameRankUseNoGrace() {
    // Gold twice, then three Silver months under two months of grace: the two Gold months are no
    // hold, so the grace covers November and December and January pays Silver.
    CompPlan plan = ladder().rankHold(RankHold.keepPaidAs(2)).build();
    List<Evaluation> m = months(plan, dana(250, 250, 120, 120, 120), 5);

    assertThat(m.stream().map(RankHistoryTest::paid)).containsExactly("GLD", "GLD", "GLD", "GLD",
        "SLV");
    assertThat(m.get(1).result("D1").held()).isEmpty();
    assertThat(m.get(3).result("D1").held())
        .contains(new HeldRank(plan.rank("SLV").orElseThrow(), 2, 0));
  }

  @Test
  void aStepDownToTheRankQualifiedForIsNoHold() {
    // Platinum, then Gold's volume: one rank down is what Dana qualifies for, so nothing is held;
    // likewise Silver after Gold. From Platinum straight to Silver's volume, Gold is held one
    // month (one rank above Silver: no step left), then Silver.
    CompPlan plan = ladder().rankHold(RankHold.stepDown()).build();
    List<Evaluation> m = months(plan, dana(300, 200, 150, 150), 4);

    assertThat(m.stream().map(RankHistoryTest::paid)).containsExactly("PLAT", "GLD", "SLV", "SLV");
    assertThat(m.get(1).result("D1").held()).isEmpty();

    List<Evaluation> fromPlatinum = months(plan, dana(300, 150, 150), 3);
    assertThat(fromPlatinum.stream().map(RankHistoryTest::paid))
        .containsExactly("PLAT", "GLD", "SLV");
    assertThat(fromPlatinum.get(1).result("D1").held())
        .contains(new HeldRank(plan.rank("SLV").orElseThrow(), 1, 0));
  }

  @Test
  void withoutAHoldPolicyADistributorIsPaidAsWhatTheyQualifyFor() {
    CompPlan plan = ladder().build();
    List<Evaluation> m = months(plan, dana(300, 120), 2);

    assertThat(m.stream().map(RankHistoryTest::paid)).containsExactly("PLAT", "SLV");
    assertThat(m.get(1).result("D1").held()).isEmpty();
    assertThat(m.get(1).trace("D1").input("trace.rankHold").orElseThrow().text())
        .isEqualTo("rank hold: ended: qualifies for SLV Silver below last period's PLAT Platinum, so paid"
            + " as SLV Silver (plan: no grace: paid as the rank qualified for)");
  }

  @Test
  void theTitleIsTheHighestRankEverPaidAndNeverGoesDown() {
    CompPlan plan = ladder().rankHold(RankHold.keepPaidAs(1)).build();
    List<Evaluation> m = months(plan, dana(120, 300, 0, 0, 250), 5);

    assertThat(m.stream().map(e -> e.title("D1").code()))
        .containsExactly("SLV", "PLAT", "PLAT", "PLAT", "PLAT");
    assertThat(m.get(3).result("D1").title().code()).isEqualTo("PLAT");
    assertThat(m.get(3).paidAs("D1").code()).isEqualTo("DIST");
    assertThat(m.get(3).trace("D1").input("trace.titleRank").orElseThrow().text())
        .isEqualTo("title rank: PLAT Platinum (highest paid-as rank; title before PLAT Platinum, this period"
            + " DIST Distributor)");
  }

  @Test
  void aPlanCountingTitlesExplainsThemFromTheFirstPeriodAndOtherPlansDoNot() {
    // Sam's only leg is Dana, a Silver with 120 PV; Diamond asks for one such leg, counted by
    // title in one plan and by paid-as rank in the other. No history, no titles from the host.
    Organisation org = dana(120);
    CompPlan byTitle = ladder()
        .rank(Rank.of("DIA", "Diamond", Requirement.legsWithRank(1, "SLV").byTitle())).build();
    CompPlan byPaidAs = ladder()
        .rank(Rank.of("DIA", "Diamond", Requirement.legsWithRank(1, "SLV"))).build();

    Evaluation titles = RankGauge.evaluate(org, byTitle, SEP, SEP.endInstant(ZONE));
    Evaluation paid = RankGauge.evaluate(org, byPaidAs, SEP, SEP.endInstant(ZONE));

    assertThat(titles.paidAs("D0").code()).isEqualTo("DIA");
    assertThat(titles.trace("D0").input("trace.titleRank").orElseThrow().text())
        .isEqualTo("title rank: DIA Diamond (highest paid-as rank; no earlier title, this period"
            + " DIA Diamond)");
    assertThat(paid.paidAs("D0").code()).isEqualTo("DIA");
    assertThat(paid.title("D0").code()).isEqualTo("DIA");
    assertThat(paid.trace("D0").input("trace.titleRank")).as("nothing reads or gives a title")
        .isEmpty();
  }

  @Test
  void aQualifiedTitleLeavesOutRanksOnlyHeld() {
    // October, from the company's earlier system: Gold held while qualifying for Silver.
    History october = History.of(List.of(new PeriodRecord(OCT, "D1", "GLD", "SLV", "SLV",
        new BigDecimal("120"), new BigDecimal("120"), 0, 0, 1)));
    Organisation org = dana(0, 0, 120);
    CompPlan.Builder plan = ladder().rankHold(RankHold.keepPaidAs(2));

    Evaluation qualified = RankGauge.evaluate(org,
        plan.titleRank(CompPlan.TitleRank.HIGHEST_QUALIFIED).build(), NOV, NOV.endInstant(ZONE),
        october);
    Evaluation paid = RankGauge.evaluate(org,
        plan.titleRank(CompPlan.TitleRank.HIGHEST_PAID_AS).build(), NOV, NOV.endInstant(ZONE),
        october);

    assertThat(qualified.paidAs("D1").code()).isEqualTo("GLD");
    assertThat(qualified.title("D1").code()).isEqualTo("SLV");
    assertThat(paid.title("D1").code()).isEqualTo("GLD");
    assertThat(qualified.trace("D1").input("trace.titleRank").orElseThrow().text())
        .isEqualTo("title rank: SLV Silver (highest rank qualified for; title before SLV Silver, this period"
            + " SLV Silver)");
  }

  @Test
  void aSponsorCountsTheHeldRankOfTheirDistributor() {
    CompPlan plan = ladder().rankHold(RankHold.keepPaidAs(1))
        .rank(Rank.of("DIA", "Diamond", Requirement.sponsoredWithRank(1, "GLD"))).build();
    List<Evaluation> m = months(plan, dana(250, 120), 2);

    assertThat(m.get(1).paidAs("D1").code()).isEqualTo("GLD");
    assertThat(m.get(1).paidAs("D0").code()).isEqualTo("DIA");
  }

  @Test
  void closingRecordsEveryDistributorsStanding() {
    CompPlan plan = ladder().rankHold(RankHold.keepPaidAs(2)).build();
    List<Evaluation> m = months(plan, dana(250, 120), 2);
    History closed = m.get(1).close();

    assertThat(closed.periods()).containsExactly(SEP.close(), OCT.close());
    assertThat(closed.record(OCT, "D1")).contains(new PeriodRecord(OCT, "D1", "GLD", "SLV", "GLD",
        new BigDecimal("120.000000"), new BigDecimal("120.000000"), 0, 0, 1));
    assertThat(closed.records("D1")).extracting(PeriodRecord::paidAs).containsExactly("GLD", "GLD");
    assertThat(m.get(1).periodRecords()).hasSize(2);
    assertThat(m.get(1).history().periods()).containsExactly(SEP.close());
  }

  @Test
  void closingAPeriodTwiceOrOutOfOrderIsRefused() {
    CompPlan plan = ladder().build();
    Organisation org = dana(250, 120, 120);
    History september = RankGauge.evaluate(org, plan, SEP, SEP.endInstant(ZONE), History.empty())
        .close();

    assertThatThrownBy(() -> september.append(september.records(SEP)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found period 2026-09, which is closed already; expected 2026-10 next");
    Evaluation november = RankGauge.evaluate(org, plan, NOV, NOV.endInstant(ZONE));
    assertThatThrownBy(() -> september.append(november.periodRecords()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found period 2026-11, which leaves a gap after the last closed"
            + " period 2026-09; expected 2026-10 next");
    History twoMonths = september.append(RankGauge.evaluate(org, plan, OCT, OCT.endInstant(ZONE),
        september).periodRecords());
    Evaluation againSeptember = RankGauge.evaluate(org, plan, SEP, SEP.endInstant(ZONE));
    assertThatThrownBy(() -> twoMonths.append(againSeptember.periodRecords()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found period 2026-09, which is before the last closed period"
            + " 2026-10; expected 2026-11 next (periods are closed in order)");
  }

  @Test
  void anEvaluationNeedsTheHistoryUpToTheDayBeforeItsPeriod() {
    CompPlan plan = ladder().build();
    Organisation org = dana(250, 120, 120);
    History september = RankGauge.evaluate(org, plan, SEP, SEP.endInstant(ZONE), History.empty())
        .close();

    assertThatThrownBy(() -> RankGauge.evaluate(org, plan, NOV, NOV.endInstant(ZONE), september))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found a history ending with 2026-09, which leaves a gap before 2026-11");
    assertThatThrownBy(() -> RankGauge.evaluate(org, plan, SEP, SEP.endInstant(ZONE), september))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found a history holding 2026-09 or a later period");
    assertThat(RankGauge.evaluate(org, plan, SEP, SEP.endInstant(ZONE), september.before(SEP))
        .paidAs("D1").code()).isEqualTo("GLD");
  }

  @Test
  void aHistoryNamingRanksThePlanDoesNotDefineIsRefusedNamingEachRecord() {
    History foreign = History.of(List.of(
        new PeriodRecord(OCT, "D1", "GOLD", "GOLD", "GOLD", BigDecimal.ONE, BigDecimal.ONE, 0, 0,
            0),
        new PeriodRecord(OCT, "D0", "DIST", "DIST", "RUBY", BigDecimal.ONE, BigDecimal.ONE, 0, 0,
            0)));

    assertThatThrownBy(() -> RankGauge.evaluate(dana(), ladder().build(), NOV,
        NOV.endInstant(ZONE), foreign))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("distributor D1 in period 2026-10: found rank GOLD as paidAs, which"
            + " plan History plan does not define; expected one of: DIST, SLV, GLD, PLAT")
        .hasMessageContaining("distributor D0 in period 2026-10: found rank RUBY as title")
        .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(4));
  }

  @Test
  void aHistoryOfRecordsWithAGapOrADistributorTwiceIsRefusedWithEveryProblem() {
    PeriodRecord sep = new PeriodRecord(SEP, "D1", "DIST", "DIST", "DIST", BigDecimal.ZERO,
        BigDecimal.ZERO, 0, 0, 0);
    PeriodRecord nov = new PeriodRecord(NOV, "D1", "DIST", "DIST", "DIST", BigDecimal.ZERO,
        BigDecimal.ZERO, 0, 0, 0);

    assertThatThrownBy(() -> History.of(List.of(sep, nov, nov)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("record 2 (distributor D1, period 2026-11): found period 2026-11,"
            + " which leaves a gap after 2026-09")
        .hasMessageContaining("record 3 (distributor D1, period 2026-11): found distributor D1"
            + " again in 2026-11 (records 2 and 3)");
    PeriodRecord oct = new PeriodRecord(OCT, "D1", "DIST", "DIST", "DIST", BigDecimal.ZERO,
        BigDecimal.ZERO, 0, 0, 0);
    assertThat(History.of(List.of(oct, sep)).periods()).containsExactly(SEP.close(), OCT.close());
  }

  @Test
  void aRecordIsHeldExactlyWhenItsPaidAsAndQualifiedRanksDiffer() {
    assertThatThrownBy(() -> new PeriodRecord(OCT, "D1", "GLD", "SLV", "GLD", BigDecimal.ONE,
        BigDecimal.ONE, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found paid as GLD, qualified as SLV and held for 0 periods");
    assertThat(new PeriodRecord(OCT, "D1", "GLD", "SLV", "GLD", BigDecimal.ONE, BigDecimal.ONE, 0,
        0, 2).held()).isTrue();
    assertThat(Optional.of(new PeriodRecord(OCT, "D1", "GLD", "GLD", "GLD", BigDecimal.ONE,
        BigDecimal.ONE, 0, 0, 0)).map(PeriodRecord::period)).contains(OCT.close());
  }
  /**
   * What the trace says of the hold at its edges: under a hold, a Gold who is Gold again needs
   * none; without one, a Gold who stays Gold has nothing to say and one who drops to Silver is
   * paid as Silver; a title held at the entry rank is a title before.
   */
  @Test
  void theTraceExplainsAHoldNotNeededAndATitleAtTheEntryRank() {
    CompPlan kept = ladder().rankHold(RankHold.keepPaidAs(2)).build();
    assertThat(months(kept, dana(250, 250), 2).get(1).trace("D1").input("trace.rankHold")
        .orElseThrow().text())
        .isEqualTo("rank hold: none needed: qualifies for GLD Gold, last period paid as GLD Gold"
            + " (plan: keep the last paid-as rank for 2 periods, then drop to the rank qualified"
            + " for)");

    CompPlan none = ladder().build();
    assertThat(months(none, dana(250, 250), 2).get(1).trace("D1").input("trace.rankHold"))
        .isEmpty();
    assertThat(months(none, dana(250, 120), 2).get(1).trace("D1").input("trace.rankHold")
        .orElseThrow().text()).isEqualTo("rank hold: ended: qualifies for SLV Silver below last"
            + " period's GLD Gold, so paid as SLV Silver (plan: no grace: paid as the rank"
            + " qualified for)");

    // September as a Distributor (50 PV), October as a Silver (120 PV)
    List<Evaluation> titled = months(ladder()
        .rank(Rank.of("DIA", "Diamond", Requirement.legsWithRank(1, "SLV").byTitle())).build(),
        dana(50, 120), 2);
    assertThat(titled.get(1).trace("D1").input("trace.titleRank").orElseThrow().text())
        .isEqualTo("title rank: SLV Silver (highest paid-as rank; title before DIST Distributor,"
            + " this period SLV Silver)");
  }
}
