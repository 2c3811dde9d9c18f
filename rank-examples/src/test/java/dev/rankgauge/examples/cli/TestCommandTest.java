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
    // Three months in a row, a grace period held and ending in a demotion, a fast start, BV
    // accumulated over months: each with history and a what-if (rank-testkit's
    // scenarios/over-time, docs/test-kit.md).
    Cli.Run run = Cli.run("test", "--scenarios",
        "../rank-testkit/src/test/resources/scenarios/over-time");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("77 expectations in 5 scenario files: 77 passed, 0 failed"
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
  void aScenarioFolderOfThousandsOfCharactersIsCutInTheFailureLine() {
    // Found by FuzzProperties: the line quoted the whole folder, 5,046 characters.
    String folder = "9".repeat(5_000);
    Cli.Run run = Cli.run("test", "--scenarios", folder);

    assertThat(run.exit()).as(run.toString()).isEqualTo(RankGaugeCli.FAILED);
    assertThat(run.err().lines()).as(run.toString()).singleElement().satisfies(line -> {
      assertThat(line).startsWith("rankgauge test: 1 of 1 expectations failed in ")
          .contains("(cut; ");
      assertThat(line.length()).isLessThan(RankGaugeCli.MAX_LINE + 100);
    });
  }

  @Test
  void aFailingExpectationInSpanishWithLocaleEs() throws IOException {
    String scenario = Files.readString(Path.of("scenarios", "dana-gold.json"))
        .replace("\"paidAs\": \"GLD\"", "\"paidAs\": \"PLAT\"");
    Files.writeString(tmp.resolve("wrong.json"), scenario);

    Cli.Run es = Cli.run("test", "--scenarios", tmp.toString(), "--locale", "es");
    Cli.Run en = Cli.run("test", "--scenarios", tmp.toString());

    assertThat(es.exit()).isEqualTo(RankGaugeCli.FAILED);
    assertThat(es.out()).contains("FALLÓ escenario " + tmp.resolve("wrong.json") + ":")
        .contains("distribuidor D100, rango pagado" + System.lineSeparator()
            + "  esperado: PLAT (Platinum)" + System.lineSeparator()
            + "  obtenido: GLD (Gold)" + System.lineSeparator()
            + "  traza de D100:")
        .contains("PV de grupo: 7.300")
        .containsPattern("\\d+ expectativas en 1 archivo de escenario: \\d+ cumplidas, 1 fallida")
        .doesNotContain("expected:", "FAILED");
    assertThat(es.err()).startsWith("rankgauge test: falló 1 de ")
        .contains(" expectativas en " + tmp);
    assertThat(en.out()).contains("FAILED scenario " + tmp.resolve("wrong.json") + ":")
        .contains("distributor D100, paid-as rank" + System.lineSeparator()
            + "  expected: PLAT (Platinum)" + System.lineSeparator()
            + "  actual:   GLD (Gold)")
        .contains("group PV: 7300")
        .containsPattern("\\d+ expectations in 1 scenario file: \\d+ passed, 1 failed");
    assertThat(en.err()).startsWith("rankgauge test: 1 of ");
  }

  @Test
  void verboseListsWhatPassedInTheLanguageAskedFor() {
    Cli.Run run = Cli.run("test", "--scenarios", "scenarios/dana-gold.json", "--verbose",
        "--locale", "es");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains(": D100: pagado como GLD" + System.lineSeparator())
        .contains("correcto scenarios/dana-gold.json: D100: pagado como GLD")
        .contains("expectativas en 1 archivo de escenario:")
        .doesNotContain("ok ");
    Cli.Run english = Cli.run("test", "--scenarios", "scenarios/dana-gold.json", "--verbose");
    assertThat(english.out()).contains("ok scenarios/dana-gold.json: D100: paid as GLD");
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
