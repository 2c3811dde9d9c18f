package dev.rankgauge.examples.cli;

import dev.rankgauge.testkit.ScenarioReport;
import dev.rankgauge.testkit.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code test}: runs a folder of scenario files, for teams that do not write Java. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = "Runs every scenario file (*.json) in a folder and its subfolders against the"
        + " plans they name; prints each failure with the distributor's trace, then a summary."
        + " Exits with 1 if any expectation fails or any scenario file is invalid. The report is"
        + " written in the language of --locale.")
final class TestCommand implements Callable<Integer> {
  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--scenarios", required = true, paramLabel = "DIR",
      description = "The folder of scenario files (searched recursively), or one scenario file.")
  Path scenarios;

  @Option(names = "--verbose", description = "Also list every expectation that passed.")
  boolean verbose;

  @Override
  public Integer call() {
    ScenarioReport report = ScenarioRunner.run(scenarios, cli.rules());
    // English as the library writes it (numbers plain), or the language of --locale.
    Locale locale = cli.locale().getLanguage().equals("en") ? Locale.ROOT : cli.locale();
    PrintWriter out = spec.commandLine().getOut();
    if (verbose) {
      CliTexts texts = new CliTexts(cli.locale());
      for (ScenarioReport.Outcome o : report.outcomes()) {
        if (o.passed()) {
          out.println(o.distributorId().isEmpty()
              ? texts.get("test.ok", o.file(), o.expectation().text(locale))
              : texts.get("test.okOf", o.file(), o.distributorId(),
                  o.expectation().text(locale)));
        }
      }
    }
    out.print(report.format(locale));
    out.flush();
    if (!report.successful()) {
      PrintWriter err = spec.commandLine().getErr();
      // One line a person reads, as every failure's: a folder named by thousands of characters
      // is cut (RankGaugeCli.shortLine).
      err.println(RankGaugeCli.shortLine(spec.qualifiedName() + ": "
          + new CliTexts(cli.locale()).get("test.failed", report.failures().size(),
              report.outcomes().size(), scenarios.toString())));
      err.flush();
      return RankGaugeCli.FAILED;
    }
    return 0;
  }
}
