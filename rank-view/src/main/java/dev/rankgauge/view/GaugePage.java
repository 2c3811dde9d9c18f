package dev.rankgauge.view;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.Period;
import dev.rankgauge.Projection;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGap;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.MatrixLevels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A distributor's gas gauge view in HTML: the four gauges as SVG dials (needle, rank marks,
 * current and next rank), the paid-as rank, the gap to the next rank, and the focus lists with
 * contact details, where each name opens that person's orders in the period.
 *
 * <p>Two forms. {@link #render} gives one self-contained page (inline CSS and SVG only: no
 * scripts, fonts or images to fetch, so the file opens offline in any browser). {@link #fragment}
 * gives the same content as one {@code <div class="rankgauge">} to embed in a host's own page,
 * with {@link #css()} as its stylesheet. Every rule of the stylesheet is scoped to
 * {@code .rankgauge}, so it leaves the host's elements alone; hosts restyle it through the custom
 * properties it declares on {@code .rankgauge} ({@code --rg-ink}, {@code --rg-muted},
 * {@code --rg-bg}, {@code --rg-card}, {@code --rg-fill}, {@code --rg-next}, {@code --rg-link},
 * {@code --rg-font}, ...) and through its class names. The layout is one column on a phone and
 * widens to four gauges in a row on a desktop. Every text from the data is escaped.
 *
 * <p>Thread-safe: each call builds its own text.
 */
public final class GaugePage {
  // The dial's geometry, in SVG user units.
  private static final double CX = 130;
  private static final double CY = 122;
  private static final double R = 84;

  private final Evaluation e;
  private final DistributorResult r;
  private final String unit;
  private final ZoneId zone;
  private final Texts t;
  /** The month-end projection to show beside the gauges; null for none. */
  private final Projection projection;
  private final StringBuilder sb = new StringBuilder(16_384);

  private GaugePage(Evaluation e, DistributorResult r, Locale locale) {
    this(e, r, null, locale);
  }

  private GaugePage(Evaluation e, DistributorResult r, Projection projection, Locale locale) {
    this.e = e;
    this.r = r;
    this.projection = projection;
    this.unit = e.plan().qualifyingVolumeType();
    this.zone = e.plan().zone();
    this.t = new Texts(locale);
  }

  /**
   * The whole page of one distributor in English: an HTML document with {@link #css()} inline and
   * {@link #fragment} in its {@code <main>}.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @return the HTML document
   */
  public static String render(Evaluation e, DistributorResult r) {
    return render(e, r, Locale.ENGLISH);
  }

  /**
   * The whole page of one distributor in the given language, with numbers and dates formatted
   * for it. English and Spanish are built in; any other locale gets English. A host rule's
   * sentence and the notes of the gap report are in English whatever the locale.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @param locale the language, such as {@code Locale.forLanguageTag("es")}
   * @return the HTML document
   */
  public static String render(Evaluation e, DistributorResult r, Locale locale) {
    return new GaugePage(e, r, locale).page();
  }

  /**
   * The whole page of one distributor with its month-end projection ({@link ProjectionView})
   * below the gauges.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @param projection a projection of {@code e}
   * @param locale the language
   * @return the HTML document
   * @throws IllegalArgumentException if the projection is not of {@code e}
   */
  public static String render(Evaluation e, DistributorResult r, Projection projection,
      Locale locale) {
    return new GaugePage(e, r, checked(e, projection), locale).page();
  }

  /**
   * The view of one distributor with its month-end projection as one
   * {@code <div class="rankgauge">} element, to embed in a host's page.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @param projection a projection of {@code e}
   * @param locale the language
   * @return the HTML element, ending in a line end
   * @throws IllegalArgumentException if the projection is not of {@code e}
   */
  public static String fragment(Evaluation e, DistributorResult r, Projection projection,
      Locale locale) {
    GaugePage p = new GaugePage(e, r, checked(e, projection), locale);
    p.content();
    return p.sb.toString();
  }

  private static Projection checked(Evaluation e, Projection projection) {
    java.util.Objects.requireNonNull(projection, "projection must not be null");
    if (projection.evaluation() != e) {
      throw new IllegalArgumentException("found a projection of another evaluation; expected a"
          + " projection of the evaluation drawn");
    }
    return projection;
  }

  /**
   * The view of one distributor in English as one {@code <div class="rankgauge">} element, to
   * embed in a host's page: no {@code <html>}, {@code <head>} or styles. Style it with
   * {@link #css()}.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @return the HTML element, ending in a line end
   */
  public static String fragment(Evaluation e, DistributorResult r) {
    return fragment(e, r, Locale.ENGLISH);
  }

  /**
   * The view of one distributor in the given language as one {@code <div class="rankgauge">}
   * element carrying its {@code lang}, to embed in a host's page. See
   * {@link #render(Evaluation, DistributorResult, Locale)} for the languages.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @param locale the language
   * @return the HTML element, ending in a line end
   */
  public static String fragment(Evaluation e, DistributorResult r, Locale locale) {
    GaugePage p = new GaugePage(e, r, locale);
    p.content();
    return p.sb.toString();
  }

  /**
   * The stylesheet of the {@link #fragment}, every rule scoped to {@code .rankgauge}; also in this
   * jar as {@value #CSS_RESOURCE}, to serve as a file.
   *
   * @return the CSS text
   */
  public static String css() {
    return CSS;
  }

  /** The class-path resource holding {@link #css()}. */
  public static final String CSS_RESOURCE = "/dev/rankgauge/view/gauge-page.css";

  private static final String CSS = resource(CSS_RESOURCE);

  private static String resource(String name) {
    try (InputStream in = GaugePage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException x) {
      throw new UncheckedIOException("cannot read " + name, x);
    }
  }

  private String page() {
    String name = r.distributor().name();
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(t.language())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(name)).append(" \u00b7 ").append(esc(r.paidAs().name()))
        .append(" \u00b7 ").append(esc(e.plan().name())).append("</title>\n<style>\n")
        .append(CSS).append("body{margin:0;background:#f5f7f9}\n</style>\n</head>\n<body>\n")
        .append("<main>\n");
    content();
    sb.append("</main>\n</body>\n</html>\n");
    return sb.toString();
  }

  private void content() {
    sb.append("<div class=\"rankgauge\" lang=\"").append(t.language()).append("\">\n");
    header();
    sb.append("<div class=\"body\">\n");
    gauges();
    if (projection != null) {
      sb.append(ProjectionView.html(projection, r.distributor().id(), t));
    }
    sides(TextView.sides(e, r.distributor().id(), t));
    e.matrix(r.distributor().id()).ifPresent(this::matrix);
    gap();
    focus();
    sb.append("</div>\n<footer class=\"foot\">")
        .append(esc(t.get("page.footer", e.plan().name(), e.plan().version())))
        .append("</footer>\n</div>\n");
  }

  private void header() {
    Period p = e.period();
    sb.append("<header class=\"head\">\n<h1>").append(esc(r.distributor().name()))
        .append(" <span class=\"id\">").append(esc(r.distributor().id())).append("</span></h1>\n")
        .append("<p class=\"meta\">").append(esc(t.get("page.meta", e.plan().name(),
            e.plan().version(), t.get("period", t.date(p.start()), t.date(p.end())),
            t.dateTime(e.asOf().atZone(zone)), zone.toString()))).append("</p>\n")
        .append("<div class=\"paid\"><span class=\"label\">").append(esc(t.get("page.paidAs")))
        .append("</span> <strong>")
        .append(esc(r.paidAs().name())).append("</strong> <span class=\"code\">")
        .append(esc(r.paidAs().code())).append("</span>");
    if (TextView.showsTitle(e, r)) {
      sb.append("<span class=\"title\"><span class=\"label\">").append(esc(t.get("page.title")))
          .append("</span> <strong>")
          .append(esc(r.title().name())).append("</strong> <span class=\"code\">")
          .append(esc(r.title().code())).append("</span></span>");
    }
    r.held().ifPresent(h -> sb.append("<span class=\"held\">").append(esc(t.get("held")))
        .append(": ").append(esc(TextView.held(h, t))).append("</span>"));
    if (!r.overrides().isEmpty()) {
      sb.append("<span class=\"overrides\">").append(esc(t.get("overrides"))).append(": ")
          .append(esc(TextView.overrides(r, t))).append("</span>");
    }
    if (r.nextRank().isPresent()) {
      int open = r.gap().map(g -> g.holdingBack().size()).orElse(0);
      sb.append("<span class=\"next\">")
          .append(esc(t.get("page.next", r.nextRank().get().name(), open))).append("</span>");
    } else {
      sb.append("<span class=\"next\">").append(esc(t.get("topOfLadder"))).append("</span>");
    }
    sb.append("</div>\n<p class=\"status\">")
        .append(esc(t.get(r.active() ? "page.active" : "page.notActive")))
        .append(p.state() == Period.State.OPEN ? esc(t.get("page.open")) : "")
        .append("</p>\n</header>\n");
  }

  /** The first levels of a matrix plan: positions filled and active on each, as a table. */
  private void matrix(MatrixLevels m) {
    sb.append("<section class=\"sides matrix\">\n<h2>").append(esc(t.get("page.matrix")))
        .append("</h2>\n<table>\n<tr><th>").append(esc(t.get("matrix.levelHead")))
        .append("</th><th>").append(esc(t.get("matrix.filledHead"))).append("</th><th>")
        .append(esc(t.get("matrix.activeHead"))).append("</th></tr>\n");
    for (MatrixLevels.Level l : m.levels()) {
      sb.append("<tr><td>").append(l.level()).append("</td><td>")
          .append(esc(t.get("matrix.ofPositions", l.filled(), l.positions()))).append("</td><td>")
          .append(esc(t.get("matrix.count", l.active()))).append("</td></tr>\n");
    }
    sb.append("</table>\n<p>").append(esc(TextView.matrix(m, t))).append("</p>\n</section>\n");
  }

  /** The two sides of a binary plan in each type it reads, the weak one named; none: null. */
  private void sides(String sides) {
    if (sides == null) {
      return;
    }
    sb.append("<section class=\"sides\">\n<h2>").append(esc(t.get("page.sides")))
        .append("</h2>\n<p>").append(esc(sides)).append("</p>\n</section>\n");
  }

  // --- gauges ----------------------------------------------------------------------------------

  private void gauges() {
    sb.append("<section class=\"gauges\" aria-label=\"").append(esc(t.get("page.gauges")))
        .append("\">\n");
    for (Gauge g : r.gauges()) {
      gauge(g);
    }
    sb.append("</section>\n");
  }

  /** What a gauge at its end says: the top rank, no rank asks more, or not used at all. */
  private String end(Gauge g) {
    if (!g.used()) {
      return t.get("end.unused");
    }
    List<Rank> ranks = e.plan().ranks();
    return t.get(g.rank().equals(ranks.get(ranks.size() - 1)) ? "end.top" : "end.noHigher");
  }

  private void gauge(Gauge g) {
    List<Gauge.Mark> marks = g.marks();
    int n = marks.size();
    int rankIndex = marks.stream().map(Gauge.Mark::rank).toList().indexOf(g.rank());
    double at = n < 2 ? 1 : g.nextRank().isEmpty() ? 1
        : (rankIndex + g.needle().doubleValue()) / (n - 1);
    String value = number(g.value()) + (isVolume(g.metric()) ? " " + unit : "");
    String label = t.label(g.metric()) + ": " + value + ", " + g.rank().name() + ", "
        + g.nextRank().map(x -> t.get("moreFor", number(g.remaining().orElseThrow()), x.name()))
            .orElse(end(g));
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
    sb.append("<figcaption>\n<h2>").append(esc(t.label(g.metric()))).append("</h2>\n")
        .append("<p class=\"value\">").append(esc(value)).append("</p>\n")
        .append("<p class=\"rank\">").append(esc(g.rank().name())).append(" <span class=\"code\">")
        .append(esc(g.rank().code())).append("</span></p>\n<p class=\"to-next\">");
    if (g.nextRank().isPresent()) {
      sb.append(esc(t.get("moreFor", number(g.remaining().orElseThrow())
          + (isVolume(g.metric()) ? " " + unit : ""), g.nextRank().get().name())));
    } else {
      String end = end(g);
      sb.append(esc(end.substring(0, 1).toUpperCase(t.locale()) + end.substring(1)));
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
      sb.append("<h2>").append(esc(t.get("topOfLadder"))).append("</h2>\n<p>")
          .append(esc(t.get("page.topRank", r.paidAs().name()))).append("</p>\n</section>\n");
      return;
    }
    RankGap gap = r.gap().get();
    sb.append("<h2>").append(esc(t.get("page.toReach", gap.rank().name())))
        .append(" <span class=\"code\">")
        .append(esc(gap.rank().code())).append("</span></h2>\n<ul>\n");
    for (RequirementStatus s : gap.requirements()) {
      requirement(s, t.describe(s, unit));
    }
    sb.append("</ul>\n");
    List<RequirementStatus> back = gap.holdingBack();
    if (!back.isEmpty()) {
      sb.append("<p class=\"back\"><strong>").append(esc(t.get("holdingBack")))
          .append("</strong> ");
      for (int i = 0; i < back.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(esc(t.describe(back.get(i), unit)));
      }
      sb.append(".</p>\n");
    }
    String id = r.distributor().id();
    e.find(id).flatMap(x -> e.advice(id)).ifPresent(a -> sb.append("<p class=\"advice\">")
        .append(esc(AdviceText.summary(a, unit, t.locale()))).append("</p>\n"));
    sb.append("</section>\n");
  }

  private void requirement(RequirementStatus s, String description) {
    BigDecimal pct = s.percentComplete().max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
    sb.append("<li class=\"").append(s.met() ? "met" : "open").append("\">")
        .append("<span class=\"mark\" aria-hidden=\"true\">").append(s.met() ? "\u2713" : "\u25cb")
        .append("</span><span class=\"what\">").append(esc(description)).append("</span>")
        .append("<span class=\"figures\">")
        .append(esc(t.get("ofRequired", number(s.actual()), number(s.required()))));
    if (!s.met()) {
      sb.append(" \u00b7 <strong>")
          .append(esc(t.get(s.exceeded() ? "toLose" : "toGo", number(s.remaining()),
              Texts.plural(s.remaining()))))
          .append("</strong>");
    }
    sb.append("</span><span class=\"bar\" role=\"progressbar\" aria-valuemin=\"0\"")
        .append(" aria-valuemax=\"100\" aria-valuenow=\"").append(pct.toPlainString())
        .append("\" aria-label=\"").append(esc(t.get("page.progress", description,
            t.percent(pct)))).append("\"><span style=\"width:").append(pct.setScale(1, RoundingMode.DOWN)
            .toPlainString()).append("%\"></span></span>");
    if (s.note().isPresent()) {
      sb.append("<span class=\"note\">").append(esc(t.note(s.note().get()))).append("</span>");
    }
    if (!s.parts().isEmpty()) {
      sb.append("<ul class=\"parts\">");
      List<String> names = t.partNames(s, unit);
      for (int i = 0; i < s.parts().size(); i++) {
        requirement(s.parts().get(i), names.get(i));
      }
      sb.append("</ul>");
    }
    sb.append("</li>\n");
  }

  // --- focus lists -----------------------------------------------------------------------------

  private void focus() {
    sb.append("<section class=\"focus\">\n<h2>").append(esc(t.get("page.focus")))
        .append("</h2>\n<div class=\"lists\">\n");
    list("inactiveCustomers", r.focus().inactiveCustomers());
    list("inactiveDistributors", r.focus().inactiveDistributors());
    list("activeCustomers", r.focus().activeCustomers());
    list("activeDistributors", r.focus().activeDistributors());
    sb.append("</div>\n</section>\n");
  }

  private void list(String which, List<FocusEntry> entries) {
    String title = t.get("page.focus." + which);
    String hint = t.get("page.focus." + which + ".hint");
    sb.append("<div class=\"list\">\n<h3>").append(esc(title)).append(" <span class=\"count\">")
        .append(entries.size()).append("</span></h3>\n<p class=\"hint\">").append(esc(hint))
        .append("</p>\n");
    if (entries.isEmpty()) {
      sb.append("<p class=\"none\">").append(esc(t.get("page.nobody"))).append("</p>\n");
    }
    for (FocusEntry f : entries) {
      entry(f);
    }
    sb.append("</div>\n");
  }

  private void entry(FocusEntry f) {
    sb.append("<details>\n<summary><span class=\"who\">").append(esc(f.name()))
        .append("</span> <span class=\"badge ").append(f.active() ? "on" : "off").append("\">")
        .append(esc(t.get(f.active() ? "active" : "notActive")))
        .append("</span> <span class=\"vol\">").append(esc(number(f.volume()))).append(' ')
        .append(esc(unit)).append("</span></summary>\n<dl>\n<dt>").append(esc(t.get("page.id")))
        .append("</dt><dd>").append(esc(f.id())).append("</dd>\n<dt>")
        .append(esc(t.get("page.email"))).append("</dt><dd>");
    if (f.email().isEmpty()) {
      sb.append("\u2013");
    } else {
      sb.append("<a href=\"mailto:").append(esc(f.email())).append("\">").append(esc(f.email()))
          .append("</a>");
    }
    sb.append("</dd>\n<dt>").append(esc(t.get("page.phone"))).append("</dt><dd>");
    if (f.phone().isPresent()) {
      sb.append("<a href=\"tel:").append(esc(f.phone().get().replaceAll("[^0-9+]", "")))
          .append("\">").append(esc(f.phone().get())).append("</a>");
    } else {
      sb.append("\u2013");
    }
    sb.append("</dd>\n<dt>").append(esc(t.get("page.lastOrder"))).append("</dt><dd>")
        .append(esc(f.lastOrderDate().map(t::date).orElse(t.get("never"))))
        .append("</dd>\n</dl>\n");
    if (f.orders().isEmpty()) {
      sb.append("<p class=\"none\">").append(esc(t.get("page.noOrders"))).append("</p>\n");
    } else {
      List<String> types = e.plan().volumeTypes();
      sb.append("<table>\n<caption>").append(esc(t.get("page.orders")))
          .append("</caption>\n<thead><tr><th>").append(esc(t.get("page.order")))
          .append("</th><th>").append(esc(t.get("page.date"))).append("</th><th>")
          .append(esc(t.get("page.status"))).append("</th>");
      for (String t : types) {
        sb.append("<th class=\"num\">").append(esc(t)).append("</th>");
      }
      sb.append("<th class=\"num\">").append(esc(e.plan().currency())).append("</th></tr></thead>\n<tbody>\n");
      for (Order o : f.orders()) {
        sb.append("<tr><td>").append(esc(o.id())).append("</td><td>")
            .append(esc(t.dateTime(o.timestamp().atZone(zone)))).append("</td><td>")
            .append(esc(t.status(o.status()))).append("</td>");
        for (String t : types) {
          sb.append("<td class=\"num\">").append(esc(number(o.volume(t)))).append("</td>");
        }
        sb.append("<td class=\"num\">").append(esc(t.money(o.amount()))).append("</td></tr>\n");
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

  /** A decimal with the locale's thousands separators and no trailing zeros: 7,300 or 49.95. */
  private String number(BigDecimal d) {
    return t.number(d);
  }
}
