package dev.rankgauge;

import dev.rankgauge.spi.QualificationRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One requirement of a rank. The closed set of built-in kinds covers what real plans use; a host's
 * own rule plugs in as {@link Host}. Every kind reports the same {@link RequirementStatus}
 * shape, so gap reports and gauges treat built-in and host rules alike.
 *
 * <p>Volumes are of the plan's qualifying volume type unless the requirement names its own
 * ({@link #volumeType()}, set with {@link #ofType}: "600 BV on the weak side" in a plan that ranks
 * by PV), from 0 to below 10<sup>15</sup> with at most
 * six decimals once trailing zeros are stripped (a {@link Range} of a volume may go below zero, to
 * above -10<sup>15</sup>); a factory throws {@link IllegalArgumentException} at once for any
 * other. Rank codes refer to ranks of the same plan.
 */
public sealed interface Requirement {

  // --- the four gauges -------------------------------------------------------------------------

  /**
   * At least this much personal volume. Drives the personal sales gauge.
   *
   * @param volume the least personal volume
   * @return the requirement
   */
  static Requirement personalVolume(BigDecimal volume) {
    return new PersonalVolume(volume);
  }

  /**
   * At least this much personal volume of a named type, such as {@code "BV"}; the personal sales
   * gauge where the type is the plan's qualifying type.
   *
   * @param volume the least personal volume
   * @param volumeType one of the plan's volume types
   * @return the requirement
   */
  static Requirement personalVolume(BigDecimal volume, String volumeType) {
    return new PersonalVolume(volume, Optional.of(Checks.notNull(volumeType, "volumeType")));
  }

  /**
   * At least this much group volume, whole downline. Drives the group sales gauge.
   *
   * @param volume the least group volume
   * @return the requirement
   */
  static Requirement groupVolume(BigDecimal volume) {
    return new GroupVolume(volume);
  }

  /**
   * At least this much group volume of a named type, such as {@code "BV"}; the group sales gauge
   * where the type is the plan's qualifying type.
   *
   * @param volume the least group volume
   * @param volumeType one of the plan's volume types
   * @return the requirement
   */
  static Requirement groupVolume(BigDecimal volume, String volumeType) {
    return new GroupVolume(volume, Optional.of(Checks.notNull(volumeType, "volumeType")));
  }

  /**
   * At least this many active personal customers. Drives the customers gauge.
   *
   * @param count how many active personal customers; at least 1
   * @return the requirement
   */
  static Requirement activePersonalCustomers(int count) {
    return new ActivePersonalCustomers(count);
  }

  /**
   * At least this many active personally sponsored distributors. Drives the distributors gauge.
   *
   * @param count how many active personally sponsored distributors; at least 1
   * @return the requirement
   */
  static Requirement activePersonalDistributors(int count) {
    return new ActivePersonalDistributors(count);
  }

  // --- structural rules ------------------------------------------------------------------------

  /**
   * At least {@code count} personally sponsored distributors paid as {@code rank} or higher.
   *
   * @param count how many personally sponsored distributors; at least 1
   * @param rank the rank code they must be paid as, or higher
   * @return the requirement
   */
  static Requirement sponsoredWithRank(int count, String rank) {
    return new SponsoredWithRank(count, rank);
  }

  /**
   * At least {@code count} legs each containing someone paid as {@code rank} or higher, anywhere in
   * the leg. Narrow it with {@link LegsWithRank#frontLine()} or {@link LegsWithRank#withinLevels},
   * count title ranks with {@link LegsWithRank#byTitle()}, and the legs of the placement tree with
   * {@link LegsWithRank#onTree}: {@code legsWithRank(2, "EXE").withinLevels(3).byTitle()}.
   *
   * @param count how many legs; at least 1
   * @param rank the rank code someone in the leg must be paid as, or higher
   * @return the requirement
   */
  static LegsWithRank legsWithRank(int count, String rank) {
    return new LegsWithRank(count, rank, LegReach.ANYWHERE, 0, RankBasis.PAID_AS, Tree.SPONSOR);
  }

  /**
   * At least {@code count} legs each with group volume of {@code volume} or more. Read the legs
   * of the placement tree with {@link LegsWithVolume#onTree}.
   *
   * @param count how many legs; 1 to 100
   * @param volume the least group volume of each leg
   * @return the requirement
   */
  static LegsWithVolume legsWithVolume(int count, BigDecimal volume) {
    Checks.positive(count, "leg count");
    Checks.atMost(count, CompPlan.MAX_SLOTS, "leg count");
    return new LegsWithVolume(Collections.nCopies(count, volume));
  }

  /**
   * Legs filling slots of different thresholds, such as one leg of 10,000, one of 20,000 and one of
   * 30,000; met where any assignment of distinct legs to slots meets every slot. Read the legs of
   * the placement tree with {@link LegsWithVolume#onTree}.
   *
   * @param slots the least group volume of each leg slot; 1 to 100 of them, none negative
   * @return the requirement
   */
  static LegsWithVolume legsWithVolumes(List<BigDecimal> slots) {
    return new LegsWithVolume(slots);
  }

  /**
   * At least {@code volume} group volume where no leg contributes more than {@code maxPercentPerLeg}
   * percent of {@code volume}.
   *
   * @param volume the least group volume after the cap
   * @param maxPercentPerLeg at most this percent of {@code volume} counts from any one leg (0-100]
   * @param ownVolumeIsLeg whether the distributor's own personal volume is capped as a leg
   * @return the requirement
   */
  static Requirement cappedGroupVolume(BigDecimal volume, BigDecimal maxPercentPerLeg,
      boolean ownVolumeIsLeg) {
    return new CappedGroupVolume(volume, maxPercentPerLeg, ownVolumeIsLeg);
  }

  /**
   * At least {@code volume} of group volume from the distributor and the first {@code levels}
   * levels below them. With {@code compressed}, inactive distributors take no level: their
   * downline moves up a level, and their own volume counts at the level of the nearest active
   * distributor above them. Count the levels of the placement tree with
   * {@link LevelGroupVolume#onTree}.
   *
   * @param volume the least group volume of the first {@code levels} levels
   * @param levels how many levels below the distributor count; 1 to 100
   * @param compressed whether inactive distributors are skipped when counting levels; a skipped
   *     distributor's own volume still counts, at the level of the nearest active distributor above
   *     them (or the distributor themselves)
   * @return the requirement
   */
  static LevelGroupVolume levelGroupVolume(BigDecimal volume, int levels, boolean compressed) {
    return new LevelGroupVolume(volume, levels, compressed, Tree.SPONSOR);
  }

  /**
   * At least {@code volume} of personal group volume: group volume down to the first distributor
   * paid as {@code breakawayRank} or higher in each leg.
   *
   * @param volume the least personal group volume
   * @param breakawayRank the rank at which a leg breaks away
   * @param includeBreakaway whether the breakaway distributor's own personal volume still counts
   * @return the requirement
   */
  static Requirement personalGroupVolume(BigDecimal volume, String breakawayRank,
      boolean includeBreakaway) {
    return new PersonalGroupVolume(volume, breakawayRank, includeBreakaway);
  }

  /**
   * At least {@code count} legs with at least one active distributor.
   *
   * @param count how many legs with an active distributor; at least 1
   * @return the requirement
   */
  static Requirement activeLegs(int count) {
    return new ActiveLegs(count);
  }

  // --- the placement tree: plans with a binary or matrix tree (CompPlan.placementTree) --------

  /**
   * At least {@code weak} volume on the weak side of the binary placement tree and at least
   * {@code strong} on the strong side ("a cycle is 300 on one side and 600 on the other"). A
   * side's volume is the personal volume of everyone placed in it, in the qualifying volume type
   * (customers' orders counting for their distributor as the plan's personal volume says); the
   * weak side is the side with less. Equal thresholds ask that much on each side. Needs a plan
   * with a binary placement tree.
   *
   * @param weak the least volume of the weak side
   * @param strong the least volume of the strong side
   * @return the requirement
   */
  static Requirement sideVolume(BigDecimal weak, BigDecimal strong) {
    return new SideVolume(weak, strong);
  }

  /**
   * {@link #sideVolume(BigDecimal, BigDecimal)} in a named volume type: "600 BV on the weak side
   * and 300 BV on the strong side" in a plan that ranks by PV.
   *
   * @param weak the least volume of the weak side
   * @param strong the least volume of the strong side
   * @param volumeType one of the plan's volume types
   * @return the requirement
   */
  static Requirement sideVolume(BigDecimal weak, BigDecimal strong, String volumeType) {
    return new SideVolume(weak, strong, Optional.of(Checks.notNull(volumeType, "volumeType")));
  }

  /**
   * At least {@code count} active personally sponsored distributors on each side of the binary
   * placement tree ("one active personally enrolled member on the left and one on the right").
   * Needs a plan with a binary placement tree.
   *
   * @param count how many on each side; at least 1
   * @return the requirement
   */
  static Requirement sponsoredOnEachSide(int count) {
    return new SponsoredOnEachSide(count, Optional.empty());
  }

  /**
   * At least {@code count} personally sponsored distributors paid as {@code rank} or higher on
   * each side of the binary placement tree. Needs a plan with a binary placement tree.
   *
   * @param count how many on each side; at least 1
   * @param rank the least paid-as rank
   * @return the requirement
   */
  static Requirement sponsoredOnEachSide(int count, String rank) {
    return new SponsoredOnEachSide(count, Optional.of(Checks.notNull(rank, "rank")));
  }

  /**
   * At least {@code count} distributors paid as {@code rank} or higher anywhere in each side of
   * the binary placement tree, whoever sponsored them. Needs a plan with a binary placement tree,
   * and an organisation where everyone with a sponsor is placed below their sponsor, so that
   * both trees can be decided from the bottom up in one pass.
   *
   * @param count how many in each side; at least 1
   * @param rank the least paid-as rank
   * @return the requirement
   */
  static Requirement rankOnEachSide(int count, String rank) {
    return new RankOnEachSide(count, rank);
  }

  /**
   * At least {@code count} positions filled in the first {@code levels} levels of the
   * distributor's matrix (the placement tree below them), or with {@code active}, held by an
   * active distributor. Needs a plan with a placement tree.
   *
   * @param count how many positions; at least 1
   * @param levels how many levels below the distributor; 1 to 100
   * @param active whether only positions of active distributors count
   * @return the requirement
   */
  static Requirement matrixPositions(int count, int levels, boolean active) {
    return new MatrixPositions(count, levels, active);
  }

  // --- bounds: at least, at most, between ---------------------------------------------------

  /**
   * At least {@code least} of a figure, such as {@code atLeast(Figure.DOWNLINE_VOLUME, 1000)}.
   * Volumes may be negative (a figure net of returns); counts and days are whole numbers.
   *
   * @param of the figure
   * @param least the least value that meets the requirement
   * @return the requirement
   */
  static Range atLeast(Figure of, BigDecimal least) {
    Checks.notNull(of, "of");
    return new Range(of, Optional.of(Checks.notNull(least, "least")), Optional.empty(), 0,
        Tree.SPONSOR);
  }

  /**
   * At most {@code most} of a figure, such as "at most 50% of group volume from the largest leg":
   * {@code atMost(Figure.LARGEST_LEG_PERCENT, 50)}. Its gap is how much to lose.
   *
   * @param of the figure
   * @param most the most that still meets the requirement
   * @return the requirement
   */
  static Range atMost(Figure of, BigDecimal most) {
    Checks.notNull(of, "of");
    return new Range(of, Optional.empty(), Optional.of(Checks.notNull(most, "most")), 0,
        Tree.SPONSOR);
  }

  /**
   * From {@code least} to {@code most} of a figure, both included, such as a fast-start window of
   * 31 to 60 days since joining: {@code between(Figure.DAYS_SINCE_JOINED, 31, 60)}.
   *
   * @param of the figure
   * @param least the least value that meets the requirement
   * @param most the most that still meets it, at least {@code least}
   * @return the requirement
   */
  static Range between(Figure of, BigDecimal least, BigDecimal most) {
    Checks.notNull(of, "of");
    return new Range(of, Optional.of(Checks.notNull(least, "least")),
        Optional.of(Checks.notNull(most, "most")), 0, Tree.SPONSOR);
  }

  /**
   * At least {@code volume} of downline volume: group volume without the distributor's own
   * personal volume. Narrow it to the first levels with {@link Range#withinLevels}, read the
   * placement tree with {@link Range#onTree}.
   *
   * @param volume the least downline volume; may be negative
   * @return the requirement
   */
  static Range downlineVolume(BigDecimal volume) {
    Checks.notNull(volume, "volume");
    return atLeast(Figure.DOWNLINE_VOLUME, volume);
  }

  // --- over several periods: read the History an evaluation is given --------------------------

  /**
   * Paid as {@code rank} or higher in at least {@code count} of the last {@code periods} periods.
   * With {@code thisPeriod} the window ends with this period, which counts when the distributor
   * meets every requirement of {@code rank} now (the rank must then be below the one that asks);
   * without, it is the last {@code periods} closed periods. A period missing from the history
   * does not count.
   *
   * @param count how many periods, at least 1
   * @param periods the window, at least {@code count}
   * @param rank the least paid-as rank
   * @param thisPeriod whether the window ends with this period rather than the last closed one
   * @return the requirement
   */
  static Requirement paidAsInPeriods(int count, int periods, String rank, boolean thisPeriod) {
    return new PaidAsInPeriods(count, periods, rank, thisPeriod);
  }

  /**
   * Paid as {@code rank} or higher in each of {@code periods} periods in a row, ending with this
   * period or with the last closed one: {@code paidAsInPeriods(periods, periods, rank,
   * thisPeriod)}.
   *
   * @param periods how many periods in a row, at least 1
   * @param rank the least paid-as rank
   * @param thisPeriod whether the run ends with this period rather than the last closed one
   * @return the requirement
   */
  static Requirement paidAsInRow(int periods, String rank, boolean thisPeriod) {
    return new PaidAsInPeriods(periods, periods, rank, thisPeriod);
  }

  /**
   * At least {@code volume} personal volume accumulated over this period and the
   * {@code periods - 1} closed periods before it, and, if given, at least {@code minimumEach} in
   * each of them.
   *
   * @param volume the least accumulated personal volume
   * @param periods the window, this period included, at least 1
   * @param minimumEach the least personal volume of each period of the window, if any
   * @return the requirement
   */
  static Requirement accumulatedVolume(BigDecimal volume, int periods,
      Optional<BigDecimal> minimumEach) {
    return new AccumulatedVolume(volume, periods, minimumEach);
  }

  /**
   * At least {@code volume} personal volume of a named type, such as {@code "BV"}, over this
   * period and the {@code periods - 1} closed periods before it, and, if given, at least
   * {@code minimumEach} of it in each of them. The closed periods must hold that type
   * ({@link PeriodRecord#personalVolumes()}).
   *
   * @param volume the least accumulated personal volume of the type
   * @param periods the window, this period included, at least 1
   * @param minimumEach the least personal volume of the type in each period of the window, if any
   * @param volumeType one of the plan's volume types
   * @return the requirement
   */
  static Requirement accumulatedVolume(BigDecimal volume, int periods,
      Optional<BigDecimal> minimumEach, String volumeType) {
    return new AccumulatedVolume(volume, periods, minimumEach,
        Optional.of(Checks.notNull(volumeType, "volumeType")));
  }

  /**
   * A new distributor: joined at most {@code days} days before the period's last day, as
   * fast-start ranks ask.
   *
   * @param days how many days, at least 0
   * @return the requirement
   */
  static Requirement joinedWithinDays(int days) {
    return new JoinedWithinDays(days);
  }

  /**
   * Met by meeting every requirement of any one of the paths (at least two).
   *
   * @param paths the alternatives, at least two
   * @return the requirement
   */
  static Requirement anyOf(List<Path> paths) {
    return new AnyOf(paths);
  }

  /**
   * Met by meeting every requirement of any one of the paths (at least two).
   *
   * @param paths the alternatives, at least two
   * @return the requirement
   */
  static Requirement anyOf(Path... paths) {
    return new AnyOf(Checks.list("paths", paths));
  }

  /**
   * One way of reaching a rank, for {@link #anyOf}: every requirement must be met.
   *
   * @param name the path's name, such as "A"
   * @param requirements every requirement of the path, at least one
   * @return the path
   */
  static Path path(String name, Requirement... requirements) {
    return new Path(name, Checks.list("requirements of path " + name, requirements));
  }

  /**
   * A host rule, registered under {@code name} and created with {@code parameters}.
   *
   * @param name the rule's registered name, as plan files use it
   * @param parameters the parameters it was created with, kept for plan files
   * @param rule the rule itself
   * @return the requirement
   */
  static Host host(String name, Map<String, String> parameters, QualificationRule rule) {
    return new Host(name, parameters, rule);
  }

  /**
   * The volume type this requirement reads, when it names one; empty for the plan's qualifying
   * type, and for every kind that reads no volume. A plan keeps a type only where it differs from
   * its qualifying type ({@link CompPlan.Builder#build()} drops one equal to it, so that naming
   * the qualifying type and naming none are the same plan), and refuses one that is not among its
   * {@link CompPlan#volumeTypes()}.
   *
   * @return the volume type named, if any
   */
  default Optional<String> volumeType() {
    return Optional.empty();
  }

  /**
   * This requirement reading volume of the given type (such as {@code "BV"}) instead of the plan's
   * qualifying type. Only the kinds that read volume take a type: personal, group, capped group,
   * level group, personal group, accumulated and side volume, legs with volume, and a
   * {@link Range} of a volume figure. A personal or group volume of a named type is not one of
   * the four gauges ({@link #metric()} is empty): it is a requirement like any other.
   *
   * @param volumeType one of the plan's volume types; not blank
   * @return the requirement with that type
   * @throws IllegalArgumentException for a kind that reads no volume, or a blank type
   */
  default Requirement ofType(String volumeType) {
    throw new IllegalArgumentException(getClass().getSimpleName()
        + " reads no volume and takes no volume type");
  }

  /**
   * A sentence for people in English with numbers written plain, such as "at least 500 group PV":
   * the sentence of gap reports and traces. The same as {@code describe(volumeType, Locale.ROOT)}.
   *
   * @param volumeType the plan's qualifying volume type, used in the sentence
   * @return a sentence for people, such as "at least 500 group PV"
   */
  default String describe(String volumeType) {
    return describe(volumeType, Locale.ROOT);
  }

  /**
   * A sentence for people in the given language, with numbers formatted for it: "at least 1,500
   * group PV", "al menos 1.500 PV de grupo". English and Spanish are built in; any other locale
   * gets English, and {@link Locale#ROOT} English with numbers written plain. Counts agree with
   * their nouns ("1 active personal customer", "2 active personal customers"), and a threshold of
   * zero reads "any amount of", never "at least 0". A host rule's sentence is its own
   * ({@link QualificationRule#describe()}), whatever the locale.
   *
   * @param volumeType the plan's qualifying volume type, used in the sentence
   * @param locale the language and number format
   * @return the sentence
   */
  default String describe(String volumeType, Locale locale) {
    return Words.of(locale).describe(this, volumeType);
  }

  /** {@return the gauge this requirement drives, if it is one of the four gauge thresholds} */
  default Optional<Metric> metric() {
    return Optional.empty();
  }

  /**
   * For one of the four gauge thresholds, the value of its metric that meets it (a volume, or a
   * count of people); empty for every other kind.
   *
   * @return the threshold's value, or empty for a structural or host requirement
   */
  default Optional<BigDecimal> metricThreshold() {
    return Optional.empty();
  }

  /** {@return the rank codes this requirement refers to, for plan validation} */
  default List<String> rankReferences() {
    return List.of();
  }

  /**
   * Calls the method of {@code visitor} for this requirement's kind. Every place in RankGauge that
   * treats requirements by kind goes through a {@link Visitor}, so that a new kind does not compile
   * until each of them covers it.
   *
   * @param <R> what the visitor returns
   * @param visitor one method per kind
   * @return what the visitor's method for this kind returned
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of requirement, for code that treats each kind its own way (compiling it
   * for an evaluation, writing it to a file). The set of kinds is closed, so this interface grows
   * with it: adding a kind adds a method here, and the compiler then names every visitor that
   * does not handle it yet. See "Adding a requirement kind" in {@code docs/design.md}.
   *
   * @param <R> what each method returns
   */
  interface Visitor<R> {
    /**
     * Visits a personal volume threshold.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(PersonalVolume requirement);

    /**
     * Visits a group volume threshold.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(GroupVolume requirement);

    /**
     * Visits a count of active personal customers.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(ActivePersonalCustomers requirement);

    /**
     * Visits a count of active personal distributors.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(ActivePersonalDistributors requirement);

    /**
     * Visits sponsored distributors with a rank.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(SponsoredWithRank requirement);

    /**
     * Visits legs with a rank.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(LegsWithRank requirement);

    /**
     * Visits legs with volume.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(LegsWithVolume requirement);

    /**
     * Visits group volume capped per leg.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(CappedGroupVolume requirement);

    /**
     * Visits group volume of the first levels.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(LevelGroupVolume requirement);

    /**
     * Visits personal group volume.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(PersonalGroupVolume requirement);

    /**
     * Visits legs with an active distributor.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(ActiveLegs requirement);

    /**
     * Visits paid as a rank in some of the last periods.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(PaidAsInPeriods requirement);

    /**
     * Visits personal volume accumulated over periods.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(AccumulatedVolume requirement);

    /**
     * Visits a new distributor.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(JoinedWithinDays requirement);

    /**
     * Visits a volume on each side of the binary placement tree.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(SideVolume requirement);

    /**
     * Visits personally sponsored distributors on each side.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(SponsoredOnEachSide requirement);

    /**
     * Visits distributors of a rank in each side.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(RankOnEachSide requirement);

    /**
     * Visits positions of the matrix.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(MatrixPositions requirement);

    /**
     * Visits bounds on a figure.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(Range requirement);

    /**
     * Visits alternative paths.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(AnyOf requirement);

    /**
     * Visits a host rule.
     *
     * @param requirement the requirement
     * @return the visitor's result
     */
    R visit(Host requirement);
  }

  // --- kinds -----------------------------------------------------------------------------------

  /**
   * @param volume minimum personal volume
   * @param volumeType the volume type read, if not the plan's qualifying type
   */
  record PersonalVolume(BigDecimal volume, Optional<String> volumeType) implements Requirement {
    /**
     * Checks the threshold and the type.
     *
     * @param volume the least personal volume
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    public PersonalVolume {
      Checks.volume(volume, "personal volume threshold");
      Checks.volumeType(volumeType);
    }

    /**
     * Personal volume of the plan's qualifying type.
     *
     * @param volume the least personal volume
     */
    public PersonalVolume(BigDecimal volume) {
      this(volume, Optional.empty());
    }

    @Override
    public PersonalVolume ofType(String volumeType) {
      return new PersonalVolume(volume, Optional.of(Checks.notNull(volumeType, "volumeType")));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    /** {@return the personal sales gauge, or empty for a volume of a named type} */
    @Override
    public Optional<Metric> metric() {
      return volumeType.isPresent() ? Optional.empty() : Optional.of(Metric.PERSONAL_SALES);
    }

    /** {@return the volume, or empty for a volume of a named type} */
    @Override
    public Optional<BigDecimal> metricThreshold() {
      return volumeType.isPresent() ? Optional.empty() : Optional.of(volume);
    }
  }

  /**
   * @param volume minimum group volume
   * @param volumeType the volume type read, if not the plan's qualifying type
   */
  record GroupVolume(BigDecimal volume, Optional<String> volumeType) implements Requirement {
    /**
     * Checks the threshold and the type.
     *
     * @param volume the least group volume
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    public GroupVolume {
      Checks.volume(volume, "group volume threshold");
      Checks.volumeType(volumeType);
    }

    /**
     * Group volume of the plan's qualifying type.
     *
     * @param volume the least group volume
     */
    public GroupVolume(BigDecimal volume) {
      this(volume, Optional.empty());
    }

    @Override
    public GroupVolume ofType(String volumeType) {
      return new GroupVolume(volume, Optional.of(Checks.notNull(volumeType, "volumeType")));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    /** {@return the group sales gauge, or empty for a volume of a named type} */
    @Override
    public Optional<Metric> metric() {
      return volumeType.isPresent() ? Optional.empty() : Optional.of(Metric.GROUP_SALES);
    }

    /** {@return the volume, or empty for a volume of a named type} */
    @Override
    public Optional<BigDecimal> metricThreshold() {
      return volumeType.isPresent() ? Optional.empty() : Optional.of(volume);
    }
  }

  /** @param count minimum active personal customers */
  record ActivePersonalCustomers(int count) implements Requirement {
    /**
     * Checks the count.
     *
     * @param count how many active personal customers; at least 1
     */
    public ActivePersonalCustomers {
      Checks.nonNegative(count, "active personal customers");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    @Override
    public Optional<Metric> metric() {
      return Optional.of(Metric.ACTIVE_PERSONAL_CUSTOMERS);
    }

    @Override
    public Optional<BigDecimal> metricThreshold() {
      return Optional.of(BigDecimal.valueOf(count));
    }
  }

  /** @param count minimum active personally sponsored distributors */
  record ActivePersonalDistributors(int count) implements Requirement {
    /**
     * Checks the count.
     *
     * @param count how many active personally sponsored distributors; at least 1
     */
    public ActivePersonalDistributors {
      Checks.nonNegative(count, "active personal distributors");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    @Override
    public Optional<Metric> metric() {
      return Optional.of(Metric.ACTIVE_PERSONAL_DISTRIBUTORS);
    }

    @Override
    public Optional<BigDecimal> metricThreshold() {
      return Optional.of(BigDecimal.valueOf(count));
    }
  }

  /**
   * @param count how many personally sponsored distributors
   * @param rank the rank code they must be paid as, or higher
   */
  record SponsoredWithRank(int count, String rank) implements Requirement {
    /**
     * Checks both fields.
     *
     * @param count how many personally sponsored distributors
     * @param rank the rank code they must be paid as, or higher
     */
    public SponsoredWithRank {
      Checks.positive(count, "sponsored distributor count");
      Checks.id(rank, "rank code");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    @Override
    public List<String> rankReferences() {
      return List.of(rank);
    }
  }

  /** Where in a leg the qualifying person may sit. */
  enum LegReach {
    /** Anywhere in the leg. */
    ANYWHERE,
    /** Only the leg's first distributor, the personally sponsored one. */
    FRONT_LINE,
    /** Within the first k levels of the leg (the front line is level 1). */
    WITHIN_LEVELS
  }

  /** Which rank of a downline distributor counts. */
  enum RankBasis {
    /** This period's paid-as rank. */
    PAID_AS,
    /** The title (highest ever) rank where the host supplied it, else this period's paid-as rank. */
    TITLE,
    /** The paid-as rank of the last closed period in the history; none without one. */
    LAST_PERIOD
  }

  /**
   * The tree a structural requirement reads: legs, levels and front line are those of the sponsor
   * tree (who sponsored whom), or those of the plan's placement tree (who is placed under whom,
   * binary or matrix; a leg is then the subtree at one position).
   */
  enum Tree {
    /** The sponsor tree: the default. */
    SPONSOR,
    /** The plan's placement tree; needs a plan with one ({@link CompPlan#placementTree()}). */
    PLACEMENT
  }

  /** A figure of a distributor that a {@link Range} bounds. */
  enum Figure {
    /** Personal volume, as the plan counts it; negative when returns exceed orders. */
    PERSONAL_VOLUME,
    /** Group volume: personal volume and the whole downline's. */
    GROUP_VOLUME,
    /**
     * Downline volume: group volume without the distributor's own personal volume, of the whole
     * downline or of the first levels ({@link Range#withinLevels}), in the sponsor tree or the
     * placement tree ({@link Range#onTree}).
     */
    DOWNLINE_VOLUME,
    /** Active personal customers, a count. */
    ACTIVE_PERSONAL_CUSTOMERS,
    /** Active personally sponsored distributors, a count. */
    ACTIVE_PERSONAL_DISTRIBUTORS,
    /**
     * The group volume of the largest leg as a percent of the distributor's group volume, 0 to
     * 100 (0 without group volume or legs): "at most 50% from one leg".
     */
    LARGEST_LEG_PERCENT,
    /** Days from joining to the period's last day, a count: fast-start windows. */
    DAYS_SINCE_JOINED;

    /** {@return whether the figure is a volume: of the qualifying type, or of the range's own} */
    public boolean isVolume() {
      return this == PERSONAL_VOLUME || this == GROUP_VOLUME || this == DOWNLINE_VOLUME;
    }

    /** {@return whether the figure is a whole number: people or days} */
    public boolean isCount() {
      return this == ACTIVE_PERSONAL_CUSTOMERS || this == ACTIVE_PERSONAL_DISTRIBUTORS
          || this == DAYS_SINCE_JOINED;
    }
  }

  /**
   * @param count how many legs
   * @param rank the rank code someone in each leg must hold, or higher
   * @param reach where in the leg that someone may sit
   * @param levels for {@link LegReach#WITHIN_LEVELS}, how many levels (at least 1); else 0
   * @param basis paid-as or title rank
   * @param tree the tree whose legs count: the sponsor tree, or the placement tree (a leg is then
   *     the placement subtree at one position, its front line the distributor placed there)
   */
  record LegsWithRank(int count, String rank, LegReach reach, int levels, RankBasis basis,
      Tree tree) implements Requirement {
    /**
     * Checks every field.
     *
     * @param count how many legs; at least 1
     * @param rank the rank code someone in the leg must be paid as, or higher
     * @param reach where in the leg that someone may sit
     * @param levels for {@link LegReach#WITHIN_LEVELS}, how many levels (at least 1); else 0
     * @param basis paid-as or title rank
     * @param tree the tree whose legs count
     */
    public LegsWithRank {
      Checks.positive(count, "leg count");
      Checks.id(rank, "rank code");
      Checks.notNull(reach, "leg reach");
      Checks.notNull(basis, "rank basis");
      Checks.notNull(tree, "tree");
      if (reach == LegReach.WITHIN_LEVELS) {
        Checks.positive(levels, "levels");
        Checks.atMost(levels, CompPlan.MAX_LEVELS, "levels");
      } else if (levels != 0) {
        throw new IllegalArgumentException("levels apply only to WITHIN_LEVELS, found " + levels
            + " with " + reach);
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    /**
     * Legs of the sponsor tree.
     *
     * @param count how many legs; at least 1
     * @param rank the rank code someone in the leg must be paid as, or higher
     * @param reach where in the leg that someone may sit
     * @param levels for {@link LegReach#WITHIN_LEVELS}, how many levels (at least 1); else 0
     * @param basis paid-as or title rank
     */
    public LegsWithRank(int count, String rank, LegReach reach, int levels, RankBasis basis) {
      this(count, rank, reach, levels, basis, Tree.SPONSOR);
    }

    /** {@return this requirement reaching only the front line} */
    public LegsWithRank frontLine() {
      return new LegsWithRank(count, rank, LegReach.FRONT_LINE, 0, basis, tree);
    }

    /**
     * This requirement counting the legs of the given tree.
     *
     * @param tree the sponsor tree or the placement tree
     * @return this requirement on that tree
     */
    public LegsWithRank onTree(Tree tree) {
      return new LegsWithRank(count, rank, reach, levels, basis, tree);
    }

    /**
     * This requirement reaching only the first {@code k} levels of each leg.
     *
     * @param k how many levels below the distributor a leg's qualifier may be; 1 to 100
     * @return this requirement reaching only the first {@code k} levels of each leg
     */
    public LegsWithRank withinLevels(int k) {
      return new LegsWithRank(count, rank, LegReach.WITHIN_LEVELS, k, basis, tree);
    }

    /** {@return this requirement counting title ranks where known} */
    public LegsWithRank byTitle() {
      return new LegsWithRank(count, rank, reach, levels, RankBasis.TITLE, tree);
    }

    /** {@return this requirement counting paid-as ranks of the last closed period} */
    public LegsWithRank byLastPeriod() {
      return new LegsWithRank(count, rank, reach, levels, RankBasis.LAST_PERIOD, tree);
    }

    @Override
    public List<String> rankReferences() {
      return List.of(rank);
    }
  }

  /**
   * @param slots one volume threshold per leg needed; legs are matched to slots, largest first
   * @param tree the tree whose legs count: the sponsor tree (a leg's volume is the group volume of
   *     a personally sponsored distributor), or the placement tree (the volume of everyone placed
   *     in the subtree at one position)
   * @param volumeType the volume type read, if not the plan's qualifying type
   */
  record LegsWithVolume(List<BigDecimal> slots, Tree tree, Optional<String> volumeType)
      implements Requirement {
    /**
     * Checks the slots and keeps them sorted, largest first.
     *
     * @param slots the least group volume of each leg slot; at least one, none negative
     * @param tree the tree whose legs count
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    public LegsWithVolume {
      Checks.notNull(tree, "tree");
      Checks.volumeType(volumeType);
      Checks.list(slots, "leg volume slots");
      if (slots.isEmpty()) {
        throw new IllegalArgumentException("leg volume slots must not be empty");
      }
      Checks.atMost(slots.size(), CompPlan.MAX_SLOTS, "leg volume slots");
      List<BigDecimal> sorted = new ArrayList<>();
      for (BigDecimal s : slots) {
        sorted.add(Checks.volume(s, "leg volume threshold"));
      }
      sorted.sort(Collections.reverseOrder());
      slots = List.copyOf(sorted);
    }

    /**
     * Legs of the sponsor tree.
     *
     * @param slots the least group volume of each leg slot; at least one, none negative
     */
    public LegsWithVolume(List<BigDecimal> slots) {
      this(slots, Tree.SPONSOR, Optional.empty());
    }

    /**
     * Legs of the given tree, in the plan's qualifying volume type.
     *
     * @param slots the least group volume of each leg slot; at least one, none negative
     * @param tree the tree whose legs count
     */
    public LegsWithVolume(List<BigDecimal> slots, Tree tree) {
      this(slots, tree, Optional.empty());
    }

    @Override
    public LegsWithVolume ofType(String volumeType) {
      return new LegsWithVolume(slots, tree, Optional.of(Checks.notNull(volumeType, "volumeType")));
    }


    /**
     * This requirement counting the legs of the given tree.
     *
     * @param tree the sponsor tree or the placement tree
     * @return this requirement on that tree
     */
    public LegsWithVolume onTree(Tree tree) {
      return new LegsWithVolume(slots, tree, volumeType);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

  }

  /**
   * @param volume the group volume needed
   * @param maxPercentPerLeg at most this percent of {@code volume} counts from any one leg (0-100]
   * @param ownVolumeIsLeg whether the distributor's own personal volume is capped as a leg
   * @param volumeType the volume type read, if not the plan's qualifying type
   */
  record CappedGroupVolume(BigDecimal volume, BigDecimal maxPercentPerLeg, boolean ownVolumeIsLeg,
      Optional<String> volumeType) implements Requirement {
    /**
     * Checks every field.
     *
     * @param volume the least group volume after the cap
     * @param maxPercentPerLeg at most this percent of {@code volume} counts from any one leg
     *     (0-100]
     * @param ownVolumeIsLeg whether the distributor's own personal volume is capped as a leg
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    public CappedGroupVolume {
      Checks.volume(volume, "capped group volume threshold");
      Checks.volumeType(volumeType);
      Checks.notNull(maxPercentPerLeg, "max percent per leg");
      if (maxPercentPerLeg.signum() <= 0 || maxPercentPerLeg.compareTo(BigDecimal.valueOf(100)) > 0
          || Units.withinMaxDecimals(maxPercentPerLeg) == null) {
        throw new IllegalArgumentException("maximum percent per leg must be in (0, 100] with at"
            + " most " + Units.MAX_DECIMALS + " decimals: " + Checks.shown(maxPercentPerLeg));
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    /**
     * Capped group volume of the plan's qualifying type.
     *
     * @param volume the least group volume after the cap
     * @param maxPercentPerLeg at most this percent of {@code volume} counts from any one leg
     *     (0-100]
     * @param ownVolumeIsLeg whether the distributor's own personal volume is capped as a leg
     */
    public CappedGroupVolume(BigDecimal volume, BigDecimal maxPercentPerLeg,
        boolean ownVolumeIsLeg) {
      this(volume, maxPercentPerLeg, ownVolumeIsLeg, Optional.empty());
    }

    @Override
    public CappedGroupVolume ofType(String volumeType) {
      return new CappedGroupVolume(volume, maxPercentPerLeg, ownVolumeIsLeg,
          Optional.of(Checks.notNull(volumeType, "volumeType")));
    }

    /** {@return the most any one leg may contribute: {@code volume * maxPercentPerLeg / 100}} */
    public BigDecimal capPerLeg() {
      BigDecimal cap = volume.multiply(maxPercentPerLeg).movePointLeft(2).stripTrailingZeros();
      return cap.scale() < 0 ? cap.setScale(0) : cap;
    }

  }

  /**
   * @param volume the group volume needed
   * @param levels how many levels below the distributor count (at least 1)
   * @param compressed whether inactive distributors are skipped when counting levels; a skipped
   *     distributor's own volume still counts, at the level of the nearest active distributor above
   *     them (or the distributor themselves)
   * @param tree the tree whose levels count: the sponsor tree, or the placement tree
   * @param volumeType the volume type read, if not the plan's qualifying type
   */
  record LevelGroupVolume(BigDecimal volume, int levels, boolean compressed, Tree tree,
      Optional<String> volumeType) implements Requirement {
    /**
     * Checks every field.
     *
     * @param volume the least group volume of the first {@code levels} levels
     * @param levels how many levels below the distributor count; at least 1
     * @param compressed whether inactive distributors are skipped when counting levels; a skipped
     *     distributor's own volume still counts, at the level of the nearest active distributor
     *     above them (or the distributor themselves)
     * @param tree the tree whose levels count
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    public LevelGroupVolume {
      Checks.volumeType(volumeType);
      Checks.volume(volume, "level group volume threshold");
      Checks.positive(levels, "levels");
      Checks.atMost(levels, CompPlan.MAX_LEVELS, "levels");
      Checks.notNull(tree, "tree");
    }

    /**
     * Levels of the sponsor tree.
     *
     * @param volume the least group volume of the first {@code levels} levels
     * @param levels how many levels below the distributor count; at least 1
     * @param compressed whether inactive distributors are skipped when counting levels
     */
    public LevelGroupVolume(BigDecimal volume, int levels, boolean compressed) {
      this(volume, levels, compressed, Tree.SPONSOR, Optional.empty());
    }

    /**
     * Levels of the given tree, in the plan's qualifying volume type.
     *
     * @param volume the least group volume of the first {@code levels} levels
     * @param levels how many levels below the distributor count; at least 1
     * @param compressed whether inactive distributors are skipped when counting levels
     * @param tree the tree whose levels count
     */
    public LevelGroupVolume(BigDecimal volume, int levels, boolean compressed, Tree tree) {
      this(volume, levels, compressed, tree, Optional.empty());
    }

    @Override
    public LevelGroupVolume ofType(String volumeType) {
      return new LevelGroupVolume(volume, levels, compressed, tree,
          Optional.of(Checks.notNull(volumeType, "volumeType")));
    }


    /**
     * This requirement counting the levels of the given tree.
     *
     * @param tree the sponsor tree or the placement tree
     * @return this requirement on that tree
     */
    public LevelGroupVolume onTree(Tree tree) {
      return new LevelGroupVolume(volume, levels, compressed, tree, volumeType);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

  }

  /**
   * @param volume the personal group volume needed
   * @param breakawayRank the rank at which a leg breaks away
   * @param includeBreakaway whether the breakaway distributor's own personal volume still counts
   * @param volumeType the volume type read, if not the plan's qualifying type
   */
  record PersonalGroupVolume(BigDecimal volume, String breakawayRank, boolean includeBreakaway,
      Optional<String> volumeType) implements Requirement {
    /**
     * Checks every field.
     *
     * @param volume the least personal group volume
     * @param breakawayRank the rank at which a leg breaks away
     * @param includeBreakaway whether the breakaway distributor's own personal volume still counts
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    public PersonalGroupVolume {
      Checks.volume(volume, "personal group volume threshold");
      Checks.id(breakawayRank, "breakaway rank code");
      Checks.volumeType(volumeType);
    }

    /**
     * Personal group volume of the plan's qualifying type.
     *
     * @param volume the least personal group volume
     * @param breakawayRank the rank at which a leg breaks away
     * @param includeBreakaway whether the breakaway distributor's own personal volume still counts
     */
    public PersonalGroupVolume(BigDecimal volume, String breakawayRank,
        boolean includeBreakaway) {
      this(volume, breakawayRank, includeBreakaway, Optional.empty());
    }

    @Override
    public PersonalGroupVolume ofType(String volumeType) {
      return new PersonalGroupVolume(volume, breakawayRank, includeBreakaway,
          Optional.of(Checks.notNull(volumeType, "volumeType")));
    }


    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    @Override
    public List<String> rankReferences() {
      return List.of(breakawayRank);
    }
  }

  /** @param count how many legs with at least one active distributor */
  record ActiveLegs(int count) implements Requirement {
    /**
     * Checks the count.
     *
     * @param count how many legs with an active distributor; at least 1
     */
    public ActiveLegs {
      Checks.positive(count, "active leg count");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

  }

  /**
   * @param count how many periods paid as the rank or higher
   * @param periods the window, at least {@code count}
   * @param rank the least paid-as rank
   * @param thisPeriod whether the window ends with this period rather than the last closed one
   */
  record PaidAsInPeriods(int count, int periods, String rank, boolean thisPeriod)
      implements Requirement {
    /**
     * Checks the counts and the rank.
     *
     * @param count how many periods, at least 1
     * @param periods the window, at least {@code count}, at most 120
     * @param rank the least paid-as rank
     * @param thisPeriod whether the window ends with this period
     */
    public PaidAsInPeriods {
      Checks.positive(count, "count of periods");
      if (periods < count || periods > 120) {
        throw new IllegalArgumentException("window of " + periods + " periods must hold the "
            + count + " periods asked for and be at most 120 periods");
      }
      Checks.id(rank, "rank");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }


    @Override
    public List<String> rankReferences() {
      return List.of(rank);
    }
  }

  /**
   * @param volume the least accumulated personal volume
   * @param periods the window, this period included
   * @param minimumEach the least personal volume of each period of the window, if any
   * @param volumeType the volume type read, if not the plan's qualifying type: this period's
   *     personal volume of that type and each closed period's
   *     ({@link PeriodRecord#personalVolumes()})
   */
  record AccumulatedVolume(BigDecimal volume, int periods, Optional<BigDecimal> minimumEach,
      Optional<String> volumeType) implements Requirement {
    /**
     * Checks the volumes and the window.
     *
     * @param volume the least accumulated personal volume, not negative
     * @param periods the window, this period included, 1 to 120
     * @param minimumEach the least personal volume of each period, not negative, if any
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    public AccumulatedVolume {
      Checks.volume(volume, "accumulated volume threshold");
      if (periods < 1 || periods > 120) {
        throw new IllegalArgumentException("window of " + periods + " periods must be 1 to 120");
      }
      Checks.notNull(minimumEach, "minimumEach");
      minimumEach.ifPresent(m -> Checks.volume(m, "minimum volume of each period"));
      Checks.volumeType(volumeType);
    }

    /**
     * Accumulated personal volume of the plan's qualifying type.
     *
     * @param volume the least accumulated personal volume, not negative
     * @param periods the window, this period included, 1 to 120
     * @param minimumEach the least personal volume of each period, not negative, if any
     */
    public AccumulatedVolume(BigDecimal volume, int periods, Optional<BigDecimal> minimumEach) {
      this(volume, periods, minimumEach, Optional.empty());
    }

    @Override
    public AccumulatedVolume ofType(String volumeType) {
      return new AccumulatedVolume(volume, periods, minimumEach,
          Optional.of(Checks.notNull(volumeType, "volumeType")));
    }


    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

  }

  /** @param days joined at most this many days before the period's last day */
  record JoinedWithinDays(int days) implements Requirement {
    /**
     * Checks the days.
     *
     * @param days 0 or more
     */
    public JoinedWithinDays {
      Checks.nonNegative(days, "days");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

  }

  /**
   * @param weak the least volume of the weak side of the binary placement tree
   * @param strong the least volume of the strong side
   * @param volumeType the volume type read, if not the plan's qualifying type
   */
  record SideVolume(BigDecimal weak, BigDecimal strong, Optional<String> volumeType)
      implements Requirement {
    /**
     * Checks the thresholds and the type.
     *
     * @param weak the least volume of the weak side
     * @param strong the least volume of the strong side
     * @param volumeType the volume type read, if not the plan's qualifying type
     */
    public SideVolume {
      Checks.volume(weak, "weak side volume threshold");
      Checks.volume(strong, "strong side volume threshold");
      Checks.volumeType(volumeType);
    }

    /**
     * Side volumes of the plan's qualifying type.
     *
     * @param weak the least volume of the weak side
     * @param strong the least volume of the strong side
     */
    public SideVolume(BigDecimal weak, BigDecimal strong) {
      this(weak, strong, Optional.empty());
    }

    @Override
    public SideVolume ofType(String volumeType) {
      return new SideVolume(weak, strong, Optional.of(Checks.notNull(volumeType, "volumeType")));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * @param count how many personally sponsored distributors on each side of the binary placement
   *     tree
   * @param rank the least paid-as rank; empty for active ones
   */
  record SponsoredOnEachSide(int count, Optional<String> rank) implements Requirement {
    /**
     * Checks the count and the rank.
     *
     * @param count how many on each side; at least 1
     * @param rank the least paid-as rank; empty for active ones
     */
    public SponsoredOnEachSide {
      Checks.positive(count, "count on each side");
      Checks.notNull(rank, "rank");
      rank.ifPresent(r -> Checks.id(r, "rank"));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    @Override
    public List<String> rankReferences() {
      return rank.map(List::of).orElse(List.of());
    }
  }

  /**
   * @param count how many distributors of the rank or higher in each side of the binary placement
   *     tree
   * @param rank the least paid-as rank
   */
  record RankOnEachSide(int count, String rank) implements Requirement {
    /**
     * Checks the count and the rank.
     *
     * @param count how many in each side; at least 1
     * @param rank the least paid-as rank
     */
    public RankOnEachSide {
      Checks.positive(count, "count in each side");
      Checks.id(rank, "rank");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    @Override
    public List<String> rankReferences() {
      return List.of(rank);
    }
  }

  /**
   * @param count how many positions
   * @param levels how many levels of the placement tree below the distributor
   * @param active whether only positions of active distributors count
   */
  record MatrixPositions(int count, int levels, boolean active) implements Requirement {
    /**
     * Checks the count and the levels.
     *
     * @param count how many positions; at least 1
     * @param levels how many levels below the distributor; 1 to 100
     * @param active whether only positions of active distributors count
     */
    public MatrixPositions {
      Checks.positive(count, "count of positions");
      Checks.positive(levels, "levels");
      Checks.atMost(levels, CompPlan.MAX_LEVELS, "levels");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * @param of the figure bounded
   * @param atLeast the least value that meets the requirement, if any
   * @param atMost the most that still meets it, if any; at least one of the two is given
   * @param levels for {@link Figure#DOWNLINE_VOLUME}, the levels below the distributor that count
   *     (1 to 100), or 0 for the whole downline; 0 for every other figure
   * @param tree for {@link Figure#DOWNLINE_VOLUME}, the tree whose downline counts; the sponsor
   *     tree for every other figure
   * @param volumeType for a volume figure ({@link Figure#isVolume()}), the volume type read if
   *     not the plan's qualifying type; empty for every other figure
   */
  record Range(Figure of, Optional<BigDecimal> atLeast, Optional<BigDecimal> atMost, int levels,
      Tree tree, Optional<String> volumeType) implements Requirement {
    /**
     * Checks every field: a bound at least; bounds in order; volumes below 10<sup>15</sup> in
     * magnitude with at most six decimals (negative allowed); counts and days whole, not
     * negative; a percent 0 to 100; levels and tree for downline volume only.
     *
     * @param of the figure bounded
     * @param atLeast the least value, if any
     * @param atMost the most value, if any
     * @param levels for downline volume, 1 to 100 levels, or 0 for the whole downline
     * @param tree for downline volume, the sponsor or the placement tree
     * @param volumeType for a volume figure, the type read if not the qualifying type
     */
    public Range {
      Checks.notNull(of, "of");
      Checks.volumeType(volumeType);
      if (volumeType.isPresent() && !of.isVolume()) {
        throw new IllegalArgumentException("a volume type applies only to a volume figure, found "
            + volumeType.get() + " with " + of);
      }
      Checks.notNull(atLeast, "atLeast");
      Checks.notNull(atMost, "atMost");
      Checks.notNull(tree, "tree");
      if (atLeast.isEmpty() && atMost.isEmpty()) {
        throw new IllegalArgumentException("a range of " + of + " needs at least or at most");
      }
      atLeast = atLeast.map(v -> bound(of, v, "least " + of));
      atMost = atMost.map(v -> bound(of, v, "most " + of));
      if (atLeast.isPresent() && atMost.isPresent()
          && atLeast.get().compareTo(atMost.get()) > 0) {
        throw new IllegalArgumentException("least " + of + " " + Checks.shown(atLeast.get())
            + " is above the most, " + Checks.shown(atMost.get()));
      }
      if (levels != 0) {
        if (of != Figure.DOWNLINE_VOLUME) {
          throw new IllegalArgumentException("levels apply only to DOWNLINE_VOLUME, found "
              + levels + " with " + of);
        }
        Checks.positive(levels, "levels");
        Checks.atMost(levels, CompPlan.MAX_LEVELS, "levels");
      }
      if (tree != Tree.SPONSOR && of != Figure.DOWNLINE_VOLUME) {
        throw new IllegalArgumentException("a tree applies only to DOWNLINE_VOLUME, found "
            + tree + " with " + of);
      }
    }

    /**
     * A range of the plan's qualifying volume type (or of a figure that is no volume).
     *
     * @param of the figure bounded
     * @param atLeast the least value, if any
     * @param atMost the most value, if any
     * @param levels for downline volume, 1 to 100 levels, or 0 for the whole downline
     * @param tree for downline volume, the sponsor or the placement tree
     */
    public Range(Figure of, Optional<BigDecimal> atLeast, Optional<BigDecimal> atMost, int levels,
        Tree tree) {
      this(of, atLeast, atMost, levels, tree, Optional.empty());
    }

    /**
     * This range reading volume of the given type.
     *
     * @param volumeType one of the plan's volume types
     * @return the range of that type
     * @throws IllegalArgumentException for a figure that is no volume
     */
    @Override
    public Range ofType(String volumeType) {
      return new Range(of, atLeast, atMost, levels, tree,
          Optional.of(Checks.notNull(volumeType, "volumeType")));
    }

    private static BigDecimal bound(Figure of, BigDecimal v, String what) {
      if (of.isVolume()) {
        BigDecimal within = Units.withinMaxDecimals(v);
        if (!Checks.fits(v, 15) || within == null) {
          throw new IllegalArgumentException(what + " " + Checks.shown(v) + " is out of range;"
              + " expected a volume above -10^15 and below 10^15 with at most "
              + Units.MAX_DECIMALS + " decimals");
        }
        return within;
      }
      if (of.isCount()) {
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || !Checks.fits(v, 9)) {
          throw new IllegalArgumentException(what + " " + Checks.shown(v) + " is out of range;"
              + " expected a whole number from 0 to 999,999,999");
        }
        return v.setScale(0, RoundingMode.UNNECESSARY);
      }
      BigDecimal within = Units.withinMaxDecimals(v);
      if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || within == null) {
        throw new IllegalArgumentException(what + " " + Checks.shown(v) + " is out of range;"
            + " expected a percent from 0 to 100 with at most " + Units.MAX_DECIMALS
            + " decimals");
      }
      return within;
    }

    /**
     * Downline volume of the first {@code k} levels below the distributor only.
     *
     * @param k how many levels, 1 to 100
     * @return this requirement over the first k levels
     * @throws IllegalArgumentException for a figure other than downline volume
     */
    public Range withinLevels(int k) {
      return new Range(of, atLeast, atMost, k, tree, volumeType);
    }

    /**
     * Downline volume of the given tree.
     *
     * @param tree the sponsor or the placement tree
     * @return this requirement on that tree
     * @throws IllegalArgumentException for a figure other than downline volume and a tree other
     *     than the sponsor tree
     */
    public Range onTree(Tree tree) {
      return new Range(of, atLeast, atMost, levels, tree, volumeType);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /**
   * A named set of requirements, one way of reaching a rank.
   *
   * @param name the path's name, such as "A"
   * @param requirements every requirement of the path, at least one
   */
  record Path(String name, List<Requirement> requirements) {
    /**
     * Checks and copies.
     *
     * @param name the path's name, such as "A"
     * @param requirements every requirement of the path, at least one
     */
    public Path {
      Checks.id(name, "path name");
      requirements = Checks.list(requirements, "requirements of path " + name);
      if (requirements.isEmpty()) {
        throw new IllegalArgumentException("path " + name + " has no requirements");
      }
    }
  }

  /** @param paths alternative requirement sets, at least two */
  record AnyOf(List<Path> paths) implements Requirement {
    /**
     * Checks and copies.
     *
     * @param paths the alternatives, at least two
     */
    public AnyOf {
      paths = Checks.list(paths, "paths");
      if (paths.size() < 2) {
        throw new IllegalArgumentException("anyOf needs at least two paths, found " + paths.size());
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    @Override
    public List<String> rankReferences() {
      List<String> refs = new ArrayList<>();
      for (Path p : paths) {
        for (Requirement r : p.requirements()) {
          refs.addAll(r.rankReferences());
        }
      }
      return List.copyOf(refs);
    }
  }

  /**
   * A host rule: the host's own requirement, written against the {@link QualificationRule} SPI and
   * registered by name in a {@link RuleRegistry}. Plan files call it {@code "host"} too.
   *
   * @param name the name the rule is registered under
   * @param parameters the parameters it was created with, kept for plan files
   * @param rule the rule itself
   */
  record Host(String name, Map<String, String> parameters, QualificationRule rule)
      implements Requirement {
    /**
     * Checks and copies.
     *
     * @param name the rule's registered name, as plan files use it
     * @param parameters the parameters it was created with, kept for plan files
     * @param rule the rule itself
     */
    public Host {
      Checks.id(name, "rule name");
      parameters = Collections.unmodifiableMap(new TreeMap<>(Checks.notNull(parameters, "parameters")));
      Checks.notNull(rule, "rule");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }

    /**
     * Equal when registered under the same name with the same parameters: the rule is what the
     * factory made of them, so a plan read back from a file equals the plan it was written from.
     */
    @Override
    public boolean equals(Object o) {
      return o instanceof Host c && name.equals(c.name) && parameters.equals(c.parameters);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + parameters.hashCode();
    }

    @Override
    public List<String> rankReferences() {
      return rule.rankReferences();
    }
  }
}
