package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Room made in advance ({@link Organisation.Builder#expect}) is only a hint: with any counts,
 * larger or smaller than the rows, a builder gives the same organisation, or the same problems,
 * as one without. The rows reference each other by ids that may be missing or repeated, so that
 * every lookup of the build, alone or among thousands, is exercised.
 */
class BuilderRoomPropertiesTest {
  private static final List<String> PV = List.of("PV");

  /** One row of each kind, by number: distributor i, customer i, order i. */
  record Rows(List<int[]> distributors, List<int[]> customers, List<int[]> orders) {}

  @Property(tries = 60)
  void anyRoomMadeGivesTheSameOrganisationOrTheSameProblems(@ForAll("rows") Rows rows,
      @ForAll @IntRange(max = 5000) int d, @ForAll @IntRange(max = 5000) int c,
      @ForAll @IntRange(max = 5000) int o) {
    Outcome plain = build(Organisation.builder(), rows);
    Outcome roomy = build(Organisation.builder().expect(d, c, o), rows);
    assertThat(roomy).isEqualTo(plain);
  }

  @Test
  void aNegativeCountIsNamed() {
    assertThatThrownBy(() -> Organisation.builder().expect(10, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected counts cannot be negative: 10 distributors, -1 customers, 0 orders");
  }

  /** What a build gives: the records, or the problems' locations and messages. */
  record Outcome(List<Distributor> distributors, List<Customer> customers, List<Order> orders,
      List<String> problems) {}

  private static Outcome build(Organisation.Builder b, Rows rows) {
    for (int[] r : rows.distributors()) {
      b.distributor("D" + r[0], r[1] < 0 ? null : "D" + r[1], JOINED, "N" + r[0], "e", null);
    }
    for (int[] r : rows.customers()) {
      b.customer("C" + r[0], "D" + r[1], "M" + r[0], "f", r[0] % 2 == 0 ? "1" : null);
    }
    for (int[] r : rows.orders()) {
      boolean byCustomer = r[2] == 1;
      b.order("O" + r[0], byCustomer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR,
          (byCustomer ? "C" : "D") + r[1], Instant.ofEpochSecond(1_700_000_000L + r[0]),
          OrderStatus.PAID, BigDecimal.TEN, PV, BigDecimal.valueOf(r[0], 2));
    }
    try {
      Organisation org = b.build();
      return new Outcome(org.distributors(), org.customers(), org.orders(), List.of());
    } catch (ValidationException e) {
      List<String> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        problems.add(p.location() + ": " + p.message());
      }
      return new Outcome(List.of(), List.of(), List.of(), problems);
    }
  }

  /**
   * Up to 3,000 distributors numbered mostly in sequence, each sponsored by an earlier one (or
   * now and then a missing or later one, or none); customers and orders pointing at them, or at
   * numbers nobody has.
   */
  @Provide
  Arbitrary<Rows> rows() {
    Arbitrary<Integer> size = Arbitraries.integers().between(1, 3000);
    return size.flatMap(n -> {
      Arbitrary<List<int[]>> ds = Arbitraries.integers().between(0, n + n / 50)
          .flatMap(i -> Arbitraries.integers().between(-1, n + 5).map(s -> new int[] {i, s}))
          .list().ofSize(n);
      Arbitrary<List<int[]>> cs = Arbitraries.integers().between(0, 2 * n)
          .flatMap(i -> Arbitraries.integers().between(0, n + 3).map(o -> new int[] {i, o}))
          .list().ofMaxSize(2 * n);
      Arbitrary<List<int[]>> os = Combinators.combine(Arbitraries.integers().between(0, 3 * n),
          Arbitraries.integers().between(0, 2 * n), Arbitraries.integers().between(0, 1))
          .as((i, b, t) -> new int[] {i, b, t}).list().ofMaxSize(3 * n);
      return Combinators.combine(ds, cs, os).as(Rows::new);
    });
  }
}
