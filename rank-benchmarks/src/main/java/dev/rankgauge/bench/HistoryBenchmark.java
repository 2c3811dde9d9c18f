package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.History;
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
 * One period evaluated with twelve closed months of history (title ranks, a grace of two months,
 * a rank that reads all twelve months) against the same period evaluated on its own with the seed
 * plan. The organisation and the history are built once per trial.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class HistoryBenchmark {
  @Param({"1000000"})
  int distributors;

  private Organisation organisation;
  private CompPlan seed;
  private CompPlan withHistory;
  private History history;

  /** Builds the organisation and twelve months of history once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    organisation = SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED)
        .organisation();
    seed = BenchmarkPlans.seed();
    withHistory = HistoryBenchmarks.plan();
    history = HistoryBenchmarks.history(organisation, withHistory, SyntheticOrganisation.SEED);
    System.gc();
  }

  /** The period on its own, seed plan. */
  @Benchmark
  public void singlePeriod(Blackhole bh) {
    bh.consume(RankGauge.evaluate(organisation, seed, SyntheticOrganisation.PERIOD).paidAsCounts());
  }

  /** The period with twelve closed months: titles, hold and the twelve-month rank. */
  @Benchmark
  public void twelveMonths(Blackhole bh) {
    bh.consume(RankGauge.evaluate(organisation, withHistory, SyntheticOrganisation.PERIOD,
        SyntheticOrganisation.PERIOD.endInstant(withHistory.zone()), history).paidAsCounts());
  }
}
