package dev.rankgauge.spi;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.History;
import dev.rankgauge.Period;
import dev.rankgauge.Rank;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Read-only view of one distributor during evaluation: the distributor, their personal customers,
 * their personally sponsored distributors with those distributors' results for this period, their
 * legs, and the period's volumes. Valid only during the call to
 * {@link QualificationRule#evaluate(RuleContext)}.
 */
public interface RuleContext {

  /** {@return the plan being evaluated} */
  CompPlan plan();

  /** {@return the period being evaluated} */
  Period period();

  /** {@return the distributor being ranked} */
  Distributor distributor();

  /**
   * The closed periods the evaluation read, read-only: every distributor's records, for rules
   * over several periods ({@code history().records(distributor().id())}).
   *
   * @return the history, empty when the evaluation was given none
   */
  History history();

  /**
   * Personal volume in the period, of the plan's qualifying volume type.
   *
   * @return the personal volume, of the qualifying volume type
   */
  BigDecimal personalVolume();

  /**
   * Personal volume in the period of any of the plan's volume types.
   *
   * @param volumeType one of the plan's volume types
   * @return the personal volume of that type
   */
  BigDecimal personalVolume(String volumeType);

  /**
   * Group volume in the period: the distributor's and their whole downline's personal volume.
   *
   * @return the group volume, of the qualifying volume type
   */
  BigDecimal groupVolume();

  /** {@return whether the distributor is active in the period} */
  boolean active();

  /**
   * Personal customers with their activity and volume, sorted by id so that a rule sees the same
   * list whatever the order of the input rows.
   *
   * @return the personal customers, sorted by id
   */
  List<CustomerView> personalCustomers();

  /**
   * Personally sponsored distributors with their results for this period, sorted by id.
   *
   * @return the personally sponsored distributors, sorted by id
   */
  List<DownlineView> sponsoredDistributors();

  /**
   * One leg per personally sponsored distributor, sorted by the id of the leg's first distributor.
   *
   * @return the legs, sorted by the id of their first distributor
   */
  List<LegView> legs();

  /**
   * A personal customer as a rule sees them.
   *
   * @param customer the customer
   * @param active whether active in the period
   * @param volume net qualifying volume in the period
   */
  record CustomerView(Customer customer, boolean active, BigDecimal volume) {
    /**
     * Checks the fields.
     *
     * @param customer the customer
     * @param active whether active in the period
     * @param volume net qualifying volume in the period
     */
    public CustomerView {
      Objects.requireNonNull(customer, "customer must not be null");
      Objects.requireNonNull(volume, "volume must not be null");
    }
  }

  /**
   * A downline distributor's results for this period, final when a rule reads them.
   *
   * @param distributor the distributor
   * @param paidAs their paid-as rank this period
   * @param personalVolume their personal volume
   * @param groupVolume their group volume
   * @param active whether active in the period
   */
  record DownlineView(Distributor distributor, Rank paidAs, BigDecimal personalVolume,
      BigDecimal groupVolume, boolean active) {
    /**
     * Checks the fields.
     *
     * @param distributor the distributor
     * @param paidAs their paid-as rank this period
     * @param personalVolume their personal volume
     * @param groupVolume their group volume
     * @param active whether active in the period
     */
    public DownlineView {
      Objects.requireNonNull(distributor, "distributor must not be null");
      Objects.requireNonNull(paidAs, "paidAs must not be null");
      Objects.requireNonNull(personalVolume, "personalVolume must not be null");
      Objects.requireNonNull(groupVolume, "groupVolume must not be null");
    }
  }

  /**
   * The subtree under one personally sponsored distributor.
   *
   * @param root the personally sponsored distributor at the top of the leg
   * @param groupVolume the leg's group volume (the root's group volume)
   * @param highestRank the highest paid-as rank anyone in the leg holds this period
   * @param activeDistributors how many distributors in the leg are active
   */
  record LegView(DownlineView root, BigDecimal groupVolume, Rank highestRank,
      int activeDistributors) {
    /**
     * Checks the fields.
     *
     * @param root the personally sponsored distributor at the top of the leg
     * @param groupVolume their group volume
     * @param highestRank the highest paid-as rank anyone in the leg holds this period
     * @param activeDistributors how many distributors in the leg are active
     */
    public LegView {
      Objects.requireNonNull(root, "root must not be null");
      Objects.requireNonNull(groupVolume, "groupVolume must not be null");
      Objects.requireNonNull(highestRank, "highestRank must not be null");
    }
  }
}
