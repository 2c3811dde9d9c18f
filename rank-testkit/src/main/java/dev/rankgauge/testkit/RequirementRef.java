package dev.rankgauge.testkit;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which requirement of which rank: by its number in the plan's order (1-based), or by text that
 * its description contains (case-insensitive, must match exactly one).
 *
 * @param rank the rank code
 * @param number 1-based position among the rank's requirements, or 0 when {@code text} is used
 * @param text text the description contains, or empty when {@code number} is used
 */
record RequirementRef(String rank, int number, String text) {

  RequirementRef {
    Objects.requireNonNull(rank, "rank");
    Objects.requireNonNull(text, "text");
    if ((number > 0) == !text.isEmpty()) {
      throw new IllegalArgumentException("a requirement is named by number or by text, not both");
    }
  }

  static RequirementRef byNumber(String rank, int number) {
    if (number < 1) {
      throw new IllegalArgumentException("requirements are numbered from 1, found " + number);
    }
    return new RequirementRef(rank, number, "");
  }

  static RequirementRef byText(String rank, String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("requirement text must not be blank");
    }
    return new RequirementRef(rank, 0, text);
  }

  /** "requirement 3 of PLAT" or "requirement of PLAT matching "customers"", in words. */
  Problem label() {
    return number > 0 ? Reports.say("requirement.number", number, rank)
        : Reports.say("requirement.matching", rank, text);
  }

  /**
   * The 0-based index of the requirement in its rank, or a sentence saying why there is none (its
   * list of the rank's requirements describes them in the language the sentence is written in).
   *
   * @return an {@code Integer} index or a {@link Problem} without a location, the reason
   */
  Object resolve(CompPlan plan) {
    Rank r = plan.rank(rank).orElse(null);
    if (r == null) {
      return Reports.say("requirement.rankNotInPlan", rank, plan.name(), Verdicts.codes(plan));
    }
    List<Requirement> reqs = r.requirements();
    if (reqs.isEmpty()) {
      return Reports.say("requirement.entryRank", rank);
    }
    String type = plan.qualifyingVolumeType();
    if (number > 0) {
      if (number > reqs.size()) {
        return Reports.say("requirement.tooFew", rank, reqs.size(), number, listing(reqs, type));
      }
      return number - 1;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < reqs.size(); i++) {
      if (reqs.get(i).describe(type).toLowerCase(Locale.ROOT).contains(needle)) {
        hits.add(i);
      }
    }
    if (hits.size() == 1) {
      return hits.get(0);
    }
    return Reports.say(hits.isEmpty() ? "requirement.noneMentions" : "requirement.manyMention",
        rank, text, listing(reqs, type));
  }

  /**
   * The rank's requirements, numbered, for a sentence written in a language only known later:
   * each item keeps its requirement, which the core describes in the sentence's language.
   */
  private static List<Problem.Part> listing(List<Requirement> reqs, String type) {
    List<Problem.Part> items = new ArrayList<>(reqs.size());
    for (int i = 0; i < reqs.size(); i++) {
      items.add(Reports.part("requirement.item", i + 1,
          new Problem.RequirementWords(reqs.get(i), type)));
    }
    return items;
  }
}
