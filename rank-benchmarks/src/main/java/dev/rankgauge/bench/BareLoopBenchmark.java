package dev.rankgauge.bench;

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

/**
 * The reference: the four gauges' sums on primitive arrays ({@link BareLoop}) over the same
 * synthetic organisation the evaluation benchmarks read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class BareLoopBenchmark {
  @Param({"100000", "1000000"})
  int distributors;

  private SyntheticOrganisation data;
  private long minimumActiveUnits;

  /** Generates the columns once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    data = SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED);
    minimumActiveUnits = BenchmarkPlans.ACTIVE_PV.movePointRight(SyntheticOrganisation.SCALE)
        .longValueExact();
    // generating leaves garbage; collect it now, not in the first measured iteration
    System.gc();
  }

  /** One run of the sums; JMH consumes the returned arrays. */
  @Benchmark
  public BareLoop.Sums bareLoop() {
    return BareLoop.run(data, minimumActiveUnits);
  }
}
