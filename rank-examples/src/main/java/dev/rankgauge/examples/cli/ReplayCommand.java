package dev.rankgauge.examples.cli;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.LiveUpdate;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: orders applied one by one to a live evaluation of the data, printing each
 * paid-as rank change as it happens, then every distributor's results, which are those
 * {@code evaluate} gives on the data with the orders added.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {
        "Replays a file of orders (the orders.csv format) in time order on top of the data,"
            + " printing each paid-as rank change as it happens (date, distributor, before ->"
            + " after, the order that did it).",
        "Ends with every distributor's results (csv by default, json or a text summary):"
            + " exactly what evaluate gives on the data with the orders added."})
final class ReplayCommand implements Callable<Integer> {
  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--events", required = true, paramLabel = "FILE",
      description = "The orders to replay, in the orders.csv format; applied in time order (rows"
          + " with the same time in file order). Their buyers must be in the data.")
  Path events;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "The results at the end: csv (the default), json or text.")
  EvaluateCommand.Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the results at the end to this file (complete or not at all); the"
          + " rank changes still go to stdout.")
  Path out;

  @Override
  public Integer call() throws Exception {
    EvaluateCommand.Format f = format != null ? format : EvaluateCommand.Format.csv;
    if (f == EvaluateCommand.Format.html) {
      throw Usage.of("replay.html");
    }
    if (!Files.isRegularFile(events)) {
      throw Usage.of("notAFile", "--events", events.toString());
    }
    List<Path> files = new ArrayList<>(inputs.files(cli));
    files.add(events);
    Output.check(out, files);
    PrintWriter stdout = spec.commandLine().getOut();
    Progress progress = Progress.to(spec.commandLine().getErr(), cli.locale());
    // as evaluate does, with --history and --as-of, then live from there
    Evaluation start = inputs.evaluate(cli, progress);
    CompPlan plan = start.plan();
    Organisation org = start.organisation();
    List<Order> orders = readEvents(inputs.data, events, plan, progress);
    LiveEvaluation live = LiveEvaluation.start(start);
    CliTexts texts = new CliTexts(cli.locale());
    progress.step(texts.get("replay.evaluated", org.distributorCount(), orders.size()));
    DateTimeFormatter when = DateTimeFormatter.ofPattern(texts.get("replay.when"),
        cli.locale()).withZone(plan.zone());
    int changes = 0;
    for (Order o : orders) {
      LiveUpdate u = live.apply(new LiveEvent.OrderPlaced(o));
      for (LiveUpdate.RankChange c : u.rankChanges()) {
        stdout.println(texts.get("replay.change", when.format(o.timestamp()), c.distributorId(),
            c.before().name(), c.after().name(), o.id(), o.buyerId()));
        changes++;
      }
      stdout.flush();
    }
    progress.step(texts.get("replay.replayed", orders.size(), changes));
    Evaluation e = live.snapshot();
    EvaluateCommand.writeAll(out, stdout, files, e, f, progress, cli.locale());
    return 0;
  }

  /**
   * The orders of the events file in time order, read and checked like the data's orders.csv
   * (against the data's distributors and customers), with problems located in the events file.
   */
  static List<Order> readEvents(Path data, Path events, CompPlan plan, Progress progress)
      throws IOException {
    List<Order> orders = new ArrayList<>(readOrders(data, events, plan, progress));
    orders.sort(Comparator.comparing(Order::timestamp));
    return orders;
  }

  /**
   * The orders of a file in the orders.csv format, in file order, read and checked like the
   * data's orders.csv (against the data's distributors and customers), with problems located in
   * that file.
   */
  static List<Order> readOrders(Path data, Path events, CompPlan plan, Progress progress)
      throws IOException {
    Path dir = Files.createTempDirectory("rankgauge-replay");
    try {
      link(dir.resolve(CsvOrganisation.DISTRIBUTORS), data.resolve(CsvOrganisation.DISTRIBUTORS));
      link(dir.resolve(CsvOrganisation.CUSTOMERS), data.resolve(CsvOrganisation.CUSTOMERS));
      link(dir.resolve(CsvOrganisation.ORDERS), events);
      Organisation withEvents;
      try {
        withEvents = CsvOrganisation.read(dir, plan, progress);
      } catch (ValidationException e) {
        List<Problem> located = new ArrayList<>();
        for (Problem p : e.problems()) {
          String at = p.location();
          located.add(at.startsWith(CsvOrganisation.ORDERS)
              ? p.at(events + at.substring(CsvOrganisation.ORDERS.length())) : p);
        }
        throw new ValidationException(dev.rankgauge.examples.ExampleProblems.BUNDLE,
            Problem.Part.of("input.events", events.toString()), located);
      }
      return withEvents.orders();
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /** A symbolic link where the file system has them, else a copy. */
  private static void link(Path link, Path target) throws IOException {
    try {
      Files.createSymbolicLink(link, target.toAbsolutePath());
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(target, link);
    }
  }
}
