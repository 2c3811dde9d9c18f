import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.io.ResultsCsv;
import dev.rankgauge.io.ResultsJson;
import dev.rankgauge.json.PlanFiles;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What writing every distributor's results costs, apart from reading the files: reads the data
 * folder once, evaluates it, then writes the results as CSV or JSON Lines several times in a row
 * into a file (as the command line's {@code --out} does, in English) and prints, for
 * each write, the wall time and the CPU time of the whole process (every thread), with the
 * 1-minute load beside them. CPU time is the figure to compare on a shared machine. Run with the
 * command-line jar on the class path:
 *
 * <pre>
 * java -Xmx1g -cp rank-examples/target/rankgauge.jar rank-benchmarks/scripts/WriteCost.java \
 *     /tmp/m1 seed csv 5 /tmp/results.csv
 * </pre>
 *
 * Arguments: the data folder, the bundled plan (seed, doterra, ...), csv or json, how many writes,
 * and the file to write (left holding the last write, for {@code cmp}).
 */
public class WriteCost {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CompPlan plan = PlanFiles.bundled(args[1]);
    boolean json = args[2].equals("json");
    int times = Integer.parseInt(args[3]);
    Path out = Path.of(args[4]);
    Organisation org = CsvOrganisation.read(dir, plan, Progress.silent());
    Evaluation e = RankGauge.evaluate(org, plan, Period.month(2026, 11));
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < times; i++) {
      long cpu = os.getProcessCpuTime();
      long t = System.nanoTime();
      try (OutputStream s = Files.newOutputStream(out)) {
        if (json) {
          ResultsJson.writeAll(e, s, Progress.silent(), Locale.ENGLISH);
        } else {
          ResultsCsv.write(e, s, Progress.silent(), Locale.ENGLISH);
        }
      }
      long wall = System.nanoTime() - t;
      long used = os.getProcessCpuTime() - cpu;
      System.out.printf(Locale.ROOT, "%s %s write %d: %.3f s wall, %.3f s CPU, load %s%n",
          plan.name(), json ? "json" : "csv", i + 1, wall / 1e9, used / 1e9,
          Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
  }
}
