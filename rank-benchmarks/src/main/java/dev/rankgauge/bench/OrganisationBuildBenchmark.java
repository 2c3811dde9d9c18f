package dev.rankgauge.bench;

import dev.rankgauge.BuyerType;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a host pays before it can evaluate: {@code Organisation.builder()} taking every row and
 * checking them all, as records ({@link #build}) or as plain values through the row methods
 * ({@link #buildFromValues}, what a host streaming from a database does). The rows are made once
 * per trial, outside the measurement, straight from the generator's columns (ids, names, emails
 * and phones as {@link SyntheticOrganisation#organisation()} gives them), without building an
 * organisation first: at 1,000,000 distributors the setup takes seconds, where building and
 * copying an organisation's records did not finish its first warm-up under load.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class OrganisationBuildBenchmark {
  @Param({"100000", "1000000"})
  int distributors;

  private List<Distributor> distributorRows;
  private List<Customer> customerRows;
  private List<Order> orderRows;
  private Values values;

  /** Makes the rows once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    values = new Values(SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED));
    distributorRows = values.distributors();
    customerRows = values.customers();
    orderRows = values.orders();
    System.gc();
  }

  /** The rows as columns of plain values, as a host's result set delivers them. */
  static final class Values {
    final String[] dId;
    final String[] dSponsor;
    final LocalDate[] dJoined;
    final String[] dName;
    final String[] dEmail;
    final String[] dPhone;
    final String[] cId;
    final String[] cOwner;
    final String[] cName;
    final String[] cEmail;
    final String[] cPhone;
    final String[] oId;
    final BuyerType[] oType;
    final String[] oBuyer;
    final Instant[] oTime;
    final OrderStatus[] oStatus;
    final BigDecimal[] oAmount;
    final BigDecimal[] oPv;
    final List<String> types = List.of("PV");

    Values(SyntheticOrganisation g) {
      int n = g.distributorCount;
      dId = new String[n];
      dSponsor = new String[n];
      dJoined = new LocalDate[n];
      dName = new String[n];
      dEmail = new String[n];
      dPhone = new String[n];
      LocalDate[] joined = new LocalDate[60];
      for (int k = 0; k < joined.length; k++) {
        joined[k] = LocalDate.of(2021, 12, 1).plusMonths(k);
      }
      for (int d = 0; d < n; d++) {
        int number = g.distributorNumber[d];
        dId[d] = SyntheticOrganisation.distributorId(number);
        dSponsor[d] = g.parent[d] < 0 ? null
            : SyntheticOrganisation.distributorId(g.distributorNumber[g.parent[d]]);
        dJoined[d] = joined[(int) ((long) number * joined.length / n)];
        dName[d] = "Distributor " + number;
        dEmail[d] = "d" + number + "@example.com";
        dPhone[d] = number % 3 == 0 ? "+1 801 555 " + (number % 10_000) : null;
      }
      int c = g.customerCount;
      cId = new String[c];
      cOwner = new String[c];
      cName = new String[c];
      cEmail = new String[c];
      cPhone = new String[c];
      for (int i = 0; i < c; i++) {
        int number = g.customerNumber[i];
        cId[i] = SyntheticOrganisation.customerId(number);
        cOwner[i] = SyntheticOrganisation.distributorId(g.distributorNumber[g.customerOwner[i]]);
        cName[i] = "Customer " + number;
        cEmail[i] = "c" + number + "@example.com";
      }
      int m = g.orderCount;
      oId = new String[m];
      oType = new BuyerType[m];
      oBuyer = new String[m];
      oTime = new Instant[m];
      oStatus = new OrderStatus[m];
      oAmount = new BigDecimal[m];
      oPv = new BigDecimal[m];
      OrderStatus[] statuses = OrderStatus.values();
      for (int o = 0; o < m; o++) {
        oId[o] = "O" + g.orderNumber[o];
        boolean byCustomer = g.orderByCustomer[o];
        oType[o] = byCustomer ? BuyerType.CUSTOMER : BuyerType.DISTRIBUTOR;
        oBuyer[o] = byCustomer
            ? SyntheticOrganisation.customerId(g.customerNumber[g.orderBuyer[o]])
            : SyntheticOrganisation.distributorId(g.distributorNumber[g.orderBuyer[o]]);
        long t = g.orderTime[o];
        oTime[o] = Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L),
            Math.floorMod(t, 1_000_000_000L));
        oStatus[o] = statuses[g.orderStatus[o]];
        long units = g.orderPv[o];
        oPv[o] = BigDecimal.valueOf(units, SyntheticOrganisation.SCALE);
        oAmount[o] = BigDecimal.valueOf(units * 125, SyntheticOrganisation.SCALE + 2)
            .setScale(2, RoundingMode.HALF_EVEN);
      }
    }

    List<Distributor> distributors() {
      List<Distributor> out = new ArrayList<>(dId.length);
      for (int i = 0; i < dId.length; i++) {
        Distributor d = Distributor.of(dId[i], dSponsor[i], dJoined[i], dName[i], dEmail[i]);
        out.add(dPhone[i] == null ? d : d.withPhone(dPhone[i]));
      }
      return out;
    }

    List<Customer> customers() {
      List<Customer> out = new ArrayList<>(cId.length);
      for (int i = 0; i < cId.length; i++) {
        out.add(Customer.of(cId[i], cOwner[i], cName[i], cEmail[i]));
      }
      return out;
    }

    List<Order> orders() {
      List<Order> out = new ArrayList<>(oId.length);
      for (int i = 0; i < oId.length; i++) {
        out.add(new Order(oId[i], oType[i], oBuyer[i], oTime[i], oStatus[i],
            Map.of("PV", oPv[i]), oAmount[i]));
      }
      return out;
    }
  }

  /** Adds every row to a new builder and builds. */
  @Benchmark
  public Organisation build() {
    return Organisation.builder().addDistributors(distributorRows).addCustomers(customerRows)
        .addOrders(orderRows).build();
  }

  /** Adds every row as plain values through the builder's row methods and builds. */
  @Benchmark
  public Organisation buildFromValues() {
    Values v = values;
    Organisation.Builder b = Organisation.builder();
    for (int i = 0; i < v.dId.length; i++) {
      b.distributor(v.dId[i], v.dSponsor[i], v.dJoined[i], v.dName[i], v.dEmail[i], v.dPhone[i]);
    }
    for (int i = 0; i < v.cId.length; i++) {
      b.customer(v.cId[i], v.cOwner[i], v.cName[i], v.cEmail[i], v.cPhone[i]);
    }
    for (int i = 0; i < v.oId.length; i++) {
      b.order(v.oId[i], v.oType[i], v.oBuyer[i], v.oTime[i], v.oStatus[i], v.oAmount[i],
          v.types, v.oPv[i]);
    }
    return b.build();
  }
}
