package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation-to-bare-loop ratio measured in pairs: one JVM, one organisation, the bare loop and
 * the evaluation run alternately (which one goes first alternates too), so that both see the same
 * load. On a shared machine whose load swings within seconds this ratio is steadier than the ratio
 * of two JMH runs made minutes apart. A complement to the JMH figures, not a replacement: no forks,
 * no blackholes beyond keeping a checksum.
 *
 * <pre>
 * java -Xmx8g -cp rank-benchmarks/target/benchmarks.jar dev.rankgauge.bench.PairedRatio \
 *     [distributors=1000000] [pairs=30] [plan=seed|doterra] [rows=join|tree] [clock=wall|cpu]
 * </pre>
 *
 * <p>{@code cpu} times each run by the CPU time of the thread running it
 * ({@code ThreadMXBean.getCurrentThreadCpuTime}) instead of the wall clock: on a machine loaded
 * far beyond its cores, time spent waiting for a core then counts for neither side. Both sides
 * still share the caches with the neighbours; the ratio is the figure to read.
 */
public final class PairedRatio {
  private PairedRatio() {}

  /** Runs the pairs and prints both distributions and the ratio. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String planName = args.length > 2 ? args[2] : "seed";
    String rows = args.length > 3 ? args[3] : "join";
    boolean cpu = args.length > 4 && args[4].equals("cpu");
    java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory
        .getThreadMXBean();
    CompPlan plan = planName.equals("doterra") ? BenchmarkPlans.doterraLike() : BenchmarkPlans.seed();
    SyntheticOrganisation g = SyntheticOrganisation.generate(n, SyntheticOrganisation.SEED);
    if (rows.equals("tree")) {
      g = g.treeOrdered();
    }
    long start = System.nanoTime();
    Organisation org = g.organisation();
    System.out.printf(Locale.ROOT, "%s%nbuilt in %,d ms; plan %s, rows in %s order%n", g.shape(),
        (System.nanoTime() - start) / 1_000_000, plan.name(), rows);
    System.gc();
    long units = BenchmarkPlans.ACTIVE_PV.movePointRight(SyntheticOrganisation.SCALE)
        .longValueExact();
    long sink = 0;
    for (int i = 0; i < 10; i++) {
      sink += BareLoop.run(g, units).groupVolume[0];
      sink += checksum(RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD));
    }
    long[] bare = new long[pairs];
    long[] eval = new long[pairs];
    double[] ratio = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      for (int k = 0; k < 2; k++) {
        boolean bareNow = (i + k) % 2 == 0;
        long t = cpu ? clock.getCurrentThreadCpuTime() : System.nanoTime();
        if (bareNow) {
          sink += BareLoop.run(g, units).groupVolume[0];
          bare[i] = (cpu ? clock.getCurrentThreadCpuTime() : System.nanoTime()) - t;
        } else {
          sink += checksum(RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD));
          eval[i] = (cpu ? clock.getCurrentThreadCpuTime() : System.nanoTime()) - t;
        }
      }
      ratio[i] = (double) eval[i] / bare[i];
    }
    System.out.printf(Locale.ROOT, "%s time%n", cpu ? "thread CPU" : "wall");
    System.out.printf(Locale.ROOT, "bare loop   ms: min %7.1f  median %7.1f%n", ms(min(bare)),
        ms(median(bare)));
    System.out.printf(Locale.ROOT, "evaluation  ms: min %7.1f  median %7.1f%n", ms(min(eval)),
        ms(median(eval)));
    Arrays.sort(ratio);
    System.out.printf(Locale.ROOT, "evaluation / bare loop over %d pairs: median %.2f"
        + " (quartiles %.2f to %.2f); ratio of minimums %.2f  [checksum %d]%n", pairs,
        ratio[pairs / 2], ratio[pairs / 4], ratio[pairs * 3 / 4],
        (double) min(eval) / min(bare), sink);
  }

  /**
   * The paid-as counts by rank code: the same in every JVM for the same results (a {@code Rank}'s
   * own hash takes in its requirements, whose enums hash by identity).
   */
  private static long checksum(Evaluation e) {
    long sum = 0;
    for (Map.Entry<Rank, Integer> count : e.paidAsCounts().entrySet()) {
      sum = sum * 31 + count.getKey().code().hashCode() * 1_000_003L + count.getValue();
    }
    return sum;
  }

  private static long min(long[] a) {
    return Arrays.stream(a).min().orElseThrow();
  }

  private static long median(long[] a) {
    long[] s = a.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
