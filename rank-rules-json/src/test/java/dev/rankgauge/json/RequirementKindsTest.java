package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Requirement;
import dev.rankgauge.json.internal.PlanJson.RequirementJson;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Adding a requirement kind" in docs/design.md, enforced: every class the sealed
 * {@link Requirement} permits reaches each place the checklist names. The list of kinds comes from
 * {@link Class#getPermittedSubclasses()}, never from a list kept by hand.
 */
class RequirementKindsTest {
  private static final List<Class<?>> KINDS = List.of(Requirement.class.getPermittedSubclasses());

  /** The places this test checks, each of which the checklist must name. */
  private static final List<String> CHECKED = List.of("`Requirement.Visitor`",
      "`PlanJson.RequirementJson`", "`RequirementJson.Visitor`", "`comp-plan.schema.json`",
      "`docs/plan-format.md`", "`RoundTripPropertiesTest`",
      "`Requirement.class.getPermittedSubclasses()`");

  @Test
  void thereAreKindsToCheck() {
    assertThat(KINDS).hasSizeGreaterThanOrEqualTo(13).contains(Requirement.Host.class);
  }

  @Test
  void theVisitorHasAMethodForEveryKind() {
    List<String> missing = new ArrayList<>();
    for (Class<?> k : KINDS) {
      if (!hasVisit(Requirement.Visitor.class, k)) {
        missing.add(k.getSimpleName());
      }
    }
    assertThat(missing).as("kinds without a visit method in Requirement.Visitor").isEmpty();
    assertThat(visitMethods(Requirement.Visitor.class)).as("visit methods, one per kind")
        .isEqualTo(KINDS.size());
  }

  @Test
  void thePlanFormatHasARecordAndAVisitMethodForEveryKind() {
    List<String> json = Arrays.stream(RequirementJson.class.getPermittedSubclasses())
        .map(Class::getSimpleName).toList();
    List<String> missing = new ArrayList<>();
    for (Class<?> k : KINDS) {
      int at = json.indexOf(k.getSimpleName());
      if (at < 0 || !hasVisit(RequirementJson.Visitor.class,
          RequirementJson.class.getPermittedSubclasses()[at])) {
        missing.add(k.getSimpleName());
      }
    }
    assertThat(missing).as("kinds without a RequirementJson record and its visit method").isEmpty();
  }

  @Test
  void bothCopiesOfTheSchemaKnowEveryKind() throws IOException {
    String bundled;
    try (InputStream in = PlanFiles.class.getResourceAsStream("comp-plan.schema.json")) {
      assertThat(in).as("the bundled schema").isNotNull();
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String docs = Files.readString(Path.of("../docs/comp-plan.schema.json"));
    for (String schema : List.of(bundled, docs)) {
      String kindEnum = schema.substring(schema.indexOf("\"kind\": {\"enum\": [\"personalVolume\""));
      kindEnum = kindEnum.substring(0, kindEnum.indexOf(']'));
      for (Class<?> k : KINDS) {
        assertThat(kindEnum).as("the requirement kind enum of the schema")
            .contains('"' + jsonKind(k) + '"');
        assertThat(schema).as("the schema's fields of " + jsonKind(k))
            .contains("{\"kind\": {\"const\": \"" + jsonKind(k) + "\"}}");
      }
    }
  }

  @Test
  void thePlanFormatPageShowsEveryKind() throws IOException {
    String page = Files.readString(Path.of("../docs/plan-format.md"));
    for (Class<?> k : KINDS) {
      assertThat(page).as("docs/plan-format.md").contains("{\"kind\": \"" + jsonKind(k) + "\"");
    }
  }

  /**
   * Every field of every kind in plan files, such as {@code tree} of {@code legsWithRank}: in the
   * kind's block of both copies of the schema, and in an example of the kind on the plan format
   * page.
   */
  @Test
  void everyFieldOfEveryKindIsInTheSchemaAndInAnExample() throws IOException {
    String bundled;
    try (InputStream in = PlanFiles.class.getResourceAsStream("comp-plan.schema.json")) {
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String docs = Files.readString(Path.of("../docs/comp-plan.schema.json"));
    List<String> page = Files.readAllLines(Path.of("../docs/plan-format.md"));
    List<String> missing = new ArrayList<>();
    for (Class<?> k : RequirementJson.class.getPermittedSubclasses()) {
      if (k == RequirementJson.Unknown.class) {
        continue;
      }
      String kind = jsonKind(k);
      for (java.lang.reflect.RecordComponent field : k.getRecordComponents()) {
        String name = '"' + field.getName() + "\":";
        for (String schema : List.of(bundled, docs)) {
          String head = "{\"kind\": {\"const\": \"" + kind + "\"}}";
          int from = schema.indexOf(head);
          int to = schema.indexOf("{\"kind\": {\"const\": ", from + head.length());
          String block = schema.substring(from, to < 0 ? schema.length() : to);
          if (!block.contains(name)) {
            missing.add(kind + "." + field.getName() + " in the schema");
          }
        }
        if (page.stream().noneMatch(l -> l.contains("{\"kind\": \"" + kind + '"')
            && l.contains(name))) {
          missing.add(kind + "." + field.getName() + " in an example of docs/plan-format.md");
        }
      }
    }
    assertThat(missing).as("fields of the plan format missing from the schema or the docs")
        .isEmpty();
  }

  @Test
  void theRoundTripTestTakesItsKindsFromTheSealedInterface() {
    assertThat(RoundTripPropertiesTest.KINDS)
        .containsExactlyElementsOf(KINDS.stream().map(Class::getSimpleName).toList());
  }

  @Test
  void theChecklistNamesEveryPlaceThisTestChecks() throws IOException {
    String design = Files.readString(Path.of("../docs/design.md"));
    int start = design.indexOf("## Adding a requirement kind");
    assertThat(start).as("the checklist in docs/design.md").isNotNegative();
    int end = design.indexOf("\n## ", start + 1);
    String checklist = design.substring(start, end < 0 ? design.length() : end);
    for (String place : CHECKED) {
      assertThat(checklist).contains(place);
    }
  }

  /** The kind's name in plan files: the record's name with a lower-case first letter. */
  private static String jsonKind(Class<?> kind) {
    String n = kind.getSimpleName();
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  private static boolean hasVisit(Class<?> visitor, Class<?> kind) {
    try {
      Method m = visitor.getMethod("visit", kind);
      return m.getParameterCount() == 1;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static long visitMethods(Class<?> visitor) {
    return Arrays.stream(visitor.getMethods()).filter(m -> m.getName().equals("visit")).count();
  }
}
