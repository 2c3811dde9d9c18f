package dev.rankgauge.io;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A {@link History} kept as a folder of files, one per closed period, named after the period:
 * {@code 2026-11.csv} (CSV with a header, {@link #COLUMNS}) or {@code 2026-11.jsonl} (JSON Lines,
 * one object per record with the fields of {@link PeriodRecord}). {@link #append} adds the file of
 * a period an evaluation closes; {@link #read} reads every period file back, checking each
 * record's rank codes against the plan and naming the file and line of every problem.
 *
 * <p>The personal volume of a type other than the qualifying one
 * ({@link PeriodRecord#personalVolumes()}, kept for each type the plan's requirements read) is a
 * column {@code personal_volume_bv} after {@link #COLUMNS} ({@link #PERSONAL_VOLUME} and the type
 * in lower case), or in JSON Lines a field {@code "personalVolumes": {"BV": 700}}. A file without
 * them, such as one written before histories kept other types, reads as records holding none; an
 * evaluation whose {@code accumulatedVolume} of such a type reads that period refuses it, naming
 * the period.
 *
 * <p>Closing the same period twice, a period before the last one closed, or one that leaves a gap
 * is refused, and a period's file is written under a temporary name and moved into place when
 * complete, so a failed close leaves no file behind. Numbers are exact decimals, written plain.
 *
 * <p>Thread-safe: the methods keep no state between calls; two processes appending to one folder
 * at once are not guarded against.
 */
public final class HistoryFiles {
  /**
   * The columns of a period's CSV file, in order. The last, {@code overrides_applied}, holds the
   * overrides applied to the distributor in their short form ({@code minimum_rank SLV},
   * {@code waive GLD 2}, {@code not_compressed}, {@code active}), separated by {@code "; "}, and
   * is empty for none; a file written before it existed may lack it.
   */
  public static final List<String> COLUMNS = List.of("period", "distributor_id", "paid_as",
      "qualified_as", "title", "personal_sales", "group_sales", "active_personal_customers",
      "active_personal_distributors", "periods_held", "overrides_applied");

  /**
   * The start of the name of a column of a type's personal volume, after {@link #COLUMNS}:
   * {@code personal_volume_bv} holds BV ({@link PeriodRecord#personalVolumes()}); the type is
   * matched to the plan's volume types whatever its case.
   */
  public static final String PERSONAL_VOLUME = "personal_volume_";

  /** The columns every period CSV file must have: all but {@code overrides_applied}. */
  private static final List<String> REQUIRED = COLUMNS.subList(0, COLUMNS.size() - 1);

  /** At most this many problems are reported, then reading stops. */
  public static final int MAX_PROBLEMS = 1000;

  private static final String[] JSON_FIELDS = {"period", "distributorId", "paidAs",
      "qualifiedAs", "title", "personalSales", "groupSales", "activePersonalCustomers",
      "activePersonalDistributors", "periodsHeld", "overridesApplied", "personalVolumes"};

  /**
   * The fields every JSON line must have: all but {@code overridesApplied}, an array of text, and
   * {@code personalVolumes}, an object of volumes by type.
   */
  private static final int REQUIRED_FIELDS = JSON_FIELDS.length - 2;

  /** The index of {@code personalVolumes} in {@link #JSON_FIELDS}. */
  private static final int TYPED_FIELD = JSON_FIELDS.length - 1;

  /** The overrides applied, as one CSV cell. */
  private static final String SEPARATOR = "; ";

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  /** How a period's file is written. */
  public enum Format {
    /** {@code PERIOD.csv}: a header line, then one row per distributor. */
    CSV("csv"),
    /** {@code PERIOD.jsonl}: one JSON object per line, one line per distributor. */
    JSON_LINES("jsonl");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    /** {@return the file name extension, without the dot} */
    public String extension() {
      return extension;
    }
  }

  private HistoryFiles() {}

  /**
   * Every period file of the folder ({@code *.csv} and {@code *.jsonl}; other files are passed
   * over), as one history.
   *
   * @param dir the folder
   * @param plan the plan whose ranks the records name
   * @return the history, empty for a folder with no period file
   * @throws NoSuchFileException if the folder does not exist
   * @throws IOException if a file cannot be read
   * @throws ValidationException listing every problem, each as {@code file:line[:column]}: a
   *     value that does not parse, a rank code the plan does not define, a distributor twice in a
   *     period, periods that overlap or leave a gap
   */
  public static History read(Path dir, CompPlan plan) throws IOException {
    List<PeriodRecord> records = new ArrayList<>();
    List<String> where = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : periodFiles(dir)) {
      if (problems.size() >= MAX_PROBLEMS) {
        break;
      }
      Reader reader = new Reader(plan, records, where, problems);
      if (file.getFileName().toString().endsWith(".csv")) {
        reader.csv(dir, file.getFileName().toString());
      } else {
        reader.jsonLines(file);
      }
    }
    History history = null;
    if (problems.isEmpty()) {
      try {
        history = History.of(records);
      } catch (ValidationException e) {
        for (Problem q : e.problems()) {
          int at = q.subject().index();
          problems.add(at >= 0 && at < where.size() ? q.at(where.get(at)) : q);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(IoProblems.BUNDLE, Problem.Part.of("input.history", dir.toString()), problems.subList(0,
          Math.min(problems.size(), MAX_PROBLEMS)));
    }
    return history;
  }

  /**
   * Closes the evaluated period into the folder: writes its records as a new period file. The
   * evaluation must have been made with the folder's history ({@link #read}, up to the period);
   * the folder is created if it does not exist.
   *
   * @param dir the folder
   * @param evaluation the evaluation of the period to close
   * @param format CSV or JSON Lines
   * @return the file written
   * @throws IOException if the folder or the file cannot be written
   * @throws ValidationException if the folder's history already holds the period or a later one,
   *     leaves a gap before it, or is not the history the evaluation read; or a problem of
   *     {@link #read}
   */
  public static Path append(Path dir, Evaluation evaluation, Format format) throws IOException {
    Files.createDirectories(dir);
    History stored = read(dir, evaluation.plan());
    Period period = evaluation.period();
    String name = label(period);
    for (Format f : Format.values()) {
      Path existing = dir.resolve(name + "." + f.extension());
      if (Files.exists(existing)) {
        throw new ValidationException(IoProblems.BUNDLE, Problem.Part.of("input.history", dir.toString()), List.of(IoProblems.at(
            existing.toString(), "history.closedAlready", name, next(stored))));
      }
    }
    // Refuses a period before the last one, or one that leaves a gap, in the core's words.
    List<PeriodRecord> records = evaluation.periodRecords();
    stored.append(records);
    if (!evaluation.history().lastPeriod().equals(stored.before(period).lastPeriod())) {
      throw new ValidationException(IoProblems.BUNDLE, Problem.Part.of("input.history", dir.toString()), List.of(IoProblems.at(dir.toString(),
          "history.otherHistory", evaluation.history().lastPeriod().<Object>map(HistoryFiles::label)
              .orElse(Problem.Part.of("history.endsNowhere.evaluation")),
          stored.lastPeriod().<Object>map(HistoryFiles::label)
              .orElse(Problem.Part.of("history.endsNowhere.folder")))));
    }
    Path target = dir.resolve(name + "." + format.extension());
    Path tmp = Files.createTempFile(dir, "." + name + "-", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        if (format == Format.CSV) {
          writeCsv(records, w);
        } else {
          writeJsonLines(records, w);
        }
      }
      Files.move(tmp, target);
    } catch (FileAlreadyExistsException e) {
      throw new ValidationException(IoProblems.BUNDLE, Problem.Part.of("input.history", dir.toString()), List.of(IoProblems.at(target.toString(),
          "history.closedOnce", name)));
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /**
   * Writes records as CSV: the header, then one row per record. The personal volume of each
   * type of the first record's {@link PeriodRecord#personalVolumes()} is a column
   * {@code personal_volume_bv} after {@link #COLUMNS}; the records of one period hold the same
   * types.
   *
   * @param records the records
   * @param out where the CSV goes; flushed, not closed
   * @throws IOException if writing fails
   */
  public static void writeCsv(List<PeriodRecord> records, Writer out) throws IOException {
    // The types of the first record: every record of a period holds the same (History.of).
    List<String> types = records.isEmpty() ? List.of()
        : List.copyOf(records.get(0).personalVolumes().keySet());
    out.write(String.join(",", COLUMNS));
    for (String t : types) {
      out.write(',');
      out.write(PERSONAL_VOLUME + t.toLowerCase(Locale.ROOT));
    }
    out.write('\n');
    StringBuilder sb = new StringBuilder(128);
    for (PeriodRecord r : records) {
      sb.setLength(0);
      sb.append(label(r.period())).append(',');
      field(sb, r.distributorId()).append(',');
      field(sb, r.paidAs()).append(',');
      field(sb, r.qualifiedAs()).append(',');
      field(sb, r.title()).append(',');
      sb.append(r.personalSales().toPlainString()).append(',');
      sb.append(r.groupSales().toPlainString()).append(',');
      sb.append(r.activePersonalCustomers()).append(',');
      sb.append(r.activePersonalDistributors()).append(',');
      sb.append(r.periodsHeld()).append(',');
      field(sb, String.join(SEPARATOR, r.overridesApplied()));
      for (String t : types) {
        BigDecimal v = r.personalVolumes().get(t);
        sb.append(',').append(v == null ? "" : v.toPlainString());
      }
      sb.append('\n');
      out.write(sb.toString());
    }
    out.flush();
  }

  /**
   * Writes records as JSON Lines: one compact object per record; the personal volume of the types
   * other than the qualifying one as {@code "personalVolumes": {"BV": 700}}, left out when none.
   *
   * @param records the records
   * @param out where the lines go; flushed, not closed
   * @throws IOException if writing fails
   */
  public static void writeJsonLines(List<PeriodRecord> records, Writer out) throws IOException {
    for (PeriodRecord r : records) {
      StringWriter line = new StringWriter(200);
      try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), line)) {
        g.writeStartObject();
        g.writeStringProperty("period", label(r.period()));
        g.writeStringProperty("distributorId", r.distributorId());
        g.writeStringProperty("paidAs", r.paidAs());
        g.writeStringProperty("qualifiedAs", r.qualifiedAs());
        g.writeStringProperty("title", r.title());
        g.writeName("personalSales");
        g.writeNumber(r.personalSales());
        g.writeName("groupSales");
        g.writeNumber(r.groupSales());
        g.writeNumberProperty("activePersonalCustomers", r.activePersonalCustomers());
        g.writeNumberProperty("activePersonalDistributors", r.activePersonalDistributors());
        g.writeNumberProperty("periodsHeld", r.periodsHeld());
        if (!r.overridesApplied().isEmpty()) {
          g.writeName("overridesApplied");
          g.writeStartArray();
          for (String o : r.overridesApplied()) {
            g.writeString(o);
          }
          g.writeEndArray();
        }
        if (!r.personalVolumes().isEmpty()) {
          g.writeName("personalVolumes");
          g.writeStartObject();
          for (Map.Entry<String, BigDecimal> e : r.personalVolumes().entrySet()) {
            g.writeName(e.getKey());
            g.writeNumber(e.getValue());
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      out.write(line.toString());
      out.write('\n');
    }
    out.flush();
  }

  /**
   * A period as its file is named: {@code 2026-11}, or {@code 2026-11-02..2026-11-08}.
   *
   * @param p the period
   * @return its label: the month for a calendar month, else its first and last days
   */
  public static String label(Period p) {
    YearMonth m = YearMonth.from(p.start());
    if (p.start().equals(m.atDay(1)) && p.end().equals(m.atEndOfMonth())) {
      return m.toString();
    }
    return p.start() + ".." + p.end();
  }

  /**
   * A period from its label ({@code 2026-11} or {@code 2026-11-02..2026-11-08}), closed.
   *
   * @param label the label
   * @return the period, empty if the text is no period
   */
  public static Optional<Period> period(String label) {
    try {
      int dots = label.indexOf("..");
      Period p = dots >= 0
          ? new Period(LocalDate.parse(label.substring(0, dots)),
              LocalDate.parse(label.substring(dots + 2)), Period.State.CLOSED)
          : Period.month(YearMonth.parse(label)).close();
      return Optional.of(p);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Problem.Part next(History h) {
    return h.lastPeriod().map(p -> {
      YearMonth m = YearMonth.from(p.start());
      return label(p).equals(m.toString())
          ? Problem.Part.of("history.next.month", m.plusMonths(1).toString())
          : Problem.Part.of("history.next.startingOn", p.end().plusDays(1));
    }).orElse(Problem.Part.of("history.next.any"));
  }

  private static List<Path> periodFiles(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path f : s) {
        String n = f.getFileName().toString();
        if (!n.startsWith(".") && (n.endsWith(".csv") || n.endsWith(".jsonl"))
            && Files.isRegularFile(f)) {
          files.add(f);
        }
      }
    }
    files.sort(null);
    return files;
  }

  /** Reads the records of period files, checking each value and rank code. */
  private static final class Reader {
    private final CompPlan plan;
    private final List<PeriodRecord> records;
    private final List<String> where;
    private final List<Problem> problems;
    private final List<String> ranks;
    /** The plan's volume types other than the qualifying one, which a record may hold. */
    private final List<String> others;

    Reader(CompPlan plan, List<PeriodRecord> records, List<String> where, List<Problem> problems) {
      this.plan = plan;
      this.records = records;
      this.where = where;
      this.problems = problems;
      this.ranks = plan.ranks().stream().map(Rank::code).toList();
      this.others = plan.volumeTypes().stream()
          .filter(t -> !t.equals(plan.qualifyingVolumeType())).toList();
    }

    /** The plan's type a column or field names, whatever its case; null for none. */
    private String type(String name) {
      for (String t : others) {
        if (t.equals(name)) {
          return t;
        }
      }
      for (String t : others) {
        if (t.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return t;
        }
      }
      return null;
    }

    void csv(Path dir, String file) throws IOException {
      Consumer<Problem> sink = problems::add;
      try (CsvTable t = CsvTable.open(dir, file, REQUIRED, sink)) {
        if (t.broken()) {
          return;
        }
        int[] col = new int[COLUMNS.size()];
        for (int k = 0; k < col.length; k++) {
          col[k] = t.column(COLUMNS.get(k));
        }
        // The columns of other types' personal volume, each a type of the plan.
        List<String> types = new ArrayList<>();
        List<Integer> typeCols = new ArrayList<>();
        List<String> names = t.headerInfo().names();
        boolean bad = false;
        for (int c = 0; c < names.size(); c++) {
          String name = names.get(c);
          if (!name.startsWith(PERSONAL_VOLUME)) {
            continue;
          }
          String type = type(name.substring(PERSONAL_VOLUME.length()));
          if (type == null) {
            problems.add(IoProblems.at(t.where(c), "history.unknownVolumeType", name,
                plan.name(), plan.qualifyingVolumeType(), others.stream()
                    .map(x -> PERSONAL_VOLUME + x.toLowerCase(Locale.ROOT)).toList()));
            bad = true;
          } else {
            types.add(type);
            typeCols.add(c);
          }
        }
        if (bad) {
          return;
        }
        while (problems.size() < MAX_PROBLEMS && t.next(sink)) {
          String[] values = new String[col.length];
          String[] at = new String[col.length];
          for (int k = 0; k < col.length; k++) {
            values[k] = col[k] < 0 ? "" : t.get(col[k]);
            at[k] = col[k] < 0 ? file + ":" + t.line() : t.where(col[k]);
          }
          Map<String, String[]> typed = new LinkedHashMap<>();
          for (int k = 0; k < types.size(); k++) {
            int c = typeCols.get(k);
            typed.put(types.get(k), new String[] {t.get(c), t.where(c), names.get(c)});
          }
          record(values, at, file + ":" + t.line(), COLUMNS, typed, problems.size());
        }
      }
    }

    void jsonLines(Path path) throws IOException {
      String file = path.getFileName().toString();
      List<String> names = List.of(JSON_FIELDS);
      try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        long lineNo = 0;
        for (String line = in.readLine(); line != null && problems.size() < MAX_PROBLEMS;
            line = in.readLine()) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          String loc = file + ":" + lineNo;
          String[] values = new String[JSON_FIELDS.length];
          String[] at = new String[JSON_FIELDS.length];
          Map<String, String[]> typed = new LinkedHashMap<>();
          int before = problems.size();
          if (!object(line, loc, values, at, typed)) {
            continue;
          }
          record(values, at, loc, names, typed, before);
        }
      }
    }

    /**
     * The fields of one JSON line as text, and the personal volumes by type into {@code typed} as
     * {@link #record} takes them, or false after reporting why it is no record.
     */
    private boolean object(String line, String loc, String[] values, String[] at,
        Map<String, String[]> typed) {
      try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          problems.add(IoProblems.at(loc + ":1", "history.notObject"));
          return false;
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          int column = p.currentTokenLocation().getColumnNr();
          JsonToken v = p.nextToken();
          int k = List.of(JSON_FIELDS).indexOf(name);
          if (k < 0) {
            problems.add(IoProblems.at(loc + ":" + column, "history.unknownField", name,
                List.of(JSON_FIELDS)));
            p.skipChildren();
            continue;
          }
          at[k] = loc + ":" + p.currentTokenLocation().getColumnNr();
          if (k == REQUIRED_FIELDS) {
            if (!overrides(p, v, at[k], values)) {
              return false;
            }
            continue;
          }
          if (k == TYPED_FIELD) {
            if (!volumes(p, v, loc, at[k], typed)) {
              return false;
            }
            continue;
          }
          if (v == JsonToken.VALUE_STRING) {
            values[k] = p.getString();
          } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
            values[k] = p.getDecimalValue().toPlainString();
          } else {
            problems.add(IoProblems.at(at[k], "history.notTextOrNumber", v.asString(), name));
            p.skipChildren();
            values[k] = null;
            return false;
          }
        }
        if (p.nextToken() != null) {
          problems.add(IoProblems.at(loc, "history.moreThanOneValue"));
          return false;
        }
      } catch (JacksonException e) {
        problems.add(IoProblems.at(loc, "history.notJson", String.valueOf(e.getOriginalMessage())));
        return false;
      }
      List<String> missing = new ArrayList<>();
      if (values[REQUIRED_FIELDS] == null) {
        values[REQUIRED_FIELDS] = "";
      }
      for (int k = 0; k < REQUIRED_FIELDS; k++) {
        if (values[k] == null) {
          missing.add(JSON_FIELDS[k]);
        }
      }
      if (!missing.isEmpty()) {
        problems.add(IoProblems.at(loc, "history.missingFields", missing, List.of(JSON_FIELDS)));
      }
      return missing.isEmpty();
    }

    /**
     * The {@code personalVolumes} object of a JSON line: each type of the plan's, each volume a
     * number or text (read as a decimal by {@link #record}), each problem at its own column;
     * false after reporting a value that is not an object.
     */
    private boolean volumes(JsonParser p, JsonToken v, String loc, String at,
        Map<String, String[]> typed) {
      if (v != JsonToken.START_OBJECT) {
        problems.add(IoProblems.at(at, "history.volumesNotObject", v.asString()));
        p.skipChildren();
        return false;
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String name = p.currentName();
        String where = loc + ":" + p.currentTokenLocation().getColumnNr();
        JsonToken x = p.nextToken();
        String valueAt = loc + ":" + p.currentTokenLocation().getColumnNr();
        String type = type(name);
        if (type == null) {
          problems.add(IoProblems.at(where, "history.unknownVolumeTypeField", name, plan.name(),
              plan.qualifyingVolumeType(), others));
          p.skipChildren();
          continue;
        }
        String text;
        if (x == JsonToken.VALUE_STRING) {
          text = p.getString();
        } else if (x == JsonToken.VALUE_NUMBER_INT || x == JsonToken.VALUE_NUMBER_FLOAT) {
          text = p.getDecimalValue().toPlainString();
        } else {
          problems.add(IoProblems.at(valueAt, "history.notTextOrNumber", x.asString(),
              "personalVolumes." + name));
          p.skipChildren();
          continue;
        }
        typed.put(type, new String[] {text, valueAt, "personalVolumes." + name});
      }
      return true;
    }

    /**
     * The {@code overridesApplied} array of a JSON line, as the CSV cell would hold it; false
     * after reporting a value that is not an array of text.
     */
    private boolean overrides(JsonParser p, JsonToken v, String at, String[] values) {
      List<String> codes = new ArrayList<>();
      if (v == JsonToken.START_ARRAY) {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          if (t != JsonToken.VALUE_STRING || p.getString().contains(SEPARATOR.strip())) {
            problems.add(IoProblems.at(at, "history.overrideNotText", t == JsonToken.VALUE_STRING
                ? "\"" + p.getString() + "\"" : t.asString()));
            p.skipChildren();
            return false;
          }
          codes.add(p.getString());
        }
        values[REQUIRED_FIELDS] = String.join(SEPARATOR, codes);
        return true;
      }
      problems.add(IoProblems.at(at, "history.overridesNotArray", v.asString()));
      p.skipChildren();
      return false;
    }

    /**
     * One record from its values by column and its personal volumes by type (each as its text,
     * where it is and its column's or field's name), every problem reported; none is made if the
     * line has a problem since {@code before}.
     */
    private void record(String[] v, String[] at, String loc, List<String> names,
        Map<String, String[]> typedText, int before) {
      Optional<Period> period = period(v[0].strip());
      if (period.isEmpty()) {
        problems.add(IoProblems.at(at[0], "history.period", v[0]));
      }
      String id = v[1].strip();
      if (id.isEmpty()) {
        problems.add(IoProblems.at(at[1], "history.emptyId", names.get(1)));
      }
      for (int k = 2; k <= 4; k++) {
        String code = v[k].strip();
        if (plan.rankLevel(code) < 0) {
          problems.add(IoProblems.at(at[k], "history.unknownRank", code, names.get(k),
              plan.name(), ranks));
        }
      }
      BigDecimal personal = decimal(v[5], at[5], names.get(5));
      BigDecimal group = decimal(v[6], at[6], names.get(6));
      int customers = count(v[7], at[7], names.get(7));
      int distributors = count(v[8], at[8], names.get(8));
      int held = count(v[9], at[9], names.get(9));
      List<String> overrides = overrides(v[10], at[10], names.get(10));
      Map<String, BigDecimal> typed = new LinkedHashMap<>();
      for (Map.Entry<String, String[]> e : typedText.entrySet()) {
        String[] x = e.getValue();
        typed.put(e.getKey(), decimal(x[0], x[1], x[2]));
      }
      if (problems.size() > before) {
        return;
      }
      // The core's own rule for a record, checked here to be reported in the reader's words.
      boolean forced = overrides.stream().anyMatch(o -> o.startsWith("minimum_rank "));
      String paid = v[2].strip();
      String qualified = v[3].strip();
      if (held > 0 && paid.equals(qualified) || held == 0 && !forced && !paid.equals(qualified)) {
        problems.add(IoProblems.at(loc, "history.held", id, label(period.orElseThrow()), paid,
            qualified, held));
        return;
      }
      try {
        records.add(new PeriodRecord(period.orElseThrow(), id, v[2].strip(), v[3].strip(),
            v[4].strip(), personal, group, customers, distributors, held, overrides, typed));
        where.add(loc);
      } catch (IllegalArgumentException e) {
        problems.add(IoProblems.at(loc, "history.refused", String.valueOf(e.getMessage())));
      }
    }

    /**
     * The overrides applied, from their cell: each in its short form, naming ranks (and
     * requirements) of the plan.
     */
    private List<String> overrides(String text, String at, String name) {
      List<String> out = new ArrayList<>();
      if (text.isBlank()) {
        return out;
      }
      for (String part : text.split(SEPARATOR.strip(), -1)) {
        String code = part.strip();
        String[] words = code.split(" ");
        Problem problem = null;
        if (code.equals("not_compressed") || code.equals("active")) {
          problem = null;
        } else if (words.length == 2 && words[0].equals("minimum_rank")) {
          problem = rankProblem(at, words[1], -1);
        } else if (words.length == 3 && words[0].equals("waive")) {
          int n = words[2].matches("[1-9][0-9]{0,4}") ? Integer.parseInt(words[2]) : 0;
          problem = rankProblem(at, words[1], n);
        } else {
          problem = IoProblems.at(at, "history.overrideForm", code, name);
        }
        if (problem != null) {
          problems.add(problem);
        } else {
          out.add(code);
        }
      }
      return out;
    }

    /**
     * Why an override's rank (and requirement number, unless -1) is not the plan's; or null.
     */
    private Problem rankProblem(String at, String code, int requirement) {
      int r = plan.rankLevel(code);
      if (r < 0) {
        return IoProblems.at(at, "history.overrideRank", code, plan.name(), ranks);
      }
      int count = plan.ranks().get(r).requirements().size();
      if (requirement != -1 && (requirement < 1 || requirement > count)) {
        return IoProblems.at(at, "history.waivedNumber", code, count);
      }
      return null;
    }

    private BigDecimal decimal(String text, String at, String name) {
      String t = text.strip();
      if (t.length() <= 40 && t.matches("-?[0-9]+(\\.[0-9]+)?")) {
        return new BigDecimal(t);
      }
      problems.add(IoProblems.at(at, "history.decimal", text, name));
      return BigDecimal.ZERO;
    }

    private int count(String text, String at, String name) {
      String t = text.strip();
      if (t.length() <= 9 && t.matches("[0-9]+")) {
        return Integer.parseInt(t);
      }
      problems.add(IoProblems.at(at, "history.count", text, name));
      return 0;
    }
  }

  /**
   * A field, quoted if it holds a comma, quote or line break, or starts or ends with a space.
   * Unlike results, history files are data read back, not opened in spreadsheets: a leading
   * {@code =} or {@code -} stays as it is, so that ids come back unchanged.
   */
  private static StringBuilder field(StringBuilder sb, String v) {
    boolean quote = !v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ');
    for (int k = 0; k < v.length() && !quote; k++) {
      char c = v.charAt(k);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return sb.append(v);
    }
    return sb.append('"').append(v.replace("\"", "\"\"")).append('"');
  }
}
