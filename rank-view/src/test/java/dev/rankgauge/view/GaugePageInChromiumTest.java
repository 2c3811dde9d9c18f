package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rankgauge.Evaluation;
import dev.rankgauge.RankGauge;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's gauge page as a browser draws it on a 320 px wide phone: headless Chromium loads
 * the page with a probe script that measures what people see, and this test reads the probe's
 * findings from the DOM Chromium dumps. Every text has a contrast of at least 4.5:1 against what
 * is behind it (WCAG AA), measured on the computed colours; nothing sticks out sideways; every
 * dial has a text alternative and every progress bar a name; tick labels are drawn at 11 px or
 * more and do not overlap.
 *
 * <p>Needs a Chromium: the {@code CHROMIUM} environment variable, or {@code chromium},
 * {@code chromium-browser} or {@code google-chrome} on the PATH ({@code apt-get install -y
 * chromium}). Without one the test is skipped, and says why.
 */
class GaugePageInChromiumTest {
  private static final Locale ES = Locale.forLanguageTag("es");

  @TempDir
  Path tmp;

  static Optional<Path> chromium() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("CHROMIUM");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = GaugePageInChromiumTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** What the probe found in the page at the given width, one finding a line. */
  private List<String> probe(String page, int width) throws IOException, InterruptedException {
    Optional<Path> browser = chromium();
    assumeTrue(browser.isPresent(), "skipped: no headless Chromium found (set CHROMIUM or put"
        + " chromium on the PATH: apt-get install -y chromium), so the page is not checked in a"
        + " browser");
    // A browser window is at least 500 px wide, so the page goes into an iframe of the width
    // under test, where its media queries and layout see that width.
    String probed = page.replace("</body>",
        "<script>" + resource("gauge-page-probe.js") + "</script>\n</body>");
    Path file = tmp.resolve("frame.html");
    Files.writeString(file, "<!DOCTYPE html>\n<html><body style=\"margin:0\"><iframe width=\""
        + width + "\" height=\"2400\" style=\"border:0\" srcdoc=\""
        + probed.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe></body></html>\n");
    Process p = new ProcessBuilder(browser.get().toString(), "--headless=new", "--no-sandbox",
        "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
        "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1400,2500",
        "--virtual-time-budget=3000", "--dump-dom", file.toUri().toString())
        .redirectError(tmp.resolve("chromium.log").toFile())
        .start();
    byte[] dom = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    String html = new String(dom, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?s)<pre id=\"probe\">(.*?)</pre>").matcher(html);
    assertThat(m.find()).as("the probe ran; Chromium said: %s",
        Files.exists(tmp.resolve("chromium.log")) ? Files.readString(tmp.resolve("chromium.log"))
            : "").isTrue();
    String text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&amp;", "&");
    return text.lines().toList();
  }

  private static Evaluation seed() {
    return RankGauge.evaluate(SeedExample.organisation(), SeedExample.plan(), SeedExample.PERIOD,
        SeedExample.AS_OF);
  }

  private static void assertReadable(List<String> found, int width) {
    assertThat(found).as("what the browser found").filteredOn(l -> l.startsWith("FAIL")).isEmpty();
    assertThat(found).contains("viewport " + width + " scroll " + width, "dials 4", "bars 4");
    assertThat(found).filteredOn(l -> l.startsWith("tick ")).hasSize(24);
    assertThat(found).anySatisfy(l -> assertThat(l).matches("texts [0-9]{3,}"));
  }

  @Test
  void onA320PixelPhoneEveryTextIsLegibleAndNamed() throws Exception {
    Evaluation e = seed();
    assertReadable(probe(GaugePage.render(e, e.result(SeedExample.DANA)), 320), 320);
  }

  @Test
  void inSpanishToo() throws Exception {
    Evaluation e = seed();
    assertReadable(probe(GaugePage.render(e, e.result(SeedExample.DANA), ES), 320), 320);
  }

  @Test
  void onADesktopToo() throws Exception {
    Evaluation e = seed();
    assertReadable(probe(GaugePage.render(e, e.result(SeedExample.DANA)), 1280), 1280);
  }
}
