package dev.rankgauge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The shortest path to the next rank: a short list of concrete steps, cheapest first, that take a
 * distributor from their paid-as rank to the rank above it by the end of the period.
 *
 * <p>When the advice is {@link #complete()}, applying every step's orders as a what-if reaches
 * {@link #rank()}, and leaving out any one step no longer does. The cost of a step is the volume
 * it adds ({@link AdviceStep#volume()}); the {@link #cost()} of the advice is their sum in the
 * plan's qualifying volume type (a step of another type, {@link AdviceStep#volumeType()}, adds none
 * of it and is left out). How the
 * steps are chosen, and when that choice can miss the cheapest set, is in {@code docs/advice.md}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param distributor the distributor advised
 * @param paidAs their paid-as rank now
 * @param rank the rank aimed at, the one above {@code paidAs}
 * @param by the last day of the period: the rank is reached if the steps are taken by then
 * @param steps the steps, cheapest first; those orders alone cannot take come last
 * @param complete whether the steps' orders alone reach the rank: every step is
 *     {@linkplain AdviceStep#concrete() concrete} and every requirement of the rank was worked out
 */
public record Advice(
    Distributor distributor,
    Rank paidAs,
    Rank rank,
    LocalDate by,
    List<AdviceStep> steps,
    boolean complete) {

  /**
   * Copies the steps.
   *
   * @param distributor the distributor advised
   * @param paidAs their paid-as rank now
   * @param rank the rank aimed at
   * @param by the last day of the period
   * @param steps the steps, cheapest first
   * @param complete whether the steps' orders alone reach the rank
   */
  public Advice {
    Checks.notNull(distributor, "distributor");
    Checks.notNull(paidAs, "paidAs");
    Checks.notNull(rank, "rank");
    Checks.notNull(by, "by");
    steps = Checks.list(steps, "steps");
  }

  /**
   * {@return the volume every step adds together, in the plan's qualifying volume type; steps of
   * another type add none of it}
   */
  public BigDecimal cost() {
    BigDecimal sum = BigDecimal.ZERO;
    for (AdviceStep s : steps) {
      if (s.volumeType().isEmpty()) {
        sum = sum.add(s.volume());
      }
    }
    return sum;
  }

  /** {@return every step's hypothetical orders, in the order of the steps: the what-if} */
  public List<Order> orders() {
    List<Order> out = new ArrayList<>();
    for (AdviceStep s : steps) {
      out.addAll(s.orders());
    }
    return List.copyOf(out);
  }
}
