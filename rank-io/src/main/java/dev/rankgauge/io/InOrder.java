package dev.rankgauge.io;

import java.io.IOException;
import java.util.ArrayDeque;
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
 * <p>The writing thread formats too: when the next chunk's task has not started yet, it runs it
 * itself rather than wait (on two cores the common pool has a single worker, which alone would
 * leave one core idle); when a worker is already formatting it, the writing thread formats the
 * chunks after it that no one has started, until the next chunk is done. (Waiting instead left
 * the writing thread idle: the worker takes the chunks in order, so it had nearly always started
 * the next one; in a cold write of a million rows the writing thread waited 0.9 to 1.9 s and
 * formatted 37% of the chunks, against under 0.2 s and 48% now.) Buffers
 * are reused once written, so a run allocates a handful of them however many rows it writes.
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
    int ahead = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
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
        FutureTask<Utf8Buffer> head = pending.remove();
        head.run();
        for (FutureTask<Utf8Buffer> later : pending) {
          if (head.isDone()) {
            break;
          }
          later.run();
        }
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
