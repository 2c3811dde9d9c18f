package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results file written partly past the page cache holds exactly the bytes written, in order,
 * wherever the part through the cache ends, however the writes are cut and whatever the
 * buffers' size; where the file system refuses {@code O_DIRECT}, the file is written through the
 * cache to its end (here: where the cached part does not end at a whole block, the same path).
 */
class BulkFileOutputTest {
  /** File systems that take O_DIRECT on Linux, where the direct part must be used. */
  private static final Set<String> DIRECT = Set.of("ext4", "xfs", "btrfs", "ext3", "ext2");
  private static final int BLOCK = 4096;

  @TempDir
  Path dir;

  @Test
  void aResultsFilePastTheCacheHoldsEveryByteInOrder() throws IOException {
    Path f = dir.resolve("results.csv");
    byte[] bytes = bytes(1, 300_000);
    BulkFileOutput out = BulkFileOutput.open(f, 3 * BLOCK, 4 * BLOCK);
    writeInPieces(out, bytes, new Random(2), 40_000);
    out.close();
    assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
    assumeTrue(takesDirect(f), () -> "the temporary folder's file system ("
        + type(f) + ") may refuse O_DIRECT; the file was checked, not which way it went");
    assertThat(out.wentDirect()).as("the bytes past the first three blocks went direct").isTrue();
  }

  @Test
  void aFileNoLargerThanTheCachedPartIsWrittenAsAnyFile() throws IOException {
    Path f = dir.resolve("small.csv");
    byte[] bytes = bytes(3, 5 * BLOCK);
    try (BulkFileOutput out = BulkFileOutput.open(f, 5 * BLOCK, BLOCK)) {
      writeInPieces(out, bytes, new Random(4), 3_000);
      assertThat(out.wentDirect()).isFalse();
    }
    assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
  }

  @Test
  void anOlderFileOfTheNameIsReplacedWhole() throws IOException {
    Path f = dir.resolve("results.csv");
    Files.write(f, bytes(5, 200_000));
    byte[] bytes = bytes(6, 10_001);
    try (BulkFileOutput out = BulkFileOutput.open(f, BLOCK, BLOCK)) {
      out.write(bytes);
    }
    assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
  }

  @Test
  void closingTwiceIsHarmlessAndWritingAfterIsAnError() throws IOException {
    Path f = dir.resolve("results.csv");
    BulkFileOutput out = BulkFileOutput.open(f, 0, BLOCK);
    out.write(bytes(7, 3 * BLOCK + 17));
    out.close();
    out.close();
    assertThat(Files.size(f)).isEqualTo(3 * BLOCK + 17);
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aCachedPartThatIsNotWholeBlocksKeepsTheRestCachedToo() throws IOException {
    // The storage takes whole blocks at whole blocks' offsets: the direct part could not start
    // there, so the file is written as where the file system refuses O_DIRECT.
    Path f = dir.resolve("results.csv");
    byte[] bytes = bytes(8, 100_000);
    BulkFileOutput out = BulkFileOutput.open(f, BLOCK + 1, 2 * BLOCK);
    writeInPieces(out, bytes, new Random(9), 9_000);
    out.close();
    assertThat(out.wentDirect()).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
  }

  @Test
  void aFailureOfTheWritingThreadIsThrownToTheWriterAndNothingHangs() throws IOException {
    // The part past the cache opened for reading only: the writing thread's first write fails.
    Path f = dir.resolve("results.csv");
    BulkFileOutput out = BulkFileOutput.open(f, BLOCK, BLOCK, BulkFileOutputTest::readOnly);
    assertThat(failureOf(out, 10)).hasMessageContaining("NonWritableChannelException")
        .hasMessageStartingWith(f + ": ");
    assertThat(out.wentDirect()).isTrue();
  }

  /** A channel past the cache that cannot write: the writing thread's first write fails. */
  private static FileChannel readOnly(Path p) throws IOException {
    return FileChannel.open(p, StandardOpenOption.READ);
  }

  /**
   * Writes 64 blocks of random bytes into {@code out} and closes it, expecting an
   * {@link IOException} within 20 seconds (no hang), and returns it.
   */
  private static IOException failureOf(BulkFileOutput out, long seed) {
    byte[] bytes = bytes(seed, 64 * BLOCK);
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try (out) {
        writeInPieces(out, bytes, new Random(seed + 1), 3 * BLOCK);
      } catch (IOException e) {
        return e;
      }
      throw new AssertionError("no failure");
    });
  }

  @Test
  void aFailureNamesTheFileAskedForNotTheTemporaryOne() throws IOException {
    // The command line writes a temporary file beside the results file, and removes it after a
    // failure: the message names the file the user asked for, from either channel.
    Path asked = dir.resolve("results.csv");
    Path temporary = dir.resolve(".results.csv.4242.tmp");
    BulkFileOutput out = BulkFileOutput.open(temporary, asked, BLOCK, BLOCK,
        BulkFileOutputTest::readOnly);
    assertThat(failureOf(out, 14)).hasMessageStartingWith(asked + ": ")
        .message().doesNotContain(temporary.getFileName().toString());
    BulkFileOutput closed = BulkFileOutput.open(temporary, asked, BLOCK, BLOCK,
        BulkFileOutputTest::readOnly);
    closed.close();
    assertThatThrownBy(() -> closed.write(new byte[1], 0, 1)).hasMessage(asked + ": closed");
  }

  @Test
  void aChannelThatCannotBeOpenedPastTheCacheLeavesTheFileToTheCache() throws IOException {
    Path f = dir.resolve("results.csv");
    byte[] bytes = bytes(12, 20 * BLOCK + 5);
    BulkFileOutput out = BulkFileOutput.open(f, BLOCK, BLOCK, p -> {
      throw new IOException("Invalid argument");
    });
    writeInPieces(out, bytes, new Random(13), 2 * BLOCK);
    out.close();
    assertThat(out.wentDirect()).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
  }

  @Test
  void aFailureToWriteNamesTheFile() throws IOException {
    // The system's reason alone ("No space left on device") would not say which file.
    Path f = dir.resolve("results.csv");
    IOException e = BulkFileOutput.named(f, new IOException("No space left on device"));
    assertThat(e).hasMessage(f + ": No space left on device");
    assertThat(BulkFileOutput.named(f, new java.nio.channels.ClosedByInterruptException()))
        .hasMessage(f + ": java.nio.channels.ClosedByInterruptException");
  }

  @Test
  void theSystemPropertyFalseKeepsEveryByteInTheCache() {
    assertThat(BulkFileOutput.cachedBytes(null)).isEqualTo(BulkFileOutput.BUFFERED_BYTES);
    assertThat(BulkFileOutput.cachedBytes("true")).isEqualTo(BulkFileOutput.BUFFERED_BYTES);
    assertThat(BulkFileOutput.cachedBytes(" FALSE ")).isEqualTo(Long.MAX_VALUE);
    assertThat(BulkFileOutput.cachedBytes("false")).isEqualTo(Long.MAX_VALUE);
  }

  /**
   * Whatever the cached part's length (a whole number of blocks, or not: then the rest stays
   * cached too), the buffers' size and the writes' lengths, the file holds what was written.
   */
  @Property(tries = 60)
  void theFileHoldsWhatWasWritten(@ForAll("cachedParts") int cached,
      @ForAll("bufferSizes") int buffer, @ForAll @IntRange(min = 0, max = 120_000) int size,
      @ForAll @IntRange(min = 1, max = 30_000) int largestWrite, @ForAll long seed)
      throws IOException {
    Path d = Files.createTempDirectory("bulk");
    Path f = d.resolve("results.csv");
    try {
      byte[] bytes = bytes(seed, size);
      try (BulkFileOutput out = BulkFileOutput.open(f, cached, buffer)) {
        writeInPieces(out, bytes, new Random(seed), largestWrite);
      }
      assertThat(Files.readAllBytes(f)).isEqualTo(bytes);
    } finally {
      Files.deleteIfExists(f);
      Files.delete(d);
    }
  }

  @Provide
  Arbitrary<Integer> cachedParts() {
    return Arbitraries.of(0, BLOCK, 2 * BLOCK, 7 * BLOCK, 100, 5000, 1 << 20);
  }

  @Provide
  Arbitrary<Integer> bufferSizes() {
    return Arbitraries.of(BLOCK, 2 * BLOCK, 3 * BLOCK + 100, 16 * BLOCK, 1);
  }

  /** Writes {@code bytes} in pieces of 0 to {@code largest} bytes, some one byte at a time. */
  private static void writeInPieces(BulkFileOutput out, byte[] bytes, Random r, int largest)
      throws IOException {
    int at = 0;
    while (at < bytes.length) {
      int n = Math.min(bytes.length - at, r.nextInt(largest + 1));
      if (n == 1) {
        out.write(bytes[at]);
      } else {
        out.write(bytes, at, n);
      }
      at += n;
    }
  }

  private static byte[] bytes(long seed, int size) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static boolean takesDirect(Path f) throws IOException {
    return DIRECT.contains(type(f)) && Files.getFileStore(f).getBlockSize() == BLOCK;
  }

  private static String type(Path p) {
    try {
      return Files.getFileStore(p).type();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
