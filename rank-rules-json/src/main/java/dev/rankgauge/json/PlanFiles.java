package dev.rankgauge.json;

import dev.rankgauge.CompPlan;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Comp plans as JSON files: load, check, write. The front door of this module.
 *
 * <pre>{@code
 * CompPlan plan = PlanFiles.load(Path.of("plans/acme.json"));      // host rules discovered
 * PlanCheck review = PlanFiles.check(Path.of("plans/acme.json"), RuleRegistry.empty());
 * review.problems().forEach(System.out::println);  // acme.json:41:19 at $.ranks[3].requirements[0].kind: ...
 * String json = PlanFiles.write(plan);             // loads back to an equal plan
 * }</pre>
 *
 * <p>A plan that is wrong is rejected whole with a {@link ValidationException} listing every
 * problem at once. Each {@link dev.rankgauge.Problem#location() location} reads
 * {@code file:line:column at $.json.path}; each message says what was found, what was expected
 * and, where there is a list, the valid alternatives (rule kinds, registered host rules, defined
 * ranks, field names with a "did you mean").
 *
 * <p>Plan files are treated as untrusted: a file is at most {@value #MAX_FILE_BYTES} bytes and
 * {@value #MAX_NESTING} levels deep, numbers and strings are bounded, the document names no Java
 * classes, and nothing in it is executed; host rules are only those of the given
 * {@link RuleRegistry}.
 *
 * <p>This class is thread-safe.
 */
public final class PlanFiles {
  /** The largest plan file read, in bytes (or characters, for a reader). */
  public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
  /** The deepest nesting of arrays and objects read. */
  public static final int MAX_NESTING = 32;

  private PlanFiles() {}

  /**
   * Loads a plan file, with the host rules that {@link RuleRegistry#discovered()} finds.
   *
   * @throws ValidationException listing every problem of the plan, each with its location
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CompPlan load(Path file) {
    return load(file, RuleRegistry.discovered());
  }

  /**
   * Loads a plan file whose host rules come from {@code rules}.
   *
   * @throws ValidationException listing every problem of the plan, each with its location
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CompPlan load(Path file, RuleRegistry rules) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Loads a plan from a reader, which is read to its end and not closed.
   *
   * @param sourceName how locations name the source, such as a file name
   * @throws ValidationException listing every problem of the plan, each with its location
   * @throws UncheckedIOException if the reader fails
   */
  public static CompPlan load(Reader reader, String sourceName, RuleRegistry rules) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Loads a plan from a stream of UTF-8 (or UTF-16/32, detected) JSON, which is read to its end
   * and not closed.
   *
   * @param sourceName how locations name the source, such as a file name
   * @throws ValidationException listing every problem of the plan, each with its location
   * @throws UncheckedIOException if the stream fails
   */
  public static CompPlan load(InputStream in, String sourceName, RuleRegistry rules) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Checks a plan file for a plan review. Never throws for a bad plan or an unreadable file: every
   * problem (a missing file among them) and every warning is in the result.
   */
  public static PlanCheck check(Path file, RuleRegistry rules) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * The plan as a JSON document, indented, ending in a newline. Loading it gives a plan equal to
   * {@code plan}, provided the plan keeps the file rules that {@link CompPlan.Builder#build()}
   * does not check (gauge thresholds that never fall up the ladder, a known ISO 4217 currency,
   * volumes with at most six decimals); otherwise loading the document reports those.
   */
  public static String write(CompPlan plan) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Writes the plan as a JSON document in UTF-8, replacing the file.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(CompPlan plan, Path file) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The names of the example plans shipped in this jar, such as {@code doterra}, sorted. */
  public static List<String> bundledNames() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Loads an example plan shipped in this jar, with the host rules that
   * {@link RuleRegistry#discovered()} finds.
   *
   * @param name one of {@link #bundledNames()}, with or without {@code .json}
   * @throws IllegalArgumentException if no plan has that name; the message lists the bundled ones
   * @throws ValidationException if the plan needs a host rule the registry lacks
   */
  public static CompPlan bundled(String name) {
    return bundled(name, RuleRegistry.discovered());
  }

  /**
   * Loads an example plan shipped in this jar whose host rules come from {@code rules}.
   *
   * @param name one of {@link #bundledNames()}, with or without {@code .json}
   * @throws IllegalArgumentException if no plan has that name; the message lists the bundled ones
   * @throws ValidationException if the plan needs a host rule the registry lacks
   */
  public static CompPlan bundled(String name, RuleRegistry rules) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * The JSON text of an example plan shipped in this jar, to copy as a starting point.
   *
   * @param name one of {@link #bundledNames()}, with or without {@code .json}
   * @throws IllegalArgumentException if no plan has that name; the message lists the bundled ones
   */
  public static String bundledText(String name) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
