package dev.rankgauge.examples.cli;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Trace;
import dev.rankgauge.io.Progress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code explain}: every requirement of every rank for one distributor. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Why a distributor holds the rank they hold (\"why am I not Gold?\"): the figures"
        + " the plan reads, then every requirement of every rank, met or not.")
final class ExplainCommand implements Callable<Integer> {
  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--distributor", required = true, paramLabel = "ID",
      description = "The distributor to explain.")
  String distributor;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to this file (complete or not at all) instead of stdout.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Output.check(out, inputs.files(cli));
    Evaluation e = inputs.evaluate(cli, Progress.to(spec.commandLine().getErr(), cli.locale()));
    inputs.find(e, distributor);
    Trace t = e.trace(distributor);
    Output.write(out, spec.commandLine().getOut(), inputs.files(cli), w -> w.write(t.format(cli.locale())));
    return 0;
  }
}
