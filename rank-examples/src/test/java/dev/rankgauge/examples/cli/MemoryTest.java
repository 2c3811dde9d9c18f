package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running out of heap is told in one line: what the data needs and how to give it. */
class MemoryTest {
  @TempDir
  Path dir;

  @Test
  void theAdviceNamesTheDataItsHeapAndTheOptionOnOneLine() throws IOException {
    Files.write(dir.resolve("distributors.csv"), new byte[3 << 20]);
    Files.write(dir.resolve("customers.csv"), new byte[2 << 20]);
    Files.write(dir.resolve("orders.csv"), new byte[5 << 20]);
    Memory.reading(dir);
    try {
      String advice = Memory.advice("Java heap space");
      assertThat(advice).doesNotContain("\n").startsWith("ran out of memory (Java heap space,"
          + " with at most ").contains(": the data in " + dir + " (10 MB of CSV) needs about"
          + " 86 MB; give Java more memory with -Xmx, as in java -Xmx")
          .containsPattern("-Xmx\\d+g -jar rankgauge.jar \\.\\.\\.$");
    } finally {
      Memory.forget();
    }
  }
}
