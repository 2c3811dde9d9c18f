package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Period;
import dev.rankgauge.RankGauge;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV results open safely in a spreadsheet: a cell that a spreadsheet would run as a formula
 * (OWASP's rule: it starts with =, +, -, @, a tab, a carriage return or a line feed) gets a
 * leading apostrophe; numbers stay numbers.
 */
class ResultsCsvTest {
  private static final String DANGEROUS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

  @TempDir
  Path tmp;

  @Test
  void namesThatLookLikeFormulasAreWrittenAsText() throws IOException {
    Path data = Files.createDirectory(tmp.resolve("data"));
    Files.writeString(data.resolve("distributors.csv"), "id,sponsor_id,join_date,name,email\n"
        + "D1,,2025-01-01,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",a@example.com\n"
        + "@D2,D1,2025-01-01,+1 555 0100,b@example.com\n"
        + "-D3,D1,2025-01-01,Plain Name,c@example.com\n");
    Files.writeString(data.resolve("customers.csv"), "id,distributor_id,name,email\n");
    Files.writeString(data.resolve("orders.csv"), "id,buyer_type,buyer_id,date,pv,amount,status\n"
        + "O1,D,D1,2026-11-03,100,100,paid\n"
        + "O2,D,-D3,2026-11-04,-25,-25,returned\n");

    CompPlan plan = PlanFiles.bundled("seed");
    Evaluation e = RankGauge.evaluate(CsvOrganisation.read(data, plan, Progress.silent()), plan,
        Period.month(2026, 11));
    StringWriter out = new StringWriter();
    ResultsCsv.write(e.table(), out, Progress.silent());

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString())).getRecords();
    assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(ResultsCsv.header());
    assertThat(rows).extracting(r -> r.get("id")).containsExactly("D1", "'@D2", "'-D3");
    assertThat(rows).extracting(r -> r.get("name")).containsExactly(
        "'=HYPERLINK(\"http://evil.example\",\"click\")", "'+1 555 0100", "Plain Name");
    assertThat(rows.get(2).get("personal_sales")).isEqualTo("-25");
  }

  @Property(tries = 1000)
  void noCellStartsAFormulaAndTheTextIsKept(@ForAll("cells") String text) {
    String cell = ResultsCsv.cell(text);

    assertThat(cell.endsWith(text)).isTrue();
    if (!cell.isEmpty() && DANGEROUS.indexOf(cell.charAt(0)) >= 0) {
      assertThat(cell).as("only plain numbers may start with + or -").matches("[-+][0-9.]+");
      assertThat(new java.math.BigDecimal(cell.replace("+", ""))).isNotNull();
    }
    assertThat(cell).isIn(text, "'" + text);
  }

  @Property(tries = 2000)
  void aFieldWrittenAsBytesIsTheFieldAsTextInUtf8(@ForAll("fields") String text) {
    byte[] expected = ResultsCsv.field(new StringBuilder(), text).toString()
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    Utf8Buffer fromString = new Utf8Buffer(1);
    ResultsCsv.field(fromString, text);
    Utf8Buffer fromBuilder = new Utf8Buffer(1);
    ResultsCsv.field(fromBuilder, new StringBuilder(text));

    assertThat(bytes(fromString)).isEqualTo(expected);
    assertThat(bytes(fromBuilder)).isEqualTo(expected);

    // the text's UTF-8 bytes made a field where they lie, after a cell before them
    Utf8Buffer inPlace = new Utf8Buffer(1);
    inPlace.text("id,");
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    inPlace.write(utf8, 0, utf8.length);
    inPlace.field(3);
    assertThat(new String(bytes(inPlace), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("id," + new String(expected, java.nio.charset.StandardCharsets.UTF_8));
  }

  private static byte[] bytes(Utf8Buffer b) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      b.writeTo(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Provide
  Arbitrary<String> fields() {
    Arbitrary<String> start = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "\n", "\uFF1D",
        "\uFF0B", "\uFF0D", "\uFF20", "\uFF1E", "\uFF1C", "'", " ", "a", "1", "");
    Arbitrary<String> rest = Arbitraries.strings()
        .withChars("09.=+-@ aZ(\"),\n\r;?\u0080\u00e9\u07ff\u0800\u65e5\uFFFF\uD83D\uDE00\uDC00")
        .ofMaxLength(30);
    Arbitrary<String> end = Arbitraries.of("", " ", "\"", ",", "\uD83D");
    return net.jqwik.api.Combinators.combine(start, rest, end).as((a, b, c) -> a + b + c);
  }

  @Provide
  Arbitrary<String> cells() {
    Arbitrary<String> start = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "\n", "\uFF1D",
        "'", "a", "1", "");
    Arbitrary<String> rest = Arbitraries.strings().withChars("0123456789.=+-@ aZ(\"),")
        .ofMaxLength(8);
    return net.jqwik.api.Combinators.combine(start, rest).as(String::concat);
  }
}
