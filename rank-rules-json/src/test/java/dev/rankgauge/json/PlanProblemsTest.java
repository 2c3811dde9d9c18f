package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.RankHold;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A wrong plan is rejected whole, every problem at once, each pointing at the text. */
class PlanProblemsTest {
  private static final String HEAD = """
      {"name": "Test", "version": "1", "currency": "USD", "timeZone": "UTC",
       "ranks": [
         {"code": "MEM", "name": "Member"},
      """;

  /** The problems of a plan whose ranks after the entry rank are {@code ranks}; line 4 on. */
  static List<String> problems(String ranks) {
    return problems(RuleRegistry.empty(), ranks);
  }

  static List<String> problems(RuleRegistry rules, String ranks) {
    return problemsOf(rules, HEAD + ranks + "\n]}\n");
  }

  static List<String> problemsOf(RuleRegistry rules, String doc) {
    try {
      PlanFiles.load(new StringReader(doc), "plan.json", rules);
    } catch (ValidationException e) {
      assertThat(e.getMessage()).startsWith("plan plan.json is invalid: " + e.problems().size());
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the plan loaded");
  }

  @Test
  void anUnknownRuleKindListsTheKnownOnes() {
    assertThat(problems("""
        {"code": "SLV", "name": "Silver", "requirements": [{"kind": "groupVolumes", "volume": 500}]}
        """)).containsExactly("plan.json:4:61 at $.ranks[1].requirements[0].kind: found"
            + " \"groupVolumes\", expected one of: personalVolume, groupVolume,"
            + " activePersonalCustomers, activePersonalDistributors, sponsoredWithRank,"
            + " legsWithRank, legsWithVolume, legsWithVolumes, cappedGroupVolume, levelGroupVolume,"
            + " personalGroupVolume, activeLegs, paidAsInPeriods, accumulatedVolume, joinedWithinDays,"
            + " sideVolume, sponsoredOnEachSide, rankOnEachSide, matrixPositions,"
            + " range, anyOf, host (did you mean \"groupVolume\"?)");
  }

  @Test
  void anUnknownHostRuleListsTheRegisteredOnes() {
    assertThat(problems(BundledPlansTest.HOST_RULES, """
        {"code": "SLV", "name": "Silver", "requirements": [
          {"kind": "host", "rule": "activeSponsoredWithRnk", "parameters": {"count": 2, "rank": "MEM"}}]}
        """)).containsExactly("plan.json:5:28 at $.ranks[1].requirements[0].rule: found host rule"
            + " \"activeSponsoredWithRnk\", which is not registered; expected one of:"
            + " activeSponsoredWithRank (did you mean \"activeSponsoredWithRank\"?)");
  }

  @Test
  void aHostRuleThatRejectsItsParametersSaysWhy() {
    assertThat(problems(BundledPlansTest.HOST_RULES, """
        {"code": "SLV", "name": "Silver", "requirements": [
          {"kind": "host", "rule": "activeSponsoredWithRank", "parameters": {"count": "four", "rank": "MEM"}}]}
        """)).containsExactly("plan.json:5:69 at $.ranks[1].requirements[0].parameters: host rule"
            + " 'activeSponsoredWithRank' rejects parameters {count=four, rank=MEM}: count must"
            + " be a whole number, found four");
  }

  @Test
  void aHostRuleReferringToAnUndefinedRankIsCaught() {
    assertThat(problems(BundledPlansTest.HOST_RULES, """
        {"code": "SLV", "name": "Silver", "requirements": [
          {"kind": "host", "rule": "activeSponsoredWithRank", "parameters": {"count": 2, "rank": "GOLD"}}]}
        """)).singleElement().asString()
        .contains("at $.ranks[1].requirements[0].parameters: found rank \"GOLD\", which the plan"
            + " does not define; expected one of: MEM, SLV");
  }

  @Test
  void aRankReferredToButNotDefinedListsTheRanks() {
    assertThat(problems("""
        {"code": "SLV", "name": "Silver", "requirements": [{"kind": "groupVolume", "volume": 500}]},
        {"code": "GLD", "name": "Gold", "requirements": [{"kind": "legsWithRank", "count": 2, "rank": "SLVR"}]}
        """)).containsExactly("plan.json:5:95 at $.ranks[2].requirements[0].rank: found rank"
            + " \"SLVR\", which the plan does not define; expected one of: MEM, SLV, GLD"
            + " (did you mean \"SLV\"?)");
  }

  @Test
  void aDuplicateRankCodeNamesTheFirst() {
    assertThat(problems("""
        {"code": "SLV", "name": "Silver", "requirements": [{"kind": "groupVolume", "volume": 500}]},
        {"code": "SLV", "name": "Gold", "requirements": [{"kind": "groupVolume", "volume": 900}]}
        """)).containsExactly("plan.json:5:10 at $.ranks[2].code: found rank code \"SLV\" again;"
            + " it is the code of rank 2 ($.ranks[1]), and expected each rank code once");
  }

  @Test
  void aGaugeThresholdThatFallsUpTheLadderIsRejected() {
    assertThat(problems("""
        {"code": "SLV", "name": "Silver", "requirements": [{"kind": "groupVolume", "volume": 500}]},
        {"code": "GLD", "name": "Gold", "requirements": [{"kind": "groupVolume", "volume": 1500}]},
        {"code": "PLT", "name": "Platinum", "requirements": [{"kind": "groupVolume", "volume": 1000}]}
        """)).containsExactly("plan.json:6:88 at $.ranks[3].requirements[0].volume: found 1000,"
            + " expected at least 1500, the groupVolume of the lower rank GLD: groupVolume"
            + " thresholds must not fall going up the ladder (the group sales gauge takes the"
            + " highest threshold at or below each rank)");
  }

  @Test
  void aRangeReportsEachBadBoundAtItsPlace() {
    assertThat(problems("""
        {"code": "SLV", "name": "Silver", "requirements": [
          {"kind": "range", "of": "groupVolume"},
          {"kind": "range", "of": "downlineVolume", "atLeast": 500, "atMost": 100},
          {"kind": "range", "of": "activePersonalCustomers", "atLeast": 1.5, "levels": 2},
          {"kind": "range", "of": "largestLegPercent", "atMost": 120}]}
        """)).containsExactly(
            "plan.json:5:3 at $.ranks[1].requirements[0]: found a range of groupVolume without"
                + " atLeast or atMost, expected one of them or both",
            "plan.json:6:71 at $.ranks[1].requirements[1].atMost: found atMost 100 below atLeast"
                + " 500, expected atMost at least atLeast",
            "plan.json:7:65 at $.ranks[1].requirements[2].atLeast: found 1.5, expected a whole"
                + " number of people, 0 or more",
            "plan.json:7:80 at $.ranks[1].requirements[2].levels: found levels with"
                + " activePersonalCustomers, expected levels only with downlineVolume",
            "plan.json:8:58 at $.ranks[1].requirements[3].atMost: found 120, expected a percent"
                + " from 0 to 100");
  }

  @Test
  void aMisspelledFieldSuggestsTheRightOne() {
    assertThat(problems("""
        {"code": "SLV", "name": "Silver", "requirements": [{"kind": "legsWithRank", "cuont": 2, "rank": "MEM"}]}
        """)).containsExactly(
            "plan.json:4:52 at $.ranks[1].requirements[0]: missing required field \"count\" of the"
                + " legsWithRank requirement",
            "plan.json:4:77 at $.ranks[1].requirements[0].cuont: unknown field \"cuont\" in the"
                + " legsWithRank requirement (did you mean \"count\"?); expected one of: kind, count,"
                + " rank, reach, levels, basis, tree");
  }

  @Test
  void aRankHoldNeedsAKnownPolicyAndKeepingNeedsItsPeriods() {
    String head = "{\"name\": \"T\", \"version\": \"1\", \"currency\": \"USD\","
        + " \"timeZone\": \"UTC\",\n";
    String ranks = ",\n \"ranks\": [{\"code\": \"MEM\", \"name\": \"Member\"}]}\n";
    assertThat(problemsOf(RuleRegistry.empty(), head
        + " \"titleRank\": \"highestPaid\", \"rankHold\": {\"policy\": \"keepPaidAs\"}" + ranks))
        .containsExactly(
            "plan.json:2:15 at $.titleRank: found \"highestPaid\", expected one of: highestPaidAs,"
                + " highestQualified (did you mean \"highestPaidAs\"?)",
            "plan.json:2:42 at $.rankHold: missing required field \"periods\" of the keepPaidAs"
                + " rank hold");
    assertThat(problemsOf(RuleRegistry.empty(), head
        + " \"rankHold\": {\"policy\": \"stepdown\", \"periods\": 0}" + ranks))
        .first().asString().startsWith("plan.json:2:25 at $.rankHold.policy: found \"stepdown\","
            + " expected one of: keepPaidAs, stepDown");
    CompPlan plan = PlanFiles.load(new StringReader(head
        + " \"titleRank\": \"highestQualified\", \"rankHold\": {\"policy\": \"keepPaidAs\","
        + " \"periods\": 3}" + ranks), "plan.json", RuleRegistry.empty());
    assertThat(plan.titleRank()).isEqualTo(CompPlan.TitleRank.HIGHEST_QUALIFIED);
    assertThat(plan.rankHold()).isEqualTo(RankHold.keepPaidAs(3));
    assertThat(PlanFiles.write(plan)).contains("\"titleRank\": \"highestQualified\"")
        .contains("\"rankHold\": {\"policy\": \"keepPaidAs\", \"periods\": 3}");
  }

  @Test
  void everyProblemIsListedAtOnceInDocumentOrder() {
    String doc = """
        {"name": "Test", "version": "1", "currency": "usd", "timeZone": "Europe/Amsterdan",
         "perod": "monthly",
         "ranks": [
           {"code": "MEM", "name": "Member"},
           {"code": "SLV", "name": "Silver", "requirements": [
             {"kind": "groupVolume", "volume": "500"},
             {"kind": "legsWithRank", "count": 2, "rank": "GLD", "reach": "frontline"}]},
           {"code": "SLV", "name": "Gold", "requirements": [{"kind": "activeLegs", "count": 1.5}]}
         ]}
        """;
    assertThat(problemsOf(RuleRegistry.empty(), doc)).containsExactly(
        "plan.json:1:46 at $.currency: found \"usd\", expected text matching ^[A-Z]{3}$",
        "plan.json:1:65 at $.timeZone: found \"Europe/Amsterdan\", which is not a time zone;"
            + " expected an IANA zone id such as America/Denver or UTC"
            + " (did you mean \"Europe/Amsterdam\"?)",
        "plan.json:2:2 at $.perod: unknown field \"perod\" in the plan (did you mean \"period\"?);"
            + " expected one of: $schema, name, version, currency, timeZone, period, volumeTypes,"
            + " qualifyingVolumeType, volumeDecimals, personalVolume, customerActivity, distributorActivity, titleRank,"
            + " rankHold, placementTree, ranks",
        "plan.json:6:40 at $.ranks[1].requirements[0].volume: found \"500\", expected a number",
        "plan.json:7:51 at $.ranks[1].requirements[1].rank: found rank \"GLD\", which the plan does"
            + " not define; expected one of: MEM, SLV",
        "plan.json:7:67 at $.ranks[1].requirements[1].reach: found \"frontline\", expected one of:"
            + " anywhere, frontLine, withinLevels (did you mean \"frontLine\"?)",
        "plan.json:8:13 at $.ranks[2].code: found rank code \"SLV\" again; it is the code of rank 2"
            + " ($.ranks[1]), and expected each rank code once",
        "plan.json:8:85 at $.ranks[2].requirements[0].count: found 1.5, expected a whole number");
  }

  @Test
  void theEntryRankCannotHaveRequirements() {
    assertThat(problemsOf(RuleRegistry.empty(), """
        {"name": "T", "version": "1", "currency": "USD", "timeZone": "UTC", "ranks": [
          {"code": "MEM", "name": "Member", "requirements": [{"kind": "personalVolume", "volume": 50}]}]}
        """)).containsExactly("plan.json:2:53 at $.ranks[0].requirements: found 1 requirement on"
            + " the first rank, expected none: the first rank is the entry rank every distributor"
            + " holds; add an entry rank below it");
  }

  @Test
  void levelsGoOnlyWithReachWithinLevels() {
    assertThat(problems("""
        {"code": "A", "name": "A", "requirements": [{"kind": "legsWithRank", "count": 1, "rank": "MEM", "levels": 2}]},
        {"code": "B", "name": "B", "requirements": [{"kind": "legsWithRank", "count": 1, "rank": "MEM", "reach": "withinLevels"}]}
        """)).containsExactly(
            "plan.json:4:107 at $.ranks[1].requirements[0].levels: found levels 2 with reach"
                + " \"anywhere\", expected levels only with reach \"withinLevels\"; remove levels or"
                + " set reach to \"withinLevels\"",
            "plan.json:5:45 at $.ranks[2].requirements[0]: missing required field \"levels\" of the"
                + " legsWithRank requirement");
  }

  @Test
  void theQualifyingVolumeTypeMustBeOneOfTheVolumeTypes() {
    assertThat(problemsOf(RuleRegistry.empty(), """
        {"name": "T", "version": "1", "currency": "USD", "timeZone": "UTC",
         "volumeTypes": ["PV", "CV"], "qualifyingVolumeType": "QV",
         "ranks": [{"code": "MEM", "name": "Member"}]}
        """)).containsExactly("plan.json:2:55 at $.qualifyingVolumeType: found \"QV\", expected one"
            + " of the plan's volume types: PV, CV (did you mean \"PV\"?)");
  }

  @Test
  void volumesHaveAtMostSixDecimals() {
    assertThat(problems("""
        {"code": "A", "name": "A", "requirements": [{"kind": "personalVolume", "volume": 0.1234567}]}
        """)).containsExactly("plan.json:4:82 at $.ranks[1].requirements[0].volume: found 0.1234567"
            + " with 7 decimals, expected at most 6 decimals");
  }

  @Test
  void volumesHaveAtMostTheDecimalsThePlanDeclaresForTheirType() {
    assertThat(problemsOf(RuleRegistry.empty(), """
        {"name": "T", "version": "1", "currency": "USD", "timeZone": "UTC",
         "volumeTypes": ["PV", "CV"], "volumeDecimals": {"PV": 1, "CV": 3, "QV": 2},
         "distributorActivity": {"kind": "minimumVolume", "volume": 0.25},
         "ranks": [{"code": "MEM", "name": "Member"},
           {"code": "A", "name": "A", "requirements": [
             {"kind": "legsWithVolumes", "volumes": [1, 2.55]},
             {"kind": "personalVolume", "volume": 100.50}]}]}
        """)).containsExactly(
            "plan.json:2:74 at $.volumeDecimals.QV: found decimals for volume type QV, which is"
                + " not one of the plan's volume types [PV, CV]",
            "plan.json:3:61 at $.distributorActivity.volume: found PV volume 0.25 with 2 decimal"
                + " places; expected at most 1, as the plan declares for PV",
            "plan.json:6:45 at $.ranks[1].requirements[0].volumes: found PV volume 2.55 with 2"
                + " decimal places; expected at most 1, as the plan declares for PV");
    assertThat(problemsOf(RuleRegistry.empty(), """
        {"name": "T", "version": "1", "currency": "USD", "timeZone": "UTC",
         "volumeDecimals": {"PV": 7},
         "ranks": [{"code": "MEM", "name": "Member"}]}
        """)).containsExactly("plan.json:2:27 at $.volumeDecimals.PV: found 7, expected at most 6");
  }

  @Test
  void activityRulesAreCheckedByKind() {
    assertThat(problemsOf(RuleRegistry.empty(), """
        {"name": "T", "version": "1", "currency": "USD", "timeZone": "UTC",
         "customerActivity": {"kind": "orderWithinDays"},
         "distributorActivity": {"kind": "minimumVolum", "volume": 100},
         "ranks": [{"code": "MEM", "name": "Member"}]}
        """)).containsExactly(
            "plan.json:2:22 at $.customerActivity: missing required field \"days\" of the"
                + " orderWithinDays activity",
            "plan.json:3:34 at $.distributorActivity.kind: found \"minimumVolum\", expected one of:"
                + " orderInPeriod, minimumVolume, orderWithinDays, netVolumeAboveZero (did you mean"
                + " \"minimumVolume\"?)");
  }

  @Test
  void aMissingKindListsTheKinds() {
    assertThat(problems("""
        {"code": "A", "name": "A", "requirements": [{"volume": 100}]}
        """)).singleElement().asString().startsWith("plan.json:4:45 at $.ranks[1].requirements[0]:"
            + " missing required field \"kind\" of the requirement; expected one of: personalVolume,");
  }

  @Test
  void invalidJsonGivesOneProblemWithItsPlace() {
    assertThat(problemsOf(RuleRegistry.empty(), "{\"name\": \"T\",\n  \"version\": 1,,\n}"))
        .singleElement().asString()
        .startsWith("plan.json:2:16 at $.version: not valid JSON: Unexpected character (',' (code 44))");
  }

  @Test
  void aDuplicateFieldIsAProblem() {
    assertThat(problemsOf(RuleRegistry.empty(), """
        {"name": "T", "name": "U", "version": "1", "currency": "USD", "timeZone": "UTC",
         "ranks": [{"code": "MEM", "name": "Member"}]}
        """)).containsExactly("plan.json:1:15 at $.name: duplicate field \"name\"; the first one is"
            + " at line 1, column 2; expected each field once");
  }

  @Test
  void anEmptyDocumentIsAProblem() {
    assertThat(problemsOf(RuleRegistry.empty(), "  ")).containsExactly(
        "plan.json:1:1 at $: the document is empty; expected a JSON object describing a plan");
    assertThat(problemsOf(RuleRegistry.empty(), "[]")).containsExactly(
        "plan.json:1:1 at $: found an array, expected an object");
  }

  @Test
  void streamsAreReadAsUtf8AndNamedAsTold() {
    String doc = HEAD.replace("Test", "Tëst ✓").replace("Member\"},", "Member\"}") + "]}";
    var plan = PlanFiles.load(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
        "in-memory", RuleRegistry.empty());
    assertThat(plan.name()).isEqualTo("Tëst ✓");
    assertThatThrownBy(() -> PlanFiles.load(new ByteArrayInputStream(
        "{}".getBytes(StandardCharsets.UTF_8)), "in-memory", RuleRegistry.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("in-memory:1:1 at $: missing required field \"name\" of the plan");
  }

  @Test
  void aPlanNoFileCanHoldIsRefusedUnderAHeadingInTheLanguage() {
    CompPlan plan = CompPlan.builder("Acme").currency("ZZZ")
        .rank(dev.rankgauge.Rank.of("DIST", "Distributor")).build();

    ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        ValidationException.class, () -> PlanFiles.write(plan));

    assertThat(e.what()).isEqualTo("plan Acme as a plan file");
    assertThat(e.what(java.util.Locale.forLanguageTag("es")))
        .isEqualTo("el plan Acme como archivo de plan");
    assertThat(e.getMessage()).startsWith("plan Acme as a plan file is invalid: 1 problem");
  }
}
