package dev.rankgauge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Every distributor's figures of an {@link Evaluation}, read column by column: the way to export
 * a whole organisation. Row {@code i} is the {@code i}-th distributor in input order (as in
 * {@link Organisation#distributors()}). Nothing is built per distributor beyond the values asked
 * for: no {@link DistributorResult}, {@link Gauge} scale or focus list, so a writer that reads a
 * million rows pays for what it writes and nothing else.
 *
 * <p>Get one with {@link Evaluation#table()}. This class is immutable and thread-safe: rows may
 * be read from several threads at once, for instance to format chunks of them in parallel.
 */
public final class ResultTable {
  /** Rows are gathered {@code 2^BLOCK_BITS} at a time; see {@link Block}. */
  private static final int BLOCK_BITS = 12;
  private static final int BLOCK_MASK = (1 << BLOCK_BITS) - 1;
  private static final Metric[] METRICS = Metric.values();

  private final Computation computation;
  private final ResultAssembler assembler;
  private final int[] index;
  /**
   * The blocks gathered so far, by {@code row >> BLOCK_BITS}. Filled without a lock: a block is
   * made of final fields, so a thread that sees one sees it whole, and two threads that gather
   * the same block at once make equal copies.
   */
  private final Block[] blocks;

  ResultTable(Computation computation, ResultAssembler assembler) {
    this.computation = computation;
    this.assembler = assembler;
    this.index = computation.org.indicesByInput();
    this.blocks = new Block[(index.length + BLOCK_MASK) >> BLOCK_BITS];
  }

  /**
   * The figures of a block of rows in input order. The evaluation keeps them in tree order, so
   * reading them row by row in input order costs a cache miss per figure (a writer of a million
   * rows spent most of its time there); gathering a block's figures in one tight loop lets the
   * processor fetch many at once, and the rows then read them in sequence.
   */
  private final class Block {
    final long[][] raw = new long[METRICS.length][];
    final boolean[] active;
    final byte[] paidAs;
    final byte[] qualified;
    final byte[] title;

    Block(int k) {
      int from = k << BLOCK_BITS;
      int n = Math.min(index.length - from, 1 << BLOCK_BITS);
      Computation c = computation;
      active = new boolean[n];
      paidAs = new byte[n];
      qualified = new byte[n];
      title = new byte[n];
      for (int i = 0; i < n; i++) {
        int v = index[from + i];
        active[i] = c.active[v];
        paidAs[i] = c.paidAs[v];
        qualified[i] = c.qualified[v];
        title[i] = (byte) c.title(v);
      }
      for (Metric m : METRICS) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
          r[i] = assembler.raw(index[from + i], m);
        }
        raw[m.ordinal()] = r;
      }
    }
  }

  private Block block(int row) {
    Block b = blocks[row >> BLOCK_BITS];
    if (b == null) {
      b = new Block(row >> BLOCK_BITS);
      blocks[row >> BLOCK_BITS] = b;
    }
    return b;
  }

  /** {@return how many rows, one per distributor} */
  public int size() {
    return index.length;
  }

  /**
   * The row of the distributor with this id, -1 if there is none.
   *
   * @param distributorId the distributor's id
   * @return the row of the distributor with this id, -1 if there is none
   */
  public int row(String distributorId) {
    int v = computation.org.indexOf(distributorId);
    return v < 0 ? -1 : computation.org.inputOf(v);
  }

  /**
   * The distributor's id.
   *
   * @param row the row, from 0 in input order
   * @return the distributor's id
   */
  public String id(int row) {
    return computation.org.distributorId(index[row]);
  }

  /**
   * The distributor's name.
   *
   * @param row the row, from 0 in input order
   * @return the distributor's name
   */
  public String name(int row) {
    return computation.org.distributorName(index[row]);
  }

  /**
   * The sponsor's id; empty for a root of the company.
   *
   * @param row the row, from 0 in input order
   * @return the sponsor's id; empty for a root of the company
   */
  public Optional<String> sponsorId(int row) {
    return Optional.ofNullable(computation.org.sponsorId(index[row]));
  }

  /**
   * The distributor's record, rebuilt (contact details included).
   *
   * @param row the row, from 0 in input order
   * @return the distributor's record, rebuilt (contact details included)
   */
  public Distributor distributor(int row) {
    return computation.org.distributor(index[row]);
  }

  /**
   * Whether the distributor is active in the period by the plan's definition.
   *
   * @param row the row, from 0 in input order
   * @return whether the distributor is active in the period by the plan's definition
   */
  public boolean active(int row) {
    return block(row).active[row & BLOCK_MASK];
  }

  /**
   * The paid-as rank: the highest rank whose whole set of requirements is met.
   *
   * @param row the row, from 0 in input order
   * @return the paid-as rank: the highest rank whose whole set of requirements is met
   */
  public Rank paidAs(int row) {
    return computation.plan.ranks().get(block(row).paidAs[row & BLOCK_MASK]);
  }

  /**
   * The rank above the paid-as rank; empty at the top of the ladder.
   *
   * @param row the row, from 0 in input order
   * @return the rank above the paid-as rank; empty at the top of the ladder
   */
  public Optional<Rank> nextRank(int row) {
    int next = block(row).paidAs[row & BLOCK_MASK] + 1;
    return next < computation.rankCount ? Optional.of(computation.plan.ranks().get(next)) : Optional.empty();
  }

  /**
   * A gauge's value: a volume, or a count of people; as {@link Gauge#value()}.
   *
   * @param row the row, from 0 in input order
   * @param metric which of the four gauges
   * @return a gauge's value: a volume, or a count of people; as {@link Gauge#value()}
   */
  public BigDecimal value(int row, Metric metric) {
    return assembler.decimal(metric, raw(row, metric));
  }

  /**
   * A gauge's value as a whole number of units of 10<sup>-{@link #scale(Metric) scale}</sup>:
   * {@link #value} is {@code BigDecimal.valueOf(unscaledValue(row, metric), scale(metric))}. For
   * writers that format a million values without making a decimal of each.
   *
   * @param row the row, from 0 in input order
   * @param metric which of the four gauges
   * @return the gauge's value in units of 10<sup>-scale(metric)</sup>
   */
  public long unscaledValue(int row, Metric metric) {
    return raw(row, metric);
  }

  /**
   * How many decimals a gauge's values have in {@link #unscaledValue}: the evaluation's volume
   * decimals for the two volumes, 0 for the two counts. The same for every row.
   *
   * @param metric which of the four gauges
   * @return the scale of {@link #unscaledValue}, 0 to 6
   */
  public int scale(Metric metric) {
    return assembler.scale(metric);
  }

  private long raw(int row, Metric metric) {
    return block(row).raw[metric.ordinal()][row & BLOCK_MASK];
  }

  /**
   * The rank a gauge alone reaches, as {@link Gauge#rank()}; the same as {@link
   * #gaugeRank(Metric, BigDecimal)} of {@link #value}, without comparing decimals.
   *
   * @param row the row, from 0 in input order
   * @param metric which of the four gauges
   * @return the rank the gauge alone reaches
   */
  public Rank gaugeRank(int row, Metric metric) {
    return computation.plan.ranks().get(assembler.level(metric, raw(row, metric)));
  }

  /**
   * The rank above the one a gauge alone reaches, as {@link Gauge#nextRank()}; empty at the
   * gauge's end. The same as {@link #gaugeNextRank(Metric, BigDecimal)} of {@link #value}.
   *
   * @param row the row, from 0 in input order
   * @param metric which of the four gauges
   * @return the next rank on the gauge; empty at its end
   */
  public Optional<Rank> gaugeNextRank(int row, Metric metric) {
    int next = assembler.level(metric, raw(row, metric)) + 1;
    return next <= assembler.end(metric) ? Optional.of(computation.plan.ranks().get(next))
        : Optional.empty();
  }

  /**
   * How much more of the metric reaches the gauge's next rank, as {@link Gauge#remaining()};
   * empty at the gauge's end. The same as {@link #gaugeRemaining(Metric, BigDecimal)} of {@link
   * #value}.
   *
   * @param row the row, from 0 in input order
   * @param metric which of the four gauges
   * @return what remains to the gauge's next rank; empty at its end
   */
  public Optional<BigDecimal> gaugeRemaining(int row, Metric metric) {
    long raw = raw(row, metric);
    int next = assembler.level(metric, raw) + 1;
    return next <= assembler.end(metric)
        ? Optional.of(assembler.mark(metric, next).subtract(assembler.decimal(metric, raw)))
        : Optional.empty();
  }

  /**
   * The rank a gauge alone reaches, as {@link Gauge#rank()}.
   *
   * @param value the gauge's value, as {@link #value} gives it (read once, used twice)
   * @param metric which of the four gauges
   * @return the rank a gauge alone reaches, as {@link Gauge#rank()}
   */
  public Rank gaugeRank(Metric metric, BigDecimal value) {
    return computation.plan.ranks().get(assembler.level(metric, value));
  }

  /**
   * The rank above the one a gauge alone reaches, as {@link Gauge#nextRank()}; empty at the top.
   *
   * @param value the gauge's value, as {@link #value} gives it
   * @param metric which of the four gauges
   * @return the rank above the one a gauge alone reaches, as {@link Gauge#nextRank()}; empty at the
   *     gauge's end
   */
  public Optional<Rank> gaugeNextRank(Metric metric, BigDecimal value) {
    int next = assembler.level(metric, value) + 1;
    return next <= assembler.end(metric) ? Optional.of(computation.plan.ranks().get(next))
        : Optional.empty();
  }

  /**
   * How much more of the metric reaches the gauge's next rank, as {@link Gauge#remaining()};
   * empty at the top.
   *
   * @param value the gauge's value, as {@link #value} gives it
   * @param metric which of the four gauges
   * @return how much more of the metric reaches the gauge's next rank, as {@link
   *     Gauge#remaining()}; empty at the top
   */
  public Optional<BigDecimal> gaugeRemaining(Metric metric, BigDecimal value) {
    int next = assembler.level(metric, value) + 1;
    return next <= assembler.end(metric) ? Optional.of(assembler.mark(metric, next).subtract(value))
        : Optional.empty();
  }

  /**
   * The requirements of the next rank that the distributor does not meet, in the plan's order,
   * as {@link RankGap#holdingBack()}; empty at the top of the ladder. Only these statuses are
   * built, not those of the requirements already met.
   *
   * @param row the row, from 0 in input order
   * @return the requirements of the next rank that the distributor does not meet, in the plan's
   *     order, as {@link RankGap#holdingBack()}; empty at the top of the ladder
   */
  public List<RequirementStatus> holdingBack(int row) {
    int next = block(row).paidAs[row & BLOCK_MASK] + 1;
    return next < computation.rankCount ? assembler.unmet(next, index[row]) : List.of();
  }

  /**
   * What holds the distributor back from the next rank, as {@link #holdingBack(int)} says it but
   * without building a {@link RequirementStatus} for each: the requirement, its words and what
   * remains of it, read straight from the evaluation (no percent, note or list of people is
   * worked out). The way to write a "what is missing" column for every row.
   *
   * @param row the row, from 0 in input order
   * @return the requirements of the next rank that the distributor does not meet, in the plan's
   *     order, each with its {@link RequirementStatus#description()} and {@link
   *     RequirementStatus#remaining()}; empty at the top of the ladder
   */
  public List<Missing> missing(int row) {
    int next = block(row).paidAs[row & BLOCK_MASK] + 1;
    return next < computation.rankCount ? assembler.missing(next, index[row]) : List.of();
  }

  /**
   * A requirement that holds a distributor back, as {@link ResultTable#missing(int)} lists it.
   *
   * @param requirement the requirement of the next rank that is not met
   * @param description the requirement in words, as {@link RequirementStatus#description()}
   * @param remaining what remains of it, as {@link RequirementStatus#remaining()}
   */
  public record Missing(Requirement requirement, String description, BigDecimal remaining) {
    /**
     * Checks that nothing is null.
     *
     * @param requirement the requirement of the next rank that is not met
     * @param description the requirement in words, as {@link RequirementStatus#description()}
     * @param remaining what remains of it, as {@link RequirementStatus#remaining()}
     */
    public Missing {
      Checks.notNull(requirement, "requirement");
      Checks.notNull(description, "description");
      Checks.notNull(remaining, "remaining");
    }
  }

  /**
   * The gap to the next rank with every requirement's status, as {@link DistributorResult#gap()}.
   *
   * @param row the row, from 0 in input order
   * @return the gap to the next rank with every requirement's status, as {@link
   *     DistributorResult#gap()}
   */
  public Optional<RankGap> gap(int row) {
    return assembler.gap(index[row]);
  }

  /**
   * A stable, machine-readable code for a requirement: its kind as plan files name it
   * ({@code personalVolume}, {@code groupVolume}, {@code activePersonalCustomers},
   * {@code activePersonalDistributors}, {@code sponsoredWithRank}, {@code legsWithRank},
   * {@code legsWithVolume}, {@code legsWithVolumes}, {@code cappedGroupVolume},
   * {@code levelGroupVolume}, {@code personalGroupVolume}, {@code activeLegs}, {@code anyOf}),
   * or a host rule's name.
   *
   * @param requirement a requirement of any kind
   * @return a stable, machine-readable code for a requirement: its kind as plan files name it
   *     ({@code personalVolume}, {@code groupVolume}, {@code activePersonalCustomers}, {@code
   *     activePersonalDistributors}, {@code sponsoredWithRank}, {@code legsWithRank}, {@code
   *     legsWithVolume}, {@code legsWithVolumes}, {@code cappedGroupVolume}, {@code
   *     levelGroupVolume}, {@code personalGroupVolume}, {@code activeLegs}, {@code anyOf}), or a
   *     host rule's name
   */
  public static String code(Requirement requirement) {
    Checks.notNull(requirement, "requirement");
    return requirement.accept(CODE);
  }

  private static final Requirement.Visitor<String> CODE = new Requirement.Visitor<>() {
    @Override
    public String visit(Requirement.PersonalVolume q) {
      return "personalVolume";
    }

    @Override
    public String visit(Requirement.GroupVolume q) {
      return "groupVolume";
    }

    @Override
    public String visit(Requirement.ActivePersonalCustomers q) {
      return "activePersonalCustomers";
    }

    @Override
    public String visit(Requirement.ActivePersonalDistributors q) {
      return "activePersonalDistributors";
    }

    @Override
    public String visit(Requirement.SponsoredWithRank q) {
      return "sponsoredWithRank";
    }

    @Override
    public String visit(Requirement.LegsWithRank q) {
      return "legsWithRank";
    }

    @Override
    public String visit(Requirement.Range q) {
      return "range";
    }

    @Override
    public String visit(Requirement.LegsWithVolume q) {
      return q.slots().stream().distinct().count() <= 1 ? "legsWithVolume" : "legsWithVolumes";
    }

    @Override
    public String visit(Requirement.CappedGroupVolume q) {
      return "cappedGroupVolume";
    }

    @Override
    public String visit(Requirement.LevelGroupVolume q) {
      return "levelGroupVolume";
    }

    @Override
    public String visit(Requirement.PersonalGroupVolume q) {
      return "personalGroupVolume";
    }

    @Override
    public String visit(Requirement.ActiveLegs q) {
      return "activeLegs";
    }

    @Override
    public String visit(Requirement.PaidAsInPeriods q) {
      return "paidAsInPeriods";
    }

    @Override
    public String visit(Requirement.AccumulatedVolume q) {
      return "accumulatedVolume";
    }

    @Override
    public String visit(Requirement.JoinedWithinDays q) {
      return "joinedWithinDays";
    }

    @Override
    public String visit(Requirement.SideVolume q) {
      return "sideVolume";
    }

    @Override
    public String visit(Requirement.SponsoredOnEachSide q) {
      return "sponsoredOnEachSide";
    }

    @Override
    public String visit(Requirement.RankOnEachSide q) {
      return "rankOnEachSide";
    }

    @Override
    public String visit(Requirement.MatrixPositions q) {
      return "matrixPositions";
    }

    @Override
    public String visit(Requirement.AnyOf q) {
      return "anyOf";
    }

    @Override
    public String visit(Requirement.Host q) {
      return q.name();
    }
  };

  /**
   * The distributor's title rank after this period.
   *
   * @param row the row, from 0 in input order
   * @return the title rank
   */
  public Rank title(int row) {
    return computation.plan.ranks().get(block(row).title[row & BLOCK_MASK]);
  }

  /**
   * The rank the distributor qualifies for: the paid-as rank unless it is held or raised by a
   * forced minimum ({@link Overrides.MinimumRank}).
   *
   * @param row the row, from 0 in input order
   * @return the rank qualified for
   */
  public Rank qualifiedAs(int row) {
    return computation.plan.ranks().get(block(row).qualified[row & BLOCK_MASK]);
  }

  /**
   * How many periods in a row, this one included, the paid-as rank has been held above the rank
   * qualified for; 0 when it is not held.
   *
   * @param row the row, from 0 in input order
   * @return the periods held, 0 when not held
   */
  public int periodsHeld(int row) {
    return computation.held == null ? 0 : computation.held[index[row]];
  }

  /**
   * How many more periods a held paid-as rank can be held; 0 when it is not held.
   *
   * @param row the row, from 0 in input order
   * @return the periods of grace left
   */
  public int periodsLeft(int row) {
    return computation.periodsLeft(index[row]);
  }

  /**
   * The overrides applied to the distributor, as {@link DistributorResult#overrides()}.
   *
   * @param row the row, from 0 in input order
   * @return the overrides in the order given; empty for none
   */
  public List<Overrides.Entry> overrides(int row) {
    return assembler.overrides(index[row]);
  }
}
