package dev.rankgauge.io;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;

/**
 * The problems rank-io finds in files, from its bundle {@code dev.rankgauge.io.Problems}
 * (English, {@code Problems_es} in Spanish); each key is the problem's stable code.
 */
final class IoProblems {
  static final String BUNDLE = "dev.rankgauge.io.Problems";

  private IoProblems() {}

  /** A problem found at a place in a file, about nothing the core names. */
  static Problem at(String where, String code, Object... arguments) {
    return Problem.of(Subject.NONE, where, BUNDLE, code, arguments);
  }

  /** A problem about a subject of the core, at the place found for it. */
  static Problem at(Subject subject, String where, String code, Object... arguments) {
    return Problem.of(subject, where, BUNDLE, code, arguments);
  }
}
