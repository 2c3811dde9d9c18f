package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.BuyerType;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.RankGauge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The gas gauge page of the seed's Dana, and of people whose names are not plain text. */
class GaugePageTest {
  private final Evaluation e = RankGauge.evaluate(SeedExample.organisation(), SeedExample.plan(),
      SeedExample.PERIOD, SeedExample.AS_OF);
  private final String page = GaugePage.render(e, e.result(SeedExample.DANA));

  private static int count(String text, String of) {
    Matcher m = Pattern.compile(Pattern.quote(of)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void isOneSelfContainedDocument() {
    assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").endsWith("</html>\n")
        .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .contains("<style>").contains("@media (max-width:599px)");
    assertThat(page).doesNotContain("<script", "<link", "<img", "<iframe", "http://",
        "https://", "url(", "@import");
  }

  @Test
  void drawsFourDialsEachWithNeedleRankMarksAndNextRank() {
    assertThat(count(page, "<svg ")).isEqualTo(4);
    assertThat(count(page, "class=\"needle\"")).isEqualTo(4);
    // Six ranks on each of the four scales, each mark naming its threshold.
    assertThat(count(page, "<g class=\"tick")).isEqualTo(24);
    assertThat(page).contains("<title>Diamond: 6,000 PV</title>", "<title>Gold: 1</title>");
    // Personal sales are at the top of the ladder: the needle points at the right end.
    assertThat(page).contains("<line class=\"needle\" x1=\"130.0\" y1=\"122.0\" x2=\"196.0\""
        + " y2=\"122.0\"/>");
    assertThat(page).contains("aria-label=\"Group sales: 7,300 PV, Diamond, 4,700 more for"
        + " Senior Executive\"");
    assertThat(page).contains("<p class=\"value\">7,300 PV</p>")
        .contains("4,700 PV more for Senior Executive")
        .contains("<p class=\"value\">1</p>\n<p class=\"rank\">Gold <span class=\"code\">GLD")
        .contains("1 more for Platinum");
    assertThat(count(page, "<g class=\"tick next\">")).isEqualTo(3);
  }

  @Test
  void showsThePaidAsRankAndTheGap() {
    assertThat(page).contains("<span class=\"label\">Paid as</span> <strong>Gold</strong>")
        .contains("Next: Platinum, 2 requirements to go")
        .contains("<h2>To reach Platinum <span class=\"code\">PLAT</span></h2>")
        .contains("<span class=\"what\">at least 2 active personal customers</span>"
            + "<span class=\"figures\">1 of 2 \u00b7 <strong>1 to go</strong>")
        .contains("aria-valuenow=\"50.00\" aria-label=\"at least 2 active personal customers:"
            + " 50.00% complete\"><span style=\"width:50.0%\">")
        .contains("<strong>Holding you back:</strong> at least 2 active personal customers;"
            + " at least 3 active personal distributors.");
  }

  @Test
  void focusListsOpenEachPersonsContactAndOrders() {
    assertThat(page).contains("Customers to call <span class=\"count\">8</span>")
        .contains("Distributors to call <span class=\"count\">5</span>")
        .contains("Active customers <span class=\"count\">1</span>")
        .contains("Active distributors <span class=\"count\">2</span>");
    assertThat(count(page, "<details>")).isEqualTo(16);
    assertThat(page).contains("<a href=\"mailto:dave.dunn@example.com\">")
        .contains("<a href=\"tel:+18015550103\">+1 801 555 0103</a>")
        .contains("<dt>Phone</dt><dd>\u2013</dd>\n<dt>Last order</dt><dd>2026-10-14</dd>");
    // Finn's one order this month, in the plan's zone.
    assertThat(page).contains("<tr><td>O10</td><td>2026-11-09 14:30</td><td>paid</td>"
        + "<td class=\"num\">40</td><td class=\"num\">50.00</td></tr>");
  }

  @Test
  void escapesEveryTextFromTheData() {
    String evil = "<script>alert(\"x\")</script> & 'co'";
    Organisation org = Organisation.builder()
        .add(Distributor.of("D<1>", null, LocalDate.of(2020, 1, 1), evil, "\"a\"@example.com"))
        .add(Customer.of("C&1", "D<1>", evil, "x'><script>@example.com"))
        .add(Order.paid("O<1>", BuyerType.CUSTOMER, "C&1", SeedExample.AS_OF.minusSeconds(60),
            "PV", BigDecimal.TEN, BigDecimal.ONE))
        .build();
    Evaluation ev = RankGauge.evaluate(org, SeedExample.plan(), SeedExample.PERIOD,
        SeedExample.AS_OF);
    String html = GaugePage.render(ev, ev.result("D<1>"));
    assertThat(html).doesNotContain("<script", "D<1>", "C&1", "O<1>", "'co'");
    assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;")
        .contains("D&lt;1&gt;").contains("<td>O&lt;1&gt;</td>")
        .contains("href=\"mailto:x&#39;&gt;&lt;script&gt;@example.com\"");
  }

  @Test
  void theTopOfTheLadderHasNoGap() {
    Organisation org = Organisation.builder()
        .add(Distributor.of("D1", null, LocalDate.of(2020, 1, 1), "Solo", ""))
        .build();
    Evaluation ev = RankGauge.evaluate(org, dev.rankgauge.CompPlan.builder("one rank")
        .rank("M", "Member").build(), SeedExample.PERIOD);
    String html = GaugePage.render(ev, ev.result("D1"));
    assertThat(html).contains("Top of the ladder").contains("<p class=\"none\">Nobody.</p>");
  }

  @Test
  void theFragmentIsThePagesContentAsOneElementToEmbed() {
    String fragment = GaugePage.fragment(e, e.result(SeedExample.DANA));

    assertThat(fragment).startsWith("<div class=\"rankgauge\" lang=\"en\">\n").endsWith("</div>\n")
        .doesNotContain("<html", "<head>", "<body", "<main", "<style", "<script", "<meta");
    assertThat(page).contains("<main>\n" + fragment + "</main>\n");
    assertThat(count(fragment, "<svg ")).isEqualTo(4);
  }

  @Test
  void theStylesheetTouchesNothingOutsideTheFragment() {
    String css = GaugePage.css().replaceAll("(?s)/\\*.*?\\*/", "");
    assertThat(page).contains("<style>\n" + GaugePage.css());
    // Every selector of every rule, inside @media blocks too, starts at the fragment's root.
    Matcher rule = Pattern.compile("([^{}]+)\\{[^{}]*\\}").matcher(css);
    int selectors = 0;
    while (rule.find()) {
      for (String selector : rule.group(1).split(",")) {
        String s = selector.strip().replaceFirst("^@media[^{]*\\{", "").strip();
        assertThat(s).as("a selector of the stylesheet").startsWith(".rankgauge");
        selectors++;
      }
    }
    assertThat(selectors).isGreaterThan(50);
    assertThat(css).contains(".rankgauge{--rg-ink:").contains("var(--rg-next)");
  }
}
