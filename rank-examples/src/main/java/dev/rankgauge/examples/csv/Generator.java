package dev.rankgauge.examples.csv;

import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a synthetic organisation in the CSV format {@link CsvOrganisation} reads, for demos and
 * benchmarks. The shape is the one real companies show:
 *
 * <ul>
 *   <li>the enrolment tree grows by preferential attachment, so most distributors sponsor nobody
 *       and a few sponsor hundreds;
 *   <li>a handful of lines grow one under the other, thousands deep in a large organisation;
 *   <li>30% of the distributors buy 100 PV or more in the month, a quarter are lapsing (small
 *       orders, or orders in the months before), the rest are dormant; with their customers'
 *       orders about 43% reach 100 PV;
 *   <li>about half the distributors have personal customers, a few have dozens; a quarter
 *       of the customers buy in the month;
 *   <li>a few orders are cancelled, and a few are followed by a return.
 * </ul>
 *
 * <p>The same size and seed give the same files, byte for byte, on any machine and JDK. Orders
 * carry {@code pv} and {@code cv} (90% of PV) and are dated with local date-times, so they fall in
 * the month whatever the plan's time zone.
 */
public final class Generator {
  /** The month the orders are placed in unless told otherwise. */
  public static final YearMonth DEFAULT_MONTH = YearMonth.of(2026, 11);

  private static final String[] FIRST = {"Ava", "Ben", "Cara", "Dan", "Eli", "Fay", "Gus", "Hana",
      "Ian", "Jo", "Kai", "Lea", "Max", "Nia", "Oli", "Pia", "Quin", "Rae", "Sam", "Tia", "Uma",
      "Vic", "Wes", "Xia", "Yan", "Zoe", "Ana", "Bo", "Cleo", "Dev", "Ema", "Finn", "Gia", "Hal",
      "Ivy", "Jon", "Kim", "Lee", "Mia", "Ned"};
  private static final String[] LAST = {"Adams", "Brooks", "Cruz", "Diaz", "Evans", "Ford",
      "Grant", "Hughes", "Irwin", "James", "King", "Lane", "Moore", "Nash", "Owens", "Price",
      "Quinn", "Reyes", "Stone", "Tran", "Usher", "Vance", "Walsh", "Xu", "Young", "Zhang",
      "O'Neil", "García", "Müller", "Nguyen"};
  private static final String[] PV = {"25", "35", "49.95", "50", "60", "75", "99.50", "100", "120",
      "150", "200", "250"};
  private static final BigDecimal AMOUNT_PER_PV = new BigDecimal("1.25");
  private static final BigDecimal CV_PER_PV = new BigDecimal("0.9");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private final int size;
  private final SplitMix rnd;
  private final YearMonth month;
  private final Progress progress;
  private final LocalDate firstJoin = LocalDate.of(2015, 1, 1);
  private long orderId;

  private Generator(int size, long seed, YearMonth month, Progress progress) {
    this.size = size;
    this.rnd = new SplitMix(seed);
    this.month = month;
    this.progress = progress;
  }

  /**
   * Writes {@code distributors.csv}, {@code customers.csv} and {@code orders.csv} into {@code out}
   * (created if missing), replacing files of those names. Each file is written under a temporary
   * name and moved into place when complete.
   *
   * @param distributors how many distributors, at least 1
   * @param seed any number; the same seed gives the same organisation
   * @param month the month the orders fall in (with a few from the two months before)
   */
  public static void generate(int distributors, long seed, YearMonth month, Path out,
      Progress progress) throws IOException {
    if (distributors < 1) {
      throw new IllegalArgumentException("distributors must be at least 1: " + distributors);
    }
    Files.createDirectories(out);
    new Generator(distributors, seed, month, progress).write(out);
  }

  private void write(Path out) throws IOException {
    int[] sponsor = sponsors();
    // Not Files.createTempFile: its owner-only permissions would stay on the files.
    String tmp = "." + ProcessHandle.current().pid() + ".tmp";
    Path dTmp = out.resolve("." + CsvOrganisation.DISTRIBUTORS + tmp);
    Path cTmp = out.resolve("." + CsvOrganisation.CUSTOMERS + tmp);
    Path oTmp = out.resolve("." + CsvOrganisation.ORDERS + tmp);
    try {
      try (CSVPrinter d = printer(dTmp); CSVPrinter c = printer(cTmp); CSVPrinter o = printer(oTmp)) {
        d.printRecord("id", "sponsor_id", "join_date", "name", "email", "phone");
        c.printRecord("id", "distributor_id", "name", "email", "phone");
        o.printRecord("id", "buyer_type", "buyer_id", "date", "pv", "cv", "amount", "status");
        long customers = 0;
        long span = ChronoUnit.DAYS.between(firstJoin, month.atDay(1)) - 1;
        for (int i = 0; i < size; i++) {
          String id = "D" + (i + 1);
          String name = name();
          LocalDate joined = firstJoin.plusDays(span * i / size);
          d.printRecord(id, sponsor[i] < 0 ? "" : "D" + (sponsor[i] + 1), joined, name,
              email(name, id), phone());
          distributorOrders(o, id);
          int n = customerCount();
          for (int k = 0; k < n; k++) {
            String cid = "C" + (++customers);
            String cname = name();
            c.printRecord(cid, id, cname, email(cname, cid), phone());
            customerOrders(o, cid);
          }
          progress.count("distributors generated", i + 1L);
        }
      }
      move(dTmp, out.resolve(CsvOrganisation.DISTRIBUTORS));
      move(cTmp, out.resolve(CsvOrganisation.CUSTOMERS));
      move(oTmp, out.resolve(CsvOrganisation.ORDERS));
    } finally {
      Files.deleteIfExists(dTmp);
      Files.deleteIfExists(cTmp);
      Files.deleteIfExists(oTmp);
    }
  }

  private static CSVPrinter printer(Path p) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    return new CSVPrinter(w, FORMAT);
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The enrolment tree: sponsor index per distributor, -1 for the root. Sponsors always come
   * before the distributors they sponsor, so join dates rise down every line.
   */
  private int[] sponsors() {
    int[] sponsor = new int[size];
    sponsor[0] = -1;
    int lines = 4;
    int[] tip = new int[lines];
    for (int i = 1; i < size; i++) {
      double u = rnd.nextDouble();
      int s;
      if (u < 0.02 && i > lines) {
        // Deep lines: each grows under its own tip.
        int l = rnd.nextInt(lines);
        s = tip[l] == 0 ? 1 + rnd.nextInt(i - 1) : tip[l];
        tip[l] = i;
      } else if (u < 0.40 || i == 1) {
        s = rnd.nextInt(i);
      } else {
        // The sponsor of a random distributor: a sponsor is chosen as often as they have sponsored.
        s = sponsor[1 + rnd.nextInt(i - 1)];
      }
      sponsor[i] = s;
    }
    return sponsor;
  }

  private int customerCount() {
    double u = rnd.nextDouble();
    if (u < 0.5) {
      return 0;
    } else if (u < 0.98) {
      return 1 + rnd.nextInt(5);
    }
    return 10 + rnd.nextInt(50);
  }

  private void distributorOrders(CSVPrinter o, String id) throws IOException {
    double u = rnd.nextDouble();
    if (u < 0.30) {
      // Active: enough this month, and most bought last month too.
      int n = 1 + rnd.nextInt(3);
      for (int k = 0; k < n; k++) {
        order(o, "D", id, 0, k == 0 ? 100 : 0);
      }
      if (rnd.nextDouble() < 0.7) {
        order(o, "D", id, 1, 0);
      }
    } else if (u < 0.55) {
      // Lapsing: a small order this month, or only in the months before.
      if (rnd.nextDouble() < 0.4) {
        order(o, "D", id, 0, -1);
      } else {
        order(o, "D", id, 1 + rnd.nextInt(2), 0);
      }
    }
    // Dormant: nothing lately.
  }

  private void customerOrders(CSVPrinter o, String id) throws IOException {
    double u = rnd.nextDouble();
    if (u < 0.25) {
      order(o, "C", id, 0, 0);
      if (rnd.nextDouble() < 0.3) {
        order(o, "C", id, 0, 0);
      }
    } else if (u < 0.65) {
      order(o, "C", id, 1 + rnd.nextInt(2), 0);
    }
  }

  /**
   * One order, {@code monthsBack} months before the month; {@code minPv} of 0 picks any PV, a
   * positive one at least that much, -1 one below 100.
   */
  private void order(CSVPrinter o, String type, String buyer, int monthsBack, int minPv)
      throws IOException {
    BigDecimal pv = new BigDecimal(PV[rnd.nextInt(PV.length)]);
    if (minPv > 0 && pv.compareTo(BigDecimal.valueOf(minPv)) < 0) {
      pv = BigDecimal.valueOf(minPv);
    } else if (minPv < 0 && pv.compareTo(BigDecimal.valueOf(100)) >= 0) {
      pv = new BigDecimal(PV[rnd.nextInt(4)]);
    }
    YearMonth m = month.minusMonths(monthsBack);
    LocalDateTime at = m.atDay(1 + rnd.nextInt(m.lengthOfMonth()))
        .atTime(8 + rnd.nextInt(14), rnd.nextInt(60));
    double u = rnd.nextDouble();
    String status = u < 0.01 ? "cancelled" : "paid";
    print(o, type, buyer, at, pv, status);
    if (u > 0.98 && at.getDayOfMonth() < m.lengthOfMonth()) {
      print(o, type, buyer, at.plusDays(1 + rnd.nextInt(m.lengthOfMonth() - at.getDayOfMonth())),
          pv, "returned");
    }
  }

  private void print(CSVPrinter o, String type, String buyer, LocalDateTime at, BigDecimal pv,
      String status) throws IOException {
    o.printRecord("O" + (++orderId), type, buyer, at, pv.toPlainString(),
        pv.multiply(CV_PER_PV).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
        pv.multiply(AMOUNT_PER_PV).setScale(2, RoundingMode.HALF_EVEN).toPlainString(), status);
  }

  private String name() {
    return FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
  }

  private static String email(String name, String id) {
    String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".");
    return local + "." + id.toLowerCase(Locale.ROOT) + "@example.com";
  }

  private String phone() {
    if (rnd.nextDouble() < 0.3) {
      return "";
    }
    return String.format(Locale.ROOT, "+1 555 %03d %04d", rnd.nextInt(1000), rnd.nextInt(10000));
  }

  /**
   * SplitMix64: a fixed, documented generator, so that a seed gives the same organisation on
   * every JDK (the JDK's generators promise less).
   */
  private static final class SplitMix {
    private long state;

    SplitMix(long seed) {
      this.state = seed;
    }

    long nextLong() {
      long z = (state += 0x9E3779B97F4A7C15L);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
      return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    /** Uniform in [0, 1); only ever compared with probabilities, never used as a volume. */
    double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }
  }
}
