package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test --scenarios DIR}, and host rules found on the class path. */
class TestCommandTest {
  @TempDir
  Path tmp;

  @Test
  void theShippedScenariosPass() {
    Cli.Run run = Cli.run("test", "--scenarios", "scenarios");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theHandWorkedScenariosOverTimePassUnderTheTestCommand() {
    // Three months in a row, a grace period held and ending in a demotion, a fast start: each
    // with history and a what-if (rank-testkit's scenarios/over-time, docs/test-kit.md).
    Cli.Run run = Cli.run("test", "--scenarios",
        "../rank-testkit/src/test/resources/scenarios/over-time");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("67 expectations in 4 scenario files: 67 passed, 0 failed"
        + System.lineSeparator());
  }

  @Test
  void aFailingExpectationExitsNonZeroAndSaysWhatAndWho() throws IOException {
    String scenario = Files.readString(Path.of("scenarios", "dana-gold.json"))
        .replace("\"paidAs\": \"GLD\"", "\"paidAs\": \"PLAT\"");
    assertThat(scenario).contains("\"paidAs\": \"PLAT\"");
    Files.writeString(tmp.resolve("wrong.json"), scenario);

    Cli.Run run = Cli.run("test", "--scenarios", tmp.toString());

    assertThat(run.exit()).isEqualTo(RankGaugeCli.FAILED);
    assertThat(run.out()).contains("wrong.json").contains("D100").contains("PLAT").contains("GLD");
    assertThat(run.err()).startsWith("rankgauge test: 1 of ").contains("expectations failed");
  }

  @Test
  void aPlanWithAHostRuleLoadsThroughTheServiceLoader() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RankGaugeCli.commandLine(new RankGaugeCli(RuleRegistry.discovered()))
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute("validate", "--plan", "sponsor-four-silvers");
    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("loads");
  }
}
