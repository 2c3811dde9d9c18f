package dev.rankgauge.io;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.json.PlanFiles;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;

/**
 * The cold write of the results CSV alone: reads a data folder and evaluates it (seed plan, or
 * the plan named third, period 2026-11), waits two seconds for the JIT to go quiet, then times
 * one CSV write (English, as the command line writes it) to a file, or to no file with
 * {@code null}: wall, the process's CPU and system CPU, and each group of threads' CPU during the
 * write (the compiler threads' included), from {@code /proc/self/task}. The write's code is as
 * cold as in the command line, since nothing before it runs any of it; with {@code -Dreps=N}
 * the first N - 1 writes go to no file and the N-th is timed warm. Compile against the jar and
 * run with it first on the class path, one JVM per figure (Linux only):
 *
 * <pre>
 * javac -cp JAR -d /tmp/cw rank-benchmarks/scripts/ColdWrite.java
 * java -Xmx1g -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=80 \
 *   -cp JAR:/tmp/cw dev.rankgauge.io.ColdWrite /tmp/m1 /tmp/cw.csv
 * </pre>
 */
public class ColdWrite {
  static Map<String, Long> threads() throws Exception {
    Map<String, Long> m = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path t : ds) {
        try {
          String name = Files.readString(t.resolve("comm")).trim().replaceAll("[0-9]+$", "");
          String s = Files.readString(t.resolve("stat"));
          String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          m.merge(name, ticks, Long::sum);
        } catch (Exception e) { }
      }
    }
    return m;
  }
  static long sys() throws Exception {
    String s = Files.readString(Path.of("/proc/self/stat"));
    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[12]);
  }
  public static void main(String[] a) throws Exception {
    CompPlan plan = PlanFiles.bundled(a.length > 2 ? a[2] : "seed");
    Organisation org = CsvOrganisation.read(Path.of(a[0]), plan, Progress.silent());
    Evaluation e = RankGauge.evaluate(org, plan, Period.month(2026, 11));
    Thread.sleep(2000);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int reps = Integer.getInteger("reps", 1);
    for (int r = 1; r < reps; r++) {
      try (OutputStream out = OutputStream.nullOutputStream()) {
        ResultsCsv.write(e, out, Progress.silent(), Locale.ENGLISH);
      }
    }
    Map<String, Long> t0 = threads();
    long p0 = os.getProcessCpuTime();
    long w0 = System.nanoTime();
    long s0 = sys();
    try (OutputStream out = a[1].equals("null") ? OutputStream.nullOutputStream() : Files.newOutputStream(Path.of(a[1]))) {
      ResultsCsv.write(e, out, Progress.silent(), Locale.ENGLISH);
    }
    long w1 = System.nanoTime();
    long p1 = os.getProcessCpuTime();
    long s1 = sys();
    Map<String, Long> t1 = threads();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("wall %.3f cpu %.3f |", (w1 - w0) / 1e9, (p1 - p0) / 1e9));
    sb.append(String.format(" sys %.2f |", (s1 - s0) / 100.0));
    for (var en : t1.entrySet()) {
      long d = en.getValue() - t0.getOrDefault(en.getKey(), 0L);
      if (d > 0) sb.append(String.format(" %s=%.2f", en.getKey(), d / 100.0));
    }
    System.out.println(sb);
  }
}
