package dev.rankgauge;

import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.pv;
import static dev.rankgauge.RankGaugeAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** Personal volume: own orders, customers' orders where the plan says so, a self-purchase cap. */
class PersonalVolumeTest {

  /** D1 buys 400 PV; customers C1 and C2 buy 70 and 50; D2 in the downline buys 100. */
  private static Organisation organisation(String ownVolume) {
    return org()
        .distributor("D1", null).distributor("D2", "D1")
        .customer("C1", "D1").customer("C2", "D1")
        .paid("O1", "D1", nov(3), ownVolume)
        .paid("O2", "C1", nov(4), "70")
        .paid("O3", "C2", nov(5), "50")
        .paid("O4", "D2", nov(6), "100")
        .build();
  }

  private static DistributorResult d1(String ownVolume, PersonalVolumeRule rule) {
    CompPlan plan = ladder().personalVolume(rule).build();
    return RankGauge.evaluate(organisation(ownVolume), plan, NOVEMBER).result("D1");
  }

  @Test
  void ownAndCustomersOrdersCountWhenThePlanSaysSo() {
    assertThat(d1("400", PersonalVolumeRule.ownAndCustomerOrders()))
        .hasPersonalSales("520").hasGroupSales("620");
  }

  @Test
  void onlyOwnOrdersCountOtherwise() {
    DistributorResult d1 = d1("400", PersonalVolumeRule.ownOrdersOnly());

    assertThat(d1).hasPersonalSales("400").hasGroupSales("500")
        // The customers are still active: their orders count for them, not for D1's volume.
        .hasActivePersonalCustomers(2);
    assertThat(d1.focus().activeCustomers()).extracting(FocusEntry::volume)
        .usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactly(pv("70"), pv("50"));
  }

  @Test
  void theSelfPurchaseCapLimitsOwnOrdersButNotCustomersOrders() {
    PersonalVolumeRule capped = PersonalVolumeRule.ownAndCustomerOrders()
        .withSelfPurchaseCap(pv("150"));

    assertThat(d1("400", capped)).hasPersonalSales("270").hasGroupSales("370");
    assertThat(d1("100", capped)).hasPersonalSales("220");
    assertThat(d1("400", PersonalVolumeRule.ownOrdersOnly().withSelfPurchaseCap(pv("150"))))
        .hasPersonalSales("150");
  }

  @Test
  void theCapAppliesToTheNetOfOwnOrdersAndReturns() {
    CompPlan plan = ladder()
        .personalVolume(PersonalVolumeRule.ownOrdersOnly().withSelfPurchaseCap(pv("150")))
        .build();
    Organisation o = org().distributor("D1", null)
        .paid("O1", "D1", nov(3), "300")
        .returned("R1", "D1", nov(9), "200")
        .build();

    assertThat(RankGauge.evaluate(o, plan, NOVEMBER).result("D1")).hasPersonalSales("100");
  }

  @Test
  void theCapHoldsForVolumesWithDecimals() {
    // Regression: with decimals on the orders the cap was taken in whole units (150 -> 1.50 PV)
    // or failed with "Rounding necessary".
    PersonalVolumeRule capped = PersonalVolumeRule.ownOrdersOnly().withSelfPurchaseCap(pv("150"));
    assertThat(d1("400.50", capped)).hasPersonalSales("150").hasGroupSales("250");
    assertThat(d1("149.99", capped)).hasPersonalSales("149.99");

    PersonalVolumeRule oddCap = PersonalVolumeRule.ownOrdersOnly()
        .withSelfPurchaseCap(pv("150.5"));
    assertThat(d1("400", oddCap)).hasPersonalSales("150.5");
  }

  @Test
  void aCapBeyondAnyVolumeIsNoCap() {
    PersonalVolumeRule huge = PersonalVolumeRule.ownOrdersOnly()
        .withSelfPurchaseCap(pv("999999999999999.999999"));

    assertThat(d1("400.25", huge)).hasPersonalSales("400.25");
  }

  @Test
  void theCappedPersonalVolumeIsWhatMakesADistributorActive() {
    CompPlan plan = ladder()
        .personalVolume(PersonalVolumeRule.ownOrdersOnly().withSelfPurchaseCap(pv("80")))
        .distributorActivity(ActivityRule.minimumVolume(pv("100")))
        .build();
    Organisation o = org().distributor("D1", null).distributor("D2", "D1")
        .paid("O1", "D2", nov(3), "500")
        .build();

    DistributorResult d1 = RankGauge.evaluate(o, plan, NOVEMBER).result("D1");

    assertThat(d1).hasActivePersonalDistributors(0).hasGroupSales("80");
  }
  /**
   * The trace says how D1's personal volume was made (400 of own orders, capped at 150, plus
   * the customers' 120) and whether the period is closed.
   */
  @Test
  void theTraceSaysHowPersonalVolumeWasMadeAndWhetherThePeriodIsClosed() {
    CompPlan plan = ladder().personalVolume(PersonalVolumeRule.ownAndCustomerOrders()
        .withSelfPurchaseCap(pv("150"))).build();
    Trace open = RankGauge.evaluate(organisation("400"), plan, NOVEMBER).trace("D1");
    Trace closed = RankGauge.evaluate(organisation("400"), plan, NOVEMBER.close()).trace("D1");

    org.assertj.core.api.Assertions.assertThat(open.inputs()).extracting(Phrase::text)
        .contains("period: 2026-11-01..2026-11-30 (open)",
            "personal PV: 270 (own orders 400, capped at 150, plus customers' orders)");
    org.assertj.core.api.Assertions.assertThat(closed.inputs()).extracting(Phrase::text)
        .contains("period: 2026-11-01..2026-11-30 (closed)",
            "personal PV: 270 (own orders 400, capped at 150, plus customers' orders)");
  }
  /**
   * Personal BV, which a Leader needs 100 of, follows the same rule as PV: D1's own order
   * carries 60 BV and her customer C1's 50, so 110 where customers' orders count and 60 where
   * they do not.
   */
  @Test
  void customersOrdersCountInAnotherTypeAsInTheQualifyingOne() {
    Organisation o = org().distributor("D1", null).customer("C1", "D1")
        .order(new Order("O1", BuyerType.DISTRIBUTOR, "D1", nov(3), OrderStatus.PAID,
            java.util.Map.of("PV", pv("100"), "BV", pv("60")), pv("10")))
        .order(new Order("O2", BuyerType.CUSTOMER, "C1", nov(4), OrderStatus.PAID,
            java.util.Map.of("PV", pv("70"), "BV", pv("50")), pv("10")))
        .build();
    CompPlan.Builder plan = Fixtures.plan().volumeTypes("PV", "BV").rank(Fixtures.entry())
        .rank(Rank.of("LDR", "Leader", Requirement.personalVolume(pv("100"), "BV")));

    Evaluation with = RankGauge.evaluate(o,
        plan.personalVolume(PersonalVolumeRule.ownAndCustomerOrders()).build(), NOVEMBER);
    Evaluation without = RankGauge.evaluate(o,
        plan.personalVolume(PersonalVolumeRule.ownOrdersOnly()).build(), NOVEMBER);

    org.assertj.core.api.Assertions.assertThat(with.paidAs("D1").code()).isEqualTo("LDR");
    org.assertj.core.api.Assertions.assertThat(without.paidAs("D1").code()).isEqualTo("MBR");
    org.assertj.core.api.Assertions.assertThat(without.gap("D1").orElseThrow().requirements()
        .get(0).actual()).isEqualByComparingTo("60");
  }
}
