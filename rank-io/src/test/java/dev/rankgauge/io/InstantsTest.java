package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
}
