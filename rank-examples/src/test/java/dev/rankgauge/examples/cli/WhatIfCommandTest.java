package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.examples.ExampleProblems;
import dev.rankgauge.testkit.ProblemBundleCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rankgauge what-if} on the seed organisation: Jon's (D107) 120 PV and Dave's (C2) 50
 * would make Dana Platinum, even with Carla's (C1) order O4 taken out.
 */
class WhatIfCommandTest {
  private static final String SEED = EvaluateCommandTest.SEED;
  private static final Path FILES = EvaluateCommandTest.seedData().resolveSibling("seed-what-if");
  private static final String EXTRA = FILES.resolve("extra-orders.csv").toString();
  private static final String REMOVE = FILES.resolve("remove.csv").toString();

  @TempDir
  Path tmp;

  private static Cli.Run whatIf(String... more) {
    String[] args = {"what-if", "--plan", "seed", "--data", SEED, "--period", "2026-11"};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Cli.run(all);
  }

  @Test
  void twoOrdersMakeDanaPlatinumAndTheTextSaysWhoMovesAndWhy() {
    Cli.Run run = whatIf("--add", EXTRA, "--remove", REMOVE);
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("What if: 2 orders added, 1 taken out (Seed plan, period")
        .contains("\nD001  Uma Upline\n  group sales: 7,390 -> 7,460\n")
        // Carla's 100 PV out, Jon's 120 in: Dana's personal sales 1,240 - 100 + 50 from Dave.
        .contains("\nD100  Dana Diaz\n  paid as: Gold (GLD) -> Platinum (PLAT)\n"
            + "  title: Gold (GLD) -> Platinum (PLAT)\n"
            + "  personal sales: 1,240 -> 1,190\n"
            + "  group sales: 7,390 -> 7,460\n"
            + "  active personal distributors: 2 -> 3 (reaches GLD -> PLAT)\n")
        .contains("\nD107  Jon James\n  active: no -> yes\n"
            + "  personal sales: 0 -> 120 (reaches DIST -> SLV)\n")
        .doesNotContain("qualified as")
        .doesNotContain("D201")
        .endsWith("\n3 distributors change, 1 of them in rank.\n");
  }

  @Test
  void csvHasARowPerFieldThatMovesAndJsonALinePerDistributor() {
    Cli.Run csv = whatIf("--add", EXTRA, "--format", "csv");
    assertThat(csv.exit()).as(csv.toString()).isZero();
    assertThat(csv.out().lines()).first().isEqualTo("id,name,field,before,after");
    assertThat(csv.out().lines()).contains("D100,Dana Diaz,paid_as,GLD,PLAT",
        "D107,Jon James,personal_sales,0,120", "D107,Jon James,active,no,yes");

    Cli.Run json = whatIf("--add", EXTRA, "--format", "json");
    assertThat(json.exit()).as(json.toString()).isZero();
    assertThat(json.out().lines()).hasSize((int) csv.out().lines().skip(1)
        .map(l -> l.substring(0, l.indexOf(','))).distinct().count());
    assertThat(json.out().lines()).anyMatch(l -> l.startsWith("{\"id\":\"D100\",\"name\":"
        + "\"Dana Diaz\",\"joined\":false,\"changed\":[\"paid_as\",\"qualified_as\",\"title\","));
    assertThat(json.out()).contains("\"after\":{\"paid_as\":\"PLAT\"");
  }

  @Test
  void aHistoryFolderIsReadAsEvaluateReadsIt() {
    // October closed as it was (Dana a Distributor then): her title is what November makes it.
    Path history = tmp.resolve("history");
    Cli.Run close = Cli.run("close", "--plan", "seed", "--data", SEED, "--period", "2026-10",
        "--history", history.toString());
    assertThat(close.exit()).as(close.toString()).isZero();
    Cli.Run run = whatIf("--add", EXTRA, "--history", history.toString(), "--format", "csv");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out().lines()).contains("D100,Dana Diaz,title,GLD,PLAT");

    Cli.Run missing = whatIf("--add", EXTRA, "--history", tmp.resolve("nowhere").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("--history " + tmp.resolve("nowhere") + ": no such folder");
  }

  @Test
  void nothingToAddOrRemoveIsAUsageError() {
    Cli.Run run = whatIf();
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("what-if needs --add FILE, --remove FILE or both");
  }

  @Test
  void badRowsOfBothFilesAreLocatedEveryOneAtOnce() throws IOException {
    Path add = tmp.resolve("add.csv");
    Files.writeString(add, "id,buyer_type,buyer_id,date,pv,amount\n"
        + "O1,D,D100,2026-11-16,10,1\n"
        + "X2,D,D100,2026-11-16,10,1\n");
    Path remove = tmp.resolve("remove.csv");
    Files.writeString(remove, "id\nO404\nO16\n\nO5\nO5\n");
    Cli.Run run = whatIf("--add", add.toString(), "--remove", remove.toString());
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains("what-if orders in " + add + " and " + remove + " is invalid: ")
        .contains(add + ":2:1: found order id O1, which the data has already; expected a new id")
        .contains(remove + ":2:1: found order O404, which the data does not have")
        .contains(remove + ":3:1: found order O16 with status cancelled; expected a paid order")
        .contains(remove + ":6:1: found order O5 again (first on line 5); expected each order"
            + " once");
    assertThat(run.out()).isEmpty();

    Path unknown = tmp.resolve("unknown.csv");
    Files.writeString(unknown, "id,buyer_type,buyer_id,date,pv,amount\n"
        + "X1,D,D999,2026-11-16,10,1\n");
    Cli.Run buyer = whatIf("--add", unknown.toString());
    assertThat(buyer.exit()).isEqualTo(1);
    assertThat(buyer.err()).contains(unknown + ":2:").contains("D999");
  }

  /**
   * Found by the fuzz campaign: a file of orders to take out whose header is blank said
   * "internal error: IllegalArgumentException". A file that is not CSV or not UTF-8 is a located
   * problem like any other, and the run writes nothing.
   */
  @Test
  void aRemoveFileThatIsNotCsvIsALocatedProblem() throws IOException {
    Path blankHeader = Files.writeString(tmp.resolve("blank.csv"), "\nO4\n");
    Cli.Run blank = whatIf("--remove", blankHeader.toString());
    assertThat(blank.exit()).as(blank.toString()).isEqualTo(1);
    assertThat(blank.err()).contains(blankHeader + ":1:1: found header")
        .contains("expected a column id (or order_id)").doesNotContain("internal error");

    Path openQuote = Files.writeString(tmp.resolve("quote.csv"), "id\nO4\n\"O5\n");
    Cli.Run quote = whatIf("--remove", openQuote.toString(), "--out",
        tmp.resolve("out.txt").toString());
    assertThat(quote.exit()).as(quote.toString()).isEqualTo(1);
    assertThat(quote.err()).contains(openQuote + ":3: found text that is not valid CSV (")
        .doesNotContain("internal error");
    assertThat(quote.out()).isEmpty();
    assertThat(tmp.resolve("out.txt")).doesNotExist();

    Path latin1 = tmp.resolve("latin1.csv");
    Files.write(latin1, new byte[] {'i', 'd', '\n', 'O', (byte) 0xE9, '\n'});
    Cli.Run bytes = whatIf("--remove", latin1.toString());
    assertThat(bytes.exit()).as(bytes.toString()).isEqualTo(1);
    assertThat(bytes.err()).contains(latin1 + ":")
        .contains("found bytes that are not UTF-8 text; expected the file saved as UTF-8");
  }

  @Test
  void badRowsOfBothFilesReadInSpanishAtTheSameLocations() throws IOException {
    Path add = tmp.resolve("add.csv");
    Files.writeString(add, "id,buyer_type,buyer_id,date,pv,amount\n"
        + "O1,D,D100,2026-11-16,10,1\n");
    Path remove = tmp.resolve("remove.csv");
    Files.writeString(remove, "id\nO404\nO16\n\nO5\nO5\n");
    Cli.Run run = whatIf("--add", add.toString(), "--remove", remove.toString(), "--locale",
        "es");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains("entrada no válida (los pedidos del what-if en " + add + " y " + remove + "): ")
        .contains(add + ":2:1: se encontró el id de pedido O1, que los datos ya tienen; se"
            + " esperaba un id nuevo")
        .contains(remove + ":2:1: se encontró el pedido O404, que los datos no tienen")
        .contains(remove + ":3:1: se encontró el pedido O16 con el estado cancelled; se esperaba"
            + " un pedido pagado")
        .contains(remove + ":6:1: se encontró el pedido O5 otra vez (primero en la línea 5); se"
            + " esperaba cada pedido una vez")
        .doesNotContain("found");

    Path latin1 = tmp.resolve("latin1.csv");
    Files.write(latin1, new byte[] {'i', 'd', '\n', 'O', (byte) 0xE9, '\n'});
    Cli.Run bytes = whatIf("--remove", latin1.toString(), "--locale", "es");
    assertThat(bytes.err()).contains(latin1 + ":").contains("se encontraron bytes que no son"
        + " texto UTF-8; se esperaba el archivo guardado como UTF-8");
  }

  @Test
  void everyCodeOfTheExamplesHasEnglishAndSpanish() throws IOException {
    // tag::bundleCheck[]
    int codes = ProblemBundleCheck.check(ExampleProblems.BUNDLE,
        Path.of("src/main/java/dev/rankgauge/examples"), List.of(), "ExampleProblems.at(");
    // end::bundleCheck[]

    assertThat(codes).isGreaterThan(7);
  }
}
