package dev.rankgauge.examples.readme;

// tag::quick-start[]
import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;          // not java.time.Period
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
// end::quick-start[]
import java.time.LocalDate;
import java.util.List;

/**
 * The README's first example, compiled and run by {@link ReadmeExamplesTest}; the README shows the
 * marked regions, and {@link ReadmeSnippetsTest} fails if the two differ.
 */
final class QuickStart {
  private QuickStart() {}

  /** A distributor row as a host's storage gives it. */
  record Row(String id, String sponsorId, LocalDate joined, String name, String email) {}

  static Evaluation evaluate(List<Row> hostRows) {
    // tag::quick-start[]
    CompPlan plan = CompPlan.builder("Seed plan")
        .zone(ZoneId.of("America/Denver"))
        .volumeTypes("PV")
        .distributorActivity(ActivityRule.minimumVolume(new BigDecimal("100")))
        .customerActivity(ActivityRule.orderInPeriod())
        .rank(Rank.of("DIST", "Distributor"))                      // the entry rank
        .rank(Rank.of("SLV", "Silver",
            Requirement.personalVolume(new BigDecimal("100")),
            Requirement.groupVolume(new BigDecimal("500")),
            Requirement.activePersonalDistributors(1)))
        .rank(Rank.of("GLD", "Gold",
            Requirement.personalVolume(new BigDecimal("200")),
            Requirement.sponsoredWithRank(4, "SLV")))            // "sponsor four Silvers"
        .build();                                                  // every problem at once

    Organisation.Builder org = Organisation.builder();
    for (Row r : hostRows) {                                       // stream rows in from your storage
      org.add(Distributor.of(r.id(), r.sponsorId(), r.joined(), r.name(), r.email()));
    }
    org.add(Customer.of("C7", "D100", "Cy Cole", "cy@example.com"));
    // a paid order needs only its number, a buyer, a time and a volume
    org.add(Order.byDistributor("O1", "D100", Instant.parse("2026-11-03T15:00:00Z"), new BigDecimal("150")));
    org.add(Order.byCustomer("O2", "C7", Instant.parse("2026-11-04T09:30:00Z"), new BigDecimal("40")));
    org.add(Order.byDistributor("O3", "D101", Instant.parse("2026-11-05T11:00:00Z"), new BigDecimal("420")));
    Instant asOf = Instant.parse("2026-11-27T16:00:00Z");
    Evaluation evaluation = RankGauge.evaluate(org.build(), plan, Period.month(2026, 11), asOf);

    DistributorResult me = evaluation.result("D100");
    me.paidAs();                                    // the rank whose whole set is met
    me.gauge(Metric.GROUP_SALES).remaining();       // how far to the next rank on this gauge
    me.gap().orElseThrow().holdingBack();           // what keeps me from the next rank
    me.focus().inactiveCustomers();                 // whom to call, with contact details
    evaluation.trace("D100").format();              // "why am I not Gold?"
    // end::quick-start[]
    return evaluation;
  }
}
