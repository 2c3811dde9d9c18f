package dev.rankgauge.bench;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.json.PlanFiles;
import java.math.BigDecimal;

/** The plans the benchmarks evaluate. */
public final class BenchmarkPlans {
  /** Personal volume that makes a distributor active in both plans. */
  public static final BigDecimal ACTIVE_PV = new BigDecimal("100");

  private BenchmarkPlans() {}

  /**
   * The seed plan of the demo, as shipped in rank-rules-json ({@code seed.json}, tested there to
   * equal rank-examples' {@code SeedExample.plan()}): four gauge thresholds per rank,
   * distributors active with 100 PV, customers with an order in the period, personal volume
   * including customers' orders.
   */
  public static CompPlan seed() {
    return PlanFiles.bundled("seed");
  }

  /**
   * The bundled binary plan ({@code binary.json}): Executive with 25 PV and an active personally
   * sponsored distributor on each side, Crystal Executive with a cycle of 300 and 600, Director
   * and Presidential with more side volume, sponsored Executives and Crystal Executives in each
   * side. Every placement rule kind of a binary tree is in it.
   *
   * @return the plan
   */
  public static CompPlan binary() {
    return PlanFiles.bundled("binary");
  }

  /**
   * A doTERRA-like ladder as the domain notes (DOMAIN.md, "Published ladders") list it: Manager 100 PV + 500 OV; Director 1,000 OV;
   * Executive 2,000; Elite 3,000; Premier 5,000 OV + 2 legs with an Executive; Silver 3 Elite legs;
   * Gold 3 Premier legs; Platinum 3 Silver legs; Diamond 4 Silver legs; Blue Diamond 5 Gold legs;
   * Presidential Diamond 6 Platinum legs; 100 PV on all. Legs count someone paid as the rank or
   * higher anywhere in the leg. Not the official plan: a ladder of the same shape and cost.
   */
  public static CompPlan doterraLike() {
    return CompPlan.builder("doTERRA-like plan")
        .version("bench")
        .currency("USD")
        .zone(SyntheticOrganisation.ZONE)
        .volumeTypes("PV")
        .personalVolume(PersonalVolumeRule.ownAndCustomerOrders())
        .customerActivity(ActivityRule.orderInPeriod())
        .distributorActivity(ActivityRule.minimumVolume(ACTIVE_PV))
        .rank(Rank.of("WA", "Wellness Advocate"))
        .rank(Rank.of("MGR", "Manager", pv(), ov(500)))
        .rank(Rank.of("DIR", "Director", pv(), ov(1_000)))
        .rank(Rank.of("EXEC", "Executive", pv(), ov(2_000)))
        .rank(Rank.of("ELITE", "Elite", pv(), ov(3_000)))
        .rank(Rank.of("PREM", "Premier", pv(), ov(5_000), Requirement.legsWithRank(2, "EXEC")))
        .rank(Rank.of("SLV", "Silver", pv(), Requirement.legsWithRank(3, "ELITE")))
        .rank(Rank.of("GLD", "Gold", pv(), Requirement.legsWithRank(3, "PREM")))
        .rank(Rank.of("PLAT", "Platinum", pv(), Requirement.legsWithRank(3, "SLV")))
        .rank(Rank.of("DMND", "Diamond", pv(), Requirement.legsWithRank(4, "SLV")))
        .rank(Rank.of("BDMND", "Blue Diamond", pv(), Requirement.legsWithRank(5, "GLD")))
        .rank(Rank.of("PDMND", "Presidential Diamond", pv(), Requirement.legsWithRank(6, "PLAT")))
        .build();
  }

  private static Requirement pv() {
    return Requirement.personalVolume(ACTIVE_PV);
  }

  private static Requirement ov(int volume) {
    return Requirement.groupVolume(BigDecimal.valueOf(volume));
  }

  /**
   * A plan by the name the benchmarks' parameters give it.
   *
   * @param name {@code seed}, {@code doterra} (the doTERRA-like plan) or {@code binary}
   * @return the plan
   */
  public static CompPlan named(String name) {
    return switch (name) {
      case "doterra" -> doterraLike();
      case "binary" -> binary();
      case "seed" -> seed();
      default -> throw new IllegalArgumentException("no benchmark plan " + name
          + "; expected seed, doterra or binary");
    };
  }
}
