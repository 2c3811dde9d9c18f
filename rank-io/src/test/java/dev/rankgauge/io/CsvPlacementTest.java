package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Organisation;
import dev.rankgauge.Placement;
import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The placement tree read from two optional columns of distributors.csv. */
class CsvPlacementTest {
  private static final String HEADER =
      "id,sponsor_id,join_date,name,email,placement_parent_id,placement_position\n";
  private final CompPlan plan = PlanFiles.bundled("seed");

  @TempDir
  Path dir;

  private void write(String distributors) throws IOException {
    Files.writeString(dir.resolve("distributors.csv"), HEADER + distributors);
    Files.writeString(dir.resolve("customers.csv"), "id,distributor_id,name,email\n");
    Files.writeString(dir.resolve("orders.csv"), "id,buyer_type,buyer_id,date,pv,amount\n");
  }

  @Test
  void sidesAndSlotsAreRead() throws IOException {
    write("D1,,2020-01-01,Ann,a@example.com,,\n"
        + "D2,D1,2021-02-03,Bo,b@example.com,D1,L\n"
        + "D3,D1,2021-02-03,Cy,c@example.com,D1,right\n"
        + "D4,D1,2021-02-03,Di,d@example.com,D2,1\n");

    Organisation org = CsvOrganisation.read(dir, plan, Progress.silent());

    assertThat(org.placements()).containsExactly(Placement.left("D2", "D1"),
        Placement.right("D3", "D1"), Placement.left("D4", "D2"));
  }

  @Test
  void placementProblemsAreOnTheirRowAndColumn() throws IOException {
    write("D1,,2020-01-01,Ann,a@example.com,,\n"                 // 2
        + "D2,D1,2021-02-03,Bo,b@example.com,D1,L\n"             // 3
        + "D3,D1,2021-02-03,Cy,c@example.com,D1,1\n"             // 4: left of D1 taken
        + "D4,D1,2021-02-03,Di,d@example.com,D9,R\n"             // 5: no such parent
        + "D5,D1,2021-02-03,Ev,e@example.com,D1,middle\n"        // 6: not a position
        + "D6,D1,2021-02-03,Fay,f@example.com,,R\n"              // 7: a position without parent
        + "D7,D1,2021-02-03,Gus,g@example.com,D8,L\n"            // 8: a cycle
        + "D8,D1,2021-02-03,Hal,h@example.com,D7,L\n");          // 9

    assertThat(catchThrowableOfType(ValidationException.class,
        () -> CsvOrganisation.read(dir, plan, Progress.silent())).problems())
        .map(Problem::toString).containsExactlyInAnyOrder(
            "distributors.csv:6:7: found placement_position \"middle\"; expected L, R or a slot"
                + " from 1 to 100",
            "distributors.csv:7:6: found placement position \"R\" without a"
                + " placement_parent_id; expected both or neither",
            "distributors.csv:4:7: found D2 and D3 both at position 1 under D1; expected one"
                + " distributor per position",
            "distributors.csv:5:6: found placement parent D9, which is not a distributor",
            "distributors.csv:8:6: found a placement cycle: D7 -> D8 -> D7; expected every line"
                + " of placement parents to end at a distributor without a placement");
  }
}
