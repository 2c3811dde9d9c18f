package dev.rankgauge.testkit;

import dev.rankgauge.CompPlan;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import dev.rankgauge.Projection;
import dev.rankgauge.Rank;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.Trace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every check the kit knows, each giving a {@link Mismatch} or nothing. The assertions, the test
 * factory and the runner all go through here, so that they fail with the same words.
 */
final class Verdicts {
  static final int LISTED = 20;

  private Verdicts() {}

  /** Which figure of a requirement's status. */
  enum Figure {
    REQUIRED("required"),
    ACTUAL("actual"),
    REMAINING("remaining");

    final String label;

    Figure(String label) {
      this.label = label;
    }

    BigDecimal of(RequirementStatus s) {
      return switch (this) {
        case REQUIRED -> s.required();
        case ACTUAL -> s.actual();
        case REMAINING -> s.remaining();
      };
    }
  }

  /** A mismatch if the evaluation has no such distributor. */
  static Optional<Mismatch> distributor(Evaluation e, String id) {
    if (e.find(id).isPresent()) {
      return Optional.empty();
    }
    List<String> ids = e.organisation().distributors().stream().map(d -> d.id()).toList();
    return Optional.of(new Mismatch(id, "presence", "a distributor " + id + " in the organisation",
        "no such distributor; the organisation has " + list(ids), Optional.empty()));
  }

  static Optional<Mismatch> paidAs(Evaluation e, String id, String rank) {
    return distributor(e, id).or(() -> {
      Rank actual = e.paidAs(id);
      return actual.code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, "paid-as rank", rank(e.plan(), rank), rank(actual)));
    });
  }

  static Optional<Mismatch> title(Evaluation e, String id, String rank) {
    return distributor(e, id).or(() -> {
      Rank actual = e.result(id).title();
      return actual.code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, "title rank", rank(e.plan(), rank), rank(actual)));
    });
  }

  static Optional<Mismatch> qualifiedAs(Evaluation e, String id, String rank) {
    return distributor(e, id).or(() -> {
      Rank actual = e.result(id).qualifiedAs();
      return actual.code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, "rank qualified for", rank(e.plan(), rank), rank(actual)));
    });
  }

  /** @param left the periods of grace left for a held rank; 0 when nothing is held */
  static Optional<Mismatch> graceLeft(Evaluation e, String id, int left) {
    return distributor(e, id).or(() -> {
      int actual = e.result(id).held().map(h -> h.periodsLeft()).orElse(0);
      return actual == left ? Optional.empty()
          : Optional.of(miss(e, id, "periods of grace left", Integer.toString(left),
              e.result(id).held().isPresent() ? Integer.toString(actual)
                  : "0 (the paid-as rank is not held)"));
    });
  }

  static Optional<Mismatch> overrides(Evaluation e, String id, List<String> expected) {
    return distributor(e, id).or(() -> {
      List<String> actual = e.result(id).overrides().stream().map(o -> o.code()).toList();
      return actual.equals(expected) ? Optional.empty()
          : Optional.of(miss(e, id, "overrides applied", expected.isEmpty() ? "none"
              : String.join("; ", expected), actual.isEmpty() ? "none"
              : String.join("; ", actual)));
    });
  }

  static Optional<Mismatch> active(Evaluation e, String id, boolean expected) {
    return distributor(e, id).or(() -> {
      boolean actual = e.result(id).active();
      return actual == expected ? Optional.empty()
          : Optional.of(miss(e, id, "active", expected ? "active" : "not active",
              actual ? "active" : "not active"));
    });
  }

  /** @param rank the expected next rank's code, or {@code null} for the top of the ladder */
  static Optional<Mismatch> nextRank(Evaluation e, String id, String rank) {
    return distributor(e, id).or(() -> {
      Optional<Rank> actual = e.result(id).nextRank();
      String found = actual.map(Rank::code).orElse(null);
      return java.util.Objects.equals(found, rank) ? Optional.empty()
          : Optional.of(miss(e, id, "next rank", rankOrTop(e.plan(), rank),
              actual.map(Verdicts::rank).orElse("none (paid as the top rank)")));
    });
  }

  static Optional<Mismatch> gaugeValue(Evaluation e, String id, Metric m, BigDecimal value) {
    return distributor(e, id).or(() -> {
      BigDecimal actual = e.gauge(id, m).value();
      return actual.compareTo(value) == 0 ? Optional.empty()
          : Optional.of(miss(e, id, gauge(m) + "value", value.stripTrailingZeros().toPlainString(),
              actual.stripTrailingZeros().toPlainString()));
    });
  }

  static Optional<Mismatch> gaugeRank(Evaluation e, String id, Metric m, String rank) {
    return distributor(e, id).or(() -> {
      Gauge g = e.gauge(id, m);
      return g.rank().code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, gauge(m) + "rank", rank(e.plan(), rank),
              rank(g.rank()) + " at value " + g.value().stripTrailingZeros().toPlainString()));
    });
  }

  /** @param rank the expected next rank's code, or {@code null} for the top of the ladder */
  static Optional<Mismatch> gaugeNextRank(Evaluation e, String id, Metric m, String rank) {
    return distributor(e, id).or(() -> {
      Gauge g = e.gauge(id, m);
      String found = g.nextRank().map(Rank::code).orElse(null);
      return java.util.Objects.equals(found, rank) ? Optional.empty()
          : Optional.of(miss(e, id, gauge(m) + "next rank", rankOrTop(e.plan(), rank),
              g.nextRank().map(Verdicts::rank).orElse("none (the gauge is at the top rank)")));
    });
  }

  /** @param remaining the expected amount, or {@code null} for "at the top, nothing remains" */
  static Optional<Mismatch> gaugeRemaining(Evaluation e, String id, Metric m,
      BigDecimal remaining) {
    return distributor(e, id).or(() -> {
      Gauge g = e.gauge(id, m);
      Optional<BigDecimal> actual = g.remaining();
      boolean same = remaining == null ? actual.isEmpty()
          : actual.isPresent() && actual.get().compareTo(remaining) == 0;
      if (same) {
        return Optional.empty();
      }
      String expected = remaining == null ? "nothing (the gauge at the top rank)"
          : remaining.stripTrailingZeros().toPlainString() + " to the next rank";
      String found = actual.map(a -> a.stripTrailingZeros().toPlainString() + " to " + g.nextRank().map(Verdicts::rank)
          .orElse("?") + " (value " + g.value().stripTrailingZeros().toPlainString() + ", gauge at "
          + rank(g.rank()) + ")")
          .orElse("nothing (the gauge is at the top rank " + rank(g.rank()) + ")");
      return Optional.of(miss(e, id, gauge(m) + "remaining", expected, found));
    });
  }

  /**
   * The requirement's status, or a mismatch saying why it cannot be found.
   *
   * @return a {@link RequirementStatus} or a {@link Mismatch}
   */
  static Object requirement(Evaluation e, String id, RequirementRef ref) {
    Optional<Mismatch> missing = distributor(e, id);
    if (missing.isPresent()) {
      return missing.get();
    }
    Object index = ref.resolve(e.plan());
    if (index instanceof String reason) {
      return miss(e, id, ref.label(), "a requirement of the plan", reason);
    }
    Trace trace = e.trace(id);
    for (Trace.RankCheck c : trace.ranks()) {
      if (c.rank().code().equals(ref.rank())) {
        return c.requirements().get((Integer) index);
      }
    }
    return miss(e, id, ref.label(), "a requirement of the plan",
        "rank " + ref.rank() + " is not in the trace");
  }

  /** "requirement 3 of PLAT (at least 2 active personal customers)". */
  static String requirementLabel(RequirementRef ref, RequirementStatus s) {
    String head = ref.number() > 0 ? ref.label()
        : "requirement of " + ref.rank();
    return head + " (" + s.description() + ")";
  }

  static Optional<Mismatch> requirementMet(Evaluation e, String id, RequirementRef ref,
      boolean met) {
    Object found = requirement(e, id, ref);
    if (found instanceof Mismatch m) {
      return Optional.of(m);
    }
    RequirementStatus s = (RequirementStatus) found;
    return s.met() == met ? Optional.empty()
        : Optional.of(miss(e, id, requirementLabel(ref, s) + ": met",
            met ? "met" : "not met", (s.met() ? "met: " : "not met: ") + s));
  }

  static Optional<Mismatch> requirementFigure(Evaluation e, String id, RequirementRef ref,
      Figure figure, BigDecimal value) {
    Object found = requirement(e, id, ref);
    if (found instanceof Mismatch m) {
      return Optional.of(m);
    }
    RequirementStatus s = (RequirementStatus) found;
    BigDecimal actual = figure.of(s);
    return actual.compareTo(value) == 0 ? Optional.empty()
        : Optional.of(miss(e, id, requirementLabel(ref, s) + ": " + figure.label,
            value.stripTrailingZeros().toPlainString(), actual.stripTrailingZeros().toPlainString() + " (" + s + ")"));
  }

  /** The list holds exactly these ids, in any order. */
  static Optional<Mismatch> focusExactly(Evaluation e, String id, FocusList list,
      Collection<String> ids) {
    return distributor(e, id).or(() -> {
      List<String> actual = focusIds(e, id, list);
      Set<String> want = new LinkedHashSet<>(ids);
      if (want.equals(new LinkedHashSet<>(actual)) && actual.size() == want.size()) {
        return Optional.empty();
      }
      List<String> missing = want.stream().filter(x -> !actual.contains(x)).toList();
      List<String> extra = actual.stream().filter(x -> !want.contains(x)).toList();
      return Optional.of(miss(e, id, "focus list " + list.label(),
          "exactly " + list(want), list(actual) + differences(missing, extra)));
    });
  }

  /** The list holds at least these ids. */
  static Optional<Mismatch> focusIncludes(Evaluation e, String id, FocusList list,
      Collection<String> ids) {
    return distributor(e, id).or(() -> {
      List<String> actual = focusIds(e, id, list);
      List<String> missing = ids.stream().filter(x -> !actual.contains(x)).toList();
      return missing.isEmpty() ? Optional.empty()
          : Optional.of(miss(e, id, "focus list " + list.label(), "including " + list(ids),
              list(actual) + differences(missing, List.of())));
    });
  }

  /** The list holds none of these ids. */
  static Optional<Mismatch> focusExcludes(Evaluation e, String id, FocusList list,
      Collection<String> ids) {
    return distributor(e, id).or(() -> {
      List<String> actual = focusIds(e, id, list);
      List<String> present = ids.stream().filter(actual::contains).toList();
      return present.isEmpty() ? Optional.empty()
          : Optional.of(miss(e, id, "focus list " + list.label(), "none of " + list(ids),
              list(actual) + " (unexpected: " + String.join(", ", present) + ")"));
    });
  }

  /** How many distributors are paid as the rank. */
  static Optional<Mismatch> paidAsCount(Evaluation e, String rank, int count) {
    Optional<Rank> r = e.plan().rank(rank);
    if (r.isEmpty()) {
      return Optional.of(new Mismatch("", "number paid as " + rank, count + " paid as " + rank,
          "rank " + rank + " is not in plan " + e.plan().name() + "; ranks are " + codes(e.plan()),
          Optional.empty()));
    }
    int actual = e.paidAsCounts().get(r.get());
    if (actual == count) {
      return Optional.empty();
    }
    return Optional.of(new Mismatch("", "number paid as " + rank(r.get()),
        String.valueOf(count), actual + " (paid-as counts: " + counts(e.paidAsCounts()) + ")",
        Optional.empty()));
  }

  static List<String> focusIds(Evaluation e, String id, FocusList list) {
    DistributorResult r = e.result(id);
    return list.entries(r.focus()).stream().map(FocusEntry::id).toList();
  }

  static String rank(Rank r) {
    return r.code() + " (" + r.name() + ")";
  }

  /** A rank code with its name if the plan has it, else a note that it does not. */
  static String rank(CompPlan plan, String code) {
    return plan.rank(code).map(Verdicts::rank)
        .orElse(code + " (not a rank of plan " + plan.name() + "; ranks are " + codes(plan) + ")");
  }

  static String rankOrTop(CompPlan plan, String code) {
    return code == null ? "none (the top of the ladder)" : rank(plan, code);
  }

  static String codes(CompPlan plan) {
    return plan.ranks().stream().map(Rank::code).collect(Collectors.joining(", ", "[", "]"));
  }

  /** The projection the expectations of one level read, made once per evaluation and level. */
  private static final java.util.Map<Evaluation, java.util.Map<Double, Projection>> PROJECTIONS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static Projection projection(Evaluation e, double level) {
    return PROJECTIONS.computeIfAbsent(e, k -> new java.util.concurrent.ConcurrentHashMap<>())
        .computeIfAbsent(level, l -> Projection.of(e, l));
  }

  static Optional<Mismatch> projectionBasis(Evaluation e, String id, double level,
      Projection.Basis basis) {
    return distributor(e, id).or(() -> {
      Projection.Basis found = projection(e, level).basis();
      return found == basis ? Optional.empty()
          : Optional.of(miss(e, id, "projection basis", basis.name(), found.name()));
    });
  }

  static Optional<Mismatch> projectedRank(Evaluation e, String id, double level, String rank) {
    return distributor(e, id).or(() -> {
      Rank found = projection(e, level).of(id).rank();
      return found.code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, "projected rank", rank(e.plan(), rank), rank(found)));
    });
  }

  static Optional<Mismatch> projectedLikelihood(Evaluation e, String id, double level,
      BigDecimal value, BigDecimal within) {
    return distributor(e, id).or(() -> {
      Optional<BigDecimal> found = projection(e, level).of(id).likelihood();
      return found.isPresent() && close(found.get(), value, within) ? Optional.empty()
          : Optional.of(miss(e, id, "likelihood of the projected rank", about(value, within),
              found.map(BigDecimal::toPlainString).orElse("none (no history to learn it from)")));
    });
  }

  static Optional<Mismatch> projectedFigure(Evaluation e, String id, double level, Metric m,
      String field, BigDecimal value, BigDecimal within) {
    return distributor(e, id).or(() -> {
      dev.rankgauge.ProjectedGauge g = projection(e, level).of(id).gauge(m);
      Optional<BigDecimal> found = switch (field) {
        case "projected" -> Optional.of(g.projected());
        case "low" -> g.interval().map(dev.rankgauge.ProjectedGauge.Interval::low);
        default -> g.interval().map(dev.rankgauge.ProjectedGauge.Interval::high);
      };
      return found.isPresent() && close(found.get(), value, within) ? Optional.empty()
          : Optional.of(miss(e, id, "projected " + gauge(m) + field, about(value, within),
              found.map(BigDecimal::toPlainString)
                  .orElse("none (no interval without a history)")));
    });
  }

  private static boolean close(BigDecimal found, BigDecimal value, BigDecimal within) {
    return found.subtract(value).abs().compareTo(within) <= 0;
  }

  private static String about(BigDecimal value, BigDecimal within) {
    return within.signum() == 0 ? value.stripTrailingZeros().toPlainString()
        : value.stripTrailingZeros().toPlainString() + " within " + within.stripTrailingZeros().toPlainString();
  }

  static String gauge(Metric m) {
    return m.label().toLowerCase(Locale.ROOT) + " gauge: ";
  }

  private static Mismatch miss(Evaluation e, String id, String field, String expected,
      String actual) {
    return new Mismatch(id, field, expected, actual, Optional.of(e.trace(id).format()));
  }

  private static String differences(List<String> missing, List<String> extra) {
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("missing: " + String.join(", ", missing));
    }
    if (!extra.isEmpty()) {
      parts.add("unexpected: " + String.join(", ", extra));
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  static String list(Collection<String> ids) {
    if (ids.isEmpty()) {
      return "nobody";
    }
    if (ids.size() <= LISTED) {
      return String.join(", ", ids);
    }
    return ids.stream().limit(LISTED).collect(Collectors.joining(", ")) + " and "
        + (ids.size() - LISTED) + " more";
  }

  /** For messages: a map of rank code to count. */
  static String counts(Map<Rank, Integer> counts) {
    return counts.entrySet().stream().map(en -> en.getKey().code() + " " + en.getValue())
        .collect(Collectors.joining(", "));
  }
}
