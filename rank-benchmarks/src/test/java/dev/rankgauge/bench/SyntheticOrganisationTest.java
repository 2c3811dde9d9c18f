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
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Small and fast: the benchmarks themselves run only on request. */
class SyntheticOrganisationTest {
  private static final int N = 10_000;

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
    assertBareLoopMatchesEvaluation(SyntheticOrganisation.generate(N, SyntheticOrganisation.SEED));
  }

  @Test
  void treeOrderedCopyIsTheSameOrganisationInAnotherOrder() {
    SyntheticOrganisation g = SyntheticOrganisation.generate(N, SyntheticOrganisation.SEED);
    SyntheticOrganisation t = g.treeOrdered();
    for (int k = 0; k < t.distributorCount; k++) {
      assertThat(t.topDown[k]).as("breadth-first order of the tree-ordered copy").isEqualTo(k);
    }
    for (int o = 1; o < t.orderCount; o++) {
      if (t.orderByCustomer[o] == t.orderByCustomer[o - 1]) {
        assertThat(t.orderBuyer[o]).as("orders grouped by buyer").isGreaterThanOrEqualTo(
            t.orderBuyer[o - 1]);
      }
    }
    assertBareLoopMatchesEvaluation(t);
    Organisation a = g.organisation();
    Organisation b = t.organisation();
    assertThat(new HashSet<>(b.distributors())).isEqualTo(new HashSet<>(a.distributors()));
    assertThat(new HashSet<>(b.customers())).isEqualTo(new HashSet<>(a.customers()));
    assertThat(b.orderCount()).isEqualTo(a.orderCount());
    assertThat(new HashSet<>(b.orders())).isEqualTo(new HashSet<>(a.orders()));
    assertThat(b.distributors()).isNotEqualTo(a.distributors());
  }

  private static void assertBareLoopMatchesEvaluation(SyntheticOrganisation g) {
    Organisation org = g.organisation();
    assertThat(org.distributorCount()).isEqualTo(g.distributorCount);
    assertThat(org.orderCount()).isEqualTo(g.orderCount);
    Evaluation e = RankGauge.evaluate(org, BenchmarkPlans.seed(), SyntheticOrganisation.PERIOD);
    BareLoop.Sums sums = BareLoop.run(g, BenchmarkPlans.ACTIVE_PV
        .movePointRight(SyntheticOrganisation.SCALE).longValueExact());
    // metric by metric, so that a difference shows where it starts rather than where it ends up
    for (int d = 0; d < g.distributorCount; d++) {
      assertThat(e.gauge(id(g, d), Metric.PERSONAL_SALES).value())
          .as("personal sales of %s", id(g, d))
          .isEqualByComparingTo(BigDecimal.valueOf(sums.personalVolume[d], SyntheticOrganisation.SCALE));
    }
    for (int d = 0; d < g.distributorCount; d += 37) {
      assertThat(e.result(id(g, d)).active()).as("activity of %s", id(g, d))
          .isEqualTo(sums.active[d]);
    }
    for (int d = 0; d < g.distributorCount; d++) {
      String id = id(g, d);
      assertThat(e.gauge(id, Metric.GROUP_SALES).value()).as("group sales of %s", id)
          .isEqualByComparingTo(BigDecimal.valueOf(sums.groupVolume[d], SyntheticOrganisation.SCALE));
      assertThat(e.gauge(id, Metric.ACTIVE_PERSONAL_CUSTOMERS).value())
          .as("active customers of %s", id)
          .isEqualByComparingTo(BigDecimal.valueOf(sums.activeCustomers[d]));
      assertThat(e.gauge(id, Metric.ACTIVE_PERSONAL_DISTRIBUTORS).value())
          .as("active distributors of %s", id)
          .isEqualByComparingTo(BigDecimal.valueOf(sums.activeDistributors[d]));
    }
  }

  private static String id(SyntheticOrganisation g, int d) {
    return SyntheticOrganisation.distributorId(g.distributorNumber[d]);
  }

  @Test
  void bothPlansSpreadDistributorsOverTheLadder() {
    Organisation org = SyntheticOrganisation.generate(N, SyntheticOrganisation.SEED).organisation();
    // at 10,000 distributors nobody reaches the top rank yet; at 100,000 some do
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
          "DoterraLikeBenchmark", "ResultsBenchmark", "TreeOrderBenchmark",
          "OrganisationBuildBenchmark");
    }
  }
}
