package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit's reports in Spanish: a failing scenario reads in Spanish, field, expected, actual
 * and trace, with Spanish numbers, while the English report is the one it has always been; the
 * summary's words agree with its counts; the JUnit factory names its tests in the language asked
 * for; the reports' bundle is complete both ways.
 */
class ScenarioReportInSpanishTest {
  private static final Locale ES = Locale.forLanguageTag("es");
  private static final String NL = System.lineSeparator();

  @Test
  void everyReportTextHasEnglishAndSpanish() throws Exception {
    int codes = ProblemBundleCheck.check(Reports.BUNDLE,
        Path.of("src/main/java/dev/rankgauge/testkit"),
        List.of("metric.", "focus.", "gauge.", "figure."), "say(", "part(");

    assertThat(codes).isGreaterThan(140);
  }

  @Test
  void aFailingScenarioReadsInSpanishAndItsEnglishIsUnchanged() {
    Path file = ScenarioReaderTest.KIT.resolve("failing/dana-wrong.json");
    ScenarioReport report = ScenarioRunner.run(file, ScenarioReaderTest.reader());

    String spanish = report.format(ES);
    assertThat(spanish).startsWith("FALLÓ escenario " + file + ":13 (Dana, expected wrongly):"
        + " distribuidor D100, rango pagado" + NL
        + "  esperado: PLAT (Platinum)" + NL
        + "  obtenido: SLV (Silver)" + NL
        + "  traza de D100:" + NL
        + "    Distribuidor D100 (D100)" + NL);
    // The trace is the core's, in Spanish too, numbers with Spanish signs.
    assertThat(spanish).contains("        [pendiente] al menos 3.000 PV de grupo: 1.500 de 3.000,"
        + " faltan 1.500" + NL);
    assertThat(spanish).contains("FALLÓ escenario " + file + ":14 (Dana, expected wrongly):"
        + " distribuidor D100, indicador de ventas de grupo: restante" + NL
        + "  esperado: 100 para el rango siguiente" + NL
        + "  obtenido: 1.500 para PLAT (Platinum) (valor 1.500, indicador en GLD (Gold))" + NL
        + "  traza de D100: mostrada con el fallo de la línea 13" + NL);
    assertThat(spanish).endsWith("4 expectativas en 1 archivo de escenario: 2 cumplidas,"
        + " 2 fallidas" + NL);
    assertThat(spanish).doesNotContain("  expected:", "  actual:", "trace of", "distributor D100",
        "to the next rank", "passed");

    assertThat(report.format()).isEqualTo(report.format(Locale.ROOT))
        .contains("  expected: 100 to the next rank" + NL
            + "  actual:   1500 to PLAT (Platinum) (value 1500, gauge at GLD (Gold))" + NL)
        .endsWith("4 expectations in 1 scenario file: 2 passed, 2 failed" + NL);
    ScenarioReport.Outcome first = report.outcomes().get(0);
    assertThat(first.expectation().text(ES)).isEqualTo("pagado como PLAT");
    assertThat(first.expectation()).hasToString("paid as PLAT");
    assertThat(report.outcomes().get(1).expectation().text(ES))
        .isEqualTo("indicador de ventas de grupo: rango GLD");
    assertThat(report.outcomes().get(2).expectation().text(ES))
        .isEqualTo("indicador de ventas de grupo: restante 100");
  }

  @Test
  void theSummarysWordsAgreeWithItsCounts() {
    Path f = Path.of("one.json");
    ScenarioReport.Outcome ok = new ScenarioReport.Outcome(f, "s", "", ScenarioReport.Text
        .plain("x"), Optional.empty());
    ScenarioReport.Outcome bad = new ScenarioReport.Outcome(f, "s", "", ScenarioReport.Text
        .plain("y"), Optional.of(ScenarioReport.Text.plain("y failed")));

    assertThat(new ScenarioReport(List.of(ok)).format(ES))
        .isEqualTo("1 expectativa en 1 archivo de escenario: 1 cumplida, 0 fallidas" + NL);
    assertThat(new ScenarioReport(List.of(ok)).format())
        .isEqualTo("1 expectation in 1 scenario file: 1 passed, 0 failed" + NL);
    assertThat(new ScenarioReport(List.of(ok, bad)).format(ES))
        .isEqualTo("FALLÓ y failed" + NL + NL
            + "2 expectativas en 1 archivo de escenario: 1 cumplida, 1 fallida" + NL);
    assertThat(new ScenarioReport(List.of()).format(ES))
        .isEqualTo("0 expectativas en 0 archivos de escenario: 0 cumplidas, 0 fallidas" + NL);
  }

  @Test
  void anUnreadableFileListsItsProblemsInSpanish() {
    ScenarioReport report = ScenarioRunner.run(ScenarioReaderTest.KIT.resolve("malformed"),
        ScenarioReaderTest.reader());
    Path file = ScenarioReaderTest.KIT.resolve("malformed/many-problems.json");

    ScenarioReport.Outcome bad = report.failures().get(0);
    assertThat(bad.expectation().text(ES)).isEqualTo("archivo de escenario");
    assertThat(bad.failure().orElseThrow().text(ES))
        .startsWith("no se puede leer el escenario " + file + ": entrada no válida (el escenario "
            + file + "): 18 problemas" + NL + "  - " + file + ":5:3 at $.asof: campo"
            + " desconocido \"asof\" en un escenario (¿quiso decir \"asOf\"?)")
        .contains(file + ":10:18 at $.distributors[3].sponser: campo desconocido \"sponser\" en"
            + " un distribuidor (¿quiso decir \"sponsor\"?)")
        .contains(file + ":16:49 at $.orders[1].pv: se esperaba un volumen de PV (un número);"
            + " se encontró \"lots\"");
    assertThat(bad.failure().orElseThrow().toString())
        .startsWith("scenario " + file + " cannot be read: scenario " + file + " is invalid:"
            + " 18 problems" + NL)
        .contains(file + ":16:49 at $.orders[1].pv: expected a PV volume (a number), found"
            + " \"lots\"");
  }

  @Test
  void aFileThatCannotBeReadSaysSoInTheLanguage(@TempDir Path dir) throws IOException {
    // A folder named like a scenario file: its size is known, its bytes cannot be read.
    Path file = Files.createDirectory(dir.resolve("folder.json"));

    ScenarioRunner.Prepared p = new ScenarioRunner.Prepared(file, ScenarioReaderTest.reader());

    assertThat(p.failure.text(ES))
        .startsWith("no se puede leer el escenario " + file + ": java.io.");
    assertThat(p.failure).asString().startsWith("scenario " + file + " cannot be read: java.io.");
    assertThatThrownBy(() -> ScenarioReaderTest.reader().read(file))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageStartingWith("scenario " + file + " cannot be read: java.io.");
  }

  @Test
  void aMissingFolderSaysSoInSpanish() {
    ScenarioReport report = ScenarioRunner.run(ScenarioReaderTest.KIT.resolve("nope"));
    ScenarioReport.Text why = report.failures().get(0).failure().orElseThrow();

    assertThat(why.text(ES)).startsWith("no hay carpeta de escenarios ").endsWith("nope");
    assertThat(why).asString().startsWith("no scenario folder ").endsWith("nope");
  }

  @Test
  void theJunitFactoryNamesAndFailsInTheLanguageAskedFor() {
    List<String> names = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    walk(ScenarioTests.from(ScenarioReaderTest.KIT.resolve("failing"),
        ScenarioReaderTest.reader(), ES), names, failures);

    assertThat(names).contains("dana-wrong.json: Dana, expected wrongly", "distribuidor D100",
        "pagado como PLAT", "indicador de ventas de grupo: restante 100", "distribuidor D101",
        "pagado como DIST");
    assertThat(failures).hasSize(2);
    assertThat(failures.get(0)).contains("distribuidor D100, rango pagado" + NL
        + "  esperado: PLAT (Platinum)" + NL + "  obtenido: SLV (Silver)");
  }

  @Test
  void aRequirementMismatchQuotesTheRequirementInTheLanguage(@TempDir Path dir)
      throws IOException {
    String scenario = Files.readString(ScenarioReaderTest.KIT.resolve("failing/dana-wrong.json"))
        .replace("\"seed-java\"", "\"seed\"")
        .replace("\"paidAs\": \"PLAT\",", "\"requirements\": [{\"rank\": \"GLD\","
            + " \"requirement\": 3, \"met\": true, \"remaining\": 0}],");
    Path file = dir.resolve("requirement.json");
    Files.writeString(file, scenario);

    ScenarioReport report = ScenarioRunner.run(file, ScenarioReaderTest.reader());
    List<String> spanish = report.failures().stream()
        .map(o -> o.failure().orElseThrow().text(ES)).toList();
    List<String> english = report.failures().stream()
        .map(o -> o.failure().orElseThrow().toString()).toList();

    assertThat(spanish).anySatisfy(f -> assertThat(f).contains("distribuidor D100, requisito 3"
        + " de GLD (al menos 1 cliente personal activo): cumplido" + NL
        + "  esperado: cumplido" + NL
        + "  obtenido: no cumplido: al menos 1 cliente personal activo: 0 de 1, faltan 1"));
    assertThat(spanish).anySatisfy(f -> assertThat(f).contains("requisito 3 de GLD (al menos 1"
        + " cliente personal activo): restante" + NL + "  esperado: 0" + NL
        + "  obtenido: 1 (al menos 1 cliente personal activo: 0 de 1, faltan 1)"));
    assertThat(english).anySatisfy(f -> assertThat(f).contains("distributor D100, requirement 3"
        + " of GLD (at least 1 active personal customer): met" + NL + "  expected: met" + NL
        + "  actual:   not met: [open] at least 1 active personal customer: 0 of 1, 1 to go"));
  }

  @Test
  void aRequirementNotFoundListsTheRanksRequirementsInTheLanguage(@TempDir Path dir)
      throws IOException {
    String scenario = Files.readString(ScenarioReaderTest.KIT.resolve("failing/dana-wrong.json"))
        .replace("\"seed-java\"", "\"seed\"")
        .replace("\"paidAs\": \"PLAT\",", "\"requirements\": [{\"rank\": \"GLD\","
            + " \"requirement\": 9, \"met\": true}, {\"rank\": \"GLD\", \"requirement\":"
            + " \"nothing like this\", \"met\": true}],");
    Path file = dir.resolve("requirement.json");
    Files.writeString(file, scenario);

    List<Problem> problems = problems(file);

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).toString(ES)).contains("el rango GLD tiene ")
        .contains(", no 9: 1. ").contains("3. al menos 1 cliente personal activo")
        .doesNotContain("at least");
    assertThat(problems.get(0).toString()).contains("rank GLD has ").contains(", not 9: 1. ")
        .contains("3. at least 1 active personal customer");
    assertThat(problems.get(1).toString(ES)).contains("ningún requisito de GLD menciona"
        + " \"nothing like this\"; sus requisitos son 1. ")
        .contains("3. al menos 1 cliente personal activo").doesNotContain("at least");
    assertThat(problems.get(1).toString()).contains("no requirement of GLD mentions"
        + " \"nothing like this\"; its requirements are 1. ")
        .contains("3. at least 1 active personal customer");
  }

  @Test
  void thePaidAsCountsOfAMismatchAreWrittenForTheLanguage(@TempDir Path dir) throws IOException {
    String scenario = Files.readString(ScenarioReaderTest.KIT.resolve("failing/dana-wrong.json"))
        .replace("\"expect\": {", "\"paidAsCounts\": {\"GLD\": 2}, \"expect\": {");
    Path file = dir.resolve("counts.json");
    Files.writeString(file, scenario);

    ScenarioReport report = ScenarioRunner.run(file, ScenarioReaderTest.reader());
    ScenarioReport.Outcome count = report.failures().stream()
        .filter(o -> o.expectation().toString().startsWith("number paid as")).findFirst()
        .orElseThrow();

    assertThat(count.expectation().text(ES)).isEqualTo("número pagado como GLD: 2");
    assertThat(count.failure().orElseThrow().text(ES))
        .contains("(recuentos por rango pagado: DIST 2, SLV 1, GLD 0, PLAT 0, DMND 0, SE 0)");
    assertThat(count.failure().orElseThrow().toString())
        .contains("(paid-as counts: DIST 2, SLV 1, GLD 0, PLAT 0, DMND 0, SE 0)");
  }

  @Test
  void whatTheCoreRefusesIsQuotedInsideASpanishSentence(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("old.json");
    Files.writeString(file, """
        {"name": "too old", "plan": "seed", "period": "1500-01",
         "distributors": ["D1"], "expect": {"D1": {"paidAs": "DIST"}}}""");
    Path unknown = dir.resolve("unknown.json");
    Files.writeString(unknown, """
        {"name": "no such plan", "plan": "sed", "period": "2026-11",
         "distributors": ["D1"], "expect": {"D1": {"paidAs": "DIST"}}}""");

    List<Problem> old = problems(file);
    assertThat(old).extracting(Problem::code).contains("core.refused");
    assertThat(old.stream().filter(p -> p.code().equals("core.refused")).findFirst()
        .orElseThrow().toString(ES)).isEqualTo(file + ":1:47 at $.period: se encontró un valor"
            + " que rank-core rechaza: period start 1500-01-01 is outside the supported dates"
            + " 1678-01-01 to 2261-12-31");
    List<Problem> none = problems(unknown);
    assertThat(none).extracting(Problem::code).contains("plan.unknownBundled");
    assertThat(none.get(0).toString(ES)).startsWith(unknown + ":1:34 at $.plan: no hay ningún"
        + " plan incluido llamado \"sed\" (¿quiso decir \"seed\"?); los planes incluidos son:"
        + " binary, doterra,");
    assertThat(none.get(0).toString()).startsWith(unknown + ":1:34 at $.plan: no bundled plan"
        + " \"sed\" (did you mean \"seed\"?); bundled plans are: binary, doterra,");
  }

  private static List<Problem> problems(Path file) {
    try {
      ScenarioReaderTest.reader().read(file);
    } catch (ValidationException e) {
      return e.problems();
    }
    throw new AssertionError("expected " + file + " to be invalid");
  }

  private static void walk(Stream<? extends DynamicNode> nodes, List<String> names,
      List<String> failures) {
    nodes.forEach(n -> {
      names.add(n.getDisplayName());
      if (n instanceof DynamicContainer c) {
        walk(c.getChildren(), names, failures);
      } else if (n instanceof DynamicTest t) {
        try {
          t.getExecutable().execute();
        } catch (Throwable e) {
          failures.add(e.getMessage());
        }
      }
    });
  }
}
