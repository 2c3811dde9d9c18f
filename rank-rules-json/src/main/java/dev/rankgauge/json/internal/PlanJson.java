package dev.rankgauge.json.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A plan document as {@link Bind} binds it: typed records, one per object of the format, named
 * and shaped like the JSON. A field the document leaves out is {@code null} here; the mapping to
 * the rank-core plan applies the defaults. Polymorphic objects are keyed by their {@code kind}:
 * the simple name of a permitted record with its first letter in lower case
 * ({@code personalVolume}), a fixed set of names, never a class name; {@code Unknown} stands for
 * a kind the format does not have. Writing leaves out null fields, and empty lists and maps of
 * records marked {@link OmitEmpty}.
 *
 * @param name the plan's name
 * @param version the plan's version label
 * @param currency ISO 4217 code
 * @param timeZone IANA zone id
 * @param period monthly, weekly or fourWeekly
 * @param volumeTypes the volume types orders carry
 * @param qualifyingVolumeType the volume type ranks count
 * @param volumeDecimals the decimals of each volume type the plan declares them for
 * @param personalVolume what counts as personal volume
 * @param customerActivity what makes a customer active
 * @param distributorActivity what makes a distributor active
 * @param titleRank highestPaidAs or highestQualified
 * @param rankHold what happens to a rank no longer qualified for
 * @param placementTree the binary or matrix tree the plan reads beside the sponsor tree
 * @param ranks the ladder, entry rank first
 */
public record PlanJson(
    String name,
    String version,
    String currency,
    String timeZone,
    String period,
    List<String> volumeTypes,
    String qualifyingVolumeType,
    Map<String, Integer> volumeDecimals,
    PersonalVolumeJson personalVolume,
    ActivityJson customerActivity,
    ActivityJson distributorActivity,
    String titleRank,
    RankHoldJson rankHold,
    PlacementTreeJson placementTree,
    List<RankJson> ranks) {

  /** Writing leaves out this record's empty lists and maps. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface OmitEmpty {}

  /**
   * @param includeCustomerOrders whether customers' orders count
   * @param selfPurchaseCap at most this much of own purchases counts
   */
  public record PersonalVolumeJson(Boolean includeCustomerOrders, BigDecimal selfPurchaseCap) {}

  /**
   * @param policy keepPaidAs or stepDown
   * @param periods the periods of grace, for keepPaidAs
   */
  public record RankHoldJson(String policy, Integer periods) {}

  /** @param width 2 for a binary tree, up to 100 for a matrix */
  public record PlacementTreeJson(Integer width) {}

  /**
   * @param code the rank's code
   * @param name the rank's name
   * @param requirements every requirement, none for the entry rank
   */
  @OmitEmpty
  public record RankJson(String code, String name, List<RequirementJson> requirements) {}

  /** An activity rule, by kind. */
  public sealed interface ActivityJson {
    /**
     * Calls the visitor's method for this kind, so that code mapping each kind is checked by the
     * compiler to cover them all.
     *
     * @param <R> what the visitor returns
     * @param visitor one method per kind
     * @return what the visitor's method returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of activity rule, {@code Unknown} included.
     *
     * @param <R> what each method returns
     */
    interface Visitor<R> {
      /**
       * Visits a orderInPeriod object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(OrderInPeriod json);

      /**
       * Visits a minimumVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(MinimumVolume json);

      /**
       * Visits a orderWithinDays object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(OrderWithinDays json);

      /**
       * Visits a netVolumeAboveZero object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(NetVolumeAboveZero json);

      /**
       * Visits a unknown object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(Unknown json);
    }

    /** A paid order in the period. */
    record OrderInPeriod() implements ActivityJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** @param volume at least this much volume in the period */
    record MinimumVolume(BigDecimal volume) implements ActivityJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** @param days a paid order within this many days */
    record OrderWithinDays(Integer days) implements ActivityJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** Net volume above zero in the period, returns deducted. */
    record NetVolumeAboveZero() implements ActivityJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** A kind the format does not have, already reported by the schema. */
    record Unknown() implements ActivityJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }
  }

  /** A rank requirement, by kind. */
  public sealed interface RequirementJson {
    /**
     * Calls the visitor's method for this kind, so that code mapping each kind is checked by the
     * compiler to cover them all.
     *
     * @param <R> what the visitor returns
     * @param visitor one method per kind
     * @return what the visitor's method returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of requirement, {@code Unknown} included.
     *
     * @param <R> what each method returns
     */
    interface Visitor<R> {
      /**
       * Visits a personalVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(PersonalVolume json);

      /**
       * Visits a groupVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(GroupVolume json);

      /**
       * Visits a activePersonalCustomers object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(ActivePersonalCustomers json);

      /**
       * Visits a activePersonalDistributors object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(ActivePersonalDistributors json);

      /**
       * Visits a sponsoredWithRank object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(SponsoredWithRank json);

      /**
       * Visits a legsWithRank object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(LegsWithRank json);

      /**
       * Visits a legsWithVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(LegsWithVolume json);

      /**
       * Visits a legsWithVolumes object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(LegsWithVolumes json);

      /**
       * Visits a cappedGroupVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(CappedGroupVolume json);

      /**
       * Visits a levelGroupVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(LevelGroupVolume json);

      /**
       * Visits a personalGroupVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(PersonalGroupVolume json);

      /**
       * Visits a activeLegs object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(ActiveLegs json);

      /**
       * Visits a paidAsInPeriods object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(PaidAsInPeriods json);

      /**
       * Visits a accumulatedVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(AccumulatedVolume json);

      /**
       * Visits a joinedWithinDays object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(JoinedWithinDays json);

      /**
       * Visits a sideVolume object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(SideVolume json);

      /**
       * Visits a sponsoredOnEachSide object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(SponsoredOnEachSide json);

      /**
       * Visits a rankOnEachSide object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(RankOnEachSide json);

      /**
       * Visits a matrixPositions object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(MatrixPositions json);

      /**
       * Visits a range object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(Range json);

      /**
       * Visits a anyOf object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(AnyOf json);

      /**
       * Visits a host object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(Host json);

      /**
       * Visits a unknown object.
       *
       * @param json the bound object
       * @return the visitor's result
       */
      R visit(Unknown json);
    }

    /**
     * @param volume minimum personal volume
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record PersonalVolume(BigDecimal volume, String volumeType) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param volume minimum group volume
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record GroupVolume(BigDecimal volume, String volumeType) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** @param count minimum active personal customers */
    record ActivePersonalCustomers(Integer count) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** @param count minimum active personally sponsored distributors */
    record ActivePersonalDistributors(Integer count) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param count how many personally sponsored distributors
     * @param rank paid as this rank or higher
     */
    record SponsoredWithRank(Integer count, String rank) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param count how many legs
     * @param rank someone of this rank or higher in each
     * @param reach anywhere (default), frontLine or withinLevels
     * @param levels for withinLevels, how many levels
     * @param basis paidAs (default) or title
     * @param tree sponsor (default) or placement
     */
    record LegsWithRank(Integer count, String rank, String reach, Integer levels, String basis,
        String tree) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param count how many legs
     * @param volume group volume of each
     * @param tree sponsor (default) or placement
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record LegsWithVolume(Integer count, BigDecimal volume, String tree, String volumeType)
        implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param volumes one leg of at least each
     * @param tree sponsor (default) or placement
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record LegsWithVolumes(List<BigDecimal> volumes, String tree, String volumeType) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param volume group volume needed
     * @param maxPercentPerLeg at most this percent of it from one leg
     * @param ownVolumeIsLeg whether own volume is capped as a leg (default false)
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record CappedGroupVolume(BigDecimal volume, BigDecimal maxPercentPerLeg, Boolean ownVolumeIsLeg,
        String volumeType)
        implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param volume group volume needed
     * @param levels how many levels below count
     * @param compressed whether inactive distributors are skipped (default false)
     * @param tree sponsor (default) or placement
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record LevelGroupVolume(BigDecimal volume, Integer levels, Boolean compressed, String tree,
        String volumeType)
        implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param volume personal group volume needed
     * @param breakawayRank the rank at which a leg breaks away
     * @param includeBreakaway whether the breakaway's own volume counts (default false)
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record PersonalGroupVolume(BigDecimal volume, String breakawayRank, Boolean includeBreakaway,
        String volumeType)
        implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** @param count how many legs with an active distributor */
    record ActiveLegs(Integer count) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param count how many periods paid as the rank or higher
     * @param periods the window; {@code count} (in a row) when absent
     * @param rank the least paid-as rank
     * @param thisPeriod whether the window ends with this period
     */
    record PaidAsInPeriods(Integer count, Integer periods, String rank, Boolean thisPeriod)
        implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param volume the least accumulated personal volume
     * @param periods the window, this period included
     * @param minimumEach the least personal volume of each period
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record AccumulatedVolume(BigDecimal volume, Integer periods, BigDecimal minimumEach,
        String volumeType)
        implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param weak the least volume of the weak side
     * @param strong the least volume of the strong side
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record SideVolume(BigDecimal weak, BigDecimal strong, String volumeType) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param count how many personally sponsored distributors on each side
     * @param rank paid as this rank or higher; absent for active ones
     */
    record SponsoredOnEachSide(Integer count, String rank) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param count how many distributors in each side
     * @param rank paid as this rank or higher
     */
    record RankOnEachSide(Integer count, String rank) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param count how many positions
     * @param levels how many levels of the matrix below the distributor
     * @param active whether only positions of active distributors count (default false)
     */
    record MatrixPositions(Integer count, Integer levels, Boolean active)
        implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** @param days joined at most this many days before the period's last day */
    record JoinedWithinDays(Integer days) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param of the figure: personalVolume, groupVolume, downlineVolume,
     *     activePersonalCustomers, activePersonalDistributors, largestLegPercent or
     *     daysSinceJoined
     * @param atLeast the least value, if any
     * @param atMost the most value, if any
     * @param levels for downlineVolume, the levels below that count (whole downline if absent)
     * @param tree for downlineVolume, sponsor (default) or placement
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    record Range(String of, BigDecimal atLeast, BigDecimal atMost, Integer levels, String tree,
        String volumeType)
        implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** @param paths the alternatives */
    record AnyOf(List<PathJson> paths) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /**
     * @param rule the registered name
     * @param parameters the rule's parameters as text
     */
    @OmitEmpty
    record Host(String rule, Map<String, String> parameters) implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }

    /** A kind the format does not have, already reported by the schema. */
    record Unknown() implements RequirementJson {
      @Override
      public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
      }
    }
  }

  /**
   * @param name the path's name
   * @param requirements its requirements
   */
  public record PathJson(String name, List<RequirementJson> requirements) {}
}
