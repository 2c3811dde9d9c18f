package dev.rankgauge;

import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plan that builds evaluates in bounded memory: the ladder's size, each anyOf's breadth and
 * depth, leg slots and levels are limited, and building reports every limit it breaks.
 */
class PlanLimitsTest {
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private static CompPlan.Builder ladder(Requirement... silver) {
    return CompPlan.builder("Limits").rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", silver));
  }

  private static List<Problem> problems(CompPlan.Builder b) {
    ValidationException e = catchThrowableOfType(ValidationException.class, b::build);
    assertThat(e).as("the plan is rejected").isNotNull();
    return e.problems();
  }

  private static Requirement anyOf(Requirement... eachPath) {
    List<Requirement.Path> paths = new ArrayList<>();
    for (int i = 0; i < eachPath.length; i++) {
      paths.add(Requirement.path("P" + i, eachPath[i]));
    }
    return Requirement.anyOf(paths);
  }

  @Test
  void aThousandRequirementsBuildAndOneMoreIsTooMany() {
    List<Requirement.Path> paths = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      List<Requirement> inner = new ArrayList<>();
      for (int k = 0; k < 99; k++) {
        inner.add(Requirement.personalVolume(BigDecimal.valueOf(p * 100 + k)));
      }
      paths.add(new Requirement.Path("P" + p, inner));
    }
    Requirement big = Requirement.anyOf(paths); // 1 + 10 * 99 = 991 requirements
    List<Requirement> rest = new ArrayList<>();
    rest.add(big);
    for (int i = 0; i < 9; i++) {
      rest.add(Requirement.groupVolume(BigDecimal.valueOf(i)));
    }
    CompPlan atTheLimit = ladder(rest.toArray(new Requirement[0])).build();
    assertThat(atTheLimit.ranks().get(1).requirements()).hasSize(10);

    rest.add(Requirement.activeLegs(1));
    assertThat(problems(ladder(rest.toArray(new Requirement[0])))).singleElement()
        .satisfies(p -> assertThat(p.subject()).isEqualTo(Subject.plan("Limits").field("ranks")))
        .satisfies(p -> assertThat(p.message()).isEqualTo("found 1001 requirements in the ladder"
            + " (those inside anyOf paths included); expected at most 1000"));
  }

  @Test
  void anAnyOfOfElevenPathsIsNamedByItsPlace() {
    Requirement[] each = new Requirement[11];
    for (int i = 0; i < each.length; i++) {
      each[i] = Requirement.personalVolume(BigDecimal.valueOf(i));
    }

    assertThat(problems(ladder(Requirement.activeLegs(1), anyOf(each)))).singleElement()
        .satisfies(p -> assertThat(p.subject())
            .isEqualTo(Subject.requirement(1, "SLV", List.of(1)).field("paths")))
        .satisfies(p -> assertThat(p.location()).isEqualTo("rank SLV requirement 2"))
        .satisfies(p -> assertThat(p.message())
            .isEqualTo("found an anyOf of 11 paths; expected at most 10"));
  }

  @Test
  void anyOfNestsThreeDeepAndNoDeeper() {
    Requirement pv = Requirement.personalVolume(HUNDRED);
    Requirement three = anyOf(pv, anyOf(pv, anyOf(pv, pv)));
    assertThat(ladder(three).build().ranks()).hasSize(2);

    Requirement four = anyOf(pv, anyOf(pv, anyOf(pv, anyOf(pv, pv))));
    assertThat(problems(ladder(four))).singleElement()
        .satisfies(p -> assertThat(p.subject())
            .isEqualTo(Subject.requirement(1, "SLV", List.of(0, 1, 0, 1, 0, 1, 0))))
        .satisfies(p -> assertThat(p.location())
            .isEqualTo("rank SLV requirement 1 path P1 path P1 path P1"))
        .satisfies(p -> assertThat(p.message()).isEqualTo("found an anyOf nested 4 deep (an anyOf"
            + " inside a path of an anyOf); expected at most 3 levels"));
  }

  @Test
  void aNestingTenThousandDeepIsReportedNotFollowed() {
    Requirement pv = Requirement.personalVolume(HUNDRED);
    Requirement deep = pv;
    for (int i = 0; i < 10_000; i++) {
      deep = anyOf(pv, deep);
    }

    assertThat(problems(ladder(deep))).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("found an anyOf nested 4 deep"));
  }

  @Test
  void sharedPathsCannotMultiplyPastTheLimit() {
    // The same anyOf in every path: few objects, but a ladder of 10^3 * 50 requirements.
    List<Requirement> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(Requirement.personalVolume(BigDecimal.valueOf(i)));
    }
    Requirement level = Requirement.anyOf(List.of(new Requirement.Path("A", fifty),
        new Requirement.Path("B", fifty)));
    for (int d = 0; d < 2; d++) {
      List<Requirement.Path> paths = new ArrayList<>();
      for (int p = 0; p < 10; p++) {
        paths.add(new Requirement.Path("P" + p, List.of(level, level, level)));
      }
      level = Requirement.anyOf(paths);
    }

    assertThat(problems(ladder(level))).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("found ")
            .endsWith(" requirements in the ladder (those inside anyOf paths included); expected"
                + " at most 1000"));
  }

  @Test
  void slotsAndLevelsAreLimitedWhereTheyAreMade() {
    assertThat(Requirement.legsWithVolume(100, HUNDRED)).isNotNull();
    assertThatThrownBy(() -> Requirement.legsWithVolume(Integer.MAX_VALUE, HUNDRED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leg count 2147483647 is more than supported; at most 100");
    assertThatThrownBy(() -> Requirement.legsWithVolumes(
        java.util.Collections.nCopies(101, HUNDRED)))
        .hasMessage("leg volume slots 101 is more than supported; at most 100");
    assertThatThrownBy(() -> Requirement.levelGroupVolume(HUNDRED, 101, false))
        .hasMessage("levels 101 is more than supported; at most 100");
    assertThatThrownBy(() -> Requirement.legsWithRank(1, "SLV").withinLevels(1_000_000))
        .hasMessage("levels 1000000 is more than supported; at most 100");
  }

  @Test
  void whatTheRulesKeepPerDistributorIsBounded() {
    // 808 bytes each: five fit in 4,096, six do not.
    Requirement widest = Requirement.levelGroupVolume(HUNDRED, 100, false);
    assertThat(Ladder.bytesPerDistributor(widest)).isEqualTo(808);
    assertThat(ladder(widest, widest, widest, widest, widest).build()).isNotNull();

    assertThat(problems(ladder(widest, widest, widest, widest, widest, widest))).singleElement()
        .satisfies(p -> assertThat(p.subject()).isEqualTo(Subject.plan("Limits").field("ranks")))
        .satisfies(p -> assertThat(p.message()).startsWith("found rules that keep 4848 bytes per"
            + " distributor during an evaluation; expected at most 4096 (fewer"));
  }

  @Test
  void whatEachKindKeepsPerDistributorIsWhatItsRuleAllocates() {
    // Killed mutants of the first PIT run: each kind's share was unchecked but for one.
    BigDecimal v = HUNDRED;
    assertThat(Ladder.bytesPerDistributor(Requirement.personalVolume(v))).isZero();
    assertThat(Ladder.bytesPerDistributor(Requirement.groupVolume(v))).isZero();
    assertThat(Ladder.bytesPerDistributor(Requirement.activePersonalCustomers(2))).isZero();
    assertThat(Ladder.bytesPerDistributor(Requirement.activePersonalDistributors(2))).isZero();
    assertThat(Ladder.bytesPerDistributor(Requirement.sponsoredWithRank(4, "SLV"))).isEqualTo(4);
    assertThat(Ladder.bytesPerDistributor(Requirement.legsWithRank(2, "SLV").frontLine()))
        .isEqualTo(4);
    assertThat(Ladder.bytesPerDistributor(Requirement.legsWithRank(2, "SLV"))).isEqualTo(5);
    assertThat(Ladder.bytesPerDistributor(Requirement.legsWithRank(2, "SLV").withinLevels(3)))
        .isEqualTo(8);
    assertThat(Ladder.bytesPerDistributor(Requirement.legsWithVolume(3, v))).isEqualTo(24);
    assertThat(Ladder.bytesPerDistributor(Requirement.cappedGroupVolume(v, BigDecimal.TEN, false)))
        .isEqualTo(12);
    assertThat(Ladder.bytesPerDistributor(Requirement.levelGroupVolume(v, 3, false))).isEqualTo(32);
    assertThat(Ladder.bytesPerDistributor(Requirement.personalGroupVolume(v, "SLV", false)))
        .isEqualTo(12);
    assertThat(Ladder.bytesPerDistributor(Requirement.activeLegs(2))).isEqualTo(5);
    assertThat(Ladder.bytesPerDistributor(Requirement.sponsoredOnEachSide(1))).isEqualTo(8);
    assertThat(Ladder.bytesPerDistributor(Requirement.rankOnEachSide(1, "SLV"))).isEqualTo(4);
    assertThat(Ladder.bytesPerDistributor(Requirement.matrixPositions(3, 4, true)))
        .isEqualTo(16);
    assertThat(Ladder.bytesPerDistributor(Requirement.downlineVolume(v))).as("the group volume")
        .isZero();
    assertThat(Ladder.bytesPerDistributor(Requirement.downlineVolume(v).withinLevels(3)))
        .isEqualTo(32);
    assertThat(Ladder.bytesPerDistributor(Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT,
        BigDecimal.TEN))).isEqualTo(8);
    assertThat(Ladder.bytesPerDistributor(Requirement.atLeast(Requirement.Figure.PERSONAL_VOLUME,
        v))).isZero();
    assertThat(Ladder.bytesPerDistributor(anyOf(Requirement.activeLegs(2),
        Requirement.activeLegs(3)))).isZero();
  }

  @Test
  void everyLimitIsReportedAtOnce() {
    Requirement pv = Requirement.personalVolume(HUNDRED);
    Requirement[] eleven = new Requirement[11];
    java.util.Arrays.fill(eleven, pv);
    Requirement widest = Requirement.legsWithVolume(100, HUNDRED);

    assertThat(problems(ladder(anyOf(eleven), anyOf(pv, anyOf(pv, anyOf(pv, anyOf(pv, pv)))),
        widest, widest, widest, widest, widest, widest, Requirement.sponsoredWithRank(1, "GOLD"))))
        .extracting(Problem::message)
        .containsExactlyInAnyOrder(
            "found an anyOf of 11 paths; expected at most 10",
            "found an anyOf nested 4 deep (an anyOf inside a path of an anyOf); expected at most 3"
                + " levels",
            "found rank GOLD, which the ladder does not define; expected one of: DIST, SLV",
            "found rules that keep 4804 bytes per distributor during an evaluation; expected at"
                + " most 4096 (fewer or smaller levelGroupVolume, legsWithVolume(s) and"
                + " legsWithRank within levels requirements)");
  }

  @Test
  void aPlanAtEveryLimitEvaluates() {
    Requirement pv = Requirement.personalVolume(HUNDRED);
    Requirement deep = anyOf(pv, anyOf(pv, anyOf(Requirement.levelGroupVolume(HUNDRED, 100, true),
        Requirement.legsWithVolume(100, BigDecimal.ONE))));
    CompPlan plan = ladder(deep, Requirement.legsWithRank(1, "DIST").withinLevels(100)).build();
    Organisation o = org().distributor("D0", null).distributor("D1", "D0")
        .distributor("D2", "D1").paid("D1", nov(3), "150").build();

    Evaluation e = RankGauge.evaluate(o, plan, Fixtures.NOVEMBER);

    assertThat(e.result("D1").paidAs().code()).as("own PV, and a leg").isEqualTo("SLV");
    assertThat(e.result("D0").paidAs().code()).as("100 PV in the first levels").isEqualTo("SLV");
    assertThat(e.result("D2").paidAs().code()).as("no leg").isEqualTo("DIST");
  }
}
