import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanFiles;
import java.nio.file.*;
import java.util.*;

/**
 * One cold read of a data folder, as the command line does it once: the wall time and the
 * process's CPU time up to the end of the read step (before the check), and the CPU time of each
 * thread still alive then (the JIT compilers, the collector; the reading threads have ended, so
 * their share is what is left). For the read step's cost on the command line, where compilation
 * is much of it. Run with the command-line jar on the class path:
 *
 * <pre>
 * java -Xmx1g -cp rank-examples/target/rankgauge.jar rank-benchmarks/scripts/ReadThreads.java /tmp/m1
 * </pre>
 */
public class ReadThreads {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CompPlan plan = PlanFiles.bundled("seed");
    Map<String, Double> before = threads();
    double cpu0 = proc();
    long w0 = System.nanoTime();
    long[] w = new long[1]; double[] c = new double[1]; List<Map<String, Double>> snap = new ArrayList<>();
    java.io.Writer mark = new java.io.Writer() {
      boolean lineStart = true;
      public void write(char[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
          if (lineStart && b[i] != ' ' && b[i] != '\n' && snap.isEmpty()) {
            try { w[0] = System.nanoTime(); c[0] = proc(); snap.add(threads()); } catch (Exception e) { throw new RuntimeException(e); }
          }
          lineStart = b[i] == '\n';
        }
      }
      public void flush() {}
      public void close() {}
    };
    Organisation org = CsvOrganisation.read(dir, plan, Progress.to(new java.io.PrintWriter(mark)));
    long w1 = w[0];
    double cpu1 = c[0];
    Map<String, Double> after = snap.get(0);
    double others = 0;
    StringBuilder sb = new StringBuilder();
    for (var e : after.entrySet()) {
      double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
      if (d > 0.005) { sb.append(String.format(Locale.ROOT, "  %-28s %6.2f s%n", e.getKey(), d)); others += d; }
    }
    System.out.printf(Locale.ROOT, "read wall %.2f s, CPU %.2f s (threads alive %.2f, readers and gone %.2f) %s%n%s",
        (w1 - w0) / 1e9, cpu1 - cpu0, others, cpu1 - cpu0 - others, org.distributorCount(), sb);
    System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).strip());
  }
  static double proc() throws Exception {
    String[] f = Files.readString(Path.of("/proc/self/stat")).split("\\) ")[1].split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }
  static Map<String, Double> threads() throws Exception {
    Map<String, Double> m = new TreeMap<>();
    try (var ds = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path t : ds) {
        try {
          String comm = Files.readString(t.resolve("comm")).strip();
          String[] f = Files.readString(t.resolve("stat")).split("\\) ")[1].split(" ");
          double c = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
          m.merge(comm + "#" + t.getFileName(), c, Double::sum);
        } catch (Exception e) { }
      }
    }
    return m;
  }
}
