package dev.rankgauge.testkit;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.Placement;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.Subject;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import dev.rankgauge.internal.json.JsonTree.Arr;
import dev.rankgauge.internal.json.JsonTree.Node;
import dev.rankgauge.internal.json.JsonTree.Null;
import dev.rankgauge.internal.json.JsonTree.Num;
import dev.rankgauge.internal.json.JsonTree.Obj;
import dev.rankgauge.internal.json.JsonTree.Str;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The second layer of reading a scenario file: the records. Reads the plan, the period and the
 * as-of instant, then distributors, customers and orders into an organisation builder, with the
 * checks only a scenario file needs (a sponsor or buyer named in the file, shorthand volumes).
 * Not thread-safe; one per file.
 */
final class ScenarioRecords {
  /** Orders dated by day alone are placed at this time of day, in the plan's zone. */
  private static final LocalTime ORDER_TIME = ScenarioReader.ORDER_TIME;
  private static final Set<String> DISTRIBUTOR = keys("id", "sponsor", "name", "joined", "email",
      "phone", "placementParent", "position", "volume", "volumes");
  private static final Set<String> CUSTOMER = keys("id", "distributor", "name", "email", "phone",
      "volume", "volumes");
  private static final Set<String> ORDER = keys("id", "buyer", "buyerType", "date", "status",
      "amount", "volume", "volumes");
  private static final Set<String> PERIOD = keys("month", "start", "end", "closed");
  private static final Set<String> OVERRIDE = keys("distributor", "override", "rank",
      "requirement", "why");
  /** The kinds of override, as a scenario file names them. */
  static final List<String> OVERRIDE_KINDS = List.of("minimum_rank", "waive", "not_compressed",
      "active");

  private final ScenarioShape shape;
  private final Path file;
  private final RuleRegistry rules;
  /** Plans loaded so far by the reader, by key; a failure is kept as its exception. */
  private final Map<String, Object> plans;
  CompPlan plan;
  ZoneId zone = ZoneOffset.UTC;
  Period period;
  /** Every distributor id with its node, in file order. */
  final Map<String, Node> distributorIds = new LinkedHashMap<>();
  final Map<String, Node> customerIds = new LinkedHashMap<>();
  final Map<String, Node> orderIds = new LinkedHashMap<>();
  /** The entry of each record given to the organisation builder, in the order given. */
  private final List<Node> distributorEntries = new ArrayList<>();
  private final List<Node> customerEntries = new ArrayList<>();
  /** Entries whose volume keys made an order; their orders go to the builder first. */
  private final List<Node> shorthandEntries = new ArrayList<>();
  private final List<Node> orderEntries = new ArrayList<>();
  /** The entry of each override, in the order given to the overrides. */
  private final List<Node> overrideEntries = new ArrayList<>();
  /** How many orders the shorthand made: the builder's position of the first written order. */
  private int firstOrders;
  /** The fields given a stand-in, as "KIND position field". */
  private final Set<String> standIns = new java.util.HashSet<>();

  ScenarioRecords(ScenarioShape shape, Path file, RuleRegistry rules, Map<String, Object> plans) {
    this.shape = shape;
    this.file = file;
    this.rules = rules;
    this.plans = plans;
  }

  private static Set<String> keys(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }

  void plan(Node n) {
    String ref = shape.string(n, "a bundled plan's name or a plan file's path");
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
    String bare = ref.endsWith(".json") ? ref.substring(0, ref.length() - 5) : ref;
    if (loaded == null && !isFile && !PlanFiles.bundledNames().contains(bare)) {
      // Said in the report's language, quoting only the name (PlanFiles says it in English).
      loaded = Problem.of(Subject.NONE, "", ScenarioShape.BUNDLE, "plan.unknownBundled", ref,
          ScenarioShape.didYouMean(bare, PlanFiles.bundledNames()),
          String.join(", ", PlanFiles.bundledNames()));
      plans.put(key, loaded);
    }
    if (loaded == null) {
      try {
        loaded = isFile ? PlanFiles.load(planFile, rules) : PlanFiles.bundled(ref, rules);
      } catch (ValidationException e) {
        loaded = e;
      } catch (UncheckedIOException e) {
        loaded = Problem.of(Subject.NONE, "", ScenarioShape.BUNDLE, "plan.cannotRead",
            isFile ? planFile.toString() : ref, String.valueOf(e.getCause()));
      } catch (RuntimeException e) {
        // The plan reader's own sentence (an unknown bundled plan, say), quoted as it is.
        loaded = Problem.of(Subject.NONE, "", ScenarioShape.BUNDLE, "plan.cannotLoad", ref,
            String.valueOf(e.getMessage()));
      }
      plans.put(key, loaded);
    }
    if (loaded instanceof CompPlan p) {
      plan = p;
      zone = p.zone();
    } else if (loaded instanceof ValidationException e) {
      shape.problem(n, "plan.invalid", ref, e.problems().size());
      e.problems().forEach(shape::add);
    } else {
      shape.problem(n, (Problem) loaded);
    }
  }

  void period(Node n) {
    if (n instanceof Str s) {
      try {
        period = Period.month(YearMonth.parse(s.value));
      } catch (DateTimeException e) {
        shape.problem(n, "period.month", s.value);
      } catch (IllegalArgumentException e) {
        shape.problem(n, "core.refused", String.valueOf(e.getMessage()));
      }
      return;
    }
    Obj o = shape.object(n, "a month such as \"2026-11\", or an object with start and end");
    if (o == null) {
      return;
    }
    shape.fields(o, PERIOD, "a period");
    boolean closed = shape.optional(o, "closed").map(c -> shape.bool(c, "true or false"))
        .orElse(Boolean.FALSE);
    Optional<Node> month = shape.optional(o, "month");
    Period p = null;
    if (month.isPresent()) {
      if (o.members.containsKey("start") || o.members.containsKey("end")) {
        shape.problem(o, "period.both");
      }
      String m = shape.string(month.get(), "a month such as \"2026-11\"");
      if (m != null) {
        try {
          p = Period.month(YearMonth.parse(m));
        } catch (DateTimeException e) {
          shape.problem(month.get(), "period.month", m);
        } catch (IllegalArgumentException e) {
          shape.problem(month.get(), "core.refused", String.valueOf(e.getMessage()));
        }
      }
    } else {
      LocalDate start = shape.required(o, "start", "the first day, such as \"2026-11-01\"")
          .map(this::date).orElse(null);
      LocalDate end = shape.required(o, "end", "the last day, such as \"2026-11-28\"")
          .map(this::date).orElse(null);
      if (start != null && end != null) {
        if (end.isBefore(start)) {
          shape.problem(o.members.get("end"), "period.endsBefore", end, start);
        } else {
          try {
            p = new Period(start, end, Period.State.OPEN);
          } catch (IllegalArgumentException e) {
            shape.problem(o, "core.refused", String.valueOf(e.getMessage()));
          }
        }
      }
    }
    if (p != null) {
      period = closed ? p.close() : p;
    }
  }

  Instant asOf(Node n) {
    String s = shape.string(n, "an instant such as \"2026-11-27T09:00\" (the plan's time zone),"
        + " \"2026-11-27T15:00:00Z\", or a day such as \"2026-11-27\" (its end)");
    if (s == null) {
      return null;
    }
    try {
      Instant at = s.length() == 10 ? LocalDate.parse(s).plusDays(1).atStartOfDay(zone).toInstant()
          : instant(s);
      if (at.isBefore(RankGauge.MIN_AS_OF) || at.isAfter(RankGauge.MAX_AS_OF)) {
        shape.problem(n, "asOf.range", at.toString(), RankGauge.MIN_AS_OF.toString(),
            RankGauge.MAX_AS_OF.toString());
        return null;
      }
      return at;
    } catch (DateTimeException e) {
      shape.problem(n, "asOf.format", s);
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
    String s = shape.string(n, "a day such as \"2026-11-03\"");
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeException e) {
      shape.problem(n, "date.format", s);
      return null;
    }
  }

  void distributors(Node n, Organisation.Builder org, List<Order> shorthand) {
    Arr a = shape.array(n, "distributors: ids of roots, or objects such as"
        + " {\"id\": \"D2\", \"sponsor\": \"D1\"}");
    if (a == null) {
      return;
    }
    if (a.items.isEmpty()) {
      shape.problem(a, "distributors.none");
    }
    // Ids first, so that a buyer may be told apart whatever the order of the lists. Duplicates
    // are the organisation builder's to find, like every check between records.
    for (Node item : a.items) {
      Node idNode = item instanceof Obj o ? o.members.get("id") : item;
      if (idNode instanceof Str s && !s.value.isBlank()) {
        distributorIds.putIfAbsent(s.value, idNode);
      }
    }
    for (Node item : a.items) {
      if (item instanceof Str s) {
        if (s.value.isBlank()) {
          shape.problem(s, "distributors.blankId");
        } else {
          org.add(Distributor.of(s.value, null, defaultJoined(), s.value, ""));
          distributorEntries.add(s);
        }
        continue;
      }
      Obj o = shape.object(item, "a distributor: an id (a root), or an object such as"
          + " {\"id\": \"D2\", \"sponsor\": \"D1\"}");
      if (o == null) {
        continue;
      }
      volumeFields(o, DISTRIBUTOR, "a distributor");
      String id = shape.required(o, "id", "the distributor's id").map(x -> shape.id(x, "a distributor id"))
          .orElse(null);
      String sponsor = null;
      Node sn = o.members.get("sponsor");
      if (sn != null && !(sn instanceof Null)) {
        sponsor = shape.id(sn, "the sponsor's distributor id, or null for a root");
      }
      String name = shape.optional(o, "name").map(x -> shape.string(x, "a name")).orElse(id);
      LocalDate joined = shape.optional(o, "joined").map(this::date).orElse(defaultJoined());
      String email = shape.optional(o, "email").map(x -> shape.string(x, "an email address")).orElse("");
      String phone = shape.optional(o, "phone").map(x -> shape.string(x, "a phone number")).orElse(null);
      if (id == null) {
        continue;
      }
      // A field already reported gets a stand-in, so that the record still reaches the builder
      // and every check between records runs; a sponsor that could not be read makes a root.
      Distributor d = new Distributor(id, Optional.ofNullable(sponsor),
          joined == null ? defaultJoined() : joined, name == null ? id : name,
          email == null ? "" : email, Optional.ofNullable(phone));
      org.add(d);
      distributorEntries.add(o);
      placement(o, id, org);
      shorthandOrder(o, BuyerType.DISTRIBUTOR, id, shorthand);
    }
  }

  /**
   * A distributor's place in the plan's placement tree: {@code "placementParent"} and
   * {@code "position"} ({@code "L"}, {@code "R"}, {@code "left"}, {@code "right"} or a slot from
   * 1), both or neither. Every check between placements is the organisation builder's.
   */
  private void placement(Obj o, String id, Organisation.Builder org) {
    Node parentNode = o.members.get("placementParent");
    Node positionNode = o.members.get("position");
    if (parentNode == null && positionNode == null) {
      return;
    }
    if (parentNode == null || positionNode == null) {
      shape.problem(parentNode == null ? positionNode : parentNode, "placement.onlyOne");
      return;
    }
    String parent = shape.id(parentNode, "the placement parent's distributor id");
    int position = position(positionNode);
    if (parent != null && position > 0) {
      org.place(id, parent, position);
    }
  }

  /** L, R, left, right (any case) or a whole number from 1; 0 after reporting anything else. */
  private int position(Node n) {
    if (n instanceof Str s) {
      switch (s.value.trim().toLowerCase(Locale.ROOT)) {
        case "l", "left" -> {
          return Placement.LEFT;
        }
        case "r", "right" -> {
          return Placement.RIGHT;
        }
        default -> { }
      }
    } else if (n instanceof Num num && num.value.signum() > 0
        && num.value.compareTo(BigDecimal.valueOf(Placement.MAX_POSITION)) <= 0
        && num.value.stripTrailingZeros().scale() <= 0) {
      return num.value.intValueExact();
    }
    shape.problem(n, "placement.position", Placement.MAX_POSITION, n instanceof Str s
        ? "\"" + s.value + "\"" : n instanceof Num num
        ? ScenarioShape.shortText(num.value.toString()) : ScenarioShape.kind(n));
    return 0;
  }

  private LocalDate defaultJoined() {
    return period != null ? period.start() : LocalDate.of(2000, 1, 1);
  }

  void customers(Node n, Organisation.Builder org, List<Order> shorthand) {
    Arr a = shape.array(n, "customers: objects such as {\"id\": \"C1\", \"distributor\": \"D1\"}");
    if (a == null) {
      return;
    }
    for (Node item : a.items) {
      Obj o = shape.object(item, "a customer such as {\"id\": \"C1\", \"distributor\": \"D1\"}");
      if (o == null) {
        continue;
      }
      volumeFields(o, CUSTOMER, "a customer");
      Optional<Node> idNode = shape.required(o, "id", "the customer's id");
      String id = idNode.map(x -> shape.id(x, "a customer id")).orElse(null);
      if (id != null) {
        customerIds.putIfAbsent(id, idNode.get());
      }
      Optional<Node> dn = shape.required(o, "distributor", "the id of the distributor whose"
          + " personal customer this is");
      String distributor = dn.map(x -> shape.id(x, "a distributor id")).orElse(null);
      String name = shape.optional(o, "name").map(x -> shape.string(x, "a name")).orElse(id);
      String email = shape.optional(o, "email").map(x -> shape.string(x, "an email address")).orElse("");
      String phone = shape.optional(o, "phone").map(x -> shape.string(x, "a phone number")).orElse(null);
      if (id == null) {
        continue;
      }
      if (distributor == null) {
        distributor = standIn(Subject.customer(id, customerEntries.size()).field("distributorId"));
      }
      org.add(new Customer(id, distributor, name == null ? id : name, email == null ? "" : email,
          Optional.ofNullable(phone)));
      customerEntries.add(o);
      shorthandOrder(o, BuyerType.CUSTOMER, id, shorthand);
    }
  }

  /**
   * A stand-in for a reference already reported as unreadable: the builder's problems with that
   * field of that record are dropped ({@link #standsIn(Subject)}).
   */
  private String standIn(Subject s) {
    standIns.add(s.kind() + " " + s.index() + " " + s.field());
    return "?";
  }

  /** Whether a problem of the builder is about a stand-in, already reported by this reader. */
  boolean standsIn(Subject s) {
    return standIns.contains(s.kind() + " " + s.index() + " " + s.field());
  }

  /** A distributor's or customer's own volume keys make one paid order on the first day. */
  private void shorthandOrder(Obj o, BuyerType type, String buyer, List<Order> out) {
    Map<String, BigDecimal> volumes = volumes(o, false);
    if (volumes == null || volumes.isEmpty() || period == null) {
      return;
    }
    String orderId = buyer + "-order";
    orderIds.putIfAbsent(orderId, o);
    out.add(new Order(orderId, type, buyer, period.start().atTime(ORDER_TIME).atZone(zone)
        .toInstant(), OrderStatus.PAID, volumes, BigDecimal.ZERO));
    shorthandEntries.add(o);
  }

  void orders(Node n, List<Order> out) {
    firstOrders = shorthandEntries.size();
    Arr a = shape.array(n, "orders: objects such as"
        + " {\"buyer\": \"D2\", \"date\": \"2026-11-03\", \"pv\": 120}");
    if (a == null) {
      return;
    }
    for (int i = 0; i < a.items.size(); i++) {
      Obj o = shape.object(a.items.get(i), "an order such as"
          + " {\"buyer\": \"D2\", \"date\": \"2026-11-03\", \"pv\": 120}");
      if (o == null) {
        continue;
      }
      volumeFields(o, ORDER, "an order");
      String id = shape.optional(o, "id").map(x -> shape.id(x, "an order id")).orElse("O" + (i + 1));
      if (id != null) {
        orderIds.putIfAbsent(id, o.members.getOrDefault("id", o));
      }
      BuyerType type = shape.optional(o, "buyerType").map(this::buyerType).orElse(null);
      Optional<Node> bn = shape.required(o, "buyer", "the id of the distributor or customer who"
          + " bought");
      String buyer = bn.map(x -> shape.id(x, "a distributor or customer id")).orElse(null);
      if (buyer != null) {
        boolean isDistributor = distributorIds.containsKey(buyer);
        boolean isCustomer = customerIds.containsKey(buyer);
        if (type == null) {
          if (isDistributor && isCustomer) {
            shape.problem(bn.get(), "order.ambiguousBuyer", buyer);
            buyer = null;
          } else {
            type = isCustomer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR;
          }
        }
      }
      Instant when = shape.optional(o, "date").map(this::orderTime).orElse(
          period == null ? null : period.start().atTime(ORDER_TIME).atZone(zone).toInstant());
      OrderStatus status = shape.optional(o, "status").map(this::status).orElse(OrderStatus.PAID);
      BigDecimal amount = shape.optional(o, "amount").map(x -> shape.decimal(x, "a money amount"))
          .orElse(BigDecimal.ZERO);
      Map<String, BigDecimal> volumes = volumes(o, true);
      if (id == null) {
        continue;
      }
      // Stand-ins for fields already reported, as for distributors; a return is the status
      // that lets any volume through.
      int position = firstOrders + orderEntries.size();
      if (buyer == null) {
        buyer = standIn(Subject.order(id, position).field("buyerId"));
      }
      out.add(new Order(id, type == null ? BuyerType.DISTRIBUTOR : type, buyer,
          when == null ? Instant.EPOCH : when, status == null ? OrderStatus.RETURNED : status,
          volumes == null ? Map.of() : volumes, amount == null ? BigDecimal.ZERO : amount));
      orderEntries.add(o);
    }
  }

  Instant orderTime(Node n) {
    String s = shape.string(n, "a day such as \"2026-11-03\" or a time such as"
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
      shape.problem(n, "order.date", s);
      return null;
    }
  }

  BuyerType buyerType(Node n) {
    String s = shape.string(n, "\"distributor\" or \"customer\"");
    if ("distributor".equals(s)) {
      return BuyerType.DISTRIBUTOR;
    } else if ("customer".equals(s)) {
      return BuyerType.CUSTOMER;
    }
    if (s != null) {
      shape.problem(n, "order.buyerType", s);
    }
    return null;
  }

  OrderStatus status(Node n) {
    String s = shape.string(n, "\"paid\", \"returned\" or \"cancelled\"");
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
        shape.problem(n, "order.status", s);
        return null;
    }
  }

  /** The plan's volume types as keys of a scenario file: lower case, such as "pv". */
  Set<String> volumeKeys() {
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
  Map<String, BigDecimal> volumes(Obj o, boolean needed) {
    Map<String, BigDecimal> given = new TreeMap<>();
    boolean bad = false;
    BigDecimal all = null;
    Node allNode = o.members.get("volume");
    if (allNode != null) {
      all = shape.decimal(allNode, "a volume");
      bad |= all == null;
      if (all != null && plan != null) {
        for (String t : plan.volumeTypes()) {
          bad |= tooFine(allNode, t, all);
        }
      }
    }
    Node byType = o.members.get("volumes");
    if (byType != null) {
      Obj v = shape.object(byType, "volumes by type, such as {\"PV\": 120, \"CV\": 100}");
      if (v == null) {
        bad = true;
      } else {
        for (Map.Entry<String, Node> e : v.members.entrySet()) {
          String type = volumeType(e.getKey());
          if (type == null) {
            if (plan == null) {
              shape.problem(v.keys.get(e.getKey()), "order.blankVolumeType");
            } else {
              shape.problem(v.keys.get(e.getKey()), "order.unknownVolumeType", plan.name(),
                  e.getKey(), plan.volumeTypes().toString());
            }
            bad = true;
            continue;
          }
          BigDecimal d = shape.decimal(e.getValue(), "a volume");
          bad |= d == null;
          if (d != null) {
            bad |= tooFine(e.getValue(), type, d);
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
      BigDecimal d = shape.decimalOf(e.getValue(), Problem.Part.of("what.aVolumeOf", type));
      bad |= d == null;
      if (d != null) {
        bad |= tooFine(e.getValue(), type, d);
        if (given.put(type, d) != null) {
          shape.problem(o.keys.get(k), "order.volumeTwice", type, k);
          bad = true;
        }
      }
    }
    if (bad) {
      return null;
    }
    if (given.isEmpty() && all == null) {
      if (needed) {
        if (plan == null) {
          shape.problem(o, "order.noVolume");
        } else {
          shape.problem(o, "order.noVolumeOf", volumeKeys().toString());
        }
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

  /**
   * Whether a volume has more decimals than the plan declares for its type (a problem at its
   * node, as a CSV reader reports the cell). More than six is the organisation builder's to say.
   */
  private boolean tooFine(Node n, String type, BigDecimal v) {
    if (plan == null || !plan.volumeDecimals().containsKey(type) || v.signum() == 0) {
      return false;
    }
    int has = Math.max(0, v.stripTrailingZeros().scale());
    int allowed = plan.volumeDecimals(type);
    if (has <= allowed || has > Organisation.MAX_DECIMALS) {
      return false;
    }
    shape.problem(n, "order.planDecimals", type, v.stripTrailingZeros().toPlainString(), has,
        allowed, plan.name());
    return true;
  }

  /** The plan's volume type a key names (case-insensitive), or null. */
  private String volumeType(String key) {
    if (key.isBlank()) {
      return null;
    }
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

  Map<String, String> titleRanks(Node n) {
    Obj o = shape.object(n, "title ranks by distributor id, such as {\"D7\": \"GLD\"}");
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

  boolean knownDistributor(Node at, String id) {
    if (distributorIds.containsKey(id)) {
      return true;
    }
    shape.problem(at, "distributor.unknown", id, ScenarioShape.ids(distributorIds.keySet()));
    return false;
  }

  /** A rank code of the plan, or null after a problem. */
  String rank(Node n) {
    String code = shape.string(n, "a rank code");
    if (code == null || plan == null) {
      return code;
    }
    if (plan.rank(code).isPresent()) {
      return code;
    }
    List<String> codes = plan.ranks().stream().map(Rank::code).toList();
    shape.problem(n, "rank.unknown", code, plan.name(), codes,
        ScenarioShape.didYouMean(code, codes));
    return null;
  }

  /**
   * A requirement of a rank named by its number (from 1) or by text its description contains,
   * checked against the plan; null after reporting why it names none.
   */
  RequirementRef requirement(String code, Node r) {
    RequirementRef ref = null;
    if (r instanceof Num) {
      // Through the range check first: -1e999999999 is a short located problem, never a
      // billion digits spelt out (found by the fuzz campaign: it ran a 2 GB heap out).
      BigDecimal x = shape.decimal(r, "a requirement number from 1");
      if (x == null) {
        return null;
      }
      if (x.signum() <= 0 || x.stripTrailingZeros().scale() > 0
          || x.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        shape.problem(r, "requirement.number", x.toPlainString());
      } else {
        ref = RequirementRef.byNumber(code, x.intValueExact());
      }
    } else if (r instanceof Str s && !s.value.isBlank()) {
      ref = RequirementRef.byText(code, s.value);
    } else {
      shape.problem(r, "requirement.numberOrText", ScenarioShape.kind(r));
    }
    if (ref != null && plan != null) {
      Object index = ref.resolve(plan);
      if (index instanceof Problem reason) {
        shape.problem(r, reason);
        ref = null;
      }
    }
    return ref;
  }

  /**
   * The overrides granted for the period: an array of {@code {"distributor": "D7", "override":
   * "minimum_rank", "rank": "GLD"}}, {@code "waive"} with a {@code "requirement"} (number or
   * text, as in expectations), {@code "not_compressed"} or {@code "active"}. Each override's node
   * is kept in {@link #overrideEntries}, for problems the core finds.
   */
  Overrides overrides(Node n) {
    Arr a = shape.array(n, "an array of overrides, such as [{\"distributor\": \"D7\","
        + " \"override\": \"minimum_rank\", \"rank\": \"GLD\"}]");
    Overrides.Builder b = Overrides.builder();
    if (a == null) {
      return b.build();
    }
    for (Node item : a.items) {
      Obj o = shape.object(item, "an override, such as {\"distributor\": \"D7\", \"override\":"
          + " \"active\"}");
      if (o == null) {
        continue;
      }
      shape.fields(o, OVERRIDE, "an override");
      shape.optional(o, "why").ifPresent(shape::lines);
      String id = shape.required(o, "distributor", "the distributor's id")
          .map(d -> shape.string(d, "a distributor id")).orElse(null);
      if (id != null && !knownDistributor(o.members.get("distributor"), id)) {
        id = null;
      }
      String kind = shape.required(o, "override", "the override: one of "
          + String.join(", ", OVERRIDE_KINDS)).map(k -> shape.string(k, "an override kind"))
          .orElse(null);
      if (kind != null && !OVERRIDE_KINDS.contains(kind)) {
        shape.problem(o.members.get("override"), "override.kind", kind, OVERRIDE_KINDS,
            ScenarioShape.didYouMean(kind, OVERRIDE_KINDS));
        kind = null;
      }
      boolean ranked = "minimum_rank".equals(kind) || "waive".equals(kind);
      String code = null;
      RequirementRef ref = null;
      if (ranked) {
        code = shape.required(o, "rank", "the rank's code").map(this::rank).orElse(null);
      } else if (kind != null && o.members.containsKey("rank")) {
        shape.problem(o.members.get("rank"), "override.noRank", kind);
      }
      if ("waive".equals(kind)) {
        Optional<Node> rn = shape.required(o, "requirement", "the requirement's number in the"
            + " rank (from 1), or text its description contains");
        if (code != null && rn.isPresent()) {
          ref = requirement(code, rn.get());
        }
      } else if (kind != null && o.members.containsKey("requirement")) {
        shape.problem(o.members.get("requirement"), "override.noRequirement", kind);
      }
      if (id == null || kind == null || ranked && code == null
          || "waive".equals(kind) && ref == null) {
        continue;
      }
      switch (kind) {
        case "minimum_rank" -> b.minimumRank(id, code);
        case "waive" -> b.waive(id, code, 1 + (Integer) ref.resolve(plan));
        case "not_compressed" -> b.notCompressed(id);
        default -> b.countAsActive(id);
      }
      overrideEntries.add(o);
    }
    return b.build();
  }

  /** Reports unknown keys of an entry that may also carry volumes by the plan's types. */
  private void volumeFields(Obj o, Set<String> names, String what) {
    shape.fields(o, names, volumeKeys(), plan == null, what);
  }

  /**
   * The node of the file a problem of the organisation builder is about, by its subject: the
   * entry of the record at the subject's position, and in it the field; null if the subject is
   * not a record of this file.
   */
  Node nodeOf(Subject s) {
    List<Node> entries = switch (s.kind()) {
      case DISTRIBUTOR -> distributorEntries;
      case CUSTOMER -> customerEntries;
      case ORDER -> {
        List<Node> all = new ArrayList<>(shorthandEntries);
        all.addAll(orderEntries);
        yield all;
      }
      case OVERRIDE -> overrideEntries;
      case NONE, PLAN, RANK, REQUIREMENT -> null;
    };
    if (entries == null || s.index() < 0 || s.index() >= entries.size()) {
      return null;
    }
    Node entry = entries.get(s.index());
    if (s.kind() == Subject.Kind.ORDER && s.index() < shorthandEntries.size()) {
      // An order the entry's own volume made: the entry is all the file has of it.
      return s.field().equals("volumes") ? nodeOrEntry(entry, s.key()) : entry;
    }
    String key;
    switch (s.field()) {
      case "sponsorId":
        key = "sponsor";
        break;
      case "placementParentId":
        key = "placementParent";
        break;
      case "placementPosition":
        key = "position";
        break;
      case "distributorId":
        key = "distributor";
        break;
      case "buyerId":
        key = "buyer";
        break;
      case "timestamp":
        key = "date";
        break;
      case "volumes":
        key = s.key().toLowerCase(Locale.ROOT);
        break;
      default:
        key = s.field();
    }
    return nodeOrEntry(entry, key);
  }

  private static Node nodeOrEntry(Node entry, String key) {
    // Field names as written (placementParent), volume keys in lower case (pv for PV).
    Node field = entry.get(key);
    if (field == null) {
      field = entry.get(key.toLowerCase(Locale.ROOT));
    }
    return field != null ? field : entry;
  }

  /**
   * A problem of the organisation builder in the words of a scenario file, chosen by its
   * subject: a duplicate names the line of the first, a reference that leads nowhere lists the
   * ids it could have named, with the closest.
   */
  Problem problem(Problem p, Node at) {
    Subject s = p.subject();
    String where = shape.where(at);
    if (s.field().equals("id") && !s.key().isEmpty()) {
      Node first = nodeOf(new Subject(s.kind(), s.id(), Integer.parseInt(s.key()), List.of(),
          "id", ""));
      String kind = s.kind().name().toLowerCase(Locale.ROOT);
      String code = "idAgain." + kind + (first == null ? "" : ".firstAt");
      return Problem.of(Subject.NONE, where, ScenarioShape.BUNDLE, code, s.id(),
          first == null ? 0 : first.line);
    }
    List<String> ids = new ArrayList<>(distributorIds.keySet());
    switch (s.field()) {
      case "sponsorId":
      case "distributorId":
        break;
      case "buyerId":
        ids.addAll(customerIds.keySet());
        break;
      default:
        return p.at(where);
    }
    String found = at instanceof Str str ? str.value : null;
    if (found == null || ids.contains(found)) {
      return p.at(where); // a sponsorship cycle, of ids that all exist
    }
    return Problem.of(Subject.NONE, where, ScenarioShape.BUNDLE, "reference.choices", p,
        ScenarioShape.ids(ids), ScenarioShape.didYouMean(found, ids));
  }
}
