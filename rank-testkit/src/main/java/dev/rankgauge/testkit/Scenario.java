package dev.rankgauge.testkit;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.Problem;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.Subject;
import dev.rankgauge.ValidationException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario file, read: a plan, a small organisation, a period, an as-of instant and the outcome
 * expected for some distributors. The file format is described in {@code docs/test-kit.md} and in
 * the package documentation; in short:
 *
 * <pre>{@code
 * {
 *   "name": "Dana is paid as Gold",
 *   "description": ["Dana's PV: 400 + 350 own, 100 from C1 = 850 ..."],
 *   "plan": "seed",                          // a bundled plan, or "plans/acme.json" (relative)
 *   "period": "2026-11",
 *   "asOf": "2026-11-27T09:00",              // optional; the plan's time zone
 *   "distributors": ["D1", {"id": "D2", "sponsor": "D1", "pv": 150}],
 *   "customers": [{"id": "C1", "distributor": "D2"}],
 *   "orders": [{"buyer": "C1", "date": "2026-11-03", "pv": 120}],
 *   "expect": {
 *     "D2": {"paidAs": "SLV", "gauges": {"groupSales": {"rank": "SLV", "remaining": 1230}}}
 *   }
 * }
 * }</pre>
 *
 * <p>Use it from Java to reuse an organisation written by hand:
 * {@code Scenario.load(path).evaluate()}, then {@link RankGaugeAssertions}. This class is
 * immutable and thread-safe.
 */
public final class Scenario {
  private final Path file;
  private final String name;
  private final String description;
  private final CompPlan plan;
  private final Organisation organisation;
  private final Period period;
  private final Instant asOf;
  private final Map<String, String> titleRanks;
  private final History history;
  private final Overrides overrides;
  private final List<Expectation> expectations;
  /** Where each distributor is written in the file: file, line, column and JSON path. */
  private final Map<String, String> places;

  Scenario(Path file, String name, String description, CompPlan plan, Organisation organisation,
      Period period, Instant asOf, Map<String, String> titleRanks, History history,
      Overrides overrides,
      List<Expectation> expectations, Map<String, String> places) {
    this.file = file;
    this.name = name;
    this.description = description;
    this.plan = plan;
    this.organisation = organisation;
    this.period = period;
    this.asOf = asOf;
    this.titleRanks = Map.copyOf(titleRanks);
    this.history = history;
    this.overrides = overrides;
    this.expectations = List.copyOf(expectations);
    this.places = Map.copyOf(places);
  }

  /**
   * Reads a scenario file; its plan's host rules are those {@link RuleRegistry#discovered()}
   * finds.
   *
   * @param file the scenario file
   * @return the scenario
   * @throws ValidationException listing every problem of the file at once, each located as
   *     {@code file:line:column at $.json.path}, with what was expected; problems of the plan file
   *     it names are listed too
   * @throws UncheckedIOException if the scenario file cannot be read
   */
  public static Scenario load(Path file) {
    return load(file, RuleRegistry.discovered());
  }

  /**
   * Reads a scenario file whose plan's host rules come from {@code rules}.
   *
   * @param file the scenario file
   * @param rules the host rules the plan may use
   * @return the scenario
   * @throws ValidationException listing every problem of the file at once, with locations
   * @throws UncheckedIOException if the scenario file cannot be read
   */
  public static Scenario load(Path file, RuleRegistry rules) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(rules, "rules");
    return new ScenarioReader(rules).read(file);
  }

  /** {@return the file read} */
  public Path file() {
    return file;
  }

  /** {@return the scenario's name; the file name when the file gives none} */
  public String name() {
    return name;
  }

  /** {@return the description, lines joined with {@code \n}; empty when the file gives none} */
  public String description() {
    return description;
  }

  /** {@return the plan the file names} */
  public CompPlan plan() {
    return plan;
  }

  /** {@return the organisation the file describes} */
  public Organisation organisation() {
    return organisation;
  }

  /** {@return the period evaluated} */
  public Period period() {
    return period;
  }

  /**
   * Orders at or after this instant are not counted.
   *
   * @return the as-of instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Title ranks from earlier periods, rank code by distributor id; often empty.
   *
   * @return the title ranks, rank code by distributor id
   */
  public Map<String, String> titleRanks() {
    return titleRanks;
  }

  /**
   * The periods closed before the scenario's: the file's {@code history}, its months closed from
   * the file's own orders and its periods of records, in order; empty when it gives none.
   *
   * @return the history the evaluation reads
   */
  public History history() {
    return history;
  }

  /**
   * The overrides granted for the period, in the file's order; often none.
   *
   * @return the overrides
   */
  public Overrides overrides() {
    return overrides;
  }

  /** {@return how many expectations the file states: one dynamic test each} */
  public int expectationCount() {
    return expectations.size();
  }

  /**
   * Evaluates the organisation against the plan for the period, as of the scenario's instant.
   *
   * @return the evaluation
   * @throws ValidationException if the data cannot be evaluated (a sum beyond what an evaluation
   *     holds, say), each problem at the line and column of the distributor it is about
   */
  public Evaluation evaluate() {
    try {
      return RankGauge.evaluate(organisation, plan, period, asOf, titleRanks, history,
          overrides);
    } catch (ValidationException e) {
      List<Problem> located = new ArrayList<>();
      for (Problem p : e.problems()) {
        String place = p.subject().kind() == Subject.Kind.DISTRIBUTOR
            ? places.get(p.subject().id()) : null;
        located.add(place != null ? p.at(place)
            : p.at(file + ":1:1 (" + p.location() + ")"));
      }
      throw new ValidationException(ScenarioShape.BUNDLE, Problem.Part.of("input.scenario", file.toString()), located);
    }
  }

  List<Expectation> expectations() {
    return expectations;
  }

  @Override
  public String toString() {
    return "Scenario[" + file + ": " + name + "]";
  }
}
