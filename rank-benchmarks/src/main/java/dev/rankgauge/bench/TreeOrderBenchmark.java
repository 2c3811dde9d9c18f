package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The locality experiment: the bare loop and the seed-plan evaluation over the same organisation
 * with its rows in tree order ({@link SyntheticOrganisation#treeOrdered()}), so that every dense
 * index follows the tree and every pass walks memory in order. The gap to {@link BareLoopBenchmark}
 * and {@link EvaluationBenchmark} is what cache misses cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class TreeOrderBenchmark {
  @Param({"1000000"})
  int distributors;

  private SyntheticOrganisation data;
  private long minimumActiveUnits;
  private Organisation organisation;
  private CompPlan plan;

  /** Generates and reorders the columns, and builds the organisation, once per trial. */
  @Setup(Level.Trial)
  public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
    data = SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED).treeOrdered();
    minimumActiveUnits = BenchmarkPlans.ACTIVE_PV.movePointRight(SyntheticOrganisation.SCALE)
        .longValueExact();
    if (params.getBenchmark().endsWith("fourGaugesTreeOrder")) {
      organisation = data.organisation();
      plan = BenchmarkPlans.seed();
    }
    // setup leaves garbage; collect it now, not in the first measured iteration
    System.gc();
  }

  /** The bare loop over tree-ordered columns. */
  @Benchmark
  public BareLoop.Sums bareLoopTreeOrder() {
    return BareLoop.run(data, minimumActiveUnits);
  }

  /** The seed-plan evaluation of the organisation built from tree-ordered rows. */
  @Benchmark
  public void fourGaugesTreeOrder(Blackhole bh) {
    bh.consume(RankGauge.evaluate(organisation, plan, SyntheticOrganisation.PERIOD).paidAsCounts());
  }
}
