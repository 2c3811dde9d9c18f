package dev.rankgauge.examples.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.examples.SeedExample;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twelve generated months, December 2025 to November 2026: the organisation grows, distributors
 * keep their buying habits from one month to the next, some stop, and the season shows. Each
 * figure is counted by hand from the orders read back.
 */
class GeneratorMonthsTest {
  private static final int SIZE = 20_000;
  private static final int MONTHS = 12;
  private static final YearMonth LAST = YearMonth.of(2026, 11);
  private static final YearMonth FIRST = LAST.minusMonths(MONTHS - 1);

  @TempDir
  static Path tmp;
  static Organisation org;
  static CompPlan plan = SeedExample.plan();
  /** Personal volume (own and customers', returns subtracted) by distributor, by month. */
  static Map<YearMonth, Map<String, BigDecimal>> pv = new HashMap<>();
  /** Orders placed (any status) by month. */
  static Map<YearMonth, Integer> orders = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    Generator.generate(SIZE, 11, LAST, MONTHS, tmp.resolve("a"), Progress.silent());
    org = CsvOrganisation.read(tmp.resolve("a"), plan, Progress.silent());
    Map<String, String> owner = new HashMap<>();
    for (Customer c : org.customers()) {
      owner.put(c.id(), c.distributorId());
    }
    for (Order o : org.orders()) {
      YearMonth m = YearMonth.from(o.timestamp().atZone(plan.zone()));
      orders.merge(m, 1, Integer::sum);
      if (o.status() == OrderStatus.CANCELLED) {
        continue;
      }
      String d = o.buyerType() == BuyerType.DISTRIBUTOR ? o.buyerId() : owner.get(o.buyerId());
      BigDecimal v = o.volume("PV").abs();
      pv.computeIfAbsent(m, k -> new HashMap<>())
          .merge(d, o.status() == OrderStatus.RETURNED ? v.negate() : v, BigDecimal::add);
    }
  }

  private static Set<String> active(YearMonth m) {
    Set<String> out = new HashSet<>();
    pv.getOrDefault(m, Map.of()).forEach((d, v) -> {
      if (v.compareTo(BigDecimal.valueOf(100)) >= 0) {
        out.add(d);
      }
    });
    return out;
  }

  @Test
  void everyOrderFallsInTheTwelveMonthsOnOrAfterItsBuyersJoining() {
    Map<String, LocalDate> joined = new HashMap<>();
    for (Distributor d : org.distributors()) {
      joined.put(d.id(), d.joinDate());
    }
    Map<String, LocalDate> customerSince = new HashMap<>();
    for (Customer c : org.customers()) {
      customerSince.put(c.id(), joined.get(c.distributorId()));
    }
    for (Order o : org.orders()) {
      LocalDate day = o.timestamp().atZone(plan.zone()).toLocalDate();
      assertThat(YearMonth.from(day)).isBetween(FIRST, LAST);
      LocalDate since = o.buyerType() == BuyerType.DISTRIBUTOR ? joined.get(o.buyerId())
          : customerSince.get(o.buyerId());
      assertThat(day).as(o.id()).isAfterOrEqualTo(since);
    }
  }

  @Test
  void theOrganisationGrowsAboutTwoPercentAMonthSponsorsJoiningFirst() {
    Map<String, LocalDate> joined = new HashMap<>();
    long inSpan = 0;
    for (Distributor d : org.distributors()) {
      joined.put(d.id(), d.joinDate());
      d.sponsorId().ifPresent(s -> assertThat(joined.get(s)).isBeforeOrEqualTo(d.joinDate()));
      if (!YearMonth.from(d.joinDate()).isBefore(FIRST)) {
        inSpan++;
      }
    }
    // 1 - 1.02^-12 of them join during the twelve months: about 21%.
    assertThat((double) inSpan / SIZE).isBetween(0.19, 0.23);
  }

  @Test
  void habitsCarryOverActiveLastMonthMostlyActiveAgain() {
    Set<String> october = active(LAST.minusMonths(1));
    Set<String> november = active(LAST);
    long stayed = october.stream().filter(november::contains).count();
    long rose = november.stream().filter(d -> !october.contains(d)).count();
    double keep = (double) stayed / october.size();
    double start = (double) rose / (SIZE - october.size());
    // Steady buyers skip a month now and then; customers and new distributors lift a few.
    assertThat(keep).isGreaterThan(0.7);
    assertThat(start).isLessThan(0.2);
    assertThat(keep).isGreaterThan(3 * start);
    assertThat((double) november.size() / SIZE).isBetween(0.25, 0.5);
  }

  @Test
  void someStopForGood() {
    Set<String> early = new HashSet<>();
    for (int k = 0; k < 3; k++) {
      early.addAll(active(FIRST.plusMonths(k)));
    }
    Set<String> late = new HashSet<>();
    for (int k = MONTHS - 6; k < MONTHS; k++) {
      late.addAll(pv.getOrDefault(FIRST.plusMonths(k), Map.of()).keySet());
    }
    long stopped = early.stream().filter(d -> !late.contains(d)).count();
    assertThat((double) stopped / early.size()).isBetween(0.02, 0.25);
  }

  @Test
  void decemberSellsMoreThanJanuaryAndNovemberMoreThanSeptember() {
    // Growth alone makes each month 2% bigger than the one before; the season outweighs it.
    assertThat(orders.get(YearMonth.of(2025, 12)))
        .isGreaterThan((int) (orders.get(YearMonth.of(2026, 1)) * 1.2));
    assertThat(orders.get(YearMonth.of(2026, 11)))
        .isGreaterThan((int) (orders.get(YearMonth.of(2026, 9)) * 1.1));
  }

  @Test
  void theSameSeedAndMonthsGiveTheSameFilesOneMonthTheSingleMonthFiles() throws IOException {
    Generator.generate(2_000, 7, LAST, 4, tmp.resolve("b"), Progress.silent());
    Generator.generate(2_000, 7, LAST, 4, tmp.resolve("c"), Progress.silent());
    Generator.generate(2_000, 7, LAST, 1, tmp.resolve("d"), Progress.silent());
    Generator.generate(2_000, 7, LAST, tmp.resolve("e"), Progress.silent());
    for (String f : new String[] {"distributors.csv", "customers.csv", "orders.csv"}) {
      assertThat(Files.mismatch(tmp.resolve("b").resolve(f), tmp.resolve("c").resolve(f)))
          .as(f).isEqualTo(-1L);
      assertThat(Files.mismatch(tmp.resolve("d").resolve(f), tmp.resolve("e").resolve(f)))
          .as(f).isEqualTo(-1L);
    }
    assertThat(Files.mismatch(tmp.resolve("b").resolve("orders.csv"),
        tmp.resolve("d").resolve("orders.csv"))).isNotEqualTo(-1L);
  }

  @Test
  void monthsOutsideOneToAHundredAndTwentyAreRefused() {
    assertThatThrownBy(() -> Generator.generate(10, 1, LAST, 0, tmp.resolve("x"),
        Progress.silent())).hasMessage("months must be 1 to 120: 0");
    assertThatThrownBy(() -> Generator.generate(10, 1, LAST, 121, tmp.resolve("x"),
        Progress.silent())).hasMessage("months must be 1 to 120: 121");
  }
}
