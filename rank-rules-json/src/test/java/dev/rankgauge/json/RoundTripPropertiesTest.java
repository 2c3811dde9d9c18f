package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Metric;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.PlacementTree;
import dev.rankgauge.Rank;
import dev.rankgauge.RankHold;
import dev.rankgauge.Requirement;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.internal.SchemaValidator;
import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleFactory;
import dev.rankgauge.spi.RuleOutcome;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Laws of writing: a written plan validates against the schema and loads to an equal plan. */
class RoundTripPropertiesTest {
  /** A host rule that accepts any parameters, so that generated plans can use one. */
  static final RuleRegistry RULES = RuleRegistry.builder().register(new RuleFactory() {
    @Override
    public String name() {
      return "echo";
    }

    @Override
    public QualificationRule create(Map<String, String> parameters) {
      return context -> RuleOutcome.atLeast(0, 0, "echo " + parameters);
    }
  }).build();

  /** Every kind of requirement there is: each must be generated, or the coverage check fails. */
  static final List<String> KINDS = Arrays.stream(Requirement.class.getPermittedSubclasses())
      .map(Class::getSimpleName).toList();

  @Property(tries = 200)
  void aWrittenPlanLoadsToAnEqualPlan(@ForAll("plans") CompPlan plan) {
    String json = PlanFiles.write(plan);
    CompPlan back = PlanFiles.load(new StringReader(json), "generated.json", RULES);
    assertThat(back).isEqualTo(plan);
    // BigDecimal scales too: 10.00 stays 10.00 (equals above already says so; this names a break).
    assertThat(back.ranks()).usingRecursiveFieldByFieldElementComparator().isEqualTo(plan.ranks());
    plan.ranks().stream().flatMap(r -> r.requirements().stream())
        .map(q -> q.getClass().getSimpleName()).distinct()
        .forEach(k -> Statistics.label("kind").collect(k));
    Statistics.label("ranks").collect(plan.ranks().size() > 3 ? "4 or more" : "1 to 3");
    Statistics.label("kind").coverage(c -> KINDS.forEach(k -> c.check(k).count(n -> n >= 5)));
    Statistics.label("ranks").coverage(c -> c.check("4 or more").percentage(p -> p >= 20));
  }

  @Property(tries = 100)
  void aWrittenPlanIsValidAgainstTheSchemaAndWritesBackTheSame(@ForAll("plans") CompPlan plan) {
    String json = PlanFiles.write(plan);
    assertThat(SchemaValidator.planSchema().validate(Trees.read(json))).isEmpty();
    assertThat(PlanFiles.write(PlanFiles.load(new StringReader(json), "g.json", RULES))).isEqualTo(json);
  }

  /**
   * A plan built in Java, whatever plan files would say of it (thresholds falling up the ladder,
   * currencies no country uses), is written to a file that loads back to an
   * equal plan, or writing refuses it up front with every reason located in the text.
   */
  @Property(tries = 200)
  void anyPlanIsWrittenToAFileThatLoadsBackOrRefusedUpFront(@ForAll("anyPlans") CompPlan plan) {
    String json;
    try {
      json = PlanFiles.write(plan);
    } catch (ValidationException refused) {
      Statistics.label("writing").collect("refused");
      assertThat(refused.problems()).isNotEmpty()
          .allSatisfy(p -> assertThat(p.location()).matches(".*:\\d+:\\d+ at \\$.*"));
      return;
    }
    Statistics.label("writing").collect("written");
    assertThat(SchemaValidator.planSchema().validate(Trees.read(json))).isEmpty();
    CompPlan back = PlanFiles.load(new StringReader(json), "any.json", RULES);
    assertThat(back).isEqualTo(plan);
    plan.ranks().stream().flatMap(r -> r.requirements().stream())
        .map(q -> q.getClass().getSimpleName()).distinct()
        .forEach(k -> Statistics.label("kind").collect(k));
    Statistics.label("writing").coverage(c -> {
      c.check("written").percentage(p -> p >= 20);
      // since plan limits and the number range are checked in Java too, few generated plans
      // reach writing only to be refused (about 5 to 13 in 100): ask for some, not a share
      c.check("refused").count(n -> n >= 3);
    });
    // Every kind written and read back at least once. Typical runs count 15 to 20 of each in 200
    // tries, but one seed (7490194465240321957, with declared decimals refusing more plans)
    // counted a single personalGroupVolume: a bar of 3 failed by chance; 1 still catches a
    // generator that stops drawing a kind.
    Statistics.label("kind").coverage(c -> KINDS.forEach(k -> c.check(k).count(n -> n >= 1)));
  }

  @Provide
  Arbitrary<CompPlan> anyPlans() {
    Arbitrary<List<String>> codes = texts().list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    Arbitrary<String> currency = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.of("USD", "EUR", "MXN")),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('A', 'Z').ofLength(3)));
    return codes.flatMap(cs -> {
      List<Arbitrary<Rank>> ranks = new ArrayList<>();
      ranks.add(texts().map(n -> Rank.of(cs.get(0), n)));
      for (int i = 1; i < cs.size(); i++) {
        String code = cs.get(i);
        ranks.add(Combinators.combine(texts(), requirement(cs, true).list().ofMaxSize(4))
            .as((n, qs) -> new Rank(code, n, qs)));
      }
      return Combinators.combine(header(), currency, Combinators.combine(ranks).as(rs -> rs),
          Arbitraries.integers().between(0, 9))
          .as((b, cur, rs, odd) -> withTree(b.currency(cur), rs, odd)
              .ranks(odd < 6 ? rising(rs) : rs).build());
    });
  }

  /**
   * The placement tree the ranks need: binary for the side kinds, binary or a matrix for matrix
   * positions, and none, binary or a matrix as {@code choice} says where nothing needs one.
   */
  private static CompPlan.Builder withTree(CompPlan.Builder b, List<Rank> ranks, int choice) {
    List<Requirement> all = new ArrayList<>();
    for (Rank r : ranks) {
      for (Requirement q : r.requirements()) {
        all.add(q);
        if (q instanceof Requirement.AnyOf any) {
          any.paths().forEach(p -> all.addAll(p.requirements()));
        }
      }
    }
    boolean sides = all.stream().anyMatch(q -> q instanceof Requirement.SideVolume
        || q instanceof Requirement.SponsoredOnEachSide || q instanceof Requirement.RankOnEachSide);
    boolean matrix = all.stream().anyMatch(q -> q instanceof Requirement.MatrixPositions
        || q instanceof Requirement.LegsWithRank l && l.tree() == Requirement.Tree.PLACEMENT
        || q instanceof Requirement.LegsWithVolume l && l.tree() == Requirement.Tree.PLACEMENT
        || q instanceof Requirement.LevelGroupVolume l && l.tree() == Requirement.Tree.PLACEMENT
        || q instanceof Requirement.Range l && l.tree() == Requirement.Tree.PLACEMENT);
    if (sides || (matrix || choice % 3 != 0) && choice < 5) {
      return b.placementTree(PlacementTree.binary());
    }
    return matrix || choice % 3 != 0 ? b.placementTree(PlacementTree.matrix(2 + choice)) : b;
  }

  // --- generators ------------------------------------------------------------------------------

  static Arbitrary<BigDecimal> volumes() {
    return Combinators.combine(Arbitraries.longs().between(0, 1_000_000_000L),
        Arbitraries.integers().between(0, 6)).as(BigDecimal::valueOf);
  }

  /** Ranges of every figure: one bound or both, negative volumes, levels and trees. */
  static Arbitrary<Requirement> ranges() {
    Arbitrary<BigDecimal> signed = Combinators.combine(
        Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
        Arbitraries.integers().between(0, 6)).as(BigDecimal::valueOf);
    Arbitrary<BigDecimal> whole = Arbitraries.integers().between(0, 400).map(BigDecimal::valueOf);
    Arbitrary<BigDecimal> percent = Arbitraries.integers().between(0, 10_000)
        .map(p -> BigDecimal.valueOf(p, 2));
    return Combinators.combine(Arbitraries.of(Requirement.Figure.class), signed, signed, whole,
        whole, percent, percent, Arbitraries.integers().between(0, 3)).as(
            (of, s1, s2, w1, w2, p1, p2, shape) -> {
              BigDecimal a = of.isVolume() ? s1 : of.isCount() ? w1 : p1;
              BigDecimal b = of.isVolume() ? s2 : of.isCount() ? w2 : p2;
              BigDecimal lo = a.min(b);
              BigDecimal hi = a.max(b);
              Requirement.Range r = shape == 0 ? Requirement.atLeast(of, lo)
                  : shape == 1 ? Requirement.atMost(of, hi) : Requirement.between(of, lo, hi);
              if (of == Requirement.Figure.DOWNLINE_VOLUME && shape > 1) {
                r = r.withinLevels(1 + shape).onTree(shape == 3 ? Requirement.Tree.PLACEMENT
                    : Requirement.Tree.SPONSOR);
              }
              return r;
            });
  }

  static Arbitrary<Requirement.Tree> trees() {
    return Arbitraries.of(Requirement.Tree.class);
  }

  static Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("AZaz09 _-.\"\\/éß✓").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.isBlank());
  }

  @Provide
  Arbitrary<CompPlan> plans() {
    Arbitrary<List<String>> codes = texts().list().ofMinSize(1).ofMaxSize(7).uniqueElements();
    return codes.flatMap(cs -> {
      List<Arbitrary<Rank>> ranks = new ArrayList<>();
      ranks.add(texts().map(n -> Rank.of(cs.get(0), n)));
      for (int i = 1; i < cs.size(); i++) {
        String code = cs.get(i);
        ranks.add(Combinators.combine(texts(), requirement(cs, true).list().ofMaxSize(5))
            .as((n, qs) -> new Rank(code, n, qs)));
      }
      return Combinators.combine(header(), Combinators.combine(ranks).as(rs -> rs),
          Arbitraries.integers().between(0, 9))
          .as((b, rs, choice) -> withTree(b, rs, choice).ranks(rising(rs)).build());
    });
  }

  private Arbitrary<CompPlan.Builder> header() {
    Arbitrary<List<String>> types = Arbitraries.of("PV", "CV", "QV", "BV").list().ofMinSize(1)
        .ofMaxSize(4).uniqueElements();
    Arbitrary<PersonalVolumeRule> pv = Combinators.combine(Arbitraries.of(true, false),
        volumes().optional()).as((inc, cap) -> new PersonalVolumeRule(inc, cap));
    Arbitrary<CompPlan.Builder> named = Combinators.combine(texts(), texts(),
        Arbitraries.of("USD", "EUR", "GBP", "JPY", "NZD"),
        Arbitraries.of("UTC", "America/Denver", "Europe/Amsterdam", "Pacific/Chatham", "Z", "+05:30"))
        .as((name, version, currency, zone) -> CompPlan.builder(name).version(version)
            .currency(currency).zone(ZoneId.of(zone)));
    Arbitrary<RankHold> holds = Arbitraries.oneOf(Arbitraries.just(RankHold.none()),
        Arbitraries.just(RankHold.stepDown()),
        Arbitraries.integers().between(1, 120).map(RankHold::keepPaidAs));
    // Decimals declared for some types (-1: left to the default); the qualifying type, the last,
    // keeps six, as the generated figures have up to six decimals.
    Arbitrary<List<Object>> typed = types.flatMap(ts -> Arbitraries.integers().between(-1, 6)
        .list().ofSize(ts.size()).map(ds -> List.of(ts, ds)));
    return Combinators.combine(named, Arbitraries.of(CompPlan.PeriodKind.class), typed, pv,
        activity(), activity(), Arbitraries.of(CompPlan.TitleRank.class), holds)
        .as((b, kind, td, p, ca, da, title, hold) -> {
          @SuppressWarnings("unchecked")
          List<String> ts = (List<String>) td.get(0);
          @SuppressWarnings("unchecked")
          List<Integer> ds = (List<Integer>) td.get(1);
          for (int i = 0; i < ts.size(); i++) {
            if (ds.get(i) >= 0) {
              b.volumeDecimals(ts.get(i), i == ts.size() - 1 ? 6 : ds.get(i));
            }
          }
          return b.periodKind(kind)
            .volumeTypes(ts.toArray(new String[0])).qualifyingVolumeType(ts.get(ts.size() - 1))
            .personalVolume(p).customerActivity(ca).distributorActivity(da).titleRank(title)
            .rankHold(hold);
        });
  }

  private Arbitrary<ActivityRule> activity() {
    return Arbitraries.oneOf(Arbitraries.just(ActivityRule.orderInPeriod()),
        Arbitraries.just(ActivityRule.netVolumeAboveZero()),
        volumes().map(ActivityRule::minimumVolume),
        Arbitraries.integers().between(1, 400).map(ActivityRule::orderWithinDays));
  }

  private Arbitrary<Requirement> requirement(List<String> codes, boolean nest) {
    Arbitrary<Integer> count = Arbitraries.integers().between(1, 20);
    Arbitrary<String> rank = Arbitraries.of(codes);
    List<Arbitrary<? extends Requirement>> kinds = new ArrayList<>(List.of(
        volumes().map(Requirement::personalVolume),
        volumes().map(Requirement::groupVolume),
        Arbitraries.integers().between(0, 20).map(Requirement::activePersonalCustomers),
        Arbitraries.integers().between(0, 20).map(Requirement::activePersonalDistributors),
        Combinators.combine(count, rank).as(Requirement::sponsoredWithRank),
        Combinators.combine(count, rank, Arbitraries.of(Requirement.LegReach.class),
            Arbitraries.integers().between(1, 5), Arbitraries.of(Requirement.RankBasis.class),
            trees())
            .as((c, r, reach, k, basis, tree) -> new Requirement.LegsWithRank(c, r, reach,
                reach == Requirement.LegReach.WITHIN_LEVELS ? k : 0, basis, tree)),
        Combinators.combine(volumes().list().ofMinSize(1).ofMaxSize(4), trees())
            .as((slots, tree) -> Requirement.legsWithVolumes(slots).onTree(tree)),
        Combinators.combine(count, volumes(), trees())
            .as((c, v, tree) -> Requirement.legsWithVolume(c, v).onTree(tree)),
        Combinators.combine(volumes(), Arbitraries.integers().between(1, 10_000)
            .map(p -> BigDecimal.valueOf(p, 2)), Arbitraries.of(true, false))
            .as(Requirement::cappedGroupVolume),
        Combinators.combine(volumes(), Arbitraries.integers().between(1, 5),
            Arbitraries.of(true, false), trees()).as((v, k, compressed, tree) ->
                Requirement.levelGroupVolume(v, k, compressed).onTree(tree)),
        Combinators.combine(volumes(), rank, Arbitraries.of(true, false))
            .as(Requirement::personalGroupVolume),
        count.map(Requirement::activeLegs),
        // "this period" must name a rank below the one that asks: the entry rank always is.
        Combinators.combine(count, Arbitraries.integers().between(0, 5), rank,
            Arbitraries.of(true, false)).as((c, extra, r, now) -> Requirement.paidAsInPeriods(c,
                c + extra, now ? codes.get(0) : r, now)),
        Combinators.combine(volumes(), Arbitraries.integers().between(1, 12),
            volumes().optional()).as(Requirement::accumulatedVolume),
        Arbitraries.integers().between(0, 400).map(Requirement::joinedWithinDays),
        Combinators.combine(volumes(), volumes()).as(Requirement::sideVolume),
        Combinators.combine(count, rank.optional()).as((c, r) -> r.isPresent()
            ? Requirement.sponsoredOnEachSide(c, r.get()) : Requirement.sponsoredOnEachSide(c)),
        Combinators.combine(count, rank).as(Requirement::rankOnEachSide),
        Combinators.combine(count, Arbitraries.integers().between(1, 5),
            Arbitraries.of(true, false)).as(Requirement::matrixPositions),
        ranges(),
        Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), texts())
            .ofMaxSize(3).map(ps -> RULES.create("echo", ps))));
    if (nest) {
      kinds.add(requirement(codes, false).list().ofMinSize(1).ofMaxSize(2).list().ofMinSize(2)
          .ofMaxSize(3).map(paths -> {
            List<Requirement.Path> ps = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
              ps.add(new Requirement.Path("P" + (i + 1), paths.get(i)));
            }
            return Requirement.anyOf(ps);
          }));
    }
    return Arbitraries.oneOf(kinds);
  }

  /** Raises gauge thresholds to the highest below, as a plan file must have them. */
  private static List<Rank> rising(List<Rank> ranks) {
    Map<Metric, BigDecimal> highest = new EnumMap<>(Metric.class);
    List<Rank> out = new ArrayList<>();
    for (Rank r : ranks) {
      List<Requirement> qs = new ArrayList<>();
      Map<Metric, BigDecimal> inRank = new EnumMap<>(Metric.class);
      for (Requirement q : r.requirements()) {
        Optional<Metric> m = q.metric();
        if (m.isPresent() && highest.containsKey(m.get())
            && threshold(q).compareTo(highest.get(m.get())) < 0) {
          q = withThreshold(q, highest.get(m.get()));
        }
        qs.add(q);
        m.ifPresent(x -> inRank.merge(x, threshold(qs.get(qs.size() - 1)), BigDecimal::max));
      }
      inRank.forEach((m, t) -> highest.merge(m, t, BigDecimal::max));
      out.add(new Rank(r.code(), r.name(), qs));
    }
    return out;
  }

  private static BigDecimal threshold(Requirement q) {
    if (q instanceof Requirement.PersonalVolume p) {
      return p.volume();
    } else if (q instanceof Requirement.GroupVolume g) {
      return g.volume();
    } else if (q instanceof Requirement.ActivePersonalCustomers c) {
      return BigDecimal.valueOf(c.count());
    }
    return BigDecimal.valueOf(((Requirement.ActivePersonalDistributors) q).count());
  }

  private static Requirement withThreshold(Requirement q, BigDecimal t) {
    if (q instanceof Requirement.PersonalVolume) {
      return Requirement.personalVolume(t);
    } else if (q instanceof Requirement.GroupVolume) {
      return Requirement.groupVolume(t);
    } else if (q instanceof Requirement.ActivePersonalCustomers) {
      return Requirement.activePersonalCustomers(t.intValueExact());
    }
    return Requirement.activePersonalDistributors(t.intValueExact());
  }
}
