package dev.rankgauge;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  /** The base bundle's keys, read once: every {@link Phrase} is checked against them. */
  private static final Set<String> KEYS = Set.copyOf(
      ResourceBundle.getBundle("dev.rankgauge.Words", Locale.ROOT, NO_FALLBACK).keySet());
  /** The English of each bundle of problems asked for, by base name; see {@link #of(String, Locale)}. */
  private static final java.util.concurrent.ConcurrentHashMap<String, Words> ROOTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Locale locale;
  private final ResourceBundle bundle;

  private Words(Locale locale) {
    this("dev.rankgauge.Words", locale);
  }

  /**
   * The sentences of the bundle {@code base}, such as {@code dev.rankgauge.Problems}: read with
   * rank-core's class loader, else the thread's context class loader (a module's bundle in a
   * host whose class loaders are split).
   */
  private Words(String base, Locale locale) {
    this.bundle = bundle(base, locale);
    // Numbers follow the language the text is in: the locale asked for when its language has a
    // bundle (es-MX keeps Mexico's signs), else the bundle's own language; ROOT stays plain.
    String lang = bundle.getString("lang");
    this.locale = locale.equals(Locale.ROOT) || locale.getLanguage().equals(lang) ? locale
        : Locale.forLanguageTag(lang);
  }

  static Words of(Locale locale) {
    return Checks.notNull(locale, "locale").equals(Locale.ROOT) ? ROOT : new Words(locale);
  }

  /**
   * The sentences of the bundle {@code base} in a language, as {@link #of(Locale)} for the core's
   * own: English with plain numbers for {@link Locale#ROOT} (kept, one per bundle), Spanish for
   * {@code es}, English with the locale's numbers otherwise.
   *
   * @throws java.util.MissingResourceException if there is no such bundle
   */
  static Words of(String base, Locale locale) {
    Checks.notNull(locale, "locale");
    if (base.equals("dev.rankgauge.Words")) {
      return of(locale);
    }
    return locale.equals(Locale.ROOT) ? ROOTS.computeIfAbsent(base, b -> new Words(b, Locale.ROOT))
        : new Words(base, locale);
  }

  private static ResourceBundle bundle(String base, Locale locale) {
    try {
      return ResourceBundle.getBundle(base, locale, NO_FALLBACK);
    } catch (java.util.MissingResourceException e) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context == null) {
        throw e;
      }
      return ResourceBundle.getBundle(base, locale, context, NO_FALLBACK);
    }
  }

  /** Whether this bundle has a message of this key. */
  boolean hasKey(String key) {
    return bundle.containsKey(key);
  }

  /** Whether the base bundle has a message of this key. */
  static boolean has(String key) {
    return KEYS.contains(key);
  }

  /** The language of the text: {@code en} or {@code es}. */
  String language() {
    return bundle.getString("lang");
  }

  private static final Pattern CHOICE = Pattern.compile("\\{(\\d+),choice,");

  /** Plain English, the core's own rendering; shared, as a {@code Words} is immutable. */
  static final Words ROOT = new Words(Locale.ROOT);

  /**
   * A phrase in this language. Its message sees argument {@code i} as text at {@code {i}}
   * (numbers with the locale's signs, lists joined, phrases written out) and as a number in
   * {@code {i,choice,...}} (a count or amount itself, a list's size), so that one placeholder both
   * shows a count and chooses the words around it: {@code {0} {0,choice,1#leg|1<legs}}. MessageFormat
   * cannot do both with one argument, so each choice is pointed at a second copy of the arguments,
   * holding the numbers, placed after the texts.
   */
  String phrase(Phrase p) {
    return format(p.key(), p.arguments());
  }

  /**
   * The message of {@code key} in this bundle with arguments of the types a {@link Phrase} takes,
   * written as {@link #phrase(Phrase)} writes a phrase's.
   */
  String format(String key, List<Object> args) {
    int n = args.size();
    Object[] all = new Object[2 * n];
    for (int i = 0; i < n; i++) {
      Object a = args.get(i);
      all[i] = show(a, key);
      all[n + i] = a instanceof List<?> l ? Integer.valueOf(l.size())
          : a instanceof Number ? a : Integer.valueOf(0);
    }
    Matcher m = CHOICE.matcher(bundle.getString(key));
    String pattern = m.replaceAll(r -> Matcher.quoteReplacement(
        "{" + (n + Integer.parseInt(r.group(1))) + ",choice,"));
    return new MessageFormat(pattern, locale).format(all);
  }

  /** An argument as text; a list is joined with its phrase's own separator, if it has one. */
  private String show(Object a, String key) {
    if (a instanceof BigDecimal d) {
      return number(d);
    } else if (a instanceof Integer || a instanceof Long) {
      return number(BigDecimal.valueOf(((Number) a).longValue()));
    } else if (a instanceof LocalDate d) {
      return date(d);
    } else if (a instanceof Phrase p) {
      return p.text(locale);
    } else if (a instanceof Problem.Part p) {
      return format(p.code(), p.arguments());
    } else if (a instanceof Problem q) {
      return q.message(locale);
    } else if (a instanceof Problem.RequirementWords r) {
      return of(locale).describe(r.requirement(), r.volumeType());
    } else if (a instanceof List<?> l) {
      List<String> each = new ArrayList<>(l.size());
      for (Object o : l) {
        each.add(show(o, key));
      }
      String separator = key + ".separator";
      return String.join(bundle.containsKey(separator) ? bundle.getString(separator)
          : get("list.separator"), each);
    }
    return (String) a;
  }

  /**
   * A requirement's line of a trace: met or open, the requirement (already in this language),
   * what the distributor has of what it asks, and the note.
   */
  String status(RequirementStatus s, String description) {
    Object note = s.note().<Object>map(n -> Phrase.of("status.note", n)).orElse("");
    // An "at most" requirement exceeded: the gap is how much to lose.
    return phrase(Phrase.of(s.met() ? "status.met" : s.exceeded() ? "status.over" : "status.open",
        description, s.actual(), s.required(), s.remaining(), note));
  }

  /**
   * The requirement of a status in this language, and those of its parts, each named by its
   * path: the requirements of an {@code anyOf}'s first path, then of the next, as
   * {@link RequirementStatus#parts()} lists them.
   */
  List<String> partNames(RequirementStatus s, String volumeType) {
    List<String> parts = new ArrayList<>();
    if (s.requirement() instanceof Requirement.AnyOf any) {
      for (Requirement.Path p : any.paths()) {
        for (Requirement r : p.requirements()) {
          parts.add(get("anyOf.path", p.name(), describe(r, volumeType)));
        }
      }
    }
    if (parts.size() != s.parts().size()) {
      parts.clear();
      for (RequirementStatus p : s.parts()) {
        parts.add(describe(p.requirement(), volumeType));
      }
    }
    return parts;
  }

  /** A date: ISO for {@link Locale#ROOT}, else the language's way. */
  String date(LocalDate d) {
    return locale.equals(Locale.ROOT) ? d.toString()
        : DateTimeFormatter.ofPattern(bundle.getString("date"), locale).format(d);
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

  /** UPPER_SNAKE to UpperCamel: {@code DOWNLINE_VOLUME} to {@code DownlineVolume}. */
  private static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    for (String part : snake.split("_")) {
      b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.toString();
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

    /** The type a requirement reads: its own, or the plan's qualifying type. */
    private String typeOf(Requirement q) {
      return q.volumeType().orElse(type);
    }

    private String count(int n) {
      return number(BigDecimal.valueOf(n));
    }

    /** Nothing for the sponsor tree, the default; " in the placement tree" for the other. */
    private String tree(Requirement.Tree tree) {
      return tree == Requirement.Tree.PLACEMENT ? get("tree.placement") : "";
    }

    @Override
    public String visit(Requirement.PersonalVolume q) {
      return get("personalVolume", atLeast(q.volume()), typeOf(q));
    }

    @Override
    public String visit(Requirement.GroupVolume q) {
      return get("groupVolume", atLeast(q.volume()), typeOf(q));
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
      return get("legsWithRank", count(q.count()), type, q.count(), q.rank(), where, basis)
          + tree(q.tree());
    }

    @Override
    public String visit(Requirement.LegsWithVolume q) {
      List<BigDecimal> slots = q.slots();
      if (slots.stream().distinct().count() == 1) {
        return get("legsWithVolume.same", count(slots.size()), typeOf(q), slots.size(),
            atLeast(slots.get(0))) + tree(q.tree());
      }
      List<String> each = new ArrayList<>();
      for (BigDecimal s : slots) {
        each.add(number(s));
      }
      return get("legsWithVolume.slots", count(slots.size()), typeOf(q), slots.size(),
          String.join(get("list.separator"), each)) + tree(q.tree());
    }

    @Override
    public String visit(Requirement.CappedGroupVolume q) {
      return get("cappedGroupVolume", atLeast(q.volume()), typeOf(q), 0,
          number(q.maxPercentPerLeg()),
          q.ownVolumeIsLeg() ? get("cappedGroupVolume.ownLeg") : "");
    }

    @Override
    public String visit(Requirement.LevelGroupVolume q) {
      return get("levelGroupVolume", atLeast(q.volume()), typeOf(q), q.levels(), count(q.levels()),
          q.compressed() ? get("levelGroupVolume.compressed") : "") + tree(q.tree());
    }

    @Override
    public String visit(Requirement.PersonalGroupVolume q) {
      return get("personalGroupVolume", atLeast(q.volume()), typeOf(q), 0, q.breakawayRank(),
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
      return get("accumulatedVolume", atLeast(q.volume()), typeOf(q), count(q.periods()),
          q.periods(),
          q.minimumEach().map(m -> get("accumulatedVolume.each", number(m))).orElse(""));
    }

    @Override
    public String visit(Requirement.JoinedWithinDays q) {
      return get("joinedWithinDays", count(q.days()), q.days());
    }

    @Override
    public String visit(Requirement.SideVolume q) {
      return q.weak().compareTo(q.strong()) == 0
          ? get("sideVolume.each", atLeast(q.weak()), typeOf(q))
          : get("sideVolume", atLeast(q.weak()), typeOf(q), atLeast(q.strong()));
    }

    @Override
    public String visit(Requirement.SponsoredOnEachSide q) {
      return q.rank().map(r -> get("sponsoredOnEachSide.rank", count(q.count()), type,
          q.count(), r)).orElseGet(() -> get("sponsoredOnEachSide", count(q.count()), type,
          q.count()));
    }

    @Override
    public String visit(Requirement.RankOnEachSide q) {
      return get("rankOnEachSide", count(q.count()), type, q.count(), q.rank());
    }

    @Override
    public String visit(Requirement.MatrixPositions q) {
      return get(q.active() ? "matrixPositions.active" : "matrixPositions", count(q.count()),
          type, q.count(), count(q.levels()), q.levels());
    }

    @Override
    public String visit(Requirement.Range q) {
      String least = q.atLeast().map(Words.this::number).orElse(null);
      String most = q.atMost().map(Words.this::number).orElse(null);
      String bound = least == null ? get("range.atMost", most)
          : most == null ? get("range.atLeast", least) : get("range.between", least, most);
      // The number whose noun agrees: the one bound, or plural between two.
      int n = least != null && most != null ? 2
          : q.atLeast().or(q::atMost).get().compareTo(BigDecimal.ONE) == 0 ? 1 : 2;
      String key = "range." + Character.toLowerCase(q.of().name().charAt(0))
          + camel(q.of().name()).substring(1);
      String reach = q.levels() == 0 ? ""
          : get("range.withinLevels", count(q.levels()), q.levels());
      return get(key, bound, typeOf(q), n, reach) + tree(q.tree());
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
