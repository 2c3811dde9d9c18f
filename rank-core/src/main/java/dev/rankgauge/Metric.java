package dev.rankgauge;

/** The four gauges of the back office. */
public enum Metric {
  /** Personal volume in the period, as the plan defines it. */
  PERSONAL_SALES("Personal sales"),
  /** Personal volume of the distributor and their whole downline. */
  GROUP_SALES("Group sales"),
  /** Personal customers who are active. */
  ACTIVE_PERSONAL_CUSTOMERS("Active personal customers"),
  /** Personally sponsored distributors who are active. */
  ACTIVE_PERSONAL_DISTRIBUTORS("Active personal distributors");

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  /** {@return a label for people, such as "Group sales"} */
  public String label() {
    return label;
  }
}
