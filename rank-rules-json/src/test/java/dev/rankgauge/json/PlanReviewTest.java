package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings for plan reviews: they never stop a plan from loading. */
class PlanReviewTest {
  @TempDir Path dir;

  private PlanCheck check(String ranks) throws IOException {
    Path f = dir.resolve("review.json");
    Files.writeString(f, """
        {"name": "Review", "version": "1", "currency": "USD", "timeZone": "UTC",
         "ranks": [
           {"code": "MEM", "name": "Member"},
        """ + ranks + "\n]}\n");
    PlanCheck c = PlanFiles.check(f, RuleRegistry.empty());
    assertThat(c.ok()).as("%s", c.problems()).isTrue();
    assertThat(c.plan()).isPresent();
    // What check() accepts, load() loads: warnings never block.
    assertThat(PlanFiles.load(f, RuleRegistry.empty())).isEqualTo(c.plan().get());
    return c;
  }

  private String at(String rest) {
    return dir.resolve("review.json") + rest;
  }

  @Test
  void aRankWhoseRequirementsMeetAHigherRankIsUnreachable() throws IOException {
    PlanCheck c = check("""
        {"code": "A", "name": "A", "requirements": [{"kind": "personalVolume", "volume": 100}, {"kind": "activeLegs", "count": 3}]},
        {"code": "B", "name": "B", "requirements": [{"kind": "personalVolume", "volume": 100}, {"kind": "activeLegs", "count": 2}]}
        """);
    assertThat(c.warnings()).extracting(Problem::toString).containsExactly(
        at(":4:1 at $.ranks[1]: nobody can reach rank A: whoever meets its requirements also meets"
            + " the higher rank B, which is paid instead; expected A to ask less than B"),
        at(":4:88 at $.ranks[1].requirements[1]: rank A asks for at least 3 active legs, more than"
            + " the higher rank B, which asks for at least 2 active legs; expected a lower rank to"
            + " ask no more than a higher one"));
  }

  @Test
  void volumesOfTwoTypesSayNothingOfEachOther() throws IOException {
    // 2,000 group BV says nothing of 1,000 group PV: B is reachable; 3 legs of 500 CV in A ask
    // more than 2 legs of 500 CV in B.
    Path f = dir.resolve("review.json");
    Files.writeString(f, """
        {"name": "Review", "version": "1", "currency": "USD", "timeZone": "UTC",
         "volumeTypes": ["PV", "BV", "CV"],
         "ranks": [
           {"code": "MEM", "name": "Member"},
           {"code": "A", "name": "A", "requirements": [{"kind": "groupVolume", "volume": 2000, "volumeType": "BV"}, {"kind": "legsWithVolume", "count": 3, "volume": 500, "volumeType": "CV"}]},
           {"code": "B", "name": "B", "requirements": [{"kind": "groupVolume", "volume": 1000}, {"kind": "legsWithVolume", "count": 2, "volume": 500, "volumeType": "CV"}]}
        ]}
        """);
    PlanCheck c = PlanFiles.check(f, RuleRegistry.empty());
    assertThat(c.problems()).isEmpty();
    assertThat(c.warnings()).extracting(Problem::toString).containsExactly(
        at(":5:109 at $.ranks[1].requirements[1]: rank A asks for 3 legs with at least 500 group"
            + " CV each, more than the higher rank B, which asks for 2 legs with at least 500"
            + " group CV each; expected a lower rank to ask no more than a higher one"));
  }

  @Test
  void twoRanksWithIdenticalRequirementsAreFlaggedOnce() throws IOException {
    PlanCheck c = check("""
        {"code": "A", "name": "A", "requirements": [{"kind": "groupVolume", "volume": 500}, {"kind": "activeLegs", "count": 2}]},
        {"code": "B", "name": "B", "requirements": [{"kind": "activeLegs", "count": 2}, {"kind": "groupVolume", "volume": 500}]}
        """);
    assertThat(c.warnings()).extracting(Problem::toString).containsExactly(
        at(":5:1 at $.ranks[2]: rank B has the same requirements as the lower rank A, so A can"
            + " never be the paid-as rank; expected each rank to ask more than the one below"));
  }

  @Test
  void aLowerRankAskingMoreOfTheSameKindIsFlagged() throws IOException {
    PlanCheck c = check("""
        {"code": "A", "name": "A", "requirements": [{"kind": "groupVolume", "volume": 500}, {"kind": "legsWithVolume", "count": 2, "volume": 2000}]},
        {"code": "B", "name": "B", "requirements": [{"kind": "groupVolume", "volume": 5000}, {"kind": "legsWithVolume", "count": 2, "volume": 1000}]}
        """);
    assertThat(c.warnings()).extracting(Problem::toString).containsExactly(
        at(":4:85 at $.ranks[1].requirements[1]: rank A asks for 2 legs with at least 2000 group PV"
            + " each, more than the higher rank B, which asks for 2 legs with at least 1000 group PV"
            + " each; expected a lower rank to ask no more than a higher one"));
    // The requirements are described in the language the warning is written in.
    assertThat(c.warnings().get(0).message(java.util.Locale.forLanguageTag("es"))).isEqualTo(
        "el rango A pide 2 líneas con al menos 2.000 PV de grupo cada una, más que el rango"
        + " superior B, que pide 2 líneas con al menos 1.000 PV de grupo cada una; se esperaba que"
        + " un rango inferior no pidiera más que uno superior");
  }

  @Test
  void aLadderThatRisesHasNoWarnings() throws IOException {
    PlanCheck c = check("""
        {"code": "A", "name": "A", "requirements": [{"kind": "groupVolume", "volume": 500}, {"kind": "legsWithRank", "count": 1, "rank": "MEM", "reach": "frontLine"}]},
        {"code": "B", "name": "B", "requirements": [{"kind": "groupVolume", "volume": 900}, {"kind": "legsWithRank", "count": 2, "rank": "A", "reach": "frontLine"}]},
        {"code": "C", "name": "C", "requirements": [{"kind": "anyOf", "paths": [
          {"name": "volume", "requirements": [{"kind": "groupVolume", "volume": 5000}]},
          {"name": "legs", "requirements": [{"kind": "groupVolume", "volume": 2000}, {"kind": "legsWithRank", "count": 3, "rank": "B"}]}]}]}
        """);
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void anAlternativePathThatAHigherRankAlwaysMeetsMakesTheLowerUnreachable() throws IOException {
    // C's paths each ask at least D's 1,000 group volume, so meeting C meets D.
    PlanCheck c = check("""
        {"code": "C", "name": "C", "requirements": [{"kind": "anyOf", "paths": [
          {"name": "volume", "requirements": [{"kind": "groupVolume", "volume": 5000}]},
          {"name": "capped", "requirements": [{"kind": "cappedGroupVolume", "volume": 2000, "maxPercentPerLeg": 50}]}]}]},
        {"code": "D", "name": "D", "requirements": [{"kind": "groupVolume", "volume": 1000}]}
        """);
    assertThat(c.warnings()).extracting(Problem::toString).singleElement().asString()
        .contains("at $.ranks[1]: nobody can reach rank C");
  }
}
