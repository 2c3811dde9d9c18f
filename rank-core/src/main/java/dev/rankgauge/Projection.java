package dev.rankgauge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.MillerUpdatingRegression;
import org.apache.commons.math3.stat.regression.RegressionResults;

/**
 * Where every distributor of an open period is expected to end it: each gauge's projected
 * month-end value with a prediction interval, and the paid-as rank the projected gauges reach with
 * the probability of reaching it. Get one with {@link #of(Evaluation)}.
 *
 * <p><b>How it projects.</b> With a history ({@link Basis#HISTORY}), the last closed period's
 * gauges are counted again as of the same point of that period (the same share of its length
 * elapsed; the gauges only, by the evaluation's own passes, with no rank), so
 * that for every distributor both the figure so far and the figure the period closed with are
 * known. That is what the profile of volume by day of period is learnt from: how much of a
 * period's figure is in by this day, for small buyers and big groups alike. For each gauge a linear
 * regression (Apache Commons Math, {@code MillerUpdatingRegression}) of what came after that point
 * (the closed figure less the figure so far) on three inputs is fitted over those distributors: the
 * figure so far, the mean of the gauge over the up to three closed periods before, and how much of
 * that usual figure is still missing. The projection is the figure so far plus what the model
 * expects to come. The fitted model
 * then projects the open period from its own figures so far and the history up to it.
 *
 * <p>The interval is split-conformal: the errors of the fitted model on the replayed period,
 * relative to the size of the projection, are split into ten groups by projected value, and the
 * interval takes each group's empirical quantiles of the error ({@code Percentile}) at
 * (1 - level) / 2 and (1 + level) / 2. It holds its level as far as this period behaves like the
 * last one; {@code docs/projection.md} records the measured coverage. The probability of a rank is
 * the product of the probabilities, read from the same error distributions, that each gauge the
 * rank asks for ends at or above its threshold (the gauges taken as independent); requirements
 * other than the four gauge thresholds (legs, ranks in the downline, history, host rules) count as
 * they stand at the as-of instant, and a rank hold is not applied.
 *
 * <p>Without a usable history ({@link Basis#PERIOD_SO_FAR}: no closed period, the organisation
 * holds no order of the last one, or fewer than {@value #MIN_CALIBRATION} distributors closed it),
 * each gauge is the straight-line extrapolation of the period so far (value times period length
 * over time elapsed), with no interval and no probability.
 *
 * <p>Statistics are done in {@code double}; every result is rounded to the evaluation's decimals
 * (volumes) or to whole numbers (counts) and given as an exact {@link BigDecimal}. The
 * computation is linear in the organisation: the gauges of one more period (the replay, less
 * than an evaluation), a pass over the
 * distributors per closed period read, and a sample of at most {@value #CALIBRATION_SAMPLE}
 * distributors for the fit. This class is immutable and thread-safe.
 */
public final class Projection {
  /** The level of the prediction intervals unless told otherwise: 80%. */
  public static final double DEFAULT_LEVEL = 0.8;
  /** How many closed periods the mean of a gauge reaches back. */
  static final int HISTORY_DEPTH = 3;
  /** The most distributors the fit and the error distributions are taken from. */
  static final int CALIBRATION_SAMPLE = 20_000;
  /** Fewer distributors in the last closed period than this, and the history is not used. */
  static final int MIN_CALIBRATION = 30;
  /** Groups of projected value, each with its own error distribution. */
  static final int BINS = 10;
  /** The levels a group's quantiles are chosen from: multiples of 1 / GRID. */
  static final int GRID = 200;

  private static final Metric[] METRICS = Metric.values();
  private static final int GAUGES = METRICS.length;
  /*
   * The gauges by index, Metric's ordinals (g < 2 is a volume; ProjectionTest checks the order).
   * The figures switch on the index rather than on METRICS[g]: where the index is a constant, as
   * in the rank pass, that switch folds away. The last gauge is the default: with a default that
   * throws, the rank pass took 44 to 52 ms against 31 to 40 (alternating runs, load 10), probably
   * as figure() and moves() grew too big to inline.
   */
  static final int PERSONAL = 0;
  static final int GROUP = 1;
  static final int CUSTOMERS = 2;
  static final int DISTRIBUTORS = 3;

  /** What a projection rests on. */
  public enum Basis {
    /** The period so far and the closed periods of the history: intervals and probabilities. */
    HISTORY,
    /** The period so far alone, extrapolated in a straight line: no interval, no probability. */
    PERIOD_SO_FAR
  }

  private final Evaluation evaluation;
  private final Computation c;
  /** The evaluation's gauges. */
  private final Computation.Figures now;
  private final double level;
  private final Basis basis;
  /** Per gauge, the model's coefficients; null for {@link Basis#PERIOD_SO_FAR}. */
  private final double[][] beta;
  /**
   * Per gauge, its mean over the closed periods by distributor index (kept with the last closed
   * period for the organisation); null for {@link Basis#PERIOD_SO_FAR}.
   */
  private final double[][] mean;
  /** The share of the period elapsed at the as-of instant. */
  private final double elapsed;
  /** Per gauge, the error distributions; null for {@link Basis#PERIOD_SO_FAR}. */
  private final Errors[] errors;
  private final byte[] rank;
  /** Hundredths of a probability; -1 where there is none. */
  private final byte[] likelihood;

  private Projection(Evaluation evaluation, double level) {
    this.evaluation = evaluation;
    this.c = evaluation.computation();
    this.now = c.figures();
    this.level = level;
    int n = c.org.distributorCount();
    Model model = fit(c, level);
    this.basis = model == null ? Basis.PERIOD_SO_FAR : Basis.HISTORY;
    this.errors = model == null ? null : model.errors;
    this.beta = model == null ? null : model.beta;
    this.mean = model == null ? null : historyMeans(c.org, c.units,
        c.history.closedPeriods(), c.history.closedPeriods().size());
    this.elapsed = elapsedShare(c);
    this.rank = new byte[n];
    this.likelihood = new byte[n];
    ranks();
  }

  /**
   * Projects every distributor of an evaluation to the end of its period, with 80% intervals.
   *
   * @param evaluation an evaluation of an open period, with the history it was evaluated with
   * @return the projection
   */
  public static Projection of(Evaluation evaluation) {
    return of(evaluation, DEFAULT_LEVEL);
  }

  /**
   * Projects every distributor of an evaluation to the end of its period.
   *
   * @param evaluation an evaluation of an open period, with the history it was evaluated with
   *     ({@link RankGauge#evaluate(Organisation, CompPlan, Period, Instant, History)})
   * @param level the level of the prediction intervals, above 0 and below 1 (0.8 for 80%)
   * @return the projection
   * @throws IllegalArgumentException if {@code level} is not above 0 and below 1
   */
  public static Projection of(Evaluation evaluation, double level) {
    Objects.requireNonNull(evaluation, "evaluation must not be null");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("found a projection level of " + level
          + "; expected a number above 0 and below 1, such as 0.8 for 80%");
    }
    return new Projection(evaluation, level);
  }

  /** {@return the evaluation projected} */
  public Evaluation evaluation() {
    return evaluation;
  }

  /** {@return the level of the prediction intervals, such as 0.8} */
  public double level() {
    return level;
  }

  /** {@return what the projection rests on} */
  public Basis basis() {
    return basis;
  }

  /** {@return the last day of the period projected to, in the plan's zone} */
  public LocalDate by() {
    return c.period.end();
  }

  /**
   * One distributor's projection, built when asked for.
   *
   * @param distributorId the distributor's id
   * @return the projection
   * @throws IllegalArgumentException if the organisation has no such distributor
   */
  public DistributorProjection of(String distributorId) {
    Checks.notNull(distributorId, "distributorId");
    int v = c.org.indexOf(distributorId);
    if (v < 0) {
      throw new IllegalArgumentException("found distributor " + distributorId
          + ", which the organisation does not hold");
    }
    return at(v);
  }

  /**
   * One distributor's projection by row of {@link Evaluation#table()}, for writing every
   * distributor's.
   *
   * @param row the row, from 0 in input order
   * @return the projection
   */
  public DistributorProjection row(int row) {
    return at(c.org.indexAt(row));
  }

  private DistributorProjection at(int v) {
    List<ProjectedGauge> gauges = new ArrayList<>(GAUGES);
    for (int g = 0; g < GAUGES; g++) {
      boolean volume = g < 2;
      double p = projected(g, v);
      Optional<ProjectedGauge.Interval> interval = Optional.empty();
      if (errors != null) {
        Errors e = errors[g];
        double s = e.scale(p);
        int b = e.bin(p);
        double x = figure(now, g, v);
        boolean certain = !moves(now, g, v);
        double lo = certain ? x : low(p, e.low[b] * s, volume, x);
        double hi = certain ? x : high(p, e.high[b] * s);
        interval = Optional.of(new ProjectedGauge.Interval(decimal(lo, volume, RoundingMode.FLOOR),
            decimal(hi, volume, RoundingMode.CEILING)));
      }
      gauges.add(new ProjectedGauge(METRICS[g], current(g, v), decimal(p, volume,
          RoundingMode.HALF_EVEN), interval, !moves(now, g, v)));
    }
    Optional<BigDecimal> odds = likelihood[v] < 0 ? Optional.empty()
        : Optional.of(BigDecimal.valueOf(likelihood[v], 2));
    return new DistributorProjection(c.org.distributorId(v), gauges,
        c.plan.ranks().get(rank[v]), odds);
  }

  private BigDecimal current(int g, int v) {
    return switch (METRICS[g]) {
      case PERSONAL_SALES -> c.units.decimal(c.personalVolume[v]);
      case GROUP_SALES -> c.units.decimal(c.groupVolume[v]);
      case ACTIVE_PERSONAL_CUSTOMERS -> BigDecimal.valueOf(c.activeCustomers[v]);
      case ACTIVE_PERSONAL_DISTRIBUTORS -> BigDecimal.valueOf(c.activeDistributors[v]);
    };
  }

  private BigDecimal decimal(double value, boolean volume, RoundingMode mode) {
    double r = switch (mode) {
      case FLOOR -> Math.floor(value);
      case CEILING -> Math.ceil(value);
      default -> Math.rint(value);
    };
    long whole = r >= Long.MAX_VALUE ? Long.MAX_VALUE : r <= Long.MIN_VALUE ? Long.MIN_VALUE
        : (long) r;
    return volume ? c.units.decimal(whole) : BigDecimal.valueOf(whole);
  }

  /**
   * The projected value of gauge g of distributor v, in units (volumes) or people: worked out
   * where it is read rather than kept, since keeping everyone's four cost the projection more
   * than working them out (four arrays of a million doubles written, and read again).
   */
  private double projected(int g, int v) {
    double x = figure(now, g, v);
    if (!moves(now, g, v)) {
      return x;
    }
    return bounded(g, x, beta == null ? straight(x, elapsed) : predict(beta[g], x, mean[g][v]));
  }

  /**
   * The projected paid-as rank of everyone, and its probability: one pass over the
   * distributors.
   */
  private void ranks() {
    Ladder ladder = c.ladder;
    int ranks = c.rankCount;
    int n = rank.length;
    // Below the lowest threshold of a gauge, no rank but the first: most distributors, told
    // apart at once rather than by failing each rank's thresholds in turn.
    double lowPersonal = Double.POSITIVE_INFINITY;
    double lowGroup = Double.POSITIVE_INFINITY;
    double lowCustomers = Double.POSITIVE_INFINITY;
    double lowDistributors = Double.POSITIVE_INFINITY;
    for (int r = 1; r < ranks; r++) {
      lowPersonal = Math.min(lowPersonal, ladder.minPersonal[r]);
      lowGroup = Math.min(lowGroup, ladder.minGroup[r]);
      lowCustomers = Math.min(lowCustomers, ladder.minCustomers[r]);
      lowDistributors = Math.min(lowDistributors, ladder.minDistributors[r]);
    }
    for (int v = 0; v < n; v++) {
      double pv = projected(0, v);
      double gv = projected(1, v);
      double ac = projected(2, v);
      double ad = projected(3, v);
      double p = Math.rint(pv);
      double q = Math.rint(gv);
      double a = Math.rint(ac);
      double d = Math.rint(ad);
      int r = p < lowPersonal | q < lowGroup | a < lowCustomers | d < lowDistributors ? 0
          : ranks - 1;
      for (; r > 0; r--) {
        if (p >= ladder.minPersonal[r] && q >= ladder.minGroup[r] && a >= ladder.minCustomers[r]
            && d >= ladder.minDistributors[r] && ladder.othersMet(r, v)) {
          break;
        }
      }
      rank[v] = (byte) r;
      if (errors == null) {
        likelihood[v] = -1;
      } else if (r == 0) {
        likelihood[v] = 100;
      } else {
        double chance = 1;
        if (ladder.minPersonal[r] != Computation.NONE) {
          chance *= errors[0].atLeast(pv, ladder.minPersonal[r]);
        }
        if (ladder.minGroup[r] != Computation.NONE) {
          chance *= errors[1].atLeast(gv, ladder.minGroup[r]);
        }
        if (ladder.minCustomers[r] > 0) {
          chance *= errors[2].atLeast(ac, ladder.minCustomers[r]);
        }
        if (ladder.minDistributors[r] > 0) {
          chance *= errors[3].atLeast(ad, ladder.minDistributors[r]);
        }
        likelihood[v] = (byte) Math.round(chance * 100);
      }
    }
  }

  /**
   * The interval's lower end for projection {@code p} and a relative error {@code lowError}.
   * Figures are whole units (or people): the whole numbers inside the interval are the figures it
   * holds, so it is rounded inwards, which keeps its coverage exactly. It always holds the
   * projected value, so that intervals of two levels nest. A volume's never reaches below the
   * volume so far {@code soFar} (see {@link #bounded}).
   */
  static double low(double p, double lowError, boolean volume, double soFar) {
    double lo = Math.min(Math.ceil(p + lowError), Math.rint(p));
    return volume ? Math.max(lo, Math.min(soFar, Math.rint(p))) : Math.max(0, lo);
  }

  /** The interval's upper end; see {@link #low}. */
  static double high(double p, double highError) {
    return Math.max(Math.floor(p + highError), Math.rint(p));
  }

  /**
   * Whether gauge g of distributor v can still move by the period's end: always for a volume;
   * for a count, where someone counted can still change: a personal customer (personally
   * sponsored distributor) not active yet, or any of them under an activity rule of "an order
   * within N days", where an active one can lapse. Otherwise the count stays what it is (unless
   * someone joins, whom the data does not hold yet, or a return undoes an activity): its
   * projection is the count now, certain, and it takes no part in the fit or the intervals.
   */
  static boolean moves(Computation.Figures f, int g, int v) {
    Organisation o = f.org();
    return switch (g) {
      case PERSONAL, GROUP -> true;
      case CUSTOMERS -> canMove(f.plan().customerActivity(),
          o.customersTo(v) - o.customersFrom(v), f.activeCustomers()[v]);
      default -> canMove(f.plan().distributorActivity(),
          o.childrenTo(v) - o.childrenFrom(v), f.activeDistributors()[v]);
    };
  }

  private static boolean canMove(ActivityRule rule, int people, int active) {
    return active < people || people > 0 && rule instanceof ActivityRule.OrderWithinDays;
  }

  /**
   * A volume's projection is never below the volume reached so far {@code x}: volume comes in
   * by orders and goes only by returns, and the projection does not foresee returns (a figure a
   * later return takes below it counts as outside the interval).
   */
  private static double bounded(int g, double x, double projected) {
    return g < 2 ? Math.max(x, projected) : projected;
  }

  private static double straight(double x, double elapsed) {
    return elapsed > 0 ? x / elapsed : x;
  }

  // ---- the model --------------------------------------------------------------------------

  /** The figure so far plus what is still to come. */
  private static double predict(double[] b, double x, double m) {
    return x + b[0] + b[1] * x + b[2] * m + b[3] * Math.max(m - x, 0);
  }

  /** The fitted model: coefficients and error distributions per gauge. */
  private record Model(double[][] beta, Errors[] errors) {}

  /**
   * Fits the model on the last closed period replayed to the same point, or null when the
   * history cannot be used.
   */
  private static Model fit(Computation c, double level) {
    List<ClosedPeriod> periods = c.history.closedPeriods();
    if (periods.isEmpty()) {
      return null;
    }
    ClosedPeriod last = periods.get(periods.size() - 1);
    Organisation org = c.org;
    long start = Organisation.nanos(last.period.startInstant(c.zone));
    long end = Organisation.nanos(last.period.endInstant(c.zone));
    long at = start + Math.round(elapsedShare(c) * (end - start));
    Instant replayAsOf = Instant.ofEpochSecond(Math.floorDiv(at, 1_000_000_000L),
        Math.floorMod(at, 1_000_000_000L));
    // The last period's gauges as they then stood (the fit reads no rank): this period's
    // overrides are not that period's.
    Computation.Figures replay = RankGauge.figures(org, c.plan, last.period, replayAsOf);
    double[][] mean = historyMeans(org, replay.units(), periods, periods.size() - 1);
    int[] rowOf = last.rowsOf(org, null);
    int present = 0;
    for (int r : rowOf) {
      if (r >= 0) {
        present++;
      }
    }
    if (present < MIN_CALIBRATION) {
      return null;
    }
    int stride = Math.max(1, (present + CALIBRATION_SAMPLE - 1) / CALIBRATION_SAMPLE);
    int size = (present + stride - 1) / stride;
    int[] sample = new int[size];
    int k = 0;
    int seen = 0;
    for (int v = 0; v < rowOf.length && k < size; v++) {
      if (rowOf[v] >= 0 && seen++ % stride == 0) {
        sample[k++] = v;
      }
    }
    sample = Arrays.copyOf(sample, k);
    int scale = replay.units().scale;
    double[][] beta = new double[GAUGES][];
    Errors[] errors = new Errors[GAUGES];
    boolean anyOrder = false;
    for (int g = 0; g < GAUGES; g++) {
      double[] m = mean == null ? null : mean[g];
      int[] who = moving(replay, g, sample);
      if (who.length < MIN_CALIBRATION) {
        // Too few whose count can move to learn their errors apart: everyone's.
        who = sample;
      }
      double[] y = new double[who.length];
      double[][] inputs = new double[who.length][];
      for (int i = 0; i < who.length; i++) {
        int v = who[i];
        int row = rowOf[v];
        y[i] = switch (METRICS[g]) {
          // One power of ten, exact for the scales an evaluation has, so that a figure in the
          // same units as the replay's is the same double (no 0.1 * 10^6 rounding).
          case PERSONAL_SALES ->
              last.personalUnscaled[row] * Math.pow(10, scale - last.personalScale[row]);
          case GROUP_SALES -> last.groupUnscaled[row] * Math.pow(10, scale - last.groupScale[row]);
          case ACTIVE_PERSONAL_CUSTOMERS -> last.customers[row];
          case ACTIVE_PERSONAL_DISTRIBUTORS -> last.distributors[row];
        };
        double x = figure(replay, g, v);
        double usual = m == null ? 0 : m[v];
        inputs[i] = new double[] {x, usual, Math.max(usual - x, 0)};
        anyOrder |= g == 0 && x != 0;
      }
      if (g == 0 && !anyOrder) {
        // The organisation holds none of the last period's orders: nothing to learn the
        // profile of the period from.
        return null;
      }
      double[] rest = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        rest[i] = y[i] - inputs[i][0];
      }
      beta[g] = regress(inputs, rest);
      double[] fitted = new double[who.length];
      double[] soFar = new double[who.length];
      for (int i = 0; i < who.length; i++) {
        soFar[i] = inputs[i][0];
        fitted[i] = bounded(g, soFar[i], predict(beta[g], inputs[i][0], inputs[i][1]));
      }
      errors[g] = Errors.of(METRICS[g], last.period, fitted, soFar, y, g < 2, level);
    }
    return new Model(beta, errors);
  }

  /** The distributors of the sample whose gauge g can move ({@link #moves}). */
  private static int[] moving(Computation.Figures c, int g, int[] sample) {
    int[] out = new int[sample.length];
    int k = 0;
    for (int v : sample) {
      if (moves(c, g, v)) {
        out[k++] = v;
      }
    }
    return k == out.length ? out : Arrays.copyOf(out, k);
  }

  /**
   * Least squares with an intercept of what is still to come on the inputs; a coefficient the
   * data cannot tell apart is 0.
   */
  private static double[] regress(double[][] inputs, double[] y) {
    MillerUpdatingRegression ols = new MillerUpdatingRegression(3, true);
    ols.addObservations(inputs, y);
    RegressionResults fit = ols.regress();
    double[] b = fit.getParameterEstimates();
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = Double.isFinite(b[i]) ? b[i] : 0;
    }
    return out;
  }

  /**
   * The empirical distribution of a gauge's errors on the replayed period, relative to the size
   * of the projection, in groups of projected value.
   */
  private static final class Errors {
    /** Added to |projection| before dividing an error by it, so that small ones do not explode. */
    final double offset;
    /** Upper edges of the groups, ascending; a projection above edges[j - 1] is in group j. */
    final double[] edges;
    /** Per group, its errors in ascending order. */
    final double[][] sorted;
    final double[] low;
    final double[] high;

    private Errors(double offset, double[] edges, double[][] sorted, double[] low, double[] high) {
      this.offset = offset;
      this.edges = edges;
      this.sorted = sorted;
      this.low = low;
      this.high = high;
    }

    static Errors of(Metric metric, Period period, double[] fitted, double[] soFar,
        double[] actual, boolean volume, double level) {
      int n = fitted.length;
      double offset = 1;
      if (volume) {
        double[] positive = Arrays.stream(fitted).filter(f -> f > 0).toArray();
        if (positive.length > 0) {
          offset = Math.max(1, new Percentile().evaluate(positive, 50));
        }
      }
      double[] order = fitted.clone();
      Arrays.sort(order);
      double[] edges = new double[BINS - 1];
      for (int j = 0; j < edges.length; j++) {
        edges[j] = order[(int) ((long) (j + 1) * n / BINS)];
      }
      double[][] byBin = new double[BINS][n];
      int[][] members = new int[BINS][n];
      int[] count = new int[BINS];
      for (int i = 0; i < n; i++) {
        int b = group(edges, fitted[i]);
        members[b][count[b]] = i;
        byBin[b][count[b]++] = (actual[i] - fitted[i]) / (Math.abs(fitted[i]) + offset);
      }
      double[][] sorted = new double[BINS][];
      double[] low = new double[BINS];
      double[] high = new double[BINS];
      Percentile[] quantile = new Percentile[BINS];
      int[][] who = new int[BINS][];
      for (int b = 0; b < BINS; b++) {
        if (count[b] > 0) {
          sorted[b] = Arrays.copyOf(byBin[b], count[b]);
          Arrays.sort(sorted[b]);
          quantile[b] = new Percentile();
          quantile[b].setData(sorted[b]);
          who[b] = Arrays.copyOf(members[b], count[b]);
        }
      }
      // Figures are whole numbers and many are certain (a dormant distributor's 0), so the
      // quantiles at the level itself would hold more than the level. Each group takes the
      // quantiles, of a level from a grid, whose intervals hold the replayed figures at the rate
      // nearest a target (coverage rises with the grid's level, so the first level reaching it
      // and the one below are the candidates). For a volume the target is the level. A count's
      // smallest interval, its projected value alone, can hold more than the level in a group
      // of counts that seldom move, and no interval holds less: the target is then the one, on
      // the same grid and chosen the same way, at which all the groups together hold the
      // replayed figures at the rate nearest the level. Both choices rise with the level, so
      // the intervals of two levels nest.
      Held held = new Held(quantile, who, fitted, soFar, actual, offset, volume);
      double target = level;
      if (!volume) {
        int lo = 1;
        int hi = GRID - 1;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (held.overall((double) mid / GRID) >= level * n) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        target = (double) lo / GRID;
        if (lo > 1) {
          double below = (double) (lo - 1) / GRID;
          if (level * n - held.overall(below) < held.overall(target) - level * n) {
            target = below;
          }
        }
      }
      for (int b = 0; b < BINS; b++) {
        if (sorted[b] != null) {
          double at = (double) held.pick(b, target) / GRID;
          low[b] = quantile[b].evaluate(100 * (1 - at) / 2);
          high[b] = quantile[b].evaluate(100 * (1 + at) / 2);
        }
      }
      // A group no replayed projection fell in borrows the nearest group below, or above.
      for (int b = 0; b < BINS; b++) {
        if (sorted[b] == null) {
          int from = nearest(sorted, b, metric, period);
          sorted[b] = sorted[from];
          low[b] = low[from];
          high[b] = high[from];
        }
      }
      return new Errors(offset, edges, sorted, low, high);
    }

    /**
     * How many replayed figures each group's intervals hold at each level of the grid, worked
     * out when first asked.
     */
    private static final class Held {
      private final Percentile[] quantile;
      private final int[][] who;
      private final double[] fitted;
      private final double[] soFar;
      private final double[] actual;
      private final double offset;
      private final boolean volume;
      private final int[][] held = new int[BINS][];

      Held(Percentile[] quantile, int[][] who, double[] fitted, double[] soFar, double[] actual,
          double offset, boolean volume) {
        this.quantile = quantile;
        this.who = who;
        this.fitted = fitted;
        this.soFar = soFar;
        this.actual = actual;
        this.offset = offset;
        this.volume = volume;
      }

      /** How many of group b's figures the intervals at grid level {@code k} / GRID hold. */
      int held(int b, int k) {
        if (held[b] == null) {
          held[b] = new int[GRID];
          Arrays.fill(held[b], -1);
        }
        if (held[b][k] < 0) {
          held[b][k] = (int) Math.round(who[b].length * coverage(quantile[b], (double) k / GRID,
              who[b], fitted, soFar, actual, offset, volume));
        }
        return held[b][k];
      }

      /** The grid level whose intervals hold group b's figures at the rate nearest the target. */
      int pick(int b, double target) {
        double want = target * who[b].length;
        int lo = 1;
        int hi = GRID - 1;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (held(b, mid) >= want) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        if (lo > 1 && want - held(b, lo - 1) < held(b, lo) - want) {
          return lo - 1;
        }
        return lo;
      }

      /** How many figures of every group the intervals hold, each group at its pick. */
      double overall(double target) {
        double sum = 0;
        for (int b = 0; b < BINS; b++) {
          if (who[b] != null) {
            sum += held(b, pick(b, target));
          }
        }
        return sum;
      }
    }

    /** The share of a group's replayed figures that the intervals at {@code at} hold. */
    private static double coverage(Percentile quantile, double at, int[] who, double[] fitted,
        double[] soFar, double[] actual, double offset, boolean volume) {
      double lowError = quantile.evaluate(100 * (1 - at) / 2);
      double highError = quantile.evaluate(100 * (1 + at) / 2);
      int held = 0;
      for (int i : who) {
        double p = fitted[i];
        double s = Math.abs(p) + offset;
        double y = Math.rint(actual[i]);
        if (low(p, lowError * s, volume, soFar[i]) <= y && y <= high(p, highError * s)) {
          held++;
        }
      }
      return (double) held / who.length;
    }

    private static int nearest(double[][] sorted, int b, Metric metric, Period period) {
      for (int d = 1; d < BINS; d++) {
        if (b - d >= 0 && sorted[b - d] != null) {
          return b - d;
        }
        if (b + d < BINS && sorted[b + d] != null) {
          return b + d;
        }
      }
      throw new IllegalStateException("found no replayed figure of " + metric + " in period "
          + period + " in any of the " + BINS + " groups of projected value; expected the "
          + MIN_CALIBRATION + " or more distributors of the replayed period to fall in one");
    }

    private static int group(double[] edges, double value) {
      int lo = 0;
      int hi = edges.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (edges[mid] < value) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    int bin(double projected) {
      return group(edges, projected);
    }

    double scale(double projected) {
      return Math.abs(projected) + offset;
    }

    /** The probability that the gauge ends at or above {@code threshold}. */
    double atLeast(double projected, double threshold) {
      double[] e = sorted[bin(projected)];
      double z = (threshold - projected) / scale(projected);
      if (z <= e[0]) {
        return 1;
      } else if (z > e[e.length - 1]) {
        return 0;
      }
      int lo = 0;
      int hi = e.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (e[mid] < z) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return (double) (e.length - lo) / e.length;
    }
  }

  // ---- figures ----------------------------------------------------------------------------

  /** The share of the period's length elapsed at the as-of instant, 0 to 1. */
  static double elapsedShare(Computation c) {
    long end = Organisation.nanos(c.period.endInstant(c.zone));
    double share = (double) (c.periodSeenEnd - c.periodStart) / (end - c.periodStart);
    return Math.max(0, Math.min(1, share));
  }

  /** Gauge g of distributor v: a volume in units, a count in people. */
  private static double figure(Computation.Figures f, int g, int v) {
    return switch (g) {
      case PERSONAL -> f.personalVolume()[v];
      case GROUP -> f.groupVolume()[v];
      case CUSTOMERS -> f.activeCustomers()[v];
      default -> f.activeDistributors()[v];
    };
  }

  /**
   * Each gauge's mean over the up to {@link #HISTORY_DEPTH} closed periods before index
   * {@code upTo} that hold the distributor, by distributor index; 0 where none does, and null
   * (0 for everyone) where there is no such period.
   */
  private static double[][] historyMeans(Organisation org, Units units, List<ClosedPeriod> periods,
      int upTo) {
    if (upTo == 0) {
      return null;
    }
    ClosedPeriod[] window = periods.subList(Math.max(0, upTo - HISTORY_DEPTH), upTo)
        .toArray(new ClosedPeriod[0]);
    ClosedPeriod last = window[window.length - 1];
    double[][] kept = last.means(org, window, units.scale);
    if (kept == null) {
      kept = means(org, units, window);
      last.keepMeans(org, window, units.scale, kept);
    }
    return kept;
  }

  private static double[][] means(Organisation org, Units units, ClosedPeriod[] window) {
    int n = org.distributorCount();
    double[][] sum = new double[GAUGES][n];
    int[] count = new int[n];
    ClosedPeriod like = null;
    for (ClosedPeriod p : window) {
      int[] rowOf = p.rowsOf(org, like);
      like = p;
      double[] pow = new double[Byte.MAX_VALUE + 1];
      for (int s = 0; s < pow.length; s++) {
        pow[s] = Math.pow(10, units.scale - s);
      }
      for (int v = 0; v < n; v++) {
        int r = rowOf[v];
        if (r < 0) {
          continue;
        }
        sum[0][v] += p.personalUnscaled[r] * pow[p.personalScale[r]];
        sum[1][v] += p.groupUnscaled[r] * pow[p.groupScale[r]];
        sum[2][v] += p.customers[r];
        sum[3][v] += p.distributors[r];
        count[v]++;
      }
    }
    for (int v = 0; v < n; v++) {
      if (count[v] > 1) {
        for (int g = 0; g < GAUGES; g++) {
          sum[g][v] /= count[v];
        }
      }
    }
    return sum;
  }
}
