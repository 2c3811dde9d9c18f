package dev.rankgauge.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java examples run, and do what the README says they do. */
class ReadmeExamplesTest {
  @TempDir
  Path tmp;

  @Test
  void quickStartEvaluatesAnOrganisationStreamedInFromHostRows() {
    LocalDate joined = LocalDate.of(2025, 3, 1);
    List<QuickStart.Row> rows = List.of(
        new QuickStart.Row("D001", null, joined, "Ada Adams", "ada@example.com"),
        new QuickStart.Row("D100", "D001", joined, "Dana Diaz", "dana@example.com"),
        new QuickStart.Row("D101", "D100", joined, "Ben Brooks", "ben@example.com"));

    Evaluation e = QuickStart.evaluate(rows);

    DistributorResult dana = e.result("D100");
    // 150 PV of her own and 40 of her customer's; Ben's 420 makes him active
    assertThat(dana.gauge(Metric.PERSONAL_SALES).value()).isEqualByComparingTo("190");
    assertThat(dana.gauge(Metric.GROUP_SALES).value()).isEqualByComparingTo("610");
    assertThat(dana.paidAs().code()).isEqualTo("SLV");
    assertThat(dana.gap().orElseThrow().rank().code()).isEqualTo("GLD");
    assertThat(dana.focus().inactiveCustomers()).isEmpty();
    assertThat(dana.focus().activeCustomers()).extracting(f -> f.id()).containsExactly("C7");
    assertThat(e.trace("D100").format()).contains("GLD");
  }

  @Test
  void planFilesLoadCheckWriteAndBundled() throws IOException {
    Files.writeString(tmp.resolve("acme.json"), PlanFiles.bundledText("seed"));

    PlanFilesExample.Outcome o = PlanFilesExample.run(tmp);

    assertThat(o.plan()).isEqualTo(PlanFiles.bundled("seed"));
    assertThat(o.review().ok()).isTrue();
    assertThat(o.review().plan()).contains(o.plan());
    Files.writeString(tmp.resolve("again.json"), o.json());
    assertThat(PlanFiles.load(tmp.resolve("again.json"))).isEqualTo(o.plan());
    assertThat(o.doterra().name()).containsIgnoringCase("doterra");
    assertThat(PlanFiles.bundledNames()).containsAll(PlanFilesExample.BUNDLED);
  }

  @Test
  void filesAndViewsReadTheSeedCsvAndWriteResultsAndTheGaugeFragment() throws IOException {
    Path seed = ReadmeSnippetsTest.root().resolve("rank-examples/data/seed");

    FilesAndViewsExample.Outcome o = FilesAndViewsExample.run(seed);

    List<String> rows = o.csv().lines().toList();
    assertThat(rows.get(0)).startsWith("id,name,sponsor_id,active,paid_as,title,qualified_as,grace_left,next_rank,");
    assertThat(rows).anyMatch(r -> r.startsWith("D100,Dana Diaz,D001,yes,GLD,GLD,GLD,,PLAT,"));
    assertThat(o.jsonLines().lines()).hasSize(rows.size() - 1)
        .allMatch(l -> l.startsWith("{\"id\":\"") && l.endsWith("}"));
    assertThat(o.danaJson()).contains("\"id\" : \"D100\"").contains("\"focus\"");
    assertThat(o.html()).startsWith("<div class=\"rankgauge\" lang=\"en\">").contains("Dana Diaz")
        .doesNotContain("<html");
    assertThat(o.css()).startsWith("/*").contains(".rankgauge .gauge svg");
  }

  @Test
  void phrasesWriteDanasTraceAndGapNotesInEitherLanguage() throws IOException {
    Path seed = ReadmeSnippetsTest.root().resolve("rank-examples/data/seed");
    // the seed plan, with Platinum asking also for three personally sponsored Silvers
    dev.rankgauge.CompPlan seedPlan = PlanFiles.bundled("seed");
    List<dev.rankgauge.Rank> ranks = new java.util.ArrayList<>();
    for (dev.rankgauge.Rank r : seedPlan.ranks()) {
      List<dev.rankgauge.Requirement> asks = new java.util.ArrayList<>(r.requirements());
      if (r.code().equals("PLAT")) {
        asks.add(dev.rankgauge.Requirement.sponsoredWithRank(3, "SLV"));
      }
      ranks.add(dev.rankgauge.Rank.of(r.code(), r.name(), asks.toArray(dev.rankgauge.Requirement[]::new)));
    }
    dev.rankgauge.CompPlan plan = seedPlan.toBuilder().ranks(ranks).build();
    Evaluation e = dev.rankgauge.RankGauge.evaluate(dev.rankgauge.io.CsvOrganisation.read(seed,
        plan, dev.rankgauge.io.Progress.silent()), plan, dev.rankgauge.Period.month(2026, 11));

    PhrasesExample.Outcome o = PhrasesExample.run(e);

    assertThat(o.english()).startsWith("Distributor D100 (Dana Diaz)").contains("  group PV: 7390");
    assertThat(o.spanish()).startsWith("Distribuidor D100 (Dana Diaz)")
        .contains("  PV de grupo: 7.390");
    assertThat(o.notes()).containsExactly(
        dev.rankgauge.Phrase.of("note.qualifying", List.of("D101", "D102")));
    assertThat(o.notesInSpanish()).containsExactly("cumplen: D101, D102");
  }

  @Test
  void liveRanksMoveDanasCustomerGaugeWithOneOrder() throws IOException {
    Path seed = ReadmeSnippetsTest.root().resolve("rank-examples/data/seed");
    dev.rankgauge.CompPlan plan = PlanFiles.bundled("seed");

    LiveRanksExample.Outcome o = LiveRanksExample.run(dev.rankgauge.io.CsvOrganisation.read(seed,
        plan, dev.rankgauge.io.Progress.silent()), plan);

    assertThat(o.update().version()).isEqualTo(1);
    assertThat(o.update().gaugeCrossings()).anyMatch(c -> c.distributorId().equals("D100")
        && c.metric() == dev.rankgauge.Metric.ACTIVE_PERSONAL_CUSTOMERS
        && c.after().code().equals("PLAT"));
    assertThat(o.heard()).isEmpty();
    assertThat(o.current().result("D100").gauge(dev.rankgauge.Metric.ACTIVE_PERSONAL_CUSTOMERS)
        .value()).isEqualByComparingTo("2");
  }

  @Test
  void whatIfJonAndDaveOrderedAndCarlasOrderWentIsDanaPlatinum() throws IOException {
    Path seed = ReadmeSnippetsTest.root().resolve("rank-examples/data/seed");
    dev.rankgauge.CompPlan plan = PlanFiles.bundled("seed");
    dev.rankgauge.Evaluation november = dev.rankgauge.RankGauge.evaluate(
        dev.rankgauge.io.CsvOrganisation.read(seed, plan, dev.rankgauge.io.Progress.silent()),
        plan, dev.rankgauge.Period.month(2026, 11));

    dev.rankgauge.WhatIf w = WhatIfExample.run(november);

    assertThat(w.rankChanges()).extracting(dev.rankgauge.WhatIf.Change::distributorId)
        .containsExactly("D100");
    assertThat(w.change("D100").orElseThrow().after().paidAs().code()).isEqualTo("PLAT");
    assertThat(w.changes()).extracting(dev.rankgauge.WhatIf.Change::distributorId)
        .containsExactly("D001", "D100", "D107");
    assertThat(november.result("D100").paidAs().code()).isEqualTo("GLD");
  }
}
