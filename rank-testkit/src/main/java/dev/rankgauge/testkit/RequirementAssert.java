package dev.rankgauge.testkit;

import dev.rankgauge.Evaluation;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one requirement of one rank for one distributor: met or not, and its figures
 * (required, actual, remaining), compared by {@link BigDecimal#compareTo}. The status is the one
 * the distributor's trace shows for that rank. Obtain one with
 * {@link DistributorAssert#requirement(String, int)}. Not thread-safe.
 */
public final class RequirementAssert extends AbstractAssert<RequirementAssert, RequirementStatus> {
  private final DistributorAssert parent;
  private final Evaluation evaluation;
  private final String id;
  private final RequirementRef ref;

  RequirementAssert(DistributorAssert parent, Evaluation evaluation, String id,
      RequirementRef ref, RequirementStatus status) {
    super(status, RequirementAssert.class);
    this.parent = parent;
    this.evaluation = evaluation;
    this.id = id;
    this.ref = ref;
  }

  /**
   * Checks that the requirement is met.
   *
   * @return this assertion, for chaining
   */
  public RequirementAssert isMet() {
    return check(Verdicts.requirementMet(evaluation, id, ref, true));
  }

  /**
   * Checks that the requirement is not met.
   *
   * @return this assertion, for chaining
   */
  public RequirementAssert isNotMet() {
    return check(Verdicts.requirementMet(evaluation, id, ref, false));
  }

  /**
   * Checks how much is still missing, such as {@code "150"}; {@code "0"} when met.
   *
   * @param remaining the expected amount, as a decimal in text
   * @return this assertion, for chaining
   */
  public RequirementAssert withRemaining(String remaining) {
    return figure(Verdicts.Figure.REMAINING, new BigDecimal(remaining));
  }

  /**
   * Checks how much is still missing.
   *
   * @param remaining the expected amount; compared by numeric value
   * @return this assertion, for chaining
   */
  public RequirementAssert withRemaining(BigDecimal remaining) {
    return figure(Verdicts.Figure.REMAINING, remaining);
  }

  /**
   * Checks what the distributor has, in the requirement's unit.
   *
   * @param actualValue the expected actual value, as a decimal in text
   * @return this assertion, for chaining
   */
  public RequirementAssert withActual(String actualValue) {
    return figure(Verdicts.Figure.ACTUAL, new BigDecimal(actualValue));
  }

  /**
   * Checks what the requirement asks for.
   *
   * @param required the expected required value, as a decimal in text
   * @return this assertion, for chaining
   */
  public RequirementAssert withRequired(String required) {
    return figure(Verdicts.Figure.REQUIRED, new BigDecimal(required));
  }

  /**
   * Back to the distributor.
   *
   * @return an assertion on the distributor
   */
  public DistributorAssert and() {
    return parent;
  }

  private RequirementAssert figure(Verdicts.Figure figure, BigDecimal value) {
    Objects.requireNonNull(value, figure.label);
    return check(Verdicts.requirementFigure(evaluation, id, ref, figure, value));
  }

  private RequirementAssert check(Optional<Mismatch> mismatch) {
    mismatch.ifPresent(m -> failWithActualExpectedAndMessage(m.actualText(),
        m.expectedText(), "%s", m.render("")));
    return this;
  }
}
