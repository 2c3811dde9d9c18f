package dev.rankgauge.view;

import dev.rankgauge.Metric;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Phrase;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the views say, from the message bundle {@code dev.rankgauge.view.Texts} (English as the
 * base, Spanish in {@code Texts_es}), with numbers and dates formatted for the locale. A locale
 * without its own bundle gets English (numbers too), never the JVM's default locale's bundle. One per
 * rendering; not shared between threads.
 */
final class Texts {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;
  private final DecimalFormat number;
  private final DecimalFormat money;
  private final DecimalFormat percent;
  private final DateTimeFormatter date;
  private final DateTimeFormatter dateTime;

  Texts(Locale locale) {
    if (locale == null) {
      throw new NullPointerException("locale");
    }
    this.bundle = ResourceBundle.getBundle("dev.rankgauge.view.Texts", locale, NO_FALLBACK);
    // Numbers and dates follow the language the text is in: the locale asked for when its
    // language has a bundle (es-MX keeps Mexico's signs), else the bundle's own language.
    String lang = bundle.getString("lang");
    this.locale = locale.getLanguage().equals(lang) ? locale : Locale.forLanguageTag(lang);
    DecimalFormatSymbols signs = DecimalFormatSymbols.getInstance(this.locale);
    this.number = new DecimalFormat("#,##0.######", signs);
    this.money = new DecimalFormat("#,##0.00", signs);
    this.percent = new DecimalFormat("0.00", signs);
    percent.setRoundingMode(RoundingMode.DOWN);
    this.date = DateTimeFormatter.ofPattern(bundle.getString("date"), this.locale);
    this.dateTime = DateTimeFormatter.ofPattern(bundle.getString("dateTime"), this.locale);
  }

  /** The language tag of the text, such as {@code en} or {@code es}. */
  String language() {
    return bundle.getString("lang");
  }

  Locale locale() {
    return locale;
  }

  String get(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  /** A decimal with the locale's grouping and no trailing zeros: 7,300 or 7.300; 49.95 or 49,95. */
  String number(BigDecimal d) {
    return number.format(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
  }

  /**
   * The number a message's plural choice reads: 1 for exactly one, else 2 (0 for zero). Only
   * chooses words; no arithmetic is done with it.
   */
  static int plural(BigDecimal d) {
    return d.signum() == 0 ? 0 : d.compareTo(BigDecimal.ONE) == 0 ? 1 : 2;
  }

  String money(BigDecimal d) {
    return money.format(d);
  }

  /** A percentage's figure with two decimals, rounded down: 66.66 or 66,66. */
  String percent(BigDecimal d) {
    return percent.format(d);
  }

  String date(LocalDate d) {
    return date.format(d);
  }

  String dateTime(ZonedDateTime t) {
    return dateTime.format(t);
  }

  String label(Metric m) {
    return m.label(locale);
  }

  /** A gap note in the language of the text, with its numbers and dates. */
  String note(Phrase note) {
    return note.text(locale);
  }

  String status(OrderStatus s) {
    return get("status." + s.name());
  }

  /** The requirement of a status in words. */
  String describe(RequirementStatus s, String volumeType) {
    return s.requirement().describe(volumeType, locale);
  }

  /**
   * The parts of an {@code anyOf} status, each with the name of its path, in the order of
   * {@link RequirementStatus#parts()}: every requirement of the first path, then of the next.
   */
  List<String> partNames(RequirementStatus s, String volumeType) {
    List<String> names = new ArrayList<>();
    if (s.requirement() instanceof Requirement.AnyOf any) {
      for (Requirement.Path p : any.paths()) {
        for (Requirement r : p.requirements()) {
          names.add(get("path", p.name(), r.describe(volumeType, locale)));
        }
      }
    }
    if (names.size() != s.parts().size()) {
      names.clear();
      for (RequirementStatus p : s.parts()) {
        names.add(describe(p, volumeType));
      }
    }
    return names;
  }
}
