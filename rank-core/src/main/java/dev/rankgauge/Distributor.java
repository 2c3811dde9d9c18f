package dev.rankgauge;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A distributor (consultant, advocate, member): sells, and sponsors other distributors.
 *
 * @param id unique among distributors, not blank
 * @param sponsorId the distributor who enrolled this one; empty for a root of the company
 * @param joinDate the date this distributor joined
 * @param name the display name
 * @param email the contact email, possibly empty
 * @param phone the contact phone, if known
 */
public record Distributor(
    String id,
    Optional<String> sponsorId,
    LocalDate joinDate,
    String name,
    String email,
    Optional<String> phone) {

  /**
   * Checks every field; see the record components.
   *
   * @param id unique among distributors, not blank
   * @param sponsorId the distributor who enrolled this one; empty for a root of the company
   * @param joinDate the date this distributor joined
   * @param name the display name
   * @param email the contact email, possibly empty
   * @param phone the contact phone, if known
   */
  public Distributor {
    Checks.id(id, "distributor id");
    Checks.notNull(sponsorId, "sponsorId of distributor ", id);
    if (sponsorId.isPresent()) {
      Checks.id(sponsorId.get(), "sponsor id of distributor ", id);
    }
    Checks.notNull(joinDate, "joinDate of distributor ", id);
    Checks.notNull(name, "name of distributor ", id);
    Checks.notNull(email, "email of distributor ", id);
    Checks.notNull(phone, "phone of distributor ", id);
  }

  /**
   * A distributor without a phone number.
   *
   * @param sponsorId the sponsor's id, or {@code null} for a root
   * @param id unique among distributors, not blank
   * @param joinDate the date this distributor joined
   * @param name the display name
   * @param email the contact email, possibly empty
   * @return the distributor
   */
  public static Distributor of(
      String id, String sponsorId, LocalDate joinDate, String name, String email) {
    return new Distributor(id, Optional.ofNullable(sponsorId), joinDate, name, email, Optional.empty());
  }

  /**
   * This distributor with the given phone number.
   *
   * @param phone the contact phone, if known
   * @return this distributor with the given phone number
   */
  public Distributor withPhone(String phone) {
    return new Distributor(id, sponsorId, joinDate, name, email,
        Optional.of(Checks.notNull(phone, "phone of distributor ", id)));
  }
}
