package dev.rankgauge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an evaluation carries over from the last closed period, by distributor index: the paid-as
 * rank, the title rank and how many periods the paid-as rank had been held; -1 (0 for the count)
 * for a distributor the period does not hold. The history's other periods are read by rules over
 * several periods; title and hold need only the last one, because each period's record carries
 * them forward.
 */
final class Prior {
  final byte[] paid;
  final byte[] title;
  final int[] held;
  /**
   * byIndex[k]: the columns of the closed period k + 1 back (k = 0 is the last closed period), by
   * distributor index; as many periods as the longest window needs, at most as many as the
   * history holds. Aligned once per organisation, so that an evaluation copies nothing of them.
   */
  private final ClosedPeriod.ByIndex[] byIndex;
  /** levels[k][c]: the plan's level of rank code c of period k. */
  private final int[][] levels;
  private final Units units;
  /** periods[k]: the closed period k + 1 back, as byIndex[k] is; looked up by id for returners. */
  private final ClosedPeriod[] periods;
  /** The last closed period and the plan's level of each of its rank codes. */
  private final ClosedPeriod last;
  private final int[] lastLevels;
  /**
   * Distributors who joined a live organisation after the columns were aligned and whom a closed
   * period holds (they came back): by index, their row in each of {@link #periods}, -1 where that
   * period lacks them. This state's own: a copy copies it.
   */
  private final Map<Integer, int[]> returned;
  /**
   * typed[t][k]: the personal volume of the plan's t-th other type read
   * ({@link CompPlan#otherVolumeTypesRead()}) in the closed period k + 1 back, by distributor
   * index; typed[t] is empty for a type no rule reads over several periods, and holds as many
   * periods as the longest window of that type needs. Shared by copies, as byIndex is.
   */
  private final ClosedPeriod.TypedByIndex[][] typed;
  /** typeAt[t][k]: the index of the t-th other type read in periods[k]'s types. */
  private final int[][] typeAt;

  private Prior(byte[] paid, byte[] title, int[] held, ClosedPeriod.ByIndex[] byIndex,
      int[][] levels, Units units, ClosedPeriod[] periods, ClosedPeriod last, int[] lastLevels,
      Map<Integer, int[]> returned, ClosedPeriod.TypedByIndex[][] typed, int[][] typeAt) {
    this.paid = paid;
    this.title = title;
    this.held = held;
    this.byIndex = byIndex;
    this.levels = levels;
    this.units = units;
    this.periods = periods;
    this.last = last;
    this.lastLevels = lastLevels;
    this.returned = returned;
    this.typed = typed;
    this.typeAt = typeAt;
  }

  /**
   * A copy with room for {@code room} distributors (a live organisation, perhaps grown for
   * joins; the new slots in no closed period) that shares nothing a join changes: the per
   * distributor columns are copied, the aligned history columns shared. Linear.
   */
  Prior copy(int room) {
    byte[] p = Arrays.copyOf(paid, room);
    byte[] t = Arrays.copyOf(title, room);
    if (room > paid.length) {
      Arrays.fill(p, paid.length, room, (byte) -1);
      Arrays.fill(t, title.length, room, (byte) -1);
    }
    return new Prior(p, t, Arrays.copyOf(held, room), byIndex, levels, units, periods, last,
        lastLevels, new HashMap<>(returned), typed, typeAt);
  }

  /**
   * Distributor v joined a live organisation in place, with id {@code id}: if a closed period
   * holds that id they come back with their past, as a whole evaluation aligning them would
   * give: last period's paid-as rank, title and periods held, and their rows in the periods rules
   * read. A hash lookup per period read (each period's id index is built once); nothing is
   * scanned.
   *
   * @return whether a closed period holds them
   */
  boolean join(int v, String id) {
    boolean any = false;
    int row = last.row(id);
    if (row >= 0) {
      paid[v] = (byte) lastLevels[Short.toUnsignedInt(last.paid[row])];
      title[v] = (byte) lastLevels[Short.toUnsignedInt(last.title[row])];
      held[v] = last.held[row];
      any = true;
    }
    int[] rows = new int[periods.length];
    boolean inWindow = false;
    for (int k = 0; k < periods.length; k++) {
      rows[k] = periods[k].row(id);
      inWindow |= rows[k] >= 0;
    }
    if (inWindow) {
      returned.put(v, rows);
    }
    return any || inWindow;
  }

  /** Distributor v's row k + 1 periods back for one who joined live; -1 if none. */
  private int returnedRow(int k, int v) {
    int[] rows = returned.isEmpty() ? null : returned.get(v);
    return rows == null ? -1 : rows[k];
  }

  /** How many closed periods back the rules can read. */
  int depth() {
    return byIndex.length;
  }

  /** Distributor v's paid-as rank k + 1 periods back; -1 where the history has none. */
  int paidBack(int k, int v) {
    if (k >= byIndex.length) {
      return -1;
    }
    short[] paid = byIndex[k].paid();
    short code;
    if (v < paid.length) {
      code = paid[v];
    } else {
      // joined live, after the columns were aligned: in the period only if they came back
      int row = returnedRow(k, v);
      code = row < 0 ? -1 : periods[k].paid[row];
    }
    return code == -1 ? -1 : levels[k][Short.toUnsignedInt(code)];
  }

  /** Distributor v's personal volume k + 1 periods back, in the evaluation's units; 0 if none. */
  long personalBack(int k, int v) {
    if (k >= byIndex.length) {
      return 0;
    }
    ClosedPeriod.ByIndex b = byIndex[k];
    long u;
    int scale;
    if (v < b.personalUnscaled().length) {
      u = b.personalUnscaled()[v];
      scale = b.personalScale()[v];
    } else {
      int row = returnedRow(k, v);
      if (row < 0) {
        return 0;
      }
      u = periods[k].personalUnscaled[row];
      scale = periods[k].personalScale[row];
    }
    return scale == units.scale || u == 0 ? u : units(units, u, scale);
  }

  /**
   * Distributor v's personal volume of the plan's t-th other type read
   * ({@link CompPlan#otherVolumeTypesRead()}) k + 1 periods back, in the evaluation's units; 0
   * where the period lacks the distributor.
   */
  long personalBack(int k, int v, int t) {
    ClosedPeriod.TypedByIndex[] columns = typed[t];
    if (k >= columns.length) {
      return 0;
    }
    ClosedPeriod.TypedByIndex b = columns[k];
    long u;
    int scale;
    if (v < b.unscaled().length) {
      u = b.unscaled()[v];
      scale = b.scale()[v];
    } else {
      int row = returnedRow(k, v);
      if (row < 0) {
        return 0;
      }
      u = periods[k].typedUnscaled[typeAt[t][k]][row];
      scale = periods[k].typedScale[typeAt[t][k]][row];
    }
    return scale == units.scale || u == 0 ? u : units(units, u, scale);
  }

  /** How many closed periods the plan's rules over several periods read. */
  static int depth(CompPlan plan) {
    return depth(plan, null);
  }

  /**
   * How many closed periods the plan's rules over several periods read: all of them for a null
   * type, else only the personal volume of that type other than the qualifying one.
   */
  private static int depth(CompPlan plan, String type) {
    int depth = 0;
    for (Rank r : plan.ranks()) {
      for (Requirement q : r.requirements()) {
        depth = Math.max(depth, depth(q, type, plan.qualifyingVolumeType()));
      }
    }
    return depth;
  }

  private static int depth(Requirement q, String type, String qualifying) {
    if (q instanceof Requirement.PaidAsInPeriods p) {
      return type != null ? 0 : p.thisPeriod() ? p.periods() - 1 : p.periods();
    } else if (q instanceof Requirement.AccumulatedVolume a) {
      return type == null || a.volumeType().orElse(qualifying).equals(type)
          ? a.periods() - 1 : 0;
    } else if (q instanceof Requirement.AnyOf any) {
      int d = 0;
      for (Requirement.Path path : any.paths()) {
        for (Requirement inner : path.requirements()) {
          d = Math.max(d, depth(inner, type, qualifying));
        }
      }
      return d;
    }
    return 0;
  }

  /**
   * The last period of the history, checked against the period evaluated and the plan; null for
   * an empty history.
   *
   * @throws ValidationException if the history does not end the day before the period starts, or
   *     a record of its last period names a rank the plan does not define, listing every problem
   */
  static Prior of(Organisation org, CompPlan plan, Period period, History history,
      Units units) {
    ClosedPeriod last = history.last();
    if (last == null) {
      return null;
    }
    List<Problem> problems = new ArrayList<>();
    if (!last.period.end().plusDays(1).equals(period.start())) {
      String p = History.label(period);
      String l = History.label(last.period);
      problems.add(Problem.core(Subject.NONE, "history",
          !last.period.end().isBefore(period.start()) ? "history.holdsPeriod"
          : "history.gapBefore", p, l));
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.history"), problems);
    }
    int[] level = new int[last.codes.length];
    for (int k = 0; k < level.length; k++) {
      level[k] = plan.rankLevel(last.codes[k]);
    }
    int n = org.distributorCount();
    int room = org.distributorRoom();
    byte[] paid = new byte[room];
    byte[] title = new byte[room];
    int[] held = new int[room];
    // room for joins in a live organisation: nobody there in the history
    Arrays.fill(paid, n, room, (byte) -1);
    Arrays.fill(title, n, room, (byte) -1);
    boolean allKnown = true;
    for (int l : level) {
      allKnown &= l >= 0;
    }
    if (!allKnown) {
      // Some code is not the plan's: name every record that uses one.
      for (int row = 0, m = last.size(); row < m; row++) {
        int p = level[Short.toUnsignedInt(last.paid[row])];
        int q = level[Short.toUnsignedInt(last.qualified[row])];
        int t = level[Short.toUnsignedInt(last.title[row])];
        if (p < 0 || q < 0 || t < 0) {
          unknown(plan, last, row, p, q, t, problems);
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(Problem.CORE, Problem.Part.of("input.history"), problems);
      }
    }
    // By distributor index, in tree order: the columns stream rather than jump.
    ClosedPeriod.ByIndex lastBy = last.byIndex(org, null);
    for (int v = 0; v < n; v++) {
      short code = lastBy.paid()[v];
      if (code == -1) {
        paid[v] = -1;
        title[v] = -1;
      } else {
        paid[v] = (byte) level[Short.toUnsignedInt(code)];
        title[v] = (byte) level[Short.toUnsignedInt(lastBy.title()[v])];
        held[v] = lastBy.held()[v];
      }
    }
    List<ClosedPeriod> all = history.closedPeriods();
    int depth = Math.min(depth(plan), all.size());
    ClosedPeriod.ByIndex[] byIndex = new ClosedPeriod.ByIndex[depth];
    int[][] levels = new int[depth][];
    ClosedPeriod[] periods = new ClosedPeriod[depth];
    for (int k = 0; k < depth; k++) {
      ClosedPeriod c = all.get(all.size() - 1 - k);
      periods[k] = c;
      byIndex[k] = c.byIndex(org, last);
      levels[k] = new int[c.codes.length];
      for (int i = 0; i < c.codes.length; i++) {
        levels[k][i] = plan.rankLevel(c.codes[i]);
        if (k > 0 && levels[k][i] < 0) {
          for (int row = 0; row < c.size(); row++) {
            if (Short.toUnsignedInt(c.paid[row]) == i) {
              unknown(plan, c, row, -1, 0, 0, problems);
            }
          }
        }
      }
    }
    // The other types rules read over several periods: each period of their windows must hold
    // the type, or the rule would read a zero that is no figure.
    List<String> others = plan.otherVolumeTypesRead();
    ClosedPeriod.TypedByIndex[][] typed = new ClosedPeriod.TypedByIndex[others.size()][];
    int[][] typeAt = new int[others.size()][];
    for (int t = 0; t < typed.length; t++) {
      String type = others.get(t);
      int need = depth(plan, type);
      int d = Math.min(need, all.size());
      typed[t] = new ClosedPeriod.TypedByIndex[d];
      typeAt[t] = new int[d];
      for (int k = 0; k < d; k++) {
        ClosedPeriod c = periods[k];
        int at = c.typeIndex(type);
        typeAt[t][k] = at;
        if (at < 0) {
          problems.add(Problem.core(Subject.NONE, Problem.Part.of("location.period",
              History.label(c.period)), "history.noVolumeType", History.label(c.period), type,
              plan.name(), need));
        } else {
          typed[t][k] = c.typedByIndex(org, last, at);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.history"), problems);
    }
    return new Prior(paid, title, held, byIndex, levels, units, periods, last, level,
        new HashMap<>(), typed, typeAt);
  }

  /**
   * A history volume in the evaluation's units: exact where it has no more decimals than they
   * do, else rounded down to them; beyond a long, the nearest long.
   */
  private static long units(Units units, long unscaled, int scale) {
    BigDecimal v = BigDecimal.valueOf(unscaled, scale).setScale(units.scale, RoundingMode.FLOOR);
    BigInteger u = v.unscaledValue();
    if (u.bitLength() < 64) {
      return u.longValue();
    }
    return u.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  private static void unknown(CompPlan plan, ClosedPeriod last, int row, int p, int q, int t,
      List<Problem> problems) {
    String id = last.ids[row];
    Problem.Part where = Problem.Part.of("location.distributorInPeriod", id,
        History.label(last.period));
    String[] fields = {"paidAs", "qualifiedAs", "title"};
    short[][] columns = {last.paid, last.qualified, last.title};
    int[] levels = {p, q, t};
    for (int f = 0; f < fields.length; f++) {
      if (levels[f] < 0) {
        problems.add(Problem.core(Subject.distributor(id, row).field(fields[f]), where,
            "history.unknownRank", last.code(columns[f], row), fields[f], plan.name(),
            plan.ranks().stream().map(Rank::code).toList()));
      }
    }
  }
}
