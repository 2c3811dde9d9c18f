package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.RuleRegistry;
import dev.rankgauge.io.CsvOrganisation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} reads its data folder ahead, while picocli reads the arguments: what a run
 * prints and returns is the same as without the read ahead ({@code --locale en}, which turns
 * it off), whatever fails and wherever.
 */
class ReadAheadTest {
  private static final String SEED = EvaluateCommandTest.SEED;

  @TempDir
  Path tmp;

  /** The run, and the same run with the read ahead off: the same exit, stdout and stderr. */
  private static Cli.Run same(String... args) {
    Cli.Run ahead = Cli.run(args);
    String[] off = Arrays.copyOf(args, args.length + 2);
    off[args.length] = "--locale";
    off[args.length + 1] = "en";
    Cli.Run plain = Cli.run(off);
    assertThat(ahead).as("with the read ahead").hasToString(plain.toString());
    return ahead;
  }

  @Test
  void theCommandTakesTheFolderReadAhead() {
    RankGaugeCli cli = new RankGaugeCli(RuleRegistry.empty());
    String[] args = {"evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "2026-11-27T09:00"};
    StringWriter out = new StringWriter();
    picocli.CommandLine cl = RankGaugeCli.commandLine(cli, args);
    assertThat(cli.readingAhead()).isTrue();

    int exit = RankGaugeCli.execute(cl.setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(new StringWriter(), true)), args);

    assertThat(exit).isZero();
    assertThat(cli.readingAhead()).as("taken").isFalse();
    assertThat(out.toString()).contains("D100");
  }

  /**
   * The read ahead keeps the contact details the output shows: the distributors' names for the
   * results CSV and the summary, all of them for the JSON Lines and a distributor's view.
   */
  @Test
  void theReadAheadKeepsWhatTheOutputShows() {
    String[] csv = {"evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11"};
    assertThat(contactsReadAhead(csv)).isEqualTo(CsvOrganisation.Contacts.DISTRIBUTOR_NAMES);
    assertThat(contactsReadAhead(with(csv, "--format", "CSV")))
        .isEqualTo(CsvOrganisation.Contacts.DISTRIBUTOR_NAMES);
    assertThat(contactsReadAhead(with(csv, "--format=text")))
        .isEqualTo(CsvOrganisation.Contacts.DISTRIBUTOR_NAMES);
    assertThat(contactsReadAhead(with(csv, "--format", "json")))
        .isEqualTo(CsvOrganisation.Contacts.ALL);
    assertThat(contactsReadAhead(with(csv, "--format=Json")))
        .isEqualTo(CsvOrganisation.Contacts.ALL);
    assertThat(contactsReadAhead(with(csv, "--distributor", "D100", "--format", "csv")))
        .isEqualTo(CsvOrganisation.Contacts.ALL);
    assertThat(contactsReadAhead(with(csv, "--distributor=D100")))
        .isEqualTo(CsvOrganisation.Contacts.ALL);
    assertThat(contactsReadAhead(with(csv, "--format", "yaml")))
        .isEqualTo(CsvOrganisation.Contacts.ALL);
  }

  /** The JSON Lines of every distributor carry each one's email and phone. */
  @Test
  void everyResultAsJsonLinesIsTheSameWithTheContactDetails() {
    Cli.Run run = same("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "2026-11-27T09:00", "--format", "json");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("\"email\":\"dana@example.com\",\"phone\":\"+1 801 555 0100\"");
  }

  private static CsvOrganisation.Contacts contactsReadAhead(String... args) {
    RankGaugeCli cli = new RankGaugeCli(RuleRegistry.empty());
    RankGaugeCli.commandLine(cli, args);
    // Taken by no command: the daemon threads read on, for nothing, and end with the test run.
    return cli.contactsReadAhead();
  }

  private static String[] with(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void everyResultIsTheSame() {
    Cli.Run run = same("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "2026-11-27T09:00");
    assertThat(run.exit()).isZero();
  }

  @Test
  void oneDistributorsViewIsTheSame() {
    assertThat(same("evaluate", "--plan=seed", "--data=" + SEED, "--period", "2026-11",
        "--distributor", "D100", "--format", "json").exit()).isZero();
  }

  @Test
  void badRowsAreTheSameLocatedProblems() throws IOException {
    Files.writeString(tmp.resolve("distributors.csv"), "id,sponsor_id,join_date,name,email\n"
        + "D1,,2020-01-01,Root,root@example.com\n"
        + "D2,D9,2021-13-03,Ann,ann@example.com\n");
    Files.writeString(tmp.resolve("customers.csv"), "id,distributor_id,name,email\n"
        + "C1,D7,Cat,cat@example.com\n");
    Files.writeString(tmp.resolve("orders.csv"), "id,buyer_type,buyer_id,date,pv,amount\n"
        + "O1,D,D2,yesterday,120,150.00\n");

    Cli.Run run = same("evaluate", "--plan", "seed", "--data", tmp.toString(), "--period",
        "2026-11");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("distributors.csv:3:3", "orders.csv:2:4");
  }

  @Test
  void aMissingFolderOrFileIsTheSame() throws IOException {
    assertThat(same("evaluate", "--plan", "seed", "--data", tmp.resolve("none").toString(),
        "--period", "2026-11").exit()).isEqualTo(1);
    Files.writeString(tmp.resolve("distributors.csv"), "id,sponsor_id,join_date,name,email\n");
    assertThat(same("evaluate", "--plan", "seed", "--data", tmp.toString(), "--period",
        "2026-11").exit()).isEqualTo(1);
  }

  @Test
  void failuresBeforeTheReadWinAsBefore() throws IOException {
    // A bad --as-of, an unknown plan, an --out onto an input, a bad --period, a missing
    // option: each is reported as without the read ahead, which shows nothing.
    assertThat(same("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--as-of", "soon").exit()).isEqualTo(2);
    assertThat(same("evaluate", "--plan", "seeed", "--data", SEED, "--period", "2026-11")
        .exit()).isEqualTo(2);
    Path copy = tmp.resolve("d");
    Files.createDirectories(copy);
    for (String f : new String[] {"distributors.csv", "customers.csv", "orders.csv"}) {
      Files.copy(Path.of(SEED, f), copy.resolve(f));
    }
    assertThat(same("evaluate", "--plan", "seed", "--data", copy.toString(), "--period",
        "2026-11", "--out", copy.resolve("orders.csv").toString()).exit()).isEqualTo(2);
    assertThat(same("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-13")
        .exit()).isEqualTo(2);
    assertThat(same("evaluate", "--plan", "seed", "--data", SEED).exit()).isEqualTo(2);
    assertThat(same("evaluate", "--plan", "seed", "--data", SEED, "--data", SEED, "--period",
        "2026-11").exit()).isEqualTo(2);
  }

  @Test
  void anUnknownDistributorIsTheSame() {
    assertThat(same("evaluate", "--plan", "seed", "--data", SEED, "--period", "2026-11",
        "--distributor", "D404").exit()).isEqualTo(1);
  }
}
