package dev.rankgauge;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Unique ids and their positions, in an open-addressing table of ints over {@link Texts}: no
 * boxed integer, map entry or {@link String} per id. Not thread-safe while ids are added;
 * lookups on a finished table are.
 *
 * <p>A slot holds the position + 1 in its low bits (as many as the table's size needs) and the
 * high bits of the id's hash above them. A probe compares those bits first and looks at the id's
 * bytes only when they agree: comparing the bytes of each id passed on the way cost a cache miss
 * or two per probe, and was most of the time of reading a million distributors' files.
 */
final class IdTable {
  private final Texts ids;
  /**
   * Position + 1 of the id in each slot in the bits of {@link #mask}, the hash's bits above them
   * in the others; 0 for an empty slot. A power of two long, at most three quarters full, so that
   * position + 1 always fits in the mask's bits.
   */
  private int[] slots;
  private int mask;

  IdTable(int expected) {
    ids = new Texts(expected);
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1));
    slots = new int[cap];
    mask = cap - 1;
  }

  /**
   * Adds an id at the next position unless it is there already.
   *
   * @return the position it already had, or -1 if it was added
   */
  int add(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    int h = Texts.hash(b, 0, b.length);
    int tag = h & ~mask;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int at = slots[i];
      if (at == 0) {
        slots[i] = tag | (ids.add(b) + 1);
        if (ids.size() > slots.length - (slots.length >> 2)) {
          grow();
        }
        return -1;
      }
      if ((at & ~mask) == tag && ids.equals((at & mask) - 1, b)) {
        return (at & mask) - 1;
      }
    }
  }

  /** The position of an id, or -1. */
  int find(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    int h = Texts.hash(b, 0, b.length);
    int tag = h & ~mask;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int at = slots[i];
      if (at == 0) {
        return -1;
      }
      if ((at & ~mask) == tag && ids.equals((at & mask) - 1, b)) {
        return (at & mask) - 1;
      }
    }
  }

  /** The position of the k-th string of {@code texts} as an id here, or -1. */
  int find(Texts texts, int k) {
    int h = texts.hash(k);
    int tag = h & ~mask;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int at = slots[i];
      if (at == 0) {
        return -1;
      }
      if ((at & ~mask) == tag && ids.equals((at & mask) - 1, texts, k)) {
        return (at & mask) - 1;
      }
    }
  }

  String get(int position) {
    return ids.get(position);
  }

  int size() {
    return ids.size();
  }

  long bytes() {
    return ids.bytes() + 4L * slots.length;
  }

  void trim() {
    ids.trim();
  }

  private void grow() {
    int cap = slots.length * 2;
    if (cap <= 0) {
      throw new IllegalStateException("too many ids for one table");
    }
    int[] next = new int[cap];
    int m = cap - 1;
    // By position, reading the ids in sequence; each hash is made again for its wider slot.
    for (int p = 0, size = ids.size(); p < size; p++) {
      int h = ids.hash(p);
      int i = h & m;
      while (next[i] != 0) {
        i = (i + 1) & m;
      }
      next[i] = (h & ~m) | (p + 1);
    }
    slots = next;
    mask = m;
  }
}
