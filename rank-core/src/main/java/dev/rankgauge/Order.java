package dev.rankgauge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An order, or a return, with its volumes.
 *
 * @param id unique among orders, not blank
 * @param buyerType whether a distributor or a customer bought
 * @param buyerId the id of the distributor or customer who bought
 * @param timestamp when the order was placed; the plan's time zone decides its period
 * @param status paid, returned or cancelled
 * @param volumes volume by volume type (such as {@code PV}, {@code CV}); exact decimals. A copy is
 *     kept, sorted by type
 * @param amount the money amount of the order in the plan's currency
 */
public record Order(
    String id,
    BuyerType buyerType,
    String buyerId,
    Instant timestamp,
    OrderStatus status,
    Map<String, BigDecimal> volumes,
    BigDecimal amount) {

  /**
   * Checks every field and copies the volumes.
   *
   * @param id unique among orders, not blank
   * @param buyerType whether a distributor or a customer bought
   * @param buyerId the id of the distributor or customer who bought
   * @param timestamp when the order was placed; the plan's time zone decides its period
   * @param status paid, returned or cancelled
   * @param volumes volume by volume type (such as {@code PV}, {@code CV}); exact decimals. A copy
   *     is kept, sorted by type
   * @param amount the money amount of the order in the plan's currency
   */
  public Order {
    Checks.id(id, "order id");
    Checks.notNull(buyerType, "buyerType of order ", id);
    Checks.id(buyerId, "buyer id of order ", id);
    Checks.notNull(timestamp, "timestamp of order ", id);
    Checks.notNull(status, "status of order ", id);
    Checks.notNull(volumes, "volumes of order ", id);
    TreeMap<String, BigDecimal> copy = new TreeMap<>();
    volumes.forEach(
        (type, value) -> {
          Checks.id(type, "volume type of order ", id);
          if (value == null) {
            throw new NullPointerException(type + " volume of order " + id + " must not be null");
          }
          copy.put(type, value);
        });
    volumes = Collections.unmodifiableMap(copy);
    Checks.notNull(amount, "amount of order ", id);
  }

  /**
   * A paid order with a single volume type.
   *
   * @param id unique among orders, not blank
   * @param buyerType whether a distributor or a customer bought
   * @param buyerId the id of the distributor or customer who bought
   * @param timestamp when the order was placed; the plan's time zone decides its period
   * @param volumeType the type of the one volume, such as {@code PV}
   * @param volume the order's volume of that type; exact decimals
   * @param amount the money amount of the order in the plan's currency
   * @return the order
   */
  public static Order paid(
      String id, BuyerType buyerType, String buyerId, Instant timestamp, String volumeType,
      BigDecimal volume, BigDecimal amount) {
    Checks.notNull(volumeType, "volumeType of order ", id);
    Checks.notNull(volume, "volume of order ", id);
    return new Order(id, buyerType, buyerId, timestamp, OrderStatus.PAID,
        Map.of(volumeType, volume), amount);
  }

  /**
   * A paid order of a distributor with its personal volume: the short form for the usual case.
   * The volume is of type {@code PV} and the amount is zero (the evaluation counts volumes, never
   * amounts); use {@link #paid} or the constructor for another volume type, several volume types,
   * an amount, a return or a cancellation.
   *
   * @param id unique among orders, not blank (the host's order number)
   * @param distributorId the id of the distributor who bought
   * @param timestamp when the order was placed; the plan's time zone decides its period
   * @param pv the order's {@code PV}; an exact decimal
   * @return the order, {@link OrderStatus#PAID}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an id is blank
   */
  public static Order byDistributor(String id, String distributorId, Instant timestamp,
      BigDecimal pv) {
    Checks.id(distributorId, "distributorId of order ", id);
    return shortForm(id, BuyerType.DISTRIBUTOR, distributorId, timestamp, pv);
  }

  /**
   * A paid order of a customer with its personal volume: the short form for the usual case. The
   * volume is of type {@code PV} and the amount is zero (the evaluation counts volumes, never
   * amounts); use {@link #paid} or the constructor for anything else.
   *
   * @param id unique among orders, not blank (the host's order number)
   * @param customerId the id of the customer who bought
   * @param timestamp when the order was placed; the plan's time zone decides its period
   * @param pv the order's {@code PV}; an exact decimal
   * @return the order, {@link OrderStatus#PAID}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an id is blank
   */
  public static Order byCustomer(String id, String customerId, Instant timestamp,
      BigDecimal pv) {
    Checks.id(customerId, "customerId of order ", id);
    return shortForm(id, BuyerType.CUSTOMER, customerId, timestamp, pv);
  }

  private static Order shortForm(String id, BuyerType buyerType, String buyerId,
      Instant timestamp, BigDecimal pv) {
    Checks.id(id, "order id");
    Checks.notNull(timestamp, "timestamp of order ", id);
    Checks.notNull(pv, "pv of order ", id);
    return new Order(id, buyerType, buyerId, timestamp, OrderStatus.PAID, Map.of("PV", pv),
        BigDecimal.ZERO);
  }

  /**
   * The volume of the given type, zero where the order carries none.
   *
   * @param type a volume type, such as {@code PV}
   * @return the volume of the given type, zero where the order carries none
   */
  public BigDecimal volume(String type) {
    return volumes.getOrDefault(type, BigDecimal.ZERO);
  }
}
