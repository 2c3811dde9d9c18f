package dev.rankgauge.spi;

import java.util.List;

/**
 * A host application's own rank requirement, such as "sponsor four people who reach Silver to
 * become Gold" written in the host's terms. Attach one to a rank with
 * {@link dev.rankgauge.Requirement#host}.
 *
 * <p>Ranks are evaluated bottom-up: when a rule runs for a distributor, the results of their whole
 * downline for the period are final and readable through the {@link RuleContext}; the upline is
 * not. Implementations must be thread-safe and deterministic (the same context gives the same
 * outcome) and should not block.
 */
public interface QualificationRule {

  /**
   * Evaluates the rule for one distributor.
   *
   * @param context read-only view of the distributor, their customers and their downline
   * @return met or not, with actual and required figures and a sentence for the distributor
   */
  RuleOutcome evaluate(RuleContext context);

  /**
   * A sentence describing the requirement for people, such as "sponsor 4 people who reach
   * Silver". Blank by default, and then gap reports and traces show the name the rule is
   * registered under.
   *
   * @return a sentence describing the requirement for people, such as "sponsor 4 people who reach
   *     Silver"
   */
  default String describe() {
    return "";
  }

  /**
   * Codes of the ranks this rule refers to, checked against the ladder when a plan is built.
   *
   * @return the rank codes, empty when the rule names no rank
   */
  default List<String> rankReferences() {
    return List.of();
  }

  /**
   * Whether this rule needs results of the distributor's upline. Such a rule cannot be evaluated
   * bottom-up, and a plan containing it is rejected when it is built.
   *
   * @return whether this rule needs results of the distributor's upline
   */
  default boolean readsUpline() {
    return false;
  }

  /**
   * Steps that would make the distributor meet this rule, for the advice towards the next rank
   * ({@link dev.rankgauge.Evaluation#advice}). Called only when the rule is not met, with the
   * same context as {@link #evaluate}. The advice trusts the steps: it counts the rule as met
   * once all of them are taken, so steps with orders should meet it when those orders are
   * applied (a test of the host's can check it with a what-if). None by default, and then the
   * advice names the rule as a step it cannot work out.
   *
   * @param context read-only view of the distributor, their customers and their downline
   * @return the steps, empty when the rule has no advice to give
   */
  default List<RuleAdvice> advise(RuleContext context) {
    return List.of();
  }
}
