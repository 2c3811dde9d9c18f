package dev.rankgauge.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON document as a tree whose every node knows its line, column and path, so that a problem
 * found while reading a scenario can point at the place in the file. Jackson's own tree model
 * forgets locations, hence this small one on top of its streaming parser.
 */
final class JsonTree {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonTree() {}

  /** A node: where it is, and what it holds. */
  abstract static class Node {
    final int line;
    final int column;
    final String path;

    Node(int line, int column, String path) {
      this.line = line;
      this.column = column;
      this.path = path;
    }

    /** What kind of JSON value this is, for "expected a string, found an array". */
    abstract String kind();
  }

  /** An object; members keep their order. Duplicate keys are reported by the parser. */
  static final class Obj extends Node {
    final Map<String, Node> members;
    /** Where each member's key sits, for problems about the key itself. */
    final Map<String, Node> keys;

    Obj(int line, int column, String path, Map<String, Node> members, Map<String, Node> keys) {
      super(line, column, path);
      this.members = Collections.unmodifiableMap(members);
      this.keys = Collections.unmodifiableMap(keys);
    }

    @Override
    String kind() {
      return "an object";
    }
  }

  /** An array. */
  static final class Arr extends Node {
    final List<Node> items;

    Arr(int line, int column, String path, List<Node> items) {
      super(line, column, path);
      this.items = List.copyOf(items);
    }

    @Override
    String kind() {
      return "an array";
    }
  }

  /** A string, or an object key (for locating problems about keys). */
  static final class Str extends Node {
    final String value;

    Str(int line, int column, String path, String value) {
      super(line, column, path);
      this.value = value;
    }

    @Override
    String kind() {
      return "a string";
    }
  }

  /** A number, kept exactly as written. */
  static final class Num extends Node {
    final BigDecimal value;

    Num(int line, int column, String path, BigDecimal value) {
      super(line, column, path);
      this.value = value;
    }

    @Override
    String kind() {
      return "a number";
    }
  }

  /** {@code true} or {@code false}. */
  static final class Bool extends Node {
    final boolean value;

    Bool(int line, int column, String path, boolean value) {
      super(line, column, path);
      this.value = value;
    }

    @Override
    String kind() {
      return "a boolean";
    }
  }

  /** {@code null}. */
  static final class Null extends Node {
    Null(int line, int column, String path) {
      super(line, column, path);
    }

    @Override
    String kind() {
      return "null";
    }
  }

  /** JSON that is not well-formed; parsing cannot go on past it. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    SyntaxError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  /**
   * Parses a whole document.
   *
   * @param duplicates receives one node per duplicate key (the second occurrence), with its path
   * @throws SyntaxError if the text is not well-formed JSON
   */
  static Node parse(String text, List<Node> duplicates) throws SyntaxError {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new SyntaxError("the file is empty; expected a JSON object", 1, 1);
      }
      Node root = read(p, t, "$", duplicates);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        TokenStreamLocation l = p.currentTokenLocation();
        throw new SyntaxError("unexpected content after the end of the JSON document",
            l.getLineNr(), l.getColumnNr());
      }
      return root;
    } catch (JacksonException e) {
      TokenStreamLocation l = e.getLocation();
      String message = e.getOriginalMessage();
      int cut = message.indexOf('\n');
      throw new SyntaxError("malformed JSON: " + (cut < 0 ? message : message.substring(0, cut)),
          l == null ? 1 : Math.max(1, l.getLineNr()), l == null ? 1 : Math.max(1, l.getColumnNr()));
    }
  }

  private static Node read(JsonParser p, JsonToken t, String path, List<Node> duplicates) {
    TokenStreamLocation l = p.currentTokenLocation();
    int line = l.getLineNr();
    int col = l.getColumnNr();
    switch (t) {
      case START_OBJECT: {
        Map<String, Node> members = new LinkedHashMap<>();
        Map<String, Node> keys = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          TokenStreamLocation kl = p.currentTokenLocation();
          String memberPath = path + member(name);
          Node key = new Str(kl.getLineNr(), kl.getColumnNr(), memberPath, name);
          Node value = read(p, p.nextToken(), memberPath, duplicates);
          if (members.containsKey(name)) {
            duplicates.add(key);
          } else {
            members.put(name, value);
            keys.put(name, key);
          }
        }
        return new Obj(line, col, path, members, keys);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
          items.add(read(p, i, path + "[" + items.size() + "]", duplicates));
        }
        return new Arr(line, col, path, items);
      }
      case VALUE_STRING:
        return new Str(line, col, path, p.getString());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Num(line, col, path, p.getDecimalValue());
      case VALUE_TRUE:
        return new Bool(line, col, path, true);
      case VALUE_FALSE:
        return new Bool(line, col, path, false);
      case VALUE_NULL:
        return new Null(line, col, path);
      default:
        throw new IllegalStateException("unexpected JSON token " + t + " at " + line + ":" + col);
    }
  }

  private static String member(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name
        : "['" + name.replace("'", "\\'") + "']";
  }
}
