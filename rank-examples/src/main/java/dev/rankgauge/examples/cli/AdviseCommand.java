package dev.rankgauge.examples.cli;

import dev.rankgauge.Evaluation;
import dev.rankgauge.io.AdviceJson;
import dev.rankgauge.io.Progress;
import dev.rankgauge.view.AdviceText;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code advise}: the shortest path from a distributor's paid-as rank to the next. */
@Command(name = "advise", mixinStandardHelpOptions = true,
    description = {
        "The shortest path to the next rank: concrete steps, cheapest first (customers to win"
            + " back, distributors to activate, volume and the legs where it counts, the closest"
            + " person in a leg that needs a qualifier), each with the people's contact details.",
        "Exit codes: 0 advice given (also at the top of the ladder), 1 bad data or plan or an"
            + " unknown distributor, 2 a usage error."})
final class AdviseCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--distributor", required = true, paramLabel = "ID",
      description = "The distributor to advise.")
  String distributor;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (the default) or json.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to this file (complete or not at all) instead of stdout.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Output.check(out, inputs.files(cli));
    Evaluation e = inputs.evaluate(cli, Progress.to(spec.commandLine().getErr(), cli.locale()));
    inputs.find(e, distributor);
    String type = e.plan().qualifyingVolumeType();
    Locale locale = cli.locale();
    Output.write(out, spec.commandLine().getOut(), inputs.files(cli), w -> {
      switch (format) {
        case json -> AdviceJson.write(e, distributor, w, locale);
        case text -> w.write(e.advice(distributor)
            .map(a -> AdviceText.render(a, type, locale))
            .orElse(AdviceText.topOfLadder(locale) + System.lineSeparator()));
      }
    });
    return 0;
  }
}
