package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The reader takes a file in reads of growing size, so a row may be cut by the end of the bytes
 * read anywhere: inside a field, a quoted line break, a doubled quote, a CRLF or a character of
 * several bytes. Whatever the sizes, it reads the same rows, on the same lines, and reports the
 * same problems at the same places as when the whole file comes in one read.
 */
class CsvReadsPropertiesTest {
  private static final List<String> HEADER = List.of("id", "name", "pv");

  @Property(tries = 400)
  void smallReadsReadWhatOneReadReads(@ForAll("files") byte[] file,
      @ForAll @IntRange(min = 1, max = 64) int firstRead) throws IOException {
    Path dir = Files.createTempDirectory("csvreads");
    try {
      Files.write(dir.resolve("t.csv"), file);
      assertThat(read(dir, firstRead)).isEqualTo(read(dir, 1 << 24));
    } finally {
      Files.delete(dir.resolve("t.csv"));
      Files.delete(dir);
    }
  }

  /** Every row as its line and fields, then every problem, as one list of lines. */
  private static List<String> read(Path dir, int firstRead) throws IOException {
    List<String> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (CsvTable t = CsvTable.open(dir, "t.csv", HEADER, problems::add, firstRead)) {
      while (!t.broken() && t.next(problems::add)) {
        StringBuilder row = new StringBuilder().append(t.line());
        for (int k = 0; k < HEADER.size(); k++) {
          row.append('|').append(t.get(k)).append('|').append(t.text(k))
              .append('|').append(t.isEmpty(k)).append('|').append(t.plainDecimal(k));
        }
        out.add(row.toString());
      }
    }
    for (Problem p : problems) {
      out.add(p.location() + " " + p.code() + " " + p.arguments());
    }
    return out;
  }

  @Provide
  Arbitrary<byte[]> files() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz019. -").ofMaxLength(12);
    Arbitrary<String> wide = Arbitraries.strings().withChars("aé€ßж ,").ofMaxLength(6)
        .map(s -> "\"" + s + "\"");
    Arbitrary<String> quoted = Arbitraries.strings().withChars("ab,\"\n\r ").ofMaxLength(8)
        .map(s -> "\"" + s.replace("\"", "\"\"") + "\"");
    Arbitrary<String> number = Arbitraries.strings().withChars("0123456789.-").ofMinLength(1)
        .ofMaxLength(20);
    Arbitrary<String> field = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, plain), net.jqwik.api.Tuple.of(2, wide),
        net.jqwik.api.Tuple.of(2, quoted), net.jqwik.api.Tuple.of(3, number));
    // Mostly three fields; sometimes two or four (a wrong field count), or a blank line.
    Arbitrary<List<String>> row = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, field.list().ofSize(3)),
        net.jqwik.api.Tuple.of(1, field.list().ofMinSize(1).ofMaxSize(4)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(List.of())));
    Arbitrary<String> lineEnd = Arbitraries.of("\n", "\n", "\n", "\r\n", "\r");
    Arbitrary<byte[]> notUtf8 = Arbitraries.of(new byte[0], new byte[0], new byte[0],
        new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, 'a'});
    return net.jqwik.api.Combinators.combine(row.list().ofMaxSize(60),
        lineEnd.list().ofSize(61), notUtf8.list().ofSize(61), Arbitraries.of(true, false))
        .as((rows, ends, bad, lastEnd) -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.writeBytes("id,name,pv".getBytes(StandardCharsets.UTF_8));
          out.writeBytes(ends.get(60).getBytes(StandardCharsets.UTF_8));
          for (int i = 0; i < rows.size(); i++) {
            out.writeBytes(String.join(",", rows.get(i)).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad.get(i));
            if (i < rows.size() - 1 || lastEnd) {
              out.writeBytes(ends.get(i).getBytes(StandardCharsets.UTF_8));
            }
          }
          return out.toByteArray();
        });
  }
}
