package dev.rankgauge;

/**
 * One thing wrong with an input, and where it is.
 *
 * @param location where the problem is: a distributor, customer or order id
 *     ({@code "distributor D7"}), a file position ({@code "orders.csv:12:5"}) or a JSON path
 * @param message what is wrong, naming the ids involved
 */
public record Problem(String location, String message) {

  /**
   * Checks both fields.
   *
   * @param location where the problem is: a distributor, customer or order id ({@code "distributor
   *     D7"}), a file position ({@code "orders.csv:12:5"}) or a JSON path
   * @param message what is wrong, naming the ids involved
   */
  public Problem {
    Checks.notNull(location, "problem location");
    Checks.notNull(message, "problem message");
  }

  @Override
  public String toString() {
    return location.isEmpty() ? message : location + ": " + message;
  }
}
