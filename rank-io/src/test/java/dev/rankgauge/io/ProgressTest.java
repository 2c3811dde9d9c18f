package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress stays quiet for small runs and reports the steps of long ones. */
class ProgressTest {
  private final StringWriter err = new StringWriter();
  private final Progress progress = Progress.to(new PrintWriter(err, true));

  @Test
  void aSmallRunPrintsNothing() {
    for (int i = 1; i < 65_536; i++) {
      progress.count("rows", i);
    }
    progress.step("read 65,535 rows");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aLongRunReportsEachStepWithItsTime() {
    progress.count("rows", 65_536);
    progress.step("read 65,536 rows");
    progress.step("evaluated");
    assertThat(err.toString().lines()).hasSize(2).allMatch(l -> l.matches(".* \\(\\d+\\.\\d s\\)"))
        .first().asString().startsWith("read 65,536 rows (");
  }

  @Test
  void silentIsSilent() {
    Progress.silent().count("rows", 65_536);
    Progress.silent().step("done");
    assertThat(err.toString()).isEmpty();
  }
}
