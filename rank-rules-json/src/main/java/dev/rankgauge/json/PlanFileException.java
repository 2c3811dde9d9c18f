package dev.rankgauge.json;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * A plan file, stream or reader could not be read, or a plan file could not be written: an
 * {@link UncheckedIOException} whose {@link #getCause() cause} is the {@link IOException} and whose
 * message is English ("cannot read plan file plans/acme.json: ..."), the system's own reason
 * quoted as it is. {@link #message(Locale)} writes the same in a language of the library's
 * bundles (English and Spanish ship), and {@link #problem()} is the same as a {@link Problem}
 * with a stable code ({@code plan.cannotRead}, {@code plan.cannotReadFile} or
 * {@code plan.cannotWrite}), for a host that words it its own way.
 *
 * <p>Immutable; its problem is not part of the serialized form.
 */
public final class PlanFileException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  /** The file or source, as locations name it; part of the serialized form. */
  private final String source;
  private final transient Problem problem;

  /**
   * @param code the key of the message in the plan loader's bundle
   * @param source the file or source, as locations name it
   * @param reason the system's reason, as it is
   */
  PlanFileException(String code, String source, String reason, IOException cause) {
    this(source, Problem.of(Subject.NONE, source, "dev.rankgauge.json.Problems", code, source,
        String.valueOf(reason)), cause);
  }

  private PlanFileException(String source, Problem problem, IOException cause) {
    super(problem.message(), cause);
    this.source = source;
    this.problem = problem;
  }

  /** {@return the file or source that could not be read or written, as locations name it} */
  public String source() {
    return source;
  }

  /**
   * {@return the same as a problem located at the file or source; null after deserialization}
   */
  public Problem problem() {
    return problem;
  }

  /**
   * The message in a language: Spanish for {@code es}, English for any other locale; the
   * system's reason as it is.
   *
   * @param locale the language
   * @return the message in that language; {@link #getMessage()} after deserialization
   */
  public String message(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    return problem == null ? getMessage() : problem.message(locale);
  }
}
