package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Evaluation;
import dev.rankgauge.RankGauge;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The seed's Dana in English and in Spanish, on the text view and the gauge page: every label
 * from the bundle of the language, plurals agreeing, numbers and dates in the language's format.
 * Both runs of the build (the machine's locale, then Turkish) give the same text: the locale is
 * the one asked for, never the JVM's default.
 */
class SeedInTwoLanguagesTest {
  private static final Locale ES = Locale.forLanguageTag("es");
  private final Evaluation e = RankGauge.evaluate(SeedExample.organisation(), SeedExample.plan(),
      SeedExample.PERIOD, SeedExample.AS_OF);

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines);
  }

  @Test
  void theTextViewInEnglish() {
    String text = TextView.render(e, e.result(SeedExample.DANA), Locale.ENGLISH);

    assertThat(text).isEqualTo(TextView.render(e, e.result(SeedExample.DANA)));
    assertThat(text).startsWith(lines("Dana Diaz (D100), active",
        "Seed plan 2026.11, period 2026-11-01 to 2026-11-30 (open), as of 2026-11-27 09:00"
            + " America/Denver", "",
        "Personal sales                 1,150 PV -> SE (top rank)"));
    assertThat(text).contains(lines(
        "Active personal distributors   2 -> GLD, 1 more for PLAT"));
    assertThat(text).contains(lines("Paid as: Gold (GLD)", "",
        "To reach Platinum (PLAT):",
        "  [x] at least 400 personal PV: 1,150 of 400",
        "  [x] at least 3,000 group PV: 7,300 of 3,000",
        "  [ ] at least 2 active personal customers: 1 of 2, 1 to go (50.00%)",
        "  [ ] at least 3 active personal distributors: 2 of 3, 1 to go (66.66%)",
        "  Holding you back: at least 2 active personal customers; at least 3 active personal"
            + " distributors"));
    assertThat(text).contains(lines(
        "  C1  Carla Cruz  carla.cruz@example.com  -  last order 2026-11-08  100 PV",
        "      order O4  2026-11-08 14:30  paid  100 PV"));
  }

  @Test
  void theTextViewInSpanish() {
    String text = TextView.render(e, e.result(SeedExample.DANA), ES);

    assertThat(text).startsWith(lines("Dana Diaz (D100), activo",
        "Seed plan 2026.11, periodo del 01/11/2026 al 30/11/2026 (abierto), a fecha de 27/11/2026"
            + " 09:00 America/Denver", "",
        "Ventas personales                   1.150 PV -> SE (rango más alto)"));
    assertThat(text).contains(lines(
        "Distribuidores personales activos   2 -> GLD, 1 más para PLAT"));
    assertThat(text).contains(lines("Cobra como: Gold (GLD)", "",
        "Para llegar a Platinum (PLAT):",
        "  [x] al menos 400 PV personales: 1.150 de 400",
        "  [x] al menos 3.000 PV de grupo: 7.300 de 3.000",
        "  [ ] al menos 2 clientes personales activos: 1 de 2, falta 1 (50,00 %)",
        "  [ ] al menos 3 distribuidores personales activos: 2 de 3, falta 1 (66,66 %)",
        "  Lo que te frena: al menos 2 clientes personales activos; al menos 3 distribuidores"
            + " personales activos"));
    assertThat(text).contains(lines("Clientes personales a llamar (no activos) (8):",
        "  C2  Dave Dunn   dave.dunn@example.com   -  último pedido 14/10/2026  0 PV"));
    assertThat(text).contains(lines(
        "  C1  Carla Cruz  carla.cruz@example.com  -  último pedido 08/11/2026  100 PV",
        "      pedido O4  08/11/2026 14:30  pagado  100 PV"));
    assertThat(text).doesNotContain("at least", "active", "Paid as", " of ");
  }

  @Test
  void theGaugePageInSpanish() {
    String page = GaugePage.render(e, e.result(SeedExample.DANA), ES);

    assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"es\">")
        .contains("<div class=\"rankgauge\" lang=\"es\">")
        .contains("<p class=\"meta\">Seed plan 2026.11 \u00b7 del 01/11/2026 al 30/11/2026 \u00b7"
            + " a fecha de 27/11/2026 09:00 America/Denver</p>")
        .contains("<span class=\"label\">Cobra como</span> <strong>Gold</strong>")
        .contains("Siguiente: Platinum, faltan 2 requisitos")
        .contains("aria-label=\"Ventas de grupo: 7.300 PV, Diamond, 4.700 más para Senior"
            + " Executive\"")
        .contains("<p class=\"to-next\">4.700 PV más para Senior Executive</p>")
        .contains("<span class=\"what\">al menos 2 clientes personales activos</span>"
            + "<span class=\"figures\">1 de 2 \u00b7 <strong>falta 1</strong>")
        .contains("aria-label=\"al menos 2 clientes personales activos: 50,00 % completado\"")
        .contains("<strong>Lo que te frena:</strong> al menos 2 clientes personales activos;"
            + " al menos 3 distribuidores personales activos.")
        .contains("Clientes a llamar <span class=\"count\">8</span>")
        .contains("<span class=\"badge off\">no activo</span>")
        .contains("<dt>Último pedido</dt><dd>14/10/2026</dd>")
        .contains("<tr><td>O10</td><td>09/11/2026 14:30</td><td>pagado</td>"
            + "<td class=\"num\">40</td><td class=\"num\">50,00</td></tr>")
        .contains("El documento del plan de la empresa y el cierre del periodo tienen la última"
            + " palabra.");
    assertThat(page).doesNotContain("at least", "Paid as", "to go", "Where to focus", "Nobody");
  }

  @Test
  void theGaugePageInEnglish() {
    String page = GaugePage.render(e, e.result(SeedExample.DANA), Locale.ENGLISH);

    assertThat(page).isEqualTo(GaugePage.render(e, e.result(SeedExample.DANA)))
        .startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
        .contains("Next: Platinum, 2 requirements to go")
        .contains("<span class=\"figures\">1 of 2 \u00b7 <strong>1 to go</strong>")
        .contains("<tr><td>O10</td><td>2026-11-09 14:30</td><td>paid</td>"
            + "<td class=\"num\">40</td><td class=\"num\">50.00</td></tr>");
  }

  @Test
  void aLanguageWithoutItsOwnBundleGetsEnglish() {
    assertThat(TextView.render(e, e.result(SeedExample.DANA), Locale.GERMAN))
        .contains("Paid as: Gold (GLD)").contains("1,150 PV");
    assertThat(GaugePage.render(e, e.result(SeedExample.DANA), Locale.forLanguageTag("tr")))
        .contains("<html lang=\"en\">").contains("Where to focus");
  }
}
