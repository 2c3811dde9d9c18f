package dev.rankgauge.json.internal;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.RankHold;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.internal.json.JsonText;
import dev.rankgauge.json.internal.PlanJson.ActivityJson;
import dev.rankgauge.json.internal.PlanJson.PathJson;
import dev.rankgauge.json.internal.PlanJson.RankJson;
import dev.rankgauge.json.internal.PlanJson.RequirementJson;
import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleFactory;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a rank-core plan as a plan document: the records as a tree, laid out for people (one
 * requirement per line where it fits). Defaults of optional requirement fields are left
 * out; every plan-level field is written.
 */
public final class ToJson {
  private ToJson() {}

  /**
   * The plan as an indented JSON document ending in a newline, checked by loading it back: a
   * plan that no plan file can hold (a rule only plan files have, such as gauge thresholds that
   * never fall up the ladder or a known ISO 4217 currency) is refused before anything is written.
   *
   * @throws ValidationException listing every reason, located in the text that would be written
   * @throws IllegalArgumentException if the text would load back as a different plan
   */
  public static String write(CompPlan plan) {
    String json = JsonText.write(Bind.tree(records(plan)));
    String source = "plan " + plan.name() + " as written";
    PlanReader.Result back = PlanReader.read(json, source, rulesOf(plan),
        PlanReader.Steps.LOAD);
    if (!back.problems().isEmpty()) {
      throw new ValidationException("dev.rankgauge.json.Problems",
          dev.rankgauge.Problem.Part.of("input.planAsFile", plan.name()), back.problems());
    }
    if (!back.plan().orElseThrow().equals(plan)) {
      throw new IllegalArgumentException("plan " + plan.name() + " would load back from a plan file"
          + " as a different plan: " + back.plan().orElseThrow() + ", expected " + plan);
    }
    return json;
  }

  /** A registry that gives back the plan's own host rules, by name and parameters. */
  static RuleRegistry rulesOf(CompPlan plan) {
    Map<String, List<Requirement.Host>> hosts = new LinkedHashMap<>();
    Deque<Requirement> todo = new ArrayDeque<>();
    plan.ranks().forEach(r -> todo.addAll(r.requirements()));
    while (!todo.isEmpty()) {
      Requirement q = todo.pop();
      if (q instanceof Requirement.Host h) {
        hosts.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h);
      } else if (q instanceof Requirement.AnyOf a) {
        a.paths().forEach(p -> todo.addAll(p.requirements()));
      }
    }
    RuleRegistry.Builder b = RuleRegistry.builder();
    hosts.forEach((name, uses) -> b.register(new RuleFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public QualificationRule create(Map<String, String> parameters) {
        for (Requirement.Host h : uses) {
          if (h.parameters().equals(parameters)) {
            return h.rule();
          }
        }
        throw new IllegalArgumentException("no use of host rule " + name + " with " + parameters);
      }
    }));
    return b.build();
  }

  static PlanJson records(CompPlan plan) {
    List<RankJson> ranks = new ArrayList<>();
    for (Rank r : plan.ranks()) {
      ranks.add(new RankJson(r.code(), r.name(), requirements(r.requirements())));
    }
    PersonalVolumeRule pv = plan.personalVolume();
    return new PlanJson(plan.name(), plan.version(), plan.currency(), plan.zone().getId(),
        period(plan.periodKind()), plan.volumeTypes(), plan.qualifyingVolumeType(),
        plan.declaredVolumeDecimals().isEmpty() ? null : plan.declaredVolumeDecimals(),
        new PlanJson.PersonalVolumeJson(pv.includeCustomerOrders(), pv.selfPurchaseCap().orElse(null)),
        activity(plan.customerActivity()), activity(plan.distributorActivity()),
        plan.titleRank() == CompPlan.TitleRank.HIGHEST_PAID_AS ? null : "highestQualified",
        rankHold(plan.rankHold()),
        plan.placementTree().map(t -> new PlanJson.PlacementTreeJson(t.width())).orElse(null),
        ranks);
  }

  /** The plan's rank hold, or null for none (the default), so plans without one read as before. */
  private static PlanJson.RankHoldJson rankHold(RankHold h) {
    if (h instanceof RankHold.KeepPaidAs k) {
      return new PlanJson.RankHoldJson("keepPaidAs", k.periods());
    }
    return h instanceof RankHold.StepDown ? new PlanJson.RankHoldJson("stepDown", null) : null;
  }

  private static String period(CompPlan.PeriodKind k) {
    return switch (k) {
      case MONTHLY -> "monthly";
      case WEEKLY -> "weekly";
      case FOUR_WEEKLY -> "fourWeekly";
    };
  }

  private static ActivityJson activity(ActivityRule a) {
    return a.accept(new ActivityRule.Visitor<ActivityJson>() {
      @Override
      public ActivityJson visit(ActivityRule.MinimumVolume m) {
        return new ActivityJson.MinimumVolume(m.volume());
      }

      @Override
      public ActivityJson visit(ActivityRule.OrderInPeriod o) {
        return new ActivityJson.OrderInPeriod();
      }

      @Override
      public ActivityJson visit(ActivityRule.NetVolumeAboveZero n) {
        return new ActivityJson.NetVolumeAboveZero();
      }

      @Override
      public ActivityJson visit(ActivityRule.OrderWithinDays d) {
        return new ActivityJson.OrderWithinDays(d.days());
      }
    });
  }

  private static List<RequirementJson> requirements(List<Requirement> qs) {
    List<RequirementJson> out = new ArrayList<>();
    for (Requirement q : qs) {
      out.add(requirement(q));
    }
    return out;
  }

  private static RequirementJson requirement(Requirement q) {
    return q.accept(WRITER);
  }

  /** Each kind of requirement as its record of the format; defaults are left out (null). */
  private static final Requirement.Visitor<RequirementJson> WRITER = new Requirement.Visitor<>() {
    @Override
    public RequirementJson visit(Requirement.PersonalVolume q) {
      return new RequirementJson.PersonalVolume(q.volume(), type(q));
    }

    @Override
    public RequirementJson visit(Requirement.GroupVolume q) {
      return new RequirementJson.GroupVolume(q.volume(), type(q));
    }

    @Override
    public RequirementJson visit(Requirement.ActivePersonalCustomers q) {
      return new RequirementJson.ActivePersonalCustomers(q.count());
    }

    @Override
    public RequirementJson visit(Requirement.ActivePersonalDistributors q) {
      return new RequirementJson.ActivePersonalDistributors(q.count());
    }

    @Override
    public RequirementJson visit(Requirement.SponsoredWithRank q) {
      return new RequirementJson.SponsoredWithRank(q.count(), q.rank());
    }

    /** The volume type a requirement names; left out for the qualifying type, the default. */
    private String type(Requirement q) {
      return q.volumeType().orElse(null);
    }

    /** The tree as plan files name it; left out for the sponsor tree, the default. */
    private String tree(Requirement.Tree tree) {
      return tree == Requirement.Tree.PLACEMENT ? "placement" : null;
    }

    @Override
    public RequirementJson visit(Requirement.LegsWithRank q) {
      String reach = switch (q.reach()) {
        case ANYWHERE -> null;
        case FRONT_LINE -> "frontLine";
        case WITHIN_LEVELS -> "withinLevels";
      };
      String basis = switch (q.basis()) {
        case PAID_AS -> null;
        case TITLE -> "title";
        case LAST_PERIOD -> "lastPeriod";
      };
      return new RequirementJson.LegsWithRank(q.count(), q.rank(), reach,
          reach == null || q.levels() == 0 ? null : q.levels(), basis, tree(q.tree()));
    }

    @Override
    public RequirementJson visit(Requirement.LegsWithVolume q) {
      List<BigDecimal> slots = q.slots();
      boolean same = slots.stream().distinct().count() == 1;
      return same ? new RequirementJson.LegsWithVolume(slots.size(), slots.get(0), tree(q.tree()),
              type(q))
          : new RequirementJson.LegsWithVolumes(slots, tree(q.tree()), type(q));
    }

    @Override
    public RequirementJson visit(Requirement.CappedGroupVolume q) {
      return new RequirementJson.CappedGroupVolume(q.volume(), q.maxPercentPerLeg(),
          q.ownVolumeIsLeg() ? Boolean.TRUE : null, type(q));
    }

    @Override
    public RequirementJson visit(Requirement.LevelGroupVolume q) {
      return new RequirementJson.LevelGroupVolume(q.volume(), q.levels(),
          q.compressed() ? Boolean.TRUE : null, tree(q.tree()), type(q));
    }

    @Override
    public RequirementJson visit(Requirement.PersonalGroupVolume q) {
      return new RequirementJson.PersonalGroupVolume(q.volume(), q.breakawayRank(),
          q.includeBreakaway() ? Boolean.TRUE : null, type(q));
    }

    @Override
    public RequirementJson visit(Requirement.ActiveLegs q) {
      return new RequirementJson.ActiveLegs(q.count());
    }

    @Override
    public RequirementJson visit(Requirement.PaidAsInPeriods q) {
      return new RequirementJson.PaidAsInPeriods(q.count(), q.periods(), q.rank(),
          q.thisPeriod());
    }

    @Override
    public RequirementJson visit(Requirement.AccumulatedVolume q) {
      return new RequirementJson.AccumulatedVolume(q.volume(), q.periods(),
          q.minimumEach().orElse(null), type(q));
    }

    @Override
    public RequirementJson visit(Requirement.JoinedWithinDays q) {
      return new RequirementJson.JoinedWithinDays(q.days());
    }

    @Override
    public RequirementJson visit(Requirement.SideVolume q) {
      return new RequirementJson.SideVolume(q.weak(), q.strong(), type(q));
    }

    @Override
    public RequirementJson visit(Requirement.SponsoredOnEachSide q) {
      return new RequirementJson.SponsoredOnEachSide(q.count(), q.rank().orElse(null));
    }

    @Override
    public RequirementJson visit(Requirement.RankOnEachSide q) {
      return new RequirementJson.RankOnEachSide(q.count(), q.rank());
    }

    @Override
    public RequirementJson visit(Requirement.MatrixPositions q) {
      return new RequirementJson.MatrixPositions(q.count(), q.levels(),
          q.active() ? Boolean.TRUE : null);
    }

    @Override
    public RequirementJson visit(Requirement.Range q) {
      return new RequirementJson.Range(FromJson.figureName(q.of()), q.atLeast().orElse(null),
          q.atMost().orElse(null), q.levels() == 0 ? null : q.levels(), tree(q.tree()),
          type(q));
    }

    @Override
    public RequirementJson visit(Requirement.AnyOf q) {
      List<PathJson> paths = new ArrayList<>();
      for (Requirement.Path p : q.paths()) {
        paths.add(new PathJson(p.name(), requirements(p.requirements())));
      }
      return new RequirementJson.AnyOf(paths);
    }

    @Override
    public RequirementJson visit(Requirement.Host q) {
      return new RequirementJson.Host(q.name(), q.parameters()); // sorted, so output is stable
    }
  };
}
