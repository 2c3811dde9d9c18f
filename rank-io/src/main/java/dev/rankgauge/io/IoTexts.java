package dev.rankgauge.io;

import dev.rankgauge.Metric;
import dev.rankgauge.Phrase;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The human-readable words of the results files: requirement sentences, gap notes, metric labels
 * and the {@code missing} column. {@link Locale#ROOT} (the default) keeps the core's English sentences
 * with plain numbers; English and Spanish format numbers for their locale. A locale without its
 * own bundle gets English. Immutable and thread-safe: the formats are made per call.
 */
final class IoTexts {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  static final IoTexts ROOT = new IoTexts(Locale.ROOT, null);

  private final Locale locale;
  private final String volumeType;
  private final ResourceBundle bundle;

  /**
   * @param locale the language
   * @param volumeType the plan's qualifying volume type; null only for {@link Locale#ROOT}
   */
  IoTexts(Locale locale, String volumeType) {
    this.bundle = ResourceBundle.getBundle("dev.rankgauge.io.IoTexts", locale, NO_FALLBACK);
    String lang = bundle.getString("lang");
    this.locale = locale.equals(Locale.ROOT) || locale.getLanguage().equals(lang) ? locale
        : Locale.forLanguageTag(lang);
    this.volumeType = volumeType;
  }

  String requirement(RequirementStatus s) {
    return locale.equals(Locale.ROOT) ? s.description()
        : s.requirement().describe(volumeType, locale);
  }

  /** A gap note in this language; English with plain numbers for {@link Locale#ROOT}. */
  String note(Phrase note) {
    return note.text(locale);
  }

  String label(Metric m) {
    return locale.equals(Locale.ROOT) ? m.label() : m.label(locale);
  }

  String number(BigDecimal d) {
    BigDecimal v = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    if (locale.equals(Locale.ROOT)) {
      return v.toPlainString();
    }
    return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(locale)).format(v);
  }

  /** "at least 2 active personal customers: 1 more". */
  String missing(RequirementStatus s) {
    return new MessageFormat(bundle.getString("missing"), locale)
        .format(new Object[] {requirement(s), number(s.remaining()), plural(s.remaining())});
  }

  /** 1 for exactly one, 0 for zero, else 2: chooses a plural's words, never used in sums. */
  private static int plural(BigDecimal d) {
    return d.signum() == 0 ? 0 : d.compareTo(BigDecimal.ONE) == 0 ? 1 : 2;
  }
}
