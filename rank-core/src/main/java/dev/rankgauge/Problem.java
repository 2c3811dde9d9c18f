package dev.rankgauge;

/**
 * One thing wrong with an input, and where it is.
 *
 * <p>Messages follow one grammar (see {@code docs/design.md}): what was found, then what was
 * expected, then a suggestion: {@code found "SLVR", expected one of: DIST, SLV, GLD (did you
 * mean "SLV"?)}; a message about a record names the ids involved.
 *
 * <p>A problem reads as one short line, whatever text from the input it quotes: control
 * characters in the location and the message are shown escaped ({@code \n}, {@code \u0000}), and
 * a message longer than {@value #MAX_MESSAGE} characters is cut, saying how much was left out.
 *
 * <p>Two problems are equal when they read the same: the same location and message. The subject
 * is how a reader finds the place, which the location already says.
 *
 * @param subject what the problem is about, as data; {@link Subject#NONE} when only the location
 *     says it
 * @param location where the problem is: a distributor, customer or order id
 *     ({@code "distributor D7"}), a file position ({@code "orders.csv:12:5"}) or a JSON path
 * @param message what is wrong, naming the ids involved
 */
public record Problem(Subject subject, String location, String message) {
  /** The most characters of a message; the rest is left out, and the message says how much. */
  public static final int MAX_MESSAGE = 1_000;

  /**
   * Checks every field.
   *
   * @param subject what the problem is about, as data; {@link Subject#NONE} when only the
   *     location says it
   * @param location where the problem is: a distributor, customer or order id ({@code "distributor
   *     D7"}), a file position ({@code "orders.csv:12:5"}) or a JSON path
   * @param message what is wrong, naming the ids involved
   */
  public Problem {
    Checks.notNull(subject, "problem subject");
    Checks.notNull(location, "problem location");
    Checks.notNull(message, "problem message");
    location = oneLine(location, Integer.MAX_VALUE);
    message = oneLine(message, MAX_MESSAGE);
  }

  /** {@code text} with control characters escaped, cut after {@code most} characters. */
  private static String oneLine(String text, int most) {
    int n = text.length();
    int i = 0;
    while (i < n && !isControl(text.charAt(i))) {
      i++;
    }
    // A cut message ends in a note of under 40 characters; it is never cut again.
    if (i == n && n <= most + 40) {
      return text; // the common case: nothing to do, no copy
    }
    StringBuilder b = new StringBuilder(Math.min(n, most) + 16);
    b.append(text, 0, Math.min(i, most));
    int limit = n <= most + 40 ? Integer.MAX_VALUE : most;
    for (int k = i; k < n && b.length() < limit; k++) {
      char c = text.charAt(k);
      if (!isControl(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    if (b.length() >= limit) {
      b.setLength(limit);
      b.append("... (cut; ").append(n).append(" characters in all)");
    }
    return b.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029';
  }

  /**
   * A problem whose place only its location says.
   *
   * @param location where the problem is
   * @param message what is wrong, naming the ids involved
   */
  public Problem(String location, String message) {
    this(Subject.NONE, location, message);
  }

  /**
   * The same problem at the place a reader found for its subject.
   *
   * @param location the place, such as {@code orders.csv:12:5}
   * @return a problem with this subject and message at that location
   */
  public Problem at(String location) {
    return new Problem(subject, location, message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p && location.equals(p.location) && message.equals(p.message);
  }

  @Override
  public int hashCode() {
    return 31 * location.hashCode() + message.hashCode();
  }

  @Override
  public String toString() {
    return location.isEmpty() ? message : location + ": " + message;
  }
}
