package dev.rankgauge.io;

import dev.rankgauge.Problem;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Objects;

/**
 * The data folder {@link CsvOrganisation} reads, or a file it needs there, does not exist. A
 * {@link NoSuchFileException} whose {@link #getFile() file} is the missing folder or file and whose
 * {@link #getReason() reason} is English ("no such data folder", "the data folder needs
 * distributors.csv, customers.csv and orders.csv"); {@link #reason(Locale)} writes the reason in
 * a language of the library's bundles (English and Spanish ship), and {@link #problem()} is the
 * same as a {@link Problem} with a stable {@link Problem#code() code}, for a host that words it
 * its own way.
 *
 * <p>Immutable; its problem is not part of the serialized form.
 */
public final class MissingDataException extends NoSuchFileException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  private MissingDataException(Problem problem) {
    super(problem.location(), null, problem.message());
    this.problem = problem;
  }

  /** The data folder {@code dir} does not exist, or is not a folder. */
  static MissingDataException folder(String dir) {
    return new MissingDataException(IoProblems.at(dir, "data.noFolder"));
  }

  /** The data file {@code file} is missing; the folder needs the three files named. */
  static MissingDataException file(String file, String distributors, String customers,
      String orders) {
    return new MissingDataException(IoProblems.at(file, "data.missingFile", distributors,
        customers, orders));
  }

  /**
   * {@return what is missing as a problem: located at the missing folder or file, with the code
   * {@code data.noFolder} or {@code data.missingFile}; null after deserialization}
   */
  public Problem problem() {
    return problem;
  }

  /**
   * Why the file is missing, in a language: Spanish for {@code es}, English for any other locale.
   *
   * @param locale the language
   * @return the reason in that language; {@link #getReason()} after deserialization
   */
  public String reason(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    return problem == null ? getReason() : problem.message(locale);
  }
}
