package dev.rankgauge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The hot path: one evaluation's figures in dense arrays indexed like the organisation, filled in
 * one pass over the orders and one bottom-up pass over the distributors. Volumes are longs in
 * units of 10^-scale. Never escapes the package; {@link Evaluation} builds the public records from
 * it on demand.
 */
final class Computation {
  static final long NONE = Long.MIN_VALUE;

  final Organisation org;
  final CompPlan plan;
  final Period period;
  final Instant asOf;
  /** The period's first instant, in nanoseconds since the epoch. */
  final long periodStart;
  /** The end of what counts in the period: its end, or the as-of instant if earlier. */
  final long periodSeenEnd;
  final ZoneId zone;
  /** Decimals of every long volume below. */
  final int scale;
  final int rankCount;

  // customers
  final long[] customerVolume;
  final boolean[] customerOrderInPeriod;
  final long[] customerLastOrder;
  final boolean[] customerActive;
  // distributors
  final long[] ownVolume;
  final boolean[] orderInPeriod;
  final long[] lastOrder;
  final long[] personalVolume;
  final long[] groupVolume;
  final boolean[] active;
  final int[] activeCustomers;
  final int[] activeDistributors;
  final byte[] paidAs;
  /** Title ranks the host supplied, -1 where unknown; null when no rule reads them. */
  final byte[] titleRank;
  /** Highest paid-as rank in each distributor's subtree, themselves included; null unless needed. */
  byte[] subtreeRank;
  /** Active distributors in each distributor's subtree, themselves included; null unless needed. */
  int[] subtreeActive;

  final Ladder ladder;

  Computation(Organisation org, CompPlan plan, Period period, Instant asOf,
      Map<String, String> titleRanks) {
    this.org = org;
    this.plan = plan;
    this.period = period;
    this.zone = plan.zone();
    // A period's figures may not depend on what happened after it: "as of" a later instant (such
    // as now, for a past period) is as of its end, also for rolling activity windows.
    Instant end = period.endInstant(zone);
    this.asOf = asOf.isAfter(end) ? end : asOf;
    this.periodStart = Organisation.nanos(period.startInstant(zone));
    this.periodSeenEnd = Math.min(Organisation.nanos(end), Organisation.nanos(this.asOf));
    this.rankCount = plan.ranks().size();
    this.scale = Math.max(org.scale, Math.min(Organisation.MAX_SCALE, Rules.planScale(plan)));
    int distributors = org.distributorCount();
    int customers = org.customerCount();
    customerVolume = new long[customers];
    customerOrderInPeriod = new boolean[customers];
    customerLastOrder = new long[customers];
    customerActive = new boolean[customers];
    ownVolume = new long[distributors];
    orderInPeriod = new boolean[distributors];
    lastOrder = new long[distributors];
    personalVolume = new long[distributors];
    activeCustomers = new int[distributors];
    activeDistributors = new int[distributors];
    active = new boolean[distributors];
    paidAs = new byte[distributors];
    this.ladder = new Ladder(this);
    this.titleRank = titleRanks(titleRanks);
    if (ladder.needsLegFacts()) {
      subtreeRank = new byte[distributors];
      subtreeActive = new int[distributors];
    }
    readOrders();
    personalFigures();
    this.groupVolume = personalVolume.clone();
    bottomUp();
  }

  /**
   * A non-negative threshold in units of 10^-scale, rounded up, so that a volume meets it exactly
   * when its units reach the result. One too large for a long is out of reach: Long.MAX_VALUE.
   */
  long units(BigDecimal threshold) {
    return toUnits(threshold.setScale(scale, RoundingMode.CEILING));
  }

  /** A non-negative limit in units of 10^-scale, rounded down; beyond a long: no limit. */
  long floorUnits(BigDecimal limit) {
    return toUnits(limit.setScale(scale, RoundingMode.FLOOR));
  }

  private static long toUnits(BigDecimal scaled) {
    BigInteger u = scaled.unscaledValue();
    return u.bitLength() < Long.SIZE ? u.longValue() : Long.MAX_VALUE;
  }

  BigDecimal decimal(long units) {
    return BigDecimal.valueOf(units, scale);
  }

  /** The rank of a downline distributor as a rule with the given basis sees it. */
  int rankFor(int d, boolean title) {
    int r = paidAs[d];
    return title && titleRank[d] > r ? titleRank[d] : r;
  }

  /**
   * Checks the host's title ranks whether or not a rule reads them, and returns them by
   * distributor (-1 where unknown) if one does; else null.
   */
  private byte[] titleRanks(Map<String, String> titles) {
    byte[] out = ladder.readsTitles() ? new byte[org.distributorCount()] : null;
    if (out != null) {
      Arrays.fill(out, (byte) -1);
    }
    List<Problem> problems = new ArrayList<>();
    titles.forEach((id, code) -> {
      int d = org.indexOf(id);
      int r = plan.rankLevel(code);
      if (d < 0) {
        problems.add(new Problem("title rank of " + id, "distributor " + id + " does not exist"));
      } else if (r < 0) {
        problems.add(new Problem("title rank of " + id, "rank " + code + " is not in plan "
            + plan.name() + "; ranks are " + plan.ranks()));
      } else if (out != null) {
        out[d] = (byte) r;
      }
    });
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparing(Problem::location));
      throw new ValidationException("title ranks", problems);
    }
    return out;
  }

  /** One pass over the orders: period volumes, orders in the period, last order before as-of. */
  private void readOrders() {
    Arrays.fill(customerLastOrder, NONE);
    Arrays.fill(lastOrder, NONE);
    int q = org.volumeTypeIndex(plan.qualifyingVolumeType());
    long[] qv = q < 0 ? new long[org.orderCount()] : org.volume[q];
    long factor = 1;
    for (int i = org.scale; i < scale; i++) {
      factor *= 10;
    }
    long start = periodStart;
    long seenEnd = periodSeenEnd;
    long seen = Organisation.nanos(asOf);
    long[] time = org.orderTime;
    byte[] status = org.orderStatus;
    int[] buyer = org.orderBuyer;
    boolean[] byCustomer = org.orderByCustomer;
    for (int o = 0, m = time.length; o < m; o++) {
      long t = time[o];
      byte st = status[o];
      if (!OrderCounting.counts(st, t, seen)) {
        continue;
      }
      int b = buyer[o];
      boolean inPeriod = OrderCounting.inPeriod(t, start, seenEnd);
      boolean paid = OrderCounting.paid(st);
      long v = OrderCounting.volume(st, qv[o] * factor);
      if (byCustomer[o]) {
        if (paid && t > customerLastOrder[b]) {
          customerLastOrder[b] = t;
        }
        if (inPeriod) {
          customerVolume[b] = Math.addExact(customerVolume[b], v);
          customerOrderInPeriod[b] |= paid;
        }
      } else {
        if (paid && t > lastOrder[b]) {
          lastOrder[b] = t;
        }
        if (inPeriod) {
          ownVolume[b] = Math.addExact(ownVolume[b], v);
          orderInPeriod[b] |= paid;
        }
      }
    }
  }

  /** Customers' activity, personal volume, distributors' activity and the two counts. */
  private void personalFigures() {
    Activity customerRule = activity(plan.customerActivity());
    Activity distributorRule = activity(plan.distributorActivity());
    boolean withCustomers = plan.personalVolume().includeCustomerOrders();
    int[] owner = org.customerOwner;
    for (int c = 0; c < owner.length; c++) {
      boolean a = customerRule.active(customerVolume[c], customerOrderInPeriod[c], customerLastOrder[c]);
      customerActive[c] = a;
      if (a) {
        activeCustomers[owner[c]]++;
      }
      if (withCustomers) {
        personalVolume[owner[c]] = Math.addExact(personalVolume[owner[c]], customerVolume[c]);
      }
    }
    long cap = plan.personalVolume().selfPurchaseCap().map(this::floorUnits).orElse(Long.MAX_VALUE);
    int[] parent = org.parent;
    for (int d = 0; d < parent.length; d++) {
      personalVolume[d] = Math.addExact(personalVolume[d], Math.min(ownVolume[d], cap));
    }
    for (int d = 0; d < parent.length; d++) {
      boolean a = distributorRule.active(personalVolume[d], orderInPeriod[d], lastOrder[d]);
      active[d] = a;
      if (a && parent[d] >= 0) {
        activeDistributors[parent[d]]++;
      }
    }
  }

  /**
   * Children before sponsors: each distributor's rank, then their figures roll up to the sponsor.
   * Indices are in tree order, so walking them backwards visits every distributor after their
   * whole downline.
   */
  private void bottomUp() {
    int[] parent = org.parent;
    long[] gv = groupVolume;
    Ladder l = ladder;
    Rules.Rule[] aggregators = l.aggregators();
    byte[] sub = subtreeRank;
    int[] subActive = subtreeActive;
    for (int v = parent.length - 1; v >= 0; v--) {
      int rank = l.paidAs(v);
      paidAs[v] = (byte) rank;
      if (sub != null) {
        sub[v] = (byte) Math.max(sub[v], rank);
        subActive[v] += active[v] ? 1 : 0;
      }
      int p = parent[v];
      if (p < 0) {
        continue;
      }
      gv[p] = Math.addExact(gv[p], gv[v]);
      for (Rules.Rule a : aggregators) {
        a.childDone(v, p);
      }
      if (sub != null) {
        sub[p] = (byte) Math.max(sub[p], sub[v]);
        subActive[p] += subActive[v];
      }
    }
  }

  /** An activity rule in units, as of this computation's as-of instant. */
  private Activity activity(ActivityRule rule) {
    return rule.accept(new ActivityRule.Visitor<>() {
      @Override
      public Activity visit(ActivityRule.MinimumVolume m) {
        return new Activity(ActivityKind.MINIMUM_VOLUME, units(m.volume()), 0);
      }

      @Override
      public Activity visit(ActivityRule.OrderInPeriod o) {
        return new Activity(ActivityKind.ORDER_IN_PERIOD, 0, 0);
      }

      @Override
      public Activity visit(ActivityRule.NetVolumeAboveZero n) {
        return new Activity(ActivityKind.NET_VOLUME_ABOVE_ZERO, 0, 0);
      }

      @Override
      public Activity visit(ActivityRule.OrderWithinDays w) {
        Instant from = asOf.atZone(zone).minusDays(w.days()).toInstant();
        // A window reaching back before the years a long of nanoseconds holds sees every order.
        long start = from.isBefore(Organisation.MIN_TIME) ? Long.MIN_VALUE : Organisation.nanos(from);
        return new Activity(ActivityKind.ORDER_WITHIN_DAYS, 0, start);
      }
    });
  }

  /** An activity rule in units. */
  private static final class Activity {
    private final ActivityKind kind;
    private final long minimum;
    private final long windowStart;

    Activity(ActivityKind kind, long minimum, long windowStart) {
      this.kind = kind;
      this.minimum = minimum;
      this.windowStart = windowStart;
    }

    boolean active(long volume, boolean orderInPeriod, long lastOrder) {
      return switch (kind) {
        case MINIMUM_VOLUME -> volume >= minimum;
        case ORDER_IN_PERIOD -> orderInPeriod;
        case NET_VOLUME_ABOVE_ZERO -> volume > 0;
        case ORDER_WITHIN_DAYS -> lastOrder != NONE && lastOrder >= windowStart;
      };
    }
  }

  /** The kinds of {@link ActivityRule}, for a switch in the loop over every buyer. */
  private enum ActivityKind {
    MINIMUM_VOLUME,
    ORDER_IN_PERIOD,
    NET_VOLUME_ABOVE_ZERO,
    ORDER_WITHIN_DAYS
  }
}
