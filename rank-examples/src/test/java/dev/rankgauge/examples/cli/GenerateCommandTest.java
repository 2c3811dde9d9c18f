package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** generate, then evaluate what it wrote with every bundled plan. */
class GenerateCommandTest {
  private static final int SIZE = 3_000;

  @TempDir
  static Path tmp;
  static Path data;

  @BeforeAll
  static void generate() {
    data = tmp.resolve("org");
    Cli.Run run = Cli.run("generate", "--distributors", String.valueOf(SIZE), "--seed", "5",
        "--out", data.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"seed", "doterra", "young-living", "scentsy"})
  void everyBundledPlanEvaluatesTheGeneratedOrganisation(String plan) throws IOException {
    Path out = tmp.resolve(plan + ".csv");
    Cli.Run run = Cli.run("evaluate", "--plan", plan, "--data", data.toString(), "--period",
        "2026-11", "--format", "csv", "--out", out.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(out)) {
      rows = CSVFormat.RFC4180.builder().setHeader().get().parse(r).getRecords();
    }
    assertThat(rows).hasSize(SIZE);
    for (int i = 0; i < SIZE; i++) {
      assertThat(rows.get(i).get("id")).isEqualTo("D" + (i + 1));
    }
    assertThat(rows).extracting(r -> r.get("paid_as")).doesNotContain("");
  }

  /**
   * With {@code --placements}, everyone but the root is placed below their sponsor, one per
   * position, within the width; the binary, hybrid and matrix plans evaluate the result, and
   * only the placement columns differ from the files without placements.
   */
  @ParameterizedTest
  @ValueSource(strings = {"binary:binary", "hybrid:binary", "matrix:matrix:3"})
  void placementsForTheBinaryHybridAndMatrixPlans(String planAndTree) throws IOException {
    String plan = planAndTree.substring(0, planAndTree.indexOf(':'));
    String tree = planAndTree.substring(planAndTree.indexOf(':') + 1);
    int width = tree.equals("binary") ? 2 : 3;
    Path placed = tmp.resolve("placed-" + plan);
    Cli.Run run = Cli.run("generate", "--distributors", "2000", "--seed", "5", "--placements",
        tree, "--out", placed.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    Path plain = tmp.resolve("plain-" + plan);
    assertThat(Cli.run("generate", "--distributors", "2000", "--seed", "5", "--out",
        plain.toString()).exit()).isZero();
    assertThat(Files.readAllLines(placed.resolve("orders.csv")))
        .isEqualTo(Files.readAllLines(plain.resolve("orders.csv")));
    assertThat(Files.readAllLines(placed.resolve("customers.csv")))
        .isEqualTo(Files.readAllLines(plain.resolve("customers.csv")));

    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(placed.resolve("distributors.csv"))) {
      rows = CSVFormat.RFC4180.builder().setHeader().get().parse(r).getRecords();
    }
    java.util.Map<String, String> sponsor = new java.util.HashMap<>();
    java.util.Map<String, String> parent = new java.util.HashMap<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (CSVRecord row : rows) {
      sponsor.put(row.get("id"), row.get("sponsor_id"));
      String p = row.get("placement_parent_id");
      assertThat(p.isEmpty()).as("only the root is unplaced: %s", row.get("id"))
          .isEqualTo(row.get("sponsor_id").isEmpty());
      if (!p.isEmpty()) {
        parent.put(row.get("id"), p);
        String pos = row.get("placement_position");
        if (width == 2) {
          assertThat(pos).isIn("L", "R");
        } else {
          assertThat(Integer.parseInt(pos)).isBetween(1, width);
        }
        assertThat(taken.add(p + "/" + pos)).as("one per position: %s %s", p, pos).isTrue();
      }
    }
    for (String id : parent.keySet()) {
      // the sponsor is on the placement line above (spillover stays below the sponsor)
      String u = parent.get(id);
      while (u != null && !u.equals(sponsor.get(id))) {
        u = parent.get(u);
      }
      assertThat(u).as("sponsor of %s above them in the placement tree", id)
          .isEqualTo(sponsor.get(id));
    }
    Path out = tmp.resolve(plan + "-placed.csv");
    Cli.Run evaluate = Cli.run("evaluate", "--plan", plan, "--data", placed.toString(),
        "--period", "2026-11", "--format", "csv", "--out", out.toString());
    assertThat(evaluate.exit()).as(evaluate.toString()).isZero();
    List<CSVRecord> results;
    try (Reader r = Files.newBufferedReader(out)) {
      results = CSVFormat.RFC4180.builder().setHeader().get().parse(r).getRecords();
    }
    assertThat(results).hasSize(2000);
    // the spillover gives the ladder something to climb: someone above the entry rank
    assertThat(results).extracting(r -> r.get("paid_as")).doesNotContain("")
        .anyMatch(code -> !code.equals("MEM") && !code.equals("DIST"));
  }

  @Test
  void aPlacementTreeThatIsNeitherBinaryNorAMatrixIsAUsageError() {
    Cli.Run run = Cli.run("generate", "--distributors", "10", "--placements", "matrix:1",
        "--out", tmp.resolve("none").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("'matrix:1' is not a placement tree");
  }

  @Test
  void oneGeneratedDistributorAsAPage() throws IOException {
    Path page = tmp.resolve("d1.html");
    Cli.Run run = Cli.run("evaluate", "--plan", "doterra", "--data", data.toString(),
        "--period", "2026-11", "--distributor", "D1", "--format", "html", "--out",
        page.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readString(page)).contains("<svg", "Wellness Advocate");
  }

  @Test
  void monthsWithAPlanCloseEveryMonthBeforeTheLastAndEvaluateReadsThem() throws IOException {
    Path months = tmp.resolve("months");
    Path history = tmp.resolve("months-history");
    Cli.Run run = Cli.run("generate", "--distributors", "1500", "--seed", "9", "--months", "3",
        "--period", "2026-11", "--plan", "seed", "--history", history.toString(),
        "--out", months.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    try (var files = Files.list(history)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("2026-09.csv", "2026-10.csv");
    }
    // What generate closed is what close writes, month by month.
    Path byHand = tmp.resolve("months-by-hand");
    for (String m : new String[] {"2026-09", "2026-10"}) {
      Cli.Run close = Cli.run("close", "--plan", "seed", "--data", months.toString(),
          "--period", m, "--history", byHand.toString());
      assertThat(close.exit()).as(close.toString()).isZero();
      assertThat(Files.readString(history.resolve(m + ".csv")))
          .isEqualTo(Files.readString(byHand.resolve(m + ".csv")));
    }
    Cli.Run november = Cli.run("evaluate", "--plan", "seed", "--data", months.toString(),
        "--period", "2026-11", "--history", history.toString(), "--format", "csv");
    assertThat(november.exit()).as(november.toString()).isZero();
    assertThat(november.out().lines()).hasSize(1501);
    // Some title stays above this month's paid-as rank: the history was read.
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get()
        .parse(new java.io.StringReader(november.out())).getRecords();
    assertThat(rows).anyMatch(r -> !r.get("title").equals(r.get("paid_as")));
  }

  @Test
  void historyNeedsAPlanSeveralMonthsAndAnEmptyFolder() throws IOException {
    Cli.Run noPlan = Cli.run("generate", "--distributors", "10", "--months", "3", "--history",
        tmp.resolve("h1").toString(), "--out", tmp.resolve("x1").toString());
    assertThat(noPlan.exit()).isEqualTo(2);
    assertThat(noPlan.err()).contains("--history needs --plan");
    Cli.Run oneMonth = Cli.run("generate", "--distributors", "10", "--plan", "seed",
        "--history", tmp.resolve("h2").toString(), "--out", tmp.resolve("x2").toString());
    assertThat(oneMonth.exit()).isEqualTo(2);
    assertThat(oneMonth.err()).contains("--history needs --months of 2 or more");
    Cli.Run zero = Cli.run("generate", "--distributors", "10", "--months", "0", "--out",
        tmp.resolve("x3").toString());
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("--months must be 1 to 120, found 0");

    Path used = tmp.resolve("h4");
    assertThat(Cli.run("generate", "--distributors", "50", "--months", "2", "--plan", "seed",
        "--history", used.toString(), "--out", tmp.resolve("x4").toString()).exit()).isZero();
    Cli.Run again = Cli.run("generate", "--distributors", "50", "--months", "2", "--plan",
        "seed", "--history", used.toString(), "--out", tmp.resolve("x4").toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("the folder holds closed periods already");
  }

  @Test
  void sizeMustBePositive() {
    Cli.Run run = Cli.run("generate", "--distributors", "0", "--out", tmp.resolve("x").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith(
        "rankgauge generate: --distributors must be at least 1, found 0");
  }
}
