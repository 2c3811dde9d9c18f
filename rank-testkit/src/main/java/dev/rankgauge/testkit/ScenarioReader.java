package dev.rankgauge.testkit;

import dev.rankgauge.CompPlan;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.Subject;
import dev.rankgauge.ValidationException;
import dev.rankgauge.internal.json.JsonTree;
import dev.rankgauge.internal.json.JsonTree.Node;
import dev.rankgauge.internal.json.JsonTree.Obj;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads scenario files, collecting every problem with its location before giving up. Reading is
 * three layers, one class each: the JSON shape ({@link ScenarioShape}), the records
 * ({@link ScenarioRecords}: plan, period, organisation) and the expectations
 * ({@link ScenarioExpectations}); this class reads the file and puts them together. Keeps the
 * plans it loaded, so that a folder of scenarios over one plan reads the plan once. Not
 * thread-safe.
 */
final class ScenarioReader {
  /** The largest scenario file read: scenarios are written by hand, so this is generous. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
  /** Orders dated by day alone are placed at this time of day, in the plan's zone. */
  static final LocalTime ORDER_TIME = LocalTime.NOON;

  private static final Set<String> TOP = new LinkedHashSet<>(List.of("name", "description",
      "plan", "period", "asOf", "titleRanks", "history", "overrides", "distributors", "customers",
      "orders", "expect", "paidAsCounts", "whatIf"));

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

  /**
   * Reads one scenario file.
   *
   * @throws ValidationException with every problem found
   * @throws UncheckedIOException if the file cannot be read
   */
  Scenario read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ValidationException(ScenarioShape.BUNDLE, Problem.Part.of("input.scenario", file.toString()), List.of(Problem.of(Subject.NONE,
            file + ":1:1", ScenarioShape.BUNDLE, "file.tooLarge", MAX_FILE_BYTES)));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      // The English of the report's sentence; a report writes it in its own language.
      throw new UncheckedIOException(
          Reports.say("failure.unreadable", file.toString(), e.toString()).message(), e);
    }
    return read(file, text(file, bytes));
  }

  /**
   * The file's text; bytes that are not UTF-8 are a problem at their line and column (counted
   * as the JSON reader counts them, in characters from 1).
   */
  static String text(Path file, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more UTF-16 units than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (!result.isError()) {
      return out.flip().toString();
    }
    int at = in.position();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
    StringBuilder hex = new StringBuilder();
    for (int i = at; i < Math.min(bytes.length, at + result.length()); i++) {
      hex.append(hex.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X",
          bytes[i] & 0xFF));
    }
    throw new ValidationException(ScenarioShape.BUNDLE, Problem.Part.of("input.scenario", file.toString()), List.of(Problem.of(Subject.NONE,
        file + ":" + line + ":" + column, ScenarioShape.BUNDLE, "file.notUtf8", hex.toString())));
  }

  private Scenario read(Path file, String text) {
    ScenarioShape shape = new ScenarioShape(file);
    List<JsonTree.Duplicate> duplicates = new ArrayList<>();
    Node root;
    try {
      root = JsonTree.parse(text, duplicates);
    } catch (JsonTree.SyntaxError e) {
      String at = file + ":" + Math.max(1, e.line) + ":" + Math.max(1, e.column);
      Problem p = switch (e.reason) {
        case EMPTY -> Problem.of(Subject.NONE, at, ScenarioShape.BUNDLE, "file.empty");
        case TRAILING -> Problem.of(Subject.NONE, at, ScenarioShape.BUNDLE, "file.trailing");
        case MALFORMED -> Problem.of(Subject.NONE, at, ScenarioShape.BUNDLE, "file.malformed",
            String.valueOf(e.getMessage()));
      };
      throw new ValidationException(ScenarioShape.BUNDLE, Problem.Part.of("input.scenario", file.toString()), List.of(p));
    }
    for (JsonTree.Duplicate d : duplicates) {
      shape.problem(d.name(), "file.duplicateKey", d.name().value);
    }
    Obj top = shape.object(root, "the scenario");
    if (top == null) {
      throw shape.failure();
    }
    shape.fields(top, TOP, "a scenario");
    ScenarioRecords records = new ScenarioRecords(shape, file, rules, plans);
    ScenarioExpectations expect = new ScenarioExpectations(shape, records);
    ScenarioOverTime overTime = new ScenarioOverTime(shape, records, expect);
    String name = shape.optional(top, "name").map(n -> shape.string(n, "the scenario's name"))
        .orElse(file.getFileName().toString());
    String description = shape.optional(top, "description").map(shape::lines).orElse("");
    shape.required(top, "plan", "the plan: a bundled plan's name such as \"seed\", or a plan"
        + " file's path relative to this file such as \"plans/acme.json\"")
        .ifPresent(records::plan);
    shape.required(top, "period", "the period: a month such as \"2026-11\", or"
        + " {\"start\": \"2026-11-01\", \"end\": \"2026-11-28\"}").ifPresent(records::period);
    Instant asOf = shape.optional(top, "asOf").map(records::asOf).orElse(null);

    Organisation.Builder org = Organisation.builder();
    List<Order> shorthand = new ArrayList<>();
    shape.required(top, "distributors", "an array of distributors").ifPresent(
        n -> records.distributors(n, org, shorthand));
    shape.optional(top, "customers").ifPresent(n -> records.customers(n, org, shorthand));
    List<Order> orders = new ArrayList<>(shorthand);
    shape.optional(top, "orders").ifPresent(n -> records.orders(n, orders));
    orders.forEach(org::add);
    Map<String, String> titles = shape.optional(top, "titleRanks").map(records::titleRanks)
        .orElse(Map.of());
    shape.optional(top, "history").ifPresent(overTime::history);
    Overrides overrides = shape.optional(top, "overrides").map(records::overrides)
        .orElse(Overrides.none());

    List<Expectation> expectations = new ArrayList<>();
    shape.optional(top, "paidAsCounts").ifPresent(n -> expect.paidAsCounts(n, expectations));
    int problemsBefore = shape.problems().size();
    shape.required(top, "expect", "an object of expectations by distributor id").ifPresent(
        n -> expect.expect(n, expectations));
    if (expectations.isEmpty() && top.members.containsKey("expect")
        && shape.problems().size() == problemsBefore) {
      shape.problem(top.members.get("expect"), "expect.scenarioNothing",
          String.join(", ", ScenarioExpectations.EXPECT).replace("why, ", ""));
    }
    shape.optional(top, "whatIf").ifPresent(n -> overTime.whatIf(n, orders, expectations));

    // Built even after problems: every record with an id reached the builder (with stand-ins
    // for fields already reported), so the checks between records (duplicate ids, sponsors,
    // customers' distributors, buyers, cycles) are the builder's alone and none is hidden.
    Organisation organisation = null;
    try {
      organisation = org.build();
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        if (records.standsIn(p.subject())) {
          continue;
        }
        Node at = records.nodeOf(p.subject());
        if (at != null) {
          shape.problem(at, records.problem(p, at));
        } else {
          // Not a record of this file's lists: at the list, naming what the builder named.
          shape.problem(top.members.getOrDefault("distributors", top), "file.coreProblem",
              p.location(), p);
        }
      }
    }
    History history = History.empty();
    if (shape.problems().isEmpty() && top.members.containsKey("history")) {
      history = overTime.build(organisation, records.plan, top.members.containsKey("titleRanks"),
          top.members.get("history"));
    }
    if (organisation != null && records.plan != null && shape.problems().isEmpty()) {
      try {
        overrides.check(organisation, records.plan);
      } catch (ValidationException e) {
        for (Problem p : e.problems()) {
          Node at = records.nodeOf(p.subject());
          shape.problem(at != null ? at : top.members.get("overrides"), p);
        }
      }
    }
    if (!shape.problems().isEmpty()) {
      throw shape.failure();
    }
    CompPlan plan = records.plan;
    Period period = records.period;
    Map<String, String> places = new HashMap<>();
    records.distributorIds.forEach((id, node) -> places.put(id, shape.where(node)));
    return new Scenario(file, name, description, plan, organisation, period,
        asOf != null ? asOf : period.endInstant(plan.zone()), titles, history, overrides,
        expectations, places);
  }
}
