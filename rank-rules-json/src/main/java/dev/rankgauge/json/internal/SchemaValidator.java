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
import dev.rankgauge.internal.json.Suggest;
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
   * @param message what was found, what was expected, and the alternatives
   */
  public record Violation(String path, boolean atName, boolean wrongType, String message) {}

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
        report(out, path, true, "found " + describe(node) + ", which is not allowed here");
        return false;
      }
      return true;
    }
    String here = s.has("title") ? s.get("title").asString() : title;
    boolean ok = true;
    if (s.has("$ref")) {
      ok &= validate(resolve(s.get("$ref").asString()), node, path, here, out);
    }
    if (s.has("type") && !typeMatches(s.get("type"), node)) {
      if (out != null) {
        out.add(new Violation(path, false, true, "found " + describe(node) + ", expected "
            + typeName(s.get("type"))));
      }
      return false;
    }
    if (s.has("enum")) {
      ok &= enumOk(s.get("enum"), node, path, out);
    }
    if (s.has("const") && !JsonTree.sameValue(s.get("const"), node)) {
      report(out, path, false, "found " + describe(node) + ", expected " + describe(s.get("const")));
      ok = false;
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
    String what = title == null ? "" : " of the " + title;
    if (s.has("required")) {
      for (JsonTree.Node r : s.get("required")) {
        String name = r.asString();
        if (!node.has(name)) {
          JsonTree.Node p = props == null ? null : props.get(name);
          String choices = p != null && p.has("enum") ? "; expected one of: " + list(p.get("enum")) : "";
          report(out, path, false, "missing required field \"" + name + "\"" + what + choices);
          ok = false;
        }
      }
    }
    if (s.has("maxProperties") && node.size() > s.get("maxProperties").asInt()) {
      report(out, path, false, "found " + node.size() + " fields, expected at most "
          + s.get("maxProperties").asInt());
      ok = false;
    }
    JsonTree.Node additional = s.get("additionalProperties");
    for (Map.Entry<String, JsonTree.Node> e : node.properties()) {
      String child = JsonPath.field(path, e.getKey());
      if (props != null && props.has(e.getKey())) {
        ok &= validate(props.get(e.getKey()), e.getValue(), child, null, out);
      } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
        List<String> known = props == null ? List.of() : new ArrayList<>(props.propertyNames());
        report(out, child, true, "unknown field \"" + e.getKey() + "\"" + (title == null ? ""
            : " in the " + title) + Suggest.didYouMean(e.getKey(), known)
            + (known.isEmpty() ? "; expected no fields" : "; expected one of: " + String.join(", ", known)));
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
      report(out, path, false, "found " + items(node.size()) + ", expected at least "
          + items(s.get("minItems").asInt()));
      ok = false;
    }
    if (s.has("maxItems") && node.size() > s.get("maxItems").asInt()) {
      report(out, path, false, "found " + items(node.size()) + ", expected at most "
          + items(s.get("maxItems").asInt()));
      ok = false;
    }
    if (s.has("uniqueItems") && s.get("uniqueItems").booleanValue()) {
      for (int i = 0; i < node.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (JsonTree.sameValue(node.get(i), node.get(j))) {
            report(out, JsonPath.index(path, i), false, "found " + describe(node.get(i))
                + " again (first at " + JsonPath.index(path, j) + "), expected each item once");
            ok = false;
            break;
          }
        }
      }
    }
    if (s.has("items")) {
      for (int i = 0; i < node.size(); i++) {
        ok &= validate(s.get("items"), node.get(i), JsonPath.index(path, i), null, out);
      }
    }
    return ok;
  }

  private boolean number(JsonTree.Node s, JsonTree.Node node, String path, List<Violation> out) {
    BigDecimal v = node.decimalValue();
    boolean ok = true;
    ok &= bound(s, "minimum", v, c -> c >= 0, "at least", path, out);
    ok &= bound(s, "exclusiveMinimum", v, c -> c > 0, "more than", path, out);
    ok &= bound(s, "maximum", v, c -> c <= 0, "at most", path, out);
    ok &= bound(s, "exclusiveMaximum", v, c -> c < 0, "less than", path, out);
    return ok;
  }

  private boolean bound(JsonTree.Node s, String keyword, BigDecimal v,
      java.util.function.IntPredicate holds, String words, String path, List<Violation> out) {
    if (!s.has(keyword)) {
      return true;
    }
    BigDecimal limit = s.get(keyword).decimalValue();
    if (holds.test(v.compareTo(limit))) {
      return true;
    }
    report(out, path, false, "found " + v + ", expected " + words + " "
        + limit.stripTrailingZeros().toPlainString());
    return false;
  }

  private boolean string(JsonTree.Node s, JsonTree.Node node, String path, List<Violation> out) {
    String v = node.asString();
    int length = v.codePointCount(0, v.length());
    boolean ok = true;
    if (s.has("minLength") && length < s.get("minLength").asInt()) {
      report(out, path, false, "found " + describe(node) + ", expected at least "
          + chars(s.get("minLength").asInt()));
      ok = false;
    }
    if (s.has("maxLength") && length > s.get("maxLength").asInt()) {
      report(out, path, false, "found text of " + chars(length) + ", expected at most "
          + chars(s.get("maxLength").asInt()));
      ok = false;
    }
    if (ok && s.has("pattern") && !pattern(s.get("pattern").asString()).matcher(v).find()) {
      String p = s.get("pattern").asString();
      report(out, path, false, "found " + describe(node) + ", expected "
          + (p.equals("\\S") ? "text that is not blank" : "text matching " + p));
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
    report(out, path, false, "found " + describe(node) + ", expected one of: " + list(options)
        + (node.isString() ? Suggest.didYouMean(node.asString(), names) : ""));
    return false;
  }

  private static String list(JsonTree.Node options) {
    List<String> names = new ArrayList<>();
    for (JsonTree.Node o : options) {
      names.add(o.isString() ? o.asString() : o.toString());
    }
    return String.join(", ", names);
  }

  private static void report(List<Violation> out, String path, boolean atName, String message) {
    if (out != null) {
      out.add(new Violation(path, atName, false, message));
    }
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

  private static String typeName(JsonTree.Node type) {
    if (type.isArray()) {
      List<String> names = new ArrayList<>();
      for (JsonTree.Node t : type) {
        names.add(typeName(t));
      }
      return String.join(" or ", names);
    }
    switch (type.asString()) {
      case "object":
        return "an object";
      case "array":
        return "an array";
      case "string":
        return "text";
      case "boolean":
        return "true or false";
      case "null":
        return "null";
      case "number":
        return "a number";
      default:
        return "a whole number";
    }
  }

  /** A short description of a value for messages. */
  static String describe(JsonTree.Node node) {
    if (node.isString()) {
      String v = node.asString();
      return "\"" + (v.length() > 60 ? v.substring(0, 57) + "..." : v) + "\"";
    } else if (node.isObject()) {
      return "an object";
    } else if (node.isArray()) {
      return "an array";
    } else if (node.isNumber()) {
      return node.decimalValue().toString();
    }
    return node.toString();
  }

  private static String items(int n) {
    return n + (n == 1 ? " item" : " items");
  }

  private static String chars(int n) {
    return n + (n == 1 ? " character" : " characters");
  }
}
