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
  /**
   * From an index of a whole table until {@link #settle}: every id, grouped by the region of the
   * slots its hash falls in ({@link Grouped}). Meanwhile a slot holds an entry of this grouping
   * + 1 instead of a position + 1, so that a lookup made region by region ({@link #findAll})
   * finds the hash and the bytes it compares beside the slots it probed.
   */
  private Grouped grouped;

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
    settle();
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
   * Puts the ids appended since the last call into the table. An id found at an earlier
   * position is a repeat: it is left out of the table (lookups find its first position) and
   * reported, in position order. Into a table that had none indexed (a builder's, at its build)
   * all go at once, region by region ({@link #indexAll}), and the table stays grouped for fast
   * lookups until {@link #settle}; after that, 32 at a time: a batch's hashes are made from the
   * ids' bytes in sequence and its slots read before any is probed, so that their cache misses
   * overlap.
   */
  void index(Repeat repeats) {
    int size = ids.size();
    if (indexed == size) {
      return;
    }
    settle();
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
    if (indexed == 0) {
      indexAll(repeats);
      return;
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
    settle();
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
    settle();
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

  /** Ids an incremental {@link #index} hashes and reads the slots of before probing. */
  private static final int BATCH = 32;

  /**
   * Looks up the strings {@code from} to {@code to - 1} of {@code texts} as ids here:
   * {@code out[k]} becomes the position of the k-th, or -1. With {@code only} given, only the k
   * where {@code only[k] == want} are looked up and the others left as they are.
   *
   * <p>The same answers as {@link #find(Texts, int)} one by one. After an index of the whole
   * table and until {@link #settle}, much faster on a large table: the strings are grouped by
   * the region of slots their hashes fall in, as the ids are, and looked up region by region,
   * so that the slots probed, the ids' hashes and the bytes compared are all in the cache
   * instead of a cache miss or three per lookup. Safe to call from several threads at once on a
   * finished table, each with its own range.
   */
  void findAll(Texts texts, int from, int to, int[] out, boolean[] only, boolean want) {
    findAll(texts, from, to, out, only, want, new Scratch());
  }

  /**
   * {@link #findAll(Texts, int, int, int[], boolean[], boolean)} grouping the strings in
   * {@code scratch}'s arrays, which one thread keeps for all its calls: a call on a large table
   * then allocates nothing. Each new array of a few megabytes is a humongous object for G1, and
   * each such allocation, with the heap as full as a build leaves it, started a concurrent
   * marking of the whole heap: at 10,000,000 distributors about a hundred in one build, 31 s of
   * the collector's time on two cores.
   */
  void findAll(Texts texts, int from, int to, int[] out, boolean[] only, boolean want,
      Scratch scratch) {
    Grouped g = grouped;
    if (g == null) {
      for (int k = from; k < to; k++) {
        if (only == null || only[k] == want) {
          out[k] = find(texts, k);
        }
      }
      return;
    }
    int m = mask;
    int[] table = slots;
    int[] ids = g.hash;
    int[] positions = g.at;
    Grouped q = group(texts, from, to, only, want, m, shift(), scratch);
    int[] hash = q.hash;
    int[] at = q.at;
    for (int e = 0; e < q.count; e++) {
      int h = hash[e];
      int tag = h & ~m;
      int found = -1;
      for (int i = h & m; ; i = (i + 1) & m) {
        int s = table[i];
        if (s == 0) {
          break;
        }
        if ((s & ~m) == tag) {
          int f = (s & m) - 1;
          if (ids[f] == h && g.same(f, q, e)) {
            found = positions[f];
            break;
          }
        }
      }
      out[at[e]] = found;
    }
  }

  /**
   * Log2 of the slots in a region of {@link Grouped}: 2^13 slots (32 KB) and the entries behind
   * them sit in a core's cache while a region's ids are put in or looked up.
   */
  private static final int REGION_SLOT_BITS = 13;
  /**
   * At most 2^11 regions: grouping writes each region's entries in a stream of its own, and
   * with many more streams than that each write would miss the cache and the TLB.
   */
  private static final int MAX_REGION_BITS = 11;

  /** The region of a hash is {@code (h & mask) >>> shift()}: the top bits of its slot. */
  private int shift() {
    int bits = Integer.bitCount(mask);
    return bits - Math.min(MAX_REGION_BITS, Math.max(0, bits - REGION_SLOT_BITS));
  }

  /**
   * Strings grouped by the region of slots their hash falls in, in position order within a
   * region, each with its hash and a copy of its bytes: a radix partition, as hash joins of
   * databases make, so that work on one region reads memory close together.
   */
  private static final class Grouped {
    /** How many entries; the arrays may be longer (a {@link Scratch}'s). */
    final int count;
    /** Region r's entries are {@code start[r]} to {@code start[r + 1] - 1}. */
    final int[] start;
    /** The position of each entry among the strings grouped. */
    final int[] at;
    final int[] hash;
    /** Entry e's bytes are {@code bytes[bound[e]]} to {@code bytes[bound[e + 1] - 1]}. */
    final int[] bound;
    final byte[] bytes;

    Grouped(int count, int[] start, int[] at, int[] hash, int[] bound, byte[] bytes) {
      this.count = count;
      this.start = start;
      this.at = at;
      this.hash = hash;
      this.bound = bound;
      this.bytes = bytes;
    }

    /** Whether entry e's bytes are entry f's of {@code o}. */
    boolean same(int e, Grouped o, int f) {
      return Arrays.equals(bytes, bound[e], bound[e + 1], o.bytes, o.bound[f], o.bound[f + 1]);
    }
  }

  /**
   * Groups the strings {@code from} to {@code to - 1} of {@code texts} (only those where
   * {@code only[k] == want}, with {@code only} given) by the region of their hash under
   * {@code mask} and {@code shift}: two passes in position order, the second writing each region's
   * entries in sequence.
   */
  private static Grouped group(Texts texts, int from, int to, boolean[] only, boolean want,
      int mask, int shift) {
    return group(texts, from, to, only, want, mask, shift, new Scratch());
  }

  /**
   * Arrays for grouping the lookups of {@link #findAll}, kept by one thread from call to call
   * and grown as needed. Not thread-safe: one per thread.
   */
  static final class Scratch {
    private int[] hashes = new int[0];
    private int[] at = new int[0];
    private int[] hash = new int[0];
    private int[] bound = new int[1];
    private byte[] bytes = new byte[0];
  }

  private static Grouped group(Texts texts, int from, int to, boolean[] only, boolean want,
      int mask, int shift, Scratch scratch) {
    int regions = (mask >>> shift) + 1;
    int[] start = new int[regions + 1];
    int[] byteStart = new int[regions + 1];
    if (scratch.hashes.length < to - from) {
      scratch.hashes = new int[to - from];
    }
    int[] hashes = scratch.hashes;
    int count = 0;
    for (int k = from; k < to; k++) {
      if (only == null || only[k] == want) {
        int h = texts.hash(k);
        hashes[k - from] = h;
        int r = (h & mask) >>> shift;
        start[r + 1]++;
        byteStart[r + 1] += texts.length(k);
        count++;
      }
    }
    for (int r = 0; r < regions; r++) {
      start[r + 1] += start[r];
      byteStart[r + 1] += byteStart[r];
    }
    int[] next = Arrays.copyOf(start, regions);
    int[] nextByte = Arrays.copyOf(byteStart, regions);
    if (scratch.at.length < count) {
      scratch.at = new int[count];
      scratch.hash = new int[count];
      scratch.bound = new int[count + 1];
    }
    if (scratch.bytes.length < byteStart[regions]) {
      scratch.bytes = new byte[byteStart[regions]];
    }
    int[] at = scratch.at;
    int[] hash = scratch.hash;
    int[] bound = scratch.bound;
    byte[] bytes = scratch.bytes;
    for (int k = from; k < to; k++) {
      if (only == null || only[k] == want) {
        int h = hashes[k - from];
        int r = (h & mask) >>> shift;
        int e = next[r]++;
        at[e] = k;
        hash[e] = h;
        bound[e] = nextByte[r];
        nextByte[r] = texts.copy(k, bytes, nextByte[r]);
      }
    }
    bound[count] = byteStart[regions];
    return new Grouped(count, start, at, hash, bound, bytes);
  }

  /**
   * Indexes a table that had no id indexed yet, every id at once: the ids are grouped by region
   * ({@link #group}) and put into the slots region by region, each region's slots and entries
   * in the cache, instead of a cache miss per id. Repeats are reported in position order as
   * {@link #index} says. The table stays grouped until {@link #settle}.
   */
  private void indexAll(Repeat repeats) {
    int size = ids.size();
    int m = mask;
    int[] table = slots;
    Grouped g = group(ids, 0, size, null, false, m, shift());
    int[] hash = g.hash;
    long[] found = null;
    int repeatsFound = 0;
    for (int e = 0; e < size; e++) {
      int h = hash[e];
      int tag = h & ~m;
      for (int i = h & m; ; i = (i + 1) & m) {
        int s = table[i];
        if (s == 0) {
          table[i] = tag | (e + 1);
          break;
        }
        if ((s & ~m) == tag) {
          int f = (s & m) - 1;
          if (hash[f] == h && g.same(f, g, e)) {
            // Entries of one region come in position order: f is the id's first position.
            if (found == null || repeatsFound == found.length) {
              found = Arrays.copyOf(found == null ? new long[0] : found, repeatsFound * 2 + 8);
            }
            found[repeatsFound++] = (long) g.at[e] << 32 | g.at[f];
            break;
          }
        }
      }
    }
    grouped = g;
    indexed = size;
    if (repeatsFound > 0) {
      Arrays.sort(found, 0, repeatsFound);
      if (repeated == null) {
        repeated = new java.util.BitSet();
      }
      for (int k = 0; k < repeatsFound; k++) {
        int p = (int) (found[k] >>> 32);
        repeated.set(p);
        repeats.found(p, (int) found[k]);
      }
    }
  }

  /**
   * Ends the grouping an index of the whole table made: each slot holds a position again, and
   * the grouped copies are let go. Nothing to do on a table not grouped. Called by every method
   * but {@link #findAll}, and by the builder once its lookups are done.
   */
  void settle() {
    Grouped g = grouped;
    if (g == null) {
      return;
    }
    int m = mask;
    int[] table = slots;
    int[] at = g.at;
    // Slots in order are entries region by region: reading at[] goes along with them.
    for (int i = 0; i < table.length; i++) {
      int s = table[i];
      if (s != 0) {
        table[i] = (s & ~m) | (at[(s & m) - 1] + 1);
      }
    }
    grouped = null;
  }

  /** The sum of what {@link #index} read ahead, kept so that the reads are not left out. */
  @SuppressWarnings("unused")
  private int touched;

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
    settle();
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
    settle();
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
