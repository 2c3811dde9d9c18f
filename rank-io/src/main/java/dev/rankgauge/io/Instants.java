package dev.rankgauge.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Order dates as instants: an ISO date is the start of that day in the plan's zone, an ISO
 * date-time with an offset is that instant, one without is read in the plan's zone. A space may
 * stand for the {@code T}, as database exports write it.
 *
 * <p>The common forms ({@code 2026-11-03}, {@code 2026-11-03T14:30}, {@code 2026-11-03T14:30:15})
 * are parsed by hand: java.time's formatters took a fifth of the time of reading a million
 * orders. Anything else goes through java.time, which also decides what is valid. Not
 * thread-safe (it caches the days it has seen).
 */
public final class Instants {
  private final ZoneId zone;
  private final ZoneRules rules;
  /**
   * Days seen, as {@code year << 9 | month << 5 | day} (a valid date; -1 for none), in the slot
   * of those bits' low ones: orders come in any order of days, and a day seen needs no
   * {@link LocalDate} again.
   */
  private final int[] days = new int[DAYS];
  private final long[] starts = new long[DAYS];
  /** Whether a day's offset is the same all day, so local times map to instants by addition. */
  private final boolean[] plain = new boolean[DAYS];
  /**
   * For a day that is not plain: the second of the local day from which its later offset
   * applies, -1 if java.time reads its times; and the offsets, in seconds, before and after.
   */
  private final int[] cuts = new int[DAYS];
  private final int[] offsetsBefore = new int[DAYS];
  private final int[] offsetsAfter = new int[DAYS];
  /** For such a day, the epoch seconds of its local start as if it were UTC. */
  private final long[] midnights = new long[DAYS];
  private static final int DAYS = 4096;

  /**
   * Instants for dates read in the given zone.
   *
   * @param zone the zone of dates and date-times without an offset, normally the plan's
   */
  public Instants(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    java.util.Arrays.fill(days, -1);
  }

  /**
   * The instant a date or date-time stands for.
   *
   * @param text such as {@code 2026-11-03}, {@code 2026-11-03T14:30} or
   *     {@code 2026-11-03T14:30:00Z}
   * @return the instant, or null if the text is none of the forms (empty text included)
   */
  public Instant parse(String text) {
    return parse((CharSequence) text);
  }

  /**
   * Like {@link #parse(String)} for any text: the common forms are read from its characters (a
   * view of a file's bytes, say) without a {@link String}.
   */
  Instant parse(CharSequence chars) {
    if (chars.length() == 0) {
      return null;
    }
    long fast = fast(chars);
    if (fast != NONE) {
      return Instant.ofEpochSecond(fast);
    }
    return slow(chars.toString());
  }

  /** What {@link #seconds} gives for bytes that are not one of the common forms. */
  static final long NONE = Long.MIN_VALUE;

  /**
   * The epoch seconds of the date or date-time in {@code b[from, to)} if it is one of the common
   * forms ({@code yyyy-MM-dd} with an optional {@code THH:mm} or {@code THH:mm:ss}, a space for
   * the {@code T}) and a valid date: {@code parse(text).getEpochSecond()}, read from the bytes
   * without a {@link CharSequence} and with no {@link Instant} made. Else {@link #NONE}, and the
   * caller reads the text, which reports it if it is no date.
   */
  long seconds(byte[] b, int from, int to) {
    int n = to - from;
    if (n != 10 && n != 16 && n != 19) {
      return NONE;
    }
    // yyyy-MM- as one long (the first byte lowest), checked and read without a loop per field.
    long a = LittleEndian.word(b, from);
    if (!digits(a, DATE_DIGITS, DATE_MARKS)) {
      return NONE;
    }
    int y = digit(a, 0) * 1000 + digit(a, 1) * 100 + digit(a, 2) * 10 + digit(a, 3);
    int m = digit(a, 5) * 10 + digit(a, 6);
    int d;
    int h = 0;
    int min = 0;
    int s = 0;
    if (n == 10) {
      d = digits(b, from + 8, 2);
    } else {
      // ddTHH:mm, with a space for the T
      long t = LittleEndian.word(b, from + 8);
      if (!digits(t, TIME_DIGITS, TIME_MARKS) && !digits(t, TIME_DIGITS, SPACE_MARKS)) {
        return NONE;
      }
      d = digit(t, 0) * 10 + digit(t, 1);
      h = digit(t, 3) * 10 + digit(t, 4);
      min = digit(t, 6) * 10 + digit(t, 7);
      if (n == 19) {
        if (b[from + 16] != ':') {
          return NONE;
        }
        s = digits(b, from + 17, 2);
      }
    }
    return epoch(y, m, d, h, min, s);
  }
  /** The bytes of {@code yyyy-MM-} that are digits, and the others' values ({@code -}). */
  private static final long DATE_DIGITS = 0x00FF_FF00_FFFF_FFFFL;
  private static final long DATE_MARKS = 0x2D00_002D_0000_0000L;
  /** The bytes of {@code ddTHH:mm} that are digits, and the others' ({@code T}, {@code :}). */
  private static final long TIME_DIGITS = 0xFFFF_00FF_FF00_FFFFL;
  private static final long TIME_MARKS = 0x0000_3A00_0054_0000L;
  /** The same with a space for the {@code T}. */
  private static final long SPACE_MARKS = 0x0000_3A00_0020_0000L;
  private static final long HIGHS = 0xF0F0_F0F0_F0F0_F0F0L;
  private static final long SIXES = 0x0606_0606_0606_0606L;

  /**
   * Whether the bytes of {@code x} under {@code digitBytes} are ASCII digits and the others are
   * those of {@code marks}: a digit is {@code 0x3_} with a low half that adding 6 keeps below
   * 16 (no carry leaves a byte whose high half was 3).
   */
  private static boolean digits(long x, long digitBytes, long marks) {
    long highs = HIGHS & digitBytes;
    return (x & (highs | ~digitBytes)) == ((LittleEndian.ZEROS & digitBytes) | marks)
        && ((x + (SIXES & digitBytes)) & highs) == (LittleEndian.ZEROS & highs);
  }

  /** The digit in byte {@code i} of {@code x}, known to be one. */
  private static int digit(long x, int i) {
    return (int) (x >>> (i << 3)) & 0xF;
  }

  /** The forms java.time reads, and what it refuses as null. */
  private Instant slow(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(zone).toInstant();
      }
      String t = text.length() > 10 && text.charAt(10) == ' '
          ? text.substring(0, 10) + 'T' + text.substring(11) : text;
      char last = t.charAt(t.length() - 1);
      if (last == 'Z' || last == 'z' || hasOffset(t)) {
        return OffsetDateTime.parse(t.replace('z', 'Z')).toInstant();
      }
      return LocalDateTime.parse(t).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * {@code yyyy-MM-dd} with an optional {@code THH:mm} or {@code THH:mm:ss}, as epoch seconds;
   * else {@link #NONE}, for java.time to handle.
   */
  private long fast(CharSequence t) {
    int n = t.length();
    if ((n != 10 && n != 16 && n != 19) || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return NONE;
    }
    int y = digits(t, 0, 4);
    int m = digits(t, 5, 2);
    int d = digits(t, 8, 2);
    int h = 0;
    int min = 0;
    int s = 0;
    if (n > 10) {
      char sep = t.charAt(10);
      h = digits(t, 11, 2);
      min = digits(t, 14, 2);
      s = n == 19 ? digits(t, 17, 2) : 0;
      if ((sep != 'T' && sep != ' ') || t.charAt(13) != ':' || (n == 19 && t.charAt(16) != ':')) {
        return NONE;
      }
    }
    return epoch(y, m, d, h, min, s);
  }

  /**
   * The epoch seconds of a local date and time read from its digits (-1 for a field that was no
   * digits) in the zone, or {@link #NONE} if there is no such date or time.
   */
  private long epoch(int y, int m, int d, int h, int min, int s) {
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31 || h < 0 || h > 23 || min < 0 || min > 59
        || s < 0 || s > 59) {
      return NONE;
    }
    int seconds = h * 3600 + min * 60 + s;
    int ymd = y << 9 | m << 5 | d;
    int slot = ymd & (DAYS - 1);
    if (days[slot] != ymd && !day(y, m, d, ymd, slot)) {
      return NONE;
    }
    if (seconds == 0) {
      return starts[slot];
    }
    if (plain[slot]) {
      return starts[slot] + seconds;
    }
    int cut = cuts[slot];
    if (cut < 0) {
      return changing(y, m, d, h, min, s);
    }
    // A day whose offset changes once (daylight saving time): local times before the cut are
    // read with the offset before, as java.time does (the earlier offset in a repeated hour; a
    // time in a gap moved on by the gap, which is the same instant), the rest with the one after.
    return midnights[slot] + seconds
        - (seconds < cut ? offsetsBefore[slot] : offsetsAfter[slot]);
  }

  /**
   * Puts a day not seen yet in its slot: false if there is no such day. A method of its own,
   * called a few hundred times a file, so that its java.time calls are not compiled into
   * {@link #fast} (they made it half again as large).
   */
  private boolean day(int y, int m, int d, int ymd, int slot) {
    if (d > 28 && d > LocalDate.of(y, m, 1).lengthOfMonth()) {
      return false;
    }
    LocalDate date = LocalDate.of(y, m, d);
    Instant start = date.atStartOfDay(zone).toInstant();
    Instant next = date.plusDays(1).atStartOfDay(zone).toInstant();
    days[slot] = ymd;
    starts[slot] = start.getEpochSecond();
    plain[slot] = next.getEpochSecond() - starts[slot] == 86_400
        && rules.getOffset(start).equals(rules.getOffset(next.minusSeconds(1)));
    if (!plain[slot]) {
      cut(slot, date.toEpochDay() * 86_400L, start.getEpochSecond());
    }
    return true;
  }

  /**
   * For a day whose offset changes, starting at local second {@code midnight} (epoch seconds of
   * its local start) and at instant {@code start}: the second of the local day from which the
   * offset after the change applies, and the offsets, when one change alone comes within two
   * days of it; else -1, and java.time reads its times ({@link #changing}).
   */
  private void cut(int slot, long midnight, long start) {
    cuts[slot] = -1;
    ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(start - 2 * 86_400L));
    if (t == null || t.toEpochSecond() > start + 2 * 86_400L) {
      return;
    }
    ZoneOffsetTransition again = rules.nextTransition(t.getInstant());
    if (again != null && again.toEpochSecond() <= start + 3 * 86_400L) {
      return;
    }
    int before = t.getOffsetBefore().getTotalSeconds();
    int after = t.getOffsetAfter().getTotalSeconds();
    // The change seen on local clocks: from before + its instant (the local time that ends
    // with it) to after + its instant; local times up to the later of the two take the offset
    // before.
    long cut = t.toEpochSecond() + Math.max(before, after) - midnight;
    cuts[slot] = (int) Math.max(0, Math.min(86_400, cut));
    midnights[slot] = midnight;
    offsetsBefore[slot] = before;
    offsetsAfter[slot] = after;
  }

  /**
   * A time on a day near more than one change of offset: what java.time makes of the text,
   * without its formatter.
   */
  private long changing(int y, int m, int d, int h, int min, int s) {
    return LocalDateTime.of(y, m, d, h, min, s).atZone(zone).toEpochSecond();
  }

  /** The decimal number in {@code t[from, from + count)}, or -1 if a character is no digit. */
  private static int digits(CharSequence t, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Like {@link #digits(CharSequence, int, int)}, in {@code b[from, from + count)}. */
  private static int digits(byte[] b, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  /** Whether a date-time ends in {@code +hh:mm} or {@code -hh:mm}. */
  private static boolean hasOffset(String t) {
    int n = t.length();
    return n > 16 && (t.charAt(n - 6) == '+' || t.charAt(n - 6) == '-') && t.charAt(n - 3) == ':';
  }

  /**
   * An ISO date, {@code yyyy-MM-dd}; the same text as last time gives the same object without
   * parsing, which suits files sorted by date.
   *
   * @throws DateTimeException if the text is not an ISO date
   */
  static final class Dates {
    private String last;
    private LocalDate lastDate;
    private int lastDay = -1;
    private LocalDate lastDayDate;

    /**
     * The bytes {@code b[from, to)} as {@code year << 9 | month << 5 | day} if they are ten ASCII
     * characters {@code dddd-dd-dd} (the date not checked), else -1: a date cell read without a
     * {@link String} or a character at a time.
     */
    static int isoDay(byte[] b, int from, int to) {
      if (to - from != 10) {
        return -1;
      }
      long a = LittleEndian.word(b, from);
      int d8 = b[from + 8] - '0';
      int d9 = b[from + 9] - '0';
      if (!digits(a, DATE_DIGITS, DATE_MARKS) || d8 < 0 || d8 > 9 || d9 < 0 || d9 > 9) {
        return -1;
      }
      int y = digit(a, 0) * 1000 + digit(a, 1) * 100 + digit(a, 2) * 10 + digit(a, 3);
      int m = digit(a, 5) * 10 + digit(a, 6);
      return y << 9 | m << 5 | (d8 * 10 + d9);
    }

    /**
     * The date of an {@link #isoDay}; the same day as last time gives the same object.
     *
     * @throws DateTimeException if there is no such date (month 13, 30 February)
     */
    LocalDate day(int ymd) {
      if (ymd != lastDay) {
        lastDayDate = LocalDate.of(ymd >>> 9, (ymd >>> 5) & 15, ymd & 31);
        lastDay = ymd;
      }
      return lastDayDate;
    }

    LocalDate parse(CharSequence t) {
      if (last != null && last.contentEquals(t)) {
        return lastDate;
      }
      LocalDate d;
      int y;
      if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-'
          && (y = digits(t, 0, 4)) >= 0 && digits(t, 5, 2) >= 0 && digits(t, 8, 2) >= 0) {
        d = LocalDate.of(y, digits(t, 5, 2), digits(t, 8, 2));
      } else {
        d = LocalDate.parse(t);
      }
      last = t.toString();
      lastDate = d;
      return d;
    }
  }
}
