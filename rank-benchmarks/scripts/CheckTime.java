import com.sun.management.OperatingSystemMXBean;
import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanFiles;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The check step alone: {@code Organisation.Builder.build()} timed apart from the row methods
 * that fill the builder, several times in one JVM, from rows held as plain values (those of a
 * data folder, read once), as {@code BuildTime} does for the two together. For each run: the
 * rows' wall and CPU time, then build()'s, CPU time being the process's (every thread, collector
 * included), the figure that means something on a loaded machine. Run with the command-line jar
 * on the class path:
 *
 * <pre>
 * java -Xmx4g -cp rank-examples/target/rankgauge.jar rank-benchmarks/scripts/CheckTime.java /tmp/m1 seed 7 expect
 * </pre>
 */
public class CheckTime {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CompPlan plan = PlanFiles.bundled(args.length > 1 ? args[1] : "seed");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean expect = args.length > 3 && args[3].equals("expect");
    Organisation read = CsvOrganisation.read(dir, plan, Progress.silent());
    int n = read.distributorCount();
    String[] dId = new String[n];
    String[] dSponsor = new String[n];
    LocalDate[] dJoined = new LocalDate[n];
    String[] dName = new String[n];
    String[] dEmail = new String[n];
    String[] dPhone = new String[n];
    List<Distributor> ds = read.distributors();
    for (int i = 0; i < n; i++) {
      Distributor d = ds.get(i);
      dId[i] = d.id();
      dSponsor[i] = d.sponsorId().orElse(null);
      dJoined[i] = d.joinDate();
      dName[i] = d.name();
      dEmail[i] = d.email();
      dPhone[i] = d.phone().orElse(null);
    }
    int c = read.customerCount();
    String[] cId = new String[c];
    String[] cOwner = new String[c];
    String[] cName = new String[c];
    String[] cEmail = new String[c];
    String[] cPhone = new String[c];
    List<Customer> cs = read.customers();
    for (int i = 0; i < c; i++) {
      Customer cu = cs.get(i);
      cId[i] = cu.id();
      cOwner[i] = cu.distributorId();
      cName[i] = cu.name();
      cEmail[i] = cu.email();
      cPhone[i] = cu.phone().orElse(null);
    }
    int m = read.orderCount();
    List<String> types = List.copyOf(read.volumeTypes());
    String[] oId = new String[m];
    BuyerType[] oType = new BuyerType[m];
    String[] oBuyer = new String[m];
    Instant[] oTime = new Instant[m];
    OrderStatus[] oStatus = new OrderStatus[m];
    BigDecimal[] oAmount = new BigDecimal[m];
    BigDecimal[][] oVolumes = new BigDecimal[m][];
    List<Order> os = read.orders();
    for (int i = 0; i < m; i++) {
      Order o = os.get(i);
      oId[i] = o.id();
      oType[i] = o.buyerType();
      oBuyer[i] = o.buyerId();
      oTime[i] = o.timestamp();
      oStatus[i] = o.status();
      oAmount[i] = o.amount();
      BigDecimal[] v = new BigDecimal[types.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = o.volumes().get(types.get(k));
      }
      oVolumes[i] = v;
    }
    read = null;
    ds = null;
    cs = null;
    os = null;
    System.gc();
    System.out.println(String.format(Locale.ROOT, "%,d distributors, %,d customers, %,d orders",
        n, c, m));
    System.out.println("run  rows: wall, CPU  build(): wall, CPU  1-minute load");
    for (int r = 1; r <= runs; r++) {
      long w = System.nanoTime();
      long cpu = OS.getProcessCpuTime();
      Organisation.Builder b = Organisation.builder();
      if (expect) {
        b.expect(n, c, m);
      }
      for (int i = 0; i < n; i++) {
        b.distributor(dId[i], dSponsor[i], dJoined[i], dName[i], dEmail[i], dPhone[i]);
      }
      for (int i = 0; i < c; i++) {
        b.customer(cId[i], cOwner[i], cName[i], cEmail[i], cPhone[i]);
      }
      for (int i = 0; i < m; i++) {
        b.order(oId[i], oType[i], oBuyer[i], oTime[i], oStatus[i], oAmount[i], types, oVolumes[i]);
      }
      double rowsWall = (System.nanoTime() - w) / 1e9;
      double rowsCpu = (OS.getProcessCpuTime() - cpu) / 1e9;
      long w2 = System.nanoTime();
      long cpu2 = OS.getProcessCpuTime();
      Organisation org = b.build();
      double wall = (System.nanoTime() - w2) / 1e9;
      double cpuS = (OS.getProcessCpuTime() - cpu2) / 1e9;
      System.out.println(String.format(Locale.ROOT,
          "%3d  rows %6.2f s wall %6.2f s CPU  build() %6.3f s wall %6.3f s CPU  load %s%s",
          r, rowsWall, rowsCpu, wall, cpuS,
          Files.readString(Path.of("/proc/loadavg")).split(" ")[0],
          org.orderCount() == m ? "" : " (orders differ)"));
      org = null;
      b = null;
      System.gc();
    }
    System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).strip());
  }
}
