package dev.rankgauge.plans;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.CompPlan;
import dev.rankgauge.PersonalVolumeRule;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The published ladders of {@code shared/DOMAIN.md} ("Published ladders to test against")
 * written with the built-in rule kinds, as fixtures for tests. A colleague will write the same
 * plans as JSON files: every choice where the published ladder is ambiguous is written next to
 * the rank it affects, marked <b>Choice</b>, so that both versions make the same one.
 *
 * <p>These follow DOMAIN.md's table, which is faithful enough for realistic tests; they are not
 * the companies' current official documents. All three are monthly plans counting one volume
 * type; "group volume" (OV, OGV, GWV) is the whole downline's, unlimited depth. None of the
 * three caps the volume a leg may bring (a "50% rule"); the leg cap and a leg exactly at it are
 * tested in {@code dev.rankgauge.rules.CappedGroupVolumeTest}.
 */
public final class RealPlans {
  private RealPlans() {}

  private static BigDecimal v(long volume) {
    return BigDecimal.valueOf(volume);
  }

  /**
   * doTERRA (US). Volume type PV; OV is group volume. Every rank needs 100 PV.
   *
   * <pre>
   * WA   Wellness Advocate     entry rank
   * MGR  Manager               100 PV,   500 OV
   * DIR  Director              100 PV, 1,000 OV
   * EXE  Executive             100 PV, 2,000 OV
   * ELT  Elite                 100 PV, 3,000 OV
   * PRM  Premier               100 PV, 5,000 OV, 2 legs with an Executive
   * SLV  Silver                100 PV, 3 legs with an Elite
   * GLD  Gold                  100 PV, 3 legs with a Premier
   * PLT  Platinum              100 PV, 3 legs with a Silver
   * DIA  Diamond               100 PV, 4 legs with a Silver
   * BDI  Blue Diamond          100 PV, 5 legs with a Gold
   * PDI  Presidential Diamond  100 PV, 6 legs with a Platinum
   * </pre>
   *
   * <p><b>Choice</b>: "2 legs with an Executive" means legs each holding someone paid as
   * Executive or higher <i>anywhere</i> in the leg, this month (paid-as rank). doTERRA asks that
   * the qualifier be personally enrolled but placed anywhere in a placement leg; RankGauge has
   * only the enrolment tree, and field guides read it as "it does not matter where in the leg
   * they are".
   *
   * <p><b>Choice</b>: Silver and above carry no OV requirement of their own, as in the table.
   * It makes no difference on a paid-as basis: three Elite legs already hold 3 x 3,000 OV.
   *
   * <p><b>Choice</b>: personal volume includes personal customers' orders (the library's
   * default); active means 100 PV, the monthly order doTERRA asks for commissions. Neither
   * enters a rank requirement here.
   */
  public static CompPlan doTerra() {
    BigDecimal pv = v(100);
    return CompPlan.builder("doTERRA (US)")
        .version("DOMAIN.md table")
        .currency("USD")
        .zone(ZoneId.of("America/Denver"))
        .volumeTypes("PV")
        .personalVolume(PersonalVolumeRule.ownAndCustomerOrders())
        .distributorActivity(ActivityRule.minimumVolume(pv))
        .rank(Rank.of("WA", "Wellness Advocate"))
        .rank("MGR", "Manager", Requirement.personalVolume(pv), Requirement.groupVolume(v(500)))
        .rank("DIR", "Director", Requirement.personalVolume(pv), Requirement.groupVolume(v(1_000)))
        .rank("EXE", "Executive", Requirement.personalVolume(pv), Requirement.groupVolume(v(2_000)))
        .rank("ELT", "Elite", Requirement.personalVolume(pv), Requirement.groupVolume(v(3_000)))
        .rank("PRM", "Premier", Requirement.personalVolume(pv), Requirement.groupVolume(v(5_000)),
            Requirement.legsWithRank(2, "EXE"))
        .rank("SLV", "Silver", Requirement.personalVolume(pv), Requirement.legsWithRank(3, "ELT"))
        .rank("GLD", "Gold", Requirement.personalVolume(pv), Requirement.legsWithRank(3, "PRM"))
        .rank("PLT", "Platinum", Requirement.personalVolume(pv), Requirement.legsWithRank(3, "SLV"))
        .rank("DIA", "Diamond", Requirement.personalVolume(pv), Requirement.legsWithRank(4, "SLV"))
        .rank("BDI", "Blue Diamond", Requirement.personalVolume(pv),
            Requirement.legsWithRank(5, "GLD"))
        .rank("PDI", "Presidential Diamond", Requirement.personalVolume(pv),
            Requirement.legsWithRank(6, "PLT"))
        .build();
  }

  /**
   * Young Living (before 2023). Volume type PV; OGV is group volume; PGV is personal group
   * volume, down to but not including the first Silver or higher in each leg. Every rank needs
   * 100 PV.
   *
   * <pre>
   * DST  Distributor   entry rank
   * STR  Star          100 PV,     500 OGV
   * SST  Senior Star   100 PV,   2,000 OGV
   * EXE  Executive     100 PV,   4,000 OGV,            2 legs of  1,000 OGV
   * SLV  Silver        100 PV,  10,000 OGV, 1,000 PGV, 2 legs of  4,000 OGV
   * GLD  Gold          100 PV,  35,000 OGV, 1,000 PGV, 3 legs of  6,000 OGV
   * PLT  Platinum      100 PV, 100,000 OGV, 1,000 PGV, 4 legs of  8,000 OGV
   * DIA  Diamond       100 PV, 250,000 OGV, 1,000 PGV, 5 legs of 15,000 OGV
   * </pre>
   *
   * <p><b>Choice</b>: the table lists 1,000 PGV only for Silver; Gold and above keep it, as Young
   * Living's own rank lists do (Diamond: "100 PV | 250,000 OGV | 1,000 PGV | 5 legs").
   *
   * <p><b>Choice</b>: the breakaway is a distributor paid as Silver or higher this month, and
   * they leave PGV with their whole downline, their own PV included ("down to, but not
   * including"). Some Young Living texts also take the qualifying legs out of PGV; the built-in
   * kind does not, and neither does this plan.
   *
   * <p><b>Choice</b>: a leg "of 4,000" is a leg whose OGV (the leg's whole group volume) is at
   * least 4,000.
   */
  public static CompPlan youngLiving() {
    BigDecimal pv = v(100);
    List<Rank> ranks = new ArrayList<>();
    ranks.add(Rank.of("DST", "Distributor"));
    ranks.add(Rank.of("STR", "Star", Requirement.personalVolume(pv),
        Requirement.groupVolume(v(500))));
    ranks.add(Rank.of("SST", "Senior Star", Requirement.personalVolume(pv),
        Requirement.groupVolume(v(2_000))));
    ranks.add(Rank.of("EXE", "Executive", Requirement.personalVolume(pv),
        Requirement.groupVolume(v(4_000)), Requirement.legsWithVolume(2, v(1_000))));
    ranks.add(youngLivingSilverAndUp("SLV", "Silver", 10_000, 2, 4_000));
    ranks.add(youngLivingSilverAndUp("GLD", "Gold", 35_000, 3, 6_000));
    ranks.add(youngLivingSilverAndUp("PLT", "Platinum", 100_000, 4, 8_000));
    ranks.add(youngLivingSilverAndUp("DIA", "Diamond", 250_000, 5, 15_000));
    return CompPlan.builder("Young Living (before 2023)")
        .version("DOMAIN.md table")
        .currency("USD")
        .zone(ZoneId.of("America/Denver"))
        .volumeTypes("PV")
        .distributorActivity(ActivityRule.minimumVolume(pv))
        .ranks(ranks)
        .build();
  }

  /** 100 PV, the rank's OGV, 1,000 PGV with Silver as breakaway, and legs of the rank's OGV. */
  private static Rank youngLivingSilverAndUp(String code, String name, long ogv, int legs,
      long legOgv) {
    return Rank.of(code, name, Requirement.personalVolume(v(100)), Requirement.groupVolume(v(ogv)),
        Requirement.personalGroupVolume(v(1_000), "SLV", false),
        Requirement.legsWithVolume(legs, v(legOgv)));
  }

  /**
   * Scentsy. Volume type WV, wholesale volume, in which group wholesale volume (GWV) is group
   * volume. Active front line: personally sponsored consultants who are active.
   *
   * <pre>
   * CON  Consultant               entry rank
   * LC   Lead Consultant          500 PRV (= 375 WV),  1,000 GWV, 1 active front line
   * STC  Star Consultant          500 PRV (= 375 WV),  2,500 GWV, 2 active front line
   * SSC  SuperStar Consultant     500 PRV (= 375 WV),  6,000 GWV, 3 active front line
   * DIR  Director                 500 PRV (= 375 WV), 10,000 GWV, 3 active front line
   * SDR  Star Director            500 PRV (= 375 WV), 30,000 GWV, 3 active front line,
   *                               2 legs with a Director
   * SSD  SuperStar Director       500 PRV (= 375 WV), 80,000 GWV, 3 active front line,
   *                               4 legs with a Director
   * </pre>
   *
   * <p><b>Choice</b>: Scentsy states the personal requirement in retail volume (PRV) and the
   * group in wholesale volume, which is 75% of retail. A plan here counts one volume type, so
   * both are in wholesale volume: 500 PRV = 375 WV. Orders carry WV.
   *
   * <p><b>Choice</b>: the table gives 500 PRV only for Lead Consultant; every rank above keeps it,
   * as Scentsy's own chart does. The table gives no front-line count for Director and up; they
   * keep SuperStar's 3, as that chart does.
   *
   * <p><b>Choice</b>: active means at least 150 WV (200 PRV) in the month. Scentsy's "front line"
   * also includes consultants rolled up to you by compression; only personally sponsored ones
   * count here.
   *
   * <p><b>Choice</b>: "2 first-generation Directors" is read as 2 legs each holding a Director or
   * higher (paid-as, this month) anywhere in the leg: the first Director met going down a leg is
   * first-generation. Two first-generation Directors side by side in one leg (under a
   * front-line consultant who is not a Director) count once under this reading.
   *
   * <p>Left out: the lifetime 1,000 PRV of Certified Consultant (a history gate) and Team
   * Wholesale Volume.
   */
  public static CompPlan scentsy() {
    BigDecimal prv500 = v(375);
    return CompPlan.builder("Scentsy")
        .version("DOMAIN.md table")
        .currency("USD")
        .zone(ZoneId.of("America/Boise"))
        .volumeTypes("WV")
        .distributorActivity(ActivityRule.minimumVolume(v(150)))
        .rank(Rank.of("CON", "Consultant"))
        .rank("LC", "Lead Consultant", Requirement.personalVolume(prv500),
            Requirement.groupVolume(v(1_000)), Requirement.activePersonalDistributors(1))
        .rank("STC", "Star Consultant", Requirement.personalVolume(prv500),
            Requirement.groupVolume(v(2_500)), Requirement.activePersonalDistributors(2))
        .rank("SSC", "SuperStar Consultant", Requirement.personalVolume(prv500),
            Requirement.groupVolume(v(6_000)), Requirement.activePersonalDistributors(3))
        .rank("DIR", "Director", Requirement.personalVolume(prv500),
            Requirement.groupVolume(v(10_000)), Requirement.activePersonalDistributors(3))
        .rank("SDR", "Star Director", Requirement.personalVolume(prv500),
            Requirement.groupVolume(v(30_000)), Requirement.activePersonalDistributors(3),
            Requirement.legsWithRank(2, "DIR"))
        .rank("SSD", "SuperStar Director", Requirement.personalVolume(prv500),
            Requirement.groupVolume(v(80_000)), Requirement.activePersonalDistributors(3),
            Requirement.legsWithRank(4, "DIR"))
        .build();
  }
}
