package dev.rankgauge.io;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The overrides granted for a period, as a CSV file with a header: one override per row.
 *
 * <pre>
 * distributor_id,override,rank,requirement
 * D100,minimum_rank,GLD,
 * D101,waive,GLD,2
 * D102,not_compressed,,
 * D103,active,,
 * </pre>
 *
 * <ul>
 *   <li>{@code minimum_rank}: paid as at least {@code rank};
 *   <li>{@code waive}: requirement number {@code requirement} (from 1, in the plan's order) of
 *       {@code rank} counts as met;
 *   <li>{@code not_compressed}: kept out of compression even when inactive;
 *   <li>{@code active}: counted as active whatever the activity rule says.
 * </ul>
 *
 * <p>Columns are matched ignoring case, in any order; {@code rank} and {@code requirement} may be
 * left out of a file that does not need them, and other columns (a note, who granted it) are
 * passed over. Every problem is reported with its {@code file:line:column}, all at once: a value
 * that does not parse, and (given the organisation and plan) a distributor, rank or requirement
 * that does not exist or an override given twice.
 *
 * <p>Thread-safe: the methods keep no state between calls.
 */
public final class OverridesCsv {
  /** The columns, in the order {@link #write} writes them. */
  public static final List<String> COLUMNS = List.of("distributor_id", "override", "rank",
      "requirement");

  /** The override kinds, as the {@code override} column names them. */
  public static final List<String> KINDS = List.of("minimum_rank", "waive", "not_compressed",
      "active");

  private OverridesCsv() {}

  /**
   * Reads the file and checks it against the organisation and plan it is for.
   *
   * @param file the CSV file
   * @param organisation the organisation evaluated
   * @param plan the plan evaluated
   * @return the overrides, in the file's order
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if the file cannot be read
   * @throws ValidationException listing every problem with its {@code file:line:column}
   */
  public static Overrides read(Path file, Organisation organisation, CompPlan plan)
      throws IOException {
    List<String[]> where = new ArrayList<>();
    Overrides overrides = read(file, where);
    try {
      overrides.check(organisation, plan);
    } catch (ValidationException e) {
      List<Problem> located = new ArrayList<>();
      for (Problem p : e.problems()) {
        located.add(locate(p, where));
      }
      throw new ValidationException(IoProblems.BUNDLE, Problem.Part.of("input.overrides", file.toString()), located);
    }
    return overrides;
  }

  /**
   * Reads the file, checking its values but not whom or what they name.
   *
   * @param file the CSV file
   * @return the overrides, in the file's order
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws IOException if the file cannot be read
   * @throws ValidationException listing every problem with its {@code file:line:column}
   */
  public static Overrides read(Path file) throws IOException {
    return read(file, new ArrayList<>());
  }

  /** Where each column of each override is: distributor, row, rank, requirement. */
  private static Problem locate(Problem p, List<String[]> where) {
    Subject s = p.subject();
    if (s.kind() != Subject.Kind.OVERRIDE || s.index() < 0 || s.index() >= where.size()) {
      return p;
    }
    String[] at = where.get(s.index());
    String loc = switch (s.field()) {
      case "distributorId" -> at[0];
      case "rank" -> at[2];
      case "requirement" -> at[3];
      default -> at[1];
    };
    return p.at(loc);
  }

  private static Overrides read(Path file, List<String[]> where) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    String name = file.getFileName().toString();
    List<Problem> problems = new ArrayList<>();
    Consumer<Problem> sink = problems::add;
    Overrides.Builder b = Overrides.builder();
    try (CsvTable t = CsvTable.open(dir, name, COLUMNS.subList(0, 2), sink)) {
      if (!t.broken()) {
        int id = t.column("distributor_id");
        int kind = t.column("override");
        int rank = t.column("rank");
        int req = t.column("requirement");
        while (problems.size() < HistoryFiles.MAX_PROBLEMS && t.next(sink)) {
          int before = problems.size();
          String d = t.get(id).strip();
          String k = t.get(kind).strip();
          String r = t.get(rank).strip();
          String q = t.get(req).strip();
          String rankAt = rank < 0 ? name + ":" + t.line() : t.where(rank);
          String reqAt = req < 0 ? name + ":" + t.line() : t.where(req);
          if (d.isEmpty()) {
            problems.add(IoProblems.at(t.where(id), "overrides.emptyDistributor"));
          }
          int number = 0;
          switch (k) {
            case "minimum_rank" -> {
              need(r, "rank", rankAt, k, problems);
              none(q, "requirement", reqAt, k, problems);
            }
            case "waive" -> {
              need(r, "rank", rankAt, k, problems);
              if (q.matches("[1-9][0-9]{0,8}")) {
                number = Integer.parseInt(q);
              } else {
                problems.add(q.isEmpty() ? IoProblems.at(reqAt, "overrides.noRequirement")
                    : IoProblems.at(reqAt, "overrides.requirement", q));
              }
            }
            case "not_compressed", "active" -> {
              none(r, "rank", rankAt, k, problems);
              none(q, "requirement", reqAt, k, problems);
            }
            default -> problems.add(IoProblems.at(t.where(kind), "overrides.kind", k, KINDS));
          }
          if (problems.size() > before) {
            continue;
          }
          switch (k) {
            case "minimum_rank" -> b.minimumRank(d, r);
            case "waive" -> b.waive(d, r, number);
            case "not_compressed" -> b.notCompressed(d);
            default -> b.countAsActive(d);
          }
          where.add(new String[] {t.where(id), t.where(kind), rankAt, reqAt});
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(IoProblems.BUNDLE, Problem.Part.of("input.overrides", file.toString()), problems.subList(0,
          Math.min(problems.size(), HistoryFiles.MAX_PROBLEMS)));
    }
    return b.build();
  }

  private static void need(String value, String column, String at, String kind,
      List<Problem> problems) {
    if (value.isEmpty()) {
      problems.add(IoProblems.at(at, "overrides.needs", column, kind));
    }
  }

  private static void none(String value, String column, String at, String kind,
      List<Problem> problems) {
    if (!value.isEmpty()) {
      problems.add(IoProblems.at(at, "overrides.takesNone", column, value, kind));
    }
  }

  /**
   * Writes overrides in this format.
   *
   * @param overrides the overrides
   * @param out where the CSV goes; flushed, not closed
   * @throws IOException if writing fails
   */
  public static void write(Overrides overrides, java.io.Writer out) throws IOException {
    out.write(String.join(",", COLUMNS));
    out.write('\n');
    for (Overrides.Entry e : overrides.entries()) {
      String[] words = e.code().split(" ");
      StringBuilder sb = new StringBuilder();
      sb.append(quoted(e.distributorId())).append(',').append(words[0]).append(',')
          .append(words.length > 1 ? quoted(words[1]) : "").append(',')
          .append(words.length > 2 ? words[2] : "").append('\n');
      out.write(sb.toString());
    }
    out.flush();
  }

  private static String quoted(String v) {
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0 || !v.equals(v.strip());
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
