package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
import static dev.rankgauge.testkit.RankGaugeAssertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The test factory: one container per file and distributor, one dynamic test per expectation. */
class ScenarioTestsTest {

  /** "path > name" of every dynamic test, running each; failures collected as "path: message". */
  private static void walk(Stream<? extends DynamicNode> nodes, String prefix, List<String> tests,
      List<String> failures) {
    nodes.forEach(n -> {
      String path = prefix.isEmpty() ? n.getDisplayName() : prefix + " > " + n.getDisplayName();
      if (n instanceof DynamicContainer c) {
        walk(c.getChildren(), path, tests, failures);
      } else {
        tests.add(path);
        try {
          ((DynamicTest) n).getExecutable().execute();
        } catch (Throwable t) {
          failures.add(path + ": " + t.getMessage());
        }
      }
    });
  }

  @Test
  void oneTestPerExpectationGroupedByFileAndDistributor() {
    List<String> tests = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    walk(ScenarioTests.from(ScenarioReaderTest.KIT.resolve("passing"),
        ScenarioReaderTest.reader()), "", tests, failures);
    assertThat(failures).isEmpty();
    assertThat(tests).hasSize(29).startsWith(
        "dana.json: Dana is paid as Gold > number paid as GLD: 1",
        "dana.json: Dana is paid as Gold > distributor D100 > paid as GLD",
        "dana.json: Dana is paid as Gold > distributor D100 > active",
        "dana.json: Dana is paid as Gold > distributor D100 > next rank PLAT",
        "dana.json: Dana is paid as Gold > distributor D100 > personal sales gauge: value 1150");
    assertThat(tests).contains(
        "dana.json: Dana is paid as Gold > distributor D100 > requirement of PLAT matching"
            + " \"customers\": remaining 1",
        "dana.json: Dana is paid as Gold > distributor D100 > focus list inactive customers:"
            + " excludes C1",
        "dana.json: Dana is paid as Gold > distributor D103 > not active");
  }

  @Test
  void failuresCarryTheRunnersMessagesAndTheSourceLine() {
    List<String> tests = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    walk(ScenarioTests.from(ScenarioReaderTest.KIT, ScenarioReaderTest.reader()), "", tests,
        failures);
    ScenarioReport report = ScenarioRunner.run(ScenarioReaderTest.KIT, ScenarioReaderTest.reader());
    assertThat(tests).hasSize(report.outcomes().size());
    assertThat(failures).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(failures.get(i)).endsWith(report.failures().get(i).failure().orElseThrow().toString());
    }
    assertThat(failures.get(0)).startsWith("failing/dana-wrong.json: Dana, expected wrongly >"
        + " distributor D100 > paid as PLAT: scenario ");
    assertThat(failures.get(2)).startsWith("malformed/many-problems.json: scenario file: ");

    DynamicContainer file = (DynamicContainer) ScenarioTests.from(
        ScenarioReaderTest.KIT.resolve("failing"), ScenarioReaderTest.reader()).findFirst()
        .orElseThrow();
    DynamicContainer d100 = (DynamicContainer) file.getChildren().findFirst().orElseThrow();
    DynamicTest paidAs = (DynamicTest) d100.getChildren().findFirst().orElseThrow();
    assertThat(paidAs.getTestSourceUri()).hasValueSatisfying(
        u -> assertThat(u.toString()).endsWith("dana-wrong.json?line=13"));
    assertThat(catchThrowable(() -> paidAs.getExecutable().execute()))
        .isInstanceOf(AssertionFailedError.class);
  }
}
