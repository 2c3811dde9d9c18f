package dev.rankgauge.examples.cli;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanCheck;
import dev.rankgauge.json.PlanFiles;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
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
    description = "Where every distributor stands in a compensation plan: the gas gauge back office.")
public final class RankGaugeCli implements Callable<Integer> {
  /**
   * The commands, in the order help lists them. Added in {@link #commandLine(RankGaugeCli)}
   * rather than by the annotation's {@code subcommands}, so that a run that names its command
   * builds only that command's model ({@link #commandLine(RankGaugeCli, String...)}): picocli
   * builds each by reflection, which took about a tenth of a second of every start. In a class
   * of their own, so that the classes are loaded only when every command is built, after the
   * plan has started loading, and only those the run needs.
   */
  private static final class Commands {
    private Commands() {}

    /** Every command. */
    static List<Class<?>> all() {
      return List.of(EvaluateCommand.class, ExplainCommand.class, AdviseCommand.class,
          ProjectCommand.class, CloseCommand.class, WhatIfCommand.class, ReplayCommand.class,
          ServeCommand.class, ValidateCommand.class, GenerateCommand.class, TestCommand.class,
          CommandLine.HelpCommand.class);
    }

    /** The command named {@code name}, one of {@link #COMMAND_NAMES}. */
    static Class<?> named(String name) {
      switch (name) {
        case "evaluate": return EvaluateCommand.class;
        case "explain": return ExplainCommand.class;
        case "advise": return AdviseCommand.class;
        case "project": return ProjectCommand.class;
        case "close": return CloseCommand.class;
        case "what-if": return WhatIfCommand.class;
        case "replay": return ReplayCommand.class;
        case "serve": return ServeCommand.class;
        case "validate": return ValidateCommand.class;
        case "generate": return GenerateCommand.class;
        case "test": return TestCommand.class;
        default: throw new IllegalArgumentException(name);
      }
    }
  }

  /** The names of the commands but help, as {@code @Command} gives them. */
  private static final List<String> COMMAND_NAMES = List.of("evaluate", "explain", "advise",
      "project", "close", "what-if", "replay", "serve", "validate", "generate", "test");

  /** The commands that load their {@code --plan} with {@link #plan(String)}. */
  private static final List<String> LOADING_A_PLAN = List.of("evaluate", "explain", "advise",
      "project", "close", "what-if", "replay", "serve", "generate");

  /** Exit code of a failure at run time. */
  public static final int FAILED = 1;
  /** Exit code of a usage error. */
  public static final int USAGE = 2;

  /** The host rules given, or null until those the class path provides are first needed. */
  private RuleRegistry rules;
  private final Map<String, Supplier<CompPlan>> builtIn;
  private Path rulesFolder;
  private RuleRegistry withJars;
  /** The plan being loaded ahead, on a thread of its own, or null. */
  private volatile Ahead ahead;
  /** The data folder being read ahead ({@code evaluate}), on threads of its own, or null. */
  private volatile ReadAhead readAhead;

  @Spec
  CommandSpec spec;

  /**
   * A CLI whose plan files may use every host rule the class path provides, looked for when a
   * plan is first loaded (a run that loads none does not search the class path).
   */
  public RankGaugeCli() {
    this(null, Map.of());
  }

  /** A CLI whose plan files may use the host rules of {@code rules}. */
  public RankGaugeCli(RuleRegistry rules) {
    this(java.util.Objects.requireNonNull(rules, "rules"), Map.of());
  }

  /**
   * A CLI where the {@code --plan} names in {@code builtIn} stand for plans built in Java, ahead of
   * plan files: for tests, and for hosts that keep their plan in code.
   */
  RankGaugeCli(RuleRegistry rules, Map<String, Supplier<CompPlan>> builtIn) {
    this.rules = rules;
    this.builtIn = Map.copyOf(builtIn);
  }

  /**
   * {@code --rules DIR}: a folder of jars holding host rules, found through their
   * {@code META-INF/services/dev.rankgauge.spi.RuleFactory}. Given before or after the command.
   */
  @Option(names = "--rules", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "A folder of jars with host rules (RuleFactory services) that plan files"
          + " may use, besides those on the class path.")
  void rulesFolder(Path dir) {
    this.rulesFolder = dir;
    this.withJars = null;
  }

  /** The languages the views and results speak, by language tag. */
  static final List<String> LANGUAGES = List.of("en", "es");

  private Locale locale = Locale.ENGLISH;

  /**
   * {@code --locale TAG}: the language of the gas gauge view (text and html), of the trace and of
   * the texts for people in csv and json results, with numbers and dates formatted for it, and of
   * the command line's own messages ({@link CliTexts}). English by default,
   * whatever the machine's locale, so output does not change from one machine to the next.
   */
  @Option(names = "--locale", paramLabel = "TAG", scope = ScopeType.INHERIT,
      description = "The language of views, traces, results and messages: en (the default) or"
          + " es; a tag such as es-MX also sets the number format.")
  void locale(String tag) {
    Locale l = Locale.forLanguageTag(tag.strip());
    if (tag.isBlank() || !LANGUAGES.contains(l.getLanguage())) {
      throw new ParameterException(spec.commandLine(), "--locale: found '" + tag
          + "'; expected one of: " + String.join(", ", LANGUAGES)
          + " (or a tag such as es-MX)" + Suggest.didYouMean(tag, LANGUAGES));
    }
    this.locale = l;
  }

  /** The language asked for with {@code --locale}, English by default. */
  Locale locale() {
    return locale;
  }

  /** The host rules plan files may use: those given, plus those of the {@code --rules} jars. */
  RuleRegistry rules() {
    if (rulesFolder == null) {
      return given();
    }
    if (withJars == null) {
      withJars = RuleJars.load(rulesFolder, given());
    }
    return withJars;
  }

  /** The host rules given, or those the class path provides; shared with the plan loaded ahead. */
  private synchronized RuleRegistry given() {
    if (rules == null) {
      rules = RuleRegistry.discovered();
    }
    return rules;
  }

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    CommandLine cl = commandLine(new RankGaugeCli(), args);
    // Straight to the file descriptor, not through System.out: a PrintStream swallows write
    // errors, so a full disk or a closed pipe would pass for success.
    cl.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), stdoutCharset()), 1 << 16), true));
    System.exit(execute(cl, args));
  }

  private static Charset stdoutCharset() {
    String name = System.getProperty("sun.stdout.encoding");
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }

  /**
   * Runs {@code cl} with {@code args} and returns the exit code. Running out of memory, or any
   * other error of the JVM, ends in one line on stderr saying what ran out and what to do, and
   * exit code 1, never a stack trace.
   */
  public static int execute(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (Error e) {
      return jvmFailed(e, cl.getErr(), "rankgauge: ", () -> CliTexts.of(args));
    }
  }

  private static int jvmFailed(Error e, PrintWriter err, String who,
      java.util.function.Supplier<CliTexts> texts) {
    try {
      err.println(who + jvmError(e, texts.get()));
      if (debug()) {
        e.printStackTrace(err);
      }
      err.flush();
    } catch (Error again) {
      // Still out of memory: the exit code must do.
    }
    return FAILED;
  }

  /**
   * What ran out, or what failed, and what to do about it, in one line in the language of
   * {@code texts}; the JVM's own words (such as "Java heap space") as they are.
   */
  static String jvmError(Error e, CliTexts texts) {
    if (e instanceof OutOfMemoryError) {
      return Memory.advice(e.getMessage() == null ? "Java heap space" : e.getMessage(), texts);
    }
    if (e instanceof StackOverflowError) {
      return texts.get("jvm.stack");
    }
    return (e.getMessage() == null ? texts.get("jvm.failed", e.getClass().getSimpleName())
        : texts.get("jvm.failedWhy", e.getClass().getSimpleName(), e.getMessage()))
        + (debug() ? "" : texts.get("jvm.report"));
  }

  /**
   * The command line with this project's error handling: a one-line reason on stderr and the
   * exit codes above. Tests call {@link CommandLine#execute} on it with their own out and err.
   */
  public static CommandLine commandLine(RankGaugeCli cli) {
    return configured(cli, Commands.all());
  }

  /**
   * The command line for running {@code args}, as {@link #commandLine(RankGaugeCli)} but quicker
   * to start: where the arguments plainly name a command (only {@code --rules} or
   * {@code --locale} before it), only that command's model is built; any other arguments (help,
   * a misspelt command, an argument file) get every command. And the plan that
   * {@code --plan} names starts loading on a thread of its own, while picocli reads the
   * arguments, unless {@code --rules} is given (its jars are loaded when the command runs).
   * What the run prints and returns is the same either way.
   */
  public static CommandLine commandLine(RankGaugeCli cli, String... args) {
    String command = commandNamed(args);
    if (command != null && LOADING_A_PLAN.contains(command)) {
      cli.loadAhead(args);
      if (command.equals("evaluate")) {
        cli.readAhead(args);
      }
    }
    return configured(cli, command == null ? Commands.all() : List.of(Commands.named(command)));
  }

  /**
   * The command {@code args} name, when nothing but {@code --rules} and {@code --locale} with
   * their values comes before it; null for anything else (then every command is built, and
   * picocli decides).
   */
  static String commandNamed(String... args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--rules=") || a.startsWith("--locale=")) {
        continue;
      }
      if (a.equals("--rules") || a.equals("--locale")) {
        String value = i + 1 < args.length ? args[i + 1] : "-";
        if (value.startsWith("-") || value.startsWith("@") || COMMAND_NAMES.contains(value)
            || value.equals("help")) {
          // picocli takes neither an option nor a command for the value: leave it to picocli.
          return null;
        }
        i++;
        continue;
      }
      return COMMAND_NAMES.contains(a) ? a : null;
    }
    return null;
  }

  /** Starts loading the plan {@code --plan} names in {@code args} on a daemon thread. */
  private void loadAhead(String... args) {
    String plan = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--rules") || a.startsWith("--rules=") || a.startsWith("@")) {
        return;
      }
      if (a.equals("--plan") && i + 1 < args.length) {
        plan = args[i + 1];
      } else if (a.startsWith("--plan=")) {
        plan = a.substring("--plan=".length());
      }
    }
    if (plan == null) {
      return;
    }
    Ahead loading = new Ahead(plan);
    Thread t = new Thread(loading, "rankgauge-plan");
    t.setDaemon(true);
    ahead = loading;
    t.start();
  }

  /**
   * Starts reading the folder {@code --data} names in {@code args} ({@link ReadAhead}), when the
   * plan loads ahead and the run speaks English (no {@code --locale}), keeping the contact
   * details that {@code evaluate} with these arguments shows
   * ({@link EvaluateCommand#contacts}).
   */
  private void readAhead(String... args) {
    Ahead plan = ahead;
    if (plan == null) {
      return;
    }
    String data = null;
    String format = null;
    boolean distributor = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--locale")) {
        return;
      }
      if (a.equals("--data") && i + 1 < args.length) {
        data = args[i + 1];
      } else if (a.startsWith("--data=")) {
        data = a.substring("--data=".length());
      } else if (a.equals("--format") && i + 1 < args.length) {
        format = args[i + 1];
      } else if (a.startsWith("--format=")) {
        format = a.substring("--format=".length());
      } else if (a.equals("--distributor") || a.startsWith("--distributor=")) {
        distributor = true;
      }
    }
    if (data == null) {
      return;
    }
    EvaluateCommand.Format f = null;
    for (EvaluateCommand.Format k : EvaluateCommand.Format.values()) {
      if (k.name().equalsIgnoreCase(format)) {
        f = k;
      }
    }
    // A format picocli would refuse: all of them, though the run will not get that far.
    CsvOrganisation.Contacts contacts = format != null && f == null
        ? CsvOrganisation.Contacts.ALL : EvaluateCommand.contacts(f, distributor);
    try {
      readAhead = ReadAhead.start(Path.of(data), plan::get, contacts);
    } catch (InvalidPathException e) {
      // picocli reports it.
    }
  }

  /**
   * The progress of a run reading {@code data}, on {@code err} in the language of
   * {@code --locale}: that of the read ahead if it reads {@code data} (its lines shown from when
   * the command takes the organisation, {@link #organisation}).
   */
  Progress progress(PrintWriter err, Path data) {
    ReadAhead r = readAhead;
    if (r != null && r.dir.equals(data) && r.progress.locale().equals(locale)) {
      r.showOn(err);
      return r.progress;
    }
    return Progress.to(err, locale);
  }

  /** Whether a data folder is being read ahead and no command has taken it yet (for tests). */
  boolean readingAhead() {
    return readAhead != null;
  }

  /** The contact details the read ahead keeps, or null if there is none (for tests). */
  CsvOrganisation.Contacts contactsReadAhead() {
    ReadAhead r = readAhead;
    return r == null ? null : r.contacts;
  }

  /** Whether {@code progress} is that of the read ahead, which tells the plan loaded itself. */
  boolean readsAhead(Progress progress) {
    ReadAhead r = readAhead;
    return r != null && r.progress == progress;
  }

  /**
   * The organisation of {@code data} for the plan {@code p} with the contact details
   * {@code contacts}: read ahead if {@code progress} is the read ahead's ({@link #progress}),
   * else read now.
   */
  Organisation organisation(Path data, CompPlan p, Progress progress,
      CsvOrganisation.Contacts contacts) throws IOException {
    ReadAhead r = readAhead;
    if (r != null && r.progress == progress) {
      readAhead = null;
      return r.take(data, p, contacts);
    }
    return CsvOrganisation.read(data, p, progress, contacts);
  }

  /** A plan loaded on a thread of its own: its plan or what loading it threw. */
  private final class Ahead implements Runnable {
    final String plan;
    private final java.util.concurrent.CountDownLatch done =
        new java.util.concurrent.CountDownLatch(1);
    private CompPlan loaded;
    private Throwable failed;

    Ahead(String plan) {
      this.plan = plan;
    }

    @Override
    public void run() {
      try {
        loaded = load(plan, given());
      } catch (Throwable t) {
        failed = t;
      } finally {
        done.countDown();
      }
    }

    /** The plan, or what loading it threw, thrown again as it was. */
    CompPlan get() {
      ReadAhead.await(done);
      if (failed instanceof RuntimeException r) {
        throw r;
      }
      if (failed instanceof Error e) {
        throw e;
      }
      if (failed != null) {
        throw new IllegalStateException(failed);
      }
      return loaded;
    }
  }

  private static CommandLine configured(RankGaugeCli cli, List<Class<?>> commands) {
    CommandLine cl = new CommandLine(cli);
    for (Class<?> c : commands) {
      cl.addSubcommand(c);
    }
    // Settings after the commands: picocli gives them only to the commands already added.
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // A path the file system cannot take (a NUL character, say) is a usage error in words,
    // not picocli's "cannot convert ... (java.nio.file.InvalidPathException: ...)".
    cl.registerConverter(Path.class, text -> {
      try {
        return Path.of(text);
      } catch (InvalidPathException e) {
        throw BadValue.of("value.path", text, String.valueOf(e.getReason()));
      }
    });
    cl.setExecutionExceptionHandler(RankGaugeCli::failed);
    cl.setParameterExceptionHandler(RankGaugeCli::misused);
    cl.setExecutionStrategy(parsed -> {
      try {
        return new CommandLine.RunLast().execute(parsed);
      } catch (Error e) {
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine ran = chain.get(chain.size() - 1);
        return jvmFailed(e, ran.getErr(), ran.getCommandSpec().qualifiedName() + ": ",
            () -> texts(ran));
      }
    });
    return cl;
  }

  @Override
  public Integer call() {
    // A usage error like any other: one line of reason, then where to read more.
    PrintWriter err = spec.commandLine().getErr();
    CliTexts texts = new CliTexts(locale);
    err.println("rankgauge: " + texts.get("missingCommand",
        String.join(", ", spec.subcommands().keySet())));
    err.println(texts.get("tryHelp", "rankgauge"));
    err.flush();
    return USAGE;
  }

  /**
   * Loads {@code --plan}: a plan file, or the name of a bundled plan. Only a regular file counts
   * as a plan file, so that a folder named like a bundled plan (the seed data folder is called
   * {@code seed}) does not hide the bundled plan.
   *
   * @throws Usage naming the path tried and the bundled plans, with the closest name, if neither
   */
  CompPlan plan(String plan) {
    Ahead loading = ahead;
    if (loading != null && loading.plan.equals(plan) && rulesFolder == null) {
      return loading.get();
    }
    return load(plan, rules());
  }

  /** {@link #plan(String)} with the host rules {@code rules}. */
  private CompPlan load(String plan, RuleRegistry rules) {
    if (builtIn.containsKey(plan)) {
      return builtIn.get(plan).get();
    }
    Optional<Path> file = planFile(plan);
    if (file.isPresent()) {
      return PlanFiles.load(file.get(), rules);
    }
    return PlanFiles.bundled(bundledName(plan), rules);
  }

  /** Checks {@code --plan} for {@code validate}, resolved as {@link #plan(String)} does. */
  PlanCheck check(String plan) {
    Optional<Path> file = planFile(plan);
    if (file.isPresent()) {
      return PlanFiles.check(file.get(), rules());
    }
    String name = bundledName(plan);
    Path copy = bundledCopy(name);
    PlanCheck c = PlanFiles.check(copy, rules());
    return new PlanCheck(c.plan(), renamed(c.problems(), copy, name + ".json"),
        renamed(c.warnings(), copy, name + ".json"));
  }

  /** The plan file {@code --plan} names, if it names a regular file rather than a bundled plan. */
  Optional<Path> planFile(String plan) {
    if (builtIn.containsKey(plan)) {
      return Optional.empty();
    }
    try {
      Path file = Path.of(plan);
      return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The bundled plan {@code --plan} names, or a usage error showing what was tried. */
  private String bundledName(String plan) {
    List<String> bundled = PlanFiles.bundledNames();
    String name = plan.endsWith(".json") ? plan.substring(0, plan.length() - 5) : plan;
    if (bundled.contains(name)) {
      return name;
    }
    List<String> known = new java.util.ArrayList<>(bundled);
    known.addAll(builtIn.keySet());
    CliTexts.Part tried;
    try {
      Path file = Path.of(plan).toAbsolutePath();
      tried = new CliTexts.Part(Files.isDirectory(file) ? "plan.folder"
          : Files.exists(file) ? "plan.notRegular" : "plan.noFile", file.toString());
    } catch (InvalidPathException e) {
      tried = new CliTexts.Part("plan.badName", plan);
    }
    throw Usage.of("plan.notFound", plan, tried, new CliTexts.DidYouMean(name, known),
        String.join(", ", bundled));
  }

  /** Problems located in {@code file} located in {@code name} instead. */
  private static List<Problem> renamed(List<Problem> problems, Path file, String name) {
    return problems.stream().map(p -> p.at(p.location().replace(file.toString(), name)))
        .toList();
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
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof Error) {
        // From a worker thread, wrapped in a CompletionException on its way here.
        return jvmFailed((Error) t, err, who, () -> texts(cmd));
      }
    }
    CliTexts texts = texts(cmd);
    if (ex instanceof Usage u) {
      err.println(shortLine(who + u.text(texts)));
      err.println(texts.get("tryHelp", cmd.getCommandSpec().qualifiedName()));
      err.flush();
      return USAGE;
    }
    if (ex instanceof ValidationException v) {
      // The frame in the language asked for; each problem as the library located it, in the
      // same language.
      err.println(who + texts.get("invalid", v.what(texts.problems()),
          v.problems().size()));
      for (Problem p : v.problems()) {
        err.println(texts.problem(p));
      }
    } else if (ex instanceof Failure f) {
      err.println(shortLine(who + f.text(texts)));
    } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      err.println(shortLine(who
          + describe(ex instanceof UncheckedIOException ? ex.getCause() : ex, texts)));
    } else {
      err.println(who + texts.get("internalError", String.valueOf(ex))
          + (debug() ? "" : texts.get("debugHint")));
      if (debug()) {
        ex.printStackTrace(err);
      }
    }
    err.flush();
    return FAILED;
  }

  /** Longer than this, a usage error's line is cut: it quotes the words it was given. */
  static final int MAX_LINE = 1_000;

  /**
   * A usage error or failure as one line a person reads: control characters and line separators
   * (U+2028, U+2029) escaped and a word
   * of thousands of characters cut, saying how much was left out, as a {@link Problem} is.
   */
  static String shortLine(String line) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (; i < line.length() && b.length() < MAX_LINE; i++) {
      char c = line.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        // Line and paragraph separators end a line too, for readers that are not the terminal.
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (i < line.length()) {
      b.append("... (cut; ").append(line.length()).append(" characters in all)");
    }
    return b.toString();
  }

  private static boolean debug() {
    return System.getenv("RANKGAUGE_DEBUG") != null;
  }

  /** The words of the language the command line was run with ({@code --locale}). */
  private static CliTexts texts(CommandLine cmd) {
    CommandLine root = cmd;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getCommand() instanceof RankGaugeCli cli ? new CliTexts(cli.locale)
        : CliTexts.ENGLISH;
  }

  /** An I/O failure in English, naming the file. */
  static String describe(Throwable e) {
    return describe(e, CliTexts.ENGLISH);
  }

  /** An I/O failure in words, naming the file; the system's own reason stays as it is. */
  static String describe(Throwable e, CliTexts texts) {
    if (e instanceof dev.rankgauge.io.MissingDataException m) {
      // The library's reason in the same language: a missing data folder or file.
      return texts.get("noSuchFile.reason", m.getFile(), m.reason(texts.problems()));
    } else if (e instanceof NoSuchFileException n) {
      return n.getReason() == null ? texts.get("noSuchFile", n.getFile())
          : texts.get("noSuchFile.reason", n.getFile(), n.getReason());
    } else if (e instanceof AccessDeniedException a) {
      return texts.get("permissionDenied", a.getFile());
    } else if (e instanceof FileAlreadyExistsException f) {
      return texts.get("alreadyExists", f.getFile());
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static int misused(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    // --locale may be the argument that failed to parse, or come after it: read it from the words.
    CliTexts texts = CliTexts.of(args);
    err.println(shortLine(name + ": " + unknownWord(cmd, args, texts)
        .or(() -> badValue(ex, texts)).or(() -> missingOrTwice(ex, texts))
        .orElse(ex.getMessage())));
    err.println(texts.get("tryHelp", name));
    err.flush();
    return USAGE;
  }

  /**
   * Options missing, an option without its value, or an option given twice, in the language of
   * {@code texts}; in English as picocli words them. Empty for any other error of picocli's.
   */
  private static Optional<String> missingOrTwice(CommandLine.ParameterException ex,
      CliTexts texts) {
    if (ex instanceof CommandLine.OverwrittenOptionException o
        && o.getOverwritten() instanceof CommandLine.Model.OptionSpec spec) {
      return Optional.of(texts.get("optionTwice", spec.longestName(), spec.paramLabel()));
    }
    if (!(ex instanceof CommandLine.MissingParameterException m) || m.getMissing().isEmpty()
        || !m.getMissing().stream().allMatch(a -> a instanceof CommandLine.Model.OptionSpec)) {
      return Optional.empty();
    }
    List<CommandLine.Model.OptionSpec> missing = m.getMissing().stream()
        .map(a -> (CommandLine.Model.OptionSpec) a).toList();
    // picocli says both with this exception: a required option left out, or an option given
    // last without its value.
    if (ex.getMessage() != null && ex.getMessage().startsWith("Missing required parameter for")) {
      CommandLine.Model.OptionSpec spec = missing.get(0);
      return Optional.of(texts.get("missingValue", spec.longestName(), spec.paramLabel()));
    }
    List<String> names = new java.util.ArrayList<>();
    for (CommandLine.Model.OptionSpec spec : missing) {
      names.add("'" + spec.longestName() + (spec.arity().max() > 0 ? "=" + spec.paramLabel() : "")
          + "'");
    }
    return Optional.of(texts.get("missingOptions", names.size(), String.join(", ", names)));
  }

  /** A value an option cannot take, in the language of {@code texts}, after the option's name. */
  private static Optional<String> badValue(CommandLine.ParameterException ex, CliTexts texts) {
    return ex.getCause() instanceof BadValue b
        && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o
        ? Optional.of(texts.get("badValue", o.longestName(), b.text(texts))) : Optional.empty();
  }

  /**
   * The first argument that is neither an option nor a subcommand where it stands, with the
   * closest known one: a misspelt option also makes a required option go missing, and the
   * misspelling is the news.
   */
  private static Optional<String> unknownWord(CommandLine failed, String[] args,
      CliTexts texts) {
    CommandLine cmd = failed;
    while (cmd.getParent() != null) {
      cmd = cmd.getParent();
    }
    CommandSpec spec = cmd.getCommandSpec();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String word = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (word.startsWith("-") && word.length() > 1 && !word.equals("--")) {
        if (spec.findOption(word) == null && !isValue(spec, args, i)) {
          List<String> names = new java.util.ArrayList<>();
          spec.options().forEach(o -> names.addAll(List.of(o.names())));
          return Optional.of(texts.get("unknownOption", word, texts.didYouMean(word, names)));
        }
      } else if (!isValue(spec, args, i)) {
        if (spec.subcommands().containsKey(word)) {
          spec = spec.subcommands().get(word).getCommandSpec();
        } else if (!spec.subcommands().isEmpty()) {
          return Optional.of(texts.get("unknownCommand", word,
              texts.didYouMean(word, spec.subcommands().keySet()),
              String.join(", ", spec.subcommands().keySet())));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code args[i]} is the value of the option before it, such as a negative number. */
  private static boolean isValue(CommandSpec spec, String[] args, int i) {
    if (i == 0 || args[i - 1].contains("=")) {
      return false;
    }
    CommandLine.Model.OptionSpec before = spec.findOption(args[i - 1]);
    return before != null && before.arity().max() > 0;
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
