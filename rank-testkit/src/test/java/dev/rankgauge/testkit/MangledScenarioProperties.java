package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;

import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a hand edit does to a scenario file, reading it gives a scenario or a
 * ValidationException whose every problem names the file: never a ClassCastException or a
 * NullPointerException (the Easy Rules lesson of the style guide).
 */
class MangledScenarioProperties {
  private static final String TEXT;

  static {
    try {
      TEXT = Files.readString(ScenarioReaderTest.KIT.resolve("passing/dana.json"));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Provide
  Arbitrary<String> mangled() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, TEXT.length() - 1);
    Arbitrary<Integer> length = Arbitraries.integers().between(0, 12);
    Arbitrary<String> insert = Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null",
        "0", "-1", "\"x\"", "true", "1e400", "\"2026-02-30\"", "{}", "[]");
    return net.jqwik.api.Combinators.combine(at, length, insert).as((a, l, s) ->
        TEXT.substring(0, a) + s + TEXT.substring(Math.min(TEXT.length(), a + l)));
  }

  @Property(tries = 300)
  void aMangledFileIsReadOrRejectedWithLocatedProblems(@ForAll("mangled") String text)
      throws IOException {
    Path file = Files.createTempFile("mangled", ".json");
    try {
      Files.writeString(file, text);
      try {
        Scenario s = ScenarioReaderTest.reader().read(file);
        assertThat(s.expectationCount()).isPositive();
      } catch (ValidationException e) {
        assertThat(e.problems()).isNotEmpty()
            .allSatisfy(p -> assertThat(p.location()).startsWith(file.toString()));
        assertThat(e.problems()).extracting(Problem::message).doesNotContainNull();
      }
    } finally {
      Files.delete(file);
    }
  }
}
