package dev.rankgauge.io;

import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Progress of a long run, on stderr. A run is long once a step has counted 65,536 items; until
 * then nothing is printed, so small runs (and tests) stay quiet whatever the machine's load. In a
 * long run a count is shown at most once a second, and every finished step with its time.
 *
 * <p>The lines are written for a locale: counts and times in its number format, the library's own
 * words (rows read, results written) from its bundle ({@code ProgressTexts}, English and Spanish;
 * another language gets English). {@link #to(PrintWriter)} writes English.
 *
 * <p>Not thread-safe: one run, one thread.
 */
public final class Progress {
  private static final long SECOND = 1_000_000_000L;
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final Progress SILENT = new Progress(null, Locale.ENGLISH);

  private final PrintWriter err;
  private final Locale locale;
  private final ResourceBundle words;
  private long stepStart = System.nanoTime();
  private long lastPrint = stepStart;
  private boolean longRun;

  private Progress(PrintWriter err, Locale locale) {
    this.err = err;
    this.words = ResourceBundle.getBundle("dev.rankgauge.io.ProgressTexts", locale, NO_FALLBACK);
    String lang = words.getString("lang");
    this.locale = locale.getLanguage().equals(lang) ? locale : Locale.forLanguageTag(lang);
  }

  /**
   * Progress written to the given writer, in English.
   *
   * @param err normally stderr
   * @return a new progress for one run
   */
  public static Progress to(PrintWriter err) {
    return new Progress(err, Locale.ENGLISH);
  }

  /**
   * Progress written to the given writer in a language: counts and times in its number format,
   * the library's words from its bundle (English for a language without one).
   *
   * @param err normally stderr
   * @param locale the language of the lines, such as the command line's {@code --locale}
   * @return a new progress for one run
   */
  public static Progress to(PrintWriter err, Locale locale) {
    return new Progress(err, java.util.Objects.requireNonNull(locale, "locale"));
  }

  /**
   * The language the lines are written in: the one asked for, or English when the library has no
   * words in it. A host writing its own steps formats them for this locale.
   *
   * @return the locale of the lines
   */
  public Locale locale() {
    return locale;
  }

  /** The library's words of {@code key}, numbers formatted for the locale. */
  String words(String key, Object... arguments) {
    return new MessageFormat(words.getString(key), locale).format(arguments);
  }

  /**
   * No progress at all.
   *
   * @return the progress that prints nothing
   */
  public static Progress silent() {
    return SILENT;
  }

  /**
   * Reports that {@code count} items of {@code what} are done; cheap enough to call per row.
   *
   * @param what such as {@code "orders.csv rows"}
   * @param count how many are done so far
   */
  public void count(String what, long count) {
    if (err == null || count == 0 || (count & 0xFFFF) != 0) {
      return;
    }
    longRun = true;
    long now = System.nanoTime();
    if (now - lastPrint >= SECOND && now - stepStart >= SECOND) {
      err.printf(locale, "  %s: %,d%n", what, count);
      err.flush();
      lastPrint = now;
    }
  }

  /**
   * Reports a finished step with its time.
   *
   * @param done such as {@code "read 1,000,000 distributors"}
   */
  public void step(String done) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (longRun) {
      err.printf(locale, "%s (%.1f s)%n", done, (now - stepStart) / 1e9);
      err.flush();
    }
    stepStart = now;
    lastPrint = now;
  }
}
