package dev.rankgauge.json;

import dev.rankgauge.internal.json.JsonTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/** JSON documents as trees, and their equality up to layout and member order. */
final class Trees {
  private Trees() {}

  static JsonTree.Node read(String text) {
    try {
      return JsonTree.parse(text, new ArrayList<>());
    } catch (JsonTree.SyntaxError e) {
      throw new AssertionError("not JSON: " + e.getMessage() + " at " + e.line + ":" + e.column);
    }
  }

  static JsonTree.Node read(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Equal values: numbers by value, objects by members in any order, arrays in order. */
  static boolean same(JsonTree.Node a, JsonTree.Node b) {
    return JsonTree.sameValue(a, b);
  }
}
