package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --overrides} on the seed organisation with the example file
 * (rank-examples/data/seed-overrides.csv, worked by hand in scenarios/dana-overrides.json): Finn
 * counted active, Platinum's customer requirement waived for Dana, Gia paid as at least Silver.
 */
class OverridesOptionTest {
  private static final String SEED = EvaluateCommandTest.SEED;
  private static final String OVERRIDES = Path.of(SEED).resolveSibling("seed-overrides.csv")
      .toString();

  @TempDir
  Path tmp;

  private static String[] args(String command, String... more) {
    String[] args = {command, "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "2026-11-27T09:00", "--overrides", OVERRIDES};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void evaluateAppliesTheOverridesAndNamesThemInEveryOutput() {
    Cli.Run text = Cli.run(args("evaluate", "--distributor", "D104"));
    assertThat(text.exit()).as(text.toString()).isZero();
    assertThat(text.out()).contains("Paid as: Silver (SLV)")
        .contains("Overrides: paid as at least SLV, qualifies for Distributor (DIST)");

    Cli.Run dana = Cli.run(args("evaluate", "--distributor", "D100"));
    assertThat(dana.out()).contains("Paid as: Platinum (PLAT)")
        .contains("Overrides: requirement 3 of PLAT waived");

    Cli.Run csv = Cli.run(args("evaluate", "--format", "csv"));
    assertThat(csv.exit()).as(csv.toString()).isZero();
    assertThat(csv.out().lines().filter(l -> l.startsWith("D104,")).findFirst().orElseThrow())
        .startsWith("D104,Gia Grant,D100,no,SLV,SLV,DIST,,").endsWith(",minimum_rank SLV");
    assertThat(csv.out().lines().filter(l -> l.startsWith("D103,")).findFirst().orElseThrow())
        .contains(",yes,").endsWith(",active");

    Cli.Run json = Cli.run(args("evaluate", "--format", "json"));
    assertThat(json.out().lines().filter(l -> l.startsWith("{\"id\":\"D100\"")).findFirst()
        .orElseThrow()).contains("\"overrides\":[{\"kind\":\"waive\",\"rank\":\"PLAT\","
            + "\"requirement\":3,\"code\":\"waive PLAT 3\"");

    Cli.Run page = Cli.run(args("evaluate", "--distributor", "D104", "--format", "html"));
    assertThat(page.out()).contains("<span class=\"overrides\">Overrides: paid as at least SLV,"
        + " qualifies for Distributor (DIST)</span>");
  }

  @Test
  void explainSaysWhatEachOverrideDid() {
    Cli.Run why = Cli.run(args("explain", "--distributor", "D100"));
    assertThat(why.exit()).as(why.toString()).isZero();
    assertThat(why.out()).contains("overrides: requirement 3 of PLAT waived (counts as met)")
        .contains("waived by an override, not met on its own: 1 to go");
  }

  @Test
  void closeKeepsTheOverridesAppliedInThePeriodFile() throws IOException {
    Path history = tmp.resolve("history");
    Cli.Run close = Cli.run(args("close", "--history", history.toString()));
    assertThat(close.exit()).as(close.toString()).isZero();
    assertThat(Files.readString(history.resolve("2026-11.csv")).lines())
        .anyMatch(l -> l.startsWith("2026-11,D104,SLV,DIST,SLV,") && l.endsWith(",0,minimum_rank SLV"))
        .anyMatch(l -> l.startsWith("2026-11,D100,PLAT,PLAT,PLAT,") && l.endsWith(",waive PLAT 3"));
  }

  @Test
  void anOverrideNamingWhatDoesNotExistIsALocatedError() throws IOException {
    Path bad = tmp.resolve("overrides.csv");
    Files.writeString(bad, "distributor_id,override,rank,requirement\n"
        + "D999,active,,\n"
        + "D100,waive,PLAT,9\n"
        + "D100,minimum_rank,PLATINUM,\n");
    Cli.Run run = Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--overrides", bad.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("overrides.csv:2:1: found distributor D999")
        .contains("overrides.csv:3:4: found requirement 9 of PLAT, which has 4 requirements;"
            + " expected 1 to 4")
        .contains("overrides.csv:4:3: found rank PLATINUM, which plan");
    Cli.Run missing = Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period",
        "2026-11", "--overrides", tmp.resolve("none.csv").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("--overrides").contains("no such file");
  }
}
