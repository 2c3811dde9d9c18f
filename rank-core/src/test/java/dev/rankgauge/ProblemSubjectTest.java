package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every problem the core finds says what it is about as data, so that a reader of a file can put
 * it on its line without reading the message.
 */
class ProblemSubjectTest {

  private static List<Problem> problemsOf(Organisation.Builder b) {
    return catchThrowableOfType(ValidationException.class, b::build).problems();
  }

  private static Order paid(String id, String buyer, String pv) {
    return new Order(id, BuyerType.DISTRIBUTOR, buyer, Instant.parse("2026-11-03T12:00:00Z"),
        OrderStatus.PAID, Map.of("PV", new BigDecimal(pv)), BigDecimal.ONE);
  }

  @Test
  void organisationProblemsNameTheRecordItsPositionAndTheField() {
    LocalDate day = LocalDate.of(2020, 1, 1);
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("D1", null, day, "Root", ""))
        .add(Distributor.of("D2", "D9", day, "Ann", ""))
        .add(Distributor.of("D1", null, day, "Again", ""))
        .add(new Customer("C1", "D8", "Cat", "", java.util.Optional.empty()))
        .add(paid("O1", "D7", "1"))
        .add(paid("O2", "D1", "0.1234567"));

    assertThat(problemsOf(b)).extracting(Problem::subject).containsExactlyInAnyOrder(
        Subject.distributor("D1", 2).field("id", "0"),
        Subject.distributor("D2", 1).field("sponsorId"),
        Subject.customer("C1", 0).field("distributorId"),
        Subject.order("O1", 0).field("buyerId"),
        Subject.order("O2", 1).field("volumes", "PV"));
  }

  @Test
  void planProblemsNameTheRankAndTheRequirementsPositionInsideAnyOf() {
    CompPlan.Builder b = CompPlan.builder("subjects").currency("usd")
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", Requirement.sponsoredWithRank(1, "GOLD")))
        .rank(Rank.of("SLV", "Silver again", Requirement.anyOf(
            Requirement.path("A", Requirement.activeLegs(1)),
            Requirement.path("B", Requirement.personalVolume(BigDecimal.ONE),
                Requirement.personalGroupVolume(BigDecimal.TEN, "PLAT", false)))));

    List<Problem> problems = catchThrowableOfType(ValidationException.class, b::build).problems();

    assertThat(problems).extracting(Problem::subject).containsExactly(
        Subject.plan("subjects").field("currency"),
        Subject.rank(2, "SLV").field("code", "1"),
        Subject.requirement(1, "SLV", List.of(0)).field("rank", "GOLD"),
        Subject.requirement(2, "SLV", List.of(0, 1, 1)).field("breakawayRank", "PLAT"));
    assertThat(problems.get(3).location()).isEqualTo("rank SLV requirement 1 path B");
  }
}
