package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A paid order needs only its number, a buyer, a time and a volume. */
class OrderFactoriesTest {

  private static final Instant NOV_3 = Instant.parse("2026-11-03T15:00:00Z");

  @Test
  void aDistributorsOrderIsPaidWithItsPvAndNoAmount() {
    Order o = Order.byDistributor("O1", "D100", NOV_3, new BigDecimal("150.50"));

    assertThat(o).isEqualTo(new Order("O1", BuyerType.DISTRIBUTOR, "D100", NOV_3,
        OrderStatus.PAID, Map.of("PV", new BigDecimal("150.50")), BigDecimal.ZERO));
  }

  @Test
  void aCustomersOrderIsPaidWithItsPvAndNoAmount() {
    Order o = Order.byCustomer("O2", "C7", NOV_3, new BigDecimal("40"));

    assertThat(o.buyerType()).isEqualTo(BuyerType.CUSTOMER);
    assertThat(o.buyerId()).isEqualTo("C7");
    assertThat(o.status()).isEqualTo(OrderStatus.PAID);
    assertThat(o.volume("PV")).isEqualByComparingTo("40");
    assertThat(o.amount()).isEqualByComparingTo("0");
  }

  @Test
  void shortOrdersCountLikeFullOnesInAnEvaluation() {
    CompPlan plan = CompPlan.builder("Short orders")
        .zone(ZoneId.of("America/Denver"))
        .volumeTypes("PV")
        .customerActivity(ActivityRule.orderInPeriod())
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver",
            Requirement.personalVolume(new BigDecimal("100")),
            Requirement.activePersonalCustomers(1)))
        .build();
    Organisation org = Organisation.builder()
        .add(Distributor.of("D1", null, java.time.LocalDate.of(2026, 1, 5), "Ana", "ana@x.test"))
        .add(Customer.of("C1", "D1", "Cy", "cy@x.test"))
        .add(Order.byDistributor("O1", "D1", NOV_3, new BigDecimal("60")))
        .add(Order.byCustomer("O2", "C1", NOV_3, new BigDecimal("40")))
        .build();

    Evaluation e = RankGauge.evaluate(org, plan, Period.month(2026, 11),
        Instant.parse("2026-12-01T12:00:00Z"));

    assertThat(e.result("D1").paidAs().code()).isEqualTo("SLV");
    assertThat(e.result("D1").gauge(Metric.PERSONAL_SALES).value()).isEqualByComparingTo("100");
  }

  @Test
  void aMissingBuyerIsNamedWithTheOrder() {
    assertThatThrownBy(() -> Order.byDistributor("O9", " ", NOV_3, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("distributorId of order O9 must not be blank");
  }
}
