package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.io.CsvOrganisation;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running out of heap is told in one line: what the data needs and how to give it. */
class MemoryTest {
  @TempDir
  Path dir;

  /** The three files of a data folder, 10 MB in all. */
  private void tenMegabytesOfCsv() throws IOException {
    Files.write(dir.resolve("distributors.csv"), new byte[3 << 20]);
    Files.write(dir.resolve("customers.csv"), new byte[2 << 20]);
    Files.write(dir.resolve("orders.csv"), new byte[5 << 20]);
  }

  @Test
  void theAdviceNamesTheDataItsHeapAndTheOptionOnOneLine() throws IOException {
    tenMegabytesOfCsv();
    Memory.reading(dir, CsvOrganisation.Contacts.ALL);
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

  @Test
  void aReadKeepingOnlyTheDistributorsNamesNeedsLess() throws IOException {
    // At 1,000,000 distributors a results CSV needs about two thirds of the heap that JSON,
    // which keeps every contact, needs (docs/benchmarks.md, "Fifteenth session").
    tenMegabytesOfCsv();
    Memory.reading(dir, CsvOrganisation.Contacts.DISTRIBUTOR_NAMES);
    try {
      assertThat(Memory.advice("Java heap space")).contains("(10 MB of CSV) needs about 79 MB;");
    } finally {
      Memory.forget();
    }
    assertThat(Memory.advice("Java heap space")).doesNotContain("needs about");
  }

  @Test
  void theReadAheadIsLeftOutOnlyWhereTheReadItWouldDoCannotFit() throws IOException {
    long max = Runtime.getRuntime().maxMemory();
    // CSV whose read with every contact would not fit this heap, but with names only would.
    long bytes = (long) ((max - (64L << 20)) / 1.8);
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("orders.csv").toFile(), "rw")) {
      f.setLength(bytes); // sparse: no disk used
    }
    assertThat(Memory.fits(dir, CsvOrganisation.Contacts.ALL)).isFalse();
    assertThat(Memory.fits(dir, CsvOrganisation.Contacts.DISTRIBUTOR_NAMES)).isTrue();
  }
}
