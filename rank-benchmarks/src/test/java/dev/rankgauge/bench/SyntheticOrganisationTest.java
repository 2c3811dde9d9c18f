package dev.rankgauge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Small and fast: the benchmarks themselves run only on request. */
class SyntheticOrganisationTest {
  private static final int N = 20_000;

  @Test
  void sameSeedSameOrganisation() {
    SyntheticOrganisation a = SyntheticOrganisation.generate(N, 7);
    SyntheticOrganisation b = SyntheticOrganisation.generate(N, 7);
    assertThat(b.parent).isEqualTo(a.parent);
    assertThat(b.customerOwner).isEqualTo(a.customerOwner);
    assertThat(b.orderBuyer).isEqualTo(a.orderBuyer);
    assertThat(b.orderTime).isEqualTo(a.orderTime);
    assertThat(b.orderStatus).isEqualTo(a.orderStatus);
    assertThat(b.orderPv).isEqualTo(a.orderPv);
    assertThat(SyntheticOrganisation.generate(N, 8).parent).isNotEqualTo(a.parent);
  }

  @Test
  void hasTheShapeTheDocumentationClaims() {
    SyntheticOrganisation.Shape s = SyntheticOrganisation.generate(100_000, SyntheticOrganisation.SEED)
        .shape();
    assertThat(s.sponsorNobody()).as(s.toString()).isGreaterThan(s.distributors() * 6 / 10);
    assertThat(s.sponsorHundredOrMore()).as(s.toString()).isBetween(5, 500);
    assertThat(s.maxDepth()).as(s.toString()).isGreaterThan(200);
    assertThat(s.orders()).as(s.toString()).isBetween(s.distributors() * 3, s.distributors() * 4);
  }

  @Test
  void ordersComeInTimeOrder() {
    SyntheticOrganisation g = SyntheticOrganisation.generate(N, SyntheticOrganisation.SEED);
    for (int o = 1; o < g.orderCount; o++) {
      assertThat(g.orderTime[o]).isGreaterThanOrEqualTo(g.orderTime[o - 1]);
    }
  }

  /** The bare loop is a fair baseline only if it computes what the evaluation computes. */
  @Test
  void bareLoopComputesTheEvaluationsGauges() {
    SyntheticOrganisation g = SyntheticOrganisation.generate(N, SyntheticOrganisation.SEED);
    Organisation org = g.organisation();
    assertThat(org.distributorCount()).isEqualTo(g.distributorCount);
    assertThat(org.orderCount()).isEqualTo(g.orderCount);
    Evaluation e = RankGauge.evaluate(org, BenchmarkPlans.seed(), SyntheticOrganisation.PERIOD);
    BareLoop.Sums sums = BareLoop.run(g, BenchmarkPlans.ACTIVE_PV
        .movePointRight(SyntheticOrganisation.SCALE).longValueExact());
    // metric by metric, so that a difference shows where it starts rather than where it ends up
    for (int d = 0; d < N; d++) {
      assertThat(e.gauge(SyntheticOrganisation.distributorId(d), Metric.PERSONAL_SALES).value())
          .as("personal sales of %d", d)
          .isEqualByComparingTo(BigDecimal.valueOf(sums.personalVolume[d], SyntheticOrganisation.SCALE));
    }
    for (int d = 0; d < N; d += 37) {
      assertThat(e.result(SyntheticOrganisation.distributorId(d)).active())
          .as("activity of %d", d).isEqualTo(sums.active[d]);
    }
    for (int d = 0; d < N; d++) {
      String id = SyntheticOrganisation.distributorId(d);
      assertThat(e.gauge(id, Metric.GROUP_SALES).value()).as("group sales of %d", d)
          .isEqualByComparingTo(BigDecimal.valueOf(sums.groupVolume[d], SyntheticOrganisation.SCALE));
      assertThat(e.gauge(id, Metric.ACTIVE_PERSONAL_CUSTOMERS).value())
          .as("active customers of %d", d)
          .isEqualByComparingTo(BigDecimal.valueOf(sums.activeCustomers[d]));
      assertThat(e.gauge(id, Metric.ACTIVE_PERSONAL_DISTRIBUTORS).value())
          .as("active distributors of %d", d)
          .isEqualByComparingTo(BigDecimal.valueOf(sums.activeDistributors[d]));
    }
  }

  @Test
  void bothPlansSpreadDistributorsOverTheLadder() {
    Organisation org = SyntheticOrganisation.generate(N, SyntheticOrganisation.SEED).organisation();
    // at 20,000 distributors nobody reaches the top rank yet; at 100,000 some do
    assertThat(RankGauge.evaluate(org, BenchmarkPlans.seed(), SyntheticOrganisation.PERIOD)
        .paidAsCounts().values()).filteredOn(count -> count > 0).hasSizeGreaterThanOrEqualTo(5);
    Evaluation doterra = RankGauge.evaluate(org, BenchmarkPlans.doterraLike(),
        SyntheticOrganisation.PERIOD);
    assertThat(doterra.paidAsCounts().get(BenchmarkPlans.doterraLike().rank("SLV").orElseThrow()))
        .isPositive();
  }

  /** Annotation processing ran: without it the benchmarks jar would run nothing. */
  @Test
  void jmhGeneratedTheBenchmarkList() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(in).isNotNull();
      String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(list).contains("BareLoopBenchmark", "EvaluationBenchmark",
          "DoterraLikeBenchmark", "ResultsBenchmark");
    }
  }
}
