package dev.rankgauge.examples.cli;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The data folder of an {@code evaluate} read on a thread of its own from the start of
 * {@code main}, while picocli reads the arguments: room for the rows is made while the plan
 * loads (on its own thread too), and the files are read as soon as the plan is there. Nothing
 * of it shows until the command takes it ({@link #take}), having read the same folder and plan
 * from the arguments: then its progress lines go to the command's stderr, and what the read
 * returned or threw is the command's. A run that never takes it (a usage error, a failure
 * before the read) shows nothing of it, as if it had never been.
 *
 * <p>Its progress is English: the command line reads ahead only without {@code --locale}.
 */
final class ReadAhead implements Runnable {
  final Path dir;
  private final Supplier<CompPlan> plan;
  private final Held held = new Held();
  /** The progress of the command that takes this read, for every step from the plan on. */
  final Progress progress = Progress.to(new PrintWriter(held), Locale.ENGLISH);
  /** Counted down once the plan read for is known (or there is none). */
  private final CountDownLatch planned = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  // Written by the reading thread before planned (readFor) and done (the rest) count down.
  private CompPlan readFor;
  private Organisation read;
  private Throwable failed;
  /** The command's stderr, set by the thread that takes the read. */
  private PrintWriter err;

  /**
   * Starts reading {@code dir} for the plan {@code plan} gives (waiting for it, and giving up
   * on the read if it throws) on a daemon thread.
   */
  static ReadAhead start(Path dir, Supplier<CompPlan> plan) {
    ReadAhead r = new ReadAhead(dir, plan);
    Thread t = new Thread(r, "rankgauge-read");
    t.setDaemon(true);
    t.start();
    return r;
  }

  private ReadAhead(Path dir, Supplier<CompPlan> plan) {
    this.dir = dir;
    this.plan = plan;
  }

  @Override
  public void run() {
    try {
      if (!Memory.fits(dir)) {
        // The run is to fail for want of memory: let it fail as it would without this read.
        return;
      }
      CsvOrganisation.Room room = CsvOrganisation.makeRoom(dir);
      CompPlan p;
      try {
        p = plan.get();
      } catch (RuntimeException | Error e) {
        // The command reports it when it loads the plan itself.
        return;
      }
      progress.step(new CliTexts(progress.locale()).get("progress.loadedPlan", p.name()));
      readFor = p;
      planned.countDown();
      read = CsvOrganisation.read(dir, p, progress, room);
    } catch (Throwable t) {
      failed = t;
    } finally {
      planned.countDown();
      done.countDown();
    }
  }

  /** Where the progress lines go once the command takes the read: its stderr. */
  void showOn(PrintWriter err) {
    this.err = err;
  }

  /**
   * The organisation of {@code data} for {@code p}, read ahead, or read now if what was read
   * ahead was not that (not expected: the command line reads ahead the folder and the plan it
   * then uses); from now on the progress lines go to the command's stderr ({@link #showOn}).
   *
   * @throws IOException as {@link CsvOrganisation#read(Path, CompPlan, Progress)} would
   */
  Organisation take(Path data, CompPlan p) throws IOException {
    await(planned);
    boolean same = readFor == p && dir.equals(data);
    // What a read of something else printed is not this run's (not expected to happen).
    held.pass(err, same);
    if (!same) {
      progress.step(new CliTexts(progress.locale()).get("progress.loadedPlan", p.name()));
      return CsvOrganisation.read(data, p, progress);
    }
    await(done);
    if (failed instanceof IOException e) {
      throw e;
    }
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    if (failed != null) {
      throw new IllegalStateException(failed);
    }
    return read;
  }

  private static void await(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Text held until {@link #pass} names where it goes, then passed on as it comes. */
  private static final class Held extends Writer {
    private StringBuilder kept = new StringBuilder();
    private Writer to;

    /** From now on to {@code target}, with the text held so far if {@code held}. */
    synchronized void pass(Writer target, boolean held) {
      if (to == null) {
        to = target;
        try {
          if (held) {
            target.write(kept.toString());
            target.flush();
          }
        } catch (IOException e) {
          // As a PrintWriter would: progress is no reason to fail.
        }
        kept = null;
      }
    }

    @Override
    public synchronized void write(char[] c, int off, int len) throws IOException {
      if (to == null) {
        kept.append(c, off, len);
      } else {
        to.write(c, off, len);
      }
    }

    @Override
    public synchronized void flush() throws IOException {
      if (to != null) {
        to.flush();
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
