package dev.rankgauge;

import java.util.List;
import java.util.Locale;

/**
 * An input was rejected whole. Holds every problem found, not only the first; nothing was built.
 *
 * <p>Its message is in English ({@link #getMessage()}); {@link #message(Locale)} writes the same
 * in a language the problems' bundles have (English and Spanish ship), and {@link #what(Locale)}
 * names what was read in that language when the thrower named it with a bundle's words.
 */
public class ValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 50;

  private final transient List<Problem> problems;
  /** What was being built or read, as the thrower named it; part of the serialized form. */
  private final String what;
  /** The bundle of {@link #whatWords}, or null when what was read is named by text alone. */
  private final transient String bundle;
  /** What was read in the words of {@link #bundle}, or null. */
  private final transient Problem.Part whatWords;

  /**
   * @param what what was being built or read, such as {@code "organisation"}; the same in every
   *     language
   * @param problems every problem found, at least one
   */
  public ValidationException(String what, List<Problem> problems) {
    this(Checks.notNull(what, "what"), null, null, problems);
  }

  /**
   * An input rejected whole, what was read named in a bundle's words so that
   * {@link #what(Locale)} and {@link #message(Locale)} write it in each language.
   *
   * @param bundle the base name of the bundle, such as {@code dev.rankgauge.Problems}, as
   *     {@link Problem#of(Subject, String, String, String, Object...)} takes it
   * @param what the key of the words in the bundle, such as {@code input.plan}, with its
   *     arguments
   * @param problems every problem found, at least one
   * @throws IllegalArgumentException if the bundle or the key does not exist
   */
  public ValidationException(String bundle, Problem.Part what, List<Problem> problems) {
    this(english(bundle, what, problems), bundle, what, problems);
  }

  private ValidationException(String what, String bundle, Problem.Part whatWords,
      List<Problem> problems) {
    super(message(what, Checks.list(problems, "problems"), Locale.ROOT, null));
    this.problems = List.copyOf(problems);
    this.what = what;
    this.bundle = bundle;
    this.whatWords = whatWords;
  }

  /** What was read in English, every argument checked first (the problems, then the words). */
  private static String english(String bundle, Problem.Part what, List<Problem> problems) {
    Checks.list(problems, "problems");
    Checks.notNull(bundle, "bundle");
    Checks.notNull(what, "what");
    Words w;
    try {
      w = Words.of(bundle, Locale.ROOT);
    } catch (java.util.MissingResourceException e) {
      throw new IllegalArgumentException("validation: found bundle " + bundle + ", which is not"
          + " on the class path; expected the base name of a message bundle", e);
    }
    if (!w.hasKey(what.code())) {
      throw new IllegalArgumentException("validation: found code " + what.code() + ", which"
          + " bundle " + bundle + " does not define; expected a key of its base file");
    }
    return w.format(what.code(), what.arguments());
  }

  /**
   * {@return what was being built or read, as the thrower named it, such as {@code
   * "organisation"} or {@code "data in /srv/acme"}: for a host that words the first line of the
   * message its own way, in its own language}
   */
  public String what() {
    return what;
  }

  /**
   * What was being built or read, in a language: Spanish for {@code es} ({@code datos en
   * /srv/acme}), English for any other locale, when the thrower named it with a bundle's words;
   * else {@link #what()} as it is.
   *
   * @param locale the language
   * @return what was read, in that language
   */
  public String what(Locale locale) {
    Checks.notNull(locale, "locale");
    if (whatWords == null || locale.equals(Locale.ROOT)) {
      return what;
    }
    return Words.of(bundle, locale).format(whatWords.code(), whatWords.arguments());
  }

  /** {@return every problem found, in a stable order} */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The message in a language: what was read and how many problems it has, then each problem on
   * its own line ({@link Problem#toString(Locale)}), the first fifty; {@link Locale#ROOT} gives
   * {@link #getMessage()}.
   *
   * @param locale the language
   * @return the message in that language
   */
  public String message(Locale locale) {
    Checks.notNull(locale, "locale");
    return locale.equals(Locale.ROOT) ? getMessage()
        : message(what(locale), problems, locale, Words.of(Problem.CORE, locale));
  }

  private static String message(String what, List<Problem> problems, Locale locale,
      Words words) {
    Words w = words == null ? Words.of(Problem.CORE, Locale.ROOT) : words;
    StringBuilder sb = new StringBuilder();
    sb.append(w.format("invalid", List.of(what, problems.size())));
    for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
      sb.append(System.lineSeparator()).append("  - ").append(problems.get(i).toString(locale));
    }
    if (problems.size() > LISTED) {
      sb.append(System.lineSeparator()).append("  ")
          .append(w.format("invalid.more", List.of(problems.size() - LISTED)));
    }
    return sb.toString();
  }
}
