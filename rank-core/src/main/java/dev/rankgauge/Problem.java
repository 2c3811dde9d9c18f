package dev.rankgauge;

/**
 * One thing wrong with an input, and where it is.
 *
 * <p>Messages follow one grammar (see {@code docs/design.md}): what was found, then what was
 * expected, then a suggestion: {@code found "SLVR", expected one of: DIST, SLV, GLD (did you
 * mean "SLV"?)}; a message about a record names the ids involved.
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
