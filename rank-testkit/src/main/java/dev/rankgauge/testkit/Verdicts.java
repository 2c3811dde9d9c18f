package dev.rankgauge.testkit;

import dev.rankgauge.CompPlan;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import dev.rankgauge.Problem;
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

    /** {@return the figure's name in the reports' words, such as "remaining"} */
    Problem word() {
      return say("figure." + label);
    }
  }

  /** A mismatch if the evaluation has no such distributor. */
  static Optional<Mismatch> distributor(Evaluation e, String id) {
    if (e.find(id).isPresent()) {
      return Optional.empty();
    }
    List<String> ids = e.organisation().distributors().stream().map(d -> d.id()).toList();
    return Optional.of(new Mismatch(id, of(say("field.presence")),
        of(say("presence.expected", id)), of(say("presence.none", Reports.ids(ids))),
        Optional.empty()));
  }

  static Optional<Mismatch> paidAs(Evaluation e, String id, String rank) {
    return distributor(e, id).or(() -> {
      Rank actual = e.paidAs(id);
      return actual.code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, say("field.paidAs"), rank(e.plan(), rank), rank(actual)));
    });
  }

  static Optional<Mismatch> title(Evaluation e, String id, String rank) {
    return distributor(e, id).or(() -> {
      Rank actual = e.result(id).title();
      return actual.code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, say("field.title"), rank(e.plan(), rank), rank(actual)));
    });
  }

  static Optional<Mismatch> qualifiedAs(Evaluation e, String id, String rank) {
    return distributor(e, id).or(() -> {
      Rank actual = e.result(id).qualifiedAs();
      return actual.code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, say("field.qualifiedAs"), rank(e.plan(), rank),
              rank(actual)));
    });
  }

  /** @param left the periods of grace left for a held rank; 0 when nothing is held */
  static Optional<Mismatch> graceLeft(Evaluation e, String id, int left) {
    return distributor(e, id).or(() -> {
      int actual = e.result(id).held().map(h -> h.periodsLeft()).orElse(0);
      return actual == left ? Optional.empty()
          : Optional.of(miss(e, id, say("field.graceLeft"), say("value", left),
              e.result(id).held().isPresent() ? say("value", actual) : say("grace.notHeld")));
    });
  }

  static Optional<Mismatch> overrides(Evaluation e, String id, List<String> expected) {
    return distributor(e, id).or(() -> {
      List<String> actual = e.result(id).overrides().stream().map(o -> o.code()).toList();
      return actual.equals(expected) ? Optional.empty()
          : Optional.of(miss(e, id, say("field.overrides"), overrideList(expected),
              overrideList(actual)));
    });
  }

  private static Problem overrideList(List<String> codes) {
    return codes.isEmpty() ? say("overrides.none") : say("overrides.list", codes);
  }

  static Optional<Mismatch> active(Evaluation e, String id, boolean expected) {
    return distributor(e, id).or(() -> {
      boolean actual = e.result(id).active();
      return actual == expected ? Optional.empty()
          : Optional.of(miss(e, id, say("field.active"),
              say(expected ? "active.yes" : "active.no"),
              say(actual ? "active.yes" : "active.no")));
    });
  }

  /** @param rank the expected next rank's code, or {@code null} for the top of the ladder */
  static Optional<Mismatch> nextRank(Evaluation e, String id, String rank) {
    return distributor(e, id).or(() -> {
      Optional<Rank> actual = e.result(id).nextRank();
      String found = actual.map(Rank::code).orElse(null);
      return java.util.Objects.equals(found, rank) ? Optional.empty()
          : Optional.of(miss(e, id, say("field.nextRank"), rankOrTop(e.plan(), rank),
              actual.map(Verdicts::rank).orElse(say("nextRank.top"))));
    });
  }

  static Optional<Mismatch> gaugeValue(Evaluation e, String id, Metric m, BigDecimal value) {
    return distributor(e, id).or(() -> {
      BigDecimal actual = e.gauge(id, m).value();
      return actual.compareTo(value) == 0 ? Optional.empty()
          : Optional.of(miss(e, id, gauge(m, "gauge.value"), say("value", value),
              say("value", actual)));
    });
  }

  static Optional<Mismatch> gaugeRank(Evaluation e, String id, Metric m, String rank) {
    return distributor(e, id).or(() -> {
      Gauge g = e.gauge(id, m);
      return g.rank().code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, gauge(m, "gauge.rank"), rank(e.plan(), rank),
              say("gauge.rankAtValue", rank(g.rank()), g.value())));
    });
  }

  /** @param rank the expected next rank's code, or {@code null} for the top of the ladder */
  static Optional<Mismatch> gaugeNextRank(Evaluation e, String id, Metric m, String rank) {
    return distributor(e, id).or(() -> {
      Gauge g = e.gauge(id, m);
      String found = g.nextRank().map(Rank::code).orElse(null);
      return java.util.Objects.equals(found, rank) ? Optional.empty()
          : Optional.of(miss(e, id, gauge(m, "gauge.nextRank"), rankOrTop(e.plan(), rank),
              g.nextRank().map(Verdicts::rank).orElse(say("gauge.nextRankTop"))));
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
      Problem expected = remaining == null ? say("remaining.expectedTop")
          : say("remaining.expected", remaining);
      Problem found = actual.map(a -> say("remaining.actual", a,
              g.nextRank().map(Verdicts::rank).orElse(say("remaining.unknownRank")), g.value(),
              rank(g.rank())))
          .orElse(say("remaining.actualTop", rank(g.rank())));
      return Optional.of(miss(e, id, gauge(m, "gauge.remaining"), expected, found));
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
    if (index instanceof Problem reason) {
      return miss(e, id, ref.label(), say("requirement.expected"), reason);
    }
    Trace trace = e.trace(id);
    for (Trace.RankCheck c : trace.ranks()) {
      if (c.rank().code().equals(ref.rank())) {
        return c.requirements().get((Integer) index);
      }
    }
    return miss(e, id, ref.label(), say("requirement.expected"),
        say("requirement.notInTrace", ref.rank()));
  }

  /**
   * The requirement's description in a language: the core's own English as the status holds it
   * for {@link Locale#ROOT}, else the core's sentence in that language.
   */
  static String description(CompPlan plan, RequirementStatus s, Locale locale) {
    return locale.equals(Locale.ROOT) ? s.description()
        : s.requirement().describe(plan.qualifyingVolumeType(), locale);
  }

  /** "requirement 3 of PLAT (at least 2 active personal customers)", in a language. */
  static Reports.Says requirementLabel(CompPlan plan, RequirementRef ref, RequirementStatus s,
      Problem figure) {
    Problem head = ref.number() > 0 ? ref.label() : say("requirement.of", ref.rank());
    return l -> say("requirement.field", head, description(plan, s, l), figure);
  }

  /**
   * What a requirement's status holds after a mismatch of it, in a language: {@code before} (met
   * or not, or the figure found), then the status as the core writes it ({@link Locale#ROOT}) or
   * its requirement and figures in that language.
   */
  static Reports.Says status(CompPlan plan, RequirementStatus s, String rootKey, String key,
      Problem before) {
    return l -> l.equals(Locale.ROOT) ? say(rootKey, before, s.toString())
        : say(key, before, description(plan, s, l), s.actual(), s.required(), s.remaining());
  }

  static Optional<Mismatch> requirementMet(Evaluation e, String id, RequirementRef ref,
      boolean met) {
    Object found = requirement(e, id, ref);
    if (found instanceof Mismatch m) {
      return Optional.of(m);
    }
    RequirementStatus s = (RequirementStatus) found;
    return s.met() == met ? Optional.empty()
        : Optional.of(new Mismatch(id, requirementLabel(e.plan(), ref, s, say("figure.met")),
            of(say(met ? "met.yes" : "met.no")),
            status(e.plan(), s, "requirement.metRoot", "requirement.met",
                say(s.met() ? "met.yes" : "met.no")),
            Optional.of(e.trace(id))));
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
        : Optional.of(new Mismatch(id, requirementLabel(e.plan(), ref, s, figure.word()),
            of(say("value", value)), status(e.plan(), s, "requirement.figureRoot",
                "requirement.figure", say("value", actual)),
            Optional.of(e.trace(id))));
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
      return Optional.of(miss(e, id, focus(list), say("focus.exactly", Reports.ids(want)),
          differences(actual, missing, extra)));
    });
  }

  /** The list holds at least these ids. */
  static Optional<Mismatch> focusIncludes(Evaluation e, String id, FocusList list,
      Collection<String> ids) {
    return distributor(e, id).or(() -> {
      List<String> actual = focusIds(e, id, list);
      List<String> missing = ids.stream().filter(x -> !actual.contains(x)).toList();
      return missing.isEmpty() ? Optional.empty()
          : Optional.of(miss(e, id, focus(list), say("focus.including", Reports.ids(ids)),
              differences(actual, missing, List.of())));
    });
  }

  /** The list holds none of these ids. */
  static Optional<Mismatch> focusExcludes(Evaluation e, String id, FocusList list,
      Collection<String> ids) {
    return distributor(e, id).or(() -> {
      List<String> actual = focusIds(e, id, list);
      List<String> present = ids.stream().filter(actual::contains).toList();
      return present.isEmpty() ? Optional.empty()
          : Optional.of(miss(e, id, focus(list), say("focus.noneOf", Reports.ids(ids)),
              say("focus.unexpectedOnly", Reports.ids(actual), present)));
    });
  }

  /** "focus list inactive customers", in the reports' words. */
  static Problem focus(FocusList list) {
    return say("focus.list", say("focus." + list.name()));
  }

  /** How many distributors are paid as the rank. */
  static Optional<Mismatch> paidAsCount(Evaluation e, String rank, int count) {
    Optional<Rank> r = e.plan().rank(rank);
    if (r.isEmpty()) {
      return Optional.of(new Mismatch("", of(say("count.field", rank)),
          of(say("count.expected", count, rank)),
          of(say("count.notInPlan", rank, e.plan().name(), codes(e.plan()))), Optional.empty()));
    }
    int actual = e.paidAsCounts().get(r.get());
    if (actual == count) {
      return Optional.empty();
    }
    return Optional.of(new Mismatch("", of(say("count.field", rank(r.get()))),
        of(say("value", count)), of(say("count.actual", actual, counts(e.paidAsCounts()))),
        Optional.empty()));
  }

  static List<String> focusIds(Evaluation e, String id, FocusList list) {
    DistributorResult r = e.result(id);
    return list.entries(r.focus()).stream().map(FocusEntry::id).toList();
  }

  /** A rank of the plan: its code and name. */
  static Problem rank(Rank r) {
    return say("rank", r.code(), r.name());
  }

  /** A rank code with its name if the plan has it, else a note that it does not. */
  static Problem rank(CompPlan plan, String code) {
    return plan.rank(code).map(Verdicts::rank)
        .orElse(say("rank.notInPlan", code, plan.name(), codes(plan)));
  }

  static Problem rankOrTop(CompPlan plan, String code) {
    return code == null ? say("rank.topOfLadder") : rank(plan, code);
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
          : Optional.of(miss(e, id, say("field.projectionBasis"), say("value", basis.name()),
              say("value", found.name())));
    });
  }

  static Optional<Mismatch> projectedRank(Evaluation e, String id, double level, String rank) {
    return distributor(e, id).or(() -> {
      Rank found = projection(e, level).of(id).rank();
      return found.code().equals(rank) ? Optional.empty()
          : Optional.of(miss(e, id, say("field.projectedRank"), rank(e.plan(), rank),
              rank(found)));
    });
  }

  static Optional<Mismatch> projectedLikelihood(Evaluation e, String id, double level,
      BigDecimal value, BigDecimal within) {
    return distributor(e, id).or(() -> {
      Optional<BigDecimal> found = projection(e, level).of(id).likelihood();
      return found.isPresent() && close(found.get(), value, within) ? Optional.empty()
          : Optional.of(miss(e, id, say("field.likelihood"), about(value, within),
              found.map(f -> say("value", f)).orElse(say("likelihood.none"))));
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
          : Optional.of(miss(e, id, say("projected.field", gauge(m, "gauge." + field)),
              about(value, within),
              found.map(f -> say("value", f)).orElse(say("interval.none"))));
    });
  }

  private static boolean close(BigDecimal found, BigDecimal value, BigDecimal within) {
    return found.subtract(value).abs().compareTo(within) <= 0;
  }

  /** A figure expected exactly, or within a tolerance: "600" or "600 within 25". */
  static Problem about(BigDecimal value, BigDecimal within) {
    return within.signum() == 0 ? say("value", value) : say("about.within", value, within);
  }

  /** "group sales gauge: remaining", in the reports' words. */
  static Problem gauge(Metric m, String field) {
    return say("gauge.field", say("metric." + m.name()), say(field));
  }

  private static Mismatch miss(Evaluation e, String id, Problem field, Problem expected,
      Problem actual) {
    return new Mismatch(id, of(field), of(expected), of(actual), Optional.of(e.trace(id)));
  }

  private static Reports.Says of(Problem p) {
    return Reports.Says.of(p);
  }

  private static Problem say(String code, Object... arguments) {
    return Reports.say(code, arguments);
  }

  /** The ids of a list, then what is missing and what is not expected, if anything. */
  private static Problem differences(List<String> actual, List<String> missing,
      List<String> extra) {
    List<Object> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add(Reports.part("focus.missing", missing));
    }
    if (!extra.isEmpty()) {
      parts.add(Reports.part("focus.unexpected", extra));
    }
    return parts.isEmpty() ? say("focus.ids", Reports.ids(actual))
        : say("focus.differences", Reports.ids(actual), Reports.part("focus.parts", parts));
  }

  /** For messages: a map of rank code to count. */
  /** The paid-as counts as a list of "GLD 2", each count written for the report's language. */
  static List<Problem.Part> counts(Map<Rank, Integer> counts) {
    return counts.entrySet().stream()
        .map(en -> Reports.part("count.item", en.getKey().code(), en.getValue())).toList();
  }
}
