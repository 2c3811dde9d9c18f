package dev.rankgauge;

import java.time.Instant;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Where every distributor of an organisation stands in a plan for one period. The figures are
 * computed once, up front; the per-distributor records ({@link DistributorResult},
 * {@link Trace}) are built on request, so reading one distributor of a million costs microseconds.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Evaluation {
  private final Computation computation;
  private final ResultAssembler results;
  private final ResultTable table;
  private final Adviser adviser;

  Evaluation(Computation computation) {
    this.computation = computation;
    this.results = new ResultAssembler(computation);
    this.table = new ResultTable(computation, results);
    this.adviser = new Adviser(computation, results);
  }

  /** The figures behind this evaluation, for a live evaluation continuing it. */
  Computation computation() {
    return computation;
  }

  /** {@return the plan evaluated} */
  public CompPlan plan() {
    return computation.plan;
  }

  /** {@return the period evaluated} */
  public Period period() {
    return computation.period;
  }

  /**
   * Orders at or after this instant were not counted: the as-of instant asked for, or the
   * period's end where that was later.
   *
   * @return the instant at which counting stopped
   */
  public Instant asOf() {
    return computation.asOf;
  }

  /**
   * The organisation evaluated. For a snapshot of a {@link LiveEvaluation}, the organisation with
   * every order applied so far, built when first asked for (linear in its size).
   *
   * @return the organisation evaluated
   */
  public Organisation organisation() {
    return computation.overlay == null ? computation.org : computation.overlay.organisation();
  }

  /**
   * The result of one distributor.
   *
   * @param distributorId the distributor's id
   * @return the result of one distributor
   * @throws NoSuchElementException if the organisation has no distributor with this id
   */
  public DistributorResult result(String distributorId) {
    return results.result(index(distributorId));
  }

  /**
   * A distributor's two sides in the plan's binary placement tree: the volume of everyone placed
   * on the left and on the right, and so the weak side.
   *
   * @param distributorId the distributor's id
   * @return the two sides; empty unless the plan's placement tree is binary
   * @throws NoSuchElementException if the organisation has no distributor with this id
   */
  public Optional<SideVolumes> sides(String distributorId) {
    return sides(distributorId, computation.plan.qualifyingVolumeType());
  }

  /**
   * A distributor's two sides in the plan's binary placement tree, counted in one of the volume
   * types the plan reads ({@link CompPlan#volumeTypesRead()}): "700 BV on the left, 350 BV on
   * the right" for a plan whose side requirements are in BV.
   *
   * @param distributorId the distributor's id
   * @param volumeType the qualifying type, or a type one of the plan's requirements names
   * @return the two sides in that type; empty unless the plan's placement tree is binary
   * @throws NoSuchElementException if the organisation has no distributor with this id
   * @throws IllegalArgumentException if the plan's requirements read no volume of that type
   */
  public Optional<SideVolumes> sides(String distributorId, String volumeType) {
    Checks.notNull(volumeType, "volumeType");
    int v = index(distributorId);
    Computation c = computation;
    if (!c.plan.volumeTypesRead().contains(volumeType)) {
      throw new IllegalArgumentException("plan " + c.plan.name() + " reads no " + volumeType
          + " volume; its requirements read " + c.plan.volumeTypesRead());
    }
    if (c.placements == null || !c.plan.placementTree().orElseThrow().isBinary()) {
      return Optional.empty();
    }
    long[] vol = c.volumes(Optional.of(volumeType)).placement;
    int l = c.placements.child(v, Placement.LEFT);
    int r = c.placements.child(v, Placement.RIGHT);
    return Optional.of(new SideVolumes(c.units.decimal(l < 0 ? 0 : vol[l]),
        c.units.decimal(r < 0 ? 0 : vol[r])));
  }

  /**
   * A distributor's first levels in the plan's matrix placement tree: positions filled and held
   * by active distributors on each level, down to the deepest level the plan's
   * {@link Requirement#matrixPositions} requirements read (level 1 when none does). Costs the
   * positions filled in those levels.
   *
   * @param distributorId the distributor's id
   * @return the levels; empty unless the plan's placement tree is a matrix
   * @throws NoSuchElementException if the organisation has no distributor with this id
   */
  public Optional<MatrixLevels> matrix(String distributorId) {
    int v = index(distributorId);
    Computation c = computation;
    if (c.placements == null || c.plan.placementTree().orElseThrow().isBinary()) {
      return Optional.empty();
    }
    int depth = 1;
    for (Rules.Rule r : c.ladder.placementCounters()) {
      depth = Math.max(depth, r.placementLevels());
    }
    int width = c.plan.placementTree().orElseThrow().width();
    Placements t = c.placements;
    int[] filled = new int[depth];
    int[] active = new int[depth];
    // level by level, breadth-first over the positions filled
    List<Integer> level = List.of(v);
    for (int k = 0; k < depth && !level.isEmpty(); k++) {
      List<Integer> next = new java.util.ArrayList<>();
      for (int u : level) {
        for (int ch = t.firstChild(u); ch >= 0; ch = t.nextSibling(ch)) {
          next.add(ch);
          filled[k]++;
          if (c.active[ch]) {
            active[k]++;
          }
        }
      }
      level = next;
    }
    List<MatrixLevels.Level> out = new java.util.ArrayList<>(depth);
    long room = 1;
    for (int k = 0; k < depth; k++) {
      room = room > Long.MAX_VALUE / width ? Long.MAX_VALUE : room * width;
      out.add(new MatrixLevels.Level(k + 1, filled[k], active[k], room));
    }
    return Optional.of(new MatrixLevels(out));
  }

  /**
   * The result of one distributor, if the organisation has them.
   *
   * @param distributorId the distributor's id
   * @return the result of one distributor, if the organisation has them
   */
  public Optional<DistributorResult> find(String distributorId) {
    int v = computation.org.indexOf(distributorId);
    return v < 0 ? Optional.empty() : Optional.of(results.result(v));
  }

  /** {@return every distributor's result, in input order; each element is built when it is read} */
  public List<DistributorResult> results() {
    return new AbstractList<>() {
      @Override
      public DistributorResult get(int index) {
        return results.result(computation.org.indexAt(index));
      }

      @Override
      public int size() {
        return computation.org.distributorCount();
      }
    };
  }

  /**
   * Every distributor's figures as columns, row by row in input order, without building a
   * {@link DistributorResult} per distributor: what a bulk export reads.
   *
   * @return every distributor's figures as columns, row by row in input order, without building a
   *     {@link DistributorResult} per distributor: what a bulk export reads
   */
  public ResultTable table() {
    return table;
  }

  /**
   * A distributor's paid-as rank, without building their whole result.
   *
   * @param distributorId the distributor's id
   * @return a distributor's paid-as rank, without building their whole result
   * @throws NoSuchElementException if the organisation has no distributor with this id
   */
  public Rank paidAs(String distributorId) {
    return computation.plan.ranks().get(computation.paidAs[index(distributorId)]);
  }

  /**
   * One gauge of a distributor, without building their whole result.
   *
   * @param distributorId the distributor's id
   * @param metric which of the four gauges
   * @return the distributor's gauge of that metric
   */
  public Gauge gauge(String distributorId, Metric metric) {
    return results.gauge(index(distributorId), metric);
  }

  /**
   * The gap from a distributor's paid-as rank to the next, without building their focus lists:
   * what a bulk export of every distributor needs.
   *
   * @param distributorId the distributor's id
   * @return empty at the top of the ladder
   * @throws NoSuchElementException if the organisation has no distributor with this id
   */
  public Optional<RankGap> gap(String distributorId) {
    return results.gap(index(distributorId));
  }

  /**
   * Whether a distributor is active in the period by the plan's definition.
   *
   * @param distributorId the distributor's id
   * @return whether a distributor is active in the period by the plan's definition
   * @throws NoSuchElementException if the organisation has no distributor with this id
   */
  public boolean isActive(String distributorId) {
    return computation.active[index(distributorId)];
  }

  /**
   * A distributor's title rank after this period, without building their whole result: the
   * highest paid-as rank (or rank qualified for, as the plan says) of the history and this period.
   *
   * @param distributorId the distributor's id
   * @return the title rank
   * @throws NoSuchElementException if the organisation has no distributor with this id
   */
  public Rank title(String distributorId) {
    return results.title(index(distributorId));
  }

  /** {@return the closed periods this evaluation read; empty when it was given none} */
  public History history() {
    return computation.history;
  }

  /**
   * This period's record of every distributor, in input order: what a host stores when it closes
   * the period. Built anew on each call, in time linear in the distributors.
   *
   * @return the records, one per distributor, their period closed
   */
  public List<PeriodRecord> periodRecords() {
    return close().records(computation.period);
  }

  /**
   * Closes the period: the history this evaluation read, with this period's records appended.
   * Built anew on each call, in time linear in the distributors.
   *
   * @return the history with this period as its last
   */
  public History close() {
    return computation.history.append(ClosedPeriod.of(computation));
  }

  /** {@return how many distributors are paid as each rank, in ladder order, zeros included} */
  public Map<Rank, Integer> paidAsCounts() {
    int[] counts = computation.paidAsCounts();
    Map<Rank, Integer> out = new LinkedHashMap<>();
    for (int r = 0; r < counts.length; r++) {
      out.put(computation.plan.ranks().get(r), counts[r]);
    }
    return out;
  }

  /**
   * The shortest path from a distributor's paid-as rank to the rank above it: a short list of
   * concrete steps, cheapest first (inactive customers to win back, personally sponsored
   * distributors to activate, volume and the legs where it counts, the closest person in a leg
   * that needs a qualifier). Worked out from this evaluation's figures without evaluating again,
   * in time proportional to the distributor's customers and personally sponsored distributors.
   *
   * @param distributorId the distributor's id
   * @return the advice; empty at the top of the ladder
   * @throws NoSuchElementException if the organisation has no distributor with this id
   * @throws IllegalStateException if a host rule's advice fails
   */
  public Optional<Advice> advice(String distributorId) {
    return adviser.advise(index(distributorId));
  }

  /**
   * Every requirement of every rank for one distributor, with inputs and outcomes.
   *
   * @param distributorId the distributor's id
   * @return every requirement of every rank for one distributor, with inputs and outcomes
   * @throws NoSuchElementException if the organisation has no distributor with this id
   */
  public Trace trace(String distributorId) {
    return results.trace(index(distributorId));
  }

  private int index(String id) {
    int v = computation.org.indexOf(id);
    if (v < 0) {
      throw new NoSuchElementException("no distributor " + id + " in this organisation");
    }
    return v;
  }
}
