package dev.rankgauge.testkit;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Problem;
import dev.rankgauge.RankGauge;
import dev.rankgauge.ValidationException;
import dev.rankgauge.WhatIf;
import dev.rankgauge.internal.json.JsonTree.Arr;
import dev.rankgauge.internal.json.JsonTree.Node;
import dev.rankgauge.internal.json.JsonTree.Obj;
import dev.rankgauge.internal.json.JsonTree.Str;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts of a scenario file about time: {@code history}, the periods closed before the
 * scenario's period (months closed from the file's own orders, or records written out), and
 * {@code whatIf}, hypothetical orders added or taken out with what is expected after them. Not
 * thread-safe; one per file.
 */
final class ScenarioOverTime {
  private static final Set<String> HISTORY_PERIOD = keys("period", "records");
  private static final Set<String> RECORD = keys("paidAs", "qualifiedAs", "title", "periodsHeld",
      "personalSales", "groupSales", "activePersonalCustomers", "activePersonalDistributors",
      "personalVolumes");
  private static final Set<String> WHAT_IF = keys("description", "orders", "remove", "changed",
      "expect");
  private static final Set<String> ORDER = keys("id", "buyer", "buyerType", "date", "status",
      "amount", "volume", "volumes");

  private final ScenarioShape shape;
  private final ScenarioRecords records;
  private final ScenarioExpectations expect;
  /** The history's steps as read, before anything is evaluated. */
  private final List<Step> steps = new ArrayList<>();

  /** A month closed from the file's orders, or a period's records; with its node. */
  private record Step(Node at, Period month, List<PeriodRecord> records) {}

  ScenarioOverTime(ScenarioShape shape, ScenarioRecords records, ScenarioExpectations expect) {
    this.shape = shape;
    this.records = records;
    this.expect = expect;
  }

  private static Set<String> keys(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }

  // --- history ---------------------------------------------------------------------------------

  /** Reads {@code history}: an array of months ("2026-10") and periods of records, in order. */
  void history(Node n) {
    Arr a = shape.array(n, "the periods closed before the scenario's, in order: months such as"
        + " \"2026-10\" closed from this file's orders, or {\"period\": \"2026-10\", \"records\":"
        + " {\"D1\": {\"paidAs\": \"SLV\"}}}");
    if (a == null) {
      return;
    }
    for (Node item : a.items) {
      if (item instanceof Str) {
        Period m = month(item);
        if (m != null) {
          steps.add(new Step(item, m, null));
        }
        continue;
      }
      Obj o = shape.object(item, "a month such as \"2026-10\", or {\"period\": \"2026-10\","
          + " \"records\": {...}}");
      if (o == null) {
        continue;
      }
      shape.fields(o, HISTORY_PERIOD, "a closed period");
      Period m = shape.required(o, "period", "the month closed, such as \"2026-10\"")
          .map(this::month).orElse(null);
      List<PeriodRecord> rs = new ArrayList<>();
      shape.required(o, "records", "each distributor's record, such as {\"D1\": {\"paidAs\":"
          + " \"SLV\"}}").ifPresent(r -> periodRecords(r, m, rs));
      if (m != null) {
        steps.add(new Step(o, m, rs));
      }
    }
  }

  private Period month(Node n) {
    String s = shape.string(n, "a month such as \"2026-10\"");
    if (s == null) {
      return null;
    }
    Period m;
    try {
      m = Period.month(YearMonth.parse(s));
    } catch (DateTimeException | IllegalArgumentException e) {
      shape.problem(n, "history.month", s);
      return null;
    }
    if (records.period != null && !m.end().isBefore(records.period.start())) {
      shape.problem(n, "history.notBefore", s,
          records.period.start() + ".." + records.period.end());
      return null;
    }
    return m;
  }

  private void periodRecords(Node n, Period m, List<PeriodRecord> out) {
    Obj o = shape.object(n, "records by distributor id, such as {\"D1\": {\"paidAs\": \"SLV\"}}");
    if (o == null) {
      return;
    }
    for (Map.Entry<String, Node> e : o.members.entrySet()) {
      String id = e.getKey();
      boolean known = records.knownDistributor(o.keys.get(id), id);
      Obj r = shape.object(e.getValue(), "the record of " + id + ", such as {\"paidAs\": \"SLV\","
          + " \"title\": \"GLD\", \"groupSales\": 620}");
      if (r == null) {
        continue;
      }
      shape.fields(r, RECORD, "a period record");
      String paidAs = shape.required(r, "paidAs", "the rank " + id + " was paid as")
          .map(records::rank).orElse(null);
      String qualified = shape.optional(r, "qualifiedAs").map(records::rank).orElse(paidAs);
      String title = shape.optional(r, "title").map(records::rank).orElse(paidAs);
      BigDecimal personal = volume(r, "personalSales");
      BigDecimal group = volume(r, "groupSales");
      Integer customers = count(r, "activePersonalCustomers");
      Integer distributors = count(r, "activePersonalDistributors");
      Integer held = count(r, "periodsHeld");
      Map<String, BigDecimal> typed = volumes(r);
      if (!known || m == null || paidAs == null || qualified == null || title == null
          || personal == null || group == null || customers == null || distributors == null
          || held == null || typed == null) {
        continue;
      }
      try {
        out.add(new PeriodRecord(m, id, paidAs, qualified, title, personal, group, customers,
            distributors, held, List.of(), typed));
      } catch (IllegalArgumentException x) {
        shape.problem(r, "core.refused", String.valueOf(x.getMessage()));
      }
    }
  }

  /**
   * A record's {@code personalVolumes}, the personal volume of each type other than the
   * qualifying one ({@code {"BV": 300}}); empty without it, null after reporting a problem.
   */
  private Map<String, BigDecimal> volumes(Obj r) {
    Optional<Node> n = shape.optional(r, "personalVolumes");
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    if (n.isEmpty()) {
      return out;
    }
    Obj o = shape.object(n.get(), "the personal volume of each type other than the qualifying"
        + " one, such as {\"BV\": 300}");
    if (o == null) {
      return null;
    }
    boolean ok = true;
    for (Map.Entry<String, Node> e : o.members.entrySet()) {
      BigDecimal d = shape.decimal(e.getValue(), "a volume");
      if (d == null) {
        ok = false;
      } else {
        out.put(e.getKey(), d);
      }
    }
    return ok ? out : null;
  }

  private BigDecimal volume(Obj r, String key) {
    Optional<Node> n = shape.optional(r, key);
    return n.isEmpty() ? BigDecimal.ZERO : shape.decimal(n.get(), "a volume");
  }

  private Integer count(Obj r, String key) {
    Optional<Node> n = shape.optional(r, key);
    if (n.isEmpty()) {
      return 0;
    }
    BigDecimal d = shape.decimal(n.get(), "a whole number");
    if (d == null) {
      return null;
    }
    if (d.signum() < 0 || d.stripTrailingZeros().scale() > 0
        || d.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      shape.problem(n.get(), "history.wholeNumber", d.toPlainString());
      return null;
    }
    return d.intValueExact();
  }

  /**
   * The history the steps make over the organisation built: each month evaluated with the
   * periods before it and closed, each period of records appended, in order. Problems (a period
   * out of order, records the plan refuses) are located at the step.
   */
  History build(Organisation org, CompPlan plan, boolean titleRanks, Node historyNode) {
    History h = History.empty();
    if (steps.isEmpty()) {
      return h;
    }
    if (titleRanks) {
      shape.problem(historyNode, "history.andTitleRanks");
      return h;
    }
    for (Step s : steps) {
      try {
        if (s.records() == null) {
          Evaluation e = RankGauge.evaluate(org, plan, s.month(), s.month().endInstant(plan.zone()),
              h);
          h = e.close();
        } else if (!s.records().isEmpty()) {
          h = h.append(s.records());
        } else {
          shape.problem(s.at(), "history.noRecords");
        }
      } catch (ValidationException e) {
        for (Problem p : e.problems()) {
          shape.problem(s.at(), p);
        }
        return History.empty();
      }
    }
    return h;
  }

  // --- what-if ---------------------------------------------------------------------------------

  /**
   * Reads {@code whatIf}: orders added, order ids taken out, the distributors expected to change
   * and expectations on the evaluation after; adds them to {@code out} as expectations whose
   * check runs the what-if on the scenario's evaluation.
   *
   * @param orders the file's orders, whose ids the added orders may not reuse
   */
  void whatIf(Node n, List<Order> orders, List<Expectation> out) {
    Obj o = shape.object(n, "a what-if: {\"orders\": [...], \"remove\": [\"O3\"], \"changed\":"
        + " [\"D1\"], \"expect\": {...}}");
    if (o == null) {
      return;
    }
    shape.fields(o, WHAT_IF, "a what-if");
    shape.optional(o, "description").ifPresent(shape::lines);
    Set<String> ids = new HashSet<>();
    Map<String, OrderStatus> statuses = new java.util.HashMap<>();
    for (Order x : orders) {
      ids.add(x.id());
      statuses.put(x.id(), x.status());
    }
    List<LiveEvent> added = new ArrayList<>();
    shape.optional(o, "orders").ifPresent(a -> addedOrders(a, ids, added));
    List<String> removed = new ArrayList<>();
    shape.optional(o, "remove").ifPresent(a -> removed(a, statuses, removed));
    if (added.isEmpty() && removed.isEmpty() && !o.members.containsKey("orders")
        && !o.members.containsKey("remove")) {
      shape.problem(o, "whatIf.nothing");
    }
    List<LiveEvent> events = List.copyOf(added);
    List<String> out2 = List.copyOf(removed);
    java.util.function.Function<Evaluation, Evaluation> after =
        e -> WhatIf.of(e, events, out2).after();
    shape.optional(o, "changed").ifPresent(c -> changed(c, events, out2, out));
    List<Expectation> inner = new ArrayList<>();
    shape.optional(o, "expect").ifPresent(x -> expect.expect(x, inner));
    for (Expectation x : inner) {
      out.add(new Expectation(x.distributorId(), Reports.say("name.whatIf", x.name()), x.line(),
          e -> x.check().apply(after.apply(e)).map(m -> m.withField(
              l -> Reports.say("whatIf.after", m.field().in(l))))));
    }
    if (!o.members.containsKey("changed") && !o.members.containsKey("expect")) {
      shape.problem(o, "whatIf.expectsNothing");
    }
  }

  private void addedOrders(Node n, Set<String> ids, List<LiveEvent> out) {
    Arr a = shape.array(n, "orders to add, such as [{\"buyer\": \"D2\", \"date\": \"2026-11-20\","
        + " \"pv\": 100}]");
    if (a == null) {
      return;
    }
    for (int i = 0; i < a.items.size(); i++) {
      Obj o = shape.object(a.items.get(i), "an order such as {\"buyer\": \"D2\", \"pv\": 100}");
      if (o == null) {
        continue;
      }
      shape.fields(o, ORDER, records.volumeKeys(), records.plan == null, "an order");
      Node idNode = o.members.getOrDefault("id", o);
      String id = shape.optional(o, "id").map(x -> shape.id(x, "an order id"))
          .orElse("W" + (i + 1));
      if (id != null && !ids.add(id)) {
        shape.problem(idNode, "whatIf.orderIdAgain", id);
        id = null;
      }
      BuyerType type = shape.optional(o, "buyerType").map(records::buyerType).orElse(null);
      Optional<Node> bn = shape.required(o, "buyer", "the id of the distributor or customer who"
          + " would buy");
      String buyer = bn.map(x -> shape.id(x, "a distributor or customer id")).orElse(null);
      if (buyer != null) {
        boolean d = records.distributorIds.containsKey(buyer);
        boolean c = records.customerIds.containsKey(buyer);
        if (!d && !c) {
          shape.problem(bn.get(), "whatIf.unknownBuyer", buyer);
          buyer = null;
        } else if (type == null) {
          if (d && c) {
            shape.problem(bn.get(), "order.ambiguousBuyer", buyer);
            buyer = null;
          } else {
            type = c ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR;
          }
        }
      }
      Instant when = shape.optional(o, "date").map(records::orderTime).orElse(
          records.period == null ? null : records.period.start()
              .atTime(ScenarioReader.ORDER_TIME).atZone(records.zone).toInstant());
      OrderStatus status = shape.optional(o, "status").map(records::status)
          .orElse(OrderStatus.PAID);
      BigDecimal amount = shape.optional(o, "amount").map(x -> shape.decimal(x, "a money amount"))
          .orElse(BigDecimal.ZERO);
      Map<String, BigDecimal> volumes = records.volumes(o, true);
      if (id == null || buyer == null || type == null || when == null || status == null
          || amount == null || volumes == null) {
        continue;
      }
      try {
        out.add(new LiveEvent.OrderPlaced(new Order(id, type, buyer, when, status, volumes,
            amount)));
      } catch (IllegalArgumentException x) {
        shape.problem(o, "core.refused", String.valueOf(x.getMessage()));
      }
    }
  }

  private void removed(Node n, Map<String, OrderStatus> statuses, List<String> out) {
    Arr a = shape.array(n, "ids of the scenario's paid orders to take out, such as [\"O3\"]");
    if (a == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (Node item : a.items) {
      String id = shape.id(item, "an order id");
      if (id == null) {
        continue;
      }
      OrderStatus s = statuses.get(id);
      if (s == null) {
        shape.problem(item, "whatIf.unknownOrder", id,
            ScenarioShape.ids(new TreeSet<>(statuses.keySet())));
      } else if (s != OrderStatus.PAID) {
        shape.problem(item, "whatIf.notPaid", id, s.name().toLowerCase(java.util.Locale.ROOT));
      } else if (!seen.add(id)) {
        shape.problem(item, "whatIf.removedAgain", id);
      } else {
        out.add(id);
      }
    }
  }

  /** {@code changed}: exactly these distributors' standings differ after the what-if. */
  private void changed(Node n, List<LiveEvent> events, List<String> removed,
      List<Expectation> out) {
    Arr a = shape.array(n, "the ids of the distributors whose standing changes, such as"
        + " [\"D1\", \"D2\"] ([] for none)");
    if (a == null) {
      return;
    }
    Set<String> expected = new LinkedHashSet<>();
    for (Node item : a.items) {
      String id = shape.id(item, "a distributor id");
      if (id != null && records.knownDistributor(item, id)) {
        expected.add(id);
      }
    }
    Set<String> exact = Set.copyOf(expected);
    List<String> named = List.copyOf(expected);
    out.add(new Expectation("", Reports.say("name.whatIfChanges", Reports.ids(named)), n.line,
        e -> {
          WhatIf w = WhatIf.of(e, events, removed);
          List<String> actual = w.changes().stream().map(WhatIf.Change::distributorId).toList();
          if (Set.copyOf(actual).equals(exact)) {
            return Optional.empty();
          }
          return Optional.of(new Mismatch("", Reports.value(Reports.say("whatIf.changed")),
              Reports.value(Reports.ids(named)), Reports.value(Reports.ids(actual)),
              Optional.empty()));
        }));
  }
}
