package dev.rankgauge.json.internal;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
import dev.rankgauge.internal.json.Suggest;
import java.util.Collection;

/**
 * The problems and warnings the plan loader finds, from its bundle {@code dev.rankgauge.json.Problems}
 * (English, {@code Problems_es} in Spanish); each key is a problem's stable code. A finding keeps
 * its problem with an empty location until the text places it.
 */
final class PlanProblems {
  static final String BUNDLE = "dev.rankgauge.json.Problems";

  private PlanProblems() {}

  /** A problem of the plan loader, not yet located. */
  static Problem problem(String code, Object... arguments) {
    return Problem.of(Subject.NONE, "", BUNDLE, code, arguments);
  }

  /** A problem of the plan loader at a place. */
  static Problem at(String where, String code, Object... arguments) {
    return Problem.of(Subject.NONE, where, BUNDLE, code, arguments);
  }

  /** A part of a message: a value or a suggestion, written in the message's language. */
  static Problem.Part part(String code, Object... arguments) {
    return Problem.Part.of(code, arguments);
  }

  /** {@code (did you mean "X"?)} after a message, or nothing when no name is close. */
  static Object didYouMean(String found, Collection<String> known) {
    return Suggest.closest(found, known).<Object>map(s -> part("didYouMean", s)).orElse("");
  }
}
