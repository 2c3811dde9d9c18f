package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
import static dev.rankgauge.testkit.RankGaugeAssertions.assertThatThrownBy;
import static dev.rankgauge.testkit.RankGaugeAssertions.catchThrowableOfType;

import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files: read into an organisation, and every problem pointed at its line. */
class ScenarioReaderTest {
  static final Path KIT = Path.of("src/test/resources/kit");

  static ScenarioReader reader() {
    return new ScenarioReader(RuleRegistry.empty(), Map.of("seed-java", SeedFixture.plan()));
  }

  @Test
  void aScenarioFileDescribesTheSeedScreenCompactly() {
    Scenario s = reader().read(KIT.resolve("passing/dana.json"));
    assertThat(s.name()).isEqualTo("Dana is paid as Gold");
    assertThat(s.description()).startsWith("The seed's gas gauge screen").contains("\n");
    assertThat(s.plan().name()).isEqualTo("Seed plan");
    assertThat(s.period()).isEqualTo(SeedFixture.PERIOD);
    assertThat(s.asOf()).isEqualTo(SeedFixture.AS_OF);
    assertThat(s.organisation().distributorCount()).isEqualTo(13);
    assertThat(s.organisation().customerCount()).isEqualTo(5);
    // 7 orders written out, 7 made by the "pv" shorthand of distributors.
    assertThat(s.organisation().orderCount()).isEqualTo(14);
    assertThat(s.organisation().orders().get(0).id()).isEqualTo("D101-order");
    assertThat(s.organisation().orders().get(7).id()).isEqualTo("O1");
    // A day alone places the order at noon in the plan's zone; a time is read in that zone.
    assertThat(s.organisation().orders().get(7).timestamp())
        .isEqualTo(LocalDateTime.of(2026, 11, 3, 12, 0).atZone(SeedFixture.ZONE).toInstant());
    assertThat(s.organisation().orders().get(9).timestamp())
        .isEqualTo(LocalDateTime.of(2026, 11, 20, 14, 30).atZone(SeedFixture.ZONE).toInstant());
    assertThat(s.expectationCount()).isEqualTo(29);
    assertThat(s.evaluate()).distributor("D100").isPaidAs("GLD")
        .hasGauge(dev.rankgauge.Metric.GROUP_SALES).hasValue(7300);
  }

  @Test
  void placementMistakesAreLocatedOnTheirDistributorsFields() {
    // Apart from the kit's folder, which other tests run whole.
    Path file = Path.of("src/test/resources/placement/malformed.json");
    String f = file.toString();
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    assertThat(e.problems().stream().map(Problem::toString).toList()).containsExactlyInAnyOrder(
        f + ":10:74 at $.distributors[4].position: expected a position: \"L\", \"R\" or a slot"
            + " from 1 to 100, found \"middle\"",
        f + ":11:49 at $.distributors[5].position: expected both \"placementParent\" and"
            + " \"position\" for a placed distributor, or neither for a root of the placement"
            + " tree, found only one",
        f + ":8:74 at $.distributors[2].position: found BO and CY both at position 1 under ANN;"
            + " expected one distributor per position",
        f + ":9:55 at $.distributors[3].placementParent: found placement parent NOBODY, which is"
            + " not a distributor");
  }

  @Test
  void aMalformedFileGetsEveryProblemWithFileLineColumnPathAndWhatWasExpected() {
    Path file = KIT.resolve("malformed/many-problems.json");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    List<String> problems = e.problems().stream().map(Problem::toString).toList();
    String f = file.toString();
    assertThat(problems).contains(
        f + ":4:13 at $.period: expected a month such as \"2026-11\", found \"2026-13\"",
        f + ":5:3 at $.asof: unknown field \"asof\" in a scenario (did you mean \"asOf\"?);"
            + " expected one of: name, description, plan, period, asOf, titleRanks, history,"
            + " overrides, distributors, customers, orders, expect, paidAsCounts, whatIf",
        f + ":8:29 at $.distributors[1].sponsor: found sponsor D9, which is not a distributor;"
            + " expected one of: D1, D2, D3 (did you mean \"D1\"?)",
        f + ":9:12 at $.distributors[2].id: found distributor id D2 again, first at line 8;"
            + " expected each distributor id once",
        f + ":10:18 at $.distributors[3].sponser: unknown field \"sponser\" in a distributor"
            + " (did you mean \"sponsor\"?); expected one of: id, sponsor, name, joined, email,"
            + " phone, placementParent, position, volume, volumes, pv",
        f + ":11:5 at $.distributors[4]: expected a distributor: an id (a root), or an object"
            + " such as {\"id\": \"D2\", \"sponsor\": \"D1\"}, found a number",
        f + ":13:45 at $.customers[0].distributor: found distributor D7, which does not exist;"
            + " expected one of: D1, D2, D3 (did you mean \"D1\"?)",
        f + ":15:15 at $.orders[0].buyer: found buyer D8, which is not a distributor; expected"
            + " one of: D1, D2, D3, C1 (did you mean \"D1\"?)",
        f + ":16:29 at $.orders[1].date: expected a day such as \"2026-11-03\" (an order at"
            + " noon, the plan's time zone) or a time such as \"2026-11-03T14:30\", found"
            + " \"3 Nov 2026\"",
        f + ":16:49 at $.orders[1].pv: expected a PV volume (a number), found \"lots\"",
        f + ":17:43 at $.orders[2].qv: unknown field \"qv\" in an order (did you mean \"pv\"?);"
            + " expected one of: id, buyer, buyerType, date, status, amount, volume, volumes, pv",
        f + ":17:5 at $.orders[2]: the order states no volume; add one of [pv] or \"volume\"",
        f + ":18:31 at $.orders[3].status: expected \"paid\", \"returned\" or \"cancelled\","
            + " found \"refunded\"",
        f + ":22:17 at $.expect.D1.paidAs: found rank \"GOLD\", which plan Seed plan does not"
            + " define; expected one of: DIST, SLV, GLD, PLAT, DMND, SE (did you mean \"GLD\"?)",
        f + ":23:18 at $.expect.D1.gauges.groupsales: unknown field \"groupsales\" in the"
            + " gauges (did you mean \"groupSales\"?); expected one of: personalSales, groupSales,"
            + " activePersonalCustomers, activePersonalDistributors",
        f + ":24:56 at $.expect.D1.requirements[0].requirement: rank PLAT has 4 requirements,"
            + " not 7: 1. at least 400 personal PV, 2. at least 3000 group PV, 3. at least 2"
            + " active personal customers, 4. at least 3 active personal distributors",
        f + ":25:37 at $.expect.D1.focus.activeCustomers[0]: C9 is neither a customer nor a"
            + " distributor of this scenario",
        f + ":27:5 at $.expect.D42: D42 is not a distributor of this scenario; distributors"
            + " are D1, D2, D3");
    assertThat(problems).hasSize(18);
    assertThat(e.getMessage()).startsWith("scenario " + f + " is invalid: 18 problems");
  }

  /**
   * The checks between records are the organisation builder's alone: a record whose other
   * fields are bad still reaches it, so its duplicate id, sponsor, distributor or buyer is still
   * reported, at its own line and column.
   */
  @Test
  void recordsWithBadFieldsStillHaveTheirReferencesChecked(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, """
        {"plan": "seed-java", "period": "2026-11",
         "distributors": ["D1",
          {"id": "D2", "sponsor": "D9", "joined": "someday"},
          {"id": "D1", "name": 7},
          {"id": "D3", "sponsor": "D4", "email": false},
          {"id": "D4", "sponsor": "D3", "pv": 100}],
         "customers": [{"id": "C1", "distributor": "D7", "phone": 5},
          {"id": "C1", "distributor": "D1"},
          {"id": "C2", "distributor": " "}],
         "orders": [{"buyer": "D8", "date": "3 Nov", "pv": 10},
          {"id": "O9", "buyer": "C9", "buyerType": "customer", "pv": "lots"},
          {"id": "D4-order", "buyer": "D1", "status": "lost", "pv": 5},
          {"buyer": " ", "pv": 5}],
         "expect": {"D1": {"paidAs": "DIST"}}}
        """);
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    List<String> problems = e.problems().stream().map(Problem::toString).toList();
    String f = file.toString();
    assertThat(problems).containsExactlyInAnyOrder(
        f + ":3:43 at $.distributors[1].joined: expected a day such as"
            + " \"2026-11-03\", found \"someday\"",
        f + ":4:24 at $.distributors[2].name: expected a name (a string), found a"
            + " number",
        f + ":5:42 at $.distributors[3].email: expected an email address (a string),"
            + " found a boolean",
        f + ":7:59 at $.customers[0].phone: expected a phone number (a string),"
            + " found a number",
        f + ":9:31 at $.customers[2].distributor: expected a distributor id, found a"
            + " blank string",
        f + ":10:37 at $.orders[0].date: expected a day such as \"2026-11-03\" (an"
            + " order at noon, the plan's time zone) or a time such as"
            + " \"2026-11-03T14:30\", found \"3 Nov\"",
        f + ":11:62 at $.orders[1].pv: expected a PV volume (a number), found"
            + " \"lots\"",
        f + ":12:47 at $.orders[2].status: expected \"paid\", \"returned\" or"
            + " \"cancelled\", found \"lost\"",
        f + ":13:13 at $.orders[3].buyer: expected a distributor or customer id,"
            + " found a blank string",
        f + ":4:10 at $.distributors[2].id: found distributor id D1 again, first at"
            + " line 2; expected each distributor id once",
        f + ":8:10 at $.customers[1].id: found customer id C1 again, first at line"
            + " 7; expected each customer id once",
        f + ":12:10 at $.orders[2].id: found order id D4-order again, first at line"
            + " 6; expected each order id once (orders without an id are named O1, O2,"
            + " ... by their position, and an entry's own volume makes an order named"
            + " after it, such as D1-order)",
        f + ":3:27 at $.distributors[1].sponsor: found sponsor D9, which is not a"
            + " distributor; expected one of: D1, D2, D3, D4 (did you mean \"D1\"?)",
        f + ":7:44 at $.customers[0].distributor: found distributor D7, which does"
            + " not exist; expected one of: D1, D2, D3, D4 (did you mean \"D1\"?)",
        f + ":10:23 at $.orders[0].buyer: found buyer D8, which is not a"
            + " distributor; expected one of: D1, D2, D3, D4, C1, C2 (did you mean"
            + " \"D1\"?)",
        f + ":11:25 at $.orders[1].buyer: found buyer C9, which is not a customer;"
            + " expected one of: D1, D2, D3, D4, C1, C2 (did you mean \"C1\"?)",
        f + ":5:27 at $.distributors[3].sponsor: found a sponsorship cycle: D3 -> D4"
            + " -> D3; expected every line of sponsors to end at a root");
  }

  @Test
  void bytesThatAreNotUtf8AreAProblemAtTheirLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    byte[] head = "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n \"name\": \"D\u00e9j\u00e0 "
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = "vu\", \"distributors\": [\"D1\"], \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // "é" in Latin-1
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Files.write(file, bytes);

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));

    // Line 2, after ' "name": "Déjà ': the accented letters count one column each.
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(file + ":2:16: found"
        + " bytes that are not UTF-8 text (E9); expected a file saved as UTF-8");
  }

  @Test
  void anAsOfOutsideTheSupportedRangeIsAProblemOfItsField(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"asOf\": \"1500-01-01T00:00Z\", \"distributors\": [\"D1\"],\n"
        + " \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(file + ":2:10 at"
        + " $.asOf: found as-of instant 1500-01-01T00:00:00Z; expected one from"
        + " 1677-12-30T00:00:00Z to 2262-01-03T00:00:00Z");
  }

  /** A problem found only when evaluating is at the line of the distributor it is about. */
  @Test
  void aProblemOfTheEvaluationIsAtItsDistributorsLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    StringBuilder orders = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      orders.append(i == 0 ? "" : ",\n").append("{\"buyer\": \"D2\", \"pv\": \"99999999999.999999\"}");
    }
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [\"D1\",\n  {\"id\": \"D2\", \"sponsor\": \"D1\"}],\n"
        + " \"orders\": [" + orders + "],\n"
        + " \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}");
    Scenario s = reader().read(file);

    ValidationException e = catchThrowableOfType(ValidationException.class, s::evaluate);

    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.location())
        .matches(java.util.regex.Pattern.quote(file.toString()) + ":[23]:\\d+ at"
            + " \\$\\.distributors\\[[01]\\]\\.?(id)?"));
    assertThat(e.problems().get(0).message()).startsWith("found a personal volume beyond");
  }

  @Test
  void brokenJsonPointsAtTheCharacter() {
    Path file = KIT.resolve("malformed/syntax.json");
    assertThatThrownBy(() -> reader().read(file))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(file + ":4:25: malformed JSON: Unexpected character (']'");
  }

  @Test
  void aPlanThatCannotBeFoundIsAProblemOfThePlanField(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"nope\", \"period\": \"2026-11\","
        + " \"distributors\": [\"D1\"], \"expect\": {\"D1\": {\"paidAs\": \"GLD\"}}}");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).location()).isEqualTo(file + ":1:10 at $.plan");
  }

  @Test
  void aPeriodOutsideTheSupportedYearsIsAProblemOfThePeriodField(@TempDir Path dir)
      throws IOException {
    // Found by MangledScenarioProperties: "0026-11" threw IllegalArgumentException.
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"0026-11\","
        + " \"distributors\": [\"D1\"], \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).location()).isEqualTo(file + ":1:33 at $.period");
    assertThat(e.problems().get(0).message()).contains("1678-01-01");
  }

  @Test
  void missingFieldsAndEmptyExpectationsAreProblems(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"distributors\": [\"D1\"],\n"
        + " \"expect\": {\"D1\": {\"why\": \"nothing\"}}}");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        file + ":1:1 at $: missing \"period\": the period: a month such as \"2026-11\", or"
            + " {\"start\": \"2026-11-01\", \"end\": \"2026-11-28\"}",
        file + ":2:19 at $.expect.D1: nothing is expected of D1; give at least one of paidAs,"
            + " qualifiedAs, title, graceLeft, overrides, active, nextRank, gauges, requirements,"
            + " focus, advice, projection");
  }

  @Test
  void overridesNamingWhatTheScenarioLacksAreProblemsAtTheirPlace(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [\"D1\", {\"id\": \"D2\", \"sponsor\": \"D1\"}],\n"
        + " \"overrides\": [{\"distributor\": \"D9\", \"override\": \"active\"},\n"
        + "  {\"distributor\": \"D1\", \"override\": \"waive\", \"rank\": \"SLV\","
        + " \"requirement\": 9},\n"
        + "  {\"distributor\": \"D2\", \"override\": \"promote\"},\n"
        + "  {\"distributor\": \"D2\", \"override\": \"active\"},\n"
        + "  {\"distributor\": \"D2\", \"override\": \"active\"}],\n"
        + " \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    assertThat(e.problems()).extracting(Problem::location).containsExactly(
        file + ":3:32 at $.overrides[0].distributor",
        file + ":4:76 at $.overrides[1].requirement",
        file + ":5:37 at $.overrides[2].override");
    assertThat(e.problems().get(2).message()).contains("found override \"promote\"; expected one"
        + " of: minimum_rank, waive, not_compressed, active");

    // With those fixed, a repeated override is found by the core and put at its entry.
    Files.writeString(file, Files.readString(file).replace("\"D9\"", "\"D1\"")
        .replace("\"requirement\": 9", "\"requirement\": 1").replace("promote", "not_compressed"));
    ValidationException again = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    assertThat(again.problems()).extracting(Problem::toString).containsExactly(
        file + ":7:3 at $.overrides[4]: found active for distributor D2 again (overrides 4 and 5);"
            + " expected each override once");
  }

  @Test
  void countsBeyondAnIntAreProblemsNotOverflows(@TempDir Path dir) throws IOException {
    // Found by MangledScenarioProperties: such a count threw ArithmeticException.
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [\"D1\"],\n"
        + " \"paidAsCounts\": {\"GLD\": 99999999999},\n"
        + " \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> reader().read(file));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        file + ":3:26 at $.paidAsCounts.GLD: expected a whole number of distributors from 0 to"
            + " 2147483647, found 99999999999");
  }

  @Test
  void aSponsorshipCycleIsReportedWithTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [{\"id\": \"D1\", \"sponsor\": \"D2\"},"
        + " {\"id\": \"D2\", \"sponsor\": \"D1\"}],\n"
        + " \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}");
    assertThatThrownBy(() -> reader().read(file))
        .hasMessageContaining(file + ":2:43 at $.distributors[0].sponsor: found a sponsorship"
            + " cycle: D1 -> D2 -> D1; expected every line of sponsors to end at a root");
  }

  @Test
  void periodsVolumesAndAsOfHaveLongForms(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\",\n"
        + " \"period\": {\"start\": \"2026-11-02\", \"end\": \"2026-11-29\", \"closed\": true},\n"
        + " \"asOf\": \"2026-11-10\",\n"
        + " \"distributors\": [\"D1\", {\"id\": \"D2\", \"sponsor\": \"D1\", \"joined\":"
        + " \"2025-01-01\", \"phone\": \"+1 555\"}],\n"
        + " \"orders\": [{\"id\": \"A\", \"buyer\": \"D1\", \"date\": \"2026-11-10T23:59\","
        + " \"volumes\": {\"PV\": 150.5}, \"amount\": 99.90},\n"
        + "   {\"buyer\": \"D1\", \"date\": \"2026-11-11\", \"volume\": 1000},\n"
        + "   {\"buyer\": \"D1\", \"date\": \"2026-11-05T10:00:00Z\", \"pv\": 20,"
        + " \"status\": \"returned\"}],\n"
        + " \"titleRanks\": {\"D1\": \"GLD\"},\n"
        + " \"expect\": {\"D1\": {\"gauges\": {\"personalSales\": {\"value\": \"130.5\"}}}}}");
    Scenario s = reader().read(file);
    assertThat(s.period().state()).isEqualTo(dev.rankgauge.Period.State.CLOSED);
    assertThat(s.period().start()).isEqualTo(java.time.LocalDate.of(2026, 11, 2));
    // A day as the as-of instant means the end of that day.
    assertThat(s.asOf()).isEqualTo(LocalDateTime.of(2026, 11, 11, 0, 0)
        .atZone(SeedFixture.ZONE).toInstant());
    assertThat(s.titleRanks()).containsEntry("D1", "GLD");
    assertThat(s.organisation().distributor("D2").orElseThrow().phone()).contains("+1 555");
    assertThat(s.organisation().orders().get(0).amount()).isEqualByComparingTo("99.90");
    // 150.5 counted, the 1,000 of the 11th not yet, the return of 20 subtracted.
    assertThat(s.evaluate()).distributor("D1").hasGauge(dev.rankgauge.Metric.PERSONAL_SALES)
        .hasValue("130.5");
  }

  @Test
  void aPlanFileIsNamedRelativeToTheScenarioAndLoadedByThePublicApi() {
    Path file = Path.of("src/test/resources/relative/scenarios/leader.json");
    Scenario s = Scenario.load(file);
    assertThat(s.plan().name()).isEqualTo("Two ranks");
    assertThat(s.organisation().orders().get(0).volumes()).containsOnlyKeys("CV", "QV");
    assertThat(s.organisation().orders().get(1).volume("CV")).isEqualByComparingTo("190");
    assertThat(s.evaluate()).distributor("L1").isPaidAs("L");
    ScenarioReport report = ScenarioRunner.run(file.getParent());
    assertThat(report.format()).endsWith("8 expectations in 1 scenario file: 8 passed, 0 failed"
        + System.lineSeparator());
  }

  @Test
  void aBundledPlanIsNamedByItsName() {
    Scenario s = Scenario.load(Path.of("src/test/resources/scenarios/seed/dana-gold.json"));
    assertThat(s.plan().name()).isEqualTo("Seed plan");
    assertThat(s.plan().zone()).isEqualTo(SeedFixture.ZONE);
  }

  /**
   * Regression: thresholds used to be compared in the wrong unit once any order carried decimals
   * (50 counted as 0.50), and a threshold of 250.5 threw "Rounding necessary".
   */
  @Test
  void decimalVolumesAndThresholdsCompareExactly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [\"D1\", {\"id\": \"D2\", \"sponsor\": \"D1\","
        + " \"pv\": 99.99}],\n"
        + " \"expect\": {\"D2\": {\"active\": false}}}");
    Scenario s = reader().read(file);
    // 99.99 PV is below the 100 PV of activity.
    assertThat(s.evaluate()).distributor("D2").isNotActive().isPaidAs("DIST");
  }
}
