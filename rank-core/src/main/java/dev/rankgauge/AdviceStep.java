package dev.rankgauge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One concrete step towards the next rank: whom to call and how much volume it takes.
 *
 * <p>The cost of a step is {@link #volume()}: the volume, in the plan's qualifying volume type,
 * that the step's {@link #orders()} add. A step for a requirement of another volume type
 * ({@link #volumeType()}, such as side volume in BV in a plan that ranks by PV) has its volume in
 * that type, and its orders carry that type's volume only (none of the qualifying type or of any
 * other): the least an order must carry to take the step, since the plan fixes no ratio between
 * the types. A step that orders alone cannot take (people who are not
 * there yet, a requirement kind advice does not work out) has no orders, a cost of zero, and makes
 * its {@link Advice} incomplete.
 *
 * @param kind what the step asks for
 * @param requirement the requirement of the rank aimed at that the step closes
 * @param people whom the step names: the customer to win back, the distributor to activate, the
 *     person closest to a rank in a leg, the customers or distributors whose orders carry the
 *     volume; with the contact details of the focus lists
 * @param legs the legs (each named by the distributor at its top) where the volume counts or that
 *     still need a qualifier; empty where the step does not concern legs
 * @param notHelping legs where more volume does not help, because they are at the leg cap already
 * @param volume the volume the step adds, in the plan's qualifying volume type (its cost), or
 *     in the requirement's type where it is another ({@link #volumeType()})
 * @param count for {@link Kind#NEW_CUSTOMERS} and {@link Kind#NEW_DISTRIBUTORS}, how many people
 *     more are needed; else 0
 * @param side for {@link Kind#SIDE_VOLUME}, for {@link Kind#LEG_QUALIFIER} on a side (people of
 *     a rank on each side), and for {@link Kind#NEW_DISTRIBUTORS} on a side, the side of the
 *     placement tree: its position ({@link Placement#LEFT}, {@link Placement#RIGHT}); else 0
 * @param rank for {@link Kind#LEG_QUALIFIER}, the rank the person named should reach
 * @param note for {@link Kind#HOST}, the host rule's own sentence; for a step serving a
 *     requirement of a path of an {@code anyOf}, the path's name (the path the advice takes);
 *     else empty
 * @param steps for {@link Kind#LEG_QUALIFIER}, the steps that take the person named to the rank,
 *     where advice found them; else empty
 * @param orders the hypothetical orders that take this step, to apply as a what-if (for example
 *     with {@link LiveEvaluation#apply}); empty where orders alone cannot take it
 */
public record AdviceStep(
    Kind kind,
    Requirement requirement,
    List<FocusEntry> people,
    List<FocusEntry> legs,
    List<FocusEntry> notHelping,
    BigDecimal volume,
    int count,
    int side,
    Optional<Rank> rank,
    String note,
    List<AdviceStep> steps,
    List<Order> orders) {

  /** What a step asks for. */
  public enum Kind {
    /** Win back an inactive personal customer: an order that makes them active again. */
    WIN_BACK_CUSTOMER,
    /** A personally sponsored distributor needs this much volume to become active. */
    ACTIVATE_DISTRIBUTOR,
    /** More personal volume. */
    PERSONAL_VOLUME,
    /** More group volume, which counts in any leg. */
    GROUP_VOLUME,
    /** More group volume under a leg cap: it counts only in the legs named, not at the cap. */
    CAPPED_GROUP_VOLUME,
    /**
     * More volume in one leg: so that it fills a leg volume slot, adds downline volume, or raises
     * the largest leg's share.
     */
    LEG_VOLUME,
    /**
     * More volume on one side of the placement tree ({@link AdviceStep#side()}), in orders of the
     * members placed there (the side's top first); the side's top is its leg.
     */
    SIDE_VOLUME,
    /**
     * A leg, or a side of the placement tree ({@link AdviceStep#side()}), needs someone at a
     * rank: the person named is the closest to it.
     */
    LEG_QUALIFIER,
    /** Too few personal customers to win back: new ones are needed. */
    NEW_CUSTOMERS,
    /** Too few personally sponsored distributors or legs: new ones are needed. */
    NEW_DISTRIBUTORS,
    /** A step a host rule advised, through {@link dev.rankgauge.spi.QualificationRule#advise}. */
    HOST,
    /**
     * A requirement nothing done this period can meet: a join date too long ago, or closed
     * periods that decide it (paid as a rank in too few of them, a period below the minimum of
     * each); its gap says what it stands at.
     */
    OUT_OF_REACH,
    /**
     * A requirement that advice does not work out steps for: a host rule that gives no advice of
     * its own ({@link dev.rankgauge.spi.QualificationRule#advise}), since what it asks is the
     * host's; its gap says what is missing.
     */
    OTHER
  }

  /**
   * Copies the lists.
   *
   * @param kind what the step asks for
   * @param requirement the requirement of the rank aimed at that the step closes
   * @param people whom the step names
   * @param legs the legs concerned, each named by the distributor at its top
   * @param notHelping legs where more volume does not help
   * @param volume the volume the step adds: its cost
   * @param count how many new people are needed, for the two kinds of new people; else 0
   * @param side the side of the placement tree, for side volume; else 0
   * @param rank the rank to reach, for a leg qualifier
   * @param note the host rule's sentence, for a host step; else empty
   * @param steps the steps of the person named, for a leg qualifier
   * @param orders the hypothetical orders that take this step
   */
  public AdviceStep {
    Checks.notNull(kind, "kind");
    Checks.notNull(requirement, "requirement");
    people = Checks.list(people, "people");
    legs = Checks.list(legs, "legs");
    notHelping = Checks.list(notHelping, "notHelping");
    Checks.notNull(volume, "volume");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (side < 0 || side > Placement.MAX_POSITION) {
      throw new IllegalArgumentException("side must be 0 to " + Placement.MAX_POSITION
          + ": " + side);
    }
    Checks.notNull(rank, "rank");
    Checks.notNull(note, "note");
    steps = Checks.list(steps, "steps");
    orders = Checks.list(orders, "orders");
  }

  /**
   * {@return the volume type of {@link #volume()} when it is not the plan's qualifying one (the
   * requirement's own type); empty otherwise}
   */
  public Optional<String> volumeType() {
    return requirement.volumeType();
  }

  /** {@return whether orders alone take this step: it has orders to apply as a what-if} */
  public boolean concrete() {
    return !orders.isEmpty();
  }
}
