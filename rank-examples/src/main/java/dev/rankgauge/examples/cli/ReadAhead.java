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
 * The data folder of an {@code evaluate} read from the start of {@code main}, while picocli reads
 * the arguments and the plan loads on a thread of its own: distributors.csv and customers.csv at
 * once, orders.csv as soon as the plan is there
 * ({@link CsvOrganisation#read(Path, Supplier, Progress)}). Nothing of it shows until the command
 * takes it ({@link #take}), having read the same folder and got the same plan from the
 * arguments: then its progress lines go to the command's stderr, and what the read returned or
 * threw is the command's. A run that never takes it (a usage error, a failure before the read)
 * shows nothing of it, as if it had never been.
 *
 * <p>It keeps the contact details that the arguments' output shows
 * ({@link CsvOrganisation.Contacts}); a command that needs more reads again.
 *
 * <p>Its progress is English: the command line reads ahead only without {@code --locale}.
 */
final class ReadAhead implements Runnable {
  final Path dir;
  private final Supplier<CompPlan> plan;
  final CsvOrganisation.Contacts contacts;
  private final Held held = new Held();
  /** The progress of the command that takes this read, for every step from the read on. */
  final Progress progress = Progress.to(new PrintWriter(held), Locale.ENGLISH);
  private final CountDownLatch done = new CountDownLatch(1);
  // Written by the reading thread before done counts down.
  private Organisation read;
  private Throwable failed;
  /** The command's stderr, set by the thread that takes the read. */
  private PrintWriter err;

  /**
   * Starts reading {@code dir} on a daemon thread, for the plan {@code plan} gives when orders.csv
   * needs it (what it throws, the read throws: the command reports it when it loads the plan),
   * keeping the contact details {@code contacts}.
   */
  static ReadAhead start(Path dir, Supplier<CompPlan> plan, CsvOrganisation.Contacts contacts) {
    ReadAhead r = new ReadAhead(dir, plan, contacts);
    Thread t = new Thread(r, "rankgauge-read");
    t.setDaemon(true);
    t.start();
    return r;
  }

  private ReadAhead(Path dir, Supplier<CompPlan> plan, CsvOrganisation.Contacts contacts) {
    this.dir = dir;
    this.plan = plan;
    this.contacts = contacts;
  }

  @Override
  public void run() {
    try {
      if (!Memory.fits(dir, contacts)) {
        // The run is to fail for want of memory: let it fail as it would without this read.
        return;
      }
      // distributors.csv and customers.csv are read at once, orders.csv once the plan is there.
      read = CsvOrganisation.read(dir, plan, progress, contacts);
    } catch (Throwable t) {
      failed = t;
    } finally {
      done.countDown();
    }
  }

  /** Where the progress lines go once the command takes the read: its stderr. */
  void showOn(PrintWriter err) {
    this.err = err;
  }

  /**
   * The organisation of {@code data} for {@code p} with the contact details {@code needed},
   * read ahead, or read now if what was read ahead was not that (not expected: the command line
   * reads ahead the folder and the plan it then uses, keeping what its output shows); from now
   * on the progress lines go to the command's stderr ({@link #showOn}).
   *
   * @throws IOException as {@link CsvOrganisation#read(Path, CompPlan, Progress)} would
   */
  Organisation take(Path data, CompPlan p, CsvOrganisation.Contacts needed) throws IOException {
    boolean same = dir.equals(data) && samePlan(p)
        && (contacts == CsvOrganisation.Contacts.ALL || contacts == needed);
    // What a read of something else printed is not this run's (not expected to happen).
    held.pass(err, same);
    if (!same) {
      return CsvOrganisation.read(data, p, progress, needed);
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
    if (read == null) {
      // Not read: it would not fit (Memory).
      return CsvOrganisation.read(data, p, progress, needed);
    }
    return read;
  }

  /** Whether the plan read for is {@code p}: the plan loaded ahead, which the command took. */
  private boolean samePlan(CompPlan p) {
    try {
      return plan.get() == p;
    } catch (RuntimeException | Error e) {
      return false;
    }
  }

  /** Waits for {@code latch}, interrupted or not; an interrupt is kept for the caller. */
  static void await(CountDownLatch latch) {
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
