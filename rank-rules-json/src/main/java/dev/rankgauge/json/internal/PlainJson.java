package dev.rankgauge.json.internal;

import dev.rankgauge.internal.json.JsonPath;
import dev.rankgauge.internal.json.JsonTree;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document of plain ASCII JSON read without Jackson into the located tree that
 * {@link LocatedJson#parse} makes with it: the same nodes, values, paths, lines and columns. For
 * the bundled plans, whose load lies on the command line's way to its first row: setting up
 * Jackson's factory and parser took 35 to 65 ms of the seed plan's 110 to 150 ms in a cold JVM,
 * and its 90-odd classes, for 2 KB of JSON. Anything else gives null, and Jackson reads the
 * document as before and words its problems: a byte beyond ASCII, a carriage return, a duplicate
 * member name, anything not well-formed, or beyond {@link Json}'s limits. Nesting is followed by
 * recursion, at most {@link Json#MAX_NESTING} deep, as Jackson's limit bounds it.
 */
final class PlainJson {
  /** Jackson's limits as {@link Json#FACTORY} sets them. */
  private static final int MAX_NUMBER = 40;
  private static final int MAX_STRING = 64 * 1024;
  private static final int MAX_NAME = 1024;

  private final byte[] b;
  private int i;
  private int line = 1;
  /** Where the current line starts. */
  private int lineStart;

  /** Thrown for whatever this reader leaves to Jackson. */
  private static final class NotPlain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }

  private PlainJson(byte[] bytes) {
    this.b = bytes;
  }

  /** The document's tree, or null if Jackson is to read it. */
  static JsonTree.Node parse(byte[] bytes) {
    if (bytes.length > Json.MAX_DOCUMENT) {
      return null;
    }
    try {
      PlainJson p = new PlainJson(bytes);
      p.space();
      JsonTree.Node root = p.value(JsonPath.ROOT, 0);
      p.space();
      return p.i == bytes.length ? root : null;
    } catch (NotPlain | ArrayIndexOutOfBoundsException e) {
      return null;
    }
  }

  private void space() {
    while (i < b.length) {
      byte c = b[i];
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '\n') {
        i++;
        line++;
        lineStart = i;
      } else {
        return;
      }
    }
  }

  private int column() {
    return i - lineStart + 1;
  }

  private JsonTree.Node value(String path, int depth) {
    if (i >= b.length) {
      throw new NotPlain();
    }
    int l = line;
    int c = column();
    switch (b[i]) {
      case '{':
        return object(path, depth + 1, l, c);
      case '[':
        return array(path, depth + 1, l, c);
      case '"':
        return new JsonTree.Str(l, c, path, string(MAX_STRING));
      case 't':
        word("true");
        return new JsonTree.Bool(l, c, path, true);
      case 'f':
        word("false");
        return new JsonTree.Bool(l, c, path, false);
      case 'n':
        word("null");
        return new JsonTree.Null(l, c, path);
      default:
        return number(path, l, c);
    }
  }

  private JsonTree.Node object(String path, int depth, int l, int c) {
    if (depth > Json.MAX_NESTING) {
      throw new NotPlain();
    }
    i++;
    Map<String, JsonTree.Node> members = new LinkedHashMap<>();
    Map<String, JsonTree.Node> keys = new LinkedHashMap<>();
    space();
    if (b[i] == '}') {
      i++;
      return new JsonTree.Obj(l, c, path, members, keys);
    }
    while (true) {
      if (b[i] != '"') {
        throw new NotPlain();
      }
      int kl = line;
      int kc = column();
      String name = string(MAX_NAME);
      String memberPath = JsonPath.field(path, name);
      if (keys.containsKey(name)) {
        throw new NotPlain();
      }
      space();
      if (b[i] != ':') {
        throw new NotPlain();
      }
      i++;
      space();
      members.put(name, value(memberPath, depth));
      keys.put(name, new JsonTree.Str(kl, kc, memberPath, name));
      space();
      if (b[i] == ',') {
        i++;
        space();
      } else if (b[i] == '}') {
        i++;
        return new JsonTree.Obj(l, c, path, members, keys);
      } else {
        throw new NotPlain();
      }
    }
  }

  private JsonTree.Node array(String path, int depth, int l, int c) {
    if (depth > Json.MAX_NESTING) {
      throw new NotPlain();
    }
    i++;
    List<JsonTree.Node> items = new ArrayList<>();
    space();
    if (b[i] == ']') {
      i++;
      return new JsonTree.Arr(l, c, path, items);
    }
    while (true) {
      items.add(value(JsonPath.index(path, items.size()), depth));
      space();
      if (b[i] == ',') {
        i++;
        space();
      } else if (b[i] == ']') {
        i++;
        return new JsonTree.Arr(l, c, path, items);
      } else {
        throw new NotPlain();
      }
    }
  }

  /** A string from its opening quote, escapes read; at most {@code max} characters. */
  private String string(int max) {
    i++;
    int start = i;
    StringBuilder escaped = null;
    while (true) {
      byte c = b[i];
      if (c == '"') {
        String s = escaped == null ? new String(b, start, i - start, StandardCharsets.US_ASCII)
            : escaped.toString();
        i++;
        if (s.length() > max) {
          throw new NotPlain();
        }
        return s;
      }
      if (c < 0x20 || c > 0x7E) {
        throw new NotPlain();
      }
      if (c == '\\') {
        if (escaped == null) {
          escaped = new StringBuilder().append(new String(b, start, i - start,
              StandardCharsets.US_ASCII));
        }
        escaped.append(escape());
        continue;
      }
      if (escaped != null) {
        escaped.append((char) c);
      }
      i++;
    }
  }

  /** The character of the escape at {@code i}, which moves past it. */
  private char escape() {
    byte e = b[i + 1];
    i += 2;
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        int v = 0;
        for (int k = 0; k < 4; k++) {
          int d = Character.digit(b[i + k], 16);
          if (d < 0) {
            throw new NotPlain();
          }
          v = v * 16 + d;
        }
        i += 4;
        return (char) v;
      }
      default:
        throw new NotPlain();
    }
  }

  private void word(String w) {
    for (int k = 0; k < w.length(); k++) {
      if (b[i + k] != w.charAt(k)) {
        throw new NotPlain();
      }
    }
    i += w.length();
    if (i < b.length && Character.isLetterOrDigit(b[i])) {
      throw new NotPlain();
    }
  }

  /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, as Jackson reads numbers. */
  private JsonTree.Node number(String path, int l, int c) {
    int start = i;
    if (b[i] == '-') {
      i++;
    }
    if (b[i] == '0') {
      i++;
    } else if (b[i] >= '1' && b[i] <= '9') {
      digits();
    } else {
      throw new NotPlain();
    }
    boolean integral = true;
    if (i < b.length && b[i] == '.') {
      i++;
      integral = false;
      if (digits() == 0) {
        throw new NotPlain();
      }
    }
    if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      integral = false;
      if (b[i] == '+' || b[i] == '-') {
        i++;
      }
      if (digits() == 0) {
        throw new NotPlain();
      }
    }
    if (i - start > MAX_NUMBER || i < b.length && (Character.isLetterOrDigit(b[i])
        || b[i] == '.' || b[i] == '-' || b[i] == '+')) {
      throw new NotPlain();
    }
    String text = new String(b, start, i - start, StandardCharsets.US_ASCII);
    if (integral && text.equals("-0")) {
      // Jackson's integer -0 is 0; a BigDecimal has no sign of zero either, but leave the odd
      // case to Jackson.
      throw new NotPlain();
    }
    return new JsonTree.Num(l, c, path, new BigDecimal(text), integral);
  }

  private int digits() {
    int n = 0;
    while (i < b.length && b[i] >= '0' && b[i] <= '9') {
      i++;
      n++;
    }
    return n;
  }
}
