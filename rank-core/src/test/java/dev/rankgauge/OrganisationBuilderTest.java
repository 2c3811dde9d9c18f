package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.nov;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An organisation builder builds as often as asked: after a build it still holds every record,
 * takes more, and the next build has them all; what was built before never changes.
 */
class OrganisationBuilderTest {
  private static Organisation.Builder twoDistributors() {
    return Organisation.builder()
        .add(Distributor.of("D1", null, JOINED, "One", "one@example.com"))
        .add(Distributor.of("D2", "D1", JOINED, "Two", "two@example.com").withPhone("+1 555 0102"))
        .add(Customer.of("C1", "D2", "Cy", "cy@example.com"))
        .add(new Order("O1", BuyerType.CUSTOMER, "C1", nov(3), OrderStatus.PAID,
            Map.of("PV", new BigDecimal("40.50"), "CV", new BigDecimal("30")), new BigDecimal("49.95")))
        .add(Order.byDistributor("O2", "D2", nov(4), new BigDecimal("100")));
  }

  @Test
  void everyRecordIsFoundByItsIdAndReadBackAsGivenTheFirstOnesToo() {
    Organisation o = twoDistributors()
        .add(Distributor.of("D3", "D1", JOINED, "Three", "three@example.com")
            .withPhone("+1 555 0103"))
        .add(new Customer("C2", "D1", "Di", "di@example.com", java.util.Optional.of("+1 555 0202")))
        .build();

    assertThat(o.distributor("D1")).contains(Distributor.of("D1", null, JOINED, "One",
        "one@example.com"));
    assertThat(o.distributor("D3")).contains(Distributor.of("D3", "D1", JOINED, "Three",
        "three@example.com").withPhone("+1 555 0103"));
    assertThat(o.customer("C1")).contains(Customer.of("C1", "D2", "Cy", "cy@example.com"));
    assertThat(o.customer("C2").orElseThrow().phone()).contains("+1 555 0202");
    assertThat(o.distributor("D9")).isEmpty();
    assertThat(o.customer("C9")).isEmpty();
  }

  @Test
  void expectedCountsAreAHintThatChangesNothingAndCannotBeNegative() {
    Organisation plain = twoDistributors().build();
    Organisation roomy = twoDistributors().expect(1_000, 0, 5).build();
    Organisation none = twoDistributors().expect(0, 0, 0).build();

    for (Organisation o : List.of(roomy, none)) {
      assertThat(o.distributors()).isEqualTo(plain.distributors());
      assertThat(o.customers()).isEqualTo(plain.customers());
      assertThat(o.orders()).isEqualTo(plain.orders());
    }
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> Organisation.builder().expect(-1, 0, 0)))
        .hasMessage("expected counts cannot be negative: -1 distributors, 0 customers, 0 orders");
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> Organisation.builder().expect(0, -2, 0))).hasMessageContaining("-2 customers");
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> Organisation.builder().expect(0, 0, -3))).hasMessageContaining("-3 orders");
  }

  @Test
  void placementsAddedTogetherAreAllKeptAndANullAmongThemIsNamedByItsPosition() {
    Organisation o = twoDistributors()
        .add(Distributor.of("D3", "D1", JOINED, "Three", "three@example.com"))
        .addPlacements(List.of(Placement.left("D2", "D1"), Placement.right("D3", "D1")))
        .build();

    assertThat(o.placements()).containsExactly(Placement.left("D2", "D1"),
        Placement.right("D3", "D1"));
    assertThat(catchThrowableOfType(NullPointerException.class, () -> Organisation.builder()
        .addPlacements(java.util.Arrays.asList(Placement.left("D2", "D1"), null))))
        .hasMessage("all must not contain null (placement at position 2)");
  }

  @Test
  void aBuilderBuildsTwiceAndMayChangeInBetween() {
    Organisation.Builder b = twoDistributors();
    Organisation first = b.build();

    Organisation second = b.add(Distributor.of("D3", "D2", JOINED, "Three", "three@example.com"))
        .add(Order.byDistributor("O3", "D3", nov(5), new BigDecimal("70")))
        .build();

    assertThat(first.distributors()).extracting(Distributor::id).containsExactly("D1", "D2");
    assertThat(first.orders()).extracting(Order::id).containsExactly("O1", "O2");
    assertThat(second.distributors()).extracting(Distributor::id).containsExactly("D1", "D2", "D3");
    assertThat(second.orders()).extracting(Order::id).containsExactly("O1", "O2", "O3");
    assertThat(second.distributors().subList(0, 2)).isEqualTo(first.distributors());
    assertThat(second.customers()).isEqualTo(first.customers());
    assertThat(second.orders().subList(0, 2)).isEqualTo(first.orders());
    assertThat(second.orders().get(0).volumes()).containsEntry("PV", new BigDecimal("40.50"))
        .containsEntry("CV", new BigDecimal("30"));
  }

  @Test
  void buildingTwiceWithoutAChangeGivesTheSameRecordsAndTheSameRanks() {
    Organisation.Builder b = twoDistributors();
    Organisation first = b.build();
    Organisation second = b.build();

    assertThat(second.distributors()).isEqualTo(first.distributors());
    assertThat(second.customers()).isEqualTo(first.customers());
    assertThat(second.orders()).isEqualTo(first.orders());
    CompPlan plan = Fixtures.ladder().build();
    Evaluation a = RankGauge.evaluate(first, plan, Fixtures.NOVEMBER);
    Evaluation b2 = RankGauge.evaluate(second, plan, Fixtures.NOVEMBER);
    for (String id : List.of("D1", "D2")) {
      assertThat(b2.result(id)).isEqualTo(a.result(id));
    }
  }

  @Test
  void aRecordAddedAfterABuildIsCheckedAgainstTheEarlierOnes() {
    Organisation.Builder b = twoDistributors();
    b.build();

    b.add(Distributor.of("D2", "D1", JOINED, "Again", "again@example.com"))
        .add(Order.byDistributor("O4", "D9", nov(6), BigDecimal.ONE));
    ValidationException e = catchThrowableOfType(ValidationException.class, b::build);

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "distributor D2: found distributor id D2 again (rows 2 and 3 of the distributors);"
            + " expected each id once",
        "order O4: found buyer D9, which is not a distributor");
  }

  @Test
  void aFailedBuildLeavesTheBuilderUsable() {
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("D2", "D1", JOINED, "Two", "two@example.com"));
    assertThat(catchThrowableOfType(ValidationException.class, b::build)).isNotNull();

    Organisation o = b.add(Distributor.of("D1", null, JOINED, "One", "one@example.com")).build();

    assertThat(o.distributors()).extracting(Distributor::id).containsExactly("D2", "D1");
    assertThat(o.distributor("D2").orElseThrow().sponsorId()).contains("D1");
  }

  @Test
  void threePartsFilledOnThreeThreadsAfterABuild() throws InterruptedException {
    Organisation.Builder b = twoDistributors();
    b.build();
    List<Thread> threads = List.of(
        new Thread(() -> b.distributor("D3", "D1", JOINED, "Three", "three@example.com", null)),
        new Thread(() -> b.customer("C2", "D3", "Cee", "cee@example.com", null)),
        new Thread(() -> b.order("O5", BuyerType.CUSTOMER, "C2", nov(7), OrderStatus.PAID,
            BigDecimal.ZERO, List.of("PV"), BigDecimal.TEN)));
    for (Thread t : threads) {
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }

    Organisation o = b.build();

    assertThat(o.distributors()).extracting(Distributor::id).containsExactly("D1", "D2", "D3");
    assertThat(o.customers()).extracting(Customer::id).containsExactly("C1", "C2");
    assertThat(o.orders()).extracting(Order::id).containsExactly("O1", "O2", "O5");
  }
  /**
   * Two thousand distributors, each with a customer, an order of their own and one of their
   * customer's, added row by row without {@code expect}: past the room a builder starts with
   * (1,024 of each), every row is kept as given, the last ones as the first. The distributors
   * make a binary tree (D<i>i</i> sponsors D2<i>i</i>+1 and D2<i>i</i>+2 and places them left
   * and right), so D0's group holds all 4,000 PV.
   */
  @Test
  void twoThousandOfEachRecordAddedRowByRowAreAllKept() {
    int n = 2_000;
    Organisation.Builder b = Organisation.builder();
    for (int i = 0; i < n; i++) {
      String id = "D" + i;
      String sponsor = i == 0 ? null : "D" + (i - 1) / 2;
      b.distributor(id, sponsor, JOINED, "Name " + i, id + "@example.com", null);
      if (sponsor != null) {
        b.place(id, sponsor, 2 - i % 2);
      }
      b.customer("C" + i, id, "Customer " + i, "c" + i + "@example.com", null);
      b.order("O" + i, BuyerType.DISTRIBUTOR, id, nov(3), OrderStatus.PAID, BigDecimal.TEN,
          List.of("PV"), new BigDecimal("1.5"));
      b.order("P" + i, BuyerType.CUSTOMER, "C" + i, nov(4), OrderStatus.PAID, BigDecimal.ONE,
          List.of("PV"), new BigDecimal("0.5"));
    }
    Organisation o = b.build();

    assertThat(o.distributorCount()).isEqualTo(n);
    assertThat(o.customerCount()).isEqualTo(n);
    assertThat(o.orderCount()).isEqualTo(2 * n);
    assertThat(o.placements()).hasSize(n - 1);
    assertThat(o.distributor("D1999")).contains(Distributor.of("D1999", "D999", JOINED,
        "Name 1999", "D1999@example.com"));
    assertThat(o.placement("D1")).contains(Placement.left("D1", "D0"));
    assertThat(o.placement("D1999")).contains(Placement.left("D1999", "D999"));
    assertThat(o.placement("D1998")).contains(Placement.right("D1998", "D998"));
    assertThat(o.customer("C1999")).contains(Customer.of("C1999", "D1999", "Customer 1999",
        "c1999@example.com"));
    Evaluation e = RankGauge.evaluate(o, Fixtures.ladder().build(), Fixtures.NOVEMBER);
    assertThat(e.gauge("D0", Metric.GROUP_SALES).value()).isEqualByComparingTo("4000");
    assertThat(e.gauge("D1999", Metric.PERSONAL_SALES).value()).isEqualByComparingTo("2");
    // D998 has both children, D999 only D1999
    assertThat(e.gauge("D998", Metric.GROUP_SALES).value()).isEqualByComparingTo("6");
    assertThat(e.gauge("D999", Metric.GROUP_SALES).value()).isEqualByComparingTo("4");
  }
  /**
   * The largest amount an order may carry, 999,999,999,999,999.999999 (21 significant digits,
   * more than a long holds unscaled), is read back as given, beside an ordinary one.
   */
  @Test
  void theLargestAmountAnOrderMayCarryIsReadBackAsGiven() {
    BigDecimal largest = new BigDecimal("999999999999999.999999");
    Organisation o = Organisation.builder()
        .add(Distributor.of("D1", null, JOINED, "One", "one@example.com"))
        .add(new Order("O1", BuyerType.DISTRIBUTOR, "D1", nov(3), OrderStatus.PAID,
            Map.of("PV", new BigDecimal("100")), largest))
        .add(new Order("O2", BuyerType.DISTRIBUTOR, "D1", nov(4), OrderStatus.PAID,
            Map.of("PV", new BigDecimal("100")), new BigDecimal("49.95")))
        .build();

    assertThat(o.orders()).extracting(Order::amount)
        .containsExactly(largest, new BigDecimal("49.95"));
  }
}
