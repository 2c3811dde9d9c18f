package dev.rankgauge;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compensation plan, as far as ranks are concerned: volume types, what counts as personal volume,
 * what makes customers and distributors active, and the rank ladder in order from the entry rank
 * up. Build one with {@link #builder(String)}; building checks every setting at once.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CompPlan {
  /** Ranks are held as bytes in evaluation: a ladder has at most this many. */
  static final int MAX_RANKS = 128;

  private final String name;
  private final String version;
  private final String currency;
  private final ZoneId zone;
  private final PeriodKind periodKind;
  private final List<String> volumeTypes;
  private final String qualifyingVolumeType;
  private final PersonalVolumeRule personalVolume;
  private final ActivityRule customerActivity;
  private final ActivityRule distributorActivity;
  private final List<Rank> ranks;
  private final Map<String, Integer> rankIndex;
  private final TitleRank titleRank;
  private final RankHold rankHold;

  /** How long a plan's periods are. */
  public enum PeriodKind {
    /** Calendar months. */
    MONTHLY,
    /** Calendar weeks. */
    WEEKLY,
    /** Four-week periods. */
    FOUR_WEEKLY
  }

  /**
   * What a distributor's title rank is: the highest rank they were ever paid as, or the highest
   * they ever qualified for (which leaves out ranks only held in grace). Either way the title of
   * a period is the higher of the last period's title and this period's rank.
   */
  public enum TitleRank {
    /** The highest paid-as rank, held ranks included. */
    HIGHEST_PAID_AS,
    /** The highest rank whose requirements were met. */
    HIGHEST_QUALIFIED
  }

  private CompPlan(Builder b, List<String> volumeTypes, String qualifyingVolumeType,
      Map<String, Integer> rankIndex) {
    this.name = b.name;
    this.version = b.version;
    this.currency = b.currency;
    this.zone = b.zone;
    this.periodKind = b.periodKind;
    this.volumeTypes = List.copyOf(volumeTypes);
    this.qualifyingVolumeType = qualifyingVolumeType;
    this.personalVolume = b.personalVolume;
    this.customerActivity = b.customerActivity;
    this.distributorActivity = b.distributorActivity;
    this.ranks = List.copyOf(b.ranks);
    this.rankIndex = Collections.unmodifiableMap(rankIndex);
    this.titleRank = b.titleRank;
    this.rankHold = b.rankHold;
  }

  /**
   * A builder for a plan of the given name.
   *
   * @param name the plan's name, not null ({@link Builder#build()} rejects a blank one)
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(Checks.notNull(name, "name"));
  }

  /**
   * A builder holding every setting of this plan, to derive a changed plan.
   *
   * @return a builder holding this plan's settings
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.version = version;
    b.currency = currency;
    b.zone = zone;
    b.periodKind = periodKind;
    b.volumeTypes.addAll(volumeTypes);
    b.qualifyingVolumeType = qualifyingVolumeType;
    b.personalVolume = personalVolume;
    b.customerActivity = customerActivity;
    b.distributorActivity = distributorActivity;
    b.ranks.addAll(ranks);
    b.titleRank = titleRank;
    b.rankHold = rankHold;
    return b;
  }

  /** {@return the plan's name} */
  public String name() {
    return name;
  }

  /** {@return the plan's version label, such as {@code 2026.1}} */
  public String version() {
    return version;
  }

  /** {@return the ISO 4217 code of the plan's currency} */
  public String currency() {
    return currency;
  }

  /** {@return the time zone that decides which period an order falls in} */
  public ZoneId zone() {
    return zone;
  }

  /** {@return how long the plan's periods are} */
  public PeriodKind periodKind() {
    return periodKind;
  }

  /** {@return the volume types every order must carry, in declaration order} */
  public List<String> volumeTypes() {
    return volumeTypes;
  }

  /** {@return the volume type that ranks count (PV or QV), one of {@link #volumeTypes()}} */
  public String qualifyingVolumeType() {
    return qualifyingVolumeType;
  }

  /** {@return what counts as personal volume} */
  public PersonalVolumeRule personalVolume() {
    return personalVolume;
  }

  /** {@return what makes a personal customer active} */
  public ActivityRule customerActivity() {
    return customerActivity;
  }

  /** {@return what makes a distributor active} */
  public ActivityRule distributorActivity() {
    return distributorActivity;
  }

  /** {@return what a distributor's title rank is: highest paid-as or highest qualified} */
  public TitleRank titleRank() {
    return titleRank;
  }

  /** {@return what happens when a distributor qualifies below last period's paid-as rank} */
  public RankHold rankHold() {
    return rankHold;
  }

  /** {@return the ranks from the entry rank up} */
  public List<Rank> ranks() {
    return ranks;
  }

  /**
   * The rank with the given code.
   *
   * @param code the rank's code
   * @return the rank with the given code
   */
  public Optional<Rank> rank(String code) {
    Integer i = rankIndex.get(code);
    return i == null ? Optional.empty() : Optional.of(ranks.get(i));
  }

  /**
   * The position of the rank with the given code in the ladder, 0 for the entry rank, or -1.
   *
   * @param code the rank's code
   * @return the position of the rank with the given code in the ladder, 0 for the entry rank, or -1
   */
  public int rankLevel(String code) {
    return rankIndex.getOrDefault(code, -1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompPlan p
        && name.equals(p.name) && version.equals(p.version) && currency.equals(p.currency)
        && zone.equals(p.zone) && periodKind == p.periodKind && volumeTypes.equals(p.volumeTypes)
        && qualifyingVolumeType.equals(p.qualifyingVolumeType)
        && personalVolume.equals(p.personalVolume) && customerActivity.equals(p.customerActivity)
        && distributorActivity.equals(p.distributorActivity) && ranks.equals(p.ranks)
        && titleRank == p.titleRank && rankHold.equals(p.rankHold);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, version, zone, volumeTypes, ranks);
  }

  @Override
  public String toString() {
    return "CompPlan[" + name + " " + version + ", ranks=" + ranks + "]";
  }

  /**
   * Collects a plan's settings; {@link #build()} checks them all at once. Each setter rejects
   * null at once, naming the parameter. A builder may build any number of plans and be changed in
   * between: building leaves its settings as they were. Not thread-safe.
   * Defaults: version {@code 1}, currency {@code USD}, zone UTC, monthly periods, volume type
   * {@code PV}, personal volume from own and customer orders, customers and distributors active
   * with an order in the period, title rank the highest paid-as rank, no rank hold.
   */
  public static final class Builder {
    private String name;
    private String version = "1";
    private String currency = "USD";
    private ZoneId zone = ZoneId.of("UTC");
    private PeriodKind periodKind = PeriodKind.MONTHLY;
    private final Set<String> volumeTypes = new LinkedHashSet<>();
    private String qualifyingVolumeType;
    private PersonalVolumeRule personalVolume = PersonalVolumeRule.ownAndCustomerOrders();
    private ActivityRule customerActivity = ActivityRule.orderInPeriod();
    private ActivityRule distributorActivity = ActivityRule.orderInPeriod();
    private final List<Rank> ranks = new ArrayList<>();
    private TitleRank titleRank = TitleRank.HIGHEST_PAID_AS;
    private RankHold rankHold = RankHold.none();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the version label.
     *
     * @param version the plan's version label, such as {@code 2026.1}
     * @return this builder
     */
    public Builder version(String version) {
      this.version = Checks.notNull(version, "version");
      return this;
    }

    /**
     * Sets the ISO 4217 currency code.
     *
     * @param currency an ISO 4217 code, such as {@code USD}
     * @return this builder
     */
    public Builder currency(String currency) {
      this.currency = Checks.notNull(currency, "currency");
      return this;
    }

    /**
     * Sets the time zone that decides periods.
     *
     * @param zone the time zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Checks.notNull(zone, "zone");
      return this;
    }

    /**
     * Sets the period kind.
     *
     * @param kind monthly, weekly or four-weekly
     * @return this builder
     */
    public Builder periodKind(PeriodKind kind) {
      this.periodKind = Checks.notNull(kind, "kind");
      return this;
    }

    /**
     * Sets the volume types every order must carry; the first one is the qualifying type unless
     * {@link #qualifyingVolumeType(String)} says otherwise.
     *
     * @param types the volume type codes, such as {@code PV} and {@code CV}; at least one
     * @return this builder
     */
    public Builder volumeTypes(String... types) {
      List<String> checked = Checks.list("volume types", types);
      volumeTypes.clear();
      volumeTypes.addAll(checked);
      return this;
    }

    /**
     * Sets the volume type that ranks count.
     *
     * @param type one of the volume types
     * @return this builder
     */
    public Builder qualifyingVolumeType(String type) {
      this.qualifyingVolumeType = Checks.notNull(type, "type");
      return this;
    }

    /**
     * Sets what counts as personal volume.
     *
     * @param rule what counts as personal volume
     * @return this builder
     */
    public Builder personalVolume(PersonalVolumeRule rule) {
      this.personalVolume = Checks.notNull(rule, "rule");
      return this;
    }

    /**
     * Sets what makes a personal customer active.
     *
     * @param rule when a personal customer is active
     * @return this builder
     */
    public Builder customerActivity(ActivityRule rule) {
      this.customerActivity = Checks.notNull(rule, "rule");
      return this;
    }

    /**
     * Sets what makes a distributor active.
     *
     * @param rule when a distributor is active
     * @return this builder
     */
    public Builder distributorActivity(ActivityRule rule) {
      this.distributorActivity = Checks.notNull(rule, "rule");
      return this;
    }

    /**
     * Sets what a distributor's title rank is.
     *
     * @param titleRank highest paid-as (the default) or highest qualified
     * @return this builder
     */
    public Builder titleRank(TitleRank titleRank) {
      this.titleRank = Checks.notNull(titleRank, "titleRank");
      return this;
    }

    /**
     * Sets what happens when a distributor qualifies below last period's paid-as rank.
     *
     * @param rankHold {@link RankHold#none()} (the default), {@link RankHold#keepPaidAs(int)} or
     *     {@link RankHold#stepDown()}
     * @return this builder
     */
    public Builder rankHold(RankHold rankHold) {
      this.rankHold = Checks.notNull(rankHold, "rankHold");
      return this;
    }

    /**
     * Appends a rank above those added so far; the first rank added is the entry rank.
     *
     * @param rank the next rank up the ladder
     * @return this builder
     */
    public Builder rank(Rank rank) {
      ranks.add(Checks.notNull(rank, "rank"));
      return this;
    }

    /**
     * Appends a rank above those added so far.
     *
     * @param code the rank's code, unique in the plan
     * @param name the plan's name, not null ({@link Builder#build()} rejects a blank one)
     * @param requirements every requirement, none for the entry rank
     * @return this builder
     */
    public Builder rank(String code, String name, Requirement... requirements) {
      return rank(Rank.of(code, name, requirements));
    }

    /**
     * Replaces every rank.
     *
     * @param ranks the ladder, entry rank first
     * @return this builder
     */
    public Builder ranks(List<Rank> ranks) {
      List<Rank> checked = Checks.list(ranks, "ranks");
      this.ranks.clear();
      this.ranks.addAll(checked);
      return this;
    }

    /**
     * Checks every setting and builds the plan.
     *
     * @return the plan
     * @throws ValidationException listing every problem, each with the rank and requirement
     */
    public CompPlan build() {
      List<Problem> problems = new ArrayList<>();
      Subject plan = Subject.plan(name);
      if (name.isBlank()) {
        problems.add(new Problem(plan.field("name"), "plan", "found a blank name; expected the plan's name"));
      }
      String where = "plan " + name;
      if (version.isBlank()) {
        problems.add(new Problem(plan.field("version"), where, "found a blank version; expected the plan's version, such as 1"));
      }
      if (!currency.matches("[A-Z]{3}")) {
        problems.add(new Problem(plan.field("currency"), where,
            "found currency \"" + currency + "\"; expected a three-letter ISO 4217 code such as USD"));
      }
      // Defaults are worked out here, not written back, so that the builder stays as the caller
      // left it and can build again after a change.
      List<String> types = volumeTypes.isEmpty()
          ? List.of(qualifyingVolumeType == null ? "PV" : qualifyingVolumeType)
          : List.copyOf(volumeTypes);
      for (int t = 0; t < types.size(); t++) {
        if (types.get(t).isBlank()) {
          problems.add(new Problem(plan.field("volumeTypes", String.valueOf(t)), where,
              "found a blank volume type name; expected a name such as PV"));
        }
      }
      String qualifying = qualifyingVolumeType == null ? types.get(0) : qualifyingVolumeType;
      if (!types.contains(qualifying)) {
        problems.add(new Problem(plan.field("qualifyingVolumeType"), where,
            "found qualifying volume type " + qualifying + "; expected one of the plan's volume"
            + " types " + types));
      }
      Map<String, Integer> index = new HashMap<>();
      if (ranks.isEmpty()) {
        problems.add(new Problem(plan.field("ranks"), where,
            "found no ranks; expected at least the entry rank"));
      } else if (ranks.size() > MAX_RANKS) {
        problems.add(new Problem(plan.field("ranks"), where, "found " + ranks.size()
            + " ranks in the ladder; expected at most " + MAX_RANKS));
      }
      for (int i = 0; i < ranks.size(); i++) {
        Rank r = ranks.get(i);
        if (index.putIfAbsent(r.code(), i) != null) {
          problems.add(new Problem(
              Subject.rank(i, r.code()).field("code", String.valueOf(index.get(r.code()))),
              "rank " + r.code(),
              "found rank code " + r.code() + " again (ranks " + (index.get(r.code()) + 1)
              + " and " + (i + 1) + " of the ladder); expected each code once"));
        }
      }
      if (!ranks.isEmpty() && !ranks.get(0).requirements().isEmpty()) {
        problems.add(new Problem(Subject.rank(0, ranks.get(0).code()).field("requirements"),
            "rank " + ranks.get(0).code(), "found requirements on the first rank;"
            + " expected none: the first rank is the entry rank every distributor holds; add an"
            + " entry rank below it"));
      }
      List<String> defined = index.keySet().stream()
          .sorted(java.util.Comparator.comparing(index::get)).toList();
      for (int i = 0; i < ranks.size(); i++) {
        Rank r = ranks.get(i);
        for (int j = 0; j < r.requirements().size(); j++) {
          checkRequirement(r.requirements().get(j), Subject.requirement(i, r.code(), List.of(j)),
              "rank " + r.code() + " requirement " + (j + 1), index, defined, problems);
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException("plan " + name, problems);
      }
      return new CompPlan(this, types, qualifying, index);
    }

    /**
     * Checks one requirement's rank references and host rule, and those of the requirements of
     * each of its paths. Recursion follows the nesting of {@code anyOf} in the plan, a few levels.
     */
    private static void checkRequirement(Requirement q, Subject subject, String where,
        Map<String, Integer> index, List<String> defined, List<Problem> problems) {
      if (q instanceof Requirement.AnyOf any) {
        for (int p = 0; p < any.paths().size(); p++) {
          Requirement.Path path = any.paths().get(p);
          for (int k = 0; k < path.requirements().size(); k++) {
            List<Integer> at = new ArrayList<>(subject.requirement());
            at.add(p);
            at.add(k);
            checkRequirement(path.requirements().get(k),
                Subject.requirement(subject.index(), subject.id(), at),
                where + " path " + path.name(), index, defined, problems);
          }
        }
        return;
      }
      for (String ref : q.rankReferences()) {
        if (!index.containsKey(ref)) {
          problems.add(new Problem(subject.field(referenceField(q), ref), where, "found rank "
              + ref + ", which the ladder does not define; expected one of: "
              + String.join(", ", defined)));
        }
      }
      if (q instanceof Requirement.Host c && c.rule().readsUpline()) {
        problems.add(new Problem(subject.field("rule"), where, "found host rule " + c.name()
            + ", which reads the upline; expected a rule that reads only the distributor and"
            + " their downline, as ranks are evaluated bottom-up"));
      }
    }

    /** The component of a requirement that holds its rank reference. */
    private static String referenceField(Requirement q) {
      return q instanceof Requirement.Host ? "parameters"
          : q instanceof Requirement.PersonalGroupVolume ? "breakawayRank" : "rank";
    }
  }
}
