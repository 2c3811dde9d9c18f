package dev.rankgauge.view;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.HeldRank;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGap;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The gas gauge view of one distributor, drawn as plain text for a terminal: the four gauges with
 * their rank scales and needles, the paid-as rank, the gap to the next rank and the focus lists
 * with contact details and each person's orders in the period. Fits 80 columns for ladders of up
 * to about a dozen ranks. Dates are shown in the plan's time zone.
 *
 * <p>Thread-safe: each call draws its own text.
 */
public final class TextView {
  private static final int WIDTH = 72;
  private static final int MAX_SEGMENT = 9;
  private static final int MIN_SEGMENT = 4;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private TextView() {}

  /**
   * The view of one distributor of an evaluation.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @return the text, lines ending in the platform's line separator
   */
  public static String render(Evaluation e, DistributorResult r) {
    return new Drawing(e.plan().qualifyingVolumeType(), e.plan().zone()).render(e, r);
  }

  /**
   * The view without the evaluation's header line; order times are shown in UTC.
   *
   * @param r a distributor's result
   * @param volumeType the plan's qualifying volume type, for units
   * @return the text, lines ending in the platform's line separator
   */
  public static String render(DistributorResult r, String volumeType) {
    return new Drawing(volumeType, ZoneId.of("UTC")).render(null, r);
  }

  /**
   * Whether to show the title beside the paid-as rank: when they differ, or whenever the
   * evaluation read a history (without one, the title is the paid-as rank).
   */
  static boolean showsTitle(Evaluation e, DistributorResult r) {
    return !r.title().equals(r.paidAs()) || e != null && !e.history().isEmpty();
  }

  /** A held rank in words: "qualifies for Silver (SLV); held 1 period, 1 more period of grace". */
  static String held(HeldRank h) {
    return "qualifies for " + h.qualifiedAs().name() + " (" + h.qualifiedAs().code() + "); held "
        + h.periodsHeld() + (h.periodsHeld() == 1 ? " period" : " periods") + " in a row, "
        + (h.periodsLeft() == 0 ? "the last period of grace"
            : h.periodsLeft() + (h.periodsLeft() == 1 ? " more period" : " more periods")
                + " of grace");
  }

  private static final class Drawing {
    private final String nl = System.lineSeparator();
    private final StringBuilder sb = new StringBuilder();
    private final String volumeType;
    private final ZoneId zone;
    /** The plan's top rank, when the evaluation is known. */
    private Rank top;

    Drawing(String volumeType, ZoneId zone) {
      this.volumeType = volumeType;
      this.zone = zone;
    }

    String render(Evaluation e, DistributorResult r) {
      if (e != null) {
        List<Rank> ranks = e.plan().ranks();
        top = ranks.get(ranks.size() - 1);
      }
      sb.append(r.distributor().name()).append(" (").append(r.distributor().id()).append(")")
          .append(r.active() ? ", active" : ", not active").append(nl);
      if (e != null) {
        sb.append(e.plan().name()).append(' ').append(e.plan().version()).append(", period ")
            .append(e.period()).append(", as of ")
            .append(WHEN.format(e.asOf().atZone(zone))).append(' ').append(zone).append(nl);
      }
      sb.append(nl);
      for (Gauge g : r.gauges()) {
        gauge(g);
      }
      sb.append("Paid as: ").append(r.paidAs().name()).append(" (").append(r.paidAs().code())
          .append(")");
      if (showsTitle(e, r)) {
        sb.append(", title ").append(r.title().name()).append(" (").append(r.title().code())
            .append(")");
      }
      sb.append(nl);
      r.held().ifPresent(h -> sb.append("Held: ").append(held(h)).append(nl));
      if (r.gap().isPresent()) {
        gap(r.gap().get());
      } else {
        sb.append("Top of the ladder.").append(nl);
      }
      focus("Personal customers to call (not active)", r.focus().inactiveCustomers());
      focus("Active personal customers", r.focus().activeCustomers());
      focus("Personal distributors to call (not active)", r.focus().inactiveDistributors());
      focus("Active personal distributors", r.focus().activeDistributors());
      return sb.toString();
    }

    /** What a gauge at its end says: the top rank, no rank asks more, or not used at all. */
    private String end(Gauge g) {
      if (!g.used()) {
        return "not used by this plan";
      }
      return g.rank().equals(top) ? "top rank" : "no higher rank asks for more";
    }

    private void gauge(Gauge g) {
      boolean volume = g.metric() == Metric.PERSONAL_SALES || g.metric() == Metric.GROUP_SALES;
      sb.append(String.format(Locale.ROOT, "%-30s %s%s -> %s", g.metric().label(),
          plain(g.value()), volume ? " " + volumeType : "", g.rank().code()));
      if (g.nextRank().isPresent()) {
        sb.append(", ").append(plain(g.remaining().orElseThrow())).append(" more for ")
            .append(g.nextRank().get().code());
      } else {
        sb.append(" (").append(end(g)).append(")");
      }
      sb.append(nl);
      List<Gauge.Mark> marks = g.marks();
      int n = marks.size();
      int segment = n < 2 ? MAX_SEGMENT
          : Math.max(MIN_SEGMENT, Math.min(MAX_SEGMENT, (WIDTH - 2) / (n - 1)));
      int longest = marks.stream().mapToInt(m -> m.rank().code().length()).max().orElse(0);
      // Codes that do not fit between two marks go on two staggered lines.
      boolean stagger = longest >= segment;
      StringBuilder top = new StringBuilder("  ");
      StringBuilder bottom = new StringBuilder("  ");
      StringBuilder scale = new StringBuilder("  ");
      for (int i = 0; i < n; i++) {
        StringBuilder line = stagger && i % 2 == 1 ? bottom : top;
        pad(line, 2 + i * segment);
        line.append(marks.get(i).rank().code());
        scale.append(i + 1 < n ? "|" + "-".repeat(segment - 1) : "|");
      }
      int rankIndex = marks.stream().map(Gauge.Mark::rank).toList().indexOf(g.rank());
      int offset = rankIndex * segment;
      if (g.nextRank().isPresent()) {
        offset += g.needle().multiply(BigDecimal.valueOf(segment)).intValue();
      }
      sb.append(top.toString().stripTrailing()).append(nl);
      if (stagger) {
        sb.append(bottom.toString().stripTrailing()).append(nl);
      }
      sb.append(scale).append(nl).append("  ").append(" ".repeat(offset)).append("^").append(nl)
          .append(nl);
    }

    private static void pad(StringBuilder line, int column) {
      if (line.length() > 2 && line.length() >= column) {
        line.append(' ');
      }
      while (line.length() < column) {
        line.append(' ');
      }
    }

    private void gap(RankGap gap) {
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
        for (RequirementStatus p : s.parts()) {
          sb.append("      ").append(p).append(nl);
        }
      }
      sb.append("  Holding you back: ");
      List<RequirementStatus> back = gap.holdingBack();
      for (int i = 0; i < back.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(back.get(i).description());
      }
      sb.append(nl);
    }

    private void focus(String title, List<FocusEntry> entries) {
      sb.append(nl).append(title).append(" (").append(entries.size()).append("):").append(nl);
      int id = width(entries, 0);
      int name = width(entries, 1);
      int email = width(entries, 2);
      int phone = width(entries, 3);
      for (FocusEntry e : entries) {
        sb.append(String.format(Locale.ROOT, "  %-" + id + "s  %-" + name + "s  %-" + email
                + "s  %-" + phone + "s  last order %-10s  %s %s",
            e.id(), e.name(), e.email(), e.phone().orElse("-"),
            e.lastOrderDate().map(Object::toString).orElse("never"), plain(e.volume()),
            volumeType).stripTrailing());
        sb.append(nl);
        for (Order o : e.orders()) {
          sb.append("      order ").append(o.id()).append("  ")
              .append(WHEN.format(o.timestamp().atZone(zone))).append("  ")
              .append(o.status().name().toLowerCase(Locale.ROOT)).append("  ")
              .append(plain(o.volume(volumeType))).append(' ').append(volumeType).append(nl);
        }
      }
    }

    /** The width of a column of a focus list, at most 28 so that long values do not sprawl. */
    private static int width(List<FocusEntry> entries, int column) {
      int w = 1;
      for (FocusEntry e : entries) {
        String v;
        switch (column) {
          case 0:
            v = e.id();
            break;
          case 1:
            v = e.name();
            break;
          case 2:
            v = e.email();
            break;
          default:
            v = e.phone().orElse("-");
        }
        w = Math.max(w, v.length());
      }
      return Math.min(w, 28);
    }
  }

  static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }
}
