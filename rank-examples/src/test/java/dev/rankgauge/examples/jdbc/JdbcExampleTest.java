package dev.rankgauge.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Problem;
import dev.rankgauge.RankGauge;
import dev.rankgauge.ValidationException;
import dev.rankgauge.examples.SeedExample;
import dev.rankgauge.json.PlanFiles;
import dev.rankgauge.view.TextView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC example against embedded H2: tables created once, then read and evaluated. */
class JdbcExampleTest {
  @TempDir
  Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = JdbcExample.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void createsTheSampleOnTheFirstRunAndReadsItOnEveryRun() {
    String url = "jdbc:h2:" + tmp.resolve("example").toAbsolutePath();
    Run first = run(url);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).startsWith("created the tables in " + url);
    assertThat(first.out()).startsWith("Dana Diaz (D100), active")
        .contains("7,300 PV -> DMND, 4,700 more for SE")
        .contains("Paid as: Gold (GLD)")
        .contains("Personal customers to call (not active) (8):")
        .contains("13 distributors, 9 customers, 16 orders read")
        .contains("paid as GLD          1")
        .contains("13 results written to distributor_results");
    assertThat(Files.exists(tmp.resolve("example.mv.db"))).isTrue();
    Run second = run(url);
    assertThat(second.exit()).isZero();
    assertThat(second.err()).isEmpty();
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void closedPeriodsAreKeptInTheHistoryTableAndReadBack() throws SQLException {
    String url = "jdbc:h2:" + tmp.resolve("history").toAbsolutePath();
    Run october = run("--period", "2026-10", "--close", url);
    assertThat(october.exit()).as(october.err()).isZero();
    assertThat(october.out()).contains("closed 2026-10-01..2026-10-31 (open): 13 records written"
        + " to period_records");
    Run november = run("--period", "2026-11", "--close", url);
    assertThat(november.exit()).as(november.err()).isZero();
    assertThat(november.out()).contains("Paid as: Gold (GLD), title Gold (GLD)");

    Run again = run("--period", "2026-11", "--close", url);
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("found period 2026-11, which is closed already; expected"
        + " 2026-12 next");
    try (Connection c = DriverManager.getConnection(url)) {
      CompPlan plan = SeedExample.plan();
      assertThat(JdbcExample.readHistory(c, plan).periods())
          .containsExactly(Period.month(2026, 10).close(), Period.month(2026, 11).close());
      assertThat(JdbcExample.readHistory(c, plan).record(Period.month(2026, 11), "D100")
          .orElseThrow().paidAs()).isEqualTo("GLD");
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE period_records SET title = 'GOLD' WHERE distributor_id = 'D100'"
            + " AND period_start = DATE '2026-11-01'");
      }
      assertThatThrownBy(() -> JdbcExample.readHistory(c, plan))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("period_records row (2026-11-01, D100): found rank \"GOLD\" as"
              + " title, which plan Seed plan does not define");
    }
  }

  @Test
  void evaluatesLikeTheJavaSeedAndReadsOnlyTheWindowOfOrders() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:window;DB_CLOSE_DELAY=-1")) {
      JdbcExample.createSampleIfMissing(c);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO orders VALUES ('O-old', 'D', 'D103', TIMESTAMP WITH TIME ZONE"
            + " '2020-01-01 10:00:00+00', 'paid', 10)");
        s.execute("INSERT INTO order_volumes VALUES ('O-old', 'PV', 500.5)");
      }
      Evaluation e = JdbcExample.evaluate(c, SeedExample.plan(), SeedExample.PERIOD,
          SeedExample.AS_OF);
      DistributorResult dana = e.result(SeedExample.DANA);
      assertThat(dana.paidAs().code()).isEqualTo("GLD");
      assertThat(dana.gauge(Metric.GROUP_SALES).value()).isEqualByComparingTo("7300");
      assertThat(dana.gauge(Metric.ACTIVE_PERSONAL_DISTRIBUTORS).value())
          .isEqualByComparingTo("2");
      assertThat(e.organisation().orders()).extracting(o -> o.id()).doesNotContain("O-old");
      // NUMERIC(19, 6) columns come back without their trailing zeros.
      assertThat(e.organisation().orders().get(0).volume("PV").scale()).isZero();
    }
  }

  @Test
  void badRowsAreReportedByTableAndId() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bad;DB_CLOSE_DELAY=-1");
        Statement s = c.createStatement()) {
      // A vendor's own tables, without the sample's constraints.
      s.execute("CREATE TABLE distributors (id VARCHAR(9), sponsor_id VARCHAR(9),"
          + " join_date DATE, name VARCHAR(9), email VARCHAR(9), phone VARCHAR(9))");
      s.execute("CREATE TABLE customers (id VARCHAR(9), distributor_id VARCHAR(9),"
          + " name VARCHAR(9), email VARCHAR(9), phone VARCHAR(9))");
      s.execute("CREATE TABLE orders (id VARCHAR(9), buyer_type VARCHAR(9), buyer_id VARCHAR(9),"
          + " placed_at TIMESTAMP WITH TIME ZONE, status VARCHAR(9), amount NUMERIC(9, 2))");
      s.execute("CREATE TABLE order_volumes (order_id VARCHAR(9), volume_type VARCHAR(9),"
          + " volume NUMERIC(9, 2))");
      s.execute("INSERT INTO distributors VALUES ('D1', NULL, DATE '2020-01-01', 'Ann', NULL,"
          + " NULL), ('D2', 'D9', DATE '2020-01-01', 'Bo', NULL, NULL),"
          + " ('D3', 'D1', NULL, 'Cy', NULL, NULL)");
      s.execute("INSERT INTO orders VALUES"
          + " ('O1', 'X', 'D1', TIMESTAMP WITH TIME ZONE '2026-11-02 10:00:00+00', 'paid', 1),"
          + " ('O2', 'D', 'D1', TIMESTAMP WITH TIME ZONE '2026-11-02 10:00:00+00', 'lost', 1)");
      s.execute("INSERT INTO order_volumes VALUES ('O1', 'PV', 10), ('O2', 'PV', 10)");
      assertThatThrownBy(() -> JdbcExample.read(c, Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2026-12-01T00:00:00Z")))
          .isInstanceOf(ValidationException.class)
          .satisfies(ex -> assertThat(((ValidationException) ex).problems())
              .extracting(Problem::toString).containsExactly(
                  "distributors D3: found no join_date (null); expected a date",
                  "orders O1: found buyer_type X; expected D (a distributor) or C (a customer)",
                  "orders O2: found status lost; expected one of paid, returned, cancelled"));
      s.execute("DELETE FROM distributors WHERE id = 'D3'");
      s.execute("DELETE FROM orders");
      assertThatThrownBy(() -> JdbcExample.read(c, Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2026-12-01T00:00:00Z")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("distributor D2: found sponsor D9, which is not a distributor");
    }
  }

  @Test
  void planPeriodAndDistributorComeFromTheArguments() throws IOException {
    String url = "jdbc:h2:" + tmp.resolve("args").toAbsolutePath();
    Path planFile = Files.writeString(tmp.resolve("my-seed.json"), PlanFiles.bundledText("seed"));
    Period week = new Period(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8),
        Period.State.OPEN);

    Run ben = run("--plan", planFile.toString(), "--period", "2026-11-02..2026-11-08",
        "--distributor", "D101", url);

    assertThat(ben.exit()).as(ben.err()).isZero();
    CompPlan plan = PlanFiles.load(planFile);
    Evaluation expected = RankGauge.evaluate(SeedExample.organisation(), plan, week,
        week.endInstant(plan.zone()));
    assertThat(ben.out()).startsWith(TextView.render(expected, expected.result("D101")))
        .startsWith("Ben Brooks (D101)");
  }

  @Test
  void aBundledPlanByNameAndAnAsOfInThePlansZone() {
    String url = "jdbc:h2:" + tmp.resolve("bundled").toAbsolutePath();

    Run dana = run("--plan", "seed", "--period", "2026-11", "--as-of", "2026-11-27T09:00", url);

    assertThat(dana.exit()).as(dana.err()).isZero();
    Evaluation expected = RankGauge.evaluate(SeedExample.organisation(), PlanFiles.bundled("seed"),
        SeedExample.PERIOD, SeedExample.AS_OF);
    assertThat(dana.out()).startsWith(TextView.render(expected, expected.result("D100")))
        .contains("Paid as: Gold (GLD)");
  }

  @Test
  void badArgumentsNameTheOptionAndTheValue() {
    String url = "jdbc:h2:" + tmp.resolve("bad").toAbsolutePath();
    assertThat(run("--period", "November", url).err())
        .startsWith("JdbcExample: --period 'November' is not a month (2026-11)");
    assertThat(run("--plan", "sed", url).err()).startsWith("JdbcExample: --plan sed: no plan file")
        .contains("bundled plans: ");
    assertThat(run("--as-of", "tomorrow", url).err())
        .startsWith("JdbcExample: --as-of 'tomorrow' is not an instant");
    assertThat(run("--distributor").err()).startsWith("JdbcExample: --distributor needs a value");
    assertThat(run(url, "--plan", "seed").err())
        .startsWith("JdbcExample: option --plan after the JDBC URL");
    Run nobody = run("--distributor", "D999", url);
    assertThat(nobody.exit()).isEqualTo(1);
    assertThat(nobody.err()).endsWith("JdbcExample: --distributor D999: no distributor D999 in"
        + " the distributors table of " + url + System.lineSeparator());
  }

  @Test
  void usageAndConnectionErrorsAreOneLine() {
    Run usage = run("--help");
    assertThat(usage.exit()).isEqualTo(2);
    assertThat(usage.err().lines()).containsExactly("JdbcExample: unknown option --help",
        JdbcExample.USAGE + "  (default " + JdbcExample.DEFAULT_URL + ")");
    Run bad = run("jdbc:nosuchdb:x");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err().lines()).hasSize(1).first().asString()
        .startsWith("JdbcExample: jdbc:nosuchdb:x: No suitable driver");
  }

  @Test
  void theOrganisationIsStreamedIntoTheBuilder() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:stream;DB_CLOSE_DELAY=-1")) {
      JdbcExample.createSampleIfMissing(c);
      assertThat(JdbcExample.createSampleIfMissing(c)).isFalse();
      Organisation org = JdbcExample.read(c, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(org.distributors()).containsExactlyInAnyOrderElementsOf(
          SeedExample.organisation().distributors());
      assertThat(org.orderCount()).isEqualTo(17);
    }
  }

  @Test
  void placementsComeFromTheirOwnTableAndAreCheckedWithTheRest() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:placed;DB_CLOSE_DELAY=-1")) {
      JdbcExample.createSampleIfMissing(c);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO placements VALUES ('D101', 'D100', 1), ('D102', 'D100', 2),"
            + " ('D103', 'D101', 1)");
      }
      Organisation org = JdbcExample.read(c, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(org.placements()).containsExactly(dev.rankgauge.Placement.left("D101", "D100"),
          dev.rankgauge.Placement.right("D102", "D100"),
          dev.rankgauge.Placement.left("D103", "D101"));

      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO placements VALUES ('D104', 'D100', 1)");
      }
      assertThatThrownBy(() -> JdbcExample.read(c, Instant.EPOCH,
          Instant.parse("2030-01-01T00:00:00Z")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("distributor D104: found D101 and D104 both at position 1 under"
              + " D100; expected one distributor per position");
    }
  }

  @Test
  void resultsAreWrittenBackOneRowPerDistributorAndPeriod() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:results;DB_CLOSE_DELAY=-1")) {
      JdbcExample.createSampleIfMissing(c);
      Evaluation e = JdbcExample.evaluate(c, SeedExample.plan(), SeedExample.PERIOD,
          SeedExample.AS_OF);
      assertThat(JdbcExample.writeResults(c, e)).isEqualTo(13);
      // Written again for the same period, the rows are replaced, not added.
      assertThat(JdbcExample.writeResults(c, e)).isEqualTo(13);
      try (Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN distributor_id"
              + " = 'D100' AND paid_as = 'GLD' AND next_rank = 'PLAT' AND group_sales = 7300"
              + " AND missing_codes = 'activePersonalCustomers activePersonalDistributors'"
              + " THEN 1 ELSE 0 END) FROM distributor_results WHERE period_start = DATE"
              + " '2026-11-01'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(13);
        assertThat(rs.getInt(2)).isEqualTo(1);
      }
    }
  }

  @Test
  void inSpanishTheExamplesWordsAndTheProblemsOfItsTablesAtTheSameRows() throws SQLException {
    String url = "jdbc:h2:" + tmp.resolve("es").toAbsolutePath();
    Run first = run("--locale", "es", url);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).startsWith("se crearon las tablas en " + url);
    assertThat(first.out()).contains("13 distribuidores, 9 clientes, 16 pedidos leídos")
        .contains("13 resultados escritos en distributor_results")
        .contains("pagados como GLD          1");
    Run october = run("--locale", "es", "--period", "2026-10", "--close", url);
    assertThat(october.out()).contains("se cerró 2026-10-01..2026-10-31");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("UPDATE period_records SET title = 'GOLD' WHERE distributor_id = 'D100'");
    }

    Run bad = run("--locale", "es", url);
    Run english = run(url);

    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err().lines()).containsExactly(
        "JdbcExample: entrada no válida (el historial en period_records): 1 problema",
        "fila de period_records (2026-10-01, D100): se encontró el rango \"GOLD\" como title, que el"
            + " plan Seed plan no define; se esperaba uno de: DIST, SLV, GLD, PLAT, DMND, SE");
    assertThat(english.err().lines()).containsExactly(
        "JdbcExample: history in period_records is invalid: 1 problem",
        "period_records row (2026-10-01, D100): found rank \"GOLD\" as title, which plan Seed"
            + " plan does not define; expected one of: DIST, SLV, GLD, PLAT, DMND, SE");
    assertThat(run("--locale", "es", "--period", "noviembre", url).err())
        .startsWith("JdbcExample: --period 'noviembre' no es un mes (2026-11)")
        .contains("uso: JdbcExample");
    assertThat(run("--locale", "fr", url).err()).startsWith("JdbcExample: --locale fr:"
        + " expected en or es");
  }

  @Test
  void theExamplesWordsHaveTheSameKeysAndValuesInBothLanguages() throws IOException {
    java.util.Properties en = new java.util.Properties();
    java.util.Properties es = new java.util.Properties();
    try (var a = JdbcExample.class.getResourceAsStream("Jdbc.properties");
        var b = JdbcExample.class.getResourceAsStream("Jdbc_es.properties")) {
      en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
      es.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(es.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
        en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(shown(es.getProperty(key))).as(key).isEqualTo(shown(en.getProperty(key)));
      if (!key.equals("lang")) {
        assertThat(Files.readString(Path.of("src/main/java/dev/rankgauge/examples/jdbc"
            + "/JdbcExample.java"))).as(key + " is used").contains("\"" + key + "\"");
      }
    }
  }

  private static java.util.Set<String> shown(String pattern) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)[,}]").matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
