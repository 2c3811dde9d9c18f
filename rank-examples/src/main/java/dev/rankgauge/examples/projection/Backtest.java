package dev.rankgauge.examples.projection;

import dev.rankgauge.CompPlan;
import dev.rankgauge.DistributorProjection;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Metric;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.ProjectedGauge;
import dev.rankgauge.Projection;
import dev.rankgauge.RankGauge;
import dev.rankgauge.ResultTable;
import dev.rankgauge.examples.csv.Generator;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The projection's backtest: generates an organisation over several months ({@link Generator}
 * with growth, buying habits, churn and seasonality), closes the months before each tested month
 * into a history, projects the tested month from several days inside it and compares every
 * distributor's projection with the figures the month really closed with. It measures, per gauge,
 * how often the prediction interval holds the closed figure (its coverage) and the mean absolute
 * error of the projection and of the straight-line extrapolation of the period so far (value times
 * period length over time elapsed).
 *
 * <p>Run it as a script ({@code docs/projection.md} has the command and the figures) or through
 * {@code ProjectionBacktestTest}, which checks both claims on a fixed seed.
 */
public final class Backtest {
  /** The days of the month projected from (the as-of instant is that day at noon, plan's zone). */
  public static final List<Integer> DAYS = List.of(5, 10, 15, 20, 25);

  private Backtest() {}

  /**
   * One gauge's figures over every distributor, day and tested month.
   *
   * @param metric the gauge
   * @param cases how many projections were compared
   * @param covered how many closed figures lay in their interval
   * @param movable how many of the projections were of a gauge that could move (not
   *     {@link ProjectedGauge#certain()}: a volume, or a count with someone left who can change)
   * @param movableCovered how many of those lay in their interval
   * @param projectionError the projection's summed absolute error
   * @param straightLineError the straight line's summed absolute error
   */
  public record GaugeScore(Metric metric, long cases, long covered, long movable,
      long movableCovered, double projectionError, double straightLineError) {
    /** {@return the share of closed figures in their interval, 0 to 1} */
    public double coverage() {
      return (double) covered / cases;
    }

    /** {@return the share of closed figures in their interval where the gauge could move} */
    public double movableCoverage() {
      return (double) movableCovered / movable;
    }

    /**
     * {@return the share of closed figures in their interval where the gauge was certain (could
     * not move), 0 to 1; NaN where none was}
     */
    public double certainCoverage() {
      return (double) (covered - movableCovered) / (cases - movable);
    }

    /** {@return the projection's mean absolute error} */
    public double projectionMae() {
      return projectionError / cases;
    }

    /** {@return the straight line's mean absolute error} */
    public double straightLineMae() {
      return straightLineError / cases;
    }
  }

  /**
   * Runs the backtest.
   *
   * @param distributors the size of the generated organisation
   * @param seed the generator's seed
   * @param last the last month generated
   * @param months how many months are generated
   * @param tested how many of the last months are projected (each with the months before it as
   *     history)
   * @param level the interval's level
   * @param work a folder for the generated files
   * @return the score of each gauge
   * @throws IOException if the files cannot be written or read
   */
  public static Map<Metric, GaugeScore> run(int distributors, long seed, YearMonth last,
      int months, int tested, double level, Path work) throws IOException {
    Generator.generate(distributors, seed, last, months, work, Progress.silent());
    CompPlan plan = PlanFiles.bundled("seed");
    Organisation org = CsvOrganisation.read(work, plan, Progress.silent());
    History history = History.empty();
    YearMonth first = last.minusMonths(months - 1L);
    long[] cases = new long[4];
    long[] covered = new long[4];
    double[] projErr = new double[4];
    double[] lineErr = new double[4];
    long[] movable = new long[4];
    long[] movableCovered = new long[4];
    // A count cannot move where nobody counted can still change (ProjectedGauge.certain): no
    // personal customer (sponsored distributor) or every one active already. Coverage is given
    // over everyone and over those whose gauge can move.
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      Period period = Period.month(m);
      Evaluation closed = RankGauge.evaluate(org, plan, period, period.endInstant(plan.zone()),
          history);
      if (m.isAfter(last.minusMonths(tested))) {
        ResultTable actual = closed.table();
        Instant start = period.startInstant(plan.zone());
        Instant end = period.endInstant(plan.zone());
        for (int day : DAYS) {
          Instant asOf = m.atDay(day).atTime(12, 0).atZone(plan.zone()).toInstant();
          double elapsed = (double) Duration.between(start, asOf).toNanos()
              / Duration.between(start, end).toNanos();
          Evaluation open = RankGauge.evaluate(org, plan, period, asOf, history);
          Projection projection = Projection.of(open, level);
          if (projection.basis() != Projection.Basis.HISTORY) {
            continue;
          }
          ResultTable now = open.table();
          for (int row = 0; row < actual.size(); row++) {
            DistributorProjection p = projection.row(row);
            for (Metric metric : Metric.values()) {
              int g = metric.ordinal();
              ProjectedGauge pg = p.gauge(metric);
              BigDecimal truth = actual.value(row, metric);
              double t = truth.doubleValue();
              cases[g]++;
              ProjectedGauge.Interval in = pg.interval().orElseThrow();
              if (in.contains(truth)) {
                covered[g]++;
              }
              if (!pg.certain()) {
                movable[g]++;
                if (in.contains(truth)) {
                  movableCovered[g]++;
                }
              }
              projErr[g] += Math.abs(pg.projected().doubleValue() - t);
              lineErr[g] += Math.abs(now.value(row, metric).doubleValue() / elapsed - t);
            }
          }
        }
      }
      history = closed.close();
    }
    Map<Metric, GaugeScore> out = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      int g = metric.ordinal();
      out.put(metric, new GaugeScore(metric, cases[g], covered[g], movable[g], movableCovered[g],
          projErr[g], lineErr[g]));
    }
    return out;
  }

  /**
   * Prints the backtest's table.
   *
   * @param scores the scores
   * @param level the nominal level
   * @param out where to print
   */
  public static void print(Map<Metric, GaugeScore> scores, double level, PrintStream out) {
    out.printf(Locale.ROOT, "%-30s %6s %9s %16s %15s %11s %14s %6s%n", "gauge", "level",
        "coverage", "where it moves", "where certain", "error", "straight line", "ratio");
    for (GaugeScore s : scores.values()) {
      String certain = s.cases() == s.movable() ? "-"
          : String.format(Locale.ROOT, "%.2f%% of %d", 100 * s.certainCoverage(),
              s.cases() - s.movable());
      out.printf(Locale.ROOT, "%-30s %5.1f%% %8.1f%% %15.1f%% %15s %11.2f %14.2f %6.3f%n",
          s.metric().label(), 100 * level, 100 * s.coverage(), 100 * s.movableCoverage(),
          certain, s.projectionMae(), s.straightLineMae(),
          s.projectionMae() / s.straightLineMae());
    }
  }

  /**
   * Runs the backtest from the command line:
   * {@code Backtest [distributors [seed [months [tested [level]]]]]}; the last month is
   * {@link Generator#DEFAULT_MONTH}.
   *
   * @param args the arguments
   * @throws IOException if the files cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    List<String> a = new ArrayList<>(List.of(args));
    int distributors = a.size() > 0 ? Integer.parseInt(a.get(0)) : 20_000;
    long seed = a.size() > 1 ? Long.parseLong(a.get(1)) : 12L;
    int months = a.size() > 2 ? Integer.parseInt(a.get(2)) : 9;
    int tested = a.size() > 3 ? Integer.parseInt(a.get(3)) : 3;
    double level = a.size() > 4 ? Double.parseDouble(a.get(4)) : Projection.DEFAULT_LEVEL;
    Path work = Files.createTempDirectory("rankgauge-backtest");
    Map<Metric, GaugeScore> scores = run(distributors, seed, Generator.DEFAULT_MONTH, months,
        tested, level, work);
    System.out.printf(Locale.ROOT, "%,d distributors, seed %d, %d months, the last %d tested at"
        + " days %s%n", distributors, seed, months, tested, DAYS);
    print(scores, level, System.out);
  }
}
