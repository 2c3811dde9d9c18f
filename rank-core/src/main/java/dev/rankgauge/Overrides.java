package dev.rankgauge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Exceptions the company grants by hand for one period, passed to an evaluation beside the
 * history ({@link RankGauge#evaluate(Organisation, CompPlan, Period, java.time.Instant, History,
 * Overrides)}). Four kinds, each for one distributor:
 *
 * <ul>
 *   <li>{@link MinimumRank}: paid as at least this rank, whatever they qualify for;
 *   <li>{@link Waiver}: one requirement of one rank counts as met for them. A requirement is
 *       named by its rank's code and its number among that rank's requirements, from 1, in the
 *       plan's order (the numbering of the plan file and of the test kit); an {@code anyOf} is
 *       one requirement, and waiving it waives every path;
 *   <li>{@link NotCompressed}: kept out of compression even when inactive, so they take a level
 *       in "group volume of the first N levels, compressed";
 *   <li>{@link CountedActive}: counted as active whatever the plan's activity rule says, by
 *       their sponsor, legs and compression alike. This is how a waived activity rule is given.
 * </ul>
 *
 * <p>The evaluation names every override of a distributor in their result
 * ({@link DistributorResult#overrides()}), trace and period record
 * ({@link PeriodRecord#overridesApplied()}). An override naming a distributor the organisation
 * lacks, a rank the plan lacks or a requirement the rank lacks fails the evaluation with a
 * {@link ValidationException} listing every such problem, each with a {@link Subject} of kind
 * {@link Subject.Kind#OVERRIDE} whose index is the override's position in {@link #entries()}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Overrides {
  private static final Overrides NONE = new Overrides(List.of());

  private final List<Entry> entries;

  private Overrides(List<Entry> entries) {
    this.entries = entries;
  }

  /** {@return no overrides} */
  public static Overrides none() {
    return NONE;
  }

  /**
   * Overrides of the given entries, in their order.
   *
   * @param entries the overrides
   * @return the overrides
   */
  public static Overrides of(List<Entry> entries) {
    List<Entry> list = Checks.list(new ArrayList<Entry>(Checks.notNull(entries, "entries")),
        "entries");
    return list.isEmpty() ? NONE : new Overrides(list);
  }

  /** {@return a builder of no overrides yet} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return every override, in the order given} */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The overrides of one distributor.
   *
   * @param distributorId the distributor's id
   * @return their overrides in the order given; empty for none
   */
  public List<Entry> entries(String distributorId) {
    Checks.notNull(distributorId, "distributorId");
    return entries.stream().filter(e -> e.distributorId().equals(distributorId)).toList();
  }

  /**
   * Checks these overrides against an organisation and plan as an evaluation does, without
   * evaluating: for a reader of override files to report problems before the evaluation.
   *
   * @param organisation the organisation the overrides' distributors belong to
   * @param plan the plan whose ranks and requirements they name
   * @throws ValidationException listing every override that names a distributor the
   *     organisation lacks, a rank the plan lacks or a requirement the rank lacks, or repeats one;
   *     each problem's {@link Subject} is of kind {@link Subject.Kind#OVERRIDE}, its index the
   *     override's position in {@link #entries()} and its field the one at fault
   *     ({@code distributorId}, {@code rank}, {@code requirement}, or empty for a repeat)
   */
  public void check(Organisation organisation, CompPlan plan) {
    OverrideIndex.of(Checks.notNull(organisation, "organisation"), Checks.notNull(plan, "plan"),
        this);
  }

  /** {@return whether there is no override} */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Overrides other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "Overrides" + entries;
  }

  /** One override: what is granted, and to whom. */
  public sealed interface Entry permits MinimumRank, Waiver, NotCompressed, CountedActive {
    /** {@return the distributor granted the override} */
    String distributorId();

    /**
     * The override in the short form a period record keeps and files write, without the
     * distributor: {@code minimum_rank SLV}, {@code waive GLD 2}, {@code not_compressed},
     * {@code active}.
     *
     * @return the short form
     */
    String code();

    /** {@return the override in words, such as "paid as at least SLV"} */
    String describe();

    /**
     * The override in words in a language: Spanish for {@code es} ("cobra como mínimo SLV"),
     * English for any other locale; {@link Locale#ROOT} gives {@link #describe()}.
     *
     * @param locale the language
     * @return the override in words in that language
     */
    default String describe(Locale locale) {
      Phrase p;
      if (this instanceof MinimumRank m) {
        p = Phrase.of("override.describe.minimumRank", m.rank());
      } else if (this instanceof Waiver w) {
        p = Phrase.of("override.describe.waive", w.rank(), w.requirement());
      } else if (this instanceof NotCompressed) {
        p = Phrase.of("override.describe.notCompressed");
      } else {
        p = Phrase.of("override.describe.active");
      }
      return p.text(Checks.notNull(locale, "locale"));
    }
  }

  /**
   * Paid as at least {@code rank}: the paid-as rank is the higher of this and what the
   * distributor qualifies for (or holds under the plan's {@link RankHold}). The rank qualified
   * for is unchanged, so a plan whose titles follow the rank qualified for gives no title for it.
   *
   * @param distributorId the distributor
   * @param rank the code of the lowest rank they are paid as
   */
  public record MinimumRank(String distributorId, String rank) implements Entry {
    /**
     * Checks the fields.
     *
     * @param distributorId the distributor
     * @param rank the code of the lowest rank they are paid as
     */
    public MinimumRank {
      Checks.id(distributorId, "distributorId");
      Checks.id(rank, "rank");
    }

    @Override
    public String code() {
      return "minimum_rank " + rank;
    }

    @Override
    public String describe() {
      return "paid as at least " + rank;
    }
  }

  /**
   * Requirement number {@code requirement} of rank {@code rank} counts as met for the distributor.
   *
   * @param distributorId the distributor
   * @param rank the code of the rank whose requirement is waived
   * @param requirement the requirement's number among the rank's requirements, from 1, in the
   *     plan's order
   */
  public record Waiver(String distributorId, String rank, int requirement) implements Entry {
    /**
     * Checks the fields.
     *
     * @param distributorId the distributor
     * @param rank the code of the rank whose requirement is waived
     * @param requirement the requirement's number, from 1
     */
    public Waiver {
      Checks.id(distributorId, "distributorId");
      Checks.id(rank, "rank");
      Checks.positive(requirement, "requirement");
    }

    @Override
    public String code() {
      return "waive " + rank + " " + requirement;
    }

    @Override
    public String describe() {
      return "requirement " + requirement + " of " + rank + " waived";
    }
  }

  /**
   * Kept out of compression even when inactive: in a requirement on the group volume of the
   * first levels, compressed, the distributor takes a level as an active one would.
   *
   * @param distributorId the distributor
   */
  public record NotCompressed(String distributorId) implements Entry {
    /**
     * Checks the id.
     *
     * @param distributorId the distributor
     */
    public NotCompressed {
      Checks.id(distributorId, "distributorId");
    }

    @Override
    public String code() {
      return "not_compressed";
    }

    @Override
    public String describe() {
      return "kept out of compression";
    }
  }

  /**
   * Counted as active whatever the plan's activity rule says: the activity rule is waived for
   * the distributor, for their own result and for everyone counting them.
   *
   * @param distributorId the distributor
   */
  public record CountedActive(String distributorId) implements Entry {
    /**
     * Checks the id.
     *
     * @param distributorId the distributor
     */
    public CountedActive {
      Checks.id(distributorId, "distributorId");
    }

    @Override
    public String code() {
      return "active";
    }

    @Override
    public String describe() {
      return "counted as active";
    }
  }

  /** Collects overrides; not thread-safe. Each call checks its own arguments. */
  public static final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    /**
     * Pays a distributor as at least a rank.
     *
     * @param distributorId the distributor
     * @param rank the rank's code
     * @return this builder
     */
    public Builder minimumRank(String distributorId, String rank) {
      return add(new MinimumRank(distributorId, rank));
    }

    /**
     * Waives a requirement for a distributor.
     *
     * @param distributorId the distributor
     * @param rank the rank's code
     * @param requirement the requirement's number in the rank, from 1
     * @return this builder
     */
    public Builder waive(String distributorId, String rank, int requirement) {
      return add(new Waiver(distributorId, rank, requirement));
    }

    /**
     * Keeps a distributor out of compression.
     *
     * @param distributorId the distributor
     * @return this builder
     */
    public Builder notCompressed(String distributorId) {
      return add(new NotCompressed(distributorId));
    }

    /**
     * Counts a distributor as active.
     *
     * @param distributorId the distributor
     * @return this builder
     */
    public Builder countAsActive(String distributorId) {
      return add(new CountedActive(distributorId));
    }

    /**
     * Adds an override.
     *
     * @param entry the override
     * @return this builder
     */
    public Builder add(Entry entry) {
      entries.add(Objects.requireNonNull(entry, "entry must not be null"));
      return this;
    }

    /** {@return the overrides added, in order} */
    public Overrides build() {
      return of(entries);
    }
  }
}
