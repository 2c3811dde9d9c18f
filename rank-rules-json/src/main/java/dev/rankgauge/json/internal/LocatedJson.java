package dev.rankgauge.json.internal;

import dev.rankgauge.Problem;
import dev.rankgauge.internal.json.JsonPath;
import dev.rankgauge.internal.json.JsonTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;

/**
 * A plan document as the shared located tree, plus the line and column of every value and field
 * name by JSON path, so that problems found later (by the schema, by the plan rules) point at the
 * text.
 */
public final class LocatedJson {
  private final String source;
  private final JsonTree.Node root;
  private final Map<String, int[]> values = new HashMap<>();
  private final Map<String, int[]> names = new HashMap<>();

  private LocatedJson(String source, JsonTree.Node root) {
    this.source = source;
    this.root = root;
    Deque<JsonTree.Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonTree.Node n = todo.pop();
      values.put(n.path, new int[] {n.line, n.column});
      if (n instanceof JsonTree.Obj o) {
        o.keys.values().forEach(k -> names.put(k.path, new int[] {k.line, k.column}));
      }
      n.forEach(todo::push);
    }
  }

  /** What parsing gave: a document, or the problems that kept it from being one. */
  public record Parsed(LocatedJson document, List<Problem> problems) {}

  /**
   * Parses a whole document. A syntax error or a broken limit stops parsing and is the only
   * problem; a duplicate field name is a problem too, but parsing goes on (the first one wins).
   */
  public static Parsed parse(String source, JsonParser parser) {
    List<JsonTree.Duplicate> duplicates = new ArrayList<>();
    JsonTree.Node root;
    try {
      root = JsonTree.parse(parser, duplicates);
    } catch (JsonTree.SyntaxError e) {
      String at = source + (e.line < 1 ? "" : ":" + e.line + ":" + e.column) + " at " + e.path;
      Problem p = switch (e.reason) {
        case EMPTY -> PlanProblems.at(at, "json.empty");
        case TRAILING -> PlanProblems.at(at, "json.trailing");
        case MALFORMED -> PlanProblems.at(at, "json.malformed", String.valueOf(e.getMessage()));
      };
      return new Parsed(null, List.of(p));
    }
    List<Problem> problems = new ArrayList<>();
    for (JsonTree.Duplicate d : duplicates) {
      problems.add(PlanProblems.at(source + ":" + d.name().line + ":" + d.name().column + " at "
          + d.name().path, "json.duplicateField", d.name().value, d.first().line,
          d.first().column));
    }
    return new Parsed(problems.isEmpty() ? new LocatedJson(source, root) : null, problems);
  }

  /** The parsed tree. */
  public JsonTree.Node root() {
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
}
