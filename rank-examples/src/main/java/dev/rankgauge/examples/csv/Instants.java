package dev.rankgauge.examples.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Order dates as instants: an ISO date is the start of that day in the plan's zone, an ISO
 * date-time with an offset is that instant, one without is read in the plan's zone. A space may
 * stand for the {@code T}, as database exports write it. Not thread-safe (it caches the last day).
 */
public final class Instants {
  private final ZoneId zone;
  private long cachedDay = Long.MIN_VALUE;
  private Instant cachedStart;

  /** Instants for dates read in the given zone. */
  public Instants(ZoneId zone) {
    this.zone = zone;
  }

  /** The instant, or null if the text is neither form. */
  public Instant parse(String text) {
    try {
      if (text.length() == 10) {
        return startOfDay(LocalDate.parse(text));
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

  /** Whether a date-time ends in {@code +hh:mm} or {@code -hh:mm}. */
  private static boolean hasOffset(String t) {
    int n = t.length();
    return n > 16 && (t.charAt(n - 6) == '+' || t.charAt(n - 6) == '-') && t.charAt(n - 3) == ':';
  }

  private Instant startOfDay(LocalDate d) {
    long day = d.toEpochDay();
    if (day != cachedDay) {
      cachedStart = d.atStartOfDay(zone).toInstant();
      cachedDay = day;
    }
    return cachedStart;
  }
}
