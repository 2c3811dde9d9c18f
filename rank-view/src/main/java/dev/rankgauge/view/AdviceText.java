package dev.rankgauge.view;

import dev.rankgauge.Advice;
import dev.rankgauge.AdviceStep;
import dev.rankgauge.FocusEntry;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The advice towards the next rank in words, for the text view, the gauge page and the command
 * line: one sentence ("To reach Platinum (PLAT) by 2026-11-30: win back C5 and C2 (they bought in
 * October); D103 needs 60 PV more"), then the steps, cheapest first, each with the contact details
 * of the people it names. English and Spanish are built in (bundle
 * {@code dev.rankgauge.view.AdviceTexts}); any other locale gets English.
 *
 * <p>Thread-safe: each call builds its own text.
 */
public final class AdviceText {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Texts texts;
  private final ResourceBundle bundle;
  private final String volumeType;

  private AdviceText(String volumeType, Locale locale) {
    if (volumeType == null) {
      throw new NullPointerException("volumeType");
    }
    this.texts = new Texts(locale);
    this.bundle = ResourceBundle.getBundle("dev.rankgauge.view.AdviceTexts", texts.locale(),
        NO_FALLBACK);
    this.volumeType = volumeType;
  }

  /**
   * The advice in one sentence: the rank, the last day of the period and each step, cheapest
   * first (customers to win back named together).
   *
   * @param advice the advice
   * @param volumeType the plan's qualifying volume type, for units
   * @param locale the language
   * @return the sentence, without a line separator
   */
  public static String summary(Advice advice, String volumeType, Locale locale) {
    return new AdviceText(volumeType, locale).sentence(advice);
  }

  /**
   * The advice as text: the sentence, then the steps one per line, each followed by the contact
   * details of the people it names, the volume to add in all, and whether the steps alone reach
   * the rank.
   *
   * @param advice the advice
   * @param volumeType the plan's qualifying volume type, for units
   * @param locale the language
   * @return the text, lines ending in the platform's line separator
   */
  public static String render(Advice advice, String volumeType, Locale locale) {
    return new AdviceText(volumeType, locale).full(advice);
  }

  /**
   * What the text says at the top of the ladder, where there is no advice.
   *
   * @param locale the language
   * @return the sentence
   */
  public static String topOfLadder(Locale locale) {
    return new AdviceText("PV", locale).get("advice.top");
  }

  private String get(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), texts.locale()).format(args);
  }

  private String full(Advice a) {
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder(sentence(a)).append(nl);
    if (!a.steps().isEmpty()) {
      sb.append(get("advice.steps")).append(nl);
      int n = 1;
      for (AdviceStep s : a.steps()) {
        sb.append(String.format(Locale.ROOT, "%3d. ", n++)).append(phrase(s)).append(nl);
        for (FocusEntry p : s.people()) {
          sb.append("       ").append(contact(p)).append(nl);
        }
      }
    }
    sb.append(get("advice.cost", texts.number(a.cost()), volumeType)).append(nl);
    if (!a.complete()) {
      sb.append(get("advice.incomplete", a.rank().name())).append(nl);
    }
    return sb.toString();
  }

  private String contact(FocusEntry p) {
    return get("advice.contact", p.id(), p.name(), p.email(), p.phone().orElse("-"),
        p.lastOrderDate().map(texts::date).orElse(get("advice.never")));
  }

  private String sentence(Advice a) {
    List<String> parts = new ArrayList<>();
    List<FocusEntry> winBack = new ArrayList<>();
    for (AdviceStep s : a.steps()) {
      if (s.kind() == AdviceStep.Kind.WIN_BACK_CUSTOMER) {
        if (winBack.isEmpty()) {
          parts.add(null); // where the customers go, in the order of the first of them
        }
        winBack.addAll(s.people());
      } else {
        parts.add(phrase(s));
      }
    }
    if (!winBack.isEmpty()) {
      parts.set(parts.indexOf(null), winBack(winBack));
    }
    String steps = parts.isEmpty() ? get("advice.none")
        : String.join(get("advice.list.separator"), parts);
    return get("advice.summary", a.rank().name(), a.rank().code(), texts.date(a.by()), steps);
  }

  /** "win back C5 and C2 (they bought in October)". */
  private String winBack(List<FocusEntry> people) {
    List<String> ids = new ArrayList<>();
    Set<YearMonth> months = new LinkedHashSet<>();
    for (FocusEntry p : people) {
      ids.add(p.id());
      p.lastOrderDate().map(YearMonth::from).ifPresent(months::add);
    }
    String out = get("advice.winBack", and(ids));
    if (!months.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (YearMonth m : months) {
        names.add(month(m));
      }
      out += " " + get("advice.winBack.when", people.size(), and(names));
    }
    return out;
  }

  private String month(YearMonth m) {
    return m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, texts.locale());
  }

  private String and(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + get("advice.and")
        + words.get(words.size() - 1);
  }

  private static List<String> ids(List<FocusEntry> people) {
    List<String> out = new ArrayList<>();
    for (FocusEntry p : people) {
      out.add(p.id());
    }
    return out;
  }

  private String phrase(AdviceStep s) {
    String out = kindPhrase(s);
    // A step of an anyOf path says which path it takes.
    return s.kind() != AdviceStep.Kind.HOST && !s.note().isEmpty()
        ? out + get("advice.path", s.note()) : out;
  }

  private String kindPhrase(AdviceStep s) {
    String volume = texts.number(s.volume());
    String volumeType = s.volumeType().orElse(this.volumeType);
    return switch (s.kind()) {
      case WIN_BACK_CUSTOMER -> winBack(s.people());
      case ACTIVATE_DISTRIBUTOR -> s.volume().signum() > 0
          ? get("advice.activate", s.people().get(0).id(), volume, volumeType)
          : get("advice.activate.order", s.people().get(0).id());
      case PERSONAL_VOLUME -> get("advice.personal", volume, volumeType);
      case GROUP_VOLUME -> get("advice.group", volume, volumeType);
      case CAPPED_GROUP_VOLUME -> {
        String out = s.legs().isEmpty() ? get("advice.capped.own", volume, volumeType)
            : get("advice.capped", volume, volumeType, and(ids(s.legs())));
        if (!s.notHelping().isEmpty()) {
          out += " " + get("advice.capped.notHelping", and(ids(s.notHelping())));
        }
        yield out;
      }
      case LEG_VOLUME -> get("advice.leg", volume, volumeType, s.legs().get(0).id());
      case SIDE_VOLUME -> get("advice.side", volume, volumeType, s.side(), s.legs().get(0).id(),
          and(ids(s.people())));
      case LEG_QUALIFIER -> {
        String who = s.people().get(0).id();
        String leg = s.legs().get(0).id();
        String rank = s.rank().map(r -> r.name()).orElse("");
        String out = s.side() > 0 ? get("advice.qualifier.side", who, rank, s.side())
            : get(who.equals(leg) ? "advice.qualifier.top" : "advice.qualifier", who, rank, leg);
        if (!s.steps().isEmpty()) {
          List<String> inner = new ArrayList<>();
          for (AdviceStep i : s.steps()) {
            inner.add(phrase(i));
          }
          out += " " + get("advice.qualifier.how", String.join(get("advice.list.separator"),
              inner));
        }
        yield out;
      }
      case NEW_CUSTOMERS -> get("advice.newCustomers", s.count());
      case NEW_DISTRIBUTORS -> s.side() > 0
          ? get("advice.newDistributors.side", s.count(), s.side())
          : get("advice.newDistributors", s.count());
      case HOST -> s.note();
      case OUT_OF_REACH -> get("advice.outOfReach",
          s.requirement().describe(volumeType, texts.locale()));
      case OTHER -> get("advice.other", s.requirement().describe(volumeType, texts.locale()));
    };
  }
}
