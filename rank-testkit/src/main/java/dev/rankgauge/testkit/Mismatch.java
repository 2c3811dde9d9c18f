package dev.rankgauge.testkit;

import java.util.Optional;

/**
 * One expectation not met: for which distributor, which field, what was expected and what was
 * found, and the distributor's trace. Rendered the same way by the assertions, the JUnit test
 * factory and the plain runner.
 *
 * @param distributorId the distributor, empty for expectations about the whole organisation
 * @param field what was checked, such as "paid-as rank" or "group sales gauge: remaining"
 * @param expected the expected value, as text
 * @param actual the value found, as text
 * @param trace the distributor's trace ({@code Trace.format()}), if there is one
 */
record Mismatch(String distributorId, String field, String expected, String actual,
    Optional<String> trace) {

  /** The message: subject line, expected, actual, then the trace indented. */
  String render(String subject) {
    return render(subject, null);
  }

  /**
   * The message, with a note in place of the trace when another message already shows it.
   *
   * @param traceShown where the trace is shown instead, or null to show it here
   */
  String render(String subject, String traceShown) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder(subject);
    if (!distributorId.isEmpty()) {
      sb.append("distributor ").append(distributorId).append(", ");
    }
    sb.append(field).append(nl);
    sb.append("  expected: ").append(expected).append(nl);
    sb.append("  actual:   ").append(actual);
    if (trace.isPresent() && traceShown != null) {
      sb.append(nl).append("  trace of ").append(distributorId).append(": ").append(traceShown);
      return sb.toString();
    }
    trace.ifPresent(t -> {
      sb.append(nl).append("  trace of ").append(distributorId).append(':');
      for (String line : t.split("\\R")) {
        sb.append(nl).append("    ").append(line);
      }
    });
    return sb.toString();
  }
}
