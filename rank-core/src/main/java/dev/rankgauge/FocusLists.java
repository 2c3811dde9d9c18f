package dev.rankgauge;

import java.util.List;

/**
 * The seed's "where do I focus my time": personal customers and personally sponsored
 * distributors, split into those who are not active (call them) and those who are.
 *
 * @param inactiveCustomers personal customers who are not active, in input order
 * @param activeCustomers personal customers who are active, in input order
 * @param inactiveDistributors personally sponsored distributors who are not active
 * @param activeDistributors personally sponsored distributors who are active
 */
public record FocusLists(
    List<FocusEntry> inactiveCustomers,
    List<FocusEntry> activeCustomers,
    List<FocusEntry> inactiveDistributors,
    List<FocusEntry> activeDistributors) {

  /**
   * Copies the lists.
   *
   * @param inactiveCustomers personal customers who are not active, in input order
   * @param activeCustomers personal customers who are active, in input order
   * @param inactiveDistributors personally sponsored distributors who are not active
   * @param activeDistributors personally sponsored distributors who are active
   */
  public FocusLists {
    inactiveCustomers = Checks.list(inactiveCustomers, "inactiveCustomers");
    activeCustomers = Checks.list(activeCustomers, "activeCustomers");
    inactiveDistributors = Checks.list(inactiveDistributors, "inactiveDistributors");
    activeDistributors = Checks.list(activeDistributors, "activeDistributors");
  }
}
