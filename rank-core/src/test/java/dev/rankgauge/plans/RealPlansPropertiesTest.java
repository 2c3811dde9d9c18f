package dev.rankgauge.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.rules.Trees;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of the real plans on random organisations. doTERRA and Scentsy rank only on rising
 * thresholds, so more volume never costs anyone a rank. Young Living does not have that law:
 * a leg reaching Silver breaks away and can cost its upline Silver
 * ({@link YoungLivingTest#twoBreakawaysExactlyAtSilverCostTheUplineItsSilver}).
 */
class RealPlansPropertiesTest {

  @Provide
  Arbitrary<Trees.Tree> trees() {
    return Trees.trees(40, 3_000);
  }

  @Property(tries = 100)
  void doTerraMoreVolumeNeverLowersARank(@ForAll("trees") Trees.Tree t,
      @ForAll @IntRange(min = 0, max = 39) int who, @ForAll @IntRange(min = 1, max = 3_000) int extra) {
    neverLower(RealPlans.doTerra(), "PV", t, who % t.size(), extra);
  }

  @Property(tries = 100)
  void scentsyMoreVolumeNeverLowersARank(@ForAll("trees") Trees.Tree t,
      @ForAll @IntRange(min = 0, max = 39) int who, @ForAll @IntRange(min = 1, max = 3_000) int extra) {
    neverLower(RealPlans.scentsy(), "WV", t, who % t.size(), extra);
  }

  private static void neverLower(CompPlan plan, String volumeType, Trees.Tree t, int who,
      int extra) {
    Evaluation before = t.org(volumeType).evaluate(plan);
    Evaluation after = t.withMore(who, extra).org(volumeType).evaluate(plan);
    for (int i = 0; i < t.size(); i++) {
      String id = Trees.Tree.id(i);
      assertThat(plan.rankLevel(after.paidAs(id).code())).as("rank of %s", id)
          .isGreaterThanOrEqualTo(plan.rankLevel(before.paidAs(id).code()));
    }
  }
}
