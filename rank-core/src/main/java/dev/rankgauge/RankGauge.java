package dev.rankgauge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The front door: evaluates an organisation against a plan for a period.
 *
 * <pre>{@code
 * Evaluation e = RankGauge.evaluate(organisation, plan, Period.month(2026, 11));
 * DistributorResult me = e.result("D1001");
 * me.paidAs();                                  // GLD
 * me.gauge(Metric.GROUP_SALES).remaining();     // 1,250 more to the next rank
 * me.focus().inactiveCustomers();               // whom to call
 * }</pre>
 *
 * <p>Evaluation takes time linear in distributors plus orders and never recurses over the tree.
 * It either returns a complete {@link Evaluation} or throws; it never leaves a partial result.
 * All methods are thread-safe.
 */
public final class RankGauge {
  /**
   * The earliest as-of instant an evaluation accepts, 1677-12-30T00:00:00Z: two days before
   * {@link Period#MIN_DATE}, so that every supported period in every time zone fits.
   */
  public static final Instant MIN_AS_OF = Instant.parse("1677-12-30T00:00:00Z");
  /** The latest as-of instant an evaluation accepts, 2262-01-03T00:00:00Z. */
  public static final Instant MAX_AS_OF = Instant.parse("2262-01-03T00:00:00Z");

  private RankGauge() {}

  /**
   * Evaluates the period as it ends: every order placed before the period's end counts.
   *
   * @param organisation the distributors, customers and orders
   * @param plan the comp plan
   * @param period the period to evaluate
   * @return the evaluation of every distributor
   */
  public static Evaluation evaluate(Organisation organisation, CompPlan plan, Period period) {
    Objects.requireNonNull(plan, "plan must not be null");
    Objects.requireNonNull(period, "period must not be null");
    return evaluate(organisation, plan, period, period.endInstant(plan.zone()), Map.of());
  }

  /**
   * Evaluates the period as of an instant, such as now in an open period: orders at or after
   * {@code asOf} are not counted, and "an order within the last N days" looks back from it. An
   * instant after the period's end counts as its end, so that evaluating a past period "as of
   * now" gives the figures it closed with; {@link Evaluation#asOf()} tells which was used.
   *
   * @param organisation the distributors, customers and orders
   * @param plan the comp plan
   * @param period the period to evaluate
   * @param asOf the instant the evaluation sees orders up to (exclusive)
   * @return the evaluation of every distributor
   */
  public static Evaluation evaluate(Organisation organisation, CompPlan plan, Period period,
      Instant asOf) {
    return evaluate(organisation, plan, period, asOf, Map.of());
  }

  /**
   * Evaluates with the title ranks the host keeps from earlier periods, for requirements that
   * count title ranks ({@link Requirement.RankBasis#TITLE}).
   *
   * @param titleRanks rank code by distributor id; distributors missing from it have no title
   *     rank beyond this period's paid-as rank
   * @param organisation the distributors, customers and orders
   * @param plan the comp plan
   * @param period the period to evaluate
   * @param asOf the instant the evaluation sees orders up to (exclusive)
   * @return the evaluation of every distributor
   * @throws IllegalArgumentException if {@code asOf} is outside the instants an evaluation can
   *     hold, {@link #MIN_AS_OF} to {@link #MAX_AS_OF}
   * @throws ValidationException if an order lacks a volume type the plan needs or has more
   *     decimals than the plan declares for the type ({@link CompPlan#volumeDecimals()}), or a
   *     title rank names an unknown distributor or rank (whether or not the plan reads title
   *     ranks), listing every such problem; or if a sum of volumes is beyond what an evaluation
   *     can hold exactly (about 9.2 * 10^18 units of the finest decimal the plan declares: 9.2 *
   *     10^16 PV with two decimals, 9.2 * 10^12 with six), naming the distributor whose figure
   *     overflows and the limit
   */
  public static Evaluation evaluate(Organisation organisation, CompPlan plan, Period period,
      Instant asOf, Map<String, String> titleRanks) {
    return evaluate(organisation, plan, period, asOf, titleRanks, History.empty());
  }

  /**
   * Evaluates with the closed periods before this one: title ranks carry over from the last
   * closed period, and the plan's {@link RankHold} keeps or steps down a rank a distributor no
   * longer qualifies for. {@link Evaluation#close()} then gives the history with this period.
   *
   * @param organisation the distributors, customers and orders
   * @param plan the comp plan
   * @param period the period to evaluate
   * @param asOf the instant the evaluation sees orders up to (exclusive)
   * @param history the closed periods, the last of them ending the day before {@code period}
   *     starts; {@link History#empty()} for none. Distributors the history holds and the
   *     organisation does not are passed over; those it does not hold start afresh.
   * @return the evaluation of every distributor
   * @throws IllegalArgumentException if {@code asOf} is outside {@link #MIN_AS_OF} to
   *     {@link #MAX_AS_OF}
   * @throws ValidationException if the history does not end the day before the period starts,
   *     or its last period names a rank the plan does not define (every such record), or as
   *     {@link #evaluate(Organisation, CompPlan, Period, Instant, Map)}
   */
  public static Evaluation evaluate(Organisation organisation, CompPlan plan, Period period,
      Instant asOf, History history) {
    Objects.requireNonNull(history, "history must not be null");
    return evaluateChecked(organisation, plan, period, asOf, Map.of(), history, Overrides.none());
  }

  /**
   * Evaluates with the closed periods before this one and the overrides granted for this period:
   * a forced minimum paid-as rank, a waived requirement, a distributor kept out of compression
   * or counted as active ({@link Overrides}). Each distributor's result, trace and period record
   * names the overrides applied to them. With {@link Overrides#none()} this is
   * {@link #evaluate(Organisation, CompPlan, Period, Instant, History)}, and costs the same.
   *
   * @param organisation the distributors, customers and orders
   * @param plan the comp plan
   * @param period the period to evaluate
   * @param asOf the instant the evaluation sees orders up to (exclusive)
   * @param history the closed periods, as {@link #evaluate(Organisation, CompPlan, Period,
   *     Instant, History)} takes them; {@link History#empty()} for none
   * @param overrides the overrides granted for this period
   * @return the evaluation of every distributor
   * @throws IllegalArgumentException if {@code asOf} is outside {@link #MIN_AS_OF} to
   *     {@link #MAX_AS_OF}
   * @throws ValidationException if an override names a distributor the organisation lacks, a rank
   *     the plan lacks or a requirement the rank lacks, or repeats one (every such override,
   *     each with a {@link Subject} of kind {@link Subject.Kind#OVERRIDE}), or as
   *     {@link #evaluate(Organisation, CompPlan, Period, Instant, History)}
   */
  public static Evaluation evaluate(Organisation organisation, CompPlan plan, Period period,
      Instant asOf, History history, Overrides overrides) {
    Objects.requireNonNull(history, "history must not be null");
    Objects.requireNonNull(overrides, "overrides must not be null");
    return evaluateChecked(organisation, plan, period, asOf, Map.of(), history, overrides);
  }

  private static Evaluation evaluate(Organisation organisation, CompPlan plan, Period period,
      Instant asOf, Map<String, String> titleRanks, History history) {
    return evaluateChecked(organisation, plan, period, asOf, titleRanks, history,
        Overrides.none());
  }

  /**
   * The full form: title ranks the host keeps, closed periods and overrides at once, as the
   * shorter forms take each.
   *
   * @param organisation the distributors, customers and orders
   * @param plan the comp plan
   * @param period the period to evaluate
   * @param asOf the instant the evaluation sees orders up to (exclusive)
   * @param titleRanks rank code by distributor id, as
   *     {@link #evaluate(Organisation, CompPlan, Period, Instant, Map)} takes them
   * @param history the closed periods; {@link History#empty()} for none
   * @param overrides the overrides granted for this period; {@link Overrides#none()} for none
   * @return the evaluation of every distributor
   * @throws IllegalArgumentException if {@code asOf} is outside {@link #MIN_AS_OF} to
   *     {@link #MAX_AS_OF}
   * @throws ValidationException as each shorter form
   */
  public static Evaluation evaluate(Organisation organisation, CompPlan plan, Period period,
      Instant asOf, Map<String, String> titleRanks, History history, Overrides overrides) {
    Objects.requireNonNull(history, "history must not be null");
    Objects.requireNonNull(overrides, "overrides must not be null");
    return evaluateChecked(organisation, plan, period, asOf, titleRanks, history, overrides);
  }

  private static Evaluation evaluateChecked(Organisation organisation, CompPlan plan,
      Period period, Instant asOf, Map<String, String> titleRanks, History history,
      Overrides overrides) {
    Objects.requireNonNull(organisation, "organisation must not be null");
    Objects.requireNonNull(plan, "plan must not be null");
    Objects.requireNonNull(period, "period must not be null");
    Objects.requireNonNull(asOf, "asOf must not be null");
    Objects.requireNonNull(titleRanks, "titleRanks must not be null");
    if (asOf.isBefore(MIN_AS_OF) || asOf.isAfter(MAX_AS_OF)) {
      throw new IllegalArgumentException("as-of instant " + asOf + " is outside the supported range "
          + MIN_AS_OF + " to " + MAX_AS_OF);
    }
    return new Evaluation(computation(organisation, plan, period, asOf, titleRanks, history,
        overrides));
  }

  /** The checks and the computation behind {@link #evaluate}, for a live evaluation too. */
  static Computation computation(Organisation organisation, CompPlan plan, Period period,
      Instant asOf, Map<String, String> titleRanks, History history, Overrides overrides) {
    checkVolumes(organisation, plan);
    checkPlacements(organisation, plan);
    try {
      return new Computation(organisation, plan, period, asOf, titleRanks, history, overrides);
    } catch (Computation.Overflow e) {
      throw overflow(organisation, plan, e);
    }
  }

  /**
   * A period's gauges without its ranks ({@link Computation#figures(Organisation, CompPlan,
   * Period, Instant)}), an overflow reported as {@link #computation} reports it. The organisation
   * must already have passed the checks against the plan.
   */
  static Computation.Figures figures(Organisation organisation, CompPlan plan, Period period,
      Instant asOf) {
    try {
      return Computation.figures(organisation, plan, period, asOf);
    } catch (Computation.Overflow e) {
      throw overflow(organisation, plan, e);
    }
  }

  /** A sum beyond a long, as a data problem of the distributor whose figure it is. */
  static ValidationException overflow(Organisation org, CompPlan plan,
      Computation.Overflow e) {
    String id = org.distributorId(e.distributor);
    Units u = Units.of(plan);
    return new ValidationException(Problem.CORE, Problem.Part.of("input.organisationForPlan",
        plan.name()), List.of(Problem.core(
        Subject.distributor(id, -1), "distributor " + id, switch (e.figure) {
          case Computation.PERSONAL -> "distributor.overflowPersonal";
          case Computation.GROUP -> "distributor.overflowGroup";
          case Computation.PLACEMENT -> "distributor.overflowPlacement";
          default -> "distributor.overflow";
        }, plan.qualifyingVolumeType(), e.figure, u.limit(), u.decimal(1), u.scale)));
  }

  /**
   * A problem if an order's volume of one of the plan's types has more decimals than the plan
   * declares for the type: for live events, as the readers check rows.
   */
  static void checkDecimals(Subject subject, String where, String type, BigDecimal volume,
      CompPlan plan, List<Problem> problems) {
    Integer allowed = plan.volumeDecimals().get(type);
    int has = Units.decimals(volume);
    if (allowed != null && has > allowed) {
      problems.add(tooFine(subject, where, type, volume, has, allowed, plan));
    }
  }

  /** The problem of a volume with more decimals than the plan declares for its type. */
  static Problem tooFine(Subject subject, String where, String type, BigDecimal volume,
      int has, int allowed, CompPlan plan) {
    return Problem.core(subject.field("volumes", type), where, "order.planDecimals", type,
        Checks.shown(volume.stripTrailingZeros()), has, allowed, plan.name());
  }

  /** Every position within the width of the plan's placement tree. */
  private static void checkPlacements(Organisation org, CompPlan plan) {
    if (plan.placementTree().isEmpty() || !org.hasPlacements()) {
      return;
    }
    PlacementTree tree = plan.placementTree().get();
    Placements t = org.placementTree();
    List<Problem> problems = new ArrayList<>();
    for (int in = 0; in < org.distributorCount(); in++) {
      int v = org.distributorInput[in];
      if (t.position[v] > tree.width()) {
        String id = org.distributorId(v);
        problems.add(Problem.core(Subject.distributor(id, in).field("placementPosition"),
            "distributor " + id, tree.isBinary() ? "placement.positionBinary"
            : "placement.positionMatrix", (int) t.position[v], org.distributorId(t.parent[v]),
            tree.width(), plan.name()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.organisationForPlan",
        plan.name()), problems);
    }
  }

  /**
   * Every order must carry every volume type of the plan, with no more decimals than the plan
   * declares for the type. The organisation's units tell at once whether any volume could have
   * more: only then are the orders of a type looked at.
   */
  private static void checkVolumes(Organisation org, CompPlan plan) {
    List<Problem> problems = new ArrayList<>();
    int m = org.orderCount();
    for (String type : plan.volumeTypes()) {
      int t = org.volumeTypeIndex(type);
      int allowed = plan.volumeDecimals(type);
      if (t >= 0 && org.units.scale > allowed) {
        long per = org.units.factorOver(Units.ofScale(allowed));
        long[] v = org.volume[t];
        for (int k = 0; k < m; k++) {
          int o = org.orderInput[k];
          if (v[o] % per != 0) {
            BigDecimal given = org.units.decimal(v[o]);
            problems.add(tooFine(Subject.order(org.orderId(o), k), "order " + org.orderId(o),
                type, given, Units.decimals(given), allowed, plan));
          }
        }
      }
      if (t >= 0 && org.volumePresent[t].cardinality() == m) {
        continue;
      }
      for (int k = 0; k < m; k++) {
        int o = org.orderInput[k];
        if (t < 0 || !org.volumePresent[t].get(o)) {
          problems.add(Problem.core(Subject.order(org.orderId(o), k).field("volumes", type),
              "order " + org.orderId(o), "order.missingVolume", type, plan.name(),
              plan.volumeTypes().toString()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(Problem.CORE, Problem.Part.of("input.organisationForPlan",
        plan.name()), problems);
    }
  }
}
