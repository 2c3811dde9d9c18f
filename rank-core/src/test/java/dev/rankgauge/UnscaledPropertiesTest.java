package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The builder keeps an order's amount and volumes as their unscaled longs, read without a
 * {@link BigInteger}: the same long as {@code unscaledValue().longValue()} for every decimal,
 * those held in a long and those that are not, of any scale.
 */
class UnscaledPropertiesTest {
  @Property(tries = 2000)
  void theUnscaledLongIsTheBigIntegersLong(@ForAll BigInteger unscaled,
      @ForAll @IntRange(min = -40, max = 40) int scale) {
    BigDecimal v = new BigDecimal(unscaled, scale);
    assertThat(Organisation.unscaled(v)).isEqualTo(v.unscaledValue().longValue());
  }

  @Property(tries = 2000)
  void aLongOfAnyScaleKeepsItsDigits(@ForAll long unscaled,
      @ForAll @IntRange(min = 0, max = 18) int scale) {
    BigDecimal v = BigDecimal.valueOf(unscaled, scale);
    assertThat(Organisation.unscaled(v)).isEqualTo(unscaled);
  }
}
