package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every message exists in English and in Spanish, shows the same values in both, and fills every
 * placeholder. The core's phrases are checked further, with their own arguments, by rank-core's
 * {@code PhrasesTest}.
 */
class BundlesTest {
  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** A value shown as text: {@code {0}}, at the top or inside a choice's words. */
  private static final Pattern SHOWN = Pattern.compile("\\{(\\d+)}");

  /**
   * The arguments a pattern shows as text. A number that only chooses words ({@code
   * {1,choice,...}}) is left out: languages differ in where they need plurals.
   */
  private static Set<String> shown(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = SHOWN.matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * Both bundles have the same keys; each message shows the same values in both languages and
   * formats with numbers in its choices and texts elsewhere, leaving no placeholder unfilled.
   */
  private static void sameKeysAndPlaceholders(String base) throws IOException {
    Properties en = load(base + ".properties");
    Properties es = load(base + "_es.properties");

    assertThat(es.stringPropertyNames()).as(base + ": Spanish keys")
        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(en.stringPropertyNames())) {
      if (key.equals("date") || key.equals("dateTime")) {
        continue;
      }
      String both = en.getProperty(key) + es.getProperty(key);
      if (!shown(en.getProperty(key)).equals(shown(es.getProperty(key)))) {
        problems.add(key + ": shows " + shown(en.getProperty(key)) + " in English, "
            + shown(es.getProperty(key)) + " in Spanish");
      }
      Object[] args = new Object[10];
      for (int i = 0; i < args.length; i++) {
        args[i] = both.contains("{" + i + ",choice,") ? (Object) 2 : "ARG" + i;
      }
      for (Properties p : new Properties[] {en, es}) {
        String text = new MessageFormat(p.getProperty(key), Locale.ROOT).format(args);
        if (text.contains("{")) {
          problems.add(key + ": \"" + text + "\" leaves a placeholder");
        }
      }
    }
    assertThat(problems).as(base).isEmpty();
  }

  @Test
  void thePlaceholderCheckCatchesAValueOneLanguageForgets() {
    assertThat(shown("{0} of {1}")).isNotEqualTo(shown("{0} de"));
    assertThat(shown("{1,choice,0#faltan {0}|1#falta {0}}")).isEqualTo(shown("{0} to go"));
  }

  @Test
  void theViewsSpeakEnglishAndSpanishAlike() throws IOException {
    sameKeysAndPlaceholders("/dev/rankgauge/view/Texts");
  }

  @Test
  void theAdviceSpeaksEnglishAndSpanishAlike() throws IOException {
    sameKeysAndPlaceholders("/dev/rankgauge/view/AdviceTexts");
  }

  @Test
  void theCoresSentencesSpeakEnglishAndSpanishAlike() throws IOException {
    sameKeysAndPlaceholders("/dev/rankgauge/Words");
  }
}
