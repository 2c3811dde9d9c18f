package dev.rankgauge.io;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long run, on stderr. A run is long once a step has counted 65,536 items; until
 * then nothing is printed, so small runs (and tests) stay quiet whatever the machine's load. In a
 * long run a count is shown at most once a second, and every finished step with its time.
 *
 * <p>Not thread-safe: one run, one thread.
 */
public final class Progress {
  private static final long SECOND = 1_000_000_000L;
  private static final Progress SILENT = new Progress(null);

  private final PrintWriter err;
  private long stepStart = System.nanoTime();
  private long lastPrint = stepStart;
  private boolean longRun;

  private Progress(PrintWriter err) {
    this.err = err;
  }

  /**
   * Progress written to the given writer.
   *
   * @param err normally stderr
   * @return a new progress for one run
   */
  public static Progress to(PrintWriter err) {
    return new Progress(err);
  }

  /**
   * No progress at all.
   *
   * @return the progress that prints nothing
   */
  public static Progress silent() {
    return SILENT;
  }

  /**
   * Reports that {@code count} items of {@code what} are done; cheap enough to call per row.
   *
   * @param what such as {@code "orders.csv rows"}
   * @param count how many are done so far
   */
  public void count(String what, long count) {
    if (err == null || count == 0 || (count & 0xFFFF) != 0) {
      return;
    }
    longRun = true;
    long now = System.nanoTime();
    if (now - lastPrint >= SECOND && now - stepStart >= SECOND) {
      err.printf(Locale.ROOT, "  %s: %,d%n", what, count);
      err.flush();
      lastPrint = now;
    }
  }

  /**
   * Reports a finished step with its time.
   *
   * @param done such as {@code "read 1,000,000 distributors"}
   */
  public void step(String done) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (longRun) {
      err.printf(Locale.ROOT, "%s (%.1f s)%n", done, (now - stepStart) / 1e9);
      err.flush();
    }
    stepStart = now;
    lastPrint = now;
  }
}
