package dev.rankgauge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One gauge of the back office: a metric's value, the rank this metric alone reaches, and how far
 * it is to the next rank, with everything a UI needs to draw the dial.
 *
 * @param metric which of the four gauges
 * @param value the metric's value (a volume, or a count of people)
 * <p>A gauge ends at the last rank that raises the metric's threshold: the lowest rank that asks
 * for the metric's highest threshold. Ranks above it ask no more of this metric (they may ask for
 * structure, such as legs with rank), so the gauge does not claim them: at its end it says that no
 * further rank asks more of the metric. A metric that no rank asks for has a gauge of the entry
 * rank alone; {@link #used()} is false and a view says "not used by this plan".
 *
 * @param rank the highest rank, up to the gauge's end, whose threshold for this metric, and every
 *     lower rank's, the value meets; the entry rank at least. A rank below the end that does not
 *     require this metric counts as met
 * @param nextRank the rank above {@code rank} on the gauge; empty at the gauge's end, where no
 *     further rank asks more of this metric
 * @param remaining how much more of the metric reaches {@code nextRank}; empty at the gauge's end
 * @param needle where the needle sits between the mark of {@code rank} (0) and the mark of
 *     {@code nextRank} (1); 1 at the gauge's end, 0 on a gauge the plan does not use. Four
 *     decimals, rounded down
 * @param marks the scale of the dial, from the entry rank to the gauge's end: each rank with the
 *     value this metric needs to reach it
 */
public record Gauge(
    Metric metric,
    BigDecimal value,
    Rank rank,
    Optional<Rank> nextRank,
    Optional<BigDecimal> remaining,
    BigDecimal needle,
    List<Mark> marks) {

  /**
   * Copies the marks.
   *
   * @param metric which of the four gauges
   * @param value the metric's value (a volume, or a count of people)
   * @param rank the highest rank whose threshold for this metric, and every lower rank's, the value
   *     meets; the entry rank at least. A rank that does not require this metric counts as met, so
   *     a metric that no rank above some point requires reaches the top of the ladder: it holds
   *     nobody back there
   * @param nextRank the rank above {@code rank} on the gauge; empty at the gauge's end
   * @param remaining how much more of the metric reaches {@code nextRank}; empty at the end
   * @param needle where the needle sits between the mark of {@code rank} (0) and the mark of {@code
   *     nextRank} (1); 1 at the gauge's end. Four decimals, rounded down
   * @param marks the scale of the dial, from the entry rank to the gauge's end
   */
  public Gauge {
    Checks.notNull(metric, "metric");
    Checks.notNull(value, "value");
    Checks.notNull(rank, "rank");
    Checks.notNull(nextRank, "nextRank");
    Checks.notNull(remaining, "remaining");
    Checks.notNull(needle, "needle");
    marks = Checks.list(marks, "marks");
  }

  /**
   * Whether the plan asks for this metric at all.
   *
   * @return false for a metric no rank asks for, whose gauge is the entry rank alone
   */
  public boolean used() {
    return marks.size() > 1;
  }

  /**
   * One mark on a gauge's scale.
   *
   * @param rank the rank
   * @param threshold the value of the metric at which this rank is reached (the highest threshold
   *     of this rank and the ranks below it)
   */
  public record Mark(Rank rank, BigDecimal threshold) {
    /**
     * Checks both fields.
     *
     * @param rank the highest rank whose threshold for this metric, and every lower rank's, the
     *     value meets; the entry rank at least. A rank that does not require this metric counts as
     *     met, so a metric that no rank above some point requires reaches the top of the ladder: it
     *     holds nobody back there
     * @param threshold the value of the metric at which this rank is reached (the highest threshold
     *     of this rank and the ranks below it)
     */
    public Mark {
      Checks.notNull(rank, "rank");
      Checks.notNull(threshold, "threshold");
    }
  }
}
