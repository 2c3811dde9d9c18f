package dev.rankgauge.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Text contrast of the gauge page's stylesheet, computed from the CSS itself (WCAG 2 relative
 * luminance): every colour a rule gives to text is at least 4.5:1 against the background that
 * rule, or a compound of it ({@code .badge.on}), sets, or else against every surface of the page
 * (the page, the cards, the opened focus entries). The browser test measures the same on the
 * drawn page; this one needs no browser and names the rule that fails.
 */
class GaugePageContrastTest {
  private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");

  /** Every rule as selector to declarations, {@code @media} wrappers dropped. */
  private static List<Map.Entry<String, Map<String, String>>> rules(String css) {
    String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
    List<Map.Entry<String, Map<String, String>>> rules = new ArrayList<>();
    Matcher m = RULE.matcher(plain);
    while (m.find()) {
      String selectors = m.group(1).strip().replaceFirst("^@media[^{]*\\{", "").strip();
      Map<String, String> declarations = new LinkedHashMap<>();
      for (String d : m.group(2).split(";")) {
        int colon = d.indexOf(':');
        if (colon > 0) {
          declarations.put(d.substring(0, colon).strip(), d.substring(colon + 1).strip());
        }
      }
      for (String selector : selectors.split(",")) {
        rules.add(Map.entry(selector.strip(), declarations));
      }
    }
    return rules;
  }

  static double luminance(String hex) {
    String h = hex.substring(1);
    if (h.length() == 3) {
      h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    }
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(String a, String b) {
    double x = luminance(a);
    double y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  @Test
  void theFormulaMatchesWcagsExamples() {
    assertThat(contrast("#000", "#fff")).isEqualTo(21.0);
    assertThat(contrast("#777", "#fff")).isBetween(4.47, 4.49);
    assertThat(contrast("#e76f51", "#fff")).as("the old next-rank orange").isLessThan(4.5);
  }

  @Test
  void everyTextColourOfTheStylesheetMeetsWcagAa() {
    List<Map.Entry<String, Map<String, String>>> rules = rules(GaugePage.css());
    Map<String, String> vars = new HashMap<>();
    for (Map.Entry<String, Map<String, String>> r : rules) {
      r.getValue().forEach((k, v) -> {
        if (k.startsWith("--")) {
          vars.put(k, v);
        }
      });
    }
    java.util.function.UnaryOperator<String> colour = v -> {
      String c = v.strip();
      Matcher var = Pattern.compile("var\\((--[a-z-]+)\\)").matcher(c);
      return var.matches() ? vars.get(var.group(1)) : c;
    };
    List<String> surfaces = new ArrayList<>(List.of(colour.apply("var(--rg-bg)"),
        colour.apply("var(--rg-card)")));
    for (Map.Entry<String, Map<String, String>> r : rules) {
      if (r.getKey().endsWith(" details") && r.getValue().containsKey("background")) {
        surfaces.add(colour.apply(r.getValue().get("background")));
      }
    }
    assertThat(surfaces).containsExactly("#f5f7f9", "#fff", "#fbfcfd");

    List<String> checked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> r : rules) {
      String selector = r.getKey();
      String fg = r.getValue().get("color");
      if (fg == null && selector.endsWith(" text")) {
        fg = r.getValue().get("fill");
      }
      if (fg == null) {
        continue;
      }
      fg = colour.apply(fg);
      List<String> behind = new ArrayList<>();
      for (Map.Entry<String, Map<String, String>> o : rules) {
        String bg = o.getValue().get("background");
        boolean same = o.getKey().equals(selector) || o.getKey().startsWith(selector + ".");
        if (same && bg != null && bg.matches("(#|var\\().*")) {
          behind.add(colour.apply(bg));
        }
      }
      if (behind.isEmpty()) {
        behind = surfaces;
      }
      for (String bg : behind) {
        double c = contrast(fg, bg);
        checked.add(selector);
        if (c < 4.5) {
          failures.add(String.format(java.util.Locale.ROOT, "%s: %s on %s is %.2f:1", selector,
              fg, bg, c));
        }
      }
    }
    assertThat(failures).as("text colours below 4.5:1").isEmpty();
    assertThat(checked).contains(".rankgauge .gauge .to-next", ".rankgauge .tick.next text",
        ".rankgauge .badge", ".rankgauge .count", ".rankgauge a", ".rankgauge .meta");
  }
}
