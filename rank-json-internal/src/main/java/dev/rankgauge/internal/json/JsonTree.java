package dev.rankgauge.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
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
 * A JSON document as a tree whose every node knows its line, column and JSON path, so that a
 * problem found later (by a schema, by the rules of a plan, by a scenario's reader) points at the
 * text. Built on jackson-core's streaming parser alone: Jackson's own tree model lives in databind,
 * forgets locations, and would bring jackson-annotations into the host. Numbers keep their exact
 * decimal form ({@code 100.0} stays {@code 100.0}). Nodes are immutable; fields are public final
 * because this is internal tooling read field by field.
 */
public final class JsonTree {
  /** A parser factory with jackson-core's default limits. */
  public static final JsonFactory DEFAULT_FACTORY = JsonFactory.builder().build();

  private JsonTree() {}

  /** A node: where it is, and what it holds. Methods answer as Jackson's tree does. */
  public abstract static class Node implements Iterable<Node> {
    /** The line of the node's first character, from 1; 0 for a node made, not parsed. */
    public final int line;
    /** The column of the node's first character, from 1; 0 for a node made, not parsed. */
    public final int column;
    /** The node's JSON path, such as {@code $.ranks[2].code}. */
    public final String path;

    Node(int line, int column, String path) {
      this.line = line;
      this.column = column;
      this.path = path;
    }

    /** What kind of JSON value this is, for "expected a string, found an array". */
    public abstract String kind();

    /** The member of an object, or null. */
    public Node get(String name) {
      return null;
    }

    /** The item of an array, or null. */
    public Node get(int index) {
      return null;
    }

    /** Whether an object has the member. */
    public boolean has(String name) {
      return get(name) != null;
    }

    /** Members of an object or items of an array; 0 for a scalar. */
    public int size() {
      return 0;
    }

    /** Whether this is an object. */
    public boolean isObject() {
      return false;
    }

    /** Whether this is an array. */
    public boolean isArray() {
      return false;
    }

    /** Whether this is a string. */
    public boolean isString() {
      return false;
    }

    /** Whether this is a number. */
    public boolean isNumber() {
      return false;
    }

    /** Whether this is a number written without a fraction or exponent. */
    public boolean isIntegralNumber() {
      return false;
    }

    /** Whether this is true or false. */
    public boolean isBoolean() {
      return false;
    }

    /** Whether this is null. */
    public boolean isNull() {
      return false;
    }

    /** Whether this is an object or an array. */
    public boolean isContainer() {
      return isObject() || isArray();
    }

    /** A string's value, or null. */
    public String asString() {
      return null;
    }

    /** A number's value, or null. */
    public BigDecimal decimalValue() {
      return null;
    }

    /** A number's value as an int (truncated), or 0. */
    public int asInt() {
      BigDecimal d = decimalValue();
      return d == null ? 0 : d.intValue();
    }

    /** A boolean's value, false otherwise. */
    public boolean booleanValue() {
      return false;
    }

    /** An object's member names in order; empty otherwise. */
    public List<String> propertyNames() {
      return List.of();
    }

    /** An object's members in order; empty otherwise. */
    public Iterable<Map.Entry<String, Node>> properties() {
      return List.of();
    }

    /** The value as JSON on one line. */
    @Override
    public String toString() {
      return JsonText.flat(this);
    }

    /** An array's items; an object's values; nothing for a scalar. */
    @Override
    public Iterator<Node> iterator() {
      return Collections.emptyIterator();
    }
  }

  /** An object; members keep their order. Duplicate names are reported by the parser. */
  public static final class Obj extends Node {
    /** The members by name, in document order. */
    public final Map<String, Node> members;
    /** Where each member's name sits, for problems about the name itself. */
    public final Map<String, Node> keys;

    /** An object at the given place. */
    public Obj(int line, int column, String path, Map<String, Node> members,
        Map<String, Node> keys) {
      super(line, column, path);
      this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
      this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    @Override
    public String kind() {
      return "an object";
    }

    @Override
    public Node get(String name) {
      return members.get(name);
    }

    @Override
    public int size() {
      return members.size();
    }

    @Override
    public boolean isObject() {
      return true;
    }

    @Override
    public List<String> propertyNames() {
      return List.copyOf(members.keySet());
    }

    @Override
    public Iterable<Map.Entry<String, Node>> properties() {
      return members.entrySet();
    }

    @Override
    public Iterator<Node> iterator() {
      return members.values().iterator();
    }
  }

  /** An array. */
  public static final class Arr extends Node {
    /** The items in order. */
    public final List<Node> items;

    /** An array at the given place. */
    public Arr(int line, int column, String path, List<Node> items) {
      super(line, column, path);
      this.items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "an array";
    }

    @Override
    public Node get(int index) {
      return index >= 0 && index < items.size() ? items.get(index) : null;
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public boolean isArray() {
      return true;
    }

    @Override
    public Iterator<Node> iterator() {
      return items.iterator();
    }
  }

  /** A string, or an object's member name (for locating problems about names). */
  public static final class Str extends Node {
    /** The text. */
    public final String value;

    /** A string at the given place. */
    public Str(int line, int column, String path, String value) {
      super(line, column, path);
      this.value = value;
    }

    @Override
    public String kind() {
      return "a string";
    }

    @Override
    public boolean isString() {
      return true;
    }

    @Override
    public String asString() {
      return value;
    }
  }

  /** A number, kept exactly as written. */
  public static final class Num extends Node {
    /** The value with the scale it was written with. */
    public final BigDecimal value;
    /** Whether it was written without a fraction or exponent. */
    public final boolean integral;

    /** A number at the given place. */
    public Num(int line, int column, String path, BigDecimal value, boolean integral) {
      super(line, column, path);
      this.value = value;
      this.integral = integral;
    }

    @Override
    public String kind() {
      return "a number";
    }

    @Override
    public boolean isNumber() {
      return true;
    }

    @Override
    public boolean isIntegralNumber() {
      return integral;
    }

    @Override
    public BigDecimal decimalValue() {
      return value;
    }
  }

  /** {@code true} or {@code false}. */
  public static final class Bool extends Node {
    /** The value. */
    public final boolean value;

    /** A boolean at the given place. */
    public Bool(int line, int column, String path, boolean value) {
      super(line, column, path);
      this.value = value;
    }

    @Override
    public String kind() {
      return "a boolean";
    }

    @Override
    public boolean isBoolean() {
      return true;
    }

    @Override
    public boolean booleanValue() {
      return value;
    }
  }

  /** {@code null}. */
  public static final class Null extends Node {
    /** A null at the given place. */
    public Null(int line, int column, String path) {
      super(line, column, path);
    }

    @Override
    public String kind() {
      return "null";
    }

    @Override
    public boolean isNull() {
      return true;
    }
  }

  /**
   * A member name given twice in one object: the later one is left out of the tree.
   *
   * @param name the later occurrence of the name
   * @param first the first occurrence
   */
  public record Duplicate(Str name, Node first) {}

  /** JSON that is not well-formed, or breaks a limit; parsing cannot go on past it. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    /** The line, from 1; 0 when unknown. */
    public final int line;
    /** The column, from 1; 0 when unknown. */
    public final int column;
    /** The path of the last value read before it. */
    public final String path;
    /** What is wrong. */
    public final Reason reason;

    /** What keeps a text from being one JSON document. */
    public enum Reason {
      /** There is no value at all. */
      EMPTY,
      /** A complete value is followed by more. */
      TRAILING,
      /** The text is not well-formed, or breaks a limit; the message is the parser's. */
      MALFORMED
    }

    SyntaxError(Reason reason, String message, int line, int column, String path) {
      super(message);
      this.reason = reason;
      this.line = line;
      this.column = column;
      this.path = path;
    }
  }

  /**
   * JSON equality: numbers by value ({@code 1.0} equals {@code 1}), objects by members in any
   * order, arrays by elements in order.
   *
   * @param a one value
   * @param b the other
   * @return whether they are the same JSON value
   */
  public static boolean sameValue(JsonTree.Node a, JsonTree.Node b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonTree.Node> e : a.properties()) {
        if (!b.has(e.getKey()) || !sameValue(e.getValue(), b.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameValue(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isString() && b.isString()) {
      return a.asString().equals(b.asString());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return a.booleanValue() == b.booleanValue();
    }
    return a.isNull() && b.isNull();
  }

  /**
   * Parses a whole document from text with the default limits.
   *
   * @param duplicates receives each member name given twice in an object
   * @throws SyntaxError if the text is empty, not well-formed JSON, or more than one document
   */
  public static Node parse(String text, List<Duplicate> duplicates) throws SyntaxError {
    return parse(DEFAULT_FACTORY.createParser(ObjectReadContext.empty(), text), duplicates);
  }

  /**
   * Parses a whole document from the parser, which is closed. Recursion follows the nesting of
   * the document, which the parser's limits bound.
   *
   * @param duplicates receives each member name given twice in an object
   * @throws SyntaxError if the input is empty, not well-formed JSON, breaks one of the parser's
   *     limits, or holds more than one document
   */
  public static Node parse(JsonParser parser, List<Duplicate> duplicates) throws SyntaxError {
    Reader r = new Reader(duplicates);
    try (JsonParser p = parser) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new SyntaxError(SyntaxError.Reason.EMPTY, "the document is empty", 1, 1, JsonPath.ROOT);
      }
      Node root = r.read(p, t, JsonPath.ROOT);
      if (p.nextToken() != null) {
        TokenStreamLocation l = p.currentTokenLocation();
        throw new SyntaxError(SyntaxError.Reason.TRAILING, "found more content after the document's end",
            l.getLineNr(), l.getColumnNr(), JsonPath.ROOT);
      }
      return root;
    } catch (JacksonException e) {
      TokenStreamLocation l = e.getLocation();
      if (l == null || l.getLineNr() < 1) {
        l = parser.currentLocation(); // broken limits carry no location; the parser knows it
      }
      String message = e.getOriginalMessage();
      if (message == null) {
        message = "unreadable input";
      }
      int cut = message.indexOf('\n');
      throw new SyntaxError(SyntaxError.Reason.MALFORMED, cut < 0 ? message : message.substring(0, cut),
          l == null ? 0 : Math.max(0, l.getLineNr()), l == null ? 0 : Math.max(0, l.getColumnNr()),
          r.lastPath);
    }
  }

  private static final class Reader {
    final List<Duplicate> duplicates;
    String lastPath = JsonPath.ROOT;

    Reader(List<Duplicate> duplicates) {
      this.duplicates = duplicates;
    }

    Node read(JsonParser p, JsonToken t, String path) {
      lastPath = path;
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
            String memberPath = JsonPath.field(path, name);
            Str key = new Str(kl.getLineNr(), kl.getColumnNr(), memberPath, name);
            JsonToken v = p.nextToken();
            Node first = keys.get(name);
            if (first != null) {
              duplicates.add(new Duplicate(key, first));
              p.skipChildren();
              continue;
            }
            members.put(name, read(p, v, memberPath));
            keys.put(name, key);
          }
          return new Obj(line, col, path, members, keys);
        }
        case START_ARRAY: {
          List<Node> items = new ArrayList<>();
          for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
            items.add(read(p, i, JsonPath.index(path, items.size())));
          }
          return new Arr(line, col, path, items);
        }
        case VALUE_STRING:
          return new Str(line, col, path, p.getString());
        case VALUE_NUMBER_INT:
          return new Num(line, col, path, p.getDecimalValue(), true);
        case VALUE_NUMBER_FLOAT:
          return new Num(line, col, path, p.getDecimalValue(), false);
        case VALUE_TRUE:
          return new Bool(line, col, path, true);
        case VALUE_FALSE:
          return new Bool(line, col, path, false);
        case VALUE_NULL:
          return new Null(line, col, path);
        default:
          throw new IllegalStateException("unexpected JSON token " + t + " at " + path);
      }
    }
  }
}
