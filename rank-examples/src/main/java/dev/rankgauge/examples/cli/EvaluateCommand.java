package dev.rankgauge.examples.cli;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.io.ResultsCsv;
import dev.rankgauge.io.ResultsJson;
import dev.rankgauge.view.GaugePage;
import dev.rankgauge.view.TextView;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code evaluate}: one distributor's gas gauge view, or every distributor's results. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {
        "Evaluates the organisation in the data folder against the plan for the period.",
        "With --distributor: that distributor's gas gauge view (text or an html page; json and"
            + " csv give the same figures as data).",
        "Without: every distributor's results as csv (the default) or json (JSON Lines),"
            + " one row or line per distributor; text gives a summary."})
final class EvaluateCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json, csv, html }

  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--distributor", paramLabel = "ID",
      description = "The distributor whose gas gauge view to show.")
  String distributor;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json, csv or html. Default: text with --distributor, else csv.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to this file (complete or not at all) instead of stdout.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Format f = format != null ? format : distributor != null ? Format.text : Format.csv;
    if (f == Format.html && distributor == null) {
      throw Usage.of("html.needsDistributor");
    }
    Output.check(out, inputs.files(cli));
    PrintWriter err = spec.commandLine().getErr();
    // The read ahead's, if the data folder is being read ahead.
    Progress progress = cli.progress(err, inputs.data);
    Evaluation e = inputs.evaluate(cli, progress, false, contacts(f, distributor != null));
    if (distributor != null) {
      DistributorResult r = inputs.find(e, distributor);
      Output.write(out, spec.commandLine().getOut(), inputs.files(cli), w -> {
        switch (f) {
          case html -> w.write(GaugePage.render(e, r, cli.locale()));
          case json -> ResultsJson.writeOne(e, r, w, cli.locale());
          case csv -> ResultsCsv.writeOne(e, r, w, cli.locale());
          case text -> w.write(TextView.render(e, r, cli.locale()));
        }
      });
    } else {
      writeAll(out, spec.commandLine().getOut(), inputs.files(cli), e, f, progress, cli.locale());
      CliTexts texts = new CliTexts(cli.locale());
      progress.step(f == Format.text ? texts.get("progress.wroteSummary")
          : texts.get("progress.wroteResults", e.organisation().distributorCount()));
    }
    return 0;
  }

  /**
   * The contact details that {@code evaluate} shows in the format {@code f} (null: the default),
   * for one distributor or for all: a distributor's view (every format) and the JSON Lines of
   * all show emails, phones and the people to call; the results CSV and the summary show only
   * the distributors' names.
   */
  static CsvOrganisation.Contacts contacts(Format f, boolean oneDistributor) {
    return oneDistributor || f == Format.json || f == Format.html
        ? CsvOrganisation.Contacts.ALL : CsvOrganisation.Contacts.DISTRIBUTOR_NAMES;
  }

  /**
   * {@link #writeAll(Evaluation, Format, java.io.Writer, Progress, Locale)} to {@code --out}
   * ({@code file}; bulk csv and json written as bytes) or to stdout when it is null.
   */
  static void writeAll(Path file, PrintWriter stdout, List<Path> inputs, Evaluation e, Format f,
      Progress progress, Locale locale) throws java.io.IOException {
    Output.write(file, stdout, inputs, w -> writeAll(e, f, w, progress, locale), o -> {
      switch (f) {
        case json -> ResultsJson.writeAll(e, o, progress, locale);
        case csv, html -> ResultsCsv.write(e, o, progress, locale);
        case text -> o.write(summary(e, locale).getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  /**
   * Every distributor's results as csv or json (JSON Lines), or the text summary: what
   * {@code evaluate} without {@code --distributor} writes, and {@code replay} ends with. Rows are
   * formatted on every core, a few chunks ahead of the writer.
   */
  static void writeAll(Evaluation e, Format f, java.io.Writer w, Progress progress,
      Locale locale) throws java.io.IOException {
    switch (f) {
      case json -> ResultsJson.writeAll(e, w, progress, locale);
      case text -> w.write(summary(e, locale));
      case csv, html -> ResultsCsv.write(e, w, progress, locale);
    }
  }

  /**
   * How many distributors are paid as each rank, in the language of {@code locale}: the plan,
   * the period and the as-of time, the counts of the organisation, then a line per rank.
   */
  static String summary(Evaluation e, Locale locale) {
    CliTexts t = new CliTexts(locale);
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append(t.get("summary.head", e.plan().name(), e.plan().version(), t.period(e.period()),
        t.instant(e.asOf(), e.plan().zone()))).append(nl);
    sb.append(t.get("summary.counts", e.organisation().distributorCount(),
        e.organisation().customerCount(), e.organisation().orderCount())).append(nl);
    sb.append(nl).append(t.get("summary.paidAs")).append(nl);
    int width = e.plan().ranks().stream().mapToInt(r -> r.code().length() + r.name().length())
        .max().orElse(0) + 3;
    for (Map.Entry<Rank, Integer> c : e.paidAsCounts().entrySet()) {
      String label = c.getKey().code() + " " + c.getKey().name();
      sb.append(String.format(t.locale(), "  %-" + width + "s %,12d", label, c.getValue()))
          .append(nl);
    }
    return sb.toString();
  }
}
