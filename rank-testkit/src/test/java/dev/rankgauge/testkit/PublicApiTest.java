package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kit's public surface: closed types, and signatures in JDK, RankGauge, AssertJ and JUnit
 * types only. Jackson, which reads the scenario files, stays inside.
 */
class PublicApiTest {
  private static final List<Class<?>> PUBLIC = List.of(RankGaugeAssertions.class,
      EvaluationAssert.class, DistributorAssert.class, GaugeAssert.class, RequirementAssert.class,
      FocusList.class, Scenario.class, ScenarioRunner.class, ScenarioReport.class,
      ScenarioReport.Outcome.class, ScenarioTests.class, ProblemBundleCheck.class);

  @Test
  void publicTypesAreTheListedOnesAndClosed() throws Exception {
    for (Class<?> c : PUBLIC) {
      assertThat(c.isRecord() || c.isEnum() || Modifier.isFinal(c.getModifiers()))
          .as(c.getName() + " is final, a record or an enum").isTrue();
      assertThat(c.getConstructors()).as(c.getName() + " has no public constructor")
          .allMatch(k -> c.isRecord());
    }
    for (String internal : List.of("ScenarioReader", "Verdicts", "Mismatch",
        "Expectation", "RequirementRef")) {
      Class<?> c = Class.forName("dev.rankgauge.testkit." + internal);
      assertThat(Modifier.isPublic(c.getModifiers())).as(internal + " is internal").isFalse();
    }
  }

  @Test
  void signaturesLeakNoJacksonType() {
    List<String> offenders = new ArrayList<>();
    for (Class<?> c : PUBLIC) {
      for (Method m : c.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        check(c.getSimpleName() + "." + m.getName(), m.getGenericReturnType(), offenders);
        for (Type t : m.getGenericParameterTypes()) {
          check(c.getSimpleName() + "." + m.getName(), t, offenders);
        }
      }
    }
    assertThat(offenders).isEmpty();
  }

  private static void check(String where, Type t, List<String> offenders) {
    if (t instanceof ParameterizedType p) {
      check(where, p.getRawType(), offenders);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, offenders);
      }
    } else if (t instanceof Class<?> c) {
      Class<?> e = c.isArray() ? c.getComponentType() : c;
      String n = e.getName();
      boolean ok = e.isPrimitive() || n.startsWith("java.")
          || (n.startsWith("dev.rankgauge.") && !n.startsWith("dev.rankgauge.internal."))
          || n.startsWith("org.assertj.") || n.startsWith("org.junit.");
      if (!ok) {
        offenders.add(where + ": " + n);
      }
    }
  }
}
