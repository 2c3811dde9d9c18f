package dev.rankgauge.io;

import dev.rankgauge.Metric;
import dev.rankgauge.Phrase;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The human-readable words of the results files: requirement sentences, gap notes, metric labels
 * and the {@code missing} column. {@link Locale#ROOT} (the default) keeps the core's English sentences
 * with plain numbers; English and Spanish format numbers for their locale. A locale without its
 * own bundle gets English. Thread-safe: the words of each requirement are kept once made; formats are made per call.
 */
final class IoTexts {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  static final IoTexts ROOT = new IoTexts(Locale.ROOT, null);

  private final Locale locale;
  /** Whether {@link #locale} is {@link Locale#ROOT}, asked for each number of a bulk export. */
  private final boolean root;
  private final String volumeType;
  private final ResourceBundle bundle;
  private final char grouping;
  private final char decimalSeparator;
  /** Each metric's label in this language, by ordinal. */
  private final String[] labels;
  /** {@link #grouping} and {@link #decimalSeparator} as UTF-8. */
  private final byte[] groupingBytes;
  private final byte[] pointBytes;
  /** The {@code missing} sentence by plural, see {@link #template}. */
  private final String[] missingByPlural;
  /**
   * The words of each requirement met so far, found by identity: a plan has a few dozen, and a
   * map keyed by requirement hashed the whole record for each of a million rows. Replaced whole
   * when one is added, so a reader sees a consistent pair of arrays.
   */
  private volatile Described described = new Described(new Requirement[0], new String[0]);

  private record Described(Requirement[] requirements, String[] words) {}

  /** Stand for the requirement and the number in the templates of {@link #missing(String, BigDecimal)}. */
  static final char WHAT = '\uE000';
  static final char MORE = '\uE001';
  private static final String NUMBER = "#,##0.######";

  /**
   * @param locale the language
   * @param volumeType the plan's qualifying volume type; null only for {@link Locale#ROOT}
   */
  /** {@return the locale the texts are written in: {@link Locale#ROOT} for plain English} */
  Locale locale() {
    return locale;
  }

  IoTexts(Locale locale, String volumeType) {
    this.bundle = ResourceBundle.getBundle("dev.rankgauge.io.IoTexts", locale, NO_FALLBACK);
    String lang = bundle.getString("lang");
    this.locale = locale.equals(Locale.ROOT) || locale.getLanguage().equals(lang) ? locale
        : Locale.forLanguageTag(lang);
    this.root = this.locale.equals(Locale.ROOT);
    this.volumeType = volumeType;
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(this.locale);
    this.grouping = symbols.getGroupingSeparator();
    this.decimalSeparator = symbols.getDecimalSeparator();
    this.missingByPlural = new String[] {template(0), template(1), template(2)};
    this.labels = new String[Metric.values().length];
    for (Metric m : Metric.values()) {
      // Made once: a bulk export writes four a row, and each was looked up in a bundle.
      labels[m.ordinal()] = this.locale.equals(Locale.ROOT) ? m.label() : m.label(this.locale);
    }
    this.groupingBytes = Utf8Buffer.encode(String.valueOf(grouping));
    this.pointBytes = Utf8Buffer.encode(String.valueOf(decimalSeparator));
    this.groupingQuoted = quoted(groupingBytes);
    this.pointQuoted = quoted(pointBytes);
    this.dot = root || decimalSeparator == '.';
  }

  /** Whether numbers are written with {@code .} before their decimals; see {@link #plain}. */
  private final boolean dot;

  /** Whether the grouping separator, or the decimal separator, makes a CSV field quoted. */
  private final boolean groupingQuoted;
  private final boolean pointQuoted;

  /** Whether the bytes hold a comma, quote, line feed or return: a CSV field of them is quoted. */
  static boolean quoted(byte[] b) {
    for (byte c : b) {
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@link #number(Utf8Buffer, long, int)} of these may write a byte that makes a CSV
   * field quoted (a comma, quote, line feed or return): false when it surely does not, as for
   * a number below a thousand in English.
   */
  boolean numberMayQuote(long unscaled, int scale) {
    if (unscaled < 0 || scale < 0 || scale > 6) {
      return !root || unscaled < 0 || scale < 0 || scale > 18;
    }
    if (root) {
      return false;
    }
    long unit = TENS[scale];
    return groupingQuoted && unscaled >= 1000 * unit || pointQuoted && unscaled % unit != 0;
  }

  /** 10^k for k from 0 to 6. */
  private static final long[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /** 1,000 * 10^k for k from 0 to 6: the least unscaled values grouped at that scale. */
  private static final long[] THOUSANDS = {1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
      100_000_000L, 1_000_000_000L};

  /**
   * Whether {@link #number(Utf8Buffer, long, int)} of these writes what {@link
   * Utf8Buffer#plain(long, int)} writes, which holds no byte that makes a CSV field quoted: a
   * number not negative, below a thousand and of at most six decimals, in a language whose
   * decimal point is {@code .}, as nearly every remaining amount of a bulk export is. Lets the
   * writer of a million rows format them with the code it formats its figures with.
   */
  boolean plain(long unscaled, int scale) {
    return dot && scale >= 0 && scale <= 6 && unscaled >= 0 && unscaled < THOUSANDS[scale];
  }

  String requirement(RequirementStatus s) {
    if (locale.equals(Locale.ROOT)) {
      return s.description();
    }
    // A requirement's words depend on it and the language alone; a million rows share a few.
    return described(s.requirement());
  }

  private String described(Requirement q) {
    Described d = described;
    Requirement[] qs = d.requirements();
    for (int k = 0; k < qs.length; k++) {
      if (qs[k] == q) {
        return d.words()[k];
      }
    }
    String w = q.describe(volumeType, locale);
    synchronized (this) {
      Described now = described;
      int n = now.requirements().length;
      for (int k = qs.length; k < n; k++) {
        if (now.requirements()[k] == q) {
          return now.words()[k];
        }
      }
      Requirement[] more = Arrays.copyOf(now.requirements(), n + 1);
      String[] words = Arrays.copyOf(now.words(), n + 1);
      more[n] = q;
      words[n] = w;
      described = new Described(more, words);
    }
    return w;
  }

  /** A gap note in this language; English with plain numbers for {@link Locale#ROOT}. */
  String note(Phrase note) {
    return note.text(locale);
  }

  String label(Metric m) {
    return labels[m.ordinal()];
  }

  /**
   * The words of a requirement in this language, given its English words ({@link
   * RequirementStatus#description()}), which {@link Locale#ROOT} keeps.
   */
  String requirement(Requirement q, String description) {
    if (locale.equals(Locale.ROOT)) {
      return description;
    }
    return described(q);
  }

  String number(BigDecimal d) {
    StringBuilder sb = new StringBuilder(24);
    number(sb, d);
    return sb.toString();
  }

  /**
   * {@link #number(BigDecimal)} appended: a decimal of at most 18 digits and scale 0 to 18, as
   * every remaining amount is, is written from its unscaled long (no {@code BigInteger}, no
   * stripped copy); any other goes the long way.
   */
  void number(StringBuilder sb, BigDecimal d) {
    int scale = d.scale();
    if (d.signum() < 0 || scale < 0 || scale > 18 || d.precision() > 18) {
      sb.append(numberSlowly(d));
      return;
    }
    long unscaled = scale == 0 ? d.longValue() : d.movePointRight(scale).longValue();
    while (scale > 0 && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    if (unscaled == 0) {
      sb.append('0');
      return;
    }
    if (scale > 6 && !locale.equals(Locale.ROOT)) {
      sb.append(numberSlowly(d));
      return;
    }
    digits(sb, unscaled, scale, locale.equals(Locale.ROOT) ? 0 : grouping,
        locale.equals(Locale.ROOT) ? '.' : decimalSeparator);
  }

  /**
   * The positive {@code unscaled / 10^scale} (no trailing zero in its fraction) with the whole
   * part grouped by threes ({@code group} 0 for none).
   */
  private static void digits(StringBuilder sb, long unscaled, int scale, char group, char point) {
    String digits = Long.toString(unscaled);
    int whole = digits.length() - scale;
    if (whole <= 0) {
      sb.append('0');
    }
    for (int i = 0; i < whole; i++) {
      if (group != 0 && i > 0 && (whole - i) % 3 == 0) {
        sb.append(group);
      }
      sb.append(digits.charAt(i));
    }
    if (scale > 0) {
      sb.append(point);
      for (int z = whole; z < 0; z++) {
        sb.append('0');
      }
      sb.append(digits, Math.max(whole, 0), digits.length());
    }
  }

  private String numberSlowly(BigDecimal d) {
    BigDecimal v = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    if (locale.equals(Locale.ROOT)) {
      return v.toPlainString();
    }
    String fast = grouped(v);
    return fast != null ? fast
        : new DecimalFormat(NUMBER, DecimalFormatSymbols.getInstance(locale)).format(v);
  }

  /**
   * What {@link #NUMBER} makes of a decimal without trailing zeros that is not negative and has
   * at most six decimals and eighteen digits (every count, and volumes of up to six decimals), made
   * here as a {@code DecimalFormat} costs more than the rest of a row; null for any other.
   */
  String grouped(BigDecimal v) {
    int scale = v.scale();
    if (v.signum() < 0 || scale > 6 || v.precision() > 18) {
      return null;
    }
    String digits = (scale < 0 ? v.setScale(0) : v).unscaledValue().toString();
    int fraction = Math.max(scale, 0);
    int whole = digits.length() - fraction;
    StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 3);
    if (whole <= 0) {
      sb.append('0');
    }
    for (int i = 0; i < whole; i++) {
      if (i > 0 && (whole - i) % 3 == 0) {
        sb.append(grouping);
      }
      sb.append(digits.charAt(i));
    }
    if (fraction > 0) {
      sb.append(decimalSeparator);
      for (int z = whole; z < 0; z++) {
        sb.append('0');
      }
      sb.append(digits, Math.max(whole, 0), digits.length());
    }
    return sb.toString();
  }

  /**
   * {@link #number(StringBuilder, BigDecimal)} of {@code unscaled / 10^scale} (scale 0 to 18),
   * written as UTF-8 into a buffer: a whole number of units that is not negative, as nearly every
   * remaining amount is, straight from its digits; anything else the long way.
   */
  void number(Utf8Buffer b, long unscaled, int scale) {
    if (unscaled < 0 || scale < 0 || scale > 18) {
      StringBuilder sb = new StringBuilder(24);
      number(sb, BigDecimal.valueOf(unscaled, scale));
      b.text(sb, false);
      return;
    }
    while (scale > 0 && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    if (unscaled == 0) {
      b.ascii('0');
      return;
    }
    if (scale > 6 && !root) {
      b.text(numberSlowly(BigDecimal.valueOf(unscaled, scale)));
      return;
    }
    b.grouped(unscaled, scale, root ? NO_GROUP : groupingBytes, root ? POINT : pointBytes);
  }

  private static final byte[] NO_GROUP = {};
  private static final byte[] POINT = {'.'};

  /**
   * The {@code missing} sentence for a plural (0 for zero, 1 for exactly one, else 2), with
   * {@link #WHAT} and {@link #MORE} where the requirement's words and the number go.
   */
  String missingTemplate(int plural) {
    return missingByPlural[plural];
  }

  /**
   * What is missing of a requirement, given in words, such as "at least 2 active personal
   * customers: 1 more".
   */
  String missing(String what, BigDecimal remaining) {
    StringBuilder sb = new StringBuilder(what.length() + 32);
    missing(sb, what, remaining);
    return sb.toString();
  }

  /** {@link #missing(String, BigDecimal)} appended. */
  void missing(StringBuilder sb, String what, BigDecimal remaining) {
    String template = missingByPlural[plural(remaining)];
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == WHAT) {
        sb.append(what);
      } else if (c == MORE) {
        number(sb, remaining);
      } else {
        sb.append(c);
      }
    }
  }

  /**
   * The bundle's {@code missing} sentence for a plural (see {@link #plural}), with {@link #WHAT}
   * and {@link #MORE} where the requirement and the number go: formatting a message once per
   * plural rather than once per row gives the same text, as both arguments are plain strings.
   */
  private String template(int plural) {
    return new MessageFormat(bundle.getString("missing"), locale)
        .format(new Object[] {String.valueOf(WHAT), String.valueOf(MORE), plural});
  }

  /** 1 for exactly one, 0 for zero, else 2: chooses a plural's words, never used in sums. */
  private static int plural(BigDecimal d) {
    return d.signum() == 0 ? 0 : d.compareTo(BigDecimal.ONE) == 0 ? 1 : 2;
  }
}
