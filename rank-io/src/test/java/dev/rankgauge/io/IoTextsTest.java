package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The words of the results files come out as the bundle's message and {@code DecimalFormat}
 * would write them, though they are made without either for each row.
 */
class IoTextsTest {
  @Property(tries = 2000)
  void numbersAreWrittenAsDecimalFormatWritesThem(@ForAll("amounts") BigDecimal d,
      @ForAll("locales") Locale locale) {
    IoTexts words = new IoTexts(locale, "PV");
    BigDecimal v = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    String expected = locale.equals(Locale.ROOT) ? v.toPlainString()
        : new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(spoken(locale)))
            .format(v);

    assertThat(words.number(d)).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void aNumberOfUnitsIsWrittenAsItsDecimal(@ForAll("units") long unscaled,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 18) int scale,
      @ForAll("locales") Locale locale) {
    IoTexts words = new IoTexts(locale, "PV");
    Utf8Buffer b = new Utf8Buffer(1);
    b.ascii('x');
    words.number(b, unscaled, scale);

    assertThat(b.toString()).isEqualTo("x" + words.number(BigDecimal.valueOf(unscaled, scale)));
  }

  @Provide
  Arbitrary<Long> units() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 2_000_000_000L),
        Arbitraries.longs(), Arbitraries.of(0L, 1L, 10L, 100L, 1000L, 999_999L, 1_000_000L,
            Long.MAX_VALUE, Long.MIN_VALUE, -1L));
  }

  @Property(tries = 500)
  void theMissingSentenceIsTheBundlesMessage(@ForAll("amounts") BigDecimal remaining,
      @ForAll("locales") Locale locale) {
    IoTexts words = new IoTexts(locale, "PV");
    String what = "at least 1,000 {0} group PV";
    ResourceBundle bundle = bundle(locale);
    int plural = remaining.signum() == 0 ? 0 : remaining.compareTo(BigDecimal.ONE) == 0 ? 1 : 2;
    String expected = new MessageFormat(bundle.getString("missing"), spoken(locale))
        .format(new Object[] {what, words.number(remaining), plural});

    assertThat(words.missing(what, remaining)).isEqualTo(expected);
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle("dev.rankgauge.io.IoTexts", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The locale the words are written in: the one asked for, or English for one without words. */
  private static Locale spoken(Locale locale) {
    String lang = bundle(locale).getString("lang");
    return locale.equals(Locale.ROOT) || locale.getLanguage().equals(lang) ? locale
        : Locale.forLanguageTag(lang);
  }

  @Provide
  Arbitrary<BigDecimal> amounts() {
    Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 2_000_000_000L).map(BigInteger::valueOf),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN, BigInteger.valueOf(999),
            BigInteger.valueOf(1000), BigInteger.valueOf(Long.MAX_VALUE)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(24)));
    return Combinators.combine(unscaled, Arbitraries.integers().between(-3, 9))
        .as(BigDecimal::new);
  }

  @Provide
  Arbitrary<Locale> locales() {
    return Arbitraries.of(Locale.ROOT, Locale.ENGLISH, Locale.forLanguageTag("es"),
        Locale.forLanguageTag("es-MX"), Locale.forLanguageTag("en-IN"),
        Locale.forLanguageTag("de"));
  }
}
