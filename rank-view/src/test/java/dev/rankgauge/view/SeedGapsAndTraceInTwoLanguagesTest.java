package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Phrase;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The seed's Dana, her gap notes and her trace, in English and in Spanish: every line of the
 * trace from the core's bundle of the language, with the language's numbers and dates, and the
 * notes of her gap the same on the text view and the gauge page. Her seed plan has no
 * requirement that notes anything, so the notes are seen with Platinum asking, besides, for two
 * personally sponsored Silvers and either of two paths.
 */
class SeedGapsAndTraceInTwoLanguagesTest {
  private static final Locale ES = Locale.forLanguageTag("es");
  private final Evaluation seed = RankGauge.evaluate(SeedExample.organisation(),
      SeedExample.plan(), SeedExample.PERIOD, SeedExample.AS_OF);
  private final Evaluation noted = RankGauge.evaluate(SeedExample.organisation(), notingPlan(),
      SeedExample.PERIOD, SeedExample.AS_OF);

  /** The seed plan with Platinum asking also for three Silvers and one of two paths. */
  private static CompPlan notingPlan() {
    CompPlan seed = SeedExample.plan();
    CompPlan.Builder b = CompPlan.builder(seed.name()).version("2026.11").currency("USD")
        .zone(SeedExample.ZONE).volumeTypes("PV").personalVolume(seed.personalVolume())
        .customerActivity(seed.customerActivity())
        .distributorActivity(seed.distributorActivity());
    for (Rank r : seed.ranks()) {
      if (r.code().equals("PLAT")) {
        List<Requirement> more = new ArrayList<>(r.requirements());
        more.add(Requirement.sponsoredWithRank(3, "SLV"));
        more.add(Requirement.anyOf(
            new Requirement.Path("A", List.of(Requirement.activePersonalCustomers(5))),
            new Requirement.Path("B", List.of(Requirement.personalVolume(
                new java.math.BigDecimal("1000"))))));
        b.rank(Rank.of(r.code(), r.name(), more.toArray(Requirement[]::new)));
      } else {
        b.rank(r);
      }
    }
    return b.build();
  }

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines);
  }

  @Test
  void danasTraceInEnglish() {
    Trace t = seed.trace(SeedExample.DANA);

    assertThat(t.format(Locale.ENGLISH)).startsWith(lines(
        "Distributor D100 (Dana Diaz)",
        "  period: 2026-11-01..2026-11-30 (open)",
        "  as of: 2026-11-27T16:00:00Z",
        "  active: yes (at least 100 PV in the period)",
        "  personal PV: 1,150 (own orders 1,050, plus customers' orders)",
        "  group PV: 7,300",
        "  active personal customers: 1 of 9",
        "  active personal distributors: 2 of 7",
        "  MET     SLV Silver",
        "    [met]  at least 100 personal PV: 1,150 of 100"))
        .contains(lines("  NOT MET PLAT Platinum",
            "    [met]  at least 400 personal PV: 1,150 of 400",
            "    [met]  at least 3,000 group PV: 7,300 of 3,000",
            "    [open] at least 2 active personal customers: 1 of 2, 1 to go",
            "    [open] at least 3 active personal distributors: 2 of 3, 1 to go"))
        .endsWith(lines("  Paid as GLD Gold", ""));
    assertThat(t.format()).contains("  group PV: 7300", "7300 of 3000")
        .isEqualTo(t.format(Locale.ROOT));
  }

  @Test
  void danasTraceInSpanish() {
    String text = seed.trace(SeedExample.DANA).format(ES);

    assertThat(text).startsWith(lines(
        "Distribuidor D100 (Dana Diaz)",
        "  periodo: del 01/11/2026 al 30/11/2026 (abierto)",
        "  a fecha de: 2026-11-27T16:00:00Z",
        "  activo: sí (al menos 100 PV en el periodo)",
        "  PV personales: 1.150 (pedidos propios 1.050, más los pedidos de los clientes)",
        "  PV de grupo: 7.300",
        "  clientes personales activos: 1 de 9",
        "  distribuidores personales activos: 2 de 7",
        "  CUMPLE    SLV Silver",
        "    [cumple]    al menos 100 PV personales: 1.150 de 100"))
        .contains(lines("  NO CUMPLE PLAT Platinum",
            "    [cumple]    al menos 400 PV personales: 1.150 de 400",
            "    [cumple]    al menos 3.000 PV de grupo: 7.300 de 3.000",
            "    [pendiente] al menos 2 clientes personales activos: 1 de 2, falta 1",
            "    [pendiente] al menos 3 distribuidores personales activos: 2 de 3, falta 1"))
        .endsWith(lines("  Cobra como GLD Gold", ""));
    assertThat(text).doesNotContain("at least", "active", " of ", "MET", "Paid as", "group",
        "yes", "period:");
  }

  @Test
  void danasGapNotesAreDataWrittenInEitherLanguage() {
    List<RequirementStatus> gap = noted.result(SeedExample.DANA).gap().orElseThrow()
        .requirements();
    Phrase silvers = gap.get(4).note().orElseThrow();
    Phrase paths = gap.get(5).note().orElseThrow();

    assertThat(silvers).isEqualTo(Phrase.of("note.qualifying", List.of("D101", "D102")));
    assertThat(paths).isEqualTo(Phrase.of("note.metByPath", "B"));
    assertThat(silvers.text(ES)).isEqualTo("cumplen: D101, D102");
    assertThat(paths.text(ES)).isEqualTo("cumplido por la vía B");
  }

  @Test
  void theTextViewWritesTheNotesInItsLanguage() {
    String en = TextView.render(noted, noted.result(SeedExample.DANA), Locale.ENGLISH);
    String es = TextView.render(noted, noted.result(SeedExample.DANA), ES);

    assertThat(en).contains(
        "  [ ] at least 3 personally sponsored SLV or higher: 2 of 3, 1 to go (66.66%)"
            + " - qualifying: D101, D102",
        " - met by path B");
    assertThat(es).contains(
        "  [ ] al menos 3 patrocinados personales en SLV o superior: 2 de 3, falta 1 (66,66 %)"
            + " - cumplen: D101, D102",
        " - cumplido por la vía B")
        .doesNotContain("qualifying", "met by path");
  }

  @Test
  void theGaugePageWritesTheNotesInItsLanguage() {
    String en = GaugePage.render(noted, noted.result(SeedExample.DANA), Locale.ENGLISH);
    String es = GaugePage.render(noted, noted.result(SeedExample.DANA), ES);

    assertThat(en).contains("<span class=\"note\">qualifying: D101, D102</span>",
        "<span class=\"note\">met by path B</span>");
    assertThat(es).contains("<span class=\"note\">cumplen: D101, D102</span>",
        "<span class=\"note\">cumplido por la vía B</span>");
  }
}
