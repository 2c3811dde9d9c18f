package dev.rankgauge.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.internal.json.JsonTree;
import dev.rankgauge.json.internal.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/** The JSON Schemas the jars ship, read as the tests check output against them. */
final class JsonSchemas {
  private JsonSchemas() {}

  /**
   * The schema at a class-path resource, checked to be the same as the copy in docs/.
   *
   * @param resource the resource, such as {@code /dev/rankgauge/io/projection.schema.json}
   * @param docs the file name in docs/
   */
  static SchemaValidator shipped(String resource, String docs) throws IOException {
    String schema;
    try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(schema).isEqualTo(Files.readString(Path.of("..", "docs", docs)));
    return new SchemaValidator(tree(schema));
  }

  /** JSON as the schema validator reads it: the located tree that plan files use. */
  static JsonTree.Node tree(String text) {
    try {
      return JsonTree.parse(text, new ArrayList<>());
    } catch (JsonTree.SyntaxError e) {
      throw new AssertionError("not JSON: " + e.getMessage(), e);
    }
  }
}
