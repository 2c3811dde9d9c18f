package dev.rankgauge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Kind 3: N legs each with group volume of V or more, and slots of different thresholds met where
 * any assignment of distinct legs to slots meets them.
 */
class LegsWithVolumeTest {

  static CompPlan plan(Requirement legs) {
    return CompPlan.builder("legs with volume")
        .rank(Rank.of("MEM", "Member"))
        .rank("GLD", "Gold", legs)
        .build();
  }

  static Requirement slots(long... thresholds) {
    List<BigDecimal> out = new ArrayList<>();
    for (long t : thresholds) {
      out.add(BigDecimal.valueOf(t));
    }
    return Requirement.legsWithVolumes(out);
  }

  /** A (no volume) with one leg per volume, each leg a single distributor L1, L2, .... */
  static TestOrg legs(long... volumes) {
    TestOrg o = TestOrg.create().add("A", null, 0);
    for (int i = 0; i < volumes.length; i++) {
      o.add("L" + (i + 1), "A", volumes[i]);
    }
    return o;
  }

  @Test
  void aLegExactlyAtTheThresholdCounts() {
    // Legs: B = 200 + 1,000 below = 1,200; C = 999; D = exactly 1,000. Two legs of 1,000: B, D.
    TestOrg o = TestOrg.create().add("A", null, 0)
        .add("B", "A", 200).add("B1", "B", 1_000)
        .add("C", "A", 999)
        .add("D", "A", 1_000);
    Evaluation e = o.evaluate(plan(Requirement.legsWithVolume(2, BigDecimal.valueOf(1_000))));

    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("2");
    assertThat(s.description()).isEqualTo("2 legs with at least 1000 group PV each");
  }

  @Test
  void slotsAreFilledByTheBestAssignmentNotTheInputOrder() {
    // Slots 10,000 / 20,000 / 30,000; legs in input order 15,000 / 35,000 / 25,000.
    // 35,000 -> 30,000, 25,000 -> 20,000, 15,000 -> 10,000: met.
    Evaluation e = legs(15_000, 35_000, 25_000).evaluate(plan(slots(10_000, 20_000, 30_000)));

    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
    assertThat(TestOrg.status(e, "A", "GLD", 0).actual()).isEqualByComparingTo("3");
  }

  @Test
  void legsExactlyAtTheirSlotsMeetIt() {
    Evaluation e = legs(10_000, 20_000, 30_000).evaluate(plan(slots(30_000, 10_000, 20_000)));

    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
  }

  @Test
  void extraLegsDoNotGetInTheWay() {
    // Five legs; the three largest (40,000 / 22,000 / 11,000) fill the slots.
    Evaluation e = legs(5_000, 40_000, 22_000, 11_000, 9_000)
        .evaluate(plan(slots(10_000, 20_000, 30_000)));

    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
  }

  @Test
  void theGapSaysHowManySlotsCanBeFilledAndWhichIsShort() {
    // Legs 35,000 / 15,000 / 12,000 against 30,000 / 20,000 / 10,000: 35,000 fills 30,000 and
    // 12,000 fills 10,000; no leg left fills 20,000 (the 15,000 leg needs 5,000 more).
    Evaluation e = legs(35_000, 15_000, 12_000).evaluate(plan(slots(10_000, 20_000, 30_000)));

    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
    RequirementStatus s = e.result("A").gap().orElseThrow().requirements().get(0);
    assertThat(s.required()).isEqualByComparingTo("3");
    assertThat(s.actual()).isEqualByComparingTo("2");
    assertThat(s.note().orElseThrow().text()).isEqualTo("short: a leg of 20000 (nearest leg has 15000)");
    assertThat(s.description())
        .isEqualTo("legs with at least 30000, 20000, 10000 group PV, one leg each");
  }

  @Test
  void aLegExactlyAtItsSlotIsNotNamedShort() {
    // Legs 25,000 / 20,000 against 30,000 / 20,000: the 20,000 leg fills its slot exactly, so only
    // the 30,000 slot is short (its nearest leg has 25,000).
    Evaluation e = legs(25_000, 20_000).evaluate(plan(slots(30_000, 20_000)));

    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
    RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("1");
    assertThat(s.note().orElseThrow().text()).isEqualTo("short: a leg of 30000 (nearest leg has 25000)");
  }

  @Test
  void missingLegsAreNamedAsMissing() {
    Evaluation e = legs(5_000).evaluate(plan(Requirement.legsWithVolume(2, BigDecimal.valueOf(4_000))));

    RequirementStatus s = TestOrg.status(e, "A", "GLD", 0);
    assertThat(s.actual()).isEqualByComparingTo("1");
    assertThat(s.note().orElseThrow().text()).isEqualTo("short: a leg of 4000 (no such leg yet)");
  }

  /**
   * Against brute force: the rule is met exactly when some assignment of distinct legs to slots
   * meets every slot, and its actual figure is the most slots any assignment fills.
   */
  @Property(tries = 200)
  void agreesWithEveryAssignmentOfLegsToSlots(
      @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 0, max = 50) Integer> slots,
      @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 60) Integer> legs) {
    long[] s = slots.stream().mapToLong(Integer::longValue).toArray();
    long[] l = legs.stream().mapToLong(Integer::longValue).toArray();
    Evaluation e = legs(l).evaluate(plan(slots(s)));

    int best = mostFilled(s, 0, l, new boolean[l.length]);
    assertThat(e.paidAs("A").code()).isEqualTo(best == s.length ? "GLD" : "MEM");
    assertThat(TestOrg.status(e, "A", "GLD", 0).actual().intValueExact()).isEqualTo(best);
  }

  /** The most of slots[from..] that distinct unused legs can fill, by trying every assignment. */
  private static int mostFilled(long[] slots, int from, long[] legs, boolean[] used) {
    if (from == slots.length) {
      return 0;
    }
    int best = mostFilled(slots, from + 1, legs, used);
    for (int i = 0; i < legs.length; i++) {
      // A leg without volume has no order here, but is still a leg: 0 meets a slot of 0.
      if (!used[i] && legs[i] >= slots[from]) {
        used[i] = true;
        best = Math.max(best, 1 + mostFilled(slots, from + 1, legs, used));
        used[i] = false;
      }
    }
    return best;
  }
}
