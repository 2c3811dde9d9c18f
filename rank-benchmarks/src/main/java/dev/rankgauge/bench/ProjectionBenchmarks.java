package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import java.time.Instant;
import java.time.LocalDateTime;

/** What the projection benchmarks share: November as of the 15th, October closed. */
final class ProjectionBenchmarks {
  private ProjectionBenchmarks() {}

  /** An organisation, the seed plan, October closed and the as-of instant in November. */
  record Setting(Organisation organisation, CompPlan plan, History history, Instant asOf) {
    Evaluation evaluate() {
      return RankGauge.evaluate(organisation, plan, SyntheticOrganisation.PERIOD, asOf, history);
    }
  }

  static Setting setting(int distributors) {
    Organisation org = SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED)
        .organisation();
    CompPlan plan = BenchmarkPlans.seed();
    Period october = Period.month(2026, 10);
    History history = RankGauge.evaluate(org, plan, october, october.endInstant(plan.zone()))
        .close();
    Instant asOf = LocalDateTime.of(2026, 11, 15, 12, 0).atZone(plan.zone()).toInstant();
    return new Setting(org, plan, history, asOf);
  }
}
