package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.DistributorResult;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Gauge;
import dev.rankgauge.History;
import dev.rankgauge.Order;
import dev.rankgauge.Organisation;
import dev.rankgauge.Overrides;
import dev.rankgauge.Period;
import dev.rankgauge.Rank;
import dev.rankgauge.RankGauge;
import dev.rankgauge.RequirementStatus;
import dev.rankgauge.ResultTable;
import dev.rankgauge.json.PlanFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON Lines as the bulk writer makes them (rows gathered a chunk at a time, bytes copied and
 * escaped, chunks formatted in parallel) are, byte for byte, the lines jackson-core's generator
 * writes from each distributor's full result, one at a time: for any names, e-mails and phones,
 * both bundled plans, waivers and forced ranks, in English and Spanish.
 */
class JsonLinesPropertiesTest {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  @Property(tries = 2000)
  void textsAreEscapedAsJacksonEscapesThem(@ForAll("texts") String s) {
    assertThat(new String(Utf8Buffer.json(s), StandardCharsets.UTF_8)).isEqualTo(jackson(s));
    Utf8Buffer b = new Utf8Buffer(3);
    b.ascii('x');
    int at = b.length();
    b.text(s);
    b.jsonEscape(at);
    assertThat(b.toString()).isEqualTo("x" + jackson(s).substring(1, jackson(s).length() - 1));
  }

  @Example
  void aPhoneAndSponsorAfterAFullBufferAreWrittenWhole() throws IOException {
    // Found by the property below (doTERRA-like plan, seed 7, 2,683 distributors, the root
    // locale): the buffer was full just before D1951's phone, its opening quote grew the buffer,
    // and the phone came out as five NUL bytes; the same could befall the sponsor's id.
    linesAreWhatTheGeneratorWritesFromEachFullResult("doterra", 7, 2683, Locale.ROOT);
  }

  @Property(tries = 25)
  void linesAreWhatTheGeneratorWritesFromEachFullResult(
      @ForAll("plans") String planName, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5000) int size, @ForAll("locales") Locale locale)
      throws IOException {
    CompPlan plan = PlanFiles.bundled(planName);
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      texts.add(text(random));
    }
    Evaluation e = evaluation(plan, random, size, texts);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultsJson.writeAll(e, bytes, Progress.silent(), locale);

    IoTexts words = new IoTexts(locale, plan.qualifyingVolumeType());
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (Distributor d : e.organisation().distributors()) {
      line(expected, e, e.result(d.id()), words);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(expected.toString(StandardCharsets.UTF_8));
    Statistics.label("more than one chunk").collect(size > Chunks.SIZE);
  }

  /** Characters that JSON escapes, or that take several bytes, among plain ones. */
  private static final String[] PIECES = {"a", "Z", " ", "é", "\"", "\\", "\n", "\t", "\u0001",
      "\u001F", "日", "\uD83D\uDE00", ",", "=", "/", "\u007F", "\u2028"};

  private static String text(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int k = random.nextInt(12); k > 0; k--) {
      sb.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : "x");
    }
    return sb.toString();
  }

  /** An organisation of {@code size} distributors with random texts, orders and overrides. */
  private static Evaluation evaluation(CompPlan plan, Random random, int size,
      List<String> texts) {
    Organisation.Builder b = Organisation.builder();
    for (int i = 0; i < size; i++) {
      String sponsor = i == 0 ? null : "D" + random.nextInt(i);
      String name = "N" + texts.get(i);
      String phone = random.nextInt(3) == 0 ? null : texts.get((i + 1) % size);
      b.add(new Distributor("D" + i, java.util.Optional.ofNullable(sponsor),
          LocalDate.of(2025, 1, 1), name, "e" + texts.get((i + 2) % size),
          java.util.Optional.ofNullable(phone)));
    }
    int orders = 0;
    for (int i = 0; i < size; i++) {
      for (int c = random.nextInt(3); c > 0; c--) {
        String id = "C" + i + "-" + c;
        b.add(Customer.of(id, "D" + i, "Cee", id + "@example.com"));
        if (random.nextBoolean()) {
          b.add(Order.byCustomer("O" + orders++, id, Instant.parse("2026-11-05T10:00:00Z"),
              new BigDecimal(random.nextInt(30000)).movePointLeft(random.nextInt(3))));
        }
      }
      if (random.nextInt(3) > 0) {
        b.add(Order.byDistributor("O" + orders++, "D" + i, Instant.parse("2026-11-03T12:00:00Z"),
            new BigDecimal(random.nextInt(900))));
      }
    }
    List<Rank> ranks = plan.ranks();
    List<Overrides.Entry> entries = new ArrayList<>();
    for (int k = random.nextInt(Math.min(size, 20)); k > 0; k--) {
      String id = "D" + random.nextInt(size);
      Rank r = ranks.get(1 + random.nextInt(ranks.size() - 1));
      Overrides.Waiver waiver = new Overrides.Waiver(id, r.code(),
          1 + random.nextInt(r.requirements().size()));
      // The same waiver twice is a problem of the overrides (each override once), not a case.
      if (random.nextBoolean()) {
        if (!entries.contains(waiver)) {
          entries.add(waiver);
        }
      } else if (entries.stream().noneMatch(x -> x.distributorId().equals(id)
          && x instanceof Overrides.MinimumRank)) {
        entries.add(new Overrides.MinimumRank(id, r.code()));
      }
    }
    Period p = Period.month(2026, 11);
    return RankGauge.evaluate(b.build(), plan, p, p.endInstant(plan.zone()), History.empty(),
        Overrides.of(entries));
  }

  /** One line as the generator writes it from the full result: the shape of the JSON Schema. */
  private static void line(ByteArrayOutputStream out, Evaluation e, DistributorResult r,
      IoTexts words) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      Distributor d = r.distributor();
      g.writeStartObject();
      g.writeStringProperty("id", d.id());
      g.writeStringProperty("name", d.name());
      g.writeStringProperty("email", d.email());
      g.writeStringProperty("phone", d.phone().orElse(null));
      g.writeStringProperty("sponsorId", d.sponsorId().orElse(null));
      g.writeBooleanProperty("active", r.active());
      g.writeName("plan");
      g.writeStartObject();
      g.writeStringProperty("name", e.plan().name());
      g.writeStringProperty("version", e.plan().version());
      g.writeEndObject();
      g.writeName("period");
      g.writeStartObject();
      g.writeStringProperty("start", e.period().start().toString());
      g.writeStringProperty("end", e.period().end().toString());
      g.writeStringProperty("state", e.period().state().name().toLowerCase(Locale.ROOT));
      g.writeEndObject();
      g.writeStringProperty("asOf", e.asOf().toString());
      g.writeName("paidAs");
      rank(g, r.paidAs());
      g.writeName("nextRank");
      rank(g, r.nextRank().orElse(null));
      g.writeName("title");
      rank(g, r.title());
      g.writeName("held");
      if (r.held().isEmpty()) {
        g.writeNull();
      } else {
        g.writeStartObject();
        g.writeName("qualifiedAs");
        rank(g, r.held().get().qualifiedAs());
        g.writeNumberProperty("periodsHeld", r.held().get().periodsHeld());
        g.writeNumberProperty("periodsLeft", r.held().get().periodsLeft());
        g.writeEndObject();
      }
      g.writeName("qualifiedAs");
      rank(g, r.qualifiedAs());
      g.writeName("overrides");
      g.writeStartArray();
      for (Overrides.Entry o : r.overrides()) {
        g.writeStartObject();
        String code = o.code();
        int space = code.indexOf(' ');
        g.writeStringProperty("kind", space < 0 ? code : code.substring(0, space));
        if (o instanceof Overrides.MinimumRank m) {
          g.writeStringProperty("rank", m.rank());
        } else if (o instanceof Overrides.Waiver w) {
          g.writeStringProperty("rank", w.rank());
          g.writeNumberProperty("requirement", w.requirement());
        }
        g.writeStringProperty("code", code);
        g.writeStringProperty("description", o.describe(words.locale()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("gauges");
      g.writeStartArray();
      for (Gauge ga : r.gauges()) {
        g.writeStartObject();
        g.writeStringProperty("metric", ResultsJson.camel(ga.metric()));
        g.writeStringProperty("label", words.label(ga.metric()));
        number(g, "value", ga.value());
        g.writeStringProperty("rank", ga.rank().code());
        g.writeStringProperty("nextRank", ga.nextRank().map(Rank::code).orElse(null));
        number(g, "remaining", ga.remaining().orElse(null));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("gap");
      if (r.gap().isEmpty()) {
        g.writeNull();
      } else {
        g.writeStartObject();
        g.writeStringProperty("rank", r.gap().get().rank().code());
        g.writeName("requirements");
        g.writeStartArray();
        for (RequirementStatus s : r.gap().get().requirements()) {
          g.writeStartObject();
          g.writeStringProperty("code", ResultTable.code(s.requirement()));
          g.writeStringProperty("requirement", words.requirement(s));
          g.writeBooleanProperty("met", s.met());
          number(g, "required", s.required());
          number(g, "actual", s.actual());
          number(g, "remaining", s.remaining());
          number(g, "percentComplete", s.percentComplete());
          if (s.note().isPresent()) {
            g.writeStringProperty("note", words.note(s.note().get()));
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void rank(JsonGenerator g, Rank r) {
    if (r == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringProperty("code", r.code());
    g.writeStringProperty("name", r.name());
    g.writeEndObject();
  }

  /** As the schema asks: a plain decimal without trailing zeros (0 for any zero), or null. */
  private static void number(JsonGenerator g, String name, BigDecimal d) {
    g.writeName(name);
    if (d == null) {
      g.writeNull();
    } else {
      g.writeNumber(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    }
  }

  private static String jackson(String s) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), w)) {
      g.writeString(s);
    }
    return w.toString();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(30),
        // U+E000 stands for a pair of surrogates: texts in the organisation are well formed.
        Arbitraries.strings().withChars("aé,\"\\\n\r\t\b\f\u0000\u001F\u007F/日\uE000\u2028")
            .ofMaxLength(20).map(x -> x.replace("\uE000", "\uD83D\uDE00")));
  }

  @Provide
  Arbitrary<String> plans() {
    return Arbitraries.of("seed", "doterra");
  }

  @Provide
  Arbitrary<Locale> locales() {
    return Arbitraries.of(Locale.ENGLISH, Locale.forLanguageTag("es-MX"), Locale.ROOT);
  }
}
