package dev.rankgauge.view;

import dev.rankgauge.DistributorProjection;
import dev.rankgauge.Metric;
import dev.rankgauge.ProjectedGauge;
import dev.rankgauge.Projection;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One distributor's month-end projection in words, for the text view and the gauge page: each
 * gauge now and by the period's end with its interval, and the paid-as rank the projected gauges
 * reach with its likelihood ("By 2026-11-30: Gold (GLD) with 72% likelihood").
 *
 * <p>Thread-safe: each call draws its own text.
 */
public final class ProjectionView {
  private ProjectionView() {}

  /**
   * The projection as plain text lines, in the given language (English and Spanish are built
   * in; any other locale gets English).
   *
   * @param projection the projection
   * @param distributorId one of its distributors
   * @param locale the language
   * @return the text, lines ending in the platform's line separator
   * @throws IllegalArgumentException if the projection has no such distributor
   */
  public static String text(Projection projection, String distributorId, Locale locale) {
    Objects.requireNonNull(projection, "projection must not be null");
    Objects.requireNonNull(distributorId, "distributorId must not be null");
    Objects.requireNonNull(locale, "locale must not be null");
    Texts t = new Texts(locale);
    DistributorProjection p = projection.of(distributorId);
    String unit = projection.evaluation().plan().qualifyingVolumeType();
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append(heading(projection, t)).append(nl);
    for (ProjectedGauge g : p.gauges()) {
      sb.append("  ").append(gauge(g, projection, unit, t)).append(nl);
    }
    sb.append("  ").append(rank(p, projection, t)).append(nl);
    return sb.toString();
  }

  /**
   * The projection as one {@code <section class="projection">} element, styled by
   * {@link GaugePage#css()}.
   *
   * @param projection the projection
   * @param distributorId one of its distributors
   * @param locale the language
   * @return the HTML element, ending in a line end
   * @throws IllegalArgumentException if the projection has no such distributor
   */
  public static String html(Projection projection, String distributorId, Locale locale) {
    Objects.requireNonNull(projection, "projection must not be null");
    Objects.requireNonNull(distributorId, "distributorId must not be null");
    Objects.requireNonNull(locale, "locale must not be null");
    return html(projection, distributorId, new Texts(locale));
  }

  static String html(Projection projection, String distributorId, Texts t) {
    DistributorProjection p = projection.of(distributorId);
    String unit = projection.evaluation().plan().qualifyingVolumeType();
    StringBuilder sb = new StringBuilder();
    sb.append("<section class=\"projection\">\n<h2>")
        .append(GaugePage.esc(t.get("projection.heading", t.date(projection.by()))))
        .append("</h2>\n<p class=\"rank\"><strong>")
        .append(GaugePage.esc(rank(p, projection, t))).append("</strong></p>\n<ul>\n");
    for (ProjectedGauge g : p.gauges()) {
      sb.append("<li>").append(GaugePage.esc(gauge(g, projection, unit, t))).append("</li>\n");
    }
    sb.append("</ul>\n<p class=\"basis\">").append(GaugePage.esc(basis(projection, t)))
        .append("</p>\n</section>\n");
    return sb.toString();
  }

  private static String heading(Projection projection, Texts t) {
    return t.get("projection.heading", t.date(projection.by())) + " (" + basis(projection, t)
        + ")";
  }

  private static String basis(Projection projection, Texts t) {
    return projection.basis() == Projection.Basis.HISTORY
        ? t.get("projection.basis.history", percent(BigDecimal.valueOf(projection.level()), t))
        : t.get("projection.basis.periodSoFar");
  }

  private static String gauge(ProjectedGauge g, Projection projection, String unit, Texts t) {
    boolean volume = g.metric() == Metric.PERSONAL_SALES || g.metric() == Metric.GROUP_SALES;
    String now = amount(g.current(), volume, unit, t);
    String by = amount(g.projected(), volume, unit, t);
    String date = t.date(projection.by());
    return g.interval().map(i -> t.get("projection.gauge", t.label(g.metric()), now, by, date,
            t.number(i.low()), amount(i.high(), volume, unit, t)))
        .orElseGet(() -> t.get("projection.gaugeNoRange", t.label(g.metric()), now, by, date));
  }

  private static String rank(DistributorProjection p, Projection projection, Texts t) {
    String date = t.date(projection.by());
    String rank = p.rank().name() + " (" + p.rank().code() + ")";
    return p.likelihood().map(l -> t.get("projection.rank", date, rank, percent(l, t)))
        .orElseGet(() -> t.get("projection.rankNoOdds", date, rank));
  }

  private static String amount(BigDecimal v, boolean volume, String unit, Texts t) {
    return volume ? t.number(v) + " " + unit : t.number(v);
  }

  private static String percent(BigDecimal share, Texts t) {
    return t.get("percent", t.number(share.movePointRight(2)));
  }
}
