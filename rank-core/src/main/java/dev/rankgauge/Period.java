package dev.rankgauge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A commission period: whole days from {@code start} to {@code end}, both included, in the plan's
 * time zone. While a period is open every figure is an estimate; at close the ranks are final.
 *
 * @param start the first day of the period
 * @param end the last day of the period, not before {@code start}
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

  /** Checks that the period is not empty. */
  public Period {
    Checks.notNull(start, "period start");
    Checks.notNull(end, "period end");
    Checks.notNull(state, "period state");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("period end " + end + " is before its start " + start);
    }
  }

  /** The open calendar month. */
  public static Period month(YearMonth month) {
    return new Period(month.atDay(1), month.atEndOfMonth(), State.OPEN);
  }

  /** The open calendar month, for example {@code month(2026, 11)}. */
  public static Period month(int year, int month) {
    return month(YearMonth.of(year, month));
  }

  /** This period, closed. */
  public Period close() {
    return new Period(start, end, State.CLOSED);
  }

  /** The first instant of the period in the given zone. */
  public Instant startInstant(ZoneId zone) {
    return start.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period in the given zone (exclusive end). */
  public Instant endInstant(ZoneId zone) {
    return end.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Whether the instant falls in this period in the given zone. */
  public boolean contains(Instant instant, ZoneId zone) {
    return !instant.isBefore(startInstant(zone)) && instant.isBefore(endInstant(zone));
  }

  @Override
  public String toString() {
    return start + ".." + end + (state == State.CLOSED ? " (closed)" : " (open)");
  }
}
