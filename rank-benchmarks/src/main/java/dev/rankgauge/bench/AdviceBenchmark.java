package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

/**
 * Advice for one distributor ({@code Evaluation.advice}) of the synthetic organisation, evaluated
 * once: a random distributor per sample, as latency samples, so that JMH reports the median and
 * the tail; the goal is at most 1 ms. Also the hub: the distributor with the most personally
 * sponsored distributors among those below the top of the ladder, whose advice goes through all
 * of them for every step it weighs; and the distributor paid as the highest rank below the top.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class AdviceBenchmark {

  /**
   * The synthetic organisation evaluated once with the seed, the doTERRA-like or the bundled
   * binary plan (side volumes, sponsored on each side, ranks on each side).
   */
  @State(Scope.Benchmark)
  public static class Evaluated {
    @Param({"1000000"})
    int distributors;

    @Param({"seed", "doterra", "binary"})
    String plan;

    Evaluation evaluation;
    int distributorCount;
    String hub;
    /**
     * Among the distributors paid as the highest rank below the top, the one with the most
     * personally sponsored distributors: on the binary plan their advice looks for people of a
     * rank on each side (Director or Presidential), the leg qualifiers of the placement tree.
     */
    String high;
    final SplittableRandom random = new SplittableRandom(20131127L);

    /** Builds and evaluates once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticOrganisation g = SyntheticOrganisation.generate(distributors,
          SyntheticOrganisation.SEED);
      // the binary plan reads the placement tree: the organisation with its placements
      Organisation o = plan.equals("binary") ? g.organisation(true) : g.organisation();
      CompPlan p = BenchmarkPlans.named(plan);
      Instant asOf = SyntheticOrganisation.PERIOD.endInstant(p.zone()).minusSeconds(3 * 86_400);
      evaluation = RankGauge.evaluate(o, p, SyntheticOrganisation.PERIOD, asOf);
      distributorCount = g.distributorCount;
      Map<String, Integer> children = new HashMap<>();
      for (Distributor d : o.distributors()) {
        d.sponsorId().ifPresent(sp -> children.merge(sp, 1, Integer::sum));
      }
      hub = children.entrySet().stream()
          .filter(e -> evaluation.advice(e.getKey()).isPresent())
          .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      System.out.println("hub " + hub + ": " + children.get(hub) + " personally sponsored, paid as "
          + evaluation.paidAs(hub).code());
      int top = p.ranks().size() - 1;
      int highest = -1;
      for (Distributor d : o.distributors()) {
        int r = p.rankLevel(evaluation.paidAs(d.id()).code());
        if (r < top && (r > highest || r == highest
            && children.getOrDefault(d.id(), 0) > children.getOrDefault(high, 0))) {
          highest = r;
          high = d.id();
        }
      }
      System.out.println("high " + high + ": " + children.getOrDefault(high, 0)
          + " personally sponsored, paid as " + evaluation.paidAs(high).code());
      System.gc();
    }
  }

  /** Advice for a random distributor: their steps, people and orders, built from the figures. */
  @Benchmark
  public Object adviceForOneDistributor(Evaluated s) {
    return s.evaluation.advice(SyntheticOrganisation.distributorId(
        s.random.nextInt(s.distributorCount)));
  }

  /** Advice for the hub: the most personally sponsored distributors below the top rank. */
  @Benchmark
  public Object adviceForTheHub(Evaluated s) {
    return s.evaluation.advice(s.hub);
  }

  /**
   * Advice for the distributor paid as the highest rank below the top (the most personally
   * sponsored among them): on the binary plan, people of a rank on each side to find.
   */
  @Benchmark
  public Object adviceForTheHighestBelowTheTop(Evaluated s) {
    return s.evaluation.advice(s.high);
  }
}
