package dev.rankgauge.json.internal;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import dev.rankgauge.internal.json.JsonPath;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads a plan document in four steps, each collecting every problem it finds: parse with
 * locations; validate against the shipped schema; bind to {@link PlanJson}; map to
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
    return read(Json.FACTORY.createParser(ObjectReadContext.empty(), bytes), source, rules);
  }

  /** Reads a whole document from text. */
  public static Result read(String text, String source, RuleRegistry rules) {
    if (text.length() > Json.MAX_DOCUMENT) {
      return tooLarge(source);
    }
    return read(Json.FACTORY.createParser(ObjectReadContext.empty(), text), source, rules);
  }

  /** The result for a source larger than a plan file may be. */
  public static Result tooLarge(String source) {
    return new Result(Optional.empty(), List.of(PlanProblems.at(source, "plan.tooLarge",
        Json.MAX_DOCUMENT)), List.of());
  }

  private static Result read(JsonParser parser, String source, RuleRegistry rules) {
    LocatedJson.Parsed parsed = LocatedJson.parse(source, parser);
    if (parsed.document() == null) {
      return new Result(Optional.empty(), parsed.problems(), List.of());
    }
    LocatedJson doc = parsed.document();
    List<Finding> problems = new ArrayList<>();
    List<String> schemaPaths = new ArrayList<>();
    Set<String> wrongTypes = new HashSet<>();
    for (SchemaValidator.Violation v : SchemaValidator.planSchema().validate(doc.root())) {
      problems.add(new Finding(v.path(), v.atName(), v.problem()));
      schemaPaths.add(v.path());
      if (v.wrongType()) {
        // Bound as absent, so that one value of the wrong type, already reported, does not
        // keep the plan's other problems from being found.
        wrongTypes.add(v.path());
      }
    }
    if (!doc.root().isObject() || wrongTypes.contains(JsonPath.ROOT)) {
      return result(doc, Optional.empty(), problems, List.of());
    }
    PlanJson records;
    try {
      records = Bind.plan(doc.root(), wrongTypes);
    } catch (Bind.Mismatch e) {
      // The schema already said why (a value of the wrong type, say); if it did not, say it here.
      if (problems.isEmpty()) {
        problems.add(new Finding(e.path, false, e.problem));
      }
      return result(doc, Optional.empty(), problems, List.of());
    }
    FromJson mapper = new FromJson(rules, schemaPaths);
    Optional<CompPlan> plan = mapper.map(records);
    problems.addAll(mapper.findings());
    List<Finding> warnings = plan.map(PlanReview::review).orElse(List.of());
    return result(doc, plan, problems, warnings);
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
      out.add(f.problem().at(f.atName() ? doc.whereName(f.path()) : doc.where(f.path())));
    }
    return out;
  }
}
