package dev.rankgauge.internal.json;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Writes a tree as JSON laid out for people: a container that fits on one line of
 * {@value #LINE} characters and holds only scalars or one level of containers goes on one line,
 * anything larger gets one member per line, indented by two. Strings are written by jackson-core's
 * generator, so escaping is Jackson's. Thread-safe.
 */
public final class JsonText {
  /** The longest line a container is kept on. */
  public static final int LINE = 100;

  private JsonText() {}

  /** The tree as an indented JSON document ending in a newline. */
  public static String write(JsonTree.Node root) {
    StringBuilder sb = new StringBuilder();
    print(root, 0, sb);
    return sb.append('\n').toString();
  }

  /** A string as a JSON string literal, quotes included. */
  public static String quote(String s) {
    StringWriter w = new StringWriter(s.length() + 2);
    try (JsonGenerator g = JsonTree.DEFAULT_FACTORY.createGenerator(ObjectWriteContext.empty(), w)) {
      g.writeString(s);
    }
    return w.toString();
  }

  private static void print(JsonTree.Node n, int indent, StringBuilder sb) {
    String flat = flat(n);
    if (!n.isContainer() || n.size() == 0 || (indent + flat.length() <= LINE && depth(n) <= 1)) {
      sb.append(flat);
      return;
    }
    String pad = " ".repeat(indent + 2);
    boolean object = n.isObject();
    sb.append(object ? '{' : '[').append('\n');
    int i = 0;
    if (object) {
      for (Map.Entry<String, JsonTree.Node> e : n.properties()) {
        sb.append(pad).append(quote(e.getKey())).append(": ");
        print(e.getValue(), indent + 2, sb);
        sb.append(++i < n.size() ? ",\n" : "\n");
      }
    } else {
      for (JsonTree.Node e : n) {
        sb.append(pad);
        print(e, indent + 2, sb);
        sb.append(++i < n.size() ? ",\n" : "\n");
      }
    }
    sb.append(" ".repeat(indent)).append(object ? '}' : ']');
  }

  /** How deeply containers nest inside this one: 0 for a scalar, 1 for a flat object. */
  private static int depth(JsonTree.Node n) {
    int d = 0;
    for (JsonTree.Node c : n) {
      d = Math.max(d, depth(c));
    }
    return n.isContainer() ? d + 1 : 0;
  }

  /** The value as JSON on one line. */
  static String flat(JsonTree.Node n) {
    if (!n.isContainer()) {
      return scalar(n);
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    if (n.isObject()) {
      sb.append('{');
      for (Map.Entry<String, JsonTree.Node> e : n.properties()) {
        sb.append(i++ == 0 ? "" : ", ").append(quote(e.getKey())).append(": ")
            .append(flat(e.getValue()));
      }
      return sb.append('}').toString();
    }
    sb.append('[');
    for (JsonTree.Node e : n) {
      sb.append(i++ == 0 ? "" : ", ").append(flat(e));
    }
    return sb.append(']').toString();
  }

  /**
   * A number as text: plain ({@code 1000}, {@code 0.5}) where that is short, else in exponent form
   * ({@code 1E+999999999}), which a plain form would spell out in a billion digits. Found by the
   * fuzz suite: a plan file with {@code "period": 1e999999999} ran a 512 MB heap out of memory.
   *
   * @param v any number
   * @return its text, at most about a hundred characters longer than its digits
   */
  public static String number(BigDecimal v) {
    return (long) v.precision() + Math.abs((long) v.scale()) <= 100 ? v.toPlainString()
        : v.toString();
  }

  private static String scalar(JsonTree.Node n) {
    if (n.isNumber()) {
      return number(n.decimalValue());
    } else if (n.isString()) {
      return quote(n.asString());
    } else if (n.isBoolean()) {
      return String.valueOf(n.booleanValue());
    }
    return "null";
  }
}
