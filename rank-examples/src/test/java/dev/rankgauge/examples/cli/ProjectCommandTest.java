package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import dev.rankgauge.io.ProjectionResults;
import dev.rankgauge.json.internal.SchemaValidator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rankgauge project} on four generated months: August to October closed by
 * {@code generate --history}, November projected from the 15th.
 */
class ProjectCommandTest {
  @TempDir
  static Path tmp;

  private static String data;
  private static String history;

  @BeforeAll
  static void generate() {
    data = tmp.resolve("data").toString();
    history = tmp.resolve("history").toString();
    Cli.Run run = Cli.run("generate", "--distributors", "400", "--seed", "3", "--months", "4",
        "--period", "2026-11", "--plan", "seed", "--history", history, "--out", data);
    assertThat(run.exit()).as(run.toString()).isZero();
  }

  private static String[] project(String... more) {
    String[] base = {"project", "--plan", "seed", "--data", data, "--period", "2026-11",
        "--as-of", "2026-11-15T12:00", "--history", history};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void oneDistributorsGasGaugeViewEndsWithTheProjection() {
    Cli.Run run = Cli.run(project("--distributor", "D1"));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Paid as:")
        .contains("By 2026-11-30 (projected from the period so far and the closed periods;"
            + " each range holds the end figure 80% of the time)")
        .containsPattern("Group sales: [\\d,.]+ PV now, [\\d,.]+ PV by 2026-11-30 \\([\\d,.]+"
            + " to [\\d,.]+ PV\\)")
        .containsPattern("By 2026-11-30: .+ \\([A-Z]+\\) with \\d+% likelihood");
  }

  @Test
  void aLevelOf90GivesWiderRanges() throws IOException {
    List<CSVRecord> at80 = csv(Cli.run(project()).out());
    List<CSVRecord> at90 = csv(Cli.run(project("--level", "90")).out());

    assertThat(at80).hasSize(400);
    boolean wider = false;
    for (int i = 0; i < at80.size(); i++) {
      CSVRecord a = at80.get(i);
      CSVRecord b = at90.get(i);
      assertThat(b.get("id")).isEqualTo(a.get("id"));
      assertThat(b.get("basis")).isEqualTo("history");
      double lowA = Double.parseDouble(a.get("group_sales_low"));
      double lowB = Double.parseDouble(b.get("group_sales_low"));
      double highA = Double.parseDouble(a.get("group_sales_high"));
      double highB = Double.parseDouble(b.get("group_sales_high"));
      assertThat(lowB).isLessThanOrEqualTo(lowA);
      assertThat(highB).isGreaterThanOrEqualTo(highA);
      wider |= highB - lowB > highA - lowA;
    }
    assertThat(wider).isTrue();
  }

  @Test
  void jsonForOneAndJsonLinesForEveryone() {
    Cli.Run one = Cli.run(project("--distributor", "D1", "--format", "json"));
    Cli.Run all = Cli.run(project("--format", "json"));

    assertThat(one.exit()).as(one.toString()).isZero();
    assertThat(one.out()).contains("\"id\" : \"D1\"", "\"basis\" : \"history\"",
        "\"metric\" : \"groupSales\"", "\"likelihood\" : ");
    assertThat(all.out().split("\n")).hasSize(400);
  }

  @Test
  void withoutHistoryTheStraightLine() {
    Cli.Run run = Cli.run("project", "--plan", "seed", "--data", data, "--period", "2026-11",
        "--as-of", "2026-11-15T12:00", "--distributor", "D1");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("the period so far in a straight line");
  }

  @Test
  void badOptionsAreUsageErrors() {
    Cli.Run level = Cli.run(project("--level", "100"));
    Cli.Run html = Cli.run(project("--format", "html"));
    Cli.Run csv = Cli.run(project("--distributor", "D1", "--format", "csv"));

    assertThat(level.exit()).isEqualTo(2);
    assertThat(level.err()).contains("--level 100 is not a percentage from 1 to 99");
    assertThat(html.exit()).isEqualTo(2);
    assertThat(html.err()).contains("--format html shows one distributor's projection");
    assertThat(csv.exit()).isEqualTo(2);
    assertThat(csv.err()).contains("--format csv lists every distributor");
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text))
        .getRecords();
  }

  @Test
  void bothJsonFormsFollowTheSchemaShippedInTheJarAndTheDocs() throws IOException {
    SchemaValidator validator = JsonSchemas.shipped(ProjectionResults.SCHEMA,
        "projection.schema.json");
    Cli.Run all = Cli.run(project("--format", "json"));
    Cli.Run one = Cli.run(project("--distributor", "D1", "--format", "json"));
    Cli.Run straight = Cli.run("project", "--plan", "seed", "--data", data, "--period",
        "2026-11", "--as-of", "2026-11-15T12:00", "--format", "json");

    assertThat(all.exit()).as(all.toString()).isZero();
    assertThat(all.out().lines()).hasSizeGreaterThan(100).allSatisfy(line ->
        assertThat(validator.validate(JsonSchemas.tree(line))).as(line).isEmpty());
    assertThat(validator.validate(JsonSchemas.tree(one.out()))).as(one.out()).isEmpty();
    assertThat(straight.out()).contains("\"basis\":\"periodSoFar\"");
    assertThat(straight.out().lines()).allSatisfy(line ->
        assertThat(validator.validate(JsonSchemas.tree(line))).as(line).isEmpty());
    assertThat(validator.validate(JsonSchemas.tree("{\"id\":\"D1\"}"))).isNotEmpty();
  }

  @Test
  void usageErrorsInSpanish() {
    Cli.Run level = Cli.run(prepend("--locale", "es", project("--level", "100")));
    Cli.Run html = Cli.run(prepend("--locale", "es", project("--format", "html")));
    Cli.Run csv = Cli.run(prepend("--locale", "es",
        project("--distributor", "D1", "--format", "csv")));
    Cli.Run nobody = Cli.run(prepend("--locale", "es", project("--distributor", "D99999")));

    assertThat(level.exit()).isEqualTo(2);
    assertThat(level.err()).startsWith("rankgauge project: --level 100 no es un porcentaje de 1"
        + " a 99");
    assertThat(html.exit()).isEqualTo(2);
    assertThat(html.err()).startsWith("rankgauge project: --format html muestra la proyección"
        + " de un distribuidor: añada --distributor ID");
    assertThat(csv.exit()).isEqualTo(2);
    assertThat(csv.err()).startsWith("rankgauge project: --format csv lista todos los"
        + " distribuidores");
    assertThat(nobody.exit()).isEqualTo(1);
    assertThat(nobody.err()).contains("no hay ningún distribuidor D99999 en ");
  }

  private static String[] prepend(String a, String b, String[] rest) {
    String[] all = new String[rest.length + 2];
    all[0] = a;
    all[1] = b;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }
}
