package dev.rankgauge.bench;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
 * A live evaluation of the synthetic organisation (about three orders per distributor): one order
 * placed for a random buyer (distributor or customer), as latency samples, so that JMH reports
 * the median and the 99th percentile; the latest snapshot read after an order (a reader catching
 * up); and a line a million deep with the order at its bottom.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class LiveBenchmark {
  private static final Map<String, BigDecimal> PV = Map.of("PV", new BigDecimal("35"));
  private static final BigDecimal AMOUNT = new BigDecimal("40");

  /** The synthetic organisation, live, with the seed or the doTERRA-like plan. */
  @State(Scope.Benchmark)
  public static class Live {
    @Param({"1000000"})
    int distributors;

    @Param({"seed", "doterra"})
    String plan;

    LiveEvaluation live;
    int distributorCount;
    int customerCount;
    Instant at;
    final SplittableRandom random = new SplittableRandom(20131127L);
    long next;

    /** Builds and evaluates once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticOrganisation g = SyntheticOrganisation.generate(distributors,
          SyntheticOrganisation.SEED);
      Organisation o = g.organisation();
      CompPlan p = plan.equals("doterra") ? BenchmarkPlans.doterraLike() : BenchmarkPlans.seed();
      Instant end = SyntheticOrganisation.PERIOD.endInstant(p.zone());
      live = LiveEvaluation.start(o, p, SyntheticOrganisation.PERIOD, end);
      distributorCount = g.distributorCount;
      customerCount = g.customerCount;
      at = end.minusSeconds(86_400);
      System.gc();
    }

    LiveEvent.OrderPlaced nextOrder() {
      int pick = random.nextInt(distributorCount + customerCount);
      boolean customer = pick >= distributorCount;
      String buyer = customer ? SyntheticOrganisation.customerId(pick - distributorCount)
          : SyntheticOrganisation.distributorId(pick);
      return new LiveEvent.OrderPlaced(new Order("L" + next++, customer ? BuyerType.CUSTOMER
          : BuyerType.DISTRIBUTOR, buyer, at, OrderStatus.PAID, PV, AMOUNT));
    }
  }

  /** One order placed for a random buyer: the buyer counted again, their line decided again. */
  @Benchmark
  public Object orderPlaced(Live s) {
    return s.live.apply(s.nextOrder());
  }

  /**
   * One order, then the snapshot a reader asks for next: the latest snapshot copied (linear in
   * the organisation) and the order replayed on it.
   */
  @Benchmark
  @Measurement(iterations = 5, time = 4)
  public Object orderThenSnapshot(Live s) {
    s.live.apply(s.nextOrder());
    return s.live.snapshot();
  }

  /** A single line of sponsors a million deep. */
  @State(Scope.Benchmark)
  public static class DeepLine {
    LiveEvaluation live;
    long next;
    String bottom;
    Instant at;

    /** Builds the line once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      int depth = 1_000_000;
      Organisation.Builder b = Organisation.builder();
      String sponsor = null;
      LocalDate joined = LocalDate.of(2025, 1, 1);
      for (int i = 0; i < depth; i++) {
        b.add(Distributor.of("D" + i, sponsor, joined, "Line", "line@example.com"));
        sponsor = "D" + i;
      }
      bottom = sponsor;
      CompPlan p = BenchmarkPlans.seed();
      Instant end = SyntheticOrganisation.PERIOD.endInstant(p.zone());
      live = LiveEvaluation.start(b.build(), p, SyntheticOrganisation.PERIOD, end);
      at = end.minusSeconds(86_400);
      System.gc();
    }
  }

  /** One order at the bottom of a line a million deep: every one of them decided again. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object orderAtTheBottomOfAMillionDeepLine(DeepLine s) {
    return s.live.apply(new LiveEvent.OrderPlaced(new Order("L" + s.next++,
        BuyerType.DISTRIBUTOR, s.bottom, s.at, OrderStatus.PAID, PV, AMOUNT)));
  }

  /** A placement change: a distributor moved to another sponsor and back, in turns. */
  @State(Scope.Benchmark)
  public static class Moves {
    LiveEvaluation live;
    boolean away;

    /** Builds and evaluates once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticOrganisation g = SyntheticOrganisation.generate(1_000_000,
          SyntheticOrganisation.SEED);
      CompPlan p = BenchmarkPlans.seed();
      live = LiveEvaluation.start(g.organisation(), p, SyntheticOrganisation.PERIOD,
          SyntheticOrganisation.PERIOD.endInstant(p.zone()));
      System.gc();
    }
  }

  /** One placement change at a million distributors (the organisation built again). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 4)
  public Object placementChange(Moves s) {
    s.away = !s.away;
    return s.live.apply(new LiveEvent.DistributorMoved("D500000", s.away ? "D3" : "D2"));
  }
}
