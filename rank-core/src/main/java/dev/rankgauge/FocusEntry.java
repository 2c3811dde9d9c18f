package dev.rankgauge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A personal customer or personally sponsored distributor on a focus list: whom to call, and what
 * they bought.
 *
 * @param kind customer or distributor
 * @param id their id
 * @param name their name
 * @param email their email
 * @param phone their phone, if known
 * @param active whether active in the period by the plan's definition
 * @param lastOrderDate the date (plan's time zone) of their last paid order before the as-of
 *     instant, in any period
 * @param volume their net qualifying volume in the period (for a distributor, personal volume)
 * @param orders their orders in the period, in input order
 */
public record FocusEntry(
    BuyerType kind,
    String id,
    String name,
    String email,
    Optional<String> phone,
    boolean active,
    Optional<LocalDate> lastOrderDate,
    BigDecimal volume,
    List<Order> orders) {

  /**
   * Copies the orders.
   *
   * @param kind customer or distributor
   * @param id their id
   * @param name their name
   * @param email their email
   * @param phone their phone, if known
   * @param active whether active in the period by the plan's definition
   * @param lastOrderDate the date (plan's time zone) of their last paid order before the as-of
   *     instant, in any period
   * @param orders their orders in the period, in input order
   * @param volume their net qualifying volume in the period (for a distributor, personal volume)
   */
  public FocusEntry {
    Checks.notNull(kind, "kind");
    Checks.notNull(id, "id");
    Checks.notNull(name, "name");
    Checks.notNull(email, "email");
    Checks.notNull(phone, "phone");
    Checks.notNull(lastOrderDate, "lastOrderDate");
    Checks.notNull(volume, "volume");
    orders = Checks.list(orders, "orders");
  }
}
