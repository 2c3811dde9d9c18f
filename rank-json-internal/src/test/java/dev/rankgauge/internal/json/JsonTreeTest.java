package dev.rankgauge.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The located tree: every node knows its line, column and path; numbers stay exact. */
class JsonTreeTest {

  private static JsonTree.Node parse(String text, List<JsonTree.Duplicate> duplicates) {
    try {
      return JsonTree.parse(text, duplicates);
    } catch (JsonTree.SyntaxError e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyNodeKnowsItsLineColumnAndPath() {
    JsonTree.Node root = parse("{\n  \"ranks\": [\n    {\"code\": \"SLV\", \"odd name\": 100.0}\n  ]\n}",
        new ArrayList<>());
    JsonTree.Node rank = root.get("ranks").get(0);
    assertThat(rank.path).isEqualTo("$.ranks[0]");
    assertThat(rank.line).isEqualTo(3);
    assertThat(rank.column).isEqualTo(5);
    JsonTree.Node odd = rank.get("odd name");
    assertThat(odd.path).isEqualTo("$.ranks[0]['odd name']");
    assertThat(odd.decimalValue()).hasToString("100.0");
    assertThat(odd.isIntegralNumber()).isFalse();
    assertThat(((JsonTree.Obj) rank).keys.get("code").column).isEqualTo(6);
  }

  @Test
  void aDuplicateNameIsReportedWithTheFirstAndLeftOut() {
    List<JsonTree.Duplicate> duplicates = new ArrayList<>();
    JsonTree.Node root = parse("{\"a\": 1,\n \"a\": [2]}", duplicates);
    assertThat(root.get("a").decimalValue()).hasToString("1");
    assertThat(duplicates).singleElement().satisfies(d -> {
      assertThat(d.name().line).isEqualTo(2);
      assertThat(d.first().line).isEqualTo(1);
      assertThat(d.name().path).isEqualTo("$.a");
    });
  }

  @Test
  void whatKeepsATextFromBeingOneDocumentIsNamed() {
    assertThat(reason("")).isEqualTo(JsonTree.SyntaxError.Reason.EMPTY);
    assertThat(reason("{} []")).isEqualTo(JsonTree.SyntaxError.Reason.TRAILING);
    JsonTree.SyntaxError e = catchThrowableOfType(JsonTree.SyntaxError.class,
        () -> JsonTree.parse("{\"a\": [1,\n ]}", new ArrayList<>()));
    assertThat(e.reason).isEqualTo(JsonTree.SyntaxError.Reason.MALFORMED);
    assertThat(e.line).isEqualTo(2);
    assertThat(e.getMessage()).startsWith("Unexpected character (']'");
  }

  private static JsonTree.SyntaxError.Reason reason(String text) {
    return catchThrowableOfType(JsonTree.SyntaxError.class,
        () -> JsonTree.parse(text, new ArrayList<>())).reason;
  }

  @Test
  void writtenTextParsesBackToTheSameTree() {
    String text = "{\"name\": \"say \\\"hi\\\"\\n\", \"n\": [1, 2.50, true, null], \"o\": {}}";
    String written = JsonText.write(parse(text, new ArrayList<>()));
    assertThat(written).isEqualTo("{\n  \"name\": \"say \\\"hi\\\"\\n\",\n"
        + "  \"n\": [1, 2.50, true, null],\n  \"o\": {}\n}\n");
    assertThat(JsonText.write(parse(written, new ArrayList<>()))).isEqualTo(written);
    assertThat(JsonText.quote("tab\there")).isEqualTo("\"tab\\there\"");
  }
}
