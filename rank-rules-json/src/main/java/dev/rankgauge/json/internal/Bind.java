package dev.rankgauge.json.internal;

import dev.rankgauge.Problem;
import dev.rankgauge.internal.json.JsonPath;
import dev.rankgauge.internal.json.JsonText;
import dev.rankgauge.internal.json.JsonTree;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binds the located tree to the {@link PlanJson} records and back, by the records' components:
 * a component is the field of the same name; a sealed interface is chosen by the object's
 * {@code kind}. Only the types the records use are known (text, whole numbers, decimals,
 * booleans, lists, maps of text, records, sealed interfaces of records), so a document can name
 * no class. Stateless and thread-safe.
 */
final class Bind {
  private static final String KIND = "kind";

  private Bind() {}

  /** A value of the wrong JSON type that the schema let through. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;
    final String path;
    final transient Problem problem;

    Mismatch(String path, Problem problem) {
      super(problem.message());
      this.path = path;
      this.problem = problem;
    }
  }

  /**
   * The records of a document.
   *
   * @param skip paths of values the schema found of the wrong type; they bind as absent
   * @throws Mismatch if a value has a JSON type its record cannot hold
   */
  static PlanJson plan(JsonTree.Node root, Set<String> skip) throws Mismatch {
    return (PlanJson) value(root, PlanJson.class, skip);
  }

  private static Object value(JsonTree.Node n, Type type, Set<String> skip) throws Mismatch {
    if (n == null || n.isNull() || skip.contains(n.path)) {
      return null;
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      // A number or boolean where text is wanted is its text, as for host rule parameters.
      if (n.isNumber()) {
        return JsonText.number(n.decimalValue());
      } else if (n.isBoolean()) {
        return String.valueOf(n.booleanValue());
      }
      return expect(n, n.isString(), "text").asString();
    } else if (raw == Integer.class) {
      BigDecimal d = expect(n, n.isNumber(), "a whole number").decimalValue();
      try {
        return d.intValueExact();
      } catch (ArithmeticException e) {
        throw new Mismatch(n.path, PlanProblems.problem("bind.integer", JsonText.number(d)));
      }
    } else if (raw == BigDecimal.class) {
      return expect(n, n.isNumber(), "a number").decimalValue();
    } else if (raw == Boolean.class) {
      return expect(n, n.isBoolean(), "true or false").booleanValue();
    } else if (raw == List.class) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>();
      for (JsonTree.Node i : expect(n, n.isArray(), "an array")) {
        out.add(value(i, item, skip));
      }
      return out;
    } else if (raw == Map.class) {
      Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonTree.Node> e : expect(n, n.isObject(), "an object").properties()) {
        out.put(e.getKey(), value(e.getValue(), valueType, skip));
      }
      return out;
    } else if (raw.isSealed()) {
      expect(n, n.isObject(), "an object");
      JsonTree.Node kind = n.get(KIND);
      Class<?> chosen = kind != null && kind.isString() ? KINDS.get(raw).get(kind.asString())
          : null;
      if (chosen == null) {
        chosen = unknown(raw);
      }
      return record(n, chosen, skip);
    } else if (raw.isRecord()) {
      return record(expect(n, n.isObject(), "an object"), raw, skip);
    }
    throw new IllegalStateException("no binding for " + type);
  }

  /** A record's components and canonical constructor, looked up once per class. */
  private record Shape(String[] names, Type[] types, Constructor<?> constructor) {}

  /**
   * Reflection is slow and plans hold thousands of objects of a few classes: each record's shape
   * and each sealed type's kinds (the permitted records by kind name, {@code Unknown} left out)
   * are looked up once.
   */
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      String[] names = new String[components.length];
      Type[] generic = new Type[components.length];
      Class<?>[] raw = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        names[i] = components[i].getName();
        generic[i] = components[i].getGenericType();
        raw[i] = components[i].getType();
      }
      try {
        return new Shape(names, generic, type.getDeclaredConstructor(raw));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
      }
    }
  };

  private static final ClassValue<Map<String, Class<?>>> KINDS = new ClassValue<>() {
    @Override
    protected Map<String, Class<?>> computeValue(Class<?> sealed) {
      Map<String, Class<?>> out = new java.util.HashMap<>();
      for (Class<?> c : sealed.getPermittedSubclasses()) {
        if (!c.getSimpleName().equals("Unknown")) {
          out.put(kindName(c), c);
        }
      }
      return Map.copyOf(out);
    }
  };

  private static Object record(JsonTree.Node n, Class<?> type, Set<String> skip) throws Mismatch {
    Shape shape = SHAPES.get(type);
    Object[] args = new Object[shape.names().length];
    for (int i = 0; i < args.length; i++) {
      args[i] = value(n.get(shape.names()[i]), shape.types()[i], skip);
    }
    try {
      return shape.constructor().newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot make " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
    }
  }

  private static JsonTree.Node expect(JsonTree.Node n, boolean ok, String what) throws Mismatch {
    if (!ok) {
      throw new Mismatch(n.path, PlanProblems.problem("bind.type", n.kind(), what));
    }
    return n;
  }

  /** The kind name of a permitted record: its simple name, first letter in lower case. */
  static String kindName(Class<?> c) {
    String n = c.getSimpleName();
    return n.substring(0, 1).toLowerCase(Locale.ROOT) + n.substring(1);
  }

  private static Class<?> unknown(Class<?> sealed) {
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      if (c.getSimpleName().equals("Unknown")) {
        return c;
      }
    }
    throw new IllegalStateException(sealed + " has no Unknown kind");
  }

  private static Class<?> raw(Type t) {
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
  }

  // --- writing ---------------------------------------------------------------------------------

  /**
   * The records as a tree: components in declaration order, a sealed interface's {@code kind}
   * first, null components left out, and empty lists and maps of {@link PlanJson.OmitEmpty}
   * records.
   */
  static JsonTree.Node tree(Object value) {
    return tree(value, JsonPath.ROOT);
  }

  private static JsonTree.Node tree(Object v, String path) {
    if (v instanceof String s) {
      return new JsonTree.Str(0, 0, path, s);
    } else if (v instanceof Integer i) {
      return new JsonTree.Num(0, 0, path, BigDecimal.valueOf(i), true);
    } else if (v instanceof BigDecimal d) {
      return new JsonTree.Num(0, 0, path, d, false);
    } else if (v instanceof Boolean b) {
      return new JsonTree.Bool(0, 0, path, b);
    } else if (v instanceof List<?> l) {
      List<JsonTree.Node> items = new ArrayList<>();
      for (Object o : l) {
        items.add(o == null ? new JsonTree.Null(0, 0, path) : tree(o, JsonPath.index(path, items.size())));
      }
      return new JsonTree.Arr(0, 0, path, items);
    } else if (v instanceof Map<?, ?> m) {
      Map<String, JsonTree.Node> members = new LinkedHashMap<>();
      m.forEach((k, x) -> members.put((String) k, tree(x, JsonPath.field(path, (String) k))));
      return new JsonTree.Obj(0, 0, path, members, Map.of());
    } else if (v != null && v.getClass().isRecord()) {
      Map<String, JsonTree.Node> members = new LinkedHashMap<>();
      Class<?> c = v.getClass();
      for (Class<?> i : c.getInterfaces()) {
        if (i.isSealed()) {
          members.put(KIND, tree(kindName(c), JsonPath.field(path, KIND)));
        }
      }
      boolean omitEmpty = c.isAnnotationPresent(PlanJson.OmitEmpty.class);
      for (RecordComponent rc : c.getRecordComponents()) {
        Object x;
        try {
          x = rc.getAccessor().invoke(v);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + rc, e);
        }
        boolean empty = x instanceof Collection<?> col && col.isEmpty()
            || x instanceof Map<?, ?> map && map.isEmpty();
        if (x != null && !(omitEmpty && empty)) {
          members.put(rc.getName(), tree(x, JsonPath.field(path, rc.getName())));
        }
      }
      return new JsonTree.Obj(0, 0, path, members, Map.of());
    }
    throw new IllegalStateException("cannot write " + v);
  }
}
