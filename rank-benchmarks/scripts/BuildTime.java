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
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Building an organisation from rows held as plain values (what a host streaming from a database
 * hands the builder's row methods), several times in one JVM: for each build, the wall time, the
 * building thread's CPU time and the process's (every thread: the common pool's part of
 * {@code build()}, and the collector, which marks this script's own 1.5 GB of row objects), for
 * the row methods and {@code build()} apart and together. The rows are those of a data folder,
 * read once. Run with the command-line jar on the class path:
 *
 * <pre>
 * java -Xmx4g -cp rank-examples/target/rankgauge.jar rank-benchmarks/scripts/BuildTime.java /tmp/m1 seed 5 [expect][,threads]
 * </pre>
 *
 * With {@code expect}, each builder is first told the counts ({@code Builder.expect}), as a host
 * that knows them would. With {@code threads}, the three kinds of rows are added on three threads
 * at once (distributors on the calling thread), as the builder allows and as a host reading three
 * tables at once would; the "thread CPU" of the rows is then the calling thread's only.
 */
public class BuildTime {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

  /**
   * The CPU time of the collector's threads so far (G1's and the parallel ones: {@code G1 ...} and
   * {@code GC Thread#...}), in nanoseconds, from /proc (ticks of 10 ms); 0 where there is none.
   * With this script's own rows live (1.5 GB of {@code String}s and decimals at 1,000,000
   * distributors), the builder's large arrays start a concurrent marking of the whole heap during
   * each build: CPU the two cores' builder does not get, and not the builder's own.
   */
  private static long gcCpu() {
    long ticks = 0;
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String comm = Files.readString(t.resolve("comm")).strip();
          if (comm.startsWith("G1 ") || comm.startsWith("GC Thread")) {
            String stat = Files.readString(t.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (java.io.IOException | RuntimeException gone) {
          // A thread that ended meanwhile.
        }
      }
    } catch (java.io.IOException | RuntimeException noProc) {
      return 0;
    }
    return ticks * 10_000_000L;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CompPlan plan = PlanFiles.bundled(args.length > 1 ? args[1] : "seed");
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> options = args.length > 3 ? List.of(args[3].split(",")) : List.of();
    boolean expect = options.contains("expect");
    boolean threads = options.contains("threads");
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
    System.out.println("      rows: wall, thread CPU, process CPU;   build(): the same;"
        + "   together: wall, process CPU, the collector's CPU");
    for (int r = 1; r <= runs; r++) {
      long gc = gcCpu();
      long w = System.nanoTime();
      long cpu = OS.getProcessCpuTime();
      long thread = THREAD.getCurrentThreadCpuTime();
      final Organisation.Builder b = Organisation.builder();
      if (expect) {
        b.expect(n, c, m);
      }
      long[] kindCpu = new long[2];
      Runnable customers = () -> {
        long t0 = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < c; i++) {
          b.customer(cId[i], cOwner[i], cName[i], cEmail[i], cPhone[i]);
        }
        kindCpu[0] = THREAD.getCurrentThreadCpuTime() - t0;
      };
      Runnable orders = () -> {
        long t0 = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < m; i++) {
          b.order(oId[i], oType[i], oBuyer[i], oTime[i], oStatus[i], oAmount[i], types,
              oVolumes[i]);
        }
        kindCpu[1] = THREAD.getCurrentThreadCpuTime() - t0;
      };
      Thread[] others = threads
          ? new Thread[] {new Thread(customers), new Thread(orders)} : new Thread[0];
      for (Thread t : others) {
        t.start();
      }
      long d0 = THREAD.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        b.distributor(dId[i], dSponsor[i], dJoined[i], dName[i], dEmail[i], dPhone[i]);
      }
      long dCpu = THREAD.getCurrentThreadCpuTime() - d0;
      if (threads) {
        for (Thread t : others) {
          t.join();
        }
      } else {
        customers.run();
        orders.run();
      }
      long w1 = System.nanoTime();
      long cpu1 = OS.getProcessCpuTime();
      long thread1 = THREAD.getCurrentThreadCpuTime();
      Organisation org = b.build();
      long w2 = System.nanoTime();
      long cpu2 = OS.getProcessCpuTime();
      long thread2 = THREAD.getCurrentThreadCpuTime();
      long gc2 = gcCpu();
      System.out.println(String.format(Locale.ROOT,
          "%3d   rows %.3f %.3f %.3f s;   build %.3f %.3f %.3f s;   together %.3f %.3f s, of which"
          + " the collector's %.2f s%s;   each kind's thread CPU %.3f, %.3f, %.3f s", r,
          (w1 - w) / 1e9, (thread1 - thread) / 1e9, (cpu1 - cpu) / 1e9,
          (w2 - w1) / 1e9, (thread2 - thread1) / 1e9, (cpu2 - cpu1) / 1e9,
          (w2 - w) / 1e9, (cpu2 - cpu) / 1e9, (gc2 - gc) / 1e9,
          org.orderCount() == m ? "" : " (orders differ)", dCpu / 1e9, kindCpu[0] / 1e9,
          kindCpu[1] / 1e9));
      org = null;
      System.gc();
    }
    System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).strip());
  }
}
