package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rankgauge close} and {@code evaluate --history} on the seed organisation, with the seed
 * plan given a grace of two periods: October and November are closed as they were, and in
 * December, when nobody orders, Dana keeps her Gold.
 */
class CloseCommandTest {
  private static final String SEED = EvaluateCommandTest.SEED;

  @TempDir
  Path tmp;

  private Path plan;
  private Path history;

  @BeforeEach
  void planWithGrace() throws IOException {
    plan = tmp.resolve("seed-with-grace.json");
    Files.writeString(plan, PlanFiles.bundledText("seed").replaceFirst("\"ranks\"",
        "\"rankHold\": {\"policy\": \"keepPaidAs\", \"periods\": 2},\n  \"ranks\""));
    history = tmp.resolve("history");
  }

  private Cli.Run close(String period, String... more) {
    String[] args = {"close", "--plan", plan.toString(), "--data", SEED, "--period", period,
        "--history", history.toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Cli.run(all);
  }

  @Test
  void closingMonthByMonthAppendsAFileEachAndEvaluateReadsThemBack() throws IOException {
    assertThat(close("2026-10").exit()).isZero();
    Cli.Run november = close("2026-11", "--history-format", "jsonl");
    assertThat(november.exit()).as(november.toString()).isZero();
    assertThat(november.out().strip()).isEqualTo(history.resolve("2026-11.jsonl").toString());
    assertThat(close("2026-12").exit()).isZero();

    assertThat(Files.readString(history.resolve("2026-12.csv")).lines())
        .contains("2026-12,D100,GLD,DIST,GLD,0.000000,0.000000,0,0,1,"); // the plan's six decimals
    Cli.Run dana = Cli.run("evaluate", "--plan", plan.toString(), "--data", SEED, "--period",
        "2026-12", "--history", history.toString(), "--distributor", "D100");
    assertThat(dana.exit()).as(dana.toString()).isZero();
    assertThat(dana.out()).contains("Paid as: Gold (GLD), title Gold (GLD)")
        .contains("Held: qualifies for Distributor (DIST); held 1 period in a row, 1 more period"
            + " of grace");
    Cli.Run why = Cli.run("explain", "--plan", plan.toString(), "--data", SEED, "--period",
        "2026-12", "--history", history.toString(), "--distributor", "D100");
    assertThat(why.out()).contains("rank hold: GLD Gold held: qualifies for DIST Distributor,"
        + " last period paid as GLD Gold; held 1 period in a row, 1 period of grace left");
  }

  @Test
  void closingTwiceOutOfOrderOrAfterAGapIsRefused() {
    assertThat(close("2026-10").exit()).isZero();
    assertThat(close("2026-11").exit()).isZero();

    Cli.Run again = close("2026-11");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("found period 2026-11, which is closed already; expected"
        + " 2026-12 next");
    Cli.Run earlier = close("2026-09");
    assertThat(earlier.exit()).isEqualTo(1);
    assertThat(earlier.err()).contains("found period 2026-09, which is before the last closed"
        + " period 2026-11; expected 2026-12 next");
    Cli.Run gap = close("2027-02");
    assertThat(gap.exit()).isEqualTo(1);
    assertThat(gap.err()).contains("found a history ending with 2026-11, which leaves a gap"
        + " before 2027-02");
    assertThat(history).isDirectoryNotContaining("glob:**/2027-02*")
        .isDirectoryNotContaining("glob:**/2026-09*");
  }

  @Test
  void aHistoryFileNamingRanksThePlanDoesNotDefineIsRefusedWithFileAndLine() throws IOException {
    Files.createDirectories(history);
    Files.writeString(history.resolve("2026-10.csv"), "period,distributor_id,paid_as,"
        + "qualified_as,title,personal_sales,group_sales,active_personal_customers,"
        + "active_personal_distributors,periods_held\n"
        + "2026-10,D100,GOLD,GOLD,GOLD,0,0,0,0,0\n");
    Cli.Run run = Cli.run("evaluate", "--plan", plan.toString(), "--data", SEED, "--period",
        "2026-11", "--history", history.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("2026-10.csv:2:3: found rank \"GOLD\" as paid_as, which plan"
        + " Seed plan does not define");
  }

  @Test
  void closeNeedsAHistoryFolderAndEvaluateAnExistingOne() {
    Cli.Run noFolder = Cli.run("close", "--plan", "seed", "--data", SEED, "--period", "2026-11");
    assertThat(noFolder.exit()).isEqualTo(2);
    assertThat(noFolder.err()).contains("close needs --history DIR");
    Cli.Run missing = Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--history", tmp.resolve("nowhere").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("--history " + tmp.resolve("nowhere") + ": no such folder");
  }
}
