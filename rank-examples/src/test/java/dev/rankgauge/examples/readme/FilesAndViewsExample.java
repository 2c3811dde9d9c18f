package dev.rankgauge.examples.readme;

// tag::files-and-views[]
import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;          // not java.time.Period
import dev.rankgauge.RankGauge;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.io.ResultsCsv;
import dev.rankgauge.io.ResultsJson;
import dev.rankgauge.json.PlanFiles;
import dev.rankgauge.view.GaugePage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;            // not Requirement.Path
// end::files-and-views[]

/** The README's example of rank-io and rank-view, compiled and run by ReadmeExamplesTest. */
final class FilesAndViewsExample {
  private FilesAndViewsExample() {}

  /** What the example produced. */
  record Outcome(String csv, String jsonLines, String danaJson, String html, String css) {}

  static Outcome run(Path data) throws IOException {
    Writer csv = new StringWriter();
    Writer jsonLines = new StringWriter();
    Writer danaJson = new StringWriter();
    // tag::files-and-views[]
    CompPlan plan = PlanFiles.bundled("seed");
    // data: a folder of distributors.csv, customers.csv and orders.csv
    Organisation org = CsvOrganisation.read(data, plan, Progress.silent());
    Evaluation e = RankGauge.evaluate(org, plan, Period.month(2026, 11));

    ResultsCsv.write(e.table(), csv, Progress.silent());            // a row per distributor
    ResultsJson.writeAll(e, jsonLines, Progress.silent());          // JSON Lines, same rows
    ResultsJson.writeOne(e, e.result("D100"), danaJson);            // one, in full
    String html = GaugePage.fragment(e, e.result("D100"));          // <div class="rankgauge">
    String css = GaugePage.css();                                   // every rule in .rankgauge
    // end::files-and-views[]
    return new Outcome(csv.toString(), jsonLines.toString(), danaJson.toString(), html, css);
  }
}
