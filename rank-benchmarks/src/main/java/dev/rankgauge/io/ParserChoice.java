package dev.rankgauge.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.rankgauge.Problem;
import dev.rankgauge.internal.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Issue 11's "choosing the parser by measurement": the command line's three CSV files split into
 * rows and fields by RankGauge's own byte-level reader ({@link CsvTable}, the one the command line
 * uses) and by the parsers the issue names (FastCSV, Jackson's CSV module, commons-csv), in one
 * JVM, in turns, each file read to its end on one thread, timed by that thread's CPU and by the
 * wall clock. The work asked of each is the least a reader of these files does with a row: every
 * field found, as the parser hands fields over at its cheapest, and its length taken.
 * <ul>
 *   <li>{@code rankgauge}: {@link CsvTable#next} and {@link CsvTable#text} (a view of the
 *   buffer's bytes, no {@code String}); UTF-8 checked in rows with bytes above 0x7F, lines
 *   counted, a located problem for every bad row.
 *   <li>{@code fastcsv}: FastCSV's callback handler ({@code handleField} gets a range of its
 *   {@code char[]}, no {@code String}), over UTF-8 decoded by its reader.
 *   <li>{@code jackson}: Jackson's {@code CsvParser} as a token stream, each field's characters
 *   from {@code getStringCharacters} (no {@code String}).
 *   <li>{@code commons}: commons-csv's {@code CSVParser} (a {@code String} per field: its only
 *   way), over a buffered UTF-8 {@code Reader}. RankGauge read with it before issue 11.
 * </ul>
 *
 * <p>Each pass tallies rows, fields and characters (the header row left out), and every parser's
 * tally must be the same, or the run stops: {@code ParserChoiceTest} checks this for quoted fields,
 * doubled quotes, line breaks inside quotes and accented text as well.
 *
 * <pre>
 * mvn -B -ntp -Pbenchmarks -Dexec.skip -pl rank-benchmarks -am package -DskipTests
 * java -Xmx1g -cp rank-benchmarks/target/benchmarks.jar dev.rankgauge.io.ParserChoice \
 *     DIR [rounds=8] [warm|cold]
 * </pre>
 *
 * <p>{@code warm}: every parser reads the three files once untimed, then {@code rounds} times in
 * turn (the first parser moving on by one each round); printed: each parser's median CPU and
 * wall per round (all three files), and its median ratio to {@code rankgauge} in the same round.
 * {@code cold}: each round starts a fresh JVM per parser (the same class path and heap), which
 * reads the three files once: what a command-line run pays, the JIT's warm-up included.
 */
public final class ParserChoice {
  /** The files a data folder holds, read in this order. */
  static final List<String> FILES = List.of("distributors.csv", "customers.csv", "orders.csv");

  /** The parsers compared, by the names the command line takes. */
  static final List<String> PARSERS = List.of("rankgauge", "fastcsv", "jackson", "commons");

  private ParserChoice() {}

  /**
   * What a pass saw: data rows, fields, characters (UTF-16 units, as a {@code String} counts
   * them), and the sum of every ASCII character's code when {@code content} was asked for.
   */
  record Tally(long rows, long fields, long chars, long ascii) {
    Tally plus(Tally t) {
      return new Tally(rows + t.rows, fields + t.fields, chars + t.chars, ascii + t.ascii);
    }

    /** The four counts, separated by spaces, as {@link #parse} reads them. */
    String counts() {
      return rows + " " + fields + " " + chars + " " + ascii;
    }

    static Tally parse(String[] counts, int from) {
      return new Tally(Long.parseLong(counts[from]), Long.parseLong(counts[from + 1]),
          Long.parseLong(counts[from + 2]), Long.parseLong(counts[from + 3]));
    }
  }

  /** Counts what a parser hands over, field by field. */
  static final class Counter {
    final boolean content;
    long rows;
    long fields;
    long chars;
    long ascii;

    Counter(boolean content) {
      this.content = content;
    }

    void field(char[] c, int from, int length) {
      fields++;
      chars += length;
      if (content) {
        for (int i = from, to = from + length; i < to; i++) {
          if (c[i] < 0x80) {
            ascii += c[i];
          }
        }
      }
    }

    void field(CharSequence s) {
      fields++;
      int n = s.length();
      chars += n;
      if (content) {
        for (int i = 0; i < n; i++) {
          char c = s.charAt(i);
          if (c < 0x80) {
            ascii += c;
          }
        }
      }
    }

    /** A field as UTF-8 bytes, counted as the characters they decode to (valid UTF-8). */
    void field(byte[] b, int from, int to, boolean isAscii) {
      fields++;
      if (isAscii) {
        chars += to - from;
      } else {
        long n = 0;
        for (int i = from; i < to; i++) {
          int x = b[i];
          if ((x & 0xC0) != 0x80) {
            n++;
          }
          if ((x & 0xF8) == 0xF0) {
            n++; // four bytes: a character outside the basic plane, two UTF-16 units
          }
        }
        chars += n;
      }
      if (content) {
        for (int i = from; i < to; i++) {
          if (b[i] >= 0) {
            ascii += b[i];
          }
        }
      }
    }

    Tally tally() {
      return new Tally(rows, fields, chars, ascii);
    }

    /** Takes back the fields of a row counted and not wanted (a header). */
    void forget(Tally t) {
      fields -= t.fields();
      chars -= t.chars();
      ascii -= t.ascii();
    }
  }

  /**
   * Reads {@code file} to its end with {@code parser}, tallying what it hands over.
   *
   * @throws IllegalStateException if RankGauge's reader finds a problem in the file (the files
   *     compared are meant to be well formed; the other parsers throw their own exceptions)
   */
  static Tally read(String parser, Path file, boolean content) throws IOException {
    Counter c = new Counter(content);
    switch (parser) {
      case "rankgauge" -> rankgauge(file, c);
      case "fastcsv" -> fastcsv(file, c);
      case "jackson" -> jackson(file, c);
      case "commons" -> commons(file, c);
      default -> throw new IllegalArgumentException("no parser " + parser + "; one of " + PARSERS);
    }
    return c.tally();
  }

  private static void rankgauge(Path file, Counter c) throws IOException {
    List<Problem> problems = new ArrayList<>();
    try (CsvTable t = CsvTable.open(file.getParent(), file.getFileName().toString(), List.of(),
        problems::add)) {
      int columns = t.headerInfo().names().size();
      while (t.next(problems::add)) {
        c.rows++;
        for (int k = 0; k < columns; k++) {
          CharSequence v = t.text(k);
          if (v instanceof Utf8Text u) {
            c.field(u.bytes(), u.from(), u.to(), t.isAscii(k));
          } else {
            c.field(v);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(file + ": " + problems.size() + " problems, the first: "
          + problems.get(0));
    }
  }

  /** FastCSV's cheapest hand-over: each field as a range of its character buffer. */
  private static final class FastCsvCounter extends AbstractBaseCsvCallbackHandler<Counter> {
    private final Counter c;

    FastCsvCounter(Counter c) {
      this.c = c;
    }

    @Override
    protected void handleField(int index, char[] buf, int from, int length, boolean quoted) {
      c.field(buf, from, length);
    }

    @Override
    protected Counter buildRecord() {
      return c;
    }
  }

  private static void fastcsv(Path file, Counter c) throws IOException {
    try (CsvReader<Counter> r = CsvReader.builder().build(new FastCsvCounter(c), file,
        StandardCharsets.UTF_8)) {
      Tally header = null;
      for (Counter x : r) {
        if (header == null) {
          // The header's fields were counted as it was read: taken back below.
          header = x.tally();
          continue;
        }
        x.rows++;
      }
      if (header != null) {
        c.forget(header);
      }
    }
  }

  private static final CsvMapper JACKSON =
      CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

  private static void jackson(Path file, Counter c) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JACKSON.createParser(in)) {
      // Without a schema every row is an array of strings inside one outer array.
      int depth = 0;
      boolean header = true;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_ARRAY) {
          if (depth-- == 2) {
            if (header) {
              header = false;
            } else {
              c.rows++;
            }
          }
        } else if (t == JsonToken.VALUE_STRING && !header) {
          c.field(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
        }
      }
    }
  }

  private static void commons(Path file, Counter c) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180)) {
      boolean header = true;
      for (CSVRecord r : p) {
        if (header) {
          header = false;
          continue;
        }
        c.rows++;
        for (int k = 0, n = r.size(); k < n; k++) {
          c.field(r.get(k));
        }
      }
    }
  }

  /** The three files of {@code dir}, read by {@code parser}, tallied together. */
  static Tally readAll(String parser, Path dir, boolean content) throws IOException {
    Tally all = new Tally(0, 0, 0, 0);
    for (String f : FILES) {
      all = all.plus(read(parser, dir.resolve(f), content));
    }
    return all;
  }

  /** Runs the comparison; see the class's comment. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ParserChoice DIR [rounds=8] [warm|cold]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    if (args.length > 1 && args[1].equals("--once")) {
      once(args[2], dir);
      return;
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    boolean cold = args.length > 2 && args[2].equals("cold");
    long bytes = 0;
    for (String f : FILES) {
      bytes += Files.size(dir.resolve(f));
    }
    System.out.printf(Locale.ROOT, "%s: %,d bytes in %s; %d rounds, %s%n", dir, bytes, FILES,
        rounds, cold ? "cold (a JVM per parser and round)" : "warm (one JVM)");
    if (cold) {
      cold(dir, rounds);
    } else {
      warm(dir, rounds);
    }
  }

  /**
   * One parser, one pass over the folder, in this JVM: printed as CPU and wall nanoseconds, then
   * the tally's four counts.
   */
  private static void once(String parser, Path dir) throws IOException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    Tally t = readAll(parser, dir, false);
    long cpu = mx.getCurrentThreadCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    System.out.println(cpu + " " + wall + " " + t.counts());
  }

  private static void warm(Path dir, int rounds) throws IOException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int p = PARSERS.size();
    Tally expected = null;
    for (String parser : PARSERS) {
      expected = agree(parser, expected, readAll(parser, dir, false));
    }
    long[][] cpu = new long[p][rounds];
    long[][] wall = new long[p][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < p; i++) {
        int k = (i + r) % p;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        agree(PARSERS.get(k), expected, readAll(PARSERS.get(k), dir, false));
        cpu[k][r] = mx.getCurrentThreadCpuTime() - cpu0;
        wall[k][r] = System.nanoTime() - wall0;
      }
    }
    report(expected, cpu, wall);
  }

  private static void cold(Path dir, int rounds) throws IOException, InterruptedException {
    int p = PARSERS.size();
    long[][] cpu = new long[p][rounds];
    long[][] wall = new long[p][rounds];
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
    Tally expected = null;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < p; i++) {
        int k = (i + r) % p;
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
            ParserChoice.class.getName(), dir.toString(), "--once", PARSERS.get(k)));
        Process proc = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .strip();
        if (proc.waitFor() != 0) {
          throw new IllegalStateException(PARSERS.get(k) + " failed: " + out);
        }
        String[] f = out.split(" ");
        cpu[k][r] = Long.parseLong(f[0]);
        wall[k][r] = Long.parseLong(f[1]);
        expected = agree(PARSERS.get(k), expected, Tally.parse(f, 2));
      }
    }
    report(expected, cpu, wall);
  }

  private static Tally agree(String parser, Tally expected, Tally got) {
    if (expected != null && !expected.equals(got)) {
      throw new IllegalStateException(parser + " saw " + got + ", not " + expected);
    }
    return got;
  }

  private static void report(Tally t, long[][] cpu, long[][] wall) {
    System.out.printf(Locale.ROOT, "each pass: %,d rows, %,d fields, %,d characters%n", t.rows(),
        t.fields(), t.chars());
    System.out.println("parser      CPU median (quartiles)       wall median   CPU ratio to"
        + " rankgauge, median (quartiles)");
    for (int k = 0; k < PARSERS.size(); k++) {
      double[] ratio = new double[cpu[k].length];
      for (int r = 0; r < ratio.length; r++) {
        ratio[r] = (double) cpu[k][r] / cpu[0][r];
      }
      double[] c = ms(cpu[k]);
      double[] w = ms(wall[k]);
      System.out.printf(Locale.ROOT, "%-10s %7.0f ms (%.0f to %.0f) %9.0f ms   %.2f (%.2f to %.2f)%n",
          PARSERS.get(k), q(c, 2), q(c, 1), q(c, 3), q(w, 2), q(ratio, 2), q(ratio, 1),
          q(ratio, 3));
    }
  }

  private static double[] ms(long[] nanos) {
    return Arrays.stream(nanos).mapToDouble(x -> x / 1e6).toArray();
  }

  /** The k-th quartile (2: the median) of {@code v}. */
  static double q(double[] v, int k) {
    double[] s = v.clone();
    Arrays.sort(s);
    double at = (s.length - 1) * k / 4.0;
    int lo = (int) Math.floor(at);
    int hi = (int) Math.ceil(at);
    return s[lo] + (s[hi] - s[lo]) * (at - lo);
  }
}
