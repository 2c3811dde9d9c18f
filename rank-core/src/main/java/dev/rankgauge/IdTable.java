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
  /** Positions below this are in the slots (or repeats); those from it on only appended. */
  private int indexed;
  /** Positions whose id was found at an earlier one by {@link #index}, left out of the slots. */
  private java.util.BitSet repeated;

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
    if (indexed != ids.size()) {
      throw new IllegalStateException("add after append without index");
    }
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    int h = Texts.hash(b, 0, b.length);
    int tag = h & ~mask;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int at = slots[i];
      if (at == 0) {
        slots[i] = tag | (ids.add(b) + 1);
        indexed++;
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

  /**
   * Appends an id at the next position, to be put into the table by {@link #index}: adding
   * millions of ids one at a time cost a cache miss each, waited for one after another; appending
   * them and indexing them in batches lets the misses overlap. The id is not found until then.
   *
   * @return its position
   */
  int append(CharSequence id) {
    return ids.add(id);
  }

  /** Told of an appended id that {@link #index} found at an earlier position. */
  interface Repeat {
    void found(int position, int first);
  }

  /**
   * Puts the ids appended since the last call into the table, 32 at a time: a batch's hashes are
   * made from the ids' bytes in sequence and its slots read before any is probed, so that their
   * cache misses overlap. An id found at an earlier position is a repeat: it is left out of the
   * table (lookups find its first position) and reported, in position order.
   */
  void index(Repeat repeats) {
    int size = ids.size();
    if (indexed == size) {
      return;
    }
    int cap = slots.length;
    while (cap - (cap >> 2) < size) {
      cap <<= 1;
      if (cap <= 0) {
        throw new IllegalStateException("too many ids for one table");
      }
    }
    if (cap > slots.length) {
      rehash(cap);
    }
    int[] hash = new int[BATCH];
    int seen = 0;
    for (int from = indexed; from < size; from += BATCH) {
      int to = Math.min(size, from + BATCH);
      for (int p = from; p < to; p++) {
        int h = ids.hash(p);
        hash[p - from] = h;
        seen += slots[h & mask];
      }
      for (int p = from; p < to; p++) {
        int h = hash[p - from];
        int tag = h & ~mask;
        for (int i = h & mask; ; i = (i + 1) & mask) {
          int at = slots[i];
          if (at == 0) {
            slots[i] = tag | (p + 1);
            break;
          }
          if ((at & ~mask) == tag && ids.equals((at & mask) - 1, ids, p)) {
            if (repeated == null) {
              repeated = new java.util.BitSet();
            }
            repeated.set(p);
            repeats.found(p, (at & mask) - 1);
            break;
          }
        }
      }
    }
    indexed = size;
    touched = seen;
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

  /** Lookups a batch of {@link #findAll} makes before probing, so that their misses overlap. */
  private static final int BATCH = 32;

  /**
   * Looks up the strings {@code from} to {@code to - 1} of {@code texts} as ids here:
   * {@code out[k]} becomes the position of the k-th, or -1. With {@code only} given, only the k
   * where {@code only[k] == want} are looked up and the others left as they are.
   *
   * <p>The same answers as {@link #find(Texts, int)} one by one, in about a third of the time on a
   * large table: a batch's slots are read first and their ids' bytes next, each step's cache
   * misses overlapping instead of waiting one after another, and then each lookup finds its data
   * in the cache. Safe to call from several threads at once on a finished table, each with its
   * own range.
   */
  void findAll(Texts texts, int from, int to, int[] out, boolean[] only, boolean want) {
    int[] hash = new int[BATCH];
    int[] slot = new int[BATCH];
    int seen = 0;
    for (int b = from; b < to; b += BATCH) {
      int e = Math.min(to, b + BATCH);
      for (int k = b; k < e; k++) {
        if (only == null || only[k] == want) {
          int h = texts.hash(k);
          hash[k - b] = h;
          seen += slots[h & mask];
        }
      }
      for (int k = b; k < e; k++) {
        if (only == null || only[k] == want) {
          int h = hash[k - b];
          int tag = h & ~mask;
          int i = h & mask;
          int at;
          while ((at = slots[i]) != 0 && (at & ~mask) != tag) {
            i = (i + 1) & mask;
          }
          slot[k - b] = i;
          if (at != 0) {
            seen += ids.firstByte((at & mask) - 1);
          }
        }
      }
      for (int k = b; k < e; k++) {
        if (only == null || only[k] == want) {
          out[k] = probe(hash[k - b], slot[k - b], texts, k);
        }
      }
    }
    touched = seen;
  }

  /** The sum of what {@link #findAll} read ahead, kept so that the reads are not left out. */
  @SuppressWarnings("unused")
  private int touched;

  /** Like {@link #find(Texts, int)} with the hash made, from slot i on. */
  private int probe(int h, int i, Texts texts, int k) {
    int tag = h & ~mask;
    for (; ; i = (i + 1) & mask) {
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

  /** The ids' bytes, by position. */
  Texts texts() {
    return ids;
  }

  int size() {
    return ids.size();
  }

  void trim() {
    ids.trim();
  }

  private void grow() {
    int cap = slots.length * 2;
    if (cap <= 0) {
      throw new IllegalStateException("too many ids for one table");
    }
    rehash(cap);
  }

  /**
   * Makes room for {@code count} ids in all, so that adding them grows nothing: the table then
   * holds them at most three quarters full.
   */
  void reserve(int count) {
    int cap = slots.length;
    while (cap - (cap >> 2) < count && cap < 1 << 30) {
      cap <<= 1;
    }
    if (cap > slots.length) {
      rehash(cap);
    }
    ids.reserve(count, 8);
  }

  private void rehash(int cap) {
    int[] next = new int[cap];
    int m = cap - 1;
    // By position, reading the ids in sequence; each hash is made again for its wider slot.
    // Ids appended but not indexed yet, and repeats, stay out.
    for (int p = 0; p < indexed; p++) {
      if (repeated != null && repeated.get(p)) {
        continue;
      }
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
