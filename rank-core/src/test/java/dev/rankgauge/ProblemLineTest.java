package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A problem is one short line whatever input it quotes. Found by the fuzz suite: a field name
 * with a line break split a plan file's problem over two lines, and a CSV header of 5,000
 * characters made a line of 5,000.
 */
class ProblemLineTest {
  @Test
  void controlCharactersAreShownEscaped() {
    Problem p = new Problem("plan.json:2:3 at $['a\nb']", "unknown field \"a\nb\"\t\u0000");

    assertThat(p.toString()).isEqualTo("plan.json:2:3 at $['a\\nb']: unknown field \"a\\nb\"\\t\\u0000")
        .doesNotContain("\n");
  }

  @Test
  void nextLineAndTheOtherC1ControlsAndSeparatorsAreShownEscaped() {
    // found by the fuzz suite: a CSV header whose first name was U+0085 (NEL) printed raw
    Problem p = new Problem("distributors.csv:1",
        "found the header \u0085,sponsor_id; \u009f \u2028 \u2029 \u00a0\u00e9");

    assertThat(p.message())
        .isEqualTo("found the header \\u0085,sponsor_id; \\u009f \\u2028 \\u2029 \u00a0\u00e9");
    assertThat(p.toString()).matches("^\\S.*?: .+$");
  }

  @Test
  void aLongMessageIsCutOnceSayingHowLongItWas() {
    String header = "x".repeat(5_000);
    Problem p = new Problem("distributors.csv:1", "missing column id; the header has " + header);

    assertThat(p.message()).hasSizeLessThan(Problem.MAX_MESSAGE + 40)
        .startsWith("missing column id; the header has xxx")
        .endsWith("... (cut; 5034 characters in all)");
    assertThat(p.at("elsewhere").message()).isEqualTo(p.message());
  }

  @Test
  void anOrdinaryProblemIsKeptAsItIs() {
    String message = "found sponsor D9, which is not a distributor";
    assertThat(new Problem("distributor D7", message).message()).isSameAs(message);
  }
}
