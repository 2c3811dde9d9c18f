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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinTask;

/**
 * Building an organisation from rows held as plain values (what a host streaming from a database
 * hands the builder's row methods), several times in one JVM: for each build, the wall time, the
 * building thread's CPU time and the process's (every thread: the common pool's part of
 * {@code build()}, and the collector, which marks this script's own 1.5 GB of row objects), for
 * the row methods and {@code build()} apart and together. The rows are those of a data folder,
 * read once. Run with the command-line jar on the class path:
 *
 * <pre>
 * java -Xmx4g -cp rank-examples/target/rankgauge.jar rank-benchmarks/scripts/BuildTime.java /tmp/m1 seed 5 [expect][,threads][,floor]
 * </pre>
 *
 * With {@code expect}, each builder is first told the counts ({@code Builder.expect}), as a host
 * that knows them would. With {@code threads}, the three kinds of rows are added on three threads
 * at once (distributors on the calling thread), as the builder allows and as a host reading three
 * tables at once would; the "thread CPU" of the rows is then the calling thread's only. With
 * {@code floor}, each build is followed by the {@link Floor}'s (the least any builder does with
 * these rows, hand-written over plain arrays, on the same threads) and the two compared as
 * ratios measured in the same run, as {@code PairedRatio} compares the engine with the bare
 * loop.
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
    boolean floor = options.contains("floor");
    boolean added = options.contains("added");
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
        if (added) {
          b.customersAdded();
        }
        kindCpu[0] = THREAD.getCurrentThreadCpuTime() - t0;
      };
      Runnable orders = () -> {
        long t0 = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < m; i++) {
          b.order(oId[i], oType[i], oBuyer[i], oTime[i], oStatus[i], oAmount[i], types,
              oVolumes[i]);
        }
        if (added) {
          b.ordersAdded();
        }
        kindCpu[1] = THREAD.getCurrentThreadCpuTime() - t0;
      };
      long[] dCpuOf = new long[1];
      kinds(threads, () -> {
        long d0 = THREAD.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          b.distributor(dId[i], dSponsor[i], dJoined[i], dName[i], dEmail[i], dPhone[i]);
        }
        if (added) {
          b.distributorsAdded();
        }
        dCpuOf[0] = THREAD.getCurrentThreadCpuTime() - d0;
      }, customers, orders);
      long dCpu = dCpuOf[0];
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
      if (floor) {
        long fw = System.nanoTime();
        long fc = OS.getProcessCpuTime();
        Floor f = new Floor(n, c, m, types.size());
        f.rows(threads, dId, dSponsor, dJoined, dName, dEmail, dPhone, cId, cOwner, cName, cEmail,
            cPhone, oId, oType, oBuyer, oTime, oStatus, oAmount, oVolumes);
        long fw1 = System.nanoTime();
        long fc1 = OS.getProcessCpuTime();
        f.build();
        long fw2 = System.nanoTime();
        long fc2 = OS.getProcessCpuTime();
        System.out.println(String.format(Locale.ROOT,
            "      floor: rows %.3f s, %.3f s CPU;   build %.3f s, %.3f s CPU;   together %.3f s,"
            + " %.3f s CPU;   the builder against the floor: %.2fx wall, %.2fx CPU;   each kind's"
            + " thread CPU %.3f, %.3f, %.3f s", (fw1 - fw) / 1e9,
            (fc1 - fc) / 1e9, (fw2 - fw1) / 1e9, (fc2 - fc1) / 1e9, (fw2 - fw) / 1e9,
            (fc2 - fc) / 1e9, (double) (w2 - w) / (fw2 - fw), (double) (cpu2 - cpu) / (fc2 - fc),
            f.kindCpu[0] / 1e9, f.kindCpu[1] / 1e9, f.kindCpu[2] / 1e9));
        f = null;
        System.gc();
      }
    }
    System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /**
   * Adds the three kinds of rows: with {@code threads}, customers and orders each on a thread of
   * its own while distributors are added on this one, then both joined; else one after another.
   */
  static void kinds(boolean threads, Runnable distributors, Runnable customers, Runnable orders)
      throws InterruptedException {
    Thread[] others = threads
        ? new Thread[] {new Thread(customers), new Thread(orders)} : new Thread[0];
    for (Thread t : others) {
      t.start();
    }
    distributors.run();
    for (Thread t : others) {
      t.join();
    }
    if (!threads) {
      customers.run();
      orders.run();
    }
  }

  /**
   * The floor to compare the builder with, as the bare loop in tree order is the engine's: the
   * least that any builder of these rows does, hand-written over plain arrays, on the same
   * threads. The rows: every text copied as UTF-8 into one array per kind of text (ASCII a
   * character at a time, other text through {@link String#getBytes}), every date, time, status
   * and decimal into a column. Then {@code build()}: every id put into an array by its number
   * (the ids are a letter and a number, as in the benchmarks' data), every sponsor, customer's
   * distributor and order's buyer looked up there, the sponsor tree walked breadth-first, the
   * customers counted into their distributors' order and the orders into their buyers', and the
   * orders' six number columns gathered in that order. None of the builder's checks (blank,
   * repeated or unknown ids, cycles, ranges of decimals), no problems, no contacts kept in order:
   * what it leaves out is the builder's margin over the floor.
   */
  static final class Floor {
    final int n;
    final int c;
    final int m;
    final int types;
    /** Each kind's rows' thread CPU: distributors', customers', orders'. */
    final long[] kindCpu = new long[3];
    Flat dIds;
    Flat dSponsors;
    Flat dContacts;
    int[] joined;
    Flat cIds;
    Flat cOwners;
    Flat cContacts;
    Flat oIds;
    Flat oBuyers;
    boolean[] byCustomer;
    long[] time;
    byte[] status;
    long[] amount;
    byte[] amountScale;
    long[][] volume;
    byte[][] volumeScale;

    Floor(int n, int c, int m, int types) {
      this.n = n;
      this.c = c;
      this.m = m;
      this.types = types;
    }

    void rows(boolean threads, String[] dId, String[] dSponsor, LocalDate[] dJoined,
        String[] dName, String[] dEmail, String[] dPhone, String[] cId, String[] cOwner,
        String[] cName, String[] cEmail, String[] cPhone, String[] oId, BuyerType[] oType,
        String[] oBuyer, Instant[] oTime, OrderStatus[] oStatus, BigDecimal[] oAmount,
        BigDecimal[][] oVolumes) throws InterruptedException {
      // Each kind's arrays made on the thread that fills them, as the builder makes its room.
      Runnable customers = () -> {
        long t0 = THREAD.getCurrentThreadCpuTime();
        cIds = new Flat(c, 8);
        cOwners = new Flat(c, 8);
        cContacts = new Flat(3 * c, 17);
        for (int i = 0; i < c; i++) {
          cIds.add(cId[i]);
          cOwners.add(cOwner[i]);
          cContacts.add(cName[i]);
          cContacts.add(cEmail[i]);
          cContacts.add(cPhone[i]);
        }
        kindCpu[1] = THREAD.getCurrentThreadCpuTime() - t0;
      };
      Runnable orders = () -> {
        long t0 = THREAD.getCurrentThreadCpuTime();
        oIds = new Flat(m, 8);
        oBuyers = new Flat(m, 8);
        byCustomer = new boolean[m];
        time = new long[m];
        status = new byte[m];
        amount = new long[m];
        amountScale = new byte[m];
        volume = new long[types][m];
        volumeScale = new byte[types][m];
        for (int i = 0; i < m; i++) {
          oIds.add(oId[i]);
          oBuyers.add(oBuyer[i]);
          byCustomer[i] = oType[i] == BuyerType.CUSTOMER;
          time[i] = oTime[i].getEpochSecond() * 1_000_000_000L + oTime[i].getNano();
          status[i] = (byte) oStatus[i].ordinal();
          amount[i] = unscaled(oAmount[i]);
          amountScale[i] = (byte) oAmount[i].scale();
          BigDecimal[] v = oVolumes[i];
          for (int k = 0; k < v.length; k++) {
            volume[k][i] = unscaled(v[k]);
            volumeScale[k][i] = (byte) v[k].scale();
          }
        }
        kindCpu[2] = THREAD.getCurrentThreadCpuTime() - t0;
      };
      kinds(threads, () -> {
        long t0 = THREAD.getCurrentThreadCpuTime();
        dIds = new Flat(n, 8);
        dSponsors = new Flat(n, 8);
        dContacts = new Flat(3 * n, 17);
        joined = new int[n];
        for (int i = 0; i < n; i++) {
          dIds.add(dId[i]);
          dSponsors.add(dSponsor[i]);
          joined[i] = (int) dJoined[i].toEpochDay();
          dContacts.add(dName[i]);
          dContacts.add(dEmail[i]);
          dContacts.add(dPhone[i]);
        }
        kindCpu[0] = THREAD.getCurrentThreadCpuTime() - t0;
      }, customers, orders);
    }

    static long unscaled(BigDecimal v) {
      return v.scaleByPowerOfTen(v.scale()).longValue();
    }

    /** {@code build()}'s floor, on this thread and one of the common pool's. */
    void build() {
      // The customers' and orders' ids on the pool while this thread does the distributors'.
      int[] cAt = new int[c + 1];
      int[] oAt = new int[m + 1];
      ForkJoinTask<?> ids = ForkJoinTask.adapt(() -> {
        cIds.index(cAt);
        oIds.index(oAt);
      }).fork();
      int[] dAt = new int[n + 1];
      dIds.index(dAt);
      int[] parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = dSponsors.isEmpty(i) ? -1 : dAt[dSponsors.number(i)] - 1;
      }
      // The sponsor tree: children counted, placed, then walked breadth-first.
      int[] start = new int[n + 2];
      for (int i = 0; i < n; i++) {
        start[parent[i] + 2]++;
      }
      for (int i = 2; i < start.length; i++) {
        start[i] += start[i - 1];
      }
      int[] kids = new int[n];
      for (int i = 0; i < n; i++) {
        kids[start[parent[i] + 1]++] = i;
      }
      // Roots first (start[0] to start[1]), then each one's children in the walk's order.
      int[] topDown = new int[n];
      int size = 0;
      for (int k = 0; k < start[1]; k++) {
        topDown[size++] = kids[k];
      }
      for (int k = 0; k < size; k++) {
        int v = topDown[k];
        for (int j = start[v + 1]; j < start[v + 2]; j++) {
          topDown[size++] = kids[j];
        }
      }
      int[] pos = new int[n];
      for (int k = 0; k < n; k++) {
        pos[topDown[k]] = k;
      }
      ids.join();
      // The customers' distributors, half on the pool.
      int[] owner = new int[c];
      halves(c, (from, to) -> {
        for (int k = from; k < to; k++) {
          owner[k] = dAt[cOwners.number(k)] - 1;
        }
      });
      // The customers in their distributors' order (on the pool), the orders' buyers (here).
      int[][] byOwner = new int[1][];
      ForkJoinTask<?> sort = ForkJoinTask.adapt(() -> {
        int[] key = new int[c];
        for (int k = 0; k < c; k++) {
          key[k] = pos[owner[k]];
        }
        byOwner[0] = countingSort(key, n);
      }).fork();
      int[] buyer = new int[m];
      halves(m, (from, to) -> {
        for (int o = from; o < to; o++) {
          buyer[o] = (byCustomer[o] ? cAt : dAt)[oBuyers.number(o)] - 1;
        }
      });
      sort.join();
      int[] cPos = new int[c];
      int[] cOrder = byOwner[0];
      for (int k = 0; k < c; k++) {
        cPos[cOrder[k]] = k;
      }
      // The orders in their buyers' order, distributors' orders first.
      int[] key = new int[m];
      for (int o = 0; o < m; o++) {
        key[o] = byCustomer[o] ? n + cPos[buyer[o]] : pos[buyer[o]];
      }
      int[] oOrder = countingSort(key, n + c);
      // Their columns gathered in that order, half of them on the pool.
      ForkJoinTask<?> half = ForkJoinTask.adapt(() -> {
        gathered(time, oOrder);
        gathered(amount, oOrder);
        gathered(status, oOrder);
        gathered(amountScale, oOrder);
      }).fork();
      for (int k = 0; k < volume.length; k++) {
        gathered(volume[k], oOrder);
        gathered(volumeScale[k], oOrder);
      }
      half.join();
    }

    interface Range {
      void run(int from, int to);
    }

    /** The first half of {@code [0, size)} on the common pool, the second on this thread. */
    static void halves(int size, Range range) {
      ForkJoinTask<?> first = ForkJoinTask.adapt(() -> range.run(0, size / 2)).fork();
      range.run(size / 2, size);
      first.join();
    }

    /** Positions 0 to {@code key.length - 1} in order of their keys, each below keys. */
    static int[] countingSort(int[] key, int keys) {
      int[] start = new int[keys + 1];
      for (int k : key) {
        start[k + 1]++;
      }
      for (int i = 1; i <= keys; i++) {
        start[i] += start[i - 1];
      }
      int[] out = new int[key.length];
      for (int i = 0; i < key.length; i++) {
        out[start[key[i]]++] = i;
      }
      return out;
    }

    static long[] gathered(long[] column, int[] order) {
      long[] out = new long[order.length];
      for (int i = 0; i < order.length; i++) {
        out[i] = column[order[i]];
      }
      return out;
    }

    static byte[] gathered(byte[] column, int[] order) {
      byte[] out = new byte[order.length];
      for (int i = 0; i < order.length; i++) {
        out[i] = column[order[i]];
      }
      return out;
    }
  }

  /**
   * The floor's texts: their UTF-8 bytes in one array, the k-th from {@code bound[k]} to
   * {@code bound[k + 1]}.
   */
  static final class Flat {
    byte[] data;
    final int[] bound;
    int size;
    int used;

    Flat(int count, int bytesEach) {
      data = new byte[count * bytesEach];
      bound = new int[count + 1];
    }

    /** Appends a text, or an empty one for null. */
    void add(String s) {
      if (s == null) {
        bound[++size] = used;
        return;
      }
      int len = s.length();
      if (used + 3 * len > data.length) {
        data = Arrays.copyOf(data, Math.max(2 * data.length, used + 3 * len));
      }
      for (int i = 0; i < len; i++) {
        char ch = s.charAt(i);
        if (ch >= 0x80) {
          byte[] b = s.getBytes(StandardCharsets.UTF_8);
          System.arraycopy(b, 0, data, used, b.length);
          used += b.length;
          bound[++size] = used;
          return;
        }
        data[used + i] = (byte) ch;
      }
      used += len;
      bound[++size] = used;
    }

    boolean isEmpty(int k) {
      return bound[k] == bound[k + 1];
    }

    /** The number after the k-th text's first character (a letter). */
    int number(int k) {
      int x = 0;
      for (int i = bound[k] + 1, to = bound[k + 1]; i < to; i++) {
        x = 10 * x + data[i] - '0';
      }
      return x;
    }

    /** Each text's position + 1 by its number. */
    void index(int[] at) {
      for (int k = 0; k < size; k++) {
        at[number(k)] = k + 1;
      }
    }
  }
}
