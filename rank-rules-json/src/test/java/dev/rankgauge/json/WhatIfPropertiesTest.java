package dev.rankgauge.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Rank;
import dev.rankgauge.WhatIf;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The laws of what-if, over the random organisations, plans and events of
 * {@link LiveEvaluationPropertiesTest}: no events change nothing; an order added and taken out
 * again changes nothing; and the evaluation after the events is a whole evaluation of the data
 * with them, result for result, with exactly the differences between the two as its changes.
 */
class WhatIfPropertiesTest {

  @Provide
  Arbitrary<LiveEvaluationPropertiesTest.World> worlds() {
    return new LiveEvaluationPropertiesTest().worlds();
  }

  @Property(tries = 60)
  void noEventsChangeNothing(@ForAll("worlds") LiveEvaluationPropertiesTest.World w) {
    LiveEvaluationPropertiesTest.Model m = model(w);
    Evaluation before = m.evaluate();
    WhatIf none = WhatIf.of(before, List.of());
    assertThat(none.changes()).isEmpty();
    assertThat(none.isEmpty()).isTrue();
    for (Distributor d : m.distributors) {
      assertThat(none.after().result(d.id())).isEqualTo(before.result(d.id()));
    }
  }

  @Property(tries = 60)
  void anOrderAddedAndTakenOutAgainChangesNothing(
      @ForAll("worlds") LiveEvaluationPropertiesTest.World w) {
    LiveEvaluationPropertiesTest.Model m = model(w);
    Evaluation before = m.evaluate();
    int tried = 0;
    for (LiveEvaluationPropertiesTest.Step s : w.steps()) {
      Order o = m.order(s, OrderStatus.PAID, s.a() % 4 == 3);
      WhatIf added = WhatIf.of(before, List.of(new LiveEvent.OrderPlaced(o)));
      WhatIf both = WhatIf.of(before, List.of(new LiveEvent.OrderPlaced(o),
          new LiveEvent.OrderCancelled(o.id())));
      assertThat(both.changes()).as("%s added and taken out", o).isEmpty();
      // ... and taking it out of the evaluation with it gives the evaluation without it.
      WhatIf back = WhatIf.of(added.after(), List.of(), List.of(o.id()));
      assertThat(standings(back.after(), m)).isEqualTo(standings(before, m));
      Statistics.label("the order alone changed something").collect(!added.isEmpty());
      if (++tried == 3) {
        break;
      }
    }
  }

  @Property(tries = 100)
  void theEvaluationAfterIsAWholeEvaluationOfTheChangedData(
      @ForAll("worlds") LiveEvaluationPropertiesTest.World w) {
    LiveEvaluationPropertiesTest.Model m = model(w);
    Evaluation before = m.evaluate();
    Map<String, WhatIf.Standing> then = standings(before, m);
    List<LiveEvent> events = new ArrayList<>();
    for (LiveEvaluationPropertiesTest.Step s : w.steps()) {
      LiveEvaluationPropertiesTest.Attempt t = m.attempt(s);
      if (t != null && t.valid()) {
        events.add(t.event());
        t.change().run();
      }
    }
    Evaluation whole = m.evaluate();
    WhatIf what = WhatIf.of(before, events);
    for (Distributor d : m.distributors) {
      assertThat(what.after().result(d.id())).as("result of %s", d.id())
          .isEqualTo(whole.result(d.id()));
      assertThat(what.after().trace(d.id())).as("trace of %s", d.id())
          .isEqualTo(whole.trace(d.id()));
    }
    // The changes are exactly the standings that differ between the two whole evaluations.
    Map<String, WhatIf.Standing> now = standings(whole, m);
    List<String> changed = new ArrayList<>();
    now.forEach((id, s) -> {
      if (!s.equals(then.get(id))) {
        changed.add(id);
      }
    });
    assertThat(what.changes()).extracting(WhatIf.Change::distributorId)
        .containsExactlyElementsOf(changed);
    for (WhatIf.Change c : what.changes()) {
      assertThat(c.after()).isEqualTo(now.get(c.distributorId()));
      assertThat(c.before().orElse(null)).isEqualTo(then.get(c.distributorId()));
    }
    // The evaluation asked about does not change.
    assertThat(standings(before, m).keySet()).containsAll(then.keySet());
    Statistics.label("events").collect(events.size() >= 10 ? "10 or more" : "fewer")
        .coverage(c -> c.check("10 or more").percentage(p -> p >= 50));
    Statistics.label("some rank changes").collect(!what.rankChanges().isEmpty())
        .coverage(c -> c.check(true).percentage(p -> p >= 30));
  }

  private static LiveEvaluationPropertiesTest.Model model(LiveEvaluationPropertiesTest.World w) {
    return new LiveEvaluationPropertiesTest.Model(LiveEvaluationPropertiesTest.plan(w.plan()), w);
  }

  /** Every distributor's standing, by hand from the public results, in input order. */
  private static Map<String, WhatIf.Standing> standings(Evaluation e,
      LiveEvaluationPropertiesTest.Model m) {
    Map<String, WhatIf.Standing> out = new LinkedHashMap<>();
    for (Distributor d : m.distributors) {
      e.find(d.id()).ifPresent(r -> {
        Map<Metric, BigDecimal> values = new LinkedHashMap<>();
        Map<Metric, Rank> ranks = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
          values.put(metric, r.gauge(metric).value());
          ranks.put(metric, r.gauge(metric).rank());
        }
        out.put(d.id(), new WhatIf.Standing(r.paidAs(), r.qualifiedAs(), r.title(),
            r.held().map(h -> h.periodsLeft()).orElse(0), r.active(), values, ranks));
      });
    }
    return out;
  }
}
