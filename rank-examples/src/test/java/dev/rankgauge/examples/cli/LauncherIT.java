package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script, {@code rank-examples/bin/rankgauge}, against the runnable jar (so it runs
 * after the package phase, in {@code mvn verify}): the same output, messages and exit codes as
 * {@code java -jar rankgauge.jar}, and a class-data archive written by the first evaluate and
 * used by later runs. Skipped where there is no POSIX shell.
 */
class LauncherIT {
  private static final Path SCRIPT = Path.of("bin/rankgauge").toAbsolutePath();
  private static final Path JAR = Path.of("target/rankgauge.jar").toAbsolutePath();
  private static final Path SEED = Path.of("data/seed").toAbsolutePath();
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  @TempDir
  Path dir;
  Path cache;

  @BeforeEach
  void needsAShellAndTheJar() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to run the launcher with");
    assertThat(JAR).as("the runnable jar, built in the package phase").isRegularFile();
    cache = dir.resolve("cache");
  }

  @Test
  void theFirstEvaluateWritesAnArchiveThatLaterRunsUseWithTheSameResults() throws Exception {
    assumeClassDataSharing();
    Run plain = java("evaluate", "--plan", "seed", "--data", SEED.toString(), "--period", "2026-11",
        "--format", "csv", "--out", dir.resolve("plain.csv").toString());
    assertThat(plain.status).as(plain.err).isZero();

    Run first = launcher(Map.of(), "evaluate", "--plan", "seed", "--data", SEED.toString(),
        "--period", "2026-11", "--format", "csv", "--out", dir.resolve("first.csv").toString());
    assertThat(first.status).as(first.err).isZero();
    assertThat(first.out).isEqualTo(plain.out);
    assertThat(first.err).isEqualTo(plain.err);
    assertThat(dir.resolve("first.csv")).hasSameBinaryContentAs(dir.resolve("plain.csv"));
    assertThat(archives()).as("one archive, no partial file left").hasSize(1)
        .allMatch(p -> p.getFileName().toString().endsWith(".jsa"));

    // -Xshare:on makes the JVM stop rather than run without the archive: it must be usable.
    Run second = launcher(Map.of("JAVA_OPTS", "-Xshare:on"), "evaluate", "--plan", "seed",
        "--data", SEED.toString(), "--period", "2026-11", "--format", "csv", "--out",
        dir.resolve("second.csv").toString());
    assertThat(second.status).as(second.out + second.err).isZero();
    assertThat(dir.resolve("second.csv")).hasSameBinaryContentAs(dir.resolve("plain.csv"));

    Run other = launcher(Map.of("JAVA_OPTS", "-Xshare:on"), "validate", "--plan", "seed");
    assertThat(other.status).as(other.out + other.err).isZero();
    assertThat(other.out).isEqualTo(java("validate", "--plan", "seed").out);
  }

  @Test
  void aBadCommandEndsWithTheJarsMessageAndExitCode() throws Exception {
    String[] args = {"evaluate", "--plan", "no-such-plan", "--data", SEED.toString(), "--period",
        "2026-11"};
    Run plain = java(args);
    Run launched = launcher(Map.of(), args);
    assertThat(plain.status).isEqualTo(2);
    assertThat(launched.status).isEqualTo(2);
    assertThat(launched.out).isEqualTo(plain.out).isEmpty();
    assertThat(launched.err).isEqualTo(plain.err).contains("no-such-plan");
  }

  @Test
  void otherCommandsWriteNoArchiveAndOffWritesNone() throws Exception {
    Run validate = launcher(Map.of(), "validate", "--plan", "seed");
    assertThat(validate.status).isZero();
    assertThat(validate.out).isEqualTo(java("validate", "--plan", "seed").out);
    assertThat(archives()).isEmpty();

    Run off = launcher(Map.of("RANKGAUGE_CDS", "off"), "evaluate", "--plan", "seed", "--data",
        SEED.toString(), "--period", "2026-11", "--distributor", "D100");
    assertThat(off.status).as(off.err).isZero();
    assertThat(off.out).contains("(D100)");
    assertThat(archives()).isEmpty();
  }

  @Test
  void anotherJarGetsAnArchiveOfItsOwn() throws Exception {
    assumeClassDataSharing();
    String[] args = {"evaluate", "--plan", "seed", "--data", SEED.toString(), "--period",
        "2026-11", "--distributor", "D100"};
    assertThat(launcher(Map.of(), args).status).isZero();
    Path copy = Files.copy(JAR, dir.resolve("rankgauge.jar"));
    Run other = launcher(Map.of("RANKGAUGE_JAR", copy.toString()), args);
    assertThat(other.status).as(other.err).isZero();
    assertThat(archives()).hasSize(2);
    Run again = launcher(Map.of("RANKGAUGE_JAR", copy.toString(), "JAVA_OPTS", "-Xshare:on"), args);
    assertThat(again.status).as(again.out + again.err).isZero();
    assertThat(again.out).isEqualTo(other.out);

    // The copy rebuilt (a new time of change): its archive is replaced, not added to.
    List<Path> before = archives();
    Files.setLastModifiedTime(copy, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
    Run rebuilt = launcher(Map.of("RANKGAUGE_JAR", copy.toString()), args);
    assertThat(rebuilt.status).as(rebuilt.err).isZero();
    assertThat(archives()).hasSize(2).isNotEqualTo(before);
  }

  @Test
  void aMissingJarIsNamed() throws Exception {
    Run run = launcher(Map.of("RANKGAUGE_JAR", dir.resolve("nowhere.jar").toString()), "--help");
    assertThat(run.status).isEqualTo(1);
    assertThat(run.err).startsWith("rankgauge: no jar at " + dir.resolve("nowhere.jar"));
  }

  /**
   * A JVM built without class-data sharing, or without its default archive, writes no archive
   * of ours either (the launcher then runs without one, as {@link #otherCommandsWriteNoArchiveAndOffWritesNone}
   * and the others show); the tests of the archive itself need it.
   */
  private void assumeClassDataSharing() throws Exception {
    Run share = run(List.of(JAVA.toString(), "-Xshare:on", "-version"), Map.of());
    assumeTrue(share.status == 0, "this JVM has no class-data sharing: " + share.err);
  }

  private List<Path> archives() throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cache)) {
      return files.toList();
    }
  }

  private Run java(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return run(command, Map.of());
  }

  private Run launcher(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    return run(command, env);
  }

  private Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("RANKGAUGE_JAR", JAR.toString());
    builder.environment().put("RANKGAUGE_CACHE", cache.toString());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("RANKGAUGE_CDS");
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("no end in 2 minutes: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private record Run(int status, String out, String err) {}
}
