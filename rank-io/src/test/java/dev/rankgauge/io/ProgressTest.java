package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
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
  void aLongRunInSpanishCountsAndTimesForTheLanguage() {
    Progress spanish = Progress.to(new PrintWriter(err, true), Locale.forLanguageTag("es"));
    spanish.count(spanish.words("rows", "orders.csv"), 65_536);
    spanish.step(spanish.words("read", 1_000_000, 2_500, 65_536));
    spanish.step(spanish.words("checked"));
    assertThat(err.toString().lines()).hasSize(2)
        .allMatch(l -> l.matches(".* \\(\\d+,\\d s\\)"));
    assertThat(err.toString()).startsWith("leídos 1.000.000 distribuidores, 2.500 clientes,"
        + " 65.536 pedidos (").contains("organización comprobada (");
    assertThat(spanish.locale().getLanguage()).isEqualTo("es");
  }

  @Test
  void englishByDefaultAndForALanguageWithoutWords() {
    Progress german = Progress.to(new PrintWriter(err, true), Locale.GERMAN);
    assertThat(german.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(progress.locale()).isEqualTo(Locale.ENGLISH);
    assertThat(progress.words("read", 1_000_000, 2_500, 65_536))
        .isEqualTo("read 1,000,000 distributors, 2,500 customers, 65,536 orders");
    assertThat(progress.words("rows", "orders.csv")).isEqualTo("orders.csv rows");
  }

  @Test
  void silentIsSilent() {
    Progress.silent().count("rows", 65_536);
    Progress.silent().step("done");
    assertThat(err.toString()).isEmpty();
  }
}
