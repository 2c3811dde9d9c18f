package dev.rankgauge.testkit;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Problem;
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
    } catch (NoFiles e) {
      out.add(new ScenarioReport.Outcome(dir, dir.toString(), "",
          text(Reports.say("outcome.scenarioFiles")), Optional.of(text(e.reason))));
      return new ScenarioReport(out);
    }
    for (Path f : files) {
      Prepared p = new Prepared(f, reader);
      if (p.failure != null) {
        out.add(new ScenarioReport.Outcome(f, p.name(), "",
            text(Reports.say("outcome.scenarioFile")), Optional.of(p.failure)));
        continue;
      }
      for (Expectation x : p.scenario.expectations()) {
        out.add(new ScenarioReport.Outcome(f, p.name(), x.distributorId(), text(x.name()),
            p.check(x)));
      }
    }
    return new ScenarioReport(out);
  }

  /** A sentence of the reports' bundle as a report's text. */
  static ScenarioReport.Text text(Problem p) {
    return ScenarioReport.Text.of(p::message);
  }

  /** Why there are no scenario files to run: English in its message, any language in reason. */
  static final class NoFiles extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The reason in the reports' words. */
    final transient Problem reason;

    NoFiles(Problem reason, Throwable cause) {
      super(reason.message(), cause);
      this.reason = reason;
    }
  }

  /**
   * The scenario files under a folder, sorted by path; the path itself if it is a file.
   *
   * @throws NoFiles if there is no such folder, it holds no scenario file or it cannot be listed
   */
  static List<Path> files(Path dir) {
    if (Files.isRegularFile(dir)) {
      return List.of(dir);
    }
    if (!Files.isDirectory(dir)) {
      throw new NoFiles(Reports.say("files.noFolder", dir.toAbsolutePath().toString()), null);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new NoFiles(Reports.say("files.cannotList", dir.toString(), e.toString()), e);
    }
    if (files.isEmpty()) {
      throw new NoFiles(Reports.say("files.none", dir.toAbsolutePath().toString()), null);
    }
    return files;
  }

  /** The problems of an input rejected whole, in a language, as the exception lists them. */
  static String invalid(ValidationException e, java.util.Locale l) {
    return e.message(l);
  }

  /**
   * One file read, and its evaluation once asked for. Thread-safe: JUnit may run the dynamic
   * tests of one file in parallel.
   */
  static final class Prepared {
    final Path file;
    final Scenario scenario;
    /** Why the file cannot be checked, or null. */
    final ScenarioReport.Text failure;
    private Evaluation evaluation;
    private ScenarioReport.Text evaluationFailure;
    /** The distributors whose trace a failure has shown, with that expectation's line. */
    private final Map<String, Integer> traceShown = new HashMap<>();

    Prepared(Path file, ScenarioReader reader) {
      this.file = file;
      Scenario s = null;
      ScenarioReport.Text f = null;
      try {
        s = reader.read(file);
      } catch (ValidationException e) {
        f = ScenarioReport.Text.of(l -> Reports.say("failure.unreadable", file.toString(), "")
            .message(l) + invalid(e, l));
      } catch (UncheckedIOException e) {
        Problem why = Reports.say("failure.unreadable", file.toString(),
            String.valueOf(e.getCause()));
        f = text(why);
      }
      this.scenario = s;
      this.failure = f;
    }

    String name() {
      return scenario != null ? scenario.name() : file.getFileName().toString();
    }

    /** The subject of a failure: the file and the expectation's line, the scenario's name. */
    Problem subject(Expectation x) {
      return Reports.say("failure.subject", file.toString(), String.valueOf(x.line()), name());
    }

    /**
     * The failure message, empty when the evaluation meets the expectation. A distributor's
     * trace is shown with its first failure only; later ones name that failure's line.
     */
    synchronized Optional<ScenarioReport.Text> check(Expectation x) {
      if (evaluation == null && evaluationFailure == null) {
        try {
          evaluation = scenario.evaluate();
        } catch (ValidationException e) {
          evaluationFailure = ScenarioReport.Text.of(l -> Reports.say("failure.evaluation",
              file.toString(), name(), "").message(l) + invalid(e, l));
        } catch (RuntimeException e) {
          evaluationFailure = text(Reports.say("failure.evaluation", file.toString(), name(),
              String.valueOf(e.getMessage())));
        }
      }
      if (evaluationFailure != null) {
        return Optional.of(evaluationFailure);
      }
      return x.check().apply(evaluation).map(m -> {
        Integer shownAt = m.trace().isPresent()
            ? traceShown.putIfAbsent(m.distributorId(), x.line()) : null;
        Problem subject = subject(x);
        Problem elsewhere = shownAt == null ? null
            : Reports.say("mismatch.traceShownAt", String.valueOf(shownAt));
        return ScenarioReport.Text.of(l -> m.render(subject.message(l), elsewhere, l));
      });
    }
  }
}
