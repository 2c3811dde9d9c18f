package dev.rankgauge.testkit;

import dev.rankgauge.FocusEntry;
import dev.rankgauge.FocusLists;
import java.util.List;

/**
 * The four focus lists of a distributor's back office, by name, for assertions and scenario files.
 * In a scenario file each is written in camel case, such as {@code inactiveCustomers}.
 */
public enum FocusList {
  /** Personal customers who are not active: whom to call. */
  INACTIVE_CUSTOMERS("inactiveCustomers", "inactive customers"),
  /** Personal customers who are active. */
  ACTIVE_CUSTOMERS("activeCustomers", "active customers"),
  /** Personally sponsored distributors who are not active. */
  INACTIVE_DISTRIBUTORS("inactiveDistributors", "inactive distributors"),
  /** Personally sponsored distributors who are active. */
  ACTIVE_DISTRIBUTORS("activeDistributors", "active distributors");

  private final String key;
  private final String label;

  FocusList(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** {@return the name used in scenario files, such as {@code inactiveCustomers}} */
  public String key() {
    return key;
  }

  /** {@return a label for people, such as "inactive customers"} */
  public String label() {
    return label;
  }

  /**
   * This list's entries in the given focus lists.
   *
   * @param lists a distributor's focus lists
   * @return this list's entries in the given focus lists
   */
  public List<FocusEntry> entries(FocusLists lists) {
    return switch (this) {
      case INACTIVE_CUSTOMERS -> lists.inactiveCustomers();
      case ACTIVE_CUSTOMERS -> lists.activeCustomers();
      case INACTIVE_DISTRIBUTORS -> lists.inactiveDistributors();
      case ACTIVE_DISTRIBUTORS -> lists.activeDistributors();
    };
  }
}
