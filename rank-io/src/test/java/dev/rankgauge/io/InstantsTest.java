package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** How a date or date-time cell of orders.csv becomes an instant in the plan's zone. */
class InstantsTest {
  private static final ZoneId DENVER = ZoneId.of("America/Denver");
  private final Instants instants = new Instants(DENVER);

  @Test
  void aDayAloneIsTheStartOfThatDayInThePlansZone() {
    assertThat(instants.parse("2026-11-03"))
        .isEqualTo(LocalDate.of(2026, 11, 3).atStartOfDay(DENVER).toInstant());
  }

  @Test
  void aTimeWithAnOffsetOrZIsThatInstant() {
    assertThat(instants.parse("2026-11-03T14:30:00Z"))
        .isEqualTo(Instant.parse("2026-11-03T14:30:00Z"));
    assertThat(instants.parse("2026-11-03T14:30+01:00"))
        .isEqualTo(Instant.parse("2026-11-03T13:30:00Z"));
  }

  @Test
  void emptyOrMalformedTextIsNoInstantRatherThanAnException() {
    assertThat(instants.parse("")).isNull();
    assertThat(instants.parse("Z")).isNull();
    assertThat(instants.parse("2026-13-03")).isNull();
    assertThat(instants.parse("yesterday")).isNull();
  }

  @Test
  void onTheNightTheClocksGoBackTheRepeatedHourIsItsEarlierOffset() {
    // 1 November 2026 in Denver: 01:00 to 02:00 happens twice, first at -06:00.
    assertThat(instants.parse("2026-11-01T01:30")).isEqualTo(Instant.parse("2026-11-01T07:30:00Z"));
    assertThat(instants.parse("2026-11-01 03:00:00")).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(instants.parse("2026-11-01")).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
  }

  @Test
  void onTheNightTheClocksGoForwardATimeInTheGapIsMovedOnByTheGap() {
    // 8 March 2026 in Denver: 02:00 to 03:00 does not happen; 02:30 is read as 03:30 -06:00.
    assertThat(instants.parse("2026-03-08T02:30")).isEqualTo(Instant.parse("2026-03-08T09:30:00Z"));
  }

  /**
   * Any local date-time, in the forms read by hand, on days around the changes of offset of
   * zones with daylight saving time (a whole hour, half an hour, 45 minutes) is the instant
   * java.time makes of it.
   */
  @Property(tries = 3000)
  void localTimesAreThoseOfJavaTimeOnDaysWhenTheOffsetChanges(
      @ForAll("zones") String zone, @ForAll("aroundChanges") LocalDateTime t,
      @ForAll("forms") String form) {
    ZoneId z = ZoneId.of(zone);
    String text = String.format(Locale.ROOT, form, t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    Instant expected = LocalDateTime.parse(text.replace(' ', 'T')).atZone(z).toInstant();
    Instants fresh = new Instants(z);
    assertThat(fresh.parse(text)).isEqualTo(expected);
    // and again, from the day cached
    assertThat(fresh.parse(new StringBuilder(text))).isEqualTo(expected);
  }

  /**
   * Any local time within a few hours of a change of offset, in zones whose changes are of every
   * kind (forward and back, an hour, half an hour, 45 minutes, two hours, at midnight, negative
   * daylight saving time, changes weeks apart), any year from 1990 to 2040, is the instant
   * java.time makes of it, read first or from the day cached.
   */
  @Property(tries = 3000)
  void localTimesNearAChangeAreThoseOfJavaTime(@ForAll("changingZones") String zone,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1990, max = 2040) int year,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 6) int which,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -4 * 60, max = 4 * 60) int minutes,
      @ForAll("forms") String form) {
    ZoneId z = ZoneId.of(zone);
    java.time.zone.ZoneOffsetTransition change = z.getRules().nextTransition(
        LocalDate.of(year, 1, 1).atStartOfDay(z).toInstant());
    for (int k = 0; k < which && change != null; k++) {
      change = z.getRules().nextTransition(change.getInstant());
    }
    net.jqwik.api.Assume.that(change != null);
    LocalDateTime t = change.getDateTimeBefore().plusMinutes(minutes);
    String text = String.format(Locale.ROOT, form, t.getYear(), t.getMonthValue(),
        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    Instant expected = LocalDateTime.parse(text.replace(' ', 'T')).atZone(z).toInstant();
    Instants fresh = new Instants(z);
    assertThat(fresh.parse(text)).as("%s in %s", text, zone).isEqualTo(expected);
    assertThat(fresh.parse(new StringBuilder(text))).as("%s in %s", text, zone)
        .isEqualTo(expected);
    assertThat(fresh.parse(text.substring(0, 10)))
        .isEqualTo(LocalDate.parse(text.substring(0, 10)).atStartOfDay(z).toInstant());
  }

  /**
   * A date or date-time read from bytes (anywhere in a buffer, as a row's field) is the epoch
   * second of the instant the text is, with no {@link Instant} made; it is read from the bytes
   * exactly when the text is one of the common forms of a valid date and time (else the text
   * goes to java.time).
   */
  @Property(tries = 3000)
  void secondsFromBytesAreTheTextsInstant(@ForAll("zones") String zone,
      @ForAll("cells") String text) {
    ZoneId z = ZoneId.of(zone);
    Instant expected = new Instants(z).parse(text);
    byte[] b = ("2026-11-01," + text + ",x").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Instants fresh = new Instants(z);
    for (int twice = 0; twice < 2; twice++) {
      long s = fresh.seconds(b, 11, b.length - 2);
      boolean common = COMMON.matcher(text).matches();
      net.jqwik.api.statistics.Statistics.label("from bytes").collect(s != Instants.NONE);
      if (expected != null && common) {
        assertThat(s).as(text).isEqualTo(expected.getEpochSecond());
        assertThat(expected.getNano()).isZero();
      } else {
        assertThat(s).as(text).isEqualTo(Instants.NONE);
      }
    }
  }

  private static final java.util.regex.Pattern COMMON =
      java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\d([T ]\\d\\d:\\d\\d(:\\d\\d)?)?");

  /**
   * Cells of a date column: valid dates and times in every form read by hand, days that do not
   * exist (month 13, 30 February, 31 April, hour 24), forms java.time reads (offsets, Z,
   * fractions of a second) and near misses.
   */
  @Provide
  Arbitrary<String> cells() {
    Arbitrary<String> common = Combinators.combine(Arbitraries.integers().between(1600, 2400),
        Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32),
        Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
        Arbitraries.integers().between(0, 60), Arbitraries.of("", "T", " ", "T:", " :"))
        .as((y, mo, d, h, mi, s, form) -> form.isEmpty()
            ? String.format(Locale.ROOT, "%04d-%02d-%02d", y, mo, d)
            : String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d", y, mo, d, form.charAt(0), h,
                mi) + (form.length() > 1 ? String.format(Locale.ROOT, ":%02d", s) : ""));
    Arbitrary<String> valid = Combinators.combine(aroundChanges(), forms())
        .as((t, form) -> String.format(Locale.ROOT, form, t.getYear(), t.getMonthValue(),
            t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
    Arbitrary<String> others = Arbitraries.of("2026-11-03T14:30:00Z", "2026-11-03T14:30+01:00",
        "2026-11-03T14:30:00.5", "2026-11-3", "2026/11/03", "", "Z", "yesterday",
        "2026-11-03T14:3x", "2026-11-03X14:30", "2026-11-03T14-30-00", "+2026-11-03",
        "2026-02-29", "2028-02-29T10:00", "2026-04-31");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, common),
        net.jqwik.api.Tuple.of(4, valid), net.jqwik.api.Tuple.of(1, others));
  }

  @Provide
  Arbitrary<String> changingZones() {
    return Arbitraries.of("America/Denver", "Pacific/Chatham", "Australia/Lord_Howe",
        "Europe/London", "Europe/Dublin", "America/Santiago", "America/Havana",
        "Antarctica/Troll", "Africa/Casablanca", "Asia/Gaza", "America/Sao_Paulo",
        "Asia/Tehran", "Pacific/Apia", "America/St_Johns");
  }

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of("America/Denver", "Pacific/Chatham", "Australia/Lord_Howe",
        "Europe/London", "UTC");
  }

  @Provide
  Arbitrary<LocalDateTime> aroundChanges() {
    // The days of March, April, September, October and November hold the changes of these
    // zones; their nights the changes themselves.
    Arbitrary<LocalDate> day = Arbitraries.of(3, 4, 9, 10, 11).flatMap(m ->
        Arbitraries.integers().between(1, 30).map(d -> LocalDate.of(2026, m, d)));
    return Combinators.combine(day, Arbitraries.integers().between(0, 23),
        Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59))
        .as((d, h, m, s) -> d.atTime(h, m, s));
  }

  @Provide
  Arbitrary<String> forms() {
    return Arbitraries.of("%04d-%02d-%02dT%02d:%02d", "%04d-%02d-%02d %02d:%02d:%02d",
        "%04d-%02d-%02dT%02d:%02d:%02d");
  }
}
