package dev.rankgauge.testkit;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own plans (seed, doTERRA, Young Living, Scentsy, binary, hybrid, matrix) against
 * hand-worked scenarios, run through the kit's test factory as a host would. The arithmetic is in each file's
 * description.
 */
class ProjectPlanScenariosTest {

  @TestFactory
  Stream<DynamicNode> bundledPlansMeetTheirScenarios() {
    return ScenarioTests.from(Path.of("src/test/resources/scenarios"));
  }
}
