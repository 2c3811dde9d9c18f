package dev.rankgauge.bench;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import dev.rankgauge.WhatIf;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a what-if of one hypothetical order costs against a whole evaluation of the same
 * organisation, measured in pairs in one JVM (which one goes first alternates), so that both see
 * the same load: a documented script, not a timed test. Each what-if places one paid 35 PV order
 * for a random buyer (distributor or customer) on top of one finished evaluation, and reads the
 * changes. The alternative a what-if saves, building the organisation again with the order, is
 * {@code OrganisationBuildBenchmark}'s figure on top of the evaluation.
 *
 * <pre>
 * java -Xmx8g -cp rank-benchmarks/target/benchmarks.jar dev.rankgauge.bench.WhatIfRatio \
 *     [distributors=1000000] [pairs=30] [plan=seed|doterra]
 * </pre>
 */
public final class WhatIfRatio {
  private WhatIfRatio() {}

  /** Runs the pairs and prints both distributions and the ratio. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    String planName = args.length > 2 ? args[2] : "seed";
    CompPlan plan = planName.equals("doterra") ? BenchmarkPlans.doterraLike() : BenchmarkPlans.seed();
    SyntheticOrganisation g = SyntheticOrganisation.generate(n, SyntheticOrganisation.SEED);
    Organisation org = g.organisation();
    Instant end = SyntheticOrganisation.PERIOD.endInstant(plan.zone());
    Evaluation base = RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD, end);
    Instant at = end.minusSeconds(86_400);
    SplittableRandom random = new SplittableRandom(20131127L);
    Map<String, BigDecimal> pv = Map.of("PV", new BigDecimal("35"));
    System.out.printf(Locale.ROOT, "%s%nplan %s%n", g.shape(), plan.name());
    long sink = 0;
    int next = 0;
    for (int i = 0; i < 5; i++) {
      sink += RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD, end).paidAsCounts()
          .hashCode();
      sink += WhatIf.of(base, List.of(order(g, random, at, pv, next++))).changes().size();
    }
    long[] whole = new long[pairs];
    long[] what = new long[pairs];
    double[] ratio = new double[pairs];
    long changes = 0;
    for (int i = 0; i < pairs; i++) {
      for (int k = 0; k < 2; k++) {
        long t = System.nanoTime();
        if ((i + k) % 2 == 0) {
          sink += RankGauge.evaluate(org, plan, SyntheticOrganisation.PERIOD, end).paidAsCounts()
              .hashCode();
          whole[i] = System.nanoTime() - t;
        } else {
          int c = WhatIf.of(base, List.of(order(g, random, at, pv, next++))).changes().size();
          what[i] = System.nanoTime() - t;
          changes += c;
        }
      }
      ratio[i] = (double) what[i] / whole[i];
    }
    Arrays.sort(whole);
    Arrays.sort(what);
    Arrays.sort(ratio);
    System.out.printf(Locale.ROOT, "whole evaluation ms: min %7.1f  median %7.1f%n",
        whole[0] / 1e6, whole[pairs / 2] / 1e6);
    System.out.printf(Locale.ROOT, "what-if (1 order) ms: min %7.1f  median %7.1f;"
        + " %.1f distributors change on average%n", what[0] / 1e6, what[pairs / 2] / 1e6,
        (double) changes / pairs);
    System.out.printf(Locale.ROOT, "what-if / whole evaluation over %d pairs: median %.2f"
        + " (quartiles %.2f to %.2f)  [checksum %d]%n", pairs, ratio[pairs / 2],
        ratio[pairs / 4], ratio[pairs * 3 / 4], sink);
  }

  private static LiveEvent.OrderPlaced order(SyntheticOrganisation g, SplittableRandom random,
      Instant at, Map<String, BigDecimal> pv, int next) {
    int pick = random.nextInt(g.distributorCount + g.customerCount);
    boolean customer = pick >= g.distributorCount;
    String buyer = customer ? SyntheticOrganisation.customerId(pick - g.distributorCount)
        : SyntheticOrganisation.distributorId(pick);
    return new LiveEvent.OrderPlaced(new Order("W" + next, customer ? BuyerType.CUSTOMER
        : BuyerType.DISTRIBUTOR, buyer, at, OrderStatus.PAID, pv, new BigDecimal("40")));
  }
}
