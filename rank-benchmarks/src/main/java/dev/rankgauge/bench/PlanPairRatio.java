package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import java.util.Arrays;
import java.util.Locale;

/**
 * The binary plan against the seed plan, measured in pairs like {@link PairedRatio}: one JVM,
 * one organisation with a binary placement tree, the two evaluations run alternately (which one
 * goes first alternates too), so that both see the same load. Issue 15's goal is a ratio of at
 * most 2. Also prints each against the bare loop of {@link PairedRatio}, in the same run.
 *
 * <pre>
 * java -Xmx8g -cp rank-benchmarks/target/benchmarks.jar dev.rankgauge.bench.PlanPairRatio \
 *     [distributors=1000000] [pairs=15]
 * </pre>
 */
public final class PlanPairRatio {
  private PlanPairRatio() {}

  /** Runs the pairs and prints the distributions and the ratios. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    SyntheticOrganisation g = SyntheticOrganisation.generate(n, SyntheticOrganisation.SEED);
    long start = System.nanoTime();
    Organisation org = g.organisation(true);
    System.out.printf(Locale.ROOT, "%s%nbuilt with %,d placements in %,d ms%n", g.shape(),
        org.placements().size(), (System.nanoTime() - start) / 1_000_000);
    CompPlan seed = BenchmarkPlans.seed();
    CompPlan binary = BenchmarkPlans.binary();
    System.gc();
    long units = BenchmarkPlans.ACTIVE_PV.movePointRight(SyntheticOrganisation.SCALE)
        .longValueExact();
    long sink = 0;
    for (int i = 0; i < 10; i++) {
      sink += RankGauge.evaluate(org, seed, SyntheticOrganisation.PERIOD).paidAsCounts().hashCode();
      sink += RankGauge.evaluate(org, binary, SyntheticOrganisation.PERIOD).paidAsCounts()
          .hashCode();
      sink += BareLoop.run(g, units).groupVolume[0];
    }
    long[][] t = new long[3][pairs];
    double[] ratio = new double[pairs];
    double[] seedBare = new double[pairs];
    double[] binaryBare = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      for (int k = 0; k < 3; k++) {
        int which = (i + k) % 3;
        long s = System.nanoTime();
        if (which == 0) {
          sink += RankGauge.evaluate(org, seed, SyntheticOrganisation.PERIOD).paidAsCounts()
              .hashCode();
        } else if (which == 1) {
          sink += RankGauge.evaluate(org, binary, SyntheticOrganisation.PERIOD).paidAsCounts()
              .hashCode();
        } else {
          sink += BareLoop.run(g, units).groupVolume[0];
        }
        t[which][i] = System.nanoTime() - s;
      }
      ratio[i] = (double) t[1][i] / t[0][i];
      seedBare[i] = (double) t[0][i] / t[2][i];
      binaryBare[i] = (double) t[1][i] / t[2][i];
    }
    String[] names = {"seed plan", "binary plan", "bare loop"};
    for (int w = 0; w < 3; w++) {
      long[] s = t[w].clone();
      Arrays.sort(s);
      System.out.printf(Locale.ROOT, "%-12s ms: min %7.1f  median %7.1f%n", names[w],
          s[0] / 1e6, s[pairs / 2] / 1e6);
    }
    print("binary / seed", ratio);
    print("seed / bare loop", seedBare);
    print("binary / bare loop", binaryBare);
    System.out.printf(Locale.ROOT, "[checksum %d]%n", sink);
  }

  private static void print(String what, double[] r) {
    double[] s = r.clone();
    Arrays.sort(s);
    System.out.printf(Locale.ROOT, "%-20s over %d pairs: median %.2f (quartiles %.2f to %.2f)%n",
        what, s.length, s[s.length / 2], s[s.length / 4], s[s.length * 3 / 4]);
  }
}
