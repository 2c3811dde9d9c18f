package dev.rankgauge.examples.cli;

import dev.rankgauge.Distributor;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a bulk export writes of one distributor: everything of a {@link DistributorResult} but the
 * focus lists, which would rebuild every order of the organisation once more.
 */
record Row(Distributor distributor, boolean active, Rank paidAs, List<Gauge> gauges,
    Optional<RankGap> gap) {

  static Row of(Evaluation e, Distributor d) {
    String id = d.id();
    List<Gauge> gauges = new ArrayList<>(Metric.values().length);
    for (Metric m : Metric.values()) {
      gauges.add(e.gauge(id, m));
    }
    return new Row(d, e.isActive(id), e.paidAs(id), gauges, e.gap(id));
  }

  static Row of(DistributorResult r) {
    return new Row(r.distributor(), r.active(), r.paidAs(), r.gauges(), r.gap());
  }

  Optional<Rank> nextRank() {
    return gap.map(RankGap::rank);
  }
}
