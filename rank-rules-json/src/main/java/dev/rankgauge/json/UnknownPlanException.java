package dev.rankgauge.json;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
import dev.rankgauge.internal.json.Suggest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * No example plan is shipped in this jar under the name asked for ({@link
 * PlanFiles#bundled(String)}, {@link PlanFiles#bundledText(String)}). Its message is English and
 * lists the bundled plans, with a "did you mean" when a name is close; {@link #message(Locale)}
 * writes the same in a language of the library's bundles (English and Spanish ship), and
 * {@link #problem()} is the same as a {@link Problem} with the stable code
 * {@code plan.unknownBundled}, for a host that words it its own way.
 *
 * <p>Immutable; its problem is not part of the serialized form.
 */
public final class UnknownPlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The name asked for, as it was given; part of the serialized form. */
  private final String name;
  private final transient Problem problem;

  private UnknownPlanException(String name, Problem problem) {
    super(problem.message());
    this.name = name;
    this.problem = problem;
  }

  /** No bundled plan is called {@code name} (as given); {@code bare} is without {@code .json}. */
  static UnknownPlanException of(String name, String bare, List<String> bundled) {
    Object didYouMean = Suggest.closest(bare, bundled)
        .<Object>map(s -> Problem.Part.of("didYouMean", s)).orElse("");
    return new UnknownPlanException(name, Problem.of(Subject.NONE, name,
        "dev.rankgauge.json.Problems", "plan.unknownBundled", name, didYouMean,
        String.join(", ", bundled)));
  }

  /** {@return the name asked for, as it was given} */
  public String name() {
    return name;
  }

  /**
   * {@return the same as a problem located at the name asked for, with the code {@code
   * plan.unknownBundled}; null after deserialization}
   */
  public Problem problem() {
    return problem;
  }

  /**
   * The message in a language: Spanish for {@code es}, English for any other locale.
   *
   * @param locale the language
   * @return the message in that language; {@link #getMessage()} after deserialization
   */
  public String message(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    return problem == null ? getMessage() : problem.message(locale);
  }
}
