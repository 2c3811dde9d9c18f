package dev.rankgauge.json.internal;

import dev.rankgauge.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON document as a Jackson tree plus the line and column of every value and field name, by
 * JSON path, so that problems found later (by the schema, by the plan rules) point at the text.
 * Numbers keep their exact decimal form ({@code 100.0} stays {@code 100.0}).
 */
public final class LocatedJson {
  private final String source;
  private final JsonNode root;
  private final Map<String, int[]> values;
  private final Map<String, int[]> names;

  private LocatedJson(String source, JsonNode root, Map<String, int[]> values,
      Map<String, int[]> names) {
    this.source = source;
    this.root = root;
    this.values = values;
    this.names = names;
  }

  /** What parsing gave: a document, or the problems that kept it from being one. */
  public record Parsed(LocatedJson document, List<Problem> problems) {}

  /**
   * Parses a whole document. A syntax error or a broken limit stops parsing and is the only
   * problem; a duplicate field name is a problem too, but parsing goes on (the first one wins).
   */
  public static Parsed parse(String source, JsonParser parser) {
    Builder b = new Builder(source);
    try (JsonParser p = parser) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new Parsed(null, List.of(new Problem(source + ":1:1 at $",
            "the document is empty; expected a JSON object describing a plan")));
      }
      JsonNode root = b.value(p, JsonPath.ROOT);
      if (p.nextToken() != null) {
        TokenStreamLocation l = p.currentTokenLocation();
        b.problems.add(new Problem(b.at(l, JsonPath.ROOT), "found more content after the"
            + " document's end; expected a single JSON object"));
      }
      LocatedJson doc = new LocatedJson(source, root, b.values, b.names);
      return new Parsed(b.problems.isEmpty() ? doc : null, b.problems);
    } catch (JacksonException e) {
      TokenStreamLocation l = e.getLocation();
      if (l == null || l.getLineNr() < 1) {
        l = parser.currentLocation(); // broken limits carry no location; the parser knows it
      }
      List<Problem> out = new ArrayList<>(b.problems);
      out.add(new Problem(b.at(l == null ? TokenStreamLocation.NA : l, b.lastPath),
          "not valid JSON: " + firstLine(e.getOriginalMessage())));
      return new Parsed(null, out);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The parsed tree. */
  public JsonNode root() {
    return root;
  }

  /** The source name, as locations show it. */
  public String source() {
    return source;
  }

  /** {@code source:line:column at path} for the value at the path, or its nearest ancestor. */
  public String where(String path) {
    return where(path, values);
  }

  /**
   * {@code source:line:column at path} for the field name at the end of the path (where a
   * misspelled name is), else as {@link #where(String)}.
   */
  public String whereName(String path) {
    return names.containsKey(path) ? where(path, names) : where(path);
  }

  /** The position of the value at the path (or its nearest ancestor), to sort problems by. */
  public long position(String path) {
    int[] at = nearest(path, values);
    return at == null ? 0 : ((long) at[0] << 32) | at[1];
  }

  private String where(String path, Map<String, int[]> map) {
    int[] at = nearest(path, map);
    return source + (at == null ? "" : ":" + at[0] + ":" + at[1]) + " at " + path;
  }

  private int[] nearest(String path, Map<String, int[]> map) {
    String p = path;
    while (true) {
      int[] at = map.get(p);
      if (at != null || p.equals(JsonPath.ROOT) || p.isEmpty()) {
        return at != null ? at : values.get(JsonPath.ROOT);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? JsonPath.ROOT : p.substring(0, cut);
    }
  }

  private static final class Builder {
    final String source;
    final Map<String, int[]> values = new HashMap<>();
    final Map<String, int[]> names = new HashMap<>();
    final List<Problem> problems = new ArrayList<>();
    final JsonNodeFactory nodes = JsonNodeFactory.instance;
    String lastPath = JsonPath.ROOT;

    Builder(String source) {
      this.source = source;
    }

    String at(TokenStreamLocation l, String path) {
      if (l == null || l.getLineNr() < 1) {
        return source + " at " + path;
      }
      return source + ":" + l.getLineNr() + ":" + l.getColumnNr() + " at " + path;
    }

    /** The value at the current token; Jackson's depth limit bounds the recursion. */
    JsonNode value(JsonParser p, String path) {
      lastPath = path;
      TokenStreamLocation l = p.currentTokenLocation();
      values.put(path, new int[] {l.getLineNr(), l.getColumnNr()});
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT: {
          ObjectNode o = nodes.objectNode();
          Map<String, int[]> seen = new HashMap<>();
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            String child = JsonPath.field(path, name);
            TokenStreamLocation nl = p.currentTokenLocation();
            int[] here = {nl.getLineNr(), nl.getColumnNr()};
            p.nextToken();
            int[] first = seen.putIfAbsent(name, here);
            if (first != null) {
              problems.add(new Problem(at(nl, child), "duplicate field \"" + name
                  + "\"; the first one is at line " + first[0] + ", column " + first[1]
                  + "; expected each field once"));
              p.skipChildren();
              continue;
            }
            names.put(child, here);
            o.set(name, value(p, child));
          }
          return o;
        }
        case START_ARRAY: {
          ArrayNode a = nodes.arrayNode();
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            a.add(value(p, JsonPath.index(path, i++)));
          }
          return a;
        }
        case VALUE_STRING:
          return nodes.stringNode(p.getString());
        case VALUE_NUMBER_INT:
          if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return BigIntegerNode.valueOf(p.getBigIntegerValue());
          }
          return nodes.numberNode(p.getLongValue());
        case VALUE_NUMBER_FLOAT:
          BigDecimal d = p.getDecimalValue();
          return DecimalNode.valueOf(d);
        case VALUE_TRUE:
          return nodes.booleanNode(true);
        case VALUE_FALSE:
          return nodes.booleanNode(false);
        case VALUE_NULL:
          return nodes.nullNode();
        default:
          throw new IllegalStateException("unexpected token " + t + " at " + path);
      }
    }
  }
}
