package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The reader hands the organisation builder views of its byte buffer instead of a
 * {@link String} per value, and reads buyer types, statuses and dates from those views: for any
 * input, ASCII or not, quoted or not, with bad rows among good ones, it reads exactly what the
 * text of each field says.
 */
class CsvTextPropertiesTest {
  private static final List<String> WORDS = List.of("d", "c", "paid", "returned", "cancelled",
      "canceled");

  /** Every field of every row read: its view is its text, and its words are the text's. */
  @Property(tries = 300)
  void aFieldsViewIsItsText(@ForAll("rows") List<List<String>> rows, @ForAll("bad") List<Integer> bad)
      throws IOException {
    Path dir = Files.createTempDirectory("csvtext");
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("a,b,c\n".getBytes(StandardCharsets.UTF_8));
      for (int r = 0; r < rows.size(); r++) {
        if (bad.contains(r)) {
          // A row that is not UTF-8 and one with a field too many: reported and skipped.
          out.writeBytes(new byte[] {'x', ',', (byte) 0xFF, ',', 'y', '\n'});
          out.writeBytes("1,2,3,4\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(line(rows.get(r)).getBytes(StandardCharsets.UTF_8));
      }
      Files.write(dir.resolve("t.csv"), out.toByteArray());
      List<Problem> problems = new ArrayList<>();
      int read = 0;
      try (CsvTable t = CsvTable.open(dir, "t.csv", List.of("a", "b", "c"), problems::add)) {
        while (t.next(problems::add)) {
          List<String> row = rows.get(read++);
          for (int c = 0; c < 3; c++) {
            String text = t.get(c);
            assertThat(text).isEqualTo(csv(row.get(c)));
            CharSequence view = t.text(c);
            assertThat(view.length()).isEqualTo(text.length());
            assertThat(view.toString()).isEqualTo(text);
            for (int i = 0; i < text.length(); i++) {
              assertThat(view.charAt(i)).isEqualTo(text.charAt(i));
            }
            Statistics.label("view").collect(view instanceof String ? "string" : "view");
            for (String w : WORDS) {
              assertThat(t.isAscii(c, w)).as("%s is %s", text, w)
                  .isEqualTo(text.toLowerCase(Locale.ROOT).equals(w) && isAscii(text)
                      && !row.get(c).contains("\""));
            }
          }
        }
      }
      assertThat(read).isEqualTo(rows.size());
      assertThat(problems).hasSize(2 * (int) bad.stream().filter(b -> b < rows.size()).count());
    } finally {
      for (String f : List.of("t.csv")) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }

  /**
   * The parser's eight-bytes-at-a-time scan finds the first byte that ends an unquoted field or
   * is not ASCII, as a byte-by-byte look does.
   */
  @Property(tries = 3000)
  void eightBytesAtATimeFindTheFirstSpecialByte(@ForAll("eightBytes") byte[] b) {
    long x = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    int first = 8;
    for (int i = 0; i < 8; i++) {
      if (b[i] == ',' || b[i] == '\n' || b[i] == '\r' || b[i] < 0) {
        first = i;
        break;
      }
    }
    Statistics.label("first").collect(first);
    long hit = CsvTable.special(x);
    assertThat(hit == 0 ? 8 : Long.numberOfTrailingZeros(hit) >>> 3).isEqualTo(first);
  }

  @Provide
  Arbitrary<byte[]> eightBytes() {
    Arbitrary<Byte> common = Arbitraries.of((byte) ',', (byte) '\n', (byte) '\r', (byte) 0,
        (byte) 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xc3, (byte) 'a', (byte) ' ',
        (byte) 0x2b, (byte) 0x2d, (byte) 0x0b, (byte) 0x0c, (byte) 0x0e, (byte) 0x09);
    Arbitrary<Byte> any = Arbitraries.bytes();
    Arbitrary<Byte> letters = Arbitraries.bytes().between((byte) 'a', (byte) 'z');
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, letters),
        net.jqwik.api.Tuple.of(2, common), net.jqwik.api.Tuple.of(1, any))
        .array(byte[].class).ofSize(8);
  }

  /** Dates and date-times read from a view are those read from the text. */
  @Property(tries = 2000)
  void instantsFromAViewAreThoseOfTheText(@ForAll("dates") String text) {
    Instants instants = new Instants(ZoneId.of("America/Denver"));
    Instant fromText = instants.parse(text);
    Instant fromView = new Instants(ZoneId.of("America/Denver")).parse(new StringBuilder(text));
    Statistics.label("read").collect(fromText != null);
    assertThat(fromView).isEqualTo(fromText);
    Instants.Dates dates = new Instants.Dates();
    LocalDate day = dayOrNull(dates, text);
    assertThat(dayOrNull(new Instants.Dates(), new StringBuilder(text))).isEqualTo(day);
    // and again, from the day kept from the text before
    assertThat(dayOrNull(dates, new StringBuilder(text))).isEqualTo(day);
    // from the bytes: a day where the form is dddd-dd-dd, the text's day if there is one
    byte[] b = ("x" + text + "y").getBytes(StandardCharsets.UTF_8);
    int ymd = Instants.Dates.isoDay(b, 1, b.length - 1);
    Statistics.label("bytes").collect(ymd >= 0);
    if (ymd >= 0) {
      LocalDate fromBytes;
      try {
        fromBytes = dates.day(ymd);
      } catch (java.time.DateTimeException e) {
        fromBytes = null;
      }
      assertThat(fromBytes).isEqualTo(day);
    } else {
      assertThat(text.length() == 10 && text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")).isFalse();
    }
  }

  /**
   * A whole organisation read from files whose texts are views is the one built from the same
   * values as {@code String}s: ids, names and emails in any script, quoted or not, buyer types
   * and statuses in any case; read keeping the distributors' names only, the same but for the
   * other contact details.
   */
  @Property(tries = 60)
  void readingTheFilesIsBuildingFromTheTexts(@ForAll("names") List<String> names,
      @ForAll("statuses") List<String> statuses) throws IOException {
    CompPlan plan = PlanFiles.bundled("seed");
    Path dir = Files.createTempDirectory("csvorg");
    try {
      StringBuilder ds = new StringBuilder("id,sponsor_id,join_date,name,email,phone\n");
      StringBuilder cs = new StringBuilder("id,distributor_id,name,email\n");
      StringBuilder os = new StringBuilder("id,buyer_type,buyer_id,date,pv,cv,amount,status\n");
      Organisation.Builder expected = Organisation.builder();
      List<String> types = plan.volumeTypes();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        String id = "D" + i + name.replaceAll("[\\s,\"]", "");
        String sponsor = i == 0 ? "" : "D" + (i - 1) + names.get(i - 1).replaceAll("[\\s,\"]", "");
        String phone = i % 3 == 0 ? "" : "+1 " + name.strip();
        ds.append(line(List.of(id, sponsor, "2020-01-0" + (1 + i % 9), name, name + "@x", phone)));
        expected.distributor(id, sponsor.isEmpty() ? null : sponsor,
            LocalDate.of(2020, 1, 1 + i % 9), csv(name), csv(name + "@x"),
            phone.isEmpty() ? null : csv(phone));
        String customer = "C" + i + name.replaceAll("[\\s,\"]", "");
        cs.append(line(List.of(customer, id, name, "")));
        expected.customer(customer, id, csv(name), "", null);
        String status = statuses.get(i % statuses.size());
        String type = i % 2 == 0 ? "d" : "C";
        String order = "O" + i + name.replaceAll("[\\s,\"]", "");
        os.append(line(List.of(order, type, i % 2 == 0 ? id : customer, "2026-11-0" + (1 + i % 9)
            + "T10:1" + i % 10, "12.50", "10", "15.00", status)));
        expected.order(order, i % 2 == 0 ? BuyerType.DISTRIBUTOR : BuyerType.CUSTOMER,
            i % 2 == 0 ? id : customer,
            LocalDate.of(2026, 11, 1 + i % 9).atTime(10, 10 + i % 10)
                .atZone(plan.zone()).toInstant(),
            status(status), new BigDecimal("15.00"), types,
            new BigDecimal("12.5")); // the seed plan's one type, PV; cv is not the plan's
      }
      Files.writeString(dir.resolve("distributors.csv"), ds);
      Files.writeString(dir.resolve("customers.csv"), cs);
      Files.writeString(dir.resolve("orders.csv"), os);
      Organisation built = expected.build();
      Organisation read;
      try {
        read = CsvOrganisation.read(dir, plan, Progress.silent());
      } catch (ValidationException e) {
        throw new AssertionError(e.problems().toString(), e);
      }
      assertThat(read.distributors()).isEqualTo(built.distributors());
      assertThat(read.customers()).isEqualTo(built.customers());
      assertThat(read.orders()).isEqualTo(built.orders());
      // Keeping the distributors' names only: the same rows, without the other contact details.
      Organisation namesOnly = CsvOrganisation.read(dir, plan, Progress.silent(),
          CsvOrganisation.Contacts.DISTRIBUTOR_NAMES);
      assertThat(namesOnly.distributors()).isEqualTo(built.distributors().stream()
          .map(d -> Distributor.of(d.id(), d.sponsorId().orElse(null), d.joinDate(), d.name(), ""))
          .toList());
      assertThat(namesOnly.customers()).isEqualTo(built.customers().stream()
          .map(c -> Customer.of(c.id(), c.distributorId(), "", "")).toList());
      assertThat(namesOnly.orders()).isEqualTo(built.orders());
    } finally {
      for (String f : List.of("distributors.csv", "customers.csv", "orders.csv")) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }

  private static OrderStatus status(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "", "paid" -> OrderStatus.PAID;
      case "returned" -> OrderStatus.RETURNED;
      default -> OrderStatus.CANCELLED;
    };
  }

  private static LocalDate dayOrNull(Instants.Dates dates, CharSequence text) {
    try {
      return dates.parse(text);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** What the reader makes of a field {@link #line} wrote: quoted as it is, else stripped. */
  private static String csv(String field) {
    if (quoted(field)) {
      return field;
    }
    int s = 0;
    int e = field.length();
    while (s < e && (field.charAt(s) == ' ' || field.charAt(s) == '\t')) {
      s++;
    }
    while (e > s && (field.charAt(e - 1) == ' ' || field.charAt(e - 1) == '\t')) {
      e--;
    }
    return field.substring(s, e);
  }

  private static boolean quoted(String f) {
    return f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")
        || f.startsWith("q");
  }

  private static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }

  /** A CSV line: a field with a comma, quote or line break quoted, some others too. */
  private static String line(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      if (i > 0) {
        b.append(',');
      }
      if (quoted(f)) {
        b.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        b.append(f);
      }
    }
    return b.append('\n').toString();
  }

  @Provide
  Arbitrary<List<List<String>>> rows() {
    Arbitrary<String> field = Arbitraries.oneOf(
        Arbitraries.of("d", "D", "c", " C ", "paid", "PAID", "Returned", "cancelled", "CANCELED",
            "paid\"\"", "q", "qpaid", "pa id", "\u0130d", "d\u0307", "caf\u00e9", ""),
        Arbitraries.strings().withChars("abcDC,\" \t\u00e9\u6f22\n").ofMaxLength(8),
        Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(30),
        Arbitraries.strings().withChars("abc \u00e9,\r").ofMinLength(7).ofMaxLength(20));
    return field.list().ofSize(3).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<Integer>> bad() {
    return Arbitraries.integers().between(0, 12).list().ofMaxSize(2).uniqueElements();
  }

  @Provide
  Arbitrary<String> dates() {
    Arbitrary<String> shaped = Combinators.combine(Arbitraries.integers().between(1990, 2040),
        Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32),
        Arbitraries.of("", "T10:15", " 23:59:59", "T24:00", "T10:15:00Z", "T10:15+01:00",
            "T1:5", "x"))
        .as((y, m, d, t) -> String.format(Locale.ROOT, "%04d-%02d-%02d%s", y, m, d, t));
    return Arbitraries.oneOf(shaped, Arbitraries.strings().withChars("0123456789-T: Z")
        .ofMaxLength(20), Arbitraries.of("2026-11-03", "2024-02-29", "2023-02-29",
            "\u0662\u0660\u0662\u0666-11-03"));
  }

  @Provide
  Arbitrary<List<String>> names() {
    return Arbitraries.strings().withChars("abcXYZ \u00e9\u00f1\u6f22\u0130,\"\uD83D\uDE00")
        .ofMinLength(1).ofMaxLength(10)
        // text a file can hold: a surrogate only in a pair
        .filter(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
            .equals(s))
        .filter(s -> !s.isBlank()
            && !s.replaceAll("[\\s,\"]", "").isEmpty())
        .list().ofMinSize(1).ofMaxSize(15)
        .filter(l -> l.stream().map(s -> s.replaceAll("[\\s,\"]", "")).distinct().count()
            == l.size());
  }

  @Provide
  Arbitrary<List<String>> statuses() {
    return Arbitraries.of("", "paid", "PAID", "Paid", "returned", "RETURNED", "cancelled",
        "Canceled", " paid ").list().ofMinSize(1).ofMaxSize(5);
  }
}
