package dev.rankgauge;

import java.util.List;
import java.util.Map;

/**
 * Why a distributor holds the rank they hold: every requirement of every rank, bottom-up, with
 * its inputs and outcome. Stable: the same input gives the same trace, whatever the order of the
 * input rows. For support staff answering "why am I not Gold?".
 *
 * @param distributor the distributor
 * @param inputs the figures the requirements read (personal volume, group volume, counts), by
 *     name, in a fixed order
 * @param ranks every rank of the ladder above the entry rank, bottom-up
 * @param paidAs the resulting paid-as rank
 */
public record Trace(Distributor distributor, Map<String, String> inputs, List<RankCheck> ranks,
    Rank paidAs) {

  /**
   * Copies the collections.
   *
   * @param distributor the distributor
   * @param inputs the figures the requirements read (personal volume, group volume, counts), by
   *     name, in a fixed order
   * @param ranks every rank of the ladder above the entry rank, bottom-up
   * @param paidAs the resulting paid-as rank
   */
  public Trace {
    Checks.notNull(distributor, "distributor");
    inputs = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(Checks.notNull(inputs, "inputs")));
    ranks = Checks.list(ranks, "ranks");
    Checks.notNull(paidAs, "paidAs");
  }

  /**
   * One rank considered.
   *
   * @param rank the rank
   * @param met whether its whole requirement set is met
   * @param requirements every requirement's status, in the plan's order
   */
  public record RankCheck(Rank rank, boolean met, List<RequirementStatus> requirements) {
    /**
     * Copies the requirements.
     *
     * @param rank the rank
     * @param met whether its whole requirement set is met
     * @param requirements every requirement's status, in the plan's order
     */
    public RankCheck {
      Checks.notNull(rank, "rank");
      requirements = Checks.list(requirements, "requirements");
    }
  }

  /** {@return the trace as text, one line per input and requirement} */
  public String format() {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append("Distributor ").append(distributor.id()).append(" (").append(distributor.name())
        .append(")").append(nl);
    inputs.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append(nl));
    for (RankCheck c : ranks) {
      sb.append(c.met() ? "  MET     " : "  NOT MET ").append(c.rank().code()).append(" ")
          .append(c.rank().name()).append(nl);
      for (RequirementStatus s : c.requirements()) {
        sb.append("    ").append(s).append(nl);
        for (RequirementStatus p : s.parts()) {
          sb.append("      ").append(p).append(nl);
        }
      }
    }
    sb.append("  Paid as ").append(paidAs.code()).append(" ").append(paidAs.name()).append(nl);
    return sb.toString();
  }
}
