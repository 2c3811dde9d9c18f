package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.internal.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plans and the schema this module ships. */
class BundledPlansTest {
  static final RuleRegistry HOST_RULES =
      RuleRegistry.builder().register(new ActiveSponsoredWithRank()).build();
  private static final Path PLANS = Path.of("src/main/resources/dev/rankgauge/json/plans");

  @Test
  void everyShippedPlanIsValidAgainstTheSchemaAndLoadsWithoutWarnings() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(PLANS)) {
      files = s.sorted().toList();
    }
    assertThat(files).hasSize(9);
    for (Path f : files) {
      assertThat(SchemaValidator.planSchema().validate(Trees.read(f)))
          .as(f.toString()).isEmpty();
      PlanCheck check = PlanFiles.check(f, HOST_RULES);
      assertThat(check.problems()).as(f.toString()).isEmpty();
      assertThat(check.warnings()).as(f.toString()).isEmpty();
      assertThat(check.plan()).isPresent();
    }
  }

  /**
   * A bundled plan loads without the schema pass and without looking for warnings (a faster
   * start for the command line): the plan is the one its file gives through every step, and a
   * plan that fails fails with the same located problems.
   */
  @Test
  void aBundledPlanIsThePlanItsFileGivesThroughEveryStep() {
    for (String name : PlanFiles.bundledNames()) {
      Path file = PLANS.resolve(name + ".json");
      PlanCheck check = PlanFiles.check(file, HOST_RULES);
      assertThat(check.problems()).as(name).isEmpty();
      assertThat(PlanFiles.bundled(name, HOST_RULES)).as(name)
          .isEqualTo(check.plan().orElseThrow())
          .isEqualTo(PlanFiles.load(file, HOST_RULES));
      PlanCheck withoutRules = PlanFiles.check(file, RuleRegistry.empty());
      if (withoutRules.problems().isEmpty()) {
        assertThat(PlanFiles.bundled(name, RuleRegistry.empty())).as(name)
            .isEqualTo(withoutRules.plan().orElseThrow());
      } else {
        assertThatThrownBy(() -> PlanFiles.bundled(name, RuleRegistry.empty())).as(name)
            .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                e.problems().stream().map(p -> p.toString().replace(file.toString(),
                    name + ".json")).toList())
                .isEqualTo(withoutRules.problems().stream().map(p -> p.toString()
                    .replace(file.toString(), name + ".json")).toList()));
      }
    }
  }

  @Test
  void bundledNamesAreExactlyTheShippedFiles() throws IOException {
    try (Stream<Path> s = Files.list(PLANS)) {
      assertThat(s.map(p -> p.getFileName().toString().replace(".json", "")).sorted())
          .containsExactlyElementsOf(PlanFiles.bundledNames());
    }
  }

  @Test
  void bundledPlansLoadFromTheJarByNameWithOrWithoutExtension() {
    assertThat(PlanFiles.bundled("doterra").name()).isEqualTo("doTERRA (US) ladder");
    assertThat(PlanFiles.bundled("young-living.json", RuleRegistry.empty()).ranks()).hasSize(8);
    assertThat(PlanFiles.bundledText("scentsy")).contains("\"Star Director\"");
  }

  @Test
  void anUnknownBundledNameListsTheBundledOnes() {
    assertThatThrownBy(() -> PlanFiles.bundled("doterr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no bundled plan \"doterr\" (did you mean \"doterra\"?); bundled plans are:"
            + " binary, doterra, hybrid, hybrid-bv, matrix, scentsy, seed, sponsor-four-silvers,"
            + " young-living");
  }

  @Test
  void theHostRulePlanNeedsItsRuleRegistered() {
    assertThatThrownBy(() -> PlanFiles.bundled("sponsor-four-silvers", RuleRegistry.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("sponsor-four-silvers.json:21:")
        .hasMessageContaining("at $.ranks[2].requirements[2].rule: found host rule"
            + " \"activeSponsoredWithRank\", which is not registered; no host rules are registered");
    assertThat(PlanFiles.bundled("sponsor-four-silvers", HOST_RULES).ranks()).hasSize(4);
  }

  /** The seed plan, built in Java as rank-examples' SeedExample.plan() builds it. */
  static CompPlan seedPlan() {
    return CompPlan.builder("Seed plan")
        .version("2026.11")
        .currency("USD")
        .zone(ZoneId.of("America/Denver"))
        .volumeTypes("PV")
        .personalVolume(PersonalVolumeRule.ownAndCustomerOrders())
        .customerActivity(ActivityRule.orderInPeriod())
        .distributorActivity(ActivityRule.minimumVolume(new BigDecimal("100")))
        .rank(Rank.of("DIST", "Distributor"))
        .rank(seedRank("SLV", "Silver", 100, 500, 0, 1))
        .rank(seedRank("GLD", "Gold", 200, 1_500, 1, 2))
        .rank(seedRank("PLAT", "Platinum", 400, 3_000, 2, 3))
        .rank(seedRank("DMND", "Diamond", 700, 6_000, 3, 4))
        .rank(seedRank("SE", "Senior Executive", 1_000, 12_000, 4, 5))
        .build();
  }

  private static Rank seedRank(String code, String name, int pv, int gv, int customers,
      int distributors) {
    return Rank.of(code, name,
        Requirement.personalVolume(BigDecimal.valueOf(pv)),
        Requirement.groupVolume(BigDecimal.valueOf(gv)),
        Requirement.activePersonalCustomers(customers),
        Requirement.activePersonalDistributors(distributors));
  }

  @Test
  void seedJsonIsTheSeedPlan() {
    assertThat(PlanFiles.bundled("seed", RuleRegistry.empty())).isEqualTo(seedPlan());
  }

  @Test
  void writingTheSeedPlanGivesTheShippedFileUpToLayout() throws IOException {
    var written = Trees.read(PlanFiles.write(seedPlan()));
    var shipped = Trees.read(PLANS.resolve("seed.json"));
    assertThat(Trees.same(written, shipped)).as("%s%nagainst%n%s", written, shipped).isTrue();
  }

  @Test
  void theSchemaShipsInTheJarAndInDocsAlike() throws IOException {
    try (InputStream in = PlanFiles.class.getResourceAsStream("comp-plan.schema.json")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(Path.of("../docs/comp-plan.schema.json")));
    }
  }

  @Test
  void anUnknownBundledNameInSpanishWithItsSuggestion() {
    UnknownPlanException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        UnknownPlanException.class, () -> PlanFiles.bundled("doterr.json"));

    assertThat(e.name()).isEqualTo("doterr.json");
    assertThat(e.problem().code()).isEqualTo("plan.unknownBundled");
    assertThat(e.message(java.util.Locale.forLanguageTag("es"))).isEqualTo(
        "no hay ningún plan incluido llamado \"doterr.json\" (¿quiso decir \"doterra\"?); los"
            + " planes incluidos son: binary, doterra, hybrid, hybrid-bv, matrix, scentsy, seed,"
            + " sponsor-four-silvers, young-living");
    assertThat(e.message(java.util.Locale.GERMAN)).isEqualTo(e.getMessage());
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(UnknownPlanException.class,
        () -> PlanFiles.bundledText("acme")).message(java.util.Locale.forLanguageTag("es-MX")))
        .isEqualTo("no hay ningún plan incluido llamado \"acme\"; los planes incluidos son:"
            + " binary, doterra, hybrid, hybrid-bv, matrix, scentsy, seed, sponsor-four-silvers,"
            + " young-living");
  }
}
