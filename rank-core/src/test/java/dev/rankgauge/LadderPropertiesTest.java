package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Laws of the ladder's compiled thresholds. */
class LadderPropertiesTest {

  /**
   * Law: the comparison without a branch that decides most distributors' paid-as rank is
   * {@code <}, at the extremes of a long too (jqwik mixes in the minimum, the maximum and zero).
   */
  @Property(tries = 2000)
  void belowIsLessThan(@ForAll long x, @ForAll long y) {
    assertThat(Ladder.below(x, y)).as("%d below %d", x, y).isEqualTo(x < y ? 1L : 0L);
  }
}
