package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Laws of bounds on a figure, on small generated organisations with returns. */
class RangePropertiesTest {
  private static final Period NOVEMBER = Period.month(2026, 11);
  private static final Instant MID = Instant.parse("2026-11-10T12:00:00Z");

  /** Rows of an organisation; sponsors come first. */
  record Rows(List<Distributor> distributors, List<Order> orders) {
    Organisation organisation() {
      return Organisation.builder().addDistributors(distributors).addOrders(orders).build();
    }
  }

  @Provide
  Arbitrary<Rows> organisations() {
    return Combinators.combine(Arbitraries.integers().between(1, 30), Arbitraries.randoms())
        .as((n, random) -> {
          List<Distributor> ds = new ArrayList<>();
          List<Order> os = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            String id = "D" + i;
            ds.add(Distributor.of(id, i == 0 ? null : "D" + random.nextInt(i),
                LocalDate.of(2026, 11, 30).minusDays(random.nextInt(120)), id, ""));
            int pv = random.nextInt(5) * 50;
            if (pv > 0) {
              os.add(Order.byDistributor("O" + i, id, MID, BigDecimal.valueOf(pv)));
            }
            if (random.nextInt(5) == 0) {
              os.add(new Order("R" + i, BuyerType.DISTRIBUTOR, id, MID, OrderStatus.RETURNED,
                  Map.of("PV", BigDecimal.valueOf(100)), BigDecimal.ZERO));
            }
          }
          return new Rows(ds, os);
        });
  }

  @Provide
  Arbitrary<Requirement.Figure> figures() {
    return Arbitraries.of(Requirement.Figure.class);
  }

  /** Two bounds for a figure, the first not above the second. */
  private static BigDecimal[] bounds(Requirement.Figure of, Random random) {
    int a;
    int b;
    if (of.isVolume()) {
      a = random.nextInt(800) - 200;
      b = random.nextInt(800) - 200;
    } else if (of == Requirement.Figure.LARGEST_LEG_PERCENT) {
      a = random.nextInt(101);
      b = random.nextInt(101);
    } else {
      a = random.nextInt(of == Requirement.Figure.DAYS_SINCE_JOINED ? 120 : 4);
      b = random.nextInt(of == Requirement.Figure.DAYS_SINCE_JOINED ? 120 : 4);
    }
    return new BigDecimal[] {BigDecimal.valueOf(Math.min(a, b)), BigDecimal.valueOf(Math.max(a, b))};
  }

  @Property(tries = 300)
  void betweenIsAtLeastAndAtMost(@ForAll("organisations") Rows rows,
      @ForAll("figures") Requirement.Figure of, @ForAll Random random) {
    BigDecimal[] b = bounds(of, random);
    CompPlan plan = CompPlan.builder("Bounds").rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("LO", "Least", Requirement.atLeast(of, b[0])))
        .rank(Rank.of("HI", "Most", Requirement.atMost(of, b[1])))
        .rank(Rank.of("IN", "Between", Requirement.between(of, b[0], b[1])))
        .build();
    Evaluation e = RankGauge.evaluate(rows.organisation(), plan, NOVEMBER);
    boolean someInside = false;
    boolean someOutside = false;
    for (Distributor d : rows.distributors()) {
      List<Trace.RankCheck> ranks = e.trace(d.id()).ranks();
      boolean least = ranks.get(0).met();
      boolean most = ranks.get(1).met();
      RequirementStatus between = ranks.get(2).requirements().get(0);
      assertThat(between.met()).as("%s between %s and %s for %s", of, b[0], b[1], d.id())
          .isEqualTo(least && most);
      // Whatever the side it misses, the gap is the distance to the bound it misses.
      if (!between.met()) {
        BigDecimal gap = least ? between.actual().subtract(b[1]) : b[0].subtract(between.actual());
        assertThat(between.remaining()).as("gap of %s", d.id()).isEqualByComparingTo(gap);
        assertThat(between.percentComplete()).isLessThan(BigDecimal.valueOf(100));
      } else {
        assertThat(between.remaining()).isZero();
      }
      someInside |= between.met();
      someOutside |= !between.met();
    }
    Statistics.label("inside and outside").collect(someInside && someOutside)
        .coverage(k -> k.check(true).percentage(p -> p >= 20));
  }

  @Property(tries = 200)
  void downlineVolumeIsGroupVolumeLessOwnAndAllLevelsAreTheWholeDownline(
      @ForAll("organisations") Rows rows) {
    CompPlan plan = CompPlan.builder("Downline").rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("A", "Whole", Requirement.downlineVolume(BigDecimal.ZERO)))
        .rank(Rank.of("B", "Levels", Requirement.downlineVolume(BigDecimal.ZERO)
            .withinLevels(100)))
        .rank(Rank.of("C", "Largest leg", Requirement.atMost(
            Requirement.Figure.LARGEST_LEG_PERCENT, new BigDecimal("100"))))
        .build();
    Organisation org = rows.organisation();
    Evaluation e = RankGauge.evaluate(org, plan, NOVEMBER);
    Map<String, String> up = new HashMap<>();
    rows.distributors().forEach(d -> up.put(d.id(), d.sponsorId().orElse(null)));
    boolean someLeg = false;
    for (Distributor d : rows.distributors()) {
      DistributorResult r = e.result(d.id());
      BigDecimal group = r.gauge(Metric.GROUP_SALES).value();
      BigDecimal own = r.gauge(Metric.PERSONAL_SALES).value();
      List<Trace.RankCheck> ranks = e.trace(d.id()).ranks();
      assertThat(ranks.get(0).requirements().get(0).actual()).as("downline of %s", d.id())
          .isEqualByComparingTo(group.subtract(own));
      assertThat(ranks.get(1).requirements().get(0).actual()).as("100 levels of %s", d.id())
          .isEqualByComparingTo(group.subtract(own));
      // The largest leg, by the group volumes of the distributors sponsored.
      BigDecimal largest = null;
      for (Distributor c : rows.distributors()) {
        if (d.id().equals(up.get(c.id()))) {
          BigDecimal g = e.result(c.id()).gauge(Metric.GROUP_SALES).value();
          largest = largest == null || g.compareTo(largest) > 0 ? g : largest;
        }
      }
      BigDecimal share = largest == null || largest.signum() <= 0 || group.signum() <= 0
          ? BigDecimal.ZERO : largest.multiply(BigDecimal.valueOf(100))
              .divide(group, 2, java.math.RoundingMode.DOWN);
      assertThat(ranks.get(2).requirements().get(0).actual()).as("largest leg of %s", d.id())
          .isEqualByComparingTo(share);
      someLeg |= share.signum() > 0;
    }
    Statistics.label("someone with a leg").collect(someLeg)
        .coverage(k -> k.check(true).percentage(p -> p >= 50));
  }
}
