package dev.rankgauge.io;

/** Rows of a bulk export are formatted this many at a time, one chunk per task. */
final class Chunks {
  static final int SIZE = 2048;

  /**
   * A chunk's rows are formatted this many at a time, by a method of their own. The loop over a
   * whole chunk (2,048 turns a call) was compiled twice in a cold run: first while it ran, to be
   * replaced on the stack (HotSpot asks for that after 40,000 turns), then again as a method. A
   * loop over a run of a few dozen rows is called a thousand times before it has turned 40,000
   * times, and so is compiled once, as a method; the loop over a chunk's runs (64 turns a chunk)
   * turns too few times in a write of a million rows to be compiled by C2 at all.
   */
  static final int RUN = 32;

  private Chunks() {}

  /** How many chunks {@code n} rows make. */
  static int count(int n) {
    return (n + SIZE - 1) / SIZE;
  }
}
