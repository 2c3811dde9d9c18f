package dev.rankgauge.examples.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.LiveEvent;
import dev.rankgauge.LiveUpdate;
import dev.rankgauge.Order;
import dev.rankgauge.Rank;
import dev.rankgauge.io.ResultsJson;
import dev.rankgauge.view.GaugePage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live back office on the JDK's HTTP server, bound to localhost: a distributor's gauge page
 * that moves as events arrive (server-sent events, no reload, no external scripts or fonts),
 * JSON endpoints described at {@code /openapi.json}, and JSON errors with a 4xx status.
 *
 * <ul>
 *   <li>{@code GET /d/{id}}: the gauge page; {@code GET /d/{id}/fragment}: its content alone;
 *   <li>{@code GET /events}: the change feed as server-sent events ({@code event: update});
 *   <li>{@code GET /api/distributors/{id}}: the distributor's result as JSON;
 *   <li>{@code GET /api/rank-counts}: how many are paid as each rank;
 *   <li>{@code GET /api/changes}: the latest updates that changed a rank or crossed a mark.
 * </ul>
 */
final class LiveServer implements AutoCloseable {
  private static final int RECENT = 100;
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final LiveEvaluation live;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "rankgauge-http");
    t.setDaemon(true);
    return t;
  });
  private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
  private final Deque<String> recent = new ArrayDeque<>();
  private final LiveEvaluation.Subscription subscription;
  private final Locale locale;
  /** The command line's words in the server's language, for its JSON errors. */
  private final CliTexts texts;

  LiveServer(LiveEvaluation live, int port) throws IOException {
    this(live, port, Locale.ENGLISH);
  }

  /** A server whose pages speak the given language, as {@code --locale} chooses. */
  LiveServer(LiveEvaluation live, int port, Locale locale) throws IOException {
    this.live = live;
    this.locale = locale;
    this.texts = new CliTexts(locale);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
        0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    this.subscription = live.subscribe(this::broadcast);
    server.start();
  }

  /** {@return the port the server listens on} */
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    subscription.close();
    for (BlockingQueue<String> c : clients) {
      c.offer("");
    }
    server.stop(0);
    pool.shutdownNow();
  }

  /**
   * Replays orders in time order, waiting between two orders their difference in time divided
   * by {@code speed} (at most a minute); returns when all are applied. An order that cannot apply
   * is reported on {@code err} and skipped.
   */
  void replay(List<Order> orders, double speed, java.io.PrintWriter err)
      throws InterruptedException {
    Order previous = null;
    for (Order o : orders) {
      if (previous != null && speed > 0) {
        long ms = (long) (Duration.between(previous.timestamp(), o.timestamp()).toMillis()
            / speed);
        if (ms > 0) {
          Thread.sleep(Math.min(ms, 60_000));
        }
      }
      try {
        live.apply(new LiveEvent.OrderPlaced(o));
      } catch (IllegalArgumentException e) {
        err.println("replay: " + e.getMessage().lines().findFirst().orElse(""));
        err.flush();
      }
      previous = o;
    }
  }

  private void broadcast(LiveUpdate u) {
    String json = json(u);
    if (!u.isQuiet()) {
      synchronized (recent) {
        recent.addFirst(json);
        while (recent.size() > RECENT) {
          recent.removeLast();
        }
      }
    }
    for (BlockingQueue<String> c : clients) {
      c.offer(json);
    }
  }

  // --- routing ---------------------------------------------------------------------------------

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      if (!x.getRequestMethod().equals("GET")) {
        x.getResponseHeaders().add("Allow", "GET");
        error(x, 405, "serve.method", x.getRequestMethod());
        return;
      }
      String path = x.getRequestURI().getPath();
      String[] parts = path.substring(1).split("/", -1);
      if (path.equals("/") ) {
        send(x, 200, "text/html; charset=utf-8", index());
      } else if (path.equals("/openapi.json")) {
        send(x, 200, "application/json", OPENAPI);
      } else if (path.equals("/events")) {
        events(x);
      } else if (path.equals("/api/rank-counts")) {
        send(x, 200, "application/json", rankCounts(live.snapshot()));
      } else if (path.equals("/api/changes")) {
        String body;
        synchronized (recent) {
          body = "[" + String.join(",", recent) + "]";
        }
        send(x, 200, "application/json", body);
      } else if (parts.length == 3 && parts[0].equals("api") && parts[1].equals("distributors")) {
        withDistributor(x, parts[2], (e, r) -> {
          StringWriter w = new StringWriter();
          ResultsJson.writeOne(e, r, w);
          return w.toString();
        }, "application/json");
      } else if (parts.length == 2 && parts[0].equals("d")) {
        withDistributor(x, parts[1], (e, r) -> page(e, r), "text/html; charset=utf-8");
      } else if (parts.length == 3 && parts[0].equals("d") && parts[2].equals("fragment")) {
        withDistributor(x, parts[1], (e, r) -> GaugePage.fragment(e, r, locale),
            "text/html; charset=utf-8");
      } else {
        error(x, 404, "serve.path", path);
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or a bug: never a stack trace to the client
      if (!(e instanceof IOException)) {
        try {
          error(x, 500, "serve.internal", e.getClass().getSimpleName());
        } catch (IOException | RuntimeException ignored) {
          // headers already sent
        }
      }
    }
  }

  private interface Render {
    String render(Evaluation e, DistributorResult r) throws IOException;
  }

  private void withDistributor(HttpExchange x, String id, Render render, String type)
      throws IOException {
    if (id.isBlank()) {
      error(x, 400, "serve.emptyId");
      return;
    }
    Evaluation e = live.snapshot();
    Optional<DistributorResult> r = e.find(id);
    if (r.isEmpty()) {
      error(x, 404, "serve.noDistributor", id);
      return;
    }
    send(x, 200, type, render.render(e, r.get()));
  }

  private void events(HttpExchange x) throws IOException {
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    x.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
    x.getResponseHeaders().add("Cache-Control", "no-store");
    x.sendResponseHeaders(200, 0);
    OutputStream out = x.getResponseBody();
    clients.add(queue);
    try {
      out.write((": version " + live.version() + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (true) {
        String json;
        try {
          json = queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (json != null && json.isEmpty()) {
          return;
        }
        String message = json == null ? ": still here\n\n" : "event: update\ndata: " + json
            + "\n\n";
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } finally {
      clients.remove(queue);
    }
  }

  // --- bodies ----------------------------------------------------------------------------------

  private static void send(HttpExchange x, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  /**
   * A JSON error: the status, a stable machine code (the message's key in the command line's
   * bundle, such as {@code serve.noDistributor}) and the message in the server's language.
   */
  private void error(HttpExchange x, int status, String code, Object... args)
      throws IOException {
    send(x, status, "application/json", "{\"status\":" + status + ",\"code\":" + str(code)
        + ",\"error\":" + str(texts.get(code, args)) + "}");
  }

  private String index() {
    return "<!doctype html><meta charset=\"utf-8\"><title>RankGauge live</title>"
        + "<p>Open <code>/d/ID</code> for a distributor's live gauge page; the API is described"
        + " at <a href=\"/openapi.json\">/openapi.json</a>.";
  }

  /** The gauge page, with a small inline script that swaps its content on each update. */
  private String page(Evaluation e, DistributorResult r) {
    String id = r.distributor().id();
    return "<!doctype html>\n<html lang=\"" + html(locale.getLanguage())
        + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + html(r.distributor().name()) + " (" + html(id) + ") live</title>"
        + "<style>" + GaugePage.css() + "</style></head><body>"
        + "<div id=\"live\" data-version=\"" + live.version() + "\">"
        + GaugePage.fragment(e, r, locale) + "</div>"
        + "<script>\n"
        + "(function () {\n"
        + "  var box = document.getElementById('live');\n"
        + "  var src = window.rankgaugeEvents = new EventSource('/events');\n"
        + "  src.addEventListener('update', function (m) {\n"
        + "    var u = JSON.parse(m.data);\n"
        + "    fetch('/d/" + js(id) + "/fragment').then(function (r) { return r.text(); })\n"
        + "      .then(function (h) { box.innerHTML = h; box.dataset.version = u.version; });\n"
        + "  });\n"
        + "})();\n"
        + "</script></body></html>\n";
  }

  static String rankCounts(Evaluation e) {
    StringBuilder sb = new StringBuilder("{\"ranks\":[");
    boolean first = true;
    for (Map.Entry<Rank, Integer> c : e.paidAsCounts().entrySet()) {
      sb.append(first ? "" : ",").append("{\"code\":").append(str(c.getKey().code()))
          .append(",\"name\":").append(str(c.getKey().name())).append(",\"paidAs\":")
          .append(c.getValue()).append('}');
      first = false;
    }
    return sb.append("]}").toString();
  }

  static String json(LiveUpdate u) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"version\":").append(u.version()).append(",\"event\":")
        .append(str(u.event().describe())).append(",\"rankChanges\":[");
    for (int i = 0; i < u.rankChanges().size(); i++) {
      LiveUpdate.RankChange c = u.rankChanges().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"distributor\":").append(str(c.distributorId()))
          .append(",\"before\":").append(str(c.before().code())).append(",\"after\":")
          .append(str(c.after().code())).append('}');
    }
    sb.append("],\"gaugeCrossings\":[");
    for (int i = 0; i < u.gaugeCrossings().size(); i++) {
      LiveUpdate.GaugeCrossing c = u.gaugeCrossings().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"distributor\":").append(str(c.distributorId()))
          .append(",\"metric\":").append(str(c.metric().name().toLowerCase(Locale.ROOT)))
          .append(",\"before\":").append(str(c.before().code())).append(",\"after\":")
          .append(str(c.after().code())).append(",\"valueBefore\":")
          .append(c.valueBefore().toPlainString()).append(",\"valueAfter\":")
          .append(c.valueAfter().toPlainString()).append('}');
    }
    return sb.append("]}").toString();
  }

  /** A JSON string. */
  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"",
        "&quot;");
  }

  /** A distributor id inside a JavaScript string in a page: as a JSON string without quotes. */
  private static String js(String s) {
    String q = str(s);
    return q.substring(1, q.length() - 1).replace("'", "\\u0027").replace("/", "\\/");
  }

  private static final String OPENAPI = """
      {
        "openapi": "3.0.3",
        "info": {"title": "RankGauge live", "version": "1"},
        "paths": {
          "/d/{id}": {"get": {"summary": "A distributor's live gauge page (HTML)",
            "parameters": [{"$ref": "#/components/parameters/id"}],
            "responses": {"200": {"description": "the page", "content": {"text/html": {}}},
              "404": {"$ref": "#/components/responses/error"}}}},
          "/d/{id}/fragment": {"get": {"summary": "The page's content alone (HTML)",
            "parameters": [{"$ref": "#/components/parameters/id"}],
            "responses": {"200": {"description": "the fragment", "content": {"text/html": {}}},
              "404": {"$ref": "#/components/responses/error"}}}},
          "/events": {"get": {"summary": "Every update as a server-sent event named update",
            "responses": {"200": {"description": "an event stream; each data line is an Update",
              "content": {"text/event-stream": {}}}}}},
          "/api/distributors/{id}": {"get": {"summary": "A distributor's result now",
            "parameters": [{"$ref": "#/components/parameters/id"}],
            "responses": {"200": {"description": "the result, as distributor-result.schema.json",
              "content": {"application/json": {}}},
              "404": {"$ref": "#/components/responses/error"}}}},
          "/api/rank-counts": {"get": {"summary": "How many are paid as each rank",
            "responses": {"200": {"description": "counts in ladder order",
              "content": {"application/json": {"schema": {"type": "object",
                "properties": {"ranks": {"type": "array", "items": {"type": "object",
                  "properties": {"code": {"type": "string"}, "name": {"type": "string"},
                    "paidAs": {"type": "integer"}}}}}}}}}}}},
          "/api/changes": {"get": {"summary": "The latest updates that changed something, newest first",
            "responses": {"200": {"description": "up to 100 updates",
              "content": {"application/json": {"schema": {"type": "array",
                "items": {"$ref": "#/components/schemas/Update"}}}}}}}}
        },
        "components": {
          "parameters": {"id": {"name": "id", "in": "path", "required": true,
            "schema": {"type": "string"}}},
          "responses": {"error": {"description": "a bad request",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
          "schemas": {
            "Error": {"type": "object", "required": ["status", "code", "error"],
              "properties": {"status": {"type": "integer"}, "code": {"type": "string"},
                "error": {"type": "string"}}},
            "Update": {"type": "object", "required": ["version", "event", "rankChanges",
              "gaugeCrossings"], "properties": {
              "version": {"type": "integer"}, "event": {"type": "string"},
              "rankChanges": {"type": "array", "items": {"type": "object", "properties": {
                "distributor": {"type": "string"}, "before": {"type": "string"},
                "after": {"type": "string"}}}},
              "gaugeCrossings": {"type": "array", "items": {"type": "object", "properties": {
                "distributor": {"type": "string"}, "metric": {"type": "string"},
                "before": {"type": "string"}, "after": {"type": "string"},
                "valueBefore": {"type": "number"}, "valueAfter": {"type": "number"}}}}}}
          }
        }
      }
      """;
}
