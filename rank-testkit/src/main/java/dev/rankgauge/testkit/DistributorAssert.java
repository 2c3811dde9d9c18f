package dev.rankgauge.testkit;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.RequirementStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one distributor's result in an evaluation: paid-as rank, activity, next rank,
 * gauges, requirements and focus lists. Obtain one with {@link EvaluationAssert#distributor}.
 * Rank codes are the plan's ({@code "GLD"}). Every failure names the distributor and the field,
 * shows expected against actual, and ends with the distributor's trace. Not thread-safe.
 */
public final class DistributorAssert extends AbstractAssert<DistributorAssert, DistributorResult> {
  private final Evaluation evaluation;
  private final String id;

  DistributorAssert(Evaluation evaluation, String id) {
    super(evaluation.result(id), DistributorAssert.class);
    this.evaluation = evaluation;
    this.id = id;
  }

  /**
   * Checks the paid-as rank.
   *
   * @param rank the expected paid-as rank's code
   * @return this assertion, for chaining
   */
  public DistributorAssert isPaidAs(String rank) {
    return check(Verdicts.paidAs(evaluation, id, Objects.requireNonNull(rank, "rank")));
  }

  /**
   * Checks that the distributor is active in the period.
   *
   * @return this assertion, for chaining
   */
  public DistributorAssert isActive() {
    return check(Verdicts.active(evaluation, id, true));
  }

  /**
   * Checks that the distributor is not active in the period.
   *
   * @return this assertion, for chaining
   */
  public DistributorAssert isNotActive() {
    return check(Verdicts.active(evaluation, id, false));
  }

  /**
   * Checks the rank above the paid-as rank, the one the gap report aims at.
   *
   * @param rank the expected next rank's code
   * @return this assertion, for chaining
   */
  public DistributorAssert hasNextRank(String rank) {
    return check(Verdicts.nextRank(evaluation, id, Objects.requireNonNull(rank, "rank")));
  }

  /**
   * Checks that the distributor is paid as the top rank of the ladder.
   *
   * @return this assertion, for chaining
   */
  public DistributorAssert isPaidAsTopRank() {
    return check(Verdicts.nextRank(evaluation, id, null));
  }

  /**
   * Assertions on one gauge; {@link GaugeAssert#and()} comes back here.
   *
   * @param metric which of the four gauges
   * @return an assertion on the gauge
   */
  public GaugeAssert hasGauge(Metric metric) {
    Objects.requireNonNull(metric, "metric");
    return new GaugeAssert(this, evaluation, id, metric).as(info.description());
  }

  /**
   * Assertions on one requirement of a rank, by its number in the plan's order (from 1);
   * {@link RequirementAssert#and()} comes back here.
   *
   * @param rank the rank's code
   * @param number the requirement's 1-based position among the rank's requirements
   * @return an assertion on the requirement
   * @throws AssertionError if the rank or the requirement does not exist
   */
  public RequirementAssert requirement(String rank, int number) {
    return requirement(RequirementRef.byNumber(rank, number));
  }

  /**
   * Assertions on the one requirement of a rank whose description contains {@code text}
   * (case-insensitive), such as {@code requirement("PLAT", "customers")}.
   *
   * @param rank the rank's code
   * @param text text the requirement's description contains
   * @return an assertion on the requirement
   * @throws AssertionError if the rank does not exist, or no requirement or more than one matches
   */
  public RequirementAssert requirement(String rank, String text) {
    return requirement(RequirementRef.byText(rank, text));
  }

  /**
   * Checks that a requirement of a rank (by number, from 1) is met.
   *
   * @param rank the rank's code
   * @param number the requirement's 1-based position among the rank's requirements
   * @return this assertion, for chaining
   */
  public DistributorAssert meetsRequirement(String rank, int number) {
    return check(Verdicts.requirementMet(evaluation, id, RequirementRef.byNumber(rank, number),
        true));
  }

  /**
   * Checks that the requirement of a rank whose description contains {@code text} is met.
   *
   * @param rank the rank's code
   * @param text text the requirement's description contains
   * @return this assertion, for chaining
   */
  public DistributorAssert meetsRequirement(String rank, String text) {
    return check(Verdicts.requirementMet(evaluation, id, RequirementRef.byText(rank, text), true));
  }

  /**
   * Checks that a requirement of a rank (by number, from 1) is not met.
   *
   * @param rank the rank's code
   * @param number the requirement's 1-based position among the rank's requirements
   * @return this assertion, for chaining
   */
  public DistributorAssert doesNotMeetRequirement(String rank, int number) {
    return check(Verdicts.requirementMet(evaluation, id, RequirementRef.byNumber(rank, number),
        false));
  }

  /**
   * Checks that the requirement of a rank whose description contains {@code text} is not met.
   *
   * @param rank the rank's code
   * @param text text the requirement's description contains
   * @return this assertion, for chaining
   */
  public DistributorAssert doesNotMeetRequirement(String rank, String text) {
    return check(Verdicts.requirementMet(evaluation, id, RequirementRef.byText(rank, text),
        false));
  }

  /**
   * Checks that a focus list holds at least these customer or distributor ids.
   *
   * @param list which focus list
   * @param ids the ids expected in it
   * @return this assertion, for chaining
   */
  public DistributorAssert hasInFocusList(FocusList list, String... ids) {
    return check(Verdicts.focusIncludes(evaluation, id, list, List.of(ids)));
  }

  /**
   * Checks that a focus list holds none of these ids.
   *
   * @param list which focus list
   * @param ids the ids expected not to be in it
   * @return this assertion, for chaining
   */
  public DistributorAssert doesNotHaveInFocusList(FocusList list, String... ids) {
    return check(Verdicts.focusExcludes(evaluation, id, list, List.of(ids)));
  }

  /**
   * Checks that a focus list holds exactly these ids, in any order (none for an empty list).
   *
   * @param list which focus list
   * @param ids the ids expected, in the list's order
   * @return this assertion, for chaining
   */
  public DistributorAssert hasFocusListExactly(FocusList list, String... ids) {
    return check(Verdicts.focusExactly(evaluation, id, list, List.of(ids)));
  }

  /**
   * Moves on to another distributor of the same evaluation.
   *
   * @param otherId the id of another distributor of the same evaluation
   * @return an assertion on that distributor
   */
  public DistributorAssert distributor(String otherId) {
    return new EvaluationAssert(evaluation).as(info.description()).distributor(otherId);
  }

  private RequirementAssert requirement(RequirementRef ref) {
    Object found = Verdicts.requirement(evaluation, id, ref);
    if (found instanceof Mismatch m) {
      check(Optional.of(m));
    }
    return new RequirementAssert(this, evaluation, id, ref, (RequirementStatus) found)
        .as(info.description());
  }

  DistributorAssert check(Optional<Mismatch> mismatch) {
    mismatch.ifPresent(m -> failWithActualExpectedAndMessage(m.actualText(),
        m.expectedText(), "%s", m.render("")));
    return this;
  }
}
