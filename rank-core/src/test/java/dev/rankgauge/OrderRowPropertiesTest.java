package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.internal.OrderRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * An order row handed in units (its time in epoch seconds, its amount and volumes as unscaled
 * longs and scales: what the CSV reader parses from the bytes) is the same order, with the same
 * problems, as the row given as an {@link Instant} and {@link BigDecimal}s: for rows in range and
 * for rows the builder reports (times, amounts and volumes out of range, too many decimals,
 * negative volumes that are no return, blank ids and buyers).
 */
class OrderRowPropertiesTest {
  private static final List<String> TYPES = List.of("PV", "CV");
  /** Stands for the buyer of the row's type that exists. */
  private static final String OWN = "own";

  @Property(tries = 1000)
  void aRowInUnitsIsTheRowOfItsInstantAndDecimals(@ForAll("rows") List<Row> rows) {
    Organisation.Builder inUnits = withBuyers();
    Organisation.Builder asValues = withBuyers();
    OrderRow r = new OrderRow(TYPES);
    for (Row given : rows) {
      Row row = given.buyer.equals(OWN)
          ? new Row(given.id, given.byCustomer ? "C1" : "D1", given.byCustomer, given.second,
              given.status, given.amount, given.amountScale, given.volumes, given.scales)
          : given;
      r.id = new StringBuilder(row.id);
      r.buyer = new StringBuilder(row.buyer);
      r.byCustomer = row.byCustomer;
      r.epochSecond = row.second;
      r.status = row.status;
      r.amount = row.amount;
      r.amountScale = row.amountScale;
      for (int k = 0; k < TYPES.size(); k++) {
        r.volumes[k] = row.volumes[k];
        r.scales[k] = row.scales[k];
      }
      r.addTo(inUnits);
      asValues.order(row.id, row.byCustomer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR,
          row.buyer, Instant.ofEpochSecond(row.second), row.status,
          BigDecimal.valueOf(row.amount, row.amountScale), TYPES,
          BigDecimal.valueOf(row.volumes[0], row.scales[0]),
          BigDecimal.valueOf(row.volumes[1], row.scales[1]));
    }
    Object fromUnits = built(inUnits);
    Object fromValues = built(asValues);
    Statistics.label("built").collect(!((List<?>) fromUnits).isEmpty()
        && !(((List<?>) fromUnits).get(0) instanceof String));
    assertThat(fromUnits).isEqualTo(fromValues);
  }

  /** The orders of the organisation built, or the problems of the build that failed. */
  private static Object built(Organisation.Builder b) {
    try {
      Organisation o = b.build();
      List<Object> out = new ArrayList<>(o.orders());
      // The decimals of the organisation's volume units, from the volumes' scales.
      out.add(o.units.scale);
      return out;
    } catch (ValidationException e) {
      List<String> lines = new ArrayList<>();
      for (Problem p : e.problems()) {
        lines.add(p.toString());
      }
      return lines;
    }
  }

  private static Organisation.Builder withBuyers() {
    return Organisation.builder()
        .distributor("D1", null, LocalDate.of(2026, 1, 1), "Ann", "", null)
        .customer("C1", "D1", "Bea", "", null);
  }

  record Row(String id, String buyer, boolean byCustomer, long second, OrderStatus status,
      long amount, int amountScale, long[] volumes, int[] scales) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<String> ids = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(60, Arbitraries.integers().between(1, 1_000_000).map(i -> "O" + i)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ")));
    Arbitrary<String> buyers = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(60, Arbitraries.just(OWN)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("X9", " ")));
    // Seconds near 2026 mostly, and at the ends of what the builder holds (about 1677 and 2262).
    long max = 9_223_372_035L;
    Arbitrary<Long> seconds = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(100, Arbitraries.longs().between(1_760_000_000L, 1_800_000_000L)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(max - 2, max + 2)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-max - 2, -max + 2)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(-300_000_000_000L,
            300_000_000_000L)));
    Arbitrary<Long> units = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(100, Arbitraries.longs().between(0, 100_000)),
        net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(-100_000, 0)),
        net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-999_999_999_999_999_999L,
            999_999_999_999_999_999L)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(99_999_999_999L, 100_000_000_000L,
            -100_000_000_000L, 999_999_999_999_999L, 1_000_000_000_000_000L,
            99_999_999_999_999_999L, 100_000_000_000_000_000L, 999_999_999_999_999_999L,
            1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE)));
    Arbitrary<Integer> scales = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(100, Arbitraries.integers().between(0, 2)),
        net.jqwik.api.Tuple.of(10, Arbitraries.integers().between(0, 6)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-2, 9)));
    Arbitrary<long[]> volumes = units.array(long[].class).ofSize(2);
    Arbitrary<int[]> volumeScales = Arbitraries.integers().between(0, 0).flatMap(z ->
        Combinators.combine(scales, scales).as((a, b) -> new int[] {a, b}));
    Arbitrary<Row> row = Combinators.combine(ids, buyers, Arbitraries.of(true, false), seconds,
        Arbitraries.of(OrderStatus.class), units, scales,
        Combinators.combine(volumes, volumeScales).as((v, s) -> new Object[] {v, s}))
        .as((id, buyer, byCustomer, second, status, amount, amountScale, vs) -> new Row(id,
            buyer, byCustomer, second, status, amount, amountScale, (long[]) vs[0],
            (int[]) vs[1]));
    return row.list().ofMinSize(1).ofMaxSize(8);
  }
}
