package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.pv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What-ifs a back office asks while November runs: "what if Ann ordered 250 more?". */
class WhatIfTest {
  private static final CompPlan PLAN = ladder().build();

  /**
   * Dana (D100) sponsors Ann (D101) and has customer C1; Uma (D001) sponsors Dana. Dana has 150
   * PV of her own and 40 from C1 (190), Ann 60: Dana's group is 250 of the 500 Silver needs.
   */
  private static Evaluation november() {
    Organisation o = org()
        .distributor("D001", null).distributor("D100", "D001").distributor("D101", "D100")
        .customer("C1", "D100")
        .paid("O1", "D100", nov(3), "150").paid("O2", "D101", nov(4), "60")
        .paid("O3", "C1", nov(5), "40")
        .build();
    return RankGauge.evaluate(o, PLAN, NOVEMBER, nov(20));
  }

  private static LiveEvent.OrderPlaced order(String id, String buyer, int day, String pv) {
    return new LiveEvent.OrderPlaced(Order.byDistributor(id, buyer, nov(day), pv(pv)));
  }

  @Test
  void annsHypotheticalOrderLiftsDanaToSilverAndMovesThreeGroupGauges() {
    Evaluation before = november();
    WhatIf w = WhatIf.of(before, List.of(order("X1", "D101", 10, "250")));

    // Ann 60 + 250 = 310 PV; Dana's group 190 + 310 = 500: Silver. Uma's group 500 too.
    assertThat(w.changes()).extracting(WhatIf.Change::distributorId)
        .containsExactly("D001", "D100", "D101");
    WhatIf.Change dana = w.change("D100").orElseThrow();
    assertThat(dana.before().orElseThrow().paidAs().code()).isEqualTo("MBR");
    assertThat(dana.after().paidAs().code()).isEqualTo("SLV");
    assertThat(dana.paidAsChanged()).isTrue();
    assertThat(dana.titleChanged()).isTrue();
    assertThat(dana.movedGauges()).containsExactly(Metric.GROUP_SALES);
    assertThat(dana.before().orElseThrow().gauge(Metric.GROUP_SALES)).isEqualTo(pv("250"));
    assertThat(dana.after().gauge(Metric.GROUP_SALES)).isEqualTo(pv("500"));
    assertThat(dana.after().gaugeRanks().get(Metric.GROUP_SALES).code()).isEqualTo("SLV");

    WhatIf.Change ann = w.change("D101").orElseThrow();
    assertThat(ann.paidAsChanged()).isFalse();
    assertThat(ann.movedGauges()).containsExactly(Metric.PERSONAL_SALES, Metric.GROUP_SALES);
    assertThat(w.rankChanges()).extracting(WhatIf.Change::distributorId).containsExactly("D100");

    // The whole result after, and the evaluation asked about untouched.
    assertThat(w.after().result("D100").paidAs().code()).isEqualTo("SLV");
    assertThat(before.result("D100").paidAs().code()).isEqualTo("MBR");
    assertThat(before.result("D100").gauge(Metric.GROUP_SALES).value()).isEqualByComparingTo("250");
    assertThat(w.before()).isSameAs(before);
    assertThat(w.events()).hasSize(1);
  }

  @Test
  void anOrderTakenOutCountsNothingAsIfItHadNeverBeenPlaced() {
    Evaluation before = november();
    WhatIf w = WhatIf.of(before, List.of(), List.of("O3"));

    // Without C1's 40 PV Dana has 150, C1 is no longer active: her customer gauge drops to 0.
    WhatIf.Change dana = w.change("D100").orElseThrow();
    assertThat(dana.movedGauges()).containsExactly(Metric.PERSONAL_SALES, Metric.GROUP_SALES,
        Metric.ACTIVE_PERSONAL_CUSTOMERS);
    assertThat(dana.after().gauge(Metric.PERSONAL_SALES)).isEqualTo(pv("150"));
    assertThat(dana.after().gauge(Metric.ACTIVE_PERSONAL_CUSTOMERS)).isEqualTo(pv("0"));
    assertThat(w.events()).containsExactly(new LiveEvent.OrderCancelled("O3"));

    // Figure for figure the data without O3; result for result the data with O3 cancelled,
    // which Dana's focus list still shows among C1's orders.
    Organisation without = org()
        .distributor("D001", null).distributor("D100", "D001").distributor("D101", "D100")
        .customer("C1", "D100")
        .paid("O1", "D100", nov(3), "150").paid("O2", "D101", nov(4), "60")
        .build();
    Evaluation absent = RankGauge.evaluate(without, PLAN, NOVEMBER, nov(20));
    Organisation cancelled = Organisation.builder().addDistributors(without.distributors())
        .addCustomers(without.customers()).addOrders(without.orders())
        .add(new Order("O3", BuyerType.CUSTOMER, "C1", nov(5), OrderStatus.CANCELLED,
            Map.of("PV", pv("40")), pv("40")))
        .build();
    Evaluation whole = RankGauge.evaluate(cancelled, PLAN, NOVEMBER, nov(20));
    for (String id : List.of("D001", "D100", "D101")) {
      assertThat(w.after().result(id)).as(id).isEqualTo(whole.result(id));
      assertThat(w.after().result(id).gauges()).as(id).isEqualTo(absent.result(id).gauges());
      assertThat(w.after().result(id).paidAs()).as(id).isEqualTo(absent.result(id).paidAs());
    }
  }

  @Test
  void aNewDistributorWithAnOrderJoinsWithNoStandingBefore() {
    Evaluation before = november();
    WhatIf w = WhatIf.of(before, List.of(
        new LiveEvent.DistributorJoined(Distributor.of("D102", "D100", JOINED, "Ben", "")),
        order("X1", "D102", 12, "120")));

    WhatIf.Change ben = w.change("D102").orElseThrow();
    assertThat(ben.joined()).isTrue();
    assertThat(ben.before()).isEmpty();
    assertThat(ben.rankChanged()).isTrue();
    assertThat(ben.after().gauge(Metric.PERSONAL_SALES)).isEqualTo(pv("120"));
    // Dana gains an active personal distributor and 120 of group volume.
    WhatIf.Change dana = w.change("D100").orElseThrow();
    assertThat(dana.after().gauge(Metric.ACTIVE_PERSONAL_DISTRIBUTORS)).isEqualTo(pv("2"));
    assertThat(dana.after().gauge(Metric.GROUP_SALES)).isEqualTo(pv("370"));
    assertThat(w.changes()).extracting(WhatIf.Change::distributorId)
        .containsExactly("D001", "D100", "D102");
  }

  @Test
  void anOrderWithMoreDecimalsThanAnyBeforeIsComparedByValue() {
    Evaluation before = november();
    WhatIf w = WhatIf.of(before, List.of(order("X1", "D101", 10, "0.125")));
    assertThat(w.change("D101").orElseThrow().after().gauge(Metric.PERSONAL_SALES))
        .isEqualTo(pv("60.125"));
    // Nobody else's figure changes but their group volumes: values compare, not scales.
    assertThat(w.changes()).extracting(WhatIf.Change::distributorId)
        .containsExactly("D001", "D100", "D101");
    assertThat(w.change("D100").orElseThrow().movedGauges()).containsExactly(Metric.GROUP_SALES);
  }

  @Test
  void noEventsChangeNothing() {
    Evaluation before = november();
    WhatIf w = WhatIf.of(before, List.of());
    assertThat(w.isEmpty()).isTrue();
    assertThat(w.changes()).isEmpty();
    assertThat(w.change("D100")).isEqualTo(Optional.empty());
    assertThat(w.after().result("D100")).isEqualTo(before.result("D100"));
  }

  @Test
  void everyBadEventIsReportedWithItsPlaceAndNothingIsAnswered() {
    Evaluation before = november();
    assertThatThrownBy(() -> WhatIf.of(before, List.of(
        order("X1", "D999", 10, "50"),
        order("X2", "D101", 10, "50"),
        order("O1", "D101", 11, "50")), List.of("O404")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("event 1 (cancellation of order O404): found order O404, which"
            + " does not exist")
        .hasMessageContaining("event 2 (order X1 by D999): found buyer D999, which is not a"
            + " distributor")
        .hasMessageContaining("event 4 (order O1 by D101): found order id O1 again")
        .hasMessageNotContaining("event 3");
    assertThat(before.result("D101").gauge(Metric.PERSONAL_SALES).value())
        .isEqualByComparingTo("60");
  }

  @Test
  void standingsCompareFiguresByValue() {
    Rank mbr = PLAN.ranks().get(0);
    Map<Metric, Rank> ranks = Map.of(Metric.PERSONAL_SALES, mbr, Metric.GROUP_SALES, mbr,
        Metric.ACTIVE_PERSONAL_CUSTOMERS, mbr, Metric.ACTIVE_PERSONAL_DISTRIBUTORS, mbr);
    WhatIf.Standing a = new WhatIf.Standing(mbr, mbr, mbr, 0, true, Map.of(
        Metric.PERSONAL_SALES, pv("100.50"), Metric.GROUP_SALES, pv("1E+3"),
        Metric.ACTIVE_PERSONAL_CUSTOMERS, pv("1"), Metric.ACTIVE_PERSONAL_DISTRIBUTORS,
        pv("0")), ranks);
    WhatIf.Standing b = new WhatIf.Standing(mbr, mbr, mbr, 0, true, Map.of(
        Metric.PERSONAL_SALES, pv("100.5"), Metric.GROUP_SALES, pv("1000.000"),
        Metric.ACTIVE_PERSONAL_CUSTOMERS, pv("1"), Metric.ACTIVE_PERSONAL_DISTRIBUTORS,
        pv("0.0")), ranks);
    assertThat(a).isEqualTo(b);
    assertThat(a.gauge(Metric.GROUP_SALES).toString()).isEqualTo("1000");
    assertThatThrownBy(() -> new WhatIf.Standing(mbr, mbr, mbr, 0, true, Map.of(), ranks))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("gauges of PERSONAL_SALES");
  }
}
