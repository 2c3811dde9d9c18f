package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The fuzz suite: real, valid inputs of every kind the command line reads (the CSV folder, plan
 * files, scenario files and the arguments themselves), mutated with grammar-aware edits and
 * random bytes, each run through the command line as {@code java -jar rankgauge.jar} runs it.
 *
 * <p>The law, for every input: the run ends in a result (exit code 0) or in errors, exit code 1
 * or 2, whose every line is short and says where the problem is (a file with line and column, a
 * JSON path, a record's id, or the option); never a stack trace, an "internal error", a JVM error
 * line, output left behind by a failed run, or a run of unbounded time. And where a plan file
 * passes {@code validate}, {@code evaluate} accepts it too.
 *
 * <p>The CI build runs each property with the module's default tries (a sample of a few hundred
 * inputs); the campaign of docs/fuzzing.md runs {@code -Pfuzz} with 25,000 tries a property.
 */
class FuzzProperties {
  private static final Path SEED = Path.of("data", "seed");
  private static final Path SCENARIO = Path.of("scenarios", "dana-gold.json");
  private static final List<String> CSV_FILES =
      List.of("distributors.csv", "customers.csv", "orders.csv");
  private static final List<String> PLANS = PlanFiles.bundledNames();
  /**
   * A run slower than this is taken for one that never ends; the inputs here are tiny and a run
   * takes milliseconds, but a shared machine under a load of 16 stalled single runs for 30 s.
   */
  private static final long MAX_MILLIS = 60_000;
  /** An error line longer than this is no longer one line a person reads. */
  private static final int MAX_LINE = 2_000;

  /** Values that broke readers before, or that sit at the edges of a field. */
  private static final List<String> ODD = List.of("", " ", "\t", "-1", "0", "-0", "1e999999999",
      "1e-999999999", "-1e999999999", "9".repeat(5_000), "1" + "0".repeat(30), "0.0000001",
      "99999999999.999999", "100000000000", "NaN", "Infinity", "0x10", "1,5", "1 000", "+5",
      "2026-02-30", "0026-11-01", "9999-12-31", "1677-12-31", "2262-05-01", "2026-11-03T25:00",
      "2026-11-03T10:00+99:00", "D100", "D001", "D999", "C1", "C9", "O1", "\"", "\"\"", "\"a,b\"",
      "=HYPERLINK(\"x\")", "null", "true", "{}", "[]", "\u00e9", "\u0000", "\ufffd", "\r", "\n",
      "D", "C", "X", "paid", "returned", "cancelled", "refunded", "x".repeat(3_000));

  private static final List<String> JSON_ODD = List.of("null", "true", "0", "-1", "1e999999999",
      "1e-999999999", "-1e999999999", "9".repeat(2_000), "1.0000001", "100000000000000000",
      "\"\"", "\" \"", "\"x\"", "\"GLD\"", "\"SLV\"", "\"DIST\"", "\"1e999999999\"", "{}", "[]",
      "[[[[[[[[[[]]]]]]]]]]", "\"2026-13\"", "\"0026-11\"", "\"anyOf\"", "\"host\"",
      "{\"kind\": \"anyOf\", \"paths\": []}", "\"\\u0000\"", "2147483648", "-2147483649");

  // --- the law ---------------------------------------------------------------------------------

  /** What a run printed, and where it could have left files. */
  private record Outcome(Cli.Run run, long millis, Path outDir, boolean reportsOnStdout) {}

  private static Outcome run(Path outDir, boolean reportsOnStdout, String... args) {
    long t0 = System.nanoTime();
    Cli.Run r = Cli.run(args);
    return new Outcome(r, (System.nanoTime() - t0) / 1_000_000, outDir, reportsOnStdout);
  }

  private static final Pattern LOCATED = Pattern.compile(
      "^(?:"
          + "\\S.*?:\\d+:\\d+(?: at \\$.*?)?: .+"        // file:line:column [at $.path]: what
          + "|\\S.*?: .+"                                 // a file, a record or a command: what
          + "|Try '.+' for more information\\."          // after a usage error
          + ")$");

  /** The law every run must keep. */
  private static void holds(Outcome o, String kind) {
    Cli.Run r = o.run();
    String why = r.toString();
    Statistics.label(kind).collect("exit " + r.exit());
    assertThat(r.exit()).as(why).isIn(0, 1, 2);
    assertThat(o.millis()).as("bounded time: " + why).isLessThan(MAX_MILLIS);
    for (String text : List.of(r.err(), r.out())) {
      assertThat(text).as("no stack trace: " + why).doesNotContain("\tat ")
          .doesNotContain("Exception:").doesNotContain("Caused by");
    }
    assertThat(r.err()).as(why).doesNotContain("internal error").doesNotContain("ran out of")
        .doesNotContain("the Java runtime failed").doesNotContain("Error:");
    for (String line : r.err().split("\n", -1)) {
      assertThat(line.length()).as("a short line: " + why).isLessThan(MAX_LINE);
    }
    if (r.exit() == 0) {
      return;
    }
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as("a reason: " + why).isNotEmpty();
    assertThat(lines.get(0)).as("the first line names the command: " + why).startsWith("rankgauge");
    for (String line : lines) {
      assertThat(line).as("located: " + why).matches(LOCATED);
    }
    if (r.exit() == 2) {
      assertThat(lines).as("usage: " + why).anyMatch(l -> l.startsWith("Try '"));
    }
    if (!o.reportsOnStdout()) {
      assertThat(r.out()).as("no partial output on stdout: " + why).isEmpty();
    } else {
      r.out().lines().filter(l -> l.startsWith("error:")).forEach(l ->
          assertThat(l).as("a located problem: " + why).matches("error: \\S.*?:\\d+:\\d+ .+"));
    }
    if (o.outDir() != null) {
      assertThat(list(o.outDir())).as("no output file, no temporary file: " + why).isEmpty();
    }
  }

  // --- CSV folders -----------------------------------------------------------------------------

  /** One edit of one of the seed's three files. */
  record CsvEdit(String file, int op, int line, int field, String value, long seed) {}

  @Provide
  Arbitrary<List<CsvEdit>> csvEdits() {
    Arbitrary<CsvEdit> edit = Combinators.combine(Arbitraries.of(CSV_FILES),
        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 30),
        Arbitraries.integers().between(0, 8), oddText(), Arbitraries.longs())
        .as(CsvEdit::new);
    return edit.list().ofMinSize(1).ofMaxSize(4);
  }

  private static Arbitrary<String> oddText() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(ODD)),
        Tuple.of(2, Arbitraries.strings().ofMaxLength(12)),
        Tuple.of(1, Arbitraries.strings().withChars("0123456789.-+eE").ofMaxLength(25)));
  }

  @Property
  void aMangledCsvFolderIsEvaluatedOrRejectedWithLocatedErrors(
      @ForAll("csvEdits") List<CsvEdit> edits, @ForAll("formats") String format,
      @ForAll boolean toFile) throws IOException {
    Path dir = Files.createTempDirectory("fuzz-csv");
    Path out = Files.createTempDirectory("fuzz-out");
    try {
      for (String f : CSV_FILES) {
        Files.copy(SEED.resolve(f), dir.resolve(f));
      }
      for (CsvEdit e : edits) {
        Path file = dir.resolve(e.file());
        if (Files.exists(file)) {
          Files.write(file, csvEdit(Files.readAllBytes(file), e));
        } else {
          Files.writeString(file, e.value());
        }
      }
      List<String> args = new ArrayList<>(List.of("evaluate", "--plan", "seed", "--data",
          dir.toString(), "--period", "2026-11", "--format", format));
      if (format.equals("html")) {
        args.addAll(List.of("--distributor", "D100"));
      }
      if (toFile) {
        args.addAll(List.of("--out", out.resolve("results").toString()));
      }
      Outcome o = run(out, false, args.toArray(new String[0]));
      if (toFile && o.run().exit() == 0) {
        assertThat(out.resolve("results")).isRegularFile();
        Files.delete(out.resolve("results"));
      }
      holds(o, "csv");
    } finally {
      delete(dir);
      delete(out);
    }
  }

  @Provide
  Arbitrary<String> formats() {
    return Arbitraries.of("csv", "json", "text", "html");
  }

  /** Applies one edit: fields, lines and bytes, as a hand, an export or a disk would. */
  private static byte[] csvEdit(byte[] bytes, CsvEdit e) {
    java.util.Random random = new java.util.Random(e.seed());
    if (e.op() == 8) {
      return bytesEdit(bytes, random);
    }
    List<String> lines = new ArrayList<>(Arrays.asList(
        new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    int at = lines.isEmpty() ? 0 : e.line() % lines.size();
    switch (e.op()) {
      case 0, 1, 2 -> { // replace a field: the commonest edit
        String[] fields = lines.get(at).split(",", -1);
        fields[e.field() % fields.length] = e.value();
        lines.set(at, String.join(",", fields));
      }
      case 3 -> lines.remove(at);
      case 4 -> lines.add(at, lines.get(at)); // a duplicate row
      case 5 -> { // a field too many or too few
        String l = lines.get(at);
        lines.set(at, e.field() % 2 == 0 ? l + "," + e.value()
            : l.contains(",") ? l.substring(0, l.lastIndexOf(',')) : "");
      }
      case 6 -> lines.add(at, e.value()); // a line of its own
      case 7 -> { // swap two rows, the header among them
        int other = e.field() % lines.size();
        String l = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, l);
      }
      default -> { // the file cut short, or emptied
        String all = String.join("\n", lines);
        return all.substring(0, all.isEmpty() ? 0 : random.nextInt(all.length()))
            .getBytes(StandardCharsets.UTF_8);
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  /** Random bytes: flipped, inserted (invalid UTF-8 among them) or a file of noise. */
  private static byte[] bytesEdit(byte[] bytes, java.util.Random random) {
    int kind = random.nextInt(3);
    if (kind == 0 || bytes.length == 0) {
      byte[] noise = new byte[random.nextInt(200)];
      random.nextBytes(noise);
      return noise;
    }
    byte[] out = kind == 1 ? bytes.clone() : Arrays.copyOf(bytes, bytes.length + 4);
    int at = random.nextInt(bytes.length);
    if (kind == 2) {
      System.arraycopy(bytes, at, out, at + 4, bytes.length - at);
    }
    for (int i = 0; i < 4 && at + i < out.length; i++) {
      out[at + i] = (byte) random.nextInt(256);
    }
    return out;
  }

  // --- plan files ------------------------------------------------------------------------------

  /** One edit of a bundled plan's text. */
  record JsonEdit(int op, int at, String value, long seed) {}

  @Provide
  Arbitrary<List<JsonEdit>> jsonEdits() {
    Arbitrary<String> value = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(JSON_ODD)),
        Tuple.of(2, Arbitraries.of(ODD).map(FuzzProperties::quoted)),
        Tuple.of(1, Arbitraries.of("{", "}", "[", "]", ",", ":", "\"")));
    return Combinators.combine(Arbitraries.integers().between(0, 9),
        Arbitraries.integers().between(0, 100_000), value, Arbitraries.longs())
        .as(JsonEdit::new).list().ofMinSize(1).ofMaxSize(3);
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      b.append(c == '"' || c == '\\' ? "\\" + c : c < 0x20 ? String.format("\\u%04x", (int) c)
          : String.valueOf(c));
    }
    return b.append('"').toString();
  }

  // Possessive, so that a long string is no deep recursion of the regex engine.
  private static final Pattern JSON_VALUE = Pattern.compile(
      "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?\\d++(?:\\.\\d++)?+(?:[eE][-+]?\\d++)?+|true|false|null");

  /** Applies one edit to JSON text: a value replaced, an element repeated or dropped, bytes. */
  private static String jsonEdit(String text, JsonEdit e) {
    java.util.Random random = new java.util.Random(e.seed());
    Matcher m = JSON_VALUE.matcher(text);
    List<int[]> values = new ArrayList<>();
    while (m.find()) {
      values.add(new int[] {m.start(), m.end()});
    }
    if (values.isEmpty() || e.op() == 9) {
      return new String(bytesEdit(text.getBytes(StandardCharsets.UTF_8), random),
          StandardCharsets.UTF_8);
    }
    int[] v = values.get(e.at() % values.size());
    switch (e.op()) {
      case 0, 1, 2, 3 -> { // a value replaced, the commonest edit
        return text.substring(0, v[0]) + e.value() + text.substring(v[1]);
      }
      case 4, 5 -> { // an object repeated beside itself: requirements, ranks, paths by the dozen
        int[] object = enclosing(text, v[0], '{', '}');
        if (object == null) {
          return text;
        }
        String o = text.substring(object[0], object[1]);
        int times = 1 + random.nextInt(e.op() == 4 ? 3 : 60);
        return text.substring(0, object[1]) + (", " + o).repeat(times) + text.substring(object[1]);
      }
      case 6 -> { // an object dropped, with one comma
        int[] object = enclosing(text, v[0], '{', '}');
        if (object == null) {
          return text;
        }
        int end = object[1] < text.length() && text.charAt(object[1]) == ',' ? object[1] + 1
            : object[1];
        return text.substring(0, object[0]) + text.substring(end);
      }
      case 7 -> { // a requirement wrapped in anyOf, deeper each time
        int[] object = enclosing(text, v[0], '{', '}');
        if (object == null) {
          return text;
        }
        String o = text.substring(object[0], object[1]);
        String wrapped = o;
        for (int d = 0, n = 1 + random.nextInt(5); d < n; d++) {
          wrapped = "{\"kind\": \"anyOf\", \"paths\": [{\"name\": \"A" + d + "\", \"requirements\": ["
              + wrapped + "]}, {\"name\": \"B" + d + "\", \"requirements\": [" + o + "]}]}";
        }
        return text.substring(0, object[0]) + wrapped + text.substring(object[1]);
      }
      default -> { // a field's name changed
        int colon = text.indexOf(':', v[1]);
        return colon == v[1] ? text.substring(0, v[0]) + quoted(e.value()) + text.substring(v[1])
            : text.substring(0, v[0]) + e.value() + text.substring(v[1]);
      }
    }
  }

  /** The span of the innermost {@code open}...{@code close} around {@code at}, strings skipped. */
  private static int[] enclosing(String text, int at, char open, char close) {
    int depth = 0;
    int start = -1;
    boolean inString = false;
    int[] opens = new int[text.length() + 1];
    int top = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == open) {
        opens[top++] = i;
      } else if (c == close && top > 0) {
        int s = opens[--top];
        if (s <= at && at < i && (start < 0 || s > start)) {
          start = s;
          depth = i + 1;
        }
      }
    }
    return start < 0 ? null : new int[] {start, depth};
  }

  @Property
  void aMangledPlanFileIsValidatedAndEvaluatedAlike(@ForAll("jsonEdits") List<JsonEdit> edits,
      @ForAll("planNames") String base) throws IOException {
    Path dir = Files.createTempDirectory("fuzz-plan");
    try {
      String text = PlanFiles.bundledText(base);
      for (JsonEdit e : edits) {
        text = jsonEdit(text, e);
      }
      Path plan = dir.resolve("plan.json");
      Files.writeString(plan, text);
      // validate reports a plan's problems and warnings on stdout, by design.
      Outcome validated = run(null, true, "validate", "--plan", plan.toString());
      holds(validated, "plan: validate");
      Outcome evaluated = run(null, false, "evaluate", "--plan", plan.toString(), "--data",
          SEED.toString(), "--period", "2026-11", "--format", "csv");
      holds(evaluated, "plan: evaluate");
      if (validated.run().exit() == 0) {
        assertThat(evaluated.run().exit()).as("validate and evaluate agree: %s\n%s",
            validated.run(), evaluated.run()).isZero();
      }
    } finally {
      delete(dir);
    }
  }

  @Provide
  Arbitrary<String> planNames() {
    return Arbitraries.of(PLANS);
  }

  // --- scenario files --------------------------------------------------------------------------

  @Property
  void aMangledScenarioFileIsTestedOrRejectedWithLocatedErrors(
      @ForAll("jsonEdits") List<JsonEdit> edits) throws IOException {
    Path dir = Files.createTempDirectory("fuzz-scenario");
    try {
      String text = Files.readString(SCENARIO);
      for (JsonEdit e : edits) {
        text = jsonEdit(text, e);
      }
      Files.writeString(dir.resolve("s.json"), text);
      // The test command reports failed expectations on stdout, with exit code 1.
      holds(run(null, true, "test", "--scenarios", dir.toString()), "scenario");
    } finally {
      delete(dir);
    }
  }

  // --- command-line arguments ------------------------------------------------------------------

  private static final List<String> WORDS = List.of("evaluate", "explain", "advise", "validate", "generate",
      "test", "help", "evaluat", "--help", "-h", "--version", "-V", "--plan", "--data", "--period",
      "--as-of", "--distributor", "--format", "--out", "--rules", "--scenarios", "--distributors",
      "--seed", "--verbose", "--plan=seed", "--period=2026-11", "--pln", "-x", "--", "seed",
      "doterra", "young-living", "scentsy", "sponsor-four-silvers", "sed", "nosuch", "data/seed",
      "data/seed/orders.csv", "scenarios", "2026-11", "2026-13", "2026-11-02..2026-11-08",
      "2026-11-08..2026-11-02", "1677-01", "2262-12", "0026-11", "2026-11-27T09:00",
      "2026-11-27T09:00Z", "1600-01-01", "9999-12-31T00:00", "", " ", "-1", "0", "3",
      "99999999999", "abc", "csv", "json", "text", "html", "xml", "D100", "D999", "C1",
      "1e999999999");

  @Provide
  Arbitrary<List<String>> arguments() {
    return Arbitraries.of(WORDS).list().ofMaxSize(9);
  }

  @Property
  void anyArgumentsEndInAResultOrAUsageError(@ForAll("arguments") List<String> words)
      throws IOException {
    Path out = Files.createTempDirectory("fuzz-args");
    try {
      // Whatever --out, --rules or --scenarios are given, they stay inside the try's folder or
      // among the module's own files, so that no run writes to the working directory.
      List<String> args = new ArrayList<>(words);
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).equals("--out") && i + 1 < args.size()) {
          args.set(i + 1, out.resolve("o" + i).toString());
        }
      }
      if (args.contains("--out") && args.indexOf("--out") == args.size() - 1) {
        args.add(out.resolve("last").toString());
      }
      if (args.contains("generate") && args.contains("--distributors")) {
        int i = args.indexOf("--distributors");
        if (i + 1 < args.size() && args.get(i + 1).matches("\\d{4,}")) {
          args.set(i + 1, "7"); // a huge organisation takes long by right
        }
      }
      String[] a = args.toArray(new String[0]);
      boolean test = args.contains("test") || args.contains("validate");
      boolean help = args.stream().anyMatch(w -> w.equals("--help") || w.equals("-h")
          || w.equals("--version") || w.equals("-V") || w.equals("help"));
      Outcome o = run(null, test || help, a);
      if (o.run().exit() == 0) {
        deleteContents(out);
      }
      holds(new Outcome(o.run(), o.millis(), help || test ? null : out, test || help),
          "arguments");
      if (o.run().exit() != 0) {
        deleteContents(out); // a generate that failed midway may leave files it did not finish
      }
    } finally {
      delete(out);
    }
  }

  // --- files -----------------------------------------------------------------------------------

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteContents(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      deleteContents(dir);
      Files.delete(dir);
    }
  }
}
