package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A bulk export's chunks are formatted on every core, the writing thread among them, and taken
 * in order, each once.
 */
class InOrderTest {
  @Test
  void everyChunkIsTakenOnceInOrderWhoeverFormattedIt() throws IOException {
    List<String> taken = new ArrayList<>();
    Set<String> formatters = ConcurrentHashMap.newKeySet();
    int count = 500;

    InOrder.run(count, 16, (k, b) -> {
      formatters.add(Thread.currentThread().getName());
      // Uneven work, so that chunks finish out of order.
      long x = k;
      for (int i = 0; i < (k % 7) * 20_000; i++) {
        x = x * 31 + i;
      }
      b.text("chunk " + k + (x == -1 ? "!" : "")).ascii('\n');
    }, (k, chunk) -> taken.add(k + ":" + chunk));

    assertThat(taken).hasSize(count);
    for (int k = 0; k < count; k++) {
      assertThat(taken.get(k)).isEqualTo(k + ":chunk " + k + "\n");
    }
    assertThat(formatters).contains(Thread.currentThread().getName());
  }

  @Test
  void noChunksTakeNothing() throws IOException {
    List<Integer> taken = new ArrayList<>();

    InOrder.run(0, 16, (k, b) -> b.ascii('x'), (k, chunk) -> taken.add(k));

    assertThat(taken).isEmpty();
  }

  @Test
  void aChunkThatFailsToFormatStopsTheExportWithItsException() {
    List<Integer> taken = new ArrayList<>();

    assertThatThrownBy(() -> InOrder.run(100, 16, (k, b) -> {
      if (k == 37) {
        throw new UncheckedIOException(new IOException("disk on fire"));
      }
      b.ascii('x');
    }, (k, chunk) -> taken.add(k))).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk on fire");

    assertThat(taken).hasSizeLessThanOrEqualTo(37).allMatch(k -> k < 37);
  }

  @Test
  void aSinkThatFailsStopsTheExport() {
    List<Integer> taken = new ArrayList<>();

    assertThatThrownBy(() -> InOrder.run(100, 16, (k, b) -> b.ascii('x'), (k, chunk) -> {
      if (k == 5) {
        throw new IOException("full");
      }
      taken.add(k);
    })).isInstanceOf(IOException.class).hasMessage("full");

    assertThat(taken).containsExactly(0, 1, 2, 3, 4);
  }
}
