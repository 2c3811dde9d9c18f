package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The bulk writers' byte buffer writes what the JDK would: decimals as
 * {@code stripTrailingZeros().toPlainString()} (0 for any zero), text as its UTF-8 bytes.
 */
class Utf8BufferTest {
  @Property(tries = 3000)
  void decimalsAreWrittenPlainWithoutTrailingZeros(@ForAll("decimals") BigDecimal d) {
    Utf8Buffer b = new Utf8Buffer(4);
    b.plain(d).ascii(',').plain(d.negate());

    assertThat(b.toString()).isEqualTo(ResultsCsv.plain(d) + "," + ResultsCsv.plain(d.negate()));
  }

  @Property(tries = 3000)
  void unitsAreWrittenAsTheirDecimalPlain(@ForAll("unscaled") long unscaled,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 18) int scale) {
    Assume.that(unscaled != Long.MIN_VALUE); // not a figure: the gathered rows' mark for none
    Utf8Buffer b = new Utf8Buffer(1);
    b.ascii('x').plain(unscaled, scale);

    assertThat(b.toString()).isEqualTo("x" + ResultsCsv.plain(BigDecimal.valueOf(unscaled, scale)));
  }

  @Property(tries = 1000)
  void aByteThatQuotesAFieldIsFoundWhereverItIsWithOrWithoutRoomAfterIt(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 24) int length,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 23) int at,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 9) int before,
      @ForAll("quoting") char c, @ForAll boolean room) {
    Assume.that(at < length);
    char[] t = "abcdefghijklmnopqrstuvwx".substring(0, length).toCharArray();
    t[at] = c;
    String text = new String(t);
    String head = "0123456789".substring(0, before);
    // Exactly the bytes' room, so the last bytes are read one at a time, or room to spare, so
    // they are read as one word with the bytes past the end masked.
    Utf8Buffer b = new Utf8Buffer(room ? 64 : before + length);
    b.text(head).text(text).field(before);

    assertThat(b.toString())
        .isEqualTo(head + ResultsCsv.field(new StringBuilder(), text));
    assertThat(b.toString()).endsWith("\"");
  }

  @Provide
  Arbitrary<Character> quoting() {
    return Arbitraries.of(',', '"', '\n', '\r');
  }

  @Property(tries = 200)
  void aWordWritesItsFirstBytesOnly(@ForAll("shortTexts") String s, @ForAll("shortTexts") String next) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    Utf8Buffer b = new Utf8Buffer(1);
    b.word(Utf8Buffer.word(bytes), bytes.length).text(next);

    assertThat(b.toString()).isEqualTo(s + next);
  }

  @Provide
  Arbitrary<String> shortTexts() {
    return Arbitraries.strings().ascii().ofMinLength(0).ofMaxLength(8);
  }

  @Property(tries = 2000)
  void wholeNumbersOfEveryLengthAreWrittenAsLongToStringDoes(@ForAll("unscaled") long v) {
    assertThat(new Utf8Buffer(1).number(v).toString()).isEqualTo(Long.toString(v));
  }

  @Provide
  Arbitrary<Long> unscaled() {
    // Every count of digits, and each power of ten with its neighbours (where the count changes).
    Arbitrary<Long> powers = Arbitraries.integers().between(0, 18).flatMap(k -> {
      long p = BigInteger.TEN.pow(k).longValueExact();
      return Arbitraries.of(p - 1, p, p + 1, -p, -p + 1, 2 * p, 99 * p / 10 + 9);
    });
    Arbitrary<Long> anyLength = Arbitraries.integers().between(1, 18).flatMap(k ->
        Arbitraries.longs().between(-BigInteger.TEN.pow(k).longValueExact(),
            BigInteger.TEN.pow(k).longValueExact()));
    return Arbitraries.oneOf(powers, anyLength, Arbitraries.longs(),
        Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE + 1, 0L));
  }

  @Property(tries = 1000)
  void wholeNumbersAreWrittenAsLongToStringDoes(@ForAll long v) {
    assertThat(new Utf8Buffer(1).number(v).toString()).isEqualTo(Long.toString(v));
  }

  @Property(tries = 2000)
  void textIsItsUtf8Bytes(@ForAll("texts") String s) {
    Utf8Buffer b = new Utf8Buffer(2);
    b.text(s).text(s);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      b.writeTo(out);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }

    byte[] once = s.getBytes(StandardCharsets.UTF_8);
    byte[] twice = java.util.Arrays.copyOf(once, 2 * once.length);
    System.arraycopy(once, 0, twice, once.length, once.length);
    assertThat(out.toByteArray()).isEqualTo(twice);
  }

  @Property(tries = 2000)
  void quotedTextIsItsUtf8BytesWithEachQuoteTwice(@ForAll("texts") String s) {
    Utf8Buffer b = new Utf8Buffer(2);
    b.text(new StringBuilder(s), true);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      b.writeTo(out);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }

    assertThat(out.toByteArray())
        .isEqualTo(s.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> small = Arbitraries.longs().between(-10_000_000L, 10_000_000L)
        .map(BigInteger::valueOf);
    Arbitrary<BigInteger> any = Arbitraries.bigIntegers()
        .between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25));
    Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO,
        BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE),
        BigInteger.valueOf(Long.MIN_VALUE).add(BigInteger.ONE), BigInteger.valueOf(100),
        BigInteger.valueOf(-1_000_000));
    Arbitrary<BigInteger> unscaled = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, small), net.jqwik.api.Tuple.of(2, any),
        net.jqwik.api.Tuple.of(2, edges));
    return Combinators.combine(unscaled, Arbitraries.integers().between(-4, 22))
        .as(BigDecimal::new);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().withChars("aé,\"\n日\uD83D\uDE00").ofMaxLength(20),
        Arbitraries.strings().withChars("ab\uD800\uDC00\uDBFF").ofMaxLength(8));
  }
}
