package dev.rankgauge.examples.cli;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanCheck;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The command-line back office: {@code java -jar rankgauge.jar evaluate|explain|validate|generate}.
 *
 * <p>Exit codes: 0 success, 1 a failure at run time (bad data or plan, a file that cannot be read
 * or written, an unknown distributor), 2 a usage error (an unknown or missing option, a value that
 * does not parse). Every failure prints a one-line reason on stderr, starting with the command;
 * bad input rows follow it, one per line as {@code file:line:column: reason}.
 */
@Command(name = "rankgauge",
    mixinStandardHelpOptions = true,
    versionProvider = RankGaugeCli.Version.class,
    description = "Where every distributor stands in a compensation plan: the gas gauge back office.",
    subcommands = {EvaluateCommand.class, ExplainCommand.class, ValidateCommand.class,
        GenerateCommand.class, TestCommand.class, CommandLine.HelpCommand.class})
public final class RankGaugeCli implements Callable<Integer> {
  /** Exit code of a failure at run time. */
  public static final int FAILED = 1;
  /** Exit code of a usage error. */
  public static final int USAGE = 2;

  private final RuleRegistry rules;
  private final Map<String, Supplier<CompPlan>> builtIn;

  @Spec
  CommandSpec spec;

  /** A CLI whose plan files may use every host rule the class path provides. */
  public RankGaugeCli() {
    this(RuleRegistry.discovered());
  }

  /** A CLI whose plan files may use the host rules of {@code rules}. */
  public RankGaugeCli(RuleRegistry rules) {
    this(rules, Map.of());
  }

  /**
   * A CLI where the {@code --plan} names in {@code builtIn} stand for plans built in Java, ahead of
   * plan files: for tests, and for hosts that keep their plan in code.
   */
  RankGaugeCli(RuleRegistry rules, Map<String, Supplier<CompPlan>> builtIn) {
    this.rules = rules;
    this.builtIn = Map.copyOf(builtIn);
  }

  /** The host rules plan files may use. */
  RuleRegistry rules() {
    return rules;
  }

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine(new RankGaugeCli()).execute(args));
  }

  /**
   * The command line with this project's error handling: a one-line reason on stderr and the
   * exit codes above. Tests call {@link CommandLine#execute} on it with their own out and err.
   */
  public static CommandLine commandLine(RankGaugeCli cli) {
    CommandLine cl = new CommandLine(cli);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(RankGaugeCli::failed);
    cl.setParameterExceptionHandler(RankGaugeCli::misused);
    return cl;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  /** Loads {@code --plan}: a plan file, or the name of a plan bundled with RankGauge. */
  CompPlan plan(String plan) {
    if (builtIn.containsKey(plan)) {
      return builtIn.get(plan).get();
    }
    Path file = Path.of(plan);
    if (Files.exists(file)) {
      return PlanFiles.load(file, rules);
    }
    List<String> bundled = PlanFiles.bundledNames();
    String name = plan.endsWith(".json") ? plan.substring(0, plan.length() - 5) : plan;
    if (bundled.contains(name)) {
      return PlanFiles.bundled(name, rules);
    }
    throw new Failure("no plan file " + plan + " (bundled plans: " + String.join(", ", bundled)
        + ")");
  }

  /** Checks {@code --plan} for {@code validate}. */
  PlanCheck check(String plan) {
    Path file = Path.of(plan);
    if (Files.exists(file)) {
      return PlanFiles.check(file, rules);
    }
    String name = plan.endsWith(".json") ? plan.substring(0, plan.length() - 5) : plan;
    if (PlanFiles.bundledNames().contains(name)) {
      Path copy = bundledCopy(name);
      PlanCheck c = PlanFiles.check(copy, rules);
      return new PlanCheck(c.plan(), renamed(c.problems(), copy, name + ".json"),
          renamed(c.warnings(), copy, name + ".json"));
    }
    return PlanFiles.check(file, rules);
  }

  /** Problems located in {@code file} located in {@code name} instead. */
  private static List<Problem> renamed(List<Problem> problems, Path file, String name) {
    return problems.stream().map(p -> new Problem(p.location().replace(file.toString(), name),
        p.message())).toList();
  }

  /**
   * A bundled plan's text in a temporary file, so that checking it gives line and column
   * (PlanFiles.check reads paths only).
   */
  private static Path bundledCopy(String name) {
    try {
      Path dir = Files.createTempDirectory("rankgauge-plan");
      Path file = dir.resolve(name + ".json");
      Files.writeString(file, PlanFiles.bundledText(name));
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int failed(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String who = cmd.getCommandSpec().qualifiedName() + ": ";
    if (ex instanceof ValidationException) {
      ValidationException v = (ValidationException) ex;
      err.println(who + firstLine(v.getMessage()));
      for (Problem p : v.problems()) {
        err.println(p);
      }
    } else if (ex instanceof Failure) {
      err.println(who + ex.getMessage());
    } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      err.println(who + describe(ex instanceof UncheckedIOException ? ex.getCause() : ex));
    } else {
      err.println(who + "internal error: " + ex
          + (debug() ? "" : " (set RANKGAUGE_DEBUG=1 for the stack trace)"));
      if (debug()) {
        ex.printStackTrace(err);
      }
    }
    err.flush();
    return FAILED;
  }

  private static boolean debug() {
    return System.getenv("RANKGAUGE_DEBUG") != null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).stripTrailing();
  }

  /** An I/O failure in words, naming the file. */
  static String describe(Throwable e) {
    if (e instanceof NoSuchFileException) {
      NoSuchFileException n = (NoSuchFileException) e;
      return "no such file or folder: " + n.getFile()
          + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
    } else if (e instanceof AccessDeniedException) {
      return "permission denied: " + ((AccessDeniedException) e).getFile();
    } else if (e instanceof FileAlreadyExistsException) {
      return "already exists: " + ((FileAlreadyExistsException) e).getFile();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static int misused(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + ex.getMessage());
    err.println(String.format(Locale.ROOT, "Try '%s --help' for more information.", name));
    err.flush();
    return USAGE;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RankGaugeCli.class.getPackage().getImplementationVersion();
      return new String[] {"rankgauge " + (v == null ? "(development build)" : v),
          "Java " + System.getProperty("java.version")};
    }
  }
}
