package dev.rankgauge;

import dev.rankgauge.internal.Utf8Text;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Many short strings kept as UTF-8 bytes in one array, the k-th from {@code bound[k]} to
 * {@code bound[k + 1]}: about the text's length in bytes plus four, where a {@link String} of a few
 * characters costs some fifty. How an organisation of millions keeps its ids, names and emails
 * within a small heap. Not thread-safe while strings are added.
 */
final class Texts {
  private byte[] data;
  /**
   * Where each string starts, and one past the last: the k-th is {@code data[bound[k],
   * bound[k + 1])}. The leading 0 makes the first string no special case (a branch for it made
   * compiled loops over millions of strings start again when string 0 came at last).
   */
  private int[] bound;
  private int size;
  private int used;
  /** The bytes' room {@link #reserve} asked for, made by the first {@link #grow}. */
  private long planned;

  Texts(int expected) {
    data = new byte[Math.max(64, expected * 8)];
    bound = new int[Math.max(16, expected) + 1];
  }

  /**
   * Appends a text as UTF-8 and returns its position. Its characters are read once, during the
   * call: a reader's {@link Utf8Text} (a range of its own buffer) is one array copy; any other
   * text is written straight into the array while it is ASCII, so that no {@link String} and no
   * byte array is made per value. Text with other characters is encoded as
   * {@link String#getBytes} would (a lone surrogate as {@code ?}).
   */
  int add(CharSequence s) {
    if (s instanceof Utf8Text) {
      Utf8Text t = (Utf8Text) s;
      return add(t.bytes(), t.from(), t.to());
    }
    return addChars(s);
  }

  /**
   * {@link #add(CharSequence)} for text that is not a reader's bytes. A method of its own, so
   * that the reader's path, inlined into each row method once per text field, stays one array
   * copy: this loop, compiled into each of those places, made the row methods' compilations
   * several times larger (docs/benchmarks.md, "The read step, ninth session").
   */
  private int addChars(CharSequence s) {
    int n = s.length();
    room(n);
    byte[] d = data;
    int u = used;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return encoded(s, i);
      }
      d[u + i] = (byte) c;
    }
    used = u + n;
    return bounded();
  }

  /**
   * The rest of {@link #addChars} from the first character that is not ASCII, {@code i} (those
   * before it written already): encoded here as {@link String#getBytes} encodes UTF-8, a lone
   * surrogate as {@code ?}, with no {@code String} or byte array per value. One name in fifteen
   * of the benchmarks' data has an accent: made into a byte array and copied, they took about
   * 30 ms of the row methods' CPU at 1,000,000 distributors (docs/benchmarks.md, "Twelfth
   * session: building from rows").
   */
  private int encoded(CharSequence s, int i) {
    int n = s.length();
    if (n - i > (Integer.MAX_VALUE >> 2)) {
      return add(s.toString().getBytes(StandardCharsets.UTF_8));
    }
    // At most three bytes a character (a pair of surrogates: four for the two).
    room(i + 3 * (n - i));
    byte[] d = data;
    int u = used + i;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        d[u++] = (byte) c;
      } else if (c < 0x800) {
        d[u++] = (byte) (0xC0 | (c >> 6));
        d[u++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        d[u++] = (byte) (0xE0 | (c >> 12));
        d[u++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        d[u++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        d[u++] = (byte) (0xF0 | (cp >> 18));
        d[u++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        d[u++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        d[u++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        d[u++] = '?';
      }
    }
    used = u;
    return bounded();
  }

  /** Appends the empty string and returns its position. */
  int addEmpty() {
    return bounded();
  }

  /** Appends the UTF-8 bytes of a string and returns its position. */
  int add(byte[] utf8) {
    return add(utf8, 0, utf8.length);
  }

  /** Appends the UTF-8 bytes {@code utf8[from, to)} and returns their position. */
  int add(byte[] utf8, int from, int to) {
    int n = to - from;
    room(n);
    System.arraycopy(utf8, from, data, used, n);
    used += n;
    return bounded();
  }

  /** Makes room for {@code bytes} more bytes of text. */
  private void room(int bytes) {
    if (used + bytes > data.length || used + bytes < 0) {
      grow(bytes);
    }
  }

  /**
   * Grows the bytes' array for {@code bytes} more. Apart from {@link #room}, which is compiled
   * into every row method once per text field: the growing is not (it comes seldom, never when
   * the builder was told how many rows to expect).
   */
  private void grow(int bytes) {
    // Grow by half: at a million rows these arrays are tens of megabytes.
    long want = Math.max((long) data.length + (data.length >> 1), (long) used + bytes);
    long expected = bound.length - 1;
    if (size + 1 < expected) {
      // Room was made for more strings than have come (reserve, sized from a file): grow to
      // what they all need at the rate so far, 2% to spare, and by a sixteenth at least, rather
      // than by half. Ids and contacts a byte longer than the guess (at 10,000,000 rows, as
      // "O26000000" is) made each array half again as large as needed near the end of the read:
      // hundreds of megabytes zeroed and copied, then cut back at build.
      long projected = ((long) used + bytes) * expected / (size + 1) * 102 / 100;
      want = Math.max((long) used + bytes + (data.length >> 4), Math.min(want, projected));
    }
    if (planned > data.length) {
      want = Math.max(want, planned);
    }
    if (want > Integer.MAX_VALUE - 16) {
      if ((long) used + bytes > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("more than 2 GB of text in one kind of record;"
            + " an organisation holds at most that much of ids, names, emails and phones");
      }
      want = Integer.MAX_VALUE - 16;
    }
    data = Arrays.copyOf(data, (int) want);
  }

  /** Ends the string whose bytes were just appended, and returns its position. */
  private int bounded() {
    if (size + 1 == bound.length) {
      growBounds();
    }
    bound[size + 1] = used;
    return size++;
  }

  /** Grows the array of bounds by half (apart from {@link #bounded}, as {@link #grow}). */
  private void growBounds() {
    bound = Arrays.copyOf(bound, size + (size >> 1) + 17);
  }

  /**
   * Whether a text is empty or only white space, as {@link String#isBlank} says (white space is
   * never outside the basic plane, so looking at chars is looking at code points).
   */
  static boolean blank(CharSequence s) {
    if (s instanceof Utf8Text) {
      return blank((Utf8Text) s);
    }
    if (s instanceof String) {
      return ((String) s).isBlank();
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@link #blank(CharSequence)} from the bytes, while they are ASCII. */
  private static boolean blank(Utf8Text t) {
    byte[] b = t.bytes();
    for (int i = t.from(), to = t.to(); i < to; i++) {
      int c = b[i];
      if (c < 0) {
        return t.toString().isBlank();
      }
      // Character.isWhitespace below 0x80: tab to carriage return, the four separators, space.
      if (c != ' ' && (c < '\t' || c > '\r') && (c < 0x1C || c > 0x1F)) {
        return false;
      }
    }
    return true;
  }

  /** Makes room for {@code count} strings in all, of about {@code bytesEach} bytes each. */
  void reserve(int count, int bytesEach) {
    if (count + 1 > bound.length) {
      bound = Arrays.copyOf(bound, count + 1);
    }
    // The bytes' room is made when the first text needs it ({@link #grow}): texts that all come
    // empty (contact details a reader does not keep) never make it. At 1,000,000 distributors
    // that is 107 MB of customers' contacts that the JVM no longer zeroes (touching every page)
    // for nothing.
    planned = Math.max(planned, Math.min(Integer.MAX_VALUE - 16, (long) bytesEach * count));
  }

  int size() {
    return size;
  }

  String get(int k) {
    int s = bound[k];
    return new String(data, s, bound[k + 1] - s, StandardCharsets.UTF_8);
  }

  /** Where the k-th string's bytes start in {@link #data()}. */
  int start(int k) {
    return bound[k];
  }

  /** One past where the k-th string's bytes end in {@link #data()}. */
  int end(int k) {
    return bound[k + 1];
  }

  /**
   * The array holding every string's bytes, for a bulk reader that copies many with {@link
   * #start} and {@link #end} (it is replaced when strings are added).
   */
  byte[] data() {
    return data;
  }

  boolean isEmpty(int k) {
    return bound[k] == bound[k + 1];
  }

  /** The k-th string's first byte, 0 if it is empty: a read that brings it into the cache. */
  int firstByte(int k) {
    int s = bound[k];
    return s < bound[k + 1] ? data[s] : 0;
  }

  /** Whether the k-th string is these bytes. */
  boolean equals(int k, byte[] b) {
    return Arrays.equals(data, bound[k], bound[k + 1], b, 0, b.length);
  }

  /** Whether the k-th string equals the j-th string of {@code other}. */
  boolean equals(int k, Texts other, int j) {
    return Arrays.equals(data, bound[k], bound[k + 1], other.data, other.bound[j],
        other.bound[j + 1]);
  }

  int hash(int k) {
    return hash(data, bound[k], bound[k + 1]);
  }

  /**
   * A hash of the bytes that keeps numbered ids together: ids that differ only in the number they
   * end with, as "D1" to "D10000000" do, get hashes that differ in the low bits only, a run of
   * {@link #RUN} consecutive numbers the same hash but for those bits. A table indexing or looking
   * up such ids in the order of their numbers then reads a cache line and a page for a run of them
   * instead of one for each: at 10,000,000 distributors every probe of a table of a hundred
   * megabytes was a cache and TLB miss. Everything else is mixed (MurmurHash3's 64-bit finaliser):
   * the text before the number, how many digits it has and which run of numbers it is in, so that
   * runs and other ids spread over a table's slots instead of clustering (with a plain
   * {@code 31 * h + b} a million such ids probed dozens of slots each). The number's place in its
   * run is in the top bits too, so that the hash bits an {@link IdTable} slot keeps above its
   * position tell the ids of a run apart (without them a probe passing a run compared the bytes
   * of each, and looking up sponsors at 10,000,000 took half again as long).
   */
  static int hash(byte[] b, int from, int to) {
    int digits = to;
    while (digits > from && digits > to - 9 && b[digits - 1] >= '0' && b[digits - 1] <= '9') {
      digits--;
    }
    int h = 0;
    for (int i = from; i < digits; i++) {
      h = 31 * h + b[i];
    }
    int number = 0;
    for (int i = digits; i < to; i++) {
      number = 10 * number + (b[i] - '0');
    }
    long x = ((long) (31 * h + to - digits) << 32) | (number / RUN);
    x ^= x >>> 33;
    x *= 0xFF51AFD7ED558CCDL;
    x ^= x >>> 33;
    x *= 0xC4CEB9FE1A85EC53L;
    x ^= x >>> 33;
    int low = number % RUN;
    return (int) (x >>> 32) ^ low ^ (low << 28);
  }

  /** How many consecutive numbers of numbered ids {@link #hash} keeps in neighbouring slots. */
  static final int RUN = 16;

  /**
   * Drops spare capacity once all strings are in, where that is worth a copy: an array with more
   * than an eighth of what it holds to spare. One with less is kept as it is (a host that told
   * the builder its counts exactly, or the command line's estimates, 3 to 4% over): copying every
   * byte to free a few percent of them took 50 to 75 ms of a thread's CPU per kind at 1,000,000
   * distributors, on the thread that checks the distributors and customers while orders.csv is
   * still read.
   */
  void trim() {
    if (data.length - used > used >> 3) {
      data = Arrays.copyOf(data, used);
    }
    if (bound.length - size - 1 > (size + 1) >> 3) {
      bound = Arrays.copyOf(bound, size + 1);
    }
  }
}
