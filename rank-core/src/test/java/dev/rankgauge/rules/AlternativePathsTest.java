package dev.rankgauge.rules;

import static dev.rankgauge.Requirement.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kind 7: a rank reached by requirement set A or by set B; the gap shows the closest path. */
class AlternativePathsTest {

  /** Gold: path A = 100 PV and 1,000 group PV, or path B = 300 PV and 2 legs of 200. */
  static CompPlan plan() {
    return CompPlan.builder("paths")
        .rank(Rank.of("MEM", "Member"))
        .rank("GLD", "Gold", Requirement.anyOf(
            path("A", Requirement.personalVolume(BigDecimal.valueOf(100)),
                Requirement.groupVolume(BigDecimal.valueOf(1_000))),
            path("B", Requirement.personalVolume(BigDecimal.valueOf(300)),
                Requirement.legsWithVolume(2, BigDecimal.valueOf(200)))))
        .build();
  }

  @Test
  void metByTheSecondPath() {
    // X 300 + legs 250 + 250: group 800 misses path A; path B has 300 PV and two legs of 200+.
    Evaluation e = TestOrg.create().add("X", null, 300).add("L1", "X", 250).add("L2", "X", 250)
        .evaluate(plan());

    assertThat(e.paidAs("X").code()).isEqualTo("GLD");
    RequirementStatus s = TestOrg.status(e, "X", "GLD", 0);
    assertThat(s.met()).isTrue();
    assertThat(s.note().orElseThrow().text()).isEqualTo("met by path B");
    assertThat(s.parts()).extracting(RequirementStatus::met)
        .containsExactly(true, false, true, true);
  }

  @Test
  void theGapShowsTheClosestPath() {
    // X 100 + L1 800 = 900.
    // Path A: 100 of 100 PV (100%), 900 of 1,000 group (90%): on average 95%.
    // Path B: 100 of 300 PV (33.33%), 1 of 2 legs (50%): on average 41.66%. A is closest.
    Evaluation e = TestOrg.create().add("X", null, 100).add("L1", "X", 800).evaluate(plan());

    assertThat(e.paidAs("X").code()).isEqualTo("MEM");
    RequirementStatus s = e.result("X").gap().orElseThrow().requirements().get(0);
    assertThat(s.met()).isFalse();
    assertThat(s.note().orElseThrow().text()).isEqualTo("closest path: A");
    assertThat(s.required()).isEqualByComparingTo("2");
    assertThat(s.actual()).isEqualByComparingTo("1");
    assertThat(s.percentComplete()).isEqualByComparingTo("95.00");
    assertThat(s.parts()).extracting(RequirementStatus::description).containsExactly(
        "path A: at least 100 personal PV", "path A: at least 1000 group PV",
        "path B: at least 300 personal PV", "path B: 2 legs with at least 200 group PV each");
    assertThat(s.parts().get(1).remaining()).isEqualByComparingTo("100");
    assertThat(s.description()).isEqualTo("path A: at least 100 personal PV and at least 1000"
        + " group PV; or path B: at least 300 personal PV and 2 legs with at least 200 group PV"
        + " each");
  }

  @Test
  void whenBothPathsAreMetTheFirstIsNamed() {
    Evaluation e = TestOrg.create().add("X", null, 600).add("L1", "X", 250).add("L2", "X", 250)
        .evaluate(plan());

    assertThat(TestOrg.status(e, "X", "GLD", 0).note().orElseThrow().text()).isEqualTo("met by path A");
  }

  @Test
  void pathsAreChecked() {
    assertThatThrownBy(() -> Requirement.anyOf(path("A", Requirement.activeLegs(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("anyOf needs at least two paths, found 1");
    assertThatThrownBy(() -> new Requirement.Path("B", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("path B has no requirements");
  }
}
