package dev.rankgauge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence the library writes for people, kept as data: the key of a message in the bundle
 * {@code dev.rankgauge.Words} and its arguments. Gap notes ({@link RequirementStatus#note()}) and
 * the lines of a {@link Trace} are phrases, so that a host can show them in the distributor's
 * language ({@link #text(Locale)}), read their figures without parsing words, or match on their
 * {@link #key()}.
 *
 * <p>Each argument is one of:
 *
 * <ul>
 *   <li>{@link BigDecimal}: an amount (a volume, a percentage), written with the locale's signs;
 *   <li>{@link Integer} or {@link Long}: a count (people, legs, periods, days), likewise;
 *   <li>{@link String}: an id, a rank code or name, a volume type, a period label, or a host's own
 *       sentence, written as it is;
 *   <li>{@link LocalDate}: a date, written the locale's way;
 *   <li>{@code Phrase}: a part of the sentence, written in the same language;
 *   <li>a {@link List} of strings and phrases, such as distributor ids, written as a list.
 * </ul>
 *
 * <p>The keys and what each argument means are listed in {@code Words.properties}; English and
 * Spanish ship, and every key has both. Numbers, lists and counts choose the words around them
 * (1 leg, 2 legs). A phrase says what the library found; a host's rule writes its own sentence
 * ({@code note.host}), which is never translated.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the message's key in {@code dev.rankgauge.Words}, such as {@code note.closestPath}
 * @param arguments the message's arguments, in the order of its placeholders {0}, {1}, ...
 */
public record Phrase(String key, List<Object> arguments) {

  /**
   * Checks the key against the bundle and every argument's type.
   *
   * @param key the message's key in {@code dev.rankgauge.Words}, such as {@code note.closestPath}
   * @param arguments the message's arguments, in the order of its placeholders {0}, {1}, ...
   * @throws IllegalArgumentException if the bundle has no such key, or an argument is of a type
   *     the list above does not name
   */
  public Phrase {
    Checks.notNull(key, "key");
    Checks.list(arguments, "arguments");
    if (!Words.has(key)) {
      throw new IllegalArgumentException("phrase: found key \"" + key + "\", which"
          + " dev.rankgauge.Words does not define; expected a key of Words.properties");
    }
    arguments = checked(key, arguments, false);
  }

  /**
   * The arguments as an unmodifiable list, each checked to be of a type a phrase (or a
   * {@link Problem}) can write.
   */
  static List<Object> checked(String key, List<?> arguments, boolean parts) {
    List<Object> copy = new ArrayList<>(arguments.size());
    for (int i = 0; i < arguments.size(); i++) {
      Object a = arguments.get(i);
      if (a instanceof List<?> list) {
        List<Object> items = new ArrayList<>(list.size());
        for (int j = 0; j < list.size(); j++) {
          Object item = list.get(j);
          if (!(item instanceof String || item instanceof Phrase
              || parts && (item instanceof Problem.Part
                  || item instanceof Problem.RequirementWords))) {
            throw new IllegalArgumentException(bad(key, i + "][" + j, item,
                "a string or a phrase"));
          }
          items.add(item);
        }
        a = List.copyOf(items);
      } else if (!(a instanceof BigDecimal || a instanceof Integer || a instanceof Long
          || a instanceof String || a instanceof LocalDate || a instanceof Phrase
          || parts && (a instanceof Problem.Part || a instanceof Problem
              || a instanceof Problem.RequirementWords))) {
        throw new IllegalArgumentException(bad(key, String.valueOf(i), a,
            "an amount (BigDecimal), a count (Integer, Long), a text (String), a date"
            + " (LocalDate), a phrase or a list of texts and phrases"));
      }
      copy.add(a);
    }
    return java.util.Collections.unmodifiableList(copy);
  }

  private static String bad(String key, String at, Object a, String expected) {
    return "phrase " + key + ": found " + (a == null ? "null" : a.getClass().getName())
        + " as argument [" + at + "]; expected " + expected;
  }

  /**
   * A phrase with its arguments.
   *
   * @param key the message's key in {@code dev.rankgauge.Words}
   * @param arguments the message's arguments, in the order of its placeholders
   * @return the phrase
   */
  public static Phrase of(String key, Object... arguments) {
    return new Phrase(key, java.util.Arrays.asList(Checks.notNull(arguments, "arguments")));
  }

  /**
   * The phrase in English with numbers written plain ({@code 1500.5}), as the library's English
   * texts (gap reports, traces, bulk results) are written; the same as {@code text(Locale.ROOT)}.
   *
   * @return the phrase in English
   */
  public String text() {
    return text(Locale.ROOT);
  }

  /**
   * The phrase in a language: Spanish for {@code es} (and its countries, whose number signs it
   * keeps), English for any other locale. Not the JVM's default locale unless asked for.
   *
   * @param locale the language; {@link Locale#ROOT} for English with plain numbers
   * @return the phrase in that language
   */
  public String text(Locale locale) {
    return Words.of(locale).phrase(this);
  }

  /** {@return the phrase in English, as {@link #text()}} */
  @Override
  public String toString() {
    return text();
  }
}
