package dev.rankgauge.examples;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.Period;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGap;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The seed's gas gauge view as one self-contained HTML page: the four gauges as SVG dials (needle,
 * rank marks, current and next rank), the paid-as rank, the gap to the next rank, and the focus
 * lists with contact details, where each name opens that person's orders in the period. Inline CSS
 * and SVG only: no scripts, fonts or images to fetch, so the file opens offline in any browser.
 * The layout is one column on a phone and widens to four gauges in a row on a desktop. Every text
 * from the data is escaped.
 */
public final class GaugePage {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  // The dial's geometry, in SVG user units.
  private static final double CX = 130;
  private static final double CY = 122;
  private static final double R = 84;

  private final Evaluation e;
  private final DistributorResult r;
  private final String unit;
  private final ZoneId zone;
  private final StringBuilder sb = new StringBuilder(16_384);

  private GaugePage(Evaluation e, DistributorResult r) {
    this.e = e;
    this.r = r;
    this.unit = e.plan().qualifyingVolumeType();
    this.zone = e.plan().zone();
  }

  /** The page of one distributor of an evaluation. */
  public static String render(Evaluation e, DistributorResult r) {
    return new GaugePage(e, r).page();
  }

  private String page() {
    String name = r.distributor().name();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(name)).append(" \u00b7 ").append(esc(r.paidAs().name()))
        .append(" \u00b7 ").append(esc(e.plan().name())).append("</title>\n<style>")
        .append(CSS).append("</style>\n</head>\n<body>\n");
    header();
    sb.append("<main>\n");
    gauges();
    gap();
    focus();
    sb.append("</main>\n<footer>Drawn by RankGauge from ").append(esc(e.plan().name()))
        .append(", version ").append(esc(e.plan().version()))
        .append(". The company's plan document and the close of the period are the final"
            + " word.</footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  private void header() {
    Period p = e.period();
    sb.append("<header>\n<h1>").append(esc(r.distributor().name()))
        .append(" <span class=\"id\">").append(esc(r.distributor().id())).append("</span></h1>\n")
        .append("<p class=\"meta\">").append(esc(e.plan().name())).append(' ')
        .append(esc(e.plan().version())).append(" \u00b7 ").append(p.start()).append(" to ")
        .append(p.end()).append(" \u00b7 as of ").append(WHEN.format(e.asOf().atZone(zone)))
        .append(' ').append(esc(zone.toString())).append("</p>\n")
        .append("<div class=\"paid\"><span class=\"label\">Paid as</span> <strong>")
        .append(esc(r.paidAs().name())).append("</strong> <span class=\"code\">")
        .append(esc(r.paidAs().code())).append("</span>");
    if (r.nextRank().isPresent()) {
      int open = r.gap().map(g -> g.holdingBack().size()).orElse(0);
      sb.append("<span class=\"next\">Next: ").append(esc(r.nextRank().get().name()))
          .append(", ").append(open).append(open == 1 ? " requirement" : " requirements")
          .append(" to go</span>");
    } else {
      sb.append("<span class=\"next\">Top of the ladder</span>");
    }
    sb.append("</div>\n<p class=\"status\">")
        .append(r.active() ? "Active this period." : "Not active this period.")
        .append(p.state() == Period.State.OPEN
            ? " The period is open: every figure is an estimate until it closes." : "")
        .append("</p>\n</header>\n");
  }

  // --- gauges ----------------------------------------------------------------------------------

  private void gauges() {
    sb.append("<section class=\"gauges\" aria-label=\"The four gauges\">\n");
    for (Gauge g : r.gauges()) {
      gauge(g);
    }
    sb.append("</section>\n");
  }

  /** What a gauge at its end says: the top rank, no rank asks more, or not used at all. */
  private String end(Gauge g) {
    if (!g.used()) {
      return "not used by this plan";
    }
    List<Rank> ranks = e.plan().ranks();
    return g.rank().equals(ranks.get(ranks.size() - 1)) ? "top rank"
        : "no higher rank asks for more";
  }

  private void gauge(Gauge g) {
    List<Gauge.Mark> marks = g.marks();
    int n = marks.size();
    int rankIndex = marks.stream().map(Gauge.Mark::rank).toList().indexOf(g.rank());
    double at = n < 2 ? 1 : g.nextRank().isEmpty() ? 1
        : (rankIndex + g.needle().doubleValue()) / (n - 1);
    String value = number(g.value()) + (isVolume(g.metric()) ? " " + unit : "");
    String label = g.metric().label() + ": " + value + ", " + g.rank().name()
        + g.nextRank().map(x -> ", " + number(g.remaining().orElseThrow()) + " more for "
            + x.name()).orElse(", " + end(g));
    sb.append("<figure class=\"gauge\">\n<svg viewBox=\"-12 0 284 150\" role=\"img\" aria-label=\"")
        .append(esc(label)).append("\">\n");
    sb.append("<path class=\"track\" d=\"").append(arc(0, 1)).append("\"/>\n");
    if (at > 0) {
      sb.append("<path class=\"fill\" d=\"").append(arc(0, at)).append("\"/>\n");
    }
    boolean small = n > 7;
    for (int i = 0; i < n; i++) {
      Gauge.Mark m = marks.get(i);
      double f = n < 2 ? 0 : (double) i / (n - 1);
      String cls = i <= rankIndex ? "tick reached" : g.nextRank().isPresent()
          && m.rank().equals(g.nextRank().get()) ? "tick next" : "tick";
      double[] a = point(f, R - 11);
      double[] b = point(f, R + 11);
      sb.append("<g class=\"").append(cls).append("\"><title>").append(esc(m.rank().name()))
          .append(": ").append(esc(number(m.threshold())))
          .append(isVolume(g.metric()) ? " " + esc(unit) : "").append("</title>")
          .append("<line x1=\"").append(fmt(a[0])).append("\" y1=\"").append(fmt(a[1]))
          .append("\" x2=\"").append(fmt(b[0])).append("\" y2=\"").append(fmt(b[1]))
          .append("\"/>");
      double radius = R + (small && i % 2 == 1 ? 30 : 20);
      double[] t = point(f, radius);
      double cos = Math.cos(Math.PI * (1 - f));
      String anchor = cos < -0.35 ? "end" : cos > 0.35 ? "start" : "middle";
      sb.append("<text x=\"").append(fmt(t[0])).append("\" y=\"").append(fmt(t[1] + 3))
          .append("\" text-anchor=\"").append(anchor).append("\"")
          .append(small ? " class=\"small\"" : "").append(">").append(esc(m.rank().code()))
          .append("</text></g>\n");
    }
    double[] tip = point(at, R - 18);
    sb.append("<line class=\"needle\" x1=\"").append(fmt(CX)).append("\" y1=\"").append(fmt(CY))
        .append("\" x2=\"").append(fmt(tip[0])).append("\" y2=\"").append(fmt(tip[1]))
        .append("\"/>\n<circle class=\"hub\" cx=\"").append(fmt(CX)).append("\" cy=\"")
        .append(fmt(CY)).append("\" r=\"7\"/>\n</svg>\n");
    sb.append("<figcaption>\n<h2>").append(esc(g.metric().label())).append("</h2>\n")
        .append("<p class=\"value\">").append(esc(value)).append("</p>\n")
        .append("<p class=\"rank\">").append(esc(g.rank().name())).append(" <span class=\"code\">")
        .append(esc(g.rank().code())).append("</span></p>\n<p class=\"to-next\">");
    if (g.nextRank().isPresent()) {
      sb.append(esc(number(g.remaining().orElseThrow())))
          .append(isVolume(g.metric()) ? " " + esc(unit) : "").append(" more for ")
          .append(esc(g.nextRank().get().name()));
    } else {
      String end = end(g);
      sb.append(Character.toUpperCase(end.charAt(0))).append(end.substring(1));
    }
    sb.append("</p>\n</figcaption>\n</figure>\n");
  }

  /** A point on the dial: fraction 0 is the left end of the scale, 1 the right end. */
  private static double[] point(double fraction, double radius) {
    double angle = Math.PI * (1 - fraction);
    return new double[] {CX + radius * Math.cos(angle), CY - radius * Math.sin(angle)};
  }

  private static String arc(double from, double to) {
    double[] a = point(from, R);
    double[] b = point(to, R);
    return "M " + fmt(a[0]) + " " + fmt(a[1]) + " A " + fmt(R) + " " + fmt(R) + " 0 0 1 "
        + fmt(b[0]) + " " + fmt(b[1]);
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static boolean isVolume(Metric m) {
    return m == Metric.PERSONAL_SALES || m == Metric.GROUP_SALES;
  }

  // --- the gap ---------------------------------------------------------------------------------

  private void gap() {
    sb.append("<section class=\"gap\">\n");
    if (r.gap().isEmpty()) {
      sb.append("<h2>Top of the ladder</h2>\n<p>").append(esc(r.paidAs().name()))
          .append(" is the highest rank of the plan.</p>\n</section>\n");
      return;
    }
    RankGap gap = r.gap().get();
    sb.append("<h2>To reach ").append(esc(gap.rank().name())).append(" <span class=\"code\">")
        .append(esc(gap.rank().code())).append("</span></h2>\n<ul>\n");
    for (RequirementStatus s : gap.requirements()) {
      requirement(s);
    }
    sb.append("</ul>\n");
    List<RequirementStatus> back = gap.holdingBack();
    if (!back.isEmpty()) {
      sb.append("<p class=\"back\"><strong>Holding you back:</strong> ");
      for (int i = 0; i < back.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(esc(back.get(i).description()));
      }
      sb.append(".</p>\n");
    }
    sb.append("</section>\n");
  }

  private void requirement(RequirementStatus s) {
    BigDecimal pct = s.percentComplete().max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
    sb.append("<li class=\"").append(s.met() ? "met" : "open").append("\">")
        .append("<span class=\"mark\" aria-hidden=\"true\">").append(s.met() ? "\u2713" : "\u25cb")
        .append("</span><span class=\"what\">").append(esc(s.description())).append("</span>")
        .append("<span class=\"figures\">").append(esc(number(s.actual()))).append(" of ")
        .append(esc(number(s.required())));
    if (!s.met()) {
      sb.append(" \u00b7 <strong>").append(esc(number(s.remaining()))).append(" to go</strong>");
    }
    sb.append("</span><span class=\"bar\" role=\"progressbar\" aria-valuemin=\"0\"")
        .append(" aria-valuemax=\"100\" aria-valuenow=\"").append(pct.toPlainString())
        .append("\"><span style=\"width:").append(pct.setScale(1, RoundingMode.DOWN)
            .toPlainString()).append("%\"></span></span>");
    if (!s.note().isEmpty()) {
      sb.append("<span class=\"note\">").append(esc(s.note())).append("</span>");
    }
    if (!s.parts().isEmpty()) {
      sb.append("<ul class=\"parts\">");
      for (RequirementStatus p : s.parts()) {
        requirement(p);
      }
      sb.append("</ul>");
    }
    sb.append("</li>\n");
  }

  // --- focus lists -----------------------------------------------------------------------------

  private void focus() {
    sb.append("<section class=\"focus\">\n<h2>Where to focus</h2>\n<div class=\"lists\">\n");
    list("Customers to call", "Personal customers who are not active",
        r.focus().inactiveCustomers());
    list("Distributors to call", "Personally sponsored distributors who are not active",
        r.focus().inactiveDistributors());
    list("Active customers", "Personal customers who are active", r.focus().activeCustomers());
    list("Active distributors", "Personally sponsored distributors who are active",
        r.focus().activeDistributors());
    sb.append("</div>\n</section>\n");
  }

  private void list(String title, String hint, List<FocusEntry> entries) {
    sb.append("<div class=\"list\">\n<h3>").append(esc(title)).append(" <span class=\"count\">")
        .append(entries.size()).append("</span></h3>\n<p class=\"hint\">").append(esc(hint))
        .append("</p>\n");
    if (entries.isEmpty()) {
      sb.append("<p class=\"none\">Nobody.</p>\n");
    }
    for (FocusEntry f : entries) {
      entry(f);
    }
    sb.append("</div>\n");
  }

  private void entry(FocusEntry f) {
    sb.append("<details>\n<summary><span class=\"who\">").append(esc(f.name()))
        .append("</span> <span class=\"badge ").append(f.active() ? "on\">active" : "off\">not active")
        .append("</span> <span class=\"vol\">").append(esc(number(f.volume()))).append(' ')
        .append(esc(unit)).append("</span></summary>\n<dl>\n<dt>Id</dt><dd>").append(esc(f.id()))
        .append("</dd>\n<dt>Email</dt><dd>");
    if (f.email().isEmpty()) {
      sb.append("\u2013");
    } else {
      sb.append("<a href=\"mailto:").append(esc(f.email())).append("\">").append(esc(f.email()))
          .append("</a>");
    }
    sb.append("</dd>\n<dt>Phone</dt><dd>");
    if (f.phone().isPresent()) {
      sb.append("<a href=\"tel:").append(esc(f.phone().get().replaceAll("[^0-9+]", "")))
          .append("\">").append(esc(f.phone().get())).append("</a>");
    } else {
      sb.append("\u2013");
    }
    sb.append("</dd>\n<dt>Last order</dt><dd>")
        .append(f.lastOrderDate().map(Object::toString).orElse("never")).append("</dd>\n</dl>\n");
    if (f.orders().isEmpty()) {
      sb.append("<p class=\"none\">No orders this period.</p>\n");
    } else {
      List<String> types = e.plan().volumeTypes();
      sb.append("<table>\n<caption>Orders this period</caption>\n<thead><tr><th>Order</th>")
          .append("<th>Date</th><th>Status</th>");
      for (String t : types) {
        sb.append("<th class=\"num\">").append(esc(t)).append("</th>");
      }
      sb.append("<th class=\"num\">").append(esc(e.plan().currency())).append("</th></tr></thead>\n<tbody>\n");
      for (Order o : f.orders()) {
        sb.append("<tr><td>").append(esc(o.id())).append("</td><td>")
            .append(WHEN.format(o.timestamp().atZone(zone))).append("</td><td>")
            .append(o.status().name().toLowerCase(Locale.ROOT)).append("</td>");
        for (String t : types) {
          sb.append("<td class=\"num\">").append(esc(number(o.volume(t)))).append("</td>");
        }
        sb.append("<td class=\"num\">").append(esc(money(o.amount()))).append("</td></tr>\n");
      }
      sb.append("</tbody>\n</table>\n");
    }
    sb.append("</details>\n");
  }

  // --- text ------------------------------------------------------------------------------------

  /** Escapes text for HTML element content and double- or single-quoted attribute values. */
  static String esc(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep;
      switch (c) {
        case '&':
          rep = "&amp;";
          break;
        case '<':
          rep = "&lt;";
          break;
        case '>':
          rep = "&gt;";
          break;
        case '"':
          rep = "&quot;";
          break;
        case '\'':
          rep = "&#39;";
          break;
        default:
          rep = null;
      }
      if (rep != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (rep != null) {
          out.append(rep);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /** A decimal with thousands separators and no trailing zeros: 7,300 or 49.95. */
  static String number(BigDecimal d) {
    DecimalFormat f = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(d);
  }

  private static String money(BigDecimal d) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(d);
  }

  private static final String CSS = "\n"
      + ":root{--ink:#1d2733;--muted:#5b6673;--line:#d9dee4;--bg:#f5f7f9;--card:#fff;"
      + "--fill:#2a9d8f;--next:#e76f51;--off:#b23a48;--on:#2a7d4f}\n"
      + "*{box-sizing:border-box}\n"
      + "body{margin:0;font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
      + "color:var(--ink);background:var(--bg)}\n"
      + "header,main,footer{max-width:1200px;margin:0 auto;padding:16px}\n"
      + "h1{margin:0;font-size:1.6rem}h1 .id{font-size:1rem;color:var(--muted);font-weight:400}\n"
      + "h2{font-size:1.15rem;margin:0 0 8px}h3{font-size:1rem;margin:0}\n"
      + ".meta,.status,.hint,footer{color:var(--muted);font-size:.9rem}\n"
      + ".meta{margin:4px 0 12px}.status{margin:8px 0 0}\n"
      + ".paid{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;background:var(--card);"
      + "border:1px solid var(--line);border-left:6px solid var(--fill);border-radius:10px;"
      + "padding:12px 16px}\n"
      + ".paid .label{color:var(--muted)}.paid strong{font-size:1.8rem}\n"
      + ".paid .next{flex-basis:100%;color:var(--muted)}\n"
      + ".code{font-size:.75rem;font-weight:600;color:var(--muted);border:1px solid var(--line);"
      + "border-radius:4px;padding:0 4px;vertical-align:middle}\n"
      + ".gauges{display:grid;grid-template-columns:1fr;gap:10px;margin-bottom:16px}\n"
      + "@media (min-width:600px){.gauges{grid-template-columns:repeat(2,1fr)}}\n"
      + "@media (min-width:1100px){.gauges{grid-template-columns:repeat(4,1fr)}}\n"
      + ".gauge{margin:0;background:var(--card);border:1px solid var(--line);border-radius:10px;"
      + "padding:12px;text-align:center}\n"
      + ".gauge svg{width:100%;max-width:360px;height:auto;display:block;margin:0 auto;"
      + "overflow:visible}\n"
      + ".track{fill:none;stroke:var(--line);stroke-width:16}\n"
      + ".fill{fill:none;stroke:var(--fill);stroke-width:16}\n"
      + ".tick line{stroke:#8a949e;stroke-width:2}.tick text{font-size:11px;fill:var(--muted)}\n"
      + ".tick text.small{font-size:9px}\n"
      + ".tick.reached line{stroke:var(--ink)}.tick.reached text{fill:var(--ink);font-weight:600}\n"
      + ".tick.next line{stroke:var(--next);stroke-width:3}"
      + ".tick.next text{fill:var(--next);font-weight:700}\n"
      + ".needle{stroke:var(--ink);stroke-width:4;stroke-linecap:round}.hub{fill:var(--ink)}\n"
      + ".gauge h2{margin:4px 0 0;font-size:1rem;color:var(--muted);font-weight:600}\n"
      + ".gauge p{margin:2px 0}.gauge .value{font-size:1.5rem;font-weight:700}\n"
      + ".gauge .to-next{color:var(--next);font-weight:600}\n"
      + ".gap,.focus{background:var(--card);border:1px solid var(--line);border-radius:10px;"
      + "padding:16px;margin-bottom:16px}\n"
      + ".gap ul{list-style:none;margin:0;padding:0}\n"
      + ".gap li{display:grid;grid-template-columns:1.5em 1fr;gap:2px 8px;padding:8px 0;"
      + "border-top:1px solid var(--line)}\n"
      + ".gap li:first-child{border-top:0}\n"
      + ".gap .mark{grid-row:span 3;font-weight:700}.gap li.met .mark{color:var(--on)}"
      + ".gap li.open .mark{color:var(--next)}\n"
      + ".gap .figures,.gap .note{grid-column:2;font-size:.9rem;color:var(--muted)}\n"
      + ".gap .figures strong{color:var(--next)}\n"
      + ".bar{grid-column:2;display:block;height:8px;background:var(--line);border-radius:4px;"
      + "overflow:hidden}\n"
      + ".bar span{display:block;height:100%;background:var(--fill)}\n"
      + ".gap li.open .bar span{background:var(--next)}\n"
      + ".gap .parts{grid-column:2;margin-top:4px}\n"
      + ".back{margin:12px 0 0}\n"
      + ".lists{display:grid;grid-template-columns:1fr;gap:16px}\n"
      + "@media (min-width:800px){.lists{grid-template-columns:repeat(2,1fr)}}\n"
      + ".count{display:inline-block;min-width:1.6em;text-align:center;background:var(--ink);"
      + "color:#fff;border-radius:10px;font-size:.8rem;padding:0 6px}\n"
      + ".hint{margin:2px 0 8px}.none{color:var(--muted);font-style:italic}\n"
      + "details{border:1px solid var(--line);border-radius:8px;margin:6px 0;background:#fbfcfd}\n"
      + "summary{cursor:pointer;padding:10px 12px;display:flex;flex-wrap:wrap;gap:4px 10px;"
      + "align-items:center}\n"
      + "summary .who{font-weight:600;flex:1 1 auto}summary .vol{color:var(--muted)}\n"
      + "summary::before{content:'\\25B8';color:var(--muted)}"
      + "details[open] summary::before{content:'\\25BE'}\n"
      + ".badge{font-size:.75rem;border-radius:10px;padding:1px 8px;color:#fff}\n"
      + ".badge.on{background:var(--on)}.badge.off{background:var(--off)}\n"
      + "details dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0;"
      + "padding:0 12px 8px}\n"
      + "dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}\n"
      + "details table,details .none{margin:0 12px 12px}\n"
      + "table{border-collapse:collapse;font-size:.85rem;width:calc(100% - 24px)}\n"
      + "caption{text-align:left;color:var(--muted);padding:4px 0}\n"
      + "th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left}\n"
      + ".num{text-align:right;font-variant-numeric:tabular-nums}\n"
      + "a{color:#1f6f8b}\n"
      // On a phone each gauge is a row, dial beside its figures, so all four fit a screen or so.
      + "@media (max-width:599px){.gauge{display:flex;align-items:center;gap:8px;padding:8px;"
      + "text-align:left}.gauge svg{flex:0 0 56%;width:56%;min-width:0;margin:0}"
      + ".gauge figcaption{flex:1 1 auto;min-width:0}"
      + ".tick text{font-size:14px}.tick text.small{font-size:12px}"
      + ".gauge .value{font-size:1.25rem}.gauge h2{font-size:.9rem}}\n";
}
