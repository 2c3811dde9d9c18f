package dev.rankgauge.testkit;

import dev.rankgauge.Evaluation;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs scenario files without JUnit, for a command line or a build step:
 *
 * <pre>{@code
 * ScenarioReport report = ScenarioRunner.run(Path.of("scenarios"));
 * System.out.print(report.format());
 * System.exit(report.successful() ? 0 : 1);
 * }</pre>
 *
 * <p>Every {@code *.json} file in the folder and its subfolders is a scenario (keep plan files
 * outside it), run in path order. A file that cannot be read, names a plan that cannot be loaded,
 * or cannot be evaluated gives one failed outcome listing every problem; the other files still
 * run. Messages are those of {@link ScenarioTests}. This class is thread-safe.
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /**
   * Runs every scenario file under {@code dir} (or the one file, if {@code dir} is a file), with
   * the host rules {@link RuleRegistry#discovered()} finds. Never throws for a bad scenario: see
   * {@link ScenarioReport#successful()}.
   *
   * @param dir a folder of scenario files (searched recursively), or one scenario file
   * @return the report of every scenario
   */
  public static ScenarioReport run(Path dir) {
    return run(dir, RuleRegistry.discovered());
  }

  /**
   * Runs every scenario file under {@code dir}, with the given host rules.
   *
   * @param dir a folder of scenario files (searched recursively), or one scenario file
   * @param rules the host rules the plan may use
   * @return the report of every scenario
   */
  public static ScenarioReport run(Path dir, RuleRegistry rules) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(rules, "rules");
    return run(dir, new ScenarioReader(rules));
  }

  static ScenarioReport run(Path dir, ScenarioReader reader) {
    List<ScenarioReport.Outcome> out = new ArrayList<>();
    List<Path> files;
    try {
      files = files(dir);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      out.add(new ScenarioReport.Outcome(dir, dir.toString(), "", "scenario files",
          Optional.of(e.getMessage())));
      return new ScenarioReport(out);
    }
    for (Path f : files) {
      Prepared p = new Prepared(f, reader);
      if (p.failure != null) {
        out.add(new ScenarioReport.Outcome(f, p.name(), "", "scenario file",
            Optional.of(p.failure)));
        continue;
      }
      for (Expectation x : p.scenario.expectations()) {
        out.add(new ScenarioReport.Outcome(f, p.name(), x.distributorId(), x.name(),
            p.check(x)));
      }
    }
    return new ScenarioReport(out);
  }

  /**
   * The scenario files under a folder, sorted by path; the path itself if it is a file.
   *
   * @throws IllegalArgumentException if there is no such folder or it holds no scenario file
   * @throws UncheckedIOException if the folder cannot be listed
   */
  static List<Path> files(Path dir) {
    if (Files.isRegularFile(dir)) {
      return List.of(dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no scenario folder " + dir.toAbsolutePath());
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list scenario folder " + dir + ": " + e, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no scenario files (*.json) in " + dir.toAbsolutePath());
    }
    return files;
  }

  /**
   * One file read, and its evaluation once asked for. Thread-safe: JUnit may run the dynamic
   * tests of one file in parallel.
   */
  static final class Prepared {
    final Path file;
    final Scenario scenario;
    /** Why the file cannot be checked, or null. */
    final String failure;
    private Evaluation evaluation;
    private String evaluationFailure;
    /** The distributors whose trace a failure has shown, with that expectation's line. */
    private final Map<String, Integer> traceShown = new HashMap<>();

    Prepared(Path file, ScenarioReader reader) {
      this.file = file;
      Scenario s = null;
      String f = null;
      try {
        s = reader.read(file);
      } catch (ValidationException | UncheckedIOException e) {
        f = "scenario " + file + " cannot be read: " + e.getMessage();
      }
      this.scenario = s;
      this.failure = f;
    }

    String name() {
      return scenario != null ? scenario.name() : file.getFileName().toString();
    }

    /** The subject of a failure: the file and the expectation's line, the scenario's name. */
    String subject(Expectation x) {
      return "scenario " + file + ":" + x.line() + " (" + name() + "): ";
    }

    /**
     * The failure message, empty when the evaluation meets the expectation. A distributor's
     * trace is shown with its first failure only; later ones name that failure's line.
     */
    synchronized Optional<String> check(Expectation x) {
      if (evaluation == null && evaluationFailure == null) {
        try {
          evaluation = scenario.evaluate();
        } catch (RuntimeException e) {
          evaluationFailure = "scenario " + file + " (" + name() + "): evaluation failed: "
              + e.getMessage();
        }
      }
      if (evaluationFailure != null) {
        return Optional.of(evaluationFailure);
      }
      return x.check().apply(evaluation).map(m -> {
        Integer shownAt = m.trace().isPresent()
            ? traceShown.putIfAbsent(m.distributorId(), x.line()) : null;
        return m.render(subject(x), shownAt == null ? null
            : "shown with the failure of line " + shownAt);
      });
    }
  }
}
