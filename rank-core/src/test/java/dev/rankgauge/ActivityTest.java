package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.at;
import static dev.rankgauge.Fixtures.dec;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.oct;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.pv;
import static dev.rankgauge.RankGaugeAssertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What makes personal customers and distributors active, defined separately for each. */
class ActivityTest {

  private static Evaluation evaluate(Organisation o, ActivityRule customers,
      ActivityRule distributors) {
    return evaluate(o, customers, distributors, NOVEMBER.endInstant(Fixtures.ZONE));
  }

  private static Evaluation evaluate(Organisation o, ActivityRule customers,
      ActivityRule distributors, Instant asOf) {
    CompPlan plan = ladder().customerActivity(customers).distributorActivity(distributors).build();
    return RankGauge.evaluate(o, plan, NOVEMBER, asOf);
  }

  private static java.util.List<String> activeCustomers(Evaluation e, String id) {
    return e.result(id).focus().activeCustomers().stream().map(FocusEntry::id).toList();
  }

  private static java.util.List<String> activeDistributors(Evaluation e, String id) {
    return e.result(id).focus().activeDistributors().stream().map(FocusEntry::id).toList();
  }

  @Nested
  class MinimumVolume {
    @Test
    void aCustomerIsActiveWithAtLeastTheMinimumNetVolumeInThePeriod() {
      Organisation o = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1").customer("C3", "D1").customer("C4", "D1")
          .paid("O1", "C1", nov(2), "50")
          .paid("O2", "C2", nov(2), "49.99")
          .paid("O3", "C3", nov(2), "80").returned("R3", "C3", nov(20), "40")
          .paid("O4", "C4", oct(30), "500")
          .build();

      Evaluation e = evaluate(o, ActivityRule.minimumVolume(pv("50")),
          ActivityRule.orderInPeriod());

      assertThat(activeCustomers(e, "D1")).containsExactly("C1");
      assertThat(e.result("D1")).hasActivePersonalCustomers(1);
    }

    @Test
    void aDistributorIsActiveWithAtLeastTheMinimumPersonalVolumeIncludingCustomers() {
      Organisation o = org().distributor("D1", null)
          .distributor("D2", "D1").distributor("D3", "D1").distributor("D4", "D1")
          .customer("C2", "D2")
          .paid("O1", "D2", nov(2), "60").paid("O2", "C2", nov(3), "40")
          .paid("O3", "D3", nov(2), "99.5")
          .paid("O4", "D4", nov(2), "100")
          .build();

      Evaluation e = evaluate(o, ActivityRule.orderInPeriod(), ActivityRule.minimumVolume(
          pv("100")));

      assertThat(activeDistributors(e, "D1")).containsExactly("D2", "D4");
      assertThat(e.result("D3").active()).isFalse();
    }

    @Test
    void aMinimumWithDecimalsIsComparedExactly() {
      // Regression: a threshold with more decimals than the volumes failed with "Rounding
      // necessary"; with decimal volumes it was taken in whole units and nearly anyone was active.
      Organisation o = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1").customer("C3", "D1")
          .paid("O1", "C1", nov(2), "50")
          .paid("O2", "C2", nov(2), "49")
          .paid("O3", "C3", nov(2), "2")
          .build();

      assertThat(activeCustomers(evaluate(o, ActivityRule.minimumVolume(pv("49.5")),
          ActivityRule.orderInPeriod()), "D1")).containsExactly("C1");

      Organisation decimals = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1")
          .paid("O1", "C1", nov(2), "50.00")
          .paid("O2", "C2", nov(2), "1.25")
          .build();
      assertThat(activeCustomers(evaluate(decimals, ActivityRule.minimumVolume(pv("50")),
          ActivityRule.orderInPeriod()), "D1")).containsExactly("C1");
    }
  }

  @Nested
  class NetVolumeAboveZero {
    @Test
    void anOrderReturnedInFullInThePeriodDoesNotMakeACustomerActive() {
      Organisation o = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1").customer("C3", "D1").customer("C4", "D1")
          .paid("O1", "C1", nov(2), "100").returned("R1", "C1", nov(20), "100")
          .paid("O2", "C2", nov(2), "100").returned("R2", "C2", nov(20), "40")
          .paid("O3", "C3", nov(2), "0")
          .paid("O4", "C4", oct(28), "100").returned("R4", "C4", nov(3), "100")
          .build();

      Evaluation byOrder = evaluate(o, ActivityRule.orderInPeriod(), ActivityRule.orderInPeriod());
      Evaluation byVolume = evaluate(o, ActivityRule.netVolumeAboveZero(),
          ActivityRule.orderInPeriod());

      assertThat(activeCustomers(byOrder, "D1")).containsExactly("C1", "C2", "C3");
      assertThat(activeCustomers(byVolume, "D1")).containsExactly("C2");
      assertThat(byVolume.result("D1")).hasActivePersonalCustomers(1);
    }

    @Test
    void aDistributorNeedsNetPersonalVolumeAboveZero() {
      Organisation o = org().distributor("D1", null).distributor("D2", "D1")
          .distributor("D3", "D1").distributor("D4", "D1").customer("C4", "D4")
          .paid("O2", "D2", nov(2), "50").returned("R2", "D2", nov(4), "50")
          .paid("O3", "D3", nov(2), "0.01")
          .paid("O4", "C4", nov(2), "30")
          .build();

      Evaluation e = evaluate(o, ActivityRule.orderInPeriod(), ActivityRule.netVolumeAboveZero());

      assertThat(activeDistributors(e, "D1")).containsExactly("D3", "D4");
    }

    @Test
    void theRuleSaysWhatItCounts() {
      org.assertj.core.api.Assertions.assertThat(ActivityRule.netVolumeAboveZero().describe("PV"))
          .isEqualTo("net PV above zero in the period, returns deducted");
      org.assertj.core.api.Assertions.assertThat(ActivityRule.orderInPeriod().describe("PV"))
          .isEqualTo("at least one order in the period");
    }
  }

  @Nested
  class OrderInPeriod {
    @Test
    void onlyAPaidOrderInThePeriodMakesSomeoneActive() {
      Organisation o = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1").customer("C3", "D1").customer("C4", "D1")
          .customer("C5", "D1")
          .paid("O1", "C1", nov(30), "0")
          .paid("O2", "C2", oct(31), "100")
          .returned("R3", "C3", nov(5), "100")
          .cancelled("O4", "C4", nov(5), "100")
          .paid("O5", "C5", dec(1), "100")
          .build();

      Evaluation e = evaluate(o, ActivityRule.orderInPeriod(), ActivityRule.orderInPeriod());

      assertThat(activeCustomers(e, "D1")).containsExactly("C1");
    }

    @Test
    void aDistributorNeedsAnOrderOfTheirOwn() {
      Organisation o = org().distributor("D1", null).distributor("D2", "D1")
          .distributor("D3", "D1")
          .customer("C2", "D2")
          .paid("O1", "C2", nov(3), "100")
          .paid("O2", "D3", nov(3), "1")
          .build();

      Evaluation e = evaluate(o, ActivityRule.orderInPeriod(), ActivityRule.orderInPeriod());

      assertThat(activeDistributors(e, "D1")).containsExactly("D3");
    }
  }

  @Nested
  class OrderWithinDays {
    private final Instant asOf = at(2026, 11, 10, 12, 0);

    @Test
    void theWindowReachesBackBeforeThePeriodStart() {
      Organisation o = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1").customer("C3", "D1").customer("C4", "D1")
          .paid("O1", "C1", at(2026, 10, 11, 12, 0), "10")
          .paid("O2", "C2", at(2026, 10, 11, 11, 59), "10")
          .paid("O3", "C3", nov(9), "10")
          .paid("O4", "C4", nov(11), "10")
          .build();

      Evaluation e = evaluate(o, ActivityRule.orderWithinDays(30), ActivityRule.orderInPeriod(),
          asOf);

      // C1 ordered exactly 30 days before as-of, C2 a minute earlier; C4 after as-of.
      assertThat(activeCustomers(e, "D1")).containsExactly("C1", "C3");
      assertThat(e.result("D1").focus().inactiveCustomers()).extracting(FocusEntry::id)
          .containsExactly("C2", "C4");
    }

    @Test
    void anOrderPlacedExactlyAtTheAsOfInstantIsNotSeenYet() {
      // C1's only order is at the as-of instant itself, C2's one second before it.
      Organisation o = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1")
          .paid("O1", "C1", asOf, "10")
          .paid("O2", "C2", asOf.minusSeconds(1), "10")
          .build();

      Evaluation e = evaluate(o, ActivityRule.orderWithinDays(30), ActivityRule.orderInPeriod(),
          asOf);

      assertThat(activeCustomers(e, "D1")).containsExactly("C2");
      FocusEntry c1 = e.result("D1").focus().inactiveCustomers().get(0);
      assertThat(c1.id()).isEqualTo("C1");
      assertThat(c1.lastOrderDate()).as("no order before as-of").isEmpty();
      assertThat(c1.orders()).as("no order in the period up to as-of").isEmpty();
      assertThat(e.result("D1").focus().activeCustomers().get(0).orders())
          .extracting(Order::id).containsExactly("O2");
    }

    @Test
    void onlyPaidOrdersOpenTheWindow() {
      Organisation o = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1")
          .returned("R1", "C1", nov(5), "10")
          .cancelled("O2", "C2", nov(5), "10")
          .build();

      Evaluation e = evaluate(o, ActivityRule.orderWithinDays(30), ActivityRule.orderInPeriod(),
          asOf);

      assertThat(activeCustomers(e, "D1")).isEmpty();
    }

    @Test
    void aPastPeriodEvaluatedAsOfALaterInstantLooksBackFromItsEnd() {
      // October, looked at on 10 November: the window is the 30 days before 1 November.
      Organisation o = org().distributor("D1", null)
          .customer("C1", "D1").customer("C2", "D1")
          .paid("O1", "C1", oct(5), "10")
          .paid("O2", "C2", nov(8), "10")
          .build();

      Evaluation e = RankGauge.evaluate(o, ladder().customerActivity(
          ActivityRule.orderWithinDays(30)).build(), Period.month(2026, 10), asOf);

      assertThat(e.asOf()).isEqualTo(at(2026, 11, 1, 0, 0));
      assertThat(activeCustomers(e, "D1")).containsExactly("C1");
      assertThat(e.result("D1").focus().inactiveCustomers()).singleElement()
          .satisfies(c2 -> assertThat(c2.lastOrderDate()).isEmpty());
      assertThat(e.result("D1").focus().activeCustomers().get(0).lastOrderDate())
          .contains(java.time.LocalDate.of(2026, 10, 5));
    }

    @Test
    void customersAndDistributorsHaveTheirOwnWindows() {
      Organisation o = org().distributor("D1", null).distributor("D2", "D1")
          .customer("C1", "D1")
          .paid("O1", "C1", oct(20), "10")
          .paid("O2", "D2", oct(20), "10")
          .build();

      Evaluation e = evaluate(o, ActivityRule.orderWithinDays(30),
          ActivityRule.orderWithinDays(14), asOf);

      assertThat(e.result("D1")).hasActivePersonalCustomers(1).hasActivePersonalDistributors(0);
      assertThat(e.result("D2").active()).isFalse();
    }
  }

  @Test
  void customersAndDistributorsAreJudgedByTheirOwnDefinitions() {
    // Same figures, different verdicts: customers need an order, distributors 100 PV.
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .customer("C1", "D1")
        .paid("O1", "C1", nov(3), "30")
        .paid("O2", "D2", nov(3), "30")
        .build();

    Evaluation e = evaluate(o, ActivityRule.orderInPeriod(), ActivityRule.minimumVolume(
        pv("100")));

    assertThat(e.result("D1")).hasActivePersonalCustomers(1).hasActivePersonalDistributors(0);
    Evaluation swapped = evaluate(o, ActivityRule.minimumVolume(pv("100")),
        ActivityRule.orderInPeriod());
    assertThat(swapped.result("D1")).hasActivePersonalCustomers(0).hasActivePersonalDistributors(1);
  }

  @Test
  void onlyPersonallySponsoredDistributorsAndOwnCustomersAreCounted() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D2")
        .customer("C2", "D2")
        .paid("O1", "D2", nov(3), "1")
        .paid("O2", "D3", nov(3), "1")
        .paid("O3", "C2", nov(3), "1")
        .build();

    Evaluation e = evaluate(o, ActivityRule.orderInPeriod(), ActivityRule.orderInPeriod());

    assertThat(e.result("D1")).hasActivePersonalDistributors(1).hasActivePersonalCustomers(0);
    assertThat(e.result("D2")).hasActivePersonalDistributors(1).hasActivePersonalCustomers(1);
  }
}
