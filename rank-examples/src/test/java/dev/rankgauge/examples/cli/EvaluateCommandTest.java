package dev.rankgauge.examples.cli;

import dev.rankgauge.io.ResultsJson;
import dev.rankgauge.io.ResultsCsv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.internal.json.JsonTree;
import dev.rankgauge.json.internal.SchemaValidator;
import dev.rankgauge.io.CsvOrganisation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code rankgauge evaluate} on the seed organisation (rank-examples/data/seed). */
class EvaluateCommandTest {
  static final String SEED = seedData().toString();
  private static final String[] DANA = {"evaluate", "--plan", "seed", "--data", SEED,
      "--period", "2026-11", "--as-of", "2026-11-27T09:00", "--distributor", "D100"};

  @TempDir
  Path tmp;

  /** The seed data folder, whether Maven runs from the module or the reactor root. */
  static Path seedData() {
    Path inModule = Path.of("data", "seed");
    return Files.isDirectory(inModule) ? inModule : Path.of("rank-examples", "data", "seed");
  }

  private static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void oneDistributorAsTextIsTheSeedsGasGaugeView() {
    Cli.Run run = Cli.run(DANA);
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("Dana Diaz (D100), active")
        .contains("Seed plan 2026.11, period 2026-11-01 to 2026-11-30 (open), as of"
            + " 2026-11-27 09:00 America/Denver")
        .contains("1,150 PV -> SE (top rank)", "7,300 PV -> DMND, 4,700 more for SE")
        .contains("Active personal customers      1 -> GLD, 1 more for PLAT")
        .contains("Active personal distributors   2 -> GLD, 1 more for PLAT")
        .contains("Paid as: Gold (GLD)", "To reach Platinum (PLAT):")
        .contains("Holding you back: at least 2 active personal customers;"
            + " at least 3 active personal distributors")
        .contains("Personal customers to call (not active) (8):")
        .contains("dave.dunn@example.com", "last order 2026-10-14")
        .contains("order O10  2026-11-09 14:30  paid  40 PV");
  }

  @Test
  void everyDistributorAsCsvOneRowEachKeyedById() throws IOException {
    Cli.Run run = Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "2026-11-27T09:00");
    assertThat(run.exit()).as(run.toString()).isZero();
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get()
        .parse(new StringReader(run.out())).getRecords();
    assertThat(rows).hasSize(13);
    CSVRecord dana = rows.stream().filter(r -> r.get("id").equals("D100")).findFirst()
        .orElseThrow();
    assertThat(dana.toMap()).containsEntry("name", "Dana Diaz").containsEntry("active", "yes")
        .containsEntry("paid_as", "GLD").containsEntry("next_rank", "PLAT")
        .containsEntry("personal_sales", "1150").containsEntry("personal_sales_rank", "SE")
        .containsEntry("group_sales", "7300").containsEntry("group_sales_rank", "DMND")
        .containsEntry("active_personal_customers", "1")
        .containsEntry("active_personal_customers_rank", "GLD")
        .containsEntry("active_personal_distributors", "2")
        .containsEntry("active_personal_distributors_rank", "GLD")
        .containsEntry("group_sales_next_rank", "SE").containsEntry("group_sales_remaining", "4700")
        .containsEntry("personal_sales_next_rank", "").containsEntry("personal_sales_remaining", "")
        .containsEntry("sponsor_id", "D001")
        .containsEntry("missing", "at least 2 active personal customers: 1 more;"
            + " at least 3 active personal distributors: 1 more")
        .containsEntry("missing_codes", "activePersonalCustomers activePersonalDistributors");
    assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(ResultsCsv.header());
  }

  @Test
  void everyDistributorAsJsonLinesInTheShapeOfOne() {
    Cli.Run run = Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "2026-11-27T09:00", "--format", "json");
    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(13);
    JsonMapper json = JsonMapper.builder().build();
    JsonNode dana = json.readTree(lines.get(1));
    assertThat(dana.get("id").asString()).isEqualTo("D100");
    assertThat(dana.get("sponsorId").asString()).isEqualTo("D001");
    assertThat(dana.get("paidAs").get("code").asString()).isEqualTo("GLD");
    assertThat(dana.get("nextRank").get("code").asString()).isEqualTo("PLAT");
    JsonNode groupSales = dana.get("gauges").get(1);
    assertThat(groupSales.get("metric").asString()).isEqualTo("groupSales");
    assertThat(groupSales.get("value").decimalValue()).isEqualByComparingTo("7300");
    assertThat(groupSales.get("remaining").decimalValue()).isEqualByComparingTo("4700");
    assertThat(dana.get("gauges").get(0).get("nextRank").isNull()).isTrue();
    assertThat(dana.get("gap").get("requirements").size()).isEqualTo(4);
    assertThat(dana.get("gap").get("requirements").get(2).get("code").asString())
        .isEqualTo("activePersonalCustomers");
    // Every field of a line is a field of the single-distributor view, with the same value.
    JsonNode one = json.readTree(Cli.run(with(DANA, "--format", "json")).out());
    dana.propertyNames().forEach(name -> {
      if (!name.equals("gauges")) {
        assertThat(dana.get(name)).as(name).isEqualTo(one.get(name));
      }
    });
    assertThat(run.out()).startsWith("{\"id\":\"D001\"").endsWith("}\n");
  }

  /** JSON as the schema validator reads it: the located tree that plan files use. */
  private static JsonTree.Node tree(String text) {
    try {
      return JsonTree.parse(text, new java.util.ArrayList<>());
    } catch (JsonTree.SyntaxError e) {
      throw new AssertionError("not JSON: " + e.getMessage(), e);
    }
  }

  @Test
  void bothJsonFormsFollowTheSchemaShippedInTheJarAndTheDocs() throws IOException {
    String schema;
    try (var in = ResultsJson.class.getResourceAsStream(
        ResultsJson.SCHEMA)) {
      schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(schema).isEqualTo(Files.readString(Path.of("../docs/distributor-result.schema.json")));
    SchemaValidator validator = new SchemaValidator(tree(schema));
    for (String plan : List.of("seed", "doterra")) {
      Cli.Run all = Cli.run("evaluate", "--plan", plan, "--data", SEED, "--period", "2026-11",
          "--format", "json");
      assertThat(all.exit()).as(all.toString()).isZero();
      for (String line : all.out().lines().toList()) {
        assertThat(validator.validate(tree(line))).as(line).isEmpty();
      }
      Cli.Run one = Cli.run("evaluate", "--plan", plan, "--data", SEED, "--period", "2026-11",
          "--distributor", "D100", "--format", "json");
      assertThat(validator.validate(tree(one.out()))).as(one.out()).isEmpty();
    }
    assertThat(validator.validate(tree("{\"id\":\"D1\"}"))).isNotEmpty();
  }

  @Test
  void oneDistributorAsJsonInFull() {
    Cli.Run run = Cli.run(with(DANA, "--format", "json"));
    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode dana = JsonMapper.builder().build().readTree(run.out());
    assertThat(dana.get("paidAs").get("name").asString()).isEqualTo("Gold");
    assertThat(dana.get("gauges").size()).isEqualTo(4);
    assertThat(dana.get("gauges").get(1).get("needle").decimalValue())
        .isEqualByComparingTo("0.2166");
    assertThat(dana.get("gauges").get(1).get("marks").size()).isEqualTo(6);
    assertThat(dana.get("gap").get("requirements").size()).isEqualTo(4);
    assertThat(dana.get("focus").get("inactiveCustomers").size()).isEqualTo(8);
    assertThat(dana.get("focus").get("activeCustomers").get(0).get("orders").get(0)
        .get("volumes").get("PV").decimalValue()).isEqualByComparingTo("100");
  }

  @Test
  void htmlGoesToTheFileNamedByOut() throws IOException {
    Path page = tmp.resolve("dana.html");
    Cli.Run run = Cli.run(with(DANA, "--format", "html", "--out", page.toString()));
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>").contains("Dana Diaz")
        .contains("<svg").endsWith("</html>\n");
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(page);
    }
  }

  @Test
  void textWithoutADistributorIsASummary() {
    Cli.Run run = Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "2026-11-27T09:00", "--format", "text");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("13 distributors, 9 customers, 17 orders")
        .containsPattern("GLD Gold +1\\R").containsPattern("DIST Distributor +9\\R");
  }

  @Test
  void asOfDefaultsToTheEndOfThePeriod() {
    Cli.Run run = Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--distributor", "D100");
    assertThat(run.exit()).as(run.toString()).isZero();
    // Fay's order of the 28th now counts: 2 active customers.
    assertThat(run.out()).contains("as of 2026-12-01 00:00 America/Denver")
        .contains("Active personal customers      2 -> PLAT");
  }

  @Test
  void aRangeOfDaysIsAPeriodToo() {
    Cli.Run run = Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period",
        "2026-11-01..2026-11-10", "--distributor", "D100");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("period 2026-11-01 to 2026-11-10 (open)")
        .contains("Personal sales                 500 PV");
  }

  @Test
  void failuresExitNonZeroWithOneLineOnStderr() throws IOException {
    assertFails(Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
            "--distributor", "D999"), 1,
        "rankgauge evaluate: no distributor D999 in " + SEED + " (13 distributors)");
    assertFails(Cli.run("evaluate", "--plan", "seed", "--data", tmp.resolve("none").toString(),
            "--period", "2026-11"), 1,
        "rankgauge evaluate: no such file or folder: " + tmp.resolve("none")
            + " (no such data folder)");
    assertFails(Cli.run("evaluate", "--plan", "nosuchplan", "--data", SEED, "--period",
        "2026-11"), 2, "rankgauge evaluate: --plan nosuchplan: no plan file "
        + Path.of("nosuchplan").toAbsolutePath() + " and no bundled plan of that name (bundled"
        + " plans: ");
    assertFails(Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-13"),
        2, "rankgauge evaluate: Invalid value for option '--period': '2026-13' is not a month"
            + " (2026-11) or a range of days (2026-11-02..2026-11-08)");
    assertFails(Cli.run("evaluate", "--data", SEED, "--period", "2026-11"), 2,
        "rankgauge evaluate: Missing required option: '--plan=FILE'");
    assertFails(Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--format", "pdf"), 2, "rankgauge evaluate: Invalid value for option '--format'");
    assertFails(Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--format", "html"), 2,
        "rankgauge evaluate: --format html draws one distributor's page: add --distributor ID");
    assertFails(Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "tomorrow"), 2, "rankgauge evaluate: --as-of 'tomorrow' is not an instant");
    assertFails(Cli.run("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--out", tmp.resolve("no/such/folder/x.csv").toString()), 1,
        "rankgauge evaluate: no such file or folder: ");
    assertFails(Cli.run("frobnicate"), 2, "rankgauge: unknown command 'frobnicate' (commands:"
        + " evaluate, explain, advise, project, close, what-if, replay, serve, validate, generate,"
        + " test, help)");
  }

  private static void assertFails(Cli.Run run, int exit, String firstLine) {
    assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
    assertThat(run.out()).as(run.toString()).isEmpty();
    assertThat(run.err().lines().findFirst().orElse("")).as(run.toString()).startsWith(firstLine);
  }

  @Test
  void badRowsStopTheRunWithFileLineAndColumnAndNoOutput() throws IOException {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    for (String f : List.of(CsvOrganisation.DISTRIBUTORS, CsvOrganisation.CUSTOMERS,
        CsvOrganisation.ORDERS)) {
      Files.copy(seedData().resolve(f), data.resolve(f));
    }
    Files.writeString(data.resolve("orders.csv"), Files.readString(data.resolve("orders.csv"))
        + "O18,D,D100,2026-11-31,10,12.50,paid\nO19,D,D100,2026-11-30,ten,12.50,paid\n"
        + "O20,D,D999,2026-11-30,10,12.50,paid\n");
    Path out = tmp.resolve("out.csv");
    Files.writeString(out, "an older result\n");
    Cli.Run run = Cli.run("evaluate", "--plan", "seed", "--data", data.toString(), "--period",
        "2026-11", "--out", out.toString());
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly(
        "rankgauge evaluate: data in " + data + " is invalid: 3 problems",
        "orders.csv:19:4: found date \"2026-11-31\"; expected an ISO date (2026-11-03) or date-time"
            + " (2026-11-03T14:30, 2026-11-03T14:30:00Z, 2026-11-03T14:30+01:00)",
        "orders.csv:20:5: found pv \"ten\"; expected a decimal number (digits with an optional point,"
            + " such as 49.95)",
        // The bad rows hide no problem of the others.
        "orders.csv:21:3: found buyer D999, which is not a distributor");
    assertThat(Files.readString(out)).isEqualTo("an older result\n");
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactlyInAnyOrder(data, out);
    }
    // With the rows fixed, the unknown buyer is still reported on its row.
    Files.writeString(data.resolve("orders.csv"), Files.readString(data.resolve("orders.csv"))
        .replace("2026-11-31", "2026-11-30").replace(",ten,", ",10,"));
    run = Cli.run("evaluate", "--plan", "seed", "--data", data.toString(), "--period", "2026-11");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines()).containsExactly(
        "rankgauge evaluate: data in " + data + " is invalid: 1 problem",
        "orders.csv:21:3: found buyer D999, which is not a distributor");
  }
}
