package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The core's sentences as phrases: every key in English and Spanish with the same placeholders,
 * every phrase writable in both, plurals that agree, numbers and dates in the language's format,
 * and English with plain numbers by default.
 */
class PhrasesTest {
  private static final Locale ES = Locale.forLanguageTag("es");
  /** A value shown as text: {@code {0}}, at the top or inside a choice's words. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
  private static final Pattern ALL = Pattern.compile("\\{(\\d+)");
  /** Keys whose values are not MessageFormat patterns. */
  private static final List<String> NOT_MESSAGES = List.of("lang", "date");

  static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = PhrasesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /**
   * The arguments a pattern shows as text. A number that only chooses words ({@code
   * {1,choice,...}}) is left out: languages differ in where they need plurals.
   */
  static TreeSet<String> placeholders(String pattern) {
    TreeSet<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The pattern without the branches of its choices: what is written whatever the numbers. */
  private static String outsideChoices(String pattern) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    int choiceAt = -1;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{') {
        depth++;
        if (choiceAt < 0 && pattern.startsWith(",choice,", pattern.indexOf(',', i) < 0 ? i
            : pattern.indexOf(',', i)) && pattern.indexOf(',', i) < pattern.indexOf('}', i)) {
          choiceAt = depth;
        }
      }
      if (choiceAt < 0) {
        out.append(c);
      }
      if (c == '}') {
        if (depth == choiceAt) {
          choiceAt = -1;
        }
        depth--;
      }
    }
    return out.toString();
  }

  @Test
  void thePlaceholderCheckCatchesAValueOneLanguageForgets() {
    assertThat(placeholders("{0} of {1}")).isNotEqualTo(placeholders("{0} de"));
    assertThat(placeholders("{0} {0,choice,1#leg|1<legs}")).isEqualTo(placeholders("{0} líneas"));
    assertThat(placeholders("{1,choice,0#faltan {0}|1#falta {0}}"))
        .isEqualTo(placeholders("{0} to go"));
  }

  @Test
  void everyKeyHasEnglishAndSpanishWithTheSamePlaceholders() throws IOException {
    Properties en = load("/dev/rankgauge/Words.properties");
    Properties es = load("/dev/rankgauge/Words_es.properties");

    assertThat(es.stringPropertyNames()).as("Spanish keys")
        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    List<String> differ = new ArrayList<>();
    for (String key : new TreeSet<>(en.stringPropertyNames())) {
      if (!placeholders(en.getProperty(key)).equals(placeholders(es.getProperty(key)))) {
        differ.add(key + ": " + placeholders(en.getProperty(key)) + " in English, "
            + placeholders(es.getProperty(key)) + " in Spanish");
      }
    }
    assertThat(differ).as("keys whose placeholders differ").isEmpty();
  }

  @Test
  void everyPhraseIsWrittenInBothLanguagesWithItsArgumentsInPlace() throws IOException {
    Properties en = load("/dev/rankgauge/Words.properties");
    Properties es = load("/dev/rankgauge/Words_es.properties");
    int checked = 0;
    for (String key : new TreeSet<>(en.stringPropertyNames())) {
      if (NOT_MESSAGES.contains(key)) {
        continue;
      }
      String pattern = en.getProperty(key);
      // A number where a choice reads the argument, else a text that must appear in the output.
      for (int n : new int[] {0, 1, 2, 1500}) {
        List<Object> args = new ArrayList<>();
        String both = pattern + es.getProperty(key);
        int count = ALL.matcher(both).results().mapToInt(r -> Integer.parseInt(r.group(1)))
            .max().orElse(-1) + 1;
        for (int i = 0; i < count; i++) {
          args.add(both.contains("{" + i + ",choice,") ? (Object) n : "ARG" + i);
        }
        Phrase p = new Phrase(key, args);
        for (Locale l : new Locale[] {Locale.ROOT, Locale.ENGLISH, ES}) {
          String text = p.text(l);
          String own = (l.equals(ES) ? es : en).getProperty(key);
          assertThat(text).as(key + " in " + l).doesNotContain("{", "}").isNotBlank();
          for (int i = 0; i < count; i++) {
            if (args.get(i) instanceof String s && outsideChoices(own).contains("{" + i + "}")) {
              assertThat(text).as(key + " in " + l + " shows argument " + i).contains(s);
            }
          }
        }
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(60);
  }

  @Test
  void countsChooseTheirWordsAndNumbersFollowTheLanguage() {
    Phrase one = Phrase.of("note.belowEach", 1, new BigDecimal("1500.5"));
    Phrase two = Phrase.of("note.belowEach", 2, new BigDecimal("1500.5"));

    assertThat(one.text()).isEqualTo("1 period below 1500.5 each");
    assertThat(two.text(Locale.ENGLISH)).isEqualTo("2 periods below 1,500.5 each");
    assertThat(one.text(ES)).isEqualTo("1 periodo por debajo de 1.500,5 cada uno");
    assertThat(two.text(ES)).isEqualTo("2 periodos por debajo de 1.500,5 cada uno");
    assertThat(Phrase.of("hold.keepPaidAs", 1).text()).startsWith("keep the last paid-as rank"
        + " for 1 period,");
    assertThat(Phrase.of("note.joined", LocalDate.of(2026, 11, 3), 27L).text(ES))
        .isEqualTo("incorporado el 03/11/2026, 27 días antes del último día del periodo");
    assertThat(Phrase.of("note.joined", LocalDate.of(2026, 11, 3), 1L).text())
        .isEqualTo("joined 2026-11-03, 1 day before the period's last day");
  }

  @Test
  void partsAndListsAreWrittenInTheSameLanguage() {
    Phrase atCap = Phrase.of("note.atCap", new BigDecimal("1000"),
        List.of(Phrase.of("note.ownVolume"), "B", "C"));

    assertThat(atCap.text()).isEqualTo(
        "at the cap of 1000 per leg, so more volume there does not help: own volume, B, C");
    assertThat(atCap.text(ES)).isEqualTo(
        "en el tope de 1.000 por línea, así que más volumen ahí no ayuda: el volumen propio, B, C");
    assertThat(atCap).hasToString(atCap.text());
  }

  @Test
  void aLocaleWithoutItsOwnBundleGetsEnglishNotTheMachinesLanguage() {
    Phrase p = Phrase.of("note.belowEach", 2, new BigDecimal("1500.5"));

    assertThat(p.text(Locale.GERMANY)).isEqualTo(p.text(Locale.ENGLISH));
    assertThat(p.text(Locale.forLanguageTag("es-MX"))).startsWith("2 periodos");
  }

  @Test
  void anUnknownKeyOrArgumentIsRefusedNamingIt() {
    assertThatThrownBy(() -> Phrase.of("note.closestPat", "A"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"note.closestPat\"");
    assertThatThrownBy(() -> Phrase.of("note.closestPath", 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("note.closestPath").hasMessageContaining("java.lang.Double")
        .hasMessageContaining("argument [0]");
    assertThatThrownBy(() -> Phrase.of("note.qualifying", List.of("D1", 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument [0][1]");
  }

  @Test
  void aPhraseIsAValue() {
    List<Object> args = new ArrayList<>(List.of("A"));
    Phrase p = new Phrase("note.closestPath", args);
    args.set(0, "B");

    assertThat(p).isEqualTo(Phrase.of("note.closestPath", "A"));
    assertThat(p.arguments()).containsExactly("A");
    assertThatThrownBy(() -> p.arguments().add("C"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
