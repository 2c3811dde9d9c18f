package dev.rankgauge.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * The elements {@code 0..size-1} of a function, computed a chunk at a time on the common
 * fork-join pool, a few chunks ahead of the reader, and handed out in index order. Building a
 * million distributors' results is most of the time of writing them; this spreads it over the
 * machine's cores while the single writer keeps the output in input order.
 */
final class InOrder<T> implements Iterable<T> {
  private final int size;
  private final int perTask;
  private final IntFunction<T> element;
  private final int ahead = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

  /**
   * @param perTask how many elements one task computes
   * @param element must be safe to call from several threads at once
   */
  InOrder(int size, int perTask, IntFunction<T> element) {
    this.size = size;
    this.perTask = perTask;
    this.element = element;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private final ArrayDeque<CompletableFuture<List<T>>> pending = new ArrayDeque<>();
      private int submitted;
      private List<T> chunk = List.of();
      private int next;

      {
        fill();
      }

      private void fill() {
        while (pending.size() < ahead && submitted < size) {
          int from = submitted;
          int to = Math.min(size, from + perTask);
          pending.add(CompletableFuture.supplyAsync(() -> {
            List<T> out = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
              out.add(element.apply(i));
            }
            return out;
          }));
          submitted = to;
        }
      }

      @Override
      public boolean hasNext() {
        return next < chunk.size() || !pending.isEmpty();
      }

      @Override
      public T next() {
        if (next == chunk.size()) {
          if (pending.isEmpty()) {
            throw new NoSuchElementException();
          }
          try {
            chunk = pending.remove().join();
          } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
              throw (RuntimeException) e.getCause();
            }
            throw e;
          }
          next = 0;
          fill();
        }
        return chunk.get(next++);
      }
    };
  }
}
