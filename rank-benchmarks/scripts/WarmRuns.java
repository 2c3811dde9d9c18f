import dev.rankgauge.examples.cli.RankGaugeCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The command line's {@code evaluate} run several times in one JVM, for the distance between a
 * cold run and a warm one: each run's wall time (its progress lines show each step's), the
 * first run cold, the later ones with the JIT's work done. Each folder given is evaluated in
 * turn (the same folder several times, or a small one first to warm the code up) with the seed
 * plan for 2026-11, the results CSV written to a scratch file that is deleted at the end.
 * Run with the command-line jar on the class path:
 *
 * <pre>
 * java -Xmx1g -cp rank-examples/target/rankgauge.jar rank-benchmarks/scripts/WarmRuns.java /tmp/m1 /tmp/m1 /tmp/m1 /tmp/m1
 * </pre>
 */
public class WarmRuns {
  public static void main(String[] folders) throws Exception {
    Path out = Files.createTempFile("warm-runs", ".csv");
    try {
      for (int i = 0; i < folders.length; i++) {
        String[] args = {"evaluate", "--plan", "seed", "--data", folders[i], "--period", "2026-11",
            "--format", "csv", "--out", out.toString()};
        long t = System.nanoTime();
        int code = RankGaugeCli.execute(RankGaugeCli.commandLine(new RankGaugeCli(), args), args);
        System.err.println(String.format(Locale.ROOT, "run %d, %s: exit code %d, %.2f s", i + 1,
            folders[i], code, (System.nanoTime() - t) / 1e9));
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
