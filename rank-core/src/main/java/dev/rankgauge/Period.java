package dev.rankgauge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A commission period: whole days from {@code start} to {@code end}, both included, in the plan's
 * time zone. While a period is open every figure is an estimate; at close the ranks are final.
 *
 * <p>Periods lie between {@link #MIN_DATE} and {@link #MAX_DATE}: instants are held as
 * nanoseconds since 1970 in a long, which spans the years 1677 to 2262, and a day in any time zone
 * of those years fits.
 *
 * @param start the first day of the period, from {@link #MIN_DATE}
 * @param end the last day of the period, not before {@code start}, up to {@link #MAX_DATE}
 * @param state open or closed
 */
public record Period(LocalDate start, LocalDate end, State state) {

  /** Whether a period still takes orders. */
  public enum State {
    /** Figures are estimates. */
    OPEN,
    /** Commissions have been run; figures are final. */
    CLOSED
  }

  /** The first day a period may start on. */
  public static final LocalDate MIN_DATE = LocalDate.of(1678, 1, 1);
  /** The last day a period may end on. */
  public static final LocalDate MAX_DATE = LocalDate.of(2261, 12, 31);

  /**
   * Checks that the period is not empty and within the supported dates.
   *
   * @param start the first day of the period, from {@link #MIN_DATE}
   * @param end the last day of the period, not before {@code start}, up to {@link #MAX_DATE}
   * @param state open or closed
   */
  public Period {
    Checks.notNull(start, "period start");
    Checks.notNull(end, "period end");
    Checks.notNull(state, "period state");
    for (LocalDate d : new LocalDate[] {start, end}) {
      if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
        throw new IllegalArgumentException("period " + (d == start ? "start " : "end ") + d
            + " is outside the supported dates " + MIN_DATE + " to " + MAX_DATE);
      }
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("period end " + end + " is before its start " + start);
    }
  }

  /**
   * The open calendar month.
   *
   * @param month the calendar month
   * @return the period
   */
  public static Period month(YearMonth month) {
    return new Period(month.atDay(1), month.atEndOfMonth(), State.OPEN);
  }

  /**
   * The open calendar month, for example {@code month(2026, 11)}.
   *
   * @param month the month of the year, 1 to 12
   * @param year the year
   * @return the period
   */
  public static Period month(int year, int month) {
    return month(YearMonth.of(year, month));
  }

  /** {@return this period, closed} */
  public Period close() {
    return new Period(start, end, State.CLOSED);
  }

  /**
   * The first instant of the period in the given zone.
   *
   * @param zone the time zone
   * @return the first instant of the period in the given zone
   */
  public Instant startInstant(ZoneId zone) {
    return start.atStartOfDay(zone).toInstant();
  }

  /**
   * The first instant after the period in the given zone (exclusive end).
   *
   * @param zone the time zone
   * @return the first instant after the period in the given zone (exclusive end)
   */
  public Instant endInstant(ZoneId zone) {
    return end.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * Whether the instant falls in this period in the given zone.
   *
   * @param instant the instant to place
   * @param zone the time zone
   * @return whether the instant falls in this period in the given zone
   */
  public boolean contains(Instant instant, ZoneId zone) {
    return !instant.isBefore(startInstant(zone)) && instant.isBefore(endInstant(zone));
  }

  @Override
  public String toString() {
    return start + ".." + end + (state == State.CLOSED ? " (closed)" : " (open)");
  }
}
