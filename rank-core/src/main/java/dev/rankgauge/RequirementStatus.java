package dev.rankgauge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Where one distributor stands against one requirement: the line of a gap report or a trace.
 *
 * @param requirement the requirement
 * @param description the requirement in words, such as "at least 500 group PV"
 * @param required what the requirement asks for (a volume, or a count of people or legs)
 * @param actual what the distributor has, in the same unit
 * @param remaining {@code max(0, required - actual)}
 * @param percentComplete {@code actual / required} in percent, between 0 and 100, two decimals
 *     rounded down (100 when nothing is required)
 * @param met whether the requirement is met
 * @param note what else the distributor should know, such as the legs already at their cap or
 *     the closest of alternative paths, as a {@link Phrase} to write in any language ({@code
 *     note().map(Phrase::text)} for English); empty when there is nothing to add
 * @param parts for alternative paths, the status of every requirement of every path; else empty
 */
public record RequirementStatus(
    Requirement requirement,
    String description,
    BigDecimal required,
    BigDecimal actual,
    BigDecimal remaining,
    BigDecimal percentComplete,
    boolean met,
    Optional<Phrase> note,
    List<RequirementStatus> parts) {

  /**
   * Copies the parts.
   *
   * @param requirement the requirement
   * @param description the requirement in words, such as "at least 500 group PV"
   * @param required what the requirement asks for (a volume, or a count of people or legs)
   * @param actual what the distributor has, in the same unit
   * @param remaining {@code max(0, required - actual)}
   * @param percentComplete {@code actual / required} in percent, between 0 and 100, two decimals
   *     rounded down (100 when nothing is required)
   * @param met whether the requirement is met
   * @param note what else the distributor should know, such as the legs already at their cap or
   *     the closest of alternative paths, as a phrase to write in any language; empty when there
   *     is nothing to add
   * @param parts for alternative paths, the status of every requirement of every path; else empty
   */
  public RequirementStatus {
    Checks.notNull(requirement, "requirement");
    Checks.notNull(description, "description");
    Checks.notNull(required, "required");
    Checks.notNull(actual, "actual");
    Checks.notNull(remaining, "remaining");
    Checks.notNull(percentComplete, "percentComplete");
    Checks.notNull(note, "note");
    parts = Checks.list(parts, "parts");
  }

  /**
   * Whether an "at most" requirement is missed by being above its most ({@link Requirement#atMost},
   * or a {@link Requirement#between} above its range): {@link #remaining()} is then how much to
   * lose rather than to gain, and views say so.
   *
   * @return true for an unmet range whose figure is above its most
   */
  public boolean exceeded() {
    return !met && requirement instanceof Requirement.Range r && r.atMost().isPresent()
        && actual.compareTo(r.atMost().get()) > 0;
  }

  /**
   * The line of a trace or gap report in English, numbers written plain: {@code [open] at least 2
   * active personal customers: 1 of 2, 1 to go (...)}, the note in parentheses.
   *
   * @return the status in English
   */
  @Override
  public String toString() {
    return Words.ROOT.status(this, description);
  }
}
