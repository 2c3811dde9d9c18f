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
  void sizeMustBePositive() {
    Cli.Run run = Cli.run("generate", "--distributors", "0", "--out", tmp.resolve("x").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith(
        "rankgauge generate: --distributors must be at least 1, found 0");
  }
}
