package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
