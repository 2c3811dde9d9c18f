package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.at;
import static dev.rankgauge.Fixtures.dec;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.oct;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.RankGaugeAssertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The seed's "where do I focus my time": personal customers and personally sponsored
 * distributors, inactive ones to call and active ones, with contact details and what they bought.
 */
class FocusListTest {
  private final CompPlan plan = ladder()
      .distributorActivity(ActivityRule.minimumVolume(new BigDecimal("100")))
      .build();

  private FocusLists focusOfD1() {
    Organisation o = org()
        .distributor("D1", null)
        .distributor(Distributor.of("D2", "D1", JOINED, "Ben Brooks", "ben@example.com")
            .withPhone("+1 801 555 0101"))
        .distributor(Distributor.of("D3", "D1", JOINED, "Eva Evans", "eva@example.com"))
        .distributor("D4", "D1")
        .distributor("D5", "D2")
        .customer(new Customer("C1", "D1", "Carla Cruz", "carla@example.com",
            Optional.of("+1 801 555 0199")))
        .customer(Customer.of("C2", "D1", "Dave Dunn", "dave@example.com"))
        .customer(Customer.of("C3", "D1", "Elle Ellis", "elle@example.com"))
        .customer("C9", "D2")
        // Carla: active, two orders this month, one of them partly returned.
        .paid("O1", "C1", nov(3), "60")
        .paid("O2", "C1", nov(18), "40")
        .returned("R1", "C1", nov(20), "15")
        // Dave: last bought late on 31 October in Denver, which is 1 November in UTC.
        .paid("O3", "C2", at(2026, 10, 31, 23, 30), "80")
        // Elle: never bought.
        // Ben: active with 150 PV; Eva: 40 PV, inactive; D4 bought in October only.
        .paid("O4", "D2", nov(5), "150")
        .paid("O5", "D3", nov(9), "40")
        .paid("O6", "D4", oct(2), "500")
        .paid("O7", "D5", nov(9), "999")
        .paid("O8", "C1", dec(2), "999")
        .build();
    return RankGauge.evaluate(o, plan, NOVEMBER).result("D1").focus();
  }

  @Test
  void inactiveCustomersToCallWithContactDetailsAndLastOrderDate() {
    FocusLists f = focusOfD1();

    assertThat(f.inactiveCustomers()).extracting(FocusEntry::id).containsExactly("C2", "C3");
    FocusEntry dave = f.inactiveCustomers().get(0);
    assertThat(dave.kind()).isEqualTo(BuyerType.CUSTOMER);
    assertThat(dave.name()).isEqualTo("Dave Dunn");
    assertThat(dave.email()).isEqualTo("dave@example.com");
    assertThat(dave.phone()).isEmpty();
    assertThat(dave.active()).isFalse();
    // The date in the plan's zone, not UTC's 1 November.
    assertThat(dave.lastOrderDate()).contains(LocalDate.of(2026, 10, 31));
    assertThat(dave.volume()).isZero();
    assertThat(dave.orders()).isEmpty();
    FocusEntry elle = f.inactiveCustomers().get(1);
    assertThat(elle.lastOrderDate()).isEmpty();
  }

  @Test
  void activeCustomersWithTheirVolumeAndOrdersInThePeriod() {
    FocusLists f = focusOfD1();

    assertThat(f.activeCustomers()).singleElement().satisfies(carla -> {
      assertThat(carla.id()).isEqualTo("C1");
      assertThat(carla.phone()).contains("+1 801 555 0199");
      assertThat(carla.active()).isTrue();
      assertThat(carla.volume()).isEqualByComparingTo("85");
      assertThat(carla.lastOrderDate()).contains(LocalDate.of(2026, 11, 18));
      // Orders in the period, in input order; December's order is not in it.
      assertThat(carla.orders()).extracting(Order::id).containsExactly("O1", "O2", "R1");
      assertThat(carla.orders().get(2).status()).isEqualTo(OrderStatus.RETURNED);
    });
  }

  @Test
  void personallySponsoredDistributorsSplitByActivityWithTheirPersonalVolume() {
    FocusLists f = focusOfD1();

    assertThat(f.activeDistributors()).extracting(FocusEntry::id).containsExactly("D2");
    assertThat(f.inactiveDistributors()).extracting(FocusEntry::id).containsExactly("D3", "D4");
    FocusEntry ben = f.activeDistributors().get(0);
    assertThat(ben.kind()).isEqualTo(BuyerType.DISTRIBUTOR);
    assertThat(ben.name()).isEqualTo("Ben Brooks");
    assertThat(ben.phone()).contains("+1 801 555 0101");
    assertThat(ben.volume()).isEqualByComparingTo("150");
    assertThat(ben.orders()).extracting(Order::id).containsExactly("O4");
    FocusEntry eva = f.inactiveDistributors().get(0);
    assertThat(eva.email()).isEqualTo("eva@example.com");
    assertThat(eva.volume()).isEqualByComparingTo("40");
    assertThat(eva.lastOrderDate()).contains(LocalDate.of(2026, 11, 9));
    FocusEntry d4 = f.inactiveDistributors().get(1);
    assertThat(d4.volume()).isZero();
    assertThat(d4.lastOrderDate()).contains(LocalDate.of(2026, 10, 2));
    assertThat(d4.orders()).isEmpty();
  }

  @Test
  void aDistributorsVolumeOnTheListIsTheirPersonalVolumeWithTheirCustomers() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .customer("C2", "D2")
        .paid("O1", "D2", nov(5), "30").paid("O2", "C2", nov(6), "80")
        .build();

    FocusEntry d2 = RankGauge.evaluate(o, plan, NOVEMBER).result("D1").focus()
        .activeDistributors().get(0);

    assertThat(d2.volume()).isEqualByComparingTo("110");
    // Only D2's own orders are listed; the customer's are on D2's own focus list.
    assertThat(d2.orders()).extracting(Order::id).containsExactly("O1");
  }

  @Test
  void ordersAfterTheAsOfInstantAreNeitherListedNorTheLastOrder() {
    Organisation o = org().distributor("D1", null).customer("C1", "D1")
        .paid("O1", "C1", nov(3), "10").paid("O2", "C1", nov(20), "10")
        .build();

    FocusEntry c1 = RankGauge.evaluate(o, plan, NOVEMBER, at(2026, 11, 15, 0, 0)).result("D1")
        .focus().activeCustomers().get(0);

    assertThat(c1.orders()).extracting(Order::id).containsExactly("O1");
    assertThat(c1.lastOrderDate()).contains(LocalDate.of(2026, 11, 3));
    assertThat(c1.volume()).isEqualByComparingTo("10");
  }

  @Test
  void someoneWithoutCustomersOrDistributorsHasEmptyLists() {
    Organisation o = org().distributor("D1", null).build();

    FocusLists f = RankGauge.evaluate(o, plan, NOVEMBER).result("D1").focus();

    assertThat(f.inactiveCustomers()).isEmpty();
    assertThat(f.activeCustomers()).isEmpty();
    assertThat(f.inactiveDistributors()).isEmpty();
    assertThat(f.activeDistributors()).isEmpty();
  }
}
