package dev.rankgauge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Kind 4: at most X% of a volume requirement may come from any one leg, optionally counting the
 * distributor's own volume as a leg; the gap names the legs at the cap.
 */
class CappedGroupVolumeTest {

  static CompPlan plan(String volume, String percent, boolean ownIsLeg) {
    return CompPlan.builder("capped")
        .rank(Rank.of("MEM", "Member"))
        .rank("GLD", "Gold", Requirement.cappedGroupVolume(new BigDecimal(volume),
            new BigDecimal(percent), ownIsLeg))
        .build();
  }

  /** 1,000 group PV, at most 50% (500) from any one leg; own volume uncapped. */
  static CompPlan fiftyPercentRule() {
    return plan("1000", "50", false);
  }

  @Test
  void aBigLegCountsOnlyUpToTheCapAndTheGapSaysSo() {
    // A 100 + B min(800, 500) + C min(300, 500) = 900 of 1,000, though group volume is 1,200.
    Evaluation e = TestOrg.create().add("A", null, 100).add("B", "A", 800).add("C", "A", 300)
        .evaluate(fiftyPercentRule());

    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
    assertThat(e.gauge("A", Metric.GROUP_SALES).value()).isEqualByComparingTo("1200");
    RequirementStatus s = e.result("A").gap().orElseThrow().requirements().get(0);
    assertThat(s.actual()).isEqualByComparingTo("900");
    assertThat(s.remaining()).isEqualByComparingTo("100");
    assertThat(s.note().orElseThrow().text())
        .isEqualTo("at the cap of 500 per leg, so more volume there does not help: B");
    assertThat(s.description())
        .isEqualTo("at least 1000 group PV with at most 50% from any one leg");
  }

  @Test
  void moreVolumeInALegAtTheCapDoesNotHelp() {
    // B grows from 800 to 5,000: still 500 of it counts; 900 as before.
    Evaluation e = TestOrg.create().add("A", null, 100).add("B", "A", 5_000).add("C", "A", 300)
        .evaluate(fiftyPercentRule());

    assertThat(TestOrg.status(e, "A", "GLD", 0).actual()).isEqualByComparingTo("900");
    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
  }

  @Test
  void aLegExactlyAtTheCapCountsInFullAndIsNamedAtTheCap() {
    // A 100 + B 500 (capped from 800) + C exactly 500 = 1,100: met. C is at the cap too: more
    // volume there would not count.
    Evaluation e = TestOrg.create().add("A", null, 100).add("B", "A", 800).add("C", "A", 500)
        .evaluate(fiftyPercentRule());

    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("1100");
    assertThat(s.note().orElseThrow().text()).endsWith("does not help: B, C");
  }

  @Test
  void aLegCountsItsWholeGroupVolumeAsOne() {
    // Leg B is B 300 + B1 300 + B2 300 = 900 -> capped at 500; leg C 400. A has 100.
    // 100 + 500 + 400 = 1,000: met exactly.
    Evaluation e = TestOrg.create().add("A", null, 100)
        .add("B", "A", 300).add("B1", "B", 300).add("B2", "B", 300)
        .add("C", "A", 400)
        .evaluate(fiftyPercentRule());

    assertThat(TestOrg.status(e, "A", "GLD", 0).actual()).isEqualByComparingTo("1000");
    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
  }

  @Test
  void ownVolumeCappedAsALegWhenThePlanSaysSo() {
    // A 700 + B 300. As a leg, A's own 700 counts 500: 800 of 1,000. Not as a leg: 1,000.
    TestOrg o = TestOrg.create().add("A", null, 700).add("B", "A", 300);

    Evaluation asLeg = o.evaluate(plan("1000", "50", true));
    Evaluation notAsLeg = o.evaluate(plan("1000", "50", false));

    RequirementStatus s = TestOrg.status(asLeg, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("800");
    assertThat(s.note().orElseThrow().text()).endsWith("does not help: own volume");
    assertThat(s.description()).endsWith("(own volume counted as a leg)");
    assertThat(asLeg.paidAs("A").code()).isEqualTo("MEM");
    assertThat(notAsLeg.paidAs("A").code()).isEqualTo("GLD");
  }

  @Test
  void aCapWithDecimalsIsExact() {
    // 33.33% of 1,000 = 333.3 per leg. Legs 400, 400, 300: 333.3 + 333.3 + 300 = 966.6.
    Evaluation e = TestOrg.create().add("A", null, 0)
        .add("L1", "A", 400).add("L2", "A", 400).add("L3", "A", 300)
        .evaluate(plan("1000", "33.33", false));

    RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("966.6");
    assertThat(s.remaining()).isEqualByComparingTo("33.4");
    assertThat(s.note().orElseThrow().text()).isEqualTo("at the cap of 333.3 per leg, so more volume there does not"
        + " help: L1, L2");
    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
  }

  @Test
  void aLegJustAboveAnInexactCapCountsTheCapNotItsVolume() {
    // 33.33% of 1,000 = 333.3 per leg; whole PV, so legs of 334 are just above the cap and count
    // 333.3 each: A 332 + 333.3 + 333.3 = 998.6, 1.4 short, though the legs hold 334 each.
    Evaluation e = TestOrg.create().add("A", null, 332).add("L1", "A", 334).add("L2", "A", 334)
        .evaluate(plan("1000", "33.33", false));

    RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("998.6");
    assertThat(s.remaining()).isEqualByComparingTo("1.4");
    assertThat(s.met()).isFalse();
    assertThat(s.note().orElseThrow().text()).endsWith("does not help: L1, L2");
    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
  }

  @Test
  void ownVolumeJustAboveAnInexactCapCountsTheCap() {
    // Own volume as a leg, 33.33% of 1,000 = 333.3: A's own 334 counts 333.3, L1's 334 too, L2's
    // 333 in full: 999.6, not 1,000.
    Evaluation e = TestOrg.create().add("A", null, 334).add("L1", "A", 334).add("L2", "A", 333)
        .evaluate(plan("1000", "33.33", true));

    RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("999.6");
    assertThat(s.met()).isFalse();
    assertThat(s.note().orElseThrow().text()).endsWith("does not help: own volume, L1");
    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
  }

  @Test
  void aWideFrontLineOfLegsAtTheCapCountsEachAtTheCap() {
    // 1% of 1,000 = 10 per leg. 64 legs of 50 count 640; A's own volume brings the rest: 360
    // meets 1,000 exactly, 359 misses it by one.
    for (long own : new long[] {360, 359}) {
      TestOrg o = TestOrg.create().add("A", null, own);
      for (int i = 1; i <= 64; i++) {
        o.add("L" + i, "A", 50);
      }
      Evaluation e = o.evaluate(plan("1000", "1", false));

      RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
      assertThat(s.actual()).isEqualByComparingTo(BigDecimal.valueOf(640 + own));
      assertThat(s.met()).isEqualTo(own == 360);
      assertThat(e.paidAs("A").code()).isEqualTo(own == 360 ? "GLD" : "MEM");
    }
  }

  @Test
  void aHugeLegUnderAFineCapDoesNotOverflow() {
    // 33.333333% of 1,000.000001 = 333.33333033333333 per leg, exactly. A leg of 99,999,999,999
    // (the largest order volume) counts just that; the cap's fourteen decimals used to widen
    // every volume and overflow here.
    Evaluation e = TestOrg.create().add("A", null, 0).add("B", "A", 99_999_999_999L)
        .evaluate(plan("1000.000001", "33.333333", false));

    assertThat(e.gauge("A", Metric.GROUP_SALES).value()).isEqualByComparingTo("99999999999");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("333.33333033333333");
    assertThat(s.note().orElseThrow().text()).endsWith("does not help: B");
    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
  }

  /**
   * 33.333334% of 1,000 is 333.33334 per leg: three legs at the cap make 1,000.00002, which meets
   * 1,000. The cap used to be rounded to the decimals of the organisation's orders, so without an
   * order with decimals anywhere it counted 333 per leg and A missed Gold; one order of 0.000001
   * PV in an unrelated line made A Gold.
   */
  @Test
  void theCapIsExactWhateverDecimalsOtherOrdersHave() {
    CompPlan plan = plan("1000", "33.333334", false);
    TestOrg whole = TestOrg.create().add("A", null, 0)
        .add("L1", "A", 500).add("L2", "A", 500).add("L3", "A", 500);
    TestOrg withAFineOrder = TestOrg.create().add("A", null, 0)
        .add("L1", "A", 500).add("L2", "A", 500).add("L3", "A", 500)
        .add("Z", null, new BigDecimal("0.000001"));

    for (Evaluation e : new Evaluation[] {whole.evaluate(plan), withAFineOrder.evaluate(plan)}) {
      RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
      assertThat(s.actual()).isEqualByComparingTo("1000.00002");
      assertThat(s.met()).isTrue();
      assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    }
  }

  /** Law: the decision and the figure it shows agree: met exactly when actual reaches required. */
  @Property(tries = 150)
  void theDecisionMatchesItsOwnFigures(@ForAll("trees") Trees.Tree t,
      @ForAll @IntRange(min = 1, max = 10_000) int hundredthsOfAPercent,
      @ForAll boolean ownIsLeg) {
    Evaluation e = t.org().evaluate(plan("600",
        BigDecimal.valueOf(hundredthsOfAPercent, 2).toPlainString(), ownIsLeg));

    for (int i = 0; i < t.size(); i++) {
      RequirementStatus s = TestOrg.status(e, Trees.Tree.id(i), "GLD", 0);
      assertThat(s.met()).as("%s: %s of %s", Trees.Tree.id(i), s.actual(), s.required())
          .isEqualTo(s.actual().compareTo(s.required()) >= 0);
    }
  }

  @Provide
  Arbitrary<Trees.Tree> trees() {
    return Trees.trees(25, 400);
  }

  /** Law: capping never adds volume; capped volume never exceeds group volume. */
  @Property(tries = 150)
  void cappedVolumeNeverExceedsGroupVolume(@ForAll("trees") Trees.Tree t,
      @ForAll @IntRange(min = 1, max = 100) int percent, @ForAll boolean ownIsLeg) {
    Evaluation e = t.org().evaluate(plan("600", String.valueOf(percent), ownIsLeg));

    for (int i = 0; i < t.size(); i++) {
      String id = Trees.Tree.id(i);
      assertThat(TestOrg.status(e, id, "GLD", 0).actual())
          .isLessThanOrEqualTo(e.gauge(id, Metric.GROUP_SALES).value());
    }
  }

  /** Law: more volume anywhere never lowers anyone's capped volume (at a cap it adds nothing). */
  @Property(tries = 150)
  void moreVolumeNeverLowersCappedVolume(@ForAll("trees") Trees.Tree t,
      @ForAll @IntRange(min = 0, max = 24) int who, @ForAll @IntRange(min = 1, max = 500) int extra,
      @ForAll boolean ownIsLeg) {
    int w = who % t.size();
    CompPlan p = plan("600", "40", ownIsLeg);
    Evaluation before = t.org().evaluate(p);
    Evaluation after = t.withMore(w, extra).org().evaluate(p);

    for (int i = 0; i < t.size(); i++) {
      String id = Trees.Tree.id(i);
      assertThat(TestOrg.status(after, id, "GLD", 0).actual())
          .isGreaterThanOrEqualTo(TestOrg.status(before, id, "GLD", 0).actual());
    }
  }
  /**
   * In a plan of whole PV, the cap of 333.3 (33.33% of 1,000) is reached at 334, the first whole
   * figure past it: legs of exactly 334 count 333.3 each, so A (332) has 998.6, and A's own 334
   * counts 333.3 where her own volume is a leg. Each leg at the cap is named.
   */
  @Test
  void inAPlanOfWholePvALegOrOwnVolumeOfExactlyTheFirstFigurePastTheCapCountsTheCap() {
    CompPlan legs = CompPlan.builder("capped").volumeDecimals("PV", 0)
        .rank(Rank.of("MEM", "Member"))
        .rank("GLD", "Gold", Requirement.cappedGroupVolume(new BigDecimal("1000"),
            new BigDecimal("33.33"), false))
        .build();
    CompPlan own = legs.toBuilder().ranks(java.util.List.of(Rank.of("MEM", "Member"),
        Rank.of("GLD", "Gold", Requirement.cappedGroupVolume(new BigDecimal("1000"),
            new BigDecimal("33.33"), true)))).build();

    RequirementStatus s = TestOrg.status(TestOrg.create().add("A", null, 332)
        .add("L1", "A", 334).add("L2", "A", 334).evaluate(legs), "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("998.6");
    assertThat(s.met()).isFalse();
    assertThat(s.note().orElseThrow().text()).endsWith("does not help: L1, L2");

    RequirementStatus o = TestOrg.status(TestOrg.create().add("A", null, 334)
        .add("L1", "A", 333).add("L2", "A", 333).evaluate(own), "A", "GLD", 0);
    assertThat(o.actual()).isEqualByComparingTo("999.3");
    assertThat(o.met()).isFalse();
    assertThat(o.note().orElseThrow().text()).endsWith("does not help: own volume");
  }
}
