package dev.rankgauge.io;

import dev.rankgauge.DistributorProjection;
import dev.rankgauge.Metric;
import dev.rankgauge.ProjectedGauge;
import dev.rankgauge.Projection;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Month-end projections as JSON and CSV: one distributor's in full, or every distributor's as JSON
 * Lines or a CSV row each, in input order.
 *
 * <p>One distributor's JSON object:
 *
 * <pre>{@code
 * {"id": "D100", "by": "2026-11-30", "asOf": "2026-11-12T19:00:00Z", "level": 0.8,
 *  "basis": "history",
 *  "gauges": [{"metric": "personalSales", "current": 1150, "projected": 1240,
 *              "low": 1050, "high": 1430}, ...],
 *  "rank": "GLD", "likelihood": 0.72}
 * }</pre>
 *
 * <p>{@code basis} is {@code history} or {@code periodSoFar}; without a history {@code low},
 * {@code high} and {@code likelihood} are null. Numbers are exact decimals, written plain. A CSV
 * row has {@code id}, {@code by}, {@code basis}, then for each gauge ({@code personal_sales},
 * {@code group_sales}, {@code active_personal_customers}, {@code active_personal_distributors})
 * {@code <gauge>_now}, {@code <gauge>_projected}, {@code <gauge>_low} and {@code <gauge>_high},
 * then {@code rank} and {@code likelihood}; missing values are empty cells. Both JSON shapes
 * follow the JSON Schema {@value #SCHEMA}, a resource of this jar (also in the repository's
 * {@code docs/}).
 *
 * <p>Thread-safe: the methods keep no state between calls.
 */
public final class ProjectionResults {
  /** The class-path resource holding the JSON Schema of a distributor's projection. */
  public static final String SCHEMA = "/dev/rankgauge/io/projection.schema.json";

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final SerializableString NEW_LINE = new SerializedString("\n");

  private static final ObjectWriteContext LINES = new ObjectWriteContext.Base() {
    @Override
    public SerializableString getRootValueSeparator(SerializableString defaultSeparator) {
      return NEW_LINE;
    }
  };

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

  private ProjectionResults() {}

  /**
   * One distributor's projection as a JSON object, indented. The writer is flushed, not closed.
   *
   * @param projection the projection
   * @param distributorId one of its distributors
   * @param out where the object goes
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the projection has no such distributor
   */
  public static void writeJson(Projection projection, String distributorId, Writer out)
      throws IOException {
    Objects.requireNonNull(projection, "projection must not be null");
    Objects.requireNonNull(distributorId, "distributorId must not be null");
    Objects.requireNonNull(out, "out must not be null");
    DistributorProjection p = projection.of(distributorId);
    try (JsonGenerator g = FACTORY.createGenerator(PRETTY, out)) {
      object(g, projection, p);
    } catch (JacksonException x) {
      throw unwrap(x);
    }
    out.write('\n');
    out.flush();
  }

  /**
   * Every distributor's projection as JSON Lines, in input order. The writer is flushed, not
   * closed.
   *
   * @param projection the projection
   * @param out where the lines go
   * @param progress told of the lines written; {@link Progress#silent()} for none
   * @throws IOException if writing fails
   */
  public static void writeJsonLines(Projection projection, Writer out, Progress progress)
      throws IOException {
    Objects.requireNonNull(projection, "projection must not be null");
    Objects.requireNonNull(out, "out must not be null");
    Objects.requireNonNull(progress, "progress must not be null");
    int n = projection.evaluation().organisation().distributorCount();
    try (JsonGenerator g = FACTORY.createGenerator(LINES, out)) {
      for (int row = 0; row < n; row++) {
        object(g, projection, projection.row(row));
        if ((row + 1) % 100_000 == 0) {
          progress.count(progress.words("projectionsWritten"), row + 1L);
        }
      }
    } catch (JacksonException x) {
      throw unwrap(x);
    }
    if (n > 0) {
      out.write('\n');
    }
    out.flush();
  }

  /**
   * Every distributor's projection as CSV with a header row, in input order. Cells are
   * neutralised against formula injection as in {@link ResultsCsv}. The writer is flushed, not
   * closed.
   *
   * @param projection the projection
   * @param out where the rows go
   * @param progress told of the rows written; {@link Progress#silent()} for none
   * @throws IOException if writing fails
   */
  public static void writeCsv(Projection projection, Writer out, Progress progress)
      throws IOException {
    Objects.requireNonNull(projection, "projection must not be null");
    Objects.requireNonNull(out, "out must not be null");
    Objects.requireNonNull(progress, "progress must not be null");
    StringBuilder sb = new StringBuilder(256);
    sb.append("id,by,basis");
    for (Metric m : Metric.values()) {
      String g = m.name().toLowerCase(Locale.ROOT);
      sb.append(',').append(g).append("_now,").append(g).append("_projected,").append(g)
          .append("_low,").append(g).append("_high");
    }
    sb.append(",rank,likelihood\n");
    out.write(sb.toString());
    String by = projection.by().toString();
    String basis = basis(projection);
    int n = projection.evaluation().organisation().distributorCount();
    for (int row = 0; row < n; row++) {
      DistributorProjection p = projection.row(row);
      sb.setLength(0);
      ResultsCsv.field(sb, p.distributorId()).append(',').append(by).append(',').append(basis);
      for (ProjectedGauge g : p.gauges()) {
        sb.append(',').append(ResultsCsv.plain(g.current())).append(',')
            .append(ResultsCsv.plain(g.projected())).append(',');
        g.interval().ifPresent(i -> sb.append(ResultsCsv.plain(i.low())));
        sb.append(',');
        g.interval().ifPresent(i -> sb.append(ResultsCsv.plain(i.high())));
      }
      sb.append(',');
      ResultsCsv.field(sb, p.rank().code()).append(',');
      p.likelihood().ifPresent(l -> sb.append(l.toPlainString()));
      sb.append('\n');
      out.write(sb.toString());
      if ((row + 1) % 100_000 == 0) {
        progress.count(progress.words("projectionsWritten"), row + 1L);
      }
    }
    out.flush();
  }

  private static void object(JsonGenerator g, Projection projection, DistributorProjection p) {
    g.writeStartObject();
    g.writeStringProperty("id", p.distributorId());
    g.writeStringProperty("by", projection.by().toString());
    g.writeStringProperty("asOf", projection.evaluation().asOf().toString());
    g.writeName("level");
    g.writeNumber(BigDecimal.valueOf(projection.level()));
    g.writeStringProperty("basis", basis(projection));
    g.writeName("gauges");
    g.writeStartArray();
    for (ProjectedGauge pg : p.gauges()) {
      g.writeStartObject();
      g.writeStringProperty("metric", ResultsJson.camel(pg.metric()));
      ResultsJson.number(g, "current", pg.current());
      ResultsJson.number(g, "projected", pg.projected());
      ResultsJson.number(g, "low", pg.interval().map(ProjectedGauge.Interval::low).orElse(null));
      ResultsJson.number(g, "high", pg.interval().map(ProjectedGauge.Interval::high).orElse(null));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringProperty("rank", p.rank().code());
    ResultsJson.number(g, "likelihood", p.likelihood().orElse(null));
    g.writeEndObject();
  }

  private static String basis(Projection projection) {
    return projection.basis() == Projection.Basis.HISTORY ? "history" : "periodSoFar";
  }

  private static IOException unwrap(JacksonException x) {
    return x.getCause() instanceof IOException io ? io : new IOException(x.getMessage(), x);
  }
}
