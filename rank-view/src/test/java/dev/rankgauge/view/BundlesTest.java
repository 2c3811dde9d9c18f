package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every message exists in English and in Spanish, and every one is a valid MessageFormat. */
class BundlesTest {
  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static void sameKeysAndValidPatterns(String base) throws IOException {
    Properties en = load(base + ".properties");
    Properties es = load(base + "_es.properties");

    assertThat(es.stringPropertyNames()).as(base + ": Spanish keys")
        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    for (Properties p : new Properties[] {en, es}) {
      for (String key : p.stringPropertyNames()) {
        if (!key.equals("date") && !key.equals("dateTime")) {
          assertThat(new MessageFormat(p.getProperty(key), Locale.ROOT).toPattern())
              .as(base + " " + key).isNotNull();
        }
      }
    }
  }

  @Test
  void theViewsSpeakEnglishAndSpanishAlike() throws IOException {
    sameKeysAndValidPatterns("/dev/rankgauge/view/Texts");
  }

  @Test
  void theCoresSentencesSpeakEnglishAndSpanishAlike() throws IOException {
    sameKeysAndValidPatterns("/dev/rankgauge/Words");
  }
}
