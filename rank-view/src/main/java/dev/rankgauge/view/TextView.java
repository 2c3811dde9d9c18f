package dev.rankgauge.view;

import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Gauge;
import dev.rankgauge.HeldRank;
import dev.rankgauge.Metric;
import dev.rankgauge.Order;
import dev.rankgauge.Placement;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGap;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.MatrixLevels;
import dev.rankgauge.SideVolumes;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
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
  private TextView() {}

  /**
   * The view of one distributor of an evaluation, in English.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @return the text, lines ending in the platform's line separator
   */
  public static String render(Evaluation e, DistributorResult r) {
    return render(e, r, Locale.ENGLISH);
  }

  /**
   * The view of one distributor of an evaluation in the given language, with numbers and dates
   * formatted for it. English and Spanish are built in; any other locale gets English. A host
   * rule's sentence and the notes of the gap report are in English whatever the locale.
   *
   * @param e the evaluation
   * @param r one of its distributors' results
   * @param locale the language, such as {@code Locale.forLanguageTag("es")}
   * @return the text, lines ending in the platform's line separator
   */
  public static String render(Evaluation e, DistributorResult r, Locale locale) {
    return new Drawing(e.plan().qualifyingVolumeType(), e.plan().zone(), new Texts(locale))
        .render(e, r);
  }

  /**
   * The view without the evaluation's header line; order times are shown in UTC.
   *
   * @param r a distributor's result
   * @param volumeType the plan's qualifying volume type, for units
   * @return the text, lines ending in the platform's line separator
   */
  public static String render(DistributorResult r, String volumeType) {
    return new Drawing(volumeType, ZoneId.of("UTC"), new Texts(Locale.ENGLISH)).render(null, r);
  }

  /**
   * The overrides applied in words, with the rank qualified for where a forced minimum pays
   * above it: "paid as at least GLD, qualifies for Silver (SLV); counted as active". Empty for
   * none.
   */
  static String overrides(DistributorResult r, Texts t) {
    List<String> parts = new java.util.ArrayList<>();
    for (dev.rankgauge.Overrides.Entry o : r.overrides()) {
      String text;
      if (o instanceof dev.rankgauge.Overrides.MinimumRank m) {
        text = t.get("override.minimum_rank", m.rank());
        if (r.held().isEmpty() && !r.qualifiedAs().equals(r.paidAs())) {
          text += ", " + t.get("override.qualified", r.qualifiedAs().name(),
              r.qualifiedAs().code());
        }
      } else if (o instanceof dev.rankgauge.Overrides.Waiver w) {
        text = t.get("override.waive", w.rank(), w.requirement());
      } else if (o instanceof dev.rankgauge.Overrides.NotCompressed) {
        text = t.get("override.not_compressed");
      } else {
        text = t.get("override.active");
      }
      parts.add(text);
    }
    return String.join("; ", parts);
  }

  /**
   * Whether to show the title beside the paid-as rank: when they differ, or whenever the
   * evaluation read a history (without one, the title is the paid-as rank).
   */
  static boolean showsTitle(Evaluation e, DistributorResult r) {
    return !r.title().equals(r.paidAs()) || e != null && !e.history().isEmpty();
  }

  /**
   * A held rank in words: "qualifies for Silver (SLV); held 1 period in a row, 1 more period of
   * grace".
   */
  static String held(HeldRank h, Texts t) {
    return t.get("held.text", h.qualifiedAs().name(), h.qualifiedAs().code(), h.periodsHeld(),
        h.periodsLeft());
  }

  /** "left 800 PV, right 300 PV, weak side: right". */
  /** "level 1: 3 of 3 filled, 2 active; level 2: 4 of 9 filled, 4 active". */
  static String matrix(MatrixLevels m, Texts t) {
    List<String> each = new java.util.ArrayList<>();
    for (MatrixLevels.Level l : m.levels()) {
      each.add(t.get("matrix.level", l.level(), l.filled(), l.positions(), l.active()));
    }
    return String.join("; ", each);
  }

  /**
   * A binary plan's two sides of a distributor in each volume type the plan reads, the
   * qualifying type first ("left 320 PV, right 150 PV, weak side: right; left 700 BV, ..."); null
   * for a plan without a binary tree.
   */
  static String sides(Evaluation e, String id, Texts t) {
    List<String> each = new ArrayList<>();
    for (String type : e.plan().volumeTypesRead()) {
      e.sides(id, type).ifPresent(s -> each.add(sides(s, type, t)));
    }
    return each.isEmpty() ? null : String.join("; ", each);
  }

  static String sides(SideVolumes s, String volumeType, Texts t) {
    String weak = s.weakSide().isEmpty() ? t.get("sides.even")
        : t.get(s.weakSide().getAsInt() == Placement.LEFT ? "sides.weakLeft" : "sides.weakRight");
    return t.get("sides", t.number(s.left()), t.number(s.right()), volumeType, weak);
  }

  private static final class Drawing {
    private final String nl = System.lineSeparator();
    private final StringBuilder sb = new StringBuilder();
    private final String volumeType;
    private final ZoneId zone;
    private final Texts t;
    /** The plan's top rank, when the evaluation is known. */
    private Rank top;

    Drawing(String volumeType, ZoneId zone, Texts t) {
      this.volumeType = volumeType;
      this.zone = zone;
      this.t = t;
    }

    private String plain(BigDecimal d) {
      return t.number(d);
    }

    String render(Evaluation e, DistributorResult r) {
      if (e != null) {
        List<Rank> ranks = e.plan().ranks();
        top = ranks.get(ranks.size() - 1);
      }
      sb.append(t.get("text.who", r.distributor().name(), r.distributor().id(),
          t.get(r.active() ? "active" : "notActive"))).append(nl);
      if (e != null) {
        sb.append(t.get("text.when", e.plan().name(), e.plan().version(),
            t.get("period", t.date(e.period().start()), t.date(e.period().end())),
            t.dateTime(e.asOf().atZone(zone)), zone.toString(),
            t.get("state." + e.period().state().name()))).append(nl);
      }
      sb.append(nl);
      for (Gauge g : r.gauges()) {
        gauge(g);
      }
      if (e != null) {
        String sides = sides(e, r.distributor().id(), t);
        if (sides != null) {
          sb.append(t.get("page.sides")).append(": ").append(sides).append(nl).append(nl);
        }
        e.matrix(r.distributor().id()).ifPresent(m -> sb.append(t.get("page.matrix"))
            .append(": ").append(matrix(m, t)).append(nl).append(nl));
      }
      sb.append(t.get("text.paidAs", r.paidAs().name(), r.paidAs().code()));
      if (showsTitle(e, r)) {
        sb.append(t.get("text.title", r.title().name(), r.title().code()));
      }
      sb.append(nl);
      r.held().ifPresent(h -> sb.append(t.get("held")).append(": ").append(held(h, t)).append(nl));
      if (!r.overrides().isEmpty()) {
        sb.append(t.get("overrides")).append(": ").append(overrides(r, t)).append(nl);
      }
      if (r.gap().isPresent()) {
        gap(r.gap().get());
        advice(e, r);
      } else {
        sb.append(t.get("topOfLadder")).append('.').append(nl);
      }
      focus(t.get("text.focus.inactiveCustomers"), r.focus().inactiveCustomers());
      focus(t.get("text.focus.activeCustomers"), r.focus().activeCustomers());
      focus(t.get("text.focus.inactiveDistributors"), r.focus().inactiveDistributors());
      focus(t.get("text.focus.activeDistributors"), r.focus().activeDistributors());
      return sb.toString();
    }

    /** What a gauge at its end says: the top rank, no rank asks more, or not used at all. */
    private String end(Gauge g) {
      if (!g.used()) {
        return t.get("end.unused");
      }
      return t.get(g.rank().equals(top) ? "end.top" : "end.noHigher");
    }

    private void gauge(Gauge g) {
      boolean volume = g.metric() == Metric.PERSONAL_SALES || g.metric() == Metric.GROUP_SALES;
      int labels = 30;
      for (Metric m : Metric.values()) {
        labels = Math.max(labels, t.label(m).length() + 2);
      }
      sb.append(String.format(Locale.ROOT, "%-" + labels + "s %s%s -> %s", t.label(g.metric()),
          plain(g.value()), volume ? " " + volumeType : "", g.rank().code()));
      if (g.nextRank().isPresent()) {
        sb.append(", ").append(t.get("moreFor", plain(g.remaining().orElseThrow()),
            g.nextRank().get().code()));
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
      sb.append(nl).append(t.get("text.toReach", gap.rank().name(), gap.rank().code())).append(nl);
      for (RequirementStatus s : gap.requirements()) {
        line("  ", s, t.describe(s, volumeType));
        List<String> names = t.partNames(s, volumeType);
        for (int i = 0; i < s.parts().size(); i++) {
          line("      ", s.parts().get(i), names.get(i));
        }
      }
      sb.append("  ").append(t.get("holdingBack")).append(' ');
      List<RequirementStatus> back = gap.holdingBack();
      for (int i = 0; i < back.size(); i++) {
        sb.append(i == 0 ? "" : "; ").append(t.describe(back.get(i), volumeType));
      }
      sb.append(nl);
    }

    /** The advice's sentence ({@link AdviceText}) under the gap, where the evaluation is known. */
    private void advice(Evaluation e, DistributorResult r) {
      if (e != null) {
        String id = r.distributor().id();
        e.find(id).flatMap(x -> e.advice(id)).ifPresent(a -> sb.append("  ")
                .append(AdviceText.summary(a, volumeType, t.locale())).append(nl));
      }
    }

    /** One requirement of the gap: met or not, what it asks, how far along. */
    private void line(String indent, RequirementStatus s, String description) {
      sb.append(indent).append(s.met() ? "[x] " : "[ ] ").append(description).append(": ")
          .append(t.get("ofRequired", plain(s.actual()), plain(s.required())));
      if (!s.met()) {
        sb.append(", ").append(t.get(s.exceeded() ? "toLose" : "toGo", plain(s.remaining()),
                Texts.plural(s.remaining())))
            .append(" (")
            .append(t.get("percent", t.percent(s.percentComplete()))).append(")");
      }
      if (s.note().isPresent()) {
        sb.append(" - ").append(t.note(s.note().get()));
      }
      sb.append(nl);
    }

    private void focus(String title, List<FocusEntry> entries) {
      sb.append(nl).append(title).append(" (").append(entries.size()).append("):").append(nl);
      int id = width(entries, 0);
      int name = width(entries, 1);
      int email = width(entries, 2);
      int phone = width(entries, 3);
      int lastWidth = t.get("text.lastOrder", t.date(java.time.LocalDate.of(2000, 12, 31))).length();
      for (FocusEntry e : entries) {
        String last = t.get("text.lastOrder",
            e.lastOrderDate().map(t::date).orElse(t.get("never")));
        sb.append(String.format(Locale.ROOT, "  %-" + id + "s  %-" + name + "s  %-" + email
                + "s  %-" + phone + "s  %-" + lastWidth + "s  %s %s",
            e.id(), e.name(), e.email(), e.phone().orElse("-"), last, plain(e.volume()),
            volumeType).stripTrailing());
        sb.append(nl);
        for (Order o : e.orders()) {
          sb.append("      ").append(t.get("text.order")).append(' ').append(o.id()).append("  ")
              .append(t.dateTime(o.timestamp().atZone(zone))).append("  ")
              .append(t.status(o.status())).append("  ")
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

}
