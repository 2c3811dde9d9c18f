package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The results files' words exist in English and in Spanish and show the same values in both; a
 * number that only chooses words ({@code {2,choice,...}}) may be read by one language alone.
 */
class IoBundlesTest {
  private static final Pattern SHOWN = Pattern.compile("\\{(\\d+)}");

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = IoBundlesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> shown(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = SHOWN.matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyKeyInBothLanguagesShowingTheSameValues() throws IOException {
    Properties en = load("/dev/rankgauge/io/IoTexts.properties");
    Properties es = load("/dev/rankgauge/io/IoTexts_es.properties");

    assertThat(es.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
        en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(shown(es.getProperty(key))).as(key).isEqualTo(shown(en.getProperty(key)));
    }
  }

  @Test
  void progressWordsInBothLanguagesShowingTheSameValues() throws IOException {
    Properties en = load("/dev/rankgauge/io/ProgressTexts.properties");
    Properties es = load("/dev/rankgauge/io/ProgressTexts_es.properties");
    Pattern argument = Pattern.compile("\\{(\\d+)[,}]");

    assertThat(es.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
        en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(arguments(argument, es.getProperty(key))).as(key)
          .isEqualTo(arguments(argument, en.getProperty(key)));
    }
  }

  private static Set<String> arguments(Pattern argument, String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = argument.matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
