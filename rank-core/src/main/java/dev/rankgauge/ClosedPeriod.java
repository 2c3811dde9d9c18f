package dev.rankgauge;

import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One closed period of a {@link History}, in columns: a million distributors' records cost a few
 * arrays, not a million objects. Rank codes are indices into {@link #codes}; volumes are an
 * unscaled long and a scale each, so every decimal comes back exactly as it went in. Immutable once
 * built; the id index is built on first use, race-free because it is derived from final arrays.
 */
final class ClosedPeriod {
  final Period period;
  final String[] ids;
  /** The rank codes the rows use; the short columns are indices into it. */
  final String[] codes;
  final short[] paid;
  final short[] qualified;
  final short[] title;
  final int[] held;
  final long[] personalUnscaled;
  final byte[] personalScale;
  final long[] groupUnscaled;
  final byte[] groupScale;
  final int[] customers;
  final int[] distributors;
  /** The overrides applied, by row, in their short form; empty where no row has any. */
  final Map<Integer, List<String>> overrides;
  /**
   * The volume types other than the qualifying one whose personal volume every row holds, in
   * order: {@link PeriodRecord#personalVolumes()}. Empty for most periods, which then cost
   * nothing more.
   */
  final String[] types;
  /** typedUnscaled[t][row] and typedScale[t][row]: the row's personal volume of types[t]. */
  final long[][] typedUnscaled;
  final byte[][] typedScale;
  private volatile Map<String, Integer> index;
  /** The rows aligned to the organisation last evaluated with this period; see {@link #rowsOf}. */
  private volatile Alignment alignment;

  /** Each distributor index's row in this period for one organisation, -1 where it has none. */
  private record Alignment(WeakReference<Organisation> org, int[] rowOf) {}

  /**
   * The columns rules over several periods read, by distributor index of one organisation: the
   * paid-as code (-1 where the period lacks the distributor) and the personal volume's unscaled
   * value and scale. Read in tree order they stream from memory, where reading by row would
   * jump.
   */
  record ByIndex(WeakReference<Organisation> org, short[] paid, short[] title, int[] held,
      long[] personalUnscaled, byte[] personalScale) {}

  private volatile ByIndex byIndex;

  /**
   * The personal volume of one of {@link #types} by distributor index of one organisation, as
   * {@link ByIndex} holds the qualifying type's: built only for a type a rule reads.
   */
  record TypedByIndex(WeakReference<Organisation> org, long[] unscaled, byte[] scale) {}

  /** typedByIndex[t]: types[t]'s columns by index, or null until read; replaced, not changed. */
  private volatile TypedByIndex[] typedByIndex;

  /** The index of a type in {@link #types}, or -1 where the period holds none of it. */
  int typeIndex(String type) {
    for (int t = 0; t < types.length; t++) {
      if (types[t].equals(type)) {
        return t;
      }
    }
    return -1;
  }

  /**
   * The personal volume of types[t] by distributor index of {@code org}; built once per
   * organisation and type.
   */
  TypedByIndex typedByIndex(Organisation org, ClosedPeriod like, int t) {
    TypedByIndex[] all = typedByIndex;
    TypedByIndex b = all == null ? null : all[t];
    if (b != null && b.org().get() == org && b.unscaled().length == org.distributorCount()) {
      return b;
    }
    int[] rowOf = rowsOf(org, like);
    int n = rowOf.length;
    long[] u = new long[n];
    byte[] sc = new byte[n];
    long[] fromU = typedUnscaled[t];
    byte[] fromS = typedScale[t];
    for (int v = 0; v < n; v++) {
      int r = rowOf[v];
      if (r >= 0) {
        u[v] = fromU[r];
        sc[v] = fromS[r];
      }
    }
    b = new TypedByIndex(new WeakReference<>(org), u, sc);
    TypedByIndex[] next = all == null ? new TypedByIndex[types.length] : all.clone();
    next[t] = b;
    typedByIndex = next;
    return b;
  }

  /**
   * The four gauges' means over a window of closed periods ending with this one, by distributor
   * index of one organisation, in units of {@code scale} decimals: what a projection reads of
   * the history. Kept (the organisation weakly) so that projecting the same organisation again
   * looks nothing up.
   */
  record Means(WeakReference<Organisation> org, ClosedPeriod[] window, int scale,
      double[][] values) {}

  private volatile Means means;

  /** The means kept for this window, organisation and scale, or null. */
  double[][] means(Organisation org, ClosedPeriod[] window, int scale) {
    Means m = means;
    // a live organisation keeps its identity as distributors join: the count must match too
    if (m == null || m.org().get() != org || m.scale() != scale
        || m.values()[0].length != org.distributorCount()
        || m.window().length != window.length) {
      return null;
    }
    for (int i = 0; i < window.length; i++) {
      if (m.window()[i] != window[i]) {
        return null;
      }
    }
    return m.values();
  }

  void keepMeans(Organisation org, ClosedPeriod[] window, int scale, double[][] values) {
    means = new Means(new WeakReference<>(org), window.clone(), scale, values);
  }

  /** This period's columns by distributor index of {@code org}; built once per organisation. */
  ByIndex byIndex(Organisation org, ClosedPeriod like) {
    ByIndex b = byIndex;
    // a live organisation keeps its identity as distributors join: the count must match too
    if (b != null && b.org().get() == org && b.paid().length == org.distributorCount()) {
      return b;
    }
    int[] rowOf = rowsOf(org, like);
    int n = rowOf.length;
    short[] paidBy = new short[n];
    short[] titleBy = new short[n];
    int[] heldBy = new int[n];
    long[] pu = new long[n];
    byte[] ps = new byte[n];
    for (int v = 0; v < n; v++) {
      int r = rowOf[v];
      if (r < 0) {
        paidBy[v] = -1;
        titleBy[v] = -1;
      } else {
        paidBy[v] = paid[r];
        titleBy[v] = title[r];
        heldBy[v] = held[r];
        pu[v] = personalUnscaled[r];
        ps[v] = personalScale[r];
      }
    }
    b = new ByIndex(new WeakReference<>(org), paidBy, titleBy, heldBy, pu, ps);
    byIndex = b;
    return b;
  }

  ClosedPeriod(Period period, String[] ids, String[] codes, short[] paid, short[] qualified,
      short[] title, int[] held, long[] personalUnscaled, byte[] personalScale,
      long[] groupUnscaled, byte[] groupScale, int[] customers, int[] distributors,
      Map<Integer, List<String>> overrides, String[] types, long[][] typedUnscaled,
      byte[][] typedScale) {
    this.period = period;
    this.ids = ids;
    this.codes = codes;
    this.paid = paid;
    this.qualified = qualified;
    this.title = title;
    this.held = held;
    this.personalUnscaled = personalUnscaled;
    this.personalScale = personalScale;
    this.groupUnscaled = groupUnscaled;
    this.groupScale = groupScale;
    this.customers = customers;
    this.distributors = distributors;
    this.overrides = overrides;
    this.types = types;
    this.typedUnscaled = typedUnscaled;
    this.typedScale = typedScale;
  }

  /**
   * The records of one period, in their order; the caller has checked that they share the
   * period, that ids are unique, that every volume fits ({@link #fits}) and that every record
   * holds the same volume types.
   */
  static ClosedPeriod of(Period period, List<PeriodRecord> records) {
    int n = records.size();
    String[] types = n == 0 ? new String[0]
        : records.get(0).personalVolumes().keySet().toArray(new String[0]);
    long[][] tu = new long[types.length][n];
    byte[][] ts = new byte[types.length][n];
    String[] ids = new String[n];
    Map<String, Short> codeIndex = new HashMap<>();
    short[] paid = new short[n];
    short[] qualified = new short[n];
    short[] title = new short[n];
    int[] held = new int[n];
    long[] pu = new long[n];
    byte[] ps = new byte[n];
    long[] gu = new long[n];
    byte[] gs = new byte[n];
    int[] customers = new int[n];
    int[] distributors = new int[n];
    Map<Integer, List<String>> overrides = new HashMap<>();
    for (int i = 0; i < n; i++) {
      PeriodRecord r = records.get(i);
      if (!r.overridesApplied().isEmpty()) {
        overrides.put(i, r.overridesApplied());
      }
      ids[i] = r.distributorId();
      paid[i] = code(codeIndex, r.paidAs());
      qualified[i] = code(codeIndex, r.qualifiedAs());
      title[i] = code(codeIndex, r.title());
      held[i] = r.periodsHeld();
      pu[i] = r.personalSales().unscaledValue().longValue();
      ps[i] = (byte) r.personalSales().scale();
      gu[i] = r.groupSales().unscaledValue().longValue();
      gs[i] = (byte) r.groupSales().scale();
      customers[i] = r.activePersonalCustomers();
      distributors[i] = r.activePersonalDistributors();
      for (int t = 0; t < types.length; t++) {
        BigDecimal x = r.personalVolumes().get(types[t]);
        tu[t][i] = x.unscaledValue().longValue();
        ts[t][i] = (byte) x.scale();
      }
    }
    String[] codes = new String[codeIndex.size()];
    codeIndex.forEach((c, k) -> codes[k] = c);
    return new ClosedPeriod(period, ids, codes, paid, qualified, title, held, pu, ps, gu, gs,
        customers, distributors, overrides.isEmpty() ? Map.of() : overrides, types, tu, ts);
  }

  /**
   * The period an evaluation closes, every distributor in input order, with the personal volume
   * of each type the plan's requirements read beside the qualifying one (the types the
   * evaluation counted; a type no requirement reads is not counted, so it is not kept).
   */
  static ClosedPeriod of(Computation c) {
    Organisation org = c.org;
    int n = org.distributorCount();
    List<Rank> ranks = c.plan.ranks();
    String[] codes = new String[ranks.size()];
    for (int r = 0; r < codes.length; r++) {
      codes[r] = ranks.get(r).code();
    }
    String[] ids = new String[n];
    short[] paid = new short[n];
    short[] qualified = new short[n];
    short[] title = new short[n];
    int[] held = new int[n];
    long[] pu = new long[n];
    byte[] ps = new byte[n];
    long[] gu = new long[n];
    byte[] gs = new byte[n];
    int[] customers = new int[n];
    int[] distributors = new int[n];
    byte scale = (byte) c.units.scale;
    Computation.Volumes[] other = c.otherVolumes;
    String[] types = new String[other.length];
    long[][] tu = new long[other.length][n];
    byte[][] ts = new byte[other.length][n];
    for (int t = 0; t < other.length; t++) {
      types[t] = other[t].type;
      long[] personal = other[t].personal;
      long[] into = tu[t];
      for (int i = 0; i < n; i++) {
        into[i] = personal[org.indexAt(i)];
      }
      Arrays.fill(ts[t], scale);
    }
    for (int i = 0; i < n; i++) {
      int v = org.indexAt(i);
      ids[i] = org.distributorId(v);
      paid[i] = c.paidAs[v];
      qualified[i] = c.qualified[v];
      title[i] = (short) c.title(v);
      held[i] = c.held == null ? 0 : c.held[v];
      pu[i] = c.personalVolume[v];
      ps[i] = scale;
      gu[i] = c.groupVolume[v];
      gs[i] = scale;
      customers[i] = c.activeCustomers[v];
      distributors[i] = c.activeDistributors[v];
    }
    Map<Integer, List<String>> overrides = new HashMap<>();
    if (c.overrides != null) {
      // Rows are in input order; the overrides' distributors are few, so look each row up.
      for (int i = 0; i < n; i++) {
        OverrideIndex.At o = c.overrideAt(org.distributorInput[i]);
        if (o != null) {
          overrides.put(i, o.entries.stream().map(Overrides.Entry::code).toList());
        }
      }
    }
    return new ClosedPeriod(c.period.close(), ids, codes, paid, qualified, title, held, pu, ps, gu,
        gs, customers, distributors, overrides.isEmpty() ? Map.of() : overrides, types, tu, ts);
  }

  /** At most this many distinct rank codes in one period: indices are unsigned shorts, 0xFFFF
   * standing for none. */
  static final int MAX_CODES = (1 << 16) - 1;

  private static short code(Map<String, Short> index, String code) {
    Short k = index.get(code);
    if (k == null) {
      k = (short) index.size();
      index.put(code, k);
    }
    return k;
  }

  /** Whether a volume is held exactly by an unscaled long and a byte of scale. */
  static boolean fits(BigDecimal v) {
    return v.scale() >= Byte.MIN_VALUE && v.scale() <= Byte.MAX_VALUE
        && v.unscaledValue().bitLength() < 64;
  }

  int size() {
    return ids.length;
  }

  /**
   * Each distributor index's row, -1 where this period lacks the distributor. Looked up once per
   * organisation and kept (the organisation weakly), so that evaluating the same organisation
   * again, as live evaluations do, costs no lookup; a period listing the same ids in the same
   * order as {@code like} shares its alignment.
   */
  int[] rowsOf(Organisation org, ClosedPeriod like) {
    return alignment(org, like).rowOf();
  }

  private Alignment alignment(Organisation org, ClosedPeriod like) {
    Alignment a = alignment;
    int n = org.distributorCount();
    if (a != null && a.org().get() == org && a.rowOf().length == n) {
      return a;
    }
    Alignment other = like == null || like == this ? null : like.alignment;
    if (other != null && other.org().get() == org && other.rowOf().length == n
        && (like.ids == ids || Arrays.equals(like.ids, ids))) {
      a = new Alignment(new WeakReference<>(org), other.rowOf());
    } else {
      int[] rowOf = new int[org.distributorCount()];
      Arrays.fill(rowOf, -1);
      for (int r = 0; r < ids.length; r++) {
        int v = org.indexOf(ids[r]);
        if (v >= 0) {
          rowOf[v] = r;
        }
      }
      a = new Alignment(new WeakReference<>(org), rowOf);
    }
    alignment = a;
    return a;
  }

  /** The row of a distributor, or -1. */
  int row(String id) {
    Map<String, Integer> m = index;
    if (m == null) {
      m = new HashMap<>(ids.length * 2);
      for (int i = 0; i < ids.length; i++) {
        m.put(ids[i], i);
      }
      index = m;
    }
    return m.getOrDefault(id, -1);
  }

  String code(short[] column, int row) {
    return codes[Short.toUnsignedInt(column[row])];
  }

  PeriodRecord record(int row) {
    Map<String, BigDecimal> typed = Map.of();
    if (types.length > 0) {
      typed = new LinkedHashMap<>();
      for (int t = 0; t < types.length; t++) {
        typed.put(types[t], BigDecimal.valueOf(typedUnscaled[t][row], typedScale[t][row]));
      }
    }
    return new PeriodRecord(period, ids[row], code(paid, row), code(qualified, row),
        code(title, row), BigDecimal.valueOf(personalUnscaled[row], personalScale[row]),
        BigDecimal.valueOf(groupUnscaled[row], groupScale[row]), customers[row],
        distributors[row], held[row], overrides.getOrDefault(row, List.of()), typed);
  }
}
