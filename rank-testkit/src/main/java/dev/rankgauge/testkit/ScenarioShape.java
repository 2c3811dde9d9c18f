package dev.rankgauge.testkit;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
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
    return new ValidationException(ScenarioShape.BUNDLE, Problem.Part.of("input.scenario", file.toString()), problems);
  }

  /** A problem at a node, from the test kit's bundle {@link #BUNDLE}. */
  void problem(Node n, String code, Object... arguments) {
    problems.add(Problem.of(Subject.NONE, where(n), BUNDLE, code, arguments));
  }

  /** A problem of another bundle (the core's) at a node, in its own words. */
  void problem(Node n, Problem p) {
    problems.add(p.at(where(n)));
  }

  /** The bundle of the test kit's problems: {@code Problems.properties} beside this class. */
  static final String BUNDLE = "dev.rankgauge.testkit.Problems";
  private static final java.util.ResourceBundle ENGLISH = java.util.ResourceBundle.getBundle(
      BUNDLE, java.util.Locale.ROOT, java.util.ResourceBundle.Control.getNoFallbackControl(
          java.util.ResourceBundle.Control.FORMAT_PROPERTIES));

  /**
   * What the format wants at a place, in the message's language: the bundle's {@code what.*}
   * entry whose English is this text, else the text as it is.
   */
  static Object what(String english) {
    String code = "what." + slug(english);
    return ENGLISH.containsKey(code) && ENGLISH.getString(code).equals(escape(english))
        ? Problem.Part.of(code) : english;
  }

  /** The key of a description: its words, lower case, joined by dashes, at most ten. */
  static String slug(String english) {
    String[] words = english.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+");
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (String w : words) {
      if (!w.isEmpty() && n++ < 10) {
        b.append(b.length() == 0 ? "" : "-").append(w);
      }
    }
    return b.toString();
  }

  /** The text as a MessageFormat pattern writes it: quotes doubled, each run of braces quoted. */
  static String escape(String text) {
    return text.replace("'", "''").replaceAll("([{}]+)", "'$1'");
  }

  /** A JSON value's kind in words, such as "an object". */
  static Problem.Part kind(Node n) {
    return Problem.Part.of("kind." + n.kind().replaceFirst("^an? ", "").replace(' ', '_'));
  }

  /** Ids for a message: all of them, the first few and how many more, or "nobody". */
  static Object ids(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return Problem.Part.of("ids.none");
    }
    List<String> all = List.copyOf(ids);
    if (all.size() <= Verdicts.LISTED) {
      return all;
    }
    return Problem.Part.of("ids.more", all.subList(0, Verdicts.LISTED),
        all.size() - Verdicts.LISTED);
  }

  /** A node's place: the file, line, column and JSON path. */
  String where(Node n) {
    return file + ":" + n.line + ":" + n.column + " at " + n.path;
  }

  Obj object(Node n, String what) {
    if (n instanceof Obj o) {
      return o;
    }
    problem(n, "shape.expected", what(what), kind(n));
    return null;
  }

  Arr array(Node n, String what) {
    if (n instanceof Arr a) {
      return a;
    }
    problem(n, "shape.expected", what(what), kind(n));
    return null;
  }

  String string(Node n, String what) {
    if (n instanceof Str s) {
      return s.value;
    }
    problem(n, "shape.expectedString", what(what), kind(n));
    return null;
  }

  String id(Node n, String what) {
    String s = string(n, what);
    if (s != null && s.isBlank()) {
      problem(n, "shape.blank", what(what));
      return null;
    }
    return s;
  }

  Boolean bool(Node n, String what) {
    if (n instanceof Bool b) {
      return b.value;
    }
    problem(n, "shape.expected", what(what), kind(n));
    return null;
  }

  /** A number, or a string holding one (so that "4700.50" may be written either way). */
  BigDecimal decimal(Node n, String what) {
    return decimalOf(n, what(what));
  }

  /**
   * {@link #decimal(Node, String)} where what the format wants is already in the message's words
   * (a {@link Problem.Part} of the bundle, or text as it is).
   */
  BigDecimal decimalOf(Node n, Object what) {
    BigDecimal v;
    if (n instanceof Num num) {
      v = num.value;
    } else if (n instanceof Str s) {
      try {
        v = new BigDecimal(s.value.trim());
      } catch (NumberFormatException e) {
        problem(n, "shape.expectedNumber", what, "\"" + shortText(s.value) + "\"");
        return null;
      }
    } else {
      problem(n, "shape.expectedNumber", what, kind(n));
      return null;
    }
    // Judged from precision and scale alone, before any arithmetic: 1e999999999 and
    // 1e-999999999 are located problems here, never a billion digits later on.
    if (v.signum() != 0 && ((long) v.precision() - v.scale() > MAX_DIGITS
        || (v.scale() > MAX_DECIMALS && v.stripTrailingZeros().scale() > MAX_DECIMALS))) {
      problem(n, "shape.outOfRange", shortText(v.toString()), what, MAX_DIGITS,
          MAX_DECIMALS);
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
    problem(n, "shape.lines", kind(n));
    return "";
  }

  Optional<Node> optional(Obj o, String key) {
    return Optional.ofNullable(o.members.get(key));
  }

  Optional<Node> required(Obj o, String key, String what) {
    Node n = o.members.get(key);
    if (n == null) {
      problem(o, "shape.missing", key, what(what));
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
      problem(e.getValue(), "shape.unknownField", k, what(what), didYouMean(k, valid), valid);
    }
  }

  /** {@code (did you mean "X"?)} after a message, or nothing when no name is close. */
  static Object didYouMean(String found, java.util.Collection<String> known) {
    return Suggest.closest(found, known).<Object>map(s -> Problem.Part.of("didYouMean", s))
        .orElse("");
  }

  /** {@link #fields(Obj, Set, Set, boolean, String)} for an object without volume keys. */
  void fields(Obj o, Set<String> names, String what) {
    fields(o, names, Set.of(), false, what);
  }
}
