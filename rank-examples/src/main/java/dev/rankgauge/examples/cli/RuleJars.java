package dev.rankgauge.examples.cli;

import dev.rankgauge.RuleRegistry;
import dev.rankgauge.spi.RuleFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Host rules from a folder of jars ({@code --rules DIR}): every {@code .jar} in the folder goes on
 * one class loader (so a rule jar may bring the libraries it needs), and every
 * {@link RuleFactory} their {@code META-INF/services/dev.rankgauge.spi.RuleFactory} files name is
 * registered, besides the rules the CLI already has. Every problem is reported at once, each
 * naming the jar.
 */
final class RuleJars {
  static final String SERVICE_FILE = "META-INF/services/" + RuleFactory.class.getName();

  private RuleJars() {}

  /**
   * The registry of {@code base} plus the rules in the jars of {@code dir}.
   *
   * @throws Usage if the folder is missing or not a folder, a jar cannot be read, a factory cannot
   *     be loaded, or no jar declares a factory
   */
  static RuleRegistry load(Path dir, RuleRegistry base) {
    String option = "--rules " + dir;
    if (!Files.exists(dir)) {
      throw Usage.of("rules.noFolder", option, dir.toAbsolutePath().toString());
    }
    if (!Files.isDirectory(dir)) {
      throw Usage.of("rules.notFolder", option, dir.toAbsolutePath().toString());
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
          .endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw Usage.of("rules.cannotList", option, dir.toAbsolutePath().toString(), e.toString());
    }
    if (jars.isEmpty()) {
      throw Usage.of("rules.noJar", option, dir.toAbsolutePath().toString());
    }
    // each problem in the language the error is shown in
    List<Function<CliTexts, String>> problems = new ArrayList<>();
    // provider class name -> the jar whose service file names it, to place loading errors
    Map<String, Path> declared = new LinkedHashMap<>();
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try (JarFile jf = new JarFile(jar.toFile())) {
        JarEntry services = jf.getJarEntry(SERVICE_FILE);
        if (services != null) {
          try (BufferedReader r = new BufferedReader(new InputStreamReader(
              jf.getInputStream(services), StandardCharsets.UTF_8))) {
            r.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty())
                .forEach(name -> declared.putIfAbsent(name, jar));
          }
        }
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        String why = e.getMessage();
        problems.add(texts -> jar + ": " + why);
      } catch (IOException e) {
        String why = e.getMessage();
        problems.add(texts -> texts.get("rules.unreadableJar", jar.toString(), why));
      }
    }
    if (problems.isEmpty() && declared.isEmpty()) {
      String names = String.join(", ", jars.stream().map(j -> j.getFileName().toString())
          .toList());
      problems.add(texts -> texts.get("rules.noFactory", SERVICE_FILE, names));
    }
    RuleRegistry.Builder rules = RuleRegistry.builder().registerAll(base);
    if (problems.isEmpty()) {
      // Closing the loader would break rules created later from it: it lives as long as the CLI.
      URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
          RuleJars.class.getClassLoader());
      Iterator<RuleFactory> found = ServiceLoader.load(RuleFactory.class, loader).iterator();
      while (true) {
        try {
          if (!found.hasNext()) {
            break;
          }
          RuleFactory f = found.next();
          if (f.getClass().getClassLoader() == loader) {
            rules.register(f);
          }
        } catch (ServiceConfigurationError | LinkageError e) {
          // the JVM's own words about a class, quoted as they are
          String located = locate(e, declared);
          problems.add(texts -> located);
        } catch (RuntimeException e) {
          String located = locate(e, declared);
          problems.add(texts -> located);
        }
      }
    }
    if (!problems.isEmpty()) {
      List<Function<CliTexts, String>> all = List.copyOf(problems);
      throw Usage.worded(texts -> option + ": " + String.join("; ",
          all.stream().map(p -> p.apply(texts)).toList()));
    }
    try {
      return rules.build();
    } catch (IllegalStateException e) {
      throw new Usage(option + ": " + e.getMessage());
    }
  }

  /** The error with the jar that declared the provider it names, where one does. */
  private static String locate(Throwable e, Map<String, Path> declared) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    Throwable cause = e.getCause();
    String why = cause == null ? "" : " (" + cause + ")";
    for (Map.Entry<String, Path> d : declared.entrySet()) {
      if (message.contains(d.getKey())) {
        return d.getValue() + ": " + message + why;
      }
    }
    return message + why;
  }
}
