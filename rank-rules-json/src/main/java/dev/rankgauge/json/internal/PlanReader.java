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

  /**
   * How much of the reading to do besides parsing, binding and mapping, which always run.
   *
   * @param schema whether to validate against the shipped schema: always for a document from
   *     outside; a bundled plan, checked against the schema by the build's tests, may go without
   *     (with no violation the schema pass changes nothing that follows it)
   * @param review whether to look for warnings ({@link PlanReview}): only a plan check shows them
   */
  public record Steps(boolean schema, boolean review) {
    /** Every step: a plan check, or a document from outside. */
    public static final Steps ALL = new Steps(true, true);
    /** A document from outside loaded for use: its warnings are not shown, so not looked for. */
    public static final Steps LOAD = new Steps(true, false);
    /** A plan bundled in this jar loaded for use: valid against the schema, warnings unshown. */
    public static final Steps BUNDLED = new Steps(false, false);
  }

  /** Reads a whole document from bytes (UTF-8, or UTF-16/32 detected by Jackson). */
  public static Result read(byte[] bytes, String source, RuleRegistry rules) {
    return read(bytes, source, rules, Steps.ALL);
  }

  /** Reads a whole document from bytes, with the steps asked for. */
  public static Result read(byte[] bytes, String source, RuleRegistry rules, Steps steps) {
    if (bytes.length > Json.MAX_DOCUMENT) {
      return tooLarge(source);
    }
    return read(Json.FACTORY.createParser(ObjectReadContext.empty(), bytes), source, rules, steps);
  }

  /** Reads a whole document from text. */
  public static Result read(String text, String source, RuleRegistry rules) {
    return read(text, source, rules, Steps.ALL);
  }

  /** Reads a whole document from text, with the steps asked for. */
  public static Result read(String text, String source, RuleRegistry rules, Steps steps) {
    if (text.length() > Json.MAX_DOCUMENT) {
      return tooLarge(source);
    }
    return read(Json.FACTORY.createParser(ObjectReadContext.empty(), text), source, rules, steps);
  }

  /** The result for a source larger than a plan file may be. */
  public static Result tooLarge(String source) {
    return new Result(Optional.empty(), List.of(PlanProblems.at(source, "plan.tooLarge",
        Json.MAX_DOCUMENT)), List.of());
  }

  private static Result read(JsonParser parser, String source, RuleRegistry rules,
      Steps steps) {
    LocatedJson.Parsed parsed = LocatedJson.parse(source, parser);
    if (parsed.document() == null) {
      return new Result(Optional.empty(), parsed.problems(), List.of());
    }
    LocatedJson doc = parsed.document();
    List<Finding> problems = new ArrayList<>();
    List<String> schemaPaths = new ArrayList<>();
    Set<String> wrongTypes = new HashSet<>();
    for (SchemaValidator.Violation v : steps.schema()
        ? SchemaValidator.planSchema().validate(doc.root()) : List.<SchemaValidator.Violation>of()) {
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
    List<Finding> warnings = steps.review() && plan.isPresent()
        ? PlanReview.review(plan.get()) : List.of();
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
