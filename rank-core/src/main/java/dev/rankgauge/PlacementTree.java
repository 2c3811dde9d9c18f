package dev.rankgauge;

/**
 * The placement tree a plan reads beside the sponsor tree: a binary tree (two positions under
 * each distributor, left and right) or a matrix of a fixed width. The host supplies the
 * placements ({@link Placement}); an evaluation refuses a position beyond the width.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param width how many positions each distributor has below them: 2 for a binary tree, 2 to
 *     {@value Placement#MAX_POSITION} for a matrix
 */
public record PlacementTree(int width) {
  /**
   * Checks the width.
   *
   * @param width 2 to {@value Placement#MAX_POSITION}
   * @throws IllegalArgumentException for a width out of range
   */
  public PlacementTree {
    if (width < 2 || width > Placement.MAX_POSITION) {
      throw new IllegalArgumentException("placement tree width must be 2 to "
          + Placement.MAX_POSITION + ", found " + width);
    }
  }

  /**
   * A binary tree: left (position 1) and right (position 2) under each distributor.
   *
   * @return the binary tree
   */
  public static PlacementTree binary() {
    return new PlacementTree(2);
  }

  /**
   * A matrix: positions 1 to {@code width} under each distributor ("a 3x7 matrix" has width 3;
   * its depth is the plan's requirements' business).
   *
   * @param width 2 to {@value Placement#MAX_POSITION}
   * @return the matrix
   */
  public static PlacementTree matrix(int width) {
    return new PlacementTree(width);
  }

  /** {@return whether this is a binary tree, with a left and a right side} */
  public boolean isBinary() {
    return width == 2;
  }
}
