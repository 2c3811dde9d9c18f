package dev.rankgauge.json.internal;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.json.internal.PlanJson.ActivityJson;
import dev.rankgauge.json.internal.PlanJson.PathJson;
import dev.rankgauge.json.internal.PlanJson.RankJson;
import dev.rankgauge.json.internal.PlanJson.RequirementJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a rank-core plan as a plan document: the records Jackson serialises, then laid out for
 * people (one requirement per line where it fits). Defaults of optional requirement fields are left
 * out; every plan-level field is written.
 */
public final class ToJson {
  private static final int LINE = 100;

  private ToJson() {}

  /** The plan as an indented JSON document ending in a newline. */
  public static String write(CompPlan plan) {
    JsonNode tree = Json.MAPPER.valueToTree(records(plan));
    StringBuilder sb = new StringBuilder();
    print(tree, 0, sb);
    return sb.append('\n').toString();
  }

  static PlanJson records(CompPlan plan) {
    List<RankJson> ranks = new ArrayList<>();
    for (Rank r : plan.ranks()) {
      ranks.add(new RankJson(r.code(), r.name(), requirements(r.requirements())));
    }
    PersonalVolumeRule pv = plan.personalVolume();
    return new PlanJson(plan.name(), plan.version(), plan.currency(), plan.zone().getId(),
        period(plan.periodKind()), plan.volumeTypes(), plan.qualifyingVolumeType(),
        new PlanJson.PersonalVolumeJson(pv.includeCustomerOrders(), pv.selfPurchaseCap().orElse(null)),
        activity(plan.customerActivity()), activity(plan.distributorActivity()), ranks);
  }

  private static String period(CompPlan.PeriodKind k) {
    switch (k) {
      case WEEKLY:
        return "weekly";
      case FOUR_WEEKLY:
        return "fourWeekly";
      default:
        return "monthly";
    }
  }

  private static ActivityJson activity(ActivityRule a) {
    if (a instanceof ActivityRule.MinimumVolume m) {
      return new ActivityJson.MinimumVolume(m.volume());
    } else if (a instanceof ActivityRule.OrderWithinDays d) {
      return new ActivityJson.OrderWithinDays(d.days());
    } else if (a instanceof ActivityRule.NetVolumeAboveZero) {
      return new ActivityJson.NetVolumeAboveZero();
    }
    return new ActivityJson.OrderInPeriod();
  }

  private static List<RequirementJson> requirements(List<Requirement> qs) {
    List<RequirementJson> out = new ArrayList<>();
    for (Requirement q : qs) {
      out.add(requirement(q));
    }
    return out;
  }

  private static RequirementJson requirement(Requirement q) {
    if (q instanceof Requirement.PersonalVolume p) {
      return new RequirementJson.PersonalVolume(p.volume());
    } else if (q instanceof Requirement.GroupVolume g) {
      return new RequirementJson.GroupVolume(g.volume());
    } else if (q instanceof Requirement.ActivePersonalCustomers c) {
      return new RequirementJson.ActivePersonalCustomers(c.count());
    } else if (q instanceof Requirement.ActivePersonalDistributors d) {
      return new RequirementJson.ActivePersonalDistributors(d.count());
    } else if (q instanceof Requirement.SponsoredWithRank s) {
      return new RequirementJson.SponsoredWithRank(s.count(), s.rank());
    } else if (q instanceof Requirement.LegsWithRank l) {
      String reach = l.reach() == Requirement.LegReach.FRONT_LINE ? "frontLine"
          : l.reach() == Requirement.LegReach.WITHIN_LEVELS ? "withinLevels" : null;
      return new RequirementJson.LegsWithRank(l.count(), l.rank(), reach,
          reach == null || l.levels() == 0 ? null : l.levels(),
          l.basis() == Requirement.RankBasis.TITLE ? "title" : null);
    } else if (q instanceof Requirement.LegsWithVolume l) {
      List<BigDecimal> slots = l.slots();
      boolean same = slots.stream().distinct().count() == 1;
      return same ? new RequirementJson.LegsWithVolume(slots.size(), slots.get(0))
          : new RequirementJson.LegsWithVolumes(slots);
    } else if (q instanceof Requirement.CappedGroupVolume c) {
      return new RequirementJson.CappedGroupVolume(c.volume(), c.maxPercentPerLeg(),
          c.ownVolumeIsLeg() ? Boolean.TRUE : null);
    } else if (q instanceof Requirement.LevelGroupVolume l) {
      return new RequirementJson.LevelGroupVolume(l.volume(), l.levels(),
          l.compressed() ? Boolean.TRUE : null);
    } else if (q instanceof Requirement.PersonalGroupVolume p) {
      return new RequirementJson.PersonalGroupVolume(p.volume(), p.breakawayRank(),
          p.includeBreakaway() ? Boolean.TRUE : null);
    } else if (q instanceof Requirement.ActiveLegs a) {
      return new RequirementJson.ActiveLegs(a.count());
    } else if (q instanceof Requirement.AnyOf a) {
      List<PathJson> paths = new ArrayList<>();
      for (Requirement.Path p : a.paths()) {
        paths.add(new PathJson(p.name(), requirements(p.requirements())));
      }
      return new RequirementJson.AnyOf(paths);
    }
    Requirement.Host c = (Requirement.Host) q;
    return new RequirementJson.Host(c.name(), c.parameters()); // sorted, so output is stable
  }

  // --- layout ----------------------------------------------------------------------------------

  private static void print(JsonNode n, int indent, StringBuilder sb) {
    String flat = flat(n);
    if (!n.isContainer() || n.isEmpty() || (indent + flat.length() <= LINE && depth(n) <= 1)) {
      sb.append(flat);
      return;
    }
    String pad = " ".repeat(indent + 2);
    boolean object = n.isObject();
    sb.append(object ? '{' : '[').append('\n');
    int i = 0;
    if (object) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        sb.append(pad).append(scalar(Json.MAPPER.getNodeFactory().stringNode(e.getKey())))
            .append(": ");
        print(e.getValue(), indent + 2, sb);
        sb.append(++i < n.size() ? ",\n" : "\n");
      }
    } else {
      for (JsonNode e : n) {
        sb.append(pad);
        print(e, indent + 2, sb);
        sb.append(++i < n.size() ? ",\n" : "\n");
      }
    }
    sb.append(" ".repeat(indent)).append(object ? '}' : ']');
  }

  /** How deeply containers nest inside this one: 0 for a scalar, 1 for a flat object. */
  private static int depth(JsonNode n) {
    int d = 0;
    for (JsonNode c : n) {
      d = Math.max(d, depth(c));
    }
    return n.isContainer() ? d + 1 : 0;
  }

  private static String flat(JsonNode n) {
    if (!n.isContainer()) {
      return scalar(n);
    }
    StringBuilder sb = new StringBuilder();
    if (n.isObject()) {
      sb.append('{');
      int i = 0;
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        sb.append(i++ == 0 ? "" : ", ")
            .append(scalar(Json.MAPPER.getNodeFactory().stringNode(e.getKey()))).append(": ")
            .append(flat(e.getValue()));
      }
      return sb.append('}').toString();
    }
    sb.append('[');
    int i = 0;
    for (JsonNode e : n) {
      sb.append(i++ == 0 ? "" : ", ").append(flat(e));
    }
    return sb.append(']').toString();
  }

  private static String scalar(JsonNode n) {
    if (n.isNumber()) {
      BigDecimal d = n.decimalValue();
      return n.isIntegralNumber() ? n.bigIntegerValue().toString() : d.toPlainString();
    }
    return Json.MAPPER.writeValueAsString(n);
  }
}
