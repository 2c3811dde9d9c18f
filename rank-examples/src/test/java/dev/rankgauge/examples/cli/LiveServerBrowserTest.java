package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rankgauge.CompPlan;
import dev.rankgauge.LiveEvaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Period;
import dev.rankgauge.io.CsvOrganisation;
import dev.rankgauge.io.Progress;
import dev.rankgauge.json.PlanFiles;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live gauge page in a real browser: headless Chromium opens Dana's page, orders replay, and
 * without a reload the page's paid-as rank and her distributors' dial change. Runs with
 * {@code -Pbrowser} (property {@code rankgauge.browser=true}) where {@code chromium} is on the
 * path ({@code apt-get install chromium}); otherwise skipped, saying why.
 */
class LiveServerBrowserTest {
  private static final Path SEED = EvaluateCommandTest.seedData();
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Pattern PAGE = Pattern.compile(
      "\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+)\"",
      Pattern.DOTALL);

  @TempDir
  Path tmp;

  @Test
  void thePageMovesWithoutAReloadInHeadlessChromium() throws Exception {
    assumeTrue(Boolean.getBoolean("rankgauge.browser"),
        "the browser test runs with -Pbrowser (mvn verify -Pbrowser -pl rank-examples -am)");
    Path chromium = onPath("chromium");
    assumeTrue(chromium != null, "no chromium on the path: apt-get install chromium");

    CompPlan plan = PlanFiles.bundled("seed");
    Period november = Period.month(2026, 11);
    LiveEvaluation live = LiveEvaluation.start(CsvOrganisation.read(SEED, plan,
        Progress.silent()), plan, november, november.endInstant(plan.zone()));
    List<Order> orders = ReplayCommand.readEvents(SEED,
        SEED.resolveSibling("seed-live").resolve("events.csv"), plan, Progress.silent());
    Process browser = null;
    try (LiveServer server = new LiveServer(live, 0)) {
      browser = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox",
          "--disable-gpu", "--no-first-run", "--remote-debugging-port=0",
          "--user-data-dir=" + tmp.resolve("profile"),
          "http://localhost:" + server.port() + "/d/D100").redirectErrorStream(true).start();
      String devtools = devtools(browser);
      String http = devtools.replaceFirst("^ws://([^/]+)/.*$", "http://$1");
      try (Cdp page = Cdp.connect(pageTarget(http))) {
        String before = page.waitFor("document.getElementById('live').innerText",
            t -> t.contains("Gold"));
        page.waitFor("String(window.rankgaugeEvents && window.rankgaugeEvents.readyState)",
            t -> t.contains("1"));
        String dialBefore = page.evaluate("document.querySelector('#live').innerHTML");
        server.replay(orders, 1_000_000, new PrintWriter(new StringWriter()));
        String after = page.waitFor("document.getElementById('live').innerText + ' v'"
            + " + document.getElementById('live').dataset.version",
            t -> t.contains("Platinum") && t.contains(" v5"));
        String dialAfter = page.evaluate("document.querySelector('#live').innerHTML");
        assertThat(before).containsPattern("Paid as\\s+Gold");
        assertThat(after).containsPattern("Paid as\\s+Platinum");
        assertThat(line(before, "Active personal distributors"))
            .isNotEqualTo(line(after, "Active personal distributors"));
        assertThat(dialAfter).isNotEqualTo(dialBefore);
        assertThat(page.evaluate("String(performance.getEntriesByType('navigation').length)"))
            .as("still the first page load").contains("1");
      }
    } finally {
      if (browser != null) {
        browser.destroy();
        if (!browser.waitFor(10, TimeUnit.SECONDS)) {
          browser.destroyForcibly();
        }
      }
    }
  }

  private static String line(String text, String label) {
    int i = text.indexOf(label);
    assertThat(i).as("%s in %s", label, text).isNotNegative();
    int end = text.indexOf('\n', i + label.length() + 1);
    return text.substring(i, end < 0 ? text.length() : Math.min(text.length(), end + 40));
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  private static String devtools(Process browser) throws Exception {
    BufferedReader r = new BufferedReader(new InputStreamReader(browser.getInputStream(),
        StandardCharsets.UTF_8));
    CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
      try {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          Matcher m = DEVTOOLS.matcher(l);
          if (m.find()) {
            return m.group(1);
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      throw new IllegalStateException("chromium ended without a DevTools address");
    });
    return url.get(60, TimeUnit.SECONDS);
  }

  private static String pageTarget(String http) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      String list = client.send(HttpRequest.newBuilder(URI.create(http + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = PAGE.matcher(list);
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(200);
    }
    throw new AssertionError("chromium opened no page");
  }

  /** Just enough of the Chrome DevTools Protocol: evaluate an expression in the page. */
  private static final class Cdp implements AutoCloseable, WebSocket.Listener {
    private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Cdp connect(String url) throws Exception {
      Cdp c = new Cdp();
      c.socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create(url), c).get(30, TimeUnit.SECONDS);
      return c;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        Matcher m = Pattern.compile("^\\{\"id\":(\\d+)").matcher(message);
        if (m.find()) {
          CompletableFuture<String> f = pending.remove(Integer.parseInt(m.group(1)));
          if (f != null) {
            f.complete(message);
          }
        }
      }
      ws.request(1);
      return null;
    }

    /** The expression's value as the raw protocol message. */
    String evaluate(String expression) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<String> f = new CompletableFuture<>();
      pending.put(id, f);
      socket.sendText("{\"id\":" + id + ",\"method\":\"Runtime.evaluate\",\"params\":{"
          + "\"expression\":" + LiveServer.str(expression) + ",\"returnByValue\":true}}", true);
      return f.get(30, TimeUnit.SECONDS).replace("\\n", "\n");
    }

    String waitFor(String expression, java.util.function.Predicate<String> ok) throws Exception {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      String last = "";
      while (System.nanoTime() < until) {
        last = evaluate(expression);
        if (ok.test(last)) {
          return last;
        }
        Thread.sleep(200);
      }
      throw new AssertionError("the page never showed what was expected; last: " + last);
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
