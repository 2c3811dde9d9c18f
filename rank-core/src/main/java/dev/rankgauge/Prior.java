package dev.rankgauge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
   * paidBack[k][v]: distributor v's paid-as rank k + 1 periods back (k = 0 is the last closed
   * period), -1 where the period or the distributor is missing; as many periods as the plan's
   * rules over several periods read, at most as many as the history holds.
   */
  final byte[][] paidBack;
  /** personalBack[k][v]: personal volume k + 1 periods back, in the evaluation's units; 0 if missing. */
  final long[][] personalBack;

  private Prior(byte[] paid, byte[] title, int[] held, byte[][] paidBack, long[][] personalBack) {
    this.paid = paid;
    this.title = title;
    this.held = held;
    this.paidBack = paidBack;
    this.personalBack = personalBack;
  }

  /** How many closed periods the plan's rules over several periods read. */
  static int depth(CompPlan plan) {
    int depth = 0;
    for (Rank r : plan.ranks()) {
      for (Requirement q : r.requirements()) {
        depth = Math.max(depth, depth(q));
      }
    }
    return depth;
  }

  private static int depth(Requirement q) {
    if (q instanceof Requirement.PaidAsInPeriods p) {
      return p.thisPeriod() ? p.periods() - 1 : p.periods();
    } else if (q instanceof Requirement.AccumulatedVolume a) {
      return a.periods() - 1;
    } else if (q instanceof Requirement.AnyOf any) {
      int d = 0;
      for (Requirement.Path path : any.paths()) {
        for (Requirement inner : path.requirements()) {
          d = Math.max(d, depth(inner));
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
      problems.add(new Problem("history", !last.period.end().isBefore(period.start())
          ? "found a history holding " + p + " or a later period (last closed: " + l + ");"
              + " expected a history that ends the day before " + p + " starts"
              + " (History.before(period) gives one)"
          : "found a history ending with " + l + ", which leaves a gap before " + p + ";"
              + " expected a history that ends the day before " + p + " starts"));
      throw new ValidationException("history", problems);
    }
    int[] level = new int[last.codes.length];
    for (int k = 0; k < level.length; k++) {
      level[k] = plan.rankLevel(last.codes[k]);
    }
    int n = org.distributorCount();
    byte[] paid = new byte[n];
    byte[] title = new byte[n];
    int[] held = new int[n];
    Arrays.fill(paid, (byte) -1);
    Arrays.fill(title, (byte) -1);
    for (int row = 0, m = last.size(); row < m; row++) {
      int p = level[Short.toUnsignedInt(last.paid[row])];
      int q = level[Short.toUnsignedInt(last.qualified[row])];
      int t = level[Short.toUnsignedInt(last.title[row])];
      if (p < 0 || q < 0 || t < 0) {
        unknown(plan, last, row, p, q, t, problems);
        continue;
      }
      int v = org.indexOf(last.ids[row]);
      if (v >= 0) {
        paid[v] = (byte) p;
        title[v] = (byte) t;
        held[v] = last.held[row];
      }
    }
    List<ClosedPeriod> all = history.closedPeriods();
    int depth = Math.min(depth(plan), all.size());
    byte[][] paidBack = new byte[depth][];
    long[][] personalBack = new long[depth][];
    for (int k = 0; k < depth; k++) {
      ClosedPeriod c = all.get(all.size() - 1 - k);
      paidBack[k] = k == 0 ? paid : new byte[n];
      personalBack[k] = new long[n];
      if (k > 0) {
        Arrays.fill(paidBack[k], (byte) -1);
      }
      int[] lv = new int[c.codes.length];
      for (int i = 0; i < lv.length; i++) {
        lv[i] = plan.rankLevel(c.codes[i]);
      }
      for (int row = 0, m = c.size(); row < m; row++) {
        int p = lv[Short.toUnsignedInt(c.paid[row])];
        if (k > 0 && p < 0) {
          unknown(plan, c, row, p, lv[Short.toUnsignedInt(c.qualified[row])],
              lv[Short.toUnsignedInt(c.title[row])], problems);
          continue;
        }
        int v = org.indexOf(c.ids[row]);
        if (v >= 0 && p >= 0) {
          paidBack[k][v] = (byte) p;
          personalBack[k][v] = units(units, c.personalUnscaled[row], c.personalScale[row]);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException("history", problems);
    }
    return new Prior(paid, title, held, paidBack, personalBack);
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
    String where = "distributor " + id + " in period " + History.label(last.period);
    String[] fields = {"paidAs", "qualifiedAs", "title"};
    short[][] columns = {last.paid, last.qualified, last.title};
    int[] levels = {p, q, t};
    for (int f = 0; f < fields.length; f++) {
      if (levels[f] < 0) {
        problems.add(new Problem(Subject.distributor(id, row).field(fields[f]), where,
            "found rank " + last.code(columns[f], row) + " as " + fields[f] + ", which plan "
            + plan.name() + " does not define; expected one of: " + String.join(", ",
                plan.ranks().stream().map(Rank::code).toList())));
      }
    }
  }
}
