package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.History;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cost of twelve months of history measured in pairs, as {@link PairedRatio} does for the
 * bare loop: one JVM, one organisation, the single-period evaluation and the evaluation with
 * history run alternately, so that both see the same load.
 *
 * <pre>
 * java -Xmx8g -cp rank-benchmarks/target/benchmarks.jar dev.rankgauge.bench.HistoryRatio \
 *     [distributors=1000000] [pairs=15]
 * </pre>
 */
public final class HistoryRatio {
  private HistoryRatio() {}

  /** Runs the pairs and prints both distributions and the ratio. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Organisation org = SyntheticOrganisation.generate(n, SyntheticOrganisation.SEED).organisation();
    CompPlan seed = BenchmarkPlans.seed();
    CompPlan plan = HistoryBenchmarks.plan();
    long start = System.nanoTime();
    History history = HistoryBenchmarks.history(org, plan, SyntheticOrganisation.SEED);
    System.out.printf(Locale.ROOT, "%,d distributors, %d closed months built in %,d ms%n", n,
        history.periods().size(), (System.nanoTime() - start) / 1_000_000);
    System.gc();
    long cold = System.nanoTime();
    long sink = withHistory(org, plan, history);
    System.out.printf(Locale.ROOT, "first evaluation with history (ids aligned to the"
        + " organisation): %,d ms%n", (System.nanoTime() - cold) / 1_000_000);
    for (int i = 0; i < 5; i++) {
      sink += single(org, seed) + withHistory(org, plan, history);
    }
    long[] one = new long[pairs];
    long[] twelve = new long[pairs];
    double[] ratio = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      for (int k = 0; k < 2; k++) {
        long t = System.nanoTime();
        if ((i + k) % 2 == 0) {
          sink += single(org, seed);
          one[i] = System.nanoTime() - t;
        } else {
          sink += withHistory(org, plan, history);
          twelve[i] = System.nanoTime() - t;
        }
      }
      ratio[i] = (double) twelve[i] / one[i];
    }
    Arrays.sort(ratio);
    System.out.printf(Locale.ROOT, "single period   ms: min %7.1f  median %7.1f%n",
        min(one) / 1e6, median(one) / 1e6);
    System.out.printf(Locale.ROOT, "twelve months   ms: min %7.1f  median %7.1f%n",
        min(twelve) / 1e6, median(twelve) / 1e6);
    System.out.printf(Locale.ROOT, "twelve months / single period over %d pairs: median %.2f"
        + " (quartiles %.2f to %.2f); ratio of minimums %.2f  [checksum %d]%n", pairs,
        ratio[pairs / 2], ratio[pairs / 4], ratio[pairs * 3 / 4],
        (double) min(twelve) / min(one), sink);
  }

  private static long single(Organisation org, CompPlan seed) {
    return RankGauge.evaluate(org, seed, SyntheticOrganisation.PERIOD).paidAsCounts().hashCode();
  }

  private static long withHistory(Organisation org, CompPlan plan, History history) {
    return RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD,
        SyntheticOrganisation.PERIOD.endInstant(plan.zone()), history).paidAsCounts().hashCode();
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
