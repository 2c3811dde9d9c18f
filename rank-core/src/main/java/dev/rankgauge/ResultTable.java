package dev.rankgauge;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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
  /**
   * marks[metric][rank]: the value at which the rank is reached on the metric's gauge, in units
   * of 10^-scale, {@code Long.MIN_VALUE} where it is no whole number of them.
   */
  private final long[][] marks;
  /**
   * exactUnits[rank][requirement position]: a gauge threshold's units where they are exactly the
   * plan's threshold, else {@code Long.MIN_VALUE} (any other kind too); see {@link
   * #exactUnits(Rules.MetricRule)}.
   */
  private final long[][] exactUnits;

  ResultTable(Computation computation, ResultAssembler assembler) {
    this.computation = computation;
    this.assembler = assembler;
    this.index = computation.org.indicesByInput();
    this.blocks = new Block[(index.length + BLOCK_MASK) >> BLOCK_BITS];
    this.marks = new long[METRICS.length][computation.rankCount];
    for (Metric m : METRICS) {
      for (int r = 0; r < computation.rankCount; r++) {
        marks[m.ordinal()][r] = assembler.exactMark(m, r);
      }
    }
    Rules.Rule[][] all = computation.ladder.all;
    this.exactUnits = new long[all.length][];
    for (int r = 0; r < all.length; r++) {
      exactUnits[r] = new long[all[r].length];
      for (int q = 0; q < all[r].length; q++) {
        exactUnits[r][q] = all[r][q] instanceof Rules.MetricRule mr ? exactUnits(mr)
            : Long.MIN_VALUE;
      }
    }
  }

  /**
   * The gauge threshold's units where they are exactly the plan's threshold (what remains is
   * then the units less the value), else {@code Long.MIN_VALUE}.
   */
  private long exactUnits(Rules.MetricRule rule) {
    BigDecimal t = rule.requirement.metricThreshold().orElseThrow();
    return BigDecimal.valueOf(rule.units, scale(rule.metric)).compareTo(t) == 0
        && rule.units != Long.MIN_VALUE ? rule.units : Long.MIN_VALUE;
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

  /**
   * The rows {@link Rows}' gathering loops go over in one call; a loop over a whole chunk calls
   * them run by run. A loop that turns thousands of times a call is compiled twice in a cold run:
   * first while it runs, to be replaced on the stack (HotSpot asks for that after 40,000 turns,
   * counted 8,192 at a time), then again as a method once it has been called often enough (after
   * 600 calls, counted 1,024 at a time). The gathering was a dozen such loops, each compiled twice
   * while the first write was under way. A loop over a run of a few dozen rows is called a
   * thousand times before it has turned 40,000 times, and so is compiled once, as a method; the
   * loops over a chunk's runs turn too few times in a write of a million rows to be compiled by
   * C2 at all (a chunk of 2,048 rows is 64 turns, 489 chunks 31,000).
   */
  private static final int RUN = 32;

  /**
   * Rows {@code from} to {@code to - 1} with every figure a bulk writer asks for gathered at once:
   * the way to write a whole organisation fast. The evaluation keeps its figures in tree order
   * and the rows come in input order, so reading them row by row costs a cache miss per figure,
   * a sponsor's id three in a row; gathering a run of rows figure by figure in tight loops lets
   * the processor fetch many at once. Texts come as UTF-8 bytes, ranks as positions in {@link
   * CompPlan#ranks()} and figures as whole numbers of units, so a writer makes no object per
   * cell. Take a few thousand rows at a time: the gathered copy costs about 100 bytes a row.
   *
   * @param from the first row, from 0 in input order
   * @param to one past the last row, at most {@link #size()}
   * @return the rows gathered, independent of this table's other reads
   * @throws IndexOutOfBoundsException if {@code from} to {@code to} is not a range of rows
   */
  public Rows rows(int from, int to) {
    Objects.checkFromToIndex(from, to, index.length);
    return new Rows(from, to);
  }

  /**
   * A run of rows of a {@link ResultTable}, gathered by {@link ResultTable#rows(int, int)}. Rows
   * are numbered as in the table (from its {@code from}, not from 0). Immutable and thread-safe.
   */
  public final class Rows {
    private final int from;
    private final int to;
    private final boolean[] active;
    private final byte[] paidAs;
    private final byte[] qualified;
    private final byte[] title;
    /** Periods held by row, null when nobody holds a rank. */
    private final int[] held;
    private final long[][] raw = new long[METRICS.length][];
    /** The rank each gauge reaches, by metric and row; see {@link ResultAssembler#level}. */
    private final byte[][] level = new byte[METRICS.length][];
    /** Id, name and sponsor's id of row k: text[cut[3k], cut[3k+1]), and so on; see #root. */
    private final byte[] text;
    private final int[] cut;
    private final boolean[] root;
    /**
     * What holds row k back: entries missAt[k] to missAt[k] + missCount[k] - 1 of the arrays
     * below, each a requirement's position among the next rank's and what remains of it, in units
     * of 10^-missScale (Long.MIN_VALUE where that is not exact: see missBig).
     */
    private final int[] missAt;
    private final byte[] missCount;
    private final short[] missPosition;
    private final long[] missUnscaled;
    private final byte[] missScale;
    private final BigDecimal[] missBig;
    /** The rows' distributors, by row from {@code from}. */
    private final int[] v;
    /** The rows by next rank (a counting sort): those of rank r are order[first[r], first[r+1]). */
    private final int[] order;
    private final int[] first;
    /**
     * Every requirement's status of the next rank, gathered when first asked for. Filled without
     * a lock, as the table's blocks: made of final fields, it is seen whole, and two threads that
     * gather it at once make equal copies.
     */
    private final Statuses[] statuses = new Statuses[1];

    Rows(int from, int to) {
      this.from = from;
      this.to = to;
      int n = to - from;
      Computation c = computation;
      v = Arrays.copyOfRange(index, from, to);
      active = new boolean[n];
      paidAs = new byte[n];
      qualified = new byte[n];
      title = new byte[n];
      held = c.held == null ? null : new int[n];
      for (Metric m : METRICS) {
        raw[m.ordinal()] = new long[n];
        level[m.ordinal()] = new byte[n];
      }
      root = new boolean[n];
      int[] sponsor = new int[n];
      figures(n, sponsor);
      cut = new int[3 * n + 1];
      text = texts(n, sponsor);
      missAt = new int[n + 1];
      first = new int[c.rankCount + 1];
      int entries = counts(n, c.ladder.all);
      for (int r = 0; r < c.rankCount; r++) {
        first[r + 1] += first[r];
      }
      order = new int[first[c.rankCount]];
      int[] fill = Arrays.copyOf(first, c.rankCount);
      order(n, fill);
      missCount = new byte[n];
      missPosition = new short[entries];
      missUnscaled = new long[entries];
      missScale = new byte[entries];
      missBig = missing();
    }

    /**
     * Every figure of the rows read in tree order, a run at a time, each run in one loop: the
     * reads of one row wait neither for each other nor for the row before, so the processor has
     * many misses under way at once. Also each row's sponsor's input position (-1 for a root).
     */
    private void figures(int n, int[] sponsor) {
      for (int lo = 0; lo < n; lo += RUN) {
        figures(lo, Math.min(n, lo + RUN), sponsor);
      }
    }

    /** {@link #figures(int, int[])} of rows lo to hi - 1. */
    private void figures(int lo, int hi, int[] sponsor) {
      Computation c = computation;
      ResultAssembler a = assembler;
      int[] parent = c.org.parent;
      int[] v = this.v;
      int[] held = this.held;
      long[] ps = raw[Metric.PERSONAL_SALES.ordinal()];
      long[] gs = raw[Metric.GROUP_SALES.ordinal()];
      long[] ac = raw[Metric.ACTIVE_PERSONAL_CUSTOMERS.ordinal()];
      long[] ad = raw[Metric.ACTIVE_PERSONAL_DISTRIBUTORS.ordinal()];
      for (int i = lo; i < hi; i++) {
        int x = v[i];
        active[i] = c.active[x];
        paidAs[i] = c.paidAs[x];
        qualified[i] = c.qualified[x];
        title[i] = (byte) c.title(x);
        if (held != null) {
          held[i] = c.held[x];
        }
        long p = c.personalVolume[x];
        long g = c.groupVolume[x];
        long cu = c.activeCustomers[x];
        long di = c.activeDistributors[x];
        ps[i] = p;
        gs[i] = g;
        ac[i] = cu;
        ad[i] = di;
        int s = parent[x];
        root[i] = s < 0;
        sponsor[i] = s < 0 ? -1 : c.org.inputOf(s);
      }
      // The rank each gauge reaches, from the values just read: a loop of its own, from one
      // place for the four gauges, so that the compiler makes it once rather than four times.
      for (Metric m : METRICS) {
        a.levels(m, raw[m.ordinal()], level[m.ordinal()], lo, hi);
      }
    }

    /**
     * Where each row's entries start (room for every rule of its next rank), and how many rows
     * have each next rank (into {@link #first}, shifted by one); returns how many entries.
     */
    private int counts(int n, Rules.Rule[][] all) {
      int entries = 0;
      for (int lo = 0; lo < n; lo += RUN) {
        entries = counts(lo, Math.min(n, lo + RUN), entries, all);
      }
      missAt[n] = entries;
      return entries;
    }

    /** {@link #counts(int, Rules.Rule[][])} of rows lo to hi - 1, their entries from entries. */
    private int counts(int lo, int hi, int entries, Rules.Rule[][] all) {
      int ranks = all.length;
      for (int i = lo; i < hi; i++) {
        missAt[i] = entries;
        int next = paidAs[i] + 1;
        if (next < ranks) {
          entries += all[next].length;
          first[next + 1]++;
        }
      }
      return entries;
    }

    /** The rows into {@link #order} by next rank, those at the top left out. */
    private void order(int n, int[] fill) {
      for (int lo = 0; lo < n; lo += RUN) {
        order(lo, Math.min(n, lo + RUN), fill);
      }
    }

    /** {@link #order(int, int[])} of rows lo to hi - 1. */
    private void order(int lo, int hi, int[] fill) {
      int ranks = fill.length;
      for (int i = lo; i < hi; i++) {
        int next = paidAs[i] + 1;
        if (next < ranks) {
          order[fill[next]++] = i;
        }
      }
    }

    /** The rows' ids, names and sponsors' ids as UTF-8, one after the other. */
    private byte[] texts(int n, int[] sponsor) {
      Organisation o = computation.org;
      int built = o.builtDistributorCount();
      Texts ids = o.distributorIdTexts();
      Texts contacts = o.distributorContactTexts();
      int[] start = new int[3 * n];
      int[] end = new int[3 * n];
      long total = bounds(n, ids, contacts, built, sponsor, start, end);
      if (to > built || total < 0) {
        return joinedTexts(o, v, built, sponsor, ids, contacts, start, end);
      }
      byte[] out = new byte[size(total, n)];
      byte[] idBytes = ids.data();
      byte[] contactBytes = contacts.data();
      cut[3 * n] = copy(n, idBytes, contactBytes, start, end, out);
      return out;
    }

    /**
     * The bounds of each row's id and name and of its sponsor's id, for those built with the
     * organisation; returns how many bytes they hold, or -1 if a sponsor joined a live copy.
     * The sponsors' bounds are misses that wait for nothing but the sponsor's position, read
     * before: many are under way at once.
     */
    private long bounds(int n, Texts ids, Texts contacts, int built, int[] sponsor,
        int[] start, int[] end) {
      long total = 0;
      for (int lo = 0; lo < n; lo += RUN) {
        long t = bounds(lo, Math.min(n, lo + RUN), ids, contacts, built, sponsor, start, end);
        if (t < 0) {
          total = -1;
        } else if (total >= 0) {
          total += t;
        }
      }
      return total;
    }

    /** {@link #bounds(int, Texts, Texts, int, int[], int[], int[])} of rows lo to hi - 1. */
    private long bounds(int lo, int hi, Texts ids, Texts contacts, int built, int[] sponsor,
        int[] start, int[] end) {
      long total = 0;
      boolean joined = false;
      for (int i = lo; i < hi; i++) {
        int p = from + i;
        if (p < built) {
          int s0 = ids.start(p);
          int e0 = ids.end(p);
          int s1 = contacts.start(3 * p);
          int e1 = contacts.end(3 * p);
          start[3 * i] = s0;
          end[3 * i] = e0;
          start[3 * i + 1] = s1;
          end[3 * i + 1] = e1;
          total += e0 - s0 + e1 - s1;
        }
        int s = sponsor[i];
        if (s >= 0 && s < built) {
          int s2 = ids.start(s);
          int e2 = ids.end(s);
          start[3 * i + 2] = s2;
          end[3 * i + 2] = e2;
          total += e2 - s2;
        }
        joined |= s >= built;
      }
      return joined ? -1 : total;
    }

    /** Copies the texts one after the other, marking where each starts; returns the end. */
    private int copy(int n, byte[] idBytes, byte[] contactBytes, int[] start, int[] end,
        byte[] out) {
      int at = 0;
      for (int lo = 0; lo < n; lo += RUN) {
        at = copy(lo, Math.min(n, lo + RUN), idBytes, contactBytes, start, end, out, at);
      }
      return at;
    }

    /** {@link #copy(int, byte[], byte[], int[], int[], byte[])} of rows lo to hi - 1, from at. */
    private int copy(int lo, int hi, byte[] idBytes, byte[] contactBytes, int[] start, int[] end,
        byte[] out, int at) {
      // Three texts a row, written out: a loop inside would count three turns a row.
      for (int i = lo; i < hi; i++) {
        int k = 3 * i;
        cut[k] = at;
        int len = end[k] - start[k];
        System.arraycopy(idBytes, start[k], out, at, len);
        at += len;
        cut[k + 1] = at;
        len = end[k + 1] - start[k + 1];
        System.arraycopy(contactBytes, start[k + 1], out, at, len);
        at += len;
        cut[k + 2] = at;
        len = end[k + 2] - start[k + 2];
        System.arraycopy(idBytes, start[k + 2], out, at, len);
        at += len;
      }
      return at;
    }

    private static int size(long total, int n) {
      if (total > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("too many rows at once: " + n);
      }
      return (int) total;
    }

    /** {@link #texts} where someone joined a live copy: their texts are strings, not pooled. */
    private byte[] joinedTexts(Organisation o, int[] v, int built, int[] sponsor, Texts ids,
        Texts contacts, int[] start, int[] end) {
      int n = v.length;
      byte[][] joined = new byte[3 * n][];
      for (int i = 0; i < n; i++) {
        if (from + i >= built) {
          joined[3 * i] = utf8(o.distributorId(v[i]));
          joined[3 * i + 1] = utf8(o.distributorName(v[i]));
        }
        if (sponsor[i] >= built) {
          joined[3 * i + 2] = utf8(o.sponsorId(v[i]));
        }
      }
      long total = 0;
      for (int k = 0; k < 3 * n; k++) {
        total += joined[k] != null ? joined[k].length : end[k] - start[k];
      }
      byte[] out = new byte[size(total, n)];
      int at = 0;
      for (int k = 0; k < 3 * n; k++) {
        cut[k] = at;
        byte[] src = joined[k];
        if (src == null) {
          src = k % 3 == 1 ? contacts.data() : ids.data();
          System.arraycopy(src, start[k], out, at, end[k] - start[k]);
          at += end[k] - start[k];
        } else {
          System.arraycopy(src, 0, out, at, src.length);
          at += src.length;
        }
      }
      cut[3 * n] = at;
      return out;
    }

    private static byte[] utf8(String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Fills the missing entries, a requirement at a time over the rows whose next rank asks for
     * it (the rule's arrays read in a loop of their own); returns the decimals that are no whole
     * number of units, null if there are none.
     */
    private BigDecimal[] missing() {
      Computation c = computation;
      int ranks = c.rankCount;
      BigDecimal[] big = null;
      for (int r = 1; r < ranks; r++) {
        Rules.Rule[] rules = c.ladder.all[r];
        for (int q = 0; q < rules.length; q++) {
          Rules.Rule rule = rules[q];
          long units = exactUnits[r][q];
          if (units != Long.MIN_VALUE) {
            Rules.MetricRule mr = (Rules.MetricRule) rule;
            belowThreshold(r, q, units, raw[mr.metric.ordinal()], (byte) scale(mr.metric), v,
                order, first[r], first[r + 1]);
          } else {
            big = notMet(r, q, rule, v, order, first[r], first[r + 1], big);
          }
        }
      }
      return big;
    }

    /**
     * Adds requirement q of rank r, a gauge threshold of {@code units}, to what holds back each
     * row of {@code order[lo, hi)} whose value is below it, unless it is waived for them.
     */
    private void belowThreshold(int r, int q, long units, long[] values, byte scale, int[] v,
        int[] order, int lo, int hi) {
      Computation c = computation;
      boolean overrides = c.overrides != null;
      for (int k = lo; k < hi; k++) {
        int i = order[k];
        if (values[i] < units && !(overrides && c.ladder.waived(r, q, v[i]))) {
          int e = missAt[i] + missCount[i]++;
          missPosition[e] = (short) q;
          missUnscaled[e] = units - values[i];
          missScale[e] = scale;
        }
      }
    }

    /**
     * Adds requirement q of rank r to what holds back each row of {@code order[lo, hi)} that does
     * not meet it, with what the rule says remains; returns {@code big}, made if it was needed.
     */
    private BigDecimal[] notMet(int r, int q, Rules.Rule rule, int[] v, int[] order, int lo,
        int hi, BigDecimal[] big) {
      Computation c = computation;
      for (int k = lo; k < hi; k++) {
        int i = order[k];
        if (!c.ladder.met(r, q, v[i])) {
          int e = missAt[i] + missCount[i]++;
          missPosition[e] = (short) q;
          BigDecimal left = rule.remaining(v[i]);
          int scale = left.scale();
          if (left.signum() >= 0 && scale >= 0 && scale <= 18 && left.precision() <= 18) {
            missUnscaled[e] = left.unscaledValue().longValue();
            missScale[e] = (byte) scale;
          } else {
            if (big == null) {
              big = new BigDecimal[missPosition.length];
            }
            missUnscaled[e] = Long.MIN_VALUE;
            big[e] = left;
          }
        }
      }
      return big;
    }

    /** {@return the first row} */
    public int from() {
      return from;
    }

    /** {@return one past the last row} */
    public int to() {
      return to;
    }

    private int at(int row) {
      return Objects.checkIndex(row - from, to - from);
    }

    /**
     * As {@link ResultTable#active(int)}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @return whether the distributor is active
     */
    public boolean active(int row) {
      return active[at(row)];
    }

    /**
     * The paid-as rank ({@link ResultTable#paidAs(int)}) as its position in the plan's ranks;
     * the next rank is the one after it, if any.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @return the paid-as rank's position in {@link CompPlan#ranks()}
     */
    public int paidAsPosition(int row) {
      return paidAs[at(row)];
    }

    /**
     * The title rank ({@link ResultTable#title(int)}) as its position in the plan's ranks.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @return the title rank's position in {@link CompPlan#ranks()}
     */
    public int titlePosition(int row) {
      return title[at(row)];
    }

    /**
     * The rank qualified for ({@link ResultTable#qualifiedAs(int)}) as its position in the
     * plan's ranks.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @return the qualified rank's position in {@link CompPlan#ranks()}
     */
    public int qualifiedAsPosition(int row) {
      return qualified[at(row)];
    }

    /**
     * As {@link ResultTable#periodsHeld(int)}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @return the periods the paid-as rank has been held, 0 when it is not held
     */
    public int periodsHeld(int row) {
      int i = at(row);
      return held == null ? 0 : held[i];
    }

    /**
     * As {@link ResultTable#unscaledValue(int, Metric)}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param metric which of the four gauges
     * @return the gauge's value in units of 10<sup>-scale(metric)</sup>
     */
    public long unscaledValue(int row, Metric metric) {
      return raw[metric.ordinal()][at(row)];
    }

    /**
     * As {@link ResultTable#gaugeRank(int, Metric)}, as a position in the plan's ranks.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param metric which of the four gauges
     * @return the position in {@link CompPlan#ranks()} of the rank the gauge alone reaches
     */
    public int gaugeRankPosition(int row, Metric metric) {
      return level[metric.ordinal()][at(row)];
    }

    /**
     * As {@link ResultTable#gaugeNextRank(int, Metric)}, as a position in the plan's ranks.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param metric which of the four gauges
     * @return the next rank's position in {@link CompPlan#ranks()}, -1 at the gauge's end
     */
    public int gaugeNextRankPosition(int row, Metric metric) {
      int next = gaugeRankPosition(row, metric) + 1;
      return next <= assembler.end(metric) ? next : -1;
    }

    /**
     * As {@link ResultTable#gaugeRemaining(int, Metric)}, in units of 10<sup>-{@link
     * ResultTable#scale(Metric) scale}</sup>.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param metric which of the four gauges
     * @return what remains to the gauge's next rank in units, or {@code Long.MIN_VALUE} at the
     *     gauge's end or where it is no whole number of units (ask the table then)
     */
    public long unscaledRemaining(int row, Metric metric) {
      int i = at(row);
      long value = raw[metric.ordinal()][i];
      int next = level[metric.ordinal()][i] + 1;
      if (next > assembler.end(metric)) {
        return Long.MIN_VALUE;
      }
      long mark = marks[metric.ordinal()][next];
      long rest = mark - value;
      boolean overflow = ((mark ^ value) & (mark ^ rest)) < 0;
      return mark == Long.MIN_VALUE || value == Long.MIN_VALUE || overflow ? Long.MIN_VALUE : rest;
    }

    /**
     * The distributor's id as UTF-8, copied into {@code into} at {@code at} if it fits.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param into where the bytes go
     * @param at where in it
     * @return the id's length in bytes; nothing is copied if it is more than {@code into.length
     *     - at}
     */
    public int id(int row, byte[] into, int at) {
      return copy(3 * at(row), into, at);
    }

    /**
     * The distributor's name as UTF-8, as {@link #id(int, byte[], int)}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param into where the bytes go
     * @param at where in it
     * @return the name's length in bytes; nothing is copied if it does not fit
     */
    public int name(int row, byte[] into, int at) {
      return copy(3 * at(row) + 1, into, at);
    }

    /**
     * The sponsor's id as UTF-8, as {@link #id(int, byte[], int)}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param into where the bytes go
     * @param at where in it
     * @return the sponsor's id's length in bytes, -1 for a root of the company (nothing copied);
     *     nothing is copied if it does not fit
     */
    public int sponsorId(int row, byte[] into, int at) {
      int i = at(row);
      return root[i] ? -1 : copy(3 * i + 2, into, at);
    }

    private int copy(int k, byte[] into, int at) {
      int s = cut[k];
      int len = cut[k + 1] - s;
      if (at >= 0 && len <= into.length - at) {
        System.arraycopy(text, s, into, at, len);
      }
      return len;
    }

    /**
     * How many requirements of the next rank hold the distributor back, as {@link
     * ResultTable#missing(int)} lists them.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @return how many; 0 at the top of the ladder
     */
    public int missingCount(int row) {
      return missCount[at(row)];
    }

    /**
     * The k-th requirement holding the distributor back, as its position in the next rank's
     * {@link Rank#requirements()}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param k from 0 to {@link #missingCount(int)} - 1
     * @return the requirement's position among the next rank's
     */
    public int missingPosition(int row, int k) {
      return missPosition[entry(row, k)];
    }

    /**
     * What remains of the k-th requirement holding the distributor back, in units of
     * 10<sup>-{@link #missingScale scale}</sup>: {@link ResultTable.Missing#remaining()} without
     * a decimal.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param k from 0 to {@link #missingCount(int)} - 1
     * @return what remains, unscaled, or {@code Long.MIN_VALUE} where it is no such whole number
     *     (then see {@link #missingRemaining})
     */
    public long missingUnscaled(int row, int k) {
      return missUnscaled[entry(row, k)];
    }

    /**
     * The scale of {@link #missingUnscaled}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param k from 0 to {@link #missingCount(int)} - 1
     * @return the decimals of what remains, 0 to 18
     */
    public int missingScale(int row, int k) {
      return missScale[entry(row, k)];
    }

    /**
     * What remains of the k-th requirement holding the distributor back, as {@link
     * ResultTable.Missing#remaining()} gives it (up to trailing zeros).
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param k from 0 to {@link #missingCount(int)} - 1
     * @return what remains
     */
    public BigDecimal missingRemaining(int row, int k) {
      int e = entry(row, k);
      return missUnscaled[e] == Long.MIN_VALUE ? missBig[e]
          : BigDecimal.valueOf(missUnscaled[e], missScale[e]);
    }

    private int entry(int row, int k) {
      int i = at(row);
      return missAt[i] + Objects.checkIndex(k, missCount[i]);
    }

    /**
     * The distributor's email as UTF-8, as {@link #id(int, byte[], int)}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param into where the bytes go
     * @param at where in it
     * @return the email's length in bytes; nothing is copied if it does not fit
     */
    public int email(int row, byte[] into, int at) {
      return contact(row, 1, into, at);
    }

    /**
     * The distributor's phone number as UTF-8, as {@link #id(int, byte[], int)}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param into where the bytes go
     * @param at where in it
     * @return the phone number's length in bytes, -1 if it is unknown (nothing copied); nothing
     *     is copied if it does not fit
     */
    public int phone(int row, byte[] into, int at) {
      return contact(row, 2, into, at);
    }

    /**
     * Contact k (1 email, 2 phone) of a row, read where it is: contacts are kept in input order,
     * so rows read in turn read them in turn, with no miss to overlap.
     */
    private int contact(int row, int k, byte[] into, int at) {
      at(row);
      Organisation o = computation.org;
      byte[] bytes;
      int start;
      int len;
      if (row < o.builtDistributorCount()) {
        if (k == 2 && !o.distributorHasPhone(row)) {
          return -1;
        }
        Texts contacts = o.distributorContactTexts();
        bytes = contacts.data();
        start = contacts.start(3 * row + k);
        len = contacts.end(3 * row + k) - start;
      } else {
        Distributor d = o.distributor(index[row]);
        String text = k == 1 ? d.email() : d.phone().orElse(null);
        if (text == null) {
          return -1;
        }
        bytes = utf8(text);
        start = 0;
        len = bytes.length;
      }
      if (at >= 0 && len <= into.length - at) {
        System.arraycopy(bytes, start, into, at, len);
      }
      return len;
    }

    /**
     * How many requirements the next rank has: the statuses of the row's {@link
     * ResultTable#gap(int) gap}, read with {@link #status} or, for most, with {@link
     * #actualUnscaled} and the figures beside it.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @return how many requirements the next rank has; 0 at the top of the ladder
     */
    public int requirementCount(int row) {
      int next = paidAs[at(row)] + 1;
      return next < computation.rankCount ? computation.ladder.all[next].length : 0;
    }

    /**
     * The status of requirement q of the next rank, as the row's {@link ResultTable#gap(int)}
     * lists it (a waived one met, with the waiver in its note).
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param q from 0 to {@link #requirementCount(int)} - 1
     * @return the requirement's status
     */
    public RequirementStatus status(int row, int q) {
      int e = status(row, q, statuses());
      Statuses s = statuses();
      if (s.slow != null && s.slow[e] != null) {
        return s.slow[e];
      }
      int next = paidAs[at(row)] + 1;
      return computation.ladder.all[next][q].status(v[row - from]);
    }

    /**
     * Whether requirement q of the next rank is met (or waived), as {@link #status} says.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param q from 0 to {@link #requirementCount(int)} - 1
     * @return whether it is met
     */
    public boolean met(int row, int q) {
      Statuses s = statuses();
      return s.met[status(row, q, s)];
    }

    /**
     * What the distributor has of requirement q of the next rank ({@link
     * RequirementStatus#actual()}) in units of 10<sup>-{@link #actualScale scale}</sup>, where
     * the requirement is a gauge threshold ({@link Requirement#metricThreshold()}, which is then
     * its {@link RequirementStatus#required()}), not waived, and a whole number of units. There
     * the status has no note, and its remaining and percent are {@link #remainingUnscaled} and
     * {@link #percentHundredths}. Elsewhere ask {@link #status}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param q from 0 to {@link #requirementCount(int)} - 1
     * @return the actual figure, unscaled, or {@code Long.MIN_VALUE} (then see {@link #status})
     */
    public long actualUnscaled(int row, int q) {
      Statuses s = statuses();
      return s.actual[status(row, q, s)];
    }

    /**
     * The scale of {@link #actualUnscaled} and {@link #remainingUnscaled}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param q from 0 to {@link #requirementCount(int)} - 1
     * @return the decimals of the figures, 0 to 18
     */
    public int actualScale(int row, int q) {
      Statuses s = statuses();
      return s.scale[status(row, q, s)];
    }

    /**
     * What remains of requirement q of the next rank, as {@link RequirementStatus#remaining()},
     * where {@link #actualUnscaled} is not {@code Long.MIN_VALUE}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param q from 0 to {@link #requirementCount(int)} - 1
     * @return what remains in units of 10<sup>-{@link #actualScale scale}</sup>, 0 when met
     */
    public long remainingUnscaled(int row, int q) {
      Statuses s = statuses();
      return s.remaining[status(row, q, s)];
    }

    /**
     * How far requirement q of the next rank is complete, as {@link
     * RequirementStatus#percentComplete()} in hundredths of a percent (10000 is 100%), where
     * {@link #actualUnscaled} is not {@code Long.MIN_VALUE}.
     *
     * @param row a row from {@link #from()} to {@link #to()} - 1
     * @param q from 0 to {@link #requirementCount(int)} - 1
     * @return the percent complete, 0 to 10000
     */
    public int percentHundredths(int row, int q) {
      Statuses s = statuses();
      return s.percent[status(row, q, s)];
    }

    private int status(int row, int q, Statuses s) {
      int i = at(row);
      Objects.checkIndex(q, requirementCount(row));
      return missAt[i] + q;
    }

    private Statuses statuses() {
      Statuses s = statuses[0];
      if (s == null) {
        s = new Statuses();
        statuses[0] = s;
      }
      return s;
    }

    /**
     * Every requirement's status of each row's next rank, at the entries of what is missing
     * (room for every requirement of the next rank): a gauge threshold's as figures, gathered a
     * requirement at a time over the rows whose next rank asks for it; any other's built by its
     * rule. Made of final fields: a thread that sees one sees it whole.
     */
    private final class Statuses {
      final boolean[] met;
      final long[] actual;
      final long[] remaining;
      final byte[] scale;
      final short[] percent;
      /** The statuses built by their rules (other kinds, waived ones); null if none. */
      final RequirementStatus[] slow;

      Statuses() {
        int entries = missPosition.length;
        met = new boolean[entries];
        actual = new long[entries];
        remaining = new long[entries];
        scale = new byte[entries];
        percent = new short[entries];
        RequirementStatus[] built = null;
        Computation c = computation;
        for (int r = 1; r < c.rankCount; r++) {
          Rules.Rule[] rules = c.ladder.all[r];
          for (int q = 0; q < rules.length; q++) {
            Rules.Rule rule = rules[q];
            long units = exactUnits[r][q];
            // Beyond this the percent's product would overflow: left to the rule.
            if (units != Long.MIN_VALUE && units <= Long.MAX_VALUE / 10_000) {
              Rules.MetricRule mr = (Rules.MetricRule) rule;
              built = threshold(r, q, units, raw[mr.metric.ordinal()], (byte) scale(mr.metric),
                  first[r], first[r + 1], built);
            } else {
              built = byRule(r, q, rule, first[r], first[r + 1], built);
            }
          }
        }
        slow = built;
      }

      /** Requirement q of rank r, a gauge threshold of {@code units}, for rows order[lo, hi). */
      private RequirementStatus[] threshold(int r, int q, long units, long[] values, byte s,
          int lo, int hi, RequirementStatus[] built) {
        Computation c = computation;
        boolean overrides = c.overrides != null;
        for (int k = lo; k < hi; k++) {
          int i = order[k];
          int e = missAt[i] + q;
          if (overrides && c.ladder.waived(r, q, v[i])) {
            built = put(built, e, r, q, v[i]);
            continue;
          }
          long value = values[i];
          boolean ok = value >= units;
          met[e] = ok;
          actual[e] = value;
          scale[e] = s;
          remaining[e] = ok ? 0 : units - value;
          // As Rules.percent: rounded down, 100 only when met, 0 at or below zero.
          percent[e] = (short) (ok ? 10_000 : value <= 0 ? 0 : Math.min(9_999, value * 10_000 / units));
        }
        return built;
      }

      /** Requirement q of rank r, any kind, for rows order[lo, hi): statuses built by the rule. */
      private RequirementStatus[] byRule(int r, int q, Rules.Rule rule, int lo, int hi,
          RequirementStatus[] built) {
        for (int k = lo; k < hi; k++) {
          int i = order[k];
          built = put(built, missAt[i] + q, r, q, v[i]);
        }
        return built;
      }

      private RequirementStatus[] put(RequirementStatus[] built, int e, int r, int q, int at) {
        RequirementStatus[] out = built == null ? new RequirementStatus[met.length] : built;
        RequirementStatus s = assembler.status(r, q, at);
        out[e] = s;
        met[e] = s.met();
        actual[e] = Long.MIN_VALUE;
        return out;
      }
    }
  }

  /** {@return the plan the rows were evaluated against} */
  public CompPlan plan() {
    return computation.plan;
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

  /**
   * The highest rank a gauge can reach, as a position in the plan's ranks: {@link
   * Rows#gaugeRankPosition} is at most this, and {@link Rows#gaugeNextRankPosition} is -1
   * exactly there. The same for every row; for writers that make each rank's cells once.
   *
   * @param metric which of the four gauges
   * @return the position in {@link CompPlan#ranks()} of the gauge's last rank
   */
  public int gaugeEndPosition(Metric metric) {
    return assembler.end(metric);
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
