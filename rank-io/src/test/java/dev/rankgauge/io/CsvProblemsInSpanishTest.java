package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import dev.rankgauge.testkit.ProblemBundleCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad CSV folder read in Spanish: every problem keeps its file, line and column, and its words
 * are Spanish, whether rank-io found it (a bad value, a duplicate id named by line) or the core
 * did (a sponsor that does not exist); rank-io's bundle is complete both ways.
 */
class CsvProblemsInSpanishTest {
  private static final Locale ES = Locale.forLanguageTag("es");
  private final CompPlan plan = PlanFiles.bundled("seed");

  @TempDir
  Path dir;

  @Test
  void everyCodeOfRankIoHasEnglishAndSpanish() throws IOException {
    int codes = ProblemBundleCheck.check("dev.rankgauge.io.Problems",
        Path.of("src/main/java/dev/rankgauge/io"), List.of(), "IoProblems.at(", "problem(",
        "error = \"");

    assertThat(codes).isGreaterThan(20);
  }

  @Test
  void aBadFolderReadsInSpanishWithEveryLocationKept() throws IOException {
    Files.writeString(dir.resolve("distributors.csv"), "id,sponsor_id,join_date,name,email\n"
        + "D1,,2020-01-01,Root,root@example.com\n"
        + "D2,D1,2021-02-30,Ann,ann@example.com\n");
    Files.writeString(dir.resolve("customers.csv"), "id,distributor_id,name,email\n");
    Files.writeString(dir.resolve("orders.csv"), "id,buyer_id,buyer_type,date,amount,pv\n"
        + "O1,D1,X,2026-11-03,1,1\n");

    List<Problem> problems = catchThrowableOfType(ValidationException.class,
        () -> CsvOrganisation.read(dir, plan, Progress.silent())).problems();

    assertThat(problems).map(p -> p.toString(ES)).containsExactlyInAnyOrder(
        "distributors.csv:3:3: se encontró join_date \"2021-02-30\"; se esperaba una fecha ISO"
            + " (AAAA-MM-DD)",
        "orders.csv:2:3: se encontró buyer_type \"X\"; se esperaba D (un distribuidor) o C (un"
            + " cliente)");
    assertThat(problems).map(Problem::toString).containsExactlyInAnyOrder(
        "distributors.csv:3:3: found join_date \"2021-02-30\"; expected an ISO date (YYYY-MM-DD)",
        "orders.csv:2:3: found buyer_type \"X\"; expected D (a distributor) or C (a customer)");
  }

  @Test
  void theCoresProblemsBetweenRowsReadInSpanishAtTheirRowAndColumn() throws IOException {
    Files.writeString(dir.resolve("distributors.csv"), "id,sponsor_id,join_date,name,email\n"
        + "D1,,2020-01-01,Root,root@example.com\n"
        + "D2,D9,2021-02-03,Ann,ann@example.com\n"
        + "D1,,2020-01-01,Root again,root@example.com\n");
    Files.writeString(dir.resolve("customers.csv"), "id,distributor_id,name,email\n");
    Files.writeString(dir.resolve("orders.csv"), "id,buyer_id,buyer_type,date,amount,pv\n"
        + "O1,D1,D,2026-11-03,1,0.1234567\n");

    List<Problem> problems = catchThrowableOfType(ValidationException.class,
        () -> CsvOrganisation.read(dir, plan, Progress.silent())).problems();

    assertThat(problems).map(p -> p.toString(ES)).containsExactlyInAnyOrder(
        "distributors.csv:4:1: se encontró el id D1 otra vez, primero en la línea 2; se esperaba"
            + " cada id una vez",
        "distributors.csv:3:2: se encontró el patrocinador D9, que no es un distribuidor",
        "orders.csv:2:6: se encontró el volumen PV 0.1234567; se esperaban como máximo 6"
            + " decimales");
    assertThat(problems).map(Problem::code).containsExactlyInAnyOrder("csv.idAgain",
        "distributor.unknownSponsor", "order.volumeDecimals");
  }
}
