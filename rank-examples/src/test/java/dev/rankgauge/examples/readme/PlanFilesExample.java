package dev.rankgauge.examples.readme;

// tag::plan-files[]
import dev.rankgauge.CompPlan;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.json.PlanCheck;
import dev.rankgauge.json.PlanFiles;
import java.nio.file.Path;            // not Requirement.Path
// end::plan-files[]
import java.util.List;

/** The README's plan-file example, compiled and run by {@link ReadmeExamplesTest}. */
final class PlanFilesExample {
  private PlanFilesExample() {}

  /** What the example produced: the loaded plan, its review, its JSON and a bundled plan. */
  record Outcome(CompPlan plan, PlanCheck review, String json, CompPlan doterra) {}

  static Outcome run(Path plans) {
    // tag::plan-files[]
    Path file = plans.resolve("acme.json");             // plans: your folder of plan files
    CompPlan plan = PlanFiles.load(file, RuleRegistry.discovered());
    PlanCheck review = PlanFiles.check(file, RuleRegistry.discovered());
    String json = PlanFiles.write(plan);               // loads back to an equal plan
    CompPlan doterra = PlanFiles.bundled("doterra");   // seed, doterra, young-living, scentsy, ...
    // end::plan-files[]
    return new Outcome(plan, review, json, doterra);
  }

  /** The names the example lists as bundled. */
  static final List<String> BUNDLED = List.of("seed", "doterra", "young-living", "scentsy");
}
