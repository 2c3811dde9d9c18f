package dev.rankgauge.bench;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
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
 * The edge: building every distributor's full {@link DistributorResult} (gauges, gap, focus lists
 * with their orders) from an evaluation computed once per trial, outside the measurement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class ResultsBenchmark {
  @Param({"100000"})
  int distributors;

  private Evaluation evaluation;

  /** Builds the organisation and evaluates it once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    evaluation = RankGauge.evaluate(
        SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED).organisation(),
        BenchmarkPlans.seed(), SyntheticOrganisation.PERIOD);
    // the builder leaves gigabytes of garbage; collect it now, not in the first measured iteration
    System.gc();
  }

  /** Reads every distributor's result, in input order. */
  @Benchmark
  public void everyResult(Blackhole bh) {
    for (DistributorResult r : evaluation.results()) {
      bh.consume(r);
    }
  }
}
