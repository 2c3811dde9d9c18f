package dev.rankgauge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Closed periods, one {@link PeriodRecord} per distributor each, oldest first and without gaps:
 * each period starts the day after the one before it ends. What an evaluation reads for title
 * ranks and rank hold ({@link RankGauge#evaluate(Organisation, CompPlan, Period, java.time.Instant,
 * History)}), and what {@link Evaluation#close()} extends.
 *
 * <p>A history is kept in columns, so a million distributors over a year cost arrays rather than
 * twelve million objects; records are built when read. This class is immutable and thread-safe.
 */
public final class History {
  private static final History EMPTY = new History(List.of());

  private final List<ClosedPeriod> periods;

  private History(List<ClosedPeriod> periods) {
    this.periods = List.copyOf(periods);
  }

  /** {@return a history of no periods} */
  public static History empty() {
    return EMPTY;
  }

  /**
   * A history of the given records, in any order: grouped by period, the periods in order.
   *
   * @param records every distributor's record of every closed period
   * @return the history
   * @throws ValidationException listing every problem: a distributor twice in one period, periods
   *     that overlap or leave a gap, a volume an exact decimal of 64 bits cannot hold, records of
   *     one period holding personal volume of different types
   *     ({@link PeriodRecord#personalVolumes()})
   */
  public static History of(List<PeriodRecord> records) {
    List<PeriodRecord> list = Checks.list(new ArrayList<>(Checks.notNull(records, "records")),
        "records");
    Map<Period, List<PeriodRecord>> byPeriod = new LinkedHashMap<>();
    Map<Period, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      PeriodRecord r = list.get(i);
      byPeriod.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r);
      positions.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(i);
    }
    List<Period> order = new ArrayList<>(byPeriod.keySet());
    order.sort(Comparator.comparing(Period::start).thenComparing(Period::end));
    List<Problem> problems = new ArrayList<>();
    for (int k = 1; k < order.size(); k++) {
      Period before = order.get(k - 1);
      Period next = order.get(k);
      if (!next.start().equals(before.end().plusDays(1))) {
        int first = positions.get(next).get(0);
        problems.add(Problem.core(subject(list.get(first), first).field("period"),
            where(list.get(first), first), next.start().isAfter(before.end())
            ? "history.gap" : "history.overlap", label(next), label(before)));
      }
    }
    List<ClosedPeriod> closed = new ArrayList<>();
    for (Period p : order) {
      List<PeriodRecord> rs = byPeriod.get(p);
      check(rs, positions.get(p), problems);
      if (problems.isEmpty()) {
        closed.add(ClosedPeriod.of(p, rs));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.history"), problems);
    }
    return new History(closed);
  }

  /**
   * This history with one more period: the records of the period after the last one.
   *
   * @param records every distributor's record of the next period, at least one, all of one period
   * @return a new history; this one is unchanged
   * @throws ValidationException if the period is closed already, is before the last closed
   *     period or leaves a gap after it, or the records are of several periods, name a
   *     distributor twice or hold personal volume of different types; every problem at once
   */
  public History append(List<PeriodRecord> records) {
    List<PeriodRecord> list = Checks.list(new ArrayList<>(Checks.notNull(records, "records")),
        "records");
    if (list.isEmpty()) {
      throw new IllegalArgumentException("records must hold at least one record: a period of no"
          + " distributors cannot be told apart from no period");
    }
    Period p = list.get(0).period();
    List<Problem> problems = new ArrayList<>();
    followsCheck(p, problems, list.get(0));
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      positions.add(i);
      if (!list.get(i).period().equals(p)) {
        problems.add(Problem.core(subject(list.get(i), i).field("period"), where(list.get(i), i),
            "history.mixedPeriods", label(list.get(i).period()), label(p)));
      }
    }
    check(list, positions, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.history"), problems);
    }
    List<ClosedPeriod> more = new ArrayList<>(periods);
    more.add(ClosedPeriod.of(p, list));
    return new History(more);
  }

  /** This history with a period closed from an evaluation, checked as {@link #append}. */
  History append(ClosedPeriod period) {
    List<Problem> problems = new ArrayList<>();
    followsCheck(period.period, problems, null);
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.history"), problems);
    }
    List<ClosedPeriod> more = new ArrayList<>(periods);
    more.add(period);
    return new History(more);
  }

  /** The problem of closing {@code p} after this history's last period, if it is one. */
  private void followsCheck(Period p, List<Problem> problems, PeriodRecord first) {
    Optional<Period> last = lastPeriod();
    if (last.isEmpty()) {
      return;
    }
    Period l = last.get();
    String code;
    if (p.start().equals(l.end().plusDays(1))) {
      return;
    } else if (p.start().equals(l.start()) && p.end().equals(l.end())) {
      code = "history.closedAlready";
    } else if (!p.start().isAfter(l.end())) {
      code = "history.beforeLast";
    } else {
      code = "history.gapAfterLast";
    }
    problems.add(Problem.core(first == null ? Subject.NONE : subject(first, 0).field("period"),
        Problem.Part.of("location.period", label(p)), code, label(p), label(l), next(l)));
  }

  private static void check(List<PeriodRecord> rs, List<Integer> positions,
      List<Problem> problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < rs.size(); k++) {
      PeriodRecord r = rs.get(k);
      int at = positions.get(k);
      Integer before = seen.putIfAbsent(r.distributorId(), at);
      if (before != null) {
        problems.add(Problem.core(subject(r, at).field("distributorId"), where(r, at),
            "history.distributorAgain", r.distributorId(), label(r.period()), before + 1,
            at + 1));
      }
      if (!ClosedPeriod.fits(r.personalSales())) {
        problems.add(Problem.core(subject(r, at).field("personalSales"), where(r, at),
            "history.personalSales", r.personalSales().toString()));
      }
      if (!ClosedPeriod.fits(r.groupSales())) {
        problems.add(Problem.core(subject(r, at).field("groupSales"), where(r, at),
            "history.groupSales", r.groupSales().toString()));
      }
      for (Map.Entry<String, java.math.BigDecimal> e : r.personalVolumes().entrySet()) {
        if (!ClosedPeriod.fits(e.getValue())) {
          problems.add(Problem.core(subject(r, at).field("personalVolumes", e.getKey()),
              where(r, at), "history.personalVolume", e.getValue().toString(), e.getKey()));
        }
      }
      // Every record of a period holds the same types: a type some lack is a figure missing,
      // not a zero.
      PeriodRecord first = rs.get(0);
      if (k > 0 && !r.personalVolumes().keySet().equals(first.personalVolumes().keySet())) {
        problems.add(Problem.core(subject(r, at).field("personalVolumes"), where(r, at),
            "history.volumeTypes", r.personalVolumes().keySet().toString(), label(r.period()),
            first.personalVolumes().keySet().toString(), first.distributorId(),
            positions.get(0) + 1));
      }
    }
    if (seen.size() > 0 && distinctCodes(rs) > ClosedPeriod.MAX_CODES) {
      problems.add(Problem.core(Subject.NONE,
          Problem.Part.of("location.period", label(rs.get(0).period())),
          "history.tooManyCodes", ClosedPeriod.MAX_CODES));
    }
  }

  private static int distinctCodes(List<PeriodRecord> rs) {
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (PeriodRecord r : rs) {
      codes.add(r.paidAs());
      codes.add(r.qualifiedAs());
      codes.add(r.title());
    }
    return codes.size();
  }

  private static Subject subject(PeriodRecord r, int position) {
    return Subject.distributor(r.distributorId(), position);
  }

  private static Problem.Part where(PeriodRecord r, int position) {
    return Problem.Part.of("location.record", position + 1, r.distributorId(),
        label(r.period()));
  }

  /** A period as people write it: {@code 2026-11} for a calendar month, else its two days. */
  static String label(Period p) {
    YearMonth m = YearMonth.from(p.start());
    if (p.start().equals(m.atDay(1)) && p.end().equals(m.atEndOfMonth())) {
      return m.toString();
    }
    return p.start() + ".." + p.end();
  }

  /** The period that would follow {@code p}: the next month, or as long a run of days. */
  private static String next(Period p) {
    YearMonth m = YearMonth.from(p.start());
    if (p.start().equals(m.atDay(1)) && p.end().equals(m.atEndOfMonth())) {
      return m.plusMonths(1).toString();
    }
    LocalDate start = p.end().plusDays(1);
    return "a period starting " + start;
  }

  /** {@return whether the history has no period} */
  public boolean isEmpty() {
    return periods.isEmpty();
  }

  /** {@return the closed periods, oldest first} */
  public List<Period> periods() {
    return periods.stream().map(c -> c.period).toList();
  }

  /** {@return the last closed period, empty for an empty history} */
  public Optional<Period> lastPeriod() {
    return periods.isEmpty() ? Optional.empty()
        : Optional.of(periods.get(periods.size() - 1).period);
  }

  /**
   * The records of one period, in the order they were closed or given; each built when read.
   *
   * @param period a period, open or closed
   * @return the records, empty if the history does not hold the period
   */
  public List<PeriodRecord> records(Period period) {
    ClosedPeriod c = find(Checks.notNull(period, "period"));
    return c == null ? List.of() : rows(c);
  }

  /** {@return every record, period by period, oldest first; each built when read} */
  public List<PeriodRecord> records() {
    List<PeriodRecord> out = new ArrayList<>();
    for (ClosedPeriod c : periods) {
      out.addAll(rows(c));
    }
    return out;
  }

  /**
   * One distributor's record of one period.
   *
   * @param period a period, open or closed
   * @param distributorId the distributor's id
   * @return the record, empty if the history does not hold it
   */
  public Optional<PeriodRecord> record(Period period, String distributorId) {
    Checks.notNull(distributorId, "distributorId");
    ClosedPeriod c = find(Checks.notNull(period, "period"));
    int row = c == null ? -1 : c.row(distributorId);
    return row < 0 ? Optional.empty() : Optional.of(c.record(row));
  }

  /**
   * One distributor's records, oldest first, of the periods that hold them.
   *
   * @param distributorId the distributor's id
   * @return the records, empty for a distributor the history does not know
   */
  public List<PeriodRecord> records(String distributorId) {
    Checks.notNull(distributorId, "distributorId");
    List<PeriodRecord> out = new ArrayList<>();
    for (ClosedPeriod c : periods) {
      int row = c.row(distributorId);
      if (row >= 0) {
        out.add(c.record(row));
      }
    }
    return out;
  }

  /**
   * The periods that end before the given one starts: the history to evaluate that period with.
   *
   * @param period a period
   * @return this history up to the period
   */
  public History before(Period period) {
    Checks.notNull(period, "period");
    List<ClosedPeriod> keep = new ArrayList<>();
    for (ClosedPeriod c : periods) {
      if (c.period.end().isBefore(period.start())) {
        keep.add(c);
      }
    }
    return keep.size() == periods.size() ? this : new History(keep);
  }

  /** The last closed period's columns, or null. */
  ClosedPeriod last() {
    return periods.isEmpty() ? null : periods.get(periods.size() - 1);
  }

  /** The columns of every period, oldest first. */
  List<ClosedPeriod> closedPeriods() {
    return periods;
  }

  private ClosedPeriod find(Period period) {
    for (ClosedPeriod c : periods) {
      if (c.period.start().equals(period.start()) && c.period.end().equals(period.end())) {
        return c;
      }
    }
    return null;
  }

  private static List<PeriodRecord> rows(ClosedPeriod c) {
    return new AbstractList<>() {
      @Override
      public PeriodRecord get(int index) {
        return c.record(index);
      }

      @Override
      public int size() {
        return c.size();
      }
    };
  }

  /** Equal when the two hold the same records in the same order; reads every record. */
  @Override
  public boolean equals(Object o) {
    return o instanceof History h && periods().equals(h.periods()) && records().equals(h.records());
  }

  @Override
  public int hashCode() {
    return periods().hashCode();
  }

  @Override
  public String toString() {
    return "History[" + periods.stream().map(c -> label(c.period) + " (" + c.size()
        + " distributors)").toList() + "]";
  }
}
