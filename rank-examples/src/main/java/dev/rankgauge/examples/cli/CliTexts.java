package dev.rankgauge.examples.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line's own words, from the bundle {@code dev.rankgauge.examples.cli.Cli} (English
 * as the base, Spanish in {@code Cli_es}), in the language of {@code --locale}: usage errors, the
 * frame of located problems, and failures to read or write a file. What the library reports
 * (the problems of a plan file or of the data, with their locations) comes from the library's
 * own bundles, in the same language ({@link #problem}). Immutable and thread-safe.
 */
final class CliTexts {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  static final CliTexts ENGLISH = new CliTexts(Locale.ENGLISH);

  private final Locale locale;
  private final ResourceBundle bundle;

  CliTexts(Locale locale) {
    this.bundle = ResourceBundle.getBundle("dev.rankgauge.examples.cli.Cli", locale, NO_FALLBACK);
    String lang = bundle.getString("lang");
    this.locale = locale.getLanguage().equals(lang) ? locale : Locale.forLanguageTag(lang);
  }

  /**
   * The language a command line asks for, read from its arguments as they were typed, for errors
   * found before (or while) {@code --locale} is parsed: English unless {@code --locale} names a
   * language the command line speaks.
   */
  static CliTexts of(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String tag = args[i].startsWith("--locale=") ? args[i].substring("--locale=".length())
          : args[i].equals("--locale") && i + 1 < args.length ? args[i + 1] : null;
      if (tag != null) {
        Locale l = Locale.forLanguageTag(tag.strip());
        if (RankGaugeCli.LANGUAGES.contains(l.getLanguage())) {
          return new CliTexts(l);
        }
      }
    }
    return ENGLISH;
  }

  /** The locale of these words: the one asked for when its language is spoken, else English. */
  Locale locale() {
    return locale;
  }

  /**
   * A message that is a pattern of its own, such as a {@code DateTimeFormatter} pattern, as the
   * bundle has it (not read as a {@code MessageFormat}).
   */
  String raw(String key) {
    return bundle.getString(key);
  }

  /**
   * A period in words: its first and last day in this language's date format, open or closed;
   * in English as {@link dev.rankgauge.Period#toString()} writes it.
   */
  String period(dev.rankgauge.Period p) {
    java.time.format.DateTimeFormatter date =
        java.time.format.DateTimeFormatter.ofPattern(raw("date"), locale);
    return get("period", date.format(p.start()), date.format(p.end()),
        p.state() == dev.rankgauge.Period.State.CLOSED ? 1 : 0);
  }

  /**
   * An instant in words: in English the ISO-8601 instant in UTC as {@link
   * java.time.Instant#toString()} writes it (the bundle's {@code instant} is empty); in another
   * language the bundle's date-time pattern in {@code zone}, followed by the zone.
   */
  String instant(java.time.Instant t, java.time.ZoneId zone) {
    String pattern = raw("instant");
    return pattern.isEmpty() ? t.toString()
        : java.time.format.DateTimeFormatter.ofPattern(pattern, locale).format(t.atZone(zone))
            + " " + zone;
  }

  /**
   * A decimal with this language's grouping and decimal signs and at most six decimals, rounded
   * half up, without trailing zeros: 7,390 or 7.390; 49.95 or 49,95.
   */
  String number(java.math.BigDecimal d) {
    java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.######",
        java.text.DecimalFormatSymbols.getInstance(locale));
    f.setRoundingMode(java.math.RoundingMode.HALF_UP);
    return f.format(d);
  }

  /** A part of a message that is a message of its own, written in the same language. */
  record Part(String key, String argument) {}

  /** A "did you mean" suffix, worked out when the message is written. */
  record DidYouMean(String typed, java.util.Collection<String> known) {}

  /**
   * The message of {@code key} with its arguments; numbers in the locale's format, {@link Part}s
   * and {@link DidYouMean}s in this language.
   */
  String get(String key, Object... args) {
    Object[] all = args.clone();
    for (int i = 0; i < all.length; i++) {
      if (all[i] instanceof Part p) {
        all[i] = get(p.key(), p.argument());
      } else if (all[i] instanceof DidYouMean d) {
        all[i] = didYouMean(d.typed(), d.known());
      }
    }
    return new MessageFormat(bundle.getString(key), locale).format(all);
  }

  /**
   * A problem the library found, in this language: its location as it is, its message from the
   * library's bundles (English with plain numbers, as the library writes it, when English).
   */
  String problem(dev.rankgauge.Problem p) {
    return p.toString(problems());
  }

  /** The locale of the library's texts: its English (numbers plain) when English. */
  Locale problems() {
    return locale.getLanguage().equals("en") ? Locale.ROOT : locale;
  }

  /** {@code "; did you mean 'x'?"}, or nothing when no known word is close. */
  String didYouMean(String typed, java.util.Collection<String> known) {
    return Suggest.closest(typed, known).map(s -> get("didYouMean", s)).orElse("");
  }
}
