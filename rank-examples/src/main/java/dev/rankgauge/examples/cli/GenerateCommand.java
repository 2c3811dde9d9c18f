package dev.rankgauge.examples.cli;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.examples.csv.Generator;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.HistoryFiles;
import dev.rankgauge.io.Progress;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code generate}: a synthetic organisation in the CSV format. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes a synthetic organisation as distributors.csv, customers.csv and"
        + " orders.csv: most distributors sponsor nobody, a few sponsor hundreds, some lines run"
        + " thousands deep, and 40 to 50%% reach 100 PV. The same size and seed give the same"
        + " files.",
        "With --months N, the orders of N months ending with --period: the organisation grows"
            + " about 2%% a month, each distributor keeps a buying habit, some stop buying, and"
            + " November and December sell more. With --plan and --history, every month before"
            + " the last is also closed into the history folder, as close would.",
        "With --placements binary or matrix:W, distributors.csv also places everyone below their"
            + " sponsor, spilling over as a host would, for the binary, hybrid and matrix plans."})
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Option(names = "--distributors", required = true, paramLabel = "N",
      description = "How many distributors (customers and orders follow from it).")
  int distributors;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Any number; the same seed gives the same organisation. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--period", paramLabel = "MONTH", defaultValue = "2026-11",
      converter = MonthConverter.class,
      description = "The month the orders fall in (a few fall in the two months before); with"
          + " --months, the last month. Default: ${DEFAULT-VALUE}.")
  YearMonth month;

  @Option(names = "--months", paramLabel = "N", defaultValue = "1",
      description = "How many months of orders, ending with --period: 1 to 120."
          + " Default: ${DEFAULT-VALUE}.")
  int months;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "With --history: the plan the months before the last are closed with (a plan"
          + " file or a bundled plan's name).")
  String plan;

  @Option(names = "--history", paramLabel = "DIR",
      description = "Close every month before the last into this folder (PERIOD.csv files, as"
          + " close writes them), so that evaluate --history DIR --period LAST reads them. Needs"
          + " --plan and --months of 2 or more; the folder must hold no period yet.")
  Path history;

  @Option(names = "--placements", paramLabel = "TREE", converter = TreeConverter.class,
      description = "Also write a placement tree: binary (each sponsor's distributors alternately"
          + " to their weaker and other leg, at its outermost free position) or matrix:W for a"
          + " matrix of width W, 2 to 100 (the first free position breadth-first below the"
          + " sponsor). Default: none.")
  int placements;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write the three files to; created if missing.")
  Path out;

  /** {@code binary} or {@code matrix:W}: the placement tree's width. */
  static final class TreeConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.equals("binary")) {
        return 2;
      }
      if (v.startsWith("matrix:")) {
        try {
          int w = Integer.parseInt(v.substring("matrix:".length()));
          if (w >= 2 && w <= dev.rankgauge.Placement.MAX_POSITION) {
            return w;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      throw BadValue.of("value.tree", value,
          String.valueOf(dev.rankgauge.Placement.MAX_POSITION));
    }
  }

  /** A month such as {@code 2026-11}, within the dates an evaluation supports. */
  static final class MonthConverter implements ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
      YearMonth m;
      try {
        m = YearMonth.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw BadValue.of("value.month", value);
      }
      // Orders fall in the month and the two before it.
      YearMonth first = YearMonth.from(Period.MIN_DATE).plusMonths(2);
      YearMonth last = YearMonth.from(Period.MAX_DATE);
      if (m.isBefore(first) || m.isAfter(last)) {
        throw BadValue.of("value.monthRange", value, first.toString(), last.toString());
      }
      return m;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (distributors < 1) {
      throw Usage.of("generate.distributors", String.valueOf(distributors));
    }
    if (months < 1 || months > Generator.MAX_MONTHS) {
      throw Usage.of("generate.months", String.valueOf(Generator.MAX_MONTHS),
          String.valueOf(months));
    }
    YearMonth first = month.minusMonths(months - 1L);
    YearMonth earliest = YearMonth.from(Period.MIN_DATE).plusMonths(2);
    if (first.isBefore(earliest)) {
      throw Usage.of("generate.tooEarly", String.valueOf(months), month.toString(),
          first.toString(), earliest.toString());
    }
    if ((plan == null) != (history == null)) {
      throw Usage.of(plan == null ? "generate.historyNeedsPlan" : "generate.planNeedsHistory");
    }
    if (history != null && months < 2) {
      throw Usage.of("generate.historyNeedsMonths");
    }
    CompPlan p = plan == null ? null : cli.plan(plan);
    if (history != null && Files.isDirectory(history)
        && !HistoryFiles.read(history, p).isEmpty()) {
      throw Failure.of("generate.historyNotEmpty", history.toString());
    }
    Progress progress = Progress.to(spec.commandLine().getErr(), cli.locale());
    Generator.generate(distributors, seed, month, months, placements, out, progress);
    progress.step(new CliTexts(progress.locale()).get("progress.generated", distributors,
        out.toString()));
    if (history != null) {
      close(p, first, progress);
    }
    return 0;
  }

  /**
   * Closes every month from {@code first} to the one before the last, in order, each evaluated
   * with the months closed before it. The files are those {@code close} writes; they are written
   * here rather than through {@link HistoryFiles#append}, which reads the whole folder back to
   * check the order on every call, since this run makes the folder's history itself.
   */
  private void close(CompPlan p, YearMonth first, Progress progress) throws IOException {
    Organisation org = CsvOrganisation.read(out, p, progress);
    Files.createDirectories(history);
    History h = History.empty();
    for (YearMonth m = first; m.isBefore(month); m = m.plusMonths(1)) {
      Period period = Period.month(m);
      Evaluation e = RankGauge.evaluate(org, p, period, period.endInstant(p.zone()), h);
      h = e.close();
      String name = HistoryFiles.label(period) + "." + HistoryFiles.Format.CSV.extension();
      Path tmp = history.resolve("." + name + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          HistoryFiles.writeCsv(h.records(period), w);
        }
        Files.move(tmp, history.resolve(name));
      } finally {
        Files.deleteIfExists(tmp);
      }
      progress.step(new CliTexts(progress.locale()).get("progress.closedInto",
          HistoryFiles.label(period), history.toString()));
    }
  }
}
