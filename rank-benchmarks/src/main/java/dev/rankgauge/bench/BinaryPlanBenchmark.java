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
 * The bundled binary plan ({@link BenchmarkPlans#binary()}: side volumes, personally sponsored
 * distributors on each side, ranks in each side) next to the seed plan, on the same synthetic
 * organisation with a binary placement tree (spillover down the sponsor's outer legs,
 * {@link SyntheticOrganisation#organisation(boolean)}). Issue 15's goal: the binary plan at most
 * twice the seed plan at 1,000,000 distributors.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class BinaryPlanBenchmark {
  @Param({"1000000"})
  int distributors;

  private Organisation organisation;
  private CompPlan binary;
  private CompPlan seed;

  /** Builds the placed organisation once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    organisation = SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED)
        .organisation(true);
    binary = BenchmarkPlans.binary();
    seed = BenchmarkPlans.seed();
    System.gc();
  }

  /** One evaluation of the whole organisation against the binary plan. */
  @Benchmark
  public void binaryPlan(Blackhole bh) {
    bh.consume(RankGauge.evaluate(organisation, binary, SyntheticOrganisation.PERIOD)
        .paidAsCounts());
  }

  /** The same organisation, placements and all, against the seed plan (four gauges). */
  @Benchmark
  public void seedPlan(Blackhole bh) {
    bh.consume(RankGauge.evaluate(organisation, seed, SyntheticOrganisation.PERIOD)
        .paidAsCounts());
  }
}
