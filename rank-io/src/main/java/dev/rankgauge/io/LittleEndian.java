package dev.rankgauge.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a byte array as one little-endian {@code long}: the word the reader's and the
 * writer's eight-bytes-at-a-time loops test (a byte's place in the word is its place in the
 * array). One view for every such loop of this package.
 */
final class LittleEndian {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** {@code '0'} in each byte: a word of digits xor this is their values. */
  static final long ZEROS = 0x3030_3030_3030_3030L;

  private LittleEndian() {}

  /** The eight bytes from {@code b[i]}; {@code b} must hold them. */
  static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }
}
