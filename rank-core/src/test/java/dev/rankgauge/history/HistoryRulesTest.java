package dev.rankgauge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.ValidationException;
import dev.rankgauge.spi.RuleOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Requirements over several periods, worked by hand. Dana (D1, sponsored by Sam, D0) buys the
 * given PV each month from August 2026; the months are evaluated in turn, each with the history
 * of the months before it. Silver asks 100 PV, Gold 200.
 */
class HistoryRulesTest {
  private static final ZoneId ZONE = ZoneId.of("America/Denver");
  private static final Period AUGUST = Period.month(2026, 8);

  private static CompPlan.Builder ladder(Rank... above) {
    CompPlan.Builder b = CompPlan.builder("History rules").zone(ZONE).volumeTypes("PV")
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))))
        .rank(Rank.of("GLD", "Gold", Requirement.personalVolume(new BigDecimal("200"))));
    for (Rank r : above) {
      b.rank(r);
    }
    return b;
  }

  private static Organisation dana(LocalDate joined, int... pvByMonth) {
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("D0", null, LocalDate.of(2020, 1, 1), "Sam", "sam@example.com"))
        .add(Distributor.of("D1", "D0", joined, "Dana", "dana@example.com"));
    for (int m = 0; m < pvByMonth.length; m++) {
      LocalDate day = AUGUST.start().plusMonths(m).withDayOfMonth(10);
      b.add(Order.byDistributor("O" + m, "D1", LocalDateTime.of(day, LocalTime.NOON)
          .atZone(ZONE).toInstant(), BigDecimal.valueOf(pvByMonth[m])));
    }
    return b.build();
  }

  /** Every month from August in turn; the last evaluation is returned. */
  private static List<Evaluation> months(CompPlan plan, Organisation org, int count) {
    List<Evaluation> out = new ArrayList<>();
    History history = History.empty();
    for (int i = 0; i < count; i++) {
      Period p = Period.month(AUGUST.start().plusMonths(i).getYear(),
          AUGUST.start().plusMonths(i).getMonthValue());
      Evaluation e = RankGauge.evaluate(org, plan, p, p.endInstant(ZONE), history);
      out.add(e);
      history = e.close();
    }
    return out;
  }

  private static List<String> paid(List<Evaluation> months) {
    return months.stream().map(e -> e.paidAs("D1").code()).toList();
  }

  @Test
  void directorAsksForSilverThreeMonthsInARowThisOneIncluded() {
    CompPlan plan = ladder(Rank.of("DIR", "Director",
        Requirement.paidAsInRow(3, "SLV", true),
        Requirement.personalVolume(new BigDecimal("200")))).build();
    // Silver, Gold, Gold: three in a row by November, Gold's volume too.
    assertThat(paid(months(plan, dana(LocalDate.of(2025, 1, 1), 0, 120, 250, 250), 4)))
        .containsExactly("DIST", "SLV", "GLD", "DIR");
    // A gap in September: November is only the second month in a row.
    List<Evaluation> broken = months(plan, dana(LocalDate.of(2025, 1, 1), 120, 0, 250, 250), 4);
    assertThat(paid(broken)).containsExactly("SLV", "DIST", "GLD", "GLD");
    RequirementStatus row = broken.get(3).result("D1").gap().orElseThrow().requirements().get(0);
    assertThat(row.description()).isEqualTo("paid as SLV or higher 3 periods in a row, ending"
        + " with this one");
    assertThat(row.actual()).isEqualByComparingTo("2");
    assertThat(row.note().orElseThrow().text()).isEqualTo("this period yes, 2026-10 yes, 2026-09 no");
  }

  @Test
  void twoOfTheLastThreeClosedMonths() {
    CompPlan plan = ladder(Rank.of("DIR", "Director",
        Requirement.paidAsInPeriods(2, 3, "GLD", false))).build();
    List<Evaluation> m = months(plan, dana(LocalDate.of(2025, 1, 1), 250, 0, 250, 0), 4);
    // November looks back at October (GLD), September (DIST) and August (GLD): two of three.
    assertThat(paid(m)).containsExactly("GLD", "DIST", "GLD", "DIR");
  }

  @Test
  void volumeAccumulatedOverThreeMonthsWithAMinimumInEach() {
    CompPlan plan = ladder(Rank.of("DIR", "Director", Requirement.accumulatedVolume(
        new BigDecimal("600"), 3, Optional.of(new BigDecimal("100"))))).build();
    assertThat(paid(months(plan, dana(LocalDate.of(2025, 1, 1), 150, 150, 300), 3)))
        .containsExactly("SLV", "SLV", "DIR");
    List<Evaluation> thin = months(plan, dana(LocalDate.of(2025, 1, 1), 450, 50, 300), 3);
    assertThat(paid(thin)).containsExactly("GLD", "DIST", "GLD");
    RequirementStatus s = thin.get(2).result("D1").gap().orElseThrow().requirements().get(0);
    assertThat(s.actual()).isEqualByComparingTo("800");
    assertThat(s.note().orElseThrow().text()).isEqualTo("1 period below 100 each");
  }

  /**
   * A top rank no one reaches that keeps four closed periods of history: a requirement with a
   * shorter window must still read its own periods only.
   */
  private static final Rank CROWN = Rank.of("CRN", "Crown", Requirement.accumulatedVolume(
      new BigDecimal("1000000"), 5, Optional.empty()));

  /** Dana's first requirement of a rank in one month's trace. */
  private static RequirementStatus status(Evaluation e, String rank) {
    return e.trace("D1").ranks().stream().filter(c -> c.rank().code().equals(rank)).findFirst()
        .orElseThrow().requirements().get(0);
  }

  @Test
  void accumulatedVolumeReadsOnlyItsOwnWindowAndAMonthAtTheMinimumCounts() {
    CompPlan plan = ladder(Rank.of("DIR", "Director", Requirement.accumulatedVolume(
        new BigDecimal("450"), 3, Optional.of(new BigDecimal("100")))), CROWN).build();
    // August 400, September 100, October 250, November 100. November's window is September to
    // November: 100 + 250 + 100 = 450 exactly, two months exactly at the minimum of 100. August's
    // 400 is outside it, though the Crown keeps August in the history.
    List<Evaluation> m = months(plan, dana(LocalDate.of(2025, 1, 1), 400, 100, 250, 100), 4);

    assertThat(paid(m)).containsExactly("GLD", "SLV", "DIR", "DIR");
    RequirementStatus november = status(m.get(3), "DIR");
    assertThat(november.actual()).isEqualByComparingTo("450");
    assertThat(november.met()).isTrue();
    assertThat(november.note()).isEmpty();
    // September's window holds July, before the history: 0 PV, below the minimum.
    RequirementStatus september = status(m.get(1), "DIR");
    assertThat(september.actual()).isEqualByComparingTo("500");
    assertThat(september.note().orElseThrow().text()).isEqualTo("1 period below 100 each");
  }

  @Test
  void adviceForAccumulatedVolumeAsksForWhatTheWindowMissesWhenEveryClosedMonthHasTheMinimum() {
    CompPlan plan = ladder(Rank.of("DIR", "Director", Requirement.accumulatedVolume(
        new BigDecimal("700"), 3, Optional.of(new BigDecimal("100")))), CROWN).build();
    // August 50 (outside November's window), September exactly the minimum of 100, October and
    // November 250: 600 of 700 in the window, so Gold Dana needs 100 PV more for Director.
    List<Evaluation> m = months(plan, dana(LocalDate.of(2025, 1, 1), 50, 100, 250, 250), 4);

    assertThat(paid(m)).containsExactly("DIST", "SLV", "GLD", "GLD");
    dev.rankgauge.Advice a = m.get(3).advice("D1").orElseThrow();
    assertThat(a.rank().code()).isEqualTo("DIR");
    assertThat(a.steps()).singleElement().satisfies(s -> {
      assertThat(s.kind()).isEqualTo(dev.rankgauge.AdviceStep.Kind.PERSONAL_VOLUME);
      assertThat(s.volume()).isEqualByComparingTo("100");
    });
  }

  @Test
  void adviceNamesPaidAsInClosedPeriodsOutOfReachWhenTheWindowHasTooFew() {
    CompPlan plan = ladder(Rank.of("DIR", "Director",
        Requirement.paidAsInPeriods(2, 3, "GLD", false),
        Requirement.personalVolume(new BigDecimal("200"))), CROWN).build();
    // Gold in August, September and December. December's window, September to November, holds
    // one Gold month of the two: nothing done in December mends it, and August, Gold too, is
    // outside the window though the Crown keeps it.
    List<Evaluation> m = months(plan, dana(LocalDate.of(2025, 1, 1), 250, 250, 0, 0, 250), 5);

    assertThat(paid(m)).containsExactly("GLD", "GLD", "DIST", "DIST", "GLD");
    dev.rankgauge.Advice a = m.get(4).advice("D1").orElseThrow();
    assertThat(a.rank().code()).isEqualTo("DIR");
    assertThat(a.complete()).isFalse();
    assertThat(a.steps()).extracting(dev.rankgauge.AdviceStep::kind)
        .containsExactly(dev.rankgauge.AdviceStep.Kind.OUT_OF_REACH);
  }

  @Test
  void paidAsInPeriodsCountsOnlyItsOwnWindow() {
    CompPlan plan = ladder(Rank.of("DIR", "Director",
        Requirement.paidAsInPeriods(2, 3, "GLD", false)), CROWN).build();
    // Gold in August and October; Director in November (two of August to October) and in
    // December (November and October; September was not).
    List<Evaluation> m = months(plan, dana(LocalDate.of(2025, 1, 1), 250, 0, 250, 0, 0), 5);

    assertThat(paid(m)).containsExactly("GLD", "DIST", "GLD", "DIR", "DIR");
    RequirementStatus november = status(m.get(3), "DIR");
    assertThat(november.actual()).isEqualByComparingTo("2");
    assertThat(november.note().orElseThrow().text()).isEqualTo("2026-10 yes, 2026-09 no, 2026-08 yes");
    // In September the history holds August only: the window's older months are named missing.
    assertThat(status(m.get(1), "DIR").note().orElseThrow().text())
        .isEqualTo("2026-08 yes, no period 2 back, no period 3 back");
    RequirementStatus december = status(m.get(4), "DIR");
    assertThat(december.actual()).isEqualByComparingTo("2");
    assertThat(december.note().orElseThrow().text()).isEqualTo("2026-11 yes, 2026-10 yes, 2026-09 no");
  }

  @Test
  void aRowIsBrokenByAGapEvenWithAnEarlierQualifyingMonthInTheHistory() {
    CompPlan plan = ladder(Rank.of("DIR", "Director",
        Requirement.paidAsInRow(3, "SLV", true)), CROWN).build();
    // Silver in August, nothing in September, Gold in October and November: November is the
    // second month in a row, and August before the gap does not mend it.
    List<Evaluation> m = months(plan, dana(LocalDate.of(2025, 1, 1), 120, 0, 250, 250), 4);

    assertThat(paid(m)).containsExactly("SLV", "DIST", "GLD", "GLD");
    RequirementStatus november = status(m.get(3), "DIR");
    assertThat(november.actual()).isEqualByComparingTo("2");
    assertThat(november.note().orElseThrow().text()).isEqualTo("this period yes, 2026-10 yes, 2026-09 no");
    // Silver in September, Gold in October: November is the third month in a row.
    List<Evaluation> row = months(plan, dana(LocalDate.of(2025, 1, 1), 0, 120, 250, 250), 4);
    assertThat(paid(row)).containsExactly("DIST", "SLV", "GLD", "DIR");
  }

  @Test
  void aFastStartRankIsForDistributorsWhoJoinedWithinSixtyDays() {
    CompPlan plan = ladder(Rank.of("FS", "Fast start", Requirement.joinedWithinDays(60),
        Requirement.personalVolume(new BigDecimal("200")))).build();
    // August: joined 1 July, 61 days before 31 August; still Gold. A later joiner is Fast start.
    List<Evaluation> early = months(plan, dana(LocalDate.of(2026, 7, 1), 250), 1);
    assertThat(paid(early)).containsExactly("GLD");
    assertThat(status(early.get(0), "FS").actual())
        .isEqualByComparingTo("0");
    List<Evaluation> late = months(plan, dana(LocalDate.of(2026, 7, 2), 250), 1);
    assertThat(paid(late)).containsExactly("FS");
    assertThat(late.get(0).trace("D1").ranks().get(2).requirements().get(0).note().orElseThrow().text())
        .isEqualTo("joined 2026-07-02, 60 days before the period's last day");
  }

  @Test
  void thisPeriodMustNameARankBelowTheOneThatAsks() {
    assertThatThrownBy(() -> ladder(Rank.of("DIR", "Director",
        Requirement.paidAsInRow(2, "DIR", true))).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found rank DIR, which is not below rank DIR; expected a lower rank"
            + " when this period counts");
    assertThat(ladder(Rank.of("DIR", "Director", Requirement.paidAsInRow(2, "DIR", false)))
        .build().ranks()).hasSize(4);
  }

  @Test
  void hostRulesReadTheHistoryThroughTheirContext() {
    // "paid as Gold in the last closed period", written by a host.
    Requirement lastGold = Requirement.host("lastGold", Map.of(), ctx -> {
      int gold = ctx.history().lastPeriod().flatMap(p -> ctx.history()
          .record(p, ctx.distributor().id())).filter(r -> r.paidAs().equals("GLD")).isPresent()
          ? 1 : 0;
      return RuleOutcome.atLeast(gold, 1, gold == 1 ? "Gold last period" : "not Gold last period");
    });
    CompPlan plan = ladder(Rank.of("DIR", "Director", lastGold,
        Requirement.personalVolume(new BigDecimal("100")))).build();
    assertThat(paid(months(plan, dana(LocalDate.of(2025, 1, 1), 250, 120), 2)))
        .containsExactly("GLD", "DIR");
    History imported = History.of(List.of(new PeriodRecord(AUGUST, "D1", "GLD", "GLD", "GLD",
        BigDecimal.TEN, BigDecimal.TEN, 0, 0, 0)));
    Period september = Period.month(2026, 9);
    assertThat(RankGauge.evaluate(dana(LocalDate.of(2025, 1, 1), 0, 120), plan, september,
        september.endInstant(ZONE), imported).paidAs("D1").code()).isEqualTo("DIR");
  }

  @Test
  void aSponsorCountsTheRanksTheirDistributorsWerePaidAsLastPeriod() {
    CompPlan plan = CompPlan.builder("Last period").zone(ZONE).volumeTypes("PV")
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))))
        .rank(Rank.of("LDR", "Leader",
            Requirement.legsWithRank(1, "SLV").frontLine().byLastPeriod()))
        .build();
    // Dana was Silver in August and buys nothing in September: Sam leads in September only.
    List<Evaluation> m = months(plan, dana(LocalDate.of(2025, 1, 1), 120, 0), 2);
    assertThat(m.stream().map(e -> e.paidAs("D0").code())).containsExactly("DIST", "LDR");
    assertThat(m.get(1).trace("D0").ranks().get(1).requirements().get(0).description())
        .isEqualTo("1 leg with someone at SLV or higher on the front line (rank last period)");
  }

  @Test
  void theRulesOverSeveralPeriodsReadInEnglishAndSpanish() {
    java.util.Locale es = java.util.Locale.forLanguageTag("es");
    Requirement row = Requirement.paidAsInRow(3, "SLV", true);
    Requirement some = Requirement.paidAsInPeriods(2, 3, "GLD", false);
    Requirement volume = Requirement.accumulatedVolume(new BigDecimal("1200"), 3,
        Optional.of(new BigDecimal("100")));
    Requirement fast = Requirement.joinedWithinDays(60);
    assertThat(List.of(row, some, volume, fast)).extracting(q -> q.describe("PV")).containsExactly(
        "paid as SLV or higher 3 periods in a row, ending with this one",
        "paid as GLD or higher in 2 of the last 3 periods, before this one",
        "at least 1200 personal PV over the last 3 periods, at least 100 in each",
        "joined within 60 days of the period's end");
    assertThat(List.of(row, some, volume, fast)).extracting(q -> q.describe("PV", es))
        .containsExactly(
            "pagado como SLV o superior 3 periodos seguidos, hasta este periodo incluido",
            "pagado como GLD o superior en 2 de los últimos 3 periodos, antes de este periodo",
            "al menos 1.200 PV personales en los últimos 3 periodos, al menos 100 en cada uno",
            "incorporado en los 60 días antes del fin del periodo");
    assertThat(Requirement.accumulatedVolume(BigDecimal.TEN, 1, Optional.empty()).describe("PV"))
        .isEqualTo("at least 10 personal PV over this period");
  }
}
