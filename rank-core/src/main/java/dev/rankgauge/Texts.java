package dev.rankgauge;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Many short strings kept as UTF-8 bytes in one array, the k-th from {@code end[k - 1]} to
 * {@code end[k]}: about the text's length in bytes plus four, where a {@link String} of a few
 * characters costs some fifty. How an organisation of millions keeps its ids, names and emails
 * within a small heap. Not thread-safe while strings are added.
 */
final class Texts {
  private byte[] data;
  private int[] end;
  private int size;
  private int used;

  Texts(int expected) {
    data = new byte[Math.max(64, expected * 8)];
    end = new int[Math.max(16, expected)];
  }

  /** Appends a string and returns its position. */
  int add(String s) {
    return add(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends the UTF-8 bytes of a string and returns its position. */
  int add(byte[] utf8) {
    if (used + utf8.length > data.length || used + utf8.length < 0) {
      // Grow by half: at a million rows these arrays are tens of megabytes.
      long want = Math.max((long) data.length + (data.length >> 1), (long) used + utf8.length);
      if (want > Integer.MAX_VALUE - 16) {
        if ((long) used + utf8.length > Integer.MAX_VALUE - 16) {
          throw new IllegalStateException("more than 2 GB of text in one kind of record;"
              + " an organisation holds at most that much of ids, names, emails and phones");
        }
        want = Integer.MAX_VALUE - 16;
      }
      data = Arrays.copyOf(data, (int) want);
    }
    System.arraycopy(utf8, 0, data, used, utf8.length);
    used += utf8.length;
    if (size == end.length) {
      end = Arrays.copyOf(end, size + (size >> 1) + 16);
    }
    end[size] = used;
    return size++;
  }

  /** Makes room for {@code count} strings in all, of about {@code bytesEach} bytes each. */
  void reserve(int count, int bytesEach) {
    if (count > end.length) {
      end = Arrays.copyOf(end, count);
    }
    long bytes = Math.min(Integer.MAX_VALUE - 16, (long) bytesEach * count);
    if (bytes > data.length) {
      data = Arrays.copyOf(data, (int) bytes);
    }
  }

  int size() {
    return size;
  }

  private int start(int k) {
    return k == 0 ? 0 : end[k - 1];
  }

  String get(int k) {
    int s = start(k);
    return new String(data, s, end[k] - s, StandardCharsets.UTF_8);
  }

  boolean isEmpty(int k) {
    return start(k) == end[k];
  }

  /** The k-th string's first byte, 0 if it is empty: a read that brings it into the cache. */
  int firstByte(int k) {
    int s = start(k);
    return s < end[k] ? data[s] : 0;
  }

  /** Whether the k-th string is these bytes. */
  boolean equals(int k, byte[] b) {
    int s = start(k);
    return Arrays.equals(data, s, end[k], b, 0, b.length);
  }

  /** Whether the k-th string equals the j-th string of {@code other}. */
  boolean equals(int k, Texts other, int j) {
    return Arrays.equals(data, start(k), end[k], other.data, other.start(j), other.end[j]);
  }

  int hash(int k) {
    return hash(data, start(k), end[k]);
  }

  /**
   * A hash of the bytes, mixed (MurmurHash3's finaliser) so that ids that differ only in their
   * last digits, as "O1" to "O2657614" do, spread over a table's low bits instead of clustering:
   * with a plain {@code 31 * h + b} a million such ids probed dozens of slots each.
   */
  static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  /** Drops spare capacity once all strings are in. */
  void trim() {
    data = Arrays.copyOf(data, used);
    end = Arrays.copyOf(end, size);
  }
}
