package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.Subject;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem the organisation builder finds between rows is located on its row and column by
 * its subject, one kind at a time; rewording a message cannot move it.
 */
class CsvProblemLocationTest {
  private final CompPlan plan = PlanFiles.bundled("seed");

  @TempDir
  Path dir;

  private List<Problem> problems;

  @BeforeEach
  void readDataWithOneProblemOfEachKind() throws IOException {
    Files.writeString(dir.resolve("distributors.csv"), "id,sponsor_id,join_date,name,email\n"
        + "D1,,2020-01-01,Root,root@example.com\n"           // 2
        + "D2,D9,2021-02-03,Ann,ann@example.com\n"           // 3: sponsor that does not exist
        + "D1,,2020-01-01,Root again,root@example.com\n"     // 4: duplicate id
        + "D3,D4,2021-02-03,Bo,bo@example.com\n"             // 5: a cycle
        + "D4,D3,2021-02-03,Cy,cy@example.com\n");           // 6
    Files.writeString(dir.resolve("customers.csv"), "name,id,distributor_id,email\n"
        + "Cat,C1,D1,cat@example.com\n"                      // 2
        + "Dot,C2,D7,dot@example.com\n"                      // 3: distributor that does not exist
        + "Cat again,C1,D1,cat@example.com\n");              // 4: duplicate id
    Files.writeString(dir.resolve("orders.csv"), "amount,pv,date,buyer_id,buyer_type,id\n"
        + "1,1,2026-11-03,C9,C,O1\n"                         // 2: buyer that does not exist
        + "1,1,2026-11-03,D1,D,O1\n"                         // 3: duplicate id
        + "1,0.1234567,2026-11-03,D1,D,O2\n"                 // 4: too many decimals
        + "1,100000000000,2026-11-03,D1,D,O3\n"              // 5: too large
        + "1,1,2300-01-01,D1,D,O4\n");                       // 6: beyond the supported time
    problems = catchThrowableOfType(ValidationException.class,
        () -> CsvOrganisation.read(dir, plan, Progress.silent())).problems();
  }

  @Test
  void eachKindOfProblemIsOnTheRowAndColumnOfItsSubject() {
    Map<String, String> bySubject = new LinkedHashMap<>();
    for (Problem p : problems) {
      Subject s = p.subject();
      bySubject.put(s.kind() + " " + s.id() + " " + s.field(), p.location());
    }
    assertThat(bySubject).containsOnly(
        Map.entry("DISTRIBUTOR D1 id", "distributors.csv:4:1"),
        Map.entry("DISTRIBUTOR D2 sponsorId", "distributors.csv:3:2"),
        Map.entry("DISTRIBUTOR D3 sponsorId", "distributors.csv:5:2"),
        Map.entry("CUSTOMER C1 id", "customers.csv:4:2"),
        Map.entry("CUSTOMER C2 distributorId", "customers.csv:3:3"),
        Map.entry("ORDER O1 id", "orders.csv:3:6"),
        Map.entry("ORDER O1 buyerId", "orders.csv:2:4"),
        Map.entry("ORDER O2 volumes", "orders.csv:4:2"),
        Map.entry("ORDER O3 volumes", "orders.csv:5:2"),
        Map.entry("ORDER O4 timestamp", "orders.csv:6:3"));
  }

  @Test
  void aDuplicateIdNamesTheLineOfTheFirst() {
    assertThat(problems).map(Problem::toString).contains(
        "distributors.csv:4:1: found id D1 again, first on line 2; expected each id once",
        "customers.csv:4:2: found id C1 again, first on line 2; expected each id once",
        "orders.csv:3:6: found id O1 again, first on line 2; expected each id once");
  }

  @Test
  void rewordingAMessageCannotMoveItsLocation() throws IOException {
    List<Problem> reworded = problems.stream()
        .map(p -> new Problem(p.subject(), "somewhere", "a message worded anew: " + p.message()))
        .toList();

    List<Problem> located = CsvOrganisation.locate(dir, plan, reworded);

    assertThat(located).map(Problem::location)
        .containsExactlyElementsOf(problems.stream().map(Problem::location).toList());
  }
}
