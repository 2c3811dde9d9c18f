package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every conversion between decimals and the engine's long units, with its rounding direction and
 * its saturation: thresholds round up, caps round down, both saturate at Long.MAX_VALUE.
 */
class UnitsTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void sixDecimalsAtMostEverywhere() {
    assertThat(Units.MAX_DECIMALS).isEqualTo(6);
    assertThat(Organisation.MAX_DECIMALS).isEqualTo(Units.MAX_DECIMALS);
  }

  @Test
  void aThresholdRoundsUpSoThatAVolumeMeetsItExactlyWhenItsUnitsReachIt() {
    Units cents = Units.ofScale(2);
    assertThat(cents.threshold(d("1.00"))).isEqualTo(100);
    assertThat(cents.threshold(d("1.001"))).isEqualTo(101);
    assertThat(cents.threshold(d("1.009"))).isEqualTo(101);
    assertThat(cents.threshold(d("1E+2"))).isEqualTo(10_000);
    assertThat(cents.threshold(BigDecimal.ZERO)).isZero();
    assertThat(cents.threshold(d("-1.009"))).isEqualTo(-100);
  }

  @Test
  void aCapRoundsDownSoThatNothingAboveItGetsThrough() {
    Units cents = Units.ofScale(2);
    assertThat(cents.cap(d("1.00"))).isEqualTo(100);
    assertThat(cents.cap(d("1.001"))).isEqualTo(100);
    assertThat(cents.cap(d("1.009"))).isEqualTo(100);
    assertThat(cents.cap(d("33.3333333333"))).isEqualTo(3333);
  }

  @Test
  void figuresBeyondALongSaturate() {
    Units micro = Units.ofScale(6);
    BigDecimal huge = d("1E+20");
    assertThat(micro.threshold(huge)).as("a threshold out of reach").isEqualTo(Long.MAX_VALUE);
    assertThat(micro.cap(huge)).as("a cap that is no limit").isEqualTo(Long.MAX_VALUE);
    assertThat(micro.threshold(d("9223372036854.775807"))).isEqualTo(Long.MAX_VALUE);
    assertThat(micro.threshold(d("9223372036854.775806"))).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(micro.threshold(huge.negate())).as("a need long since met").isEqualTo(Long.MIN_VALUE);
    assertThat(micro.threshold(d("-0.0000005"))).as("rounded up, towards zero").isZero();
  }

  @Test
  void unitsComeBackAsDecimalsWithTheScale() {
    Units milli = Units.ofScale(3);
    assertThat(milli.decimal(12_345)).isEqualTo(d("12.345"));
    assertThat(milli.decimal(-5)).isEqualTo(d("-0.005"));
    assertThat(milli.decimal(0)).isEqualTo(d("0.000"));
    assertThat(Units.ofScale(0).decimal(7)).isEqualTo(d("7"));
  }

  @Test
  void coarserValuesRescaleExactlyOrFailOnOverflow() {
    Units units = Units.ofScale(4);
    assertThat(units.rescale(12, 1)).isEqualTo(12_000);
    assertThat(units.rescale(-12, 4)).isEqualTo(-12);
    assertThatThrownBy(() -> units.rescale(Long.MAX_VALUE / 10, 0))
        .isInstanceOf(ArithmeticException.class);
    assertThat(units.factorOver(Units.ofScale(1))).isEqualTo(1_000);
    assertThat(units.factorOver(units)).isEqualTo(1);
    assertThatThrownBy(() -> units.factorOver(Units.ofScale(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEvaluationIsAsFineAsItsDataAndItsPlanUpToSixDecimals() {
    CompPlan twoDecimals = plan(Requirement.groupVolume(d("10.25")));
    CompPlan sixDecimals = plan(Requirement.groupVolume(d("10.123456")));
    CompPlan whole = plan(Requirement.groupVolume(d("10")));
    assertThat(Units.of(Units.ofScale(1), twoDecimals).scale).isEqualTo(2);
    assertThat(Units.of(Units.ofScale(3), twoDecimals).scale).isEqualTo(3);
    assertThat(Units.of(Units.ofScale(0), sixDecimals).scale).isEqualTo(6);
    assertThatThrownBy(() -> Requirement.groupVolume(d("10.123456789")))
        .hasMessage("group volume threshold 10.123456789 is out of range; expected a volume from 0"
            + " to below 10^15 with at most 6 decimals");
    assertThat(Units.of(Units.ofScale(0), whole).scale).isZero();
  }

  @Test
  void thePlansDecimalsAreThoseOfItsFinestFigure() {
    assertThat(Units.planScale(plan(Requirement.personalVolume(d("1.5"))))).isEqualTo(1);
    assertThat(Units.planScale(plan(Requirement.legsWithVolumes(List.of(d("1"), d("2.125"))))))
        .isEqualTo(3);
    assertThat(Units.planScale(plan(Requirement.anyOf(
        Requirement.path("A", Requirement.groupVolume(d("1.1234"))),
        Requirement.path("B", Requirement.activeLegs(2))))))
        .isEqualTo(4);
    // A cap of 33.33% of 1,000 is compared exactly instead of widening the evaluation.
    assertThat(Units.planScale(plan(Requirement.cappedGroupVolume(d("1000"), d("33.33"), false))))
        .isZero();
    assertThat(Units.planScale(CompPlan.builder("p")
        .personalVolume(new PersonalVolumeRule(true, Optional.of(d("2.50"))))
        .distributorActivity(ActivityRule.minimumVolume(d("0.125")))
        .rank("MEM", "Member").build())).isEqualTo(3);
  }

  @Test
  void aVolumeWithMoreThanSixDecimalsIsRefusedUnlessTheyAreZeros() {
    assertThat(Units.withinMaxDecimals(d("1.50"))).isEqualTo(d("1.50"));
    assertThat(Units.withinMaxDecimals(d("1.0000000"))).isEqualTo(d("1"));
    assertThat(Units.withinMaxDecimals(d("1E+3"))).isEqualTo(d("1000"));
    assertThat(Units.withinMaxDecimals(d("1E+3")).scale()).isZero();
    assertThat(Units.withinMaxDecimals(d("0.000001"))).isEqualTo(d("0.000001"));
    assertThat(Units.withinMaxDecimals(d("0.0000001"))).isNull();
  }

  private static CompPlan plan(Requirement requirement) {
    return CompPlan.builder("p").rank("MEM", "Member").rank("GLD", "Gold", requirement).build();
  }
}
