package dev.rankgauge.json;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking a plan file found, for a plan review: the plan if it loads, every problem that
 * keeps it from loading, and every warning that does not. Each problem and warning is located as
 * {@code file:line:column at $.json.path}.
 *
 * @param plan the plan, present exactly when {@link #problems()} is empty
 * @param problems what keeps the plan from loading, in document order; empty when it loads
 * @param warnings what a reviewer should look at although the plan loads (a rank nobody can reach,
 *     two ranks with identical requirements, a lower rank stricter than a higher one), in document
 *     order; computed only for a plan that loads, so empty while there are problems
 */
public record PlanCheck(Optional<CompPlan> plan, List<Problem> problems, List<Problem> warnings) {

  /**
   * Checks that the plan is present exactly when there are no problems, and copies the lists.
   *
   * @param plan the plan, present exactly when {@link #problems()} is empty
   * @param problems what keeps the plan from loading, in document order; empty when it loads
   * @param warnings what a reviewer should look at although the plan loads (a rank nobody can
   *     reach, two ranks with identical requirements, a lower rank stricter than a higher one), in
   *     document order; computed only for a plan that loads, so empty while there are problems
   */
  public PlanCheck {
    Objects.requireNonNull(plan, "plan");
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    if (plan.isPresent() != problems.isEmpty()) {
      throw new IllegalArgumentException("a plan is present exactly when there are no problems;"
          + " found plan " + plan.isPresent() + " with " + problems.size() + " problems");
    }
  }

  /** {@return whether the plan loads (it may still have warnings)} */
  public boolean ok() {
    return problems.isEmpty();
  }
}
