package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
import static dev.rankgauge.testkit.RankGaugeAssertions.catchThrowableOfType;

import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario files over time: a history of closed months or records before the period, and a
 * what-if with what is expected after it.
 */
class ScenarioOverTimeTest {
  private static final Path OVER_TIME = Path.of("src/test/resources/scenarios/over-time");
  private static final Path KIT = Path.of("src/test/resources/over-time-kit");

  @Test
  void monthsClosedFromTheFilesOrdersMakeTheHistory() {
    Scenario s = ScenarioReaderTest.reader().read(OVER_TIME.resolve("three-months-in-a-row.json"));
    assertThat(s.history().periods()).extracting(p -> p.start().toString())
        .containsExactly("2026-09-01", "2026-10-01");
    assertThat(s.history().records("D1")).extracting(r -> r.paidAs())
        .containsExactly("SLV", "SLV");
    assertThat(s.evaluate()).distributor("D1").isPaidAs("SS");
  }

  @Test
  void recordsWrittenOutMakeTheHistoryToo() {
    Scenario s = ScenarioReaderTest.reader().read(
        OVER_TIME.resolve("grace-period-ends-in-demotion.json"));
    assertThat(s.history().records("D1")).singleElement().satisfies(r -> {
      assertThat(r.paidAs()).isEqualTo("GLD");
      assertThat(r.qualifiedAs()).isEqualTo("MBR");
      assertThat(r.periodsHeld()).isEqualTo(2);
      assertThat(r.groupSales()).isEqualByComparingTo("470");
    });
  }

  @Test
  void everyProblemOfHistoryAndWhatIfIsLocated() {
    Path file = KIT.resolve("problems/problems.json");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ScenarioReaderTest.reader().read(file));
    List<String> problems = e.problems().stream().map(Problem::toString).toList();
    String f = file.toString();
    assertThat(problems).contains(
        f + ":5:15 at $.history[0]: expected a month such as \"2026-10\", found \"2026-13\"",
        f + ":5:26 at $.history[1]: found month 2026-11, which is not before the scenario's"
            + " period 2026-11-01..2026-11-30; expected the months closed before it",
        f + ":5:37 at $.history[2]: expected a month such as \"2026-10\", or {\"period\":"
            + " \"2026-10\", \"records\": {...}}, found a number",
        f + ":6:39 at $.history[3].records.D9: D9 is not a distributor of this scenario;"
            + " distributors are D1, D2",
        f + ":6:81 at $.history[3].records.D1.paidAs: found rank \"GOLD\", which plan Over time"
            + " does not define; expected one of: MBR, FS, SLV, SS, GLD (did you mean \"GLD\"?)",
        f + ":6:104 at $.history[3].records.D1.periodsHeld: expected a whole number from 0 to"
            + " 1000000, found -1",
        f + ":9:51 at $.expect.D1.graceLeft: expected a whole number of periods from 0 to 120,"
            + " found 1.5",
        f + ":11:23 at $.whatIf.orders[0].id: found order id O1 again; expected a new id, which"
            + " no order of the scenario or of the what-if has",
        f + ":11:65 at $.whatIf.orders[1].buyer: found buyer D7, which is not a distributor or"
            + " customer of this scenario",
        f + ":12:16 at $.whatIf.remove[0]: found order O9, which is not an order of this"
            + " scenario; orders are O1, O2",
        f + ":12:22 at $.whatIf.remove[1]: found order O2 with status cancelled; expected a paid"
            + " order to take out",
        f + ":13:17 at $.whatIf.changed[0]: D8 is not a distributor of this scenario;"
            + " distributors are D1, D2",
        f + ":14:32 at $.whatIf.expect.D1.title: found rank \"PLATINUM\", which plan Over time"
            + " does not define; expected one of: MBR, FS, SLV, SS, GLD");
  }

  @Test
  void aWhatIfExpectedWronglyFailsNamingTheWhatIfAndShowsTheTraceAfter() {
    ScenarioReport report = ScenarioRunner.run(KIT.resolve("wrong"),
        dev.rankgauge.RuleRegistry.empty());
    assertThat(report.successful()).isFalse();
    String failures = report.format();
    // Without D2's 450 PV, D1's group is 100: a Fast Starter (joined on the period's first day,
    // the default), no Silver. Only D1 and D2 change, as expected.
    assertThat(failures).contains("wrong.json:11 (What-if expected wrongly): distributor D1,"
            + " after the what-if, paid-as rank")
        .contains("expected: SLV (Silver)")
        .contains("actual:   FS (Fast Starter)")
        .contains("group PV: 100");
    assertThat(report.passedCount()).isEqualTo(2);
    assertThat(report.failures()).hasSize(1);
  }
}
