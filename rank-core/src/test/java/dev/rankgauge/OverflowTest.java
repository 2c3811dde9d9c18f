package dev.rankgauge;

import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * Sums of volumes are exact longs: a sum beyond one is a data error naming the distributor whose
 * figure overflows, never "long overflow" from deep inside the evaluation.
 */
class OverflowTest {
  /** The largest volume an order may carry, with the six decimals an order may have. */
  private static final String HUGE = "99999999999.999999";

  private static ValidationException evaluating(Fixtures.Org org) {
    Organisation o = org.build();
    return catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(o, ladder().build(), Fixtures.NOVEMBER));
  }

  @Test
  void aGroupVolumeBeyondALongNamesTheDistributorAtTheTop() {
    Fixtures.Org org = org().distributor("D0", null).distributor("D1", "D0");
    for (int i = 2; i <= 101; i++) {
      org.distributor("D" + i, "D1").paid("D" + i, nov(3), HUGE);
    }

    ValidationException e = evaluating(org);

    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).location()).isEqualTo("distributor D1");
    assertThat(e.problems().get(0).subject()).isEqualTo(Subject.distributor("D1", -1));
    assertThat(e.problems().get(0).message()).startsWith("found a group volume beyond what an"
        + " evaluation can sum exactly: the PV volumes add up");
  }

  @Test
  void aPersonalVolumeBeyondALongNamesItsDistributor() {
    Fixtures.Org own = org().distributor("D0", null).distributor("D1", "D0");
    Fixtures.Org customers = org().distributor("D0", null).distributor("D2", "D0")
        .customer("C1", "D2");
    for (int i = 0; i < 100; i++) {
      own.paid("D1", nov(3), HUGE);
      customers.paid("C1", nov(3), HUGE);
    }

    assertThat(evaluating(own).problems()).singleElement()
        .satisfies(p -> assertThat(p.location()).isEqualTo("distributor D1"))
        .satisfies(p -> assertThat(p.message()).startsWith("found a personal volume beyond"));
    assertThat(evaluating(customers).problems()).singleElement()
        .satisfies(p -> assertThat(p.location()).isEqualTo("distributor D2"));
  }

  @Test
  void justBelowTheLimitEvaluates() {
    Fixtures.Org org = org().distributor("D0", null);
    for (int i = 1; i <= 92; i++) {
      org.distributor("D" + i, "D0").paid("D" + i, nov(3), HUGE);
    }

    Evaluation e = RankGauge.evaluate(org.build(), ladder().build(), Fixtures.NOVEMBER);

    assertThat(e.gauge("D0", Metric.GROUP_SALES).value())
        .isEqualByComparingTo("9199999999999.999908");
  }
  /**
   * Live: R, a root with 50 orders of the largest volume, is moved under D1, who has 50 more.
   * D1's group volume would pass what a sum holds, so the move is refused naming D1; R stays a
   * root, and the next order counts as if the move had never been asked for.
   */
  @Test
  void aLiveMoveWhoseSumsOverflowIsRefusedAndLeavesTheTreeAsItWas() {
    Fixtures.Org org = org().distributor("D0", null).distributor("D1", "D0")
        .distributor("R", null);
    for (int i = 0; i < 50; i++) {
      org.paid("D1", nov(3), HUGE);
      org.paid("R", nov(3), HUGE);
    }
    LiveEvaluation live = LiveEvaluation.start(org.build(), ladder().build(), Fixtures.NOVEMBER,
        nov(20));

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> live.apply(new LiveEvent.SponsorChanged("R", "D1")));

    assertThat(e.problems()).singleElement()
        .satisfies(p -> assertThat(p.location()).isEqualTo("distributor D1"))
        .satisfies(p -> assertThat(p.message()).startsWith("found a group volume beyond"));
    live.apply(new LiveEvent.OrderPlaced(new Order("X1", BuyerType.DISTRIBUTOR, "D0", nov(5),
        OrderStatus.PAID, java.util.Map.of("PV", java.math.BigDecimal.ONE),
        java.math.BigDecimal.ONE)));
    Evaluation after = live.snapshot();
    assertThat(after.organisation().distributor("R").orElseThrow().sponsorId()).isEmpty();
    assertThat(after.gauge("D1", Metric.GROUP_SALES).value())
        .isEqualByComparingTo("4999999999999.99995");
    assertThat(after.gauge("D0", Metric.GROUP_SALES).value())
        .isEqualByComparingTo("5000000000000.99995");
    assertThat(after.gauge("R", Metric.GROUP_SALES).value())
        .isEqualByComparingTo("4999999999999.99995");
  }
}
