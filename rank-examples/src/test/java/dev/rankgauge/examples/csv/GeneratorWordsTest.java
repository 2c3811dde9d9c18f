package dev.rankgauge.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The generator counts its progress in the run's language. */
class GeneratorWordsTest {
  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = GeneratorWordsTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void progressCountsGeneratedDistributorsInSpanishOrEnglish() {
    assertThat(Generator.label(Locale.forLanguageTag("es-MX"))).isEqualTo(
        "distribuidores generados");
    assertThat(Generator.label(Locale.ENGLISH)).isEqualTo("distributors generated");
    // A language without words of its own gets English, whatever the JVM's locale.
    assertThat(Generator.label(Locale.forLanguageTag("tr"))).isEqualTo("distributors generated");
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Properties en = load("/dev/rankgauge/examples/csv/Generator.properties");
    Properties es = load("/dev/rankgauge/examples/csv/Generator_es.properties");

    assertThat(es.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(
        en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      if (!key.equals("lang")) {
        assertThat(es.getProperty(key)).as(key).isNotEqualTo(en.getProperty(key));
      }
    }
  }
}
