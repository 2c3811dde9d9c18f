package dev.rankgauge.internal;

import java.nio.charset.StandardCharsets;

/**
 * Not an API: for RankGauge's own readers, and subject to change without notice. A range of a
 * byte buffer holding well-formed UTF-8, seen as text: a reader of bytes hands a field to
 * {@link dev.rankgauge.Organisation.Builder}'s row methods as one of these, and the builder
 * copies the bytes as they are (one array copy) instead of going through the characters, and
 * with no {@link String} made. The reader reuses the object from row to row: it is valid until
 * {@link #set} is called again.
 *
 * <p>The bytes must be well-formed UTF-8 (the reader has checked them); bytes that are not would
 * be kept as they are and read back with replacement characters. Its equality is identity, as
 * for any {@link CharSequence} that is not a {@code String}.
 */
public final class Utf8Text implements CharSequence {
  private byte[] bytes = new byte[0];
  private int from;
  private int to;
  private boolean ascii = true;
  /** The text decoded, once asked for, when it is not ASCII. */
  private String decoded;

  /**
   * Makes this the text of {@code bytes[from, to)}.
   *
   * @param ascii whether every byte of the range is below 0x80 (then a character is a byte)
   * @return this
   */
  public Utf8Text set(byte[] bytes, int from, int to, boolean ascii) {
    this.bytes = bytes;
    this.from = from;
    this.to = to;
    this.ascii = ascii;
    this.decoded = null;
    return this;
  }

  /** The buffer holding the text's bytes, from {@link #from()} to {@link #to()}. */
  public byte[] bytes() {
    return bytes;
  }

  /** Where the text's bytes start in {@link #bytes()}. */
  public int from() {
    return from;
  }

  /** One past where the text's bytes end in {@link #bytes()}. */
  public int to() {
    return to;
  }

  @Override
  public int length() {
    return ascii ? to - from : toString().length();
  }

  @Override
  public char charAt(int index) {
    if (!ascii) {
      return toString().charAt(index);
    }
    if (index < 0 || index >= to - from) {
      throw new IndexOutOfBoundsException("index " + index + " of " + (to - from));
    }
    return (char) bytes[from + index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  @Override
  public String toString() {
    if (ascii) {
      return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
    if (decoded == null) {
      decoded = new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
    return decoded;
  }
}
