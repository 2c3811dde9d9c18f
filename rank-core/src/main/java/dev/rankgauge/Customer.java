package dev.rankgauge;

import java.util.Optional;

/**
 * A retail or preferred customer: buys, belongs to the distributor who brought them in, and
 * sponsors nobody.
 *
 * @param id unique among customers, not blank
 * @param distributorId the distributor this customer is a personal customer of
 * @param name the display name
 * @param email the contact email, possibly empty
 * @param phone the contact phone, if known
 */
public record Customer(
    String id, String distributorId, String name, String email, Optional<String> phone) {

  /**
   * Checks every field; see the record components.
   *
   * @param id unique among customers, not blank
   * @param distributorId the distributor this customer is a personal customer of
   * @param name the display name
   * @param email the contact email, possibly empty
   * @param phone the contact phone, if known
   */
  public Customer {
    Checks.id(id, "customer id");
    Checks.id(distributorId, "distributor id of customer ", id);
    Checks.notNull(name, "name of customer ", id);
    Checks.notNull(email, "email of customer ", id);
    Checks.notNull(phone, "phone of customer ", id);
  }

  /**
   * A customer without a phone number.
   *
   * @param id unique among customers, not blank
   * @param distributorId the distributor this customer is a personal customer of
   * @param name the display name
   * @param email the contact email, possibly empty
   * @return the customer
   */
  public static Customer of(String id, String distributorId, String name, String email) {
    return new Customer(id, distributorId, name, email, Optional.empty());
  }
}
