package dev.rankgauge.view;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * The seed of rank-examples' {@code SeedExample}, for this module's tests (which cannot depend on
 * the examples): the back office of the 2013 "gas gauge view" post, rebuilt: Dana's personal sales reach Senior
 * Executive, her group sales Diamond, but with 1 of 9 personal customers and 2 of 7 personal
 * distributors active she is paid as Gold.
 */
final class SeedExample {
  /** The distributor the seed's screen belongs to. */
  static final String DANA = "D100";
  /** The plan's time zone: the company sits in Utah. */
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  /** November 2026, still open. */
  static final Period PERIOD = Period.month(2026, 11);
  /** The screen is looked at on the morning of 27 November. */
  static final Instant AS_OF = LocalDateTime.of(2026, 11, 27, 9, 0).atZone(ZONE).toInstant();

  private SeedExample() {}

  /**
   * The seed plan: four thresholds per rank. Distributors are active with 100 PV in the period,
   * customers with an order in the period; personal volume includes customers' orders.
   */
  static CompPlan plan() {
    return CompPlan.builder("Seed plan")
        .version("2026.11")
        .currency("USD")
        .zone(ZONE)
        .volumeTypes("PV")
        .personalVolume(PersonalVolumeRule.ownAndCustomerOrders())
        .customerActivity(ActivityRule.orderInPeriod())
        .distributorActivity(ActivityRule.minimumVolume(new BigDecimal("100")))
        .rank(Rank.of("DIST", "Distributor"))
        .rank(rank("SLV", "Silver", 100, 500, 0, 1))
        .rank(rank("GLD", "Gold", 200, 1_500, 1, 2))
        .rank(rank("PLAT", "Platinum", 400, 3_000, 2, 3))
        .rank(rank("DMND", "Diamond", 700, 6_000, 3, 4))
        .rank(rank("SE", "Senior Executive", 1_000, 12_000, 4, 5))
        .build();
  }

  private static Rank rank(String code, String name, int pv, int gv, int customers,
      int distributors) {
    return Rank.of(code, name,
        Requirement.personalVolume(BigDecimal.valueOf(pv)),
        Requirement.groupVolume(BigDecimal.valueOf(gv)),
        Requirement.activePersonalCustomers(customers),
        Requirement.activePersonalDistributors(distributors));
  }

  /** Dana, her upline sponsor, 9 personal customers, 7 personal distributors and their downline. */
  static Organisation organisation() {
    Organisation.Builder b = Organisation.builder();
    LocalDate joined = LocalDate.of(2024, 3, 1);
    b.add(Distributor.of("D001", null, LocalDate.of(2019, 1, 15), "Uma Upline", "uma@example.com"));
    b.add(Distributor.of(DANA, "D001", joined, "Dana Diaz", "dana@example.com")
        .withPhone("+1 801 555 0100"));
    // Dana's seven personally sponsored distributors: Ben and Eva active, five not.
    b.add(Distributor.of("D101", DANA, joined.plusMonths(2), "Ben Brooks", "ben@example.com")
        .withPhone("+1 801 555 0101"));
    b.add(Distributor.of("D102", DANA, joined.plusMonths(3), "Eva Evans", "eva@example.com"));
    b.add(Distributor.of("D103", DANA, joined.plusMonths(4), "Finn Foster", "finn@example.com")
        .withPhone("+1 801 555 0103"));
    b.add(Distributor.of("D104", DANA, joined.plusMonths(5), "Gia Grant", "gia@example.com"));
    b.add(Distributor.of("D105", DANA, joined.plusMonths(6), "Hal Hughes", "hal@example.com"));
    b.add(Distributor.of("D106", DANA, joined.plusMonths(7), "Ivy Irwin", "ivy@example.com"));
    b.add(Distributor.of("D107", DANA, joined.plusMonths(8), "Jon James", "jon@example.com"));
    // Deeper downline, whose volume reaches Dana's group sales.
    b.add(Distributor.of("D201", "D101", joined.plusMonths(9), "Kim King", "kim@example.com"));
    b.add(Distributor.of("D202", "D101", joined.plusMonths(9), "Lee Lane", "lee@example.com"));
    b.add(Distributor.of("D301", "D201", joined.plusMonths(10), "Max Moore", "max@example.com"));
    b.add(Distributor.of("D203", "D102", joined.plusMonths(11), "Nia Nash", "nia@example.com"));

    String[][] customers = {
        {"C1", "Carla Cruz"}, {"C2", "Dave Dunn"}, {"C3", "Elle Ellis"}, {"C4", "Fay Ford"},
        {"C5", "Gus Gray"}, {"C6", "Hana Hill"}, {"C7", "Ian Ives"}, {"C8", "Jay Jett"},
        {"C9", "Kai Kerr"}};
    for (String[] c : customers) {
      b.add(Customer.of(c[0], DANA, c[1], c[1].toLowerCase(java.util.Locale.ROOT)
          .replace(' ', '.') + "@example.com"));
    }

    // November: Dana's own orders and Carla's make 1,150 PV.
    b.add(order("O1", BuyerType.DISTRIBUTOR, DANA, 2026, 11, 3, "400"));
    b.add(order("O2", BuyerType.DISTRIBUTOR, DANA, 2026, 11, 12, "350"));
    b.add(order("O3", BuyerType.DISTRIBUTOR, DANA, 2026, 11, 20, "300"));
    b.add(order("O4", BuyerType.CUSTOMER, "C1", 2026, 11, 8, "100"));
    // Customers who bought before but not this month: the calls to make.
    b.add(order("O5", BuyerType.CUSTOMER, "C2", 2026, 10, 14, "80"));
    b.add(order("O6", BuyerType.CUSTOMER, "C3", 2026, 9, 2, "60"));
    b.add(order("O7", BuyerType.CUSTOMER, "C5", 2026, 10, 30, "120"));
    // Personal distributors: Ben and Eva above 100 PV, Finn below it, the rest silent.
    b.add(order("O8", BuyerType.DISTRIBUTOR, "D101", 2026, 11, 5, "200"));
    b.add(order("O9", BuyerType.DISTRIBUTOR, "D102", 2026, 11, 6, "150"));
    b.add(order("O10", BuyerType.DISTRIBUTOR, "D103", 2026, 11, 9, "40"));
    b.add(order("O11", BuyerType.DISTRIBUTOR, "D104", 2026, 10, 22, "110"));
    // The deeper downline: 2,000 + 1,500 + 1,260 + 1,000.
    b.add(order("O12", BuyerType.DISTRIBUTOR, "D201", 2026, 11, 10, "2000"));
    b.add(order("O13", BuyerType.DISTRIBUTOR, "D202", 2026, 11, 11, "1500"));
    b.add(order("O14", BuyerType.DISTRIBUTOR, "D301", 2026, 11, 15, "1260"));
    b.add(order("O15", BuyerType.DISTRIBUTOR, "D203", 2026, 11, 16, "1000"));
    // Cancelled, and placed after the screen was looked at: neither counts.
    b.add(new Order("O16", BuyerType.DISTRIBUTOR, DANA, at(2026, 11, 21), 
        dev.rankgauge.OrderStatus.CANCELLED, Map.of("PV", new BigDecimal("500")),
        new BigDecimal("625.00")));
    b.add(order("O17", BuyerType.CUSTOMER, "C4", 2026, 11, 28, "90"));
    return b.build();
  }

  private static Order order(String id, BuyerType type, String buyer, int y, int m, int d,
      String pv) {
    BigDecimal volume = new BigDecimal(pv);
    return Order.paid(id, type, buyer, at(y, m, d), "PV", volume,
        volume.multiply(new BigDecimal("1.25")).setScale(2));
  }

  private static Instant at(int y, int m, int d) {
    return LocalDateTime.of(y, m, d, 14, 30).atZone(ZONE).toInstant();
  }
}
