package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.pv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Joins and moves applied in place, under a plan whose ranks read the downline (legs within two
 * levels, level volume, active legs, capped legs): after each event the live snapshot is a whole
 * evaluation of the same rows, distributor by distributor.
 */
class LiveStructureTest {
  private static final BigDecimal V = pv("60");
  private static final CompPlan PLAN = plan().build();

  private static CompPlan.Builder plan() {
    return Fixtures.plan()
      .rank(Fixtures.entry())
      .rank(Rank.of("T1", "One", Requirement.personalVolume(pv("40")), Requirement.activeLegs(1)))
      .rank(Rank.of("T2", "Two", Requirement.groupVolume(pv("150")),
          Requirement.legsWithRank(1, "T1").withinLevels(2),
          Requirement.cappedGroupVolume(pv("120"), V, true),
          Requirement.levelGroupVolume(V, 2, true)))
      .rank(Rank.of("T3", "Three", Requirement.legsWithRank(2, "T2"),
          Requirement.activePersonalCustomers(1)));
  }

  /** The rows a host keeps, changed as the events say. */
  private final List<Distributor> distributors = new ArrayList<>();
  private final List<Customer> customers = new ArrayList<>();
  private final List<Order> orders = new ArrayList<>();
  private final List<Placement> placements = new ArrayList<>();
  private Instant asOf = nov(20);
  private CompPlan plan = PLAN;
  private History history = History.empty();

  private void distributor(String id, String sponsor) {
    distributors.add(Distributor.of(id, sponsor, JOINED, "Name of " + id, id + "@example.com"));
  }

  /** An order in the rows the live evaluation starts from. */
  private void order(String buyer, int day, String volume) {
    orders.add(new Order("O" + orders.size(), BuyerType.DISTRIBUTOR, buyer, nov(day),
        OrderStatus.PAID, Map.of("PV", pv(volume)), pv(volume)));
  }

  private LiveEvaluation start() {
    return LiveEvaluation.start(history.isEmpty() ? RankGauge.evaluate(build(), plan, NOVEMBER,
        asOf) : RankGauge.evaluate(build(), plan, NOVEMBER, asOf, history));
  }

  private Organisation build() {
    return Organisation.builder().addDistributors(distributors).addPlacements(placements)
        .addCustomers(customers).addOrders(orders).build();
  }

  private void apply(LiveEvaluation live, LiveEvent event) {
    live.apply(event);
    if (event instanceof LiveEvent.SponsorChanged m) {
      int at = distributors.indexOf(distributors.stream()
          .filter(d -> d.id().equals(m.distributorId())).findFirst().orElseThrow());
      Distributor d = distributors.get(at);
      distributors.set(at, new Distributor(d.id(), Optional.of(m.sponsorId()), d.joinDate(),
          d.name(), d.email(), d.phone()));
    } else if (event instanceof LiveEvent.DistributorJoined j) {
      distributors.add(j.distributor());
    } else if (event instanceof LiveEvent.CustomerJoined j) {
      customers.add(j.customer());
    } else if (event instanceof LiveEvent.CustomerMoved m) {
      customers.replaceAll(c -> c.id().equals(m.customerId()) ? new Customer(c.id(),
          m.distributorId(), c.name(), c.email(), c.phone()) : c);
    } else if (event instanceof LiveEvent.OrderPlaced o) {
      orders.add(o.order());
    } else if (event instanceof LiveEvent.TimePassed t) {
      asOf = t.asOf();
    }
    sameAsWhole(live.snapshot());
  }

  private void sameAsWhole(Evaluation live) {
    Evaluation whole = history.isEmpty() ? RankGauge.evaluate(build(), plan, NOVEMBER, asOf)
        : RankGauge.evaluate(build(), plan, NOVEMBER, asOf, history);
    assertThat(live.paidAsCounts()).isEqualTo(whole.paidAsCounts());
    for (Distributor d : distributors) {
      assertThat(live.result(d.id())).as("result of %s", d.id()).isEqualTo(whole.result(d.id()));
      assertThat(live.trace(d.id())).as("trace of %s", d.id()).isEqualTo(whole.trace(d.id()));
    }
    assertThat(live.organisation().distributors()).isEqualTo(distributors);
    // the table's rows name each distributor and their sponsor, those who joined live too
    ResultTable table = live.table();
    for (Distributor d : distributors) {
      int row = table.row(d.id());
      assertThat(table.name(row)).as("name of %s", d.id()).isEqualTo(d.name());
      assertThat(table.sponsorId(row)).as("sponsor of %s", d.id()).isEqualTo(d.sponsorId());
    }
    // and so do the rows gathered at once for a bulk writer, whose texts come from two places
    BulkResultsPropertiesTest.gatheredAsTheTableSays(table, 0, table.size());
  }

  /**
   * Two branches under A: B's subtree of 1,000 (B1 to B1000, each sponsoring the next two, all
   * buying) moves under the last of C's 500, so that its new sponsor comes after it in tree order.
   */
  @Test
  void aBigSubtreeMovesUnderTheOtherBranchAndEveryFigureIsAWholeEvaluations() {
    bigSubtreeMoves();
  }

  /** The same with the four gauge thresholds only: group volume moves along the two lines. */
  @Test
  void aBigSubtreeMovesUnderTheFourGaugesOnly() {
    plan = Fixtures.ladder().build();
    bigSubtreeMoves();
    assertThat(plan.ranks()).extracting(Rank::code).contains("GLD");
  }

  private void bigSubtreeMoves() {
    distributor("A", null);
    distributor("B1", "A");
    distributor("C1", "A");
    for (int i = 2; i <= 1_000; i++) {
      distributor("B" + i, "B" + (i / 2));
      order("B" + i, 1 + i % 27, String.valueOf(20 + i % 50));
    }
    for (int i = 2; i <= 500; i++) {
      distributor("C" + i, "C" + (i - 1));
      order("C" + i, 1 + i % 27, "45");
    }
    LiveEvaluation live = start();
    Evaluation before = live.snapshot();

    apply(live, new LiveEvent.SponsorChanged("B1", "C500"));
    assertThat(live.snapshot().gauge("C500", Metric.GROUP_SALES).value())
        .isEqualByComparingTo(before.gauge("B1", Metric.GROUP_SALES).value().add(pv("45")));
    // a whole pass over the moved tree (time passing) still folds every sponsor after their line
    apply(live, new LiveEvent.TimePassed(nov(22)));
    apply(live, new LiveEvent.SponsorChanged("B3", "A"));
    apply(live, placed("B1000", 24, "100"));
    apply(live, new LiveEvent.CustomerJoined(Customer.of("K1", "B1000", "Kay", "k@example.com")));
    apply(live, new LiveEvent.OrderPlaced(new Order("K1-1", BuyerType.CUSTOMER, "K1", nov(21),
        OrderStatus.PAID, Map.of("PV", pv("300")), pv("300"))));
    apply(live, new LiveEvent.CustomerMoved("K1", "C2"));
    sameAsWhole(live.snapshot());
  }

  /** A line 3,000 deep; a branch of 600 from its top moves to its bottom, then back up. */
  @Test
  void aBranchMovesUnderADeepLineAndBack() {
    int depth = 3_000;
    distributor("L0", null);
    for (int i = 1; i < depth; i++) {
      distributor("L" + i, "L" + (i - 1));
    }
    order("L" + (depth - 1), 3, "50");
    distributor("X0", "L0");
    for (int i = 1; i < 600; i++) {
      distributor("X" + i, "X" + (i - 1) / 3);
      order("X" + i, 5, "41");
    }
    LiveEvaluation live = start();
    apply(live, new LiveEvent.SponsorChanged("X0", "L" + (depth - 1)));
    assertThat(live.snapshot().result("L" + (depth - 1)).paidAs().code()).isEqualTo("T2");
    apply(live, new LiveEvent.SponsorChanged("X0", "L1"));
  }

  @Test
  void aJoinUnderAJustJoinedDistributorAndTheirFirstOrders() {
    distributor("A", null);
    distributor("B", "A");
    order("B", 2, "50");
    LiveEvaluation live = start();
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("N1", "B", JOINED, "New one",
        "n1@example.com")));
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("N2", "N1", JOINED, "New two",
        "n2@example.com")));
    apply(live, placed("N2", 10, "70"));
    apply(live, new LiveEvent.CustomerJoined(Customer.of("K1", "N2", "Kay", "k@example.com")));
    apply(live, new LiveEvent.OrderPlaced(new Order("K1-1", BuyerType.CUSTOMER, "K1", nov(11),
        OrderStatus.PAID, Map.of("PV", pv("30")), pv("30"))));
    apply(live, new LiveEvent.SponsorChanged("N1", "A"));
    assertThat(live.snapshot().gauge("A", Metric.GROUP_SALES).value())
        .isEqualByComparingTo("150");
  }

  /**
   * Seventy distributors join one under the other (every tenth under A instead), then seventy
   * customers (every other one A's), each past the room a live copy makes for joins at once (64
   * more of each): after every join the snapshot is a whole evaluation of the same rows, and the
   * last one's order reaches the top.
   */
  @Test
  void seventyJoinsOfEachKindGoPastTheRoomMadeForThem() {
    distributor("A", null);
    order("A", 2, "50");
    LiveEvaluation live = start();
    String sponsor = "A";
    for (int i = 1; i <= 70; i++) {
      String id = "N" + i;
      apply(live, new LiveEvent.DistributorJoined(Distributor.of(id, i % 10 == 0 ? "A" : sponsor,
          JOINED, "Name of " + id, id + "@example.com")));
      sponsor = id;
    }
    for (int i = 1; i <= 70; i++) {
      apply(live, new LiveEvent.CustomerJoined(Customer.of("K" + i, i % 2 == 0 ? "A" : "N" + i,
          "Kay " + i, "k" + i + "@example.com")));
    }
    apply(live, placed("N70", 10, "45"));
    apply(live, new LiveEvent.OrderPlaced(new Order("K69-1", BuyerType.CUSTOMER, "K69", nov(11),
        OrderStatus.PAID, Map.of("PV", pv("5")), pv("5"))));
    assertThat(live.snapshot().gauge("A", Metric.GROUP_SALES).value())
        .isEqualByComparingTo("100");
    assertThat(live.snapshot().organisation().customers()).hasSize(70);
    // N20 leaves A, the first distributor, for N15, with N25's order in his line
    apply(live, placed("N25", 9, "30"));
    apply(live, new LiveEvent.SponsorChanged("N20", "N15"));
    assertThat(live.snapshot().gauge("N15", Metric.GROUP_SALES).value())
        .isEqualByComparingTo("30");
  }

  /**
   * A balanced rank asks at most 70% of the downline in the largest leg and at least 300 PV of
   * downline volume. A has legs B (300) and C (100): 75% in B. D joins under C (the first join
   * makes a copy of the state, every rule's figures with it) and buys 50, B buys 10 more: each
   * step a whole evaluation's figures.
   */
  @Test
  void rangesFollowJoinsAndOrders() {
    plan = Fixtures.plan()
        .rank(Fixtures.entry())
        .rank(Rank.of("BAL", "Balanced",
            Requirement.atMost(Requirement.Figure.LARGEST_LEG_PERCENT, new BigDecimal("70")),
            Requirement.atLeast(Requirement.Figure.DOWNLINE_VOLUME, pv("300"))))
        .build();
    distributor("A", null);
    distributor("B", "A");
    distributor("C", "A");
    order("B", 2, "300");
    order("C", 2, "100");
    LiveEvaluation live = start();
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("MBR");
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("D", "C", JOINED, "Name of D",
        "d@example.com")));
    apply(live, placed("D", 5, "50"));
    // 300 of 450: 66.67% in B
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("BAL");
    apply(live, placed("B", 6, "60"));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("MBR");
  }

  /**
   * Legs counted by title: a Two needs two legs with a One's title anywhere in them. B (60 PV)
   * is a One in A's first leg; C joins as A's second leg (the first join copies every rule's
   * figures), C2 joins under C and buys 45: A is a Two.
   */
  @Test
  void legsWithATitleAnywhereFollowJoins() {
    plan = Fixtures.plan()
        .rank(Fixtures.entry())
        .rank(Rank.of("T1", "One", Requirement.personalVolume(pv("40"))))
        .rank(Rank.of("T2", "Two", Requirement.legsWithRank(2, "T1").byTitle()))
        .build();
    distributor("A", null);
    distributor("B", "A");
    order("B", 2, "60");
    LiveEvaluation live = start();
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("C", "A", JOINED, "Name of C",
        "c@example.com")));
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("C2", "C", JOINED, "Name of C2",
        "c2@example.com")));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("MBR");
    apply(live, placed("C2", 5, "45"));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("T2");
  }

  /**
   * A plan with a binary tree whose rank reads the sponsor tree only: level volume of the first
   * level and two legs of 50. A sponsored B and C; B is on A's left, C spilled under B. Orders
   * of B and C count in A's first level and legs as they were sponsored, not as they were placed.
   */
  @Test
  void sponsorTreeFiguresInAPlanWithABinaryTreeFollowTheSponsorTree() {
    plan = Fixtures.plan().placementTree(PlacementTree.binary())
        .rank(Fixtures.entry())
        .rank(Rank.of("T1", "One", Requirement.levelGroupVolume(pv("100"), 1, false),
            Requirement.legsWithVolume(2, pv("50"))))
        .build();
    distributor("A", null);
    distributor("B", "A");
    distributor("C", "A");
    placements.add(Placement.left("B", "A"));
    placements.add(Placement.left("C", "B"));
    order("B", 2, "60");
    LiveEvaluation live = start();
    apply(live, placed("C", 5, "20"));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("MBR");
    apply(live, placed("C", 6, "30"));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("T1");
  }

  /**
   * Active means an order within the last 30 days, for distributors and customers alike. B
   * (A's) last bought on October 25 and K (A's customer) on October 26: both active as of
   * November 20, so A is a One. Time passes to November 26: both windows have passed their
   * orders, and A is a Member again, as a whole evaluation as of then says.
   */
  @Test
  void timePassingEndsAnActivityWindowOfDistributorsAndCustomers() {
    plan = Fixtures.plan()
        .distributorActivity(ActivityRule.orderWithinDays(30))
        .customerActivity(ActivityRule.orderWithinDays(30))
        .rank(Fixtures.entry())
        .rank(Rank.of("T1", "One", Requirement.activePersonalDistributors(1),
            Requirement.activePersonalCustomers(1)))
        .build();
    distributor("A", null);
    distributor("B", "A");
    customers.add(Customer.of("K", "A", "Kay", "k@example.com"));
    orders.add(new Order("O1", BuyerType.DISTRIBUTOR, "B", Fixtures.oct(25), OrderStatus.PAID,
        Map.of("PV", pv("20")), pv("20")));
    orders.add(new Order("O2", BuyerType.CUSTOMER, "K", Fixtures.oct(26), OrderStatus.PAID,
        Map.of("PV", pv("20")), pv("20")));
    LiveEvaluation live = start();
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("T1");
    apply(live, new LiveEvent.TimePassed(nov(26)));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("MBR");
  }

  /**
   * The first placement in an organisation without any, under a plan without a placement tree:
   * the newcomer keeps it, as the rows would.
   */
  @Test
  void theFirstPlacementInAnOrganisationWithoutAnyIsKept() {
    distributor("A", null);
    order("A", 2, "50");
    LiveEvaluation live = start();
    live.apply(new LiveEvent.DistributorJoined(Distributor.of("B", "A", JOINED, "Name of B",
        "b@example.com"), Optional.of(Placement.left("B", "A"))));
    assertThat(live.snapshot().organisation().placements())
        .containsExactly(Placement.left("B", "A"));
    assertThat(live.snapshot().paidAs("A").code()).isEqualTo("MBR");
  }

  /**
   * A fast-start rank asks for a join within 30 days of the period's last day (November 30):
   * N, who joins live on November 5 with 50 PV, is a Starter at once; M, joined October 30 (31
   * days), is not. A whole run of the same rows says the same.
   */
  @Test
  void aDistributorWhoJoinsLiveCountsForAJoinWindow() {
    plan = Fixtures.plan()
        .rank(Fixtures.entry())
        .rank(Rank.of("FS", "Starter", Requirement.personalVolume(pv("40")),
            Requirement.joinedWithinDays(30)))
        .build();
    distributor("A", null);
    LiveEvaluation live = start();
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("N", "A",
        java.time.LocalDate.of(2026, 11, 5), "Nia", "nia@example.com")));
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("M", "A",
        java.time.LocalDate.of(2026, 10, 30), "Max", "max@example.com")));
    apply(live, placed("N", 6, "50"));
    apply(live, placed("M", 6, "50"));
    assertThat(live.snapshot().paidAs("N").code()).isEqualTo("FS");
    assertThat(live.snapshot().paidAs("M").code()).isEqualTo("MBR");
  }

  /**
   * Z was a T1 in October and left; back in November with no order yet, they keep T1 for a
   * period under the plan's hold, as a whole evaluation with the history gives; like anyone
   * else they join in place, and nothing is evaluated whole.
   */
  @Test
  void aDistributorTheHistoryHoldsJoinsBackWithTheirPast() {
    plan = plan().rankHold(RankHold.keepPaidAs(1)).build();
    distributor("A", null);
    distributor("B", "A");
    distributor("Z", "A");
    distributor("Y", "Z");
    orders.add(new Order("Z-oct", BuyerType.DISTRIBUTOR, "Z", Fixtures.oct(5), OrderStatus.PAID,
        Map.of("PV", pv("50")), pv("50")));
    orders.add(new Order("Y-oct", BuyerType.DISTRIBUTOR, "Y", Fixtures.oct(6), OrderStatus.PAID,
        Map.of("PV", pv("45")), pv("45")));
    Period october = Period.month(2026, 10);
    history = RankGauge.evaluate(build(), plan, october, october.endInstant(plan.zone()))
        .close();
    assertThat(history.record(october, "Z").orElseThrow().paidAs()).isEqualTo("T1");
    distributors.removeIf(d -> d.id().equals("Z") || d.id().equals("Y"));
    orders.clear();
    order("B", 3, "50");
    LiveEvaluation live = start();

    apply(live, new LiveEvent.DistributorJoined(Distributor.of("Z", "B", JOINED, "Zed",
        "z@example.com")));
    assertThat(live.snapshot().paidAs("Z").code()).isEqualTo("T1");
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("N", "Z", JOINED, "New",
        "n@example.com")));
    assertThat(live.snapshot().paidAs("N").code()).isEqualTo("MBR");
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("Y", "Z", JOINED, "Why",
        "y@example.com")));
    apply(live, placed("Y", 7, "45"));
    assertThat(live.wholePasses()).as("joins of returning distributors evaluated whole")
        .isZero();
  }

  /**
   * Under rules that read past periods (paid as T1 in two of the last three periods, volume
   * accumulated over three), Z and Y come back in place with the rows of every period the rules
   * read, not only the last: each figure is a whole evaluation's, and nothing is evaluated
   * whole.
   */
  @Test
  void returningDistributorsBringEveryPeriodTheRulesRead() {
    plan = Fixtures.plan()
        .rank(Fixtures.entry())
        .rank(Rank.of("T1", "One", Requirement.personalVolume(pv("40"))))
        .rank(Rank.of("T2", "Two", Requirement.paidAsInPeriods(2, 3, "T1", false),
            Requirement.accumulatedVolume(pv("100"), 3, Optional.empty())))
        .rankHold(RankHold.keepPaidAs(1))
        .build();
    distributor("A", null);
    distributor("B", "A");
    distributor("Z", "A");
    distributor("Y", "Z");
    Period august = Period.month(2026, 8);
    history = History.empty();
    for (int m = 8; m <= 10; m++) {
      Period p = Period.month(2026, m);
      orders.clear();
      orders.add(new Order("Z-" + m, BuyerType.DISTRIBUTOR, "Z",
          p.startInstant(plan.zone()).plusSeconds(86_400), OrderStatus.PAID,
          Map.of("PV", pv("50")), pv("50")));
      orders.add(new Order("Y-" + m, BuyerType.DISTRIBUTOR, "Y",
          p.startInstant(plan.zone()).plusSeconds(86_400), OrderStatus.PAID,
          Map.of("PV", pv(m == 9 ? "20" : "45")), pv("45")));
      history = (history.isEmpty() ? RankGauge.evaluate(build(), plan, p,
          p.endInstant(plan.zone())) : RankGauge.evaluate(build(), plan, p,
          p.endInstant(plan.zone()), history)).close();
    }
    assertThat(history.record(august, "Z")).isPresent();
    distributors.removeIf(d -> d.id().equals("Z") || d.id().equals("Y"));
    orders.clear();
    order("B", 3, "50");
    LiveEvaluation live = start();

    apply(live, new LiveEvent.DistributorJoined(Distributor.of("Z", "B", JOINED, "Zed",
        "z@example.com")));
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("Y", "Z", JOINED, "Why",
        "y@example.com")));
    apply(live, placed("Z", 4, "45"));
    apply(live, placed("Y", 5, "45"));
    assertThat(live.snapshot().paidAs("Z").code()).isEqualTo("T2");
    assertThat(live.wholePasses()).isZero();
  }

  /** The placement tree is the host's and nothing live changes it: snapshots keep it. */
  @Test
  void placementsStayThroughOrdersMovesAndJoins() {
    Organisation o = Organisation.builder()
        .distributor("A", null, JOINED, "A", "a@example.com", null)
        .distributor("B", "A", JOINED, "B", "b@example.com", null)
        .distributor("C", "A", JOINED, "C", "c@example.com", null)
        .place("B", "A", Placement.LEFT).place("C", "B", Placement.RIGHT)
        .build();
    LiveEvaluation live = LiveEvaluation.start(o, PLAN, NOVEMBER, asOf);
    live.apply(new LiveEvent.OrderPlaced(new Order("O1", BuyerType.DISTRIBUTOR, "C", nov(2),
        OrderStatus.PAID, Map.of("PV", pv("10")), pv("10"))));
    live.apply(new LiveEvent.SponsorChanged("C", "B"));
    assertThat(live.snapshot().organisation().placements()).isEqualTo(o.placements());
    live.apply(new LiveEvent.DistributorJoined(Distributor.of("D", "C", JOINED, "D",
        "d@example.com")));
    assertThat(live.snapshot().organisation().placements()).isEqualTo(o.placements())
        .hasSize(2);
    assertThat(live.snapshot().organisation().distributors()).extracting(Distributor::id)
        .containsExactly("A", "B", "C", "D");
    // one who joins with a place keeps it, beside the others'
    live.apply(new LiveEvent.DistributorJoined(Distributor.of("E", "C", JOINED, "E",
        "e@example.com"), Optional.of(Placement.left("E", "C"))));
    assertThat(live.snapshot().organisation().placements()).containsExactly(
        Placement.left("B", "A"), Placement.right("C", "B"), Placement.left("E", "C"));
    assertThat(live.snapshot().organisation().placement("E")).contains(Placement.left("E", "C"));
  }

  @Test
  void movesThatWouldMakeACycleAreRefusedAndChangeNothing() {
    distributor("A", null);
    distributor("B", "A");
    distributor("C", "B");
    distributor("D", "C");
    order("D", 4, "80");
    LiveEvaluation live = start();
    apply(live, new LiveEvent.SponsorChanged("D", "A"));
    Evaluation before = live.snapshot();
    for (String[] move : new String[][] {{"A", "A"}, {"A", "C"}, {"B", "C"}, {"A", "D"}}) {
      LiveEvent.SponsorChanged m = new LiveEvent.SponsorChanged(move[0], move[1]);
      assertThatThrownBy(() -> live.apply(m)).as(m.describe())
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("event " + m.describe())
          .hasMessageContaining("the move would make a sponsorship cycle");
    }
    assertThat(live.version()).isEqualTo(1);
    assertThat(live.snapshot()).isSameAs(before);
    sameAsWhole(before);
  }

  /** A new order of a distributor, as an event (its row is added once applied). */
  /**
   * The rules that read the downline and are not in the plan above: sponsored with a rank,
   * legs with volume (a count and slots), personal group volume with a breakaway, and a choice
   * of paths. A team grows and buys, and a leader moves with their line:
   * after each event every distributor's result and trace are a whole evaluation's, and the
   * figures a leader reads move as the business case says.
   */
  @Test
  void sponsoredRanksLegVolumesAndBreakawaysFollowEveryEvent() {
    plan = Fixtures.plan()
        .rank(Fixtures.entry())
        .rank(Rank.of("T1", "One", Requirement.personalVolume(pv("40"))))
        .rank(Rank.of("T2", "Two", Requirement.sponsoredWithRank(2, "T1"),
            Requirement.legsWithVolume(2, pv("90"))))
        .rank(Rank.of("T3", "Three",
            Requirement.personalGroupVolume(pv("150"), "T2", false),
            Requirement.legsWithVolumes(List.of(pv("200"), pv("100"))),
            Requirement.anyOf(
                Requirement.path("team", Requirement.sponsoredWithRank(3, "T1")),
                Requirement.path("line", Requirement.legsWithVolume(1, pv("300"))))))
        .build();
    distributor("A", null);
    for (String leg : List.of("B", "C", "D")) {
      distributor(leg, "A");
      distributor(leg + "1", leg);
      distributor(leg + "2", leg);
      order(leg + "1", 2, "45");
    }
    order("B", 3, "50");
    order("C", 3, "30");
    LiveEvaluation live = start();
    Evaluation before = live.snapshot();
    assertThat(before.paidAs("A").code()).isEqualTo("MBR");

    apply(live, placed("B2", 5, "60"));
    apply(live, placed("C2", 6, "40"));
    // B sponsors two T1s (B1, B2) and has legs of 45 and 60: not yet two of 90
    assertThat(live.snapshot().paidAs("B").code()).isEqualTo("T1");
    apply(live, placed("B1", 7, "50"));
    // legs of 95 and 60 plus B2's... still one leg under 90
    apply(live, placed("B2", 8, "40"));
    assertThat(live.snapshot().paidAs("B").code()).isEqualTo("T2");
    Order big = new Order("R1", BuyerType.DISTRIBUTOR, "D2", nov(9), OrderStatus.PAID,
        Map.of("PV", pv("320")), pv("320"));
    apply(live, new LiveEvent.OrderPlaced(big));
    assertThat(live.snapshot().paidAs("D2").code()).isEqualTo("T1");
    apply(live, new LiveEvent.DistributorJoined(Distributor.of("E", "A", JOINED, "Eve",
        "e@example.com")));
    apply(live, placed("E", 10, "45"));
    apply(live, new LiveEvent.SponsorChanged("C", "B"));
    apply(live, placed("D1", 12, "10"));
    apply(live, new LiveEvent.SponsorChanged("C", "A"));
    apply(live, new LiveEvent.TimePassed(nov(25)));
    Evaluation after = live.snapshot();
    assertThat(after.paidAs("B").code()).isEqualTo("T2");
    assertThat(after.gauge("A", Metric.GROUP_SALES).value())
        .isGreaterThan(before.gauge("A", Metric.GROUP_SALES).value());
  }

  private LiveEvent.OrderPlaced placed(String buyer, int day, String volume) {
    return new LiveEvent.OrderPlaced(new Order("O" + orders.size(), BuyerType.DISTRIBUTOR, buyer,
        nov(day), OrderStatus.PAID, Map.of("PV", pv(volume)), pv(volume)));
  }
}
