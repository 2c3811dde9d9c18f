package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
import static dev.rankgauge.testkit.RankGaugeAssertions.catchThrowableOfType;

import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A bad scenario file in Spanish: each problem at the same line, column and JSON path as in
 * English, in Spanish words, whether the test kit found it (the file's shape, its values) or the
 * core did (a sponsor that does not exist, with the ids the file could have named); the test
 * kit's bundle is complete both ways.
 */
class ScenarioProblemsInSpanishTest {
  private static final Locale ES = Locale.forLanguageTag("es");

  @Test
  void everyCodeOfTheTestKitHasEnglishAndSpanish() throws Exception {
    int codes = ProblemBundleCheck.check("dev.rankgauge.testkit.Problems",
        Path.of("src/main/java/dev/rankgauge/testkit"),
        List.of("kind.", "what.", "idAgain."), "problem(", "Problem.of(", "Problem.Part.of(");

    assertThat(codes).isGreaterThan(150);
  }

  @Test
  void aBadScenarioReadsInSpanishAtTheSameLocations() {
    Path file = ScenarioReaderTest.KIT.resolve("malformed/many-problems.json");
    String f = file.toString();
    List<Problem> problems = catchThrowableOfType(ValidationException.class,
        () -> ScenarioReaderTest.reader().read(file)).problems();

    List<String> spanish = problems.stream().map(p -> p.toString(ES)).toList();
    assertThat(spanish).contains(
        f + ":4:13 at $.period: se esperaba un mes como \"2026-11\"; se encontró \"2026-13\"",
        f + ":5:3 at $.asof: campo desconocido \"asof\" en un escenario (¿quiso decir \"asOf\"?);"
            + " se esperaba uno de: name, description, plan, period, asOf, titleRanks, history,"
            + " overrides, distributors, customers, orders, expect, paidAsCounts, whatIf",
        f + ":8:29 at $.distributors[1].sponsor: se encontró el patrocinador D9, que no es un"
            + " distribuidor; se esperaba uno de: D1, D2, D3 (¿quiso decir \"D1\"?)",
        f + ":9:12 at $.distributors[2].id: se encontró el id de distribuidor D2 otra vez,"
            + " primero en la línea 8; se esperaba cada id de distribuidor una vez",
        f + ":11:5 at $.distributors[4]: se esperaba un distribuidor: un id (una raíz), o un"
            + " objeto como {\"id\": \"D2\", \"sponsor\": \"D1\"}; se encontró un número",
        f + ":27:5 at $.expect.D42: D42 no es un distribuidor de este escenario; los"
            + " distribuidores son D1, D2, D3");
    assertThat(problems.stream().map(Problem::location).toList()).isEqualTo(
        problems.stream().map(p -> p.toString(ES).substring(0, p.location().length())).toList());
    assertThat(problems.stream().map(Problem::code).toList()).contains("period.month",
        "shape.unknownField", "reference.choices", "idAgain.distributor.firstAt",
        "shape.expected", "distributor.unknown");
  }
}
