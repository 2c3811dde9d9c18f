package dev.rankgauge;

import java.util.List;
import java.util.Locale;

/**
 * Why a distributor holds the rank they hold: every requirement of every rank, bottom-up, with
 * its inputs and outcome. Stable: the same input gives the same trace, whatever the order of the
 * input rows. For support staff answering "why am I not Gold?". Its lines are {@link Phrase}s and
 * records, written in English by {@link #format()} and in another language by
 * {@link #format(Locale)}.
 *
 * @param distributor the distributor
 * @param volumeType the plan's qualifying volume type, which the requirements name
 * @param inputs the figures the requirements read, one line each in a fixed order: the period
 *     ({@code trace.period}), the as-of instant, activity, personal and group volume, the active
 *     personal customers and distributors, then the title rank and the rank hold where the plan
 *     or the history gives them; see {@code Words.properties} for each key's arguments
 * @param ranks every rank of the ladder above the entry rank, bottom-up
 * @param paidAs the resulting paid-as rank
 */
public record Trace(Distributor distributor, String volumeType, List<Phrase> inputs,
    List<RankCheck> ranks, Rank paidAs) {

  /**
   * Copies the collections.
   *
   * @param distributor the distributor
   * @param volumeType the plan's qualifying volume type, which the requirements name
   * @param inputs the figures the requirements read, one line each in a fixed order
   * @param ranks every rank of the ladder above the entry rank, bottom-up
   * @param paidAs the resulting paid-as rank
   */
  public Trace {
    Checks.notNull(distributor, "distributor");
    Checks.notNull(volumeType, "volumeType");
    inputs = Checks.list(inputs, "inputs");
    ranks = Checks.list(ranks, "ranks");
    Checks.notNull(paidAs, "paidAs");
  }

  /**
   * The input line of a key, such as {@code trace.rankHold}.
   *
   * @param key the key of the line's phrase
   * @return the line, or empty when the trace has none of that key
   */
  public java.util.Optional<Phrase> input(String key) {
    Checks.notNull(key, "key");
    return inputs.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  /**
   * One rank considered.
   *
   * @param rank the rank
   * @param met whether its whole requirement set is met
   * @param requirements every requirement's status, in the plan's order
   */
  public record RankCheck(Rank rank, boolean met, List<RequirementStatus> requirements) {
    /**
     * Copies the requirements.
     *
     * @param rank the rank
     * @param met whether its whole requirement set is met
     * @param requirements every requirement's status, in the plan's order
     */
    public RankCheck {
      Checks.notNull(rank, "rank");
      requirements = Checks.list(requirements, "requirements");
    }
  }

  /**
   * {@return the trace as text in English, numbers written plain, one line per input and
   * requirement; the same as {@code format(Locale.ROOT)}}
   */
  public String format() {
    return format(Locale.ROOT);
  }

  /**
   * The trace as text in a language, one line per input and requirement, with the locale's
   * numbers and dates: Spanish for {@code es}, English for any other locale. A host rule's own
   * sentences stay as the rule wrote them.
   *
   * @param locale the language; {@link Locale#ROOT} for English with plain numbers
   * @return the trace as text
   */
  public String format(Locale locale) {
    Words words = Words.of(locale);
    boolean root = locale.equals(Locale.ROOT);
    String nl = System.lineSeparator();
    StringBuilder sb = new StringBuilder();
    sb.append(words.phrase(Phrase.of("trace.distributor", distributor.id(), distributor.name())))
        .append(nl);
    for (Phrase p : inputs) {
      sb.append(words.phrase(Phrase.of("trace.input", p))).append(nl);
    }
    for (RankCheck c : ranks) {
      sb.append(words.phrase(Phrase.of(c.met() ? "trace.met" : "trace.notMet", c.rank().code(),
          c.rank().name()))).append(nl);
      for (RequirementStatus s : c.requirements()) {
        String description = root ? s.description() : words.describe(s.requirement(), volumeType);
        sb.append("    ").append(words.status(s, description)).append(nl);
        List<String> names = words.partNames(s, volumeType);
        for (int i = 0; i < s.parts().size(); i++) {
          RequirementStatus p = s.parts().get(i);
          sb.append("      ").append(words.status(p, root ? p.description() : names.get(i)))
              .append(nl);
        }
      }
    }
    sb.append(words.phrase(Phrase.of("trace.paidAs", paidAs.code(), paidAs.name()))).append(nl);
    return sb.toString();
  }
}
