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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RankGaugeCli.commandLine(new RankGaugeCli(RuleRegistry.empty()))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
