package dev.rankgauge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the public records of one distributor from a {@link Computation}, on demand. */
final class ResultAssembler {
  private final Computation computation;
  /** marks[metric][rank]: the value of the metric at which the rank is reached. */
  private final BigDecimal[][] marks;
  /**
   * required[metric][rank]: whether the rank or one below it has a threshold for the metric. Where
   * none has, the rank is reached whatever the value, even a negative one after returns; its mark
   * of 0 is only drawn.
   */
  private final boolean[][] required;
  /**
   * ends[metric]: the last rank on the metric's gauge, the lowest rank that asks for the metric's
   * highest threshold; 0 (the entry rank) for a metric no rank asks for. Ranks above it ask no
   * more of the metric, so the gauge stops there rather than claim them.
   */
  private final int[] ends;

  /**
   * markUnits[metric][rank]: {@link #marks} in the computation's units (volumes, rounded up, so
   * that a value reaches a mark exactly when its units reach this) or as counts.
   */
  private final long[][] markUnits;

  ResultAssembler(Computation computation) {
    this.computation = computation;
    List<Rank> ranks = computation.plan.ranks();
    marks = new BigDecimal[Metric.values().length][ranks.size()];
    required = new boolean[Metric.values().length][ranks.size()];
    ends = new int[Metric.values().length];
    for (Metric m : Metric.values()) {
      BigDecimal running = BigDecimal.ZERO;
      boolean any = false;
      for (int r = 0; r < ranks.size(); r++) {
        for (Requirement q : ranks.get(r).requirements()) {
          if (q.metric().orElse(null) == m) {
            running = running.max(q.metricThreshold().orElseThrow());
            any = true;
          }
        }
        marks[m.ordinal()][r] = running;
        required[m.ordinal()][r] = any;
      }
      for (int r = ranks.size() - 1; r > 0; r--) {
        if (required[m.ordinal()][r] && marks[m.ordinal()][r - 1].compareTo(running) < 0
            || required[m.ordinal()][r] && !required[m.ordinal()][r - 1]) {
          ends[m.ordinal()] = r;
          break;
        }
      }
    }
    markUnits = new long[Metric.values().length][ranks.size()];
    for (Metric m : Metric.values()) {
      for (int r = 0; r < ranks.size(); r++) {
        markUnits[m.ordinal()][r] = isVolume(m) ? computation.units.threshold(marks[m.ordinal()][r])
            : marks[m.ordinal()][r].setScale(0, RoundingMode.CEILING).longValue();
      }
    }
  }

  private static boolean isVolume(Metric m) {
    return switch (m) {
      case PERSONAL_SALES, GROUP_SALES -> true;
      case ACTIVE_PERSONAL_CUSTOMERS, ACTIVE_PERSONAL_DISTRIBUTORS -> false;
    };
  }

  /** A metric's value of distributor v in units (volumes) or as a count. */
  long raw(int v, Metric m) {
    return switch (m) {
      case PERSONAL_SALES -> computation.personalVolume[v];
      case GROUP_SALES -> computation.groupVolume[v];
      case ACTIVE_PERSONAL_CUSTOMERS -> computation.activeCustomers[v];
      case ACTIVE_PERSONAL_DISTRIBUTORS -> computation.activeDistributors[v];
    };
  }

  /** A raw value ({@link #raw}) back to the decimal a gauge shows. */
  BigDecimal decimal(Metric m, long raw) {
    return isVolume(m) ? computation.units.decimal(raw) : BigDecimal.valueOf(raw);
  }

  /** The decimals of a metric's raw values: the units' scale for volumes, 0 for counts. */
  int scale(Metric m) {
    return isVolume(m) ? computation.units.scale : 0;
  }

  /** {@link #level(Metric, BigDecimal)} of a raw value, without making a decimal. */
  int level(Metric m, long raw) {
    return level(markUnits[m.ordinal()], required[m.ordinal()], ends[m.ordinal()], raw);
  }

  /**
   * The last rank up to {@code end} whose mark {@code raw} reaches, ranks whose mark is not
   * {@code required} passing by.
   */
  private static int level(long[] mk, boolean[] req, int end, long raw) {
    int r = 0;
    while (r < end && (!req[r + 1] || raw >= mk[r + 1])) {
      r++;
    }
    return r;
  }

  /**
   * {@link #level(Metric, long)} of {@code values[lo]} to {@code values[hi - 1]}, into {@code
   * out} at the same places: one loop over values already read, for a run of rows gathered in
   * input order (see {@code ResultTable.Rows}).
   */
  void levels(Metric m, long[] values, byte[] out, int lo, int hi) {
    long[] mk = markUnits[m.ordinal()];
    boolean[] req = required[m.ordinal()];
    int end = ends[m.ordinal()];
    for (int i = lo; i < hi; i++) {
      out[i] = (byte) level(mk, req, end, values[i]);
    }
  }

  /** The last rank on the metric's gauge; see {@link #ends}. */
  int end(Metric m) {
    return ends[m.ordinal()];
  }

  DistributorResult result(int v) {
    List<Gauge> gauges = new ArrayList<>();
    for (Metric m : Metric.values()) {
      gauges.add(gauge(v, m));
    }
    Rank paid = computation.plan.ranks().get(computation.paidAs[v]);
    return new DistributorResult(computation.org.distributor(v), computation.active[v], gauges, paid, gap(v),
        focus(v), title(v), held(v), computation.plan.ranks().get(computation.qualified[v]),
        overrides(v));
  }

  /** The overrides applied to distributor v, in the order given. */
  List<Overrides.Entry> overrides(int v) {
    OverrideIndex.At o = computation.overrideAt(v);
    return o == null ? List.of() : List.copyOf(o.entries);
  }

  Rank title(int v) {
    return computation.plan.ranks().get(computation.title(v));
  }

  Optional<HeldRank> held(int v) {
    if (computation.held == null || computation.held[v] == 0) {
      return Optional.empty();
    }
    return Optional.of(new HeldRank(computation.plan.ranks().get(computation.qualified[v]),
        computation.held[v], computation.periodsLeft(v)));
  }

  /** Why the title rank is what it is, for the trace. */
  private Phrase titleExplained(int v) {
    List<Rank> ranks = computation.plan.ranks();
    boolean qualifiedTitles = computation.plan.titleRank() == CompPlan.TitleRank.HIGHEST_QUALIFIED;
    int now = qualifiedTitles ? computation.qualified[v] : computation.paidAs[v];
    int before = computation.titleRank == null ? -1 : computation.titleRank[v];
    return Phrase.of("trace.titleRank", code(ranks.get(computation.title(v))),
        Phrase.of(qualifiedTitles ? "trace.title.qualified" : "trace.title.paid"),
        before < 0 ? Phrase.of("trace.title.none")
            : Phrase.of("trace.title.before", code(ranks.get(before))),
        code(ranks.get(now)));
  }

  /** Why the paid-as rank is or is not held, for the trace; null where nothing is to say. */
  private Phrase holdExplained(int v) {
    Prior prior = computation.prior;
    if (prior == null || computation.plan.rankHold() instanceof RankHold.None
        && prior.paid[v] <= computation.paidAs[v]) {
      return null;
    }
    List<Rank> ranks = computation.plan.ranks();
    Phrase policy = computation.plan.rankHold().phrase();
    int last = prior.paid[v];
    int q = computation.qualified[v];
    Phrase why;
    if (last <= q) {
      why = Phrase.of("hold.noneNeeded", code(ranks.get(q)),
          last < 0 ? Phrase.of("hold.noRecord") : code(ranks.get(last)));
    } else if (computation.held != null && computation.held[v] > 0) {
      why = Phrase.of("hold.held", code(ranks.get(computation.paidAs[v])), code(ranks.get(q)),
          code(ranks.get(last)), computation.held[v], computation.periodsLeft(v));
    } else {
      why = Phrase.of("hold.ended", code(ranks.get(q)), code(ranks.get(last)),
          Math.max(0, prior.held[v]), code(ranks.get(computation.paidAs[v])));
    }
    return Phrase.of("trace.rankHold", why, policy);
  }

  /** Each override of distributor v and what it did, for the trace; null for none. */
  private Phrase overridesExplained(int v) {
    OverrideIndex.At o = computation.overrideAt(v);
    if (o == null) {
      return null;
    }
    List<Rank> ranks = computation.plan.ranks();
    List<Object> parts = new ArrayList<>();
    for (Overrides.Entry e : o.entries) {
      if (e instanceof Overrides.MinimumRank m) {
        int q = computation.qualified[v];
        boolean held = computation.held != null && computation.held[v] > 0;
        parts.add(!held && computation.paidAs[v] == o.minimum && q < o.minimum
            ? Phrase.of("override.minimumRank", m.rank(), code(ranks.get(o.minimum)),
                code(ranks.get(q)))
            : Phrase.of("override.minimumRank.noEffect", m.rank(),
                code(ranks.get(computation.paidAs[v]))));
      } else if (e instanceof Overrides.Waiver w) {
        parts.add(Phrase.of("override.waive", w.rank(), w.requirement()));
      } else if (e instanceof Overrides.NotCompressed) {
        parts.add(Phrase.of("override.notCompressed", computation.active[v] ? 1 : 0));
      } else {
        parts.add(Phrase.of("override.active"));
      }
    }
    return Phrase.of("trace.overrides", parts);
  }

  private static String code(Rank r) {
    return r.code() + " " + r.name();
  }

  /** A metric's value of distributor v as the gauge shows it. */
  BigDecimal value(int v, Metric m) {
    return decimal(m, raw(v, m));
  }

  Gauge gauge(int v, Metric m) {
    List<Rank> ranks = computation.plan.ranks();
    BigDecimal[] mk = marks[m.ordinal()];
    BigDecimal value = value(v, m);
    int r = level(m, value);
    int end = end(m);
    List<Gauge.Mark> scale = new ArrayList<>();
    for (int i = 0; i <= end; i++) {
      scale.add(new Gauge.Mark(ranks.get(i), mk[i]));
    }
    if (r == end) {
      return new Gauge(m, value, ranks.get(r), Optional.empty(), Optional.empty(),
          end == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.ONE.setScale(4), scale);
    }
    BigDecimal low = mk[r];
    BigDecimal high = mk[r + 1];
    // Only a negative value below a first threshold of 0 finds the two marks equal.
    BigDecimal needle = high.compareTo(low) <= 0 ? BigDecimal.ZERO.setScale(4)
        : value.subtract(low).max(BigDecimal.ZERO)
            .divide(high.subtract(low), 4, RoundingMode.DOWN).min(BigDecimal.ONE.setScale(4));
    return new Gauge(m, value, ranks.get(r), Optional.of(ranks.get(r + 1)),
        Optional.of(high.subtract(value)), needle, scale);
  }

  /**
   * The highest rank this value of the metric reaches on its own, at most the end of the
   * metric's gauge: a rank above it asks no more of the metric, so reaching it says nothing.
   */
  int level(Metric m, BigDecimal value) {
    BigDecimal[] mk = marks[m.ordinal()];
    boolean[] req = required[m.ordinal()];
    int end = ends[m.ordinal()];
    int r = 0;
    while (r < end && (!req[r + 1] || value.compareTo(mk[r + 1]) >= 0)) {
      r++;
    }
    return r;
  }

  /**
   * The value of the metric at which a rank is reached, in units of 10^-{@link #scale}, or
   * {@code Long.MIN_VALUE} where the mark is finer than the units (a threshold with more decimals
   * than the evaluation keeps).
   */
  long exactMark(Metric m, int rank) {
    long u = markUnits[m.ordinal()][rank];
    return BigDecimal.valueOf(u, scale(m)).compareTo(marks[m.ordinal()][rank]) == 0 ? u
        : Long.MIN_VALUE;
  }

  /** The value of the metric at which a rank is reached. */
  BigDecimal mark(Metric m, int rank) {
    return marks[m.ordinal()][rank];
  }

  /** The requirements of a rank that the distributor does not meet, in the plan's order. */
  List<RequirementStatus> unmet(int rank, int v) {
    List<RequirementStatus> out = new ArrayList<>(2);
    Rules.Rule[] rules = computation.ladder.all[rank];
    for (int i = 0; i < rules.length; i++) {
      if (!computation.ladder.met(rank, i, v)) {
        out.add(rules[i].status(v));
      }
    }
    return out;
  }

  /**
   * {@link #unmet} without the statuses: each requirement not met, its words and what remains of
   * it, read from the rules' arrays.
   */
  List<ResultTable.Missing> missing(int rank, int v) {
    List<ResultTable.Missing> out = null;
    Rules.Rule[] rules = computation.ladder.all[rank];
    for (int i = 0; i < rules.length; i++) {
      if (!computation.ladder.met(rank, i, v)) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        Rules.Rule rule = rules[i];
        out.add(new ResultTable.Missing(rule.requirement, rule.describe(), rule.remaining(v)));
      }
    }
    return out == null ? List.of() : out;
  }

  Optional<RankGap> gap(int v) {
    int next = computation.paidAs[v] + 1;
    if (next >= computation.rankCount) {
      return Optional.empty();
    }
    return Optional.of(new RankGap(computation.plan.ranks().get(next), statuses(next, v)));
  }

  /** Requirement q of the rank's status for distributor v, as {@link #gap} lists it. */
  RequirementStatus status(int rank, int q, int v) {
    RequirementStatus s = computation.ladder.all[rank][q].status(v);
    return computation.ladder.waived(rank, q, v) ? waived(s) : s;
  }

  private List<RequirementStatus> statuses(int rank, int v) {
    List<RequirementStatus> out = new ArrayList<>();
    Rules.Rule[] rules = computation.ladder.all[rank];
    for (int i = 0; i < rules.length; i++) {
      RequirementStatus s = rules[i].status(v);
      out.add(computation.ladder.waived(rank, i, v) ? waived(s) : s);
    }
    return out;
  }

  /**
   * A waived requirement's status: met, with what the distributor has left as it is and the
   * waiver said in the note, so that no gap report counts it as holding them back.
   */
  private static RequirementStatus waived(RequirementStatus s) {
    Phrase note = Phrase.of("note.waived", s.met() ? BigDecimal.ZERO : s.remaining(),
        s.note().<Object>map(n -> Phrase.of("note.waived.more", n)).orElse(""));
    return new RequirementStatus(s.requirement(), s.description(), s.required(), s.actual(),
        s.remaining(), s.percentComplete(), true, Optional.of(note), s.parts());
  }

  Trace trace(int v) {
    Organisation o = computation.org;
    String type = computation.plan.qualifyingVolumeType();
    List<Phrase> inputs = new ArrayList<>();
    Period period = computation.period;
    inputs.add(Phrase.of("trace.period", period.start(), period.end(),
        period.state() == Period.State.CLOSED ? 1 : 0));
    inputs.add(Phrase.of("trace.asOf", computation.asOf.toString()));
    inputs.add(Phrase.of("trace.active", computation.active[v] ? 1 : 0,
        computation.plan.distributorActivity().phrase(type)));
    List<Phrase> made = new ArrayList<>(3);
    made.add(Phrase.of("trace.ownOrders", computation.units.decimal(computation.ownVolume[v])));
    computation.plan.personalVolume().selfPurchaseCap()
        .ifPresent(c -> made.add(Phrase.of("trace.capped", c)));
    if (computation.plan.personalVolume().includeCustomerOrders()) {
      made.add(Phrase.of("trace.customersOrders"));
    }
    inputs.add(Phrase.of("trace.personalVolume", type,
        computation.units.decimal(computation.personalVolume[v]), made));
    inputs.add(Phrase.of("trace.groupVolume", type,
        computation.units.decimal(computation.groupVolume[v])));
    inputs.add(Phrase.of("trace.activeCustomers", computation.activeCustomers[v],
        o.customersTo(v) - o.customersFrom(v)));
    inputs.add(Phrase.of("trace.activeDistributors", computation.activeDistributors[v],
        o.childrenTo(v) - o.childrenFrom(v)));
    if (computation.titleRank != null) {
      inputs.add(titleExplained(v));
    }
    Phrase hold = holdExplained(v);
    if (hold != null) {
      inputs.add(hold);
    }
    Phrase overridden = overridesExplained(v);
    if (overridden != null) {
      inputs.add(overridden);
    }
    List<Trace.RankCheck> checks = new ArrayList<>();
    for (int r = 1; r < computation.rankCount; r++) {
      checks.add(new Trace.RankCheck(computation.plan.ranks().get(r), computation.ladder.met(r, v), statuses(r, v)));
    }
    return new Trace(o.distributor(v), type, inputs, checks,
        computation.plan.ranks().get(computation.paidAs[v]));
  }

  /** Customer c as a focus list shows them, with their contact details. */
  FocusEntry customerEntry(int c) {
    Customer cu = computation.org.customer(c);
    return new FocusEntry(BuyerType.CUSTOMER, cu.id(), cu.name(), cu.email(), cu.phone(),
        computation.customerActive[c], date(computation.customerLastOrder()[c]),
        computation.units.decimal(computation.customerVolume[c]),
        orders(c, true));
  }

  /** Distributor d as a focus list shows them, with their contact details. */
  FocusEntry distributorEntry(int d) {
    Distributor di = computation.org.distributor(d);
    return new FocusEntry(BuyerType.DISTRIBUTOR, di.id(), di.name(), di.email(), di.phone(),
        computation.active[d], date(computation.lastOrder()[d]),
        computation.units.decimal(computation.personalVolume[d]),
        orders(d, false));
  }

  FocusLists focus(int v) {
    Organisation o = computation.org;
    List<FocusEntry> inactiveCustomers = new ArrayList<>();
    List<FocusEntry> activeCustomers = new ArrayList<>();
    for (int k = o.customersFrom(v), to = o.customersTo(v); k < to; k++) {
      FocusEntry e = customerEntry(o.customerIn(k));
      (e.active() ? activeCustomers : inactiveCustomers).add(e);
    }
    List<FocusEntry> inactiveDistributors = new ArrayList<>();
    List<FocusEntry> activeDistributors = new ArrayList<>();
    for (int i = o.childrenFrom(v), toi = o.childrenTo(v); i < toi; i++) {
      FocusEntry e = distributorEntry(o.child(i));
      (e.active() ? activeDistributors : inactiveDistributors).add(e);
    }
    return new FocusLists(inactiveCustomers, activeCustomers, inactiveDistributors,
        activeDistributors);
  }

  private Optional<LocalDate> date(long nanos) {
    return nanos == Computation.NONE ? Optional.empty()
        : Optional.of(LocalDate.ofInstant(Organisation.instant(nanos), computation.zone));
  }

  /** A buyer's orders in the period and before the as-of instant, in input order. */
  private List<Order> orders(int buyer, boolean byCustomer) {
    long from = computation.periodStart;
    long to = computation.periodSeenEnd;
    if (computation.overlay != null) {
      return computation.overlay.ordersInPeriod(byCustomer, buyer, from, to);
    }
    List<Order> out = new ArrayList<>();
    Organisation org = computation.org;
    for (int o = org.ordersFrom(byCustomer, buyer), end = org.ordersTo(byCustomer, buyer);
        o < end; o++) {
      long t = computation.org.orderTime[o];
      if (OrderCounting.inPeriod(t, from, to)) {
        out.add(computation.org.order(o));
      }
    }
    return out;
  }

  /** Personal volume of another volume type, read from the distributor's and customers' orders. */
  static BigDecimal personalVolumeOfType(Computation computation, int v, String volumeType) {
    Organisation o = computation.org;
    int t = o.volumeTypeIndex(volumeType);
    if (t < 0) {
      return o.units.decimal(0);
    }
    long from = computation.periodStart;
    long to = computation.periodSeenEnd;
    LiveOrders live = computation.overlay;
    long sum = sumOf(o, live, t, false, v, from, to);
    if (computation.plan.personalVolume().includeCustomerOrders()) {
      for (int k = o.customersFrom(v), end = o.customersTo(v); k < end; k++) {
        sum = Math.addExact(sum, sumOf(o, live, t, true, o.customerIn(k), from, to));
      }
    }
    return o.units.decimal(sum);
  }

  /**
   * One buyer's counted volume of type t: their orders in the organisation (less those a live
   * evaluation changed), plus the live evaluation's orders if there is one.
   */
  private static long sumOf(Organisation o, LiveOrders live, int t, boolean customer, int buyer,
      long from, long to) {
    long sum = 0;
    for (int k = o.ordersFrom(customer, buyer), end = o.ordersTo(customer, buyer); k < end; k++) {
      if (live == null || !live.masked.get(k)) {
        sum = Math.addExact(sum, counted(o.orderStatus[k], o.orderTime[k], o.volume[t][k], from,
            to));
      }
    }
    return live == null ? sum : Math.addExact(sum, live.sumOf(t, customer, buyer, from, to));
  }

  /** An order's volume as it counts in the period up to {@code to}: 0 if it does not count. */
  static long counted(byte status, long time, long volume, long from, long to) {
    return OrderCounting.counts(status, time, to) && OrderCounting.inPeriod(time, from, to)
        ? OrderCounting.volume(status, volume) : 0;
  }
}
