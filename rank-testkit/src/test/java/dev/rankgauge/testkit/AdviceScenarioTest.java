package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files assert advice: its rank, completeness, cost and steps. */
class AdviceScenarioTest {
  /**
   * D1 has 60 PV of their own, a customer who bought in October and D2 with 40 PV; Silver needs
   * 100 PV, 500 group PV and an active personal distributor (100 PV makes one active).
   */
  private static String scenario(String advice) {
    return "{\"plan\": \"seed-java\", \"period\": \"2026-11\", \"asOf\": \"2026-11-27T09:00\",\n"
        + " \"distributors\": [\"D1\", {\"id\": \"D2\", \"sponsor\": \"D1\", \"pv\": 40}],\n"
        + " \"customers\": [{\"id\": \"C1\", \"distributor\": \"D1\"}],\n"
        + " \"orders\": [{\"buyer\": \"D1\", \"date\": \"2026-11-03\", \"pv\": 60},\n"
        + "   {\"buyer\": \"C1\", \"date\": \"2026-10-12\", \"pv\": 30}],\n"
        + " \"expect\": {\"D1\": {\"advice\": " + advice + "}}}";
  }

  private static ScenarioReport run(Path dir, String advice) throws IOException {
    Files.writeString(dir.resolve("s.json"), scenario(advice));
    return ScenarioRunner.run(dir, ScenarioReaderTest.reader());
  }

  @Test
  void theAdvisedStepsAreCheckedInOrder(@TempDir Path dir) throws IOException {
    ScenarioReport report = run(dir, "{\"rank\": \"SLV\", \"complete\": true, \"cost\": 400,\n"
        + "  \"steps\": [{\"kind\": \"personalVolume\", \"volume\": 40},\n"
        + "    {\"kind\": \"activateDistributor\", \"people\": [\"D2\"], \"volume\": 60},\n"
        + "    {\"kind\": \"groupVolume\", \"volume\": 300}]}");

    assertThat(report.failures()).isEmpty();
    assertThat(report.passedCount()).isEqualTo(4);
  }

  @Test
  void aStepOnASideOfTheBinaryTreeIsAssertedLikeAnyOther(@TempDir Path dir) throws IOException {
    // The bundled binary plan: Ann (100 PV) is Executive; Crystal Executive asks for 300 PV on
    // the weak side, and her right holds Cy's 150 (Di, 300 PV, spilled over to her left).
    Files.writeString(dir.resolve("s.json"), "{\"plan\": \"binary\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [{\"id\": \"ANN\", \"pv\": 100},\n"
        + "   {\"id\": \"BO\", \"sponsor\": \"ANN\", \"placementParent\": \"ANN\","
        + " \"position\": \"L\", \"pv\": 400},\n"
        + "   {\"id\": \"CY\", \"sponsor\": \"ANN\", \"placementParent\": \"ANN\","
        + " \"position\": \"R\", \"pv\": 150},\n"
        + "   {\"id\": \"DI\", \"sponsor\": \"CY\", \"placementParent\": \"BO\","
        + " \"position\": \"L\", \"pv\": 300}],\n"
        + " \"expect\": {\"ANN\": {\"advice\": {\"rank\": \"CEX\", \"complete\": true,"
        + " \"steps\": [{\"kind\": \"sideVolume\", \"people\": [\"CY\"], \"volume\": 150}]}}}}");

    ScenarioReport report = ScenarioRunner.run(dir, ScenarioReaderTest.reader());

    assertThat(report.failures()).isEmpty();
    assertThat(report.passedCount()).isEqualTo(3);
  }

  @Test
  void aWrongStepFailsShowingTheAdvisedOnes(@TempDir Path dir) throws IOException {
    ScenarioReport report = run(dir, "{\"steps\": [{\"kind\": \"groupVolume\"}]}");

    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.failure().orElseThrow().toString())
        .contains("advice steps")
        .contains("actual:   [personalVolume [] 40, activateDistributor [D2] 60,"
            + " groupVolume [] 300]"));
  }

  @Test
  void aMisspeltKindIsAProblemAtItsLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, scenario("{\"steps\": [{\"kind\": \"winBack\"}]}"));

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ScenarioReaderTest.reader().read(file));

    assertThat(e.problems()).extracting(Problem::toString).singleElement().satisfies(p ->
        assertThat(p).startsWith(file + ":6:")
            .contains("found kind \"winBack\"; expected one of: winBackCustomer,"));
  }
}
