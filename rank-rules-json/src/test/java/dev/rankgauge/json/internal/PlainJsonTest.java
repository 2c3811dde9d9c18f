package dev.rankgauge.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.internal.json.JsonTree;
import dev.rankgauge.json.PlanFiles;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.ObjectReadContext;

/**
 * The bundled plans read without Jackson ({@link PlainJson}) give the tree Jackson gives, node
 * for node: kind, value, path, line and column, members in order and where their names sit;
 * and whatever PlainJson leaves to Jackson, it leaves whole (null).
 */
class PlainJsonTest {
  /** The tree Jackson reads, as {@link PlanReader} reads a document from outside. */
  private static JsonTree.Node jackson(byte[] bytes) {
    LocatedJson.Parsed parsed = LocatedJson.parse("doc.json",
        Json.FACTORY.createParser(ObjectReadContext.empty(), bytes));
    assertThat(parsed.problems()).isEmpty();
    return parsed.document().root();
  }

  private static void same(JsonTree.Node plain, JsonTree.Node jackson) {
    String at = jackson.path;
    assertThat(plain).as(at).isNotNull();
    assertThat(plain.getClass()).as(at).isEqualTo(jackson.getClass());
    assertThat(plain.path).as(at).isEqualTo(jackson.path);
    assertThat(new int[] {plain.line, plain.column}).as(at + " line and column")
        .containsExactly(jackson.line, jackson.column);
    assertThat(plain.asString()).as(at).isEqualTo(jackson.asString());
    assertThat(plain.booleanValue()).as(at).isEqualTo(jackson.booleanValue());
    assertThat(plain.isIntegralNumber()).as(at).isEqualTo(jackson.isIntegralNumber());
    if (jackson.decimalValue() != null) {
      // Exactly: scale too (100.0 stays 100.0).
      assertThat(plain.decimalValue()).as(at).isEqualTo(jackson.decimalValue())
          .hasScaleOf(jackson.decimalValue().scale());
    }
    assertThat(plain.propertyNames()).as(at).isEqualTo(jackson.propertyNames());
    if (jackson instanceof JsonTree.Obj o) {
      JsonTree.Obj p = (JsonTree.Obj) plain;
      for (Map.Entry<String, JsonTree.Node> k : o.keys.entrySet()) {
        same(p.keys.get(k.getKey()), k.getValue());
      }
    }
    assertThat(plain.size()).as(at).isEqualTo(jackson.size());
    Iterator<JsonTree.Node> ps = plain.iterator();
    for (JsonTree.Node j : jackson) {
      same(ps.next(), j);
    }
  }

  private static void readsAsJackson(String doc) {
    byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
    same(PlainJson.parse(bytes), jackson(bytes));
  }

  @Test
  void everyBundledPlanReadsAsJacksonReadsIt() {
    List<String> names = PlanFiles.bundledNames();
    assertThat(names).isNotEmpty();
    for (String name : names) {
      byte[] bytes = PlanFiles.bundledText(name).getBytes(StandardCharsets.UTF_8);
      JsonTree.Node plain = PlainJson.parse(bytes);
      assertThat(plain).as(name + " is read without Jackson").isNotNull();
      same(plain, jackson(bytes));
    }
  }

  @Test
  void valuesOfEveryKindWhereverTheyStand() {
    readsAsJackson("{\"a\": 1, \"b\": -2.50, \"c\": 0, \"d\": 1e3, \"e\": 2.5E-2, \"f\": -0.0,\n"
        + "\t\"g\": true, \"h\": false, \"i\": null, \"j\": \"x\\\"y\\\\z\\/\\b\\f\\n\\r\\t\","
        + " \"k\": \"\\u00e9\\u20AC\", \"odd name\": [], \"l\": {}, \"m\": [[1, [2]], {\"n\": []}],"
        + " \"o\":1,\"p\" :\"q\" }\n");
    readsAsJackson("  [\n  1,\n    \"two\" ,\n[ ]\n]  \n\n");
    readsAsJackson("\"a string alone\"");
    readsAsJackson("12345678901234567890123456789.5");
  }

  @Test
  void whatJacksonMustWordIsLeftToIt() {
    for (String doc : new String[] {"", "  ", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "01",
        "1.", ".5", "-", "1e", "+1", "-0", "tru", "nul", "[true1]", "{\"a\" 1}", "{a:1}",
        "{\"a\":1,\"a\":2}", "\"caf\u00e9\"", "{\"a\":\r\n1}", "\"tab\there\"", "[1 2]",
        "\"\\x\"", "\"\\u12G4\"", "[" .repeat(33) + "]".repeat(33),
        "1234567890123456789012345678901234567890.5", "{\"a\":1}{}"}) {
      assertThat(PlainJson.parse(doc.getBytes(StandardCharsets.UTF_8))).as(doc).isNull();
    }
    // 32 deep is within Jackson's limit.
    readsAsJackson("[".repeat(32) + "]".repeat(32));
  }
}
