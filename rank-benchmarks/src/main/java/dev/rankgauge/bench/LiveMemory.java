package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * The heap a live evaluation adds over one evaluation of the same organisation, measured as the
 * heap in use after a full collection (a documented script, not a timed test).
 *
 * <pre>
 * java -Xmx8g -cp rank-benchmarks/target/benchmarks.jar dev.rankgauge.bench.LiveMemory \
 *     [distributors=1000000] [plan=seed|doterra]
 * </pre>
 */
public final class LiveMemory {
  private LiveMemory() {}

  /** Prints the heap in use with the organisation, with an evaluation, and with a live one. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    CompPlan plan = args.length > 1 && args[1].equals("doterra") ? BenchmarkPlans.doterraLike()
        : BenchmarkPlans.seed();
    Organisation org = SyntheticOrganisation.generate(n, SyntheticOrganisation.SEED)
        .organisation();
    long base = used();
    Evaluation e = RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD);
    long evaluation = used() - base;
    LiveEvaluation live = LiveEvaluation.start(e);
    long withLive = used() - base;
    System.out.printf(Locale.ROOT, "%,d distributors, plan %s%n", n, plan.name());
    System.out.printf(Locale.ROOT, "organisation       %,8d MB%n", base >> 20);
    System.out.printf(Locale.ROOT, "one evaluation     %,8d MB%n", evaluation >> 20);
    System.out.printf(Locale.ROOT, "plus live (writer state and first snapshot) %,8d MB"
        + " (%.1f evaluations)%n", (withLive - evaluation) >> 20,
        (double) (withLive - evaluation) / evaluation);
    // keep them reachable until measured
    System.out.println(e.paidAsCounts().size() + live.snapshot().paidAsCounts().size() > 0
        ? "" : "-");
  }

  private static long used() {
    MemoryMXBean m = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return m.getHeapMemoryUsage().getUsed();
  }
}
