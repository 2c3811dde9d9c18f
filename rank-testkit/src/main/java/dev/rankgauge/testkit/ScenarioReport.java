package dev.rankgauge.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a run of scenario files found: one outcome per expectation, plus one failed outcome per
 * file that could not be read or evaluated. Its texts are written in the language the reader asks
 * for ({@link #format(Locale)}, {@link Text#text(Locale)}): English and Spanish ship. Immutable
 * and thread-safe.
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
   * A text of a report, written in the language asked for: what an expectation is, or what a
   * failure found. Equal texts read the same in English. Immutable and thread-safe.
   */
  public static final class Text {
    private final Function<Locale, String> writer;
    private final String english;

    private Text(Function<Locale, String> writer) {
      this.writer = writer;
      this.english = writer.apply(Locale.ROOT);
    }

    /** A text written by the test kit in each language it is asked for. */
    static Text of(Function<Locale, String> writer) {
      return new Text(Objects.requireNonNull(writer, "writer"));
    }

    /**
     * A text that reads the same in every language, such as one a host wrote itself.
     *
     * @param text the text
     * @return the text
     */
    public static Text plain(String text) {
      Objects.requireNonNull(text, "text");
      return new Text(l -> text);
    }

    /**
     * The text in a language: Spanish for {@code es} (and its countries), English for any other
     * locale, with the locale's numbers and dates; {@link Locale#ROOT} gives {@link #toString()}.
     *
     * @param locale the language
     * @return the text in that language
     */
    public String text(Locale locale) {
      Objects.requireNonNull(locale, "locale");
      return locale.equals(Locale.ROOT) ? english : writer.apply(locale);
    }

    /** {@return the text in English, numbers written plain} */
    @Override
    public String toString() {
      return english;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Text t && english.equals(t.english);
    }

    @Override
    public int hashCode() {
      return english.hashCode();
    }
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
  public record Outcome(Path file, String scenario, String distributorId, Text expectation,
      Optional<Text> failure) {

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
   * The report as text for a console, in English: every failure message, then a summary line
   * such as "42 expectations in 4 scenario files: 41 passed, 1 failed".
   *
   * @return the report in English, numbers written plain
   */
  public String format() {
    return format(Locale.ROOT);
  }

  /**
   * The report as text for a console, in a language: every failure message, then a summary line
   * ("42 expectations in 4 scenario files: 41 passed, 1 failed"; "42 expectativas en 4 archivos
   * de escenario: 41 cumplidas, 1 fallida"). Spanish for {@code es}, English for any other locale,
   * with the locale's numbers; {@link Locale#ROOT} gives {@link #format()}.
   *
   * @param locale the language
   * @return the report in that language
   */
  public String format(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    String failed = Reports.say("report.failed").message(locale);
    for (Outcome o : failures()) {
      sb.append(failed).append(' ').append(o.failure().orElseThrow().text(locale)).append(nl)
          .append(nl);
    }
    long files = outcomes.stream().map(Outcome::file).distinct().count();
    sb.append(Reports.say("report.summary", outcomes.size(), files, passedCount(),
        outcomes.size() - passedCount()).message(locale)).append(nl);
    return sb.toString();
  }
}
