package dev.rankgauge.json.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The one configured parser factory: bounded reads for untrusted files. Plans are read into the
 * located tree of rank-json-internal and bound by hand ({@link Bind}), so nothing beyond
 * jackson-core's streaming API is used, and no document can name a class.
 */
public final class Json {
  /** The largest document read, in bytes or characters. */
  public static final int MAX_DOCUMENT = 4 * 1024 * 1024;
  /** The deepest nesting of arrays and objects. */
  public static final int MAX_NESTING = 32;

  /** Makes parsers for plan documents; thread-safe. */
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxDocumentLength(MAX_DOCUMENT)
          .maxNestingDepth(MAX_NESTING)
          .maxNumberLength(40)
          .maxStringLength(64 * 1024)
          .maxNameLength(1024)
          .maxTokenCount(500_000)
          .build())
      .build();

  private Json() {}
}
