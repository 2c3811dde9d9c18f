package dev.rankgauge.examples.readme;

// tag::testkit[]
import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.testkit.Scenario;
import dev.rankgauge.testkit.ScenarioTests;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CompPlanTest {
  @TestFactory Stream<DynamicNode> scenarios() {        // one test per expectation
    return ScenarioTests.from(Path.of("scenarios"));
  }

  @Test void danaIsPaidAsGold() {
    Evaluation e = Scenario.load(Path.of("scenarios/dana-gold.json")).evaluate();
    assertThat(e).distributor("D100").isPaidAs("GLD")
        .hasGauge(Metric.GROUP_SALES).atRank("DMND").withRemaining("4700");
  }
}
// end::testkit[]
