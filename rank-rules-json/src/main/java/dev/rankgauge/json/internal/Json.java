package dev.rankgauge.json.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one configured mapper: bounded reads for untrusted files, exact decimals, no class names
 * from documents (polymorphic records are keyed by a fixed set of kind names, never by class).
 */
public final class Json {
  /** The largest document read, in bytes or characters. */
  public static final int MAX_DOCUMENT = 4 * 1024 * 1024;
  /** The deepest nesting of arrays and objects. */
  public static final int MAX_NESTING = 32;

  /** Reads and writes plan documents; thread-safe. */
  public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxDocumentLength(MAX_DOCUMENT)
              .maxNestingDepth(MAX_NESTING)
              .maxNumberLength(40)
              .maxStringLength(64 * 1024)
              .maxNameLength(1024)
              .maxTokenCount(500_000)
              .build())
          .build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      // The schema reports unknown fields with a "did you mean"; binding then skips them, so that
      // one misspelling does not hide the plan's other problems.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      // 100.0 stays 100.0: plans compare volumes with their scale, as BigDecimal.equals does.
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private Json() {}
}
