package dev.rankgauge.examples;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;

/**
 * The problems the examples find in their own inputs (the command line's what-if files, the JDBC
 * example's rows), from the bundle {@code dev.rankgauge.examples.Problems} (English,
 * {@code Problems_es} in Spanish); each key is the problem's stable code.
 */
public final class ExampleProblems {
  /** The bundle's base name. */
  public static final String BUNDLE = "dev.rankgauge.examples.Problems";

  private ExampleProblems() {}

  /**
   * A problem found at a place, about nothing the core names.
   *
   * @param where the place: a file position or a table row
   * @param code the key of the message in the bundle
   * @param arguments the message's arguments
   * @return the problem
   */
  public static Problem at(String where, String code, Object... arguments) {
    return Problem.of(Subject.NONE, where, BUNDLE, code, arguments);
  }

  /**
   * A problem found at a place the examples word in their bundle, such as a table row, which
   * reads in the language of the message.
   *
   * @param where the place, a message of the bundle with its arguments
   * @param code the key of the message in the bundle
   * @param arguments the message's arguments
   * @return the problem
   */
  public static Problem at(Problem.Part where, String code, Object... arguments) {
    return Problem.of(Subject.NONE, where, BUNDLE, code, arguments);
  }
}
