package dev.rankgauge.bench;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Projection;
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
 * The month-end projection of everyone against the evaluation it projects: November 2026 as of
 * the 15th at noon, with October closed into the history, seed plan. The projection replays
 * October to the same point, fits its model and projects every distributor's gauges and rank.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class ProjectionBenchmark {
  @Param({"1000000"})
  int distributors;

  private ProjectionBenchmarks.Setting setting;
  private Evaluation evaluation;

  /** Builds the organisation, closes October and evaluates November once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    setting = ProjectionBenchmarks.setting(distributors);
    evaluation = setting.evaluate();
    System.gc();
  }

  /** The evaluation of the open period, as of the 15th. */
  @Benchmark
  public void evaluation(Blackhole bh) {
    bh.consume(setting.evaluate().paidAsCounts());
  }

  /** Everyone's projection of that evaluation. */
  @Benchmark
  public void projection(Blackhole bh) {
    bh.consume(Projection.of(evaluation).of("D1"));
  }
}
