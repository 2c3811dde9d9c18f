package dev.rankgauge.io;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
import dev.rankgauge.ValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads an organisation from a folder of three CSV files (RFC 4180, UTF-8, one header line):
 *
 * <ul>
 *   <li>{@code distributors.csv}: {@code id, sponsor_id, join_date, name, email}, optional
 *       {@code phone}. {@code sponsor_id} is empty for a root of the company; {@code join_date} is
 *       an ISO date ({@code 2026-11-03}). For a plan with a placement tree, optional
 *       {@code placement_parent_id} and {@code placement_position}: the distributor's
 *       {@link dev.rankgauge.Placement}, both empty for a root of the placement tree; the position
 *       is {@code L} or {@code R} (also {@code left}, {@code right}, any case) in a binary tree,
 *       or a slot from 1.
 *   <li>{@code customers.csv}: {@code id, distributor_id, name, email}, optional {@code phone}.
 *   <li>{@code orders.csv}: {@code id, buyer_type, buyer_id, date, pv, amount}, optional
 *       {@code status} and one column per further volume type of the plan, named after it
 *       ({@code cv} for a plan's {@code CV}). {@code buyer_type} is {@code D} (a distributor) or
 *       {@code C} (a customer). {@code date} is an ISO date, meaning the start of that day in the
 *       plan's time zone, or an ISO date-time: with an offset ({@code 2026-11-03T14:30:00Z},
 *       {@code ...+01:00}) it is that instant, without one it is read in the plan's time zone.
 *       {@code status} is {@code paid} (the default when empty or absent), {@code returned} or
 *       {@code cancelled}. {@code pv} holds the plan's qualifying volume type unless the file has a
 *       column named after that type. Volumes and amounts are plain decimals with a point.
 * </ul>
 *
 * <p>Column names are matched ignoring case and surrounding spaces, in any order; columns the
 * reader does not know are ignored, as are blank lines. Records are read one at a time and handed
 * to {@link Organisation#builder()}, so memory holds the organisation, not the files.
 *
 * <p>A bad value does not stop the reading at once: every problem is collected (up to
 * {@value #MAX_PROBLEMS}), each located as {@code file:line:column}, and then the whole read
 * fails with a {@link ValidationException}. Every row read reaches the organisation builder, a
 * value already reported replaced by a stand-in, so the builder's own checks (blank and
 * duplicate ids, unknown sponsors, customers' distributors and buyers, sponsorship cycles) run
 * even after bad values, and their problems are located on the row that has them too.
 */
public final class CsvOrganisation {
  /** The distributors file in the data folder. */
  public static final String DISTRIBUTORS = "distributors.csv";
  /** The customers file in the data folder. */
  public static final String CUSTOMERS = "customers.csv";
  /** The orders file in the data folder. */
  public static final String ORDERS = "orders.csv";
  /** Reading stops collecting after this many problems. */
  public static final int MAX_PROBLEMS = 1000;

  private static final int SHOWN_VALUE = 40;
  /** The join date given for a row whose own was reported as unreadable. */
  private static final LocalDate STAND_IN_DAY = LocalDate.EPOCH;

  private final Path dir;
  /** Where the plan comes from: asked once, by the thread reading orders.csv ({@link #plan()}). */
  private final java.util.function.Supplier<CompPlan> planSource;
  private CompPlan plan;
  private final Progress progress;

  /** Whether order rows in their common forms go to the builder as numbers read from bytes. */
  private final boolean inUnits;
  /** Whether every name, email and phone is kept ({@link Contacts#ALL}). */
  private final boolean allContacts;

  /**
   * Which of the people's contact details (names, emails, phones) a read keeps in the
   * organisation. Every column the files must have is still required, and every row still
   * checked as a whole (its fields, UTF-8); what is not kept is not copied.
   */
  public enum Contacts {
    /** Every distributor's and customer's name, email and phone, as the files give them. */
    ALL,
    /**
     * The distributors' names only. Every customer's name and email is empty and every phone
     * absent; every distributor's email is empty. For output that shows no other contact
     * detail, such as the results CSV ({@link ResultsCsv}) or a count by rank: at 1,000,000
     * distributors with 2.1 million customers the read then keeps 1 million texts instead
     * of some 9 million, and touches some 130 MB less memory.
     */
    DISTRIBUTOR_NAMES
  }

  private CsvOrganisation(Path dir, CompPlan plan, Progress progress, boolean inUnits,
      Contacts contacts) {
    this(dir, () -> plan, progress, inUnits, contacts);
    this.plan = plan;
  }

  private CsvOrganisation(Path dir, java.util.function.Supplier<CompPlan> plan,
      Progress progress, boolean inUnits, Contacts contacts) {
    this.dir = dir;
    this.planSource = plan;
    this.progress = progress;
    this.inUnits = inUnits;
    this.allContacts = java.util.Objects.requireNonNull(contacts, "contacts") == Contacts.ALL;
  }

  /** The plan, asked of its source the first time (on the thread reading orders.csv). */
  private synchronized CompPlan plan() {
    if (plan == null) {
      plan = java.util.Objects.requireNonNull(planSource.get(), "plan");
    }
    return plan;
  }

  /**
   * Reads the three files of {@code dir} for {@code plan}, whose time zone places dates and whose
   * volume types the orders must carry. The files are parsed on three threads at once, each
   * adding its rows to the organisation builder (which keeps the three kinds apart); the calling
   * thread then builds the organisation.
   *
   * @param dir the folder holding {@value #DISTRIBUTORS}, {@value #CUSTOMERS} and {@value #ORDERS}
   * @param plan the plan the organisation will be evaluated with
   * @param progress told of the rows read; {@link Progress#silent()} for none
   * @return the organisation, checked
   * @throws ValidationException listing every problem found, each with file, line and column
   * @throws IOException if the folder or a file cannot be read; a missing folder or file is
   *     reported as a {@link MissingDataException}, a {@link NoSuchFileException} whose reason
   *     reads in English and Spanish
   */
  public static Organisation read(Path dir, CompPlan plan, Progress progress) throws IOException {
    return read(dir, plan, progress, Contacts.ALL);
  }

  /**
   * Like {@link #read(Path, CompPlan, Progress)}, keeping only the contact details
   * {@code contacts} names: the same problems for the same files, the same organisation but for
   * the names, emails and phones not kept.
   *
   * @param dir the folder holding {@value #DISTRIBUTORS}, {@value #CUSTOMERS} and {@value #ORDERS}
   * @param plan the plan the organisation will be evaluated with
   * @param progress told of the rows read; {@link Progress#silent()} for none
   * @param contacts the contact details to keep
   * @return the organisation, checked
   * @throws ValidationException listing every problem found, each with file, line and column
   * @throws IOException if the folder or a file cannot be read, as
   *     {@link #read(Path, CompPlan, Progress)} says
   */
  public static Organisation read(Path dir, CompPlan plan, Progress progress, Contacts contacts)
      throws IOException {
    return new CsvOrganisation(dir, plan, progress, true, contacts).read();
  }

  /**
   * Like {@link #read(Path, CompPlan, Progress)}, the plan asked of {@code plan} only when the
   * rows of orders.csv need it (its time zone and volume types), on the thread that reads them:
   * distributors.csv and customers.csv are read meanwhile. A caller that loads its plan on
   * another thread (from a file, say) can so start reading at once.
   *
   * @param dir the folder holding {@value #DISTRIBUTORS}, {@value #CUSTOMERS} and {@value #ORDERS}
   * @param plan gives the plan the organisation will be evaluated with, once; what it throws,
   *     the read throws
   * @param progress told of the rows read; {@link Progress#silent()} for none
   * @return the organisation, checked
   * @throws ValidationException listing every problem found, each with file, line and column
   * @throws IOException if the folder or a file cannot be read, as
   *     {@link #read(Path, CompPlan, Progress)} says
   */
  public static Organisation read(Path dir, java.util.function.Supplier<CompPlan> plan,
      Progress progress) throws IOException {
    return read(dir, plan, progress, Contacts.ALL);
  }

  /**
   * Like {@link #read(Path, java.util.function.Supplier, Progress)}, keeping only the contact
   * details {@code contacts} names, as {@link #read(Path, CompPlan, Progress, Contacts)} does.
   *
   * @param dir the folder holding {@value #DISTRIBUTORS}, {@value #CUSTOMERS} and {@value #ORDERS}
   * @param plan gives the plan the organisation will be evaluated with, once; what it throws,
   *     the read throws
   * @param progress told of the rows read; {@link Progress#silent()} for none
   * @param contacts the contact details to keep
   * @return the organisation, checked
   * @throws ValidationException listing every problem found, each with file, line and column
   * @throws IOException if the folder or a file cannot be read, as
   *     {@link #read(Path, CompPlan, Progress)} says
   */
  public static Organisation read(Path dir, java.util.function.Supplier<CompPlan> plan,
      Progress progress, Contacts contacts) throws IOException {
    return new CsvOrganisation(dir, java.util.Objects.requireNonNull(plan, "plan"), progress,
        true, contacts).read();
  }

  /**
   * Like {@link #read(Path, CompPlan, Progress)}; without {@code inUnits}, every order row goes
   * through its values' texts, {@code Instant} and {@code BigDecimal}s (for tests: both ways
   * read the same).
   */
  static Organisation read(Path dir, CompPlan plan, Progress progress, boolean inUnits)
      throws IOException {
    return new CsvOrganisation(dir, plan, progress, inUnits, Contacts.ALL).read();
  }

  private Organisation read() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw MissingDataException.folder(dir.toString());
    }
    for (String f : List.of(DISTRIBUTORS, CUSTOMERS, ORDERS)) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw MissingDataException.file(dir.resolve(f).toString(), DISTRIBUTORS, CUSTOMERS,
            ORDERS);
      }
    }
    // Each file's reader makes room for its rows as it starts (the builder allows it, one
    // thread a kind): the memory is fresh, and touching it (some 430 MB at 1,000,000
    // distributors, mostly the kernel's page faults) is then done on the three threads.
    Organisation.Builder builder = Organisation.builder();
    List<FileRead> reads = List.of(new DistributorsRead(builder), new CustomersRead(builder),
        new OrdersRead(builder));
    for (FileRead r : reads) {
      r.makeRoom = true;
    }
    loadCharacterTables();
    // The builder keeps the three kinds of rows apart, so each file is read and added on a
    // thread of its own.
    ExecutorService pool = Executors.newFixedThreadPool(reads.size(), r -> {
      Thread t = new Thread(r, "rankgauge-csv");
      t.setDaemon(true);
      return t;
    });
    // A file's work in the builder once its rows are added (added()) waits until only one file
    // is still read: it then takes the core the last reader leaves idle, where it would take
    // turns with the readers (and hold back the last one), and both once the last one ends.
    Ends ends = new Ends(reads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (FileRead r : reads) {
        running.add(pool.submit(() -> {
          boolean read = false;
          try {
            r.run();
            read = true;
          } finally {
            if (!read) {
              ends.ended(null);
            }
          }
          // Then, once only one file is still read, the files' work in the builder, a file at
          // a time, on this thread and on any other file's that ends meanwhile.
          if (ends.ended(r)) {
            for (FileRead f = ends.next(); f != null; f = ends.next()) {
              f.added();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        finish(f);
      }
    } finally {
      pool.shutdownNow();
    }
    progress.step(progress.words("read", reads.get(0).rows, reads.get(1).rows, reads.get(2).rows));
    List<Problem> problems = new ArrayList<>();
    boolean stopped = false;
    for (FileRead r : reads) {
      problems.addAll(r.problems);
      stopped |= r.stopped;
    }
    // Every row read reached the builder, with a stand-in for each value already reported, so
    // the builder's checks (blank and duplicate ids, sponsors, customers' distributors, buyers,
    // cycles, volumes) run even after bad values, and none of their problems hides behind
    // another. A reference to a row that could not be read at all (wrong field count, not
    // UTF-8) would name an id that exists: those references are left out.
    boolean distributorsWhole = reads.get(0).whole;
    boolean customersWhole = reads.get(1).whole;
    try {
      Organisation org = builder.build();
      if (problems.isEmpty()) {
        progress.step(progress.words("checked"));
        return org;
      }
    } catch (ValidationException e) {
      List<Problem> found = new ArrayList<>();
      OrdersRead orders = (OrdersRead) reads.get(2);
      for (Problem p : e.problems()) {
        Subject s = p.subject();
        boolean toDistributor = s.kind() == Subject.Kind.DISTRIBUTOR
            && (s.field().equals("sponsorId") || s.field().equals("placementParentId"))
            || s.kind() == Subject.Kind.CUSTOMER
            && s.field().equals("distributorId");
        boolean toBuyer = s.kind() == Subject.Kind.ORDER && s.field().equals("buyerId");
        if (orders.standsIn(s) || toDistributor && !distributorsWhole
            || toBuyer && !(distributorsWhole && customersWhole)) {
          continue;
        }
        found.add(p);
      }
      problems.addAll(new Locator().locate(found));
    }
    if (stopped || problems.size() > MAX_PROBLEMS) {
      problems = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
      problems.add(IoProblems.at(dir.toString(), "csv.stopped", MAX_PROBLEMS));
    }
    throw invalid(problems);
  }

  /**
   * Has the JDK load its tables of characters beyond Latin-1 now, before the reading threads
   * start. Loaded by the first such character of a name (a check for blanks looks it up), a
   * table invalidated every compilation in progress that had assumed Latin-1's the only one:
   * at 1,000,000 distributors C2 threw away four seconds of work on the customers' rows, while
   * the orders' waited behind it.
   */
  private static void loadCharacterTables() {
    for (int c : new int[] {0x100, 0x1_0000, 0x2_0000, 0x3_0000, 0x4_0000, 0xE_0000, 0xF_0000}) {
      Character.getType(c);
    }
  }

  /** Files smaller than this get no room made ahead: growing costs nothing worth saving. */
  private static final long ROOM_FROM = 8L << 20;
  /** Slices of a file whose lines tell how long its rows are, and their size. */
  private static final int SLICES = 16;
  private static final int SLICE = 8 << 10;

  /**
   * About how many rows a large file holds, from its size and the lines of sixteen slices of 8
   * KiB, one in the middle of each sixteenth of the file, with 3% to spare, so that the builder
   * makes room once instead of growing (by half, copying: a count too low costs far more than
   * one too high); 0 for a file under 8 MiB, or one that cannot be read (the read reports it).
   * Slices over the whole file, as rows tend to grow longer down a file (longer ids): the
   * first mebibyte alone, read before, counted 9 to 13% too many rows at 1,000,000
   * distributors, and the slices 0.1 to 0.4% (docs/benchmarks.md).
   */
  private static int rowsAbout(Path dir, String file) {
    Path path = dir.resolve(file);
    long lines = 0;
    long got = 0;
    long size;
    try {
      // The size first: a named pipe (size 0) is not opened, which would wait for a writer.
      size = Files.size(path);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    if (size < ROOM_FROM || !Files.isRegularFile(path)) {
      return 0;
    }
    try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(path)) {
      java.nio.ByteBuffer slice = java.nio.ByteBuffer.allocate(SLICE);
      byte[] bytes = slice.array();
      for (int i = 0; i < SLICES; i++) {
        long at = size * (2 * i + 1) / (2 * SLICES) - SLICE / 2;
        slice.clear();
        while (slice.hasRemaining() && in.read(slice, at + slice.position()) > 0) {
          // until the slice is full or the file ends
        }
        int n = slice.position();
        for (int k = 0; k < n; k++) {
          if (bytes[k] == '\n') {
            lines++;
          }
        }
        got += n;
      }
    } catch (IOException | RuntimeException e) {
      // Not readable, or gone: the read reports it; no room is needed for it.
      return 0;
    }
    if (lines < 2 || got == 0) {
      return 0;
    }
    return (int) Math.min(1 << 29, (long) (size * 1.03 * lines / got));
  }

  /**
   * The files read to the end whose work in the builder ({@link FileRead#added}) is still to
   * do, handed out once only one file is still read.
   */
  private static final class Ends {
    private final List<FileRead> reads;
    private int ended;
    private final List<FileRead> waiting = new ArrayList<>();

    Ends(List<FileRead> reads) {
      this.reads = reads;
    }

    /**
     * A file's thread ends its read.
     *
     * @param read the file, or null if it was not read to the end (its work is then not done)
     * @return whether this thread is to take work ({@link #next}): only one file or none is
     *     still read
     */
    synchronized boolean ended(FileRead read) {
      ended++;
      if (read != null) {
        waiting.add(read);
        waiting.sort(java.util.Comparator.comparingInt(reads::indexOf));
      }
      return ended >= reads.size() - 1;
    }

    /** The next file whose work is to do, in the order of the reads, or null for none. */
    synchronized FileRead next() {
      return waiting.isEmpty() ? null : waiting.remove(0);
    }
  }

  /** Waits for a file's reader, rethrowing what it threw. */
  private static void finish(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading the data");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException) {
        throw (IOException) c;
      } else if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      } else if (c instanceof Error) {
        throw (Error) c;
      }
      throw new IllegalStateException(c);
    }
  }

  /**
   * The problems, each at the file, line and column of its subject; problems whose subject is not
   * a record of these files are returned as they are.
   */
  static List<Problem> locate(Path dir, CompPlan plan, List<Problem> problems) throws IOException {
    return new CsvOrganisation(dir, plan, Progress.silent(), true, Contacts.ALL).new Locator()
        .locate(problems);
  }

  private ValidationException invalid(List<Problem> found) {
    return new ValidationException(IoProblems.BUNDLE, Problem.Part.of("input.data", dir.toString()), found);
  }

  // --- the three files -------------------------------------------------------------------------

  /**
   * One file read on its own thread: its rows are added to the builder as they come; its
   * problems are its own, at most {@value #MAX_PROBLEMS}.
   */
  private abstract class FileRead {
    final String file;
    final Organisation.Builder builder;
    final List<String> required;
    final List<Problem> problems = new ArrayList<>();
    /** Adds to {@link #problems}: one object for every row, not one made per row. */
    private final java.util.function.Consumer<Problem> sink = problems::add;
    /** The plan's instants, made when first needed (orders only). */
    private Instants instants;
    final Instants.Dates dates = new Instants.Dates();
    long rows;
    /** Whether reading stopped at {@value #MAX_PROBLEMS} problems. */
    boolean stopped;
    /** Whether every row of the file reached the builder (none skipped as unreadable). */
    boolean whole = true;

    FileRead(String file, Organisation.Builder builder, List<String> required) {
      this.file = file;
      this.builder = builder;
      this.required = required;
    }

    /** Whether to make room for the file's rows before reading them. */
    boolean makeRoom;

    /** Makes room in the builder for {@code rows} rows of this file's kind. */
    abstract void room(int rows);

    void run() throws IOException {
      if (makeRoom) {
        room(rowsAbout(dir, file));
      }
      try (CsvTable t = CsvTable.open(dir, file, required, problems::add)) {
        if (!t.broken()) {
          rows(t);
        }
        whole &= !t.broken();
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
    }

    /**
     * Tells the builder this file's rows are all added, on this file's thread: the builder's
     * work for this file's kind then starts while the other files are still read ({@link
     * Organisation.Builder#distributorsAdded()} and the others).
     */
    void added() {}

    /**
     * Reads the rows: each file's loop of its own, calling its own {@link #row}. (One loop for
     * the three files, whose call of the row then met three kinds of reader and was not inlined,
     * read 10,000,000 distributors with about 1.5 s more CPU: docs/benchmarks.md.)
     */
    abstract void rows(CsvTable t);

    /** Finds the columns in the header; false (and a problem) if the rows cannot be read. */
    abstract boolean columns(CsvTable t);

    /** Reads the current row into the builder, reporting its problems. */
    abstract void row(CsvTable t);

    /** Reads the next row, unless there are too many problems already. */
    boolean next(CsvTable t) {
      if (problems.size() >= MAX_PROBLEMS) {
        stopped = true;
        whole = false;
        return false;
      }
      int before = problems.size();
      boolean more = t.next(sink);
      // The table reports a row it cannot read (wrong field count, not UTF-8) and skips it.
      whole &= problems.size() == before;
      if (more && ++rows == nextCount) {
        // Counts of 1, 2, 4, ... 65,536, then every 65,536 rows: the test is true a few times
        // while the loop is profiled, so that the compiled loop keeps the call instead of
        // trapping back to the interpreter at row 65,536 (the progress shows multiples of
        // 65,536 only, as before).
        // rows + min(rows, 65,536), without a test that would be false until row 65,536
        long over = rows - 0x10000;
        nextCount = rows + 0x10000 + (over & (over >> 63));
        counted();
      }
      return more;
    }

    /** The row count at which {@link #counted} is next called. */
    private long nextCount = 1;

    void counted() {
      progress.count(progress.words("rows", file), rows);
    }

    void problem(String where, String code, Object... arguments) {
      problems.add(IoProblems.at(where, code, arguments));
    }

    String required(CsvTable t, int col) {
      String v = t.get(col);
      if (v.isEmpty()) {
        problem(t.where(col), "csv.empty", t.name(col));
        return null;
      }
      return v;
    }

    /** The value of a required column as {@link CsvTable#text} gives it, or null if empty. */
    CharSequence requiredText(CsvTable t, int col) {
      if (t.isEmpty(col)) {
        problem(t.where(col), "csv.empty", t.name(col));
        return null;
      }
      return t.text(col);
    }

    /** Instants in the plan's time zone. */
    Instants instants() {
      if (instants == null) {
        instants = new Instants(plan().zone());
      }
      return instants;
    }

    LocalDate date(CsvTable t, int col) {
      int day = t.isoDay(col);
      if (day >= 0) {
        try {
          return dates.day(day);
        } catch (DateTimeException e) {
          // no such date: read from the text below, which reports it
        }
      }
      CharSequence v = requiredText(t, col);
      if (v == null) {
        return null;
      }
      try {
        return dates.parse(v);
      } catch (DateTimeException e) {
        problem(t.where(col), "csv.date", t.name(col), shown(v.toString()));
        return null;
      }
    }

    java.time.Instant instant(CsvTable t, int col) {
      CharSequence v = requiredText(t, col);
      if (v == null) {
        return null;
      }
      java.time.Instant i = instants().parse(v);
      if (i == null) {
        problem(t.where(col), "csv.instant", t.name(col), shown(v.toString()));
      }
      return i;
    }

    BigDecimal decimal(CsvTable t, int col) {
      BigDecimal fast = t.plainDecimal(col);
      if (fast != null) {
        return fast;
      }
      // Anything else (empty, not a plain decimal, very long) as text, with its problem.
      String v = required(t, col);
      if (v == null) {
        return null;
      }
      if (!plainDecimal(v)) {
        problem(t.where(col), "csv.decimal", t.name(col), shown(v));
        return null;
      }
      return new BigDecimal(v);
    }

    /**
     * Digits with an optional sign and point, as the message says: no exponent form, which
     * BigDecimal would read ({@code 1e999999999}) and no later step could hold.
     */
    private static boolean plainDecimal(String v) {
      int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
      int digits = 0;
      boolean point = false;
      for (; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
        } else if (c == '.' && !point) {
          point = true;
        } else {
          return false;
        }
      }
      return digits > 0;
    }
  }

  private final class DistributorsRead extends FileRead {
    DistributorsRead(Organisation.Builder builder) {
      super(DISTRIBUTORS, builder, List.of("id", "sponsor_id", "join_date", "name", "email"));
    }

    @Override
    void added() {
      builder.distributorsAdded();
    }

    @Override
    void room(int rows) {
      builder.expect(rows, 0, 0);
    }

    @Override
    void rows(CsvTable t) {
      if (!columns(t)) {
        return;
      }
      while (next(t)) {
        row(t);
      }
    }

    private int id;
    private int sponsor;
    private int joined;
    private int name;
    private int email;
    private int phone;
    private int placementParent;
    private int placementPosition;

    @Override
    boolean columns(CsvTable t) {
      id = t.column("id");
      sponsor = t.column("sponsor_id");
      joined = t.column("join_date");
      name = t.column("name");
      email = t.column("email");
      phone = t.column("phone");
      placementParent = t.column("placement_parent_id");
      placementPosition = t.column("placement_position");
      return true;
    }

    @Override
    void row(CsvTable t) {
      LocalDate j = date(t, joined);
      // The builder reports a blank id, as every check between rows. Texts go as views of
      // the table's buffer, copied by the builder: no String per value.
      builder.distributor(t.text(id), optional(t, sponsor), j == null ? STAND_IN_DAY : j,
          t.text(name), allContacts ? t.text(email) : "",
          allContacts ? optional(t, phone) : null);
      if (placementParent >= 0 || placementPosition >= 0) {
        place(t);
      }
    }

    private void place(CsvTable t) {
      String parent = placementParent < 0 ? "" : t.get(placementParent);
      String pos = placementPosition < 0 ? "" : t.get(placementPosition);
      if (parent.isEmpty() && pos.isEmpty()) {
        return;
      }
      if (parent.isEmpty()) {
        problem(t.where(placementParent < 0 ? placementPosition : placementParent),
            "csv.positionWithoutParent", shown(pos));
        return;
      }
      int p = position(t, placementPosition);
      if (p > 0) {
        builder.place(t.get(id), parent, p);
      }
    }

    /** A placement position: L, R, left, right (any case) or a slot from 1; 0 if unreadable. */
    private int position(CsvTable t, int col) {
      if (col < 0) {
        problem(t.where(0), "csv.parentWithoutPositionColumn");
        return 0;
      }
      String v = t.get(col);
      switch (v.trim().toLowerCase(Locale.ROOT)) {
        case "l", "left" -> {
          return dev.rankgauge.Placement.LEFT;
        }
        case "r", "right" -> {
          return dev.rankgauge.Placement.RIGHT;
        }
        default -> { }
      }
      if (!v.isEmpty() && v.length() <= 3 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
        int p = Integer.parseInt(v);
        if (p >= 1 && p <= dev.rankgauge.Placement.MAX_POSITION) {
          return p;
        }
      }
      problem(t.where(col), "csv.position", shown(v), dev.rankgauge.Placement.MAX_POSITION);
      return 0;
    }
  }

  private final class CustomersRead extends FileRead {
    CustomersRead(Organisation.Builder builder) {
      super(CUSTOMERS, builder, List.of("id", "distributor_id", "name", "email"));
    }

    @Override
    void added() {
      builder.customersAdded();
    }

    @Override
    void room(int rows) {
      builder.expect(0, rows, 0);
    }

    @Override
    void rows(CsvTable t) {
      if (!columns(t)) {
        return;
      }
      while (next(t)) {
        row(t);
      }
    }

    private int id;
    private int owner;
    private int name;
    private int email;
    private int phone;

    @Override
    boolean columns(CsvTable t) {
      id = t.column("id");
      owner = t.column("distributor_id");
      name = t.column("name");
      email = t.column("email");
      phone = t.column("phone");
      return true;
    }

    @Override
    void row(CsvTable t) {
      if (allContacts) {
        builder.customer(t.text(id), t.text(owner), t.text(name), t.text(email),
            optional(t, phone));
      } else {
        builder.customer(t.text(id), t.text(owner), "", "", null);
      }
    }
  }

  private final class OrdersRead extends FileRead {
    /** The rows (from 0) whose buyer type could not be read. */
    private final java.util.Set<Long> standInBuyers = new java.util.HashSet<>();

    OrdersRead(Organisation.Builder builder) {
      super(ORDERS, builder, List.of("id", "buyer_type", "buyer_id", "date", "amount"));
    }

    @Override
    void added() {
      builder.ordersAdded();
    }

    @Override
    void room(int rows) {
      builder.expect(0, 0, rows);
    }

    @Override
    void rows(CsvTable t) {
      if (!columns(t)) {
        return;
      }
      while (next(t)) {
        row(t);
      }
    }

    @Override
    boolean columns(CsvTable t) {
      List<String> types = plan().volumeTypes();
      int[] volumeColumn = volumeColumns(t, types);
      if (volumeColumn == null) {
        return false;
      }
      this.types = types;
      this.volumeColumn = volumeColumn;
      id = t.column("id");
      buyerType = t.column("buyer_type");
      buyer = t.column("buyer_id");
      date = t.column("date");
      amount = t.column("amount");
      status = t.column("status");
      decimals = new int[types.size()];
      for (int k = 0; k < decimals.length; k++) {
        decimals[k] = plan().volumeDecimals(types.get(k));
      }
      units = new dev.rankgauge.internal.OrderRow(types);
      return true;
    }

    private List<String> types;
    private int[] volumeColumn;
    private int[] decimals;
    private int id;
    private int buyerType;
    private int buyer;
    private int date;
    private int amount;
    private int status;

    /** The row in units handed to the builder, and the decimals read into it. */
    private dev.rankgauge.internal.OrderRow units;
    private final Decimals.Units decimal = new Decimals.Units();

    @Override
    void row(CsvTable t) {
      if (!inUnits || !inUnits(t)) {
        slow(t);
      }
    }

    /**
     * Hands the row to the builder as numbers read from the bytes (no {@code Instant}, no
     * {@code BigDecimal}) if every value is in its common form and has no problem to report
     * here: a buyer type {@code D} or {@code C}, a status {@code paid}, {@code returned},
     * {@code cancelled} or {@code canceled} (any case) or none, a date or date-time that
     * {@link Instants#seconds} reads, an amount and volumes that {@link Decimals.Units} reads,
     * each volume within the plan's decimals. Else false, nothing reported or added, and the row
     * goes through {@link #slow}, which reads the text and reports what is wrong.
     */
    private boolean inUnits(CsvTable t) {
      dev.rankgauge.internal.OrderRow r = units;
      if (t.isAscii(buyerType, "d")) {
        r.byCustomer = false;
      } else if (t.isAscii(buyerType, "c")) {
        r.byCustomer = true;
      } else {
        return false;
      }
      if (status < 0 || t.isEmpty(status) || t.isAscii(status, "paid")) {
        r.status = OrderStatus.PAID;
      } else if (t.isAscii(status, "returned")) {
        r.status = OrderStatus.RETURNED;
      } else if (t.isAscii(status, "cancelled") || t.isAscii(status, "canceled")) {
        r.status = OrderStatus.CANCELLED;
      } else {
        return false;
      }
      long second = t.seconds(date, instants());
      if (second == Instants.NONE || !t.units(amount, decimal, false)) {
        return false;
      }
      r.epochSecond = second;
      r.amount = decimal.unscaled;
      r.amountScale = decimal.scale;
      for (int k = 0; k < volumeColumn.length; k++) {
        if (!t.units(volumeColumn[k], decimal, true) || decimal.scale > decimals[k]) {
          return false;
        }
        r.volumes[k] = decimal.unscaled;
        r.scales[k] = decimal.scale;
      }
      r.id = t.text(id);
      r.buyer = t.text(buyer);
      r.addTo(builder);
      return true;
    }

    /** Reads the row's values as text where they need it, reporting their problems. */
    private void slow(CsvTable t) {
      BuyerType bt = buyerType(t, buyerType);
      CharSequence b = t.text(buyer);
      java.time.Instant when = instant(t, date);
      OrderStatus st = status(t, status);
      BigDecimal a = decimal(t, amount);
      BigDecimal[] volumes = new BigDecimal[volumeColumn.length];
      for (int k = 0; k < volumes.length; k++) {
        volumes[k] = volume(t, k);
      }
      // Stand-ins for the values reported above: a return lets any volume through, and a
      // buyer whose type is unknown cannot be looked for.
      if (bt == null && !b.toString().isBlank()) {
        standInBuyers.add(rows - 1);
      }
      builder.order(t.text(id), bt == null ? BuyerType.DISTRIBUTOR : bt, b,
          when == null ? java.time.Instant.EPOCH : when, st == null ? OrderStatus.RETURNED : st,
          a == null ? BigDecimal.ZERO : a, types, volumes);
    }

    /** The volume of the plan's k-th type, 0 if unreadable (reported). */
    private BigDecimal volume(CsvTable t, int k) {
      // A negative volume on an order that is not a return is the builder's to report.
      BigDecimal v = t.exactDecimal(volumeColumn[k]);
      if (v == null) {
        v = decimal(t, volumeColumn[k]);
        v = v == null ? BigDecimal.ZERO : exact(v);
      }
      if (v.scale() > decimals[k] && v.scale() <= Organisation.MAX_DECIMALS) {
        // The plan fixes each type's decimals: checked here, where the row is at hand.
        problem(t.where(volumeColumn[k]), "order.planDecimals", types.get(k),
            v.toPlainString(), v.scale(), decimals[k], plan().name());
      }
      return v;
    }

    /** Whether a problem of the builder is about a buyer stood in for, already reported. */
    boolean standsIn(Subject s) {
      return s.kind() == Subject.Kind.ORDER && s.field().equals("buyerId")
          && standInBuyers.contains((long) s.index());
    }

    /** The column of each volume type of the plan; null (and a problem) if one is missing. */
    private int[] volumeColumns(CsvTable t, List<String> types) {
      int[] cols = new int[types.size()];
      List<String> missing = new ArrayList<>();
      for (int k = 0; k < types.size(); k++) {
        String type = types.get(k);
        int c = t.column(type.toLowerCase(Locale.ROOT));
        if (c < 0 && type.equals(plan().qualifyingVolumeType())) {
          c = t.column("pv");
        }
        if (c < 0) {
          missing.add(type.equals(plan().qualifyingVolumeType())
              ? "pv (or " + type.toLowerCase(Locale.ROOT) + ")" : type.toLowerCase(Locale.ROOT));
        }
        cols[k] = c;
      }
      if (missing.isEmpty()) {
        return cols;
      }
      problem(ORDERS + ":1", "csv.missingVolumeColumns", t.header(), missing, plan().name(),
          types.toString());
      return null;
    }

    private BuyerType buyerType(CsvTable t, int col) {
      if (t.isAscii(col, "d")) {
        return BuyerType.DISTRIBUTOR;
      } else if (t.isAscii(col, "c")) {
        return BuyerType.CUSTOMER;
      }
      String v = required(t, col);
      if (v == null) {
        return null;
      }
      if (v.equalsIgnoreCase("D")) {
        return BuyerType.DISTRIBUTOR;
      } else if (v.equalsIgnoreCase("C")) {
        return BuyerType.CUSTOMER;
      }
      problem(t.where(col), "csv.buyerType", t.name(col), shown(v));
      return null;
    }

    private OrderStatus status(CsvTable t, int col) {
      if (col < 0 || t.isEmpty(col) || t.isAscii(col, "paid")) {
        return OrderStatus.PAID;
      } else if (t.isAscii(col, "returned")) {
        return OrderStatus.RETURNED;
      } else if (t.isAscii(col, "cancelled") || t.isAscii(col, "canceled")) {
        return OrderStatus.CANCELLED;
      }
      // Anything else (other case mappings, quotes, a problem) as text.
      String v = t.get(col).toLowerCase(Locale.ROOT);
      switch (v) {
        case "":
        case "paid":
          return OrderStatus.PAID;
        case "returned":
          return OrderStatus.RETURNED;
        case "cancelled":
        case "canceled":
          return OrderStatus.CANCELLED;
        default:
          problem(t.where(col), "csv.status", t.name(col), shown(t.get(col)));
          return null;
      }
    }
  }

  /** The value as {@link CsvTable#text} gives it, or null if empty or absent. */
  private static CharSequence optional(CsvTable t, int col) {
    return t.isEmpty(col) ? null : t.text(col);
  }

  /**
   * The value without trailing zeros after the point ({@code 100.00} is {@code 100}): the same
   * number, and the organisation then keeps no more decimals than the data really has.
   */
  static BigDecimal exact(BigDecimal v) {
    return v.scale() > 0 ? v.stripTrailingZeros() : v;
  }

  static String shown(String value) {
    String v = value.length() > SHOWN_VALUE ? value.substring(0, SHOWN_VALUE) + "..." : value;
    return "\"" + v + "\"";
  }

  // --- problems between rows --------------------------------------------------------------------

  /**
   * Puts a file position on the organisation builder's problems by their {@link Subject}: the
   * record's kind names the file, its position among the records of that kind the row, its field
   * the column. A second pass over each file finds the rows, so the first pass keeps no ids of
   * its own. The message's wording plays no part.
   */
  private final class Locator {
    /** Per file, the data rows wanted (from 0) and the line found for each. */
    private final Map<String, Map<Integer, Long>> lines = new HashMap<>();
    /** Per file, ids wanted where the position is unknown, and the first line of each. */
    private final Map<String, Map<String, Long>> idLines = new HashMap<>();
    private final Map<String, CsvTable.Header> headers = new HashMap<>();

    List<Problem> locate(List<Problem> found) throws IOException {
      for (Problem p : found) {
        String file = file(p.subject());
        if (file == null) {
          continue;
        }
        Subject s = p.subject();
        if (s.index() >= 0) {
          lines.computeIfAbsent(file, k -> new HashMap<>()).put(s.index(), null);
        } else {
          idLines.computeIfAbsent(file, k -> new HashMap<>()).put(s.id(), null);
        }
        if (s.field().equals("id") && !s.key().isEmpty()) {
          lines.computeIfAbsent(file, k -> new HashMap<>()).put(Integer.parseInt(s.key()), null);
        }
      }
      for (String file : List.of(DISTRIBUTORS, CUSTOMERS, ORDERS)) {
        if (lines.containsKey(file) || idLines.containsKey(file)) {
          scan(file);
        }
      }
      List<Problem> out = new ArrayList<>();
      for (Problem p : found) {
        out.add(located(p));
      }
      return out;
    }

    /** The file that holds records of the subject's kind, or null. */
    private String file(Subject s) {
      return switch (s.kind()) {
        case DISTRIBUTOR -> DISTRIBUTORS;
        case CUSTOMER -> CUSTOMERS;
        case ORDER -> ORDERS;
        case NONE, PLAN, RANK, REQUIREMENT, OVERRIDE -> null;
      };
    }

    private void scan(String file) throws IOException {
      Map<Integer, Long> rows = lines.getOrDefault(file, Map.of());
      Map<String, Long> ids = idLines.getOrDefault(file, Map.of());
      try (CsvTable t = CsvTable.open(dir, file, List.of("id"), p -> { })) {
        headers.put(file, t.headerInfo());
        int id = t.column("id");
        for (int row = 0; t.next(p -> { }); row++) {
          if (rows.containsKey(row)) {
            rows.put(row, t.line());
          }
          if (!ids.isEmpty() && id >= 0) {
            ids.replace(t.get(id), null, t.line());
          }
        }
      }
    }

    private Problem located(Problem p) {
      Subject s = p.subject();
      String file = file(s);
      if (file == null) {
        return p;
      }
      Long line = s.index() >= 0 ? lines.get(file).get(s.index()) : idLines.get(file).get(s.id());
      if (line == null) {
        return p;
      }
      CsvTable.Header h = headers.get(file);
      int column = Math.max(0, h.column(column(s, h)));
      String at = file + ":" + line + ":" + (column + 1);
      if (s.field().equals("id") && !s.key().isEmpty()) {
        Long first = lines.get(file).get(Integer.parseInt(s.key()));
        if (first != null) {
          return IoProblems.at(s, at, "csv.idAgain", s.id(), first);
        }
      }
      return p.at(at);
    }

    /** The CSV column of the subject's field. */
    private String column(Subject s, CsvTable.Header h) {
      switch (s.field()) {
        case "sponsorId":
          return "sponsor_id";
        case "placementParentId":
          return "placement_parent_id";
        case "placementPosition":
          return "placement_position";
        case "distributorId":
          return "distributor_id";
        case "buyerId":
          return "buyer_id";
        case "timestamp":
          return "date";
        case "amount":
          return "amount";
        case "volumes": {
          String col = s.key().toLowerCase(Locale.ROOT);
          return h.column(col) >= 0 ? col : "pv";
        }
        default:
          return "id";
      }
    }
  }
}
