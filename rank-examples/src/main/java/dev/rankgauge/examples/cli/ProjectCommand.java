package dev.rankgauge.examples.cli;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Projection;
import dev.rankgauge.io.ProjectionResults;
import dev.rankgauge.io.Progress;
import dev.rankgauge.view.GaugePage;
import dev.rankgauge.view.ProjectionView;
import dev.rankgauge.view.TextView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code project}: where each distributor is expected to end the open period. */
@Command(name = "project", mixinStandardHelpOptions = true,
    description = {
        "Projects the open period to its end: each gauge's month-end value with a prediction"
            + " interval, and the paid-as rank the projected gauges reach with its likelihood.",
        "Give --history (the closed periods, as close writes them) for intervals learnt from the"
            + " last closed period; without it the projection is the straight line of the period"
            + " so far.",
        "With --distributor: that distributor's gas gauge view with the projection (text or an"
            + " html page; json gives the projection as data).",
        "Without: every distributor's projection as csv (the default) or json (JSON Lines)."})
final class ProjectCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json, csv, html }

  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--distributor", paramLabel = "ID",
      description = "The distributor whose projection to show.")
  String distributor;

  @Option(names = "--level", paramLabel = "PERCENT", defaultValue = "80",
      description = "The level of the prediction intervals, in percent, 1 to 99. Default: 80.")
  int level;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json, csv or html. Default: text with --distributor, else csv.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to this file (complete or not at all) instead of stdout.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (level < 1 || level > 99) {
      throw Usage.of("project.level", String.valueOf(level));
    }
    Format f = format != null ? format : distributor != null ? Format.text : Format.csv;
    if ((f == Format.html || f == Format.text) && distributor == null) {
      throw Usage.of("project.needsDistributor", f.toString());
    }
    if (f == Format.csv && distributor != null) {
      throw Usage.of("project.csvListsEveryone");
    }
    Output.check(out, inputs.files(cli));
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.to(err, cli.locale());
    Evaluation e = inputs.evaluate(cli, progress);
    Projection p = Projection.of(e, level / 100.0);
    CliTexts texts = new CliTexts(cli.locale());
    progress.step(texts.get("progress.projected", e.organisation().distributorCount(),
        p.by().toString(), texts.get(p.basis() == Projection.Basis.HISTORY
            ? "progress.projected.history" : "progress.projected.straightLine")));
    Locale locale = cli.locale();
    if (distributor != null) {
      DistributorResult r = inputs.find(e, distributor);
      Output.write(out, spec.commandLine().getOut(), inputs.files(cli), w -> {
        switch (f) {
          case html -> w.write(GaugePage.render(e, r, p, locale));
          case json, csv -> ProjectionResults.writeJson(p, distributor, w);
          case text -> w.write(TextView.render(e, r, locale) + System.lineSeparator()
              + ProjectionView.text(p, distributor, locale));
        }
      });
    } else {
      Output.write(out, spec.commandLine().getOut(), inputs.files(cli), w -> {
        if (f == Format.json) {
          ProjectionResults.writeJsonLines(p, w, progress);
        } else {
          ProjectionResults.writeCsv(p, w, progress);
        }
      });
    }
    return 0;
  }
}
