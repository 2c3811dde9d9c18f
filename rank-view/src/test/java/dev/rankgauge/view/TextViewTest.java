package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal view keeps its scales inside 80 columns, whatever the ladder. */
class TextViewTest {
  private static String render(CompPlan plan) {
    Organisation org = Organisation.builder()
        .add(Distributor.of("D1", null, LocalDate.of(2020, 1, 1), "Solo", "solo@example.com"))
        .build();
    Evaluation e = RankGauge.evaluate(org, plan, SeedExample.PERIOD);
    return TextView.render(e, e.result("D1"));
  }

  private static CompPlan ladder(int ranks, String prefix) {
    CompPlan.Builder b = CompPlan.builder("long").rank("E", "Entry");
    for (int i = 1; i < ranks; i++) {
      b.rank(prefix + i, "Rank " + i, Requirement.personalVolume(BigDecimal.valueOf(100L * i)));
    }
    return b.build();
  }

  @Test
  void aDozenRanksFitEightyColumns() {
    String text = render(ladder(13, "R"));
    List<String> scale = text.lines().filter(l -> l.startsWith("  |")).toList();
    assertThat(scale).hasSize(4).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(text).contains("  E    R1   R2   R3");
  }

  @Test
  void longCodesGoOnTwoStaggeredLines() {
    String text = render(ladder(6, "PRESIDENT"));
    assertThat(text).contains("  E                 PRESIDENT2        PRESIDENT4")
        .contains("          PRESIDENT1        PRESIDENT3        PRESIDENT5");
  }

  @Test
  void theSeedViewKeepsItsFigures() {
    Evaluation e = RankGauge.evaluate(SeedExample.organisation(), SeedExample.plan(),
        SeedExample.PERIOD, SeedExample.AS_OF);
    String text = TextView.render(e, e.result(SeedExample.DANA));
    assertThat(text).contains("Group sales                    7,300 PV -> DMND, 4,700 more for SE\n"
            .replace("\n", System.lineSeparator()))
        // The needle sits 21% of the way from DMND to SE: 4 segments of 9, plus 1.
        .contains("  |--------|--------|--------|--------|--------|" + System.lineSeparator()
            + "  " + " ".repeat(37) + "^");
    assertThat(TextView.render(e.result(SeedExample.DANA), "PV"))
        .doesNotContain("Seed plan").contains("Paid as: Gold (GLD)");
  }

  @Test
  void theTopRankSaysSo() {
    CompPlan plan = CompPlan.builder("one").rank(Rank.of("M", "Member")).build();
    assertThat(render(plan)).contains("Top of the ladder.");
  }
}
