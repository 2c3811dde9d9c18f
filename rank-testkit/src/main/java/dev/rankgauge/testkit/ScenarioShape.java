package dev.rankgauge.testkit;

import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.internal.json.JsonTree.Arr;
import dev.rankgauge.internal.json.JsonTree.Bool;
import dev.rankgauge.internal.json.JsonTree.Node;
import dev.rankgauge.internal.json.JsonTree.Num;
import dev.rankgauge.internal.json.JsonTree.Obj;
import dev.rankgauge.internal.json.JsonTree.Str;
import dev.rankgauge.internal.json.Suggest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first layer of reading a scenario file: the JSON shape. Checks that a value is the kind of
 * JSON the format wants there (an object, an array, text, a number, true or false), that objects
 * hold only known fields, and collects every problem located at its node's line, column and
 * path. Knows nothing of plans or distributors. Not thread-safe; one per file.
 */
final class ScenarioShape {
  private final Path file;
  private final List<Problem> problems = new ArrayList<>();

  ScenarioShape(Path file) {
    this.file = file;
  }

  /** Every problem found so far, in the order found. */
  List<Problem> problems() {
    return problems;
  }

  /** A problem not at any one node, such as one of a plan file, listed as it is. */
  void add(Problem p) {
    problems.add(p);
  }

  /** The file's problems as one failure. */
  ValidationException failure() {
    return new ValidationException("scenario " + file, problems);
  }

  void problem(Node n, String message) {
    problems.add(new Problem(where(n), message));
  }

  /** A node's place: the file, line, column and JSON path. */
  String where(Node n) {
    return file + ":" + n.line + ":" + n.column + " at " + n.path;
  }

  Obj object(Node n, String what) {
    if (n instanceof Obj o) {
      return o;
    }
    problem(n, "expected " + what + ", found " + n.kind());
    return null;
  }

  Arr array(Node n, String what) {
    if (n instanceof Arr a) {
      return a;
    }
    problem(n, "expected " + what + ", found " + n.kind());
    return null;
  }

  String string(Node n, String what) {
    if (n instanceof Str s) {
      return s.value;
    }
    problem(n, "expected " + what + " (a string), found " + n.kind());
    return null;
  }

  String id(Node n, String what) {
    String s = string(n, what);
    if (s != null && s.isBlank()) {
      problem(n, "expected " + what + ", found a blank string");
      return null;
    }
    return s;
  }

  Boolean bool(Node n, String what) {
    if (n instanceof Bool b) {
      return b.value;
    }
    problem(n, "expected " + what + ", found " + n.kind());
    return null;
  }

  /** A number, or a string holding one (so that "4700.50" may be written either way). */
  BigDecimal decimal(Node n, String what) {
    BigDecimal v;
    if (n instanceof Num num) {
      v = num.value;
    } else if (n instanceof Str s) {
      try {
        v = new BigDecimal(s.value.trim());
      } catch (NumberFormatException e) {
        problem(n, "expected " + what + " (a number), found \"" + shortText(s.value) + "\"");
        return null;
      }
    } else {
      problem(n, "expected " + what + " (a number), found " + n.kind());
      return null;
    }
    // Judged from precision and scale alone, before any arithmetic: 1e999999999 and
    // 1e-999999999 are located problems here, never a billion digits later on.
    if (v.signum() != 0 && ((long) v.precision() - v.scale() > MAX_DIGITS
        || (v.scale() > MAX_DECIMALS && v.stripTrailingZeros().scale() > MAX_DECIMALS))) {
      problem(n, "found " + shortText(v.toString()) + ", which is out of range; expected " + what
          + ": a number below 10^" + MAX_DIGITS + " either side of zero with at most "
          + MAX_DECIMALS + " decimals");
      return null;
    }
    return v;
  }

  /** Digits before the point of any number in a scenario: below 10^15, as in plan files. */
  private static final int MAX_DIGITS = 15;
  /** Decimals of any number in a scenario, as in orders and plan files. */
  private static final int MAX_DECIMALS = 6;

  /** Text cut for a message, so that a line stays a line. */
  static String shortText(String s) {
    return s.length() <= 60 ? s : s.substring(0, 40) + "... (" + s.length() + " characters)";
  }

  /** A string or an array of strings, joined into lines. */
  String lines(Node n) {
    if (n instanceof Str s) {
      return s.value;
    }
    if (n instanceof Arr a) {
      List<String> out = new ArrayList<>();
      for (Node item : a.items) {
        String s = string(item, "a line of text");
        if (s != null) {
          out.add(s);
        }
      }
      return String.join("\n", out);
    }
    problem(n, "expected text: a string, or an array of strings (one a line), found "
        + n.kind());
    return "";
  }

  Optional<Node> optional(Obj o, String key) {
    return Optional.ofNullable(o.members.get(key));
  }

  Optional<Node> required(Obj o, String key, String what) {
    Node n = o.members.get(key);
    if (n == null) {
      problem(o, "missing \"" + key + "\": " + what);
    }
    return Optional.ofNullable(n);
  }

  /**
   * Reports every key of the object that is neither one of the names nor an extra key, with
   * the valid ones and the closest ("did you mean").
   *
   * @param numbersMayBeVolumes whether a key holding a number is let through unreported (a
   *     volume type of a plan that failed to load)
   */
  void fields(Obj o, Set<String> names, Set<String> extra, boolean numbersMayBeVolumes,
      String what) {
    for (Map.Entry<String, Node> e : o.keys.entrySet()) {
      String k = e.getKey();
      if (names.contains(k) || extra.contains(k)) {
        continue;
      }
      if (numbersMayBeVolumes && o.members.get(k) instanceof Num) {
        continue;
      }
      List<String> valid = new ArrayList<>(names);
      valid.addAll(extra);
      problem(e.getValue(), "unknown field \"" + k + "\" in " + what
          + Suggest.didYouMean(k, valid) + "; expected one of: " + String.join(", ", valid));
    }
  }

  /** {@link #fields(Obj, Set, Set, boolean, String)} for an object without volume keys. */
  void fields(Obj o, Set<String> names, String what) {
    fields(o, names, Set.of(), false, what);
  }
}
