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
    assertThat(micro.threshold(d("9223372036854.775808"))).as("one unit past a long")
        .isEqualTo(Long.MAX_VALUE);
    assertThat(micro.threshold(d("-9223372036854.775808"))).isEqualTo(Long.MIN_VALUE);
    assertThat(micro.threshold(d("-9223372036854.775809"))).isEqualTo(Long.MIN_VALUE);
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
  void anEvaluationIsAsFineAsThePlansFinestVolumeTypeWhateverItsFigures() {
    assertThat(Units.of(plan(Requirement.groupVolume(d("10")))).scale)
        .as("no decimals declared: the default of six").isEqualTo(6);
    assertThat(Units.of(CompPlan.builder("p").volumeDecimals("PV", 2).rank("MEM", "Member")
        .build()).scale).isEqualTo(2);
    assertThat(Units.of(CompPlan.builder("p").volumeTypes("PV", "CV").volumeDecimals("PV", 0)
        .volumeDecimals("CV", 3).rank("MEM", "Member").build()).scale)
        .as("the finest of the plan's types").isEqualTo(3);
    assertThatThrownBy(() -> Requirement.groupVolume(d("10.123456789")))
        .hasMessage("group volume threshold 10.123456789 is out of range; expected a volume from 0"
            + " to below 10^15 with at most 6 decimals");
  }

  @Test
  void theLimitOfASumIsALongOfUnits() {
    assertThat(Units.ofScale(2).limit()).isEqualByComparingTo("92233720368547758.07");
    assertThat(Units.ofScale(6).limit()).isEqualByComparingTo("9223372036854.775807");
  }

  @Test
  void decimalsAreCountedWithoutTrailingZeros() {
    assertThat(Units.decimals(d("1.500"))).isEqualTo(1);
    assertThat(Units.decimals(d("1E+3"))).isZero();
    assertThat(Units.decimals(d("0.000"))).isZero();
    assertThat(Units.decimals(d("0.125"))).isEqualTo(3);
  }

  @Test
  void aRequirementsVolumeFiguresAreNamedByTheirFieldsInAPlanFile() {
    assertThat(Units.figures(Requirement.personalVolume(d("1.5"))))
        .containsExactly(new Units.Figure("volume", d("1.5")));
    assertThat(Units.figures(Requirement.legsWithVolumes(List.of(d("1"), d("2.125")))))
        .as("slots highest first, as the requirement keeps them")
        .containsExactly(new Units.Figure("volumes", d("2.125")),
            new Units.Figure("volumes", d("1")));
    assertThat(Units.figures(Requirement.legsWithVolume(3, d("2.125"))))
        .containsExactly(new Units.Figure("volume", d("2.125")));
    // A cap of 33.33% of 1,000 is compared exactly; the percentage is no volume.
    assertThat(Units.figures(Requirement.cappedGroupVolume(d("1000"), d("33.33"), false)))
        .containsExactly(new Units.Figure("volume", d("1000")));
    assertThat(Units.figures(Requirement.accumulatedVolume(d("300"), 3, Optional.of(d("0.5")))))
        .containsExactly(new Units.Figure("volume", d("300")),
            new Units.Figure("minimumEach", d("0.5")));
    assertThat(Units.figures(Requirement.activeLegs(2))).isEmpty();
    assertThat(Units.figures(Requirement.levelGroupVolume(d("750.5"), 3, true)))
        .containsExactly(new Units.Figure("volume", d("750.5")));
    assertThat(Units.figures(Requirement.personalGroupVolume(d("600.25"), "GLD", false)))
        .containsExactly(new Units.Figure("volume", d("600.25")));
  }

  @Test
  void aRangeOfAVolumeNamesItsBoundsAndARangeOfAPercentOrACountHasNoVolume() {
    assertThat(Units.figures(Requirement.between(Requirement.Figure.GROUP_VOLUME, d("1000.5"),
        d("5000.25")))).containsExactly(new Units.Figure("atLeast", d("1000.5")),
            new Units.Figure("atMost", d("5000.25")));
    assertThat(Units.figures(Requirement.downlineVolume(d("-10.5")).withinLevels(2)))
        .containsExactly(new Units.Figure("atLeast", d("-10.5")));
    assertThat(Units.figures(Requirement.atMost(Requirement.Figure.PERSONAL_VOLUME, d("80"))))
        .containsExactly(new Units.Figure("atMost", d("80")));
    // 33.33% is compared exactly, whatever decimals the plan gives its volumes.
    assertThat(Units.figures(Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT,
        d("33.33")))).isEmpty();
    assertThat(Units.figures(Requirement.between(Requirement.Figure.DAYS_SINCE_JOINED, d("31"),
        d("60")))).isEmpty();
  }

  @Test
  void aVolumeWithMoreThanSixDecimalsIsRefusedUnlessTheyAreZeros() {
    assertThat(Units.withinMaxDecimals(d("1.50"))).isEqualTo(d("1.50"));
    assertThat(Units.withinMaxDecimals(d("1.500000"))).as("six decimals kept as written")
        .isEqualTo(d("1.500000"));
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
