package dev.rankgauge.internal.json;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelled names: the closest candidate by edit distance, if close enough. */
public final class Suggest {
  private Suggest() {}

  /**
   * The candidate closest to {@code found}, ignoring case, if it is within a third of the name's
   * length, at least one edit and at most three ({@code qv} finds {@code pv}, {@code xy} does not
   * find {@code id}); a single character only matches ignoring case. Ties go to the first
   * candidate.
   */
  public static Optional<String> closest(String found, Collection<String> candidates) {
    String f = found.toLowerCase(Locale.ROOT);
    int limit = f.length() < 2 ? 0 : Math.max(1, Math.min(3, f.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(found)) {
        continue;
      }
      int d = distance(f, c.toLowerCase(Locale.ROOT), limit);
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code  (did you mean "x"?)} or the empty string. */
  public static String didYouMean(String found, Collection<String> candidates) {
    return closest(found, candidates).map(c -> " (did you mean \"" + c + "\"?)").orElse("");
  }

  /**
   * Edit distance counting an insertion, a deletion, a change or a swap of two neighbours as one
   * edit (optimal string alignment), or more than {@code limit} once it is sure to exceed it.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] before = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], before[j - 2] + 1);
        }
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
