package dev.rankgauge.testkit;

import dev.rankgauge.Metric;
import dev.rankgauge.Problem;
import dev.rankgauge.Projection;
import dev.rankgauge.internal.json.JsonTree.Arr;
import dev.rankgauge.internal.json.JsonTree.Node;
import dev.rankgauge.internal.json.JsonTree.Null;
import dev.rankgauge.internal.json.JsonTree.Num;
import dev.rankgauge.internal.json.JsonTree.Obj;
import dev.rankgauge.internal.json.JsonTree.Str;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The third layer of reading a scenario file: the expectations. Turns what the file expects of
 * each distributor (paid-as rank, gauges, requirements, focus lists, advice, projection) and of
 * the organisation (paid-as counts) into {@link Expectation}s, checking rank codes, requirement
 * numbers and ids against the plan and the records. Not thread-safe; one per file.
 */
final class ScenarioExpectations {
  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);
  static final Set<String> EXPECT = keys("why", "paidAs", "qualifiedAs", "title", "graceLeft",
      "overrides", "active", "nextRank", "gauges", "requirements", "focus", "advice",
      "projection");
  private static final Set<String> PROJECTION = keys("level", "basis", "gauges", "rank",
      "likelihood", "why");
  private static final Set<String> PROJECTED_GAUGE = keys("projected", "low", "high");
  private static final Set<String> ABOUT = keys("about", "within");
  private static final Set<String> GAUGE = keys("value", "rank", "nextRank", "remaining");
  private static final Set<String> REQUIREMENT = keys("rank", "requirement", "met", "required",
      "actual", "remaining", "why");
  private static final Set<String> FOCUS_MATCH = keys("includes", "excludes");
  private static final Map<String, Metric> METRICS = new LinkedHashMap<>();
  private static final Map<String, FocusList> FOCUS = new LinkedHashMap<>();

  static {
    METRICS.put("personalSales", Metric.PERSONAL_SALES);
    METRICS.put("groupSales", Metric.GROUP_SALES);
    METRICS.put("activePersonalCustomers", Metric.ACTIVE_PERSONAL_CUSTOMERS);
    METRICS.put("activePersonalDistributors", Metric.ACTIVE_PERSONAL_DISTRIBUTORS);
    for (FocusList f : FocusList.values()) {
      FOCUS.put(f.key(), f);
    }
  }


  private final ScenarioShape shape;
  private final ScenarioRecords records;

  ScenarioExpectations(ScenarioShape shape, ScenarioRecords records) {
    this.shape = shape;
    this.records = records;
  }

  private static Problem say(String code, Object... arguments) {
    return Reports.say(code, arguments);
  }

  private static Set<String> keys(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }

  void paidAsCounts(Node n, List<Expectation> out) {
    Obj o = shape.object(n, "how many distributors each rank is paid as, such as {\"GLD\": 2}");
    if (o == null) {
      return;
    }
    for (Map.Entry<String, Node> e : o.members.entrySet()) {
      Node key = o.keys.get(e.getKey());
      String code = records.rank(key);
      BigDecimal count = shape.decimal(e.getValue(), "a number of distributors");
      if (code == null || count == null) {
        continue;
      }
      if (count.signum() < 0 || count.stripTrailingZeros().scale() > 0
          || count.compareTo(MAX_INT) > 0) {
        shape.problem(e.getValue(), "expect.distributorCount", String.valueOf(Integer.MAX_VALUE),
            count.toPlainString());
        continue;
      }
      int c = count.intValueExact();
      out.add(new Expectation("", say("name.paidAsCount", code, c), key.line,
          ev -> Verdicts.paidAsCount(ev, code, c)));
    }
  }

  void expect(Node n, List<Expectation> out) {
    Obj o = shape.object(n, "expectations by distributor id, such as"
        + " {\"D1\": {\"paidAs\": \"GLD\"}}");
    if (o == null) {
      return;
    }
    for (Map.Entry<String, Node> e : o.members.entrySet()) {
      String id = e.getKey();
      if (!records.knownDistributor(o.keys.get(id), id)) {
        continue;
      }
      Obj d = shape.object(e.getValue(), "what is expected of " + id + ", such as"
          + " {\"paidAs\": \"GLD\"}");
      if (d == null) {
        continue;
      }
      shape.fields(d, EXPECT, "the expectations of a distributor");
      int before = out.size();
      distributorExpectations(id, d, out);
      if (out.size() == before && d.members.keySet().stream().allMatch("why"::equals)) {
        shape.problem(d, "expect.nothing", id, String.join(", ", EXPECT).replace("why, ", ""));
      }
    }
  }

  private void distributorExpectations(String id, Obj d, List<Expectation> out) {
    shape.optional(d, "why").ifPresent(shape::lines);
    shape.optional(d, "paidAs").ifPresent(n -> {
      String code = records.rank(n);
      if (code != null) {
        out.add(new Expectation(id, say("name.paidAs", code), n.line,
            ev -> Verdicts.paidAs(ev, id, code)));
      }
    });
    shape.optional(d, "qualifiedAs").ifPresent(n -> {
      String code = records.rank(n);
      if (code != null) {
        out.add(new Expectation(id, say("name.qualifiedAs", code), n.line,
            ev -> Verdicts.qualifiedAs(ev, id, code)));
      }
    });
    shape.optional(d, "title").ifPresent(n -> {
      String code = records.rank(n);
      if (code != null) {
        out.add(new Expectation(id, say("name.title", code), n.line,
            ev -> Verdicts.title(ev, id, code)));
      }
    });
    shape.optional(d, "graceLeft").ifPresent(n -> {
      BigDecimal left = shape.decimal(n, "periods of grace left");
      if (left == null) {
        return;
      }
      if (left.signum() < 0 || left.stripTrailingZeros().scale() > 0
          || left.compareTo(BigDecimal.valueOf(120)) > 0) {
        shape.problem(n, "expect.graceLeft", left.toPlainString());
        return;
      }
      int g = left.intValueExact();
      out.add(new Expectation(id, say("name.graceLeft", g), n.line,
          ev -> Verdicts.graceLeft(ev, id, g)));
    });
    shape.optional(d, "overrides").ifPresent(n -> {
      Arr a = shape.array(n, "the overrides applied, in their short form, such as"
          + " [\"minimum_rank GLD\", \"waive PLAT 3\", \"active\"]");
      if (a == null) {
        return;
      }
      List<String> codes = new ArrayList<>();
      for (Node item : a.items) {
        String c = shape.string(item, "an override in its short form");
        if (c != null) {
          codes.add(c);
        }
      }
      if (codes.size() == a.items.size()) {
        out.add(new Expectation(id, say("name.overrides", codes.toString()), n.line,
            ev -> Verdicts.overrides(ev, id, codes)));
      }
    });
    shape.optional(d, "active").ifPresent(n -> {
      Boolean a = shape.bool(n, "true or false");
      if (a != null) {
        out.add(new Expectation(id, say(a ? "name.active" : "name.notActive"), n.line,
            ev -> Verdicts.active(ev, id, a)));
      }
    });
    shape.optional(d, "nextRank").ifPresent(n -> {
      String code = n instanceof Null ? null : records.rank(n);
      if (code != null || n instanceof Null) {
        out.add(new Expectation(id, code == null ? say("name.nextRankNone")
            : say("name.nextRank", code), n.line,
            ev -> Verdicts.nextRank(ev, id, code)));
      }
    });
    shape.optional(d, "gauges").ifPresent(n -> gauges(id, n, out));
    shape.optional(d, "requirements").ifPresent(n -> requirements(id, n, out));
    shape.optional(d, "focus").ifPresent(n -> focus(id, n, out));
    shape.optional(d, "advice").ifPresent(n -> new AdviceExpectations(shape, records)
        .read(id, n, out));
    shape.optional(d, "projection").ifPresent(n -> projection(id, n, out));
  }

  /**
   * The month-end projection: {@code {"level": 0.8, "basis": "history", "gauges": {"groupSales":
   * {"projected": {"about": 600, "within": 25}, "low": 500, "high": 700}}, "rank": "SLV",
   * "likelihood": {"about": 0.7, "within": 0.1}}}.
   */
  private void projection(String id, Node n, List<Expectation> out) {
    Obj o = shape.object(n, "what the projection should give, such as"
        + " {\"rank\": \"GLD\", \"gauges\": {\"groupSales\": {\"projected\": 1240}}}");
    if (o == null) {
      return;
    }
    shape.fields(o, PROJECTION, "a projection");
    shape.optional(o, "why").ifPresent(shape::lines);
    double level = shape.optional(o, "level").map(v -> {
      BigDecimal x = shape.decimal(v, "the intervals' level, above 0 and below 1, such as 0.8");
      if (x != null && (x.signum() <= 0 || x.compareTo(BigDecimal.ONE) >= 0)) {
        shape.problem(v, "expect.level", x.toPlainString());
        return null;
      }
      return x == null ? null : x.doubleValue();
    }).orElse(Projection.DEFAULT_LEVEL);
    java.util.function.Function<Problem, Problem> at = what -> level == Projection.DEFAULT_LEVEL
        ? say("name.projection", what)
        : say("name.projectionAt", BigDecimal.valueOf(level), what);
    shape.optional(o, "basis").ifPresent(v -> {
      Object b = v instanceof Str str ? str.value : null;
      Projection.Basis basis = "history".equals(b) ? Projection.Basis.HISTORY
          : "periodSoFar".equals(b) ? Projection.Basis.PERIOD_SO_FAR : null;
      if (basis == null) {
        if (b == null) {
          shape.problem(v, "expect.basisNotText");
        } else {
          shape.problem(v, "expect.basis", b);
        }
        return;
      }
      out.add(new Expectation(id, at.apply(say("name.basis", (String) b)), v.line,
          ev -> Verdicts.projectionBasis(ev, id, level, basis)));
    });
    shape.optional(o, "rank").ifPresent(v -> {
      String code = records.rank(v);
      if (code != null) {
        out.add(new Expectation(id, at.apply(say("name.rank", code)), v.line,
            ev -> Verdicts.projectedRank(ev, id, level, code)));
      }
    });
    shape.optional(o, "likelihood").ifPresent(v -> {
      About a = about(v, "a likelihood from 0 to 1, such as 0.72 or {\"about\": 0.7, \"within\":"
          + " 0.1}");
      if (a != null) {
        out.add(new Expectation(id, at.apply(say("name.likelihood", a.words())), v.line,
            ev -> Verdicts.projectedLikelihood(ev, id, level, a.value, a.within)));
      }
    });
    shape.optional(o, "gauges").ifPresent(g -> {
      Obj gs = shape.object(g, "gauges by name (" + String.join(", ", METRICS.keySet()) + ")");
      if (gs == null) {
        return;
      }
      shape.fields(gs, METRICS.keySet(), "the gauges");
      for (Map.Entry<String, Node> e : gs.members.entrySet()) {
        Metric m = METRICS.get(e.getKey());
        if (m == null) {
          continue;
        }
        Obj fig = shape.object(e.getValue(), "what is expected of the projected gauge, such as"
            + " {\"projected\": 1240, \"low\": 1050, \"high\": 1430}");
        if (fig == null) {
          continue;
        }
        shape.fields(fig, PROJECTED_GAUGE, "a projected gauge");
        for (String field : PROJECTED_GAUGE) {
          shape.optional(fig, field).ifPresent(v -> {
            About a = about(v, "a figure, such as 1240 or {\"about\": 1240, \"within\": 50}");
            if (a != null) {
              out.add(new Expectation(id, at.apply(say("name.figure",
                  Verdicts.gauge(m, "gauge." + field), a.words())), v.line,
                  ev -> Verdicts.projectedFigure(ev, id, level, m, field, a.value, a.within)));
            }
          });
        }
      }
    });
  }

  /** A figure expected exactly, or within a tolerance. */
  private record About(BigDecimal value, BigDecimal within) {
    Problem words() {
      return Verdicts.about(value, within);
    }
  }

  private About about(Node v, String what) {
    if (v instanceof Obj o) {
      shape.fields(o, ABOUT, "a figure with a tolerance");
      BigDecimal value = shape.required(o, "about", "the figure").map(x -> shape.decimal(x,
          "the figure")).orElse(null);
      BigDecimal within = shape.optional(o, "within").map(x -> shape.decimal(x,
          "the tolerance, 0 or more")).orElse(BigDecimal.ZERO);
      if (within != null && within.signum() < 0) {
        shape.problem(o.members.get("within"), "expect.tolerance", within.toPlainString());
        return null;
      }
      return value == null || within == null ? null : new About(value, within);
    }
    BigDecimal x = shape.decimal(v, what);
    return x == null ? null : new About(x, BigDecimal.ZERO);
  }

  private void gauges(String id, Node n, List<Expectation> out) {
    Obj o = shape.object(n, "gauges by name (" + String.join(", ", METRICS.keySet()) + ")");
    if (o == null) {
      return;
    }
    shape.fields(o, METRICS.keySet(), "the gauges");
    for (Map.Entry<String, Node> e : o.members.entrySet()) {
      Metric m = METRICS.get(e.getKey());
      if (m == null) {
        continue;
      }
      Obj g = shape.object(e.getValue(), "what is expected of the gauge, such as"
          + " {\"rank\": \"DMND\", \"remaining\": 4700}");
      if (g == null) {
        continue;
      }
      shape.fields(g, GAUGE, "a gauge");
      shape.optional(g, "value").ifPresent(v -> {
        BigDecimal x = shape.decimal(v, "the gauge's value");
        if (x != null) {
          out.add(new Expectation(id, say("name.figure", Verdicts.gauge(m, "gauge.value"), x),
              v.line,
              ev -> Verdicts.gaugeValue(ev, id, m, x)));
        }
      });
      shape.optional(g, "rank").ifPresent(v -> {
        String code = records.rank(v);
        if (code != null) {
          out.add(new Expectation(id, say("name.figure", Verdicts.gauge(m, "gauge.rank"), code),
              v.line,
              ev -> Verdicts.gaugeRank(ev, id, m, code)));
        }
      });
      shape.optional(g, "nextRank").ifPresent(v -> {
        String code = v instanceof Null ? null : records.rank(v);
        if (code != null || v instanceof Null) {
          out.add(new Expectation(id, say("name.figure", Verdicts.gauge(m, "gauge.nextRank"),
              code == null ? say("name.none") : code), v.line, ev -> Verdicts.gaugeNextRank(ev, id, m, code)));
        }
      });
      shape.optional(g, "remaining").ifPresent(v -> {
        BigDecimal x = v instanceof Null ? null : shape.decimal(v, "an amount, or null at the top");
        if (x != null || v instanceof Null) {
          out.add(new Expectation(id, say("name.figure", Verdicts.gauge(m, "gauge.remaining"),
              x == null ? say("name.none") : x), v.line,
              ev -> Verdicts.gaugeRemaining(ev, id, m, x)));
        }
      });
    }
  }

  private void requirements(String id, Node n, List<Expectation> out) {
    Arr a = shape.array(n, "requirements, such as"
        + " [{\"rank\": \"PLAT\", \"requirement\": 3, \"met\": false, \"remaining\": 1}]");
    if (a == null) {
      return;
    }
    for (Node item : a.items) {
      Obj o = shape.object(item, "a requirement such as"
          + " {\"rank\": \"PLAT\", \"requirement\": 3, \"met\": false}");
      if (o == null) {
        continue;
      }
      shape.fields(o, REQUIREMENT, "a requirement");
      shape.optional(o, "why").ifPresent(shape::lines);
      String code = shape.required(o, "rank", "the rank's code").map(records::rank).orElse(null);
      Optional<Node> rn = shape.required(o, "requirement", "the requirement's number in the rank"
          + " (from 1), or text its description contains");
      RequirementRef ref = code != null && rn.isPresent()
          ? records.requirement(code, rn.get()) : null;
      if (ref == null) {
        continue;
      }
      RequirementRef req = ref;
      int before = out.size();
      shape.optional(o, "met").ifPresent(v -> {
        Boolean met = shape.bool(v, "true or false");
        if (met != null) {
          out.add(new Expectation(id, say("name.requirement", req.label(),
              say(met ? "met.yes" : "met.no")), v.line,
              ev -> Verdicts.requirementMet(ev, id, req, met)));
        }
      });
      for (Verdicts.Figure f : Verdicts.Figure.values()) {
        shape.optional(o, f.label).ifPresent(v -> {
          BigDecimal x = shape.decimal(v, "an amount");
          if (x != null) {
            out.add(new Expectation(id, say("name.requirementFigure", req.label(), f.word(), x),
                v.line, ev -> Verdicts.requirementFigure(ev, id, req, f, x)));
          }
        });
      }
      if (out.size() == before) {
        shape.problem(o, "expect.nothingOfRequirement", req.label());
      }
    }
  }

  private void focus(String id, Node n, List<Expectation> out) {
    Obj o = shape.object(n, "focus lists by name (" + String.join(", ", FOCUS.keySet()) + ")");
    if (o == null) {
      return;
    }
    shape.fields(o, FOCUS.keySet(), "the focus lists");
    for (Map.Entry<String, Node> e : o.members.entrySet()) {
      FocusList list = FOCUS.get(e.getKey());
      if (list == null) {
        continue;
      }
      Problem label = Verdicts.focus(list);
      Node v = e.getValue();
      if (v instanceof Arr) {
        List<String> ids = members(v);
        if (ids != null) {
          out.add(new Expectation(id, say("name.focus", label, say("focus.exactly",
              Reports.ids(ids))), v.line,
              ev -> Verdicts.focusExactly(ev, id, list, ids)));
        }
        continue;
      }
      Obj m = shape.object(v, "the list's exact members, such as [\"C2\", \"C3\"], or"
          + " {\"includes\": [...], \"excludes\": [...]}");
      if (m == null) {
        continue;
      }
      shape.fields(m, FOCUS_MATCH, "a focus list match");
      shape.optional(m, "includes").ifPresent(x -> {
        List<String> ids = members(x);
        if (ids != null) {
          out.add(new Expectation(id, say("name.focus", label, say("name.includes",
              Reports.ids(ids))), x.line,
              ev -> Verdicts.focusIncludes(ev, id, list, ids)));
        }
      });
      shape.optional(m, "excludes").ifPresent(x -> {
        List<String> ids = members(x);
        if (ids != null) {
          out.add(new Expectation(id, say("name.focus", label, say("name.excludes",
              Reports.ids(ids))), x.line,
              ev -> Verdicts.focusExcludes(ev, id, list, ids)));
        }
      });
    }
  }

  private List<String> members(Node n) {
    return members(shape, records, n);
  }

  /** Ids of customers or distributors of this scenario; null, with problems told, otherwise. */
  static List<String> members(ScenarioShape shape, ScenarioRecords records, Node n) {
    Arr a = shape.array(n, "an array of customer or distributor ids");
    if (a == null) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    boolean ok = true;
    for (Node item : a.items) {
      String s = shape.id(item, "a customer or distributor id");
      if (s == null) {
        ok = false;
      } else if (!records.customerIds.containsKey(s) && !records.distributorIds.containsKey(s)) {
        shape.problem(item, "expect.unknownPerson", s);
        ok = false;
      } else {
        ids.add(s);
      }
    }
    return ok ? ids : null;
  }
}
