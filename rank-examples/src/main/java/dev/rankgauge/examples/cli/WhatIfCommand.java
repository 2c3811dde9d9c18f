package dev.rankgauge.examples.cli;

import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.WhatIf;
import dev.rankgauge.examples.ExampleProblems;
import dev.rankgauge.io.Progress;
import dev.rankgauge.io.WhatIfResults;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code what-if}: the data evaluated with extra orders added and orders taken out, without
 * changing it, and the difference per distributor.
 */
@Command(name = "what-if", mixinStandardHelpOptions = true,
    description = {
        "Evaluates the period as evaluate does, then again with the orders of --add added (the"
            + " orders.csv format: paid orders, returns, cancelled rows) and the orders of"
            + " --remove taken out, without changing the data, and prints every distributor whose"
            + " standing differs: paid-as, qualified-as and title rank, grace left, activity and"
            + " the four gauges with the rank each reaches, before -> after.",
        "text (the default), csv (id,name,field,before,after: a row per field that differs) or"
            + " json (JSON Lines: a line per distributor, before and after in full)."})
final class WhatIfCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, csv, json }

  @ParentCommand
  RankGaugeCli cli;

  @Spec
  CommandSpec spec;

  @Mixin
  Inputs inputs;

  @Option(names = "--add", paramLabel = "FILE",
      description = "Orders to add, in the orders.csv format; their ids must be new and their"
          + " buyers in the data.")
  Path add;

  @Option(names = "--remove", paramLabel = "FILE",
      description = "Orders to take out: a CSV file with a column id (or order_id), one order id"
          + " a row; each a paid order of the data without returns.")
  Path remove;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (the default), csv or json.")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to this file (complete or not at all) instead of stdout.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (add == null && remove == null) {
      throw Usage.of("whatIf.needsFiles");
    }
    for (Path p : new Path[] {add, remove}) {
      if (p != null && !Files.isRegularFile(p)) {
        throw Usage.of("notAFile", p == add ? "--add" : "--remove", p.toString());
      }
    }
    List<Path> files = new ArrayList<>(inputs.files(cli));
    if (add != null) {
      files.add(add);
    }
    if (remove != null) {
      files.add(remove);
    }
    Output.check(out, files);
    Progress progress = Progress.to(spec.commandLine().getErr(), cli.locale());
    Evaluation before = inputs.evaluate(cli, progress);
    Organisation org = before.organisation();
    Map<String, OrderStatus> statuses = new HashMap<>();
    for (Order o : org.orders()) {
      statuses.put(o.id(), o.status());
    }
    List<LiveEvent> added = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (add != null) {
      List<Order> orders = ReplayCommand.readOrders(inputs.data, add, before.plan(), progress);
      for (int i = 0; i < orders.size(); i++) {
        Order o = orders.get(i);
        if (statuses.containsKey(o.id())) {
          // Data row i of the file is on line i + 2: the header is line 1.
          problems.add(ExampleProblems.at(add + ":" + (i + 2) + ":1", "whatIf.idTaken", o.id()));
        }
        added.add(new LiveEvent.OrderPlaced(o));
      }
    }
    List<String> removed = remove == null ? List.of() : readRemoved(statuses, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(ExampleProblems.BUNDLE,
          add != null && remove != null
              ? Problem.Part.of("input.whatIfOrdersIn2", add.toString(), remove.toString())
              : Problem.Part.of("input.whatIfOrdersIn", String.valueOf(add != null ? add : remove)),
          problems);
    }
    WhatIf w = WhatIf.of(before, added, removed);
    progress.step(new CliTexts(cli.locale()).get("progress.whatIf", added.size(), removed.size(),
        w.changes().size(), w.rankChanges().size()));
    Output.write(out, spec.commandLine().getOut(), files, o -> {
      switch (format) {
        case csv -> WhatIfResults.writeCsv(w, o);
        case json -> WhatIfResults.writeJsonLines(w, o);
        case text -> text(w, added.size(), removed.size(), o, new CliTexts(cli.locale()));
      }
    });
    return 0;
  }

  /**
   * The ids of {@code --remove}, each checked against the data: located problems for a blank id,
   * an id twice, an order the data does not have, or one that cannot be taken out.
   */
  private List<String> readRemoved(Map<String, OrderStatus> statuses, List<Problem> problems)
      throws IOException {
    List<String> ids = new ArrayList<>();
    // The line the parser reached, for a file that stops being CSV part of the way through.
    long[] line = {1};
    try (Reader r = new java.io.InputStreamReader(Files.newInputStream(remove),
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setAllowMissingColumnNames(true).get().parse(r)) {
      readRemoved(p, line, statuses, problems, ids);
    } catch (java.nio.charset.CharacterCodingException e) {
      problems.add(ExampleProblems.at(remove + ":" + line[0], "whatIf.notUtf8"));
    } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      // commons-csv: an unterminated quote, text after a closing quote, a bad header
      Throwable why = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
      if (why instanceof java.nio.charset.CharacterCodingException) {
        problems.add(ExampleProblems.at(remove + ":" + line[0], "whatIf.notUtf8"));
      } else {
        problems.add(ExampleProblems.at(remove + ":" + line[0], "whatIf.notCsv",
            String.valueOf(why.getMessage())));
      }
    }
    return ids;
  }

  private void readRemoved(CSVParser p, long[] line, Map<String, OrderStatus> statuses,
      List<Problem> problems, List<String> ids) {
    Map<String, Long> seen = new HashMap<>();
    String column = p.getHeaderNames().stream().filter(h -> h.strip().equalsIgnoreCase("id")
        || h.strip().equalsIgnoreCase("order_id")).findFirst().orElse(null);
    if (column == null) {
      problems.add(ExampleProblems.at(remove + ":1:1", "whatIf.noIdColumn",
          String.valueOf(p.getHeaderNames())));
      return;
    }
    int col = p.getHeaderNames().indexOf(column) + 1;
    line[0] = p.getCurrentLineNumber() + 1;
    for (java.util.Iterator<CSVRecord> it = p.iterator(); it.hasNext(); ) {
      CSVRecord rec = it.next();
      line[0] = p.getCurrentLineNumber() + 1;
      String at = remove + ":" + p.getCurrentLineNumber() + ":" + col;
      String id = rec.isSet(column) ? rec.get(column).strip() : "";
      if (id.isEmpty()) {
        problems.add(ExampleProblems.at(at, "whatIf.blankId"));
        continue;
      }
      Long first = seen.putIfAbsent(id, p.getCurrentLineNumber());
      if (first != null) {
        problems.add(ExampleProblems.at(at, "whatIf.idAgain", id, first));
        continue;
      }
      OrderStatus status = statuses.get(id);
      if (status == null) {
        problems.add(ExampleProblems.at(at, "whatIf.unknownOrder", id));
      } else if (status != OrderStatus.PAID) {
        problems.add(ExampleProblems.at(at, "whatIf.notPaid", id,
            status.name().toLowerCase(Locale.ROOT)));
      } else {
        ids.add(id);
      }
    }
  }

  /** The differences in words, a paragraph per distributor, in the language of {@code t}. */
  private static void text(WhatIf w, int added, int removed, Writer o, CliTexts t)
      throws IOException {
    Evaluation e = w.after();
    StringBuilder sb = new StringBuilder();
    sb.append(t.get("whatIf.head", added, removed, e.plan().name(), t.period(e.period())))
        .append('\n');
    if (w.isEmpty()) {
      sb.append(t.get("whatIf.none")).append('\n');
    }
    for (WhatIf.Change c : w.changes()) {
      WhatIf.Standing a = c.after();
      sb.append('\n').append(t.get(c.joined() ? "whatIf.joined" : "whatIf.who",
          c.distributorId(), e.table().name(e.table().row(c.distributorId())))).append('\n');
      WhatIf.Standing b = c.before().orElse(null);
      rank(sb, t, "whatIf.paidAs", b == null ? null : b.paidAs(), a.paidAs());
      // The rank qualified for is the paid-as rank unless a rank hold keeps it: said only then.
      if (!a.qualifiedAs().equals(a.paidAs()) || b != null && !b.qualifiedAs().equals(b.paidAs())) {
        rank(sb, t, "whatIf.qualifiedAs", b == null ? null : b.qualifiedAs(), a.qualifiedAs());
      }
      rank(sb, t, "whatIf.title", b == null ? null : b.title(), a.title());
      if (b == null || b.periodsLeft() != a.periodsLeft()) {
        line(sb, t, t.get("whatIf.graceLeft"), b == null ? "-" : String.valueOf(b.periodsLeft()),
            String.valueOf(a.periodsLeft()));
      }
      if (b == null || b.active() != a.active()) {
        line(sb, t, t.get("whatIf.active"), b == null ? "-" : yesNo(t, b.active()),
            yesNo(t, a.active()));
      }
      for (Metric m : c.movedGauges()) {
        String what = m.label(t.locale()).toLowerCase(Locale.ROOT);
        String before = b == null ? "-" : t.number(b.gauge(m));
        String after = t.number(a.gauge(m));
        if (b != null && !b.gaugeRanks().get(m).equals(a.gaugeRanks().get(m))) {
          sb.append("  ").append(t.get("whatIf.changeReaches", what, before, after,
              b.gaugeRanks().get(m).code(), a.gaugeRanks().get(m).code())).append('\n');
        } else {
          line(sb, t, what, before, after);
        }
      }
    }
    sb.append('\n').append(t.get("whatIf.total", w.changes().size(), w.rankChanges().size()))
        .append('\n');
    o.write(sb.toString());
  }

  private static String yesNo(CliTexts t, boolean yes) {
    return t.get(yes ? "whatIf.yes" : "whatIf.no");
  }

  /** A line of a distributor's paragraph: what changed, before and after. */
  private static void line(StringBuilder sb, CliTexts t, String what, String before,
      String after) {
    sb.append("  ").append(t.get("whatIf.change", what, before, after)).append('\n');
  }

  private static void rank(StringBuilder sb, CliTexts t, String what, dev.rankgauge.Rank before,
      dev.rankgauge.Rank after) {
    if (before == null || !before.equals(after)) {
      line(sb, t, t.get(what), before == null ? "-" : t.get("whatIf.rank", before.name(),
          before.code()), t.get("whatIf.rank", after.name(), after.code()));
    }
  }
}
