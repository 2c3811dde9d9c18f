package dev.rankgauge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Terse builders for the example tests: an organisation written as the domain says it ("D2 is
 * sponsored by D1", "customer C1 of D1 bought 120 PV on 3 November"), and four-gauge ladders.
 * Every instant is in {@link #ZONE}, never the machine's zone, so the tests read the same under
 * Pacific/Chatham.
 */
final class Fixtures {
  /** The plan's time zone in the example tests: the company sits in Utah (UTC-7 in November). */
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  /** November 2026, the period most examples evaluate. */
  static final Period NOVEMBER = Period.month(2026, 11);
  static final LocalDate JOINED = LocalDate.of(2025, 1, 15);

  private Fixtures() {}

  /** An instant in the plan's zone. */
  static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
  }

  /** Noon on a day of November 2026, in the plan's zone. */
  static Instant nov(int day) {
    return at(2026, 11, day, 12, 0);
  }

  /** Noon on a day of October 2026, in the plan's zone. */
  static Instant oct(int day) {
    return at(2026, 10, day, 12, 0);
  }

  /** Noon on a day of December 2026, in the plan's zone. */
  static Instant dec(int day) {
    return at(2026, 12, day, 12, 0);
  }

  static BigDecimal pv(String volume) {
    return new BigDecimal(volume);
  }

  /** A new organisation in the making. */
  static Org org() {
    return new Org();
  }

  /** A plan in {@link #ZONE} with PV only and the builder's defaults otherwise. */
  static CompPlan.Builder plan() {
    return CompPlan.builder("Test plan").zone(ZONE).volumeTypes("PV");
  }

  /**
   * The plan most examples use: MBR &lt; SLV (100 PV, 500 GV, 1 customer, 1 distributor) &lt; GLD
   * (200, 1,500, 2, 2) &lt; PLAT (400, 3,000, 3, 3), customers and distributors active with an
   * order in the period, personal volume from own and customers' orders.
   */
  static CompPlan.Builder ladder() {
    return plan()
        .rank(entry())
        .rank(rank("SLV", "100", "500", 1, 1))
        .rank(rank("GLD", "200", "1500", 2, 2))
        .rank(rank("PLAT", "400", "3000", 3, 3));
  }

  /** The entry rank. */
  static Rank entry() {
    return Rank.of("MBR", "Member");
  }

  /**
   * A rank with up to four gauge thresholds; {@code null} leaves a threshold out.
   *
   * @param personal minimum personal volume
   * @param group minimum group volume
   * @param customers minimum active personal customers
   * @param distributors minimum active personal distributors
   */
  static Rank rank(String code, String personal, String group, Integer customers,
      Integer distributors) {
    java.util.List<Requirement> reqs = new java.util.ArrayList<>();
    if (personal != null) {
      reqs.add(Requirement.personalVolume(new BigDecimal(personal)));
    }
    if (group != null) {
      reqs.add(Requirement.groupVolume(new BigDecimal(group)));
    }
    if (customers != null) {
      reqs.add(Requirement.activePersonalCustomers(customers));
    }
    if (distributors != null) {
      reqs.add(Requirement.activePersonalDistributors(distributors));
    }
    return new Rank(code, code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT), reqs);
  }

  /** Distributors, customers and orders, added as a host would stream them in. */
  static final class Org {
    private final Organisation.Builder builder = Organisation.builder();
    private final Set<String> customers = new HashSet<>();
    private int orders;

    /** A distributor; {@code sponsor} null for a root. */
    Org distributor(String id, String sponsor) {
      builder.add(Distributor.of(id, sponsor, JOINED, "Name of " + id, email(id)));
      return this;
    }

    Org distributor(Distributor d) {
      builder.add(d);
      return this;
    }

    /** A personal customer of {@code distributor}. */
    Org customer(String id, String distributor) {
      customers.add(id);
      builder.add(Customer.of(id, distributor, "Name of " + id, email(id)));
      return this;
    }

    Org customer(Customer c) {
      customers.add(c.id());
      builder.add(c);
      return this;
    }

    /** A paid PV order with the next free id ("O1", "O2", ...). */
    Org paid(String buyer, Instant when, String pv) {
      return paid("O" + (orders + 1), buyer, when, pv);
    }

    Org paid(String id, String buyer, Instant when, String pv) {
      return order(id, buyer, when, OrderStatus.PAID, pv);
    }

    Org returned(String id, String buyer, Instant when, String pv) {
      return order(id, buyer, when, OrderStatus.RETURNED, pv);
    }

    Org cancelled(String id, String buyer, Instant when, String pv) {
      return order(id, buyer, when, OrderStatus.CANCELLED, pv);
    }

    Org order(String id, String buyer, Instant when, OrderStatus status, String pv) {
      return order(new Order(id, buyerType(buyer), buyer, when, status, Map.of("PV", pv(pv)),
          pv(pv).abs()));
    }

    Org order(Order o) {
      orders++;
      builder.add(o);
      return this;
    }

    /** Customers are those added with {@link #customer}; every other buyer is a distributor. */
    BuyerType buyerType(String buyer) {
      return customers.contains(buyer) ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR;
    }

    Organisation build() {
      return builder.build();
    }

    private static String email(String id) {
      return id.toLowerCase(Locale.ROOT) + "@example.com";
    }
  }
}
