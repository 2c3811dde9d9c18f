package dev.rankgauge.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import dev.rankgauge.internal.json.JsonPath;
import dev.rankgauge.internal.json.JsonTree;
import dev.rankgauge.internal.json.Suggest;
import java.util.ArrayList;
import tools.jackson.core.ObjectReadContext;

/** The schema validator, keyword by keyword, on small schemas. */
class SchemaValidatorTest {

  private static JsonTree.Node json(String s) {
    try {
      return JsonTree.parse(s.replace('\'', '"'), new ArrayList<>());
    } catch (JsonTree.SyntaxError e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> errors(String schema, String instance) {
    // Parse the instance as plan files are parsed, so that numbers keep their exact form.
    JsonTree.Node node = LocatedJson.parse("t", Json.FACTORY.createParser(ObjectReadContext.empty(),
            instance.replace('\'', '"')))
        .document().root();
    return new SchemaValidator(json(schema)).validate(node).stream()
        .map(v -> v.path() + ": " + v.problem().message()).toList();
  }

  @Test
  void types() {
    String s = "{'type': 'object', 'properties': {'n': {'type': 'integer'}, 'x': {'type': ['string', 'number']}}}";
    assertThat(errors(s, "{'n': 2.0, 'x': 'a'}")).isEmpty();
    assertThat(errors(s, "{'n': 2.5, 'x': true}")).containsExactly(
        "$.n: found 2.5, expected a whole number", "$.x: found true, expected text or a number");
    assertThat(errors(s, "[]")).containsExactly("$: found an array, expected an object");
  }

  @Test
  void enumsAndConstsCompareNumbersByValue() {
    assertThat(errors("{'enum': [1, 'one']}", "1.00")).isEmpty();
    assertThat(errors("{'enum': [1, 'one']}", "'One'")).containsExactly(
        "$: found \"One\", expected one of: 1, one (did you mean \"one\"?)");
    assertThat(errors("{'const': 'a'}", "'b'")).containsExactly("$: found \"b\", expected \"a\"");
  }

  @Test
  void requiredAndAdditionalPropertiesNameTheObjectByItsTitle() {
    String s = "{'title': 'thing', 'required': ['count'], 'additionalProperties': false,"
        + " 'properties': {'count': {}, 'kind': {}}}";
    assertThat(errors(s, "{'cuont': 1}")).containsExactly(
        "$: missing required field \"count\" of the thing",
        "$.cuont: unknown field \"cuont\" in the thing (did you mean \"count\"?); expected one of:"
            + " count, kind");
    assertThat(errors("{'additionalProperties': {'type': 'string'}, 'maxProperties': 1}",
        "{'a': 1, 'b c': 'x'}")).containsExactly("$: found 2 fields, expected at most 1",
        "$.a: found 1, expected text");
  }

  @Test
  void numericBoundsAreExact() {
    String s = "{'minimum': 0, 'exclusiveMaximum': 1, 'maximum': 5}";
    assertThat(errors(s, "0")).isEmpty();
    assertThat(errors(s, "0.9999999999999999999999")).isEmpty();
    assertThat(errors(s, "1")).containsExactly("$: found 1, expected less than 1");
    assertThat(errors(s, "-0.000001")).containsExactly("$: found -0.000001, expected at least 0");
    assertThat(errors("{'exclusiveMinimum': 0}", "0")).containsExactly("$: found 0, expected more than 0");
  }

  @Test
  void arraysAndStrings() {
    String s = "{'minItems': 1, 'maxItems': 2, 'uniqueItems': true,"
        + " 'items': {'minLength': 2, 'maxLength': 3, 'pattern': '^[A-Z]+$'}}";
    assertThat(errors(s, "['AB', 'CDE']")).isEmpty();
    assertThat(errors(s, "[]")).containsExactly("$: found 0 items, expected at least 1 item");
    assertThat(errors(s, "['A', 'ab', 'ABCD']")).containsExactly(
        "$: found 3 items, expected at most 2 items",
        "$[0]: found \"A\", expected at least 2 characters",
        "$[1]: found \"ab\", expected text matching ^[A-Z]+$",
        "$[2]: found text of 4 characters, expected at most 3 characters");
    assertThat(errors(s, "['AB', 'AB']")).containsExactly(
        "$[1]: found \"AB\" again (first at $[0]), expected each item once");
  }

  @Test
  void conditionalsRefsAndAllOf() {
    String s = "{'$defs': {'v': {'type': 'number'}}, 'allOf': [{"
        + "'if': {'properties': {'kind': {'const': 'a'}}, 'required': ['kind']},"
        + "'then': {'title': 'a thing', 'required': ['v'], 'properties': {'v': {'$ref': '#/$defs/v'}}},"
        + "'else': {'properties': {'v': false}}}]}";
    assertThat(errors(s, "{'kind': 'a', 'v': 1}")).isEmpty();
    assertThat(errors(s, "{'kind': 'a'}")).containsExactly("$: missing required field \"v\" of the a thing");
    assertThat(errors(s, "{'kind': 'a', 'v': 'x'}")).containsExactly("$.v: found \"x\", expected a number");
    assertThat(errors(s, "{'kind': 'b', 'v': 1}")).containsExactly("$.v: found 1, which is not allowed here");
  }

  @Test
  void aSchemaWithAnUnsupportedKeywordOrABrokenRefIsRefused() {
    assertThatThrownBy(() -> new SchemaValidator(json("{'properties': {'a': {'oneOf': []}}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema at #/properties/a uses keyword \"oneOf\", which this validator does not support");
    assertThatThrownBy(() -> new SchemaValidator(json("{'$ref': '#/$defs/nope'}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("$ref #/$defs/nope does not resolve");
  }

  @Test
  void thePlanSchemaIsDraft202012AndUsesOnlyWhatIsChecked() {
    JsonTree.Node schema = SchemaValidator.planSchemaTree();
    assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(SchemaValidator.planSchema()).isNotNull(); // made without refusing a keyword
  }

  @Test
  void suggestionsAreCloseOrNothing() {
    assertThat(Suggest.closest("legsWithRnk", List.of("legsWithRank", "legsWithVolume"))).hasValue("legsWithRank");
    assertThat(Suggest.closest("cuont", List.of("count"))).hasValue("count");
    assertThat(Suggest.closest("GROUPVOLUME", List.of("groupVolume"))).hasValue("groupVolume");
    assertThat(Suggest.closest("C", List.of("A", "B"))).isEmpty();
    assertThat(Suggest.closest("banana", List.of("count", "kind"))).isEmpty();
  }

  @Test
  void pathsRoundTripThroughSteps() {
    String p = JsonPath.index(JsonPath.field(JsonPath.field("$", "ranks"), "it's [odd]"), 3);
    assertThat(p).isEqualTo("$.ranks['it\\'s [odd]'][3]");
    assertThat(JsonPath.steps(p)).containsExactly("ranks", "it's [odd]", 3);
  }
}
