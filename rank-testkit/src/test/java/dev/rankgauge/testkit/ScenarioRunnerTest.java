package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plain runner: the same messages as the test factory, and a verdict for a command line. */
class ScenarioRunnerTest {
  private static final Path KIT = ScenarioReaderTest.KIT;

  @Test
  void aPassingFolderIsSuccessful() {
    ScenarioReport report = ScenarioRunner.run(KIT.resolve("passing"), ScenarioReaderTest.reader());
    assertThat(report.successful()).isTrue();
    assertThat(report.outcomes()).hasSize(29);
    assertThat(report.passedCount()).isEqualTo(29);
    assertThat(report.outcomes().get(0).distributorId()).isEmpty();
    assertThat(report.outcomes().get(0).expectation().toString()).isEqualTo("number paid as GLD: 1");
    assertThat(report.outcomes().get(1).expectation().toString()).isEqualTo("paid as GLD");
    assertThat(report.format()).isEqualTo(
        "29 expectations in 1 scenario file: 29 passed, 0 failed" + System.lineSeparator());
  }

  @Test
  void aFailureNamesFileDistributorFieldExpectedActualAndTrace() {
    ScenarioReport report = ScenarioRunner.run(KIT.resolve("failing"), ScenarioReaderTest.reader());
    assertThat(report.successful()).isFalse();
    assertThat(report.failures()).hasSize(2);
    Path file = KIT.resolve("failing/dana-wrong.json");
    String nl = System.lineSeparator();
    String paidAs = report.failures().get(0).failure().orElseThrow().toString();
    // The subject names the expectation's own line.
    assertThat(paidAs).startsWith("scenario " + file + ":13 (Dana, expected wrongly): distributor"
        + " D100, paid-as rank" + nl
        + "  expected: PLAT (Platinum)" + nl
        + "  actual:   SLV (Silver)" + nl
        + "  trace of D100:" + nl
        + "    Distributor D100 (D100)" + nl);
    assertThat(paidAs).contains("    Paid as SLV Silver")
        .contains("NOT MET GLD Gold")
        .contains("[open] at least 1 active personal customer: 0 of 1, 1 to go");
    String remaining = report.failures().get(1).failure().orElseThrow().toString();
    // D100's trace is shown once, with its first failure; the second names that line.
    assertThat(remaining).isEqualTo("scenario " + file + ":14 (Dana, expected wrongly):"
        + " distributor D100, group sales gauge: remaining" + nl
        + "  expected: 100 to the next rank" + nl
        + "  actual:   1500 to PLAT (Platinum) (value 1500, gauge at GLD (Gold))" + nl
        + "  trace of D100: shown with the failure of line 13");
    assertThat(report.format()).contains("FAILED scenario " + file)
        .endsWith("4 expectations in 1 scenario file: 2 passed, 2 failed" + nl);
    assertThat(report.format().split("trace of D100:", -1)).hasSize(3);
    assertThat(report.format().split("Distributor D100 \\(D100\\)", -1)).hasSize(2);
  }

  @Test
  void aMalformedFileIsOneFailureWithEveryProblemAndTheRestStillRuns() {
    ScenarioReport report = ScenarioRunner.run(KIT, ScenarioReaderTest.reader());
    assertThat(report.outcomes()).extracting(ScenarioReport.Outcome::file).map(Path::toString)
        .containsOnly(KIT.resolve("failing/dana-wrong.json").toString(),
            KIT.resolve("malformed/many-problems.json").toString(),
            KIT.resolve("malformed/syntax.json").toString(),
            KIT.resolve("passing/dana.json").toString());
    ScenarioReport.Outcome bad = report.failures().get(2);
    assertThat(bad.expectation().toString()).isEqualTo("scenario file");
    assertThat(bad.failure().orElseThrow().toString())
        .contains("many-problems.json cannot be read: scenario")
        .contains("is invalid: 18 problems")
        .contains("many-problems.json:22:17 at $.expect.D1.paidAs: found rank \"GOLD\", which"
            + " plan Seed plan does not define");
    assertThat(report.passedCount()).isEqualTo(2 + 29);
    assertThat(report.failures()).hasSize(4);
  }

  @Test
  void aMissingOrEmptyFolderFails() {
    ScenarioReport report = ScenarioRunner.run(KIT.resolve("nope"));
    assertThat(report.successful()).isFalse();
    assertThat(report.failures().get(0).failure().orElseThrow().toString())
        .startsWith("no scenario folder ").endsWith("nope");
  }

  @Test
  void oneFileRunsToo() {
    ScenarioReport report = ScenarioRunner.run(KIT.resolve("failing/dana-wrong.json"),
        ScenarioReaderTest.reader());
    assertThat(report.outcomes()).hasSize(4);
  }
}
