package dev.rankgauge.examples.cli;

import dev.rankgauge.Period;
import dev.rankgauge.examples.csv.Generator;
import dev.rankgauge.io.Progress;
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
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
      converter = MonthConverter.class,
      description = "The month the orders fall in (a few fall in the two months before)."
          + " Default: ${DEFAULT-VALUE}.")
  YearMonth month;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to write the three files to; created if missing.")
  Path out;

  /** A month such as {@code 2026-11}, within the dates an evaluation supports. */
  static final class MonthConverter implements ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
      YearMonth m;
      try {
        m = YearMonth.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a month such as 2026-11");
      }
      // Orders fall in the month and the two before it.
      YearMonth first = YearMonth.from(Period.MIN_DATE).plusMonths(2);
      YearMonth last = YearMonth.from(Period.MAX_DATE);
      if (m.isBefore(first) || m.isAfter(last)) {
        throw new TypeConversionException("'" + value + "' is outside the supported months "
            + first + " to " + last);
      }
      return m;
    }
  }

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
