package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Period;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live server end to end, over HTTP and its event stream: while orders replay, Dana's
 * paid-as rank and a dial change, and the JSON endpoints follow.
 */
class LiveServerTest {
  private static final Path SEED = EvaluateCommandTest.seedData();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir
  Path tmp;

  private HttpResponse<String> get(LiveServer s, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port() + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ordersReplayedMoveDanasRankAndDialOnTheEventStreamAndTheEndpoints() throws Exception {
    CompPlan plan = PlanFiles.bundled("seed");
    Period november = Period.month(2026, 11);
    LiveEvaluation live = LiveEvaluation.start(CsvOrganisation.read(SEED, plan,
        Progress.silent()), plan, november, november.endInstant(plan.zone()));
    Path events = Files.write(tmp.resolve("events.csv"), List.of(
        "id,buyer_type,buyer_id,date,pv,amount,status",
        "E1,C,C2,2026-11-14T10:02,50,60.00,paid",
        "E2,C,C3,2026-11-15T09:30,45,55.00,paid",
        "E3,D,D107,2026-11-16T08:00,120,150.00,paid"));
    List<Order> orders = ReplayCommand.readEvents(SEED, events, plan, Progress.silent());

    try (LiveServer server = new LiveServer(live, 0)) {
      assertThat(get(server, "/api/distributors/D100").body())
          .contains("\"paidAs\" : {\n    \"code\" : \"GLD\"");
      String page = get(server, "/d/D100").body();
      assertThat(page).contains("Paid as", "Gold", "new EventSource('/events')")
          .doesNotContain("<script src", "<link", "http://", "https://");

      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + server.port() + "/events")).build(),
          HttpResponse.BodyHandlers.ofLines());
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("text/event-stream"));
      Thread reader = new Thread(() -> stream.body().forEach(lines::add));
      reader.setDaemon(true);
      reader.start();
      assertThat(lines.poll(30, TimeUnit.SECONDS)).startsWith(": version 0");

      Thread replay = new Thread(() -> {
        try {
          server.replay(orders, 1_000_000, new PrintWriter(new StringWriter()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      replay.start();
      String rank = null;
      String dial = null;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((rank == null || dial == null) && System.nanoTime() < until) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("data: ")) {
          continue;
        }
        if (line.contains("{\"distributor\":\"D100\",\"before\":\"GLD\",\"after\":\"PLAT\"}")) {
          rank = line;
        }
        if (line.contains("{\"distributor\":\"D100\",\"metric\":\"active_personal_distributors\","
            + "\"before\":\"GLD\",\"after\":\"PLAT\"")) {
          dial = line;
        }
      }
      replay.join(30_000);
      assertThat(rank).as("Dana's rank change on the event stream").isNotNull()
          .contains("\"event\":\"order E3 by D107\"");
      assertThat(dial).as("Dana's distributor dial crossing Platinum's mark").isNotNull();

      assertThat(get(server, "/api/distributors/D100").body())
          .contains("\"paidAs\" : {\n    \"code\" : \"PLAT\"");
      assertThat(get(server, "/d/D100/fragment").body()).contains("Platinum");
      assertThat(get(server, "/api/rank-counts").body()).startsWith("{\"ranks\":[{\"code\":");
      assertThat(get(server, "/api/changes").body()).startsWith("[{\"version\":3,");
      assertThat(get(server, "/openapi.json").body()).contains("\"openapi\": \"3.0.3\"",
          "/api/distributors/{id}");

      HttpResponse<String> unknown = get(server, "/api/distributors/D999");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(unknown.body()).isEqualTo("{\"status\":404,\"code\":\"serve.noDistributor\","
          + "\"error\":\"found distributor D999, which does not exist\"}");
      HttpResponse<String> malformed = get(server, "/d/D100/x/y");
      assertThat(malformed.statusCode()).isEqualTo(404);
      assertThat(malformed.body()).startsWith("{\"status\":404,\"code\":\"serve.path\","
          + "\"error\":\"found path /d/D100/x/y, which is not one of this server's; expected"
          + " /d/{id}, /events,");
      assertThat(get(server, "/d/").statusCode()).isEqualTo(400);
      HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
          + server.port() + "/api/rank-counts")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.body()).contains("\"status\":405");
    }
  }

  @Test
  void errorsSpeakTheServersLanguageBesideTheirStableCode() throws Exception {
    CompPlan plan = PlanFiles.bundled("seed");
    Period november = Period.month(2026, 11);
    LiveEvaluation live = LiveEvaluation.start(CsvOrganisation.read(SEED, plan,
        Progress.silent()), plan, november, november.endInstant(plan.zone()));
    try (LiveServer server = new LiveServer(live, 0, Locale.forLanguageTag("es"))) {
      HttpResponse<String> unknown = get(server, "/api/distributors/D999");

      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).isEqualTo("{\"status\":404,\"code\":\"serve.noDistributor\","
          + "\"error\":\"se encontró el distribuidor D999, que no existe\"}");
    }
  }

  @Test
  void theLivePageSpeaksTheLanguageTheCommandLineChose() throws Exception {
    CompPlan plan = PlanFiles.bundled("seed");
    Period november = Period.month(2026, 11);
    LiveEvaluation live = LiveEvaluation.start(CsvOrganisation.read(SEED, plan,
        Progress.silent()), plan, november, november.endInstant(plan.zone()));
    try (LiveServer server = new LiveServer(live, 0, Locale.forLanguageTag("es"))) {
      assertThat(get(server, "/d/D100").body()).contains("<html lang=\"es\"", "Cobra como")
          .doesNotContain("Paid as");
      assertThat(get(server, "/d/D100/fragment").body()).contains("Cobra como");
    }
  }

  /**
   * A binary plan served live: Ann placed Bo (400 PV) on her left and Cy (150 PV) on her right,
   * each sponsored by her. An order of Cy's moves Ann's right side on her page and, with both
   * sides past the Crystal Executive marks, her paid-as rank.
   */
  @Test
  void aBinaryPlansSidesMoveOnThePageAsOrdersArrive() throws Exception {
    CompPlan plan = PlanFiles.bundled("binary");
    Period november = Period.month(2026, 11);
    dev.rankgauge.Organisation.Builder b = dev.rankgauge.Organisation.builder();
    int o = 0;
    for (String[] d : new String[][] {{"ANN", null, "150"}, {"BO", "ANN", "400"},
        {"CY", "ANN", "150"}}) {
      b.add(dev.rankgauge.Distributor.of(d[0], d[1], java.time.LocalDate.of(2025, 1, 1), d[0],
          ""));
      b.add(Order.byDistributor("O" + ++o, d[0], java.time.Instant.parse(
          "2026-11-10T18:00:00Z"), new java.math.BigDecimal(d[2])));
    }
    b.add(dev.rankgauge.Placement.left("BO", "ANN"))
        .add(dev.rankgauge.Placement.right("CY", "ANN"));
    LiveEvaluation live = LiveEvaluation.start(b.build(), plan, november,
        november.endInstant(plan.zone()));
    try (LiveServer server = new LiveServer(live, 0)) {
      assertThat(get(server, "/d/ANN/fragment").body())
          .contains("left 400 PV, right 150 PV, weak side: right", "Executive");
      live.apply(new dev.rankgauge.LiveEvent.OrderPlaced(Order.byDistributor("O9", "CY",
          java.time.Instant.parse("2026-11-12T18:00:00Z"), new java.math.BigDecimal("500"))));
      assertThat(get(server, "/d/ANN/fragment").body())
          .contains("left 400 PV, right 650 PV, weak side: left", "Crystal Executive");
      assertThat(get(server, "/api/distributors/ANN").body())
          .contains("\"paidAs\" : {\n    \"code\" : \"CEX\"");
    }
  }
}
