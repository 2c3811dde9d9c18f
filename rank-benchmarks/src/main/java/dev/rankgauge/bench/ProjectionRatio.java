package dev.rankgauge.bench;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Projection;
import java.util.Arrays;
import java.util.Locale;

/**
 * Everyone's month-end projection against the evaluation it projects, measured in pairs as
 * {@link PairedRatio} does: one JVM, one organisation, the evaluation and the projection run
 * alternately, so that both see the same load.
 *
 * <pre>
 * java -Xmx8g -cp rank-benchmarks/target/benchmarks.jar dev.rankgauge.bench.ProjectionRatio \
 *     [distributors=1000000] [pairs=15] [clock=wall|cpu]
 * </pre>
 *
 * <p>{@code cpu} times each run by the CPU time of the thread running it, as {@link PairedRatio}
 * does: on a machine loaded far beyond its cores, time spent waiting for a core then counts for
 * neither side.
 */
public final class ProjectionRatio {
  private ProjectionRatio() {}

  /**
   * Runs the pairs and prints both distributions and the ratio.
   *
   * @param args distributors, pairs and clock
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    boolean cpu = args.length > 2 && args[2].equals("cpu");
    java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory
        .getThreadMXBean();
    ProjectionBenchmarks.Setting setting = ProjectionBenchmarks.setting(n);
    Evaluation evaluation = setting.evaluate();
    System.gc();
    long cold = System.nanoTime();
    Projection first = Projection.of(evaluation);
    System.out.printf(Locale.ROOT, "%,d distributors; first projection (%s, closed periods"
        + " aligned to the organisation): %,d ms%n", n, first.basis(),
        (System.nanoTime() - cold) / 1_000_000);
    long sink = 0;
    for (int i = 0; i < 5; i++) {
      sink += setting.evaluate().paidAsCounts().hashCode()
          + Projection.of(evaluation).of("D1").hashCode();
    }
    long[] eval = new long[pairs];
    long[] proj = new long[pairs];
    double[] ratio = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      for (int k = 0; k < 2; k++) {
        long t = cpu ? clock.getCurrentThreadCpuTime() : System.nanoTime();
        if ((i + k) % 2 == 0) {
          sink += setting.evaluate().paidAsCounts().hashCode();
          eval[i] = (cpu ? clock.getCurrentThreadCpuTime() : System.nanoTime()) - t;
        } else {
          sink += Projection.of(evaluation).of("D1").hashCode();
          proj[i] = (cpu ? clock.getCurrentThreadCpuTime() : System.nanoTime()) - t;
        }
      }
      ratio[i] = (double) proj[i] / eval[i];
    }
    Arrays.sort(ratio);
    System.out.printf(Locale.ROOT, "%s time%n", cpu ? "thread CPU" : "wall");
    System.out.printf(Locale.ROOT, "evaluation ms: min %7.1f  median %7.1f%n", min(eval) / 1e6,
        median(eval) / 1e6);
    System.out.printf(Locale.ROOT, "projection ms: min %7.1f  median %7.1f%n", min(proj) / 1e6,
        median(proj) / 1e6);
    System.out.printf(Locale.ROOT, "projection / evaluation over %d pairs: median %.2f (quartiles"
        + " %.2f to %.2f); ratio of minimums %.2f  [checksum %d]%n", pairs, ratio[pairs / 2],
        ratio[pairs / 4], ratio[pairs * 3 / 4], (double) min(proj) / min(eval), sink);
  }

  private static long min(long[] a) {
    return Arrays.stream(a).min().orElseThrow();
  }

  private static long median(long[] a) {
    long[] s = a.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
