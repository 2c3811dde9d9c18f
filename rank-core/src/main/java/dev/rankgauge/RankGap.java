package dev.rankgauge;

import java.util.List;

/**
 * What stands between a distributor and a rank.
 *
 * @param rank the rank aimed at, the one above the paid-as rank
 * @param requirements every requirement of that rank, in the plan's order
 */
public record RankGap(Rank rank, List<RequirementStatus> requirements) {

  /**
   * Copies the requirements.
   *
   * @param rank the rank aimed at, the one above the paid-as rank
   * @param requirements every requirement of that rank, in the plan's order
   */
  public RankGap {
    Checks.notNull(rank, "rank");
    requirements = Checks.list(requirements, "requirements");
  }

  /** {@return the requirements not yet met: what holds the distributor back} */
  public List<RequirementStatus> holdingBack() {
    return requirements.stream().filter(r -> !r.met()).toList();
  }
}
