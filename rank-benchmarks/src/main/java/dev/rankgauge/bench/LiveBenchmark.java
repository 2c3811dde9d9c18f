package dev.rankgauge.bench;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
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
 * up); a line a million deep with the order at its bottom; and joins and moves (a customer to
 * another distributor, a leaf or a tenth of the organisation to another sponsor); and time
 * passing, an hour or a day at a time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class LiveBenchmark {
  private static final Map<String, BigDecimal> PV = Map.of("PV", new BigDecimal("35"));
  private static final BigDecimal AMOUNT = new BigDecimal("40");

  /**
   * The synthetic organisation, live, with the seed, the doTERRA-like or the binary plan (the
   * binary plan over the organisation with its binary placement tree, spillover down the
   * sponsors' outer legs: {@link SyntheticOrganisation#binaryPlacements()}).
   */
  @State(Scope.Benchmark)
  public static class Live {
    @Param({"1000000"})
    int distributors;

    @Param({"seed", "doterra", "binary"})
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
      Organisation o = g.organisation(plan.equals("binary"));
      CompPlan p = BenchmarkPlans.named(plan);
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

  /**
   * The synthetic organisation, live, for joins and moves: leaves (who sponsor nobody) are the
   * distributors moved one by one, under sponsors who have a downline (so no move makes a
   * cycle, and a leaf stays a leaf); the big subtree is the downline closest to a tenth of the
   * organisation, moved between its sponsor and another outside it, in turns.
   */
  @State(Scope.Benchmark)
  public static class Structure {
    @Param({"1000000"})
    int distributors;

    @Param({"seed", "doterra"})
    String plan;

    LiveEvaluation live;
    int distributorCount;
    int customerCount;
    int[] leaves;
    int[] sponsors;
    String big;
    String[] bigSponsors;
    int bigSize;
    boolean away;
    final SplittableRandom random = new SplittableRandom(20131127L);
    long next;

    /** Builds and evaluates once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticOrganisation g = SyntheticOrganisation.generate(distributors,
          SyntheticOrganisation.SEED);
      CompPlan p = plan.equals("doterra") ? BenchmarkPlans.doterraLike() : BenchmarkPlans.seed();
      live = LiveEvaluation.start(g.organisation(), p, SyntheticOrganisation.PERIOD,
          SyntheticOrganisation.PERIOD.endInstant(p.zone()));
      distributorCount = g.distributorCount;
      customerCount = g.customerCount;
      int n = g.distributorCount;
      int[] size = new int[n];
      for (int i = n - 1; i >= 0; i--) {
        int v = g.topDown[i];
        size[v]++;
        if (g.parent[v] >= 0) {
          size[g.parent[v]] += size[v];
        }
      }
      leaves = java.util.stream.IntStream.range(0, n).filter(v -> size[v] == 1).toArray();
      sponsors = java.util.stream.IntStream.range(0, n).filter(v -> size[v] > 1).toArray();
      int b = 1;
      for (int v = 1; v < n; v++) {
        if (Math.abs(size[v] - n / 10) < Math.abs(size[b] - n / 10)) {
          b = v;
        }
      }
      big = SyntheticOrganisation.distributorId(g.distributorNumber[b]);
      bigSize = size[b];
      int root = g.topDown[0];
      // another sponsor outside the big subtree: the root's first child not on its line
      int other = root;
      for (int u = b; u >= 0; u = g.parent[u]) {
        if (g.parent[u] == root) {
          for (int v = 0; v < n; v++) {
            if (g.parent[v] == root && v != u) {
              other = v;
              break;
            }
          }
        }
      }
      bigSponsors = new String[] {
          SyntheticOrganisation.distributorId(g.distributorNumber[g.parent[b]]),
          SyntheticOrganisation.distributorId(g.distributorNumber[other])};
      System.out.printf("big subtree: %s with %,d distributors, between %s and %s%n", big,
          bigSize, bigSponsors[0], bigSponsors[1]);
      System.gc();
    }

    String distributor(int v) {
      return SyntheticOrganisation.distributorId(v);
    }
  }

  /** A distributor joins under a random sponsor: appended, then the sponsor line decided again. */
  @Benchmark
  public Object distributorJoined(Structure s) {
    String sponsor = s.distributor(s.random.nextInt(s.distributorCount));
    return s.live.apply(new LiveEvent.DistributorJoined(Distributor.of("J" + s.next++, sponsor,
        LocalDate.of(2026, 11, 20), "New", "new@example.com")));
  }

  /** A customer joins a random distributor. */
  @Benchmark
  public Object customerJoined(Structure s) {
    String owner = s.distributor(s.random.nextInt(s.distributorCount));
    return s.live.apply(new LiveEvent.CustomerJoined(dev.rankgauge.Customer.of("K" + s.next++,
        owner, "New", "new@example.com")));
  }

  /** A random customer moves to a random distributor: both lines decided again. */
  @Benchmark
  public Object customerMoved(Structure s) {
    String c = SyntheticOrganisation.customerId(s.random.nextInt(s.customerCount));
    return s.live.apply(new LiveEvent.CustomerMoved(c,
        s.distributor(s.random.nextInt(s.distributorCount))));
  }

  /** A random leaf moves under a random distributor who has a downline: a small subtree. */
  @Benchmark
  public Object distributorMovedSmall(Structure s) {
    int leaf = s.leaves[s.random.nextInt(s.leaves.length)];
    int sponsor = s.sponsors[s.random.nextInt(s.sponsors.length)];
    return s.live.apply(new LiveEvent.SponsorChanged(s.distributor(leaf),
        s.distributor(sponsor)));
  }

  /** The downline closest to a tenth of the organisation moves between two sponsors, in turns. */
  @Benchmark
  public Object distributorMovedBig(Structure s) {
    s.away = !s.away;
    return s.live.apply(new LiveEvent.SponsorChanged(s.big, s.bigSponsors[s.away ? 1 : 0]));
  }

  /**
   * The synthetic organisation with its binary placement tree, live with the binary plan, for
   * placement changes: a random leaf of the placement tree goes to the left of another leaf, and
   * on the next operation back where it was, so that every operation is one placement change
   * (the side volumes, side counts and ranks in each side of both placement lines decided
   * again, and everyone above them in either tree).
   */
  @State(Scope.Benchmark)
  public static class Placed {
    @Param({"1000000"})
    int distributors;

    LiveEvaluation live;
    String[] leaves;
    String[] parentOf;
    int[] sideOf;
    int moved = -1;
    final SplittableRandom random = new SplittableRandom(20131127L);

    /** Builds and evaluates once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticOrganisation g = SyntheticOrganisation.generate(distributors,
          SyntheticOrganisation.SEED);
      CompPlan p = BenchmarkPlans.binary();
      live = LiveEvaluation.start(g.organisation(true), p, SyntheticOrganisation.PERIOD,
          SyntheticOrganisation.PERIOD.endInstant(p.zone()));
      int[][] placed = g.binaryPlacements();
      int n = g.distributorCount;
      boolean[] hasChild = new boolean[n];
      for (int v = 0; v < n; v++) {
        if (placed[0][v] >= 0) {
          hasChild[placed[0][v]] = true;
        }
      }
      int[] leaf = java.util.stream.IntStream.range(0, n)
          .filter(v -> !hasChild[v] && placed[0][v] >= 0).toArray();
      leaves = new String[leaf.length];
      parentOf = new String[leaf.length];
      sideOf = new int[leaf.length];
      for (int i = 0; i < leaf.length; i++) {
        int v = leaf[i];
        leaves[i] = SyntheticOrganisation.distributorId(g.distributorNumber[v]);
        parentOf[i] = SyntheticOrganisation.distributorId(g.distributorNumber[placed[0][v]]);
        sideOf[i] = placed[1][v];
      }
      System.out.printf("%,d leaves of the placement tree%n", leaves.length);
      System.gc();
    }
  }

  /** A leaf of the placement tree placed under another leaf, or back where it was. */
  @Benchmark
  public Object placementChanged(Placed s) {
    if (s.moved >= 0) {
      int i = s.moved;
      s.moved = -1;
      return s.live.apply(new LiveEvent.PlacementChanged(
          dev.rankgauge.Placement.of(s.leaves[i], s.parentOf[i], s.sideOf[i])));
    }
    int i = s.random.nextInt(s.leaves.length);
    int j = s.random.nextInt(s.leaves.length - 1);
    j = j >= i ? j + 1 : j;
    s.moved = i;
    return s.live.apply(new LiveEvent.PlacementChanged(
        dev.rankgauge.Placement.left(s.leaves[i], s.leaves[j])));
  }

  /**
   * The synthetic organisation, live from the 5th of the month, for time passing: each operation
   * moves the as-of instant on by an hour or a day, so the orders of that hour or day start to
   * count (and, under a 30-day window, those of an hour or a day a month back leave it). Near the
   * period's end the live evaluation starts again from the 5th, outside the measurement, with the
   * orders' hour index already built (the first time passing builds it, O(orders) once).
   */
  @State(Scope.Benchmark)
  public static class Clock {
    @Param({"1000000"})
    int distributors;

    /**
     * seed, or seed with "an order within the last 30 days" for customers and distributors, or
     * the doTERRA-like plan (seven legs-with-rank rules: each line decided again costs the
     * fan-outs along it).
     */
    @Param({"seed", "seed-30-days", "doterra"})
    String plan;

    @Param({"3600", "86400"})
    long stepSeconds;

    Evaluation base;
    LiveEvaluation live;
    Instant start;
    Instant now;
    Instant last;

    /** Builds and evaluates once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
      SyntheticOrganisation g = SyntheticOrganisation.generate(distributors,
          SyntheticOrganisation.SEED);
      CompPlan p = plan.equals("doterra") ? BenchmarkPlans.doterraLike() : BenchmarkPlans.seed();
      if (plan.equals("seed-30-days")) {
        p = p.toBuilder().customerActivity(ActivityRule.orderWithinDays(30))
            .distributorActivity(ActivityRule.orderWithinDays(30)).build();
      }
      start = SyntheticOrganisation.PERIOD.startInstant(p.zone()).plusSeconds(4 * 86_400L);
      last = SyntheticOrganisation.PERIOD.endInstant(p.zone()).minusSeconds(2 * 86_400L);
      base = RankGauge.evaluate(g.organisation(), p, SyntheticOrganisation.PERIOD, start);
      restart();
      System.gc();
    }

    /** Starts again from the 5th when the period's end is near; outside the measurement. */
    @Setup(Level.Invocation)
    public void nearTheEnd() {
      if (now.isAfter(last)) {
        restart();
      }
    }

    private void restart() {
      live = LiveEvaluation.start(base);
      now = start.plusNanos(1);
      live.apply(new LiveEvent.TimePassed(now)); // builds the hour index
    }
  }

  /** The as-of instant moves on by an hour or a day. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object timePassed(Clock s) {
    s.now = s.now.plusSeconds(s.stepSeconds);
    return s.live.apply(new LiveEvent.TimePassed(s.now));
  }
}
