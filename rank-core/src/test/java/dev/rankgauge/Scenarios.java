package dev.rankgauge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators for the properties: small organisations (up to 60 distributors, 40 customers, 120
 * orders around November 2026) evaluated against four-gauge plans. Everything is built from small
 * integers, so jqwik shrinks a failing case to a short, readable one.
 */
final class Scenarios {
  static final Period PERIOD = Period.month(2026, 11);
  /** Order times are offsets from here, so that they fall on both sides of the period. */
  private static final Instant ORIGIN = Instant.parse("2026-11-01T00:00:00Z");
  private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/Denver"),
      ZoneId.of("Pacific/Chatham"), ZoneId.of("Asia/Kolkata"));
  private static final LocalDate JOINED = LocalDate.of(2024, 6, 1);
  static final int MAX_DISTRIBUTORS = 60;
  private static final int MAX_RANKS = 5;

  private Scenarios() {}

  /** An organisation, a plan and the instant it is evaluated at. */
  record Scenario(CompPlan plan, Instant asOf, List<Distributor> distributors,
      List<Customer> customers, List<Order> orders) {

    Scenario {
      distributors = List.copyOf(distributors);
      customers = List.copyOf(customers);
      orders = List.copyOf(orders);
    }

    Organisation organisation() {
      return Organisation.builder().addDistributors(distributors).addCustomers(customers)
          .addOrders(orders).build();
    }

    Evaluation evaluate() {
      return RankGauge.evaluate(organisation(), plan, PERIOD, asOf);
    }

    /** The same rows in another order. */
    Scenario shuffled(Random random) {
      List<Distributor> d = new ArrayList<>(distributors);
      List<Customer> c = new ArrayList<>(customers);
      List<Order> o = new ArrayList<>(orders);
      Collections.shuffle(d, random);
      Collections.shuffle(c, random);
      Collections.shuffle(o, random);
      return new Scenario(plan, asOf, d, c, o);
    }

    /** This scenario with one more order. */
    Scenario with(Order order) {
      List<Order> o = new ArrayList<>(orders);
      o.add(order);
      return new Scenario(plan, asOf, distributors, customers, o);
    }

    /** Personally sponsored distributors by sponsor id. */
    Map<String, List<String>> children() {
      Map<String, List<String>> out = new HashMap<>();
      for (Distributor d : distributors) {
        d.sponsorId().ifPresent(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(d.id()));
      }
      return out;
    }

    /** How many levels the deepest sponsor chain has. */
    int depth() {
      Map<String, String> sponsor = new HashMap<>();
      distributors.forEach(d -> sponsor.put(d.id(), d.sponsorId().orElse(null)));
      int max = 0;
      for (Distributor d : distributors) {
        int depth = 1;
        for (String s = sponsor.get(d.id()); s != null; s = sponsor.get(s)) {
          depth++;
        }
        max = Math.max(max, depth);
      }
      return max;
    }

    @Override
    public String toString() {
      String nl = System.lineSeparator();
      return "Scenario as of " + asOf + " in " + plan.zone() + nl
          + "  plan: " + describe(plan) + nl
          + "  distributors: " + distributors.stream()
              .map(d -> d.id() + d.sponsorId().map(s -> "<" + s).orElse(""))
              .collect(Collectors.joining(" ")) + nl
          + "  customers: " + customers.stream().map(c -> c.id() + "@" + c.distributorId())
              .collect(Collectors.joining(" ")) + nl
          + "  orders: " + orders.stream().map(o -> o.id() + ":" + o.buyerId() + " "
              + o.status() + " " + o.volume("PV").toPlainString() + " " + o.timestamp())
              .collect(Collectors.joining(", "));
    }
  }

  static String describe(CompPlan plan) {
    return "customers " + plan.customerActivity().describe("PV") + "; distributors "
        + plan.distributorActivity().describe("PV") + "; " + plan.personalVolume() + "; "
        + plan.ranks().stream().map(r -> r.code() + r.requirements().stream()
            .map(q -> q.describe("PV")).collect(Collectors.joining(", ", "(", ")")))
            .collect(Collectors.joining(" < "));
  }

  // --- scenarios -------------------------------------------------------------------------------

  /** Organisations with a plan whose every requirement is a rising gauge threshold. */
  static Arbitrary<Scenario> risingScenarios() {
    return scenarios(plans(true));
  }

  /** Organisations with a four-gauge plan whose thresholds go up and down the ladder. */
  static Arbitrary<Scenario> anyFourGaugeScenarios() {
    return Arbitraries.oneOf(List.of(plans(true), plans(false))).flatMap(p -> scenarios(
        Arbitraries.just(p)));
  }

  private static Arbitrary<Scenario> scenarios(Arbitrary<CompPlan> plans) {
    // Sizes spread evenly, not bunched at the small end, so that deep trees are common.
    Arbitrary<List<Integer>> sponsors = uniform(0, 999).list()
        .ofMaxSize(MAX_DISTRIBUTORS - 1).withSizeDistribution(RandomDistribution.uniform());
    Arbitrary<List<Integer>> customers = uniform(0, 999).list()
        .ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    Arbitrary<List<OrderDraft>> orders = orderDrafts().list().ofMaxSize(120)
        .withSizeDistribution(RandomDistribution.uniform());
    // Half evaluated as the period ends, half at some instant in it.
    Arbitrary<Optional<Integer>> asOf = uniform(0, 30 * 24 * 60)
        .optional(0.5);
    return Combinators.combine(plans, sponsors, customers, orders, asOf)
        .as(Scenarios::scenario);
  }

  private static Scenario scenario(CompPlan plan, List<Integer> sponsors, List<Integer> owners,
      List<OrderDraft> drafts, Optional<Integer> asOfMinutes) {
    int n = sponsors.size() + 1;
    List<Distributor> distributors = new ArrayList<>();
    distributors.add(distributor(0, null));
    for (int i = 1; i < n; i++) {
      int raw = sponsors.get(i - 1);
      // Mostly a random tree; some long chains and a few extra roots.
      Integer sponsor = raw < 30 ? null : raw < 300 ? i - 1 : raw % i;
      distributors.add(distributor(i, sponsor));
    }
    List<Customer> customers = new ArrayList<>();
    for (int j = 0; j < owners.size(); j++) {
      customers.add(Customer.of("C" + j, "D" + owners.get(j) % n, "Customer " + j,
          "c" + j + "@example.com"));
    }
    List<Order> orders = new ArrayList<>();
    for (int k = 0; k < drafts.size(); k++) {
      orders.add(drafts.get(k).order("O" + k, n, customers.size()));
    }
    Instant asOf = asOfMinutes.map(m -> ORIGIN.plus(Duration.ofMinutes(m)))
        .orElse(PERIOD.endInstant(plan.zone()));
    return new Scenario(plan, asOf, distributors, customers, orders);
  }

  private static Distributor distributor(int i, Integer sponsor) {
    Distributor d = Distributor.of("D" + i, sponsor == null ? null : "D" + sponsor,
        JOINED.plusDays(i), "Distributor " + i, "d" + i + "@example.com");
    return i % 3 == 0 ? d.withPhone("+1 555 01" + i) : d;
  }

  /** One order before it knows how many buyers there are. */
  record OrderDraft(boolean byCustomer, int buyer, int minutes, OrderStatus status, int cents,
      int scale, boolean negative) {

    Order order(String id, int distributors, int customers) {
      boolean customer = byCustomer && customers > 0;
      String buyerId = customer ? "C" + buyer % customers : "D" + buyer % distributors;
      BigDecimal pv = BigDecimal.valueOf(cents, 2).setScale(scale, RoundingMode.DOWN);
      if (status == OrderStatus.RETURNED && negative) {
        pv = pv.negate();
      }
      return new Order(id, customer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR, buyerId,
          ORIGIN.plus(Duration.ofMinutes(minutes)), status,
          Map.of("PV", pv, "CV", pv.multiply(new BigDecimal("0.8"))), pv.abs());
    }
  }

  static Arbitrary<OrderDraft> orderDrafts() {
    return Combinators.combine(
        uniform(0, 2).map(k -> k == 2),
        uniform(0, 999),
        // From 45 days before the period start to 40 days after it.
        uniform(-45 * 24 * 60, 40 * 24 * 60),
        statuses(),
        uniform(0, 40_000),
        uniform(0, 2),
        Arbitraries.of(true, false))
        .as(OrderDraft::new);
  }

  /**
   * A further paid order for a buyer of the scenario (mostly a distributor), placed between five
   * days before the period and the as-of instant: mostly in the period, where it can change
   * something.
   */
  static Arbitrary<Order> furtherPaidOrders(Scenario s) {
    int asOf = (int) Duration.between(ORIGIN, s.asOf()).toMinutes();
    return Combinators.combine(uniform(0, 3).map(k -> k == 3),
        uniform(0, 999),
        uniform(-5 * 24 * 60, asOf - 1),
        uniform(0, 40_000), uniform(0, 2))
        .as((c, b, m, cents, scale) -> new OrderDraft(c, b, m, OrderStatus.PAID, cents, scale,
            false).order("EXTRA", s.distributors().size(), s.customers().size()));
  }

  private static Arbitrary<OrderStatus> statuses() {
    return Arbitraries.frequency(List.of(Tuple.of(8, OrderStatus.PAID),
        Tuple.of(1, OrderStatus.RETURNED), Tuple.of(1, OrderStatus.CANCELLED)));
  }

  /**
   * Integers spread evenly over the range. jqwik's default leans towards small values, which here
   * would make most volumes zero, most order times fall on the period's first instant in UTC
   * and most distributors roots.
   */
  static Arbitrary<Integer> uniform(int min, int max) {
    return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
  }

  // --- plans -----------------------------------------------------------------------------------

  /** A plan in the making; the generator sets its fields. */
  static final class PlanDraft {
    int ranks = 1;
    ZoneId zone = ZoneId.of("UTC");
    boolean withCv;
    PersonalVolumeRule personalVolume = PersonalVolumeRule.ownAndCustomerOrders();
    ActivityRule customerActivity = ActivityRule.orderInPeriod();
    ActivityRule distributorActivity = ActivityRule.orderInPeriod();
    /** Per metric: the rank it starts at (beyond the ladder: never), then steps per rank. */
    final Map<Metric, List<Integer>> ladders = new LinkedHashMap<>();

    CompPlan plan(boolean rising) {
      CompPlan.Builder b = CompPlan.builder("Generated").zone(zone)
          .volumeTypes(withCv ? new String[] {"PV", "CV"} : new String[] {"PV"})
          .personalVolume(personalVolume).customerActivity(customerActivity)
          .distributorActivity(distributorActivity).rank(Rank.of("R0", "Entry"));
      for (int r = 1; r <= ranks; r++) {
        List<Requirement> reqs = new ArrayList<>();
        for (Map.Entry<Metric, List<Integer>> e : ladders.entrySet()) {
          List<Integer> steps = e.getValue();
          int start = steps.get(0);
          if (rising ? r < start : (steps.get(r) % 3 == 0)) {
            continue;
          }
          int sum = 0;
          for (int k = rising ? start : r; k <= r; k++) {
            sum += steps.get(k);
          }
          reqs.add(requirement(e.getKey(), sum));
        }
        b.rank(new Rank("R" + r, "Rank " + r, reqs));
      }
      return b.build();
    }

    private static Requirement requirement(Metric m, int units) {
      return switch (m) {
        case PERSONAL_SALES -> Requirement.personalVolume(BigDecimal.valueOf(units, 1));
        case GROUP_SALES -> Requirement.groupVolume(BigDecimal.valueOf(units * 5L));
        case ACTIVE_PERSONAL_CUSTOMERS -> Requirement.activePersonalCustomers(Math.min(units, 4));
        case ACTIVE_PERSONAL_DISTRIBUTORS ->
            Requirement.activePersonalDistributors(Math.min(units, 4));
      };
    }
  }

  /**
   * Four-gauge plans of one to five ranks above the entry rank. Rising: each metric is required
   * from some rank up, never less than the rank below asks. Otherwise thresholds come and go.
   */
  static Arbitrary<CompPlan> plans(boolean rising) {
    Builders.BuilderCombinator<PlanDraft> b = Builders.withBuilder(PlanDraft::new)
        .use(uniform(1, MAX_RANKS)).inSetter((p, v) -> p.ranks = v)
        .use(Arbitraries.of(ZONES)).inSetter((p, v) -> p.zone = v)
        .use(Arbitraries.of(true, false)).inSetter((p, v) -> p.withCv = v)
        .use(personalVolumeRules()).inSetter((p, v) -> p.personalVolume = v)
        .use(activityRules()).inSetter((p, v) -> p.customerActivity = v)
        .use(activityRules()).inSetter((p, v) -> p.distributorActivity = v);
    for (Metric m : Metric.values()) {
      // Steps in tenths of PV, fifths of GV, or people (at most 4): small enough to be reached.
      int maxStep = m == Metric.PERSONAL_SALES ? 1500 : m == Metric.GROUP_SALES ? 400 : 2;
      Arbitrary<List<Integer>> ladder = Combinators.combine(
          uniform(1, MAX_RANKS + 1),
          uniform(0, maxStep).list().ofSize(MAX_RANKS))
          .as((start, steps) -> {
            List<Integer> l = new ArrayList<>();
            l.add(start);
            l.addAll(steps);
            return l;
          });
      b = b.use(ladder).inSetter((p, v) -> p.ladders.put(m, v));
    }
    return b.build(p -> p.plan(rising));
  }

  static Arbitrary<PersonalVolumeRule> personalVolumeRules() {
    return Combinators.combine(Arbitraries.of(true, false),
        // A third of the plans cap self-purchases.
        uniform(0, 3000).optional(0.33))
        .as((customers, cap) -> new PersonalVolumeRule(customers,
            cap.map(c -> BigDecimal.valueOf(c, 1))));
  }

  static Arbitrary<ActivityRule> activityRules() {
    return Arbitraries.oneOf(List.of(
        uniform(0, 1500)
            .map(v -> ActivityRule.minimumVolume(BigDecimal.valueOf(v, 1))),
        Arbitraries.just(ActivityRule.orderInPeriod()),
        Arbitraries.just(ActivityRule.netVolumeAboveZero()),
        uniform(1, 120).map(ActivityRule::orderWithinDays)));
  }
}
