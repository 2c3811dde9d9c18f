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
   * The volume of the given type, zero where the order carries none.
   *
   * @param type a volume type, such as {@code PV}
   * @return the volume of the given type, zero where the order carries none
   */
  public BigDecimal volume(String type) {
    return volumes.getOrDefault(type, BigDecimal.ZERO);
  }
}
