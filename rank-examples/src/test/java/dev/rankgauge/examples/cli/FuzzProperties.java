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
 * The fuzz suite: real, valid inputs of every kind the command line reads (the CSV folder, the
 * CSV files other options name (events, orders to add and remove, overrides, history), plan
 * files, scenario files and the arguments of every command), mutated with grammar-aware edits and
 * random bytes, each run through the command line as {@code java -jar rankgauge.jar} runs it.
 * {@code serve} is always given a port that is taken, so that it ends once it has read its
 * inputs.
 *
 * <p>The law, for every input: the run ends in a result (exit code 0) or in errors, exit code 1
 * or 2, whose every line is short and says where the problem is (a file with line and column, a
 * JSON path, a record's id, or the option); never a stack trace, an "internal error", a JVM error
 * line, output left behind by a failed run, or a run of unbounded time. And where a plan file
 * passes {@code validate}, {@code evaluate} accepts it too.
 *
 * <p>The CI build runs each property with the module's default tries (a sample of a few hundred
 * inputs); the campaign of docs/fuzzing.md runs {@code -Pfuzz} with thousands of tries a
 * property.
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

  /** Runs the command line on a thread of its own, so that a run that never ends fails the try. */
  private static final java.util.concurrent.ExecutorService RUNNER =
      java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-run");
        t.setDaemon(true);
        return t;
      });

  private static Outcome run(Path outDir, boolean reportsOnStdout, String... args) {
    long t0 = System.nanoTime();
    java.util.concurrent.Future<Cli.Run> running = RUNNER.submit(() -> Cli.run(args));
    Cli.Run r;
    try {
      r = running.get(MAX_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      running.cancel(true);
      throw new AssertionError("bounded time: no end after " + MAX_MILLIS + " ms: "
          + String.join(" ", args), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("the harness itself failed on " + String.join(" ", args),
          e.getCause());
    }
    return new Outcome(r, (System.nanoTime() - t0) / 1_000_000, outDir, reportsOnStdout);
  }

  private static final Pattern LOCATED = Pattern.compile(
      "^(?:"
          + "\\S.*?:\\d+:\\d+(?: at \\$.*?)?: .+"        // file:line:column [at $.path]: what
          + "|\\S.*?: .+"                                 // a file, a record or a command: what
          + "|Try '.+' for more information\\."          // after a usage error
          + "|Pruebe '.+' para más información\\."       // the same, with --locale es
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
      assertThat(lines).as("usage: " + why)
          .anyMatch(l -> l.startsWith("Try '") || l.startsWith("Pruebe '"));
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
    return csvEdits(30);
  }

  /** One to four edits, each on a line from 0 to {@code maxLine} (modulo the file's lines). */
  private static Arbitrary<List<CsvEdit>> csvEdits(int maxLine) {
    Arbitrary<CsvEdit> edit = Combinators.combine(Arbitraries.of(CSV_FILES),
        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, maxLine),
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
    evaluateMangled(SEED, edits, format, toFile, "csv");
  }

  /**
   * Copies the three files of {@code source}, edits them, evaluates the folder in {@code format},
   * to stdout or to a file, and checks the law.
   */
  private static void evaluateMangled(Path source, List<CsvEdit> edits, String format,
      boolean toFile, String kind) throws IOException {
    Path dir = Files.createTempDirectory("fuzz-csv");
    Path out = Files.createTempDirectory("fuzz-out");
    try {
      for (String f : CSV_FILES) {
        Files.copy(source.resolve(f), dir.resolve(f));
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
      holds(o, kind);
    } finally {
      delete(dir);
      delete(out);
    }
  }

  /**
   * A generated organisation of 300 distributors (20 to 41 KB a file), made once: its files
   * come in several reads of growing size (the first of 4 KiB), so that every try cuts rows at
   * the end of a read, edited or not. The seed's files (under 1 KB) come in one read unless an
   * edit adds a value of thousands of characters.
   */
  private static final class Generated {
    static final Path DIR = generate();

    private static Path generate() {
      try {
        Path dir = Files.createTempDirectory("fuzz-generated");
        Cli.Run r = Cli.run("generate", "--distributors", "300", "--seed", "7", "--out",
            dir.toString());
        if (r.exit() != 0) {
          throw new IllegalStateException("generate failed: " + r);
        }
        dir.toFile().deleteOnExit();
        for (String f : CSV_FILES) {
          dir.resolve(f).toFile().deleteOnExit();
        }
        return dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Edits of a generated folder's files, on any of their lines (up to 820 a file). */
  @Provide
  Arbitrary<List<CsvEdit>> csvEditsAnywhere() {
    return csvEdits(1_000);
  }

  @Property
  void aMangledGeneratedFolderReadInPiecesIsEvaluatedOrRejectedWithLocatedErrors(
      @ForAll("csvEditsAnywhere") List<CsvEdit> edits, @ForAll("formats") String format,
      @ForAll boolean toFile) throws IOException {
    evaluateMangled(Generated.DIR, edits, format, toFile, "generated csv");
  }

  /** The CSV files that options besides --data name, each with a command that reads it. */
  private static final List<List<String>> SIDE_FILES = List.of(
      List.of("events.csv", "replay", "--events", "IN/events.csv", "--format", "json"),
      List.of("events.csv", "serve", "--replay", "IN/events.csv", "--speed", "1000000"),
      List.of("extra-orders.csv", "what-if", "--add", "IN/extra-orders.csv", "--format", "csv"),
      List.of("remove.csv", "what-if", "--remove", "IN/remove.csv", "--out", "OUT/w"),
      List.of("overrides.csv", "evaluate", "--overrides", "IN/overrides.csv", "--as-of",
          "2026-11-27T09:00"),
      List.of("history/2026-10.csv", "evaluate", "--history", "IN/history", "--format", "json"),
      List.of("history/2026-10.csv", "close", "--history", "IN/history"),
      List.of("history/2026-09.csv", "project", "--history", "IN/history", "--as-of",
          "2026-11-15T12:00", "--distributor", "D100"));

  @Provide
  Arbitrary<List<String>> sideFiles() {
    return Arbitraries.of(SIDE_FILES);
  }

  @Property
  void aMangledSideFileIsReadOrRejectedWithLocatedErrors(
      @ForAll("sideFiles") List<String> side, @ForAll("csvEdits") List<CsvEdit> edits)
      throws IOException {
    Path tmp = Files.createTempDirectory("fuzz-side");
    Path out = Files.createTempDirectory("fuzz-out");
    try {
      Path in = inputs(tmp.resolve("i"));
      Path file = in.resolve(side.get(0));
      for (CsvEdit e : edits) {
        Files.write(file, csvEdit(Files.readAllBytes(file), e));
      }
      List<String> words = new ArrayList<>(List.of(side.get(1), "--plan", "seed", "--data",
          SEED.toString(), "--period", "2026-11"));
      words.addAll(side.subList(2, side.size()));
      Statistics.label("side file: read by").collect(side.get(0) + " " + side.get(1));
      Outcome o = run(out, false, asRun(words, in, out));
      if (o.run().exit() == 0) {
        deleteContents(out);
      }
      holds(o, "side file");
    } finally {
      delete(tmp);
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

  /**
   * The bundled plans the seed data can be evaluated with: all but hybrid-bv, whose orders must
   * carry BV too (the seed data's orders carry PV only, a problem evaluate reports, rightly).
   */
  @Provide
  Arbitrary<String> planNames() {
    return Arbitraries.of(PLANS.stream().filter(p -> !p.equals("hybrid-bv")).toList());
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

  /**
   * Words of every command and option, with values good and bad. {@code IN/...} names a copy of
   * an input of the try's own (the seed's events, orders to add and remove, overrides, a history
   * folder), {@code OUT/...} a path in the try's output folder.
   */
  private static final List<String> WORDS = List.of("evaluate", "explain", "advise", "project",
      "close", "what-if", "replay", "serve", "validate", "generate", "test", "help", "evaluat",
      "servee", "whatif", "--help", "-h", "--version", "-V", "--plan", "--data", "--period",
      "--as-of", "--distributor", "--format", "--out", "--rules", "--scenarios", "--distributors",
      "--seed", "--verbose", "--months", "--history", "--history-format", "--overrides",
      "--events", "--add", "--remove", "--level", "--port", "--replay", "--speed", "--locale",
      "--plan=seed", "--period=2026-11", "--locale=es", "--pln", "--evnts", "-x", "--", "seed",
      "doterra", "young-living", "scentsy", "sponsor-four-silvers", "sed", "nosuch", "data/seed",
      "data/seed/orders.csv", "scenarios", "IN/events.csv", "IN/extra-orders.csv",
      "IN/remove.csv", "IN/overrides.csv", "IN/history", "IN/none.csv", "IN", "OUT/x",
      "2026-11", "2026-10", "2026-12", "2026-13", "2026-11-02..2026-11-08",
      "2026-11-08..2026-11-02", "1677-01", "2262-12", "0026-11", "2026-11-27T09:00",
      "2026-11-15T12:00", "2026-11-27T09:00Z", "1600-01-01", "9999-12-31T00:00", "", " ", "-1",
      "0", "1", "3", "50", "99", "101", "65536", "0.5", "NaN", "99999999999", "abc", "csv",
      "json", "jsonl", "text", "html", "xml", "en", "es", "es-MX", "tr", "zz-ZZ", "D100", "D999",
      "C1", "1e999999999");

  /** Options that name a file or folder the command writes: kept inside the try's folders. */
  private static final List<String> WRITTEN = List.of("--out", "--history");

  /** A port taken for the whole run, so that a {@code serve} that would start fails to bind. */
  private static final java.net.ServerSocket TAKEN = takePort();

  private static java.net.ServerSocket takePort() {
    try {
      return new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A folder of the inputs that options other than --data name, copied afresh for each try. */
  private static Path inputs(Path in) throws IOException {
    Files.createDirectories(in);
    Files.copy(Path.of("data", "seed-live", "events.csv"), in.resolve("events.csv"));
    Files.copy(Path.of("data", "seed-what-if", "extra-orders.csv"),
        in.resolve("extra-orders.csv"));
    Files.copy(Path.of("data", "seed-what-if", "remove.csv"), in.resolve("remove.csv"));
    Files.copy(Path.of("data", "seed-overrides.csv"), in.resolve("overrides.csv"));
    Path history = Files.createDirectories(in.resolve("history"));
    for (Path p : list(HISTORY)) {
      Files.copy(p, history.resolve(p.getFileName()));
    }
    return in;
  }

  /** September and October 2026 of the seed, closed once for the whole run. */
  private static final Path HISTORY = closedHistory();

  private static Path closedHistory() {
    try {
      Path h = Files.createTempDirectory("fuzz-history");
      h.toFile().deleteOnExit();
      for (String month : List.of("2026-09", "2026-10")) {
        Cli.Run r = Cli.run("close", "--plan", "seed", "--data", SEED.toString(), "--period",
            month, "--history", h.toString());
        if (r.exit() != 0) {
          throw new IllegalStateException(r.toString());
        }
      }
      for (Path p : list(h)) {
        p.toFile().deleteOnExit();
      }
      return h;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The words as run: {@code IN/} and {@code OUT/} resolved, whatever --out or --history name
   * kept inside the try's folders (so that no run writes among the module's files), a huge
   * {@code generate} made small, and a {@code serve} pointed at the taken port, so that it ends.
   */
  private static String[] asRun(List<String> words, Path in, Path out) {
    List<String> args = new ArrayList<>();
    for (String w : words) {
      args.add(w.startsWith("IN/") ? in.resolve(w.substring(3)).toString()
          : w.equals("IN") ? in.toString()
          : w.startsWith("OUT/") ? out.resolve(w.substring(4)).toString() : w);
    }
    for (int i = 0; i < args.size(); i++) {
      String w = args.get(i);
      if (WRITTEN.contains(w) && i + 1 < args.size()
          && !args.get(i + 1).startsWith(in.toString())
          && !args.get(i + 1).startsWith(out.toString())) {
        args.set(i + 1, out.resolve("o" + i).toString());
      } else if (WRITTEN.stream().anyMatch(o -> w.startsWith(o + "="))) {
        args.set(i, w.substring(0, w.indexOf('=') + 1) + out.resolve("o" + i));
      } else if (w.equals("--distributors") && i + 1 < args.size()
          && args.get(i + 1).matches("\\d{3,}")) {
        args.set(i + 1, "7"); // a huge organisation takes long by right
      }
    }
    if (!args.isEmpty() && WRITTEN.contains(args.get(args.size() - 1))) {
      args.add(out.resolve("last").toString());
    }
    if (isServe(args)) {
      String port = String.valueOf(TAKEN.getLocalPort());
      boolean given = false;
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).equals("--port") && i + 1 < args.size()
            && args.get(i + 1).matches("\\d{1,5}")) {
          args.set(i + 1, port);
          given = true;
        } else if (args.get(i).startsWith("--port=")) {
          args.set(i, "--port=" + port);
          given = true;
        }
      }
      if (!given) {
        args.add("--port");
        args.add(port);
      }
    }
    return args.toArray(new String[0]);
  }

  /** Whether the words parse to a {@code serve} that would start serving. */
  private static boolean isServe(List<String> args) {
    try {
      picocli.CommandLine.ParseResult parsed = RankGaugeCli.commandLine(
          new RankGaugeCli(dev.rankgauge.RuleRegistry.empty()))
          .parseArgs(args.toArray(new String[0]));
      picocli.CommandLine.ParseResult sub = parsed.subcommand();
      return sub != null && sub.commandSpec().name().equals("serve");
    } catch (picocli.CommandLine.ParameterException e) {
      return false;
    }
  }

  /** Whether a run of these words may print its report on stdout and still fail. */
  private static boolean reportsOnStdout(String[] args) {
    return Arrays.stream(args).anyMatch(w -> w.equals("test") || w.equals("validate")
        || w.equals("--help") || w.equals("-h") || w.equals("--version") || w.equals("-V")
        || w.equals("help"));
  }

  @Provide
  Arbitrary<List<String>> arguments() {
    return Arbitraries.of(WORDS).list().ofMaxSize(9);
  }

  @Property
  void anyArgumentsEndInAResultOrAUsageError(@ForAll("arguments") List<String> words)
      throws IOException {
    runWords(words, "arguments");
  }

  private static void runWords(List<String> words, String kind) throws IOException {
    Path in = Files.createTempDirectory("fuzz-in");
    Path out = Files.createTempDirectory("fuzz-args");
    try {
      String[] a = asRun(words, inputs(in.resolve("i")), out);
      boolean onStdout = reportsOnStdout(a);
      Outcome o = run(null, onStdout, a);
      if (o.run().exit() == 0) {
        deleteContents(out);
      }
      holds(new Outcome(o.run(), o.millis(), onStdout ? null : out, onStdout), kind);
      if (o.run().exit() != 0) {
        deleteContents(out); // a generate that failed midway may leave files it did not finish
      }
    } finally {
      delete(in);
      delete(out);
    }
  }

  /** A valid command line of each command, which the edits below spoil. */
  private static final List<List<String>> COMMANDS = List.of(
      List.of("evaluate", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--format", "csv", "--out", "OUT/results.csv"),
      List.of("evaluate", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--as-of", "2026-11-27T09:00", "--overrides", "IN/overrides.csv", "--format", "json"),
      List.of("evaluate", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--history", "IN/history", "--distributor", "D100", "--format", "html"),
      List.of("explain", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--as-of", "2026-11-27T09:00", "--distributor", "D100"),
      List.of("advise", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--distributor", "D100", "--format", "json"),
      List.of("project", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--as-of", "2026-11-15T12:00", "--history", "IN/history", "--distributor", "D100",
          "--level", "80"),
      List.of("project", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--as-of", "2026-11-15T12:00", "--history", "IN/history", "--format", "csv", "--out",
          "OUT/projection.csv"),
      List.of("close", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--history", "IN/history", "--history-format", "csv"),
      List.of("what-if", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--add", "IN/extra-orders.csv", "--remove", "IN/remove.csv", "--format", "text"),
      List.of("replay", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--events", "IN/events.csv", "--format", "text"),
      List.of("serve", "--plan", "seed", "--data", "data/seed", "--period", "2026-11",
          "--replay", "IN/events.csv", "--speed", "60"),
      List.of("validate", "--plan", "doterra"),
      List.of("generate", "--distributors", "7", "--seed", "3", "--months", "2", "--period",
          "2026-11", "--plan", "seed", "--history", "OUT/history", "--out", "OUT/data"),
      List.of("test", "--scenarios", "scenarios", "--verbose"),
      List.of("--locale", "es", "explain", "--plan", "seed", "--data", "data/seed", "--period",
          "2026-11", "--distributor", "D100"),
      List.of("help", "what-if"));

  /** One edit of a command line: a value replaced, a word dropped, repeated, added or moved. */
  record ArgEdit(int op, int at, int other, String word) {}

  @Provide
  Arbitrary<List<ArgEdit>> argEdits() {
    return Combinators.combine(Arbitraries.integers().between(0, 6),
        Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 40),
        Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(WORDS)),
            Tuple.of(1, Arbitraries.of(ODD)), Tuple.of(1, Arbitraries.strings().ofMaxLength(8))))
        .as(ArgEdit::new).list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<String>> commands() {
    return Arbitraries.of(COMMANDS);
  }

  /** Applies one edit to the words of a command line. */
  private static List<String> argEdit(List<String> words, ArgEdit e) {
    List<String> w = new ArrayList<>(words);
    if (w.isEmpty()) {
      w.add(e.word());
      return w;
    }
    int at = e.at() % w.size();
    int other = e.other() % w.size();
    switch (e.op()) {
      case 0, 1 -> { // a value replaced (or an option's name, where the word is one)
        w.set(at, e.word());
      }
      case 2 -> w.remove(at); // an option or a value left out
      case 3 -> { // an option repeated with its value
        if (w.get(at).startsWith("--") && at + 1 < w.size()) {
          w.add(w.get(at));
          w.add(w.get(at + 1));
        } else {
          w.add(at, w.get(at));
        }
      }
      case 4 -> w.add(at, e.word()); // a word more, anywhere
      case 5 -> { // two words swapped
        String x = w.get(at);
        w.set(at, w.get(other));
        w.set(other, x);
      }
      default -> { // --option value joined as --option=value
        if (w.get(at).startsWith("--") && at + 1 < w.size()) {
          w.set(at, w.get(at) + "=" + w.remove(at + 1));
        }
      }
    }
    return w;
  }

  @Property
  void aMangledCommandLineOfEveryCommandEndsInAResultOrAUsageError(
      @ForAll("commands") List<String> command, @ForAll("argEdits") List<ArgEdit> edits)
      throws IOException {
    List<String> words = command;
    for (ArgEdit e : edits) {
      words = argEdit(words, e);
    }
    Statistics.label("command line: command")
        .collect(command.get(0).startsWith("--") ? command.get(2) : command.get(0));
    runWords(words, "command line");
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
