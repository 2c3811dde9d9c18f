package dev.rankgauge.testkit;

import dev.rankgauge.Problem;
import dev.rankgauge.Subject;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;

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
 * The checks every bundle of problems passes (a copy of rank-core's, as test classes are not shared): English
 * and Spanish have the same keys and show the same arguments, every message is written in both
 * languages with its arguments in place and no placeholder left, every key is a code some source
 * uses, and every code the sources use has a message.
 */
final class ProblemBundleCheck {
  private static final Pattern SHOWN = Pattern.compile("\\{(\\d+)}");
  private static final Pattern ANY = Pattern.compile("\\{(\\d+)");
  private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"");
  private static final List<String> NOT_MESSAGES = List.of("lang", "date", "list.separator");
  static final Locale ES = Locale.forLanguageTag("es");

  private ProblemBundleCheck() {}

  static Properties load(String resource) throws IOException {
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
  static List<String> codes(Properties en) {
    return new TreeSet<>(en.stringPropertyNames()).stream()
        .filter(k -> !NOT_MESSAGES.contains(k) && !k.endsWith(".separator")).toList();
  }

  /**
   * Checks a bundle.
   *
   * @param base the base name, such as {@code dev.rankgauge.Problems}
   * @param sources the main sources that make its problems
   * @param computed the prefixes of codes the sources make from data (such as {@code gauge.}),
   *     which no literal names
   * @param calls the text that opens a call making one of its problems, such as
   *     {@code Problem.core(}; the codes are the literals up to the statement's end
   * @return the number of codes checked
   */
  static int check(String base, Path sources, List<String> computed, String... calls)
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
}
