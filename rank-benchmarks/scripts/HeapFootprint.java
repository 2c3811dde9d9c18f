import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanFiles;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Live heap of an organisation read from CSV and of its evaluation, and bytes per distributor,
 * customer and order. Run with the command-line jar on the class path:
 *
 * <pre>
 * java -Xmx2g -cp rank-examples/target/rankgauge.jar rank-benchmarks/scripts/HeapFootprint.java /tmp/m1 seed
 * </pre>
 *
 * Each figure is the used heap after full collections, less the used heap before the thing was
 * made; per-kind figures come from rebuilding the organisation kind by kind through the builder's
 * row methods.
 */
public class HeapFootprint {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    CompPlan plan = PlanFiles.bundled(args.length > 1 ? args[1] : "seed");
    long base = used();
    Organisation org = CsvOrganisation.read(dir, plan, Progress.silent());
    long withOrg = used();
    Evaluation e = RankGauge.evaluate(org, plan, Period.month(2026, 11));
    long withEval = used();
    int n = org.distributorCount();
    int c = org.customerCount();
    int m = org.orderCount();
    print("organisation", withOrg - base, -1);
    print("evaluation (" + plan.name() + ")", withEval - withOrg, -1);
    print("organisation and evaluation", withEval - base, -1);
    List<String> types = List.copyOf(plan.volumeTypes());

    long before = used();
    Organisation.Builder b = Organisation.builder();
    for (Distributor d : org.distributors()) {
      b.distributor(d.id(), d.sponsorId().orElse(null), d.joinDate(), d.name(), d.email(),
          d.phone().orElse(null));
    }
    Organisation onlyD = b.build();
    long dBytes = used() - before;
    onlyD = null;
    before = used();
    b = Organisation.builder();
    for (Distributor d : org.distributors()) {
      b.distributor(d.id(), d.sponsorId().orElse(null), d.joinDate(), d.name(), d.email(),
          d.phone().orElse(null));
    }
    for (Customer cu : org.customers()) {
      b.customer(cu.id(), cu.distributorId(), cu.name(), cu.email(), cu.phone().orElse(null));
    }
    Organisation dc = b.build();
    long dcBytes = used() - before;
    print("per distributor", dBytes, n);
    print("per customer", dcBytes - dBytes, c);
    print("per order", (withOrg - base) - dcBytes, m);
    System.out.println(String.format(Locale.ROOT, "%,d distributors, %,d customers, %,d orders;"
        + " heap %s", n, c, m, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()));
    if (dc.distributorCount() + (e.paidAsCounts().size()) < 0 || onlyD != null) {
      System.out.println(BigDecimal.ZERO);
    }
  }

  private static void print(String what, long bytes, long count) {
    System.out.println(count < 0
        ? String.format(Locale.ROOT, "%-32s %,8.1f MB", what, bytes / 1048576.0)
        : String.format(Locale.ROOT, "%-32s %,8.1f bytes (%,.1f MB over %,d)", what,
            (double) bytes / count, bytes / 1048576.0, count));
  }

  private static long used() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
