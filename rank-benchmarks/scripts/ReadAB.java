package dev.rankgauge.io;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two or more command-line jars' CSV tokenizer, compared in one JVM so that both see the same
 * machine: each jar's {@code CsvTable} in a class loader of its own, the jars taking turns (the
 * first of each round rotating), each turn splitting the data folder's three files into rows
 * and fields ({@code CsvTable.next}, nothing asked of the fields) on this thread, as this
 * thread's CPU time. Two untimed turns per jar first. Prints each jar's turns, their median and
 * quartiles, and the median and quartiles of each jar's CPU over the first jar's in the same
 * round. Separate JVMs differ by a fifth or more on this machine from one minute to the next;
 * turns in one JVM do not. A changed tokenizer is worth keeping only if it wins here. Usage,
 * from the repository's root:
 *
 * <pre>
 * javac -cp OLD.jar -d /tmp/rab rank-benchmarks/scripts/ReadAB.java
 * java -Xmx1g -cp /tmp/rab dev.rankgauge.io.ReadAB /tmp/rab /tmp/m1 12 OLD.jar NEW.jar
 * </pre>
 *
 * <p>Any jar holding rank-io's classes serves: the command line's or the benchmarks'.
 */
public class ReadAB {
  private static final List<String> FILES =
      List.of("distributors.csv", "customers.csv", "orders.csv");

  /** One turn, in the jar's class loader: this thread's CPU in ns; fails on any problem. */
  public static long turn(String dir) throws Exception {
    var mx = ManagementFactory.getThreadMXBean();
    long rows = 0;
    long c0 = mx.getCurrentThreadCpuTime();
    for (String f : FILES) {
      try (CsvTable t = CsvTable.open(Path.of(dir), f, List.of(), ReadAB::fail)) {
        while (t.next(ReadAB::fail)) {
          rows++;
        }
      }
    }
    long cpu = mx.getCurrentThreadCpuTime() - c0;
    if (rows == 0) {
      throw new IllegalStateException("no rows in " + dir);
    }
    return cpu;
  }

  private static void fail(dev.rankgauge.Problem p) {
    throw new IllegalStateException(p.location() + ": " + p.code());
  }

  // The driver, in the application class loader.
  public static void main(String[] a) throws Exception {
    if (a.length < 5) {
      System.err.println("usage: ReadAB CLASSES_DIR DATA_DIR ROUNDS JAR JAR [JAR ...]");
      System.exit(2);
    }
    URL classes = Path.of(a[0]).toUri().toURL();
    String dir = a[1];
    int rounds = Integer.parseInt(a[2]);
    String[] jars = Arrays.copyOfRange(a, 3, a.length);
    Method[] turn = new Method[jars.length];
    for (int j = 0; j < jars.length; j++) {
      ClassLoader l = new URLClassLoader(new URL[] {classes, Path.of(jars[j]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      turn[j] = l.loadClass("dev.rankgauge.io.ReadAB").getMethod("turn", String.class);
      if (turn[j].getDeclaringClass().getClassLoader() != l) {
        throw new IllegalStateException("ReadAB came from the class path, not " + a[0]);
      }
    }
    for (int k = 0; k < 2; k++) {
      for (Method m : turn) {
        m.invoke(null, dir);
      }
    }
    long[][] cpu = new long[jars.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int j0 = 0; j0 < jars.length; j0++) {
        int j = (j0 + r) % jars.length;
        cpu[j][r] = (Long) turn[j].invoke(null, dir);
      }
    }
    for (int j = 0; j < jars.length; j++) {
      double[] ms = new double[rounds];
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ms[r] = cpu[j][r] / 1e6;
        ratio[r] = (double) cpu[j][r] / cpu[0][r];
      }
      System.out.printf(Locale.ROOT, "%s%n  turns (ms): %s%n  CPU median %.0f ms (quartiles %.0f"
          + " to %.0f); to the first jar's, same round: median %.3f (quartiles %.3f to %.3f)%n",
          jars[j], Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()),
          q(ms, 2), q(ms, 1), q(ms, 3), q(ratio, 2), q(ratio, 1), q(ratio, 3));
    }
    System.out.println("load " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /** Quartile k (0 to 4) of {@code v}, the nearest rank. */
  static double q(double[] v, int k) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, k * s.length / 4)];
  }
}
