package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rankgauge replay}: orders applied live on the seed organisation. */
class ReplayCommandTest {
  private static final Path SEED = EvaluateCommandTest.seedData();
  /** Two of Dana's customers and one of her distributors buy in the second half of November. */
  private static final List<String> EVENTS = List.of(
      "id,buyer_type,buyer_id,date,pv,amount,status",
      "E3,D,D107,2026-11-16T08:00,120,150.00,paid",
      "E1,C,C2,2026-11-14T10:02,50,60.00,paid",
      "E2,C,C3,2026-11-15T09:30,45,55.00,paid");

  @TempDir
  Path tmp;

  @Test
  void rankChangesAsTheyHappenThenWhatEvaluateGivesOnAllTheData() throws IOException {
    Path events = Files.write(tmp.resolve("events.csv"), EVENTS);
    Cli.Run replay = Cli.run("replay", "--plan", "seed", "--data", SEED.toString(), "--period",
        "2026-11", "--events", events.toString());
    assertThat(replay.exit()).as(replay.toString()).isZero();

    // the same data with the events appended to its orders, evaluated whole
    Path all = Files.createDirectory(tmp.resolve("all"));
    for (String f : List.of("distributors.csv", "customers.csv", "orders.csv")) {
      Files.copy(SEED.resolve(f), all.resolve(f));
    }
    List<String> seedOrders = Files.readAllLines(SEED.resolve("orders.csv"));
    String header = seedOrders.get(0);
    assertThat(header).isEqualTo(EVENTS.get(0));
    Files.write(all.resolve("orders.csv"), EVENTS.subList(1, EVENTS.size()),
        java.nio.file.StandardOpenOption.APPEND);
    Cli.Run evaluate = Cli.run("evaluate", "--plan", "seed", "--data", all.toString(),
        "--period", "2026-11");
    assertThat(evaluate.exit()).as(evaluate.toString()).isZero();

    assertThat(replay.out()).endsWith(evaluate.out());
    String changes = replay.out().substring(0, replay.out().length() - evaluate.out().length());
    assertThat(changes.lines().toList()).contains(
        "2026-11-16 08:00  D100  Gold -> Platinum  (order E3 by D107)");
    // in time order: nothing printed for E1 comes after E3's line
    assertThat(changes.lines().filter(l -> !l.isBlank()).toList())
        .allMatch(l -> l.matches("2026-11-\\d\\d \\d\\d:\\d\\d  \\S+  .+ -> .+  \\(order E\\d by"
            + " \\S+\\)"))
        .extracting(l -> l.substring(0, 16)).isSorted();
  }

  /**
   * With {@code --history}, replay starts from what {@code evaluate --history} gives: the seed plan
   * with two periods of grace, October and November closed, and December replayed. Without the
   * history Dana would be paid as Distributor; with it she keeps her Gold, and the replay ends
   * with exactly what {@code evaluate --history} gives on the data with the events added.
   */
  @Test
  void withAHistoryReplayEndsWithWhatEvaluateGivesWithThatHistory() throws IOException {
    Path plan = tmp.resolve("seed-with-grace.json");
    Files.writeString(plan, dev.rankgauge.json.PlanFiles.bundledText("seed").replaceFirst(
        "\"ranks\"", "\"rankHold\": {\"policy\": \"keepPaidAs\", \"periods\": 2},\n  \"ranks\""));
    Path history = tmp.resolve("history");
    for (String month : List.of("2026-10", "2026-11")) {
      Cli.Run close = Cli.run("close", "--plan", plan.toString(), "--data", SEED.toString(),
          "--period", month, "--history", history.toString());
      assertThat(close.exit()).as(close.toString()).isZero();
    }
    List<String> december = List.of(EVENTS.get(0),
        "E1,C,C2,2026-12-14T10:02,50,60.00,paid",
        "E2,D,D107,2026-12-16T08:00,120,150.00,paid");
    Path events = Files.write(tmp.resolve("december.csv"), december);
    Cli.Run replay = Cli.run("replay", "--plan", plan.toString(), "--data", SEED.toString(),
        "--period", "2026-12", "--history", history.toString(), "--events", events.toString());
    assertThat(replay.exit()).as(replay.toString()).isZero();

    Path all = withEvents(december);
    Cli.Run withHistory = Cli.run("evaluate", "--plan", plan.toString(), "--data",
        all.toString(), "--period", "2026-12", "--history", history.toString());
    assertThat(withHistory.exit()).as(withHistory.toString()).isZero();
    Cli.Run without = Cli.run("evaluate", "--plan", plan.toString(), "--data", all.toString(),
        "--period", "2026-12");
    assertThat(without.exit()).as(without.toString()).isZero();

    assertThat(replay.out()).endsWith(withHistory.out());
    assertThat(withHistory.out()).as("the history matters here").isNotEqualTo(without.out());
    assertThat(replay.out()).doesNotEndWith(without.out());
  }

  /** The seed data with these events appended to its orders, in a folder of its own. */
  private Path withEvents(List<String> events) throws IOException {
    Path all = Files.createDirectory(tmp.resolve("all-" + events.size() + "-"
        + events.hashCode()));
    for (String f : List.of("distributors.csv", "customers.csv", "orders.csv")) {
      Files.copy(SEED.resolve(f), all.resolve(f));
    }
    Files.write(all.resolve("orders.csv"), events.subList(1, events.size()),
        java.nio.file.StandardOpenOption.APPEND);
    return all;
  }

  @Test
  void anEventThatCannotApplyNamesItself() throws IOException {
    Path events = Files.write(tmp.resolve("events.csv"), List.of(EVENTS.get(0),
        "O1,D,D100,2026-11-14T10:02,50,60.00,paid"));
    Cli.Run replay = Cli.run("replay", "--plan", "seed", "--data", SEED.toString(), "--period",
        "2026-11", "--events", events.toString());
    assertThat(replay.exit()).as(replay.toString()).isEqualTo(1);
    assertThat(replay.err()).contains("order O1 by D100", "found order id O1 again");
  }

  @Test
  void anUnknownBuyerIsLocatedInTheEventsFile() throws IOException {
    Path events = Files.write(tmp.resolve("events.csv"), List.of(EVENTS.get(0),
        "E9,C,C404,2026-11-14T10:02,50,60.00,paid"));
    Cli.Run replay = Cli.run("replay", "--plan", "seed", "--data", SEED.toString(), "--period",
        "2026-11", "--events", events.toString());
    assertThat(replay.exit()).as(replay.toString()).isEqualTo(1);
    assertThat(replay.err()).contains(events + ":2", "C404");
  }

  @Test
  void theShippedEventsLiftDanaToPlatinumAsTheReadmeShows() {
    Path events = SEED.resolveSibling("seed-live").resolve("events.csv");
    Cli.Run replay = Cli.run("replay", "--plan", "seed", "--data", SEED.toString(), "--period",
        "2026-11", "--events", events.toString(), "--format", "text");
    assertThat(replay.exit()).as(replay.toString()).isZero();
    assertThat(replay.out()).startsWith(
        "2026-11-16 08:00  D100  Gold -> Platinum  (order E3 by D107)")
        .contains("Paid as");
  }

  /**
   * The binary plan live: generated data with a binary placement tree, orders replayed, and the
   * replay ends with exactly what {@code evaluate} gives on all the data (side volumes, side
   * counts and ranks in each side followed order by order).
   */
  @Test
  void aBinaryPlanReplaysToWhatEvaluateGives() throws IOException {
    Path data = tmp.resolve("binary");
    Cli.Run generate = Cli.run("generate", "--distributors", "400", "--seed", "9",
        "--placements", "binary", "--out", data.toString());
    assertThat(generate.exit()).as(generate.toString()).isZero();
    List<String> orders = Files.readAllLines(data.resolve("orders.csv"));
    String header = orders.get(0);
    // the events: big orders late in the month, for distributors spread over the tree
    List<String> events = new java.util.ArrayList<>(List.of(header));
    for (int i = 0; i < 40; i++) {
      String row = "X" + i + ",D," + "D" + (1 + i * 9) + ",2026-11-" + (20 + i % 9) + "T1"
          + (i % 10) + ":00";
      events.add(header.contains(",cv,") ? row + ",400,360,500.00,paid" : row
          + ",400,500.00,paid");
    }
    Path file = Files.write(tmp.resolve("binary-events.csv"), events);
    Cli.Run replay = Cli.run("replay", "--plan", "binary", "--data", data.toString(),
        "--period", "2026-11", "--events", file.toString());
    assertThat(replay.exit()).as(replay.toString()).isZero();

    Path all = Files.createDirectory(tmp.resolve("binary-all"));
    for (String f : List.of("distributors.csv", "customers.csv", "orders.csv")) {
      Files.copy(data.resolve(f), all.resolve(f));
    }
    Files.write(all.resolve("orders.csv"), events.subList(1, events.size()),
        java.nio.file.StandardOpenOption.APPEND);
    Cli.Run evaluate = Cli.run("evaluate", "--plan", "binary", "--data", all.toString(),
        "--period", "2026-11");
    assertThat(evaluate.exit()).as(evaluate.toString()).isZero();
    assertThat(replay.out()).endsWith(evaluate.out());
    assertThat(replay.out().length()).as("some rank changed on the way")
        .isGreaterThan(evaluate.out().length());
  }
}
