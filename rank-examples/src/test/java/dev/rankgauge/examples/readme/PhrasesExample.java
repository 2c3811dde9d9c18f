package dev.rankgauge.examples.readme;

import dev.rankgauge.Evaluation;
// tag::phrases[]
import dev.rankgauge.Phrase;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.Trace;
import java.util.Locale;
// end::phrases[]
import java.util.ArrayList;
import java.util.List;

/** The README's example of gap notes and traces as phrases, run by ReadmeExamplesTest. */
final class PhrasesExample {
  private PhrasesExample() {}

  /** What the example produced. */
  record Outcome(String english, String spanish, List<Phrase> notes, List<String> notesInSpanish) {}

  static Outcome run(Evaluation e) {
    List<Phrase> notes = new ArrayList<>();
    List<String> notesInSpanish = new ArrayList<>();
    // tag::phrases[]
    Locale es = Locale.forLanguageTag("es");
    Trace trace = e.trace("D100");
    String english = trace.format();       // "  group PV: 7390": English, numbers plain
    String spanish = trace.format(es);     // "  PV de grupo: 7.390"
    for (RequirementStatus s : e.result("D100").gap().orElseThrow().requirements()) {
      s.note().ifPresent(note -> {
        note.key();                        // "note.qualifying", described in Words.properties
        note.arguments();                  // [[D101, D102]]: ids, counts, amounts, dates
        notes.add(note);
        notesInSpanish.add(note.text(es)); // "cumplen: D101, D102"
      });
    }
    // end::phrases[]
    return new Outcome(english, spanish, notes, notesInSpanish);
  }
}
