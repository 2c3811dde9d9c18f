package dev.rankgauge;

import java.util.List;

/**
 * What a {@link Problem} is about, as data: the kind of record, which one, and which of its
 * fields. Readers of files map a subject to their own places (a CSV reader to a file, line and
 * column; a JSON reader to a JSON path), so that a problem's location never depends on the
 * wording of its message.
 *
 * <p>Fields are named as the Java API names them. A problem with a record's {@code id} field is
 * a duplicate id: its {@link #key()} is the position of the earlier record with that id.
 *
 * <ul>
 *   <li>{@link Kind#DISTRIBUTOR}: {@code id}, {@code sponsorId}, {@code titleRank} (a title rank
 *       given to an evaluation), {@code placementParentId} and {@code placementPosition} (a
 *       {@link Placement});
 *   <li>{@link Kind#CUSTOMER}: {@code id}, {@code distributorId};
 *   <li>{@link Kind#ORDER}: {@code id}, {@code buyerId}, {@code timestamp}, {@code volumes} with
 *       the volume type as {@link #key()};
 *   <li>{@link Kind#PLAN}: the setters of {@link CompPlan.Builder}, such as {@code currency} or
 *       {@code qualifyingVolumeType}, with a volume type's position as key for
 *       {@code volumeTypes};
 *   <li>{@link Kind#RANK}: {@code code} (a duplicate code, the key holding the position of the
 *       first rank with it), {@code requirements};
 *   <li>{@link Kind#REQUIREMENT}: the requirement record's component, such as {@code rank} or
 *       {@code breakawayRank}, {@code parameters} for a host rule's rank references (the key
 *       holding the rank code referred to), {@code rule} for a host rule itself; empty for the
 *       whole requirement.
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param kind the kind of record
 * @param id the record's id; for a rank or a requirement, the rank's code; for a plan, its name;
 *     empty when there is none
 * @param index the record's position among those of its kind, from 0, as they were given to the
 *     builder (for a rank or a requirement: the rank's position in the ladder); -1 when unknown
 * @param requirement for a requirement, its position in the rank from 0, followed for a
 *     requirement inside {@link Requirement.AnyOf} by the path's position and the position inside
 *     the path, and so on; empty otherwise
 * @param field the field the problem is about, or empty for the whole record
 * @param key which entry of the field, such as a volume type, or empty
 */
public record Subject(Kind kind, String id, int index, List<Integer> requirement, String field,
    String key) {

  /** Nothing in particular: a problem with the input as a whole. */
  public static final Subject NONE = new Subject(Kind.NONE, "", -1, List.of(), "", "");

  /** The kinds of record a problem can be about. */
  public enum Kind {
    /** The input as a whole, or a place only the reader knows. */
    NONE,
    /** A {@link Distributor}. */
    DISTRIBUTOR,
    /** A {@link Customer}. */
    CUSTOMER,
    /** An {@link Order}. */
    ORDER,
    /** A {@link CompPlan}'s own settings. */
    PLAN,
    /** A {@link Rank} of a plan. */
    RANK,
    /** A {@link Requirement} of a rank. */
    REQUIREMENT,
    /** An {@link Overrides.Entry}: its id is the distributor's, its index its position. */
    OVERRIDE
  }

  /**
   * Checks every field.
   *
   * @param kind the kind of record
   * @param id the record's id, the rank's code or the plan's name; empty when there is none
   * @param index the record's position among those of its kind, from 0; -1 when unknown
   * @param requirement a requirement's position path; empty otherwise
   * @param field the field, or empty for the whole record
   * @param key which entry of the field, or empty
   */
  public Subject {
    Checks.notNull(kind, "kind");
    Checks.notNull(id, "id");
    requirement = Checks.list(requirement, "requirement");
    Checks.notNull(field, "field");
    Checks.notNull(key, "key");
    if (index < -1) {
      throw new IllegalArgumentException("subject index must be -1 or more, found " + index);
    }
  }

  /**
   * A distributor.
   *
   * @param id the distributor's id
   * @param index its position among the distributors given to the builder, from 0; -1 if unknown
   * @return the subject
   */
  public static Subject distributor(String id, int index) {
    return new Subject(Kind.DISTRIBUTOR, id, index, List.of(), "", "");
  }

  /**
   * A customer.
   *
   * @param id the customer's id
   * @param index its position among the customers given to the builder, from 0; -1 if unknown
   * @return the subject
   */
  public static Subject customer(String id, int index) {
    return new Subject(Kind.CUSTOMER, id, index, List.of(), "", "");
  }

  /**
   * An order.
   *
   * @param id the order's id
   * @param index its position among the orders given to the builder, from 0; -1 if unknown
   * @return the subject
   */
  public static Subject order(String id, int index) {
    return new Subject(Kind.ORDER, id, index, List.of(), "", "");
  }

  /**
   * An override.
   *
   * @param distributorId the distributor the override names
   * @param index its position among the overrides ({@link Overrides#entries()}), from 0
   * @return the subject
   */
  public static Subject override(String distributorId, int index) {
    return new Subject(Kind.OVERRIDE, Checks.notNull(distributorId, "distributorId"), index,
        List.of(), "", "");
  }

  /**
   * The plan's own settings.
   *
   * @param name the plan's name
   * @return the subject
   */
  public static Subject plan(String name) {
    return new Subject(Kind.PLAN, Checks.notNull(name, "name"), -1, List.of(), "", "");
  }

  /**
   * A rank of the ladder.
   *
   * @param index the rank's position in the ladder, from 0
   * @param code the rank's code
   * @return the subject
   */
  public static Subject rank(int index, String code) {
    return new Subject(Kind.RANK, Checks.notNull(code, "code"), index, List.of(), "", "");
  }

  /**
   * A requirement of a rank.
   *
   * @param rankIndex the rank's position in the ladder, from 0
   * @param code the rank's code
   * @param requirement the requirement's position in the rank, then for requirements inside
   *     {@code anyOf} the path's and the inner position
   * @return the subject
   */
  public static Subject requirement(int rankIndex, String code, List<Integer> requirement) {
    return new Subject(Kind.REQUIREMENT, Checks.notNull(code, "code"), rankIndex,
        Checks.list(requirement, "requirement"), "", "");
  }

  /**
   * This subject's field.
   *
   * @param field the field's name, as the Java API names it
   * @return the subject of that field
   */
  public Subject field(String field) {
    return new Subject(kind, id, index, requirement, field, key);
  }

  /**
   * This subject's field and the entry of it.
   *
   * @param field the field's name, as the Java API names it
   * @param key the entry, such as a volume type
   * @return the subject of that entry
   */
  public Subject field(String field, String key) {
    return new Subject(kind, id, index, requirement, field, key);
  }
}
