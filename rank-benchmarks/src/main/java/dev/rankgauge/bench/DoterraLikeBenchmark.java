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
 * {@code RankGauge.evaluate} with a doTERRA-like ladder ({@link BenchmarkPlans#doterraLike()}):
 * eleven ranks above the entry rank, seven of them with legs-with-rank requirements.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class DoterraLikeBenchmark {
  @Param({"1000000"})
  int distributors;

  private Organisation organisation;
  private CompPlan plan;

  /** Builds the organisation once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    organisation = SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED)
        .organisation();
    plan = BenchmarkPlans.doterraLike();
    // the builder leaves gigabytes of garbage; collect it now, not in the first measured iteration
    System.gc();
  }

  /** One evaluation of the whole organisation against the doTERRA-like ladder. */
  @Benchmark
  public void doterraLike(Blackhole bh) {
    bh.consume(RankGauge.evaluate(organisation, plan, SyntheticOrganisation.PERIOD).paidAsCounts());
  }
}
