package dev.rankgauge.bench;

import dev.rankgauge.BuyerType;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * per trial, outside the measurement.
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

  /** Makes the rows once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    Organisation org = SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED)
        .organisation();
    // Copies: the organisation's lists rebuild each record when it is read.
    distributorRows = List.copyOf(org.distributors());
    customerRows = List.copyOf(org.customers());
    orderRows = List.copyOf(org.orders());
    values = new Values(distributorRows, customerRows, orderRows);
    System.gc();
  }

  private Values values;

  /** The rows as columns of plain values, as a host's result set delivers them. */
  private static final class Values {
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

    Values(List<Distributor> ds, List<Customer> cs, List<Order> os) {
      int n = ds.size();
      dId = new String[n];
      dSponsor = new String[n];
      dJoined = new LocalDate[n];
      dName = new String[n];
      dEmail = new String[n];
      dPhone = new String[n];
      for (int i = 0; i < n; i++) {
        Distributor d = ds.get(i);
        dId[i] = d.id();
        dSponsor[i] = d.sponsorId().orElse(null);
        dJoined[i] = d.joinDate();
        dName[i] = d.name();
        dEmail[i] = d.email();
        dPhone[i] = d.phone().orElse(null);
      }
      int c = cs.size();
      cId = new String[c];
      cOwner = new String[c];
      cName = new String[c];
      cEmail = new String[c];
      cPhone = new String[c];
      for (int i = 0; i < c; i++) {
        Customer cu = cs.get(i);
        cId[i] = cu.id();
        cOwner[i] = cu.distributorId();
        cName[i] = cu.name();
        cEmail[i] = cu.email();
        cPhone[i] = cu.phone().orElse(null);
      }
      int m = os.size();
      oId = new String[m];
      oType = new BuyerType[m];
      oBuyer = new String[m];
      oTime = new Instant[m];
      oStatus = new OrderStatus[m];
      oAmount = new BigDecimal[m];
      oPv = new BigDecimal[m];
      for (int i = 0; i < m; i++) {
        Order o = os.get(i);
        oId[i] = o.id();
        oType[i] = o.buyerType();
        oBuyer[i] = o.buyerId();
        oTime[i] = o.timestamp();
        oStatus[i] = o.status();
        oAmount[i] = o.amount();
        oPv[i] = o.volume("PV");
      }
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
