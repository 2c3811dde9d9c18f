package dev.rankgauge;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  /**
   * Requirements of a whole ladder, counting each one inside an {@code anyOf} path and the
   * {@code anyOf} itself: the rules evaluate each of them for every distributor.
   */
  static final int MAX_REQUIREMENTS = 1_000;
  /** Paths of one {@code anyOf}. */
  static final int MAX_PATHS = 10;
  /** {@code anyOf} inside a path of {@code anyOf}: at most this many levels, the outer one first. */
  static final int MAX_ANY_OF_DEPTH = 3;
  /** Leg slots of one legs-with-volume requirement; each is a figure per distributor. */
  static final int MAX_SLOTS = 100;
  /** Levels of a level group volume or of legs with rank within levels. */
  static final int MAX_LEVELS = 100;
  /**
   * What the rules of a whole ladder keep per distributor during an evaluation, in bytes (see
   * {@link Ladder#bytesPerDistributor}): a plan within it evaluates a million distributors in at
   * most 4 GB beyond the organisation's own figures, whatever it asks.
   */
  static final int MAX_RULE_BYTES = 4_096;
  /**
   * The decimals of a volume type whose decimals the plan does not declare: six, the most an
   * order has ever been allowed, so that every order and plan accepted before plans declared
   * decimals is accepted still. Sums then hold up to about 9.2 * 10^12 of the type (see
   * {@link Builder#volumeDecimals(String, int)}).
   */
  public static final int DEFAULT_VOLUME_DECIMALS = Units.MAX_DECIMALS;

  private final String name;
  private final String version;
  private final String currency;
  private final ZoneId zone;
  private final PeriodKind periodKind;
  private final List<String> volumeTypes;
  private final String qualifyingVolumeType;
  /** The decimals each volume type declares, in the order declared; the others have the default. */
  private final Map<String, Integer> declaredDecimals;
  /** The decimals of every volume type, declared or default, in the order of the types. */
  private final Map<String, Integer> volumeDecimals;
  private final PersonalVolumeRule personalVolume;
  private final ActivityRule customerActivity;
  private final ActivityRule distributorActivity;
  private final List<Rank> ranks;
  private final Map<String, Integer> rankIndex;
  private final TitleRank titleRank;
  private final RankHold rankHold;
  /** The placement tree the plan reads beside the sponsor tree, or null for none. */
  private final PlacementTree placementTree;

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
    this.declaredDecimals = Collections.unmodifiableMap(new LinkedHashMap<>(b.volumeDecimals));
    Map<String, Integer> all = new LinkedHashMap<>();
    for (String t : this.volumeTypes) {
      all.put(t, b.volumeDecimals.getOrDefault(t, DEFAULT_VOLUME_DECIMALS));
    }
    this.volumeDecimals = Collections.unmodifiableMap(all);
    this.personalVolume = b.personalVolume;
    this.customerActivity = b.customerActivity;
    this.distributorActivity = b.distributorActivity;
    this.ranks = untyped(b.ranks, qualifyingVolumeType);
    this.rankIndex = Collections.unmodifiableMap(rankIndex);
    this.titleRank = b.titleRank;
    this.rankHold = b.rankHold;
    this.placementTree = b.placementTree;
  }

  /**
   * The ranks with every requirement's volume type dropped where it is the qualifying type, so
   * that naming the qualifying type and naming none make the same plan (equal, written alike, a
   * personal or group volume one of the four gauges either way). Ranks without such a type are
   * kept as they are.
   */
  private static List<Rank> untyped(List<Rank> ranks, String qualifying) {
    List<Rank> out = new ArrayList<>(ranks.size());
    for (Rank r : ranks) {
      List<Requirement> qs = untypedAll(r.requirements(), qualifying);
      out.add(qs == r.requirements() ? r : new Rank(r.code(), r.name(), qs));
    }
    return List.copyOf(out);
  }

  /** The requirements untyped, or the very list given when none names the qualifying type. */
  private static List<Requirement> untypedAll(List<Requirement> qs, String qualifying) {
    List<Requirement> out = null;
    for (int i = 0; i < qs.size(); i++) {
      Requirement q = qs.get(i);
      Requirement u = untyped(q, qualifying);
      if (u != q && out == null) {
        out = new ArrayList<>(qs.subList(0, i));
      }
      if (out != null) {
        out.add(u);
      }
    }
    return out == null ? qs : List.copyOf(out);
  }

  /**
   * One requirement without a volume type equal to the qualifying type; the paths of an anyOf
   * likewise (recursion follows the plan's nesting of anyOf, at most three deep once built).
   */
  private static Requirement untyped(Requirement q, String qualifying) {
    if (q instanceof Requirement.AnyOf any) {
      List<Requirement.Path> paths = new ArrayList<>();
      boolean changed = false;
      for (Requirement.Path p : any.paths()) {
        List<Requirement> qs = untypedAll(p.requirements(), qualifying);
        changed |= qs != p.requirements();
        paths.add(qs == p.requirements() ? p : new Requirement.Path(p.name(), qs));
      }
      return changed ? new Requirement.AnyOf(paths) : q;
    }
    if (!q.volumeType().map(qualifying::equals).orElse(false)) {
      return q;
    }
    if (q instanceof Requirement.PersonalVolume x) {
      return new Requirement.PersonalVolume(x.volume());
    } else if (q instanceof Requirement.GroupVolume x) {
      return new Requirement.GroupVolume(x.volume());
    } else if (q instanceof Requirement.LegsWithVolume x) {
      return new Requirement.LegsWithVolume(x.slots(), x.tree());
    } else if (q instanceof Requirement.CappedGroupVolume x) {
      return new Requirement.CappedGroupVolume(x.volume(), x.maxPercentPerLeg(),
          x.ownVolumeIsLeg());
    } else if (q instanceof Requirement.LevelGroupVolume x) {
      return new Requirement.LevelGroupVolume(x.volume(), x.levels(), x.compressed(), x.tree());
    } else if (q instanceof Requirement.PersonalGroupVolume x) {
      return new Requirement.PersonalGroupVolume(x.volume(), x.breakawayRank(),
          x.includeBreakaway());
    } else if (q instanceof Requirement.AccumulatedVolume x) {
      return new Requirement.AccumulatedVolume(x.volume(), x.periods(), x.minimumEach());
    } else if (q instanceof Requirement.SideVolume x) {
      return new Requirement.SideVolume(x.weak(), x.strong());
    } else if (q instanceof Requirement.Range x) {
      return new Requirement.Range(x.of(), x.atLeast(), x.atMost(), x.levels(), x.tree());
    }
    throw new IllegalStateException("a volume type on " + q.getClass().getSimpleName());
  }

  /**
   * The volume types the plan's requirements read: the qualifying type first, then those its
   * requirements name ({@link Requirement#volumeType()}), in the order of {@link #volumeTypes()}.
   * An evaluation counts each of them; views show a binary plan's sides in each.
   *
   * @return the qualifying type, and the others read; never empty
   */
  public List<String> volumeTypesRead() {
    List<String> out = new ArrayList<>();
    out.add(qualifyingVolumeType);
    out.addAll(otherVolumeTypesRead());
    return List.copyOf(out);
  }

  /**
   * The volume types other than the qualifying one that the plan's requirements read, in the
   * order of {@link #volumeTypes()}; empty for most plans.
   */
  List<String> otherVolumeTypesRead() {
    java.util.Set<String> read = new java.util.HashSet<>();
    java.util.ArrayDeque<Requirement> todo = new java.util.ArrayDeque<>();
    for (Rank r : ranks) {
      todo.addAll(r.requirements());
    }
    while (!todo.isEmpty()) {
      Requirement q = todo.pop();
      if (q instanceof Requirement.AnyOf any) {
        for (Requirement.Path p : any.paths()) {
          todo.addAll(p.requirements());
        }
      }
      q.volumeType().ifPresent(read::add);
    }
    List<String> out = new ArrayList<>();
    for (String t : volumeTypes) {
      if (read.contains(t) && !t.equals(qualifyingVolumeType)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
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
    b.volumeDecimals.putAll(declaredDecimals);
    b.personalVolume = personalVolume;
    b.customerActivity = customerActivity;
    b.distributorActivity = distributorActivity;
    b.ranks.addAll(ranks);
    b.titleRank = titleRank;
    b.rankHold = rankHold;
    b.placementTree = placementTree;
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

  /**
   * The decimals of each volume type: what the plan declares, {@link #DEFAULT_VOLUME_DECIMALS}
   * for a type it does not. An order volume or a plan figure with more decimals than its type is
   * refused, and an evaluation sums volumes exactly in units of the finest of them, up to about
   * 9.2 * 10^(18 - decimals): 9.2 * 10^16 with two decimals, 9.2 * 10^12 with six.
   *
   * @return decimals by volume type, for every type of {@link #volumeTypes()}, in their order
   */
  public Map<String, Integer> volumeDecimals() {
    return volumeDecimals;
  }

  /**
   * The decimals of one volume type.
   *
   * @param type one of {@link #volumeTypes()}
   * @return its decimals, declared or the default
   * @throws IllegalArgumentException if the plan has no such volume type
   */
  public int volumeDecimals(String type) {
    Integer d = volumeDecimals.get(Checks.notNull(type, "type"));
    if (d == null) {
      throw new IllegalArgumentException("plan " + name + " has no volume type " + type
          + "; its volume types are " + volumeTypes);
    }
    return d;
  }

  /** {@return the decimals the plan declares, type by type, leaving out the types it does not} */
  public Map<String, Integer> declaredVolumeDecimals() {
    return declaredDecimals;
  }

  /** The decimals of an evaluation's units: the finest of the plan's volume types. */
  int decimals() {
    int d = 0;
    for (int v : volumeDecimals.values()) {
      d = Math.max(d, v);
    }
    return d;
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

  /**
   * The placement tree the plan reads beside the sponsor tree: binary or a matrix. Only the rule
   * kinds of the placement tree read it ({@link Requirement#sideVolume},
   * {@link Requirement#sponsoredOnEachSide(int)}, {@link Requirement#rankOnEachSide},
   * {@link Requirement#matrixPositions}) and legs and levels asked of it
   * ({@link Requirement.Tree#PLACEMENT}); an evaluation refuses a position beyond its width.
   *
   * @return the placement tree, or empty for a plan on the sponsor tree alone
   */
  public Optional<PlacementTree> placementTree() {
    return Optional.ofNullable(placementTree);
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
        && volumeDecimals.equals(p.volumeDecimals)
        && personalVolume.equals(p.personalVolume) && customerActivity.equals(p.customerActivity)
        && distributorActivity.equals(p.distributorActivity) && ranks.equals(p.ranks)
        && titleRank == p.titleRank && rankHold.equals(p.rankHold)
        && java.util.Objects.equals(placementTree, p.placementTree);
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
   * {@code PV} with {@link #DEFAULT_VOLUME_DECIMALS} decimals, personal volume from own and
   * customer orders, customers and distributors active
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
    private final Map<String, Integer> volumeDecimals = new LinkedHashMap<>();
    private PersonalVolumeRule personalVolume = PersonalVolumeRule.ownAndCustomerOrders();
    private ActivityRule customerActivity = ActivityRule.orderInPeriod();
    private ActivityRule distributorActivity = ActivityRule.orderInPeriod();
    private final List<Rank> ranks = new ArrayList<>();
    private TitleRank titleRank = TitleRank.HIGHEST_PAID_AS;
    private RankHold rankHold = RankHold.none();
    private PlacementTree placementTree;

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
     * Declares how many decimals volumes of one type have: orders with more are refused (a located
     * problem naming the order), and so are plan figures of the type with more (thresholds,
     * activity minimums, the self-purchase cap). The finest type decides the units every sum of
     * an evaluation is exact in, and so its range: about 9.2 * 10^(18 - decimals), such as
     * 9.2 * 10^16 PV with two decimals. A sum beyond it is a {@link ValidationException} naming
     * the distributor and the limit. A type not declared has {@link #DEFAULT_VOLUME_DECIMALS}.
     * {@link #build()} checks that the type is one of the plan's and the decimals are 0 to 6.
     *
     * @param type one of the plan's volume types, such as {@code PV}
     * @param decimals how many decimals its volumes have, 0 to 6
     * @return this builder
     */
    public Builder volumeDecimals(String type, int decimals) {
      volumeDecimals.put(Checks.notNull(type, "type"), decimals);
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
     * Sets the placement tree the plan reads beside the sponsor tree; none by default. The rule
     * kinds of the placement tree need one, and those of sides need it binary.
     *
     * @param placementTree {@link PlacementTree#binary()} or {@link PlacementTree#matrix(int)}
     * @return this builder
     */
    public Builder placementTree(PlacementTree placementTree) {
      this.placementTree = Checks.notNull(placementTree, "placementTree");
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
     * Checks every setting and builds the plan. Besides each setting, the ladder's size is
     * limited, so that every plan that builds evaluates in bounded memory: at most 1,000
     * requirements (each one inside an {@code anyOf} path counted, and the {@code anyOf}), at
     * most 10 paths per {@code anyOf}, {@code anyOf} nested at most 3 deep, and at most 4,096
     * bytes kept per distributor by the ladder's rules (see docs/plan-format.md, "Limits").
     *
     * @return the plan
     * @throws ValidationException listing every problem, each with the rank and requirement
     */
    public CompPlan build() {
      List<Problem> problems = new ArrayList<>();
      Subject plan = Subject.plan(name);
      if (name.isBlank()) {
        problems.add(Problem.core(plan.field("name"), "plan", "plan.blankName"));
      }
      String where = "plan " + name;
      if (version.isBlank()) {
        problems.add(Problem.core(plan.field("version"), where, "plan.blankVersion"));
      }
      if (!currency.matches("[A-Z]{3}")) {
        problems.add(Problem.core(plan.field("currency"), where, "plan.currency", currency));
      }
      // Defaults are worked out here, not written back, so that the builder stays as the caller
      // left it and can build again after a change.
      List<String> types = volumeTypes.isEmpty()
          ? List.of(qualifyingVolumeType == null ? "PV" : qualifyingVolumeType)
          : List.copyOf(volumeTypes);
      for (int t = 0; t < types.size(); t++) {
        if (types.get(t).isBlank()) {
          problems.add(Problem.core(plan.field("volumeTypes", String.valueOf(t)), where,
              "plan.blankVolumeType"));
        }
      }
      String qualifying = qualifyingVolumeType == null ? types.get(0) : qualifyingVolumeType;
      if (!types.contains(qualifying)) {
        problems.add(Problem.core(plan.field("qualifyingVolumeType"), where,
            "plan.qualifyingVolumeType", qualifying, types.toString()));
      }
      volumeDecimals.forEach((t, d) -> {
        if (!types.contains(t)) {
          problems.add(Problem.core(plan.field("volumeDecimals", t), where,
              "plan.volumeDecimalsType", t, types.toString()));
        } else if (d < 0 || d > Units.MAX_DECIMALS) {
          problems.add(Problem.core(plan.field("volumeDecimals", t), where,
              "plan.volumeDecimalsRange", d, t, Units.MAX_DECIMALS));
        }
      });
      int qualifyingDecimals = decimalsOf(qualifying);
      if (customerActivity instanceof ActivityRule.MinimumVolume m) {
        tooFine(m.volume(), qualifying, qualifyingDecimals, plan.field("customerActivity", "volume"),
            where, problems);
      }
      if (distributorActivity instanceof ActivityRule.MinimumVolume m) {
        tooFine(m.volume(), qualifying, qualifyingDecimals,
            plan.field("distributorActivity", "volume"), where, problems);
      }
      personalVolume.selfPurchaseCap().ifPresent(c -> tooFine(c, qualifying, qualifyingDecimals,
          plan.field("personalVolume", "selfPurchaseCap"), where, problems));
      Map<String, Integer> index = new HashMap<>();
      if (ranks.isEmpty()) {
        problems.add(Problem.core(plan.field("ranks"), where, "plan.noRanks"));
      } else if (ranks.size() > MAX_RANKS) {
        problems.add(Problem.core(plan.field("ranks"), where, "plan.tooManyRanks", ranks.size(),
            MAX_RANKS));
      }
      for (int i = 0; i < ranks.size(); i++) {
        Rank r = ranks.get(i);
        if (index.putIfAbsent(r.code(), i) != null) {
          problems.add(Problem.core(
              Subject.rank(i, r.code()).field("code", String.valueOf(index.get(r.code()))),
              "rank " + r.code(), "rank.codeAgain", r.code(), index.get(r.code()) + 1, i + 1));
        }
      }
      if (!ranks.isEmpty() && !ranks.get(0).requirements().isEmpty()) {
        problems.add(Problem.core(Subject.rank(0, ranks.get(0).code()).field("requirements"),
            "rank " + ranks.get(0).code(), "rank.entryRequirements"));
      }
      List<String> defined = index.keySet().stream()
          .sorted(java.util.Comparator.comparing(index::get)).toList();
      Size size = new Size();
      for (int i = 0; i < ranks.size(); i++) {
        Rank r = ranks.get(i);
        for (int j = 0; j < r.requirements().size(); j++) {
          Subject subject = Subject.requirement(i, r.code(), List.of(j));
          Problem.Part at = Problem.Part.of("location.requirement", r.code(), j + 1);
          // Measured without recursion first, so that an anyOf nested too deep is reported
          // rather than followed.
          if (size.add(r.requirements().get(j), subject, at, problems)) {
            checkRequirement(r.requirements().get(j), subject, at, index, defined, problems,
                placementTree, qualifying, types, this::decimalsOf);
          }
        }
      }
      // Each other volume type a requirement names keeps its own, own-order, group and placement
      // volume per distributor.
      size.bytes += 4L * Long.BYTES * namedTypes(ranks, types, qualifying);
      size.report(plan, where, problems);
      if (!problems.isEmpty()) {
        throw new ValidationException(Problem.CORE, Problem.Part.of("input.plan", name), problems);
      }
      return new CompPlan(this, types, qualifying, index);
    }

    /**
     * How many of the plan's types other than the qualifying one the ranks' requirements name,
     * anyOf paths included (walked with a stack of their own).
     */
    private static int namedTypes(List<Rank> ranks, List<String> types, String qualifying) {
      Set<String> named = new java.util.HashSet<>();
      java.util.ArrayDeque<Requirement> todo = new java.util.ArrayDeque<>();
      ranks.forEach(r -> todo.addAll(r.requirements()));
      while (!todo.isEmpty()) {
        Requirement q = todo.pop();
        if (q instanceof Requirement.AnyOf any) {
          any.paths().forEach(p -> todo.addAll(p.requirements()));
        }
        q.volumeType().filter(t -> types.contains(t) && !t.equals(qualifying))
            .ifPresent(named::add);
      }
      return named.size();
    }

    /** The decimals of a volume type: declared (if in range) or the default. */
    private int decimalsOf(String type) {
      Integer d = volumeDecimals.get(type);
      return d == null || d < 0 || d > Units.MAX_DECIMALS ? DEFAULT_VOLUME_DECIMALS : d;
    }

    /** A problem if a figure of a volume type has more decimals than the type. */
    private static void tooFine(BigDecimal figure, String type, int decimals, Subject subject,
        Object where, List<Problem> problems) {
      int has = Units.decimals(figure);
      if (has > decimals) {
        problems.add(located(subject, where, "plan.figureDecimals", type,
            Checks.shown(figure.stripTrailingZeros()), has, decimals));
      }
    }

    /** One of the core's problems at a place given as text ("plan Acme") or in its words. */
    private static Problem located(Subject subject, Object where, String code,
        Object... arguments) {
      return where instanceof Problem.Part part ? Problem.core(subject, part, code, arguments)
          : Problem.core(subject, (String) where, code, arguments);
    }

    /**
     * Checks one requirement's rank references and host rule, and those of the requirements of
     * each of its paths. Recursion follows the nesting of {@code anyOf} in the plan, a few levels.
     */
    private static void checkRequirement(Requirement q, Subject subject, Problem.Part where,
        Map<String, Integer> index, List<String> defined, List<Problem> problems,
        PlacementTree tree, String qualifying, List<String> types,
        java.util.function.ToIntFunction<String> decimals) {
      if (q instanceof Requirement.AnyOf any) {
        for (int p = 0; p < any.paths().size(); p++) {
          Requirement.Path path = any.paths().get(p);
          for (int k = 0; k < path.requirements().size(); k++) {
            List<Integer> at = new ArrayList<>(subject.requirement());
            at.add(p);
            at.add(k);
            checkRequirement(path.requirements().get(k),
                Subject.requirement(subject.index(), subject.id(), at),
                Problem.Part.of("location.path", where, path.name()), index, defined, problems,
                tree, qualifying, types, decimals);
          }
        }
        return;
      }
      // The type a requirement reads is the one it names or the qualifying type; its figures are
      // checked against that type's decimals.
      String type = q.volumeType().orElse(qualifying);
      if (!types.contains(type)) {
        problems.add(Problem.core(subject.field("volumeType"), where,
            "requirement.unknownVolumeType", type, types.toString()));
      } else {
        int d = decimals.applyAsInt(type);
        for (Units.Figure f : Units.figures(q)) {
          tooFine(f.value(), type, d, subject.field(f.field(), f.key()), where, problems);
        }
      }
      for (String ref : q.rankReferences()) {
        if (!index.containsKey(ref)) {
          problems.add(Problem.core(subject.field(referenceField(q), ref), where,
              "requirement.unknownRank", ref, defined));
        }
      }
      if (q instanceof Requirement.PaidAsInPeriods h && h.thisPeriod()
          && index.getOrDefault(h.rank(), -1) >= subject.index()) {
        problems.add(Problem.core(subject.field("rank"), where, "requirement.notBelow", h.rank(),
            subject.id()));
      }
      int needs = placementNeed(q);
      if (needs > 0 && tree == null) {
        problems.add(Problem.core(subject, where, needs == 2 ? "requirement.needsBinaryTree"
            : "requirement.needsTree", ResultTable.code(q)));
      } else if (needs == 2 && !tree.isBinary()) {
        problems.add(Problem.core(subject, where, "requirement.needsBinary", ResultTable.code(q),
            tree.width()));
      }
      if (q instanceof Requirement.Host c && c.rule().readsUpline()) {
        problems.add(Problem.core(subject.field("rule"), where, "requirement.readsUpline",
            c.name()));
      }
    }

    /**
     * The size of a ladder: how many requirements it has and what its rules keep per
     * distributor, with the breadth and depth of each {@code anyOf} checked on the way.
     */
    private static final class Size {
      private long requirements;
      private long bytes;
      /** Whether a walk stopped early, past the limit: the bytes are then a lower bound. */
      private boolean partial;

      /**
       * Adds one requirement of a rank and everything inside it, walking {@code anyOf} paths with
       * a stack of its own; false if an {@code anyOf} in it is too broad or too deep (a problem
       * then names it).
       */
      boolean add(Requirement top, Subject subject, Problem.Part where, List<Problem> problems) {
        boolean ok = true;
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {top, subject.requirement(), 1, where});
        while (!stack.isEmpty()) {
          Object[] item = stack.pop();
          Requirement q = (Requirement) item[0];
          @SuppressWarnings("unchecked")
          List<Integer> at = (List<Integer>) item[1];
          int depth = (Integer) item[2];
          Problem.Part place = (Problem.Part) item[3];
          requirements++;
          bytes += Ladder.bytesPerDistributor(q);
          if (!(q instanceof Requirement.AnyOf any)) {
            continue;
          }
          Subject s = Subject.requirement(subject.index(), subject.id(), at);
          if (any.paths().size() > MAX_PATHS) {
            problems.add(Problem.core(s.field("paths"), place, "requirement.tooManyPaths",
                any.paths().size(), MAX_PATHS));
            ok = false;
          }
          if (depth > MAX_ANY_OF_DEPTH) {
            problems.add(Problem.core(s, place, "requirement.tooDeep", depth, MAX_ANY_OF_DEPTH));
            ok = false;
            continue; // what lies deeper is not looked at, nor counted
          }
          for (int p = any.paths().size() - 1; p >= 0; p--) {
            Requirement.Path path = any.paths().get(p);
            for (int k = path.requirements().size() - 1; k >= 0; k--) {
              List<Integer> inner = new ArrayList<>(at);
              inner.add(p);
              inner.add(k);
              stack.push(new Object[] {path.requirements().get(k), inner, depth + 1,
                  Problem.Part.of("location.path", place, path.name())});
            }
          }
          if (requirements + stack.size() > MAX_REQUIREMENTS) {
            // Far past the limit already: stop walking, the total below reports it.
            requirements += stack.size();
            partial = true;
            return false;
          }
        }
        return ok;
      }

      void report(Subject plan, String where, List<Problem> problems) {
        if (requirements > MAX_REQUIREMENTS) {
          problems.add(Problem.core(plan.field("ranks"), where, "plan.tooManyRequirements",
              requirements, MAX_REQUIREMENTS));
        }
        if (bytes > MAX_RULE_BYTES) {
          problems.add(Problem.core(plan.field("ranks"), where, partial ? "plan.ruleBytesAtLeast"
              : "plan.ruleBytes", bytes, MAX_RULE_BYTES));
        }
      }
    }

    /** The component of a requirement that holds its rank reference. */
    /**
     * What a kind needs of the plan's placement tree: 0 nothing, 1 a tree, 2 a binary tree.
     */
    private static int placementNeed(Requirement q) {
      return q instanceof Requirement.SideVolume || q instanceof Requirement.SponsoredOnEachSide
          || q instanceof Requirement.RankOnEachSide ? 2
          : q instanceof Requirement.MatrixPositions || tree(q) == Requirement.Tree.PLACEMENT ? 1
          : 0;
    }

    /** The tree a structural requirement reads, null for a kind that reads no legs or levels. */
    static Requirement.Tree tree(Requirement q) {
      return q instanceof Requirement.LegsWithRank l ? l.tree()
          : q instanceof Requirement.LegsWithVolume l ? l.tree()
          : q instanceof Requirement.LevelGroupVolume l ? l.tree()
          : q instanceof Requirement.Range l ? l.tree() : null;
    }

    private static String referenceField(Requirement q) {
      return q instanceof Requirement.Host ? "parameters"
          : q instanceof Requirement.PersonalGroupVolume ? "breakawayRank" : "rank";
    }
  }
}
