package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading with the plan given later ({@link CsvOrganisation#read(Path, java.util.function.Supplier,
 * Progress)}): the same organisation, the same problems as with the plan given at once, the
 * plan asked once; and room made for large files by their readers changes nothing either.
 */
class CsvPlanLaterTest {
  private static final String CUSTOMERS = "id,distributor_id,name,email\n"
      + "C1,D2,Cat,cat@example.com\n";
  private static final String ORDERS = "id,buyer_type,buyer_id,date,pv,amount\n"
      + "O1,D,D2,2026-11-03,120,150.00\n"
      + "O2,C,C1,2026-11-04T10:15,30.5,40\n";

  @TempDir
  Path dir;

  private final CompPlan plan = PlanFiles.bundled("seed");
  private final AtomicInteger asked = new AtomicInteger();

  /** The plan, counting how often it is asked for. */
  private CompPlan plan() {
    asked.incrementAndGet();
    return plan;
  }

  /** Distributors D1 to D{@code n}, each sponsored by the one before. */
  private static String distributors(int n) {
    StringBuilder b = new StringBuilder("id,sponsor_id,join_date,name,email\n");
    for (int i = 1; i <= n; i++) {
      b.append('D').append(i).append(',').append(i == 1 ? "" : "D" + (i - 1))
          .append(",2021-02-03,Distributor number ").append(i).append(",d").append(i)
          .append("@example.com\n");
    }
    return b.toString();
  }

  /** Customers C1 to C{@code n}, each of the distributor of the same number. */
  private static String customers(int n) {
    StringBuilder b = new StringBuilder("id,distributor_id,name,email\n");
    for (int i = 1; i <= n; i++) {
      b.append('C').append(i).append(",D").append(i).append(",Customer number ").append(i)
          .append(",c").append(i).append("@example.com\n");
    }
    return b.toString();
  }

  private static void files(Path in, String distributors) throws IOException {
    files(in, distributors, CUSTOMERS);
  }

  private static void files(Path in, String distributors, String customers) throws IOException {
    Files.writeString(in.resolve("distributors.csv"), distributors);
    Files.writeString(in.resolve("customers.csv"), customers);
    Files.writeString(in.resolve("orders.csv"), ORDERS);
  }

  @Test
  void filesLargeEnoughToGetRoomReadTheSame() throws IOException {
    // Over 8 MiB: the size from which each file's reader makes room for its rows.
    files(dir, distributors(150_000), customers(150_000));
    assertThat(Files.size(dir.resolve("distributors.csv"))).isGreaterThan(8L << 20);
    assertThat(Files.size(dir.resolve("customers.csv"))).isGreaterThan(8L << 20);

    Organisation now = CsvOrganisation.read(dir, plan, Progress.silent());
    Organisation later = CsvOrganisation.read(dir, this::plan, Progress.silent());

    assertThat(later.distributorCount()).isEqualTo(now.distributorCount()).isEqualTo(150_000);
    assertThat(later.customerCount()).isEqualTo(150_000);
    assertThat(later.distributors()).isEqualTo(now.distributors());
    assertThat(later.customers()).isEqualTo(now.customers());
    assertThat(later.orders()).isEqualTo(now.orders());
    assertThat(later.volumeTypes()).isEqualTo(now.volumeTypes());
    assertThat(asked).hasValue(1);
  }

  @Test
  void theSameProblemsWithThePlanLater() throws IOException {
    files(dir, "id,sponsor_id,join_date,name,email\n"
        + "D1,,2020-01-01,Root,root@example.com\n"
        + "D2,D9,2021-13-03,Ann,ann@example.com\n");
    Files.writeString(dir.resolve("orders.csv"), "id,buyer_type,buyer_id,date,pv,amount\n"
        + "O1,D,D2,yesterday,120,150.00\n"
        + "O2,D,D2,2026-11-03,1.123456789,1\n");

    List<String> now = problems(() -> CsvOrganisation.read(dir, plan, Progress.silent()));
    List<String> later = problems(() -> CsvOrganisation.read(dir, this::plan,
        Progress.silent()));

    assertThat(later).isEqualTo(now).isNotEmpty();
    assertThat(asked).hasValue(1);
  }

  @Test
  void whatThePlanThrowsTheReadThrows() throws IOException {
    files(dir, distributors(3));
    IllegalStateException failed = new IllegalStateException("no plan today");

    assertThatThrownBy(() -> CsvOrganisation.read(dir, () -> {
      throw failed;
    }, Progress.silent())).isSameAs(failed);
  }

  @Test
  void aMissingFolderIsReportedAsWithThePlanAndThePlanIsNotAsked() {
    Path none = dir.resolve("none");

    MissingDataException later = catchThrowableOfType(MissingDataException.class,
        () -> CsvOrganisation.read(none, this::plan, Progress.silent()));
    MissingDataException now = catchThrowableOfType(MissingDataException.class,
        () -> CsvOrganisation.read(none, plan, Progress.silent()));

    assertThat(later).hasMessage(now.getMessage());
    assertThat(asked).hasValue(0);
  }

  private interface Read {
    Organisation read() throws IOException;
  }

  private static List<String> problems(Read read) throws IOException {
    try {
      read.read();
    } catch (ValidationException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the data was read without problems");
  }
}
