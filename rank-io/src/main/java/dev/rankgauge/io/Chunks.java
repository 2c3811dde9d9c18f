package dev.rankgauge.io;

/** Rows of a bulk export are formatted this many at a time, one chunk per task. */
final class Chunks {
  static final int SIZE = 2048;

  private Chunks() {}

  /** How many chunks {@code n} rows make. */
  static int count(int n) {
    return (n + SIZE - 1) / SIZE;
  }
}
