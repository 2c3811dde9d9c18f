package dev.rankgauge;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One distributor's standing in a closed period, as a {@link History} keeps it: what later periods
 * read for title ranks, rank hold and rules over several periods. Rank codes are text, so that a
 * history can be stored and read back without the plan; an evaluation checks them against its
 * plan.
 *
 * @param period the period, {@link Period.State#CLOSED} (an open period given is closed)
 * @param distributorId the distributor's id
 * @param paidAs the code of the paid-as rank, a held rank included
 * @param qualifiedAs the code of the highest rank whose requirements were met; equal to
 *     {@code paidAs} unless the paid-as rank was held
 * @param title the code of the title rank after this period
 * @param personalSales the personal sales gauge's value
 * @param groupSales the group sales gauge's value
 * @param activePersonalCustomers the active personal customers gauge's value, not negative
 * @param activePersonalDistributors the active personal distributors gauge's value, not negative
 * @param periodsHeld how many periods in a row, this one included, the paid-as rank was held
 *     above {@code qualifiedAs}; 0 when the two are the same
 * @param overridesApplied the overrides applied to the distributor for the period, each in its
 *     short form ({@link Overrides.Entry#code()}, such as {@code minimum_rank SLV}); empty for
 *     none. Paid-as and qualified-as differ without a hold only under a {@code minimum_rank}.
 * @param personalVolumes the personal volume of each volume type other than the qualifying one
 *     (whose figure is {@code personalSales}), by type code such as {@code BV}, in the order
 *     given: what {@code accumulatedVolume} of that type reads of the period. A period closed
 *     by an evaluation holds every type the plan's requirements read; empty for a plan of one
 *     type, and for records written before histories held other types. Every record of one
 *     period holds the same types ({@link History#of} checks it).
 */
public record PeriodRecord(
    Period period,
    String distributorId,
    String paidAs,
    String qualifiedAs,
    String title,
    BigDecimal personalSales,
    BigDecimal groupSales,
    int activePersonalCustomers,
    int activePersonalDistributors,
    int periodsHeld,
    List<String> overridesApplied,
    Map<String, BigDecimal> personalVolumes) {

  /**
   * A record of the qualifying type's personal volume only.
   *
   * @param period the period, {@link Period.State#CLOSED} (an open period given is closed)
   * @param distributorId the distributor's id
   * @param paidAs the code of the paid-as rank, a held rank included
   * @param qualifiedAs the code of the highest rank whose requirements were met
   * @param title the code of the title rank after this period
   * @param personalSales the personal sales gauge's value
   * @param groupSales the group sales gauge's value
   * @param activePersonalCustomers the active personal customers gauge's value, not negative
   * @param activePersonalDistributors the active personal distributors gauge's value, not negative
   * @param periodsHeld how many periods in a row the paid-as rank was held; 0 when not held
   * @param overridesApplied the overrides applied, each in its short form; empty for none
   */
  public PeriodRecord(Period period, String distributorId, String paidAs, String qualifiedAs,
      String title, BigDecimal personalSales, BigDecimal groupSales, int activePersonalCustomers,
      int activePersonalDistributors, int periodsHeld, List<String> overridesApplied) {
    this(period, distributorId, paidAs, qualifiedAs, title, personalSales, groupSales,
        activePersonalCustomers, activePersonalDistributors, periodsHeld, overridesApplied,
        Map.of());
  }

  /**
   * A record without overrides, of the qualifying type's personal volume only.
   *
   * @param period the period, {@link Period.State#CLOSED} (an open period given is closed)
   * @param distributorId the distributor's id
   * @param paidAs the code of the paid-as rank, a held rank included
   * @param qualifiedAs the code of the highest rank whose requirements were met
   * @param title the code of the title rank after this period
   * @param personalSales the personal sales gauge's value
   * @param groupSales the group sales gauge's value
   * @param activePersonalCustomers the active personal customers gauge's value, not negative
   * @param activePersonalDistributors the active personal distributors gauge's value, not negative
   * @param periodsHeld how many periods in a row the paid-as rank was held; 0 when not held
   */
  public PeriodRecord(Period period, String distributorId, String paidAs, String qualifiedAs,
      String title, BigDecimal personalSales, BigDecimal groupSales, int activePersonalCustomers,
      int activePersonalDistributors, int periodsHeld) {
    this(period, distributorId, paidAs, qualifiedAs, title, personalSales, groupSales,
        activePersonalCustomers, activePersonalDistributors, periodsHeld, List.of());
  }

  /**
   * Checks every field and closes the period.
   *
   * @param period the period, {@link Period.State#CLOSED} (an open period given is closed)
   * @param distributorId the distributor's id
   * @param paidAs the code of the paid-as rank, a held rank included
   * @param qualifiedAs the code of the highest rank whose requirements were met
   * @param title the code of the title rank after this period
   * @param personalSales the personal sales gauge's value
   * @param groupSales the group sales gauge's value
   * @param activePersonalCustomers the active personal customers gauge's value, not negative
   * @param activePersonalDistributors the active personal distributors gauge's value, not negative
   * @param periodsHeld how many periods in a row the paid-as rank was held; 0 when not held
   * @param overridesApplied the overrides applied, each in its short form; empty for none
   * @param personalVolumes the personal volume of each type other than the qualifying one, by
   *     type code; empty for none. Neither a code nor a volume may be null, nor a code blank.
   */
  public PeriodRecord {
    Checks.notNull(period, "period");
    period = period.state() == Period.State.CLOSED ? period : period.close();
    Checks.id(distributorId, "distributorId");
    Checks.id(paidAs, "paidAs");
    Checks.id(qualifiedAs, "qualifiedAs");
    Checks.id(title, "title");
    Checks.notNull(personalSales, "personalSales");
    Checks.notNull(groupSales, "groupSales");
    Checks.nonNegative(activePersonalCustomers, "activePersonalCustomers");
    Checks.nonNegative(activePersonalDistributors, "activePersonalDistributors");
    Checks.nonNegative(periodsHeld, "periodsHeld");
    overridesApplied = Checks.list(overridesApplied, "overridesApplied");
    for (String o : overridesApplied) {
      Checks.id(o, "an applied override of distributor " + distributorId);
    }
    Checks.notNull(personalVolumes, "personalVolumes");
    if (!personalVolumes.isEmpty()) {
      Map<String, BigDecimal> copy = new LinkedHashMap<>();
      for (Map.Entry<String, BigDecimal> e : personalVolumes.entrySet()) {
        String type = Checks.id(e.getKey(), "a volume type of distributor " + distributorId);
        copy.put(type, Checks.notNull(e.getValue(),
            "personal volume " + type + " of distributor " + distributorId));
      }
      personalVolumes = Collections.unmodifiableMap(copy);
    } else {
      personalVolumes = Map.of();
    }
    boolean forced = overridesApplied.stream().anyMatch(o -> o.startsWith("minimum_rank "));
    if (periodsHeld > 0 && paidAs.equals(qualifiedAs)
        || periodsHeld == 0 && !forced && !paidAs.equals(qualifiedAs)) {
      throw new IllegalArgumentException("distributor " + distributorId + " in " + period
          + ": found paid as " + paidAs + ", qualified as " + qualifiedAs + " and held for "
          + periodsHeld + " periods; expected periodsHeld above 0 exactly when paid-as and"
          + " qualified-as differ, unless a minimum_rank override raised the paid-as rank");
    }
  }

  /** {@return whether the paid-as rank was held above the rank qualified for} */
  public boolean held() {
    return periodsHeld > 0;
  }
}
