package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.internal.SchemaValidator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** {@code "volumeType"} on the kinds that read volume: read, checked, written back. */
class VolumeTypeFilesTest {
  private static final String HEAD = """
      {"name": "Types", "version": "1", "currency": "USD", "timeZone": "UTC",
       "volumeTypes": ["PV", "BV"], "volumeDecimals": {"BV": 0},
       "placementTree": {"width": 2},
       "ranks": [
        {"code": "MEM", "name": "Member"},
        {"code": "CRU", "name": "Crusader", "requirements": [
      """;

  private static CompPlan load(String requirements) {
    return PlanFiles.load(new StringReader(HEAD + requirements + "]}]}"), "types.json",
        RoundTripPropertiesTest.RULES);
  }

  @Example
  void aRequirementReadsTheTypeItNames() {
    CompPlan plan = load("""
        {"kind": "sideVolume", "weak": 300, "strong": 600, "volumeType": "BV"},
        {"kind": "groupVolume", "volume": 1000, "volumeType": "PV"}""");

    Requirement side = plan.ranks().get(1).requirements().get(0);
    assertThat(side.volumeType()).contains("BV");
    assertThat(side.describe(plan.qualifyingVolumeType())).isEqualTo(
        "at least 300 BV on the weak side and at least 600 BV on the strong side of the binary"
            + " tree");
    // the qualifying type named is the same as none, and written as none
    assertThat(plan.ranks().get(1).requirements().get(1)).isEqualTo(
        Requirement.groupVolume(java.math.BigDecimal.valueOf(1000)));
    assertThat(PlanFiles.write(plan)).contains("\"volumeType\": \"BV\"")
        .doesNotContain("\"volumeType\": \"PV\"");
  }

  @Example
  void everyWrongTypeIsLocatedInTheFileAtOnce() {
    assertThatThrownBy(() -> load("""
        {"kind": "sideVolume", "weak": 300, "strong": 600, "volumeType": "CV"},
        {"kind": "groupVolume", "volume": 0.25, "volumeType": "BV"},
        {"kind": "range", "of": "activePersonalCustomers", "atLeast": 2, "volumeType": "BV"},
        {"kind": "accumulatedVolume", "volume": 10, "periods": 2, "volumeType": "BV"},
        {"kind": "activeLegs", "count": 2, "volumeType": "BV"}"""))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                "types.json:7:66 at $.ranks[1].requirements[0].volumeType: found volume type"
                    + " CV, which the plan does not declare; expected one of its volume types"
                    + " [PV, BV]",
                "types.json:8:35 at $.ranks[1].requirements[1].volume: found BV volume 0.25 with"
                    + " 2 decimal places; expected at most 0, as the plan declares for BV",
                "types.json:9:80 at $.ranks[1].requirements[2].volumeType: found volumeType"
                    + " \"BV\" with activePersonalCustomers, expected a volume type only with"
                    + " personalVolume, groupVolume or downlineVolume",
                "types.json:11:36 at $.ranks[1].requirements[4].volumeType: unknown field"
                    + " \"volumeType\" in the activeLegs requirement; expected one of: kind,"
                    + " count"));
  }

  @Property(tries = 150)
  void aPlanWithTypesIsValidAndLoadsBackEqual(@ForAll("typedPlans") CompPlan plan) {
    String json = PlanFiles.write(plan);
    assertThat(SchemaValidator.planSchema().validate(Trees.read(json))).isEmpty();
    CompPlan back = PlanFiles.load(new StringReader(json), "typed.json",
        RoundTripPropertiesTest.RULES);
    assertThat(back).isEqualTo(plan);
    assertThat(PlanFiles.write(back)).isEqualTo(json);
    long typed = plan.ranks().stream().flatMap(r -> r.requirements().stream())
        .filter(q -> q.volumeType().isPresent()).count();
    Statistics.label("typed requirements").collect(typed > 0)
        .coverage(c -> c.check(true).percentage(p -> p >= 20));
  }

  /**
   * The round trip's plans, with a type named on some of the kinds that read volume: one of
   * the plan's types whose decimals hold the generated figures (six).
   */
  @Provide
  Arbitrary<CompPlan> typedPlans() {
    return new RoundTripPropertiesTest().plans().flatMap(plan -> Arbitraries.integers()
        .between(0, 1_000).list().ofSize(64).map(choices -> {
          // a type other than the qualifying one, whose decimals hold the figures: one of the
          // plan's, or XV added (six decimals by default)
          List<String> types = new ArrayList<>(plan.volumeTypes().stream()
              .filter(t -> plan.volumeDecimals().get(t) == 6
                  && !t.equals(plan.qualifyingVolumeType())).toList());
          List<String> all = new ArrayList<>(plan.volumeTypes());
          if (types.isEmpty()) {
            types.add("XV");
            all.add("XV");
          }
          List<Rank> ranks = new ArrayList<>();
          int k = 0;
          for (Rank r : plan.ranks()) {
            List<Requirement> qs = new ArrayList<>();
            for (Requirement q : r.requirements()) {
              int c = choices.get(k++ % choices.size());
              qs.add(c % 3 != 0 ? typed(q, types.get(c / 3 % types.size())) : q);
            }
            ranks.add(new Rank(r.code(), r.name(), qs));
          }
          return plan.toBuilder().volumeTypes(all.toArray(new String[0]))
              .qualifyingVolumeType(plan.qualifyingVolumeType()).ranks(ranks).build();
        }));
  }

  private static Requirement typed(Requirement q, String type) {
    if (q instanceof Requirement.Range r && !r.of().isVolume()) {
      return q;
    }
    try {
      return q.ofType(type);
    } catch (IllegalArgumentException readsNoVolume) {
      return q;
    }
  }
}
