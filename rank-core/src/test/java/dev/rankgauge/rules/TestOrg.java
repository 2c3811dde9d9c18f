package dev.rankgauge.rules;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.Trace;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hand-built organisations for tests: distributors with their personal volume in March 2026, one
 * paid order each (none where the volume is zero, so that they are inactive under an
 * "order in the period" rule). Rows can be added in a shuffled order to show that results do not
 * depend on it.
 */
public final class TestOrg {
  /** The period every test evaluates. */
  public static final Period PERIOD = Period.month(2026, 3);
  private static final Instant IN_PERIOD = Instant.parse("2026-03-10T12:00:00Z");
  private static final LocalDate JOINED = LocalDate.of(2025, 1, 1);

  private final String volumeType;
  private final List<Distributor> distributors = new ArrayList<>();
  private final List<Customer> customers = new ArrayList<>();
  private final List<Order> orders = new ArrayList<>();

  private TestOrg(String volumeType) {
    this.volumeType = volumeType;
  }

  /** An empty organisation whose orders carry PV. */
  public static TestOrg create() {
    return new TestOrg("PV");
  }

  /** An empty organisation whose orders carry the given volume type. */
  public static TestOrg create(String volumeType) {
    return new TestOrg(volumeType);
  }

  /** A distributor sponsored by {@code sponsor} (null for a root) with this personal volume. */
  public TestOrg add(String id, String sponsor, long volume) {
    return add(id, sponsor, BigDecimal.valueOf(volume));
  }

  /** A distributor sponsored by {@code sponsor} (null for a root) with this personal volume. */
  public TestOrg add(String id, String sponsor, BigDecimal volume) {
    distributors.add(Distributor.of(id, sponsor, JOINED, "Name " + id, id + "@example.com"));
    if (volume.signum() != 0) {
      order(BuyerType.DISTRIBUTOR, id, volume);
    }
    return this;
  }

  /** A personal customer of {@code owner} who bought this volume in the period (none if zero). */
  public TestOrg customer(String id, String owner, long volume) {
    customers.add(Customer.of(id, owner, "Name " + id, id + "@example.com"));
    if (volume != 0) {
      order(BuyerType.CUSTOMER, id, BigDecimal.valueOf(volume));
    }
    return this;
  }

  /** A further order of a distributor in the period. */
  public TestOrg volume(String id, long volume) {
    order(BuyerType.DISTRIBUTOR, id, BigDecimal.valueOf(volume));
    return this;
  }

  /**
   * A chain of {@code length} distributors below {@code sponsor}, named {@code prefix1},
   * {@code prefix2}, ..., each with the given volume.
   *
   * @return the id of the last distributor of the chain
   */
  public String chain(String sponsor, String prefix, int length, long volume) {
    String up = sponsor;
    for (int i = 1; i <= length; i++) {
      add(prefix + i, up, volume);
      up = prefix + i;
    }
    return up;
  }

  private void order(BuyerType type, String buyer, BigDecimal volume) {
    orders.add(Order.paid("O" + (orders.size() + 1) + "-" + buyer, type, buyer, IN_PERIOD,
        volumeType, volume, volume));
  }

  /** The organisation, rows in the order they were added. */
  public Organisation build() {
    return Organisation.builder().addDistributors(distributors).addCustomers(customers)
        .addOrders(orders).build();
  }

  /** The same organisation, every kind of row added in an order shuffled with this seed. */
  public Organisation shuffled(long seed) {
    Random r = new Random(seed);
    List<Distributor> d = new ArrayList<>(distributors);
    List<Customer> c = new ArrayList<>(customers);
    List<Order> o = new ArrayList<>(orders);
    Collections.shuffle(d, r);
    Collections.shuffle(c, r);
    Collections.shuffle(o, r);
    Organisation.Builder b = Organisation.builder();
    // Interleave kinds too: the builder takes rows in any order.
    o.forEach(b::add);
    d.forEach(b::add);
    c.forEach(b::add);
    return b.build();
  }

  /** Evaluates March 2026 as it ends. */
  public Evaluation evaluate(CompPlan plan) {
    return RankGauge.evaluate(build(), plan, PERIOD);
  }

  /** Evaluates March 2026 as it ends, with the host's title ranks. */
  public Evaluation evaluate(CompPlan plan, Map<String, String> titleRanks) {
    return RankGauge.evaluate(build(), plan, PERIOD, PERIOD.endInstant(plan.zone()), titleRanks);
  }

  /** The distributor ids, in the order added. */
  public List<String> ids() {
    return distributors.stream().map(Distributor::id).toList();
  }

  /** The status of one requirement of one rank in a distributor's trace. */
  public static RequirementStatus status(Evaluation e, String id, String rank, int requirement) {
    return rankCheck(e, id, rank).requirements().get(requirement);
  }

  /** One rank's check in a distributor's trace. */
  public static Trace.RankCheck rankCheck(Evaluation e, String id, String rank) {
    return e.trace(id).ranks().stream().filter(c -> c.rank().code().equals(rank)).findFirst()
        .orElseThrow(() -> new AssertionError("no rank " + rank + " in the trace"));
  }
}
