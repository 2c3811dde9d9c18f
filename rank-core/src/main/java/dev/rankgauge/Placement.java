package dev.rankgauge;

/**
 * Where a distributor sits in the placement tree (the binary or matrix tree of a plan that has
 * one), beside where they sit in the sponsor tree. The host decides placements, spillover
 * included; RankGauge only reads them.
 *
 * <p>A position is a slot under the placement parent, from 1: in a binary tree 1 is the left
 * side and 2 the right ({@link #left}, {@link #right}), in a matrix of width W a slot 1 to W. A
 * distributor without a placement is a root of the placement tree. Which width a position may
 * reach is the plan's to say (the plan's placement tree); an {@link Organisation} checks what holds
 * for every tree: known distributors, one distributor per position, no cycle, a parent in the
 * same organisation.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param distributorId the distributor placed, not blank
 * @param parentId the placement parent, not blank and not the distributor
 * @param position the slot under the parent, 1 to {@value #MAX_POSITION}
 */
public record Placement(String distributorId, String parentId, int position) {
  /** The widest tree a plan may declare, and so the highest position. */
  public static final int MAX_POSITION = 100;
  /** The left side of a binary tree. */
  public static final int LEFT = 1;
  /** The right side of a binary tree. */
  public static final int RIGHT = 2;

  /**
   * Checks every field; see the record components.
   *
   * @param distributorId the distributor placed, not blank
   * @param parentId the placement parent, not blank and not the distributor
   * @param position the slot under the parent, 1 to {@value #MAX_POSITION}
   * @throws IllegalArgumentException if an id is blank or the position out of range
   */
  public Placement {
    Checks.id(distributorId, "distributor id of a placement");
    Checks.id(parentId, "placement parent id of distributor ", distributorId);
    if (position < 1 || position > MAX_POSITION) {
      throw new IllegalArgumentException("placement position of distributor " + distributorId
          + " must be 1 to " + MAX_POSITION + ", found " + position);
    }
  }

  /**
   * A distributor on the left side of a binary tree.
   *
   * @param distributorId the distributor placed
   * @param parentId the placement parent
   * @return the placement at position {@value #LEFT}
   */
  public static Placement left(String distributorId, String parentId) {
    return new Placement(distributorId, parentId, LEFT);
  }

  /**
   * A distributor on the right side of a binary tree.
   *
   * @param distributorId the distributor placed
   * @param parentId the placement parent
   * @return the placement at position {@value #RIGHT}
   */
  public static Placement right(String distributorId, String parentId) {
    return new Placement(distributorId, parentId, RIGHT);
  }

  /**
   * A distributor in a slot of a matrix (or, with 1 and 2, of a binary tree).
   *
   * @param distributorId the distributor placed
   * @param parentId the placement parent
   * @param position the slot, 1 to {@value #MAX_POSITION}
   * @return the placement
   */
  public static Placement of(String distributorId, String parentId, int position) {
    return new Placement(distributorId, parentId, position);
  }
}
