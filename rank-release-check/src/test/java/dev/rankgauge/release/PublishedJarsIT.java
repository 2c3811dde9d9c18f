package dev.rankgauge.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The jars this build produced, checked after the package phase (failsafe, in {@code mvn verify}).
 */
class PublishedJarsIT {

  private static final Path ROOT = Path.of(property("rankgauge.root")).normalize();
  private static final String VERSION = property("rankgauge.version");

  @Test
  void everyPublishedModuleShipsNamedLicensedJarsWithSourcesAndJavadoc() {
    List<String> problems = PublishedJars.problems(ROOT, VERSION);

    assertThat(problems).as("problems with the jars of the published modules").isEmpty();
  }

  @Test
  void theLibraryModulesArePublishedAndTheExamplesAndBenchmarksAreNot() {
    assertThat(PublishedJars.modules(ROOT).stream().filter(PublishedJars.Module::published)
            .map(PublishedJars.Module::artifactId))
        .contains("rank-core", "rank-rules-json", "rank-testkit", "rank-io", "rank-view")
        .doesNotContain("rank-examples", "rank-benchmarks", "rank-release-check");
  }

  private static String property(String name) {
    return Objects.requireNonNull(System.getProperty(name),
        () -> "system property " + name + " is not set; run this check with mvn verify");
  }
}
