package dev.rankgauge;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

/**
 * One thing wrong with an input, and where it is.
 *
 * <p>A problem has a subject (what it is about, as data: {@link #subject()}), a location (where a
 * person looks: {@link #location()}) and a message (what is wrong). The message is kept as data
 * too: a stable {@link #code()}, the key of its sentence in a message bundle, and the
 * {@link #arguments()} the sentence shows (ids, counts, amounts, the values expected). {@link
 * #message()} writes it in English with plain numbers, as problems have always read; {@link
 * #message(Locale)} writes it in a language the bundle has (English and Spanish ship) with the
 * locale's numbers and dates. A program matches on the code, never on the words.
 *
 * <p>Messages follow one grammar in every language (see {@code docs/design.md}): what was found,
 * then what was expected, then a suggestion: {@code found "SLVR"; expected one of: DIST, SLV, GLD
 * (did you mean "SLV"?)}; a message about a record names the ids involved.
 *
 * <p>A problem reads as one short line, whatever text from the input it quotes: control
 * characters in the location and the message are shown escaped ({@code \n}, {@code \u0000}), and
 * a message longer than {@value #MAX_MESSAGE} characters is cut, saying how much was left out.
 *
 * <p>Two problems are equal when they read the same in English: the same location and message.
 * The subject is how a reader finds the place, which the location already says.
 *
 * <p>Immutable and thread-safe.
 */
public final class Problem {
  /** The most characters of a message; the rest is left out, and the message says how much. */
  public static final int MAX_MESSAGE = 1_000;

  private final Subject subject;
  private final String location;
  private final String message;
  /** The base name of the bundle the message comes from; null for a problem made from text. */
  private final String bundle;
  private final String code;
  private final List<Object> arguments;
  /** The location as a message of {@link #whereBundle}, written in each language; or null. */
  private final Part where;
  /** The bundle of {@link #where}, or null for a location given as text. */
  private final String whereBundle;

  /**
   * A problem whose message is the caller's own text, shown as it is in every language (a host's
   * own check, say); its {@link #code()} is empty. The library's own problems are made with
   * {@link #of(Subject, String, String, String, Object...)}.
   *
   * @param subject what the problem is about, as data; {@link Subject#NONE} when only the
   *     location says it
   * @param location where the problem is: a distributor, customer or order id ({@code "distributor
   *     D7"}), a file position ({@code "orders.csv:12:5"}) or a JSON path
   * @param message what is wrong, naming the ids involved
   */
  public Problem(Subject subject, String location, String message) {
    this(subject, location, oneLine(Checks.notNull(message, "problem message"), MAX_MESSAGE),
        null, "", List.of(), null, null);
  }

  /**
   * A problem whose place only its location says, with the caller's own text as its message.
   *
   * @param location where the problem is
   * @param message what is wrong, naming the ids involved
   */
  public Problem(String location, String message) {
    this(Subject.NONE, location, message);
  }

  private Problem(Subject subject, String location, String message, String bundle, String code,
      List<Object> arguments, Part where, String whereBundle) {
    this.subject = Checks.notNull(subject, "problem subject");
    this.location = oneLine(Checks.notNull(location, "problem location"), Integer.MAX_VALUE);
    this.message = message;
    this.bundle = bundle;
    this.code = code;
    this.arguments = arguments;
    this.where = where;
    this.whereBundle = whereBundle;
  }

  /**
   * A problem whose message is the sentence {@code code} of a message bundle, with its arguments.
   *
   * @param subject what the problem is about, as data; {@link Subject#NONE} when only the
   *     location says it
   * @param location where the problem is
   * @param bundle the base name of the bundle, such as {@code dev.rankgauge.Problems}: English in
   *     the base file, other languages beside it ({@code Problems_es.properties}); each has a
   *     {@code lang} key naming its language and a {@code list.separator}
   * @param code the key of the message in the bundle, such as {@code order.idAgain}; stable, for
   *     programs to match on
   * @param arguments the message's arguments, in the order of its placeholders, of the types a
   *     {@link Phrase} takes (amounts as {@code BigDecimal}, counts as {@code Integer} or {@code
   *     Long}, texts, dates, phrases, lists of texts), a {@link Part} of the same bundle, a
   *     requirement in words ({@link RequirementWords}), or
   *     another problem, whose message is written in the same language (a reader that adds to
   *     the core's finding in its own words)
   * @return the problem, its English message written at once
   * @throws IllegalArgumentException if the bundle or the key does not exist, or an argument is
   *     of another type
   */
  public static Problem of(Subject subject, String location, String bundle, String code,
      Object... arguments) {
    Checks.notNull(location, "location");
    return of(subject, location, null, bundle, code, arguments);
  }

  /**
   * A problem whose location, like its message, is a message of the bundle, written in the
   * language the problem is: a place the reader words itself, such as {@code period_records row
   * (D7, 2026-10)}, that reads {@code fila de period_records (D7, 2026-10)} in Spanish.
   *
   * @param subject what the problem is about, as data; {@link Subject#NONE} when only the
   *     location says it
   * @param location the key of the location's words in the bundle, with its arguments
   * @param bundle the base name of the bundle, as {@link #of(Subject, String, String, String,
   *     Object...)} takes it
   * @param code the key of the message in the bundle
   * @param arguments the message's arguments
   * @return the problem, its English location and message written at once
   * @throws IllegalArgumentException if the bundle or a key does not exist, or an argument is of
   *     another type
   */
  public static Problem of(Subject subject, Part location, String bundle, String code,
      Object... arguments) {
    Checks.notNull(location, "location");
    return of(subject, null, location, bundle, code, arguments);
  }

  private static Problem of(Subject subject, String location, Part where, String bundle,
      String code, Object... arguments) {
    Checks.notNull(subject, "subject");
    Checks.notNull(bundle, "bundle");
    Checks.notNull(code, "code");
    List<Object> args = Phrase.checked(code, Checks.list("arguments", arguments), true);
    Words english = englishWords(bundle, code);
    for (String key : where == null ? List.of(code) : List.of(code, where.code())) {
      if (!english.hasKey(key)) {
        throw new IllegalArgumentException("problem: found code " + key + ", which bundle "
            + bundle + " does not define; expected a key of its base file");
      }
    }
    String at = where == null ? location : english.format(where.code(), where.arguments());
    return new Problem(subject, at, oneLine(english.format(code, args), MAX_MESSAGE),
        bundle, code, args, where, where == null ? null : bundle);
  }

  /**
   * A part of a problem's message that is a message of the same bundle, written in the same
   * language: a value described in words ("an object"), a "did you mean" suggestion, an
   * alternative in a list. Immutable and thread-safe.
   *
   * @param code the key of the part's message in the problem's bundle
   * @param arguments the part's arguments, of the types a problem takes
   */
  public record Part(String code, List<Object> arguments) {
    /**
     * Checks the arguments' types.
     *
     * @param code the key of the part's message in the problem's bundle
     * @param arguments the part's arguments, of the types a problem takes
     */
    public Part {
      Checks.notNull(code, "code");
      arguments = Phrase.checked(code, Checks.list(arguments, "arguments"), true);
    }

    /**
     * A part with its arguments.
     *
     * @param code the key of the part's message in the problem's bundle
     * @param arguments the part's arguments
     * @return the part
     */
    public static Part of(String code, Object... arguments) {
      return new Part(code, Checks.list("arguments", arguments));
    }
  }

  /**
   * A requirement of a plan as an argument of a problem or a part: written as the core describes
   * it ({@link Requirement#describe(String, Locale)}) in the language the problem is written in,
   * so that a sentence quoting a requirement, made before its language is known, reads in one
   * language throughout. Immutable and thread-safe.
   *
   * @param requirement the requirement
   * @param volumeType the plan's qualifying volume type, which the description names
   */
  public record RequirementWords(Requirement requirement, String volumeType) {
    /**
     * Checks both are given.
     *
     * @param requirement the requirement
     * @param volumeType the plan's qualifying volume type
     */
    public RequirementWords {
      Checks.notNull(requirement, "requirement");
      Checks.notNull(volumeType, "volumeType");
    }
  }

  /** The bundle of rank-core's own problems. */
  static final String CORE = "dev.rankgauge.Problems";

  /** One of rank-core's own problems, from {@code Problems.properties}. */
  static Problem core(Subject subject, String location, String code, Object... arguments) {
    return of(subject, location, CORE, code, arguments);
  }

  /** One of rank-core's own problems, its location in the words of {@code Problems.properties}. */
  static Problem core(Subject subject, Part location, String code, Object... arguments) {
    return of(subject, location, CORE, code, arguments);
  }

  /** {@return what the problem is about, as data; {@link Subject#NONE} when only the location says it} */
  public Subject subject() {
    return subject;
  }

  /**
   * {@return where the problem is: a distributor, customer or order id ({@code "distributor D7"}),
   * a file position ({@code "orders.csv:12:5"}) or a JSON path; the same in every language}
   */
  public String location() {
    return location;
  }

  /** {@return what is wrong, in English with plain numbers, naming the ids involved} */
  public String message() {
    return message;
  }

  /**
   * What is wrong, in a language: Spanish for {@code es} (and its countries), English for any
   * other locale, with the locale's numbers and dates; {@link Locale#ROOT} gives {@link
   * #message()}. A problem made from text alone reads the same in every language.
   *
   * @param locale the language
   * @return the message in that language, as one line
   */
  public String message(Locale locale) {
    Checks.notNull(locale, "locale");
    if (bundle == null || locale.equals(Locale.ROOT)) {
      return message;
    }
    return oneLine(Words.of(bundle, locale).format(code, arguments), MAX_MESSAGE);
  }

  /**
   * {@return the key of the message in its bundle, such as {@code order.idAgain}: stable across
   * versions and languages, for programs to match on; empty for a problem made from text}
   */
  public String code() {
    return code;
  }

  /** {@return the values the message shows, in the order of its placeholders; unmodifiable} */
  public List<Object> arguments() {
    return arguments;
  }

  /**
   * Where the problem is, in a language: the words the core writes for a record's place
   * ({@code distributor D7}, {@code customer C1}, {@code order O4}, {@code rank GLD}, {@code plan
   * Acme}, {@code rank GLD requirement 2}) in that language ({@code distribuidor D7}), and a
   * location made from a bundle's words ({@link #of(Subject, Part, String, String, Object...)},
   * such as the core's {@code period 2026-10}); a file position, a JSON path or any place a
   * reader or a host wrote as text is the same in every language. A text location is put into
   * words only when it is exactly the core's English for the problem's subject, never by reading
   * other text.
   *
   * @param locale the language
   * @return the location in that language
   */
  public String location(Locale locale) {
    Checks.notNull(locale, "locale");
    if (where != null) {
      return locale.equals(Locale.ROOT) ? location
          : oneLine(Words.of(whereBundle, locale).format(where.code(), where.arguments()),
              Integer.MAX_VALUE);
    }
    boolean oneRequirement = subject.requirement().size() == 1;
    String key = switch (subject.kind()) {
      case DISTRIBUTOR, OVERRIDE -> "location.distributor";
      case CUSTOMER -> "location.customer";
      case ORDER -> "location.order";
      case RANK -> "location.rank";
      case PLAN -> "location.plan";
      case REQUIREMENT -> oneRequirement ? "location.requirement" : null;
      default -> null;
    };
    if (key == null || locale.equals(Locale.ROOT) || subject.id().isEmpty()) {
      return location;
    }
    List<Object> id = oneRequirement && subject.kind() == Subject.Kind.REQUIREMENT
        ? List.of(subject.id(), subject.requirement().get(0) + 1) : List.of(subject.id());
    if (!location.equals(Words.of(CORE, Locale.ROOT).format(key, id))) {
      return location;
    }
    return oneLine(Words.of(CORE, locale).format(key, id), Integer.MAX_VALUE);
  }

  /**
   * The same problem at the place a reader found for its subject.
   *
   * @param location the place, such as {@code orders.csv:12:5}
   * @return a problem with this subject and message at that location
   */
  public Problem at(String location) {
    return new Problem(subject, location, message, bundle, code, arguments, null, null);
  }

  /**
   * The same problem at a place a reader words in its own bundle, such as the row of a table the
   * problem's record came from: the location reads in the language of the message.
   *
   * @param bundle the base name of the bundle of the location's words
   * @param location the key of the location's words in that bundle, with its arguments
   * @return a problem with this subject and message at that location
   * @throws IllegalArgumentException if the bundle or the key does not exist
   */
  public Problem at(String bundle, Part location) {
    Checks.notNull(bundle, "bundle");
    Checks.notNull(location, "location");
    Words english = englishWords(bundle, code);
    if (!english.hasKey(location.code())) {
      throw new IllegalArgumentException("problem: found location " + location.code()
          + ", which bundle " + bundle + " does not define; expected a key of its base file");
    }
    return new Problem(subject, english.format(location.code(), location.arguments()), message,
        this.bundle, code, arguments, location, bundle);
  }

  /**
   * The problem as one line in a language: its location, then its message in that language.
   *
   * @param locale the language
   * @return {@code location: message}, or the message alone when the location is empty; the
   *     location as {@link #location(Locale)} gives it
   */
  public String toString(Locale locale) {
    String m = message(locale);
    return location.isEmpty() ? m : location(locale) + ": " + m;
  }

  /** {@code text} with control characters escaped, cut after {@code most} characters. */
  private static String oneLine(String text, int most) {
    int n = text.length();
    int i = 0;
    while (i < n && !isControl(text.charAt(i))) {
      i++;
    }
    // A cut message ends in a note of under 40 characters; it is never cut again.
    if (i == n && n <= most + 40) {
      return text; // the common case: nothing to do, no copy
    }
    StringBuilder b = new StringBuilder(Math.min(n, most) + 16);
    b.append(text, 0, Math.min(i, most));
    int limit = n <= most + 40 ? Integer.MAX_VALUE : most;
    for (int k = i; k < n && b.length() < limit; k++) {
      char c = text.charAt(k);
      if (!isControl(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    if (b.length() >= limit) {
      b.setLength(limit);
      b.append("... (cut; ").append(n).append(" characters in all)");
    }
    return b.toString();
  }

  /**
   * The characters a terminal or a regex may take for a line break or an unseen control: C0, DEL,
   * C1 (NEL, U+0085, among them) and the line and paragraph separators.
   */
  private static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p && location.equals(p.location) && message.equals(p.message);
  }

  @Override
  public int hashCode() {
    return 31 * location.hashCode() + message.hashCode();
  }

  /** {@return the problem in English: its location, then its message} */
  @Override
  public String toString() {
    return location.isEmpty() ? message : location + ": " + message;
  }

  /** The English words of {@code bundle}, or why a problem with {@code code} cannot use it. */
  private static Words englishWords(String bundle, String code) {
    try {
      return Words.of(bundle, Locale.ROOT);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("problem " + code + ": found bundle " + bundle
          + ", which is not on the class path; expected the base name of a message bundle", e);
    }
  }
}
