package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Room made ahead for a folder's rows ({@link CsvOrganisation#makeRoom}) changes nothing the
 * read gives: the same organisation, the same problems; room for another folder, or used once
 * already, is left alone.
 */
class CsvRoomTest {
  private static final String CUSTOMERS = "id,distributor_id,name,email\n"
      + "C1,D2,Cat,cat@example.com\n";
  private static final String ORDERS = "id,buyer_type,buyer_id,date,pv,amount\n"
      + "O1,D,D2,2026-11-03,120,150.00\n"
      + "O2,C,C1,2026-11-04T10:15,30.5,40\n";

  @TempDir
  Path dir;
  @TempDir
  Path other;

  private final CompPlan plan = PlanFiles.bundled("seed");

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
    // Over 8 MiB: the size from which room is made for a file's rows (the customers' made on a
    // thread of its own).
    files(dir, distributors(150_000), customers(150_000));
    assertThat(Files.size(dir.resolve("distributors.csv"))).isGreaterThan(8L << 20);
    assertThat(Files.size(dir.resolve("customers.csv"))).isGreaterThan(8L << 20);

    Organisation plain = CsvOrganisation.read(dir, plan, Progress.silent());
    Organisation ahead = CsvOrganisation.read(dir, plan, Progress.silent(),
        CsvOrganisation.makeRoom(dir));

    assertThat(ahead.distributorCount()).isEqualTo(plain.distributorCount()).isEqualTo(150_000);
    assertThat(ahead.customerCount()).isEqualTo(150_000);
    assertThat(ahead.distributors()).isEqualTo(plain.distributors());
    assertThat(ahead.customers()).isEqualTo(plain.customers());
    assertThat(ahead.orders()).isEqualTo(plain.orders());
  }

  @Test
  void theSameProblemsWithRoomAsWithout() throws IOException {
    files(dir, "id,sponsor_id,join_date,name,email\n"
        + "D1,,2020-01-01,Root,root@example.com\n"
        + "D2,D9,2021-13-03,Ann,ann@example.com\n");

    List<String> plain = problems(() -> CsvOrganisation.read(dir, plan, Progress.silent()));
    List<String> ahead = problems(() -> CsvOrganisation.read(dir, plan, Progress.silent(),
        CsvOrganisation.makeRoom(dir)));

    assertThat(ahead).isEqualTo(plain).hasSize(2);
  }

  @Test
  void roomForAnotherFolderOrUsedAlreadyIsLeftAlone() throws IOException {
    files(dir, distributors(3));
    files(other, distributors(5));
    CsvOrganisation.Room room = CsvOrganisation.makeRoom(other);

    assertThat(CsvOrganisation.read(dir, plan, Progress.silent(), room).distributorCount())
        .isEqualTo(3);
    assertThat(CsvOrganisation.read(other, plan, Progress.silent(), room).distributorCount())
        .isEqualTo(5);
    // Used: a second read makes its own room, and adds nothing to the first organisation.
    assertThat(CsvOrganisation.read(other, plan, Progress.silent(), room).distributorCount())
        .isEqualTo(5);
  }

  @Test
  void roomForAMissingFolderReadsAsAMissingFolder() throws IOException {
    Path none = dir.resolve("none");
    CsvOrganisation.Room room = CsvOrganisation.makeRoom(none);

    MissingDataException e = catchThrowableOfType(MissingDataException.class,
        () -> CsvOrganisation.read(none, plan, Progress.silent(), room));
    MissingDataException plain = catchThrowableOfType(MissingDataException.class,
        () -> CsvOrganisation.read(none, plan, Progress.silent()));

    assertThat(e).hasMessage(plain.getMessage());
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
