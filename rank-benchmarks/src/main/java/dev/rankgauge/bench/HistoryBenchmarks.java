package dev.rankgauge.bench;

import dev.rankgauge.CompPlan;
import dev.rankgauge.History;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Rank;
import dev.rankgauge.RankHold;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the history benchmarks share: a plan that reads twelve closed months and a synthetic
 * history of them for every distributor of a synthetic organisation.
 */
final class HistoryBenchmarks {
  /** The closed months before {@link SyntheticOrganisation#PERIOD}. */
  static final int MONTHS = 12;

  private HistoryBenchmarks() {}

  /**
   * The seed plan with a grace of two months, titles, and a top rank that reads all twelve
   * closed months: paid as the seed's top rank in 6 of the last 12, and 1,200 PV over 12 months
   * with 50 in each.
   */
  static CompPlan plan() {
    CompPlan seed = BenchmarkPlans.seed();
    String top = seed.ranks().get(seed.ranks().size() - 1).code();
    return seed.toBuilder().rankHold(RankHold.keepPaidAs(2))
        .rank(Rank.of("HIST", "Twelve months",
            Requirement.paidAsInPeriods(6, MONTHS, top, false),
            Requirement.accumulatedVolume(new BigDecimal("1200"), MONTHS,
                Optional.of(new BigDecimal("50")))))
        .build();
  }

  /**
   * Twelve closed months for every distributor of the organisation: paid-as ranks drawn at
   * random (most at the entry rank, as in a real organisation), titles the highest so far,
   * personal volume from 0 to 300 PV.
   */
  static History history(Organisation org, CompPlan plan, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> ids = org.distributors().stream().map(d -> d.id()).toList();
    int n = ids.size();
    int ranks = plan.ranks().size() - 1; // the history's ranks are the seed's, without HIST
    byte[] title = new byte[n];
    History h = History.empty();
    for (int m = MONTHS; m >= 1; m--) {
      Period p = Period.month(java.time.YearMonth.from(SyntheticOrganisation.PERIOD.start())
          .minusMonths(m));
      List<PeriodRecord> records = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int r = rnd.nextInt(100) < 60 ? 0 : rnd.nextInt(ranks);
        title[i] = (byte) Math.max(title[i], r);
        String code = plan.ranks().get(r).code();
        records.add(new PeriodRecord(p, ids.get(i), code, code,
            plan.ranks().get(title[i]).code(), BigDecimal.valueOf(rnd.nextInt(301)),
            BigDecimal.valueOf(rnd.nextInt(3001)), rnd.nextInt(4), rnd.nextInt(4), 0));
      }
      h = h.append(records);
    }
    return h;
  }
}
