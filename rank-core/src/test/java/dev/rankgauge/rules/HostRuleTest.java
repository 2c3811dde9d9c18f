package dev.rankgauge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.spi.QualificationRule;
import dev.rankgauge.spi.RuleContext;
import dev.rankgauge.spi.RuleFactory;
import dev.rankgauge.spi.RuleOutcome;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plug-in point: a host rule registered by name with parameters, found by explicit
 * registration and by ServiceLoader, reading the downline's results; rules that read the upline
 * are rejected when the plan is built.
 */
class HostRuleTest {
  private static final Map<String, String> FOUR_SILVERS = Map.of("count", "4", "rank", "SLV");

  /** The seed plan of {@link SponsoredWithRankTest}, with Gold's second requirement a host rule. */
  static CompPlan seedPlan(Requirement gold) {
    // Whole PV, so that the figures a rule sees read as whole numbers.
    return CompPlan.builder("host rules").volumeDecimals("PV", 0)
        .rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(BigDecimal.valueOf(100)))
        .rank("GLD", "Gold", Requirement.personalVolume(BigDecimal.valueOf(100)), gold)
        .build();
  }

  @Test
  void theSeedsFourSilversAsAnExplicitlyRegisteredHostRule() {
    RuleRegistry rules = RuleRegistry.builder().register(new SponsorsAtRankFactory()).build();
    CompPlan plan = seedPlan(rules.create("sponsorsAtRank", FOUR_SILVERS));

    Evaluation gold = SponsoredWithRankTest.org(100).evaluate(plan);
    Evaluation silver = SponsoredWithRankTest.org(50).evaluate(plan);

    assertThat(gold.paidAs("A").code()).isEqualTo("GLD");
    RequirementStatus met = TestOrg.status(gold, "A", "GLD", 1);
    assertThat(met.description()).isEqualTo("sponsor 4 people who reach SLV");
    assertThat(met.note().orElseThrow().text()).isEqualTo("your personally sponsored SLV or higher: S1, S2, S3, S4");
    assertThat(silver.paidAs("A").code()).isEqualTo("SLV");
    RequirementStatus gap = silver.result("A").gap().orElseThrow().holdingBack().get(0);
    assertThat(gap.required()).isEqualByComparingTo("4");
    assertThat(gap.actual()).isEqualByComparingTo("3");
    assertThat(gap.remaining()).isEqualByComparingTo("1");
    assertThat(gap.percentComplete()).isEqualByComparingTo("75");
  }

  @Test
  void aHostRuleAndTheBuiltInKindGiveTheSameResultShape() {
    CompPlan host = seedPlan(RuleRegistry.discovered().create("sponsorsAtRank", FOUR_SILVERS));
    CompPlan builtIn = SponsoredWithRankTest.seedPlan();

    for (long s4 : new long[] {50, 100}) {
      Evaluation h = SponsoredWithRankTest.org(s4).evaluate(host);
      Evaluation b = SponsoredWithRankTest.org(s4).evaluate(builtIn);
      for (String id : List.of("A", "S1", "S4", "S5", "D1")) {
        assertThat(h.paidAs(id).code()).isEqualTo(b.paidAs(id).code());
        RequirementStatus hs = TestOrg.status(h, id, "GLD", 1);
        RequirementStatus bs = TestOrg.status(b, id, "GLD", 1);
        assertThat(List.of(hs.required(), hs.actual(), hs.remaining(), hs.percentComplete()))
            .isEqualTo(List.of(bs.required(), bs.actual(), bs.remaining(), bs.percentComplete()));
        assertThat(hs.met()).isEqualTo(bs.met());
      }
    }
  }

  @Test
  void serviceLoaderFindsTheFactoryListedInMetaInfServices() {
    RuleRegistry discovered = RuleRegistry.discovered();

    assertThat(discovered.names()).contains(SponsorsAtRankFactory.NAME);
    assertThat(RuleRegistry.empty().contains(SponsorsAtRankFactory.NAME)).isFalse();
    // Found both ways, the same factory is one registration, not a clash.
    RuleRegistry both = RuleRegistry.builder().discover().register(new SponsorsAtRankFactory())
        .build();
    assertThat(both.names()).contains(SponsorsAtRankFactory.NAME);
  }

  @Test
  void aRegistryExtendsAnotherWithItsRules() {
    RuleRegistry host = RuleRegistry.builder().register(new SponsorsAtRankFactory()).build();

    RuleRegistry more = RuleRegistry.builder().registerAll(host).build();

    assertThat(more.names()).containsExactly(SponsorsAtRankFactory.NAME);
    assertThat(more.create(SponsorsAtRankFactory.NAME, FOUR_SILVERS))
        .isEqualTo(host.create(SponsorsAtRankFactory.NAME, FOUR_SILVERS));
  }

  @Test
  void twoDifferentFactoriesUnderOneNameAreRejected() {
    RuleFactory impostor = new RuleFactory() {
      @Override
      public String name() {
        return SponsorsAtRankFactory.NAME;
      }

      @Override
      public QualificationRule create(Map<String, String> parameters) {
        return c -> RuleOutcome.atLeast(0, 1, "never");
      }
    };

    assertThatThrownBy(() -> RuleRegistry.builder().discover().register(impostor).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two rule factories share a name: sponsorsAtRank");
  }

  @Test
  void unknownNamesAndBadParametersAreNamed() {
    RuleRegistry rules = RuleRegistry.builder().register(new SponsorsAtRankFactory()).build();

    assertThatThrownBy(() -> rules.create("sponsoredSilvers", FOUR_SILVERS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown host rule 'sponsoredSilvers'; registered rules are sponsorsAtRank");
    assertThatThrownBy(() -> rules.create("sponsorsAtRank", Map.of("count", "four", "rank", "SLV")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host rule 'sponsorsAtRank' rejects parameters {count=four, rank=SLV}: count"
            + " must be a whole number, found 'four'");
    assertThatThrownBy(() -> RuleRegistry.empty().create("x", Map.of()))
        .hasMessage("unknown host rule 'x'; registered rules are none");
  }

  @Test
  void theParametersAreKeptForPlanFiles() {
    Requirement r = RuleRegistry.discovered().create("sponsorsAtRank", FOUR_SILVERS);

    assertThat(r).isInstanceOfSatisfying(Requirement.Host.class, c -> {
      assertThat(c.name()).isEqualTo("sponsorsAtRank");
      assertThat(c.parameters()).containsExactly(Map.entry("count", "4"), Map.entry("rank", "SLV"));
    });
  }

  /** A rule that wants to know how its sponsor is doing: impossible bottom-up. */
  static final class SponsorIsGold implements QualificationRule {
    @Override
    public RuleOutcome evaluate(RuleContext context) {
      throw new AssertionError("never evaluated");
    }

    @Override
    public boolean readsUpline() {
      return true;
    }
  }

  @Test
  void aRuleThatReadsTheUplineIsRejectedWhenThePlanIsBuilt() {
    Requirement upline = Requirement.host("sponsorIsGold", Map.of(), new SponsorIsGold());

    assertThatThrownBy(() -> seedPlan(upline))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rank GLD requirement 2: found host rule sponsorIsGold, which"
            + " reads the upline; expected a rule that reads only the distributor and their"
            + " downline, as ranks are evaluated bottom-up");
    assertThatThrownBy(() -> seedPlan(Requirement.anyOf(
        Requirement.path("A", Requirement.activeLegs(1)), Requirement.path("B", upline))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rank GLD requirement 2 path B: found host rule sponsorIsGold,"
            + " which reads the upline");
  }

  @Test
  void aHostRulesRankReferencesAreCheckedAgainstTheLadder() {
    Requirement r = RuleRegistry.discovered().create("sponsorsAtRank",
        Map.of("count", "2", "rank", "PLATINUM"));

    assertThatThrownBy(() -> seedPlan(r))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("found rank PLATINUM, which the ladder does not define");
  }

  @Test
  void aFailingHostRuleNamesItselfAndTheDistributor() {
    QualificationRule broken = c -> {
      throw new IllegalStateException("database is down");
    };
    CompPlan plan = seedPlan(Requirement.host("broken", Map.of(), broken));

    assertThatThrownBy(() -> SponsoredWithRankTest.org(100).evaluate(plan))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching("host rule broken failed for distributor \\w+: database is down");
  }

  @Test
  void errorsARuleRaisesAreReportedWithTheRuleAndTheDistributor() {
    QualificationRule asserting = c -> {
      throw new AssertionError("leg count should not be negative");
    };
    QualificationRule recursing = new QualificationRule() {
      @Override
      public RuleOutcome evaluate(RuleContext c) {
        return evaluate(c);
      }
    };
    QualificationRule missing = c -> {
      throw new NoClassDefFoundError("com/acme/Ledger");
    };

    assertThatThrownBy(() -> SponsoredWithRankTest.org(100)
            .evaluate(seedPlan(Requirement.host("asserting", Map.of(), asserting))))
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(AssertionError.class)
        .hasMessageMatching("host rule asserting failed for distributor \\w+:"
            + " AssertionError: leg count should not be negative");
    assertThatThrownBy(() -> SponsoredWithRankTest.org(100)
            .evaluate(seedPlan(Requirement.host("recursing", Map.of(), recursing))))
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(StackOverflowError.class)
        .hasMessageMatching("host rule recursing failed for distributor \\w+: StackOverflowError");
    assertThatThrownBy(() -> SponsoredWithRankTest.org(100)
            .evaluate(seedPlan(Requirement.host("missing", Map.of(), missing))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching("host rule missing failed for distributor \\w+:"
            + " NoClassDefFoundError: com/acme/Ledger");
  }

  @Test
  void aRuleThatRunsOutOfMemoryIsNotMistakenForTheRulesOwnFailure() {
    QualificationRule greedy = c -> {
      throw new OutOfMemoryError("Java heap space");
    };

    assertThatThrownBy(() -> SponsoredWithRankTest.org(100)
            .evaluate(seedPlan(Requirement.host("greedy", Map.of(), greedy))))
        .isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void theContextShowsTheDistributorTheirCustomersAndTheirDownlinesResults() {
    Map<String, String> seen = new ConcurrentHashMap<>();
    QualificationRule spy = c -> {
      seen.put(c.distributor().id(), describe(c));
      return RuleOutcome.atLeast(c.legs().size(), 1, "legs");
    };
    CompPlan plan = seedPlan(Requirement.host("spy", Map.of(), spy));
    // A (100 PV) has customers K2 (active, 40) and K1 (no order), and legs S2 and S1. S2 has
    // 100 PV and two legs, so meets this plan's Gold (100 PV and, by the spy, a leg); S2a (100)
    // is Silver, S2b (0) and S1 (0) Members. Customers' orders count as A's PV.
    TestOrg o = TestOrg.create().add("A", null, 100).customer("K2", "A", 40).customer("K1", "A", 0)
        .add("S2", "A", 100).add("S2a", "S2", 100).add("S2b", "S2", 0).add("S1", "A", 0);

    String expected = "A pv=140 gv=340 active=true customers=[K1:false:0, K2:true:40]"
        + " sponsored=[S1:MEM:0:0:false, S2:GLD:100:200:true]"
        + " legs=[S1:0:MEM:0, S2:200:GLD:2]";
    Evaluation e = o.evaluate(plan);
    assertThat(seen.get("A")).isEqualTo(expected);
    // A lambda has no sentence of its own: the registered name stands in.
    assertThat(TestOrg.status(e, "A", "GLD", 1).description()).isEqualTo("spy");
    // The same whatever the order of the input rows: lists are sorted by id.
    for (long seed = 1; seed <= 5; seed++) {
      seen.clear();
      RankGauge.evaluate(o.shuffled(seed), plan, TestOrg.PERIOD);
      assertThat(seen.get("A")).isEqualTo(expected);
    }
  }

  private static String describe(RuleContext c) {
    return c.distributor().id() + " pv=" + c.personalVolume().toPlainString()
        + " gv=" + c.groupVolume().toPlainString() + " active=" + c.active()
        + " customers=" + c.personalCustomers().stream()
            .map(k -> k.customer().id() + ":" + k.active() + ":" + k.volume().toPlainString())
            .collect(Collectors.toList())
        + " sponsored=" + c.sponsoredDistributors().stream()
            .map(d -> d.distributor().id() + ":" + d.paidAs().code() + ":"
                + d.personalVolume().toPlainString() + ":" + d.groupVolume().toPlainString() + ":"
                + d.active())
            .collect(Collectors.toList())
        + " legs=" + c.legs().stream()
            .map(l -> l.root().distributor().id() + ":" + l.groupVolume().toPlainString() + ":"
                + l.highestRank().code() + ":" + l.activeDistributors())
            .collect(Collectors.toList());
  }

  @Test
  void aHostRuleSeesOtherVolumeTypes() {
    Map<String, BigDecimal> cv = new ConcurrentHashMap<>();
    QualificationRule rule = c -> {
      cv.put(c.distributor().id(), c.personalVolume("CV"));
      return RuleOutcome.atLeast(c.personalVolume("CV"), BigDecimal.TEN, "CV");
    };
    CompPlan plan = CompPlan.builder("cv").volumeTypes("PV", "CV")
        .rank(Rank.of("MEM", "Member"))
        .rank("GLD", "Gold", Requirement.host("cv", Map.of(), rule))
        .build();
    Organisation org = Organisation.builder()
        .add(dev.rankgauge.Distributor.of("A", null, java.time.LocalDate.of(2025, 1, 1), "A", ""))
        .add(new dev.rankgauge.Order("O1", dev.rankgauge.BuyerType.DISTRIBUTOR, "A",
            java.time.Instant.parse("2026-03-05T10:00:00Z"), dev.rankgauge.OrderStatus.PAID,
            Map.of("PV", BigDecimal.valueOf(50), "CV", new BigDecimal("12.5")), BigDecimal.TEN))
        .build();

    Evaluation e = RankGauge.evaluate(org, plan, TestOrg.PERIOD);

    assertThat(cv.get("A")).isEqualByComparingTo("12.5");
    assertThat(e.paidAs("A").code()).isEqualTo("GLD");
  }
  /**
   * Ann's CV is her own order's 12.5 and her customer Kay's 7.5: 20 (the plan counts customers'
   * orders); BV, which no order carries, is 0. Live, Kay buys 2 CV more (22), then Ann's own
   * order is cancelled (9.5): the rule reads each figure as it stands.
   */
  @Test
  void aHostRuleSeesItsCustomersOrdersOfAnotherTypeAlsoInALiveEvaluation() {
    Map<String, BigDecimal> cv = new ConcurrentHashMap<>();
    Map<String, BigDecimal> bv = new ConcurrentHashMap<>();
    QualificationRule rule = c -> {
      cv.put(c.distributor().id(), c.personalVolume("CV"));
      bv.put(c.distributor().id(), c.personalVolume("BV"));
      return RuleOutcome.atLeast(c.personalVolume("CV"), BigDecimal.TEN, "CV");
    };
    CompPlan plan = CompPlan.builder("cv").volumeTypes("PV", "CV")
        .rank(Rank.of("MEM", "Member"))
        .rank("GLD", "Gold", Requirement.host("cv", Map.of(), rule))
        .build();
    Organisation org = Organisation.builder()
        .add(dev.rankgauge.Distributor.of("A", null, java.time.LocalDate.of(2025, 1, 1), "Ann",
            ""))
        .add(dev.rankgauge.Customer.of("K", "A", "Kay", ""))
        .add(order("O1", dev.rankgauge.BuyerType.DISTRIBUTOR, "A", 5, "50", "12.5"))
        .add(order("O2", dev.rankgauge.BuyerType.CUSTOMER, "K", 6, "10", "7.5"))
        .build();

    Evaluation e = RankGauge.evaluate(org, plan, TestOrg.PERIOD);
    assertThat(cv.get("A")).isEqualByComparingTo("20");
    assertThat(bv.get("A")).isEqualByComparingTo("0");
    assertThat(e.paidAs("A").code()).isEqualTo("GLD");

    dev.rankgauge.LiveEvaluation live = dev.rankgauge.LiveEvaluation.start(e);
    live.apply(new dev.rankgauge.LiveEvent.OrderPlaced(
        order("O3", dev.rankgauge.BuyerType.CUSTOMER, "K", 7, "1", "2")));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("GLD");
    assertThat(cv.get("A")).isEqualByComparingTo("22");
    live.apply(new dev.rankgauge.LiveEvent.OrderCancelled("O1"));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("MEM");
    assertThat(cv.get("A")).isEqualByComparingTo("9.5");
  }

  private static dev.rankgauge.Order order(String id, dev.rankgauge.BuyerType type, String buyer,
      int marchDay, String pv, String cv) {
    return new dev.rankgauge.Order(id, type, buyer,
        java.time.Instant.parse("2026-03-0" + marchDay + "T10:00:00Z"),
        dev.rankgauge.OrderStatus.PAID, Map.of("PV", new BigDecimal(pv), "CV", new BigDecimal(cv)),
        BigDecimal.TEN);
  }
}
