package dev.rankgauge.json;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small hand-built organisations for the plan tests: each distributor with one paid order in
 * November 2026 carrying the same figure in every volume type of the plan.
 */
final class Orgs {
  static final Period NOVEMBER = Period.month(2026, 11);

  private final CompPlan plan;
  private final Organisation.Builder b = Organisation.builder();
  private int orders;

  private Orgs(CompPlan plan) {
    this.plan = plan;
  }

  static Orgs of(CompPlan plan) {
    return new Orgs(plan);
  }

  /** A distributor sponsored by {@code sponsor} (null for a root) with this personal volume. */
  Orgs d(String id, String sponsor, int volume) {
    b.add(Distributor.of(id, sponsor, LocalDate.of(2025, 1, 1), id, id + "@example.com"));
    if (volume > 0) {
      Map<String, BigDecimal> vols = new LinkedHashMap<>();
      for (String t : plan.volumeTypes()) {
        vols.put(t, BigDecimal.valueOf(volume));
      }
      b.add(new Order("O" + ++orders, BuyerType.DISTRIBUTOR, id,
          LocalDateTime.of(2026, 11, 10, 12, 0).atZone(plan.zone()).toInstant(),
          dev.rankgauge.OrderStatus.PAID, vols, BigDecimal.valueOf(volume)));
    }
    return this;
  }

  /** Places {@code id} under {@code parent} at this position of the placement tree. */
  Orgs placed(String id, String parent, int position) {
    b.place(id, parent, position);
    return this;
  }

  /** A customer of {@code owner} with one paid order of this volume in every type. */
  Orgs customer(String id, String owner, int volume) {
    b.customer(id, owner, id, "", null);
    Map<String, BigDecimal> vols = new LinkedHashMap<>();
    for (String t : plan.volumeTypes()) {
      vols.put(t, BigDecimal.valueOf(volume));
    }
    b.add(new Order("O" + ++orders, BuyerType.CUSTOMER, id,
        LocalDateTime.of(2026, 11, 10, 12, 0).atZone(plan.zone()).toInstant(),
        dev.rankgauge.OrderStatus.PAID, vols, BigDecimal.valueOf(volume)));
    return this;
  }

  Organisation organisation() {
    return b.build();
  }

  Evaluation evaluate() {
    return RankGauge.evaluate(b.build(), plan, NOVEMBER);
  }
}
