package dev.rankgauge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.internal.json.JsonTree;
import dev.rankgauge.json.internal.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario files and plan files share one "did you mean": on the same field list, a misspelt
 * field gets the same suggestion, or none, from both.
 */
class SuggestionsAgreeTest {
  private static final String DISTRIBUTOR_FIELDS =
      "\"id\", \"sponsor\", \"name\", \"joined\", \"email\", \"phone\", \"volume\", \"volumes\", \"pv\"";

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"xy, ''", "sponser, sponsor", "nmae, name", "qv, pv", "banana, ''"})
  void aScenarioAndAPlanSchemaSuggestTheSame(String misspelt, String expected) throws Exception {
    String fromScenario = scenarioMessage(misspelt);
    String fromSchema = schemaMessage(misspelt);

    assertThat(suggestion(fromScenario)).as(fromScenario).isEqualTo(expected);
    assertThat(suggestion(fromSchema)).as(fromSchema).isEqualTo(expected);
  }

  /** The name after "did you mean", or empty. */
  private static String suggestion(String message) {
    int at = message.indexOf("did you mean \"");
    if (at < 0) {
      return "";
    }
    int from = at + "did you mean \"".length();
    return message.substring(from, message.indexOf('"', from));
  }

  private String scenarioMessage(String field) throws IOException {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"plan\": \"seed-java\", \"period\": \"2026-11\",\n"
        + " \"distributors\": [{\"id\": \"D1\", \"" + field + "\": 1}],\n"
        + " \"expect\": {\"D1\": {\"paidAs\": \"DIST\"}}}");
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> ScenarioReaderTest.reader().read(file));
    return e.problems().stream().map(Problem::message).filter(m -> m.contains(field))
        .findFirst().orElseThrow();
  }

  private static String schemaMessage(String field) throws JsonTree.SyntaxError {
    String props = DISTRIBUTOR_FIELDS.replaceAll("(\"[a-z]+\")", "$1: {}");
    JsonTree.Node schema = JsonTree.parse("{\"type\": \"object\", \"additionalProperties\": false,"
        + " \"properties\": {" + props + "}}", new ArrayList<>());
    List<SchemaValidator.Violation> v = new SchemaValidator(schema)
        .validate(JsonTree.parse("{\"" + field + "\": 1}", new ArrayList<>()));
    return v.get(0).problem().message();
  }
}
