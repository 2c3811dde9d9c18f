package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.pv;
import static dev.rankgauge.RankGaugeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A live evaluation as a back office uses it while November runs. */
class LiveEvaluationTest {
  private static final CompPlan PLAN = ladder().volumeDecimals("PV", 2).build();

  /**
   * Dana (D100) sponsors Ann (D101) and has customer C1. Dana has 150 PV, Ann 60, C1 40: Dana
   * is a Silver on personal sales, held at Member by group sales (250 of 500).
   */
  private static LiveEvaluation dana() {
    Organisation o = org()
        .distributor("D100", null).distributor("D101", "D100").customer("C1", "D100")
        .paid("O1", "D100", nov(3), "150").paid("O2", "D101", nov(4), "60")
        .paid("O3", "C1", nov(5), "40")
        .build();
    return LiveEvaluation.start(o, PLAN, NOVEMBER, nov(20));
  }

  private static LiveEvent.OrderPlaced order(String id, String buyer, BuyerType type, int day,
      String volume) {
    return new LiveEvent.OrderPlaced(new Order(id, type, buyer, nov(day), OrderStatus.PAID,
        Map.of("PV", pv(volume)), pv(volume)));
  }

  @Test
  void anOrderInTheDownlineLiftsTheGroupGaugeAndThePaidAsRankAndSaysSo() {
    LiveEvaluation live = dana();
    Evaluation before = live.snapshot();
    assertThat(before.result("D100")).isPaidAs("MBR").hasGroupSales("250");

    List<LiveUpdate> heard = new ArrayList<>();
    live.subscribe(heard::add);
    LiveUpdate u = live.apply(order("O4", "D101", BuyerType.DISTRIBUTOR, 10, "250"));

    assertThat(u.version()).isEqualTo(1);
    assertThat(u.rankChanges()).containsExactly(new LiveUpdate.RankChange("D100",
        PLAN.ranks().get(0), PLAN.ranks().get(1)));
    assertThat(u.gaugeCrossings()).contains(new LiveUpdate.GaugeCrossing("D100",
        Metric.GROUP_SALES, PLAN.ranks().get(0), PLAN.ranks().get(1), pv("250.00"),
        pv("500.00")));
    assertThat(heard).containsExactly(u);
    assertThat(live.snapshot().result("D100")).isPaidAs("SLV").hasGroupSales("500");
    // the snapshot taken before is an evaluation of its own moment, and stays so
    assertThat(before.result("D100")).isPaidAs("MBR").hasGroupSales("250");
    assertThat(live.snapshot().result("D100").focus().activeDistributors().get(0).orders())
        .extracting(Order::id).containsExactly("O2", "O4");
  }

  @Test
  void aReturnInPartAndACancellationTakeVolumeBack() {
    LiveEvaluation live = dana();
    live.apply(new LiveEvent.OrderReturned("R1", "O1", nov(12), Map.of("PV", pv("50")),
        pv("62.50")));
    assertThat(live.snapshot().result("D100")).hasPersonalSales("140").hasGroupSales("200");
    live.apply(new LiveEvent.OrderCancelled("O3"));
    assertThat(live.snapshot().result("D100")).hasPersonalSales("100")
        .hasActivePersonalCustomers(0);
    assertThat(live.snapshot().organisation().orders()).extracting(Order::id)
        .containsExactly("O1", "O2", "O3", "R1");
  }

  @Test
  void everyBadEventIsRejectedNamingItAndChangesNothing() {
    LiveEvaluation live = dana();
    live.apply(LiveEvent.OrderReturned.whole("R1", "O2", nov(12)));
    Evaluation before = live.snapshot();

    rejected(live, order("O9", "C404", BuyerType.CUSTOMER, 10, "5"),
        "event order O9 by C404 is invalid",
        "order O9: found buyer C404, which is not a customer");
    rejected(live, order("O1", "D100", BuyerType.DISTRIBUTOR, 10, "5"),
        "event order O1 by D100 is invalid", "order O1: found order id O1 again; expected each id once");
    rejected(live, LiveEvent.OrderReturned.whole("R2", "O404", nov(12)),
        "event return R2 of order O404 is invalid", "found order O404, which does not exist");
    rejected(live, LiveEvent.OrderReturned.whole("R2", "O2", nov(12)),
        "event return R2 of order O2 is invalid", "found order O2 returned in full already");
    rejected(live, new LiveEvent.OrderReturned("R2", "O1", nov(12), Map.of("PV", pv("151")),
        BigDecimal.ONE), "found a return of PV 151, more than the 150 left of order O1; expected at most 150");
    rejected(live, new LiveEvent.OrderCancelled("O2"),
        "found returns of order O2");
    rejected(live, new LiveEvent.SponsorChanged("D100", "D101"),
        "event distributor D100 moving under sponsor D101 is invalid",
        "found sponsor D101, who is in the downline of D100; expected a sponsor outside it");
    rejected(live, new LiveEvent.DistributorJoined(Distributor.of("D102", "D999", JOINED, "N",
        "n@example.com")), "found sponsor D999, which is not a distributor");
    rejected(live, new LiveEvent.TimePassed(nov(19)),
        "found as-of instant 2026-11-19T19:00:00Z, before the current one 2026-11-20T19:00:00Z; expected time to move forward");

    assertThat(live.version()).isEqualTo(1);
    assertThat(live.snapshot()).isSameAs(before);
  }

  private static void rejected(LiveEvaluation live, LiveEvent event, String... message) {
    var thrown = assertThatThrownBy(() -> live.apply(event)).as(event.describe())
        .isInstanceOf(ValidationException.class);
    for (String m : message) {
      thrown.hasMessageContaining(m);
    }
  }

  @Test
  void aLateOrderCountsByItsOwnDateAndAFutureOneOnceTimePasses() {
    LiveEvaluation live = dana();
    live.apply(order("O4", "D100", BuyerType.DISTRIBUTOR, 2, "10"));
    live.apply(order("O5", "D100", BuyerType.DISTRIBUTOR, 25, "20"));
    assertThat(live.snapshot().result("D100")).hasPersonalSales("200");
    live.apply(new LiveEvent.TimePassed(nov(26)));
    assertThat(live.snapshot().result("D100")).hasPersonalSales("220");
    assertThat(live.wholePasses()).as("time passing counts again only the buyers it reaches")
        .isZero();
  }

  @Test
  void joinsAndMovesChangeTheTree() {
    LiveEvaluation live = dana();
    live.apply(new LiveEvent.DistributorJoined(Distributor.of("D102", "D101", JOINED, "Bo",
        "bo@example.com")));
    live.apply(order("O4", "D102", BuyerType.DISTRIBUTOR, 10, "100"));
    assertThat(live.snapshot().result("D101")).hasGroupSales("160");
    live.apply(new LiveEvent.SponsorChanged("D102", "D100"));
    assertThat(live.snapshot().result("D101")).hasGroupSales("60");
    assertThat(live.snapshot().result("D100")).hasGroupSales("350")
        .hasActivePersonalDistributors(2);
    live.apply(new LiveEvent.CustomerJoined(Customer.of("C2", "D101", "Cy", "cy@example.com")));
    live.apply(new LiveEvent.CustomerMoved("C1", "D101"));
    assertThat(live.snapshot().result("D101")).hasPersonalSales("100")
        .hasActivePersonalCustomers(1);
  }

  @Test
  void aFinishedEvaluationContinuesLive() {
    Evaluation finished = dana().snapshot();
    LiveEvaluation live = LiveEvaluation.start(finished);
    live.apply(order("O4", "C1", BuyerType.CUSTOMER, 10, "10"));
    assertThat(live.snapshot().result("D100")).hasPersonalSales("200");
    assertThat(finished.result("D100")).hasPersonalSales("190");
  }

  @Test
  void aFinishedEvaluationAskedAfterThePeriodEndMovesTimeForwardFromWhatWasAsked() {
    Organisation o = org().distributor("D100", null).paid("O1", "D100", nov(3), "150").build();
    java.time.Instant december = nov(20).plusSeconds(12 * 86_400L);
    LiveEvaluation live = LiveEvaluation.start(RankGauge.evaluate(o, PLAN, NOVEMBER, december));
    rejected(live, new LiveEvent.TimePassed(december.minusSeconds(1)),
        "before the current one " + december);
    live.apply(new LiveEvent.TimePassed(december.plusSeconds(1)));
    assertThat(live.snapshot().result("D100")).hasPersonalSales("150");
  }

  @Test
  @Tag("deep") // left out of the mutation runs (pit.excludedGroups): seconds per mutant
  void anOrderAtTheBottomOfALineAMillionDeepReachesTheTop() {
    int depth = 1_000_000;
    Organisation.Builder b = Organisation.builder();
    String sponsor = null;
    for (int i = 0; i < depth; i++) {
      b.distributor("D" + i, sponsor, JOINED, "Chain", "chain@example.com", null);
      sponsor = "D" + i;
    }
    LiveEvaluation live = LiveEvaluation.start(b.build(), PLAN, NOVEMBER, nov(20));
    LiveUpdate u = live.apply(order("O1", "D" + (depth - 1), BuyerType.DISTRIBUTOR, 10, "1.5"));
    // the buyer is now active, so their sponsor's distributor gauge reaches Silver's mark
    assertThat(u.gaugeCrossings()).containsExactly(new LiveUpdate.GaugeCrossing(
        "D" + (depth - 2), Metric.ACTIVE_PERSONAL_DISTRIBUTORS, PLAN.ranks().get(0),
        PLAN.ranks().get(1), BigDecimal.ZERO, BigDecimal.ONE));
    Evaluation now = live.snapshot();
    assertThat(now.result("D0")).hasGroupSales("1.5");
    assertThat(now.result("D" + (depth - 1))).hasPersonalSales("1.5");
  }
}
