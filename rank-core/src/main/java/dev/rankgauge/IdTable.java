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
 *
 * <p>Numbered ids ({@code D1} to {@code D1000000}, or {@code C00001} to {@code C99999}) need no
 * hash at all: while every id indexed is in such a shape, the table is an array by number
 * ({@link Numbered}), and the slots are made only when an id in another shape comes.
 */
final class IdTable {
  private final Texts ids;
  /**
   * Position + 1 of the id in each slot in the bits of {@link #mask}, the hash's bits above them
   * in the others; 0 for an empty slot. A power of two long, at most three quarters full, so that
   * position + 1 always fits in the mask's bits. Null while the table is {@link #numbered} or
   * nothing was indexed: made when first needed.
   */
  private int[] slots;
  private int mask;
  /**
   * While every id indexed is one text followed by a number (see {@link Numbered}), the ids by
   * their number instead of {@link #slots}; null otherwise.
   */
  private Numbered numbered;
  /** Positions below this are in the slots (or repeats); those from it on only appended. */
  private int indexed;
  /** Positions whose id was found at an earlier one by {@link #index}, left out of the slots. */
  private java.util.BitSet repeated;

  IdTable(int expected) {
    ids = new Texts(expected);
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
    hashed();
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
    if (slots == null) {
      if (indexNumbered(repeats)) {
        indexed = size;
        return;
      }
      hashed();
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
    // A chunk at a time (Organisation.chunked): C2 compiles the loop once.
    for (int from = indexed; from < size; from = Organisation.chunkEnd(from, size)) {
      seen += index(hash, repeats, from, Organisation.chunkEnd(from, size));
    }
    indexed = size;
    touched = seen;
  }

  /** {@link #index(Repeat)} of the ids {@code [start, end)}: the sum of what it read ahead. */
  private int index(int[] hash, Repeat repeats, int start, int end) {
    int seen = 0;
    for (int from = start; from < end; from += BATCH) {
      int to = Math.min(end, from + BATCH);
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
    return seen;
  }

  /** The position of an id, or -1. */
  int find(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    if (slots == null) {
      return numbered == null ? -1 : numbered.find(b, 0, b.length);
    }
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
    if (slots == null) {
      return numbered == null ? -1 : numbered.find(texts.data(), texts.start(k), texts.end(k));
    }
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
   *
   * @return how many of them, not empty, were not found: 0 when every reference is known
   */
  int findAll(Texts texts, int from, int to, int[] out, boolean[] only, boolean want) {
    // A chunk at a time (Organisation.chunked): C2 compiles the loops once.
    int missing = 0;
    for (int a = from; a < to; a = Organisation.chunkEnd(a, to)) {
      missing += findRange(texts, a, Organisation.chunkEnd(a, to), out, only, want);
    }
    return missing;
  }

  /** {@link #findAll} of the strings {@code [from, to)}. */
  private int findRange(Texts texts, int from, int to, int[] out, boolean[] only, boolean want) {
    if (slots == null) {
      return findNumbered(texts, from, to, out, only, want);
    }
    int[] hash = new int[BATCH];
    int[] slot = new int[BATCH];
    int seen = 0;
    int missing = 0;
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
          int at = probe(hash[k - b], slot[k - b], texts, k);
          out[k] = at;
          if (at < 0 && !texts.isEmpty(k)) {
            missing++;
          }
        }
      }
    }
    touched = seen;
    return missing;
  }

  /**
   * {@link #findAll} in two tables at once: the k-th string of {@code texts}, {@code from} to
   * {@code to - 1}, looked up in {@code whenFalse} where {@code which[k]} is false and in {@code
   * whenTrue} where it is true ({@code out[k]} its position there, or -1). The same answers as the
   * two calls of {@code findAll}, one for each table; in one pass over the strings when both
   * tables are numbered, where the two calls each went over every string, branching on {@code
   * which} (an order's buyer: a distributor or a customer, at random) to pick those of its table.
   * Safe to call from several threads at once on finished tables, each with its own range.
   *
   * @return how many of them, not empty, were not found
   */
  static int findEither(IdTable whenFalse, IdTable whenTrue, Texts texts, int from, int to,
      int[] out, boolean[] which) {
    Numbered f = whenFalse.slots == null ? whenFalse.numbered : null;
    Numbered t = whenTrue.slots == null ? whenTrue.numbered : null;
    if (f == null || t == null) {
      return whenFalse.findAll(texts, from, to, out, which, false)
          + whenTrue.findAll(texts, from, to, out, which, true);
    }
    // A chunk at a time (Organisation.chunked): C2 compiles the loops once.
    int missing = 0;
    for (int a = from; a < to; a = Organisation.chunkEnd(a, to)) {
      missing += findEither(f, t, texts, a, Organisation.chunkEnd(a, to), out, which);
    }
    return missing;
  }

  /** {@link #findEither} of the strings {@code [from, to)} in two numbered tables. */
  private static int findEither(Numbered f, Numbered t, Texts texts, int from, int to, int[] out,
      boolean[] which) {
    byte[] data = texts.data();
    int[] index = new int[BATCH];
    int missing = 0;
    for (int b = from; b < to; b += BATCH) {
      int e = Math.min(to, b + BATCH);
      for (int k = b; k < e; k++) {
        Numbered n = which[k] ? t : f;
        // As in findNumbered: -1 for a string not in the shape or beyond the numbers.
        int i = n.number(data, texts.start(k), texts.end(k)) - n.base;
        index[k - b] = Integer.compareUnsigned(i, n.at.length) < 0 ? i : -1;
      }
      for (int k = b; k < e; k++) {
        int i = index[k - b];
        int[] at = which[k] ? t.at : f.at;
        int p = i < 0 ? -1 : at[i] - 1;
        out[k] = p;
        if (p < 0 && !texts.isEmpty(k)) {
          missing++;
        }
      }
    }
    return missing;
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

  /**
   * {@link #findAll} on a table without slots: each string's number read and looked up, no hash
   * made and no id's bytes compared (the text before the number is compared with the table's
   * one copy of it, in the cache). A batch's numbers are read first and their entries next, so
   * that the entries' cache misses overlap instead of waiting behind the branches of reading
   * numbers of varying length (a third of the time of looking up a million sponsors).
   */
  private int findNumbered(Texts texts, int from, int to, int[] out, boolean[] only,
      boolean want) {
    Numbered n = numbered;
    int missing = 0;
    if (n == null) {
      for (int k = from; k < to; k++) {
        if (only == null || only[k] == want) {
          out[k] = -1;
          missing += texts.isEmpty(k) ? 0 : 1;
        }
      }
      return missing;
    }
    byte[] data = texts.data();
    int[] at = n.at;
    int[] index = new int[BATCH];
    for (int b = from; b < to; b += BATCH) {
      int e = Math.min(to, b + BATCH);
      for (int k = b; k < e; k++) {
        // -1 (found nowhere) for a string not in the shape or beyond the numbers: unsigned.
        // Strings not asked for are not read (buyers are looked up in two tables, half in each).
        int i = only == null || only[k] == want
            ? n.number(data, texts.start(k), texts.end(k)) - n.base : -1;
        index[k - b] = Integer.compareUnsigned(i, at.length) < 0 ? i : -1;
      }
      for (int k = b; k < e; k++) {
        int i = index[k - b];
        if (only == null || only[k] == want) {
          int p = i < 0 ? -1 : at[i] - 1;
          out[k] = p;
          if (p < 0 && !texts.isEmpty(k)) {
            missing++;
          }
        }
      }
    }
    return missing;
  }

  /**
   * Indexes the ids appended since the last call by their numbers, if this table is numbered (or
   * nothing was indexed yet) and every one of them is in its shape, with numbers close enough
   * together; otherwise changes nothing and says so.
   */
  private boolean indexNumbered(Repeat repeats) {
    int size = ids.size();
    int from = indexed;
    Numbered shape = numbered;
    if (shape == null) {
      if (from > 0) {
        return false;
      }
      shape = Numbered.of(ids.data(), ids.start(0), ids.end(0));
      if (shape == null) {
        return false;
      }
    }
    byte[] data = ids.data();
    if (shape.at == null) {
      int placed = placeFromZero(shape, repeats);
      if (placed != 0) {
        return placed > 0;
      }
    }
    // Every new id in the shape, and the range of all the numbers: nothing changes until known.
    long lo = shape.at == null ? Long.MAX_VALUE : shape.base;
    long hi = shape.at == null ? Long.MIN_VALUE : shape.base + shape.at.length - 1L;
    for (int p = from; p < size; p++) {
      int x = shape.number(data, ids.start(p), ids.end(p));
      if (x < 0) {
        return false;
      }
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (hi - lo + 1 > Numbered.MAX_SPREAD * (long) size + Numbered.MIN_ROOM) {
      return false;
    }
    int[] at = new int[(int) (hi - lo + 1)];
    if (shape.at != null) {
      System.arraycopy(shape.at, 0, at, (int) (shape.base - lo), shape.at.length);
    }
    int base = (int) lo;
    for (int p = from; p < size; p++) {
      int i = shape.number(data, ids.start(p), ids.end(p)) - base;
      int first = at[i] - 1;
      if (first >= 0) {
        if (repeated == null) {
          repeated = new java.util.BitSet();
        }
        repeated.set(p);
        repeats.found(p, first);
      } else {
        at[i] = p + 1;
      }
    }
    numbered = new Numbered(shape.prefix, shape.width, base, at);
    return true;
  }

  /**
   * Indexes every id, the first time, in one pass into an array from number 0, with an eighth
   * more room than ids: what ids numbered from 0 or 1 need (a second pass to find the numbers'
   * range first cost a third more). Returns 1 if done, -1 if an id is not in the shape (nothing
   * changed), 0 if a number is beyond the room (nothing changed either).
   */
  private int placeFromZero(Numbered shape, Repeat repeats) {
    int size = ids.size();
    byte[] data = ids.data();
    int[] at = new int[(int) Math.min(Integer.MAX_VALUE - 16, size + (size >> 3) + 16L)];
    java.util.BitSet again = new java.util.BitSet();
    // A chunk at a time (Organisation.chunked): C2 compiles the loop once.
    for (int p = 0; p < size; p = Organisation.chunkEnd(p, size)) {
      int placed = placeFromZero(shape, data, at, again, p, Organisation.chunkEnd(p, size));
      if (placed <= 0) {
        return placed;
      }
    }
    if (!again.isEmpty()) {
      // Told only now that every id is in: in position order, as indexing by hash tells them.
      repeated = again;
      for (int p = again.nextSetBit(0); p >= 0; p = again.nextSetBit(p + 1)) {
        repeats.found(p, at[shape.number(data, ids.start(p), ids.end(p))] - 1);
      }
    }
    numbered = new Numbered(shape.prefix, shape.width, 0, at);
    return 1;
  }

  /**
   * {@link #placeFromZero(Numbered, Repeat)} of the ids {@code [from, to)}, each repeat set in
   * {@code again}: 1 if done, -1 or 0 as there.
   */
  private int placeFromZero(Numbered shape, byte[] data, int[] at, java.util.BitSet again,
      int from, int to) {
    for (int p = from; p < to; p++) {
      int x = shape.number(data, ids.start(p), ids.end(p));
      if (x < 0) {
        return -1;
      }
      if (x >= at.length) {
        return 0;
      }
      if (at[x] != 0) {
        again.set(p);
      } else {
        at[x] = p + 1;
      }
    }
    return 1;
  }

  /** Gives the table slots holding every id indexed so far, if it has none. */
  private void hashed() {
    numbered = null;
    if (slots == null) {
      int cap = 16;
      while (cap - (cap >> 2) < indexed) {
        cap <<= 1;
      }
      rehash(cap);
    }
  }

  /**
   * Ids that are all one text followed by a number of at most nine digits, written alike: all
   * without leading zeros ({@code D1} to {@code D1000000}), or all with the same number of digits
   * ({@code C00001} to {@code C99999}). Their table is an array by number (less the smallest),
   * of each id's position + 1: one read finds an id, where the hash table read a slot and then
   * the id's bytes elsewhere, each a cache miss in a table of millions. A text in another shape
   * cannot be one of the ids and is not found.
   */
  private static final class Numbered {
    /**
     * How much longer than the ids the array may be: no longer than the slots of the hash table
     * (from 4/3 to 8/3 of the ids), so that numbers with gaps still take this way.
     */
    static final int MAX_SPREAD = 2;
    static final int MIN_ROOM = 64;

    final byte[] prefix;
    /** The number of digits of every id, or 0 for numbers without leading zeros. */
    final int width;
    final int base;
    /** Position + 1 by number - base, 0 for none; null for a shape not indexed yet. */
    final int[] at;

    Numbered(byte[] prefix, int width, int base, int[] at) {
      this.prefix = prefix;
      this.width = width;
      this.base = base;
      this.at = at;
    }

    /** The shape of an id, with no array yet; null if it does not end in one to nine digits. */
    static Numbered of(byte[] b, int from, int to) {
      int digits = to;
      while (digits > from && b[digits - 1] >= '0' && b[digits - 1] <= '9') {
        digits--;
      }
      int count = to - digits;
      if (count == 0 || count > 9) {
        return null;
      }
      int width = count > 1 && b[digits] == '0' ? count : 0;
      return new Numbered(Arrays.copyOfRange(b, from, digits), width, 0, null);
    }

    /** The number of the id in {@code b[from, to)}, or -1 if it is not in this shape. */
    int number(byte[] b, int from, int to) {
      int p = prefix.length;
      int count = to - from - p;
      if (count <= 0 || count > 9 || (width == 0 ? count > 1 && b[from + p] == '0'
          : count != width)) {
        return -1;
      }
      for (int i = 0; i < p; i++) {
        if (b[from + i] != prefix[i]) {
          return -1;
        }
      }
      int s = from + p;
      if (count <= 8 && s <= b.length - 8) {
        return IdTable.digits((long) LONG.get(b, s), count);
      }
      int x = 0;
      for (int i = s; i < to; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          return -1;
        }
        x = 10 * x + d;
      }
      return x;
    }

    /** The position of the id in {@code b[from, to)}, or -1. */
    int find(byte[] b, int from, int to) {
      int i = number(b, from, to) - base;
      return i >= 0 && i < at.length ? at[i] - 1 : -1;
    }
  }

  /**
   * The number written by the first {@code count} (1 to 8) of the eight bytes {@code v} holds
   * (the first in its lowest byte), or -1 if one of them is not a digit: all eight at once,
   * without a branch per digit. The loop over the digits, its end at a varying length
   * mispredicted once per id, was most of the time of indexing and looking up numbered ids
   * (docs/benchmarks.md, "Twelfth session: building from rows").
   */
  static int digits(long v, int count) {
    // The digits moved up to the highest bytes, the bytes below them made '0': leading zeros.
    int shift = 64 - 8 * count;
    long x = (v << shift) | (ZEROS & ~(-1L << shift));
    // Every byte from '0' to '9': its high half 3, and still 3 once 6 is added to it.
    if ((x & HIGH) != ZEROS || ((x + SIXES) & HIGH) != ZEROS) {
      return -1;
    }
    x -= ZEROS;
    x = (x * 10 + (x >>> 8)) & 0x00FF00FF00FF00FFL;
    x = (x * 100 + (x >>> 16)) & 0x0000FFFF0000FFFFL;
    return (int) ((x * 10000 + (x >>> 32)) & 0xFFFFFFFFL);
  }

  private static final long ZEROS = 0x3030303030303030L;
  private static final long SIXES = 0x0606060606060606L;
  private static final long HIGH = 0xF0F0F0F0F0F0F0F0L;

  /** Eight bytes of an array as one long, the first in its lowest byte. */
  private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles
      .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private void grow() {
    int cap = slots.length * 2;
    if (cap <= 0) {
      throw new IllegalStateException("too many ids for one table");
    }
    rehash(cap);
  }

  /**
   * Makes room for the bytes of {@code count} ids in all. The slots are made when the ids are
   * indexed, if they are needed (numbered ids need none), at the size the ids then need.
   */
  void reserve(int count) {
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
