package dev.rankgauge.testkit;

import dev.rankgauge.Evaluation;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole {@link Evaluation}. Obtain one with
 * {@link RankGaugeAssertions#assertThat(Evaluation)}. Not thread-safe.
 */
public final class EvaluationAssert extends AbstractAssert<EvaluationAssert, Evaluation> {

  EvaluationAssert(Evaluation actual) {
    super(actual, EvaluationAssert.class);
  }

  /**
   * Assertions on one distributor's result.
   *
   * @param id the distributor's id
   * @return an assertion on the distributor
   * @throws AssertionError if the organisation has no distributor with this id; the message lists
   *     the ids it has
   */
  public DistributorAssert distributor(String id) {
    isNotNull();
    check(Verdicts.distributor(actual, id));
    return new DistributorAssert(actual, id).as(info.description());
  }

  /**
   * Checks how many distributors are paid as the given rank (by code).
   *
   * @param rank the rank's code
   * @param count the expected number of distributors
   * @return this assertion, for chaining
   */
  public EvaluationAssert hasPaidAsCount(String rank, int count) {
    isNotNull();
    return check(Verdicts.paidAsCount(actual, rank, count));
  }

  private EvaluationAssert check(Optional<Mismatch> mismatch) {
    mismatch.ifPresent(m -> failWithActualExpectedAndMessage(m.actualText(),
        m.expectedText(), "%s", m.render("")));
    return this;
  }
}
