package dev.rankgauge.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": close names only, one implementation for plan files and scenario files. */
class SuggestTest {
  private static final List<String> DISTRIBUTOR_FIELDS =
      List.of("id", "sponsor", "name", "joined", "email", "phone", "volume", "volumes", "pv");

  @Test
  void twoLettersWithNothingInCommonSuggestNothing() {
    assertThat(Suggest.closest("xy", DISTRIBUTOR_FIELDS)).isEmpty();
    assertThat(Suggest.didYouMean("xy", DISTRIBUTOR_FIELDS)).isEmpty();
  }

  @Test
  void oneEditInAShortNameIsSuggested() {
    assertThat(Suggest.closest("qv", DISTRIBUTOR_FIELDS)).hasValue("pv");
    assertThat(Suggest.closest("sponser", DISTRIBUTOR_FIELDS)).hasValue("sponsor");
    assertThat(Suggest.didYouMean("nmae", DISTRIBUTOR_FIELDS)).isEqualTo(" (did you mean \"name\"?)");
  }

  @Test
  void aSingleCharacterMatchesOnlyIgnoringCase() {
    assertThat(Suggest.closest("C", List.of("A", "B"))).isEmpty();
    assertThat(Suggest.closest("a", List.of("A", "B"))).hasValue("A");
  }
}
