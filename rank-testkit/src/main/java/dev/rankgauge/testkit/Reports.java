package dev.rankgauge.testkit;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
import java.util.Locale;

/**
 * The test kit's words for reports, from the bundle {@code dev.rankgauge.testkit.Reports}
 * (English as the base, Spanish in {@code Reports_es}): what an expectation is ("paid as GLD"),
 * what a failure found, the frame of a failure and the summary of a run. Each piece is kept as a
 * bundle key with its arguments (a {@link Problem} without a location, the library's carrier of a
 * sentence in either language), so that a report is written in the language its reader asks for,
 * long after the check ran. Thread-safe: it holds no state.
 */
final class Reports {
  /** The bundle of the test kit's report texts. */
  static final String BUNDLE = "dev.rankgauge.testkit.Reports";

  private Reports() {}

  /**
   * A sentence written when the language is known: most are the same {@link Problem} in every
   * language, but one that quotes a requirement's description asks the core for it in that
   * language.
   */
  @FunctionalInterface
  interface Says {
    /** {@return the sentence, its words still to be written in {@code locale}} */
    Problem in(Locale locale);

    /** The same sentence whatever the language (its words are still translated). */
    static Says of(Problem p) {
      return l -> p;
    }

    /** {@return the sentence written in {@code locale}} */
    default String text(Locale locale) {
      return in(locale).message(locale);
    }
  }

  /** A part of a sentence of this bundle, written in the same language, such as a list's item. */
  static Problem.Part part(String code, Object... arguments) {
    return Problem.Part.of(code, arguments);
  }

  /** A value as it is: an amount or count written for the language, a text as it is. */
  static Says value(Object v) {
    return Says.of(say("value", v));
  }

  /**
   * A sentence of the bundle with its arguments, of the types a problem takes (texts as they are,
   * counts and amounts written for the language, other sentences written in the same language).
   */
  static Problem say(String code, Object... arguments) {
    return Problem.of(Subject.NONE, "", BUNDLE, code, arguments);
  }

  /**
   * A sentence in a language: English with plain numbers for {@link Locale#ROOT}, Spanish for
   * {@code es}, English with the locale's numbers otherwise.
   */
  static String in(Problem text, Locale locale) {
    return text.message(locale);
  }

  /** Ids for a report: all of them, the first few and how many more, or "nobody". */
  static Object ids(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return say("ids.none");
    }
    java.util.List<String> all = java.util.List.copyOf(ids);
    if (all.size() <= Verdicts.LISTED) {
      return all;
    }
    return say("ids.more", all.subList(0, Verdicts.LISTED), all.size() - Verdicts.LISTED);
  }
}
