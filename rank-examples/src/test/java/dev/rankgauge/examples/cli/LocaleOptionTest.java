package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --locale}: the gas gauge view and the results' texts for people in English or Spanish. */
class LocaleOptionTest {
  private static Cli.Run dana(String... more) {
    String[] base = {"evaluate", "--plan", "seed", "--data", EvaluateCommandTest.SEED,
        "--period", "2026-11", "--as-of", "2026-11-27T09:00", "--distributor", "D100"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return Cli.run(args);
  }

  @Test
  void spanishTextViewBeforeOrAfterTheCommand() {
    Cli.Run after = dana("--locale", "es");
    assertThat(after.exit()).as(after.toString()).isZero();
    assertThat(after.out()).contains("Cobra como: Gold (GLD)")
        .contains("[ ] al menos 2 clientes personales activos: 1 de 2, falta 1 (50,00 %)")
        .contains("Ventas de grupo                     7.300 PV -> DMND, 4.700 más para SE");

    Cli.Run before = Cli.run("--locale", "es", "evaluate", "--plan", "seed", "--data",
        EvaluateCommandTest.SEED, "--period", "2026-11", "--as-of", "2026-11-27T09:00",
        "--distributor", "D100");
    assertThat(before.out()).isEqualTo(after.out());
  }

  @Test
  void englishByDefaultWhateverTheMachine() {
    Cli.Run run = dana();
    assertThat(run.out()).contains("Paid as: Gold (GLD)").isEqualTo(dana("--locale", "en").out());
  }

  @Test
  void spanishPageAndResults() {
    assertThat(dana("--locale", "es", "--format", "html").out())
        .startsWith("<!DOCTYPE html>\n<html lang=\"es\">").contains("Dónde centrarse");
    assertThat(dana("--locale", "es", "--format", "csv").out())
        .contains("al menos 2 clientes personales activos: falta 1; al menos 3 distribuidores"
            + " personales activos: falta 1");
    assertThat(dana("--locale", "es", "--format", "json").out())
        .contains("\"label\" : \"Clientes personales activos\"");
  }

  @Test
  void anotherLanguageIsAUsageError() {
    Cli.Run run = dana("--locale", "fr");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--locale: found 'fr'; expected one of: en, es");
    assertThat(run.out()).isEmpty();
  }
}
