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
 * <p>Over several months ({@link #generate(int, long, YearMonth, int, Path, Progress)} with
 * {@code months} above 1) the organisation lives through them, so that a history and a projection
 * have something to read:
 *
 * <ul>
 *   <li><b>growth</b>: about 2% of the distributors join in each month of the span, spread over
 *       its days (sponsors always before the distributors they sponsor), and buy only from the day
 *       they join;
 *   <li><b>a buying habit</b> each distributor keeps: steady buyers (35%) order in most months at
 *       a level of their own, 100 PV or more; occasional buyers (30%) in about a third of the
 *       months, below 100 PV; the rest hardly ever. A new distributor buys in their first two
 *       months (fast start). Customers have habits too (regular, occasional, gone);
 *   <li><b>churn</b>: each month 2% of the distributors and 3% of the customers who still buy stop
 *       for good;
 *   <li><b>seasonality</b>: more orders in November and December, fewer in January and summer
 *       (a factor from 0.85 to 1.2 on the chance to buy, by calendar month).
 * </ul>
 *
 * <p>With a placement tree ({@link #generate(int, long, YearMonth, int, int, Path, Progress)} with
 * a width), {@code distributors.csv} also places every distributor but the root below their
 * sponsor, spilling over the way a host would: in a binary tree (width 2) each sponsor's
 * distributors go alternately to the weaker and the other leg (the leg where the sponsor has
 * placed fewer of their own so far; the generator cannot weigh volume, which it makes later), at
 * its outermost free position (down the outer left or outer right edge); in a matrix of width W,
 * to the first free position breadth-first below the sponsor. Placing draws no random numbers, so
 * the rest of the files is the same with or without placements.
 *
 * <p>The same size, seed and months give the same files, byte for byte, on any machine and JDK.
 * Orders carry {@code pv} and {@code cv} (90% of PV) and are dated with local date-times, so they
 * fall in their month whatever the plan's time zone.
 */
public final class Generator {
  /** The month the orders are placed in unless told otherwise. */
  public static final YearMonth DEFAULT_MONTH = YearMonth.of(2026, 11);
  /** The most months one run generates: ten years. */
  public static final int MAX_MONTHS = 120;

  /** The chance to buy by calendar month, January first: the year's season. */
  private static final double[] SEASON = {0.85, 0.9, 1.0, 1.0, 1.0, 0.95, 0.9, 0.9, 1.0, 1.05,
      1.15, 1.2};
  /** Share of the distributors that join in each month of a span of several months. */
  private static final double GROWTH = 0.02;
  private static final double DISTRIBUTOR_CHURN = 0.02;
  private static final double CUSTOMER_CHURN = 0.03;

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
  /** The placement tree's width; 0 for none. */
  private final int width;
  /** Placement parent and position by distributor number, when placed. */
  private int[] placedUnder;
  private int[] placedAt;
  private final SplitMix rnd;
  private final YearMonth month;
  private final int months;
  private final Progress progress;
  /** What the progress lines count, in the language of {@link #progress}. */
  private final String generated;
  private final LocalDate firstJoin = LocalDate.of(2015, 1, 1);
  private long orderId;

  private Generator(int size, long seed, YearMonth month, int months, int width,
      Progress progress) {
    this.size = size;
    this.width = width;
    this.rnd = new SplitMix(seed);
    this.month = month;
    this.months = months;
    this.progress = progress;
    this.generated = label(progress.locale());
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
    generate(distributors, seed, month, 1, out, progress);
  }

  /**
   * Writes {@code distributors.csv}, {@code customers.csv} and {@code orders.csv} into {@code out}
   * (created if missing) with the orders of {@code months} months ending with {@code last}, as the
   * class describes: growth, buying habits, churn and seasonality. One month is exactly
   * {@link #generate(int, long, YearMonth, Path, Progress)}.
   *
   * @param distributors how many distributors at the end of the last month, at least 1
   * @param seed any number; the same seed gives the same organisation
   * @param last the last month, the one a back office would evaluate as the open period
   * @param months how many months, 1 to {@link #MAX_MONTHS}
   * @param out the folder
   * @param progress where progress goes
   * @throws IOException if a file cannot be written
   */
  public static void generate(int distributors, long seed, YearMonth last, int months, Path out,
      Progress progress) throws IOException {
    generate(distributors, seed, last, months, 0, out, progress);
  }

  /**
   * {@link #generate(int, long, YearMonth, int, Path, Progress)} with a placement tree for a
   * binary ({@code width} 2) or matrix plan: {@code distributors.csv} gets the columns
   * {@code placement_parent_id} and {@code placement_position} ({@code L} or {@code R} in a
   * binary tree, a slot number in a matrix), filled as the class describes.
   *
   * @param width the placement tree's width: 0 for none, 2 for binary, up to 100 for a matrix
   * @throws IOException if a file cannot be written
   */
  public static void generate(int distributors, long seed, YearMonth last, int months, int width,
      Path out, Progress progress) throws IOException {
    if (width != 0 && (width < 2 || width > dev.rankgauge.Placement.MAX_POSITION)) {
      throw new IllegalArgumentException("width must be 0 (no placement tree) or 2 to "
          + dev.rankgauge.Placement.MAX_POSITION + ": " + width);
    }
    if (distributors < 1) {
      throw new IllegalArgumentException("distributors must be at least 1: " + distributors);
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException("months must be 1 to " + MAX_MONTHS + ": " + months);
    }
    Files.createDirectories(out);
    new Generator(distributors, seed, last, months, width, progress).write(out);
  }

  private void write(Path out) throws IOException {
    int[] sponsor = sponsors();
    if (width > 0) {
      place(sponsor);
    }
    // Not Files.createTempFile: its owner-only permissions would stay on the files.
    String tmp = "." + ProcessHandle.current().pid() + ".tmp";
    Path dTmp = out.resolve("." + CsvOrganisation.DISTRIBUTORS + tmp);
    Path cTmp = out.resolve("." + CsvOrganisation.CUSTOMERS + tmp);
    Path oTmp = out.resolve("." + CsvOrganisation.ORDERS + tmp);
    try {
      try (CSVPrinter d = printer(dTmp); CSVPrinter c = printer(cTmp); CSVPrinter o = printer(oTmp)) {
        if (width > 0) {
          d.printRecord("id", "sponsor_id", "join_date", "name", "email", "phone",
              "placement_parent_id", "placement_position");
        } else {
          d.printRecord("id", "sponsor_id", "join_date", "name", "email", "phone");
        }
        c.printRecord("id", "distributor_id", "name", "email", "phone");
        o.printRecord("id", "buyer_type", "buyer_id", "date", "pv", "cv", "amount", "status");
        if (months > 1) {
          writeMonths(d, c, o, sponsor);
        } else {
          writeMonth(d, c, o, sponsor);
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

  /** One month, with a few orders in the two months before. */
  private void writeMonth(CSVPrinter d, CSVPrinter c, CSVPrinter o, int[] sponsor)
      throws IOException {
    long customers = 0;
    long span = ChronoUnit.DAYS.between(firstJoin, month.atDay(1)) - 1;
    for (int i = 0; i < size; i++) {
      String id = "D" + (i + 1);
      String name = name();
      LocalDate joined = firstJoin.plusDays(span * i / size);
      distributor(d, i, id, sponsor, joined, name);
      distributorOrders(o, id);
      int n = customerCount();
      for (int k = 0; k < n; k++) {
        String cid = "C" + (++customers);
        String cname = name();
        c.printRecord(cid, id, cname, email(cname, cid), phone());
        customerOrders(o, cid);
      }
      progress.count(generated, i + 1L);
    }
  }

  /**
   * What the progress lines count, from the bundle {@code dev.rankgauge.examples.csv.Generator}
   * in the language of {@code locale} (English for a language without one).
   */
  static String label(Locale locale) {
    return java.util.ResourceBundle.getBundle("dev.rankgauge.examples.csv.Generator", locale,
        java.util.ResourceBundle.Control.getNoFallbackControl(
            java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).getString("generated");
  }

  /** Several months: growth, habits, churn and seasonality, as the class describes. */
  private void writeMonths(CSVPrinter d, CSVPrinter c, CSVPrinter o, int[] sponsor)
      throws IOException {
    YearMonth first = month.minusMonths(months - 1L);
    // joinedBy[k + 1]: how many distributors have joined by the end of month k (k = -1: before
    // the first month). The organisation grows by GROWTH a month up to size at the end.
    int[] joinedBy = new int[months + 1];
    for (int k = -1; k < months; k++) {
      joinedBy[k + 1] = k == months - 1 ? size
          : Math.max(1, (int) Math.ceil(size / Math.pow(1 + GROWTH, months - 1.0 - k)));
    }
    LocalDate base = firstJoin.isBefore(first.atDay(1)) ? firstJoin
        : first.atDay(1).minusYears(1);
    long span = ChronoUnit.DAYS.between(base, first.atDay(1)) - 1;
    long customers = 0;
    int k = -1;
    for (int i = 0; i < size; i++) {
      while (i >= joinedBy[k + 1]) {
        k++;
      }
      LocalDate joined;
      if (k < 0) {
        joined = base.plusDays(span * i / joinedBy[0]);
      } else {
        YearMonth m = first.plusMonths(k);
        int lo = joinedBy[k];
        int hi = joinedBy[k + 1];
        joined = m.atDay(1 + (int) ((long) (i - lo) * m.lengthOfMonth() / (hi - lo)));
      }
      String id = "D" + (i + 1);
      String name = name();
      distributor(d, i, id, sponsor, joined, name);
      distributorMonths(o, id, first, joined);
      int n = customerCount();
      for (int j = 0; j < n; j++) {
        String cid = "C" + (++customers);
        String cname = name();
        c.printRecord(cid, id, cname, email(cname, cid), phone());
        customerMonths(o, cid, first, joined);
      }
      progress.count(generated, i + 1L);
    }
  }

  /**
   * A distributor's orders month by month: a habit kept for good (the chance to buy in a month
   * and a PV level), a fast start in the first two months after joining, churn and the season.
   */
  private void distributorMonths(CSVPrinter o, String id, YearMonth first, LocalDate joined)
      throws IOException {
    double u = rnd.nextDouble();
    double chance;
    int level;
    if (u < 0.35) {
      chance = 0.85;
      level = 7 + rnd.nextInt(PV.length - 7);
    } else if (u < 0.65) {
      chance = 0.35;
      level = rnd.nextInt(7);
    } else {
      chance = 0.04;
      level = rnd.nextInt(PV.length);
    }
    YearMonth joinMonth = YearMonth.from(joined);
    for (int k = 0; k < months; k++) {
      YearMonth m = first.plusMonths(k);
      if (m.isBefore(joinMonth)) {
        continue;
      }
      boolean fastStart = m.isBefore(joinMonth.plusMonths(2));
      if (!fastStart && chance > 0.02 && rnd.nextDouble() < DISTRIBUTOR_CHURN) {
        chance = 0.02;
      }
      double p = (fastStart ? Math.max(chance, 0.8) : chance) * SEASON[m.getMonthValue() - 1];
      if (rnd.nextDouble() >= p) {
        continue;
      }
      int fromDay = m.equals(joinMonth) ? joined.getDayOfMonth() : 1;
      int n = level >= 7 && rnd.nextDouble() < 0.3 ? 2 : 1;
      for (int j = 0; j < n; j++) {
        int at = Math.max(0, Math.min(PV.length - 1, level + rnd.nextInt(3) - 1));
        // A steady buyer's first order of the month reaches 100 PV, the level of their habit.
        if (j == 0 && level >= 7) {
          at = Math.max(at, 7);
        }
        place(o, "D", id, m, fromDay, new BigDecimal(PV[at]));
      }
    }
  }

  /** A customer's orders month by month, from their distributor's joining: habit and churn. */
  private void customerMonths(CSVPrinter o, String id, YearMonth first, LocalDate joined)
      throws IOException {
    double u = rnd.nextDouble();
    double chance = u < 0.35 ? 0.7 : u < 0.75 ? 0.2 : 0.03;
    YearMonth joinMonth = YearMonth.from(joined);
    for (int k = 0; k < months; k++) {
      YearMonth m = first.plusMonths(k);
      if (m.isBefore(joinMonth)) {
        continue;
      }
      if (chance > 0.01 && rnd.nextDouble() < CUSTOMER_CHURN) {
        chance = 0.01;
      }
      if (rnd.nextDouble() < chance * SEASON[m.getMonthValue() - 1]) {
        place(o, "C", id, m, m.equals(joinMonth) ? joined.getDayOfMonth() : 1,
            new BigDecimal(PV[rnd.nextInt(PV.length)]));
      }
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
  /** A row of distributors.csv, with the placement when there is a placement tree. */
  private void distributor(CSVPrinter d, int i, String id, int[] sponsor, LocalDate joined,
      String name) throws IOException {
    String sp = sponsor[i] < 0 ? "" : "D" + (sponsor[i] + 1);
    String email = email(name, id);
    String phone = phone();
    if (width == 0) {
      d.printRecord(id, sp, joined, name, email, phone);
    } else if (placedUnder[i] < 0) {
      d.printRecord(id, sp, joined, name, email, phone, "", "");
    } else {
      int pos = placedAt[i];
      d.printRecord(id, sp, joined, name, email, phone, "D" + (placedUnder[i] + 1),
          width == 2 ? (pos == 1 ? "L" : "R") : String.valueOf(pos));
    }
  }

  /**
   * Places everyone but the roots below their sponsor, in the order of their numbers (sponsors
   * come first): binary, alternately the weaker and the other leg, at its outermost free
   * position; matrix, the first free position breadth-first below the sponsor. No recursion; a
   * binary leg's walk starts where the sponsor's last one ended, as a leg grows only at its
   * bottom, and a matrix search skips the distributors whose positions are all taken.
   */
  private void place(int[] sponsor) {
    int n = size;
    placedUnder = new int[n];
    placedAt = new int[n];
    java.util.Arrays.fill(placedUnder, -1);
    int w = width;
    // child[v * w + k]: the distributor at position k + 1 below v, -1 for none
    int[] child = new int[Math.multiplyExact(n, w)];
    java.util.Arrays.fill(child, -1);
    if (w == 2) {
      int[] placedBy = new int[n];
      int[][] bottom = {new int[n], new int[n]};
      for (int v = 0; v < n; v++) {
        bottom[0][v] = v;
        bottom[1][v] = v;
      }
      for (int i = 0; i < n; i++) {
        int s = sponsor[i];
        if (s < 0) {
          continue;
        }
        int k = placedBy[s]++ % 2;
        int at = bottom[k][s];
        while (child[at * 2 + k] >= 0) {
          at = child[at * 2 + k];
        }
        bottom[k][s] = at;
        child[at * 2 + k] = i;
        placedUnder[i] = at;
        placedAt[i] = k + 1;
      }
      return;
    }
    int[] filled = new int[n];
    int[] queue = new int[n];
    for (int i = 0; i < n; i++) {
      int s = sponsor[i];
      if (s < 0) {
        continue;
      }
      int head = 0;
      int tail = 0;
      queue[tail++] = s;
      while (true) {
        int v = queue[head++];
        if (filled[v] < w) {
          int k = 0;
          while (child[v * w + k] >= 0) {
            k++;
          }
          child[v * w + k] = i;
          filled[v]++;
          placedUnder[i] = v;
          placedAt[i] = k + 1;
          break;
        }
        for (int k = 0; k < w; k++) {
          queue[tail++] = child[v * w + k];
        }
      }
    }
  }

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
    place(o, type, buyer, month.minusMonths(monthsBack), 1, pv);
  }

  /**
   * One order of {@code pv} in month {@code m}, on day {@code fromDay} or later: a few are
   * cancelled, a few are followed by a return later in the month.
   */
  private void place(CSVPrinter o, String type, String buyer, YearMonth m, int fromDay,
      BigDecimal pv) throws IOException {
    LocalDateTime at = m.atDay(fromDay + rnd.nextInt(m.lengthOfMonth() - fromDay + 1))
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
