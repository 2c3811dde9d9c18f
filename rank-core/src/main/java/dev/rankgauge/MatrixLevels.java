package dev.rankgauge;

import java.util.List;

/**
 * A distributor's first levels in a matrix placement tree: on each level, how many positions are
 * filled and how many of those are held by an active distributor, out of the positions the level
 * has (the width to the power of the level). These are the figures
 * {@link Requirement#matrixPositions} counts.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param levels level 1 (right below the distributor) first
 */
public record MatrixLevels(List<Level> levels) {
  /**
   * Checks and copies the levels.
   *
   * @param levels level 1 first
   */
  public MatrixLevels {
    levels = Checks.list(levels, "levels");
  }

  /**
   * One level of a matrix below a distributor.
   *
   * @param level 1 for the positions right below the distributor, 2 for the next, and so on
   * @param filled positions held by a distributor, active or not
   * @param active positions held by an active distributor, at most {@code filled}
   * @param positions the positions the level has: the width to the power of the level (capped at
   *     {@link Long#MAX_VALUE})
   */
  public record Level(int level, int filled, int active, long positions) {
    /**
     * Checks the counts.
     *
     * @param level from 1
     * @param filled from 0 to {@code positions}
     * @param active from 0 to {@code filled}
     * @param positions from 1
     */
    public Level {
      if (level < 1 || positions < 1 || filled < 0 || filled > positions || active < 0
          || active > filled) {
        throw new IllegalArgumentException("matrix level " + level + " must have 0 <= active ("
            + active + ") <= filled (" + filled + ") <= positions (" + positions + "), level"
            + " and positions from 1");
      }
    }
  }
}
