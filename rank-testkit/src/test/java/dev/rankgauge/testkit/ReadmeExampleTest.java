package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's test-kit example run inside the kit on its own seed scenarios; the README's copy is
 * {@code rank-examples}' {@code examples.readme.CompPlanTest}, checked against the README there.
 */
class ReadmeExampleTest {
  @TestFactory
  Stream<DynamicNode> scenarios() {
    return ScenarioTests.from(Path.of("src/test/resources/scenarios/seed"));
  }

  @Test
  void danaIsPaidAsGold() {
    Evaluation e = Scenario.load(Path.of("src/test/resources/scenarios/seed/dana-gold.json"))
        .evaluate();
    assertThat(e).distributor("D100").isPaidAs("GLD")
        .hasGauge(Metric.GROUP_SALES).atRank("DMND").withRemaining("4700");
  }
}
