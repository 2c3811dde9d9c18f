package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.nov;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
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

/**
 * The fuzz suite's part for live events (see docs/fuzzing.md): any sequence of events, with ids
 * that exist or not, odd volumes and amounts ({@code 1e999999999}, {@code 1e-999999999}, too many
 * decimals), instants far out of range and time running backwards, is applied event by event;
 * each event ends in an update or in a {@link ValidationException} whose every problem has a
 * place, and a rejected event changes nothing: the snapshot still equals the last one.
 */
class LiveEventsFuzzProperties {
  private static final List<String> IDS =
      List.of("D1", "D2", "D3", "D9", "C1", "C2", "C9", "O1", "O2", "O9", "R1", "N1", "N2");
  private static final List<BigDecimal> VOLUMES = List.of(BigDecimal.TEN, BigDecimal.ZERO,
      new BigDecimal("-5"), new BigDecimal("150.5"), new BigDecimal("0.0000001"),
      new BigDecimal("99999999999.999999"), new BigDecimal("1e999999999"),
      new BigDecimal("1e-999999999"), new BigDecimal("-1e999999999"));
  private static final List<Instant> TIMES = List.of(nov(2), nov(15), nov(29), Fixtures.oct(20),
      Fixtures.dec(3), Instant.parse("1600-01-01T00:00:00Z"), Instant.parse("2500-01-01T00:00:00Z"),
      Instant.MIN, Instant.MAX);

  @Provide
  Arbitrary<List<Optional<LiveEvent>>> events() {
    Arbitrary<String> id = Arbitraries.of(IDS);
    Arbitrary<BigDecimal> volume = Arbitraries.of(VOLUMES);
    Arbitrary<Instant> time = Arbitraries.of(TIMES);
    Arbitrary<OrderStatus> status = Arbitraries.of(OrderStatus.class);
    Arbitrary<LiveEvent> placed = Combinators.combine(id, id, time, status, volume, volume)
        .as((o, buyer, at, st, pv, amount) -> new LiveEvent.OrderPlaced(new Order(o,
            buyer.startsWith("C") ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR, buyer, at, st,
            Map.of("PV", pv), amount)));
    Arbitrary<LiveEvent> returned = Combinators.combine(id, id, time, volume, Arbitraries.of(true,
        false)).as((r, o, at, pv, whole) -> new LiveEvent.OrderReturned(r, o, at,
            whole ? Map.of() : Map.of("PV", pv), pv.abs()));
    Arbitrary<LiveEvent> cancelled = id.map(LiveEvent.OrderCancelled::new);
    Arbitrary<LiveEvent> joined = Combinators.combine(id, id.injectNull(0.3))
        .as((d, s) -> new LiveEvent.DistributorJoined(Distributor.of(d, s, JOINED, "N " + d,
            d.toLowerCase(java.util.Locale.ROOT) + "@example.com")));
    Arbitrary<LiveEvent> customer = Combinators.combine(id, id)
        .as((c, d) -> new LiveEvent.CustomerJoined(Customer.of(c, d, "N " + c, "c@example.com")));
    Arbitrary<LiveEvent> movedC = Combinators.combine(id, id).as(LiveEvent.CustomerMoved::new);
    Arbitrary<LiveEvent> movedD = Combinators.combine(id, id).as(LiveEvent.SponsorChanged::new);
    Arbitrary<LiveEvent> time2 = time.map(LiveEvent.TimePassed::new);
    Arbitrary<LiveEvent> any = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, placed), net.jqwik.api.Tuple.of(2, returned),
        net.jqwik.api.Tuple.of(1, cancelled), net.jqwik.api.Tuple.of(1, joined),
        net.jqwik.api.Tuple.of(1, customer), net.jqwik.api.Tuple.of(1, movedC),
        net.jqwik.api.Tuple.of(2, movedD), net.jqwik.api.Tuple.of(1, time2));
    return any.optional().list().ofMinSize(1).ofMaxSize(12);
  }

  @Property
  void everyEventEndsInAnUpdateOrLocatedProblemsAndARejectedOneChangesNothing(
      @ForAll("events") List<Optional<LiveEvent>> events) {
    Organisation org = Fixtures.org().distributor("D1", null).distributor("D2", "D1")
        .distributor("D3", "D2").customer("C1", "D2").paid("O1", "D2", nov(3), "150")
        .paid("O2", "C1", nov(4), "40").build();
    LiveEvaluation live = LiveEvaluation.start(org, Fixtures.ladder().build(), Fixtures.NOVEMBER,
        nov(20));
    for (Optional<LiveEvent> e : events) {
      if (e.isEmpty()) {
        continue;
      }
      Evaluation before = live.snapshot();
      try {
        LiveUpdate u = live.apply(e.get());
        assertThat(u).isNotNull();
        Statistics.label("event").collect("applied");
      } catch (ValidationException rejected) {
        Statistics.label("event").collect("rejected");
        assertThat(rejected.problems()).as(e.get().describe()).isNotEmpty()
            .allSatisfy(p -> assertThat(p.location()).isNotBlank())
            .allSatisfy(p -> assertThat(p.message()).isNotBlank().doesNotContain("\n"));
        Evaluation after = live.snapshot();
        for (String id : List.of("D1", "D2", "D3")) {
          assertThat(after.result(id)).as("rejected %s changed nothing", e.get().describe())
              .isEqualTo(before.result(id));
        }
      }
    }
  }
}
