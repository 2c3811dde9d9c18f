package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.History;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.RankGauge;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cost of overrides measured in pairs, as {@link HistoryRatio} does for history: one JVM, one
 * organisation, the evaluation without overrides and the evaluation with {@code count} of them
 * ({@link OverridesBenchmark#overrides}: the four kinds in turn, distinct distributors drawn at
 * random) run alternately, so that both see the same load. A count of 0 passes
 * {@link Overrides#none()}.
 *
 * <pre>
 * java -Xmx8g -cp rank-benchmarks/target/benchmarks.jar dev.rankgauge.bench.OverridesRatio \
 *     [distributors=1000000] [pairs=15] [counts=0,1000,100000]
 * </pre>
 */
public final class OverridesRatio {
  private OverridesRatio() {}

  /** Runs the pairs for each count and prints both distributions and the ratio. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int[] counts = Arrays.stream((args.length > 2 ? args[2] : "0,1000,100000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    Organisation org = SyntheticOrganisation.generate(n, SyntheticOrganisation.SEED).organisation();
    CompPlan plan = BenchmarkPlans.seed();
    long sink = 0;
    for (int count : counts) {
      Overrides overrides = OverridesBenchmark.overrides(org, count, SyntheticOrganisation.SEED);
      System.gc();
      for (int i = 0; i < 5; i++) {
        sink += plain(org, plan) + with(org, plan, overrides);
      }
      long[] without = new long[pairs];
      long[] withOverrides = new long[pairs];
      double[] ratio = new double[pairs];
      for (int i = 0; i < pairs; i++) {
        for (int k = 0; k < 2; k++) {
          long t = System.nanoTime();
          if ((i + k) % 2 == 0) {
            sink += plain(org, plan);
            without[i] = System.nanoTime() - t;
          } else {
            sink += with(org, plan, overrides);
            withOverrides[i] = System.nanoTime() - t;
          }
        }
        ratio[i] = (double) withOverrides[i] / without[i];
      }
      Arrays.sort(ratio);
      System.out.printf(Locale.ROOT, "%,d overrides: without ms min %7.1f median %7.1f; with ms"
          + " min %7.1f median %7.1f; with / without over %d pairs: median %.3f (quartiles %.3f"
          + " to %.3f), ratio of minimums %.3f%n", count, min(without) / 1e6,
          median(without) / 1e6, min(withOverrides) / 1e6, median(withOverrides) / 1e6, pairs,
          ratio[pairs / 2], ratio[pairs / 4], ratio[pairs * 3 / 4],
          (double) min(withOverrides) / min(without));
    }
    System.out.println("[checksum " + sink + "]");
  }

  private static long plain(Organisation org, CompPlan plan) {
    return RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD).paidAsCounts().hashCode();
  }

  private static long with(Organisation org, CompPlan plan, Overrides overrides) {
    return RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD,
        SyntheticOrganisation.PERIOD.endInstant(plan.zone()), History.empty(), overrides)
        .paidAsCounts().hashCode();
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
