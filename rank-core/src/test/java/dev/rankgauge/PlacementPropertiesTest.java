package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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

/** Laws of the placement tree, on small generated binary organisations. */
class PlacementPropertiesTest {
  private static final Period NOVEMBER = Period.month(2026, 11);
  private static final Instant AS_OF = Instant.parse("2026-11-30T12:00:00Z");

  /**
   * A binary plan using every placement kind, with a rank for the side counts to read: STAR at
   * 100 PV, then side volume, sponsored on each side and stars in each side.
   */
  private static final CompPlan PLAN = CompPlan.builder("Binary laws")
      .placementTree(PlacementTree.binary())
      .distributorActivity(ActivityRule.minimumVolume(new BigDecimal("20")))
      .rank(Rank.of("MEM", "Member"))
      .rank(Rank.of("STAR", "Star", Requirement.personalVolume(new BigDecimal("100"))))
      .rank(Rank.of("EXE", "Executive", Requirement.sponsoredOnEachSide(1),
          Requirement.sideVolume(new BigDecimal("100"), new BigDecimal("200"))))
      .rank(Rank.of("DIR", "Director", Requirement.sponsoredOnEachSide(1, "STAR"),
          Requirement.rankOnEachSide(1, "STAR")))
      .rank(Rank.of("PRE", "Presidential", Requirement.rankOnEachSide(2, "EXE"),
          Requirement.sideVolume(new BigDecimal("400"), new BigDecimal("400"))))
      .build();

  /** One generated organisation: rows in the order given. */
  record Binary(List<Distributor> distributors, List<Placement> placements,
      List<Order> orders) {
    Organisation organisation() {
      return Organisation.builder().addDistributors(distributors).addOrders(orders)
          .addPlacements(placements).build();
    }

    Binary shuffled(Random random) {
      List<Distributor> d = new ArrayList<>(distributors);
      List<Placement> p = new ArrayList<>(placements);
      List<Order> o = new ArrayList<>(orders);
      Collections.shuffle(d, random);
      Collections.shuffle(p, random);
      Collections.shuffle(o, random);
      return new Binary(d, p, o);
    }
  }

  @Provide
  Arbitrary<Binary> binaries() {
    return Combinators.combine(Arbitraries.integers().between(1, 40),
        Arbitraries.randoms()).as((n, random) -> {
          List<Distributor> ds = new ArrayList<>();
          List<Placement> ps = new ArrayList<>();
          List<Order> os = new ArrayList<>();
          int[] filled = new int[n];
          for (int i = 0; i < n; i++) {
            String id = "D" + i;
            String sponsor = i == 0 ? null : "D" + random.nextInt(i);
            ds.add(Distributor.of(id, sponsor, LocalDate.of(2026, 1, 1), id, ""));
            // Placed under anyone earlier with a free side, or left as a root now and then.
            if (i > 0 && random.nextInt(10) > 0) {
              int parent = random.nextInt(i);
              for (int k = 0; k < i && filled[parent] == 3; k++) {
                parent = (parent + 1) % i;
              }
              if (filled[parent] != 3) {
                int side = filled[parent] == 1 ? Placement.RIGHT : filled[parent] == 2
                    ? Placement.LEFT : 1 + random.nextInt(2);
                filled[parent] |= side;
                ps.add(Placement.of(id, "D" + parent, side));
              }
            }
            int pv = random.nextInt(4) * 50;
            if (pv > 0) {
              os.add(Order.byDistributor("O" + i, id, Instant.parse("2026-11-10T12:00:00Z"),
                  BigDecimal.valueOf(pv)));
            }
          }
          return new Binary(ds, ps, os);
        });
  }

  @Property(tries = 200)
  void theTwoSidesSumToThePlacementSubtreeLessTheDistributorsOwn(
      @ForAll("binaries") Binary binary) {
    Organisation org = binary.organisation();
    Evaluation e = RankGauge.evaluate(org, PLAN, NOVEMBER, AS_OF);
    Computation c = e.computation();
    long[] volume = c.placementVolume;
    Placements t = c.placements;
    // The reference: each distributor's volume added to every placement ancestor, walking up
    // the placements as given.
    Map<String, String> up = new HashMap<>();
    binary.placements().forEach(p -> up.put(p.distributorId(), p.parentId()));
    Map<String, Long> subtree = new HashMap<>();
    for (Distributor d : binary.distributors()) {
      long own = c.personalVolume[org.indexOf(d.id())];
      for (String a = d.id(); a != null; a = up.get(a)) {
        subtree.merge(a, own, Long::sum);
      }
    }
    boolean bothSides = false;
    for (Distributor d : binary.distributors()) {
      int v = org.indexOf(d.id());
      int l = t.child(v, Placement.LEFT);
      int r = t.child(v, Placement.RIGHT);
      long left = l < 0 ? 0 : volume[l];
      long right = r < 0 ? 0 : volume[r];
      assertThat(left + right).as("left and right of %s", d.id())
          .isEqualTo(subtree.get(d.id()) - c.personalVolume[v]);
      bothSides |= l >= 0 && r >= 0;
    }
    Statistics.label("someone with two sides").collect(bothSides)
        .coverage(k -> k.check(true).percentage(p -> p >= 50));
  }

  @Property(tries = 200)
  void resultsDoNotDependOnTheOrderOfTheRowsPlacementsIncluded(
      @ForAll("binaries") Binary binary, @ForAll Random random) {
    Evaluation original = RankGauge.evaluate(binary.organisation(), PLAN, NOVEMBER, AS_OF);
    Evaluation shuffled = RankGauge.evaluate(binary.shuffled(random).organisation(), PLAN,
        NOVEMBER, AS_OF);
    boolean aboveStar = false;
    for (Distributor d : binary.distributors()) {
      assertThat(shuffled.paidAs(d.id())).as("paid-as of %s", d.id())
          .isEqualTo(original.paidAs(d.id()));
      assertThat(shuffled.trace(d.id())).as("trace of %s", d.id())
          .isEqualTo(original.trace(d.id()));
      aboveStar |= PLAN.rankLevel(original.paidAs(d.id()).code()) > 1;
    }
    Statistics.label("a rank above Star").collect(aboveStar)
        .coverage(k -> k.check(true).percentage(p -> p >= 20));
  }

  @Property(tries = 200)
  void sideCountsMatchACountOfEachSideByWalkingUp(@ForAll("binaries") Binary binary) {
    Organisation org = binary.organisation();
    Evaluation e = RankGauge.evaluate(org, PLAN, NOVEMBER, AS_OF);
    Map<String, String> up = new HashMap<>();
    Map<String, Integer> side = new HashMap<>();
    binary.placements().forEach(p -> {
      up.put(p.distributorId(), p.parentId());
      side.put(p.distributorId(), p.position());
    });
    // Stars in each side of every distributor, counted by walking up from each Star.
    Map<String, int[]> stars = new HashMap<>();
    for (Distributor d : binary.distributors()) {
      if (PLAN.rankLevel(e.paidAs(d.id()).code()) < 1) {
        continue;
      }
      for (String a = d.id(); up.get(a) != null; a = up.get(a)) {
        stars.computeIfAbsent(up.get(a), k -> new int[3])[side.get(a)]++;
      }
    }
    for (Distributor d : binary.distributors()) {
      int[] s = stars.getOrDefault(d.id(), new int[3]);
      RequirementStatus st = e.trace(d.id()).ranks().stream()
          .filter(k -> k.rank().code().equals("DIR")).findFirst().orElseThrow().requirements()
          .get(1);
      assertThat(st.note().orElseThrow().text()).as("stars on each side of %s", d.id())
          .isEqualTo("left " + s[1] + ", right " + s[2]);
    }
  }

  /** The same ladder twice: legs of the sponsor tree, and sides of the placement tree. */
  private static CompPlan twoWays(boolean placement) {
    BigDecimal leg = new BigDecimal("150");
    CompPlan.Builder b = CompPlan.builder(placement ? "On the placement tree" : "On legs")
        .placementTree(PlacementTree.binary())
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("STAR", "Star", Requirement.personalVolume(new BigDecimal("100"))));
    if (placement) {
      b.rank(Rank.of("EXE", "Executive", Requirement.sideVolume(leg, leg)))
          .rank(Rank.of("DIR", "Director", Requirement.rankOnEachSide(1, "STAR")))
          .rank(Rank.of("PRE", "Presidential", Requirement.rankOnEachSide(1, "EXE")));
    } else {
      b.rank(Rank.of("EXE", "Executive", Requirement.legsWithVolume(2, leg)))
          .rank(Rank.of("DIR", "Director", Requirement.legsWithRank(2, "STAR")))
          .rank(Rank.of("PRE", "Presidential", Requirement.legsWithRank(2, "EXE")));
    }
    return b.build();
  }

  @Provide
  Arbitrary<Binary> placementIsSponsorship() {
    return Combinators.combine(Arbitraries.integers().between(1, 40),
        Arbitraries.randoms()).as((n, random) -> {
          List<Distributor> ds = new ArrayList<>();
          List<Placement> ps = new ArrayList<>();
          List<Order> os = new ArrayList<>();
          int[] sponsored = new int[n];
          for (int i = 0; i < n; i++) {
            String id = "D" + i;
            int sponsor = -1;
            if (i > 0) {
              sponsor = random.nextInt(i);
              for (int k = 0; k < i && sponsored[sponsor] == 2; k++) {
                sponsor = (sponsor + 1) % i;
              }
            }
            if (sponsor >= 0 && sponsored[sponsor] == 2) {
              sponsor = -1; // everyone earlier has two: a new root
            }
            ds.add(Distributor.of(id, sponsor < 0 ? null : "D" + sponsor,
                LocalDate.of(2026, 1, 1), id, ""));
            if (sponsor >= 0) {
              ps.add(Placement.of(id, "D" + sponsor, ++sponsored[sponsor]));
            }
            int pv = random.nextInt(4) * 50;
            if (pv > 0) {
              os.add(Order.byDistributor("O" + i, id, Instant.parse("2026-11-10T12:00:00Z"),
                  BigDecimal.valueOf(pv)));
            }
          }
          return new Binary(ds, ps, os);
        });
  }

  @Property(tries = 200)
  void whereThePlacementIsTheSponsorshipSidesAndLegsGiveTheSameRanks(
      @ForAll("placementIsSponsorship") Binary binary) {
    Organisation org = binary.organisation();
    Evaluation legs = RankGauge.evaluate(org, twoWays(false), NOVEMBER, AS_OF);
    Evaluation sides = RankGauge.evaluate(org, twoWays(true), NOVEMBER, AS_OF);
    int highest = 0;
    for (Distributor d : binary.distributors()) {
      assertThat(sides.paidAs(d.id()).code()).as("paid-as of %s", d.id())
          .isEqualTo(legs.paidAs(d.id()).code());
      highest = Math.max(highest, legs.plan().rankLevel(legs.paidAs(d.id()).code()));
    }
    Statistics.label("highest rank").collect(highest >= 2 ? "Executive or higher" : "lower")
        .coverage(k -> k.check("Executive or higher").percentage(p -> p >= 30));
  }

  /**
   * The structural kinds that choose their tree, every option, on the tree given: Star at 100 PV;
   * Executive on leg volumes, levels and downline volume of two levels; Director on legs with a
   * Star and compressed levels; Presidential on a front-line Executive, Stars within two levels,
   * leg slots and the whole downline's volume.
   */
  static CompPlan legsAndLevels(Requirement.Tree tree, PlacementTree placement) {
    return CompPlan.builder("Legs and levels on the " + tree + " tree")
        .placementTree(placement)
        .distributorActivity(ActivityRule.minimumVolume(new BigDecimal("50")))
        .rank(Rank.of("MEM", "Member"))
        .rank(Rank.of("STAR", "Star", Requirement.personalVolume(new BigDecimal("100"))))
        .rank(Rank.of("EXE", "Executive",
            Requirement.legsWithVolume(2, new BigDecimal("150")).onTree(tree),
            Requirement.levelGroupVolume(new BigDecimal("300"), 2, false).onTree(tree),
            Requirement.downlineVolume(new BigDecimal("150")).withinLevels(2).onTree(tree)))
        .rank(Rank.of("DIR", "Director", Requirement.legsWithRank(2, "STAR").onTree(tree),
            Requirement.levelGroupVolume(new BigDecimal("400"), 2, true).onTree(tree)))
        .rank(Rank.of("PRE", "Presidential",
            Requirement.legsWithRank(1, "EXE").frontLine().onTree(tree),
            Requirement.legsWithRank(2, "STAR").withinLevels(2).onTree(tree),
            Requirement.legsWithVolumes(List.of(new BigDecimal("300"), new BigDecimal("100")))
                .onTree(tree),
            Requirement.downlineVolume(new BigDecimal("250")).onTree(tree)))
        .build();
  }

  /** An organisation and the width of the matrix it is placed in. */
  record Matrix(int width, Binary rows) {}

  /** Everyone placed under their sponsor, at a free slot of a matrix of 2 to 4. */
  @Provide
  Arbitrary<Matrix> placedAsSponsored() {
    return Combinators.combine(Arbitraries.integers().between(1, 40),
        Arbitraries.integers().between(2, 4), Arbitraries.randoms()).as((n, width, random) -> {
          List<Distributor> ds = new ArrayList<>();
          List<Placement> ps = new ArrayList<>();
          List<Order> os = new ArrayList<>();
          List<List<Integer>> free = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            String id = "D" + i;
            int sponsor = -1;
            if (i > 0) {
              sponsor = random.nextInt(i);
              for (int k = 0; k < i && free.get(sponsor).isEmpty(); k++) {
                sponsor = (sponsor + 1) % i;
              }
              if (free.get(sponsor).isEmpty()) {
                sponsor = -1; // every slot of everyone earlier is taken: a new root
              }
            }
            ds.add(Distributor.of(id, sponsor < 0 ? null : "D" + sponsor,
                LocalDate.of(2026, 1, 1), id, ""));
            if (sponsor >= 0) {
              List<Integer> slots = free.get(sponsor);
              ps.add(Placement.of(id, "D" + sponsor, slots.remove(random.nextInt(slots.size()))));
            }
            List<Integer> mine = new ArrayList<>();
            for (int s = 1; s <= width; s++) {
              mine.add(s);
            }
            free.add(mine);
            int pv = random.nextInt(5) * 40;
            if (pv > 0) {
              os.add(Order.byDistributor("O" + i, id, Instant.parse("2026-11-10T12:00:00Z"),
                  BigDecimal.valueOf(pv)));
            }
          }
          return new Matrix(width, new Binary(ds, ps, os));
        });
  }

  @Property(tries = 200)
  void whereThePlacementIsTheSponsorshipLegsAndLevelsOfEitherTreeGiveTheSameRanks(
      @ForAll("placedAsSponsored") Matrix matrix) {
    Organisation org = matrix.rows().organisation();
    PlacementTree width = matrix.width() == 2 ? PlacementTree.binary()
        : PlacementTree.matrix(matrix.width());
    Evaluation sponsor = RankGauge.evaluate(org,
        legsAndLevels(Requirement.Tree.SPONSOR, width), NOVEMBER, AS_OF);
    Evaluation placement = RankGauge.evaluate(org,
        legsAndLevels(Requirement.Tree.PLACEMENT, width), NOVEMBER, AS_OF);
    int highest = 0;
    for (Distributor d : matrix.rows().distributors()) {
      assertThat(placement.paidAs(d.id()).code()).as("paid-as of %s", d.id())
          .isEqualTo(sponsor.paidAs(d.id()).code());
      List<Trace.RankCheck> a = sponsor.trace(d.id()).ranks();
      List<Trace.RankCheck> b = placement.trace(d.id()).ranks();
      for (int r = 0; r < a.size(); r++) {
        for (int q = 0; q < a.get(r).requirements().size(); q++) {
          RequirementStatus x = a.get(r).requirements().get(q);
          RequirementStatus y = b.get(r).requirements().get(q);
          assertThat(List.of(y.met(), y.actual(), y.remaining(), y.note().map(Phrase::text)))
              .as("%s of %s", y.description(), d.id())
              .isEqualTo(List.of(x.met(), x.actual(), x.remaining(), x.note().map(Phrase::text)));
        }
      }
      highest = Math.max(highest, sponsor.plan().rankLevel(sponsor.paidAs(d.id()).code()));
    }
    Statistics.label("highest rank").collect(highest >= 3 ? "Director or higher" : "lower")
        .coverage(k -> k.check("Director or higher").percentage(p -> p >= 20));
  }

  @Property(tries = 200)
  void legsAndLevelsOfThePlacementTreeDoNotDependOnTheOrderOfTheRows(
      @ForAll("binaries") Binary binary, @ForAll Random random) {
    CompPlan plan = legsAndLevels(Requirement.Tree.PLACEMENT, PlacementTree.binary());
    Evaluation original = RankGauge.evaluate(binary.organisation(), plan, NOVEMBER, AS_OF);
    Evaluation shuffled = RankGauge.evaluate(binary.shuffled(random).organisation(), plan,
        NOVEMBER, AS_OF);
    boolean aboveStar = false;
    for (Distributor d : binary.distributors()) {
      assertThat(shuffled.paidAs(d.id())).as("paid-as of %s", d.id())
          .isEqualTo(original.paidAs(d.id()));
      assertThat(shuffled.trace(d.id())).as("trace of %s", d.id())
          .isEqualTo(original.trace(d.id()));
      aboveStar |= plan.rankLevel(original.paidAs(d.id()).code()) > 1;
    }
    Statistics.label("a rank above Star").collect(aboveStar)
        .coverage(k -> k.check(true).percentage(p -> p >= 20));
  }

  @Property(tries = 200)
  void legsAndLevelsOfThePlacementTreeMatchACountByWalkingUpThePlacements(
      @ForAll("binaries") Binary binary) {
    CompPlan plan = legsAndLevels(Requirement.Tree.PLACEMENT, PlacementTree.binary());
    Organisation org = binary.organisation();
    Evaluation e = RankGauge.evaluate(org, plan, NOVEMBER, AS_OF);
    Computation c = e.computation();
    Map<String, String> up = new HashMap<>();
    binary.placements().forEach(p -> up.put(p.distributorId(), p.parentId()));
    // Volume of the first two placement levels, and the placement legs holding a Star, each
    // counted by walking up from every distributor.
    Map<String, Long> twoLevels = new HashMap<>();
    Map<String, java.util.Set<String>> starLegs = new HashMap<>();
    for (Distributor d : binary.distributors()) {
      long own = c.personalVolume[org.indexOf(d.id())];
      twoLevels.merge(d.id(), own, Long::sum);
      String a = up.get(d.id());
      for (int level = 1; a != null && level <= 2; level++, a = up.get(a)) {
        twoLevels.merge(a, own, Long::sum);
      }
      if (plan.rankLevel(e.paidAs(d.id()).code()) >= 1) {
        for (String leg = d.id(); up.get(leg) != null; leg = up.get(leg)) {
          starLegs.computeIfAbsent(up.get(leg), k -> new java.util.TreeSet<>()).add(leg);
        }
      }
    }
    boolean twoStarLegs = false;
    for (Distributor d : binary.distributors()) {
      Trace t = e.trace(d.id());
      RequirementStatus levels = t.ranks().get(1).requirements().get(1);
      assertThat(levels.actual()).as("two placement levels of %s", d.id())
          .isEqualByComparingTo(c.units.decimal(twoLevels.get(d.id())));
      RequirementStatus legs = t.ranks().get(2).requirements().get(0);
      int count = starLegs.getOrDefault(d.id(), java.util.Set.of()).size();
      assertThat(legs.actual()).as("placement legs with a Star of %s", d.id())
          .isEqualByComparingTo(BigDecimal.valueOf(count));
      twoStarLegs |= count == 2;
    }
    Statistics.label("someone with a Star on both sides").collect(twoStarLegs)
        .coverage(k -> k.check(true).percentage(p -> p >= 20));
  }
}
