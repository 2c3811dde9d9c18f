package dev.rankgauge.io;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.ResultTable;
import dev.rankgauge.json.PlanFiles;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two or more command-line jars' CSV write, compared in one JVM so that both see the same
 * machine: each jar in a class loader of its own reads the data folder and evaluates it, then
 * the jars take turns (the first of each round rotating), each turn (1) gathering every chunk of
 * 2,048 rows with {@code ResultTable.rows} on this thread, (2) gathering and formatting every
 * chunk on this thread into one buffer (the private {@code ResultsCsv.Rows}, reached by
 * reflection; package-private classes are reached because this class is loaded next to the
 * jar's in the same class loader), both as this thread's CPU time, then (3) the whole write
 * ({@code ResultsCsv.write} to a null stream, both cores) as process CPU and wall time. Prints
 * for each jar the least and the median of each figure over the last two thirds of the turns.
 * On a shared machine the turns of every jar see the same neighbours; the least is the figure
 * least disturbed. Usage, from the repository's root (heap for two organisations):
 *
 * <pre>
 * javac -cp OLD.jar -d /tmp/wab rank-benchmarks/scripts/WriteAB.java
 * java -Xmx2g -cp /tmp/wab:OLD.jar dev.rankgauge.io.WriteAB /tmp/wab /tmp/m1 seed 10 OLD.jar NEW.jar
 * </pre>
 */
public class WriteAB {
  // What each jar runs, in its own class loader.
  public static Object[] prepare(String dir, String planName) throws Exception {
    CompPlan plan = PlanFiles.bundled(planName);
    Organisation org = CsvOrganisation.read(Path.of(dir), plan, Progress.silent());
    Evaluation e = RankGauge.evaluate(org, plan, Period.month(2026, 11));
    return new Object[] {e};
  }

  /** This thread's CPU, in ns, to gather every chunk, then to gather and format every chunk. */
  public static long[] single(Object[] st) throws Exception {
    Evaluation e = (Evaluation) st[0];
    ResultTable t = e.table();
    IoTexts words = new IoTexts(Locale.ROOT, e.plan().qualifyingVolumeType());
    Class<?> cc = Class.forName("dev.rankgauge.io.ResultsCsv$Cells");
    Constructor<?> cellsK = cc.getDeclaredConstructor(ResultTable.class, IoTexts.class);
    cellsK.setAccessible(true);
    Object cells = cellsK.newInstance(t, words);
    Class<?> rc = Class.forName("dev.rankgauge.io.ResultsCsv$Rows");
    Constructor<?> rowsK = rc.getDeclaredConstructor(ResultTable.class, cc, Utf8Buffer.class);
    rowsK.setAccessible(true);
    Method rows = rc.getDeclaredMethod("rows", int.class, int.class);
    rows.setAccessible(true);
    var mx = ManagementFactory.getThreadMXBean();
    int n = t.size();
    Utf8Buffer b = new Utf8Buffer(1 << 20);
    long c0 = mx.getCurrentThreadCpuTime();
    for (int from = 0; from < n; from += 2048) {
      t.rows(from, Math.min(n, from + 2048));
    }
    long c1 = mx.getCurrentThreadCpuTime();
    for (int from = 0; from < n; from += 2048) {
      b.clear();
      rows.invoke(rowsK.newInstance(t, cells, b), from, Math.min(n, from + 2048));
    }
    long c2 = mx.getCurrentThreadCpuTime();
    return new long[] {c1 - c0, c2 - c1};
  }

  /** The whole write to a null stream: process CPU and wall time, in ns. */
  public static long[] write(Object[] st) throws Exception {
    Evaluation e = (Evaluation) st[0];
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long p0 = os.getProcessCpuTime();
    long w0 = System.nanoTime();
    ResultsCsv.write(e, java.io.OutputStream.nullOutputStream(), Progress.silent(), Locale.ROOT);
    return new long[] {os.getProcessCpuTime() - p0, System.nanoTime() - w0};
  }

  // The driver, in the application class loader.
  public static void main(String[] a) throws Exception {
    URL bench = Path.of(a[0]).toUri().toURL();
    String dir = a[1], plan = a[2];
    int reps = Integer.parseInt(a[3]);
    String[] jars = Arrays.copyOfRange(a, 4, a.length);
    Method[][] m = new Method[jars.length][];
    Object[][] st = new Object[jars.length][];
    for (int j = 0; j < jars.length; j++) {
      ClassLoader l = new URLClassLoader(new URL[] {bench, Path.of(jars[j]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> c = l.loadClass("dev.rankgauge.io.WriteAB");
      m[j] = new Method[] {c.getMethod("prepare", String.class, String.class),
          c.getMethod("single", Object[].class), c.getMethod("write", Object[].class)};
      Thread.currentThread().setContextClassLoader(l);
      st[j] = (Object[]) m[j][0].invoke(null, dir, plan);
      System.gc();
    }
    long[][] g = new long[jars.length][reps], f = new long[jars.length][reps],
        wc = new long[jars.length][reps], ww = new long[jars.length][reps];
    for (int r = 0; r < reps; r++) {
      for (int j0 = 0; j0 < jars.length; j0++) {
        int j = (j0 + r) % jars.length;
        long[] s = (long[]) m[j][1].invoke(null, (Object) st[j]);
        g[j][r] = s[0]; f[j][r] = s[1];
        long[] w = (long[]) m[j][2].invoke(null, (Object) st[j]);
        wc[j][r] = w[0]; ww[j][r] = w[1];
      }
    }
    for (int j = 0; j < jars.length; j++) {
      System.out.printf(Locale.ROOT, "%-12s gather %s | format %s | write cpu %s | write wall %s%n",
          Path.of(jars[j]).getFileName(), q(g[j]), q(f[j]), q(wc[j]), q(ww[j]));
    }
    System.out.println("load " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /** The least and the median, in ms, of the last two thirds of the turns. */
  static String q(long[] x) {
    long[] y = Arrays.copyOfRange(x, x.length / 3, x.length);
    Arrays.sort(y);
    return String.format(Locale.ROOT, "%4d/%4d", y[0] / 1000000, y[y.length / 2] / 1000000);
  }
}
