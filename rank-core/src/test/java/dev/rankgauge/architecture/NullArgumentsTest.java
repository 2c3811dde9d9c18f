package dev.rankgauge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Projection;
import dev.rankgauge.History;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Metric;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Phrase;
import dev.rankgauge.Problem;
import dev.rankgauge.PlacementTree;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.WhatIf;
import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleFactory;
import dev.rankgauge.spi.RuleOutcome;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor, static factory, builder method and {@code with...} method of rank-core
 * rejects a null argument at once, with a {@link NullPointerException} whose message names the
 * parameter; a list or array argument holding a null is rejected the same way. Found by
 * reflection, so that a factory added later is held to the same rule.
 */
class NullArgumentsTest {

  /** Parameters where null has a documented meaning. */
  private static final Set<String> NULL_ALLOWED = Set.of(
      "dev.rankgauge.Distributor.of(sponsorId)",
      "dev.rankgauge.Organisation$Builder.distributor(sponsorId)",
      "dev.rankgauge.Organisation$Builder.distributor(phone)",
      "dev.rankgauge.Organisation$Builder.customer(phone)");

  private static final Map<Class<?>, Supplier<Object>> BUILDERS = Map.of(
      CompPlan.Builder.class, () -> CompPlan.builder("Plan"),
      Organisation.Builder.class, Organisation::builder,
      RuleRegistry.Builder.class, RuleRegistry::builder,
      Overrides.Builder.class, Overrides::builder);

  @Test
  void everyFactoryAndBuilderNamesTheNullParameter() throws Exception {
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    for (Class<?> c : PublicApiTest.publicClasses()) {
      if (c.isInterface() && !c.getPackageName().startsWith("dev.rankgauge")) {
        continue;
      }
      for (Executable e : executables(c)) {
        Parameter[] ps = e.getParameters();
        for (int i = 0; i < ps.length; i++) {
          if (ps[i].getType().isPrimitive()) {
            continue;
          }
          String where = c.getName() + "." + name(e) + "(" + ps[i].getName() + ")";
          if (NULL_ALLOWED.contains(where)) {
            continue;
          }
          checked++;
          check(c, e, i, null, where, offenders);
          Object holdingNull = holdingNull(ps[i]);
          if (holdingNull != null) {
            check(c, e, i, holdingNull, where + " holding a null", offenders);
          }
        }
      }
    }
    assertThat(checked).as("parameters checked").isGreaterThan(60);
    assertThat(offenders).as("calls that did not reject null naming the parameter").isEmpty();
  }

  @Test
  void aNullRankFailsWhenAddedNotAtBuild() {
    CompPlan.Builder b = CompPlan.builder("Plan");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.rank((Rank) null))
        .isInstanceOf(NullPointerException.class).hasMessage("rank must not be null");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Rank.of("GLD", "Gold", Requirement.personalVolume(BigDecimal.TEN), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("requirements of rank GLD must not contain null (position 2)");
  }

  private static void check(Class<?> c, Executable e, int i, Object value, String where,
      List<String> offenders) {
    Object[] args;
    Object target;
    try {
      args = samples(e);
      args[i] = value;
      target = e instanceof Method m && !Modifier.isStatic(m.getModifiers()) ? instance(c) : null;
    } catch (ReflectiveOperationException | RuntimeException x) {
      throw new AssertionError("no sample arguments for " + where, x);
    }
    Throwable thrown = null;
    try {
      if (e instanceof Constructor<?> k) {
        k.newInstance(args);
      } else {
        ((Method) e).invoke(target, args);
      }
    } catch (InvocationTargetException x) {
      thrown = x.getCause();
    } catch (ReflectiveOperationException x) {
      throw new AssertionError(where, x);
    }
    String param = e.getParameters()[i].getName().toLowerCase(Locale.ROOT);
    if (!(thrown instanceof NullPointerException)) {
      offenders.add(where + ": " + (thrown == null ? "accepted" : thrown));
    } else if (thrown.getMessage() == null
        || !thrown.getMessage().toLowerCase(Locale.ROOT).replace(" ", "").contains(param)) {
      offenders.add(where + ": message \"" + thrown.getMessage() + "\" does not name " + param);
    }
  }

  private static List<Executable> executables(Class<?> c) {
    List<Executable> out = new ArrayList<>();
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (Modifier.isPublic(k.getModifiers()) && !Modifier.isAbstract(c.getModifiers())) {
        out.add(k);
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
        continue;
      }
      boolean factory = Modifier.isStatic(m.getModifiers()) && !m.getName().equals("valueOf");
      boolean builder = BUILDERS.containsKey(c) && !m.getName().startsWith("discover");
      boolean with = !Modifier.isStatic(m.getModifiers()) && m.getName().startsWith("with")
          && !c.isInterface();
      if (factory || builder || with) {
        out.add(m);
      }
    }
    out.sort((a, b) -> a.toString().compareTo(b.toString()));
    return out;
  }

  private static String name(Executable e) {
    return e instanceof Constructor<?> ? "<init>" : e.getName();
  }

  private static Object instance(Class<?> c) throws ReflectiveOperationException {
    Supplier<Object> b = BUILDERS.get(c);
    if (b != null) {
      return b.get();
    }
    return sample(c, c);
  }

  private static Object[] samples(Executable e) throws ReflectiveOperationException {
    Parameter[] ps = e.getParameters();
    Object[] args = new Object[ps.length];
    for (int i = 0; i < ps.length; i++) {
      args[i] = sample(ps[i].getType(), ps[i].getParameterizedType());
    }
    return args;
  }

  /** A list or array of the parameter's kind with a null in it, or null for other kinds. */
  private static Object holdingNull(Parameter p) throws ReflectiveOperationException {
    Class<?> t = p.getType();
    if (t.isArray() && !t.getComponentType().isPrimitive()) {
      Object a = Array.newInstance(t.getComponentType(), 2);
      Array.set(a, 0, sample(t.getComponentType(), t.getComponentType()));
      return a;
    }
    if (t == List.class || t == Iterable.class) {
      List<Object> l = new ArrayList<>();
      l.add(sample(argument(p.getParameterizedType(), 0), argument(p.getParameterizedType(), 0)));
      l.add(null);
      return l;
    }
    return null;
  }

  private static Class<?> argument(Type t, int i) {
    Type a = ((ParameterizedType) t).getActualTypeArguments()[i];
    return (Class<?>) (a instanceof ParameterizedType p ? p.getRawType() : a);
  }

  /** How deep sample lists nest, so that a record holding a list of itself ends. */
  private static int depth;

  private static final Instant INSTANT = Instant.parse("2026-11-15T12:00:00Z");

  private static Object sample(Class<?> t, Type generic) throws ReflectiveOperationException {
    if (t == int.class || t == Integer.class) {
      return 1;
    } else if (t == double.class) {
      return 0.8;
    } else if (t == Projection.class) {
      return Projection.of((Evaluation) sample(Evaluation.class, Evaluation.class));
    } else if (t == long.class) {
      return 1L;
    } else if (t == boolean.class) {
      return false;
    } else if (t == String.class || t == Object.class || t == CharSequence.class) {
      return "PV";
    } else if (t == BigDecimal.class) {
      return BigDecimal.TEN;
    } else if (t == Instant.class) {
      return INSTANT;
    } else if (t == LocalDate.class) {
      return LocalDate.of(2026, 11, 2);
    } else if (t == YearMonth.class) {
      return YearMonth.of(2026, 11);
    } else if (t == ZoneId.class) {
      return ZoneId.of("UTC");
    } else if (t == ClassLoader.class) {
      return NullArgumentsTest.class.getClassLoader();
    } else if (t.isEnum()) {
      return t.getEnumConstants()[0];
    } else if (t.isArray()) {
      Object a = Array.newInstance(t.getComponentType(), 1);
      Array.set(a, 0, sample(t.getComponentType(), t.getComponentType()));
      return a;
    } else if (t == Optional.class) {
      return Optional.empty();
    } else if (t == List.class || t == Iterable.class) {
      if (generic instanceof ParameterizedType && depth < 3) {
        Class<?> e = argument(generic, 0);
        depth++;
        try {
          return List.of(sample(e, e));
        } finally {
          depth--;
        }
      }
      return List.of();
    } else if (t == Map.class) {
      if (generic instanceof ParameterizedType) {
        Class<?> v = argument(generic, 1);
        return Map.of("PV", sample(v, v));
      }
      return Map.of();
    } else if (t == Requirement.class) {
      return Requirement.personalVolume(BigDecimal.TEN);
    } else if (t == Requirement.Path.class) {
      return new Requirement.Path("A", List.of(Requirement.personalVolume(BigDecimal.TEN)));
    } else if (t == Problem.class) {
      return new Problem("distributor D1", "found a problem");
    } else if (t == Phrase.class) {
      return Phrase.of("note.closestPath", "A");
    } else if (t == PlacementTree.class) {
      return PlacementTree.binary();
    } else if (t == Rank.class) {
      return Rank.of("DIST", "Distributor");
    } else if (t == Period.class) {
      return Period.month(2026, 11);
    } else if (t == CompPlan.class) {
      return CompPlan.builder("Plan").rank(Rank.of("DIST", "Distributor")).build();
    } else if (t == History.class) {
      return History.empty();
    } else if (t == Overrides.class) {
      return Overrides.none();
    } else if (t == Overrides.Entry.class) {
      return new Overrides.CountedActive("D1");
    } else if (t == PeriodRecord.class) {
      return new PeriodRecord(Period.month(2026, 11), "D1", "DIST", "DIST", "DIST",
          BigDecimal.TEN, BigDecimal.TEN, 1, 1, 0);
    } else if (t == RuleRegistry.class) {
      return RuleRegistry.empty();
    } else if (t == Organisation.class) {
      return Organisation.builder().build();
    } else if (t == Evaluation.class) {
      return RankGauge.evaluate(Organisation.builder().build(),
          CompPlan.builder("Plan").rank(Rank.of("DIST", "Distributor")).build(),
          Period.month(2026, 11));
    } else if (t == QualificationRule.class) {
      return (QualificationRule) ctx -> RuleOutcome.atLeast(1, 1, "met");
    } else if (t == RuleFactory.class) {
      return new RuleFactory() {
        @Override
        public String name() {
          return "sample";
        }

        @Override
        public QualificationRule create(Map<String, String> parameters) {
          return ctx -> RuleOutcome.atLeast(1, 1, "met");
        }
      };
    } else if (t == LiveEvent.class) {
      return new LiveEvent.OrderCancelled("O1");
    } else if (t == WhatIf.Standing.class) {
      // Every metric must be present, which the generic map sample does not give.
      Map<Metric, BigDecimal> values = new java.util.EnumMap<>(Metric.class);
      Map<Metric, Rank> ranks = new java.util.EnumMap<>(Metric.class);
      for (Metric m : Metric.values()) {
        values.put(m, BigDecimal.TEN);
        ranks.put(m, Rank.of("DIST", "Distributor"));
      }
      Rank r = Rank.of("DIST", "Distributor");
      return new WhatIf.Standing(r, r, r, 0, true, values, ranks);
    } else if (t.isRecord()) {
      RecordComponent[] rc = t.getRecordComponents();
      Class<?>[] types = Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Object[] args = new Object[rc.length];
      for (int i = 0; i < rc.length; i++) {
        args[i] = sample(rc[i].getType(), rc[i].getGenericType());
      }
      Constructor<?> k = t.getDeclaredConstructor(types);
      k.setAccessible(true);
      return k.newInstance(args);
    } else if (t.isInterface() && t.isSealed()) {
      for (Class<?> s : t.getPermittedSubclasses()) {
        if (s.isRecord()) {
          return sample(s, s);
        }
      }
    }
    throw new IllegalArgumentException("no sample for " + t.getName());
  }
}
