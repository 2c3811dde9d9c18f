package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.internal.Utf8Text;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A text handed to the builder as any {@link CharSequence} (a reader's view of its buffer) is
 * kept as the UTF-8 bytes of the same text as a {@link String}: ASCII or not, lone surrogates
 * included, blank exactly when the string is.
 */
class TextsPropertiesTest {

  @Property(tries = 1000)
  void aCharSequenceIsKeptAsTheBytesOfItsString(@ForAll("texts") List<String> texts) {
    Texts fromStrings = new Texts(1);
    Texts fromViews = new Texts(1);
    for (String s : texts) {
      int k = fromStrings.add(s.getBytes(StandardCharsets.UTF_8));
      // a view that is no String, and reused for every text, as a reader's is
      int j = fromViews.add(new View(s));
      assertThat(j).isEqualTo(k);
      assertThat(fromViews.equals(j, fromStrings, k)).as("bytes of %s", s).isTrue();
      assertThat(fromViews.get(j)).isEqualTo(new String(s.getBytes(StandardCharsets.UTF_8),
          StandardCharsets.UTF_8));
      assertThat(Texts.blank(new View(s))).isEqualTo(s.isBlank());
      assertThat(Texts.blank(s)).isEqualTo(s.isBlank());
      Statistics.label("ascii").collect(s.chars().allMatch(c -> c < 0x80));
    }
    for (int k = 0; k < texts.size(); k++) {
      assertThat(fromViews.hash(k)).isEqualTo(fromStrings.hash(k));
    }
  }

  /**
   * A reader's {@link Utf8Text} (a range of its own buffer, reused from text to text) is kept as
   * its bytes, the same as the string's, is blank exactly when the string is, and reads as the
   * string's characters.
   */
  @Property(tries = 1000)
  void aReadersBytesAreKeptAsTheyAre(@ForAll("texts") List<String> texts,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 5) int offset) {
    Texts fromStrings = new Texts(1);
    Texts fromBytes = new Texts(1);
    Utf8Text view = new Utf8Text();
    for (String s : texts) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      String text = new String(utf8, StandardCharsets.UTF_8);
      byte[] buffer = new byte[offset + utf8.length + 3];
      java.util.Arrays.fill(buffer, (byte) 'x');
      System.arraycopy(utf8, 0, buffer, offset, utf8.length);
      boolean ascii = text.chars().allMatch(c -> c < 0x80);
      view.set(buffer, offset, offset + utf8.length, ascii);
      assertThat(view.toString()).isEqualTo(text);
      assertThat(view.length()).isEqualTo(text.length());
      for (int i = 0; i < text.length(); i++) {
        assertThat(view.charAt(i)).isEqualTo(text.charAt(i));
      }
      assertThat(Texts.blank(view)).as("blank %s", text).isEqualTo(text.isBlank());
      int k = fromStrings.add(s);
      int j = fromBytes.add(view);
      assertThat(j).isEqualTo(k);
      assertThat(fromBytes.equals(j, fromStrings, k)).as("bytes of %s", s).isTrue();
      assertThat(fromBytes.get(j)).isEqualTo(text);
      Statistics.label("ascii").collect(ascii);
    }
  }

  @Property(tries = 1000)
  void numberedIdsInOneRunDifferInTheLowAndTopBitsOnlyAndNeverHashAlike(
      @ForAll("prefixes") String prefix,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 99_999_999) int number,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = Texts.RUN - 1) int other) {
    int first = number - number % Texts.RUN;
    // a run is of numbers written with as many digits (9 and 10 are in two)
    net.jqwik.api.Assume.that(
        String.valueOf(number).length() == String.valueOf(first + other).length());
    int a = hash(prefix + number);
    int b = hash(prefix + (first + other));
    int runBits = (Texts.RUN - 1) | ((Texts.RUN - 1) << 28);
    assertThat(a & ~runBits).isEqualTo(b & ~runBits);
    if (first + other != number) {
      assertThat(a).isNotEqualTo(b);
      // apart in the slot (low bits) and in the bits a slot keeps above a table's mask (top)
      assertThat(a & (Texts.RUN - 1)).isNotEqualTo(b & (Texts.RUN - 1));
      assertThat(a >>> 28).isNotEqualTo(b >>> 28);
    }
  }

  @Property(tries = 200)
  void theSameNumberWithOtherDigitsOrAnotherPrefixIsInAnotherRun(
      @ForAll("prefixes") String prefix, @ForAll("prefixes") String another,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 9_999_999) int number) {
    int runBits = (Texts.RUN - 1) | ((Texts.RUN - 1) << 28);
    int a = hash(prefix + number) & ~runBits;
    // (Prefixes of one length can share a 31 * h + b, as "B-" and "AL" do, the old hash's way.)
    net.jqwik.api.Assume.that(prefix.length() != another.length());
    // Leading zeros or another prefix: the same number, mixed into other slots (by a chance of
    // 1 in 2^24 in the same).
    assertThat(hash(prefix + "0" + number) & ~runBits).isNotEqualTo(a);
    assertThat(hash(another + number) & ~runBits).isNotEqualTo(a);
  }

  private static int hash(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Texts.hash(b, 0, b.length);
  }

  @Provide
  Arbitrary<String> prefixes() {
    return Arbitraries.strings().withCharRange('A', 'Z').withChars('-', '_').ofMinLength(0)
        .ofMaxLength(3);
  }

  /** A CharSequence that is not a String. */
  private record View(String s) implements CharSequence {
    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int index) {
      return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.subSequence(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }

  @Provide
  Arbitrary<List<String>> texts() {
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(20);
    Arbitrary<String> mixed = Arbitraries.strings()
        .withChars("aZ09 \t\u00a0\u2003\u00e9\u6f22\u0130\uD83D\uDE00\uD800\uDC00\u007f")
        .ofMaxLength(12);
    Arbitrary<String> blanks = Arbitraries.strings().withChars(" \t\n\u2003\u00a0\u3000")
        .ofMaxLength(4);
    return Arbitraries.oneOf(ascii, mixed, blanks, Arbitraries.strings().ofMaxLength(8))
        .list().ofMaxSize(30);
  }
}
