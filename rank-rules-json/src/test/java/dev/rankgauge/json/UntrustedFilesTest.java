package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan files are untrusted: bounded reads, no class names, nothing executed, no exceptions leak. */
class UntrustedFilesTest {
  @TempDir Path dir;

  private static String problemsOf(String doc) {
    try {
      PlanFiles.load(new StringReader(doc), "evil.json", RuleRegistry.empty());
    } catch (ValidationException e) {
      return e.problems().stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n");
    }
    throw new AssertionError("loaded");
  }

  @Test
  void deepNestingStopsAtTheLimit() {
    String deep = "{\"name\": " + "[".repeat(PlanFiles.MAX_NESTING + 5) + "]".repeat(PlanFiles.MAX_NESTING + 5) + "}";
    assertThat(problemsOf(deep)).startsWith("evil.json:1:").contains("not valid JSON:")
        .contains("nesting depth");
  }

  @Test
  void largeDocumentsAreRefusedBeforeParsing() throws IOException {
    Path big = dir.resolve("big.json");
    Files.writeString(big, "{\"name\": \"" + "x".repeat(PlanFiles.MAX_FILE_BYTES) + "\"}");
    PlanCheck c = PlanFiles.check(big, RuleRegistry.empty());
    assertThat(c.problems()).extracting(Problem::toString).singleElement().asString()
        .isEqualTo(big + ": found a document larger than 4194304 bytes, expected a plan file of at"
            + " most that size");
    assertThat(problemsOf("{\"name\": \"" + "x".repeat(PlanFiles.MAX_FILE_BYTES) + "\"}"))
        .contains("found a document larger than");
  }

  @Test
  void hugeExponentsAreRejectedWithoutExpandingThem() {
    String doc = """
        {"name": "T", "version": "1", "currency": "USD", "timeZone": "UTC", "ranks": [
          {"code": "MEM", "name": "Member"},
          {"code": "A", "name": "A", "requirements": [{"kind": "groupVolume", "volume": 1e999999999}]}]}
        """;
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () ->
        assertThat(problemsOf(doc)).isEqualTo("evil.json:3:81 at $.ranks[1].requirements[0].volume:"
            + " found 1E+999999999, expected less than 1000000000000000\n"));
  }

  @Test
  void aHugeNumberWhereTextOrACountIsWantedIsShownShort() {
    // Found by the fuzz suite: "period": 1e999999999 ran a 512 MB heap out of memory, as the
    // number was spelt out in full to be read as text.
    String doc = """
        {"name": "T", "version": 1e999999999, "currency": "USD", "timeZone": "UTC", "ranks": [
          {"code": "MEM", "name": "Member"},
          {"code": "A", "name": "A", "requirements": [{"kind": "activeLegs", "count": 1e999999999}]}]}
        """;
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () ->
        assertThat(problemsOf(doc)).contains("found 1E+999999999")
            .hasSizeLessThan(2_000));
  }

  @Test
  void classNamesInTheDocumentAreJustUnknownKinds() {
    String doc = """
        {"name": "T", "version": "1", "currency": "USD", "timeZone": "UTC", "@class": "java.lang.ProcessBuilder",
         "ranks": [{"code": "MEM", "name": "Member"},
          {"code": "A", "name": "A", "requirements": [{"kind": "java.lang.Runtime", "@type": "java.io.File"}]}]}
        """;
    assertThat(problemsOf(doc))
        .contains("at $['@class']: unknown field \"@class\" in the plan")
        .contains("at $.ranks[1].requirements[0].kind: found \"java.lang.Runtime\", expected one of:");
  }

  @Test
  void checkNeverThrowsForAMissingOrBrokenFile() throws IOException {
    Path missing = dir.resolve("missing.json");
    PlanCheck c = PlanFiles.check(missing, RuleRegistry.empty());
    assertThat(c.ok()).isFalse();
    assertThat(c.plan()).isEmpty();
    assertThat(c.problems()).extracting(Problem::toString).singleElement().asString()
        .startsWith(missing + ": found a plan file that cannot be read:"
            + " java.nio.file.NoSuchFileException");
    assertThat(c.problems().get(0).toString(java.util.Locale.forLanguageTag("es")))
        .startsWith(missing + ": se encontró un archivo de plan que no se puede leer:"
            + " java.nio.file.NoSuchFileException");
    assertThat(c.problems().get(0).code()).isEqualTo("plan.unreadable");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"name\": ");
    assertThat(PlanFiles.check(broken, RuleRegistry.empty()).problems()).extracting(Problem::toString)
        .singleElement().asString().startsWith(broken + ":1:10 at $: not valid JSON:");
    assertThatThrownBy(() -> PlanFiles.load(missing)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing.json");
  }

  @Test
  void aPlanFileThatCannotBeReadOrWrittenSaysSoInSpanish() throws IOException {
    Path missing = dir.resolve("missing.json");
    java.util.Locale es = java.util.Locale.forLanguageTag("es");

    PlanFileException read = org.assertj.core.api.Assertions.catchThrowableOfType(
        PlanFileException.class, () -> PlanFiles.load(missing));
    assertThat(read).isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessage("cannot read plan file " + missing + ": " + read.getCause());
    assertThat(read.source()).isEqualTo(missing.toString());
    assertThat(read.problem().code()).isEqualTo("plan.cannotReadFile");
    assertThat(read.message(es)).isEqualTo("no se puede leer el archivo de plan " + missing + ": "
        + read.getCause());

    Path nowhere = dir.resolve("no-folder").resolve("acme.json");
    PlanFileException write = org.assertj.core.api.Assertions.catchThrowableOfType(
        PlanFileException.class, () -> PlanFiles.write(PlanFiles.bundled("seed"), nowhere));
    assertThat(write).hasMessage("cannot write plan file " + nowhere + ": "
        + write.getCause().getMessage());
    assertThat(write.message(es)).isEqualTo("no se puede escribir el archivo de plan " + nowhere
        + ": " + write.getCause().getMessage());

    java.io.Reader failing = new java.io.Reader() {
      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        throw new IOException("disk gone");
      }

      @Override
      public void close() {}
    };
    PlanFileException stream = org.assertj.core.api.Assertions.catchThrowableOfType(
        PlanFileException.class, () -> PlanFiles.load(failing, "acme.json", RuleRegistry.empty()));
    assertThat(stream).hasMessage("cannot read plan acme.json: disk gone");
    assertThat(stream.message(es)).isEqualTo("no se puede leer el plan acme.json: disk gone");
  }
}
