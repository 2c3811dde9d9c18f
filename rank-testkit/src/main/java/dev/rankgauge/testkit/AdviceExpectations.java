package dev.rankgauge.testkit;

import dev.rankgauge.Advice;
import dev.rankgauge.AdviceStep;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Problem;
import dev.rankgauge.internal.json.JsonTree.Arr;
import dev.rankgauge.internal.json.JsonTree.Node;
import dev.rankgauge.internal.json.JsonTree.Null;
import dev.rankgauge.internal.json.JsonTree.Obj;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a scenario file expects of a distributor's advice ({@code "advice"} in a distributor's
 * expectations): the rank it aims at ({@code null} at the top of the ladder), whether it is
 * complete, its cost, and its steps in order, each by kind and optionally the people it names and
 * its volume.
 *
 * <pre>{@code
 * "advice": {"rank": "PLAT", "complete": true, "cost": 60,
 *            "steps": [{"kind": "winBackCustomer", "people": ["C5"]},
 *                      {"kind": "activateDistributor", "people": ["D103"], "volume": 60}]}
 * }</pre>
 */
final class AdviceExpectations {
  static final Set<String> ADVICE = Set.of("rank", "complete", "cost", "steps");
  private static final Set<String> STEP = Set.of("kind", "people", "volume");
  /** The kinds as a file names them: {@code WIN_BACK_CUSTOMER} as {@code winBackCustomer}. */
  private static final Map<String, AdviceStep.Kind> KINDS = new LinkedHashMap<>();

  static {
    for (AdviceStep.Kind k : AdviceStep.Kind.values()) {
      KINDS.put(camel(k), k);
    }
  }

  private final ScenarioShape shape;
  private final ScenarioRecords records;

  AdviceExpectations(ScenarioShape shape, ScenarioRecords records) {
    this.shape = shape;
    this.records = records;
  }

  static String camel(AdviceStep.Kind k) {
    StringBuilder sb = new StringBuilder();
    for (String part : k.name().toLowerCase(Locale.ROOT).split("_")) {
      sb.append(sb.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return sb.toString();
  }

  /** One step as expected: its kind, and the people and volume where the file gives them. */
  record Step(AdviceStep.Kind kind, List<String> people, BigDecimal volume) {
    @Override
    public String toString() {
      return camel(kind) + (people == null ? "" : " " + people)
          + (volume == null ? "" : " " + volume.stripTrailingZeros().toPlainString());
    }
  }

  void read(String id, Node n, List<Expectation> out) {
    Obj o = shape.object(n, "what is expected of the advice, such as {\"rank\": \"PLAT\","
        + " \"steps\": [{\"kind\": \"winBackCustomer\"}]}");
    if (o == null) {
      return;
    }
    shape.fields(o, ADVICE, "the expectations of advice");
    shape.optional(o, "rank").ifPresent(r -> {
      String code = r instanceof Null ? null : records.rank(r);
      if (code != null || r instanceof Null) {
        out.add(new Expectation(id, code == null ? Reports.say("name.adviceTowardsNone")
            : Reports.say("name.adviceTowards", code), r.line, ev -> rank(ev, id, code)));
      }
    });
    shape.optional(o, "complete").ifPresent(c -> {
      Boolean b = shape.bool(c, "true or false");
      if (b != null) {
        out.add(new Expectation(id, Reports.say(b ? "name.adviceComplete"
            : "name.adviceNotComplete"), c.line,
            ev -> complete(ev, id, b)));
      }
    });
    shape.optional(o, "cost").ifPresent(c -> {
      BigDecimal v = shape.decimal(c, "the volume the advice adds");
      if (v != null) {
        out.add(new Expectation(id, Reports.say("name.adviceCost", v), c.line,
            ev -> cost(ev, id, v)));
      }
    });
    shape.optional(o, "steps").ifPresent(s -> {
      List<Step> steps = steps(s);
      if (steps != null) {
        out.add(new Expectation(id, Reports.say("name.adviceSteps", steps.toString()), s.line,
            ev -> steps(ev, id, steps)));
      }
    });
    if (o.members.isEmpty()) {
      shape.problem(o, "advice.nothing", id);
    }
  }

  private List<Step> steps(Node n) {
    Arr a = shape.array(n, "the advice's steps in order, such as [{\"kind\": \"groupVolume\"}]");
    if (a == null) {
      return null;
    }
    List<Step> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : a.items) {
      Obj o = shape.object(item, "a step, such as {\"kind\": \"winBackCustomer\", \"people\":"
          + " [\"C5\"]}");
      if (o == null) {
        ok = false;
        continue;
      }
      shape.fields(o, STEP, "a step of advice");
      Optional<Node> k = shape.required(o, "kind", "the step's kind, one of "
          + String.join(", ", KINDS.keySet()));
      AdviceStep.Kind kind = null;
      if (k.isPresent()) {
        String name = shape.string(k.get(), "the step's kind");
        kind = name == null ? null : KINDS.get(name);
        if (name != null && kind == null) {
          shape.problem(k.get(), "advice.kind", name, List.copyOf(KINDS.keySet()));
        }
      }
      List<String> people = null;
      Optional<Node> p = shape.optional(o, "people");
      if (p.isPresent()) {
        people = ScenarioExpectations.members(shape, records, p.get());
        ok &= people != null;
      }
      BigDecimal volume = null;
      Optional<Node> v = shape.optional(o, "volume");
      if (v.isPresent()) {
        volume = shape.decimal(v.get(), "the volume the step adds");
        ok &= volume != null;
      }
      ok &= kind != null;
      out.add(new Step(kind, people, volume));
    }
    return ok ? out : null;
  }

  // --- verdicts --------------------------------------------------------------------------------

  private static Optional<Mismatch> rank(Evaluation e, String id, String code) {
    return Verdicts.distributor(e, id).or(() -> {
      String actual = e.advice(id).map(a -> a.rank().code()).orElse(null);
      return java.util.Objects.equals(actual, code) ? Optional.empty()
          : Optional.of(miss(e, id, Reports.say("advice.rank"), code == null
              ? Reports.say("advice.top") : Reports.say("value", code), actual == null
              ? Reports.say("advice.top") : Reports.say("value", actual)));
    });
  }

  private static Optional<Mismatch> complete(Evaluation e, String id, boolean complete) {
    return Verdicts.distributor(e, id).or(() -> {
      Optional<Advice> a = e.advice(id);
      boolean actual = a.map(Advice::complete).orElse(true);
      return actual == complete ? Optional.empty()
          : Optional.of(miss(e, id, Reports.say("advice.complete"),
              Reports.say(complete ? "advice.true" : "advice.false"),
              Reports.say("advice.withSteps", Reports.say(actual ? "advice.true" : "advice.false"),
                  describe(a))));
    });
  }

  private static Optional<Mismatch> cost(Evaluation e, String id, BigDecimal cost) {
    return Verdicts.distributor(e, id).or(() -> {
      Optional<Advice> a = e.advice(id);
      BigDecimal actual = a.map(Advice::cost).orElse(BigDecimal.ZERO);
      return actual.compareTo(cost) == 0 ? Optional.empty()
          : Optional.of(miss(e, id, Reports.say("advice.cost"), Reports.say("value", cost),
              Reports.say("advice.withSteps", actual, describe(a))));
    });
  }

  private static Optional<Mismatch> steps(Evaluation e, String id, List<Step> steps) {
    return Verdicts.distributor(e, id).or(() -> {
      Optional<Advice> a = e.advice(id);
      List<AdviceStep> actual = a.map(Advice::steps).orElse(List.of());
      boolean same = actual.size() == steps.size();
      for (int i = 0; same && i < steps.size(); i++) {
        Step want = steps.get(i);
        AdviceStep got = actual.get(i);
        same = got.kind() == want.kind()
            && (want.people() == null || new LinkedHashSet<>(ids(got.people()))
                .equals(new LinkedHashSet<>(want.people())))
            && (want.volume() == null || got.volume().compareTo(want.volume()) == 0);
      }
      return same ? Optional.empty()
          : Optional.of(miss(e, id, Reports.say("advice.steps"),
              Reports.say("value", steps.toString()), Reports.say("value", describe(a))));
    });
  }

  private static List<String> ids(List<FocusEntry> people) {
    return people.stream().map(FocusEntry::id).toList();
  }

  /** The steps as a file writes them, such as {@code [winBackCustomer [C5]]}, or the top. */
  private static Object describe(Optional<Advice> a) {
    if (a.isEmpty()) {
      return Reports.say("advice.top");
    }
    List<Step> out = new ArrayList<>();
    for (AdviceStep s : a.get().steps()) {
      out.add(new Step(s.kind(), ids(s.people()), s.volume()));
    }
    return out.toString();
  }

  private static Mismatch miss(Evaluation e, String id, Problem field, Problem expected,
      Problem actual) {
    return new Mismatch(id, Reports.Says.of(field), Reports.Says.of(expected),
        Reports.Says.of(actual), Optional.of(e.trace(id)));
  }
}
