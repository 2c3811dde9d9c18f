package dev.rankgauge;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentences rank-core writes for people, from the message bundle {@code dev.rankgauge.Words}
 * (English as the base, Spanish in {@code Words_es}). A locale without its own bundle gets
 * English, numbers included, whatever the JVM's default locale: bundles never fall back to the
 * default locale.
 *
 * <p>{@link Locale#ROOT} is English with numbers written plain ({@code 1500}), as the core's own
 * texts (gap reports, traces, bulk results) have always been; any other locale formats numbers
 * with its grouping and decimal signs ({@code 1,500} in English, {@code 1.500} in Spanish).
 *
 * <p>Thread-safe: nothing is shared but the bundles, which are immutable.
 */
final class Words {
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Words(Locale locale) {
    this.bundle = ResourceBundle.getBundle("dev.rankgauge.Words", locale, NO_FALLBACK);
    // Numbers follow the language the text is in: the locale asked for when its language has a
    // bundle (es-MX keeps Mexico's signs), else the bundle's own language; ROOT stays plain.
    String lang = bundle.getString("lang");
    this.locale = locale.equals(Locale.ROOT) || locale.getLanguage().equals(lang) ? locale
        : Locale.forLanguageTag(lang);
  }

  static Words of(Locale locale) {
    return new Words(Checks.notNull(locale, "locale"));
  }

  /** The message of {@code key} with its arguments, in this locale. */
  String get(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  /** A decimal for people: plain for {@link Locale#ROOT}, else with the locale's signs. */
  String number(BigDecimal d) {
    BigDecimal v = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    if (locale.equals(Locale.ROOT)) {
      return v.toPlainString();
    }
    DecimalFormat f = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(locale));
    f.setParseBigDecimal(true);
    return f.format(v);
  }

  /** "at least 500", or "any amount of" for a threshold of zero. */
  private String atLeast(BigDecimal volume) {
    return volume.signum() == 0 ? get("anyAmount") : get("atLeast", number(volume));
  }

  String label(Metric m) {
    return get("metric." + m.name());
  }

  /** The requirement in words; the sentence of a host rule is the host's own. */
  String describe(Requirement requirement, String volumeType) {
    return requirement.accept(new Describe(volumeType));
  }

  private final class Describe implements Requirement.Visitor<String> {
    private final String type;

    Describe(String type) {
      this.type = type;
    }

    private String count(int n) {
      return number(BigDecimal.valueOf(n));
    }

    @Override
    public String visit(Requirement.PersonalVolume q) {
      return get("personalVolume", atLeast(q.volume()), type);
    }

    @Override
    public String visit(Requirement.GroupVolume q) {
      return get("groupVolume", atLeast(q.volume()), type);
    }

    @Override
    public String visit(Requirement.ActivePersonalCustomers q) {
      return get("activePersonalCustomers", count(q.count()), type, q.count());
    }

    @Override
    public String visit(Requirement.ActivePersonalDistributors q) {
      return get("activePersonalDistributors", count(q.count()), type, q.count());
    }

    @Override
    public String visit(Requirement.SponsoredWithRank q) {
      return get("sponsoredWithRank", count(q.count()), type, q.count(), q.rank());
    }

    @Override
    public String visit(Requirement.LegsWithRank q) {
      String where = switch (q.reach()) {
        case ANYWHERE -> "";
        case FRONT_LINE -> get("legsWithRank.frontLine");
        case WITHIN_LEVELS -> get("legsWithRank.withinLevels", count(q.levels()), type,
            q.levels());
      };
      String basis = switch (q.basis()) {
        case PAID_AS -> "";
        case TITLE -> get("legsWithRank.title");
        case LAST_PERIOD -> get("legsWithRank.lastPeriod");
      };
      return get("legsWithRank", count(q.count()), type, q.count(), q.rank(), where, basis);
    }

    @Override
    public String visit(Requirement.LegsWithVolume q) {
      List<BigDecimal> slots = q.slots();
      if (slots.stream().distinct().count() == 1) {
        return get("legsWithVolume.same", count(slots.size()), type, slots.size(),
            atLeast(slots.get(0)));
      }
      List<String> each = new ArrayList<>();
      for (BigDecimal s : slots) {
        each.add(number(s));
      }
      return get("legsWithVolume.slots", count(slots.size()), type, slots.size(),
          String.join(get("list.separator"), each));
    }

    @Override
    public String visit(Requirement.CappedGroupVolume q) {
      return get("cappedGroupVolume", atLeast(q.volume()), type, 0,
          number(q.maxPercentPerLeg()),
          q.ownVolumeIsLeg() ? get("cappedGroupVolume.ownLeg") : "");
    }

    @Override
    public String visit(Requirement.LevelGroupVolume q) {
      return get("levelGroupVolume", atLeast(q.volume()), type, q.levels(), count(q.levels()),
          q.compressed() ? get("levelGroupVolume.compressed") : "");
    }

    @Override
    public String visit(Requirement.PersonalGroupVolume q) {
      return get("personalGroupVolume", atLeast(q.volume()), type, 0, q.breakawayRank(),
          get(q.includeBreakaway() ? "personalGroupVolume.included"
              : "personalGroupVolume.excluded"));
    }

    @Override
    public String visit(Requirement.ActiveLegs q) {
      return get("activeLegs", count(q.count()), type, q.count());
    }

    @Override
    public String visit(Requirement.PaidAsInPeriods q) {
      String end = get(q.thisPeriod() ? "paidAsInPeriods.thisPeriod" : "paidAsInPeriods.before");
      return q.count() == q.periods()
          ? get("paidAsInPeriods.inARow", q.rank(), count(q.periods()), q.periods(), end)
          : get("paidAsInPeriods.of", q.rank(), count(q.count()), count(q.periods()), end);
    }

    @Override
    public String visit(Requirement.AccumulatedVolume q) {
      return get("accumulatedVolume", atLeast(q.volume()), type, count(q.periods()), q.periods(),
          q.minimumEach().map(m -> get("accumulatedVolume.each", number(m))).orElse(""));
    }

    @Override
    public String visit(Requirement.JoinedWithinDays q) {
      return get("joinedWithinDays", count(q.days()), q.days());
    }

    @Override
    public String visit(Requirement.AnyOf q) {
      StringBuilder sb = new StringBuilder();
      for (Requirement.Path p : q.paths()) {
        StringBuilder all = new StringBuilder();
        for (Requirement r : p.requirements()) {
          all.append(all.length() == 0 ? "" : get("anyOf.and")).append(r.accept(this));
        }
        sb.append(sb.length() == 0 ? "" : get("anyOf.or"))
            .append(get("anyOf.path", p.name(), all.toString()));
      }
      return sb.toString();
    }

    @Override
    public String visit(Requirement.Host q) {
      String d = q.rule().describe();
      return d == null || d.isBlank() ? q.name() : d;
    }
  }
}
