package dev.rankgauge.testkit;

import dev.rankgauge.RuleRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A JUnit 5 test factory over a folder of scenario files: one container per file, one per
 * distributor, and one dynamic test per expectation.
 *
 * <pre>{@code
 * class PlanScenariosTest {
 *   @TestFactory
 *   Stream<DynamicNode> scenarios() {
 *     return ScenarioTests.from(Path.of("src/test/resources/scenarios"));
 *   }
 * }
 * }</pre>
 *
 * <p>A failure names the scenario file, the distributor and the field, shows expected against
 * actual, and ends with the distributor's trace. A file that cannot be read (every problem
 * listed, each with {@code file:line:column}) or evaluated becomes one failing test. Each test's
 * source points at the expectation's line, so an IDE jumps to it. Files are read as the stream
 * is consumed, and each is evaluated once, when its first test runs.
 */
public final class ScenarioTests {
  private ScenarioTests() {}

  /**
   * Dynamic tests for every scenario file under {@code dir} (or the one file), with the host rules
   * {@link RuleRegistry#discovered()} finds.
   *
   * @param dir a folder of scenario files (searched recursively), or one scenario file
   * @return one dynamic container per scenario file, with a test per expectation
   * @throws IllegalArgumentException if there is no such folder or it holds no {@code *.json} file
   */
  public static Stream<DynamicNode> from(Path dir) {
    return from(dir, RuleRegistry.discovered());
  }

  /**
   * Dynamic tests for every scenario file under {@code dir}, with the given host rules.
   *
   * @param dir a folder of scenario files (searched recursively), or one scenario file
   * @param rules the host rules the plan may use
   * @return one dynamic container per scenario file, with a test per expectation
   */
  public static Stream<DynamicNode> from(Path dir, RuleRegistry rules) {
    return from(dir, rules, Locale.ROOT);
  }

  /**
   * Dynamic tests for every scenario file under {@code dir}, with the given host rules, whose
   * names and failures are written in a language: Spanish for {@code es}, English for any other
   * locale, with the locale's numbers; {@link Locale#ROOT} is the English of
   * {@link #from(Path, RuleRegistry)}.
   *
   * @param dir a folder of scenario files (searched recursively), or one scenario file
   * @param rules the host rules the plan may use
   * @param locale the language of the tests' names and failure messages
   * @return one dynamic container per scenario file, with a test per expectation
   * @throws IllegalArgumentException if there is no such folder or it holds no {@code *.json} file
   */
  public static Stream<DynamicNode> from(Path dir, RuleRegistry rules, Locale locale) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(locale, "locale");
    return from(dir, new ScenarioReader(rules), locale);
  }

  static Stream<DynamicNode> from(Path dir, ScenarioReader reader) {
    return from(dir, reader, Locale.ROOT);
  }

  static Stream<DynamicNode> from(Path dir, ScenarioReader reader, Locale locale) {
    List<Path> files = ScenarioRunner.files(dir);
    Path base = Files.isRegularFile(dir) ? dir.toAbsolutePath().getParent() : dir.toAbsolutePath();
    return files.stream().map(f -> container(base, f, reader, locale));
  }

  private static DynamicNode container(Path base, Path file, ScenarioReader reader,
      Locale locale) {
    ScenarioRunner.Prepared p = new ScenarioRunner.Prepared(file, reader);
    String relative = base.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    URI source = file.toUri();
    if (p.failure != null) {
      return DynamicTest.dynamicTest(Reports.say("tests.scenarioFile", relative)
          .message(locale), source, () -> {
            throw new AssertionFailedError(p.failure.text(locale));
          });
    }
    Map<String, List<DynamicNode>> byDistributor = new LinkedHashMap<>();
    List<DynamicNode> nodes = new ArrayList<>();
    for (Expectation x : p.scenario.expectations()) {
      DynamicTest t = DynamicTest.dynamicTest(x.name().message(locale),
          URI.create(source + "?line=" + x.line()),
          () -> {
            var failure = p.check(x);
            if (failure.isPresent()) {
              throw new AssertionFailedError(failure.get().text(locale));
            }
          });
      if (x.distributorId().isEmpty()) {
        nodes.add(t);
      } else {
        byDistributor.computeIfAbsent(x.distributorId(), k -> new ArrayList<>()).add(t);
      }
    }
    byDistributor.forEach((id, tests) -> nodes.add(
        DynamicContainer.dynamicContainer(Reports.say("tests.distributor", id).message(locale),
            tests.stream())));
    return DynamicContainer.dynamicContainer(relative + ": " + p.scenario.name(), source,
        nodes.stream());
  }
}
