package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain}, {@code validate}, help and version. */
class OtherCommandsTest {
  @TempDir
  Path tmp;

  @Test
  void explainPrintsWhyDanaIsNotPlatinum() {
    Cli.Run run = Cli.run("explain", "--plan", "seed", "--data", EvaluateCommandTest.SEED,
        "--period", "2026-11", "--as-of", "2026-11-27T09:00", "--distributor", "D100");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .startsWith("Distributor D100 (Dana Diaz)")
        .contains("active personal customers: 1 of 9")
        .contains("active personal distributors: 2 of 7")
        .contains("MET     GLD Gold")
        .contains("NOT MET PLAT Platinum")
        .contains("[open] at least 2 active personal customers: 1 of 2, 1 to go")
        .contains("Paid as GLD Gold");
  }

  @Test
  void explainSpeaksSpanishWithLocaleEs() {
    Cli.Run run = Cli.run("--locale", "es", "explain", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11", "--as-of", "2026-11-27T09:00",
        "--distributor", "D100");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .startsWith("Distribuidor D100 (Dana Diaz)")
        .contains("periodo: del 01/11/2026 al 30/11/2026 (abierto)")
        .contains("clientes personales activos: 1 de 9")
        .contains("CUMPLE    GLD Gold")
        .contains("NO CUMPLE PLAT Platinum")
        .contains("[pendiente] al menos 2 clientes personales activos: 1 de 2, falta 1")
        .contains("Cobra como GLD Gold")
        .doesNotContain("at least", "active", " of ", "MET ");
  }

  @Test
  void explainNeedsADistributor() {
    Cli.Run run = Cli.run("explain", "--plan", "seed", "--data", EvaluateCommandTest.SEED,
        "--period", "2026-11");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith(
        "rankgauge explain: Missing required option: '--distributor=ID'");
  }

  @Test
  void validateABundledPlan() {
    Cli.Run run = Cli.run("validate", "--plan", "doterra");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("doterra: plan doTERRA").contains("loads: 12 ranks");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validatePrintsEveryProblemWithItsLocation() throws IOException {
    Path plan = tmp.resolve("acme.json");
    Files.writeString(plan, "{\n"
        + "  \"name\": \"Acme\", \"version\": \"1\", \"currency\": \"USD\",\n"
        + "  \"timeZone\": \"America/Denver\", \"volumeTypes\": [\"PV\"],\n"
        + "  \"ranks\": [\n"
        + "    {\"code\": \"M\", \"name\": \"Member\"},\n"
        + "    {\"code\": \"S\", \"name\": \"Silver\", \"requirements\": [\n"
        + "      {\"kind\": \"personalVolum\", \"volume\": 100},\n"
        + "      {\"kind\": \"sponsoredWithRank\", \"count\": 2, \"rank\": \"G\"}\n"
        + "    ]}\n"
        + "  ]\n"
        + "}\n");
    Cli.Run run = Cli.run("validate", "--plan", plan.toString());
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("error: " + plan + ":7:")
        .contains("personalVolum").contains("did you mean \"personalVolume\"?")
        .contains("error: " + plan + ":8:");
    assertThat(run.err().lines()).containsExactly(
        "rankgauge validate: " + plan + " has 2 problems and 0 warnings");
  }

  @Test
  void validateAMissingFileIsAUsageErrorShowingThePathTried() {
    Cli.Run run = Cli.run("validate", "--plan", tmp.resolve("nope.json").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("rankgauge validate: --plan " + tmp.resolve("nope.json")
        + ": no plan file " + tmp.resolve("nope.json") + " and no bundled plan of that name");
  }

  @Test
  void helpAndVersion() {
    Cli.Run run = Cli.run("--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("evaluate", "explain", "validate", "generate");
    run = Cli.run("evaluate", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("--plan=FILE", "--data=DIR", "--period=PERIOD",
        "--as-of=INSTANT", "--distributor=ID", "--format=FORMAT", "--out=FILE");
    run = Cli.run("--version");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("rankgauge ");
    run = Cli.run();
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(2);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith("rankgauge: missing command; expected one of: evaluate, explain, ")
        .contains(", validate, generate, test, help");
    assertThat(run.err()).endsWith("\nTry 'rankgauge --help' for more information.\n");
  }
}
