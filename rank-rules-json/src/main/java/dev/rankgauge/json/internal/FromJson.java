package dev.rankgauge.json.internal;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Metric;
import dev.rankgauge.Organisation;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.Placement;
import dev.rankgauge.PlacementTree;
import dev.rankgauge.RankHold;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.Subject;
import dev.rankgauge.ValidationException;
import dev.rankgauge.internal.json.JsonPath;
import dev.rankgauge.internal.json.Suggest;
import dev.rankgauge.json.internal.PlanJson.ActivityJson;
import dev.rankgauge.json.internal.PlanJson.PathJson;
import dev.rankgauge.json.internal.PlanJson.RankJson;
import dev.rankgauge.json.internal.PlanJson.RequirementJson;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Maps the bound records to a rank-core plan, checking the rules a schema cannot say: ranks that
 * are referred to but not defined, duplicate rank codes, gauge thresholds that fall up the ladder,
 * host rules that are not registered or reject their parameters, unknown time zones and
 * currencies, volumes with too many decimals. Collects every problem; parts the schema already
 * found wrong are skipped, so that no problem is reported twice. Not thread-safe; one per read.
 */
final class FromJson {
  private final RuleRegistry rules;
  private final List<String> blocked;
  private final List<Finding> findings = new ArrayList<>();
  private Map<String, Integer> rankIndex = Map.of();
  /** The plan's volume types as the file gives them. */
  private List<String> volumeTypes = List.of();
  /** The qualifying volume type as the file gives it. */
  private String qualifying;
  /** For each rank given to the core, its position in the file. */
  private final List<Integer> rankAt = new ArrayList<>();
  /** For each rank given to the core, each requirement's position in the file. */
  private final List<List<Integer>> requirementAt = new ArrayList<>();
  /** Host rule names by the path of their "rule" field. */
  private final Map<String, String> hostNames = new java.util.HashMap<>();

  /**
   * @param rules the host rules the plan may use
   * @param schemaPaths paths the schema reported; they and everything below them are skipped
   */
  FromJson(RuleRegistry rules, List<String> schemaPaths) {
    this.rules = rules;
    this.blocked = List.copyOf(schemaPaths);
  }

  List<Finding> findings() {
    return findings;
  }

  /** The plan, if every part mapped and nothing at all was found wrong (schema included). */
  Optional<CompPlan> map(PlanJson p) {
    CompPlan.Builder b = CompPlan.builder(p.name() == null ? "" : p.name());
    if (p.version() != null) {
      b.version(p.version());
    }
    if (p.currency() != null) {
      b.currency(p.currency());
      if (!isBlocked("$.currency") && !currencies().contains(p.currency())) {
        add("$.currency", "plan.currency", p.currency(),
            PlanProblems.didYouMean(p.currency(), currencies()));
      }
    }
    if (p.timeZone() != null && !isBlocked("$.timeZone")) {
      try {
        b.zone(ZoneId.of(p.timeZone()));
      } catch (DateTimeException e) {
        add("$.timeZone", "plan.timeZone", p.timeZone(),
            PlanProblems.didYouMean(p.timeZone(), ZoneId.getAvailableZoneIds()));
      }
    }
    if (p.period() != null) {
      b.periodKind(periodKind(p.period()));
    }
    volumeTypes = p.volumeTypes() == null ? List.of("PV")
        : p.volumeTypes().stream().filter(java.util.Objects::nonNull).toList();
    b.volumeTypes(volumeTypes.toArray(new String[0]));
    if (p.qualifyingVolumeType() != null) {
      b.qualifyingVolumeType(p.qualifyingVolumeType());
      qualifying = p.qualifyingVolumeType();
    }
    if (p.volumeDecimals() != null && !isBlocked("$.volumeDecimals")) {
      p.volumeDecimals().forEach((type, decimals) -> {
        if (decimals != null && !isBlocked(JsonPath.field("$.volumeDecimals", type))) {
          b.volumeDecimals(type, decimals);
        }
      });
    }
    if (p.personalVolume() != null && !isBlocked("$.personalVolume")) {
      PlanJson.PersonalVolumeJson pv = p.personalVolume();
      Optional<BigDecimal> cap = pv.selfPurchaseCap() == null ? Optional.empty()
          : Optional.ofNullable(volume(pv.selfPurchaseCap(), "$.personalVolume.selfPurchaseCap"));
      b.personalVolume(new PersonalVolumeRule(
          pv.includeCustomerOrders() == null || pv.includeCustomerOrders(), cap));
    }
    if (p.customerActivity() != null) {
      activity(p.customerActivity(), "$.customerActivity").ifPresent(b::customerActivity);
    }
    if (p.distributorActivity() != null) {
      activity(p.distributorActivity(), "$.distributorActivity").ifPresent(b::distributorActivity);
    }
    if (p.titleRank() != null && !isBlocked("$.titleRank")) {
      b.titleRank(p.titleRank().equals("highestQualified") ? CompPlan.TitleRank.HIGHEST_QUALIFIED
          : CompPlan.TitleRank.HIGHEST_PAID_AS);
    }
    if (p.rankHold() != null && p.rankHold().policy() != null && !isBlocked("$.rankHold")) {
      PlanJson.RankHoldJson h = p.rankHold();
      if (h.policy().equals("stepDown")) {
        b.rankHold(RankHold.stepDown());
      } else if (h.periods() != null) {
        b.rankHold(RankHold.keepPaidAs(h.periods()));
      }
    }
    if (p.placementTree() != null && p.placementTree().width() != null
        && !isBlocked("$.placementTree")) {
      try {
        b.placementTree(PlacementTree.matrix(p.placementTree().width()));
      } catch (IllegalArgumentException e) {
        add("$.placementTree.width", "plan.treeWidth", p.placementTree().width(),
            Placement.MAX_POSITION);
      }
    }
    List<RankJson> rankList = p.ranks() == null ? List.of() : p.ranks();
    List<Rank> ranks = ranks(rankList);
    b.ranks(ranks);
    // The core decides whether the plan is valid; its problems are located here by subject,
    // even when the schema found others, so that every problem is reported at once.
    CompPlan plan = null;
    try {
      plan = b.build();
    } catch (ValidationException e) {
      for (Problem q : e.problems()) {
        String path = path(q.subject());
        if (!isBlocked(path)) {
          findings.add(new Finding(path, false, problem(q, path, rankList)));
        }
      }
    }
    if (!findings.isEmpty() || !blocked.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(plan);
  }

  // --- the core's problems, located --------------------------------------------------------------

  /** The JSON path of what a core problem is about. */
  String path(Subject s) {
    return switch (s.kind()) {
      case PLAN -> planField(s);
      case RANK -> {
        String rank = rankPath(s.index());
        yield rank == null ? JsonPath.ROOT : s.field().isEmpty() ? rank : rank + "." + s.field();
      }
      case REQUIREMENT -> requirementPath(s);
      case NONE, DISTRIBUTOR, CUSTOMER, ORDER, OVERRIDE -> JsonPath.ROOT;
    };
  }

  private String requirementPath(Subject s) {
    String rank = rankPath(s.index());
    List<Integer> at = s.requirement();
    if (rank == null || at.isEmpty() || at.get(0) >= requirementAt.get(s.index()).size()) {
      return rank == null ? JsonPath.ROOT : rank;
    }
    StringBuilder path = new StringBuilder(JsonPath.index(rank + ".requirements",
        requirementAt.get(s.index()).get(at.get(0))));
    for (int i = 1; i + 1 < at.size(); i += 2) {
      path.append(".paths[").append(at.get(i)).append("].requirements[").append(at.get(i + 1))
          .append(']');
    }
    return s.field().isEmpty() ? path.toString() : path + "." + s.field();
  }

  private static String planField(Subject s) {
    switch (s.field()) {
      case "zone":
        return "$.timeZone";
      case "periodKind":
        return "$.period";
      case "volumeTypes":
        return s.key().isEmpty() ? "$.volumeTypes" : "$.volumeTypes[" + s.key() + "]";
      case "volumeDecimals":
      case "customerActivity":
      case "distributorActivity":
      case "personalVolume":
        // volumeDecimals.PV, distributorActivity.volume, personalVolume.selfPurchaseCap
        String field = JsonPath.field(JsonPath.ROOT, s.field());
        return s.key().isEmpty() ? field : JsonPath.field(field, s.key());
      case "":
        return JsonPath.ROOT;
      default:
        return JsonPath.field(JsonPath.ROOT, s.field());
    }
  }

  private String rankPath(int coreIndex) {
    return coreIndex < 0 || coreIndex >= rankAt.size() ? null
        : JsonPath.index("$.ranks", rankAt.get(coreIndex));
  }

  /**
   * The problem in the words of a plan file where its subject is one that file has words for
   * (the value found and the alternatives), else the core's own message.
   */
  private Problem problem(Problem q, String path, List<RankJson> ranks) {
    Subject s = q.subject();
    if (s.kind() == Subject.Kind.PLAN && s.field().equals("qualifyingVolumeType")) {
      String found = qualifying;
      return PlanProblems.problem("plan.qualifyingVolumeType", found, volumeTypes,
          PlanProblems.didYouMean(found, volumeTypes));
    }
    if (s.kind() == Subject.Kind.RANK && s.field().equals("code") && !s.key().isEmpty()) {
      int first = rankAt.get(Integer.parseInt(s.key()));
      return PlanProblems.problem("rank.codeAgain", s.id(), first + 1, "$.ranks[" + first + "]");
    }
    if (s.kind() == Subject.Kind.RANK && s.field().equals("requirements")) {
      RankJson r = ranks.get(rankAt.get(s.index()));
      return PlanProblems.problem("rank.entryRequirements", r.requirements().size());
    }
    if (s.kind() == Subject.Kind.REQUIREMENT && !s.key().isEmpty()
        && (s.field().equals("rank") || s.field().equals("breakawayRank")
            || s.field().equals("parameters"))) {
      return undefinedRank(s.key());
    }
    if (s.kind() == Subject.Kind.REQUIREMENT && s.field().equals("rule")) {
      return PlanProblems.problem("requirement.readsUpline", hostNames.getOrDefault(path, ""));
    }
    return q.at("");
  }

  private Problem undefinedRank(String code) {
    return PlanProblems.problem("requirement.unknownRank", code,
        List.copyOf(rankIndex.keySet()), PlanProblems.didYouMean(code, rankIndex.keySet()));
  }

  private List<Rank> ranks(List<RankJson> list) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      RankJson r = list.get(i);
      String path = JsonPath.field(JsonPath.index("$.ranks", i), "code");
      if (r == null || r.code() == null || isBlocked(path)) {
        continue;
      }
      index.putIfAbsent(r.code(), i);
    }
    rankIndex = index;
    List<Rank> out = new ArrayList<>();
    List<List<Requirement>> all = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      RankJson r = list.get(i);
      String path = JsonPath.index("$.ranks", i);
      List<Requirement> reqs = new ArrayList<>();
      List<RequirementJson> qs = r == null || r.requirements() == null ? List.of() : r.requirements();
      for (int j = 0; j < qs.size(); j++) {
        reqs.add(requirement(qs.get(j), JsonPath.index(path + ".requirements", j)));
      }
      all.add(reqs);
      if (r == null || r.code() == null || isBlocked(path + ".code")) {
        continue;
      }
      // What converted goes to the core, positions remembered, so that the core checks the
      // whole ladder even when parts of it were wrong; such a plan is not returned.
      List<Requirement> built = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (int j = 0; j < reqs.size(); j++) {
        if (reqs.get(j) != null) {
          built.add(reqs.get(j));
          at.add(j);
        }
      }
      try {
        out.add(new Rank(r.code(), r.name() == null || r.name().isBlank() ? r.code() : r.name(),
            built));
        rankAt.add(i);
        requirementAt.add(at);
      } catch (RuntimeException e) {
        findings.add(new Finding(path, false, PlanProblems.problem("plan.coreRefused",
            String.valueOf(e.getMessage()))));
      }
    }
    checkRising(list, all);
    return out;
  }

  /** Gauge thresholds may stay or rise up the ladder, never fall: gauges show the running maximum. */
  private void checkRising(List<RankJson> list, List<List<Requirement>> all) {
    for (Metric m : Metric.values()) {
      BigDecimal highest = null;
      String highestRank = null;
      for (int i = 0; i < all.size(); i++) {
        List<Requirement> reqs = all.get(i);
        BigDecimal rankMax = null;
        for (int j = 0; j < reqs.size(); j++) {
          Requirement q = reqs.get(j);
          if (q == null || q.metric().orElse(null) != m) {
            continue;
          }
          BigDecimal t = q.metricThreshold().orElseThrow();
          if (highest != null && t.compareTo(highest) < 0) {
            add(JsonPath.index("$.ranks[" + i + "].requirements", j) + "." + thresholdField(q),
                "requirement.falling", t.toPlainString(), highest.toPlainString(), kind(q),
                highestRank, PlanProblems.part("gauge." + m.name()));
          }
          rankMax = rankMax == null ? t : rankMax.max(t);
        }
        if (rankMax != null && (highest == null || rankMax.compareTo(highest) > 0)) {
          highest = rankMax;
          RankJson r = list.get(i);
          highestRank = r == null || r.code() == null ? "#" + (i + 1) : r.code();
        }
      }
    }
  }

  private static String thresholdField(Requirement q) {
    return switch (q.metric().orElseThrow()) {
      case PERSONAL_SALES, GROUP_SALES -> "volume";
      case ACTIVE_PERSONAL_CUSTOMERS, ACTIVE_PERSONAL_DISTRIBUTORS -> "count";
    };
  }

  private static String kind(Requirement q) {
    String n = q.getClass().getSimpleName();
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }


  private Requirement requirement(RequirementJson q, String path) {
    if (q == null || q instanceof RequirementJson.Unknown) {
      return null;
    }
    if (isBlocked(path)) {
      references(q, path);
      return null;
    }
    try {
      Requirement r = convert(q, path);
      if (r == null && !(q instanceof RequirementJson.AnyOf)) {
        references(q, path); // the core will not see this one
      }
      return r;
    } catch (RuntimeException e) {
      // The schema and the checks above keep rank-core's own checks from firing; a safety net.
      findings.add(new Finding(path, false, PlanProblems.problem("plan.coreRefused",
          String.valueOf(e.getMessage()))));
      return null;
    }
  }

  /** Checks the rank references of a requirement the schema found wrong elsewhere. */
  private void references(RequirementJson q, String path) {
    q.accept(new RequirementJson.Visitor<Void>() {
      @Override
      public Void visit(RequirementJson.PersonalVolume json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.GroupVolume json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.ActivePersonalCustomers json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.ActivePersonalDistributors json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.SponsoredWithRank json) {
        unseenRankRef(json.rank(), path + ".rank");
        return null;
      }

      @Override
      public Void visit(RequirementJson.LegsWithRank json) {
        unseenRankRef(json.rank(), path + ".rank");
        return null;
      }

      @Override
      public Void visit(RequirementJson.LegsWithVolume json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.LegsWithVolumes json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.CappedGroupVolume json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.LevelGroupVolume json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.PersonalGroupVolume json) {
        unseenRankRef(json.breakawayRank(), path + ".breakawayRank");
        return null;
      }

      @Override
      public Void visit(RequirementJson.ActiveLegs json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.PaidAsInPeriods json) {
        unseenRankRef(json.rank(), path + ".rank");
        return null;
      }

      @Override
      public Void visit(RequirementJson.AccumulatedVolume json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.JoinedWithinDays json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.SideVolume json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.SponsoredOnEachSide json) {
        if (json.rank() != null) {
          unseenRankRef(json.rank(), path + ".rank");
        }
        return null;
      }

      @Override
      public Void visit(RequirementJson.RankOnEachSide json) {
        unseenRankRef(json.rank(), path + ".rank");
        return null;
      }

      @Override
      public Void visit(RequirementJson.MatrixPositions json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.Range json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.AnyOf json) {
        if (json.paths() == null) {
          return null;
        }
        for (int i = 0; i < json.paths().size(); i++) {
          PathJson p = json.paths().get(i);
          if (p == null || p.requirements() == null) {
            continue;
          }
          for (int j = 0; j < p.requirements().size(); j++) {
            requirement(p.requirements().get(j),
                JsonPath.index(JsonPath.index(path + ".paths", i) + ".requirements", j));
          }
        }
        return null;
      }

      @Override
      public Void visit(RequirementJson.Host json) {
        return null;
      }

      @Override
      public Void visit(RequirementJson.Unknown json) {
        return null;
      }
    });
  }

  /** Each kind of the format mapped to its rank-core requirement; null where a problem was added. */
  private Requirement convert(RequirementJson q, String path) {
    return q.accept(new RequirementJson.Visitor<Requirement>() {
      @Override
      public Requirement visit(RequirementJson.PersonalVolume json) {
        BigDecimal v = volume(json.volume(), path + ".volume");
        return v == null ? null : typed(Requirement.personalVolume(v), json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.GroupVolume json) {
        BigDecimal v = volume(json.volume(), path + ".volume");
        return v == null ? null : typed(Requirement.groupVolume(v), json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.ActivePersonalCustomers json) {
        return Requirement.activePersonalCustomers(json.count());
      }

      @Override
      public Requirement visit(RequirementJson.ActivePersonalDistributors json) {
        return Requirement.activePersonalDistributors(json.count());
      }

      @Override
      public Requirement visit(RequirementJson.SponsoredWithRank json) {
        return rankRef(json.rank(), path + ".rank")
            ? Requirement.sponsoredWithRank(json.count(), json.rank()) : null;
      }

      @Override
      public Requirement visit(RequirementJson.LegsWithRank json) {
        return legsWithRank(json, path);
      }

      @Override
      public Requirement visit(RequirementJson.LegsWithVolume json) {
        BigDecimal v = volume(json.volume(), path + ".volume");
        return v == null ? null
            : typed(Requirement.legsWithVolume(json.count(), v).onTree(tree(json.tree())),
                json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.LegsWithVolumes json) {
        List<BigDecimal> slots = new ArrayList<>();
        for (int i = 0; i < json.volumes().size(); i++) {
          slots.add(volume(json.volumes().get(i), JsonPath.index(path + ".volumes", i)));
        }
        return slots.contains(null) ? null
            : typed(Requirement.legsWithVolumes(slots).onTree(tree(json.tree())),
                json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.CappedGroupVolume json) {
        BigDecimal v = volume(json.volume(), path + ".volume");
        BigDecimal pct = decimals(json.maxPercentPerLeg(), path + ".maxPercentPerLeg");
        return v == null || pct == null ? null
            : typed(Requirement.cappedGroupVolume(v, pct,
                Boolean.TRUE.equals(json.ownVolumeIsLeg())), json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.LevelGroupVolume json) {
        BigDecimal v = volume(json.volume(), path + ".volume");
        return v == null ? null
            : typed(Requirement.levelGroupVolume(v, json.levels(),
                Boolean.TRUE.equals(json.compressed())).onTree(tree(json.tree())),
                json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.PersonalGroupVolume json) {
        BigDecimal v = volume(json.volume(), path + ".volume");
        boolean ref = rankRef(json.breakawayRank(), path + ".breakawayRank");
        return v == null || !ref ? null : typed(Requirement.personalGroupVolume(v,
            json.breakawayRank(), Boolean.TRUE.equals(json.includeBreakaway())),
            json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.ActiveLegs json) {
        return Requirement.activeLegs(json.count());
      }

      @Override
      public Requirement visit(RequirementJson.PaidAsInPeriods json) {
        int periods = json.periods() == null ? json.count() : json.periods();
        if (periods < json.count()) {
          add(path + ".periods", "requirement.window", periods, json.count(), json.rank());
          return null;
        }
        return rankRef(json.rank(), path + ".rank") ? Requirement.paidAsInPeriods(json.count(),
            periods, json.rank(), Boolean.TRUE.equals(json.thisPeriod())) : null;
      }

      @Override
      public Requirement visit(RequirementJson.AccumulatedVolume json) {
        BigDecimal v = volume(json.volume(), path + ".volume");
        BigDecimal each = json.minimumEach() == null ? null
            : volume(json.minimumEach(), path + ".minimumEach");
        return v == null || json.minimumEach() != null && each == null ? null
            : typed(Requirement.accumulatedVolume(v, json.periods(),
                java.util.Optional.ofNullable(each)), json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.JoinedWithinDays json) {
        return Requirement.joinedWithinDays(json.days());
      }

      @Override
      public Requirement visit(RequirementJson.SideVolume json) {
        BigDecimal weak = volume(json.weak(), path + ".weak");
        BigDecimal strong = volume(json.strong(), path + ".strong");
        return weak == null || strong == null ? null
            : typed(Requirement.sideVolume(weak, strong), json.volumeType());
      }

      @Override
      public Requirement visit(RequirementJson.SponsoredOnEachSide json) {
        if (json.rank() == null) {
          return Requirement.sponsoredOnEachSide(json.count());
        }
        return rankRef(json.rank(), path + ".rank")
            ? Requirement.sponsoredOnEachSide(json.count(), json.rank()) : null;
      }

      @Override
      public Requirement visit(RequirementJson.RankOnEachSide json) {
        return rankRef(json.rank(), path + ".rank")
            ? Requirement.rankOnEachSide(json.count(), json.rank()) : null;
      }

      @Override
      public Requirement visit(RequirementJson.MatrixPositions json) {
        return Requirement.matrixPositions(json.count(), json.levels(),
            Boolean.TRUE.equals(json.active()));
      }

      @Override
      public Requirement visit(RequirementJson.Range json) {
        return range(json, path);
      }

      @Override
      public Requirement visit(RequirementJson.AnyOf json) {
        return anyOf(json, path);
      }

      @Override
      public Requirement visit(RequirementJson.Host json) {
        return host(json, path);
      }

      @Override
      public Requirement visit(RequirementJson.Unknown json) {
        return null; // the schema reported it
      }
    });
  }

  /**
   * The requirement reading the volume type the file names; as it is where it names none. Whether
   * the plan has that type is checked when the plan is built, at the requirement's path.
   */
  private static Requirement typed(Requirement q, String volumeType) {
    return volumeType == null ? q : q.ofType(volumeType);
  }

  private Requirement legsWithRank(RequirementJson.LegsWithRank l, String path) {
    boolean ref = rankRef(l.rank(), path + ".rank");
    Requirement.LegReach reach = l.reach() == null ? Requirement.LegReach.ANYWHERE
        : reach(l.reach());
    if (reach != Requirement.LegReach.WITHIN_LEVELS && l.levels() != null) {
      add(path + ".levels", "requirement.levelsWithoutReach", l.levels(),
          l.reach() == null ? "anywhere" : l.reach());
      return null;
    }
    Requirement.RankBasis basis = "title".equals(l.basis()) ? Requirement.RankBasis.TITLE
        : "lastPeriod".equals(l.basis()) ? Requirement.RankBasis.LAST_PERIOD
        : Requirement.RankBasis.PAID_AS;
    int levels = l.levels() == null ? 0 : l.levels();
    return ref ? new Requirement.LegsWithRank(l.count(), l.rank(), reach, levels, basis,
        tree(l.tree())) : null;
  }

  private Requirement anyOf(RequirementJson.AnyOf a, String path) {
    List<Requirement.Path> paths = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < a.paths().size(); i++) {
      PathJson p = a.paths().get(i);
      String pp = JsonPath.index(path + ".paths", i);
      List<Requirement> reqs = new ArrayList<>();
      for (int j = 0; j < p.requirements().size(); j++) {
        Requirement inner = requirement(p.requirements().get(j),
            JsonPath.index(pp + ".requirements", j));
        ok &= inner != null;
        reqs.add(inner);
      }
      if (ok) {
        paths.add(new Requirement.Path(p.name(), reqs));
      }
    }
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < a.paths().size(); i++) {
      if (!names.add(a.paths().get(i).name())) {
        add(JsonPath.index(path + ".paths", i) + ".name", "requirement.pathAgain",
            a.paths().get(i).name());
        ok = false;
      }
    }
    return ok ? Requirement.anyOf(paths) : null;
  }

  private Requirement host(RequirementJson.Host h, String path) {
    if (!rules.contains(h.rule())) {
      if (rules.names().isEmpty()) {
        add(path + ".rule", "requirement.noHostRules", h.rule());
      } else {
        add(path + ".rule", "requirement.unknownHostRule", h.rule(), List.copyOf(rules.names()),
            PlanProblems.didYouMean(h.rule(), rules.names()));
      }
      return null;
    }
    Map<String, String> params = h.parameters() == null ? Map.of() : h.parameters();
    Requirement.Host q;
    try {
      q = rules.create(h.rule(), params);
    } catch (IllegalArgumentException e) {
      // The registry's message (or the host's) already names the rule and its parameters.
      // The host's own words are quoted as they are, in a sentence of the plan's bundle.
      findings.add(new Finding(params.isEmpty() ? path : path + ".parameters", false,
          e.getCause() instanceof IllegalArgumentException why
              ? PlanProblems.problem("requirement.hostRuleRejects", h.rule(),
                  new java.util.TreeMap<>(params).toString(), String.valueOf(why.getMessage()))
              : PlanProblems.problem("requirement.hostRuleRefused", h.rule(),
                  String.valueOf(e.getMessage()))));
      return null;
    } catch (RuntimeException e) {
      add(params.isEmpty() ? path : path + ".parameters", "requirement.hostRuleFailed", h.rule(),
          new java.util.TreeMap<>(params).toString(), e.toString());
      return null;
    }
    hostNames.put(path + ".rule", h.rule());
    return q;
  }

  private Optional<ActivityRule> activity(ActivityJson a, String path) {
    if (isBlocked(path)) {
      return Optional.empty();
    }
    return a.accept(new ActivityJson.Visitor<Optional<ActivityRule>>() {
      @Override
      public Optional<ActivityRule> visit(ActivityJson.OrderInPeriod json) {
        return Optional.of(ActivityRule.orderInPeriod());
      }

      @Override
      public Optional<ActivityRule> visit(ActivityJson.MinimumVolume json) {
        return Optional.ofNullable(volume(json.volume(), path + ".volume"))
            .map(ActivityRule::minimumVolume);
      }

      @Override
      public Optional<ActivityRule> visit(ActivityJson.OrderWithinDays json) {
        return Optional.of(ActivityRule.orderWithinDays(json.days()));
      }

      @Override
      public Optional<ActivityRule> visit(ActivityJson.NetVolumeAboveZero json) {
        return Optional.of(ActivityRule.netVolumeAboveZero());
      }

      @Override
      public Optional<ActivityRule> visit(ActivityJson.Unknown json) {
        return Optional.empty(); // the schema reported it
      }
    });
  }

  /**
   * Whether a rank reference can be given to the core, which checks that the ladder defines it.
   */
  private boolean rankRef(String code, String path) {
    return code != null && !isBlocked(path);
  }

  /**
   * Reports a rank reference the ladder does not define, in a requirement that is not given to
   * the core because the schema found it wrong elsewhere: the core never sees it.
   */
  private void unseenRankRef(String code, String path) {
    if (code != null && !isBlocked(path) && !rankIndex.containsKey(code)) {
      findings.add(new Finding(path, false, undefinedRank(code)));
    }
  }

  /** A volume with at most six decimals; {@code 1E+3} becomes {@code 1000}. */
  private BigDecimal volume(BigDecimal v, String path) {
    return decimals(v, path);
  }

  private BigDecimal decimals(BigDecimal v, String path) {
    if (v == null || isBlocked(path)) {
      return null;
    }
    // As many decimals as orders may have: the engine's units hold no more.
    int max = Organisation.MAX_DECIMALS;
    if (v.scale() > max && v.stripTrailingZeros().scale() > max) {
      add(path, "plan.decimals", v.toString(), v.stripTrailingZeros().scale(), max);
      return null;
    }
    // The schema keeps numbers below 10^15, so this cannot blow up.
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  static CompPlan.PeriodKind periodKind(String s) {
    switch (s) {
      case "weekly":
        return CompPlan.PeriodKind.WEEKLY;
      case "fourWeekly":
        return CompPlan.PeriodKind.FOUR_WEEKLY;
      default:
        return CompPlan.PeriodKind.MONTHLY;
    }
  }

  /** The figures of a range as plan files name them, in the order of {@link Requirement.Figure}. */
  private static final List<String> FIGURES = List.of("personalVolume", "groupVolume",
      "downlineVolume", "activePersonalCustomers", "activePersonalDistributors",
      "largestLegPercent", "daysSinceJoined");

  /** A figure's name in plan files. */
  static String figureName(Requirement.Figure f) {
    return FIGURES.get(f.ordinal());
  }

  /** A range, every problem of its bounds located; null where one was added. */
  private Requirement range(RequirementJson.Range r, String path) {
    int at = FIGURES.indexOf(r.of());
    if (at < 0) {
      return null; // the schema reported it
    }
    Requirement.Figure of = Requirement.Figure.values()[at];
    boolean ok = true;
    if (r.atLeast() == null && r.atMost() == null) {
      add(path, "range.noBound", r.of());
      ok = false;
    }
    BigDecimal least = r.atLeast() == null ? null : bound(of, r.atLeast(), path + ".atLeast");
    BigDecimal most = r.atMost() == null ? null : bound(of, r.atMost(), path + ".atMost");
    ok &= (r.atLeast() == null || least != null) && (r.atMost() == null || most != null);
    if (least != null && most != null && least.compareTo(most) > 0) {
      add(path + ".atMost", "range.reversed", most, least);
      ok = false;
    }
    if (of != Requirement.Figure.DOWNLINE_VOLUME) {
      if (r.levels() != null) {
        add(path + ".levels", "range.levels", r.of());
        ok = false;
      }
      if (r.tree() != null && !"sponsor".equals(r.tree())) {
        add(path + ".tree", "range.tree", r.tree(), r.of());
        ok = false;
      }
    }
    if (r.volumeType() != null && !of.isVolume()) {
      add(path + ".volumeType", "range.volumeType", r.volumeType(), r.of());
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return new Requirement.Range(of, java.util.Optional.ofNullable(least),
        java.util.Optional.ofNullable(most), r.levels() == null ? 0 : r.levels(), tree(r.tree()),
        java.util.Optional.ofNullable(r.volumeType()));
  }

  /** One bound of a range: a volume (negative allowed), a whole count, or a percent 0 to 100. */
  private BigDecimal bound(Requirement.Figure of, BigDecimal v, String path) {
    if (of.isCount()) {
      if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
        add(path, of == Requirement.Figure.DAYS_SINCE_JOINED ? "range.wholeDays"
            : "range.wholePeople", v);
        return null;
      }
      return v;
    }
    if (of == Requirement.Figure.LARGEST_LEG_PERCENT
        && (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
      add(path, "range.percent", v);
      return null;
    }
    return decimals(v, path);
  }

  /** The tree a requirement names; the schema allows only "sponsor" (the default) and "placement". */
  static Requirement.Tree tree(String s) {
    return "placement".equals(s) ? Requirement.Tree.PLACEMENT : Requirement.Tree.SPONSOR;
  }

  static Requirement.LegReach reach(String s) {
    switch (s) {
      case "frontLine":
        return Requirement.LegReach.FRONT_LINE;
      case "withinLevels":
        return Requirement.LegReach.WITHIN_LEVELS;
      default:
        return Requirement.LegReach.ANYWHERE;
    }
  }

  private boolean isBlocked(String path) {
    for (String b : blocked) {
      if (b.equals(path) || (b.startsWith(path) && (b.charAt(path.length()) == '.'
          || b.charAt(path.length()) == '['))) {
        return true;
      }
    }
    return false;
  }

  private void add(String path, String code, Object... arguments) {
    findings.add(new Finding(path, false, PlanProblems.problem(code, arguments)));
  }

  private static Set<String> currencies() {
    return Currencies.CODES;
  }

  private static final class Currencies {
    static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
        .map(Currency::getCurrencyCode).collect(Collectors.toCollection(TreeSet::new));
  }

}
