package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The check's long loops run a chunk of rows at a time ({@code Organisation.chunked}): every row
 * once, in order, in chunks of at most {@code Organisation.CHUNK}, up to the largest row count
 * an array can hold.
 */
class ChunkedLoopTest {
  @Test
  void everyRowIsInExactlyOneChunkInOrder() {
    List<int[]> chunks = new ArrayList<>();
    Organisation.chunked(5, 5 + 2 * Organisation.CHUNK + 7, (from, to) -> chunks.add(
        new int[] {from, to}));
    assertThat(chunks).extracting(c -> c[0] + ".." + c[1]).containsExactly(
        "5.." + (5 + Organisation.CHUNK),
        (5 + Organisation.CHUNK) + ".." + (5 + 2 * Organisation.CHUNK),
        (5 + 2 * Organisation.CHUNK) + ".." + (5 + 2 * Organisation.CHUNK + 7));
  }

  @Test
  void anEmptyRangeRunsNothing() {
    List<int[]> chunks = new ArrayList<>();
    Organisation.chunked(9, 9, (from, to) -> chunks.add(new int[] {from, to}));
    assertThat(chunks).isEmpty();
  }

  @Test
  void theLastChunkBelowTheLargestIntEndsThereWithoutOverflowing() {
    int to = Integer.MAX_VALUE - 8;
    int from = to - Organisation.CHUNK - 100;
    List<int[]> chunks = new ArrayList<>();
    Organisation.chunked(from, to, (a, b) -> chunks.add(new int[] {a, b}));
    assertThat(chunks).extracting(c -> c[1]).containsExactly(from + Organisation.CHUNK, to);
    assertThat(Organisation.chunkEnd(to - 1, to)).isEqualTo(to);
  }
}
