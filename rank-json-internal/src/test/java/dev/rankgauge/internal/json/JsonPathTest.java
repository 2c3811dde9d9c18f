package dev.rankgauge.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Paths as problems show them, and read back into steps. */
class JsonPathTest {
  /** The rule {@link JsonPath#field} follows, written as the regex it once was. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  @Test
  void plainNamesFollowADotAndOthersAreQuoted() {
    assertThat(JsonPath.field("$", "ranks")).isEqualTo("$.ranks");
    assertThat(JsonPath.field("$.a", "_x9$")).isEqualTo("$.a._x9$");
    assertThat(JsonPath.field("$", "9lives")).isEqualTo("$['9lives']");
    assertThat(JsonPath.field("$", "")).isEqualTo("$['']");
    assertThat(JsonPath.field("$", "it's")).isEqualTo("$['it\\'s']");
    assertThat(JsonPath.field("$", "a.b")).isEqualTo("$['a.b']");
  }

  @Test
  void stepsReadAPathBack() {
    String path = JsonPath.index(JsonPath.field(JsonPath.field("$", "ranks"), "it's [odd]"), 2);
    assertThat(JsonPath.steps(path)).containsExactly("ranks", "it's [odd]", 2);
  }

  @Property(tries = 300)
  void aNameIsDottedExactlyWhenItIsAnIdentifier(
      @ForAll @StringLength(max = 6) @Chars({'a', 'Z', '_', '$', '0', '9', '.', '\'', '-', ' ', 'é'})
          String name) {
    String path = JsonPath.field("$", name);
    assertThat(path.startsWith("$.")).isEqualTo(PLAIN.matcher(name).matches());
    assertThat(JsonPath.steps(path)).isEqualTo(List.of(name));
  }
}
