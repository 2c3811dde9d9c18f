package dev.rankgauge.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README is a marked region of an example that the build compiles and
 * tests, so the README cannot drift from the code. A block is announced by the line
 * {@code <!-- snippet: PATH#TAG -->} just before it (PATH from the repository root); its text
 * must equal the lines between {@code // tag::TAG[]} and {@code // end::TAG[]} in that file,
 * each marked part with its common indentation removed and the parts joined by a blank line.
 */
class ReadmeSnippetsTest {
  private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->");

  /** The repository root, whether Maven runs from the module or the reactor root. */
  static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("rank-core")) ? here : here.getParent();
  }

  @Test
  void everyJavaBlockOfTheReadmeIsAMarkedRegionOfATestedExample() throws IOException {
    Path root = root();
    List<String> readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    int blocks = 0;
    for (int i = 0; i < readme.size(); i++) {
      if (!readme.get(i).strip().equals("```java")) {
        continue;
      }
      blocks++;
      int start = i + 1;
      int end = start;
      while (end < readme.size() && !readme.get(end).strip().equals("```")) {
        end++;
      }
      String block = String.join("\n", readme.subList(start, end));
      int before = i - 1;
      while (before >= 0 && readme.get(before).isBlank()) {
        before--;
      }
      Matcher m = before < 0 ? null : SNIPPET.matcher(readme.get(before).strip());
      if (m == null || !m.matches()) {
        problems.add("README.md:" + (i + 1) + ": java block without a <!-- snippet: PATH#TAG -->"
            + " line before it");
      } else {
        try {
          String region = region(root.resolve(m.group(1)), m.group(2));
          if (!region.equals(block)) {
            problems.add("README.md:" + (i + 1) + ": differs from " + m.group(1) + "#"
                + m.group(2) + "; the example has:\n" + region);
          }
        } catch (IOException | IllegalArgumentException e) {
          problems.add("README.md:" + (i + 1) + ": " + e.getMessage());
        }
      }
      i = end;
    }
    assertThat(blocks).as("java blocks in README.md").isGreaterThanOrEqualTo(3);
    assertThat(problems).isEmpty();
  }

  @Test
  void aRegionIsItsMarkedPartsDedentedAndJoined() {
    String source = String.join("\n",
        "// tag::x[]",
        "import a.B;",
        "// end::x[]",
        "class C {",
        "  void m() {",
        "    // tag::x[]",
        "    B b = new B();",
        "      b.go();",
        "    // end::x[]",
        "  }",
        "}");
    assertThat(region(source, "x", "C.java")).isEqualTo("import a.B;\n\nB b = new B();\n  b.go();");
    assertThatThrownBy(() -> region(source, "y", "C.java"))
        .hasMessage("C.java has no region // tag::y[]");
  }

  private static String region(Path file, String tag) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no file " + file);
    }
    return region(Files.readString(file, StandardCharsets.UTF_8), tag,
        file.getFileName().toString());
  }

  static String region(String source, String tag, String name) {
    List<String> parts = new ArrayList<>();
    List<String> part = null;
    for (String line : source.split("\n", -1)) {
      String s = line.strip();
      if (s.equals("// tag::" + tag + "[]")) {
        part = new ArrayList<>();
      } else if (s.equals("// end::" + tag + "[]")) {
        if (part == null) {
          throw new IllegalArgumentException(name + ": // end::" + tag + "[] without its tag");
        }
        parts.add(dedent(part));
        part = null;
      } else if (part != null) {
        part.add(line);
      }
    }
    if (part != null) {
      throw new IllegalArgumentException(name + ": // tag::" + tag + "[] is never ended");
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(name + " has no region // tag::" + tag + "[]");
    }
    return String.join("\n\n", parts);
  }

  private static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
    }
    return String.join("\n", out);
  }
}
