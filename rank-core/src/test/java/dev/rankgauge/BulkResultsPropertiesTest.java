package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of the bulk paths: rows added as plain values build the same organisation as records, and
 * the result table reads, row by row, what each distributor's full result says.
 */
class BulkResultsPropertiesTest {

  @Property(tries = 150)
  void rowsAddedAsValuesBuildTheSameOrganisationAsRecords(
      @ForAll("scenarios") Scenarios.Scenario scenario) {
    Organisation.Builder b = Organisation.builder();
    for (Distributor d : scenario.distributors()) {
      b.distributor(d.id(), d.sponsorId().orElse(null), d.joinDate(), d.name(), d.email(),
          d.phone().orElse(null));
    }
    for (Customer c : scenario.customers()) {
      b.customer(c.id(), c.distributorId(), c.name(), c.email(), c.phone().orElse(null));
    }
    for (Order o : scenario.orders()) {
      List<String> types = List.copyOf(o.volumes().keySet());
      b.order(o.id(), o.buyerType(), o.buyerId(), o.timestamp(), o.status(), o.amount(), types,
          o.volumes().values().toArray(new BigDecimal[0]));
    }
    Organisation byValues = b.build();
    Organisation byRecords = scenario.organisation();
    assertThat(byValues.distributors()).containsExactlyElementsOf(byRecords.distributors());
    assertThat(byValues.customers()).containsExactlyElementsOf(byRecords.customers());
    assertThat(byValues.orders()).containsExactlyElementsOf(byRecords.orders());
    assertThat(byRecords.distributors()).containsExactlyElementsOf(scenario.distributors());
    assertThat(byRecords.customers()).containsExactlyElementsOf(scenario.customers());
  }

  @Property(tries = 150)
  void theTableSaysWhatEachFullResultSays(@ForAll("scenarios") Scenarios.Scenario scenario) {
    Evaluation e = scenario.evaluate();
    ResultTable t = e.table();
    assertThat(t.size()).isEqualTo(scenario.distributors().size());
    for (int row = 0; row < t.size(); row++) {
      Distributor d = scenario.distributors().get(row);
      DistributorResult r = e.result(d.id());
      assertThat(t.row(d.id())).isEqualTo(row);
      assertThat(t.id(row)).isEqualTo(d.id());
      assertThat(t.name(row)).isEqualTo(d.name());
      assertThat(t.sponsorId(row)).isEqualTo(d.sponsorId());
      assertThat(t.distributor(row)).isEqualTo(d);
      assertThat(t.active(row)).isEqualTo(r.active());
      assertThat(t.paidAs(row)).isEqualTo(r.paidAs());
      assertThat(t.nextRank(row)).isEqualTo(r.nextRank());
      assertThat(t.title(row)).isEqualTo(r.title());
      assertThat(t.qualifiedAs(row)).isEqualTo(r.qualifiedAs());
      for (Gauge g : r.gauges()) {
        BigDecimal v = t.value(row, g.metric());
        assertThat(v).isEqualTo(g.value());
        assertThat(BigDecimal.valueOf(t.unscaledValue(row, g.metric()), t.scale(g.metric())))
            .isEqualTo(v);
        assertThat(t.gaugeRank(g.metric(), v)).isEqualTo(g.rank());
        assertThat(t.gaugeNextRank(g.metric(), v)).isEqualTo(g.nextRank());
        assertThat(t.gaugeRemaining(g.metric(), v)).isEqualTo(g.remaining());
        assertThat(t.gaugeRank(row, g.metric())).isEqualTo(g.rank());
        assertThat(t.gaugeNextRank(row, g.metric())).isEqualTo(g.nextRank());
        assertThat(t.gaugeRemaining(row, g.metric())).isEqualTo(g.remaining());
      }
      assertThat(t.gap(row)).isEqualTo(r.gap());
      assertThat(t.holdingBack(row))
          .isEqualTo(r.gap().map(RankGap::holdingBack).orElse(List.of()));
    }
    assertThat(t.row("nobody")).isEqualTo(-1);
  }

  @Property(tries = 60)
  void whatIsMissingIsWhatTheStatusesNotMetSay(
      @ForAll("structural") AdvicePropertiesTest.Waived waived) {
    Evaluation e = waived.evaluate();
    ResultTable t = e.table();
    boolean structural = false;
    for (int row = 0; row < t.size(); row++) {
      List<ResultTable.Missing> statuses = t.holdingBack(row).stream()
          .map(s -> new ResultTable.Missing(s.requirement(), s.description(), s.remaining()))
          .toList();
      List<ResultTable.Missing> missing = t.missing(row);
      assertThat(missing).as("what holds %s back", t.id(row)).hasSameSizeAs(statuses);
      for (int k = 0; k < missing.size(); k++) {
        ResultTable.Missing m = missing.get(k);
        ResultTable.Missing s = statuses.get(k);
        assertThat(m.requirement()).isSameAs(s.requirement());
        assertThat(m.description()).isEqualTo(s.description());
        assertThat(m.remaining()).as("what remains of %s for %s", m.description(), t.id(row))
            .isEqualByComparingTo(s.remaining());
        structural |= m.requirement().metric().isEmpty();
      }
    }
    Statistics.label("a structural requirement holds someone back").collect(structural)
        .coverage(c -> c.check(true).percentage(p -> p >= 20));
  }

  @Property(tries = 100)
  void rowsGatheredInRunsSayWhatTheTableSaysRowByRow(
      @ForAll("scenarios") Scenarios.Scenario scenario, @ForAll @IntRange(min = 1, max = 40) int run) {
    ResultTable t = scenario.evaluate().table();
    for (int from = 0; from < t.size(); from += run) {
      gatheredAsTheTableSays(t, from, Math.min(t.size(), from + run));
    }
  }

  @Property(tries = 40)
  void rowsGatheredSayWhatIsMissingWithWaiversAndEveryKind(
      @ForAll("structural") AdvicePropertiesTest.Waived waived,
      @ForAll @IntRange(min = 1, max = 40) int run) {
    ResultTable t = waived.evaluate().table();
    for (int from = 0; from < t.size(); from += run) {
      gatheredAsTheTableSays(t, from, Math.min(t.size(), from + run));
    }
  }

  /**
   * Rows {@code from} to {@code to} gathered at once ({@link ResultTable#rows}) say, cell by cell,
   * what the table's row-by-row reads say.
   */
  static void gatheredAsTheTableSays(ResultTable t, int from, int to) {
    ResultTable.Rows g = t.rows(from, to);
    List<Rank> ranks = t.plan().ranks();
    assertThat(g.from()).isEqualTo(from);
    assertThat(g.to()).isEqualTo(to);
    for (int row = from; row < to; row++) {
      assertThat(utf8(g::id, row)).isEqualTo(t.id(row));
      assertThat(utf8(g::name, row)).isEqualTo(t.name(row));
      assertThat(Optional.ofNullable(utf8(g::sponsorId, row))).isEqualTo(t.sponsorId(row));
      assertThat(g.active(row)).isEqualTo(t.active(row));
      assertThat(ranks.get(g.paidAsPosition(row))).isSameAs(t.paidAs(row));
      assertThat(ranks.get(g.titlePosition(row))).isSameAs(t.title(row));
      assertThat(ranks.get(g.qualifiedAsPosition(row))).isSameAs(t.qualifiedAs(row));
      assertThat(g.periodsHeld(row)).isEqualTo(t.periodsHeld(row));
      for (Metric m : Metric.values()) {
        assertThat(g.unscaledValue(row, m)).isEqualTo(t.unscaledValue(row, m));
        assertThat(ranks.get(g.gaugeRankPosition(row, m))).isSameAs(t.gaugeRank(row, m));
        int next = g.gaugeNextRankPosition(row, m);
        assertThat(next < 0 ? Optional.empty() : Optional.of(ranks.get(next)))
            .isEqualTo(t.gaugeNextRank(row, m));
        long rest = g.unscaledRemaining(row, m);
        if (rest != Long.MIN_VALUE) {
          assertThat(BigDecimal.valueOf(rest, t.scale(m)))
              .isEqualByComparingTo(t.gaugeRemaining(row, m).orElseThrow());
        } else if (next >= 0) {
          Statistics.label("a gauge's remaining left to the table").collect(true);
        }
      }
      Distributor d = t.distributor(row);
      assertThat(utf8(g::email, row)).isEqualTo(d.email());
      assertThat(Optional.ofNullable(utf8(g::phone, row))).isEqualTo(d.phone());
      statusesAsTheGapSays(t, g, row);
      List<ResultTable.Missing> missing = t.missing(row);
      assertThat(g.missingCount(row)).isEqualTo(missing.size());
      for (int k = 0; k < missing.size(); k++) {
        Rank next = ranks.get(g.paidAsPosition(row) + 1);
        assertThat(next.requirements().get(g.missingPosition(row, k)))
            .isSameAs(missing.get(k).requirement());
        assertThat(g.missingRemaining(row, k))
            .isEqualByComparingTo(missing.get(k).remaining());
        long left = g.missingUnscaled(row, k);
        if (left != Long.MIN_VALUE) {
          assertThat(BigDecimal.valueOf(left, g.missingScale(row, k)))
              .isEqualByComparingTo(missing.get(k).remaining());
        }
      }
    }
  }

  /**
   * Every requirement's status of the gathered row, as the status and as its figures where they
   * are given, is the one the row's gap lists.
   */
  private static void statusesAsTheGapSays(ResultTable t, ResultTable.Rows g, int row) {
    List<RequirementStatus> gap = t.gap(row).map(RankGap::requirements).orElse(List.of());
    assertThat(g.requirementCount(row)).isEqualTo(gap.size());
    for (int q = 0; q < gap.size(); q++) {
      RequirementStatus s = gap.get(q);
      assertThat(g.status(row, q)).as("status %s of %s", q, t.id(row)).isEqualTo(s);
      assertThat(g.met(row, q)).isEqualTo(s.met());
      long actual = g.actualUnscaled(row, q);
      if (actual == Long.MIN_VALUE) {
        continue;
      }
      int scale = g.actualScale(row, q);
      assertThat(s.note()).isEmpty();
      assertThat(s.requirement().metricThreshold()).contains(s.required());
      assertThat(BigDecimal.valueOf(actual, scale)).isEqualByComparingTo(s.actual());
      assertThat(BigDecimal.valueOf(g.remainingUnscaled(row, q), scale))
          .isEqualByComparingTo(s.remaining());
      assertThat(BigDecimal.valueOf(g.percentHundredths(row, q), 2))
          .isEqualByComparingTo(s.percentComplete());
    }
  }

  /** A text read as UTF-8 from the gathered rows, null where there is none (-1). */
  private static String utf8(Bytes read, int row) {
    byte[] small = new byte[2];
    int n = read.into(row, small, 1);
    if (n < 0) {
      return null;
    }
    if (n <= 1) {
      return new String(small, 1, n, StandardCharsets.UTF_8);
    }
    assertThat(small).as("nothing copied when it does not fit").containsOnly(0);
    byte[] room = new byte[n + 3];
    assertThat(read.into(row, room, 3)).isEqualTo(n);
    return new String(room, 3, n, StandardCharsets.UTF_8);
  }

  private interface Bytes {
    int into(int row, byte[] into, int at);
  }

  @Provide
  Arbitrary<AdvicePropertiesTest.Waived> structural() {
    // Plans with every kind of requirement, some waived: the scenarios advice is checked on.
    return new AdvicePropertiesTest().waived();
  }

  @Property(tries = 50)
  void everyRequirementHasACode(@ForAll("scenarios") Scenarios.Scenario scenario) {
    for (Rank rank : scenario.plan().ranks()) {
      for (Requirement q : rank.requirements()) {
        assertThat(ResultTable.code(q)).isEqualTo(Map.of(
            Requirement.PersonalVolume.class, "personalVolume",
            Requirement.GroupVolume.class, "groupVolume",
            Requirement.ActivePersonalCustomers.class, "activePersonalCustomers",
            Requirement.ActivePersonalDistributors.class, "activePersonalDistributors")
            .get(q.getClass()));
      }
    }
  }

  @Provide
  Arbitrary<Scenarios.Scenario> scenarios() {
    return Scenarios.anyFourGaugeScenarios();
  }
}
