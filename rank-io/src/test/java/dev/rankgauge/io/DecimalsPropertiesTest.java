package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Decimals read from bytes are exactly {@code new BigDecimal(text)}, scale included, for every
 * plain decimal of up to 18 digits, and nothing else is taken: what they refuse goes to the text
 * path, which reports it as before.
 */
class DecimalsPropertiesTest {
  /** The syntax the CSV reader accepts: a sign, digits, at most one point, a digit at least. */
  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

  @Property(tries = 3000)
  void plainDecimalsAreBigDecimalsOfTheTextAndNothingElseIsTaken(@ForAll("texts") String text) {
    byte[] b = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
    BigDecimal read = Decimals.plain(b, 1, b.length - 1);
    boolean plain = PLAIN.matcher(text).matches();
    long digits = text.chars().filter(Character::isDigit).count();
    Statistics.label("plain").collect(plain);
    if (plain && digits <= 18) {
      BigDecimal expected = new BigDecimal(text);
      assertThat(read).isEqualTo(expected);
      assertThat(read.scale()).isEqualTo(expected.scale());
    } else {
      assertThat(read).isNull();
    }
  }

  /** Volumes are read without their trailing zeros, as the text's BigDecimal stripped of them. */
  @Property(tries = 3000)
  void exactDecimalsAreTheTextsWithoutTrailingZeros(@ForAll("texts") String text) {
    byte[] b = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
    BigDecimal read = Decimals.exact(b, 1, b.length - 1);
    BigDecimal plain = Decimals.plain(b, 1, b.length - 1);
    Statistics.label("trailing zeros").collect(plain != null && plain.scale() > 0
        && !plain.equals(CsvOrganisation.exact(plain)));
    if (plain == null) {
      assertThat(read).isNull();
    } else {
      BigDecimal expected = CsvOrganisation.exact(new BigDecimal(text));
      assertThat(read).isEqualTo(expected);
      assertThat(read.scale()).isEqualTo(expected.scale());
    }
  }

  /**
   * Read as units (an unscaled long and a scale, no {@link BigDecimal}), an amount is the
   * text's {@code BigDecimal}, scale included, and a volume is what the organisation keeps of
   * the text's {@code BigDecimal} without trailing zeros ({@code 1E+2} kept as 100, scale 0);
   * what they refuse is what {@link Decimals#plain} refuses.
   */
  @Property(tries = 3000)
  void unitsAreTheTextsDecimalAsTheOrganisationKeepsIt(@ForAll("texts") String text) {
    byte[] b = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
    BigDecimal plain = Decimals.plain(b, 1, b.length - 1);
    Decimals.Units amount = new Decimals.Units();
    Decimals.Units volume = new Decimals.Units();
    assertThat(amount.read(b, 1, b.length - 1, false)).isEqualTo(plain != null);
    assertThat(volume.read(b, 1, b.length - 1, true)).isEqualTo(plain != null);
    if (plain != null) {
      BigDecimal expected = new BigDecimal(text);
      assertThat(BigDecimal.valueOf(amount.unscaled, amount.scale)).isEqualTo(expected);
      BigDecimal exact = CsvOrganisation.exact(expected);
      BigDecimal kept = exact.scale() < 0 ? exact.setScale(0) : exact;
      assertThat(BigDecimal.valueOf(volume.unscaled, volume.scale)).isEqualTo(kept);
    }
  }

  /**
   * In a reader's buffer the bytes after a value are the rest of the row (and at least eight
   * more): units read there are the text's, whatever those bytes are, as above. Values of up to
   * eight bytes are read eight bytes at a time, and the bytes after them must not count.
   */
  @Property(tries = 3000)
  void unitsAreTheTextsDecimalWhateverBytesFollow(@ForAll("texts") String text,
      @ForAll("after") String after) {
    byte[] b = ("x" + text + after).getBytes(StandardCharsets.US_ASCII);
    int to = 1 + text.length();
    boolean plain = PLAIN.matcher(text).matches()
        && text.chars().filter(Character::isDigit).count() <= 18;
    Statistics.label("eight bytes or fewer").collect(plain && text.length() <= 8);
    Decimals.Units amount = new Decimals.Units();
    Decimals.Units volume = new Decimals.Units();
    assertThat(amount.read(b, 1, to, false)).isEqualTo(plain);
    assertThat(volume.read(b, 1, to, true)).isEqualTo(plain);
    if (plain) {
      BigDecimal expected = new BigDecimal(text);
      assertThat(BigDecimal.valueOf(amount.unscaled, amount.scale)).isEqualTo(expected);
      assertThat(amount.scale).isEqualTo(expected.scale());
      BigDecimal exact = CsvOrganisation.exact(expected);
      BigDecimal kept = exact.scale() < 0 ? exact.setScale(0) : exact;
      assertThat(BigDecimal.valueOf(volume.unscaled, volume.scale)).isEqualTo(kept);
    }
  }

  /** What follows a value in a row: the next cells' characters, eight at least. */
  @Provide
  Arbitrary<String> after() {
    return Arbitraries.strings().withChars("0123456789.-+e ,\n\"x").ofMinLength(8)
        .ofMaxLength(16);
  }

  @Test
  void theShapesOfAnOrdersFile() {
    assertThat(plain("49.95")).isEqualTo(new BigDecimal("49.95"));
    assertThat(plain("100.00").scale()).isEqualTo(2);
    assertThat(plain("-0.5")).isEqualTo(new BigDecimal("-0.5"));
    assertThat(plain("+7")).isEqualTo(new BigDecimal("7"));
    assertThat(plain(".5")).isEqualTo(new BigDecimal(".5"));
    assertThat(plain("7.")).isEqualTo(new BigDecimal("7."));
    assertThat(plain("999999999999999999")).isEqualTo(new BigDecimal("999999999999999999"));
    assertThat(plain("1000000000000000000")).as("19 digits: read as text").isNull();
    assertThat(plain("1e3")).isNull();
    assertThat(plain("1,5")).isNull();
    assertThat(plain("")).isNull();
    assertThat(plain("-")).isNull();
    assertThat(plain(".")).isNull();
    assertThat(plain("1.2.3")).isNull();
    assertThat(exact("49.950")).isEqualTo(new BigDecimal("49.95"));
    assertThat(exact("100.00")).as("as stripTrailingZeros: 1E+2").isEqualTo(new BigDecimal("1E+2"));
    assertThat(exact("-0.000")).isEqualTo(BigDecimal.ZERO);
    assertThat(exact("100")).as("no point: kept").isEqualTo(new BigDecimal("100"));
    Decimals.Units u = new Decimals.Units();
    byte[] b = "100.00".getBytes(StandardCharsets.US_ASCII);
    assertThat(u.read(b, 0, b.length, true)).isTrue();
    assertThat(u.unscaled).isEqualTo(100);
    assertThat(u.scale).as("stripped down to a scale of 0").isZero();
    assertThat(u.read(b, 0, b.length, false)).isTrue();
    assertThat(u.unscaled).isEqualTo(10000);
    assertThat(u.scale).isEqualTo(2);
  }

  private static BigDecimal exact(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return Decimals.exact(b, 0, b.length);
  }

  private static BigDecimal plain(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return Decimals.plain(b, 0, b.length);
  }

  /** Texts near the syntax: mostly plain decimals of up to 22 digits, some with a stray sign or letter. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMaxLength(12);
    Arbitrary<String> plain = net.jqwik.api.Combinators.combine(
        Arbitraries.of("", "-", "+"), digits, Arbitraries.of("", "."), digits)
        .as((sign, a, p, c) -> sign + a + p + c);
    Arbitrary<String> near = Arbitraries.strings().withChars("0123456789.-+e ,")
        .ofMaxLength(8);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, plain),
        net.jqwik.api.Tuple.of(1, near));
  }
}
