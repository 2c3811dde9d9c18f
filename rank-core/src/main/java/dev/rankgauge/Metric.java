package dev.rankgauge;

import java.util.Locale;

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

  /**
   * A label for people in the given language: "Group sales", "Ventas de grupo". English and
   * Spanish are built in; any other locale gets English.
   *
   * @param locale the language
   * @return the label
   */
  public String label(Locale locale) {
    return Words.of(locale).label(this);
  }
}
