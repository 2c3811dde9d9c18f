package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A bad plan file in Spanish: the schema's findings, the loader's own and the core's, each at
 * the same line, column and JSON path as in English, in Spanish words; the bundle of plan
 * problems is complete both ways.
 */
class PlanProblemsInSpanishTest {
  private static final Locale ES = Locale.forLanguageTag("es");

  @Test
  void aBadPlanReadsInSpanishAtTheSameLocations() {
    List<Problem> problems = problems("""
        {"name": "Test", "version": "1", "currency": "USDD", "timeZone": "UTC",
         "ranks": [
           {"code": "MEM", "name": "Member"},
           {"code": "SLV", "name": "Silver", "requirements": [{"kind": "groupVolumes", "volume": 500}]},
           {"code": "GLD", "name": "Gold", "requirements": [{"kind": "sponsoredWithRank", "count": 2, "rank": "SLVR"}],
            "colour": "gold"}
         ]}
        """);

    assertThat(problems).map(Problem::toString).containsExactly(
        "plan.json:1:46 at $.currency: found \"USDD\", expected text matching ^[A-Z]{3}$",
        "plan.json:4:64 at $.ranks[1].requirements[0].kind: found \"groupVolumes\", expected"
            + " one of: personalVolume, groupVolume, activePersonalCustomers,"
            + " activePersonalDistributors, sponsoredWithRank, legsWithRank, legsWithVolume,"
            + " legsWithVolumes, cappedGroupVolume, levelGroupVolume, personalGroupVolume,"
            + " activeLegs, paidAsInPeriods, accumulatedVolume, joinedWithinDays, sideVolume,"
            + " sponsoredOnEachSide, rankOnEachSide, matrixPositions, range, anyOf, host (did you"
            + " mean \"groupVolume\"?)",
        "plan.json:5:103 at $.ranks[2].requirements[0].rank: found rank \"SLVR\", which the plan"
            + " does not define; expected one of: MEM, SLV, GLD (did you mean \"SLV\"?)",
        "plan.json:6:5 at $.ranks[2].colour: unknown field \"colour\" in the rank; expected one"
            + " of: code, name, requirements");
    assertThat(problems).map(p -> p.toString(ES)).containsExactly(
        "plan.json:1:46 at $.currency: se encontró \"USDD\"; se esperaba un texto que cumpla"
            + " ^[A-Z]{3}$",
        "plan.json:4:64 at $.ranks[1].requirements[0].kind: se encontró \"groupVolumes\"; se"
            + " esperaba uno de: personalVolume, groupVolume, activePersonalCustomers,"
            + " activePersonalDistributors, sponsoredWithRank, legsWithRank, legsWithVolume,"
            + " legsWithVolumes, cappedGroupVolume, levelGroupVolume, personalGroupVolume,"
            + " activeLegs, paidAsInPeriods, accumulatedVolume, joinedWithinDays, sideVolume,"
            + " sponsoredOnEachSide, rankOnEachSide, matrixPositions, range, anyOf, host (¿quiso"
            + " decir \"groupVolume\"?)",
        "plan.json:5:103 at $.ranks[2].requirements[0].rank: se encontró el rango \"SLVR\", que"
            + " el plan no define; se esperaba uno de: MEM, SLV, GLD (¿quiso decir \"SLV\"?)",
        "plan.json:6:5 at $.ranks[2].colour: campo desconocido \"colour\" en el rango; se"
            + " esperaba uno de: code, name, requirements");
    assertThat(problems).map(Problem::code).containsExactly("schema.pattern", "schema.enum",
        "requirement.unknownRank", "schema.unknownField");
  }

  @Test
  void aWrongTypeAndAMissingFieldInSpanish() {
    List<Problem> problems = problems("""
        {"name": "Test", "version": 1, "currency": "USD", "timeZone": "UTC",
         "ranks": [{"name": "Member"}]}
        """);

    assertThat(problems).map(p -> p.toString(ES)).containsExactly(
        "plan.json:1:29 at $.version: se encontró 1; se esperaba texto",
        "plan.json:2:12 at $.ranks[0]: falta el campo obligatorio \"code\" en el rango");
    assertThat(problems).map(Problem::message).containsExactly(
        "found 1, expected text", "missing required field \"code\" of the rank");
  }

  private static List<Problem> problems(String doc) {
    try {
      PlanFiles.load(new StringReader(doc), "plan.json", RuleRegistry.empty());
    } catch (ValidationException e) {
      return e.problems();
    }
    throw new AssertionError("the plan loaded");
  }
}
