package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
import static dev.rankgauge.testkit.RankGaugeAssertions.catchThrowableOfType;

import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers in scenario files keep the one range of the README (below 10^15 either side of zero,
 * at most six decimals): an absurd one is a located problem at once, in bounded memory.
 */
class ScenarioNumbersTest {
  @TempDir Path dir;

  private List<String> problems(String pv, String remaining) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [{\"id\": \"D1\", \"pv\": " + pv + "}],\n"
        + " \"expect\": {\"D1\": {\"gauges\": {\"personalSales\": {\"remaining\": " + remaining
        + "}}}}}");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ScenarioReaderTest.reader().read(file));
    assertThat(e).as("the scenario is rejected").isNotNull();
    return e.problems().stream().map(Problem::toString)
        .map(p -> p.substring(file.toString().length())).toList();
  }

  @Test
  void absurdNumbersAreLocatedProblemsAtOnce() {
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
      assertThat(problems("1e999999999", "\"1e-999999999\"")).containsExactly(
          ":2:38 at $.distributors[0].pv: found 1E+999999999, which is out of range; expected a"
              + " PV volume: a number below 10^15 either side of zero with at most 6 decimals",
          ":3:62 at $.expect.D1.gauges.personalSales.remaining: found 1E-999999999, which is out"
              + " of range; expected an amount, or null at the top: a number below 10^15 either"
              + " side of zero with at most 6 decimals");
      assertThat(problems("-1e999999999", "\"" + "9".repeat(100_000) + "\""))
          .hasSize(2).allSatisfy(p -> assertThat(p).hasSizeLessThan(300));
    });
  }

  @Test
  void anAbsurdRequirementNumberOrPositionIsAShortLocatedProblem() throws IOException {
    // Found by the fuzz campaign: "requirement": -1e999999999 ran a 2 GB heap out of memory, as
    // the number was spelt out in full for the message.
    Path file = dir.resolve("r.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [\"D1\", {\"id\": \"D2\", \"sponsor\": \"D1\","
        + " \"placementParent\": \"D1\", \"position\": -1e999999999}],\n"
        + " \"expect\": {\"D1\": {\"requirements\": [{\"rank\": \"GLD\","
        + " \"requirement\": -1e999999999, \"met\": false}]}}}");
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
      ValidationException e = catchThrowableOfType(ValidationException.class,
          () -> ScenarioReaderTest.reader().read(file));
      assertThat(e).as("the scenario is rejected").isNotNull();
      List<String> problems = e.problems().stream().map(Problem::toString)
          .map(p -> p.substring(file.toString().length())).toList();
      assertThat(problems).allSatisfy(p -> assertThat(p).hasSizeLessThan(300))
          .anySatisfy(p -> assertThat(p).startsWith(":3:").contains("requirement")
              .contains("-1E+999999999"))
          .anySatisfy(p -> assertThat(p).startsWith(":2:").contains("position")
              .contains("-1E+999999999"));
    });
  }

  @Test
  void aVolumeWithMoreDecimalsThanThePlanDeclaresIsLocatedAtItsValue() throws IOException {
    Path file = dir.resolve("cents.json");
    Files.writeString(file, "{\"plan\": \"cents\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [{\"id\": \"D1\", \"pv\": 10.125}, {\"id\": \"D2\"}],\n"
        + " \"orders\": [{\"buyer\": \"D2\", \"pv\": 10.50},\n"
        + "   {\"buyer\": \"D2\", \"volume\": 0.001}],\n"
        + " \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}");
    ScenarioReader cents = new ScenarioReader(dev.rankgauge.RuleRegistry.empty(),
        java.util.Map.of("cents", SeedFixture.plan().toBuilder().volumeDecimals("PV", 2)
            .build()));

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> cents.read(file));

    assertThat(e.problems()).extracting(Problem::toString)
        .map(p -> p.substring(file.toString().length())).containsExactly(
            ":2:38 at $.distributors[0].pv: found PV volume 10.125 with 3 decimal places;"
                + " expected at most 2, as plan " + SeedFixture.plan().name() + " declares for PV",
            ":4:30 at $.orders[1].volume: found PV volume 0.001 with 3 decimal places; expected"
                + " at most 2, as plan " + SeedFixture.plan().name() + " declares for PV");
  }
}
