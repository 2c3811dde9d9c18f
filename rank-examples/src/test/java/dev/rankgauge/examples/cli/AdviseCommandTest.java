package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.io.AdviceJson;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanFiles;
import dev.rankgauge.json.internal.SchemaValidator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code advise}: Dana's shortest path to Platinum, as text and as JSON, and its errors. */
class AdviseCommandTest {
  private static Cli.Run advise(String... more) {
    String[] args = new String[9 + more.length];
    String[] base = {"advise", "--plan", "seed", "--data", EvaluateCommandTest.SEED, "--period",
        "2026-11", "--as-of", "2026-11-27T09:00"};
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Cli.run(args);
  }

  @Test
  void danaWinsBackC5AndD103Needs60PvMore() {
    Cli.Run run = advise("--distributor", "D100");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .startsWith("To reach Platinum (PLAT) by 2026-11-30: win back C5 (bought in October);"
            + " D103 needs 60 PV more")
        .contains("C5  Gus Gray  gus.gray@example.com")
        .contains("Volume to add: 60 PV");
  }

  @Test
  void asJsonWithTheOrdersToApplyAsAWhatIf() {
    Cli.Run run = advise("--distributor", "D100", "--format", "json");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("\"rank\" : {\n    \"code\" : \"PLAT\"")
        .contains("\"complete\" : true")
        .contains("\"cost\" : 60")
        .contains("\"kind\" : \"activateDistributor\"")
        .contains("\"buyerId\" : \"D103\"");
  }

  @Test
  void inSpanish() {
    Cli.Run run = advise("--distributor", "D100", "--locale", "es");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Para llegar a Platinum (PLAT) antes del 30/11/2026");
  }

  @Test
  void anUnknownDistributorFailsWithExitCode1() {
    Cli.Run run = advise("--distributor", "D999");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("rankgauge advise: no distributor D999 in ");
  }

  @Test
  void aMissingDistributorOrABadFormatIsAUsageError() {
    Cli.Run missing = advise();
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .startsWith("rankgauge advise: Missing required option: '--distributor=ID'");
    Cli.Run format = advise("--distributor", "D100", "--format", "html");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).startsWith("rankgauge advise: ");
  }

  @Test
  void everyDistributorsAdviceFollowsTheSchemaShippedInTheJarAndTheDocs() throws IOException {
    SchemaValidator validator = JsonSchemas.shipped(AdviceJson.SCHEMA, "advice.schema.json");
    int checked = 0;
    for (String name : List.of("seed", "doterra")) {
      CompPlan plan = PlanFiles.bundled(name);
      Organisation org = CsvOrganisation.read(Path.of(EvaluateCommandTest.SEED), plan,
          Progress.silent());
      Evaluation e = RankGauge.evaluate(org, plan, Period.month(2026, 11),
          Instant.parse("2026-11-27T09:00:00Z"));
      for (Distributor d : org.distributors()) {
        StringWriter out = new StringWriter();
        AdviceJson.write(e, d.id(), out, Locale.ENGLISH);
        assertThat(validator.validate(JsonSchemas.tree(out.toString()))).as(out.toString())
            .isEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(validator.validate(JsonSchemas.tree("{\"id\":\"D1\",\"steps\":[{}]}")))
        .isNotEmpty();
  }
}
