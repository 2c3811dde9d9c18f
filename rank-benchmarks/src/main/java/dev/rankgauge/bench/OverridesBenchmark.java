package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.History;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import java.util.SplittableRandom;
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
 * The seed plan over the synthetic organisation with {@code overrides} overrides granted to
 * distributors drawn at random, the four kinds in turn (a minimum rank of Silver, Silver's
 * requirement 2 waived, kept out of compression, counted as active). {@code overrides=0} passes
 * {@link Overrides#none()}; {@link #plain} calls the evaluation without overrides, the entry point
 * {@link EvaluationBenchmark} measures, so that both are measured in one run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class OverridesBenchmark {
  @Param({"1000000"})
  int distributors;

  @Param({"0", "1000", "100000"})
  int overrides;

  private Organisation organisation;
  private CompPlan plan;
  private Overrides granted;
  private Period period;

  /** Builds the organisation and the overrides once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticOrganisation s = SyntheticOrganisation.generate(distributors,
        SyntheticOrganisation.SEED);
    organisation = s.organisation();
    plan = BenchmarkPlans.seed();
    period = SyntheticOrganisation.PERIOD;
    granted = overrides(organisation, overrides, SyntheticOrganisation.SEED);
    System.gc();
  }

  /** {@code count} overrides of distinct distributors, the four kinds in turn. */
  static Overrides overrides(Organisation org, int count, long seed) {
    if (count == 0) {
      return Overrides.none();
    }
    SplittableRandom random = new SplittableRandom(seed);
    java.util.BitSet taken = new java.util.BitSet(org.distributorCount());
    Overrides.Builder b = Overrides.builder();
    for (int i = 0; i < count; i++) {
      int d = random.nextInt(org.distributorCount());
      while (taken.get(d)) {
        d = random.nextInt(org.distributorCount());
      }
      taken.set(d);
      String id = org.distributors().get(d).id();
      switch (i % 4) {
        case 0 -> b.minimumRank(id, "SLV");
        case 1 -> b.waive(id, "SLV", 2);
        case 2 -> b.notCompressed(id);
        default -> b.countAsActive(id);
      }
    }
    return b.build();
  }

  /** One evaluation with the overrides (none for {@code overrides=0}). */
  @Benchmark
  public void withOverrides(Blackhole bh) {
    bh.consume(RankGauge.evaluate(organisation, plan, period,
        period.endInstant(plan.zone()), History.empty(), granted).paidAsCounts());
  }

  /** One evaluation through the entry point without overrides. */
  @Benchmark
  public void plain(Blackhole bh) {
    bh.consume(RankGauge.evaluate(organisation, plan, period).paidAsCounts());
  }
}
