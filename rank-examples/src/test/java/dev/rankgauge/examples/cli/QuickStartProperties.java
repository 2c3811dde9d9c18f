package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.RuleRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

/**
 * The quick start of {@code main} ({@link RankGaugeCli#commandLine(RankGaugeCli, String...)}:
 * only the model of the command named, the plan loaded on a thread of its own) changes nothing a
 * user sees: for any words, the same exit code, the same stdout and the same stderr as the
 * command line with every command's model built and the plan loaded when the command asks.
 */
class QuickStartProperties {
  /** Words of the command line, valid and not, in any order. */
  private static final List<String> WORDS = List.of("evaluate", "explain", "advise", "project",
      "what-if", "validate", "test", "help", "evalute", "generate", "--plan", "--plan=seed",
      "seed", "sed", "doterra", "sponsor-four-silvers", "plans/none.json", "--data",
      EvaluateCommandTest.SEED, "/nonexistent", "--period", "2026-11", "2026-13", "--as-of",
      "2026-11-27T09:00", "--format", "csv", "json", "text", "html", "xml", "--distributor",
      "D100", "D999", "--locale", "--locale=es", "es", "fr", "--rules", "--rules=/nonexistent",
      "-h", "--help", "-V", "--version", "--", "@/nonexistent-args", "--bogus", "-x");

  @Provide
  Arbitrary<List<String>> words() {
    return Arbitraries.of(WORDS).list().ofMaxSize(9);
  }

  /** Evaluate's arguments, then up to three words put in or changed anywhere. */
  @Provide
  Arbitrary<List<String>> nearlyEvaluate() {
    List<String> base = List.of("evaluate", "--plan", "seed", "--data", EvaluateCommandTest.SEED,
        "--period", "2026-11", "--format", "csv");
    return Arbitraries.integers().between(0, base.size()).list().ofMaxSize(3)
        .flatMap(at -> Arbitraries.of(WORDS).list().ofSize(at.size()).map(w -> {
          List<String> args = new java.util.ArrayList<>(base);
          for (int i = 0; i < at.size(); i++) {
            int p = Math.min(at.get(i), args.size());
            if (i % 2 == 0 || p == args.size()) {
              args.add(p, w.get(i));
            } else {
              args.set(p, w.get(i));
            }
          }
          return args;
        }));
  }

  @Property(tries = 200)
  void anyWordsRunAsWithEveryCommandBuilt(@ForAll("words") List<String> args) {
    assertSame(args);
  }

  @Property(tries = 200)
  void nearlyValidRunsRunAsWithEveryCommandBuilt(@ForAll("nearlyEvaluate") List<String> args) {
    assertSame(args);
  }

  @Example
  void theRunsOfTheBriefRunAsWithEveryCommandBuilt() {
    for (List<String> args : List.<List<String>>of(
        List.of("evaluate", "--plan", "seed", "--data", EvaluateCommandTest.SEED, "--period",
            "2026-11", "--format", "csv"),
        List.of("--locale", "es", "evaluate", "--plan", "doterra", "--data",
            EvaluateCommandTest.SEED, "--period", "2026-11", "--format", "json"),
        List.of("explain", "--plan=seed", "--data", EvaluateCommandTest.SEED, "--period",
            "2026-11", "--distributor", "D100"),
        List.of("evaluate", "--plan", "sponsor-four-silvers", "--data", EvaluateCommandTest.SEED,
            "--period", "2026-11"),
        List.of("evaluate", "--plan", "sed", "--data", EvaluateCommandTest.SEED, "--period",
            "2026-11"),
        List.of("--help"), List.of("help", "evaluate"), List.of(), List.of("evalute"))) {
      assertSame(args);
    }
  }

  @Example
  void aRunNamesItsCommandOnlyWhenNothingButLocaleOrRulesComesFirst() {
    assertThat(RankGaugeCli.commandNamed("evaluate", "--plan", "seed")).isEqualTo("evaluate");
    assertThat(RankGaugeCli.commandNamed("--locale", "es", "--rules=x", "what-if"))
        .isEqualTo("what-if");
    assertThat(RankGaugeCli.commandNamed("help", "evaluate")).isNull();
    assertThat(RankGaugeCli.commandNamed("--help", "evaluate")).isNull();
    assertThat(RankGaugeCli.commandNamed("--locale", "--help", "evaluate")).isNull();
    // picocli takes no command name for a value: the option's value is missing
    assertThat(RankGaugeCli.commandNamed("--locale", "evaluate", "explain")).isNull();
    assertThat(RankGaugeCli.commandNamed("@args")).isNull();
    assertThat(RankGaugeCli.commandNamed()).isNull();
  }

  @Example
  void everyCommandIsAddedUnderItsOwnName() {
    CommandLine all = RankGaugeCli.commandLine(new RankGaugeCli(RuleRegistry.empty()));
    for (String name : all.getSubcommands().keySet()) {
      if (!name.equals("help")) {
        CommandLine one = RankGaugeCli.commandLine(new RankGaugeCli(RuleRegistry.empty()), name);
        assertThat(one.getSubcommands().keySet()).as(name).containsExactly(name);
      }
    }
  }

  private static void assertSame(List<String> args) {
    String[] a = args.toArray(String[]::new);
    Cli.Run quick = Cli.run(a);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RankGaugeCli.execute(RankGaugeCli.commandLine(new RankGaugeCli(RuleRegistry.empty()))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)), a);
    Cli.Run all = new Cli.Run(exit, out.toString(), err.toString());
    assertThat(quick).as(String.join(" ", args)).isEqualTo(all);
  }
}
