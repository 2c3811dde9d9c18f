package dev.rankgauge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an evaluation would give with hypothetical events: orders added, returned or taken out,
 * distributors and customers joining, without changing the evaluation or its data. The answer
 * holds the evaluation before, the evaluation after (equal, figure for figure, to
 * {@link RankGauge#evaluate} of the data with the events applied) and every distributor whose
 * standing differs between the two: paid-as, qualified-as and title rank, activity, grace left
 * and the four gauges, each before and after.
 *
 * <pre>{@code
 * WhatIf w = WhatIf.of(evaluation, List.of(new LiveEvent.OrderPlaced(
 *     Order.byCustomer("X1", "C7", Instant.parse("2026-11-20T10:00:00Z"), new BigDecimal("300")))));
 * for (WhatIf.Change c : w.changes()) {
 *   c.distributorId();  c.paidAsChanged();  c.movedGauges();
 *   c.before().orElseThrow().paidAs();  c.after().paidAs();
 * }
 * w.after().result("D100");                 // the whole result after the events
 * }</pre>
 *
 * <p>Events are applied in order by a {@link LiveEvaluation} continuing the evaluation, over a
 * copy of its figures: an order, a return or a cancellation re-decides the buyer's sponsor line
 * only (microseconds per event), while a join or a move costs what {@link LiveEvaluation}
 * documents for it. Copying the figures and finding the changes are linear passes over the
 * organisation's arrays, with no record built per distributor, only for those who change
 * (unless an event built the organisation anew, such as an order with more decimals than any
 * before: then every distributor is looked up by id). An order <em>taken out</em> is cancelled:
 * it then counts nothing anywhere, so every figure and rank is what the data without it gives; the
 * focus lists, which show a buyer's orders, show it as cancelled.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class WhatIf {
  private final Evaluation before;
  private final Evaluation after;
  private final List<LiveEvent> events;
  private final List<Change> changes;

  private WhatIf(Evaluation before, Evaluation after, List<LiveEvent> events,
      List<Change> changes) {
    this.before = before;
    this.after = after;
    this.events = events;
    this.changes = changes;
  }

  /**
   * Evaluates with hypothetical events applied in order on top of the evaluation's data.
   *
   * @param before a finished evaluation (or a live evaluation's snapshot); it does not change
   * @param events the events, applied in order: {@link LiveEvent.OrderPlaced} for an order added
   *     (or a return row), {@link LiveEvent.OrderReturned}, {@link LiveEvent.OrderCancelled} for
   *     an order taken out, joins and moves; {@link LiveEvent.TimePassed} moves the as-of instant
   * @return the evaluations before and after, and the differences
   * @throws ValidationException listing every event that cannot apply (an unknown buyer, a
   *     duplicate order id, an order taken out twice, ...), each named with its place in the list;
   *     the events that can apply are not applied then either
   */
  public static WhatIf of(Evaluation before, List<LiveEvent> events) {
    Checks.list(events, "events");
    return of(before, events, List.of());
  }

  /**
   * Evaluates with orders taken out of the evaluation's data, then hypothetical events added.
   *
   * @param before a finished evaluation (or a live evaluation's snapshot); it does not change
   * @param added the events to add, applied in order after the orders are taken out
   * @param removedOrderIds ids of paid orders of the data, without returns, to take out: each
   *     is cancelled, so it counts nothing afterwards, as if it had never been placed
   * @return the evaluations before and after, and the differences
   * @throws ValidationException listing every id and event that cannot apply
   */
  public static WhatIf of(Evaluation before, List<LiveEvent> added,
      List<String> removedOrderIds) {
    Checks.notNull(before, "before");
    Checks.list(added, "added");
    Checks.list(removedOrderIds, "removedOrderIds");
    List<LiveEvent> all = new ArrayList<>();
    for (String id : new LinkedHashSet<>(removedOrderIds)) {
      all.add(new LiveEvent.OrderCancelled(Checks.id(id, "removedOrderIds")));
    }
    all.addAll(added);
    List<LiveEvent> events = List.copyOf(all);
    Evaluation after = apply(before, events);
    return new WhatIf(before, after, events, diff(before, after));
  }

  /** {@return the evaluation the events were applied to, unchanged} */
  public Evaluation before() {
    return before;
  }

  /**
   * The evaluation with the events applied: equal to {@link RankGauge#evaluate} of the data with
   * them, result for result.
   *
   * @return the evaluation after the events
   */
  public Evaluation after() {
    return after;
  }

  /** {@return the events applied, in order: the orders taken out first, as cancellations} */
  public List<LiveEvent> events() {
    return events;
  }

  /**
   * Every distributor whose standing differs after the events, or who joined, in the input order
   * of the organisation after.
   *
   * @return the changes; empty when nothing changes
   */
  public List<Change> changes() {
    return changes;
  }

  /**
   * The change of one distributor.
   *
   * @param distributorId the distributor's id
   * @return the change; empty if their standing is the same after the events, or no such
   *     distributor exists
   */
  public Optional<Change> change(String distributorId) {
    Checks.notNull(distributorId, "distributorId");
    return changes.stream().filter(c -> c.distributorId().equals(distributorId)).findFirst();
  }

  /** {@return the changes where the paid-as, qualified-as or title rank differs} */
  public List<Change> rankChanges() {
    return changes.stream().filter(Change::rankChanged).toList();
  }

  /** {@return whether no distributor's standing changes} */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  @Override
  public String toString() {
    return "WhatIf[" + events.size() + " events, " + changes.size() + " changes]";
  }

  /**
   * Where a distributor stands in one evaluation: what {@link WhatIf} compares.
   *
   * @param paidAs the paid-as rank
   * @param qualifiedAs the rank whose requirements are met (the paid-as rank unless held)
   * @param title the title rank after the period
   * @param periodsLeft periods of grace left for a held rank; 0 when not held
   * @param active whether the distributor is active by the plan's rule
   * @param gauges the four gauges' values, every metric present; volumes without trailing zeros
   * @param gaugeRanks the rank each gauge alone reaches, every metric present
   */
  public record Standing(Rank paidAs, Rank qualifiedAs, Rank title, int periodsLeft,
      boolean active, Map<Metric, BigDecimal> gauges, Map<Metric, Rank> gaugeRanks) {
    /**
     * Checks every field, copies the maps and writes each value without trailing zeros, so that
     * equal figures compare equal whatever decimals the organisation's orders used.
     *
     * @param paidAs the paid-as rank
     * @param qualifiedAs the rank qualified for
     * @param title the title rank
     * @param periodsLeft periods of grace left, 0 or more
     * @param active whether active
     * @param gauges the four gauges' values
     * @param gaugeRanks the rank each gauge reaches
     */
    public Standing {
      Checks.notNull(paidAs, "paidAs");
      Checks.notNull(qualifiedAs, "qualifiedAs");
      Checks.notNull(title, "title");
      if (periodsLeft < 0) {
        throw new IllegalArgumentException("periodsLeft must be 0 or more: " + periodsLeft);
      }
      Checks.notNull(gauges, "gauges");
      Checks.notNull(gaugeRanks, "gaugeRanks");
      EnumMap<Metric, BigDecimal> g = new EnumMap<>(Metric.class);
      EnumMap<Metric, Rank> r = new EnumMap<>(Metric.class);
      for (Metric m : Metric.values()) {
        BigDecimal v = Checks.notNull(gauges.get(m), "gauges of ", m.name());
        v = v.stripTrailingZeros();
        g.put(m, v.scale() < 0 ? v.setScale(0) : v);
        r.put(m, Checks.notNull(gaugeRanks.get(m), "gaugeRanks of ", m.name()));
      }
      gauges = Collections.unmodifiableMap(g);
      gaugeRanks = Collections.unmodifiableMap(r);
    }

    /**
     * A gauge's value.
     *
     * @param metric which of the four gauges
     * @return its value
     */
    public BigDecimal gauge(Metric metric) {
      return gauges.get(Checks.notNull(metric, "metric"));
    }

    /**
     * The standing of one row of a result table.
     *
     * @param table the table
     * @param row the row
     * @return the distributor's standing
     */
    static Standing of(ResultTable table, int row) {
      EnumMap<Metric, BigDecimal> g = new EnumMap<>(Metric.class);
      EnumMap<Metric, Rank> r = new EnumMap<>(Metric.class);
      for (Metric m : Metric.values()) {
        BigDecimal v = table.value(row, m);
        g.put(m, v);
        r.put(m, table.gaugeRank(m, v));
      }
      return new Standing(table.paidAs(row), table.qualifiedAs(row), table.title(row),
          table.periodsLeft(row), table.active(row), g, r);
    }
  }

  /**
   * One distributor's standing before and after the events.
   *
   * @param distributorId the distributor
   * @param before their standing before; empty for a distributor who joined in the events
   * @param after their standing after
   */
  public record Change(String distributorId, Optional<Standing> before, Standing after) {
    /**
     * Checks every field.
     *
     * @param distributorId the distributor
     * @param before their standing before; empty for one who joined
     * @param after their standing after
     */
    public Change {
      Checks.id(distributorId, "distributorId");
      Checks.notNull(before, "before");
      Checks.notNull(after, "after");
    }

    /** {@return whether the distributor joined in the events} */
    public boolean joined() {
      return before.isEmpty();
    }

    /** {@return whether the paid-as rank differs (or the distributor joined)} */
    public boolean paidAsChanged() {
      return before.map(b -> !b.paidAs().equals(after.paidAs())).orElse(true);
    }

    /** {@return whether the title rank differs (or the distributor joined)} */
    public boolean titleChanged() {
      return before.map(b -> !b.title().equals(after.title())).orElse(true);
    }

    /** {@return whether the paid-as, qualified-as or title rank differs, or the distributor joined} */
    public boolean rankChanged() {
      return paidAsChanged() || titleChanged()
          || before.map(b -> !b.qualifiedAs().equals(after.qualifiedAs())).orElse(true);
    }

    /** {@return the gauges whose value differs, in metric order; all four for one who joined} */
    public List<Metric> movedGauges() {
      List<Metric> out = new ArrayList<>();
      for (Metric m : Metric.values()) {
        if (before.map(b -> !b.gauge(m).equals(after.gauge(m))).orElse(true)) {
          out.add(m);
        }
      }
      return out;
    }
  }

  // --- applying and comparing ------------------------------------------------------------------

  /**
   * The events applied, in order, to a copy of {@code start}'s figures, as a
   * {@link LiveEvaluation} applies them, every bad one reported. A finished evaluation is copied
   * once and the events applied to the copy, which becomes the evaluation after; a live
   * evaluation's snapshot goes through {@link LiveEvaluation#start(Evaluation)}, which evaluates
   * its orders again.
   */
  private static Evaluation apply(Evaluation start, List<LiveEvent> events) {
    Computation c = start.computation();
    if (c.overlay != null) {
      return applyLive(start, events);
    }
    Map<String, String> titles = new HashMap<>();
    if (c.titleRank != null) {
      for (int v = 0; v < c.titleRank.length; v++) {
        if (c.titleRank[v] >= 0) {
          titles.put(c.org.distributorId(v), c.plan.ranks().get(c.titleRank[v]).code());
        }
      }
    }
    LiveState s = LiveState.of(c, c.askedAsOf, Map.copyOf(titles));
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      LiveEvent e = events.get(i);
      try {
        LiveEvaluation.Applied a = LiveEvaluation.applyTo(s, e, false);
        if (a.replaced != null) {
          s = a.replaced;
        }
      } catch (LiveEvaluation.Rejected r) {
        s = r.restored;
        located(problems, i, e, r.reason);
      } catch (ValidationException v) {
        located(problems, i, e, v);
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.whatIf"), problems);
    }
    return new Evaluation(s.comp);
  }

  /** The events applied through a live evaluation continuing a live evaluation's snapshot. */
  private static Evaluation applyLive(Evaluation start, List<LiveEvent> events) {
    LiveEvaluation live = LiveEvaluation.start(start);
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      LiveEvent e = events.get(i);
      try {
        live.apply(e);
      } catch (ValidationException v) {
        located(problems, i, e, v);
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.whatIf"), problems);
    }
    return live.snapshot();
  }

  private static void located(List<Problem> problems, int i, LiveEvent e, ValidationException v) {
    Problem.Part where = Problem.Part.of("location.event", i + 1, LiveEvaluation.words(e));
    for (Problem p : v.problems()) {
      problems.add(p.at(Problem.CORE, where));
    }
  }

  /**
   * Every distributor whose standing differs, in the input order of the organisation after.
   * While the two organisations number their distributors alike (a live copy shares the
   * numbering, and those who join it are appended; an event that builds the organisation again
   * makes a new one) the arrays are compared index by index; otherwise each distributor of the
   * organisation after is looked up by id. Records are built only for those who differ.
   */
  static List<Change> diff(Evaluation before, Evaluation after) {
    Computation b = before.computation();
    Computation a = after.computation();
    ResultTable tb = before.table();
    ResultTable ta = after.table();
    boolean sameUnits = a.units.scale == b.units.scale;
    int na = a.org.distributorCount();
    int nb = b.org.distributorCount();
    List<Change> out = new ArrayList<>();
    if (a.org.distributorInput == b.org.distributorInput && na >= nb) {
      // The same numbering (a live copy's, those who joined it appended): read the arrays in
      // index (tree) order, then put the few that differ in input order.
      List<Integer> rows = new ArrayList<>();
      for (int v = 0; v < na; v++) {
        if (v >= nb || differs(a, v, b, v, sameUnits)) {
          rows.add(a.org.inputOf(v));
        }
      }
      rows.sort(null);
      for (int row : rows) {
        String id = ta.id(row);
        int was = tb.row(id);
        out.add(new Change(id, was < 0 ? Optional.empty() : Optional.of(Standing.of(tb, was)),
            Standing.of(ta, row)));
      }
      return List.copyOf(out);
    }
    for (int row = 0; row < na; row++) {
      int va = a.org.indexAt(row);
      int vb = b.org.indexOf(a.org.distributorId(va));
      if (vb < 0) {
        out.add(new Change(ta.id(row), Optional.empty(), Standing.of(ta, row)));
      } else if (differs(a, va, b, vb, sameUnits)) {
        out.add(new Change(ta.id(row), Optional.of(Standing.of(tb, b.org.inputOf(vb))),
            Standing.of(ta, row)));
      }
    }
    return List.copyOf(out);
  }

  /** Whether distributor {@code va} of {@code a} stands otherwise than {@code vb} of {@code b}. */
  private static boolean differs(Computation a, int va, Computation b, int vb,
      boolean sameUnits) {
    if (a.paidAs[va] != b.paidAs[vb] || a.qualified[va] != b.qualified[vb]
        || a.title(va) != b.title(vb) || a.periodsLeft(va) != b.periodsLeft(vb)
        || a.active[va] != b.active[vb] || a.activeCustomers[va] != b.activeCustomers[vb]
        || a.activeDistributors[va] != b.activeDistributors[vb]) {
      return true;
    }
    if (sameUnits) {
      return a.personalVolume[va] != b.personalVolume[vb]
          || a.groupVolume[va] != b.groupVolume[vb];
    }
    return a.units.decimal(a.personalVolume[va]).compareTo(b.units.decimal(b.personalVolume[vb]))
        != 0 || a.units.decimal(a.groupVolume[va]).compareTo(b.units.decimal(b.groupVolume[vb]))
        != 0;
  }
}
