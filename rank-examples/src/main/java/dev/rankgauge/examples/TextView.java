package dev.rankgauge.examples;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.Metric;
import dev.rankgauge.RankGap;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.util.List;

/** The gas gauge view of one distributor, drawn as plain text for a terminal. */
public final class TextView {
  private static final int SEGMENT = 9;

  private TextView() {}

  /**
   * Renders the four gauges, the paid-as rank, the gap to the next rank and the focus lists.
   *
   * @param volumeType the plan's qualifying volume type, for units
   */
  public static String render(DistributorResult r, String volumeType) {
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    sb.append(r.distributor().name()).append(" (").append(r.distributor().id()).append(")")
        .append(nl).append(nl);
    for (Gauge g : r.gauges()) {
      gauge(sb, g, volumeType);
    }
    sb.append("Paid as: ").append(r.paidAs().name()).append(" (").append(r.paidAs().code())
        .append(")").append(nl);
    if (r.gap().isPresent()) {
      RankGap gap = r.gap().get();
      sb.append(nl).append("To reach ").append(gap.rank().name()).append(" (")
          .append(gap.rank().code()).append("):").append(nl);
      for (RequirementStatus s : gap.requirements()) {
        sb.append("  ").append(s.met() ? "[x] " : "[ ] ").append(s.description()).append(": ")
            .append(plain(s.actual())).append(" of ").append(plain(s.required()));
        if (!s.met()) {
          sb.append(", ").append(plain(s.remaining())).append(" to go (")
              .append(s.percentComplete().toPlainString()).append("%)");
        }
        if (!s.note().isEmpty()) {
          sb.append(" - ").append(s.note());
        }
        sb.append(nl);
      }
      sb.append("  Holding you back: ");
      List<RequirementStatus> back = gap.holdingBack();
      for (int i = 0; i < back.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(back.get(i).description());
      }
      sb.append(nl);
    } else {
      sb.append("Top of the ladder.").append(nl);
    }
    focus(sb, "Personal customers to call (not active)", r.focus().inactiveCustomers(), volumeType);
    focus(sb, "Active personal customers", r.focus().activeCustomers(), volumeType);
    focus(sb, "Personal distributors to call (not active)", r.focus().inactiveDistributors(),
        volumeType);
    focus(sb, "Active personal distributors", r.focus().activeDistributors(), volumeType);
    return sb.toString();
  }

  private static void gauge(StringBuilder sb, Gauge g, String volumeType) {
    String nl = System.lineSeparator();
    boolean volume = g.metric() == Metric.PERSONAL_SALES || g.metric() == Metric.GROUP_SALES;
    sb.append(String.format(java.util.Locale.ROOT, "%-30s %s%s -> %s", g.metric().label(),
        plain(g.value()), volume ? " " + volumeType : "", g.rank().code()));
    if (g.nextRank().isPresent()) {
      sb.append(", ").append(plain(g.remaining().orElseThrow())).append(" more for ")
          .append(g.nextRank().get().code());
    } else {
      sb.append(" (top rank)");
    }
    sb.append(nl);
    StringBuilder labels = new StringBuilder("  ");
    StringBuilder scale = new StringBuilder("  ");
    List<Gauge.Mark> marks = g.marks();
    for (int i = 0; i < marks.size(); i++) {
      String code = marks.get(i).rank().code();
      labels.append(code).append(" ".repeat(Math.max(1, SEGMENT - code.length())));
      scale.append(i + 1 < marks.size() ? "|" + "-".repeat(SEGMENT - 1) : "|");
    }
    int rankIndex = marks.stream().map(Gauge.Mark::rank).toList().indexOf(g.rank());
    int offset = rankIndex * SEGMENT
        + g.needle().multiply(BigDecimal.valueOf(SEGMENT)).intValue();
    if (g.nextRank().isEmpty()) {
      offset = rankIndex * SEGMENT;
    }
    sb.append(labels.toString().stripTrailing()).append(nl).append(scale).append(nl)
        .append("  ").append(" ".repeat(offset)).append("^").append(nl).append(nl);
  }

  private static void focus(StringBuilder sb, String title, List<FocusEntry> entries,
      String volumeType) {
    String nl = System.lineSeparator();
    sb.append(nl).append(title).append(" (").append(entries.size()).append("):").append(nl);
    for (FocusEntry e : entries) {
      sb.append(String.format(java.util.Locale.ROOT, "  %-6s %-14s %-26s %-16s last order %-10s %s %s",
          e.id(), e.name(), e.email(), e.phone().orElse("-"),
          e.lastOrderDate().map(Object::toString).orElse("never"), plain(e.volume()), volumeType));
      sb.append(nl);
      e.orders().forEach(o -> sb.append("         order ").append(o.id()).append(" ")
          .append(o.timestamp()).append(" ").append(o.status().name().toLowerCase(java.util.Locale.ROOT))
          .append(" ").append(plain(o.volume(volumeType))).append(" ").append(volumeType)
          .append(nl));
    }
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
