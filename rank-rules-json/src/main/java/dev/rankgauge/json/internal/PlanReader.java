package dev.rankgauge.json.internal;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a plan document in four steps, each collecting every problem it finds: parse with
 * locations; validate against the shipped schema; bind to {@link PlanJson} with Jackson; map to
 * the rank-core plan with the rules a schema cannot say. Warnings come last, for a plan that
 * loads. Stateless and thread-safe.
 */
public final class PlanReader {
  private PlanReader() {}

  /**
   * What reading found.
   *
   * @param plan the plan, if there are no problems
   * @param problems every problem, in document order
   * @param warnings every warning, in document order
   */
  public record Result(Optional<CompPlan> plan, List<Problem> problems, List<Problem> warnings) {}

  /** Reads a whole document from bytes (UTF-8, or UTF-16/32 detected by Jackson). */
  public static Result read(byte[] bytes, String source, RuleRegistry rules) {
    if (bytes.length > Json.MAX_DOCUMENT) {
      return tooLarge(source);
    }
    return read(Json.MAPPER.createParser(bytes), source, rules);
  }

  /** Reads a whole document from text. */
  public static Result read(String text, String source, RuleRegistry rules) {
    if (text.length() > Json.MAX_DOCUMENT) {
      return tooLarge(source);
    }
    return read(Json.MAPPER.createParser(text), source, rules);
  }

  /** The result for a source larger than a plan file may be. */
  public static Result tooLarge(String source) {
    return new Result(Optional.empty(), List.of(new Problem(source, "found a document larger than "
        + Json.MAX_DOCUMENT + " bytes, expected a plan file of at most that size")), List.of());
  }

  private static Result read(JsonParser parser, String source, RuleRegistry rules) {
    LocatedJson.Parsed parsed = LocatedJson.parse(source, parser);
    if (parsed.document() == null) {
      return new Result(Optional.empty(), parsed.problems(), List.of());
    }
    LocatedJson doc = parsed.document();
    List<Finding> problems = new ArrayList<>();
    List<String> schemaPaths = new ArrayList<>();
    JsonNode bindable = doc.root();
    for (SchemaValidator.Violation v : SchemaValidator.planSchema().validate(doc.root())) {
      problems.add(new Finding(v.path(), v.atName(), v.message()));
      schemaPaths.add(v.path());
      if (v.wrongType()) {
        bindable = prune(bindable == doc.root() ? bindable.deepCopy() : bindable, v.path());
      }
    }
    if (!bindable.isObject()) {
      return result(doc, Optional.empty(), problems, List.of());
    }
    PlanJson records;
    try {
      records = Json.MAPPER.treeToValue(bindable, PlanJson.class);
    } catch (JacksonException e) {
      // The schema already said why (a value of the wrong type, say); if it did not, say it here.
      if (problems.isEmpty()) {
        problems.add(new Finding(JsonPath.ROOT, false, "cannot bind the plan: " + e.getOriginalMessage()));
      }
      return result(doc, Optional.empty(), problems, List.of());
    }
    FromJson mapper = new FromJson(rules, schemaPaths);
    Optional<CompPlan> plan = mapper.map(records);
    problems.addAll(mapper.findings());
    List<Finding> warnings = plan.map(PlanReview::review).orElse(List.of());
    return result(doc, plan, problems, warnings);
  }

  /**
   * The tree without the value at the path: a value of the wrong type, already reported, would
   * stop Jackson from binding the rest, so that the plan's other problems went unreported.
   */
  private static JsonNode prune(JsonNode root, String path) {
    List<Object> steps = JsonPath.steps(path);
    if (steps.isEmpty()) {
      return root;
    }
    JsonNode parent = root;
    for (Object step : steps.subList(0, steps.size() - 1)) {
      parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
      if (parent == null) {
        return root;
      }
    }
    Object last = steps.get(steps.size() - 1);
    if (parent instanceof ObjectNode o && last instanceof String name) {
      o.remove(name);
    } else if (parent instanceof ArrayNode a && last instanceof Integer i) {
      a.set(i, a.nullNode());
    }
    return root;
  }

  private static Result result(LocatedJson doc, Optional<CompPlan> plan, List<Finding> problems,
      List<Finding> warnings) {
    return new Result(problems.isEmpty() ? plan : Optional.empty(), located(doc, problems),
        located(doc, warnings));
  }

  private static List<Problem> located(LocatedJson doc, List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparingLong(f -> doc.position(f.path())));
    List<Problem> out = new ArrayList<>();
    for (Finding f : sorted) {
      out.add(new Problem(f.atName() ? doc.whereName(f.path()) : doc.where(f.path()), f.message()));
    }
    return out;
  }
}
