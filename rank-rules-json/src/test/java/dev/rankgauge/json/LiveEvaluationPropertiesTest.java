package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.LiveUpdate;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.Placement;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RankHold;
import dev.rankgauge.Requirement;
import dev.rankgauge.ValidationException;
import dev.rankgauge.spi.RuleContext;
import dev.rankgauge.spi.RuleOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The law of the live evaluation: after every event, its snapshot is a whole evaluation of the
 * same data, figure for figure and distributor by distributor; its change feed is exactly the
 * difference between the two whole evaluations around the event; and a bad event changes nothing.
 * Over random organisations, every bundled plan plus one plan with every rule kind and a host
 * rule, and random sequences of every kind of event.
 */
class LiveEvaluationPropertiesTest {
  private static final Period PERIOD = Period.month(2026, 11);
  private static final LocalDate JOINED = LocalDate.of(2025, 3, 1);
  private static final String EVERY_KIND = "every-kind";
  static final String EVERY_PLACEMENT_KIND = "every-placement-kind";

  /** One random choice, read modulo what exists when it is used. */
  record Step(int kind, int a, int b, int volume, int minutes) {}

  record World(String plan, List<Integer> sponsors, List<Integer> owners, List<Step> orders,
      int asOfMinutes, List<Step> steps, boolean withHistory, List<Integer> slots) {}

  @Property(tries = 120)
  void afterEveryEventTheSnapshotIsAWholeEvaluationOfTheSameData(@ForAll("worlds") World w) {
    Model m = new Model(plan(w.plan()), w);
    // with a closed October, continued from a finished evaluation; else started afresh
    LiveEvaluation live = w.withHistory() ? LiveEvaluation.start(m.evaluate())
        : LiveEvaluation.start(m.build(), m.plan, PERIOD, m.asOf, m.titles);
    List<LiveUpdate> heard = new ArrayList<>();
    live.subscribe(heard::add);
    Evaluation expected = m.evaluate();
    same(live.snapshot(), expected, m);
    int applied = 0;
    int rejected = 0;
    Map<String, Integer> structural = new TreeMap<>();
    for (Step s : w.steps()) {
      Attempt t = m.attempt(s);
      if (t == null) {
        continue;
      }
      if (t.valid) {
        LiveUpdate u = live.apply(t.event);
        t.change.run();
        Evaluation next = m.evaluate();
        sameChanges(u, expected, next, m);
        assertThat(heard).last().isEqualTo(u);
        expected = next;
        applied++;
        String kind = t.event.getClass().getSimpleName();
        if (!kind.startsWith("Order") && !kind.equals("TimePassed")) {
          structural.merge(kind, 1, Integer::sum);
        }
        if (t.event instanceof LiveEvent.DistributorJoined j && j.placement().isPresent()) {
          structural.merge("placed join", 1, Integer::sum);
        }
      } else {
        Evaluation before = live.snapshot();
        assertThatThrownBy(() -> live.apply(t.event)).as(t.event.describe())
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining(t.event.describe());
        assertThat(live.snapshot()).as("nothing changes").isSameAs(before);
        rejected++;
        if (t.event instanceof LiveEvent.SponsorChanged) {
          structural.merge("cycle refused", 1, Integer::sum);
        }
        if (t.event instanceof LiveEvent.PlacementChanged
            || t.event instanceof LiveEvent.DistributorJoined) {
          structural.merge("placement refused", 1, Integer::sum);
        }
      }
      if (s.volume() % 4 != 0) {
        // now and then no snapshot, so that the next one catches up on several events
        same(live.snapshot(), expected, m);
      }
    }
    same(live.snapshot(), expected, m);
    assertThat(live.version()).isEqualTo(applied);
    Statistics.label("plan").collect(w.plan());
    Statistics.label("with a closed October").collect(w.withHistory());
    Statistics.label("events applied").collect(applied >= 10 ? "10 or more" : "fewer")
        .coverage(c -> c.check("10 or more").percentage(p -> p >= 50));
    Statistics.label("some rejected").collect(rejected > 0)
        .coverage(c -> c.check(true).percentage(p -> p >= 30));
    // joins and moves change the structure in place: most runs must apply each kind. Between 20
    // and 38% of 120 runs apply no distributor move (measured); the bound leaves room for chance
    // and still fails a generator that stops making a kind.
    for (String kind : List.of("DistributorJoined", "CustomerJoined", "CustomerMoved",
        "SponsorChanged")) {
      int n = structural.getOrDefault(kind, 0);
      Statistics.label(kind).collect(n == 0 ? "none" : n == 1 ? "1" : "2 or more")
          .coverage(c -> c.check("none").percentage(p -> p <= 60));
    }
    Statistics.label("a move refused as a cycle").collect(structural.containsKey("cycle refused"))
        .coverage(c -> c.check(true).percentage(p -> p >= 10));
    if (m.plan.placementTree().isPresent()) {
      // in the plans with a placement tree (some 40 of the 120 runs): joins with a place,
      // placement changes and refusals. Between 32 and 51% of those runs had none of a kind
      // (measured); the bound leaves room for the small sample and still fails a generator that
      // stops making a kind.
      for (String kind : List.of("placed join", "PlacementChanged", "placement refused")) {
        int n = structural.getOrDefault(kind, 0);
        Statistics.label(kind + " (placement plans)").collect(n == 0 ? "none" : "some")
            .coverage(c -> c.check("none").percentage(p -> p <= 75));
      }
    }
  }

  private static void same(Evaluation live, Evaluation whole, Model m) {
    for (Distributor d : m.distributors) {
      String id = d.id();
      assertThat(live.result(id)).as("result of %s", id).isEqualTo(whole.result(id));
      assertThat(live.trace(id)).as("trace of %s", id).isEqualTo(whole.trace(id));
    }
    assertThat(live.paidAsCounts()).isEqualTo(whole.paidAsCounts());
    assertThat(live.asOf()).isEqualTo(whole.asOf());
    assertThat(live.organisation().orders()).isEqualTo(m.orders);
    assertThat(live.organisation().customers()).isEqualTo(m.customers);
    assertThat(live.organisation().distributors()).isEqualTo(m.distributors);
    assertThat(live.organisation().placements())
        .containsExactlyInAnyOrderElementsOf(m.placements.values());
    for (Distributor d : m.distributors) {
      assertThat(live.sides(d.id())).as("sides of %s", d.id()).isEqualTo(whole.sides(d.id()));
    }
  }

  /** The feed lists exactly the paid-as ranks and gauge ranks that differ between the two. */
  private static void sameChanges(LiveUpdate u, Evaluation before, Evaluation after, Model m) {
    Set<List<String>> ranks = new HashSet<>();
    Set<List<String>> gauges = new HashSet<>();
    for (Distributor d : m.distributors) {
      String id = d.id();
      if (before.find(id).isEmpty()) {
        continue;
      }
      Rank was = before.paidAs(id);
      Rank is = after.paidAs(id);
      if (!was.equals(is)) {
        ranks.add(List.of(id, was.code(), is.code()));
      }
      for (Metric metric : Metric.values()) {
        var g0 = before.gauge(id, metric);
        var g1 = after.gauge(id, metric);
        if (!g0.rank().equals(g1.rank())) {
          gauges.add(List.of(id, metric.name(), g0.rank().code(), g1.rank().code(),
              g0.value().toPlainString(), g1.value().toPlainString()));
        }
      }
    }
    Set<List<String>> heardRanks = new HashSet<>();
    u.rankChanges().forEach(c -> heardRanks.add(List.of(c.distributorId(), c.before().code(),
        c.after().code())));
    Set<List<String>> heardGauges = new HashSet<>();
    u.gaugeCrossings().forEach(c -> heardGauges.add(List.of(c.distributorId(), c.metric().name(),
        c.before().code(), c.after().code(), c.valueBefore().toPlainString(),
        c.valueAfter().toPlainString())));
    assertThat(heardRanks).as("rank changes after %s", u.event().describe()).isEqualTo(ranks);
    assertThat(heardGauges).as("gauge crossings after %s", u.event().describe())
        .isEqualTo(gauges);
    assertThat(u.rankChanges()).hasSameSizeAs(heardRanks);
  }

  // --- the data as a host keeps it -------------------------------------------------------------

  /** An event, whether the model says it is valid, and what it does to the rows. */
  record Attempt(LiveEvent event, boolean valid, Runnable change) {}

  /** The rows as a host keeps them; WhatIfPropertiesTest uses it too. */
  static final class Model {
    final CompPlan plan;
    final Map<String, String> titles;
    final History history;
    final List<Distributor> distributors = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    /** Placements by distributor id, for a plan with a placement tree. */
    final Map<String, Placement> placements = new HashMap<>();
    /** The width of the plan's placement tree; 0 without one. */
    final int width;
    final Map<String, Map<String, BigDecimal>> returned = new HashMap<>();
    final Map<String, BigDecimal> returnedAmount = new HashMap<>();
    final Instant origin;
    Instant asOf;
    int next;

    Model(CompPlan plan, World w) {
      this.plan = plan;
      this.width = plan.placementTree().map(t -> t.width()).orElse(0);
      this.origin = PERIOD.startInstant(plan.zone());
      for (int i = 0; i < w.sponsors().size(); i++) {
        int s = w.sponsors().get(i);
        Distributor d = Distributor.of("D" + i, i == 0 || s < 0 ? null : "D" + (s % i), JOINED,
            "Dist " + i, "d" + i + "@example.com");
        distributors.add(d);
        if (width > 0 && d.sponsorId().isPresent()) {
          Placement p = spillover(d.id(), d.sponsorId().get(), w.slots().get(i));
          placements.put(p.distributorId(), p);
        }
      }
      for (int i = 0; i < w.owners().size(); i++) {
        customers.add(Customer.of("C" + i, "D" + (w.owners().get(i) % distributors.size()),
            "Cust " + i, "c" + i + "@example.com"));
      }
      for (Step s : w.orders()) {
        orders.add(order(s, OrderStatus.PAID, false));
      }
      this.asOf = origin.plus(w.asOfMinutes(), ChronoUnit.MINUTES);
      if (w.withHistory()) {
        // October evaluated on the same rows (November's orders do not count in it) and closed
        Period october = Period.month(2026, 10);
        this.history = RankGauge.evaluate(build(), plan, october,
            october.endInstant(plan.zone())).close();
        this.titles = Map.of();
      } else {
        this.history = History.empty();
        this.titles = plan.rankLevel("T3") >= 0 ? Map.of("D0", "T3") : Map.of();
      }
    }

    Organisation build() {
      return Organisation.builder().addDistributors(distributors).addCustomers(customers)
          .addPlacements(placements.values()).addOrders(orders).build();
    }

    /**
     * A free place in the sponsor's placement subtree, as a host's spillover finds one: the
     * {@code pick}-th of the first free positions breadth-first from the sponsor, so that everyone sits
     * below their sponsor and the trees never cross.
     */
    Placement spillover(String id, String sponsor, int pick) {
      Map<String, Map<Integer, String>> below = new HashMap<>();
      placements.values().forEach(p -> below.computeIfAbsent(p.parentId(), k -> new HashMap<>())
          .put(p.position(), p.distributorId()));
      List<String> queue = new ArrayList<>(List.of(sponsor));
      List<Placement> free = new ArrayList<>();
      for (int head = 0; head < queue.size() && free.size() < 3; head++) {
        String at = queue.get(head);
        for (int pos = 1; pos <= width; pos++) {
          String c = below.getOrDefault(at, Map.of()).get(pos);
          if (c != null) {
            if (!c.equals(id)) {
              // not into the subtree of the distributor placed
              queue.add(c);
            }
          } else {
            free.add(Placement.of(id, at, pos));
          }
        }
      }
      return free.get(pick % free.size());
    }

    /**
     * Whether the rows after a change still make an organisation that evaluates: what the
     * builder and a whole evaluation check (free positions within the width, no cycles, one
     * organisation, no crossing of the trees where ranks are counted in the placement tree).
     */
    boolean evaluatesWith(Runnable change, Runnable undo) {
      change.run();
      try {
        evaluate();
        return true;
      } catch (ValidationException e) {
        return false;
      } finally {
        undo.run();
      }
    }

    Evaluation evaluate() {
      return history.isEmpty() ? RankGauge.evaluate(build(), plan, PERIOD, asOf, titles)
          : RankGauge.evaluate(build(), plan, PERIOD, asOf, history);
    }

    Order order(Step s, OrderStatus status, boolean decimals) {
      boolean byCustomer = s.a() % 2 == 1 && !customers.isEmpty();
      String buyer = byCustomer ? customers.get(s.b() % customers.size()).id()
          : distributors.get(s.b() % distributors.size()).id();
      Map<String, BigDecimal> vols = new TreeMap<>();
      // each type its own volume, so that a requirement reading another type sees other figures
      for (int i = 0; i < plan.volumeTypes().size(); i++) {
        BigDecimal v = BigDecimal.valueOf(i == 0 ? s.volume() : s.volume() * (3L + i) % 401);
        vols.put(plan.volumeTypes().get(i), decimals ? v.add(new BigDecimal("0.25")) : v);
      }
      return new Order("O" + next++, byCustomer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR,
          buyer, origin.plus(s.minutes(), ChronoUnit.MINUTES), status, vols,
          BigDecimal.valueOf(s.volume() * 2L));
    }

    Attempt attempt(Step s) {
      // joins and moves (8 to 11) twice as often as any other kind
      int kind = s.kind() % 20 < 16 ? s.kind() % 20 : 8 + s.kind() % 20 - 16;
      if (kind == 2 && width > 0 && s.a() % 2 == 0) {
        // in a plan with a placement tree, placement changes as often as sponsor changes
        kind = 11;
        s = new Step(kind, s.a() / 2, s.b(), 3 * s.volume() + 1, s.minutes());
      }
      switch (kind) {
        case 0, 1, 2, 3 -> {
          Order o = order(s, OrderStatus.PAID, kind == 3 && s.a() % 4 == 3);
          return new Attempt(new LiveEvent.OrderPlaced(o), true, () -> orders.add(o));
        }
        case 4 -> {
          Order o = order(s, OrderStatus.RETURNED, false);
          return new Attempt(new LiveEvent.OrderPlaced(o), true, () -> orders.add(o));
        }
        case 5, 6 -> {
          if (orders.isEmpty()) {
            return null;
          }
          int at = s.a() % orders.size();
          Order o = orders.get(at);
          Map<String, BigDecimal> before = returned.get(o.id());
          Map<String, BigDecimal> rest = new TreeMap<>();
          o.volumes().forEach((t, v) -> rest.put(t,
              before == null ? v : v.subtract(before.getOrDefault(t, BigDecimal.ZERO))));
          String id = "R" + next++;
          Instant when = origin.plus(s.minutes(), ChronoUnit.MINUTES);
          LiveEvent.OrderReturned r;
          Map<String, BigDecimal> back = new TreeMap<>();
          BigDecimal amount;
          boolean valid = o.status() == OrderStatus.PAID;
          if (kind == 5) {
            r = LiveEvent.OrderReturned.whole(id, o.id(), when);
            back.putAll(rest);
            valid &= before == null || rest.values().stream().anyMatch(v -> v.signum() > 0);
            amount = o.amount().subtract(returnedAmount.getOrDefault(o.id(), BigDecimal.ZERO));
          } else {
            Map<String, BigDecimal> part = new TreeMap<>();
            for (String t : rest.keySet()) {
              BigDecimal p = BigDecimal.valueOf(s.volume() % 60);
              if (s.b() % 5 == 0) {
                p = rest.get(t).add(BigDecimal.ONE);
              }
              part.put(t, p);
              valid &= p.compareTo(rest.get(t)) <= 0;
            }
            back.putAll(part);
            amount = BigDecimal.ONE;
            r = new LiveEvent.OrderReturned(id, o.id(), when, part, amount);
          }
          Order ret = new Order(id, o.buyerType(), o.buyerId(), when, OrderStatus.RETURNED, back,
              amount);
          BigDecimal amt = amount;
          return new Attempt(r, valid, () -> {
            orders.add(ret);
            Map<String, BigDecimal> total = new TreeMap<>();
            o.volumes().keySet().forEach(t -> total.put(t, (before == null ? BigDecimal.ZERO
                : before.getOrDefault(t, BigDecimal.ZERO)).add(back.get(t))));
            returned.put(o.id(), total);
            returnedAmount.merge(o.id(), amt, BigDecimal::add);
          });
        }
        case 7 -> {
          if (orders.isEmpty()) {
            return null;
          }
          int at = s.a() % orders.size();
          Order o = orders.get(at);
          boolean valid = o.status() == OrderStatus.PAID && !returned.containsKey(o.id());
          return new Attempt(new LiveEvent.OrderCancelled(o.id()), valid, () -> orders.set(at,
              new Order(o.id(), o.buyerType(), o.buyerId(), o.timestamp(), OrderStatus.CANCELLED,
                  o.volumes(), o.amount())));
        }
        case 8 -> {
          String id = "D" + distributors.size() + "n" + next++;
          String sponsor = s.a() % 9 == 0 ? null
              : distributors.get(s.b() % distributors.size()).id();
          Distributor d = Distributor.of(id, sponsor, JOINED, "New " + id, id + "@example.com");
          if (width == 0 || sponsor == null && s.volume() % 3 != 0) {
            return new Attempt(new LiveEvent.DistributorJoined(d), true,
                () -> distributors.add(d));
          }
          // mostly spillover below the sponsor; now and then any place, which may be taken,
          // beyond the width or in another organisation
          Placement p = sponsor != null && s.volume() % 4 != 0
              ? spillover(id, sponsor, s.minutes() & 0xff)
              : Placement.of(id, distributors.get(s.a() % distributors.size()).id(),
                  1 + Math.floorMod(s.minutes(), width + 1));
          Runnable change = () -> {
            distributors.add(d);
            placements.put(id, p);
          };
          boolean valid = evaluatesWith(change, () -> {
            distributors.remove(distributors.size() - 1);
            placements.remove(id);
          });
          return new Attempt(new LiveEvent.DistributorJoined(d, p), valid, change);
        }
        case 9 -> {
          String id = "C" + customers.size() + "n" + next++;
          Customer c = Customer.of(id, distributors.get(s.b() % distributors.size()).id(),
              "New " + id, id + "@example.com");
          return new Attempt(new LiveEvent.CustomerJoined(c), true, () -> customers.add(c));
        }
        case 10 -> {
          if (customers.isEmpty()) {
            return null;
          }
          int at = s.a() % customers.size();
          Customer c = customers.get(at);
          String to = distributors.get(s.b() % distributors.size()).id();
          return new Attempt(new LiveEvent.CustomerMoved(c.id(), to), true,
              () -> customers.set(at, new Customer(c.id(), to, c.name(), c.email(), c.phone())));
        }
        case 11 -> {
          int at = s.a() % distributors.size();
          Distributor d = distributors.get(at);
          String to = distributors.get(s.b() % distributors.size()).id();
          if (width > 0 && s.volume() % 3 != 0) {
            // mostly a free place below someone, which may still be in d's own placement
            // subtree or make the trees cross; now and then any place
            Placement before = placements.get(d.id());
            String root = root(d.id());
            List<String> mine = distributors.stream().map(Distributor::id)
                .filter(id -> root(id).equals(root) && !placedBelow(id, d.id())).toList();
            Placement p = s.volume() % 4 != 0 && !mine.isEmpty()
                ? spillover(d.id(), mine.get(s.b() % mine.size()), s.minutes() & 0xff)
                : Placement.of(d.id(), to, 1 + Math.floorMod(s.minutes(), width + 1));
            Runnable change = () -> placements.put(d.id(), p);
            Runnable undo = () -> {
              if (before == null) {
                placements.remove(d.id());
              } else {
                placements.put(d.id(), before);
              }
            };
            return new Attempt(new LiveEvent.PlacementChanged(p), evaluatesWith(change, undo),
                change);
          }
          Runnable change = () -> distributors.set(at, new Distributor(d.id(), Optional.of(to),
              d.joinDate(), d.name(), d.email(), d.phone()));
          boolean valid = !upline(to).contains(d.id())
              && (width == 0 || evaluatesWith(change, () -> distributors.set(at, d)));
          return new Attempt(new LiveEvent.SponsorChanged(d.id(), to), valid, change);
        }
        case 12 -> {
          boolean back = s.b() % 6 == 0;
          Instant t = back ? asOf.minusSeconds(1) : asOf.plus(Math.floorMod(s.minutes(), 4_000),
              ChronoUnit.MINUTES);
          return new Attempt(new LiveEvent.TimePassed(t), !back, () -> asOf = t);
        }
        case 13 -> {
          Order o = new Order("O" + next++, BuyerType.CUSTOMER, "NOBODY", origin,
              OrderStatus.PAID, Map.of(plan.qualifyingVolumeType(), BigDecimal.ONE),
              BigDecimal.ONE);
          return new Attempt(new LiveEvent.OrderPlaced(o), false, () -> { });
        }
        case 14 -> {
          if (orders.isEmpty()) {
            return null;
          }
          Order dup = orders.get(s.a() % orders.size());
          Order o = order(s, OrderStatus.PAID, false);
          Order again = new Order(dup.id(), o.buyerType(), o.buyerId(), o.timestamp(),
              o.status(), o.volumes(), o.amount());
          return new Attempt(new LiveEvent.OrderPlaced(again), false, () -> { });
        }
        default -> {
          return new Attempt(LiveEvent.OrderReturned.whole("R" + next++, "NO-SUCH-ORDER",
              origin), false, () -> { });
        }
      }
    }

    /** Whether a distributor is placed below another (or is them). */
    boolean placedBelow(String id, String above) {
      for (String u = id; u != null; u = placements.containsKey(u)
          ? placements.get(u).parentId() : null) {
        if (u.equals(above)) {
          return true;
        }
      }
      return false;
    }

    /** The root at the top of a distributor's sponsor line. */
    String root(String id) {
      Map<String, String> sponsor = new HashMap<>();
      distributors.forEach(d -> sponsor.put(d.id(), d.sponsorId().orElse(null)));
      String r = id;
      while (sponsor.get(r) != null) {
        r = sponsor.get(r);
      }
      return r;
    }

    /** Ids from d up to their root, d included. */
    Set<String> upline(String id) {
      Map<String, String> sponsor = new HashMap<>();
      distributors.forEach(d -> sponsor.put(d.id(), d.sponsorId().orElse(null)));
      Set<String> out = new HashSet<>();
      for (String u = id; u != null; u = sponsor.get(u)) {
        out.add(u);
      }
      return out;
    }
  }

  // --- plans and generators --------------------------------------------------------------------

  static CompPlan plan(String name) {
    return name.equals(EVERY_KIND) ? everyKind()
        : name.equals(EVERY_PLACEMENT_KIND) ? everyPlacementKind()
        : PlanFiles.bundled(name, BundledPlansTest.HOST_RULES);
  }

  /**
   * A binary plan with every kind of the placement tree and every structural kind reading it:
   * legs with rank (anywhere, front line, within levels), legs with volume, level group volume
   * (compressed or not) and downline volume (of the first levels or all) of the placement tree;
   * some of them in BV, the plan's second volume type.
   */
  static CompPlan everyPlacementKind() {
    BigDecimal v = BigDecimal.valueOf(60);
    Requirement.Tree placement = Requirement.Tree.PLACEMENT;
    return CompPlan.builder("Every placement kind")
        .zone(ZoneId.of("America/Denver"))
        .volumeTypes("PV", "BV")
        .placementTree(dev.rankgauge.PlacementTree.binary())
        .distributorActivity(ActivityRule.orderWithinDays(10))
        .rank(Rank.of("B0", "Entry"))
        .rank(Rank.of("B1", "One", Requirement.personalVolume(BigDecimal.valueOf(20)),
            Requirement.legsWithVolume(1, BigDecimal.valueOf(30)).onTree(placement),
            Requirement.levelGroupVolume(v, 2, true).onTree(placement),
            Requirement.legsWithVolume(1, BigDecimal.valueOf(20)).onTree(placement).ofType("BV")))
        .rank(Rank.of("B2", "Two", Requirement.legsWithRank(1, "B1").onTree(placement),
            Requirement.legsWithVolumes(List.of(v, BigDecimal.valueOf(30))).onTree(placement),
            Requirement.downlineVolume(BigDecimal.valueOf(40)).withinLevels(2).onTree(placement),
            Requirement.levelGroupVolume(v, 1, false).onTree(placement),
            Requirement.sideVolume(BigDecimal.valueOf(30), v),
            Requirement.sideVolume(BigDecimal.valueOf(20), v, "BV"),
            Requirement.levelGroupVolume(v, 2, true).onTree(placement).ofType("BV")))
        .rank(Rank.of("B3", "Three",
            Requirement.legsWithRank(1, "B2").frontLine().onTree(placement),
            Requirement.between(Requirement.Figure.DOWNLINE_VOLUME, BigDecimal.valueOf(20),
                BigDecimal.valueOf(100_000)).onTree(placement),
            Requirement.downlineVolume(BigDecimal.valueOf(10)).withinLevels(2).onTree(placement)
                .ofType("BV"),
            Requirement.anyOf(Requirement.path("levels",
                    Requirement.legsWithRank(2, "B1").withinLevels(2).onTree(placement)),
                Requirement.path("sides", Requirement.rankOnEachSide(1, "B1"),
                    Requirement.sponsoredOnEachSide(1)))))
        .build();
  }

  /**
   * Every requirement kind, title ranks, two volume types (a requirement of each kind that reads
   * volume in CV too) and a host rule reading the downline.
   */
  static CompPlan everyKind() {
    BigDecimal v = BigDecimal.valueOf(60);
    return CompPlan.builder("Every kind")
        .zone(ZoneId.of("America/Denver"))
        .volumeTypes("PV", "CV")
        .personalVolume(new PersonalVolumeRule(true, Optional.of(new BigDecimal("150"))))
        .distributorActivity(ActivityRule.orderWithinDays(10))
        .customerActivity(ActivityRule.netVolumeAboveZero())
        .rankHold(RankHold.keepPaidAs(1))
        .rank(Rank.of("T0", "Entry"))
        .rank(Rank.of("T1", "One", Requirement.personalVolume(BigDecimal.valueOf(40)),
            Requirement.activeLegs(1), Requirement.activePersonalCustomers(1),
            Requirement.personalVolume(BigDecimal.valueOf(20), "CV")))
        .rank(Rank.of("T2", "Two", Requirement.groupVolume(BigDecimal.valueOf(150)),
            Requirement.legsWithRank(1, "T1").withinLevels(2),
            Requirement.cappedGroupVolume(BigDecimal.valueOf(120), BigDecimal.valueOf(60), true),
            Requirement.levelGroupVolume(v, 2, true),
            Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT, BigDecimal.valueOf(90)),
            Requirement.groupVolume(BigDecimal.valueOf(90), "CV"),
            Requirement.cappedGroupVolume(BigDecimal.valueOf(100), BigDecimal.valueOf(60), false)
                .ofType("CV"),
            Requirement.levelGroupVolume(v, 2, true).ofType("CV")))
        .rank(Rank.of("T3", "Three", Requirement.sponsoredWithRank(1, "T1"),
            Requirement.legsWithVolumes(List.of(v, BigDecimal.valueOf(30))),
            Requirement.personalGroupVolume(BigDecimal.valueOf(100), "T2", true),
            Requirement.downlineVolume(BigDecimal.valueOf(30)).withinLevels(2),
            Requirement.legsWithVolume(1, BigDecimal.valueOf(30)).ofType("CV"),
            Requirement.personalGroupVolume(BigDecimal.valueOf(70), "T2", false).ofType("CV"),
            Requirement.anyOf(Requirement.path("legs", Requirement.legsWithRank(2, "T1")),
                Requirement.path("front", Requirement.legsWithRank(1, "T2").frontLine()),
                Requirement.path("title", Requirement.legsWithRank(1, "T3").byTitle()))))
        .rank(Rank.of("T4", "Four", Requirement.levelGroupVolume(v, 1, false),
            Requirement.between(Requirement.Figure.DOWNLINE_VOLUME, BigDecimal.valueOf(20),
                BigDecimal.valueOf(100_000)),
            Requirement.activePersonalDistributors(1),
            Requirement.between(Requirement.Figure.GROUP_VOLUME, BigDecimal.valueOf(10),
                BigDecimal.valueOf(100_000)).ofType("CV"),
            Requirement.downlineVolume(BigDecimal.valueOf(20)).ofType("CV"),
            Requirement.host("cv-and-legs", Map.of(), LiveEvaluationPropertiesTest::cvAndLegs)))
        .build();
  }

  /** A host rule: CV of 30 and a leg whose highest rank is T1, reading the downline views. */
  private static RuleOutcome cvAndLegs(RuleContext ctx) {
    long legs = ctx.legs().stream().filter(l -> l.highestRank().code().compareTo("T1") >= 0)
        .count();
    boolean cv = ctx.personalVolume("CV").compareTo(BigDecimal.valueOf(30)) >= 0;
    return RuleOutcome.atLeast(cv ? legs : 0, 1, "CV " + ctx.personalVolume("CV") + ", "
        + ctx.personalCustomers().size() + " customers");
  }

  @Provide
  Arbitrary<World> worlds() {
    List<String> plans = new ArrayList<>(PlanFiles.bundledNames());
    plans.add(EVERY_KIND);
    plans.add(EVERY_PLACEMENT_KIND);
    Arbitrary<Step> steps = Combinators.combine(Arbitraries.integers().between(0, 1_000),
        Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(0, 1_000),
        Arbitraries.integers().between(0, 400), Arbitraries.integers().between(-4_000, 46_000))
        .as(Step::new);
    return Combinators.combine(Arbitraries.of(plans),
        Arbitraries.integers().between(-1, 40).list().ofMinSize(1).ofMaxSize(25),
        Arbitraries.integers().between(0, 100).list().ofMaxSize(15),
        steps.list().ofMaxSize(30),
        Arbitraries.integers().between(0, 46_000),
        steps.list().ofMinSize(12).ofMaxSize(30),
        Arbitraries.of(true, false),
        Arbitraries.integers().between(0, 1_000).list().ofSize(25))
        .as(World::new);
  }
}
