package dev.rankgauge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Organisation;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** rank-examples/data/seed is the seed organisation of SeedExample, record for record. */
class SeedDataTest {
  @Test
  void theCsvFilesHoldSeedExamplesOrganisation() throws IOException {
    Path dir = Files.isDirectory(Path.of("data", "seed")) ? Path.of("data", "seed")
        : Path.of("rank-examples", "data", "seed");
    Organisation csv = CsvOrganisation.read(dir, SeedExample.plan(), Progress.silent());
    Organisation java = SeedExample.organisation();
    assertThat(csv.distributors()).containsExactlyElementsOf(java.distributors());
    assertThat(csv.customers()).containsExactlyElementsOf(java.customers());
    assertThat(csv.orders()).containsExactlyElementsOf(java.orders());
  }
}
