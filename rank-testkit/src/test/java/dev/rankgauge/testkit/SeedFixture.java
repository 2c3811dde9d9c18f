package dev.rankgauge.testkit;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.json.PlanFiles;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The seed's gas gauge screen: the bundled seed plan and the organisation built in Java. Dana (D100) has 1,150 PV
 * (Senior Executive on that gauge), 7,300 group PV (Diamond, 4,700 short of SE), 1 active
 * customer of 9 and 2 active distributors of 7, so she is paid as Gold.
 */
final class SeedFixture {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final Period PERIOD = Period.month(2026, 11);
  static final Instant AS_OF = LocalDateTime.of(2026, 11, 27, 9, 0).atZone(ZONE).toInstant();

  private SeedFixture() {}

  /** The bundled seed plan (rank-rules-json tests that it equals rank-examples' SeedExample). */
  static CompPlan plan() {
    return PlanFiles.bundled("seed");
  }

  static Organisation organisation() {
    Organisation.Builder b = Organisation.builder();
    LocalDate joined = LocalDate.of(2024, 3, 1);
    b.add(Distributor.of("D001", null, joined, "Uma Upline", "uma@example.com"));
    b.add(Distributor.of("D100", "D001", joined, "Dana Diaz", "dana@example.com"));
    for (int i = 1; i <= 7; i++) {
      b.add(Distributor.of("D10" + i, "D100", joined, "Front " + i, ""));
    }
    b.add(Distributor.of("D201", "D101", joined, "Kim King", ""));
    b.add(Distributor.of("D202", "D101", joined, "Lee Lane", ""));
    b.add(Distributor.of("D301", "D201", joined, "Max Moore", ""));
    b.add(Distributor.of("D203", "D102", joined, "Nia Nash", ""));
    for (int i = 1; i <= 9; i++) {
      b.add(Customer.of("C" + i, "D100", "Customer " + i, ""));
    }
    order(b, "O1", BuyerType.DISTRIBUTOR, "D100", 3, "400");
    order(b, "O2", BuyerType.DISTRIBUTOR, "D100", 12, "350");
    order(b, "O3", BuyerType.DISTRIBUTOR, "D100", 20, "300");
    order(b, "O4", BuyerType.CUSTOMER, "C1", 8, "100");
    order(b, "O8", BuyerType.DISTRIBUTOR, "D101", 5, "200");
    order(b, "O9", BuyerType.DISTRIBUTOR, "D102", 6, "150");
    order(b, "O10", BuyerType.DISTRIBUTOR, "D103", 9, "40");
    order(b, "O12", BuyerType.DISTRIBUTOR, "D201", 10, "2000");
    order(b, "O13", BuyerType.DISTRIBUTOR, "D202", 11, "1500");
    order(b, "O14", BuyerType.DISTRIBUTOR, "D301", 15, "1260");
    order(b, "O15", BuyerType.DISTRIBUTOR, "D203", 16, "1000");
    order(b, "O17", BuyerType.CUSTOMER, "C4", 28, "90");
    return b.build();
  }

  private static void order(Organisation.Builder b, String id, BuyerType type, String buyer,
      int day, String pv) {
    b.add(Order.paid(id, type, buyer, LocalDateTime.of(2026, 11, day, 14, 30).atZone(ZONE)
        .toInstant(), "PV", new BigDecimal(pv), BigDecimal.ZERO));
  }

  static Evaluation evaluation() {
    return RankGauge.evaluate(organisation(), plan(), PERIOD, AS_OF);
  }
}
