package dev.rankgauge.testkit;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import dev.rankgauge.internal.json.JsonTree;
import dev.rankgauge.internal.json.JsonTree.Arr;
import dev.rankgauge.internal.json.JsonTree.Bool;
import dev.rankgauge.internal.json.JsonTree.Node;
import dev.rankgauge.internal.json.JsonTree.Null;
import dev.rankgauge.internal.json.JsonTree.Num;
import dev.rankgauge.internal.json.JsonTree.Obj;
import dev.rankgauge.internal.json.JsonTree.Str;
import dev.rankgauge.internal.json.Suggest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads scenario files, collecting every problem with its location before giving up. Keeps the
 * plans it loaded, so that a folder of scenarios over one plan reads the plan once. Not
 * thread-safe.
 */
final class ScenarioReader {
  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

  /** The largest scenario file read: scenarios are written by hand, so this is generous. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
  /** Orders dated by day alone are placed at this time of day, in the plan's zone. */
  static final LocalTime ORDER_TIME = LocalTime.NOON;

  private static final Set<String> TOP = keys("name", "description", "plan", "period", "asOf",
      "titleRanks", "distributors", "customers", "orders", "expect", "paidAsCounts");
  private static final Set<String> DISTRIBUTOR = keys("id", "sponsor", "name", "joined", "email",
      "phone", "volume", "volumes");
  private static final Set<String> CUSTOMER = keys("id", "distributor", "name", "email", "phone",
      "volume", "volumes");
  private static final Set<String> ORDER = keys("id", "buyer", "buyerType", "date", "status",
      "amount", "volume", "volumes");
  private static final Set<String> PERIOD = keys("month", "start", "end", "closed");
  private static final Set<String> EXPECT = keys("why", "paidAs", "active", "nextRank", "gauges",
      "requirements", "focus");
  private static final Set<String> GAUGE = keys("value", "rank", "nextRank", "remaining");
  private static final Set<String> REQUIREMENT = keys("rank", "requirement", "met", "required",
      "actual", "remaining", "why");
  private static final Set<String> FOCUS_MATCH = keys("includes", "excludes");
  /** Stands for "the plan's volume types" in {@code fields()}; compared by identity. */
  private static final Set<String> VOLUME_KEYS = new LinkedHashSet<>();
  private static final Map<String, Metric> METRICS = new LinkedHashMap<>();
  private static final Map<String, FocusList> FOCUS = new LinkedHashMap<>();

  static {
    METRICS.put("personalSales", Metric.PERSONAL_SALES);
    METRICS.put("groupSales", Metric.GROUP_SALES);
    METRICS.put("activePersonalCustomers", Metric.ACTIVE_PERSONAL_CUSTOMERS);
    METRICS.put("activePersonalDistributors", Metric.ACTIVE_PERSONAL_DISTRIBUTORS);
    for (FocusList f : FocusList.values()) {
      FOCUS.put(f.key(), f);
    }
  }

  private final RuleRegistry rules;
  private final Map<String, Object> plans = new HashMap<>();

  ScenarioReader(RuleRegistry rules) {
    this(rules, Map.of());
  }

  /**
   * A reader that knows some plans by name before looking for bundled ones: for tests of the kit
   * that must not depend on the plan files.
   */
  ScenarioReader(RuleRegistry rules, Map<String, CompPlan> known) {
    this.rules = rules;
    known.forEach((name, plan) -> plans.put("bundled:" + name, plan));
  }

  private static Set<String> keys(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }

  /**
   * Reads one scenario file.
   *
   * @throws ValidationException with every problem found
   * @throws UncheckedIOException if the file cannot be read
   */
  Scenario read(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ValidationException("scenario " + file, List.of(new Problem(file.toString(),
            "the file is larger than " + MAX_FILE_BYTES + " bytes; scenarios are small by design")));
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario file " + file + ": " + e, e);
    }
    return new FileRead(file, text).read();
  }

  /** The state of reading one file. */
  private final class FileRead {
    private final Path file;
    private final String text;
    private final List<Problem> problems = new ArrayList<>();
    private CompPlan plan;
    private ZoneId zone = ZoneOffset.UTC;
    private Period period;
    /** Every distributor id with its node, in file order. */
    private final Map<String, Node> distributorIds = new LinkedHashMap<>();
    private final Map<String, Node> customerIds = new LinkedHashMap<>();
    private final Map<String, Node> orderIds = new LinkedHashMap<>();

    FileRead(Path file, String text) {
      this.file = file;
      this.text = text;
    }

    Scenario read() {
      List<JsonTree.Duplicate> duplicates = new ArrayList<>();
      Node root;
      try {
        root = JsonTree.parse(text, duplicates);
      } catch (JsonTree.SyntaxError e) {
        String message;
        switch (e.reason) {
          case EMPTY:
            message = "the file is empty; expected a JSON object";
            break;
          case TRAILING:
            message = "unexpected content after the end of the JSON document";
            break;
          default:
            message = "malformed JSON: " + e.getMessage();
        }
        throw new ValidationException("scenario " + file, List.of(new Problem(
            file + ":" + Math.max(1, e.line) + ":" + Math.max(1, e.column), message)));
      }
      for (JsonTree.Duplicate d : duplicates) {
        problem(d.name(), "duplicate key \"" + d.name().value + "\"; each key may appear once");
      }
      Obj top = object(root, "the scenario");
      if (top == null) {
        throw failure();
      }
      fields(top, TOP, Set.of(), "a scenario");
      String name = optional(top, "name").map(n -> string(n, "the scenario's name"))
          .orElse(file.getFileName().toString());
      String description = optional(top, "description").map(this::lines).orElse("");
      required(top, "plan", "the plan: a bundled plan's name such as \"seed\", or a plan file's"
          + " path relative to this file such as \"plans/acme.json\"").ifPresent(this::plan);
      required(top, "period", "the period: a month such as \"2026-11\", or"
          + " {\"start\": \"2026-11-01\", \"end\": \"2026-11-28\"}").ifPresent(this::period);
      Instant asOf = optional(top, "asOf").map(this::asOf).orElse(null);

      Organisation.Builder org = Organisation.builder();
      List<Order> shorthand = new ArrayList<>();
      required(top, "distributors", "an array of distributors").ifPresent(
          n -> distributors(n, org, shorthand));
      optional(top, "customers").ifPresent(n -> customers(n, org, shorthand));
      List<Order> orders = new ArrayList<>(shorthand);
      optional(top, "orders").ifPresent(n -> orders(n, orders));
      orders.forEach(org::add);
      Map<String, String> titles = optional(top, "titleRanks").map(this::titleRanks)
          .orElse(Map.of());

      List<Expectation> expectations = new ArrayList<>();
      optional(top, "paidAsCounts").ifPresent(n -> paidAsCounts(n, expectations));
      int problemsBefore = problems.size();
      required(top, "expect", "an object of expectations by distributor id").ifPresent(
          n -> expect(n, expectations));
      if (expectations.isEmpty() && top.members.containsKey("expect")
          && problems.size() == problemsBefore) {
        problem(top.members.get("expect"), "the scenario expects nothing; give each distributor"
            + " at least one of " + String.join(", ", EXPECT).replace("why, ", ""));
      }

      Organisation organisation = null;
      if (problems.isEmpty()) {
        try {
          organisation = org.build();
        } catch (ValidationException e) {
          // What the builder finds on top of the checks above, such as a sponsorship cycle.
          for (Problem p : e.problems()) {
            problems.add(new Problem(file + " (" + p.location() + ")", p.message()));
          }
        }
      }
      if (!problems.isEmpty()) {
        throw failure();
      }
      return new Scenario(file, name, description, plan, organisation, period,
          asOf != null ? asOf : period.endInstant(plan.zone()), titles, expectations);
    }

    private ValidationException failure() {
      return new ValidationException("scenario " + file, problems);
    }

    // --- plan and period ------------------------------------------------------------------------

    private void plan(Node n) {
      String ref = string(n, "a bundled plan's name or a plan file's path");
      if (ref == null) {
        return;
      }
      boolean isFile = ref.endsWith(".json") || ref.contains("/") || ref.contains("\\");
      Path planFile = null;
      String key;
      if (isFile) {
        Path dir = file.toAbsolutePath().getParent();
        planFile = dir.resolve(ref).normalize();
        key = "file:" + planFile;
      } else {
        key = "bundled:" + ref;
      }
      Object loaded = plans.get(key);
      if (loaded == null) {
        try {
          loaded = isFile ? PlanFiles.load(planFile, rules) : PlanFiles.bundled(ref, rules);
        } catch (ValidationException e) {
          loaded = e;
        } catch (UncheckedIOException e) {
          loaded = new IllegalArgumentException("cannot read plan file " + planFile + " ("
              + e.getCause() + "); a plan file's path is relative to the scenario file", e);
        } catch (IllegalArgumentException e) {
          loaded = e;
        } catch (RuntimeException e) {
          loaded = new IllegalArgumentException("cannot load plan " + ref + ": " + e, e);
        }
        plans.put(key, loaded);
      }
      if (loaded instanceof CompPlan p) {
        plan = p;
        zone = p.zone();
      } else if (loaded instanceof ValidationException e) {
        problem(n, "plan " + ref + " is invalid (" + e.problems().size()
            + (e.problems().size() == 1 ? " problem" : " problems") + ", listed next)");
        problems.addAll(e.problems());
      } else {
        problem(n, ((RuntimeException) loaded).getMessage());
      }
    }

    private void period(Node n) {
      if (n instanceof Str s) {
        try {
          period = Period.month(YearMonth.parse(s.value));
        } catch (DateTimeException e) {
          problem(n, "expected a month such as \"2026-11\", found \"" + s.value + "\"");
        }
        return;
      }
      Obj o = object(n, "a month such as \"2026-11\", or an object with start and end");
      if (o == null) {
        return;
      }
      fields(o, PERIOD, Set.of(), "a period");
      boolean closed = optional(o, "closed").map(c -> bool(c, "true or false"))
          .orElse(Boolean.FALSE);
      Optional<Node> month = optional(o, "month");
      Period p = null;
      if (month.isPresent()) {
        if (o.members.containsKey("start") || o.members.containsKey("end")) {
          problem(o, "give either month, or start and end, not both");
        }
        String m = string(month.get(), "a month such as \"2026-11\"");
        if (m != null) {
          try {
            p = Period.month(YearMonth.parse(m));
          } catch (DateTimeException e) {
            problem(month.get(), "expected a month such as \"2026-11\", found \"" + m + "\"");
          }
        }
      } else {
        LocalDate start = required(o, "start", "the first day, such as \"2026-11-01\"")
            .map(this::date).orElse(null);
        LocalDate end = required(o, "end", "the last day, such as \"2026-11-28\"")
            .map(this::date).orElse(null);
        if (start != null && end != null) {
          if (end.isBefore(start)) {
            problem(o.members.get("end"), "the period ends " + end + ", before it starts "
                + start);
          } else {
            p = new Period(start, end, Period.State.OPEN);
          }
        }
      }
      if (p != null) {
        period = closed ? p.close() : p;
      }
    }

    private Instant asOf(Node n) {
      String s = string(n, "an instant such as \"2026-11-27T09:00\" (the plan's time zone),"
          + " \"2026-11-27T15:00:00Z\", or a day such as \"2026-11-27\" (its end)");
      if (s == null) {
        return null;
      }
      try {
        if (s.length() == 10) {
          return LocalDate.parse(s).plusDays(1).atStartOfDay(zone).toInstant();
        }
        return instant(s);
      } catch (DateTimeException e) {
        problem(n, "expected an instant such as \"2026-11-27T09:00\" (the plan's time zone),"
            + " \"2026-11-27T15:00:00Z\", or a day such as \"2026-11-27\", found \"" + s + "\"");
        return null;
      }
    }

    /** A local date-time in the plan's zone, or one with an offset or Z. */
    private Instant instant(String s) {
      if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(s).toInstant();
      }
      return LocalDateTime.parse(s).atZone(zone).toInstant();
    }

    private LocalDate date(Node n) {
      String s = string(n, "a day such as \"2026-11-03\"");
      if (s == null) {
        return null;
      }
      try {
        return LocalDate.parse(s);
      } catch (DateTimeException e) {
        problem(n, "expected a day such as \"2026-11-03\", found \"" + s + "\"");
        return null;
      }
    }

    // --- organisation ---------------------------------------------------------------------------

    private void distributors(Node n, Organisation.Builder org, List<Order> shorthand) {
      Arr a = array(n, "distributors: ids of roots, or objects such as"
          + " {\"id\": \"D2\", \"sponsor\": \"D1\"}");
      if (a == null) {
        return;
      }
      if (a.items.isEmpty()) {
        problem(a, "an organisation needs at least one distributor");
      }
      // Ids first, so that a sponsor may be listed after the distributors they sponsored.
      for (Node item : a.items) {
        Node idNode = item instanceof Obj o ? o.members.get("id") : item;
        if (idNode instanceof Str s && !s.value.isBlank()) {
          Node old = distributorIds.putIfAbsent(s.value, idNode);
          if (old != null) {
            problem(idNode, "duplicate distributor id " + s.value + " (first at line " + old.line
                + ")");
          }
        }
      }
      for (Node item : a.items) {
        if (item instanceof Str s) {
          if (s.value.isBlank()) {
            problem(s, "expected a distributor id, found a blank string");
          } else {
            org.add(Distributor.of(s.value, null, defaultJoined(), s.value, ""));
          }
          continue;
        }
        Obj o = object(item, "a distributor: an id (a root), or an object such as"
            + " {\"id\": \"D2\", \"sponsor\": \"D1\"}");
        if (o == null) {
          continue;
        }
        fields(o, DISTRIBUTOR, VOLUME_KEYS, "a distributor");
        String id = required(o, "id", "the distributor's id").map(x -> id(x, "a distributor id"))
            .orElse(null);
        String sponsor = null;
        Node sn = o.members.get("sponsor");
        if (sn != null && !(sn instanceof Null)) {
          sponsor = id(sn, "the sponsor's distributor id, or null for a root");
          if (sponsor != null && !distributorIds.containsKey(sponsor)) {
            problem(sn, "sponsor " + sponsor + " is not a distributor of this scenario;"
                + " distributors are " + Verdicts.list(distributorIds.keySet()));
          } else if (sponsor != null && sponsor.equals(id)) {
            problem(sn, "distributor " + id + " cannot sponsor themselves");
          }
        }
        String name = optional(o, "name").map(x -> string(x, "a name")).orElse(id);
        LocalDate joined = optional(o, "joined").map(this::date).orElse(defaultJoined());
        String email = optional(o, "email").map(x -> string(x, "an email address")).orElse("");
        String phone = optional(o, "phone").map(x -> string(x, "a phone number")).orElse(null);
        if (id == null || name == null || joined == null || email == null) {
          continue;
        }
        Distributor d = new Distributor(id, Optional.ofNullable(sponsor), joined, name, email,
            Optional.ofNullable(phone));
        org.add(d);
        shorthandOrder(o, BuyerType.DISTRIBUTOR, id, shorthand);
      }
    }

    private LocalDate defaultJoined() {
      return period != null ? period.start() : LocalDate.of(2000, 1, 1);
    }

    private void customers(Node n, Organisation.Builder org, List<Order> shorthand) {
      Arr a = array(n, "customers: objects such as {\"id\": \"C1\", \"distributor\": \"D1\"}");
      if (a == null) {
        return;
      }
      for (Node item : a.items) {
        Obj o = object(item, "a customer such as {\"id\": \"C1\", \"distributor\": \"D1\"}");
        if (o == null) {
          continue;
        }
        fields(o, CUSTOMER, VOLUME_KEYS, "a customer");
        Optional<Node> idNode = required(o, "id", "the customer's id");
        String id = idNode.map(x -> id(x, "a customer id")).orElse(null);
        if (id != null) {
          Node old = customerIds.putIfAbsent(id, idNode.get());
          if (old != null) {
            problem(idNode.get(), "duplicate customer id " + id + " (first at line " + old.line
                + ")");
            continue;
          }
        }
        Optional<Node> dn = required(o, "distributor", "the id of the distributor whose"
            + " personal customer this is");
        String distributor = dn.map(x -> id(x, "a distributor id")).orElse(null);
        if (distributor != null && !distributorIds.containsKey(distributor)) {
          problem(dn.get(), "distributor " + distributor + " is not a distributor of this"
              + " scenario; distributors are " + Verdicts.list(distributorIds.keySet()));
          distributor = null;
        }
        String name = optional(o, "name").map(x -> string(x, "a name")).orElse(id);
        String email = optional(o, "email").map(x -> string(x, "an email address")).orElse("");
        String phone = optional(o, "phone").map(x -> string(x, "a phone number")).orElse(null);
        if (id == null || distributor == null || name == null || email == null) {
          continue;
        }
        org.add(new Customer(id, distributor, name, email, Optional.ofNullable(phone)));
        shorthandOrder(o, BuyerType.CUSTOMER, id, shorthand);
      }
    }

    /** A distributor's or customer's own volume keys make one paid order on the first day. */
    private void shorthandOrder(Obj o, BuyerType type, String buyer, List<Order> out) {
      Map<String, BigDecimal> volumes = volumes(o, false);
      if (volumes == null || volumes.isEmpty() || period == null) {
        return;
      }
      String orderId = buyer + "-order";
      Node old = orderIds.putIfAbsent(orderId, o);
      if (old != null) {
        problem(o, "the order this entry's volume makes is named " + orderId
            + ", which another order already uses (line " + old.line + ")");
        return;
      }
      out.add(new Order(orderId, type, buyer, period.start().atTime(ORDER_TIME).atZone(zone)
          .toInstant(), OrderStatus.PAID, volumes, BigDecimal.ZERO));
    }

    private void orders(Node n, List<Order> out) {
      Arr a = array(n, "orders: objects such as"
          + " {\"buyer\": \"D2\", \"date\": \"2026-11-03\", \"pv\": 120}");
      if (a == null) {
        return;
      }
      for (int i = 0; i < a.items.size(); i++) {
        Obj o = object(a.items.get(i), "an order such as"
            + " {\"buyer\": \"D2\", \"date\": \"2026-11-03\", \"pv\": 120}");
        if (o == null) {
          continue;
        }
        fields(o, ORDER, VOLUME_KEYS, "an order");
        String id = optional(o, "id").map(x -> id(x, "an order id")).orElse("O" + (i + 1));
        if (id != null) {
          Node old = orderIds.putIfAbsent(id, o.members.getOrDefault("id", o));
          if (old != null) {
            problem(o.members.getOrDefault("id", o), "duplicate order id " + id
                + " (first at line " + old.line + "); orders without an id are named O1, O2, ..."
                + " by their position");
            id = null;
          }
        }
        BuyerType type = optional(o, "buyerType").map(this::buyerType).orElse(null);
        Optional<Node> bn = required(o, "buyer", "the id of the distributor or customer who"
            + " bought");
        String buyer = bn.map(x -> id(x, "a distributor or customer id")).orElse(null);
        if (buyer != null) {
          boolean isDistributor = distributorIds.containsKey(buyer);
          boolean isCustomer = customerIds.containsKey(buyer);
          if (type == null) {
            if (isDistributor && isCustomer) {
              problem(bn.get(), buyer + " is both a distributor and a customer; add"
                  + " \"buyerType\": \"distributor\" or \"customer\"");
              buyer = null;
            } else {
              type = isCustomer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR;
            }
          }
          if (buyer != null && !(type == BuyerType.CUSTOMER ? isCustomer : isDistributor)) {
            problem(bn.get(), "buyer " + buyer + " is not a "
                + (type == BuyerType.CUSTOMER ? "customer" : "distributor")
                + " of this scenario; distributors are " + Verdicts.list(distributorIds.keySet())
                + (customerIds.isEmpty() ? "" : "; customers are "
                    + Verdicts.list(customerIds.keySet())));
            buyer = null;
          }
        }
        Instant when = optional(o, "date").map(this::orderTime).orElse(
            period == null ? null : period.start().atTime(ORDER_TIME).atZone(zone).toInstant());
        OrderStatus status = optional(o, "status").map(this::status).orElse(OrderStatus.PAID);
        BigDecimal amount = optional(o, "amount").map(x -> decimal(x, "a money amount"))
            .orElse(BigDecimal.ZERO);
        Map<String, BigDecimal> volumes = volumes(o, true);
        if (id == null || type == null || buyer == null || when == null || status == null
            || amount == null || volumes == null) {
          continue;
        }
        out.add(new Order(id, type, buyer, when, status, volumes, amount));
      }
    }

    private Instant orderTime(Node n) {
      String s = string(n, "a day such as \"2026-11-03\" or a time such as"
          + " \"2026-11-03T14:30\"");
      if (s == null) {
        return null;
      }
      try {
        if (s.length() == 10) {
          return LocalDate.parse(s).atTime(ORDER_TIME).atZone(zone).toInstant();
        }
        return instant(s);
      } catch (DateTimeException e) {
        problem(n, "expected a day such as \"2026-11-03\" (an order at noon, the plan's time"
            + " zone) or a time such as \"2026-11-03T14:30\", found \"" + s + "\"");
        return null;
      }
    }

    private BuyerType buyerType(Node n) {
      String s = string(n, "\"distributor\" or \"customer\"");
      if ("distributor".equals(s)) {
        return BuyerType.DISTRIBUTOR;
      } else if ("customer".equals(s)) {
        return BuyerType.CUSTOMER;
      }
      if (s != null) {
        problem(n, "expected \"distributor\" or \"customer\", found \"" + s + "\"");
      }
      return null;
    }

    private OrderStatus status(Node n) {
      String s = string(n, "\"paid\", \"returned\" or \"cancelled\"");
      if (s == null) {
        return null;
      }
      switch (s) {
        case "paid":
          return OrderStatus.PAID;
        case "returned":
          return OrderStatus.RETURNED;
        case "cancelled":
          return OrderStatus.CANCELLED;
        default:
          problem(n, "expected \"paid\", \"returned\" or \"cancelled\", found \"" + s + "\"");
          return null;
      }
    }

    /** The plan's volume types as keys of a scenario file: lower case, such as "pv". */
    private Set<String> volumeKeys() {
      Set<String> out = new LinkedHashSet<>();
      if (plan != null) {
        plan.volumeTypes().forEach(t -> out.add(t.toLowerCase(Locale.ROOT)));
      }
      return out;
    }

    /**
     * The volumes an entry states: {@code "volume"} for every type of the plan, {@code "volumes"}
     * by type, or a type's own key such as {@code "pv"}; types not given are zero.
     *
     * @param needed whether an entry without any volume is a problem (orders) or fine
     * @return the volumes by type, empty when none are given, or null after a problem
     */
    private Map<String, BigDecimal> volumes(Obj o, boolean needed) {
      Map<String, BigDecimal> given = new TreeMap<>();
      boolean bad = false;
      BigDecimal all = null;
      Node allNode = o.members.get("volume");
      if (allNode != null) {
        all = decimal(allNode, "a volume");
        bad |= all == null;
      }
      Node byType = o.members.get("volumes");
      if (byType != null) {
        Obj v = object(byType, "volumes by type, such as {\"PV\": 120, \"CV\": 100}");
        if (v == null) {
          bad = true;
        } else {
          for (Map.Entry<String, Node> e : v.members.entrySet()) {
            String type = volumeType(e.getKey());
            if (type == null) {
              problem(v.keys.get(e.getKey()), "plan " + plan.name() + " has no volume type "
                  + e.getKey() + "; its volume types are " + plan.volumeTypes());
              bad = true;
              continue;
            }
            BigDecimal d = decimal(e.getValue(), "a volume");
            bad |= d == null;
            if (d != null) {
              given.put(type, d);
            }
          }
        }
      }
      for (Map.Entry<String, Node> e : o.members.entrySet()) {
        String k = e.getKey();
        if (k.equals("volume") || k.equals("volumes") || ORDER.contains(k)
            || DISTRIBUTOR.contains(k) || CUSTOMER.contains(k)) {
          continue;
        }
        String type = volumeType(k);
        if (type == null || (plan == null && !(e.getValue() instanceof Num))) {
          continue; // reported by fields()
        }
        BigDecimal d = decimal(e.getValue(), "a " + type + " volume");
        bad |= d == null;
        if (d != null) {
          if (given.put(type, d) != null) {
            problem(o.keys.get(k), type + " is given twice: as \"" + k + "\" and in volumes");
            bad = true;
          }
        }
      }
      if (bad) {
        return null;
      }
      if (given.isEmpty() && all == null) {
        if (needed) {
          problem(o, "the order states no volume; add"
              + (plan == null ? " \"volume\"" : " one of " + volumeKeys() + " or \"volume\""));
          return null;
        }
        return Map.of();
      }
      if (plan == null) {
        return given;
      }
      Map<String, BigDecimal> out = new TreeMap<>();
      for (String t : plan.volumeTypes()) {
        out.put(t, given.getOrDefault(t, all == null ? BigDecimal.ZERO : all));
      }
      return out;
    }

    /** The plan's volume type a key names (case-insensitive), or null. */
    private String volumeType(String key) {
      if (plan == null) {
        return key.toUpperCase(Locale.ROOT);
      }
      for (String t : plan.volumeTypes()) {
        if (t.equalsIgnoreCase(key)) {
          return t;
        }
      }
      return null;
    }

    private Map<String, String> titleRanks(Node n) {
      Obj o = object(n, "title ranks by distributor id, such as {\"D7\": \"GLD\"}");
      if (o == null) {
        return Map.of();
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : o.members.entrySet()) {
        knownDistributor(o.keys.get(e.getKey()), e.getKey());
        String code = rank(e.getValue());
        if (code != null) {
          out.put(e.getKey(), code);
        }
      }
      return out;
    }

    // --- expectations ---------------------------------------------------------------------------

    private void paidAsCounts(Node n, List<Expectation> out) {
      Obj o = object(n, "how many distributors each rank is paid as, such as {\"GLD\": 2}");
      if (o == null) {
        return;
      }
      for (Map.Entry<String, Node> e : o.members.entrySet()) {
        Node key = o.keys.get(e.getKey());
        String code = rank(key);
        BigDecimal count = decimal(e.getValue(), "a number of distributors");
        if (code == null || count == null) {
          continue;
        }
        if (count.signum() < 0 || count.stripTrailingZeros().scale() > 0
            || count.compareTo(MAX_INT) > 0) {
          problem(e.getValue(), "expected a whole number of distributors from 0 to "
              + Integer.MAX_VALUE + ", found " + count.toPlainString());
          continue;
        }
        int c = count.intValueExact();
        out.add(new Expectation("", "number paid as " + code + ": " + c, key.line,
            ev -> Verdicts.paidAsCount(ev, code, c)));
      }
    }

    private void expect(Node n, List<Expectation> out) {
      Obj o = object(n, "expectations by distributor id, such as"
          + " {\"D1\": {\"paidAs\": \"GLD\"}}");
      if (o == null) {
        return;
      }
      for (Map.Entry<String, Node> e : o.members.entrySet()) {
        String id = e.getKey();
        if (!knownDistributor(o.keys.get(id), id)) {
          continue;
        }
        Obj d = object(e.getValue(), "what is expected of " + id + ", such as"
            + " {\"paidAs\": \"GLD\"}");
        if (d == null) {
          continue;
        }
        fields(d, EXPECT, Set.of(), "the expectations of a distributor");
        int before = out.size();
        distributorExpectations(id, d, out);
        if (out.size() == before && d.members.keySet().stream().allMatch("why"::equals)) {
          problem(d, "nothing is expected of " + id + "; give at least one of "
              + String.join(", ", EXPECT).replace("why, ", ""));
        }
      }
    }

    private void distributorExpectations(String id, Obj d, List<Expectation> out) {
      optional(d, "why").ifPresent(this::lines);
      optional(d, "paidAs").ifPresent(n -> {
        String code = rank(n);
        if (code != null) {
          out.add(new Expectation(id, "paid as " + code, n.line,
              ev -> Verdicts.paidAs(ev, id, code)));
        }
      });
      optional(d, "active").ifPresent(n -> {
        Boolean a = bool(n, "true or false");
        if (a != null) {
          out.add(new Expectation(id, a ? "active" : "not active", n.line,
              ev -> Verdicts.active(ev, id, a)));
        }
      });
      optional(d, "nextRank").ifPresent(n -> {
        String code = n instanceof Null ? null : rank(n);
        if (code != null || n instanceof Null) {
          out.add(new Expectation(id, "next rank " + (code == null ? "none" : code), n.line,
              ev -> Verdicts.nextRank(ev, id, code)));
        }
      });
      optional(d, "gauges").ifPresent(n -> gauges(id, n, out));
      optional(d, "requirements").ifPresent(n -> requirements(id, n, out));
      optional(d, "focus").ifPresent(n -> focus(id, n, out));
    }

    private void gauges(String id, Node n, List<Expectation> out) {
      Obj o = object(n, "gauges by name (" + String.join(", ", METRICS.keySet()) + ")");
      if (o == null) {
        return;
      }
      fields(o, METRICS.keySet(), Set.of(), "the gauges");
      for (Map.Entry<String, Node> e : o.members.entrySet()) {
        Metric m = METRICS.get(e.getKey());
        if (m == null) {
          continue;
        }
        Obj g = object(e.getValue(), "what is expected of the gauge, such as"
            + " {\"rank\": \"DMND\", \"remaining\": 4700}");
        if (g == null) {
          continue;
        }
        fields(g, GAUGE, Set.of(), "a gauge");
        String label = Verdicts.gauge(m);
        optional(g, "value").ifPresent(v -> {
          BigDecimal x = decimal(v, "the gauge's value");
          if (x != null) {
            out.add(new Expectation(id, label + "value " + x.toPlainString(), v.line,
                ev -> Verdicts.gaugeValue(ev, id, m, x)));
          }
        });
        optional(g, "rank").ifPresent(v -> {
          String code = rank(v);
          if (code != null) {
            out.add(new Expectation(id, label + "rank " + code, v.line,
                ev -> Verdicts.gaugeRank(ev, id, m, code)));
          }
        });
        optional(g, "nextRank").ifPresent(v -> {
          String code = v instanceof Null ? null : rank(v);
          if (code != null || v instanceof Null) {
            out.add(new Expectation(id, label + "next rank " + (code == null ? "none" : code),
                v.line, ev -> Verdicts.gaugeNextRank(ev, id, m, code)));
          }
        });
        optional(g, "remaining").ifPresent(v -> {
          BigDecimal x = v instanceof Null ? null : decimal(v, "an amount, or null at the top");
          if (x != null || v instanceof Null) {
            out.add(new Expectation(id, label + "remaining "
                + (x == null ? "none" : x.toPlainString()), v.line,
                ev -> Verdicts.gaugeRemaining(ev, id, m, x)));
          }
        });
      }
    }

    private void requirements(String id, Node n, List<Expectation> out) {
      Arr a = array(n, "requirements, such as"
          + " [{\"rank\": \"PLAT\", \"requirement\": 3, \"met\": false, \"remaining\": 1}]");
      if (a == null) {
        return;
      }
      for (Node item : a.items) {
        Obj o = object(item, "a requirement such as"
            + " {\"rank\": \"PLAT\", \"requirement\": 3, \"met\": false}");
        if (o == null) {
          continue;
        }
        fields(o, REQUIREMENT, Set.of(), "a requirement");
        optional(o, "why").ifPresent(this::lines);
        String code = required(o, "rank", "the rank's code").map(this::rank).orElse(null);
        Optional<Node> rn = required(o, "requirement", "the requirement's number in the rank"
            + " (from 1), or text its description contains");
        RequirementRef ref = null;
        if (code != null && rn.isPresent()) {
          Node r = rn.get();
          if (r instanceof Num num) {
            BigDecimal x = num.value;
            if (x.signum() <= 0 || x.stripTrailingZeros().scale() > 0
                || x.compareTo(MAX_INT) > 0) {
              problem(r, "expected a requirement number from 1, found " + x.toPlainString());
            } else {
              ref = RequirementRef.byNumber(code, x.intValueExact());
            }
          } else if (r instanceof Str s && !s.value.isBlank()) {
            ref = RequirementRef.byText(code, s.value);
          } else {
            problem(r, "expected a requirement number from 1, or text its description"
                + " contains, found " + r.kind());
          }
          if (ref != null && plan != null) {
            Object index = ref.resolve(plan);
            if (index instanceof String reason) {
              problem(r, reason);
              ref = null;
            }
          }
        }
        if (ref == null) {
          continue;
        }
        RequirementRef req = ref;
        int before = out.size();
        optional(o, "met").ifPresent(v -> {
          Boolean met = bool(v, "true or false");
          if (met != null) {
            out.add(new Expectation(id, req.label() + ": " + (met ? "met" : "not met"), v.line,
                ev -> Verdicts.requirementMet(ev, id, req, met)));
          }
        });
        for (Verdicts.Figure f : Verdicts.Figure.values()) {
          optional(o, f.label).ifPresent(v -> {
            BigDecimal x = decimal(v, "an amount");
            if (x != null) {
              out.add(new Expectation(id, req.label() + ": " + f.label + " " + x.toPlainString(),
                  v.line, ev -> Verdicts.requirementFigure(ev, id, req, f, x)));
            }
          });
        }
        if (out.size() == before) {
          problem(o, "nothing is expected of " + req.label() + "; give met, required, actual"
              + " or remaining");
        }
      }
    }

    private void focus(String id, Node n, List<Expectation> out) {
      Obj o = object(n, "focus lists by name (" + String.join(", ", FOCUS.keySet()) + ")");
      if (o == null) {
        return;
      }
      fields(o, FOCUS.keySet(), Set.of(), "the focus lists");
      for (Map.Entry<String, Node> e : o.members.entrySet()) {
        FocusList list = FOCUS.get(e.getKey());
        if (list == null) {
          continue;
        }
        String label = "focus list " + list.label();
        Node v = e.getValue();
        if (v instanceof Arr) {
          List<String> ids = members(v);
          if (ids != null) {
            out.add(new Expectation(id, label + ": exactly " + Verdicts.list(ids), v.line,
                ev -> Verdicts.focusExactly(ev, id, list, ids)));
          }
          continue;
        }
        Obj m = object(v, "the list's exact members, such as [\"C2\", \"C3\"], or"
            + " {\"includes\": [...], \"excludes\": [...]}");
        if (m == null) {
          continue;
        }
        fields(m, FOCUS_MATCH, Set.of(), "a focus list match");
        optional(m, "includes").ifPresent(x -> {
          List<String> ids = members(x);
          if (ids != null) {
            out.add(new Expectation(id, label + ": includes " + Verdicts.list(ids), x.line,
                ev -> Verdicts.focusIncludes(ev, id, list, ids)));
          }
        });
        optional(m, "excludes").ifPresent(x -> {
          List<String> ids = members(x);
          if (ids != null) {
            out.add(new Expectation(id, label + ": excludes " + Verdicts.list(ids), x.line,
                ev -> Verdicts.focusExcludes(ev, id, list, ids)));
          }
        });
      }
    }

    /** Ids of customers or distributors of this scenario. */
    private List<String> members(Node n) {
      Arr a = array(n, "an array of customer or distributor ids");
      if (a == null) {
        return null;
      }
      List<String> ids = new ArrayList<>();
      boolean ok = true;
      for (Node item : a.items) {
        String s = id(item, "a customer or distributor id");
        if (s == null) {
          ok = false;
        } else if (!customerIds.containsKey(s) && !distributorIds.containsKey(s)) {
          problem(item, s + " is neither a customer nor a distributor of this scenario");
          ok = false;
        } else {
          ids.add(s);
        }
      }
      return ok ? ids : null;
    }

    private boolean knownDistributor(Node at, String id) {
      if (distributorIds.containsKey(id)) {
        return true;
      }
      problem(at, id + " is not a distributor of this scenario; distributors are "
          + Verdicts.list(distributorIds.keySet()));
      return false;
    }

    /** A rank code of the plan, or null after a problem. */
    private String rank(Node n) {
      String code = string(n, "a rank code");
      if (code == null || plan == null) {
        return code;
      }
      if (plan.rank(code).isPresent()) {
        return code;
      }
      List<String> codes = plan.ranks().stream().map(Rank::code).toList();
      String hint = Suggest.closest(code, codes).map(s -> "did you mean " + s + "? ").orElse("");
      problem(n, "plan " + plan.name() + " has no rank " + code + "; " + hint + "its ranks are "
          + String.join(", ", codes));
      return null;
    }

    // --- JSON shapes ----------------------------------------------------------------------------

    private void problem(Node n, String message) {
      problems.add(new Problem(file + ":" + n.line + ":" + n.column + " at " + n.path, message));
    }

    private Obj object(Node n, String what) {
      if (n instanceof Obj o) {
        return o;
      }
      problem(n, "expected " + what + ", found " + n.kind());
      return null;
    }

    private Arr array(Node n, String what) {
      if (n instanceof Arr a) {
        return a;
      }
      problem(n, "expected " + what + ", found " + n.kind());
      return null;
    }

    private String string(Node n, String what) {
      if (n instanceof Str s) {
        return s.value;
      }
      problem(n, "expected " + what + " (a string), found " + n.kind());
      return null;
    }

    private String id(Node n, String what) {
      String s = string(n, what);
      if (s != null && s.isBlank()) {
        problem(n, "expected " + what + ", found a blank string");
        return null;
      }
      return s;
    }

    private Boolean bool(Node n, String what) {
      if (n instanceof Bool b) {
        return b.value;
      }
      problem(n, "expected " + what + ", found " + n.kind());
      return null;
    }

    /** A number, or a string holding one (so that "4700.50" may be written either way). */
    private BigDecimal decimal(Node n, String what) {
      if (n instanceof Num num) {
        return num.value;
      }
      if (n instanceof Str s) {
        try {
          return new BigDecimal(s.value.trim());
        } catch (NumberFormatException e) {
          problem(n, "expected " + what + " (a number), found \"" + s.value + "\"");
          return null;
        }
      }
      problem(n, "expected " + what + " (a number), found " + n.kind());
      return null;
    }

    /** A string or an array of strings, joined into lines. */
    private String lines(Node n) {
      if (n instanceof Str s) {
        return s.value;
      }
      if (n instanceof Arr a) {
        List<String> out = new ArrayList<>();
        for (Node item : a.items) {
          String s = string(item, "a line of text");
          if (s != null) {
            out.add(s);
          }
        }
        return String.join("\n", out);
      }
      problem(n, "expected text: a string, or an array of strings (one a line), found "
          + n.kind());
      return "";
    }

    private Optional<Node> optional(Obj o, String key) {
      return Optional.ofNullable(o.members.get(key));
    }

    private Optional<Node> required(Obj o, String key, String what) {
      Node n = o.members.get(key);
      if (n == null) {
        problem(o, "missing \"" + key + "\": " + what);
      }
      return Optional.ofNullable(n);
    }

    /** Reports every key that is neither a field nor an extra key, with the valid ones. */
    private void fields(Obj o, Set<String> names, Set<String> extraKeys, String what) {
      Set<String> extra = extraKeys == VOLUME_KEYS ? volumeKeys() : extraKeys;
      for (Map.Entry<String, Node> e : o.keys.entrySet()) {
        String k = e.getKey();
        if (names.contains(k) || extra.contains(k)) {
          continue;
        }
        if (plan == null && extraKeys == VOLUME_KEYS && o.members.get(k) instanceof Num) {
          continue; // perhaps a volume type of the plan that failed to load
        }
        List<String> valid = new ArrayList<>(names);
        valid.addAll(extra);
        String hint = Suggest.closest(k, valid).map(s -> "did you mean \"" + s + "\"? ").orElse("");
        problem(e.getValue(), "unknown field \"" + k + "\" in " + what + "; " + hint
            + "valid fields are " + String.join(", ", valid));
      }
    }
  }
}
