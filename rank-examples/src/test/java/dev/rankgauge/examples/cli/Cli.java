package dev.rankgauge.examples.cli;

import dev.rankgauge.RuleRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line as {@code java -jar rankgauge.jar} would, with stdout and stderr kept. */
final class Cli {
  private Cli() {}

  /** What a run printed and returned. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Run run(String... args) {
    return run(new RankGaugeCli(RuleRegistry.empty()), args);
  }

  /**
   * Runs {@code cli} as {@code main} would, JVM errors included: with only the model of the
   * command named and the plan loaded ahead ({@link RankGaugeCli#commandLine(RankGaugeCli,
   * String...)}).
   */
  static Run run(RankGaugeCli cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RankGaugeCli.execute(RankGaugeCli.commandLine(cli, args)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Runs the command line with stdout going to {@code stdout}. */
  static Run run(java.io.Writer stdout, String... args) {
    StringWriter err = new StringWriter();
    int exit = RankGaugeCli.execute(
        RankGaugeCli.commandLine(new RankGaugeCli(RuleRegistry.empty()), args)
        .setOut(new PrintWriter(stdout, true))
        .setErr(new PrintWriter(err, true)), args);
    return new Run(exit, "", err.toString());
  }
}
