package dev.rankgauge.examples.cli;

import dev.rankgauge.CompPlan;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.HistoryFiles;
import dev.rankgauge.io.Instants;
import dev.rankgauge.io.OverridesCsv;
import dev.rankgauge.io.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The inputs of {@code evaluate} and {@code explain}: a plan, a data folder, a period. */
final class Inputs {
  @Option(names = "--plan", required = true, paramLabel = "FILE",
      description = "The plan: a JSON plan file, or the name of a bundled plan"
          + " (seed, doterra, young-living, scentsy, binary, hybrid, matrix, ...).")
  String plan;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The folder holding distributors.csv, customers.csv and orders.csv.")
  Path data;

  @Option(names = "--period", required = true, paramLabel = "PERIOD",
      converter = PeriodConverter.class,
      description = "The period: a month (2026-11) or a range of days (2026-11-02..2026-11-08).")
  Period period;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "Count only orders before this instant (2026-11-27T16:00:00Z), or date-time or"
          + " date in the plan's time zone. Default: the end of the period.")
  String asOf;

  @Option(names = "--history", paramLabel = "DIR",
      description = "A folder of closed periods (PERIOD.csv or PERIOD.jsonl files, as close writes"
          + " them): title ranks and rank hold carry over from the periods before --period.")
  Path history;

  @Option(names = "--overrides", paramLabel = "FILE",
      description = "Overrides granted for the period, a CSV file (distributor_id,override,rank,"
          + "requirement): minimum_rank, waive (a rank's requirement by number), not_compressed,"
          + " active. Each is named in the results, the trace and the closed period.")
  Path overrides;

  /** Loads the plan, reads the data and evaluates, reporting progress. */
  Evaluation evaluate(RankGaugeCli cli, Progress progress) throws IOException {
    return evaluate(cli, progress, false, CsvOrganisation.Contacts.ALL);
  }

  /**
   * The result of distributor {@code id} in {@code e}, or the located usage failure
   * {@code noDistributor} naming the id, the data folder and how many distributors it holds.
   */
  DistributorResult find(Evaluation e, String id) {
    return e.find(id).orElseThrow(() -> Failure.of("noDistributor", id, data.toString(),
        e.organisation().distributorCount()));
  }

  /**
   * Loads the plan, reads the data and the history before the period, and evaluates, reporting
   * progress.
   *
   * @param newHistory whether a missing {@code --history} folder stands for no history (for
   *     {@code close}, which creates it) rather than a mistake
   * @param contacts the contact details of the people that the command's output shows
   */
  Evaluation evaluate(RankGaugeCli cli, Progress progress, boolean newHistory,
      CsvOrganisation.Contacts contacts) throws IOException {
    Memory.forget();
    CompPlan p = cli.plan(plan);
    CliTexts texts = new CliTexts(progress.locale());
    if (!cli.readsAhead(progress)) {
      // Not with the data read ahead, whose rows are counted on this progress from the start,
      // the plan loading meanwhile: its read is timed from the run's start.
      progress.step(texts.get("progress.loadedPlan", p.name()));
    }
    Instant until = until(p);
    Memory.reading(data, contacts);
    Organisation org = cli.organisation(data, p, progress, contacts);
    History before = History.empty();
    if (history != null) {
      if (Files.isDirectory(history)) {
        before = HistoryFiles.read(history, p).before(period);
        progress.step(texts.get("progress.readHistory", before.periods().size(),
            history.toString()));
      } else if (!newHistory || Files.exists(history)) {
        throw Failure.of("history.noFolder", history.toString());
      }
    }
    Overrides granted = Overrides.none();
    if (overrides != null) {
      if (!Files.isRegularFile(overrides)) {
        throw Failure.of("overrides.noFile", overrides.toString());
      }
      granted = OverridesCsv.read(overrides, org, p);
      progress.step(texts.get("progress.readOverrides", granted.entries().size(),
          overrides.toString()));
    }
    Evaluation e = RankGauge.evaluate(org, p, period, until, before, granted);
    progress.step(texts.get("progress.evaluated", org.distributorCount()));
    return e;
  }

  /** The as-of instant asked for, or the end of the period. */
  Instant until(CompPlan p) {
    return asOf == null ? period.endInstant(p.zone()) : asOf(p);
  }

  /** The files this run reads, which {@code --out} may not replace. */
  List<Path> files(RankGaugeCli cli) {
    List<Path> files = new ArrayList<>();
    cli.planFile(plan).ifPresent(files::add);
    files.add(data.resolve(CsvOrganisation.DISTRIBUTORS));
    files.add(data.resolve(CsvOrganisation.CUSTOMERS));
    files.add(data.resolve(CsvOrganisation.ORDERS));
    if (overrides != null) {
      files.add(overrides);
    }
    if (history != null && Files.isDirectory(history)) {
      try (Stream<Path> periods = Files.list(history)) {
        periods.forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private Instant asOf(CompPlan p) {
    Instant i;
    try {
      i = asOf.isBlank() ? null : new Instants(p.zone()).parse(asOf.strip());
    } catch (RuntimeException e) {
      i = null;
    }
    if (i == null) {
      throw Usage.of("asOf.bad", asOf);
    }
    if (i.isBefore(RankGauge.MIN_AS_OF) || i.isAfter(RankGauge.MAX_AS_OF)) {
      throw Usage.of("asOf.range", asOf, RankGauge.MIN_AS_OF.toString(),
          RankGauge.MAX_AS_OF.toString());
    }
    return i;
  }

  /** {@code 2026-11} or {@code 2026-11-02..2026-11-08}. */
  static final class PeriodConverter implements ITypeConverter<Period> {
    @Override
    public Period convert(String value) {
      try {
        int dots = value.indexOf("..");
        if (dots >= 0) {
          return new Period(LocalDate.parse(value.substring(0, dots).strip()),
              LocalDate.parse(value.substring(dots + 2).strip()), Period.State.OPEN);
        }
        return Period.month(YearMonth.parse(value.strip()));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        // The core's own reason for dates it refuses (an end before the start), as it is.
        throw e instanceof IllegalArgumentException ? BadValue.of("value.periodWhy", value,
            String.valueOf(e.getMessage())) : BadValue.of("value.period", value);
      }
    }
  }
}
