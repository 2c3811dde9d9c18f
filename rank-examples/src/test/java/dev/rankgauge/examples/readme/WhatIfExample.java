package dev.rankgauge.examples.readme;

// tag::what-if[]
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Order;
import dev.rankgauge.WhatIf;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
// end::what-if[]

/** The README's example of a what-if, compiled and run by ReadmeExamplesTest. */
final class WhatIfExample {
  private WhatIfExample() {}

  static WhatIf run(Evaluation evaluation) {
    // tag::what-if[]
    // evaluation: November as it stands; it does not change
    WhatIf w = WhatIf.of(evaluation, List.of(
        new LiveEvent.OrderPlaced(Order.byCustomer("X1", "C2",
            Instant.parse("2026-11-20T10:00:00Z"), new BigDecimal("50"))),
        new LiveEvent.OrderPlaced(Order.byDistributor("X2", "D107",
            Instant.parse("2026-11-21T10:00:00Z"), new BigDecimal("120")))),
        List.of("O4"));                          // and order O4 taken out
    for (WhatIf.Change c : w.changes()) {        // who changes, in input order
      c.distributorId();
      c.paidAsChanged();                         // c.before().orElseThrow().paidAs(), c.after().paidAs()
      c.movedGauges();                           // [PERSONAL_SALES, GROUP_SALES, ...]
    }
    w.after().result("D100");                    // the whole result, as evaluate would give it
    // end::what-if[]
    return w;
  }
}
