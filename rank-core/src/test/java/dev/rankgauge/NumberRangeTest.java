package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.nov;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * One range for every number the library takes: order volumes below 10^11 either side of zero,
 * amounts below 10^15, plan figures from 0 to below 10^15, each with at most six decimals. A
 * number outside it, however absurd, is rejected at once with a short message, before any
 * arithmetic could expand it.
 */
class NumberRangeTest {
  private static final BigDecimal HUGE = new BigDecimal("1e999999999");
  private static final BigDecimal TINY = new BigDecimal("1e-999999999");
  private static final BigDecimal DIGITS = new BigDecimal("9".repeat(100_000));

  private static List<Problem> orderProblems(BigDecimal volume, BigDecimal amount) {
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("D1", null, JOINED, "Dee", "dee@example.com"))
        .add(new Order("O1", BuyerType.DISTRIBUTOR, "D1", nov(3), OrderStatus.PAID,
            Map.of("PV", volume), amount));
    ValidationException e = catchThrowableOfType(ValidationException.class, b::build);
    assertThat(e).as("the organisation is rejected").isNotNull();
    return e.problems();
  }

  @Test
  void absurdOrderVolumesAreShortLocatedProblems() {
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
      assertThat(orderProblems(HUGE, BigDecimal.TEN)).singleElement()
          .satisfies(p -> assertThat(p.subject()).isEqualTo(Subject.order("O1", 0).field("volumes", "PV")))
          .satisfies(p -> assertThat(p.toString()).isEqualTo("order O1: found PV volume 1E+999999999;"
              + " expected one below 100000000000 in size"));
      assertThat(orderProblems(TINY, BigDecimal.TEN)).singleElement()
          .satisfies(p -> assertThat(p.toString()).isEqualTo("order O1: found PV volume 1E-999999999;"
              + " expected at most 6 decimal places"));
      assertThat(orderProblems(DIGITS, BigDecimal.TEN)).singleElement()
          .satisfies(p -> assertThat(p.message()).hasSizeLessThan(200).contains("100000 digits"));
      assertThat(orderProblems(HUGE.negate(), BigDecimal.TEN)).extracting(Problem::message)
          .anySatisfy(m -> assertThat(m).endsWith("; expected one below 100000000000 in size"));
    });
  }

  @Test
  void amountsHaveARangeToo() {
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
      assertThat(orderProblems(BigDecimal.TEN, HUGE)).singleElement()
          .satisfies(p -> assertThat(p.subject()).isEqualTo(Subject.order("O1", 0).field("amount")))
          .satisfies(p -> assertThat(p.message()).isEqualTo("found amount 1E+999999999; expected"
              + " one below 1000000000000000 in size with at most 6 decimal places"));
      assertThat(orderProblems(BigDecimal.TEN, TINY)).singleElement()
          .satisfies(p -> assertThat(p.message()).startsWith("found amount 1E-999999999; expected"));
    });
    Organisation o = Fixtures.org().distributor("D1", null).order(new Order("O1",
        BuyerType.DISTRIBUTOR, "D1", nov(3), OrderStatus.PAID, Map.of("PV", BigDecimal.TEN),
        new BigDecimal("999999999999999.999999"))).build();
    assertThat(o.orders().get(0).amount()).isEqualByComparingTo("999999999999999.999999");
  }

  @Test
  void planFiguresAreCheckedWhereTheyAreMade() {
    List<Function<BigDecimal, Object>> makers = List.of(
        Requirement::personalVolume,
        Requirement::groupVolume,
        v -> Requirement.legsWithVolume(2, v),
        v -> Requirement.legsWithVolumes(List.of(BigDecimal.ONE, v)),
        v -> Requirement.cappedGroupVolume(v, BigDecimal.TEN, false),
        v -> Requirement.levelGroupVolume(v, 2, false),
        v -> Requirement.personalGroupVolume(v, "SLV", false),
        ActivityRule::minimumVolume,
        v -> PersonalVolumeRule.ownAndCustomerOrders().withSelfPurchaseCap(v));
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
      for (Function<BigDecimal, Object> make : makers) {
        assertThatThrownBy(() -> make.apply(HUGE)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageEndingWith(" 1E+999999999 is out of range; expected a volume from 0 to below"
                + " 10^15 with at most 6 decimals");
        assertThatThrownBy(() -> make.apply(TINY)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(" 1E-999999999 is out of range");
        assertThatThrownBy(() -> make.apply(DIGITS)).isInstanceOf(IllegalArgumentException.class)
            .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
        assertThat(make.apply(new BigDecimal("999999999999999.999999"))).isNotNull();
        assertThat(make.apply(new BigDecimal("1.5000000000"))).isNotNull();
      }
      assertThatThrownBy(() -> Requirement.cappedGroupVolume(BigDecimal.TEN, TINY, false))
          .hasMessage("maximum percent per leg must be in (0, 100] with at most 6 decimals:"
              + " 1E-999999999");
    });
  }

  @Test
  void thresholdsAtTheTopOfTheRangeEvaluate() {
    CompPlan plan = CompPlan.builder("Top").rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver",
            Requirement.groupVolume(new BigDecimal("999999999999999.999999")),
            Requirement.cappedGroupVolume(new BigDecimal("999999999999999.999999"),
                new BigDecimal("33.333333"), true)))
        .build();
    Organisation o = Fixtures.org().distributor("D1", null).paid("D1", nov(3), "99999999999.999999")
        .build();

    Evaluation e = RankGauge.evaluate(o, plan, Fixtures.NOVEMBER);

    assertThat(e.result("D1").paidAs().code()).isEqualTo("DIST");
  }
}
