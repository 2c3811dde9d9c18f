package dev.rankgauge.testkit;

import static dev.rankgauge.testkit.RankGaugeAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The problem bundles of the modules below the test kit, checked by the one {@link
 * ProblemBundleCheck}: rank-core and rank-rules-json cannot depend on the test kit, which depends
 * on them, so their bundles are checked here against their sources.
 */
class LibraryProblemBundlesTest {
  @Test
  void everyCodeOfTheCoreHasEnglishAndSpanishAndEveryCodeUsedHasAMessage() throws Exception {
    int codes = ProblemBundleCheck.check("dev.rankgauge.Problems",
        Path.of("../rank-core/src/main/java/dev/rankgauge"), List.of(), "Problem.core(",
        "code = \"");

    assertThat(codes).isGreaterThan(80);
  }

  @Test
  void everyCodeOfThePlanLoaderHasEnglishAndSpanish() throws Exception {
    int codes = ProblemBundleCheck.check("dev.rankgauge.json.Problems",
        Path.of("../rank-rules-json/src/main/java/dev/rankgauge/json"),
        List.of("gauge.", "title.", "type."), "PlanProblems.problem(", "PlanProblems.at(",
        "PlanProblems.part(", "add(", "report(");

    assertThat(codes).isGreaterThan(50);
  }
}
