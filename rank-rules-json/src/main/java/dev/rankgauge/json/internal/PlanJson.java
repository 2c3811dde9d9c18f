package dev.rankgauge.json.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A plan document as Jackson binds it: typed records, one per object of the format, named and
 * shaped like the JSON. A field the document leaves out is {@code null} here; the mapping to the
 * rank-core plan applies the defaults. Polymorphic objects are keyed by their {@code kind}, a fixed
 * set of names, never a class name.
 *
 * @param name the plan's name
 * @param version the plan's version label
 * @param currency ISO 4217 code
 * @param timeZone IANA zone id
 * @param period monthly, weekly or fourWeekly
 * @param volumeTypes the volume types orders carry
 * @param qualifyingVolumeType the volume type ranks count
 * @param personalVolume what counts as personal volume
 * @param customerActivity what makes a customer active
 * @param distributorActivity what makes a distributor active
 * @param ranks the ladder, entry rank first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanJson(
    String name,
    String version,
    String currency,
    String timeZone,
    String period,
    List<String> volumeTypes,
    String qualifyingVolumeType,
    PersonalVolumeJson personalVolume,
    ActivityJson customerActivity,
    ActivityJson distributorActivity,
    List<RankJson> ranks) {

  /**
   * @param includeCustomerOrders whether customers' orders count
   * @param selfPurchaseCap at most this much of own purchases counts
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PersonalVolumeJson(Boolean includeCustomerOrders, BigDecimal selfPurchaseCap) {}

  /**
   * @param code the rank's code
   * @param name the rank's name
   * @param requirements every requirement, none for the entry rank
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record RankJson(String code, String name, List<RequirementJson> requirements) {}

  /** An activity rule, by kind. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind",
      defaultImpl = ActivityJson.Unknown.class)
  @JsonSubTypes({
      @JsonSubTypes.Type(value = ActivityJson.OrderInPeriod.class, name = "orderInPeriod"),
      @JsonSubTypes.Type(value = ActivityJson.MinimumVolume.class, name = "minimumVolume"),
      @JsonSubTypes.Type(value = ActivityJson.OrderWithinDays.class, name = "orderWithinDays"),
      @JsonSubTypes.Type(value = ActivityJson.NetVolumeAboveZero.class,
          name = "netVolumeAboveZero")})
  public sealed interface ActivityJson {
    /** A paid order in the period. */
    record OrderInPeriod() implements ActivityJson {}

    /** @param volume at least this much volume in the period */
    record MinimumVolume(BigDecimal volume) implements ActivityJson {}

    /** @param days a paid order within this many days */
    record OrderWithinDays(Integer days) implements ActivityJson {}

    /** Net volume above zero in the period, returns deducted. */
    record NetVolumeAboveZero() implements ActivityJson {}

    /** A kind the format does not have, already reported by the schema. */
    record Unknown() implements ActivityJson {}
  }

  /** A rank requirement, by kind. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind",
      defaultImpl = RequirementJson.Unknown.class)
  @JsonSubTypes({
      @JsonSubTypes.Type(value = RequirementJson.PersonalVolume.class, name = "personalVolume"),
      @JsonSubTypes.Type(value = RequirementJson.GroupVolume.class, name = "groupVolume"),
      @JsonSubTypes.Type(value = RequirementJson.ActivePersonalCustomers.class,
          name = "activePersonalCustomers"),
      @JsonSubTypes.Type(value = RequirementJson.ActivePersonalDistributors.class,
          name = "activePersonalDistributors"),
      @JsonSubTypes.Type(value = RequirementJson.SponsoredWithRank.class, name = "sponsoredWithRank"),
      @JsonSubTypes.Type(value = RequirementJson.LegsWithRank.class, name = "legsWithRank"),
      @JsonSubTypes.Type(value = RequirementJson.LegsWithVolume.class, name = "legsWithVolume"),
      @JsonSubTypes.Type(value = RequirementJson.LegsWithVolumes.class, name = "legsWithVolumes"),
      @JsonSubTypes.Type(value = RequirementJson.CappedGroupVolume.class, name = "cappedGroupVolume"),
      @JsonSubTypes.Type(value = RequirementJson.LevelGroupVolume.class, name = "levelGroupVolume"),
      @JsonSubTypes.Type(value = RequirementJson.PersonalGroupVolume.class,
          name = "personalGroupVolume"),
      @JsonSubTypes.Type(value = RequirementJson.ActiveLegs.class, name = "activeLegs"),
      @JsonSubTypes.Type(value = RequirementJson.AnyOf.class, name = "anyOf"),
      @JsonSubTypes.Type(value = RequirementJson.Host.class, name = "host")})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public sealed interface RequirementJson {
    /** @param volume minimum personal volume */
    record PersonalVolume(BigDecimal volume) implements RequirementJson {}

    /** @param volume minimum group volume */
    record GroupVolume(BigDecimal volume) implements RequirementJson {}

    /** @param count minimum active personal customers */
    record ActivePersonalCustomers(Integer count) implements RequirementJson {}

    /** @param count minimum active personally sponsored distributors */
    record ActivePersonalDistributors(Integer count) implements RequirementJson {}

    /**
     * @param count how many personally sponsored distributors
     * @param rank paid as this rank or higher
     */
    record SponsoredWithRank(Integer count, String rank) implements RequirementJson {}

    /**
     * @param count how many legs
     * @param rank someone of this rank or higher in each
     * @param reach anywhere (default), frontLine or withinLevels
     * @param levels for withinLevels, how many levels
     * @param basis paidAs (default) or title
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LegsWithRank(Integer count, String rank, String reach, Integer levels, String basis)
        implements RequirementJson {}

    /**
     * @param count how many legs
     * @param volume group volume of each
     */
    record LegsWithVolume(Integer count, BigDecimal volume) implements RequirementJson {}

    /** @param volumes one leg of at least each */
    record LegsWithVolumes(List<BigDecimal> volumes) implements RequirementJson {}

    /**
     * @param volume group volume needed
     * @param maxPercentPerLeg at most this percent of it from one leg
     * @param ownVolumeIsLeg whether own volume is capped as a leg (default false)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CappedGroupVolume(BigDecimal volume, BigDecimal maxPercentPerLeg, Boolean ownVolumeIsLeg)
        implements RequirementJson {}

    /**
     * @param volume group volume needed
     * @param levels how many levels below count
     * @param compressed whether inactive distributors are skipped (default false)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LevelGroupVolume(BigDecimal volume, Integer levels, Boolean compressed)
        implements RequirementJson {}

    /**
     * @param volume personal group volume needed
     * @param breakawayRank the rank at which a leg breaks away
     * @param includeBreakaway whether the breakaway's own volume counts (default false)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonalGroupVolume(BigDecimal volume, String breakawayRank, Boolean includeBreakaway)
        implements RequirementJson {}

    /** @param count how many legs with an active distributor */
    record ActiveLegs(Integer count) implements RequirementJson {}

    /** @param paths the alternatives */
    record AnyOf(List<PathJson> paths) implements RequirementJson {}

    /**
     * @param rule the registered name
     * @param parameters the rule's parameters as text
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Host(String rule, Map<String, String> parameters) implements RequirementJson {}

    /** A kind the format does not have, already reported by the schema. */
    record Unknown() implements RequirementJson {}
  }

  /**
   * @param name the path's name
   * @param requirements its requirements
   */
  public record PathJson(String name, List<RequirementJson> requirements) {}
}
