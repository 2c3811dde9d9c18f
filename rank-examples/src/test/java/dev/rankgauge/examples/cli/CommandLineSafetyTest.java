package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rankgauge.CompPlan;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.json.PlanFiles;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a careful user needs it: {@code --out} never destroys an input, a device or
 * a pipe, and leaves nothing behind when stopped; failed writes and JVM errors end in one line and
 * a non-zero exit; usage errors exit with 2 and suggest what was meant.
 */
class CommandLineSafetyTest {
  @TempDir
  Path tmp;

  private Path data;

  @BeforeEach
  void copySeedData() throws IOException {
    data = Files.createDirectory(tmp.resolve("data"));
    for (String f : List.of(CsvOrganisation.DISTRIBUTORS, CsvOrganisation.CUSTOMERS,
        CsvOrganisation.ORDERS)) {
      Files.copy(EvaluateCommandTest.seedData().resolve(f), data.resolve(f));
    }
  }

  private String[] evaluate(String plan, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--plan", plan, "--data",
        data.toString(), "--period", "2026-11"));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  // --- output safety ------------------------------------------------------------------------

  @Test
  void outNeverReplacesAnInputFileAndNamesBoth() throws IOException {
    Path orders = data.resolve("orders.csv");
    String before = Files.readString(orders);
    Path plan = tmp.resolve("plan.json");
    Files.writeString(plan, PlanFiles.bundledText("seed"));
    Files.createSymbolicLink(tmp.resolve("link.csv"), orders);

    for (String out : List.of(orders.toString(), data.resolve("../data/orders.csv").toString(),
        tmp.resolve("link.csv").toString())) {
      Cli.Run run = Cli.run(evaluate("seed", "--out", out));
      assertThat(run.exit()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).as(run.toString()).startsWith("rankgauge evaluate: --out " + out
          + " is the input file " + orders + "; refusing to replace an input");
    }
    Cli.Run planRun = Cli.run(evaluate(plan.toString(), "--out", plan.toString()));
    assertThat(planRun.exit()).isEqualTo(2);
    assertThat(planRun.err()).startsWith("rankgauge evaluate: --out " + plan
        + " is the input file " + plan);
    Cli.Run explain = Cli.run("explain", "--plan", plan.toString(), "--data", data.toString(),
        "--period", "2026-11", "--distributor", "D100", "--out", plan.toString());
    assertThat(explain.exit()).isEqualTo(2);

    assertThat(Files.readString(orders)).isEqualTo(before);
    assertThat(Files.readString(plan)).isEqualTo(PlanFiles.bundledText("seed"));
    assertThat(Files.isSymbolicLink(tmp.resolve("link.csv"))).isTrue();
  }

  @Test
  void outIntoALinkReplacesWhatItPointsToAndKeepsTheLink() throws IOException {
    Path real = Files.writeString(tmp.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("results.csv"), real);

    Cli.Run run = Cli.run(evaluate("seed", "--out", link.toString()));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("id,name,sponsor_id,active,paid_as");
  }

  @Test
  void aPathWithANulCharacterIsAUsageErrorInWords() {
    // Found by the fuzz campaign: the message carried picocli's and Java's class names.
    Cli.Run run = Cli.run("evaluate", "--plan", "seed", "--data", "a\u0000b", "--period",
        "2026-11");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--data").contains("is not a path this system can use")
        .doesNotContain("java.").doesNotContain("Exception");
  }

  @Test
  void outToAFolderIsRefused() {
    Cli.Run run = Cli.run(evaluate("seed", "--out", tmp.toString()));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("rankgauge evaluate: --out " + tmp + " is a folder");
  }

  @Test
  void aDeviceStaysADevice() throws IOException {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && Files.isWritable(devNull));

    Cli.Run run = Cli.run(evaluate("seed", "--out", devNull.toString()));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.readAttributes(devNull, BasicFileAttributes.class).isOther()).isTrue();
  }

  @Test
  void aNamedPipeStaysAPipeAndCarriesTheResults() throws Exception {
    Path fifo = tmp.resolve("results.fifo");
    assumeTrue(mkfifo(fifo));
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    });

    Cli.Run run = Cli.run(evaluate("seed", "--out", fifo.toString()));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(reader.get(30, TimeUnit.SECONDS)).startsWith("id,name,sponsor_id,active,paid_as")
        .contains("D100,Dana Diaz,D001");
    BasicFileAttributes a = Files.readAttributes(fifo, BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    assertThat(a.isOther()).as("still a named pipe").isTrue();
  }

  private static boolean mkfifo(Path p) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aStoppedRunLeavesNoTemporaryFile() throws Exception {
    Path out = tmp.resolve("results.csv");
    Process p = java(OutputInterruptFixture.class, out.toString()).start();
    try {
      assertThat(new String(p.getInputStream().readNBytes(8), StandardCharsets.UTF_8))
          .isEqualTo("writing\n");
      Path tmpFile = tmp.resolve(".results.csv." + p.pid() + ".tmp");
      assertThat(tmpFile).exists();

      p.destroy(); // SIGTERM, as kill does; Ctrl-C's SIGINT runs the same shutdown hooks
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(tmpFile).doesNotExist();
      assertThat(out).doesNotExist();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void aFailedWriteToStdoutIsAnErrorWithANonZeroExit() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void close() {}
    };

    Cli.Run run = Cli.run(broken, evaluate("seed"));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("rankgauge evaluate: cannot write to standard output (a full"
        + " disk or a closed pipe?); the results are incomplete" + System.lineSeparator());
  }

  @Test
  void theRealStdoutReportsAFullDisk() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists());
    Process p = java(RankGaugeCli.class, evaluate("seed")).redirectOutput(full).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err.lines().filter(l -> l.contains("cannot write to standard output")))
        .hasSize(1);
  }

  @Test
  void aFolderNamedLikeABundledPlanDoesNotHideIt() throws Exception {
    Files.createDirectory(tmp.resolve("seed"));
    Process p = java(RankGaugeCli.class, "validate", "--plan", "seed").directory(tmp.toFile())
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isZero();
    assertThat(out).contains("seed: plan Seed plan");
  }

  @Test
  void aFolderGivenAsThePlanShowsThePathTried() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("plans"));
    Cli.Run run = Cli.run(evaluate(folder.toString()));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("rankgauge evaluate: --plan " + folder + ": "
        + folder.toAbsolutePath() + " is a folder, not a plan file and no bundled plan of that"
        + " name (bundled plans: binary, doterra, hybrid, hybrid-bv, matrix, scentsy, seed,"
        + " sponsor-four-silvers, young-living)");
  }

  /** A JVM running {@code main} with this test's class path, in the tests' locale and zone. */
  private static ProcessBuilder java(Class<?> main, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }

  // --- JVM errors ---------------------------------------------------------------------------

  private static Cli.Run failingWith(Supplier<CompPlan> plan) {
    RankGaugeCli cli = new RankGaugeCli(RuleRegistry.empty(), Map.of("broken", plan));
    return Cli.run(cli, "evaluate", "--plan", "broken", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11");
  }

  @Test
  void runningOutOfMemoryIsOneLineSayingWhatToDo() {
    Cli.Run run = failingWith(() -> {
      throw new OutOfMemoryError("Java heap space");
    });

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1).first().asString()
        .startsWith("rankgauge evaluate: ran out of memory (Java heap space, with at most ")
        .contains("give Java more memory with -Xmx");
  }

  @Test
  void anErrorFromAWorkerThreadIsReportedTheSameWay() {
    Cli.Run run = failingWith(() -> {
      throw new CompletionException(new OutOfMemoryError("Java heap space"));
    });

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1).first().asString()
        .startsWith("rankgauge evaluate: ran out of memory");
  }

  @Test
  void otherJvmErrorsAreOneLineToo() {
    Cli.Run stack = failingWith(() -> {
      throw new StackOverflowError();
    });
    Cli.Run internal = failingWith(() -> {
      throw new InternalError("code cache full");
    });

    assertThat(stack.exit()).isEqualTo(1);
    assertThat(stack.err().lines()).hasSize(1).first().asString()
        .startsWith("rankgauge evaluate: ran out of stack space: run with a larger stack");
    assertThat(internal.exit()).isEqualTo(1);
    assertThat(internal.err().lines()).hasSize(1).first().asString()
        .startsWith("rankgauge evaluate: the Java runtime failed with InternalError (code cache"
            + " full)");
  }

  // --- usage errors -------------------------------------------------------------------------

  @Test
  void usageErrorsExitWithTwo() {
    for (String asOf : List.of("", " ", "yesterday", "2026-11-31", "1500-01-01", "9999-01-01")) {
      Cli.Run run = Cli.run(evaluate("seed", "--as-of", asOf));
      assertThat(run.exit()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).startsWith("rankgauge evaluate: --as-of ");
      assertThat(run.out()).isEmpty();
    }
    for (String month : List.of("2026-13", "1500-01", "2026-1x")) {
      Cli.Run run = Cli.run("generate", "--distributors", "3", "--period", month, "--out",
          tmp.resolve("gen").toString());
      assertThat(run.exit()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).startsWith("rankgauge generate: Invalid value for option"
          + " '--period': '" + month + "' is ");
    }
    assertThat(tmp.resolve("gen")).doesNotExist();
  }

  @Test
  void plansCommandsAndOptionsGetDidYouMean() {
    Cli.Run plan = Cli.run(evaluate("doterr"));
    Cli.Run validate = Cli.run("validate", "--plan", "young-livng");
    Cli.Run command = Cli.run("evalute", "--plan", "seed");
    Cli.Run option = Cli.run(evaluate("seed", "--distributr", "D100"));
    Cli.Run equals = Cli.run(evaluate("seed", "--fromat=csv"));

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.err()).contains("no bundled plan of that name; did you mean 'doterra'?");
    assertThat(validate.exit()).isEqualTo(2);
    assertThat(validate.err()).contains("did you mean 'young-living'?");
    assertThat(command.exit()).isEqualTo(2);
    assertThat(command.err()).startsWith("rankgauge: unknown command 'evalute'; did you mean"
        + " 'evaluate'?");
    assertThat(option.exit()).isEqualTo(2);
    assertThat(option.err()).startsWith("rankgauge evaluate: unknown option '--distributr'; did"
        + " you mean '--distributor'?");
    assertThat(equals.err()).startsWith("rankgauge evaluate: unknown option '--fromat'; did you"
        + " mean '--format'?");
  }

  @Test
  void aWordFarFromEveryNameSuggestsNothing() {
    Cli.Run run = Cli.run(evaluate("acme-2027"));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("did you mean");
  }

  /**
   * Found by the fuzz suite: a command word that is a line separator (U+2028) was quoted as it
   * was, which ends the line for a reader other than the terminal. It is escaped, as control
   * characters are.
   */
  @Test
  void aUsageErrorQuotingALineSeparatorStaysOneLine() {
    Cli.Run command = Cli.run("\u2028");
    assertThat(command.exit()).isEqualTo(2);
    assertThat(command.err()).doesNotContain("\u2028").doesNotContain("\u2029")
        .startsWith("rankgauge: unknown command '\\u2028'");
  }

  /**
   * Found by the fuzz campaign: a usage error quotes the word it was given, and a word of 3,000
   * characters made a line of 3,139. A usage error stays one short line, cut saying how much
   * was left out, with its control characters escaped.
   */
  @Test
  void aUsageErrorQuotingAHugeWordIsOneShortLine() {
    String huge = "x".repeat(3_000);
    Cli.Run command = Cli.run(huge, "--plan", "seed");
    assertThat(command.exit()).isEqualTo(2);
    List<String> lines = command.err().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("rankgauge: unknown command 'xxx")
        .contains("... (cut; ").endsWith(" characters in all)")
        .hasSizeLessThan(1_100);
    assertThat(lines.get(1)).isEqualTo("Try 'rankgauge --help' for more information.");

    Cli.Run period = Cli.run("evaluate", "--plan", "seed", "--data", EvaluateCommandTest.SEED,
        "--period", "2026-11\n" + "9".repeat(5_000));
    assertThat(period.exit()).isEqualTo(2);
    assertThat(period.err().lines().toList()).hasSize(2).first().asString()
        .contains("2026-11\\n999").contains("characters in all)").hasSizeLessThan(1_100);
  }
}
