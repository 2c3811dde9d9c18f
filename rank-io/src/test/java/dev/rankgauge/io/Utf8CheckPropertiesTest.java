package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The reader's check of a field's bytes says "UTF-8" exactly when the JDK's UTF-8 decoder, set to
 * report malformed input, decodes them: for characters of every length at the edges of their
 * ranges, and for overlong forms, surrogates, code points above U+10FFFF, lone and missing
 * continuation bytes and bytes that never occur in UTF-8, anywhere in a buffer.
 */
class Utf8CheckPropertiesTest {
  @Property(tries = 5000)
  void theCheckIsTheDecodersVerdict(@ForAll("fields") byte[] field) {
    byte[] b = new byte[field.length + 2];
    b[0] = 'x';
    System.arraycopy(field, 0, b, 1, field.length);
    b[b.length - 1] = (byte) 0xC3; // a lead byte just past the field: not part of it
    boolean decodes;
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(field));
      decodes = true;
    } catch (CharacterCodingException e) {
      decodes = false;
    }
    Statistics.label("UTF-8").collect(decodes);
    assertThat(CsvTable.isUtf8(b, 1, b.length - 1)).isEqualTo(decodes);
  }

  @Test
  void theEdgesOfEachLength() {
    assertThat(utf8(0xC2, 0x80)).as("U+0080").isTrue();
    assertThat(utf8(0xC1, 0xBF)).as("U+007F overlong").isFalse();
    assertThat(utf8(0xE0, 0xA0, 0x80)).as("U+0800").isTrue();
    assertThat(utf8(0xE0, 0x9F, 0xBF)).as("U+07FF overlong").isFalse();
    assertThat(utf8(0xED, 0x9F, 0xBF)).as("U+D7FF").isTrue();
    assertThat(utf8(0xED, 0xA0, 0x80)).as("U+D800, a surrogate").isFalse();
    assertThat(utf8(0xEF, 0xBF, 0xBF)).as("U+FFFF").isTrue();
    assertThat(utf8(0xF0, 0x90, 0x80, 0x80)).as("U+10000").isTrue();
    assertThat(utf8(0xF0, 0x8F, 0xBF, 0xBF)).as("U+FFFF overlong").isFalse();
    assertThat(utf8(0xF4, 0x8F, 0xBF, 0xBF)).as("U+10FFFF").isTrue();
    assertThat(utf8(0xF4, 0x90, 0x80, 0x80)).as("U+110000").isFalse();
    assertThat(utf8(0xC3)).as("cut short").isFalse();
    assertThat(utf8(0x80)).as("a lone continuation byte").isFalse();
  }

  private static boolean utf8(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return CsvTable.isUtf8(b, 0, b.length);
  }

  /**
   * Fields made of pieces: ASCII, characters of two to four bytes (edges of each range among
   * them), and pieces that break UTF-8 (overlong forms, surrogates, above U+10FFFF, lone or
   * missing continuation bytes, C0, C1, F5 to FF).
   */
  @Provide
  Arbitrary<byte[]> fields() {
    Arbitrary<byte[]> ascii = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(4)
        .map(s -> s.getBytes(StandardCharsets.US_ASCII));
    Arbitrary<byte[]> character = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(0x80, 0x10FFFF)),
        Tuple.of(1, Arbitraries.of(0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000,
            0x10FFFF)))
        .filter(c -> c < 0xD800 || c > 0xDFFF)
        .map(c -> new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> broken = Arbitraries.of(List.of(
        new int[] {0xC0, 0x80}, new int[] {0xC1, 0xBF}, new int[] {0xE0, 0x80, 0x80},
        new int[] {0xE0, 0x9F, 0xBF}, new int[] {0xED, 0xA0, 0x80}, new int[] {0xED, 0xBF, 0xBF},
        new int[] {0xF0, 0x80, 0x80, 0x80}, new int[] {0xF0, 0x8F, 0xBF, 0xBF},
        new int[] {0xF4, 0x90, 0x80, 0x80}, new int[] {0xF5, 0x80, 0x80, 0x80},
        new int[] {0xFF}, new int[] {0xFE}, new int[] {0x80}, new int[] {0xBF},
        new int[] {0xC3}, new int[] {0xE2, 0x82}, new int[] {0xF0, 0x9F, 0x98},
        new int[] {0xC3, 0x41}, new int[] {0xE2, 0x41, 0x82}, new int[] {0xF0, 0x9F, 0x41, 0x80}))
        .map(ints -> {
          byte[] b = new byte[ints.length];
          for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ints[i];
          }
          return b;
        });
    Arbitrary<byte[]> anyByte = Arbitraries.bytes().map(x -> new byte[] {x});
    Arbitrary<byte[]> piece = Arbitraries.frequencyOf(Tuple.of(4, ascii), Tuple.of(6, character),
        Tuple.of(1, broken), Tuple.of(1, anyByte));
    return piece.list().ofMinSize(0).ofMaxSize(6).map(pieces -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] p : pieces) {
        out.writeBytes(p);
      }
      return out.toByteArray();
    });
  }
}
