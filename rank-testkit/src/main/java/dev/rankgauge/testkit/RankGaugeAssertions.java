package dev.rankgauge.testkit;

import dev.rankgauge.Evaluation;
import org.assertj.core.api.Assertions;

/**
 * The one static-import entry point of the kit's AssertJ assertions, so that a test reads like the
 * plan:
 *
 * <pre>{@code
 * import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;
 *
 * assertThat(evaluation).distributor("D100")
 *     .isPaidAs("GLD")
 *     .hasGauge(Metric.GROUP_SALES).atRank("DMND").withRemaining("4700")
 *     .and().requirement("PLAT", 3).isNotMet().withRemaining("1")
 *     .and().hasInFocusList(FocusList.INACTIVE_CUSTOMERS, "C2", "C3");
 * }</pre>
 *
 * <p>It extends AssertJ's {@link Assertions}, so the same import also gives every standard
 * assertion ({@code assertThat(String)}, {@code assertThatThrownBy}, ...). A failure says for
 * which distributor, which field, what was expected and what was found, followed by the
 * distributor's trace ({@code Evaluation.trace(id).format()}).
 *
 * <p>Assertion objects are not thread-safe; use each from one thread, as AssertJ's own.
 */
public final class RankGaugeAssertions extends Assertions {
  private RankGaugeAssertions() {}

  /**
   * Assertions on an evaluation: pick a distributor with {@link EvaluationAssert#distributor}.
   *
   * @param actual the evaluation to check
   * @return an assertion on the evaluation
   */
  public static EvaluationAssert assertThat(Evaluation actual) {
    return new EvaluationAssert(actual);
  }
}
