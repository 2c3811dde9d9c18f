package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Problems in the host's language: each carries a stable code and its arguments beside its
 * location, and is written in English (as it always read) or Spanish, with the same location.
 */
class ProblemLanguageTest {
  private static final Locale ES = Locale.forLanguageTag("es");

  @Test
  void aBadOrganisationReadsTheSameInEnglishAndInSpanishWithItsLocationKept() {
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("D1", null, LocalDate.of(2026, 1, 1), "Ann", "a@x"))
        .add(Distributor.of("D1", null, LocalDate.of(2026, 1, 1), "Ann", "a@x"))
        .add(Distributor.of("D2", "D9", LocalDate.of(2026, 1, 1), "Bo", "b@x"));

    List<Problem> problems = problems(b::build);

    assertThat(problems).extracting(Problem::code)
        .containsExactly("distributor.idAgain", "distributor.unknownSponsor");
    Problem again = problems.get(0);
    assertThat(again.arguments()).containsExactly("D1", 1, 2);
    assertThat(again.message()).isEqualTo(
        "found distributor id D1 again (rows 1 and 2 of the distributors); expected each id once");
    assertThat(again.toString(ES)).isEqualTo("distribuidor D1: se encontró el id de distribuidor"
        + " D1 otra vez (filas 1 y 2 de los distribuidores); se esperaba cada id una vez");
    assertThat(again.location()).isEqualTo("distributor D1");
    assertThat(again.location(ES)).isEqualTo("distribuidor D1");
    assertThat(again.location(Locale.ENGLISH)).isEqualTo("distributor D1");
    // A reader's place for the same subject is the same in every language.
    assertThat(again.at("distributors.csv:3:1").toString(ES)).startsWith("distributors.csv:3:1:"
        + " se encontró");
    assertThat(again.toString(Locale.ROOT)).isEqualTo(again.toString());
    assertThat(problems.get(1).message(ES))
        .isEqualTo("se encontró el patrocinador D9, que no es un distribuidor");
  }

  @Test
  void aBadLiveEventIsRefusedInSpanishAtTheSameLocation() {
    CompPlan plan = CompPlan.builder("Seed").rank(Rank.of("DIST", "Distributor")).build();
    Organisation org = Organisation.builder()
        .add(Distributor.of("D1", null, LocalDate.of(2026, 1, 1), "Ann", "a@x"))
        .add(Order.byDistributor("O1", "D1", Instant.parse("2026-11-03T15:00:00Z"),
            new BigDecimal("10")))
        .build();
    LiveEvaluation live = LiveEvaluation.start(org, plan, Period.month(2026, 11),
        Instant.parse("2026-11-10T00:00:00Z"));

    List<Problem> problems = problems(() -> live.apply(LiveEvent.OrderReturned.whole(
        "R1", "O7", Instant.parse("2026-11-05T00:00:00Z"))));

    Problem p = problems.get(0);
    assertThat(p.code()).isEqualTo("live.unknownOrder");
    assertThat(p.location()).isEqualTo(p.at(p.location()).location());
    assertThat(p.toString()).isEqualTo(p.location() + ": found order O7, which does not exist");
    assertThat(p.toString(ES)).isEqualTo(p.location(ES) + ": se encontró el pedido O7, que no existe");
  }

  @Test
  void numbersFollowTheLanguageAndEnglishStaysPlain() {
    CompPlan.Builder b = CompPlan.builder("Seed");
    for (int i = 0; i <= CompPlan.MAX_RANKS; i++) {
      b.rank(Rank.of("R" + i, "Rank " + i));
    }
    Problem p = problems(b::build).get(0);

    assertThat(p.message()).isEqualTo("found 129 ranks in the ladder; expected at most 128");
    assertThat(p.message(ES))
        .isEqualTo("se encontraron 129 rangos en la escalera; se esperaban como máximo 128");
    Problem big = Problem.of(Subject.NONE, "x", "dev.rankgauge.Problems",
        "requirement.tooManyPaths", 1500, 10);
    assertThat(big.message()).startsWith("found an anyOf of 1500 paths");
    assertThat(big.message(Locale.ENGLISH)).startsWith("found an anyOf of 1,500 paths");
    assertThat(big.message(ES)).startsWith("se encontró un anyOf de 1.500 rutas");
  }

  @Test
  void aProblemGivenAsTextReadsTheSameInEveryLanguage() {
    Problem own = new Problem("row 3", "found a host's own finding");

    assertThat(own.code()).isEmpty();
    assertThat(own.arguments()).isEmpty();
    assertThat(own.message(ES)).isEqualTo(own.message());
    assertThat(own.at("file.csv:3").toString(ES)).isEqualTo("file.csv:3: found a host's own finding");
  }

  @Test
  void anUnknownCodeOrBundleIsRefusedNamingIt() {
    assertThatThrownBy(() -> Problem.of(Subject.NONE, "x", "dev.rankgauge.Problems",
        "order.idAgian", "O1", 1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order.idAgian");
    assertThatThrownBy(() -> Problem.of(Subject.NONE, "x", "dev.rankgauge.Nothing", "a.b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dev.rankgauge.Nothing");
    assertThatThrownBy(() -> Problem.of(Subject.NONE, "x", "dev.rankgauge.Problems",
        "order.idAgain", "O1", 1.5, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Double");
  }

  @Test
  void aPlaceInsideAnAnyOfPathReadsInSpanish() {
    CompPlan.Builder b = CompPlan.builder("Acme")
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", Requirement.anyOf(
            Requirement.path("A", Requirement.activeLegs(1)),
            Requirement.path("B", Requirement.personalVolume(BigDecimal.ONE),
                Requirement.personalGroupVolume(BigDecimal.TEN, "PLAT", false)))));

    Problem p = problems(b::build).get(0);

    assertThat(p.location()).isEqualTo("rank SLV requirement 1 path B");
    assertThat(p.location(ES)).isEqualTo("requisito 1 del rango SLV vía B");
    assertThat(p.location(Locale.ROOT)).isEqualTo(p.location());
    assertThat(p.toString(ES)).startsWith("requisito 1 del rango SLV vía B: se encontró el rango"
        + " PLAT");
  }

  @Test
  void aRefusedLiveEventIsNamedInSpanishAndEveryEventDescribesItself() {
    CompPlan plan = CompPlan.builder("Seed").rank(Rank.of("DIST", "Distributor")).build();
    Organisation org = Organisation.builder()
        .add(Distributor.of("D1", null, LocalDate.of(2026, 1, 1), "Ann", "a@x"))
        .add(Order.byDistributor("O1", "D1", Instant.parse("2026-11-03T15:00:00Z"),
            new BigDecimal("10")))
        .build();
    LiveEvaluation live = LiveEvaluation.start(org, plan, Period.month(2026, 11),
        Instant.parse("2026-11-10T00:00:00Z"));

    ValidationException e = catchThrowableOfType(
        ValidationException.class, () -> live.apply(new LiveEvent.OrderCancelled("O7")));

    assertThat(e.what()).isEqualTo("event cancellation of order O7");
    assertThat(e.what(ES)).isEqualTo("el evento cancelación del pedido O7");
    assertThat(e.message(ES)).startsWith("entrada no válida (el evento cancelación del pedido"
        + " O7): 1 problema");

    // In a what-if, each problem is at its event's place in the list, in the language.
    ValidationException w = catchThrowableOfType(
        ValidationException.class, () -> WhatIf.of(live.snapshot(),
            List.of(new LiveEvent.OrderCancelled("O1"), new LiveEvent.OrderCancelled("O7"))));
    Problem at = w.problems().get(0);
    assertThat(at.location()).isEqualTo("event 2 (cancellation of order O7)");
    assertThat(at.location(ES)).isEqualTo("evento 2 (cancelación del pedido O7)");

    Placement placed = new Placement("D9", "D1", 2);
    assertThat(new LiveEvent.DistributorJoined(
        Distributor.of("D9", "D1", LocalDate.of(2026, 11, 4), "Cy", "c@x"), placed).describe())
        .isEqualTo("distributor D9 joining under D1, placed under D1 at position 2");
    assertThat(new LiveEvent.DistributorJoined(
        Distributor.of("D9", "D1", LocalDate.of(2026, 11, 4), "Cy", "c@x"), placed).describe(ES))
        .isEqualTo("alta del distribuidor D9 bajo D1, colocado bajo D1 en la posición 2");
    LiveEvent root = new LiveEvent.DistributorJoined(
        Distributor.of("D8", null, LocalDate.of(2026, 11, 4), "Di", "d@x"), Optional.empty());
    assertThat(root.describe()).isEqualTo("distributor D8 joining as a root");
    assertThat(root.describe(ES)).isEqualTo("alta del distribuidor D8 como raíz");
    assertThat(new LiveEvent.SponsorChanged("D9", "D8").describe(ES))
        .isEqualTo("distribuidor D9 pasa bajo el patrocinador D8");
    assertThat(new LiveEvent.TimePassed(Instant.parse("2026-11-12T00:00:00Z")).describe())
        .isEqualTo("time passing to 2026-11-12T00:00:00Z");
  }

  private static List<Problem> problems(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.problems();
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void theWordsOfARecordsPlaceFollowTheLanguageAndAnyOtherPlaceStaysAsWritten() {
    Problem customer = Problem.core(Subject.customer("C1", 0), "customer C1",
        "customer.unknownDistributor", "D9");
    Problem order = Problem.core(Subject.order("O4", 3), "order O4", "order.blankBuyer", "\" \"");
    Problem rank = Problem.core(Subject.rank(1, "GLD"), "rank GLD", "rank.entryRequirements");
    Problem inPeriod = Problem.core(Subject.distributor("D1", 0), "distributor D1 in period"
        + " 2026-11", "distributor.unknownSponsor", "D9");
    Problem host = new Problem(Subject.distributor("D1", 0), "distributor D1", "the host's words");

    assertThat(customer.location(ES)).isEqualTo("cliente C1");
    assertThat(order.location(ES)).isEqualTo("pedido O4");
    assertThat(rank.location(ES)).isEqualTo("rango GLD");
    assertThat(inPeriod.location(ES)).isEqualTo("distributor D1 in period 2026-11");
    assertThat(host.toString(ES)).isEqualTo("distribuidor D1: the host's words");
    assertThat(List.of(customer, order, rank, inPeriod, host))
        .allSatisfy(p -> assertThat(p.location(Locale.ROOT)).isEqualTo(p.location()));
  }

  @Test
  void thePlacesOfPlansRequirementsPeriodsAndHistoryRecordsReadInTheLanguage() {
    Problem plan = Problem.core(Subject.plan("Acme").field("currency"), "plan Acme",
        "plan.currency", "euro");
    Problem requirement = Problem.core(Subject.requirement(1, "GLD", List.of(1)),
        "rank GLD requirement 2", "rank.entryRequirements");
    Problem nested = Problem.core(Subject.requirement(1, "GLD", List.of(1, 0, 0)),
        "rank GLD requirement 2 path fast", "rank.entryRequirements");
    Problem period = Problem.core(Subject.NONE, Problem.Part.of("location.period", "2026-10"),
        "history.tooManyCodes", 3);
    Problem record = Problem.core(Subject.distributor("D7", 2), Problem.Part.of(
        "location.record", 3, "D7", "2026-10"), "history.personalSales", "1e99");

    assertThat(plan.location(ES)).isEqualTo("el plan Acme");
    assertThat(requirement.location(ES)).isEqualTo("requisito 2 del rango GLD");
    // A path's name is the plan's: a place inside an anyOf stays as the core wrote it.
    assertThat(nested.location(ES)).isEqualTo("rank GLD requirement 2 path fast");
    assertThat(period.location()).isEqualTo("period 2026-10");
    assertThat(period.location(ES)).isEqualTo("periodo 2026-10");
    assertThat(record.toString()).startsWith("record 3 (distributor D7, period 2026-10): ");
    assertThat(record.toString(ES)).startsWith("registro 3 (distribuidor D7, periodo 2026-10): ");
    // Placed elsewhere by a reader, as text or in its own bundle's words.
    assertThat(record.at("history.csv:4:1").location(ES)).isEqualTo("history.csv:4:1");
    assertThat(List.of(plan, requirement, nested, period, record))
        .allSatisfy(p -> assertThat(p.location(Locale.ROOT)).isEqualTo(p.location()));
  }

  @Test
  void aRejectedInputNamesWhatWasReadInTheLanguage() {
    CompPlan.Builder b = CompPlan.builder("Acme").currency("euro")
        .rank(Rank.of("DIST", "Distributor"));
    ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        ValidationException.class, b::build);

    assertThat(e.what()).isEqualTo("plan Acme");
    assertThat(e.what(ES)).isEqualTo("el plan Acme");
    assertThat(e.what(Locale.ROOT)).isEqualTo("plan Acme");
    assertThat(e.getMessage()).startsWith("plan Acme is invalid: 1 problem"
        + System.lineSeparator() + "  - plan Acme: ");
    assertThat(e.message(ES)).startsWith("entrada no válida (el plan Acme): 1 problema"
        + System.lineSeparator() + "  - el plan Acme: ");
    assertThat(e.message(Locale.ROOT)).isEqualTo(e.getMessage());
    // An input named by text alone keeps its name; the heading is still in the language.
    ValidationException text = new ValidationException("the host's file", e.problems());
    assertThat(text.what(ES)).isEqualTo("the host's file");
    assertThat(text.message(ES)).startsWith("entrada no válida (the host's file): 1 problema");
  }
}
