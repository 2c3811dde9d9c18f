package dev.rankgauge.examples.cli;

import dev.rankgauge.io.CsvOrganisation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What to say when the Java heap is too small for the data: one line with how much the data
 * needs and how to give it, instead of an {@link OutOfMemoryError}'s trace.
 */
final class Memory {
  /**
   * Heap bytes per byte of CSV input, measured at 1,000,000 distributors (docs/benchmarks.md):
   * the organisation, its evaluation and the peak while it is built, with some room. Read with
   * every contact detail ({@link CsvOrganisation.Contacts#ALL}).
   */
  private static final double HEAP_PER_CSV_BYTE = 2.2;
  /**
   * The same for a read that keeps only the distributors' names ({@link
   * CsvOrganisation.Contacts#DISTRIBUTOR_NAMES}): at 1,000,000 distributors (359 MiB of CSV)
   * {@code evaluate} to a results CSV needs a heap of 420 MiB where JSON, which keeps every
   * contact, needs 620 MiB (docs/benchmarks.md, "Fifteenth session"); 2.2 times that ratio.
   */
  private static final double HEAP_PER_CSV_BYTE_NAMES = 1.5;
  private static final long MB = 1L << 20;

  /**
   * The folder being read, its CSV bytes and the heap bytes each needs, as one value: the
   * out-of-memory handler, on another thread, reads them together, never one read's size with
   * another's factor. {@code null} when nothing is being read.
   */
  private record Reading(Path folder, long csvBytes, double perByte) {}

  private static volatile Reading reading;

  private Memory() {}

  /**
   * Notes the data folder about to be read and the contact details the read keeps, for the
   * advice should memory run out.
   */
  static void reading(Path dir, CsvOrganisation.Contacts contacts) {
    reading = new Reading(dir, csvBytes(dir), perByte(contacts));
  }

  /**
   * Whether the heap holds what reading {@code dir}, keeping {@code contacts}, needs, as {@link
   * #advice} reckons it.
   */
  static boolean fits(Path dir, CsvOrganisation.Contacts contacts) {
    return need(csvBytes(dir), perByte(contacts)) <= Runtime.getRuntime().maxMemory();
  }

  private static double perByte(CsvOrganisation.Contacts contacts) {
    return contacts == CsvOrganisation.Contacts.DISTRIBUTOR_NAMES ? HEAP_PER_CSV_BYTE_NAMES
        : HEAP_PER_CSV_BYTE;
  }

  private static long csvBytes(Path dir) {
    long sum = 0;
    for (String f : new String[] {CsvOrganisation.DISTRIBUTORS, CsvOrganisation.CUSTOMERS,
        CsvOrganisation.ORDERS}) {
      try {
        sum += Files.size(dir.resolve(f));
      } catch (IOException e) {
        // The reader reports a missing or unreadable file itself.
      }
    }
    return sum;
  }

  /** Heap bytes needed for {@code bytes} of CSV input at {@code perByte} heap bytes each. */
  private static long need(long bytes, double perByte) {
    return (long) (bytes * perByte) + 64 * MB;
  }

  /** Forgets the data folder: nothing is being read. */
  static void forget() {
    reading = null;
  }

  /** {@link #advice(String, CliTexts)} in English. */
  static String advice(String what) {
    return advice(what, CliTexts.ENGLISH);
  }

  /**
   * The one line to print: what ran out, how much heap the data being read needs, and how to
   * give it, in the language of {@code texts}.
   *
   * @param what the error's own words, such as "Java heap space"
   * @param texts the language
   */
  static String advice(String what, CliTexts texts) {
    long max = Runtime.getRuntime().maxMemory();
    Reading r = reading;
    String most = String.valueOf(max / MB);
    if (r == null || r.csvBytes() == 0) {
      return texts.get("jvm.memory", what, most);
    }
    long need = need(r.csvBytes(), r.perByte());
    return texts.get("jvm.memoryData", what, most, String.valueOf(r.folder()),
        r.csvBytes() / MB, need / MB,
        String.valueOf(need > max ? gigabytes(need) : gigabytes(max) + 1));
  }

  /** Whole gigabytes, rounded up. */
  private static long gigabytes(long bytes) {
    return (bytes + (1L << 30) - 1) >> 30;
  }
}
