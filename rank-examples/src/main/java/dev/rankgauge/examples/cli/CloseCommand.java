package dev.rankgauge.examples.cli;

import dev.rankgauge.Evaluation;
import dev.rankgauge.io.HistoryFiles;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code close}: evaluates a period with the history before it and appends it to the history. */
@Command(name = "close", mixinStandardHelpOptions = true,
    description = {
        "Closes the period: evaluates it with the history folder's periods before it (title ranks,"
            + " rank hold) and writes every distributor's record of it to the folder as a new"
            + " file, PERIOD.csv or PERIOD.jsonl.",
        "Closing a period twice, before the last period closed, or after a gap is refused."})
final class CloseCommand implements Callable<Integer> {
  /** Formats of the period file. */
  enum Format { csv, jsonl }

  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--history-format", paramLabel = "FORMAT",
      description = "csv (the default) or jsonl (JSON Lines).")
  Format format = Format.csv;

  @Override
  public Integer call() throws Exception {
    if (inputs.history == null) {
      throw Usage.of("close.needsHistory");
    }
    Progress progress = Progress.to(spec.commandLine().getErr(), cli.locale());
    Evaluation e = inputs.evaluate(cli, progress, true, CsvOrganisation.Contacts.ALL);
    Path file = HistoryFiles.append(inputs.history, e, format == Format.csv
        ? HistoryFiles.Format.CSV : HistoryFiles.Format.JSON_LINES);
    progress.step(new CliTexts(cli.locale()).get("progress.closed", HistoryFiles.label(e.period()),
        e.organisation().distributorCount()));
    spec.commandLine().getOut().println(file);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
