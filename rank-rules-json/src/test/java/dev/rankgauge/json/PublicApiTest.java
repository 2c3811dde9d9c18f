package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The exported surface speaks rank-core and the JDK: no Jackson, no internal types. */
class PublicApiTest {
  @Test
  void publicSignaturesNameNeitherJacksonNorInternalTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : List.of(PlanFiles.class, PlanCheck.class)) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        Stream.concat(Stream.of(m.getGenericReturnType()), Stream.of(m.getGenericParameterTypes()))
            .map(t -> t.getTypeName())
            .filter(n -> n.contains("tools.jackson") || n.contains("com.fasterxml")
                || n.contains(".internal."))
            .forEach(n -> leaks.add(c.getSimpleName() + "." + m.getName() + ": " + n));
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void planFilesIsAStaticFrontDoor() {
    assertThat(Modifier.isFinal(PlanFiles.class.getModifiers())).isTrue();
    assertThat(PlanFiles.class.getConstructors()).isEmpty();
  }
}
