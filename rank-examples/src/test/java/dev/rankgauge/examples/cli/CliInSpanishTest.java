package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's own words follow {@code --locale}: usage errors, the frame of located
 * problems and failures it reports itself; so do the problems of the input, worded by the
 * library's bundles, at the same locations.
 */
class CliInSpanishTest {
  @TempDir
  Path tmp;

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = CliInSpanishTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** The arguments a message shows as text; a number that only chooses words is left out. */
  private static Set<String> shown(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d+)}").matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyMessageInBothLanguagesShowingTheSameValues() throws IOException {
    Properties en = load("/dev/rankgauge/examples/cli/Cli.properties");
    Properties es = load("/dev/rankgauge/examples/cli/Cli_es.properties");

    assertThat(es.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
        en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(shown(es.getProperty(key))).as(key).isEqualTo(shown(en.getProperty(key)));
      for (Properties p : new Properties[] {en, es}) {
        String pattern = p.getProperty(key);
        Object[] typed = new Object[8];
        for (int i = 0; i < typed.length; i++) {
          typed[i] = pattern.contains("{" + i + ",choice,") ? (Object) 2 : "A" + i;
        }
        assertThat(new MessageFormat(pattern, Locale.ROOT).format(typed)).as(key)
            .doesNotContainPattern("\\{\\d");
      }
    }
  }

  @Test
  void aMisspeltOptionInSpanishWhereverLocaleStands() {
    Cli.Run before = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--perod", "2026-11");
    Cli.Run after = Cli.run("evaluate", "--plan", "seed", "--data", EvaluateCommandTest.SEED,
        "--perod", "2026-11", "--locale=es");

    assertThat(before.exit()).isEqualTo(2);
    assertThat(before.err()).contains(": opción desconocida '--perod'; ¿quiso decir '--period'?\n")
        .endsWith("\nPruebe 'rankgauge evaluate --help' para más información.\n");
    assertThat(after.err()).isEqualTo(before.err());
    assertThat(Cli.run("evaluate", "--perod", "2026-11").err())
        .contains("unknown option '--perod'; did you mean '--period'?")
        .endsWith("\nTry 'rankgauge evaluate --help' for more information.\n");
  }

  @Test
  void aMissingOrUnknownCommandInSpanish() {
    Cli.Run none = Cli.run("--locale", "es");
    Cli.Run unknown = Cli.run("--locale", "es", "evalute");

    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).startsWith("rankgauge: falta el comando; se esperaba uno de: evaluate,")
        .endsWith("Pruebe 'rankgauge --help' para más información.\n");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith(
        "rankgauge: comando desconocido 'evalute'; ¿quiso decir 'evaluate'? (comandos: evaluate,");
  }

  @Test
  void usageErrorsFoundAfterParsingInSpanish() {
    Cli.Run asOf = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11", "--as-of", "mañana");
    Cli.Run plan = Cli.run("--locale", "es", "evaluate", "--plan", "sed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11");
    Cli.Run html = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11", "--format", "html");

    assertThat(asOf.exit()).isEqualTo(2);
    assertThat(asOf.err()).startsWith("rankgauge evaluate: --as-of 'mañana' no es un instante"
        + " (2026-11-27T16:00:00Z), una fecha y hora (2026-11-27T09:00) ni una fecha (2026-11-27)\n")
        .endsWith("Pruebe 'rankgauge evaluate --help' para más información.\n");
    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err()).startsWith("rankgauge evaluate: --plan sed: no existe el archivo de"
        + " plan ").contains(" y ningún plan incluido tiene ese nombre; ¿quiso decir 'seed'?"
        + " (planes incluidos: ");
    assertThat(html.exit()).isEqualTo(2);
    assertThat(html.err()).startsWith("rankgauge evaluate: --format html dibuja la página de un"
        + " distribuidor: añada --distributor ID\n");
  }

  @Test
  void locatedProblemsAndTheirFrameInSpanishAtTheSameLocations() throws IOException {
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (String f : new String[] {"distributors.csv", "customers.csv", "orders.csv"}) {
      Files.copy(Path.of(EvaluateCommandTest.SEED, f), data.resolve(f));
    }
    Files.writeString(data.resolve("orders.csv"), Files.readString(data.resolve("orders.csv"))
        + "O20,D,D999,2026-11-30,10,12.50,paid\n");

    Cli.Run es = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        data.toString(), "--period", "2026-11");
    Cli.Run en = Cli.run("evaluate", "--plan", "seed", "--data", data.toString(), "--period",
        "2026-11");

    String at = "orders.csv:" + Files.readAllLines(data.resolve("orders.csv")).size() + ":3: ";
    assertThat(es.exit()).isEqualTo(1);
    assertThat(es.err().lines()).containsExactly(
        "rankgauge evaluate: entrada no válida (datos en " + data + "): 1 problema",
        at + "se encontró el comprador D999, que no es un distribuidor");
    assertThat(en.err().lines()).containsExactly(
        "rankgauge evaluate: data in " + data + " is invalid: 1 problem",
        at + "found buyer D999, which is not a distributor");
  }

  @Test
  void anUnknownDistributorInSpanish() {
    Cli.Run run = Cli.run("--locale", "es", "explain", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11", "--distributor", "D999");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).matches("(?s).*rankgauge explain: no hay ningún distribuidor D999 en \\S+"
        + " \\(\\d+ distribuidores\\)\n");
  }

  @Test
  void progressLinesInTheLanguageWithItsNumbers() {
    CliTexts es = new CliTexts(Locale.forLanguageTag("es"));
    CliTexts en = CliTexts.ENGLISH;

    assertThat(es.get("progress.evaluated", 1_000_000)).isEqualTo(
        "evaluados 1.000.000 distribuidores");
    assertThat(es.get("progress.whatIf", 12_000, 3, 1_500, 40)).isEqualTo(
        "12.000 pedidos añadidos, 3 retirados: cambian 1.500 distribuidores, 40 de rango");
    assertThat(en.get("progress.evaluated", 1_000_000)).isEqualTo(
        "evaluated 1,000,000 distributors");
    assertThat(en.get("progress.whatIf", 12_000, 3, 1_500, 40)).isEqualTo(
        "12,000 orders added, 3 taken out: 1,500 distributors change, 40 in rank");
    assertThat(en.get("progress.projected", 1_000_000, "2026-12-31",
        en.get("progress.projected.history"))).isEqualTo(
        "projected 1,000,000 distributors to 2026-12-31 (from the history)");
  }
  @Test
  void evaluatesSummaryInSpanishWithItsDatesAndNumbers() {
    Cli.Run es = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11", "--as-of", "2026-11-27T09:00",
        "--format", "text");
    Cli.Run en = Cli.run("evaluate", "--plan", "seed", "--data", EvaluateCommandTest.SEED,
        "--period", "2026-11", "--as-of", "2026-11-27T09:00", "--format", "text");

    assertThat(es.exit()).as(es.toString()).isZero();
    assertThat(es.out().lines()).startsWith(
        "Seed plan 2026.11, periodo del 01/11/2026 al 30/11/2026 (abierto), a fecha de"
            + " 27/11/2026 09:00 America/Denver",
        "13 distribuidores, 9 clientes, 17 pedidos",
        "",
        "Cobran como");
    assertThat(es.out()).containsPattern("GLD Gold +1\\R")
        .containsPattern("DIST Distributor +9\\R");
    assertThat(en.out().lines()).startsWith(
        "Seed plan 2026.11, period 2026-11-01..2026-11-30 (open), as of 2026-11-27T16:00:00Z",
        "13 distributors, 9 customers, 17 orders",
        "",
        "Paid as");
  }

  @Test
  void summaryCountsInSpanishAreGroupedAndSingularForOne() {
    CliTexts es = new CliTexts(Locale.forLanguageTag("es"));

    assertThat(es.get("summary.counts", 1_000_000, 1, 2_500)).isEqualTo(
        "1.000.000 distribuidores, 1 cliente, 2.500 pedidos");
    assertThat(CliTexts.ENGLISH.get("summary.counts", 1_000_000, 1, 0)).isEqualTo(
        "1,000,000 distributors, 1 customer, 0 orders");
    assertThat(es.number(new java.math.BigDecimal("7390.50"))).isEqualTo("7.390,5");
    assertThat(CliTexts.ENGLISH.number(new java.math.BigDecimal("7390.50"))).isEqualTo("7,390.5");
  }

  @Test
  void whatIfsReportInSpanish() {
    java.nio.file.Path files = EvaluateCommandTest.seedData().resolveSibling("seed-what-if");
    Cli.Run run = Cli.run("--locale", "es", "what-if", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11", "--add",
        files.resolve("extra-orders.csv").toString(), "--remove",
        files.resolve("remove.csv").toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Qué pasaría si: 2 pedidos añadidos, 1 retirado (Seed plan,"
            + " periodo del 01/11/2026 al 30/11/2026 (abierto))\n")
        .contains("\nD001  Uma Upline\n  ventas de grupo: 7.390 -> 7.460\n")
        .contains("\nD100  Dana Diaz\n  cobra como: Gold (GLD) -> Platinum (PLAT)\n"
            + "  título: Gold (GLD) -> Platinum (PLAT)\n"
            + "  ventas personales: 1.240 -> 1.190\n"
            + "  ventas de grupo: 7.390 -> 7.460\n"
            + "  distribuidores personales activos: 2 -> 3 (alcanza GLD -> PLAT)\n")
        .contains("\nD107  Jon James\n  activo: no -> sí\n"
            + "  ventas personales: 0 -> 120 (alcanza DIST -> SLV)\n")
        .endsWith("\nCambian 3 distribuidores, 1 de ellos de rango.\n");
  }

  @Test
  void whatIfsWordsForOneAndForNone() {
    CliTexts es = new CliTexts(Locale.forLanguageTag("es"));

    assertThat(es.get("whatIf.head", 1, 0, "Seed plan", "del 01/11/2026 al 30/11/2026 (abierto)"))
        .isEqualTo("Qué pasaría si: 1 pedido añadido, 0 retirados (Seed plan, periodo del"
            + " 01/11/2026 al 30/11/2026 (abierto))");
    assertThat(es.get("whatIf.total", 1, 0)).isEqualTo(
        "Cambia 1 distribuidor, 0 de ellos de rango.");
    assertThat(CliTexts.ENGLISH.get("whatIf.head", 1, 1_200, "Seed plan", "x")).isEqualTo(
        "What if: 1 order added, 1,200 taken out (Seed plan, period x)");
    assertThat(CliTexts.ENGLISH.get("whatIf.total", 1, 1)).isEqualTo(
        "1 distributor changes, 1 of them in rank.");
  }

  @Test
  void aMissingDataFolderOrFileInSpanish() throws IOException {
    Path none = tmp.resolve("none");
    Cli.Run folder = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        none.toString(), "--period", "2026-11");
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.copy(Path.of(EvaluateCommandTest.SEED, "distributors.csv"),
        data.resolve("distributors.csv"));
    Cli.Run file = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        data.toString(), "--period", "2026-11");

    assertThat(folder.exit()).isEqualTo(1);
    assertThat(folder.err()).isEqualTo("rankgauge evaluate: no existe el archivo o la carpeta: "
        + none + " (no existe la carpeta de datos)\n");
    assertThat(file.exit()).isEqualTo(1);
    assertThat(file.err()).isEqualTo("rankgauge evaluate: no existe el archivo o la carpeta: "
        + data.resolve("customers.csv") + " (la carpeta de datos necesita distributors.csv,"
        + " customers.csv y orders.csv)\n");
  }

  @Test
  void validateInSpanish() throws IOException {
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
    Cli.Run bad = Cli.run("--locale", "es", "validate", "--plan", plan.toString());
    Cli.Run good = Cli.run("--locale", "es", "validate", "--plan", "doterra");

    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("error: " + plan + ":7:").contains("¿quiso decir")
        .doesNotContain("did you mean");
    assertThat(bad.err().lines()).containsExactly(
        "rankgauge validate: " + plan + " tiene 2 problemas y 0 advertencias");
    assertThat(good.exit()).as(good.toString()).isZero();
    assertThat(good.out()).startsWith("doterra: el plan doTERRA").contains(" se carga: 12 rangos,"
        + " tipos de volumen [PV], zona horaria ");
    assertThat(CliTexts.ENGLISH.get("validate.loads", "acme.json", "Acme", "1", 1, "[PV]", "UTC",
        1)).isEqualTo("acme.json: plan Acme 1 loads: 1 rank, volume types [PV], time zone UTC;"
        + " 1 warning");
  }

  @Test
  void valuesAnOptionCannotTakeInSpanish() {
    Cli.Run period = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-13");
    Cli.Run month = Cli.run("--locale", "es", "generate", "--distributors", "10", "--period",
        "noviembre", "--out", "x");
    Cli.Run english = Cli.run("evaluate", "--plan", "seed", "--data", EvaluateCommandTest.SEED,
        "--period", "2026-13");

    assertThat(period.exit()).isEqualTo(2);
    assertThat(period.err()).startsWith("rankgauge evaluate: valor no válido para la opción"
        + " '--period': '2026-13' no es un mes (2026-11) ni un intervalo de días"
        + " (2026-11-02..2026-11-08)\n");
    assertThat(month.exit()).isEqualTo(2);
    assertThat(month.err()).startsWith("rankgauge generate: valor no válido para la opción"
        + " '--period': 'noviembre' no es un mes como 2026-11\n");
    assertThat(english.err()).startsWith("rankgauge evaluate: Invalid value for option"
        + " '--period': '2026-13' is not a month (2026-11) or a range of days"
        + " (2026-11-02..2026-11-08)\n");
  }

  @Test
  void theJvmsFailuresAndMissingOverridesInSpanish() {
    CliTexts es = new CliTexts(Locale.forLanguageTag("es"));
    Cli.Run overrides = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11", "--overrides",
        tmp.resolve("none.csv").toString());

    assertThat(overrides.exit()).isEqualTo(1);
    assertThat(overrides.err()).isEqualTo("rankgauge evaluate: --overrides "
        + tmp.resolve("none.csv") + ": no existe el archivo\n");
    assertThat(RankGaugeCli.jvmError(new StackOverflowError(), es)).startsWith(
        "se agotó el espacio de pila: ejecute con una pila mayor");
    assertThat(RankGaugeCli.jvmError(new InternalError("code cache"), es)).startsWith(
        "el entorno de ejecución de Java falló con InternalError (code cache)");
    assertThat(RankGaugeCli.jvmError(new OutOfMemoryError("Java heap space"), es)).startsWith(
        "se agotó la memoria (Java heap space, con un máximo de ");
    assertThat(RankGaugeCli.jvmError(new StackOverflowError(), CliTexts.ENGLISH)).isEqualTo(
        "ran out of stack space: run with a larger stack, as in java -Xss64m -jar rankgauge.jar"
            + " ..., and please report the input that caused it");
  }

  @Test
  void missingOptionsAnOptionWithoutItsValueOrGivenTwiceInSpanish() {
    Cli.Run none = Cli.run("--locale", "es", "evaluate");
    Cli.Run one = Cli.run("--locale", "es", "explain", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11");
    Cli.Run noValue = Cli.run("--locale", "es", "evaluate", "--plan");
    Cli.Run twice = Cli.run("--locale", "es", "evaluate", "--plan", "a", "--plan", "b", "--data",
        "x", "--period", "2026-11");

    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).startsWith("rankgauge evaluate: faltan las opciones obligatorias:"
        + " '--plan=FILE', '--data=DIR', '--period=PERIOD'\n");
    assertThat(one.err()).startsWith(
        "rankgauge explain: falta la opción obligatoria: '--distributor=ID'\n");
    assertThat(noValue.err()).startsWith(
        "rankgauge evaluate: falta el valor de la opción '--plan' (FILE)\n");
    assertThat(twice.err()).startsWith(
        "rankgauge evaluate: la opción '--plan' (FILE) debe indicarse una sola vez\n");
    // English is picocli's own words, as before.
    assertThat(Cli.run("evaluate").err()).startsWith("rankgauge evaluate: Missing required"
        + " options: '--plan=FILE', '--data=DIR', '--period=PERIOD'\n");
    assertThat(Cli.run("evaluate", "--plan").err()).startsWith(
        "rankgauge evaluate: Missing required parameter for option '--plan' (FILE)\n");
    assertThat(Cli.run("evaluate", "--plan", "a", "--plan", "b", "--data", "x", "--period",
        "2026-11").err()).startsWith(
        "rankgauge evaluate: option '--plan' (FILE) should be specified only once\n");
  }
}
