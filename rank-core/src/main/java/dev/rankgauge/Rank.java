package dev.rankgauge;

import java.util.List;

/**
 * One rank of a ladder.
 *
 * @param code a short unique code such as {@code GLD}
 * @param name the name people see, such as {@code Gold}
 * @param requirements every requirement of the rank, all of which must be met (use
 *     {@link Requirement#anyOf} for alternatives); empty only for the entry rank
 */
public record Rank(String code, String name, List<Requirement> requirements) {

  /**
   * Checks and copies.
   *
   * @param code a short unique code such as {@code GLD}
   * @param name the name people see, such as {@code Gold}
   * @param requirements every requirement of the rank, all of which must be met (use {@link
   *     Requirement#anyOf} for alternatives); empty only for the entry rank
   */
  public Rank {
    Checks.id(code, "rank code");
    Checks.notNull(name, "name of rank " + code);
    requirements = Checks.list(requirements, "requirements of rank " + code);
  }

  /**
   * A rank with the given requirements.
   *
   * @param code a short unique code such as {@code GLD}
   * @param name the name people see, such as {@code Gold}
   * @param requirements every requirement of the rank, all of which must be met (use {@link
   *     Requirement#anyOf} for alternatives); empty only for the entry rank
   * @return the rank
   */
  public static Rank of(String code, String name, Requirement... requirements) {
    return new Rank(code, name, Checks.list("requirements of rank " + code, requirements));
  }

  @Override
  public String toString() {
    return code;
  }
}
