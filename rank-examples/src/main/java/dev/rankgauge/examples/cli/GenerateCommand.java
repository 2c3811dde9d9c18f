package dev.rankgauge.examples.cli;

import dev.rankgauge.examples.Progress;
import dev.rankgauge.examples.csv.Generator;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code generate}: a synthetic organisation in the CSV format. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes a synthetic organisation as distributors.csv, customers.csv and"
        + " orders.csv: most distributors sponsor nobody, a few sponsor hundreds, some lines run"
        + " thousands deep, and 40 to 50%% reach 100 PV. The same size and seed give the same"
        + " files."})
final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--distributors", required = true, paramLabel = "N",
      description = "How many distributors (customers and orders follow from it).")
  int distributors;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Any number; the same seed gives the same organisation. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--period", paramLabel = "MONTH", defaultValue = "2026-11",
      description = "The month the orders fall in (a few fall in the two months before)."
          + " Default: ${DEFAULT-VALUE}.")
  YearMonth month;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write the three files to; created if missing.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (distributors < 1) {
      throw new ParameterException(spec.commandLine(),
          "--distributors must be at least 1, found " + distributors);
    }
    Progress progress = Progress.to(spec.commandLine().getErr());
    Generator.generate(distributors, seed, month, out, progress);
    progress.step(String.format(Locale.ROOT, "wrote %,d distributors to %s", distributors, out));
    return 0;
  }
}
