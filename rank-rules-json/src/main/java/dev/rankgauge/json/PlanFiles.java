package dev.rankgauge.json;

import dev.rankgauge.CompPlan;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.Subject;
import dev.rankgauge.ValidationException;
import dev.rankgauge.Problem;
import dev.rankgauge.json.internal.Json;
import dev.rankgauge.json.internal.PlanReader;
import dev.rankgauge.json.internal.ToJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
  public static final int MAX_FILE_BYTES = Json.MAX_DOCUMENT;
  /** The deepest nesting of arrays and objects read. */
  public static final int MAX_NESTING = Json.MAX_NESTING;

  private static final List<String> BUNDLED =
      List.of("binary", "doterra", "hybrid", "hybrid-bv", "matrix", "scentsy", "seed",
          "sponsor-four-silvers", "young-living");

  private PlanFiles() {}

  /**
   * Loads a plan file, with the host rules that {@link RuleRegistry#discovered()} finds.
   *
   * @param file the plan file
   * @return the plan
   * @throws ValidationException listing every problem of the plan, each with its location
   * @throws PlanFileException (an {@link UncheckedIOException}) if the file cannot be read
   */
  public static CompPlan load(Path file) {
    return load(file, RuleRegistry.discovered());
  }

  /**
   * Loads a plan file whose host rules come from {@code rules}.
   *
   * @param file the plan file
   * @param rules the host rules the plan may use
   * @return the plan
   * @throws ValidationException listing every problem of the plan, each with its location
   * @throws PlanFileException (an {@link UncheckedIOException}) if the file cannot be read
   */
  public static CompPlan load(Path file, RuleRegistry rules) {
    Objects.requireNonNull(rules, "rules");
    return orThrow(read(file, rules, PlanReader.Steps.LOAD), sourceName(file));
  }

  /**
   * Loads a plan from a reader, which is read to its end and not closed.
   *
   * @param sourceName how locations name the source, such as a file name
   * @param reader the JSON; read to its end and not closed
   * @param rules the host rules the plan may use
   * @return the plan
   * @throws ValidationException listing every problem of the plan, each with its location
   * @throws PlanFileException (an {@link UncheckedIOException}) if the reader fails
   */
  public static CompPlan load(Reader reader, String sourceName, RuleRegistry rules) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(rules, "rules");
    try {
      char[] buf = new char[8192];
      StringBuilder sb = new StringBuilder();
      for (int n; (n = reader.read(buf)) >= 0; ) {
        sb.append(buf, 0, n);
        if (sb.length() > MAX_FILE_BYTES) {
          return orThrow(PlanReader.tooLarge(sourceName), sourceName);
        }
      }
      return orThrow(PlanReader.read(sb.toString(), sourceName, rules, PlanReader.Steps.LOAD),
          sourceName);
    } catch (IOException e) {
      throw new PlanFileException("plan.cannotRead", sourceName, e.getMessage(), e);
    }
  }

  /**
   * Loads a plan from a stream of UTF-8 (or UTF-16/32, detected) JSON, which is read to its end
   * and not closed.
   *
   * @param sourceName how locations name the source, such as a file name
   * @param in the JSON; read to its end and not closed
   * @param rules the host rules the plan may use
   * @return the plan
   * @throws ValidationException listing every problem of the plan, each with its location
   * @throws PlanFileException (an {@link UncheckedIOException}) if the stream fails
   */
  public static CompPlan load(InputStream in, String sourceName, RuleRegistry rules) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(rules, "rules");
    try {
      return orThrow(PlanReader.read(in.readNBytes(MAX_FILE_BYTES + 1), sourceName, rules,
          PlanReader.Steps.LOAD), sourceName);
    } catch (IOException e) {
      throw new PlanFileException("plan.cannotRead", sourceName, e.getMessage(), e);
    }
  }

  /**
   * Checks a plan file for a plan review. Never throws for a bad plan or an unreadable file: every
   * problem (a missing file among them) and every warning is in the result.
   *
   * @param file the plan file
   * @param rules the host rules the plan may use
   * @return the problems and warnings found, and the plan when there are no problems
   */
  public static PlanCheck check(Path file, RuleRegistry rules) {
    Objects.requireNonNull(rules, "rules");
    PlanReader.Result r;
    try {
      r = read(file, rules, PlanReader.Steps.ALL);
    } catch (UncheckedIOException e) {
      return new PlanCheck(Optional.empty(), List.of(Problem.of(Subject.NONE, sourceName(file),
          "dev.rankgauge.json.Problems", "plan.unreadable", String.valueOf(e.getCause()))),
          List.of());
    }
    return new PlanCheck(r.plan(), r.problems(), r.warnings());
  }

  /**
   * The plan as a JSON document, indented, ending in a newline. Loading it gives a plan equal to
   * {@code plan}: the text is loaded back before it is returned. A plan that no plan file can hold
   * is refused up front, listing why: plan files also require gauge thresholds that never fall up
   * the ladder, a known ISO 4217 currency and volumes with at most six decimals, which
   * {@link CompPlan.Builder#build()} does not check.
   *
   * @param plan the plan to write
   * @return the plan as a JSON document, indented, ending in a newline
   * @throws ValidationException if no plan file can hold the plan; each problem is located in
   *     the text that would have been written
   */
  public static String write(CompPlan plan) {
    return ToJson.write(Objects.requireNonNull(plan, "plan"));
  }

  /**
   * Writes the plan as a JSON document in UTF-8, replacing the file.
   *
   * @param plan the plan to write
   * @param file the file to write; replaced if it exists
   * @throws PlanFileException (an {@link UncheckedIOException}) if the file cannot be written
   */
  public static void write(CompPlan plan, Path file) {
    String json = write(plan);
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlanFileException("plan.cannotWrite", file.toString(), e.getMessage(), e);
    }
  }

  /**
   * {@return the names of the example plans shipped in this jar, such as {@code doterra}, sorted}
   */
  public static List<String> bundledNames() {
    return BUNDLED;
  }

  /**
   * Loads an example plan shipped in this jar, with the host rules that
   * {@link RuleRegistry#discovered()} finds.
   *
   * @param name one of {@link #bundledNames()}, with or without {@code .json}
   * @return the plan
   * @throws UnknownPlanException (an {@link IllegalArgumentException}) if no plan has that
   *     name; the message lists the bundled ones, in English and Spanish
   * @throws ValidationException if the plan needs a host rule the registry lacks
   */
  public static CompPlan bundled(String name) {
    return bundled(name, RuleRegistry.discovered());
  }

  /**
   * Loads an example plan shipped in this jar whose host rules come from {@code rules}.
   *
   * @param name one of {@link #bundledNames()}, with or without {@code .json}
   * @param rules the host rules the plan may use
   * @return the plan
   * @throws UnknownPlanException (an {@link IllegalArgumentException}) if no plan has that
   *     name; the message lists the bundled ones, in English and Spanish
   * @throws ValidationException if the plan needs a host rule the registry lacks
   */
  public static CompPlan bundled(String name, RuleRegistry rules) {
    Objects.requireNonNull(rules, "rules");
    String file = bundledFile(name);
    // Valid against the schema (BundledPlansTest), so loaded without the schema pass.
    return orThrow(PlanReader.read(bundledBytes(file), file, rules, PlanReader.Steps.BUNDLED),
        file);
  }

  /**
   * The JSON text of an example plan shipped in this jar, to copy as a starting point.
   *
   * @param name one of {@link #bundledNames()}, with or without {@code .json}
   * @return the JSON text of an example plan shipped in this jar, to copy as a starting point
   * @throws UnknownPlanException (an {@link IllegalArgumentException}) if no plan has that
   *     name; the message lists the bundled ones, in English and Spanish
   */
  public static String bundledText(String name) {
    return new String(bundledBytes(bundledFile(name)), StandardCharsets.UTF_8);
  }

  private static String bundledFile(String name) {
    Objects.requireNonNull(name, "name");
    String bare = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    if (!BUNDLED.contains(bare)) {
      throw UnknownPlanException.of(name, bare, BUNDLED);
    }
    return bare + ".json";
  }

  private static byte[] bundledBytes(String file) {
    try (InputStream in = PlanFiles.class.getResourceAsStream("plans/" + file)) {
      if (in == null) {
        throw new IllegalStateException("bundled plan " + file + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PlanReader.Result read(Path file, RuleRegistry rules, PlanReader.Steps steps) {
    Objects.requireNonNull(file, "file");
    String source = sourceName(file);
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return PlanReader.tooLarge(source);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return PlanReader.read(in.readNBytes(MAX_FILE_BYTES + 1), source, rules, steps);
      }
    } catch (IOException e) {
      throw new PlanFileException("plan.cannotReadFile", file.toString(), e.toString(), e);
    }
  }

  /** Locations name the file as given, so that an editor or terminal can jump to it. */
  private static String sourceName(Path file) {
    return file.toString();
  }

  private static CompPlan orThrow(PlanReader.Result r, String source) {
    if (!r.problems().isEmpty()) {
      throw new ValidationException("dev.rankgauge.json.Problems",
          Problem.Part.of("input.plan", source), r.problems());
    }
    return r.plan().orElseThrow();
  }
}
