package dev.rankgauge;

import java.util.List;

/**
 * An input was rejected whole. Holds every problem found, not only the first; nothing was built.
 */
public class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 50;

  private final transient List<Problem> problems;
  /** What was being built or read, as the thrower named it; part of the serialized form. */
  private final String what;

  /**
   * @param what what was being built or read, such as {@code "organisation"}
   * @param problems every problem found, at least one
   */
  public ValidationException(String what, List<Problem> problems) {
    super(message(Checks.notNull(what, "what"), Checks.list(problems, "problems")));
    this.problems = List.copyOf(problems);
    this.what = what;
  }

  /**
   * {@return what was being built or read, as the thrower named it, such as {@code
   * "organisation"} or {@code "data in /srv/acme"}: for a host that words the first line of the
   * message its own way, in its own language}
   */
  public String what() {
    return what;
  }

  /** {@return every problem found, in a stable order} */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String what, List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(what).append(" is invalid: ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
      sb.append(System.lineSeparator()).append("  - ").append(problems.get(i));
    }
    if (problems.size() > LISTED) {
      sb.append(System.lineSeparator()).append("  ... and ").append(problems.size() - LISTED)
          .append(" more (see problems())");
    }
    return sb.toString();
  }
}
