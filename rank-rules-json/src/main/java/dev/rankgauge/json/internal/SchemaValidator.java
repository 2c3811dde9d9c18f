package dev.rankgauge.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import dev.rankgauge.internal.json.JsonPath;
import dev.rankgauge.internal.json.JsonTree;
import dev.rankgauge.Problem;
import tools.jackson.core.ObjectReadContext;

/**
 * A validator for the subset of JSON Schema draft 2020-12 that the plan schema uses: {@code type},
 * {@code enum}, {@code const}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code maxProperties}, {@code items}, {@code minItems}, {@code maxItems}, {@code uniqueItems},
 * {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum},
 * {@code minLength}, {@code maxLength}, {@code pattern}, {@code allOf}, {@code if}/{@code then}/
 * {@code else}, local {@code $ref}s into {@code $defs}, boolean schemas, and the annotations
 * ({@code title}, {@code description}, {@code default}, {@code examples}, {@code $comment}). A
 * schema using any other keyword is refused when the validator is made, so that the schema cannot
 * silently say more than is checked.
 *
 * <p>Messages say what was found and what was expected, list the alternatives of an enum or of
 * an object's fields, and suggest the closest name. The nearest {@code title} names the object in
 * messages about its fields. Numbers compare exactly. Thread-safe.
 */
public final class SchemaValidator {
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$defs",
      "title", "description", "default", "examples");
  private static final Set<String> ASSERTIONS = Set.of("type", "enum", "const", "properties",
      "required", "additionalProperties", "maxProperties", "items", "minItems", "maxItems",
      "uniqueItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
      "maxLength", "pattern", "allOf", "if", "then", "else", "$ref");
  private static final String PLAN_SCHEMA = "/dev/rankgauge/json/comp-plan.schema.json";

  private final JsonTree.Node root;
  private final Map<String, Pattern> patterns = new HashMap<>();

  /**
   * One thing the instance breaks.
   *
   * @param path where, as a JSON path
   * @param atName whether it is about a field's name (an unknown field) rather than a value
   * @param wrongType whether the value there has the wrong JSON type
   * @param problem what was found, what was expected, and the alternatives, as a problem with
   *     its code and arguments and no location yet
   */
  public record Violation(String path, boolean atName, boolean wrongType, Problem problem) {}

  /**
   * A validator for the given schema.
   *
   * @throws IllegalArgumentException if the schema uses a keyword this validator does not know,
   *     or a {@code $ref} that does not resolve
   */
  public SchemaValidator(JsonTree.Node schema) {
    this.root = schema;
    check(schema, "#");
  }

  /** The plan schema shipped in this jar. */
  public static SchemaValidator planSchema() {
    return PlanSchemaHolder.VALIDATOR;
  }

  /** The plan schema's text, as shipped in this jar. */
  public static JsonTree.Node planSchemaTree() {
    return PlanSchemaHolder.TREE;
  }

  private static final class PlanSchemaHolder {
    static final JsonTree.Node TREE = load();
    static final SchemaValidator VALIDATOR = new SchemaValidator(TREE);

    private static JsonTree.Node load() {
      try (InputStream in = SchemaValidator.class.getResourceAsStream(PLAN_SCHEMA)) {
        if (in == null) {
          throw new IllegalStateException("the plan schema " + PLAN_SCHEMA + " is missing from the jar");
        }
        return JsonTree.parse(Json.FACTORY.createParser(ObjectReadContext.empty(),
            in.readAllBytes()), new ArrayList<>());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (JsonTree.SyntaxError e) {
        throw new IllegalStateException("the plan schema " + PLAN_SCHEMA + " is not valid JSON: "
            + e.getMessage() + " at " + e.line + ":" + e.column, e);
      }
    }
  }

  /** Every violation of the instance, in document order of the checks. */
  public List<Violation> validate(JsonTree.Node instance) {
    List<Violation> out = new ArrayList<>();
    validate(root, instance, JsonPath.ROOT, null, out);
    return out;
  }

  /** Whether the instance is valid. */
  public boolean isValid(JsonTree.Node instance) {
    return validate(root, instance, JsonPath.ROOT, null, null);
  }

  // --- checking the schema itself ----------------------------------------------------------------

  private void check(JsonTree.Node s, String where) {
    if (s.isBoolean()) {
      return;
    }
    if (!s.isObject()) {
      throw new IllegalArgumentException("schema at " + where + " is neither an object nor a boolean");
    }
    for (String k : s.propertyNames()) {
      if (!ANNOTATIONS.contains(k) && !ASSERTIONS.contains(k)) {
        throw new IllegalArgumentException("schema at " + where + " uses keyword \"" + k
            + "\", which this validator does not support");
      }
    }
    if (s.has("$ref")) {
      resolve(s.get("$ref").asString());
    }
    if (s.has("pattern")) {
      pattern(s.get("pattern").asString());
    }
    for (String k : List.of("properties", "$defs")) {
      if (s.has(k)) {
        for (Map.Entry<String, JsonTree.Node> e : s.get(k).properties()) {
          check(e.getValue(), where + "/" + k + "/" + e.getKey());
        }
      }
    }
    for (String k : List.of("additionalProperties", "items", "if", "then", "else")) {
      if (s.has(k)) {
        check(s.get(k), where + "/" + k);
      }
    }
    if (s.has("allOf")) {
      for (int i = 0; i < s.get("allOf").size(); i++) {
        check(s.get("allOf").get(i), where + "/allOf/" + i);
      }
    }
  }

  private JsonTree.Node resolve(String ref) {
    if (!ref.startsWith("#")) {
      throw new IllegalArgumentException("only local $refs are supported, found " + ref);
    }
    JsonTree.Node target = root;
    for (String step : ref.substring(1).split("/", -1)) {
      if (step.isEmpty() || target == null) {
        continue;
      }
      String name = step.replace("~1", "/").replace("~0", "~");
      target = target.isArray() && name.matches("\\d+") ? target.get(Integer.parseInt(name))
          : target.get(name);
    }
    if (target == null) {
      throw new IllegalArgumentException("$ref " + ref + " does not resolve");
    }
    return target;
  }

  private Pattern pattern(String regex) {
    synchronized (patterns) {
      return patterns.computeIfAbsent(regex, Pattern::compile);
    }
  }

  // --- validating --------------------------------------------------------------------------------

  /** Validates; reports into {@code out} unless it is null (a silent check, as for {@code if}). */
  private boolean validate(JsonTree.Node s, JsonTree.Node node, String path, String title,
      List<Violation> out) {
    if (s.isBoolean()) {
      if (!s.booleanValue()) {
        report(out, path, true, "schema.notAllowed", describe(node));
        return false;
      }
      return true;
    }
    String here = s.has("title") ? s.get("title").asString() : title;
    boolean ok = true;
    if (s.has("$ref")) {
      ok &= validate(resolve(s.get("$ref").asString()), node, path, here, out);
      if (!ok && out == null) {
        return false;
      }
    }
    if (s.has("type") && !typeMatches(s.get("type"), node)) {
      if (out != null) {
        out.add(new Violation(path, false, true, PlanProblems.problem("schema.type",
            describe(node), typeName(s.get("type")))));
      }
      return false;
    }
    if (s.has("enum")) {
      ok &= enumOk(s.get("enum"), node, path, out);
    }
    if (s.has("const") && !JsonTree.sameValue(s.get("const"), node)) {
      report(out, path, false, "schema.const", describe(node), describe(s.get("const")));
      ok = false;
    }
    if (!ok && out == null) {
      return false; // a silent check (an if) needs only the answer
    }
    if (node.isObject()) {
      ok &= object(s, node, path, here, out);
    } else if (node.isArray()) {
      ok &= array(s, node, path, out);
    } else if (node.isNumber()) {
      ok &= number(s, node, path, out);
    } else if (node.isString()) {
      ok &= string(s, node, path, out);
    }
    if (s.has("allOf")) {
      for (JsonTree.Node sub : s.get("allOf")) {
        ok &= validate(sub, node, path, here, out);
        if (!ok && out == null) {
          return false;
        }
      }
    }
    if (s.has("if")) {
      boolean cond = validate(s.get("if"), node, path, here, null);
      JsonTree.Node branch = cond ? s.get("then") : s.get("else");
      if (branch != null) {
        ok &= validate(branch, node, path, here, out);
      }
    }
    return ok;
  }

  private boolean object(JsonTree.Node s, JsonTree.Node node, String path, String title,
      List<Violation> out) {
    boolean ok = true;
    JsonTree.Node props = s.get("properties");
    if (s.has("required")) {
      for (JsonTree.Node r : s.get("required")) {
        String name = r.asString();
        if (!node.has(name)) {
          if (out == null) {
            return false;
          }
          // Made only for a missing field: an object is checked against every kind's branch,
          // and making the phrase for each check cost a plan of 25,000 requirements 15 s.
          Object what = title == null ? "" : PlanProblems.part("schema.ofThe", title(title));
          JsonTree.Node p = props == null ? null : props.get(name);
          if (p != null && p.has("enum")) {
            report(out, path, false, "schema.missingOneOf", name, what, list(p.get("enum")));
          } else {
            report(out, path, false, "schema.missing", name, what);
          }
          ok = false;
        }
      }
    }
    if (s.has("maxProperties") && node.size() > s.get("maxProperties").asInt()) {
      report(out, path, false, "schema.maxFields", node.size(), s.get("maxProperties").asInt());
      ok = false;
    }
    JsonTree.Node additional = s.get("additionalProperties");
    for (Map.Entry<String, JsonTree.Node> e : node.properties()) {
      if (!ok && out == null) {
        return false;
      }
      // A silent check (an if) reports nothing, so it needs no paths: an object is checked
      // against every kind's branch, and a path per field per branch was most of the check.
      String child = out == null ? path : JsonPath.field(path, e.getKey());
      if (props != null && props.has(e.getKey())) {
        ok &= validate(props.get(e.getKey()), e.getValue(), child, null, out);
      } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
        if (out == null) {
          return false;
        }
        List<String> known = props == null ? List.of() : new ArrayList<>(props.propertyNames());
        Object in = title == null ? "" : PlanProblems.part("schema.inThe", title(title));
        Object suggestion = PlanProblems.didYouMean(e.getKey(), known);
        if (known.isEmpty()) {
          report(out, child, true, "schema.unknownFieldNone", e.getKey(), in, suggestion);
        } else {
          report(out, child, true, "schema.unknownField", e.getKey(), in, suggestion, known);
        }
        ok = false;
      } else if (additional != null) {
        ok &= validate(additional, e.getValue(), child, null, out);
      }
    }
    return ok;
  }

  private boolean array(JsonTree.Node s, JsonTree.Node node, String path, List<Violation> out) {
    boolean ok = true;
    if (s.has("minItems") && node.size() < s.get("minItems").asInt()) {
      report(out, path, false, "schema.minItems", node.size(), s.get("minItems").asInt());
      ok = false;
    }
    if (s.has("maxItems") && node.size() > s.get("maxItems").asInt()) {
      report(out, path, false, "schema.maxItems", node.size(), s.get("maxItems").asInt());
      ok = false;
    }
    if (s.has("uniqueItems") && s.get("uniqueItems").booleanValue()) {
      for (int i = 0; i < node.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (JsonTree.sameValue(node.get(i), node.get(j))) {
            report(out, JsonPath.index(path, i), false, "schema.itemAgain", describe(node.get(i)),
                JsonPath.index(path, j));
            ok = false;
            break;
          }
        }
      }
    }
    if (s.has("items")) {
      for (int i = 0; i < node.size() && (ok || out != null); i++) {
        ok &= validate(s.get("items"), node.get(i), out == null ? path : JsonPath.index(path, i),
            null, out);
      }
    }
    return ok;
  }

  private boolean number(JsonTree.Node s, JsonTree.Node node, String path, List<Violation> out) {
    BigDecimal v = node.decimalValue();
    boolean ok = true;
    ok &= bound(s, "minimum", v, c -> c >= 0, "schema.minimum", path, out);
    ok &= bound(s, "exclusiveMinimum", v, c -> c > 0, "schema.exclusiveMinimum", path, out);
    ok &= bound(s, "maximum", v, c -> c <= 0, "schema.maximum", path, out);
    ok &= bound(s, "exclusiveMaximum", v, c -> c < 0, "schema.exclusiveMaximum", path, out);
    return ok;
  }

  private boolean bound(JsonTree.Node s, String keyword, BigDecimal v,
      java.util.function.IntPredicate holds, String code, String path, List<Violation> out) {
    if (!s.has(keyword)) {
      return true;
    }
    BigDecimal limit = s.get(keyword).decimalValue();
    if (holds.test(v.compareTo(limit))) {
      return true;
    }
    report(out, path, false, code, v.toString(), limit.stripTrailingZeros().toPlainString());
    return false;
  }

  private boolean string(JsonTree.Node s, JsonTree.Node node, String path, List<Violation> out) {
    String v = node.asString();
    int length = v.codePointCount(0, v.length());
    boolean ok = true;
    if (s.has("minLength") && length < s.get("minLength").asInt()) {
      report(out, path, false, "schema.minLength", describe(node), s.get("minLength").asInt());
      ok = false;
    }
    if (s.has("maxLength") && length > s.get("maxLength").asInt()) {
      report(out, path, false, "schema.maxLength", length, s.get("maxLength").asInt());
      ok = false;
    }
    if (ok && s.has("pattern") && !pattern(s.get("pattern").asString()).matcher(v).find()) {
      String p = s.get("pattern").asString();
      if (p.equals("\\S")) {
        report(out, path, false, "schema.blank", describe(node));
      } else {
        report(out, path, false, "schema.pattern", describe(node), p);
      }
      ok = false;
    }
    return ok;
  }

  private boolean enumOk(JsonTree.Node options, JsonTree.Node node, String path, List<Violation> out) {
    for (JsonTree.Node o : options) {
      if (JsonTree.sameValue(o, node)) {
        return true;
      }
    }
    List<String> names = new ArrayList<>();
    for (JsonTree.Node o : options) {
      names.add(o.isString() ? o.asString() : o.toString());
    }
    report(out, path, false, "schema.enum", describe(node), list(options),
        node.isString() ? PlanProblems.didYouMean(node.asString(), names) : "");
    return false;
  }

  private static List<String> list(JsonTree.Node options) {
    List<String> names = new ArrayList<>();
    for (JsonTree.Node o : options) {
      names.add(o.isString() ? o.asString() : o.toString());
    }
    return names;
  }

  private static void report(List<Violation> out, String path, boolean atName, String code,
      Object... arguments) {
    if (out != null) {
      out.add(new Violation(path, atName, false, PlanProblems.problem(code, arguments)));
    }
  }

  /** The words of the schema titles this bundle has; the others are shown as they are. */
  private static final java.util.Set<String> TITLE_WORDS = java.util.ResourceBundle.getBundle(
      PlanProblems.BUNDLE, java.util.Locale.ROOT,
      java.util.ResourceBundle.Control.getNoFallbackControl(
          java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).keySet();

  /**
   * A schema title in the message's language: "legsWithRank requirement" is the kind's name and
   * a noun the bundle translates ({@code title.requirement}); a title the bundle lacks is shown
   * as it is.
   */
  static Object title(String title) {
    for (String kind : new String[] {"requirement", "activity", "rank hold"}) {
      if (title.endsWith(" " + kind)) {
        String code = "title.kind" + Character.toUpperCase(kind.charAt(0))
            + kind.substring(1).replace(" h", "H");
        return PlanProblems.part(code,
            title.substring(0, title.length() - kind.length() - 1));
      }
    }
    String code = "title." + title.replace(' ', '_');
    return TITLE_WORDS.contains(code) ? PlanProblems.part(code) : title;
  }

  private static boolean typeMatches(JsonTree.Node type, JsonTree.Node node) {
    if (type.isArray()) {
      for (JsonTree.Node t : type) {
        if (typeMatches(t, node)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asString()) {
      case "object":
        return node.isObject();
      case "array":
        return node.isArray();
      case "string":
        return node.isString();
      case "boolean":
        return node.isBoolean();
      case "null":
        return node.isNull();
      case "number":
        return node.isNumber();
      case "integer":
        return node.isIntegralNumber()
            || (node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0);
      default:
        throw new IllegalArgumentException("unknown type " + type);
    }
  }

  /** The JSON types a value may have, in words: a part, or for a choice of types a list of them. */
  private static Object typeName(JsonTree.Node type) {
    if (type.isArray()) {
      List<Object> names = new ArrayList<>();
      for (JsonTree.Node t : type) {
        names.add(typeName(t));
      }
      return PlanProblems.part("type.either", names);
    }
    switch (type.asString()) {
      case "object":
        return PlanProblems.part("type.object");
      case "array":
        return PlanProblems.part("type.array");
      case "string":
        return PlanProblems.part("type.string");
      case "boolean":
        return PlanProblems.part("type.boolean");
      case "null":
        return "null";
      case "number":
        return PlanProblems.part("type.number");
      default:
        return PlanProblems.part("type.integer");
    }
  }

  /** A short description of a value for messages: the value itself, or its type in words. */
  static Object describe(JsonTree.Node node) {
    if (node.isString()) {
      String v = node.asString();
      return "\"" + (v.length() > 60 ? v.substring(0, 57) + "..." : v) + "\"";
    } else if (node.isObject()) {
      return PlanProblems.part("type.object");
    } else if (node.isArray()) {
      return PlanProblems.part("type.array");
    } else if (node.isNumber()) {
      return node.decimalValue().toString();
    }
    return node.toString();
  }
}
