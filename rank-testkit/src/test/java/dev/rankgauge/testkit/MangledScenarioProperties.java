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
        assertLocated(file, e);
      }
    } finally {
      Files.delete(file);
    }
  }

  /** Bytes that are not UTF-8, anywhere in a valid file, are one problem at their place. */
  @Property(tries = 200)
  void bytesThatAreNotUtf8AreLocated(@ForAll("positions") int at,
      @ForAll("notUtf8") byte[] inserted) throws IOException {
    byte[] text = TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + inserted.length];
    System.arraycopy(text, 0, bytes, 0, at);
    System.arraycopy(inserted, 0, bytes, at, inserted.length);
    System.arraycopy(text, at, bytes, at + inserted.length, text.length - at);
    Path file = Files.createTempFile("mangled", ".json");
    try {
      Files.write(file, bytes);
      ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
          ValidationException.class, () -> ScenarioReaderTest.reader().read(file));
      assertThat(e).isNotNull();
      assertLocated(file, e);
      assertThat(e.problems()).hasSize(1);
      assertThat(e.problems().get(0).message()).contains("not UTF-8");
    } finally {
      Files.delete(file);
    }
  }

  @Provide
  Arbitrary<Integer> positions() {
    // Between characters: the text of dana.json is ASCII but for a few letters, and a position
    // inside a letter's bytes would still be bad UTF-8, which is what is looked for anyway.
    return Arbitraries.integers().between(0, TEXT.getBytes(
        java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Provide
  Arbitrary<byte[]> notUtf8() {
    // A continuation byte alone, a lead byte without its continuation, or bytes never in UTF-8.
    return Arbitraries.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xBF},
        new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82},
        new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
  }

  /** Every problem names the file, a line and a column. */
  private static void assertLocated(Path file, ValidationException e) {
    assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.location())
        .matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+( at .*)?"));
    assertThat(e.problems()).extracting(Problem::message).doesNotContainNull();
  }
}
