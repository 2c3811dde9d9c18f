package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.Problem;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of a plan file, located by JSON path, and the same whether the file is validated
 * ({@link PlanFiles#check}) or loaded for an evaluation ({@link PlanFiles#load}): a plan that
 * passes validation evaluates in bounded memory.
 */
class PlanLimitsFileTest {
  @TempDir Path dir;

  private static final String HEAD = """
      {"name": "T", "version": "1", "currency": "USD", "timeZone": "UTC", "ranks": [
        {"code": "MEM", "name": "Member"},
        {"code": "A", "name": "A", "requirements": [""";

  /** The problems of validating, checked to be the problems of loading too. */
  private List<String> problems(String requirements) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.writeString(file, HEAD + requirements + "]}]}");
    List<String> validated = PlanFiles.check(file, RuleRegistry.empty()).problems().stream()
        .map(Problem::toString).toList();
    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> PlanFiles.load(file, RuleRegistry.empty()));
    assertThat(e).as("loading fails as validating does").isNotNull();
    assertThat(e.problems()).extracting(Problem::toString).isEqualTo(validated);
    return validated.stream().map(p -> p.substring(file.toString().length())).toList();
  }

  private static String anyOf(String... paths) {
    StringBuilder b = new StringBuilder("{\"kind\": \"anyOf\", \"paths\": [");
    for (int i = 0; i < paths.length; i++) {
      b.append(i == 0 ? "" : ", ").append("{\"name\": \"P").append(i)
          .append("\", \"requirements\": [").append(paths[i]).append("]}");
    }
    return b.append("]}").toString();
  }

  private static final String PV = "{\"kind\": \"personalVolume\", \"volume\": 100}";

  @Test
  void anAnyOfNestedFourDeepIsNamedByItsPath() throws IOException {
    String four = anyOf(PV, anyOf(PV, anyOf(PV, anyOf(PV, PV))));

    assertThat(problems(four)).singleElement().asString().matches(":3:\\d+ at \\$\\.ranks\\[1\\]"
        + "\\.requirements\\[0\\]\\.paths\\[1\\]\\.requirements\\[0\\]\\.paths\\[1\\]"
        + "\\.requirements\\[0\\]\\.paths\\[1\\]\\.requirements\\[0\\]: found an anyOf nested 4"
        + " deep \\(an anyOf inside a path of an anyOf\\); expected at most 3 levels");
  }

  @Test
  void tooManyLegSlotsIsASchemaProblemAtTheCount() throws IOException {
    assertThat(problems("{\"kind\": \"legsWithVolume\", \"count\": 1000000, \"volume\": 10}"))
        .singleElement().asString()
        .endsWith("at $.ranks[1].requirements[0].count: found 1000000, expected at most 100");
  }

  @Test
  void fiftyThousandRequirementsInsideAnyOfAreRefusedQuickly() throws IOException {
    // The plan: about 2.4 MB, 50,000 requirements inside anyOf, once valid and then an
    // exhausted heap. Now a problem at $.ranks, found in bounded time, by validate and by load.
    StringBuilder path = new StringBuilder();
    for (int k = 0; k < 50; k++) {
      path.append(k == 0 ? "" : ", ")
          .append("{\"kind\": \"levelGroupVolume\", \"volume\": 100, \"levels\": 100}");
    }
    String[] paths = new String[10];
    java.util.Arrays.fill(paths, path.toString());
    String one = anyOf(paths);
    StringBuilder all = new StringBuilder();
    for (int r = 0; r < 50; r++) {
      all.append(r == 0 ? "" : ", ").append(one);
    }
    // Bounded in CPU time, not wall time: on a shared machine under load the wall clock says
    // more about the neighbours than about the plan. The wall bound only stops a hang.
    Assertions.assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long start = threads.getCurrentThreadCpuTime();
      assertThat(problems(all.toString())).containsExactly(
          ":1:78 at $.ranks: found 25050 requirements in the ladder (those inside anyOf paths"
              + " included); expected at most 1000",
          ":1:78 at $.ranks: found rules that keep at least 404000 bytes per distributor during"
              + " an evaluation; expected at most 4096 (fewer or smaller levelGroupVolume,"
              + " legsWithVolume(s) and legsWithRank within levels requirements)");
      assertThat(Duration.ofNanos(threads.getCurrentThreadCpuTime() - start))
          .as("CPU time to refuse the plan, validated and loaded")
          // About 2 s in a fresh JVM (0.6 s validated, 0.5 s loaded once warm). The schema check's
          // silent branches (one per requirement kind) build no paths and stop at the first miss.
          .isLessThan(Duration.ofSeconds(15));
    });
  }
}
