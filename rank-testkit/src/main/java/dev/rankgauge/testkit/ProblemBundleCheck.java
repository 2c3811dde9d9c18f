package dev.rankgauge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks a message bundle of problems passes, for a test: the library runs it over each of
 * its own bundles, and a host that words its own problems through {@link Problem#of} runs it over
 * its bundle in the same way.
 *
 * <p>A bundle is a base file in English ({@code Problems.properties}, with keys {@code lang} and
 * {@code list.separator}) and a Spanish file beside it ({@code Problems_es.properties}). The check
 * fails, naming the keys, when:
 * <ul>
 *   <li>the two files do not have the same keys;
 *   <li>a message shows other arguments in one language than in the other;
 *   <li>a message cannot be written in either language with numbers 0, 1, 2 and 1500 where it
 *       chooses words by a number, leaves a placeholder, or does not show an argument it names;
 *   <li>a message with words reads the same in Spanish as in English (it was not translated);
 *   <li>a code the sources use has no message, or a message is a code no source uses.
 * </ul>
 *
 * <pre>{@code
 * ProblemBundleCheck.check("com.acme.Problems", Path.of("src/main/java/com/acme"), List.of(),
 *     "Problem.of(");
 * }</pre>
 *
 * <p>Thread-safe: it holds no state.
 */
public final class ProblemBundleCheck {
  private static final Pattern SHOWN = Pattern.compile("\\{(\\d+)}");
  private static final Pattern ANY = Pattern.compile("\\{(\\d+)");
  private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"");
  private static final List<String> NOT_MESSAGES = List.of("lang", "date", "list.separator");
  private static final Locale ES = Locale.forLanguageTag("es");

  private ProblemBundleCheck() {}

  /**
   * Checks a bundle of problems in English and Spanish against the sources that make them.
   *
   * @param base the bundle's base name, such as {@code dev.rankgauge.Problems}, on the class path
   * @param sources the folder of the main sources that make its problems (every {@code .java}
   *     file under it is read)
   * @param computed the prefixes of codes the sources make from data (such as {@code gauge.}),
   *     which no literal names; empty when every code is written out
   * @param calls the text that opens a call making one of its problems, such as
   *     {@code Problem.of(}; the codes a source uses are the dotted literals from there up to
   *     the statement's end
   * @return the number of messages checked
   * @throws IOException if a bundle file or a source cannot be read
   * @throws AssertionError naming what is wrong
   */
  public static int check(String base, Path sources, List<String> computed, String... calls)
      throws IOException {
    String resource = "/" + base.replace('.', '/');
    Properties en = load(resource + ".properties");
    Properties es = load(resource + "_es.properties");
    assertThat(new TreeSet<>(es.stringPropertyNames())).as("the keys of %s_es", base)
        .containsExactlyElementsOf(new TreeSet<>(en.stringPropertyNames()));
    List<String> differ = new ArrayList<>();
    for (String key : codes(en)) {
      if (!shown(en.getProperty(key)).equals(shown(es.getProperty(key)))) {
        differ.add(key + ": " + shown(en.getProperty(key)) + " in English, "
            + shown(es.getProperty(key)) + " in Spanish");
      }
      String both = en.getProperty(key) + es.getProperty(key);
      int count = ANY.matcher(both).results().mapToInt(r -> Integer.parseInt(r.group(1)))
          .max().orElse(-1) + 1;
      for (int n : new int[] {0, 1, 2, 1500}) {
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
          args[i] = both.contains("{" + i + ",choice,") ? (Object) n : "ARG" + i;
        }
        Problem p = Problem.of(Subject.NONE, "here", base, key, args);
        for (Locale l : new Locale[] {Locale.ROOT, ES}) {
          String text = p.message(l);
          assertThat(text).as("%s in %s", key, l).doesNotContainPattern("\\{\\d").isNotBlank();
          for (String i : shown((l.equals(ES) ? es : en).getProperty(key))) {
            if (args[Integer.parseInt(i)] instanceof String s) {
              assertThat(text).as("%s in %s shows argument %s", key, l, i).contains(s);
            }
          }
        }
        if (en.getProperty(key).replaceAll("\\{[^}]*}", "").matches("(?s).*[A-Za-z].*")) {
          assertThat(p.message(ES)).as("%s in Spanish", key).isNotEqualTo(p.message());
        }
      }
    }
    assertThat(differ).as("codes whose arguments differ between the languages").isEmpty();

    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    String text = all.toString();
    TreeSet<String> used = new TreeSet<>();
    for (String call : calls) {
      for (int at = text.indexOf(call); at >= 0; at = text.indexOf(call, at + 1)) {
        int end = text.indexOf(';', at);
        Matcher m = LITERAL.matcher(text.substring(at, end < 0 ? text.length() : end));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(codes(en)).as("codes of %s the sources use", base).containsAll(used);
    List<String> unused = codes(en).stream().filter(k -> !text.contains("\"" + k + "\"")
        && computed.stream().noneMatch(k::startsWith)).toList();
    assertThat(unused).as("codes of %s no source uses", base).isEmpty();
    return codes(en).size();
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ProblemBundleCheck.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static TreeSet<String> shown(String pattern) {
    TreeSet<String> out = new TreeSet<>();
    Matcher m = SHOWN.matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The message keys of a bundle: its codes, without the settings and list separators. */
  private static List<String> codes(Properties en) {
    return new TreeSet<>(en.stringPropertyNames()).stream()
        .filter(k -> !NOT_MESSAGES.contains(k) && !k.endsWith(".separator")).toList();
  }
}
