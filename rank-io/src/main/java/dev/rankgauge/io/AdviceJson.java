package dev.rankgauge.io;

import dev.rankgauge.Advice;
import dev.rankgauge.AdviceStep;
import dev.rankgauge.Evaluation;
import dev.rankgauge.FocusEntry;
import dev.rankgauge.Order;
import dev.rankgauge.ResultTable;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * One distributor's advice towards the next rank as JSON ({@link Evaluation#advice}): the rank,
 * whether the steps alone reach it, the volume to add, and each step with the people it names
 * (contact details as in the focus lists), the legs it concerns and the hypothetical orders that
 * take it. At the top of the ladder {@code rank} is null and there are no steps. Numbers are exact
 * decimals, written plain. Written with jackson-core's streaming generator alone. The object
 * follows the JSON Schema {@value #SCHEMA}, a resource of this jar (also in the repository's
 * {@code docs/}).
 *
 * <p>Thread-safe: the methods keep no state between calls.
 */
public final class AdviceJson {
  /** The class-path resource holding the JSON Schema of a distributor's advice. */
  public static final String SCHEMA = "/dev/rankgauge/io/advice.schema.json";

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return new DefaultPrettyPrinter();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  };

  private AdviceJson() {}

  /**
   * One distributor's advice, pretty-printed, followed by a line feed.
   *
   * @param e the evaluation
   * @param distributorId the distributor
   * @param out where the object goes; not closed
   * @param locale the language of the requirements' sentences
   * @throws java.util.NoSuchElementException if the evaluation has no such distributor
   * @throws tools.jackson.core.JacksonException if writing fails
   */
  public static void write(Evaluation e, String distributorId, Writer out, Locale locale) {
    Optional<Advice> advice = e.advice(distributorId);
    String volumeType = e.plan().qualifyingVolumeType();
    try (JsonGenerator g = FACTORY.createGenerator(PRETTY, out)) {
      g.writeStartObject();
      g.writeStringProperty("id", distributorId);
      g.writeStringProperty("period", e.period().toString());
      g.writeStringProperty("asOf", e.asOf().toString());
      g.writeStringProperty("volumeType", volumeType);
      g.writeName("paidAs");
      ResultsJson.rank(g, e.paidAs(distributorId));
      g.writeName("rank");
      ResultsJson.rank(g, advice.map(Advice::rank).orElse(null));
      g.writeStringProperty("by", advice.map(a -> a.by().toString()).orElse(null));
      g.writeBooleanProperty("complete", advice.map(Advice::complete).orElse(true));
      ResultsJson.number(g, "cost", advice.map(Advice::cost).orElse(BigDecimal.ZERO));
      steps(g, advice.map(Advice::steps).orElse(List.of()), volumeType, locale);
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void steps(JsonGenerator g, List<AdviceStep> steps, String volumeType,
      Locale locale) {
    g.writeName("steps");
    g.writeStartArray();
    for (AdviceStep s : steps) {
      g.writeStartObject();
      g.writeStringProperty("kind", ResultsJson.camel(s.kind().name()));
      g.writeStringProperty("code", ResultTable.code(s.requirement()));
      g.writeStringProperty("requirement", s.requirement().describe(volumeType, locale));
      ResultsJson.number(g, "volume", s.volume());
      if (s.volumeType().isPresent()) {
        g.writeStringProperty("volumeType", s.volumeType().get());
      }
      if (s.count() > 0) {
        g.writeNumberProperty("count", s.count());
      }
      if (s.side() > 0) {
        g.writeNumberProperty("side", s.side());
      }
      if (s.rank().isPresent()) {
        g.writeName("rank");
        ResultsJson.rank(g, s.rank().get());
      }
      if (!s.note().isEmpty()) {
        g.writeStringProperty("note", s.note());
      }
      g.writeBooleanProperty("concrete", s.concrete());
      people(g, "people", s.people());
      ids(g, "legs", s.legs());
      ids(g, "notHelping", s.notHelping());
      if (!s.steps().isEmpty()) {
        steps(g, s.steps(), volumeType, locale);
      }
      orders(g, s.orders());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void people(JsonGenerator g, String name, List<FocusEntry> people) {
    g.writeName(name);
    g.writeStartArray();
    for (FocusEntry f : people) {
      g.writeStartObject();
      g.writeStringProperty("kind", f.kind().name().toLowerCase(Locale.ROOT));
      g.writeStringProperty("id", f.id());
      g.writeStringProperty("name", f.name());
      g.writeStringProperty("email", f.email());
      g.writeStringProperty("phone", f.phone().orElse(null));
      g.writeBooleanProperty("active", f.active());
      g.writeStringProperty("lastOrderDate", f.lastOrderDate().map(LocalDate::toString)
          .orElse(null));
      ResultsJson.number(g, "volume", f.volume());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void ids(JsonGenerator g, String name, List<FocusEntry> people) {
    g.writeName(name);
    g.writeStartArray();
    for (FocusEntry f : people) {
      g.writeString(f.id());
    }
    g.writeEndArray();
  }

  private static void orders(JsonGenerator g, List<Order> orders) {
    g.writeName("orders");
    g.writeStartArray();
    for (Order o : orders) {
      g.writeStartObject();
      g.writeStringProperty("id", o.id());
      g.writeStringProperty("buyerType", o.buyerType().name().toLowerCase(Locale.ROOT));
      g.writeStringProperty("buyerId", o.buyerId());
      g.writeStringProperty("timestamp", o.timestamp().toString());
      g.writeName("volumes");
      g.writeStartObject();
      for (Map.Entry<String, BigDecimal> v : o.volumes().entrySet()) {
        ResultsJson.number(g, v.getKey(), v.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

}
