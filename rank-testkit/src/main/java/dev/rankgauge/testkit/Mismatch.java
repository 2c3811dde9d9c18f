package dev.rankgauge.testkit;

import dev.rankgauge.Problem;
import dev.rankgauge.Trace;
import java.util.Locale;
import java.util.Optional;

/**
 * One expectation not met: for which distributor, which field, what was expected and what was
 * found, and the distributor's trace. Rendered the same way by the assertions, the JUnit test
 * factory and the plain runner, in the language asked for: the field, the expected and the actual
 * value are sentences of the test kit's bundle ({@link Reports}), the trace is the core's.
 *
 * @param distributorId the distributor, empty for expectations about the whole organisation
 * @param field what was checked, such as "paid-as rank" or "group sales gauge: remaining"
 * @param expected the expected value
 * @param actual the value found
 * @param trace the distributor's trace, if there is one
 */
record Mismatch(String distributorId, Reports.Says field, Reports.Says expected,
    Reports.Says actual, Optional<Trace> trace) {

  /** {@return what was expected, in English} */
  String expectedText() {
    return expected.text(Locale.ROOT);
  }

  /** {@return what was found, in English} */
  String actualText() {
    return actual.text(Locale.ROOT);
  }

  /** The message in English: subject line, expected, actual, then the trace indented. */
  String render(String subject) {
    return render(subject, null, Locale.ROOT);
  }

  /**
   * The message in a language, with a note in place of the trace when another message already
   * shows it.
   *
   * @param subject what comes first, such as the scenario file and line; in that language
   * @param traceShown where the trace is shown instead, or null to show it here
   * @param locale the language ({@link Locale#ROOT} for English with plain numbers)
   */
  String render(String subject, Problem traceShown, Locale locale) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder(subject);
    sb.append(Reports.in(distributorId.isEmpty() ? Reports.say("mismatch.field", field.in(locale))
        : Reports.say("mismatch.distributorField", distributorId, field.in(locale)), locale)).append(nl);
    sb.append("  ").append(Reports.in(Reports.say("mismatch.expected", expected.in(locale)), locale))
        .append(nl);
    sb.append("  ").append(Reports.in(Reports.say("mismatch.actual", actual.in(locale)), locale));
    if (trace.isPresent() && traceShown != null) {
      sb.append(nl).append("  ").append(Reports.in(Reports.say("mismatch.traceShown",
          distributorId, traceShown), locale));
      return sb.toString();
    }
    trace.ifPresent(t -> {
      sb.append(nl).append("  ").append(Reports.in(Reports.say("mismatch.trace", distributorId),
          locale));
      for (String line : t.format(locale).split("\\R")) {
        sb.append(nl).append("    ").append(line);
      }
    });
    return sb.toString();
  }

  /** The same mismatch with another field, such as the field after a what-if. */
  Mismatch withField(Reports.Says other) {
    return new Mismatch(distributorId, other, expected, actual, trace);
  }
}
