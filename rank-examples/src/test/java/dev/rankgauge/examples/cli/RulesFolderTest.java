package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.spi.RuleFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rules DIR}: a host rule compiled and packed into a jar here, at test time, so that it
 * is on no class path, then loaded by the command line from the folder alone.
 */
class RulesFolderTest {
  private static final String SEED = EvaluateCommandTest.seedData().toString();

  /** A host rule: at least {@code count} personally sponsored distributors, active or not. */
  private static final String RULE = """
      package acme.rules;

      import dev.rankgauge.spi.QualificationRule;
      import dev.rankgauge.spi.RuleContext;
      import dev.rankgauge.spi.RuleFactory;
      import dev.rankgauge.spi.RuleOutcome;
      import java.util.Map;

      public final class SponsoredFactory implements RuleFactory {
        @Override public String name() {
          return "acmeSponsored";
        }

        @Override public QualificationRule create(Map<String, String> parameters) {
          int count = Integer.parseInt(parameters.get("count"));
          return new QualificationRule() {
            @Override public RuleOutcome evaluate(RuleContext context) {
              int have = context.sponsoredDistributors().size();
              return RuleOutcome.atLeast(have, count, have + " of " + count + " sponsored");
            }

            @Override public String describe() {
              return "sponsor at least " + count + " distributors (acme)";
            }
          };
        }
      }
      """;

  private static final String PLAN = """
      {
        "name": "Acme",
        "version": "1",
        "currency": "USD",
        "timeZone": "America/Denver",
        "period": "monthly",
        "volumeTypes": ["PV"],
        "ranks": [
          {"code": "DIST", "name": "Distributor"},
          {"code": "LEAD", "name": "Leader", "requirements": [
            {"kind": "host", "rule": "acmeSponsored", "parameters": {"count": 2}}
          ]}
        ]
      }
      """;

  @TempDir
  Path tmp;

  private Path rules;
  private Path plan;

  @BeforeEach
  void ruleJarAndPlan() throws IOException, URISyntaxException {
    rules = Files.createDirectories(tmp.resolve("rules"));
    Path classes = compile(RULE, "acme/rules/SponsoredFactory.java");
    jar(rules.resolve("acme-rules.jar"), classes, "acme.rules.SponsoredFactory");
    plan = Files.writeString(tmp.resolve("acme.json"), PLAN);
  }

  @Test
  void aPlanNeedingARuleFromTheFolderLoadsAndEvaluates() {
    Cli.Run validate = Cli.run("validate", "--plan", plan.toString(), "--rules", rules.toString());
    assertThat(validate.exit()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("plan Acme 1 loads: 2 ranks");

    Cli.Run explain = Cli.run("--rules", rules.toString(), "explain", "--plan", plan.toString(),
        "--data", SEED, "--period", "2026-11", "--distributor", "D100");
    assertThat(explain.exit()).as(explain.toString()).isZero();
    assertThat(explain.out()).contains("sponsor at least 2 distributors (acme)");
  }

  @Test
  void withoutTheFolderTheRuleIsUnknown() {
    Cli.Run run = Cli.run("validate", "--plan", plan.toString());
    assertThat(run.exit()).isEqualTo(RankGaugeCli.FAILED);
    assertThat(run.out()).contains("acmeSponsored");
  }

  @Test
  void aMissingFolderIsAUsageErrorNamingIt() {
    Path none = tmp.resolve("no-such-rules");
    Cli.Run run = Cli.run("validate", "--plan", plan.toString(), "--rules", none.toString());
    assertThat(run.exit()).isEqualTo(RankGaugeCli.USAGE);
    assertThat(run.err()).contains("--rules " + none + ": no folder " + none.toAbsolutePath());
  }

  @Test
  void aFileInsteadOfAFolderIsNamed() {
    Cli.Run run = Cli.run("validate", "--plan", plan.toString(), "--rules", plan.toString());
    assertThat(run.exit()).isEqualTo(RankGaugeCli.USAGE);
    assertThat(run.err()).contains(plan.toAbsolutePath() + " is not a folder");
  }

  @Test
  void everyBadJarIsNamedAndNothingIsLoaded() throws IOException {
    Files.writeString(rules.resolve("broken.jar"), "not a zip");
    Files.writeString(rules.resolve("empty.jar"), "");
    Cli.Run run = Cli.run("validate", "--plan", plan.toString(), "--rules", rules.toString());
    assertThat(run.exit()).as(run.toString()).isEqualTo(RankGaugeCli.USAGE);
    assertThat(run.err())
        .contains(rules.resolve("broken.jar") + ": not a readable jar")
        .contains(rules.resolve("empty.jar") + ": not a readable jar")
        .doesNotContain("loads");
  }

  @Test
  void badJarsAndJarsWithoutFactoriesAreNamedInSpanish() throws IOException, URISyntaxException {
    Files.writeString(rules.resolve("broken.jar"), "not a zip");
    Files.writeString(rules.resolve("empty.jar"), "");
    Cli.Run run = Cli.run("validate", "--plan", plan.toString(), "--rules", rules.toString(),
        "--locale", "es");
    assertThat(run.exit()).as(run.toString()).isEqualTo(RankGaugeCli.USAGE);
    assertThat(run.err())
        .contains(rules.resolve("broken.jar") + ": no es un jar legible (")
        .contains("; " + rules.resolve("empty.jar") + ": no es un jar legible (")
        .doesNotContain("not a readable jar");

    Path onlyLib = Files.createDirectories(tmp.resolve("lib-only"));
    jar(onlyLib.resolve("lib.jar"), compile(RULE, "acme/rules/SponsoredFactory.java"), null);
    Cli.Run none = Cli.run("validate", "--plan", plan.toString(), "--rules", onlyLib.toString(),
        "--locale", "es");
    assertThat(none.exit()).isEqualTo(RankGaugeCli.USAGE);
    assertThat(none.err()).contains("ningún jar declara una fábrica de reglas en "
        + "META-INF/services/dev.rankgauge.spi.RuleFactory (jars: lib.jar)");
  }

  @Test
  void aFactoryClassMissingFromItsJarIsNamedWithTheJar() throws IOException, URISyntaxException {
    Path classes = compile(RULE, "acme/rules/SponsoredFactory.java");
    jar(rules.resolve("ghost.jar"), classes, "acme.rules.GhostFactory");
    Cli.Run run = Cli.run("validate", "--plan", plan.toString(), "--rules", rules.toString());
    assertThat(run.exit()).as(run.toString()).isEqualTo(RankGaugeCli.USAGE);
    assertThat(run.err()).contains(rules.resolve("ghost.jar") + ": ")
        .contains("acme.rules.GhostFactory");
  }

  @Test
  void jarsWithoutFactoriesAreNamed() throws IOException, URISyntaxException {
    Path onlyLib = Files.createDirectories(tmp.resolve("lib-only"));
    jar(onlyLib.resolve("lib.jar"), compile(RULE, "acme/rules/SponsoredFactory.java"), null);
    Cli.Run run = Cli.run("validate", "--plan", plan.toString(), "--rules", onlyLib.toString());
    assertThat(run.exit()).isEqualTo(RankGaugeCli.USAGE);
    assertThat(run.err()).contains("no jar declares a rule factory in "
        + "META-INF/services/dev.rankgauge.spi.RuleFactory (jars: lib.jar)");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Cli.Run none = Cli.run("validate", "--plan", plan.toString(), "--rules", empty.toString());
    assertThat(none.exit()).isEqualTo(RankGaugeCli.USAGE);
    assertThat(none.err()).contains("no .jar file in " + empty.toAbsolutePath());
  }

  /** Compiles one source file against rank-core into a fresh folder of classes. */
  private Path compile(String source, String file) throws IOException, URISyntaxException {
    Path src = Files.createTempDirectory(tmp, "src");
    Path out = Files.createTempDirectory(tmp, "classes");
    Path java = src.resolve(file);
    Files.createDirectories(java.getParent());
    Files.writeString(java, source);
    Path core = Path.of(RuleFactory.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    boolean ok = javac.getTask(messages, null, null,
        List.of("-classpath", core.toString(), "-d", out.toString(), "--release", "17"), null,
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)
            .getJavaFileObjects(java.toFile())).call();
    assertThat(ok).as(messages.toString()).isTrue();
    return out;
  }

  /** Packs {@code classes} into a jar, declaring {@code factory} as a RuleFactory if not null. */
  private static void jar(Path jar, Path classes, String factory) throws IOException {
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
      if (factory != null) {
        out.putNextEntry(new JarEntry(RuleJars.SERVICE_FILE));
        out.write((factory + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }
}
