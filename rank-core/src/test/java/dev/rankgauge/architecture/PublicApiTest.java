package dev.rankgauge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.RankGauge;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules over the compiled classes of rank-core: the public surface speaks JDK types
 * and our own (never those of the internal package), is immutable, and the fast internals stay
 * package-private.
 */
class PublicApiTest {

  @Test
  void publicSignaturesUseOnlyJdkAndRankGaugeTypes() throws Exception {
    List<String> offenders = new ArrayList<>();
    for (Class<?> c : publicClasses()) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        check(c.getName() + "." + m.getName(), m.getGenericReturnType(), offenders);
        for (Type t : m.getGenericParameterTypes()) {
          check(c.getName() + "." + m.getName(), t, offenders);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (Modifier.isPublic(k.getModifiers())) {
          for (Type t : k.getGenericParameterTypes()) {
            check(c.getName() + ".<init>", t, offenders);
          }
        }
      }
    }
    assertThat(offenders).as("public signatures leaking non-JDK types").isEmpty();
  }

  @Test
  void publicClassesAreFinalRecordsEnumsOrInterfaces() throws Exception {
    List<String> open = new ArrayList<>();
    for (Class<?> c : publicClasses()) {
      boolean closed = c.isInterface() || c.isEnum() || c.isRecord()
          || Modifier.isFinal(c.getModifiers())
          || Throwable.class.isAssignableFrom(c);
      if (!closed) {
        open.add(c.getName());
      }
    }
    assertThat(open).as("public classes open to subclassing").isEmpty();
  }

  @Test
  void publicClassesHaveNoMutableState() throws Exception {
    List<String> mutable = new ArrayList<>();
    for (Class<?> c : publicClasses()) {
      if (Throwable.class.isAssignableFrom(c)) {
        continue;
      }
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isFinal(f.getModifiers()) && !f.isSynthetic()
            && !c.getSimpleName().equals("Builder")) {
          mutable.add(c.getName() + "." + f.getName());
        }
      }
    }
    assertThat(mutable).as("non-final fields in public types").isEmpty();
  }

  @Test
  void recordsExposeNoArrays() throws Exception {
    List<String> arrays = new ArrayList<>();
    for (Class<?> c : publicClasses()) {
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          if (rc.getType().isArray()) {
            arrays.add(c.getName() + "." + rc.getName());
          }
        }
      }
    }
    assertThat(arrays).isEmpty();
  }

  @Test
  void theHotPathIsNotPublic() throws Exception {
    List<String> names = publicClasses().stream().map(Class::getSimpleName).toList();
    assertThat(names).doesNotContain("Computation", "Rules", "ResultAssembler", "Ladder", "HostRule",
        "OrderCounting");
  }

  private static void check(String where, Type t, List<String> offenders) {
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      String n = c.getName();
      if (!c.isPrimitive() && !n.startsWith("java.") && !n.startsWith("dev.rankgauge.")
          || n.contains(".internal.")) {
        offenders.add(where + " uses " + n);
      }
    } else if (t instanceof ParameterizedType p) {
      check(where, p.getRawType(), offenders);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, offenders);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(where, b, offenders);
      }
      for (Type b : w.getLowerBounds()) {
        check(where, b, offenders);
      }
    }
  }

  /** Every public top-level and nested class compiled from rank-core's main sources. */
  static List<Class<?>> publicClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(RankGauge.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.')
            .replaceAll("\\.class$", "");
        if (name.endsWith("package-info") || name.contains(".internal.")) {
          // dev.rankgauge.internal is not an API (its package documentation says so): types the
          // modules share, such as the readers' mutable views of their buffers.
          continue;
        }
        Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
        if (isPubliclyReachable(c)) {
          out.add(c);
        }
      }
    }
    assertThat(out).as("public classes found").hasSizeGreaterThan(20);
    return out;
  }

  private static boolean isPubliclyReachable(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isSynthetic();
  }
}
