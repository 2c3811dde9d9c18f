import com.sun.management.OperatingSystemMXBean;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanFiles;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The read and build steps of the command line alone, several times in one JVM: for each run, the
 * wall time and the process's CPU time (every thread: readers, builder, collector, compiler) of
 * reading the three CSV files and of building the organisation. CPU time is the figure to compare
 * on a loaded machine. Run with the command-line jar on the class path:
 *
 * <pre>
 * java -Xmx1g -cp rank-examples/target/rankgauge.jar rank-benchmarks/scripts/ReadTime.java /tmp/m1 seed 5
 * </pre>
 */
public class ReadTime {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CompPlan plan = PlanFiles.bundled(args.length > 1 ? args[1] : "seed");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.out.println("run   read wall  read CPU  build wall  build CPU");
    for (int r = 1; r <= runs; r++) {
      Steps steps = new Steps();
      Organisation org = CsvOrganisation.read(dir, plan, Progress.to(new PrintWriter(steps)));
      steps.mark();
      System.out.println(String.format(Locale.ROOT, "%3d  %8.2f s  %6.2f s  %8.2f s  %7.2f s%s",
          r, steps.wall[0], steps.cpu[0], steps.wall[1], steps.cpu[1],
          org.distributorCount() == 0 ? " (empty)" : ""));
      org = null;
      System.gc();
    }
    System.out.println(String.format(Locale.ROOT, "load %s", java.nio.file.Files.readString(
        Path.of("/proc/loadavg")).strip()));
  }

  /** Takes the time at each finished step the reader reports (a line without a leading space). */
  private static final class Steps extends Writer {
    final double[] wall = new double[2];
    final double[] cpu = new double[2];
    private long lastWall = System.nanoTime();
    private long lastCpu = OS.getProcessCpuTime();
    private int step;
    private boolean lineStart = true;

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (lineStart && buf[i] != ' ' && buf[i] != '\n') {
          mark();
        }
        lineStart = buf[i] == '\n';
      }
    }

    void mark() {
      if (step < 2) {
        long w = System.nanoTime();
        long c = OS.getProcessCpuTime();
        wall[step] = (w - lastWall) / 1e9;
        cpu[step] = (c - lastCpu) / 1e9;
        lastWall = w;
        lastCpu = c;
        step++;
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
