package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Requirements in words, in English and Spanish: plurals agree, and nothing says "at least 0". */
class RequirementWordsTest {
  private static final Locale ES = Locale.forLanguageTag("es");

  private static String en(Requirement r) {
    return r.describe("PV", Locale.ENGLISH);
  }

  private static String es(Requirement r) {
    return r.describe("PV", ES);
  }

  @Test
  void countsAgreeWithTheirNounsInBothLanguages() {
    assertThat(en(Requirement.activePersonalCustomers(1)))
        .isEqualTo("at least 1 active personal customer");
    assertThat(en(Requirement.activePersonalCustomers(2)))
        .isEqualTo("at least 2 active personal customers");
    assertThat(en(Requirement.activePersonalDistributors(1)))
        .isEqualTo("at least 1 active personal distributor");
    assertThat(en(Requirement.activePersonalDistributors(3)))
        .isEqualTo("at least 3 active personal distributors");
    assertThat(es(Requirement.activePersonalCustomers(1)))
        .isEqualTo("al menos 1 cliente personal activo");
    assertThat(es(Requirement.activePersonalCustomers(2)))
        .isEqualTo("al menos 2 clientes personales activos");
    assertThat(es(Requirement.activePersonalDistributors(1)))
        .isEqualTo("al menos 1 distribuidor personal activo");
    assertThat(es(Requirement.activePersonalDistributors(7)))
        .isEqualTo("al menos 7 distribuidores personales activos");
    assertThat(en(Requirement.activeLegs(1))).isEqualTo("at least 1 active leg");
    assertThat(es(Requirement.activeLegs(2))).isEqualTo("al menos 2 líneas activas");
    assertThat(en(Requirement.legsWithRank(1, "GLD").withinLevels(1)))
        .isEqualTo("1 leg with someone at GLD or higher within 1 level");
    assertThat(es(Requirement.legsWithRank(2, "GLD").withinLevels(3)))
        .isEqualTo("2 líneas, cada una con alguien, en GLD o superior dentro de 3 niveles");
  }

  @Test
  void numbersAreFormattedForTheLanguageAndPlainForRoot() {
    Requirement gv = Requirement.groupVolume(new BigDecimal("12000.5"));

    assertThat(en(gv)).isEqualTo("at least 12,000.5 group PV");
    assertThat(es(gv)).isEqualTo("al menos 12.000,5 PV de grupo");
    assertThat(gv.describe("PV")).isEqualTo("at least 12000.5 group PV");
    assertThat(gv.describe("PV", Locale.ROOT)).isEqualTo(gv.describe("PV"));
  }

  @Test
  void aThresholdOfZeroNeverReadsAtLeastZero() {
    List<Requirement> zero = List.of(Requirement.personalVolume(BigDecimal.ZERO),
        Requirement.groupVolume(BigDecimal.ZERO),
        Requirement.legsWithVolume(2, BigDecimal.ZERO),
        Requirement.levelGroupVolume(BigDecimal.ZERO, 2, false),
        Requirement.activePersonalCustomers(0), Requirement.activePersonalDistributors(0));
    for (Requirement r : zero) {
      for (Locale l : List.of(Locale.ROOT, Locale.ENGLISH, ES)) {
        assertThat(r.describe("PV", l)).doesNotContain("at least 0", "al menos 0");
      }
    }
    assertThat(en(Requirement.personalVolume(BigDecimal.ZERO))).isEqualTo("any amount of personal PV");
    // The seed plan's Silver asks for 0 active personal customers.
    assertThat(Requirement.activePersonalCustomers(0).describe("PV"))
        .isEqualTo("any number of active personal customers");
    assertThat(es(Requirement.activePersonalCustomers(0)))
        .isEqualTo("cualquier número de clientes personales activos");
    assertThat(es(Requirement.groupVolume(BigDecimal.ZERO)))
        .isEqualTo("cualquier cantidad de PV de grupo");
  }

  @Test
  void everyKindHasASentenceInBothLanguages() {
    List<Requirement> kinds = List.of(
        Requirement.personalVolume(new BigDecimal("100")),
        Requirement.sponsoredWithRank(2, "SLV"),
        Requirement.legsWithRank(3, "GLD").frontLine().byTitle(),
        Requirement.legsWithVolumes(List.of(new BigDecimal("500"), new BigDecimal("1000"))),
        Requirement.cappedGroupVolume(new BigDecimal("3000"), new BigDecimal("50"), true),
        Requirement.levelGroupVolume(new BigDecimal("2000"), 3, true),
        Requirement.personalGroupVolume(new BigDecimal("4000"), "DMND", false),
        Requirement.anyOf(Requirement.path("A", Requirement.activeLegs(2)),
            Requirement.path("B", Requirement.personalVolume(new BigDecimal("50")),
                Requirement.activePersonalCustomers(1))));
    assertThat(kinds.stream().map(RequirementWordsTest::es)).containsExactly(
        "al menos 100 PV personales",
        "al menos 2 patrocinados personales en SLV o superior",
        "3 líneas, cada una con alguien, en GLD o superior en primera línea (rango de título)",
        "líneas con al menos 1.000, 500 PV de grupo, una línea cada una",
        "al menos 3.000 PV de grupo con un máximo del 50 % de una sola línea"
            + " (el volumen propio cuenta como una línea)",
        "al menos 2.000 PV de grupo en los primeros 3 niveles (comprimido)",
        "al menos 4.000 PV de grupo personal (hasta el primer DMND o superior de cada línea,"
            + " excluido)",
        "vía A: al menos 2 líneas activas; o vía B: al menos 50 PV personales y al menos 1"
            + " cliente personal activo");
    assertThat(kinds.stream().map(r -> r.describe("PV"))).containsExactly(
        "at least 100 personal PV",
        "at least 2 personally sponsored SLV or higher",
        "3 legs each with someone at GLD or higher on the front line (title rank)",
        "legs with at least 1000, 500 group PV, one leg each",
        "at least 3000 group PV with at most 50% from any one leg (own volume counted as a leg)",
        "at least 2000 group PV in the first 3 levels (compressed)",
        "at least 4000 personal group PV (down to the first DMND or higher in each leg,"
            + " excluded)",
        "path A: at least 2 active legs; or path B: at least 50 personal PV and at least 1"
            + " active personal customer");
  }

  @Test
  void legsAndLevelsOfThePlacementTreeSaySo() {
    Requirement.Tree placement = Requirement.Tree.PLACEMENT;
    List<Requirement> kinds = List.of(
        Requirement.legsWithRank(2, "EXE").withinLevels(3).onTree(placement),
        Requirement.legsWithVolume(2, new BigDecimal("1500")).onTree(placement),
        Requirement.legsWithVolumes(List.of(new BigDecimal("500"), new BigDecimal("1000")))
            .onTree(placement),
        Requirement.levelGroupVolume(new BigDecimal("2000"), 3, true).onTree(placement));
    assertThat(kinds.stream().map(r -> r.describe("PV", Locale.ENGLISH))).containsExactly(
        "2 legs each with someone at EXE or higher within 3 levels in the placement tree",
        "2 legs with at least 1,500 group PV each in the placement tree",
        "legs with at least 1,000, 500 group PV, one leg each in the placement tree",
        "at least 2,000 group PV in the first 3 levels (compressed) in the placement tree");
    assertThat(kinds.stream().map(RequirementWordsTest::es)).containsExactly(
        "2 líneas, cada una con alguien, en EXE o superior dentro de 3 niveles"
            + " en el árbol de colocación",
        "2 líneas con al menos 1.500 PV de grupo cada una en el árbol de colocación",
        "líneas con al menos 1.000, 500 PV de grupo, una línea cada una"
            + " en el árbol de colocación",
        "al menos 2.000 PV de grupo en los primeros 3 niveles (comprimido)"
            + " en el árbol de colocación");
    assertThat(Requirement.legsWithRank(2, "EXE").onTree(Requirement.Tree.SPONSOR)
        .describe("PV")).as("the sponsor tree, the default, goes without saying")
        .isEqualTo("2 legs each with someone at EXE or higher");
  }

  @Test
  void anotherLanguageGetsEnglishWhateverTheDefaultLocale() {
    Requirement r = Requirement.activePersonalCustomers(2);

    assertThat(r.describe("PV", Locale.GERMAN)).isEqualTo("at least 2 active personal customers");
    assertThat(r.describe("PV", Locale.forLanguageTag("tr-TR")))
        .isEqualTo("at least 2 active personal customers");
    assertThat(Requirement.groupVolume(new BigDecimal("1500")).describe("PV", Locale.GERMAN))
        .as("English words, English numbers").isEqualTo("at least 1,500 group PV");
    assertThat(Requirement.groupVolume(new BigDecimal("1500.5"))
        .describe("PV", Locale.forLanguageTag("es-MX"))).isEqualTo("al menos 1,500.5 PV de grupo");
    assertThat(Metric.GROUP_SALES.label(ES)).isEqualTo("Ventas de grupo");
    assertThat(Metric.GROUP_SALES.label(Locale.ENGLISH)).isEqualTo(Metric.GROUP_SALES.label());
  }
}
