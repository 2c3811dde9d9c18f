package dev.rankgauge.io;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;

/**
 * Chunks {@code 0..count-1} of a bulk export, formatted into byte buffers on every core, a few
 * chunks ahead of the writer, and handed to the writer in index order. Formatting a million
 * distributors' rows is most of the time of writing them; this spreads it over the machine's
 * cores while one thread keeps the output in input order.
 *
 * <p>The writing thread formats too (on two cores the common pool has a single worker, which
 * alone would leave one core idle): until the next chunk is done it formats the newest chunk that
 * nobody has started, while the workers take them from the oldest, so neither waits for the
 * other. (It used to run the next chunk only, and wait when a worker had started it: the worker
 * takes the chunks in order, so it nearly always had, and the writing thread sat idle a third of
 * a cold write of a million rows and more than half of a write of ten million.) Buffers are
 * reused once written, so a run allocates a handful of them however many rows it writes.
 */
final class InOrder {
  /** Formats chunk {@code k} into an empty buffer; called from several threads at once. */
  interface Format {
    void chunk(int k, Utf8Buffer into);
  }

  /** Takes the chunks in order, on the calling thread. */
  interface Sink {
    void take(int k, Utf8Buffer chunk) throws IOException;
  }

  private InOrder() {}

  /**
   * Formats and hands over every chunk; returns once the last one was taken.
   *
   * @param capacity the first size of a buffer, in bytes
   */
  static void run(int count, int capacity, Format format, Sink sink) throws IOException {
    int ahead = 2 * Runtime.getRuntime().availableProcessors() + 4;
    ConcurrentLinkedQueue<Utf8Buffer> free = new ConcurrentLinkedQueue<>();
    ArrayDeque<FutureTask<Utf8Buffer>> pending = new ArrayDeque<>();
    int submitted = 0;
    try {
      for (int k = 0; k < count; k++) {
        while (pending.size() < ahead && submitted < count) {
          int chunk = submitted++;
          FutureTask<Utf8Buffer> task = new FutureTask<>(() -> {
            Utf8Buffer b = free.poll();
            if (b == null) {
              b = new Utf8Buffer(capacity);
            }
            format.chunk(chunk, b);
            return b;
          });
          pending.add(task);
          ForkJoinPool.commonPool().execute(task);
        }
        FutureTask<Utf8Buffer> head = pending.getFirst();
        // The workers take the chunks from the oldest, this thread from the newest: it leaves them
        // the chunks they are about to take, and formats what nobody has started until the next
        // chunk is done (running a started or finished task does nothing).
        Iterator<FutureTask<Utf8Buffer>> newest = pending.descendingIterator();
        while (!head.isDone() && newest.hasNext()) {
          newest.next().run();
        }
        pending.removeFirst();
        Utf8Buffer b = done(head);
        sink.take(k, b);
        b.clear();
        free.add(b);
      }
    } finally {
      for (FutureTask<Utf8Buffer> t : pending) {
        t.cancel(false);
      }
    }
  }

  private static Utf8Buffer done(FutureTask<Utf8Buffer> task) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error r) {
        throw r;
      }
      throw new IOException(cause);
    } catch (CancellationException e) {
      throw new IllegalStateException(e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
