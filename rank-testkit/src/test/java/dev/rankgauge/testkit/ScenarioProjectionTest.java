package dev.rankgauge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projections in scenario files: a figure off by more than its tolerance, and bad fields. */
class ScenarioProjectionTest {
  @TempDir
  Path dir;

  private static final String HEAD = """
      {
        "plan": "seed",
        "period": "2026-11",
        "asOf": "2026-11-16T00:00",
        "distributors": [{"id": "D1"}, {"id": "D2", "sponsor": "D1", "pv": 200}],
        "orders": [{"buyer": "D1", "date": "2026-11-03", "pv": 150}],
        "expect": {"D1": {"projection": %s}}
      }
      """;

  private ScenarioReport run(String projection) throws IOException {
    Files.writeString(dir.resolve("p.json"), HEAD.formatted(projection));
    return ScenarioRunner.run(dir);
  }

  @Test
  void aFigureOutsideItsToleranceFailsShowingBoth() throws IOException {
    ScenarioReport report = run("""
        {"gauges": {"personalSales": {"projected": {"about": 320, "within": 10}}},
         "likelihood": 0.5}""");

    assertThat(report.failures()).hasSize(2);
    String nl = System.lineSeparator();
    assertThat(report.failures().get(0).failure().orElseThrow().toString())
        .contains("distributor D1, likelihood of the projected rank" + nl
            + "  expected: 0.5" + nl
            + "  actual:   none (no history to learn it from)");
    assertThat(report.failures().get(1).failure().orElseThrow().toString())
        .contains("distributor D1, projected personal sales gauge: projected" + nl
            + "  expected: 320 within 10" + nl
            + "  actual:   299.584488");
  }

  @Test
  void badFieldsAreProblemsWithTheirPlace() throws IOException {
    ScenarioReport report = run("""
        {"level": 1.5, "basis": "later", "rank": "GOLD",
         "gauges": {"groupSales": {"projectd": 1, "low": {"about": 1, "within": -2}}}}""");

    assertThat(report.failures()).hasSize(1);
    assertThat(report.failures().get(0).failure().orElseThrow().toString())
        .contains("at $.expect.D1.projection.level: found a level of 1.5; expected a number above"
            + " 0 and below 1")
        .contains("at $.expect.D1.projection.basis: found \"later\"; expected \"history\" or"
            + " \"periodSoFar\"")
        .contains("at $.expect.D1.projection.rank: found rank \"GOLD\"")
        .contains("at $.expect.D1.projection.gauges.groupSales.projectd: unknown field"
            + " \"projectd\"")
        .contains("at $.expect.D1.projection.gauges.groupSales.low.within: found a tolerance"
            + " of -2; expected 0 or more");
  }
}
