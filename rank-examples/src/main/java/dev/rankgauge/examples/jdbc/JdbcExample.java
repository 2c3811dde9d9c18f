package dev.rankgauge.examples.jdbc;

import dev.rankgauge.ActivityRule;
import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Placement;
import dev.rankgauge.PeriodRecord;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.ResultTable;
import dev.rankgauge.RuleRegistry;
import dev.rankgauge.ValidationException;
import dev.rankgauge.examples.ExampleProblems;
import dev.rankgauge.examples.SeedExample;
import dev.rankgauge.json.PlanFiles;
import dev.rankgauge.view.TextView;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Evaluates straight from SQL tables through JDBC, as a vendor wires RankGauge into an existing
 * back office: rows stream out of a {@link ResultSet} into {@link Organisation#builder()}, and
 * nothing but the organisation is held in memory.
 *
 * <p>Run it with no arguments and it uses an embedded H2 database in the file
 * {@code rankgauge-example.mv.db} of the temporary folder ({@link #DEFAULT_URL}), creating the
 * tables and filling them with the seed organisation ({@link SeedExample}) on the first run. Given a JDBC URL (and a user and password)
 * the same code reads PostgreSQL, or any database with these tables:
 *
 * <pre>
 * distributors   id          VARCHAR     primary key
 *                sponsor_id  VARCHAR     null for a root of the company
 *                join_date   DATE
 *                name        VARCHAR
 *                email       VARCHAR     null is read as empty
 *                phone       VARCHAR     null when unknown
 * customers      id          VARCHAR     primary key
 *                distributor_id VARCHAR  the distributor whose personal customer this is
 *                name, email, phone      as for distributors
 * orders         id          VARCHAR     primary key
 *                buyer_type  CHAR(1)     'D' (a distributor) or 'C' (a customer)
 *                buyer_id    VARCHAR     a distributors.id or customers.id
 *                placed_at   TIMESTAMP WITH TIME ZONE
 *                status      VARCHAR     'paid', 'returned' or 'cancelled'
 *                amount      NUMERIC     the order's money amount
 * order_volumes  order_id    VARCHAR     an orders.id; primary key with volume_type
 *                volume_type VARCHAR     one of the plan's volume types, such as 'PV'
 *                volume      NUMERIC     exact decimal, at most 6 decimals
 * placements     distributor_id VARCHAR  primary key; optional table, for a plan with a
 *                                        binary or matrix placement tree
 *                parent_id   VARCHAR     the placement parent, a distributors.id
 *                position    INTEGER     1 (left) or 2 (right) in a binary tree, a slot from 1
 *                                        in a matrix
 * </pre>
 *
 * <p>An existing back office rarely has these tables as such; views over its own tables that give
 * these columns are enough (order lines summed per order and volume type, for example). Only
 * orders from {@value #HISTORY_DAYS} days before the period (more if the plan's activity window is
 * longer) up to the as-of instant are read, so the database does the filtering.
 */
public final class JdbcExample {
  /**
   * The embedded database used when no URL is given: the file {@code rankgauge-example.mv.db} in
   * the system's temporary folder, so that a run from a clone leaves the working tree clean.
   */
  public static final String DEFAULT_URL = "jdbc:h2:"
      + Path.of(System.getProperty("java.io.tmpdir"), "rankgauge-example").toAbsolutePath()
      // The probe for missing tables fails on purpose; H2 need not log that to a .trace.db file.
      + ";TRACE_LEVEL_FILE=0";
  /** How far before the period orders are read, for rolling windows and last order dates. */
  public static final int HISTORY_DAYS = 400;

  private static final String[] SCHEMA = {
      "CREATE TABLE distributors ("
          + " id VARCHAR(64) PRIMARY KEY,"
          + " sponsor_id VARCHAR(64) REFERENCES distributors (id),"
          + " join_date DATE NOT NULL,"
          + " name VARCHAR(200) NOT NULL,"
          + " email VARCHAR(200),"
          + " phone VARCHAR(40))",
      "CREATE TABLE customers ("
          + " id VARCHAR(64) PRIMARY KEY,"
          + " distributor_id VARCHAR(64) NOT NULL REFERENCES distributors (id),"
          + " name VARCHAR(200) NOT NULL,"
          + " email VARCHAR(200),"
          + " phone VARCHAR(40))",
      "CREATE TABLE orders ("
          + " id VARCHAR(64) PRIMARY KEY,"
          + " buyer_type CHAR(1) NOT NULL CHECK (buyer_type IN ('D', 'C')),"
          + " buyer_id VARCHAR(64) NOT NULL,"
          + " placed_at TIMESTAMP WITH TIME ZONE NOT NULL,"
          + " status VARCHAR(10) DEFAULT 'paid' NOT NULL"
          + "   CHECK (status IN ('paid', 'returned', 'cancelled')),"
          + " amount NUMERIC(19, 4) NOT NULL)",
      "CREATE INDEX orders_placed_at ON orders (placed_at)",
      "CREATE TABLE order_volumes ("
          + " order_id VARCHAR(64) NOT NULL REFERENCES orders (id),"
          + " volume_type VARCHAR(16) NOT NULL,"
          + " volume NUMERIC(19, 6) NOT NULL,"
          + " PRIMARY KEY (order_id, volume_type))",
      "CREATE TABLE placements ("
          + " distributor_id VARCHAR(64) PRIMARY KEY REFERENCES distributors (id),"
          + " parent_id VARCHAR(64) NOT NULL REFERENCES distributors (id),"
          + " position INTEGER NOT NULL CHECK (position >= 1))"};
  /** The optional table of placements; without it nobody is placed. */
  public static final String PLACEMENTS = "placements";

  private static final String ORDERS = "SELECT o.id, o.buyer_type, o.buyer_id, o.placed_at,"
      + " o.status, o.amount, v.volume_type, v.volume"
      + " FROM orders o LEFT JOIN order_volumes v ON v.order_id = o.id"
      + " WHERE o.placed_at >= ? AND o.placed_at < ?"
      + " ORDER BY o.id";
  private static final int FETCH = 10_000;
  /** The table results are written back to, one row per distributor and period. */
  public static final String RESULTS = "distributor_results";
  private static final String RESULTS_TABLE = "CREATE TABLE " + RESULTS + " ("
      + " period_start DATE NOT NULL,"
      + " distributor_id VARCHAR(64) NOT NULL,"
      + " active BOOLEAN NOT NULL,"
      + " paid_as VARCHAR(32) NOT NULL,"
      + " next_rank VARCHAR(32),"
      + " personal_sales NUMERIC(19, 6) NOT NULL,"
      + " group_sales NUMERIC(19, 6) NOT NULL,"
      + " active_personal_customers INTEGER NOT NULL,"
      + " active_personal_distributors INTEGER NOT NULL,"
      + " missing_codes VARCHAR(400) NOT NULL,"
      + " PRIMARY KEY (period_start, distributor_id))";
  /** The table closed periods are kept in, one row per distributor and period. */
  public static final String HISTORY = "period_records";
  private static final String HISTORY_TABLE = "CREATE TABLE " + HISTORY + " ("
      + " period_start DATE NOT NULL,"
      + " period_end DATE NOT NULL,"
      + " distributor_id VARCHAR(64) NOT NULL,"
      + " paid_as VARCHAR(32) NOT NULL,"
      + " qualified_as VARCHAR(32) NOT NULL,"
      + " title VARCHAR(32) NOT NULL,"
      + " personal_sales NUMERIC(19, 6) NOT NULL,"
      + " group_sales NUMERIC(19, 6) NOT NULL,"
      + " active_personal_customers INTEGER NOT NULL,"
      + " active_personal_distributors INTEGER NOT NULL,"
      + " periods_held INTEGER NOT NULL,"
      + " overrides_applied VARCHAR(1000) DEFAULT '' NOT NULL,"
      + " PRIMARY KEY (period_start, distributor_id))";
  /**
   * The table of each closed period's personal volume of the types other than the qualifying
   * one ({@link PeriodRecord#personalVolumes()}), one row per distributor, period and type; made
   * by {@link #closePeriod} for a plan that reads another type. A database without it holds none.
   */
  public static final String HISTORY_VOLUMES = "period_volumes";
  private static final String HISTORY_VOLUMES_TABLE = "CREATE TABLE " + HISTORY_VOLUMES + " ("
      + " period_start DATE NOT NULL,"
      + " distributor_id VARCHAR(64) NOT NULL,"
      + " volume_type VARCHAR(16) NOT NULL,"
      + " personal_volume NUMERIC(19, 6) NOT NULL,"
      + " PRIMARY KEY (period_start, distributor_id, volume_type))";
  /** Rows sent to the database per batch when results are written back. */
  private static final int BATCH = 1_000;

  private JdbcExample() {}

  /** The command line: options first, then the connection. */
  public static final String USAGE = Texts.ENGLISH.get("usage");

  /**
   * The example's own words, from the bundle {@code dev.rankgauge.examples.jdbc.Jdbc} (English,
   * {@code Jdbc_es} in Spanish), in the language of {@code --locale}; the problems of the tables
   * are written in the same language by their own bundles.
   */
  private static final class Texts {
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
        .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    static final Texts ENGLISH = new Texts(Locale.ENGLISH);

    final Locale locale;
    private final ResourceBundle bundle;

    Texts(Locale locale) {
      this.bundle = ResourceBundle.getBundle("dev.rankgauge.examples.jdbc.Jdbc", locale,
          NO_FALLBACK);
      this.locale = locale;
    }

    /** The language {@code --locale} asks for, read first so that every error speaks it. */
    static Texts of(String[] args) {
      for (int i = 0; i + 1 < args.length; i++) {
        Locale asked = Locale.forLanguageTag(args[i + 1].strip());
        if (args[i].equals("--locale") && asked.getLanguage().equals("es")) {
          return new Texts(asked);
        }
      }
      return ENGLISH;
    }

    String get(String key, Object... args) {
      return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** The locale problems are written in: the library's English with plain numbers, or this. */
    Locale problems() {
      return locale.getLanguage().equals("en") ? Locale.ROOT : locale;
    }

    /** The locale of the padded table of ranks: plain grouping in English, as it always read. */
    Locale numbers() {
      return locale.getLanguage().equals("en") ? Locale.ROOT : locale;
    }
  }

  /** An error in the arguments, in the language asked for. */
  private static final class UsageError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageError(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * {@code [--plan PLAN] [--period PERIOD] [--as-of INSTANT] [--distributor ID]
   * [--close] [--locale en|es] [JDBC-URL [USER PASSWORD]]}: evaluates the plan for the period
   * and prints the distributor's gas gauge view and how many distributors each rank pays, in
   * English or, with {@code --locale es}, in Spanish. {@code PLAN} is a plan file or the
   * name of a bundled plan, {@code PERIOD} a month ({@code 2026-11}) or a range of days
   * ({@code 2026-11-02..2026-11-08}), {@code INSTANT} an instant, or a date-time or date in the
   * plan's zone (default: the end of the period). With no options it is the seed plan for November
   * 2026 as of the seed's morning, for Dana ({@code D100}).
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  /** What to evaluate: the seed's plan, period, as-of instant and distributor unless given. */
  private static final class Options {
    String plan;
    Period period = SeedExample.PERIOD;
    boolean periodGiven;
    String asOf;
    String distributor = SeedExample.DANA;
    boolean close;
    Texts texts = Texts.ENGLISH;
    final List<String> connection = new ArrayList<>();
  }

  /** {@link #main} with its streams given and its exit code returned. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Options o = new Options();
    o.texts = Texts.of(args);
    Texts texts = o.texts;
    CompPlan plan;
    Instant asOf;
    try {
      parse(args, o);
      plan = o.plan == null ? SeedExample.plan() : plan(o.plan, texts);
      asOf = o.asOf != null ? asOf(o.asOf, plan, texts)
          : o.periodGiven ? o.period.endInstant(plan.zone()) : SeedExample.AS_OF;
    } catch (IllegalArgumentException ex) {
      if (ex instanceof ValidationException v) {
        invalid(v, texts, err);
        return 1;
      }
      err.println("JdbcExample: " + ex.getMessage().lines().findFirst().orElse(""));
      err.println(texts.get("usageDefault", texts.get("usage"), DEFAULT_URL));
      return 2;
    }
    String url = o.connection.isEmpty() ? DEFAULT_URL : o.connection.get(0);
    try (Connection c = o.connection.size() == 3
        ? DriverManager.getConnection(url, o.connection.get(1), o.connection.get(2))
        : DriverManager.getConnection(url)) {
      if (createSampleIfMissing(c)) {
        err.println(texts.get("created", url));
      }
      Evaluation e = evaluate(c, plan, o.period, asOf);
      if (e.organisation().distributor(o.distributor).isEmpty()) {
        err.println("JdbcExample: " + texts.get("noDistributor", o.distributor, url));
        return 1;
      }
      out.print(TextView.render(e, e.result(o.distributor), texts.locale));
      out.println();
      out.println(texts.get("read", e.organisation().distributorCount(),
          e.organisation().customerCount(), e.organisation().orderCount()));
      out.println(texts.get("written", writeResults(c, e), RESULTS));
      e.paidAsCounts().forEach((rank, n) -> out.println(String.format(texts.numbers(),
          "  %s %-5s %,8d", texts.get("paidAs"), rank.code(), n)));
      if (o.close) {
        out.println(texts.get("closed", e.period().toString(), closePeriod(c, e), HISTORY));
      }
      out.flush();
      return 0;
    } catch (SQLException ex) {
      err.println("JdbcExample: " + url + ": " + ex.getMessage().lines().findFirst().orElse(""));
      return 1;
    } catch (ValidationException ex) {
      invalid(ex, texts, err);
      return 1;
    }
  }

  /** What was invalid and how many problems, then each problem, in the language asked for. */
  private static void invalid(ValidationException v, Texts texts, PrintWriter err) {
    err.println("JdbcExample: " + texts.get("invalid", v.what(texts.problems()),
        v.problems().size()));
    v.problems().forEach(p -> err.println(p.toString(texts.problems())));
  }

  /** Reads the options into {@code o}; an unknown option or a bad value is a usage error. */
  private static void parse(String[] args, Options o) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        o.connection.add(a);
        continue;
      }
      if (!o.connection.isEmpty()) {
        throw new UsageError(o.texts.get("optionAfterUrl", a), null);
      }
      if (a.equals("--close")) {
        o.close = true;
        continue;
      }
      if (!List.of("--plan", "--period", "--as-of", "--distributor", "--locale").contains(a)) {
        throw new UsageError(o.texts.get("unknownOption", a), null);
      }
      if (i + 1 == args.length || args[i + 1].isBlank()) {
        throw new UsageError(o.texts.get("needsValue", a), null);
      }
      String v = args[++i];
      switch (a) {
        case "--plan" -> o.plan = v;
        case "--period" -> {
          o.period = period(v, o.texts);
          o.periodGiven = true;
        }
        case "--as-of" -> o.asOf = v;
        case "--locale" -> {
          if (!List.of("en", "es").contains(Locale.forLanguageTag(v.strip()).getLanguage())) {
            throw new UsageError(o.texts.get("badLocale", v), null);
          }
        }
        default -> o.distributor = v;
      }
    }
    if (o.connection.size() == 2 || o.connection.size() > 3) {
      throw new UsageError(o.texts.get("connectionArgs", o.connection.size()), null);
    }
  }

  /** A plan file, or else a bundled plan, with the host rules on the class path. */
  private static CompPlan plan(String plan, Texts texts) {
    Path file = Path.of(plan);
    if (Files.isRegularFile(file)) {
      return PlanFiles.load(file, RuleRegistry.discovered());
    }
    String name = plan.endsWith(".json") ? plan.substring(0, plan.length() - 5) : plan;
    if (!PlanFiles.bundledNames().contains(name)) {
      throw new UsageError(texts.get("noPlan", plan, file.toAbsolutePath().toString(),
          String.join(", ", PlanFiles.bundledNames())), null);
    }
    return PlanFiles.bundled(name, RuleRegistry.discovered());
  }

  /** {@code 2026-11} or {@code 2026-11-02..2026-11-08}. */
  private static Period period(String value, Texts texts) {
    try {
      int dots = value.indexOf("..");
      if (dots >= 0) {
        return new Period(LocalDate.parse(value.substring(0, dots).strip()),
            LocalDate.parse(value.substring(dots + 2).strip()), Period.State.OPEN);
      }
      return Period.month(YearMonth.parse(value.strip()));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new UsageError(texts.get("badPeriod", value), e);
    }
  }

  /** An instant, or a local date-time or date in the plan's zone. */
  private static Instant asOf(String value, CompPlan plan, Texts texts) {
    String v = value.strip();
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException notAnInstant) {
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDateTime.parse(v).atZone(plan.zone()).toInstant();
        } catch (DateTimeParseException notLocal) {
          try {
            return LocalDate.parse(v).atStartOfDay(plan.zone()).toInstant();
          } catch (DateTimeParseException e) {
            throw new UsageError(texts.get("badAsOf", value), e);
          }
        }
      }
    }
  }

  /**
   * Reads the organisation from the tables and evaluates it with the closed periods of
   * {@value #HISTORY} before the period.
   */
  public static Evaluation evaluate(Connection c, CompPlan plan, Period period, Instant asOf)
      throws SQLException {
    Instant since = period.startInstant(plan.zone()).minus(historyDays(plan), ChronoUnit.DAYS);
    return RankGauge.evaluate(read(c, since, asOf), plan, period, asOf,
        readHistory(c, plan).before(period));
  }

  /**
   * Every closed period of {@value #HISTORY}, empty if the table does not exist, with each
   * record's personal volume of other types from {@value #HISTORY_VOLUMES} where that table
   * exists (none where it does not).
   *
   * @throws ValidationException listing every row whose rank codes the plan does not define, or
   *     whose volume type is not one of the plan's other types or has no volume, by table, period
   *     and distributor, and every problem of {@link History#of}
   */
  public static History readHistory(Connection c, CompPlan plan) throws SQLException {
    if (!tableExists(c, HISTORY)) {
      return History.empty();
    }
    boolean typed = tableExists(c, HISTORY_VOLUMES);
    List<PeriodRecord> records = new ArrayList<>();
    List<Problem.Part> where = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<String> ranks = plan.ranks().stream().map(Rank::code).toList();
    List<String> others = plan.volumeTypes().stream()
        .filter(t -> !t.equals(plan.qualifyingVolumeType())).toList();
    // With the types, a record is as many rows as it has types (one without any): the rows of a
    // record come together, in the order of the types' names.
    String sql = "SELECT r.period_start, r.period_end, r.distributor_id, r.paid_as,"
        + " r.qualified_as, r.title, r.personal_sales, r.group_sales,"
        + " r.active_personal_customers, r.active_personal_distributors, r.periods_held,"
        + " r.overrides_applied"
        + (typed ? ", v.volume_type, v.personal_volume FROM " + HISTORY + " r LEFT JOIN "
            + HISTORY_VOLUMES + " v ON v.period_start = r.period_start"
            + " AND v.distributor_id = r.distributor_id" : " FROM " + HISTORY + " r")
        + " ORDER BY r.period_start, r.distributor_id" + (typed ? ", v.volume_type" : "");
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      Pending record = null;
      while (rs.next()) {
        LocalDate start = rs.getObject(1, LocalDate.class);
        String id = rs.getString(3);
        if (record != null && record.start.equals(start) && record.id.equals(id)) {
          record.type(rs, plan, others, problems);
          continue;
        }
        if (record != null) {
          record.add(records, where, problems);
        }
        Problem.Part row = Problem.Part.of("jdbc.historyRow", HISTORY, String.valueOf(start),
            String.valueOf(id));
        record = new Pending(start, id, row);
        String[] columns = {"paid_as", "qualified_as", "title"};
        for (int k = 0; k < 3; k++) {
          String code = rs.getString(4 + k);
          if (plan.rankLevel(code) < 0) {
            problems.add(ExampleProblems.at(row, "jdbc.unknownRank", String.valueOf(code),
                columns[k], plan.name(), ranks));
            record.ok = false;
          }
        }
        String applied = rs.getString(12);
        List<String> overrides = applied == null || applied.isBlank() ? List.of()
            : List.of(applied.split("; "));
        for (String o : overrides) {
          // minimum_rank RANK, waive RANK N, not_compressed, active
          String[] words = o.strip().split(" ");
          if (words.length > 1 && plan.rankLevel(words[1]) < 0) {
            problems.add(ExampleProblems.at(row, "jdbc.overrideRank", words[1], o, plan.name(),
                ranks));
            record.ok = false;
          }
        }
        record.end = rs.getObject(2, LocalDate.class);
        record.paidAs = rs.getString(4);
        record.qualifiedAs = rs.getString(5);
        record.title = rs.getString(6);
        record.personal = rs.getBigDecimal(7);
        record.group = rs.getBigDecimal(8);
        record.customers = rs.getInt(9);
        record.distributors = rs.getInt(10);
        record.held = rs.getInt(11);
        record.overrides = overrides;
        if (typed) {
          record.type(rs, plan, others, problems);
        }
      }
      if (record != null) {
        record.add(records, where, problems);
      }
    }
    if (problems.isEmpty()) {
      try {
        return History.of(records);
      } catch (ValidationException e) {
        for (Problem q : e.problems()) {
          int at = q.subject().index();
          problems.add(at >= 0 && at < where.size() ? q.at(ExampleProblems.BUNDLE, where.get(at)) : q);
        }
      }
    }
    throw new ValidationException(ExampleProblems.BUNDLE,
        Problem.Part.of("input.historyIn", HISTORY), problems);
  }

  /** One record of {@value #HISTORY} as its rows are read, with its volumes by type. */
  private static final class Pending {
    final LocalDate start;
    final String id;
    final Problem.Part row;
    boolean ok = true;
    LocalDate end;
    String paidAs;
    String qualifiedAs;
    String title;
    BigDecimal personal;
    BigDecimal group;
    int customers;
    int distributors;
    int held;
    List<String> overrides;
    final Map<String, BigDecimal> volumes = new LinkedHashMap<>();

    Pending(LocalDate start, String id, Problem.Part row) {
      this.start = start;
      this.id = id;
      this.row = row;
    }

    /** The volume of a type on the current row, if it has one (a record may have none). */
    void type(ResultSet rs, CompPlan plan, List<String> others, List<Problem> problems)
        throws SQLException {
      String type = rs.getString(13);
      if (type == null) {
        return;
      }
      BigDecimal v = rs.getBigDecimal(14);
      if (!others.contains(type)) {
        problems.add(ExampleProblems.at(row, "jdbc.unknownVolumeType", type, HISTORY_VOLUMES,
            plan.name(), plan.qualifyingVolumeType(), others));
        ok = false;
      } else if (v == null) {
        problems.add(ExampleProblems.at(row, "jdbc.noVolume"));
        ok = false;
      } else {
        volumes.put(type, v);
      }
    }

    void add(List<PeriodRecord> records, List<Problem.Part> where, List<Problem> problems) {
      if (!ok) {
        return;
      }
      try {
        records.add(new PeriodRecord(new Period(start, end, Period.State.CLOSED), id, paidAs,
            qualifiedAs, title, personal, group, customers, distributors, held, overrides,
            volumes));
        where.add(row);
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(ExampleProblems.at(row, "jdbc.refused", String.valueOf(e.getMessage())));
      }
    }
  }

  /**
   * Closes the evaluated period into {@value #HISTORY} (created if missing): one row per
   * distributor, and one row per distributor and type in {@value #HISTORY_VOLUMES} (created if
   * missing) for the types other than the qualifying one the plan reads, in one transaction with
   * batched inserts. The evaluation must have been made with
   * the table's history ({@link #evaluate}).
   *
   * @return how many rows were written
   * @throws ValidationException if the table already holds the period or a later one, or leaves
   *     a gap before it; nothing is written
   */
  public static int closePeriod(Connection c, Evaluation e) throws SQLException {
    if (!tableExists(c, HISTORY)) {
      try (Statement s = c.createStatement()) {
        s.execute(HISTORY_TABLE);
      }
    }
    List<PeriodRecord> records = e.periodRecords();
    readHistory(c, e.plan()).append(records);
    boolean typed = !records.isEmpty() && !records.get(0).personalVolumes().isEmpty();
    if (typed && !tableExists(c, HISTORY_VOLUMES)) {
      try (Statement s = c.createStatement()) {
        s.execute(HISTORY_VOLUMES_TABLE);
      }
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + HISTORY
        + " (period_start, period_end, distributor_id, paid_as, qualified_as, title,"
        + " personal_sales, group_sales, active_personal_customers,"
        + " active_personal_distributors, periods_held, overrides_applied)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement vol = typed ? c.prepareStatement("INSERT INTO " + HISTORY_VOLUMES
            + " (period_start, distributor_id, volume_type, personal_volume)"
            + " VALUES (?, ?, ?, ?)") : null) {
      int n = 0;
      int m = 0;
      for (PeriodRecord r : records) {
        ins.setObject(1, r.period().start());
        ins.setObject(2, r.period().end());
        ins.setString(3, r.distributorId());
        ins.setString(4, r.paidAs());
        ins.setString(5, r.qualifiedAs());
        ins.setString(6, r.title());
        ins.setBigDecimal(7, r.personalSales());
        ins.setBigDecimal(8, r.groupSales());
        ins.setInt(9, r.activePersonalCustomers());
        ins.setInt(10, r.activePersonalDistributors());
        ins.setInt(11, r.periodsHeld());
        ins.setString(12, String.join("; ", r.overridesApplied()));
        ins.addBatch();
        if (++n % BATCH == 0) {
          ins.executeBatch();
        }
        if (vol != null) {
          for (Map.Entry<String, BigDecimal> t : r.personalVolumes().entrySet()) {
            vol.setObject(1, r.period().start());
            vol.setString(2, r.distributorId());
            vol.setString(3, t.getKey());
            vol.setBigDecimal(4, t.getValue());
            vol.addBatch();
            if (++m % BATCH == 0) {
              vol.executeBatch();
            }
          }
        }
      }
      ins.executeBatch();
      if (vol != null) {
        vol.executeBatch();
      }
      c.commit();
      return records.size();
    } catch (SQLException | RuntimeException ex) {
      c.rollback();
      throw ex;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /**
   * Writes every distributor's result back to {@value #RESULTS} (created if missing), replacing
   * the rows of the same period, in one transaction with batched inserts. Rows come from
   * {@link Evaluation#table()}, so no per-distributor result is built.
   *
   * @return how many rows were written
   */
  public static int writeResults(Connection c, Evaluation e) throws SQLException {
    if (!tableExists(c, RESULTS)) {
      try (Statement s = c.createStatement()) {
        s.execute(RESULTS_TABLE);
      }
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    ResultTable t = e.table();
    LocalDate period = e.period().start();
    try (PreparedStatement del = c.prepareStatement("DELETE FROM " + RESULTS
            + " WHERE period_start = ?");
        PreparedStatement ins = c.prepareStatement("INSERT INTO " + RESULTS
            + " (period_start, distributor_id, active, paid_as, next_rank, personal_sales,"
            + " group_sales, active_personal_customers, active_personal_distributors,"
            + " missing_codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      del.setObject(1, period);
      del.executeUpdate();
      for (int row = 0; row < t.size(); row++) {
        ins.setObject(1, period);
        ins.setString(2, t.id(row));
        ins.setBoolean(3, t.active(row));
        ins.setString(4, t.paidAs(row).code());
        ins.setString(5, t.nextRank(row).map(Rank::code).orElse(null));
        ins.setBigDecimal(6, t.value(row, Metric.PERSONAL_SALES));
        ins.setBigDecimal(7, t.value(row, Metric.GROUP_SALES));
        ins.setInt(8, t.value(row, Metric.ACTIVE_PERSONAL_CUSTOMERS).intValueExact());
        ins.setInt(9, t.value(row, Metric.ACTIVE_PERSONAL_DISTRIBUTORS).intValueExact());
        StringBuilder codes = new StringBuilder();
        for (ResultTable.Missing m : t.missing(row)) {
          codes.append(codes.length() == 0 ? "" : " ").append(ResultTable.code(m.requirement()));
        }
        ins.setString(10, codes.toString());
        ins.addBatch();
        if ((row + 1) % BATCH == 0) {
          ins.executeBatch();
        }
      }
      ins.executeBatch();
      c.commit();
      return t.size();
    } catch (SQLException | RuntimeException ex) {
      c.rollback();
      throw ex;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Days of orders before the period that the plan may look at. */
  private static int historyDays(CompPlan plan) {
    int days = HISTORY_DAYS;
    for (ActivityRule a : List.of(plan.customerActivity(), plan.distributorActivity())) {
      if (a instanceof ActivityRule.OrderWithinDays w) {
        days = Math.max(days, w.days() + 1);
      }
    }
    return days;
  }

  /**
   * Streams the four tables into an organisation: every distributor and customer, and the orders
   * placed from {@code since} up to, not including, {@code until}; and every placement, when the
   * optional {@value #PLACEMENTS} table exists.
   *
   * @throws ValidationException listing every bad row (by table and id) and every problem between
   *     rows (unknown sponsors, placement parents or buyers, cycles, two in one position)
   */
  public static Organisation read(Connection c, Instant since, Instant until)
      throws SQLException {
    boolean placed = tableExists(c, PLACEMENTS);
    boolean autoCommit = c.getAutoCommit();
    // PostgreSQL streams a result set in fetch-size chunks only inside a transaction.
    c.setAutoCommit(false);
    try {
      Organisation.Builder b = Organisation.builder();
      List<Problem> problems = new ArrayList<>();
      try (Statement s = c.createStatement()) {
        s.setFetchSize(FETCH);
        try (ResultSet rs = s.executeQuery(
            "SELECT id, sponsor_id, join_date, name, email, phone FROM distributors")) {
          while (rs.next()) {
            String id = rs.getString(1);
            LocalDate joined = rs.getObject(3, LocalDate.class);
            if (joined == null) {
              problems.add(ExampleProblems.at("distributors " + id, "jdbc.noJoinDate"));
              continue;
            }
            try {
              b.distributor(id, rs.getString(2), joined, text(rs.getString(4)),
                  text(rs.getString(5)), rs.getString(6));
            } catch (IllegalArgumentException | NullPointerException ex) {
              problems.add(ExampleProblems.at("distributors " + id, "jdbc.refused",
                  String.valueOf(ex.getMessage())));
            }
          }
        }
        try (ResultSet rs = s.executeQuery(
            "SELECT id, distributor_id, name, email, phone FROM customers")) {
          while (rs.next()) {
            try {
              b.customer(rs.getString(1), rs.getString(2), text(rs.getString(3)),
                  text(rs.getString(4)), rs.getString(5));
            } catch (IllegalArgumentException | NullPointerException ex) {
              problems.add(ExampleProblems.at("customers " + rs.getString(1), "jdbc.refused",
                  String.valueOf(ex.getMessage())));
            }
          }
        }
        if (placed) {
          try (ResultSet rs = s.executeQuery(
              "SELECT distributor_id, parent_id, position FROM " + PLACEMENTS)) {
            while (rs.next()) {
              String id = rs.getString(1);
              String parent = rs.getString(2);
              int position = rs.getInt(3);
              if (id == null || parent == null || rs.wasNull()) {
                problems.add(ExampleProblems.at(PLACEMENTS + " " + id, "jdbc.nullPlacement"));
                continue;
              }
              b.place(id, parent, position);
            }
          }
        }
      }
      readOrders(c, since, until, b, problems);
      c.commit();
      if (!problems.isEmpty()) {
        throw new ValidationException(ExampleProblems.BUNDLE,
            Problem.Part.of("input.tables"), problems);
      }
      return b.build();
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Orders joined to their volumes, sorted by id, so each order's rows come together. */
  private static void readOrders(Connection c, Instant since, Instant until,
      Organisation.Builder b, List<Problem> problems) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(ORDERS)) {
      s.setFetchSize(FETCH);
      s.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
      s.setObject(2, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
      try (ResultSet rs = s.executeQuery()) {
        PendingOrder pending = null;
        while (rs.next()) {
          String id = rs.getString(1);
          if (pending == null || !pending.id.equals(id)) {
            if (pending != null) {
              pending.addTo(b, problems);
            }
            pending = new PendingOrder(id, rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getBigDecimal(6));
          }
          String type = rs.getString(7);
          if (type != null) {
            BigDecimal v = rs.getBigDecimal(8);
            // NUMERIC(19, 6) comes back as 400.000000; keep only the decimals the data has.
            pending.volumes.put(type, v == null || v.scale() <= 0 ? v : v.stripTrailingZeros());
          }
        }
        if (pending != null) {
          pending.addTo(b, problems);
        }
      }
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  /** An order whose volume rows are still being read. */
  private static final class PendingOrder {
    final String id;
    final String buyerType;
    final String buyer;
    final OffsetDateTime placedAt;
    final String status;
    final BigDecimal amount;
    final Map<String, BigDecimal> volumes = new TreeMap<>();

    PendingOrder(String id, String buyerType, String buyer, OffsetDateTime placedAt,
        String status, BigDecimal amount) {
      this.id = id;
      this.buyerType = buyerType;
      this.buyer = buyer;
      this.placedAt = placedAt;
      this.status = status;
      this.amount = amount;
    }

    void addTo(Organisation.Builder b, List<Problem> problems) {
      String where = "orders " + id;
      BuyerType type = "D".equals(buyerType) ? BuyerType.DISTRIBUTOR
          : "C".equals(buyerType) ? BuyerType.CUSTOMER : null;
      OrderStatus st = status == null ? OrderStatus.PAID : statusOf(status);
      if (type == null) {
        problems.add(ExampleProblems.at(where, "jdbc.buyerType", String.valueOf(buyerType)));
      }
      if (st == null) {
        problems.add(ExampleProblems.at(where, "jdbc.status", status));
      }
      if (amount == null) {
        problems.add(ExampleProblems.at(where, "jdbc.noAmount"));
      }
      if (volumes.containsValue(null)) {
        problems.add(ExampleProblems.at(where, "jdbc.noVolume"));
      }
      if (placedAt == null) {
        problems.add(ExampleProblems.at(where, "jdbc.noPlacedAt"));
      }
      if (type != null && st != null && amount != null && placedAt != null
          && !volumes.containsValue(null)) {
        try {
          b.order(id, type, buyer, placedAt.toInstant(), st, amount,
              List.copyOf(volumes.keySet()), volumes.values().toArray(new BigDecimal[0]));
        } catch (IllegalArgumentException | NullPointerException ex) {
          problems.add(ExampleProblems.at(where, "jdbc.refused", String.valueOf(ex.getMessage())));
        }
      }
    }

    private static OrderStatus statusOf(String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "paid":
          return OrderStatus.PAID;
        case "returned":
          return OrderStatus.RETURNED;
        case "cancelled":
          return OrderStatus.CANCELLED;
        default:
          return null;
      }
    }
  }

  /**
   * Creates the four tables and fills them with the seed organisation, unless a table named
   * {@code distributors} already exists.
   *
   * @return whether the tables were created
   */
  public static boolean createSampleIfMissing(Connection c) throws SQLException {
    if (tableExists(c)) {
      return false;
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        for (String ddl : SCHEMA) {
          s.execute(ddl);
        }
      }
      insert(c, SeedExample.organisation());
      c.commit();
      return true;
    } catch (SQLException | RuntimeException ex) {
      c.rollback();
      throw ex;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static boolean tableExists(Connection c) throws SQLException {
    return tableExists(c, "distributors");
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    // A failed statement would abort a PostgreSQL transaction; probe outside of one.
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      return false;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Writes an organisation into the tables, sponsors before the distributors they sponsored. */
  static void insert(Connection c, Organisation org) throws SQLException {
    try (PreparedStatement d = c.prepareStatement("INSERT INTO distributors"
        + " (id, sponsor_id, join_date, name, email, phone) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Distributor x : sponsorsFirst(org.distributors())) {
        d.setString(1, x.id());
        d.setString(2, x.sponsorId().orElse(null));
        d.setDate(3, Date.valueOf(x.joinDate()));
        d.setString(4, x.name());
        d.setString(5, x.email());
        d.setString(6, x.phone().orElse(null));
        d.addBatch();
      }
      d.executeBatch();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO customers"
        + " (id, distributor_id, name, email, phone) VALUES (?, ?, ?, ?, ?)")) {
      for (Customer x : org.customers()) {
        s.setString(1, x.id());
        s.setString(2, x.distributorId());
        s.setString(3, x.name());
        s.setString(4, x.email());
        s.setString(5, x.phone().orElse(null));
        s.addBatch();
      }
      s.executeBatch();
    }
    if (!org.placements().isEmpty()) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO " + PLACEMENTS
          + " (distributor_id, parent_id, position) VALUES (?, ?, ?)")) {
        for (Placement x : org.placements()) {
          p.setString(1, x.distributorId());
          p.setString(2, x.parentId());
          p.setInt(3, x.position());
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    try (PreparedStatement o = c.prepareStatement("INSERT INTO orders"
        + " (id, buyer_type, buyer_id, placed_at, status, amount) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement v = c.prepareStatement("INSERT INTO order_volumes"
            + " (order_id, volume_type, volume) VALUES (?, ?, ?)")) {
      for (Order x : org.orders()) {
        o.setString(1, x.id());
        o.setString(2, x.buyerType() == BuyerType.DISTRIBUTOR ? "D" : "C");
        o.setString(3, x.buyerId());
        o.setObject(4, OffsetDateTime.ofInstant(x.timestamp(), ZoneOffset.UTC));
        o.setString(5, x.status().name().toLowerCase(Locale.ROOT));
        o.setBigDecimal(6, x.amount());
        o.addBatch();
        for (Map.Entry<String, BigDecimal> e : x.volumes().entrySet()) {
          v.setString(1, x.id());
          v.setString(2, e.getKey());
          v.setBigDecimal(3, e.getValue());
          v.addBatch();
        }
      }
      o.executeBatch();
      v.executeBatch();
    }
  }

  /** The distributors with every sponsor ahead of those they sponsored (for the foreign key). */
  private static List<Distributor> sponsorsFirst(List<Distributor> all) {
    Map<String, List<Distributor>> bySponsor = new TreeMap<>();
    List<Distributor> out = new ArrayList<>();
    for (Distributor d : all) {
      if (d.sponsorId().isEmpty()) {
        out.add(d);
      } else {
        bySponsor.computeIfAbsent(d.sponsorId().get(), k -> new ArrayList<>()).add(d);
      }
    }
    for (int i = 0; i < out.size(); i++) {
      out.addAll(bySponsor.getOrDefault(out.get(i).id(), List.of()));
    }
    return out;
  }
}
