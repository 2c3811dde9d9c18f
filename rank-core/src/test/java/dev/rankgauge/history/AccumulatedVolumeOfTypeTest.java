package dev.rankgauge.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Accumulated volume of a type other than the qualifying one, worked by hand. The plan ranks by
 * PV; Executive asks 900 BV over four months (this one and three closed), at least 100 BV in each.
 * Dana (D1, sponsored by Sam, D0) buys once a month from August 2026, 150 PV each time and the
 * given BV; the months are evaluated in turn, each closed into the history of the next.
 */
class AccumulatedVolumeOfTypeTest {
  private static final ZoneId ZONE = ZoneId.of("America/Denver");
  private static final Period AUGUST = Period.month(2026, 8);
  private static final Period NOVEMBER = Period.month(2026, 11);

  private static final CompPlan PLAN = CompPlan.builder("PV ranks, BV over time").zone(ZONE)
      .volumeTypes("PV", "BV").qualifyingVolumeType("PV")
      .rank(Rank.of("DIST", "Distributor"))
      .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))))
      .rank(Rank.of("EXE", "Executive", Requirement.accumulatedVolume(new BigDecimal("900"), 4,
          Optional.of(new BigDecimal("100")), "BV")))
      .build();

  private static Order order(int month, String bv) {
    LocalDate day = AUGUST.start().plusMonths(month).withDayOfMonth(10);
    return new Order("O" + month, BuyerType.DISTRIBUTOR, "D1",
        LocalDateTime.of(day, LocalTime.NOON).atZone(ZONE).toInstant(), OrderStatus.PAID,
        Map.of("PV", new BigDecimal("150"), "BV", new BigDecimal(bv)), BigDecimal.TEN);
  }

  private static Organisation.Builder people() {
    return Organisation.builder()
        .add(Distributor.of("D0", null, LocalDate.of(2020, 1, 1), "Sam", "sam@example.com"))
        .add(Distributor.of("D1", "D0", LocalDate.of(2025, 1, 1), "Dana", "dana@example.com"));
  }

  private static Organisation dana(String... bvByMonth) {
    Organisation.Builder b = people();
    for (int m = 0; m < bvByMonth.length; m++) {
      b.add(order(m, bvByMonth[m]));
    }
    return b.build();
  }

  /** Every month from August in turn, each with the history the ones before it closed. */
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

  private static RequirementStatus executive(Evaluation e) {
    return e.trace("D1").ranks().stream().filter(c -> c.rank().code().equals("EXE"))
        .findFirst().orElseThrow().requirements().get(0);
  }

  @Test
  void nineHundredBvOverFourMonthsIsMetOnlyWithEnoughBv() {
    // 300 + 200 + 100 + 350 = 950 BV from August to November: Executive in November. The PV,
    // 600 over the same months, is not what the requirement reads.
    List<Evaluation> met = months(PLAN, dana("300", "200", "100", "350"), 4);
    assertThat(met.stream().map(e -> e.paidAs("D1").code()))
        .containsExactly("SLV", "SLV", "SLV", "EXE");
    RequirementStatus s = executive(met.get(3));
    assertThat(s.met()).isTrue();
    assertThat(s.actual()).isEqualByComparingTo("950");
    assertThat(s.description())
        .isEqualTo("at least 900 personal BV over the last 4 periods, at least 100 in each");

    // 250 BV in November: 850 of 900, Silver only.
    List<Evaluation> short50 = months(PLAN, dana("300", "200", "100", "250"), 4);
    assertThat(short50.get(3).paidAs("D1").code()).isEqualTo("SLV");
    RequirementStatus gap = short50.get(3).result("D1").gap().orElseThrow().requirements()
        .get(0);
    assertThat(gap.met()).isFalse();
    assertThat(gap.actual()).isEqualByComparingTo("850");
    assertThat(gap.required()).isEqualByComparingTo("900");

    // 1,000 BV in total, but September's 50 is below the 100 of each month.
    List<Evaluation> thin = months(PLAN, dana("300", "50", "300", "350"), 4);
    assertThat(thin.get(3).paidAs("D1").code()).isEqualTo("SLV");
    assertThat(executive(thin.get(3)).actual()).isEqualByComparingTo("1000");
    assertThat(executive(thin.get(3)).note().orElseThrow().text())
        .isEqualTo("1 period below 100 each");
  }

  @Test
  void aClosedPeriodKeepsEachTypeThePlanReads() {
    History closed = months(PLAN, dana("300", "200", "100"), 3).get(2).close();
    PeriodRecord september = closed.record(Period.month(2026, 9), "D1").orElseThrow();
    assertThat(september.personalSales()).isEqualByComparingTo("150");
    assertThat(september.personalVolumes()).containsOnlyKeys("BV");
    assertThat(september.personalVolumes().get("BV")).isEqualByComparingTo("200");
    // Sam bought nothing: 0 BV, not a missing figure.
    assertThat(closed.record(Period.month(2026, 9), "D0").orElseThrow().personalVolumes()
        .get("BV")).isEqualByComparingTo("0");

    // A plan of one type closes no other: the records are what they were before types.
    CompPlan pvOnly = CompPlan.builder("PV only").zone(ZONE).volumeTypes("PV")
        .rank(Rank.of("DIST", "Distributor")).build();
    assertThat(RankGauge.evaluate(dana("300"), pvOnly, AUGUST, AUGUST.endInstant(ZONE))
        .periodRecords()).allSatisfy(r -> assertThat(r.personalVolumes()).isEmpty());
  }

  /** D1's record of a month with the given BV, in a history written by hand. */
  private static PeriodRecord record(int month, String pv, String bv) {
    Period p = Period.month(AUGUST.start().plusMonths(month).getYear(),
        AUGUST.start().plusMonths(month).getMonthValue());
    Map<String, BigDecimal> typed = new LinkedHashMap<>();
    if (bv != null) {
      typed.put("BV", new BigDecimal(bv));
    }
    return new PeriodRecord(p, "D1", "SLV", "SLV", "SLV", new BigDecimal(pv),
        new BigDecimal(pv), 0, 0, 0, List.of(), typed);
  }

  @Test
  void aHistoryGivenByTheHostIsReadByType() {
    // The host's records: August 300 BV, September 200.25, October 100 (PV 999 each month,
    // which a PV requirement would count and this one must not).
    History history = History.of(List.of(record(0, "999", "300"), record(1, "999", "200.25"),
        record(2, "999", "100")));
    Organisation org = people().add(order(3, "299.75")).build();
    Evaluation november = RankGauge.evaluate(org, PLAN, NOVEMBER, NOVEMBER.endInstant(ZONE),
        history);
    // 300 + 200.25 + 100 + 299.75 = 900 exactly.
    assertThat(november.paidAs("D1").code()).isEqualTo("EXE");
    assertThat(executive(november).actual()).isEqualByComparingTo("900");
  }

  @Test
  void aHistoryWithoutTheTypeIsRefusedNamingEachPeriodThatLacksIt() {
    // August and October were closed before histories kept BV; September has it.
    History history = History.of(List.of(record(0, "150", null), record(1, "150", "200"),
        record(2, "150", null)));
    Organisation org = people().add(order(3, "350")).build();
    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(org, PLAN, NOVEMBER, NOVEMBER.endInstant(ZONE), history));
    assertThat(x.problems()).extracting(Problem::toString).containsExactly(
        "period 2026-10: found closed period 2026-10 holding no personal volume of type BV,"
            + " which plan PV ranks, BV over time reads over the last 3 closed periods"
            + " (accumulatedVolume of BV); expected each of those periods to hold BV for every"
            + " distributor (a period written before histories held other types than the"
            + " qualifying one, or closed by a plan that read no BV, lacks it)",
        "period 2026-08: found closed period 2026-08 holding no personal volume of type BV,"
            + " which plan PV ranks, BV over time reads over the last 3 closed periods"
            + " (accumulatedVolume of BV); expected each of those periods to hold BV for every"
            + " distributor (a period written before histories held other types than the"
            + " qualifying one, or closed by a plan that read no BV, lacks it)");

    // A period beyond the window may lack it: a two-month window reads October and November.
    CompPlan twoMonths = PLAN.toBuilder().ranks(List.of(PLAN.ranks().get(0), PLAN.ranks().get(1),
        Rank.of("EXE", "Executive", Requirement.accumulatedVolume(new BigDecimal("300"), 2,
            Optional.empty(), "BV")))).build();
    History septemberOn = History.of(List.of(record(0, "150", null), record(1, "150", "200"),
        record(2, "150", "0")));
    assertThat(RankGauge.evaluate(org, twoMonths, NOVEMBER, NOVEMBER.endInstant(ZONE),
        septemberOn).paidAs("D1").code()).isEqualTo("EXE");
  }

  @Test
  void recordsOfOnePeriodMustHoldTheSameTypes() {
    PeriodRecord sam = new PeriodRecord(AUGUST, "D0", "SLV", "SLV", "SLV", BigDecimal.ONE,
        BigDecimal.ONE, 0, 0, 0);
    ValidationException x = catchThrowableOfType(ValidationException.class,
        () -> History.of(List.of(record(0, "150", "300"), sam)));
    assertThat(x.problems()).extracting(Problem::toString).containsExactly(
        "record 2 (distributor D0, period 2026-08): found personal volume of types [] in"
            + " 2026-08; expected the types every record of the period holds, [BV] (as record 1,"
            + " of D1, does)");
    assertThat(x.problems().get(0).subject().field()).isEqualTo("personalVolumes");
  }

  @Test
  void aLiveEvaluationCountsTheTypeAsOrdersArrive() {
    History history = months(PLAN, dana("300", "200", "100"), 3).get(2).close();
    Organisation org = people().add(order(0, "300")).add(order(1, "200")).add(order(2, "100"))
        .build();
    Instant midNovember = NOVEMBER.start().withDayOfMonth(15).atStartOfDay(ZONE).toInstant();
    LiveEvaluation live = LiveEvaluation.start(
        RankGauge.evaluate(org, PLAN, NOVEMBER, midNovember, history));
    assertThat(live.snapshot().paidAs("D1").code()).isEqualTo("DIST");

    // 150 PV and 350 BV on November 10th: Silver by PV, Executive by 950 BV over four months.
    live.apply(new LiveEvent.OrderPlaced(order(3, "350")));
    Evaluation whole = RankGauge.evaluate(people().add(order(0, "300")).add(order(1, "200"))
        .add(order(2, "100")).add(order(3, "350")).build(), PLAN, NOVEMBER, midNovember,
        history);
    assertThat(live.snapshot().paidAs("D1").code()).isEqualTo("EXE");
    assertThat(live.snapshot().trace("D1")).isEqualTo(whole.trace("D1"));
  }
}
