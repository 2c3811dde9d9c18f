package dev.rankgauge.bench;

import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
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
 * checking them all. The rows (records) are made once per trial, outside the measurement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@State(Scope.Benchmark)
public class OrganisationBuildBenchmark {
  @Param({"100000"})
  int distributors;

  private List<Distributor> distributorRows;
  private List<Customer> customerRows;
  private List<Order> orderRows;

  /** Makes the rows once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    Organisation org = SyntheticOrganisation.generate(distributors, SyntheticOrganisation.SEED)
        .organisation();
    distributorRows = org.distributors();
    customerRows = org.customers();
    orderRows = List.copyOf(org.orders());
    System.gc();
  }

  /** Adds every row to a new builder and builds. */
  @Benchmark
  public Organisation build() {
    return Organisation.builder().addDistributors(distributorRows).addCustomers(customerRows)
        .addOrders(orderRows).build();
  }
}
