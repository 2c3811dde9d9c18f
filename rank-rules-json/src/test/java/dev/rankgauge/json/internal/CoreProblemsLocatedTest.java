package dev.rankgauge.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.RuleRegistry;
import dev.rankgauge.Subject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.ObjectReadContext;

/**
 * The loader locates the core's problems by their subject, so that a check added only to
 * {@code CompPlan.Builder.build()} points at the right line without any change here.
 */
class CoreProblemsLocatedTest {
  private static final String DOC = String.join("\n",
      "{\"name\": \"T\", \"volumeTypes\": [\"PV\", \"CV\"], \"ranks\": [",
      "  {\"code\": \"MEM\", \"name\": \"Member\"},",
      "  {\"code\": \"SLV\", \"name\": \"Silver\", \"requirements\": [",
      "    {\"kind\": \"groupVolume\", \"volume\": 500},",
      "    {\"kind\": \"anyOf\", \"paths\": [",
      "      {\"name\": \"A\", \"requirements\": [{\"kind\": \"activeLegs\", \"count\": 1}]},",
      "      {\"name\": \"B\", \"requirements\": [{\"kind\": \"personalVolume\", \"volume\": 1},",
      "        {\"kind\": \"legsWithRank\", \"count\": 1, \"rank\": \"MEM\"}]}]}]}]}");

  private LocatedJson doc;
  private FromJson loader;

  @BeforeEach
  void load() throws Exception {
    doc = LocatedJson.parse("t.json",
        Json.FACTORY.createParser(ObjectReadContext.empty(), DOC)).document();
    loader = new FromJson(RuleRegistry.empty(), List.of());
    assertThat(loader.map(Bind.plan(doc.root(), Set.of()))).isPresent();
  }

  private String at(Subject s) {
    return doc.where(loader.path(s));
  }

  @Test
  void aRequirementInsideAnyOfIsFoundByItsPositions() {
    assertThat(at(Subject.requirement(1, "SLV", List.of(1, 1, 1)).field("rank")))
        .isEqualTo("t.json:8:54 at $.ranks[1].requirements[1].paths[1].requirements[1].rank");
    assertThat(at(Subject.requirement(1, "SLV", List.of(0)).field("volume")))
        .isEqualTo("t.json:4:39 at $.ranks[1].requirements[0].volume");
  }

  @Test
  void ranksAndPlanSettingsAreFoundByTheirFields() {
    assertThat(at(Subject.rank(1, "SLV").field("name"))).isEqualTo("t.json:3:27 at $.ranks[1].name");
    assertThat(at(Subject.plan("T").field("volumeTypes", "1")))
        .isEqualTo("t.json:1:37 at $.volumeTypes[1]");
    assertThat(at(Subject.plan("T").field("zone"))).isEqualTo("t.json:1:1 at $.timeZone");
  }
}
