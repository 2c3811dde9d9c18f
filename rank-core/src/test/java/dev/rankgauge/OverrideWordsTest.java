package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An override in words, in English as it always read and in Spanish. */
class OverrideWordsTest {
  private static final Locale ES = Locale.forLanguageTag("es");

  @Test
  void eachOverrideSaysWhatItDoesInEitherLanguage() {
    List<Overrides.Entry> entries = List.of(new Overrides.MinimumRank("D1", "SLV"),
        new Overrides.Waiver("D1", "GLD", 3), new Overrides.NotCompressed("D1"),
        new Overrides.CountedActive("D1"));

    assertThat(entries).extracting(e -> e.describe(ES)).containsExactly(
        "cobra como mínimo SLV", "requisito 3 de GLD dispensado", "excluido de la compresión",
        "contado como activo");
    assertThat(entries).extracting(Overrides.Entry::describe).containsExactly(
        "paid as at least SLV", "requirement 3 of GLD waived", "kept out of compression",
        "counted as active");
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.describe(Locale.ROOT)).isEqualTo(e.describe());
      assertThat(e.describe(Locale.ENGLISH)).isEqualTo(e.describe());
    });
  }
}
