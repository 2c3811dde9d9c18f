package dev.rankgauge.examples.readme;

// tag::live-ranks[]
import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.LiveUpdate;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;          // not java.time.Period
import java.math.BigDecimal;
import java.time.Instant;
// end::live-ranks[]
import java.util.ArrayList;
import java.util.List;

/** The README's example of live ranks, compiled and run by ReadmeExamplesTest. */
final class LiveRanksExample {
  private LiveRanksExample() {}

  /** What the example produced. */
  record Outcome(LiveUpdate update, List<String> heard, Evaluation current) {}

  static Outcome run(Organisation organisation, CompPlan plan) {
    List<String> heard = new ArrayList<>();
    // tag::live-ranks[]
    Instant now = Instant.parse("2026-11-27T16:00:00Z");
    LiveEvaluation live = LiveEvaluation.start(organisation, plan, Period.month(2026, 11), now);
    live.subscribe(u -> u.rankChanges().forEach(c -> heard.add(c.distributorId() + " "
        + c.before().code() + " -> " + c.after().code())));   // on the writer's thread

    LiveUpdate u = live.apply(new LiveEvent.OrderPlaced(
        Order.byCustomer("O77", "C2", Instant.parse("2026-11-27T15:00:00Z"), new BigDecimal("50"))));
    u.gaugeCrossings();                  // gauges that reached another rank's mark
    Evaluation current = live.snapshot(); // immutable: read it from any thread
    current.result("D100").paidAs();
    // end::live-ranks[]
    return new Outcome(u, heard, current);
  }
}
