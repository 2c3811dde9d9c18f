package dev.rankgauge.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run of scenario files found: one outcome per expectation, plus one failed outcome per
 * file that could not be read or evaluated. Immutable and thread-safe.
 *
 * @param outcomes every outcome, in file order, then in the order the file states them
 */
public record ScenarioReport(List<Outcome> outcomes) {

  /**
   * Copies the outcomes.
   *
   * @param outcomes every outcome, in file order, then in the order the file states them
   */
  public ScenarioReport {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * One expectation checked, or one file that could not be checked.
   *
   * @param file the scenario file
   * @param scenario the scenario's name, or the file name when it could not be read
   * @param distributorId the distributor the expectation is about; empty for the whole
   *     organisation or the file itself
   * @param expectation what was expected, such as "paid as GLD"; "scenario file" when the file
   *     could not be read or evaluated
   * @param failure the failure message, empty when the expectation is met. It names the file, the
   *     distributor and the field, shows expected against actual, and ends with the
   *     distributor's trace
   */
  public record Outcome(Path file, String scenario, String distributorId, String expectation,
      Optional<String> failure) {

    /**
     * Checks the fields.
     *
     * @param file the scenario file
     * @param scenario the scenario's name, or the file name when it could not be read
     * @param distributorId the distributor the expectation is about; empty for the whole
     *     organisation or the file itself
     * @param expectation what was expected, such as "paid as GLD"; "scenario file" when the file
     *     could not be read or evaluated
     * @param failure the failure message, empty when the expectation is met. It names the file, the
     *     distributor and the field, shows expected against actual, and ends with the distributor's
     *     trace
     */
    public Outcome {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(distributorId, "distributorId");
      Objects.requireNonNull(expectation, "expectation");
      Objects.requireNonNull(failure, "failure");
    }

    /** {@return whether the expectation is met} */
    public boolean passed() {
      return failure.isEmpty();
    }
  }

  /** {@return how many expectations are met} */
  public int passedCount() {
    return (int) outcomes.stream().filter(Outcome::passed).count();
  }

  /** {@return the outcomes that failed} */
  public List<Outcome> failures() {
    return outcomes.stream().filter(o -> !o.passed()).toList();
  }

  /** {@return whether there is at least one outcome and every one passed} */
  public boolean successful() {
    return !outcomes.isEmpty() && failures().isEmpty();
  }

  /**
   * The report as text for a console: every failure message, then a summary line such as
   * "42 expectations in 4 scenario files: 41 passed, 1 failed".
   *
   * @return the report as text for a console: every failure message, then a summary line such as
   *     "42 expectations in 4 scenario files: 41 passed, 1 failed"
   */
  public String format() {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    for (Outcome o : failures()) {
      sb.append("FAILED ").append(o.failure().orElseThrow()).append(nl).append(nl);
    }
    long files = outcomes.stream().map(Outcome::file).distinct().count();
    int failed = outcomes.size() - passedCount();
    sb.append(outcomes.size()).append(outcomes.size() == 1 ? " expectation in " : " expectations in ")
        .append(files).append(files == 1 ? " scenario file: " : " scenario files: ")
        .append(passedCount()).append(" passed, ").append(failed).append(" failed").append(nl);
    return sb.toString();
  }
}
