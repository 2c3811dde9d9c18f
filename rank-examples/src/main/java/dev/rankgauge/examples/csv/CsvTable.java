package dev.rankgauge.examples.csv;

import dev.rankgauge.Problem;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file read a row at a time, with its header mapped to column positions and every row's
 * line number, so that a value can be located as {@code file:line:column}. Holds one record at a
 * time. Not thread-safe.
 */
final class CsvTable implements Closeable {
  /** RFC 4180; blank lines come through as records so that line numbers stay exact. */
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreEmptyLines(false)
      .setIgnoreSurroundingSpaces(true)
      .get();
  private static final int BUFFER = 1 << 16;

  private final String file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private Header header;
  private CSVRecord current;
  private long line;
  private boolean broken;

  private CsvTable(String file, CSVParser parser) {
    this.file = file;
    this.parser = parser;
    this.records = parser.iterator();
  }

  /**
   * Opens {@code dir/file} and reads its header. A header lacking a required column, or naming a
   * column twice, is reported and leaves the table {@link #broken()}.
   */
  static CsvTable open(Path dir, String file, List<String> required, Consumer<Problem> problems)
      throws IOException {
    // Bytes that are not UTF-8 become U+FFFD, which next() reports at its row and column: a
    // strict decoder would fail a whole buffer ahead of the row being parsed.
    BufferedReader in = new BufferedReader(new InputStreamReader(
        Files.newInputStream(dir.resolve(file)), StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)), BUFFER);
    CsvTable t = new CsvTable(file, FORMAT.parse(in));
    t.readHeader(required, problems);
    return t;
  }

  private void readHeader(List<String> required, Consumer<Problem> problems) {
    if (!next(problems)) {
      if (!broken) {
        problems.accept(new Problem(file + ":1", "the file is empty; it needs a header line with "
            + String.join(",", required)));
      }
      broken = true;
      header = new Header(List.of(), Map.of());
      return;
    }
    List<String> names = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < current.size(); i++) {
      String name = current.get(i).strip().toLowerCase(Locale.ROOT);
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1).strip();
      }
      names.add(name);
      if (!name.isEmpty() && index.putIfAbsent(name, i) != null) {
        problems.accept(new Problem(where(i), "column " + name + " appears twice in the header"
            + " (columns " + (index.get(name) + 1) + " and " + (i + 1) + ")"));
        broken = true;
      }
    }
    header = new Header(names, index);
    List<String> missing = new ArrayList<>();
    for (String r : required) {
      if (!index.containsKey(r)) {
        missing.add(r);
      }
    }
    if (!missing.isEmpty()) {
      problems.accept(new Problem(file + ":" + line, "missing column" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + "; the header has " + header()));
      broken = true;
    }
  }

  /** Whether the header is unusable; the rows are then not read. */
  boolean broken() {
    return broken;
  }

  /** The header as written, for messages. */
  String header() {
    return String.join(",", header.names());
  }

  Header headerInfo() {
    return header;
  }

  /** The position of a column, -1 if the header lacks it. */
  int column(String name) {
    return header.column(name);
  }

  /** The name of the column at a position. */
  String name(int column) {
    return header.names().get(column);
  }

  /**
   * Moves to the next row that is not blank. A row whose field count differs from the header's
   * is reported and skipped; text that is not CSV or not UTF-8 is reported and ends the file.
   *
   * @return false at the end of the file
   */
  boolean next(Consumer<Problem> problems) {
    while (true) {
      if (broken && header != null) {
        return false;
      }
      long start = parser.getCurrentLineNumber() + 1;
      try {
        if (!records.hasNext()) {
          return false;
        }
        current = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        problems.accept(new Problem(file + ":" + start, unreadable(e)));
        broken = true;
        return false;
      }
      line = start;
      if (current.size() == 1 && current.get(0).isEmpty()) {
        continue;
      }
      int bad = notUtf8(current);
      if (bad >= 0) {
        problems.accept(new Problem(where(bad), "bytes that are not UTF-8 text; save the file"
            + " as UTF-8"));
        continue;
      }
      if (header != null && current.size() != header.names().size()) {
        problems.accept(new Problem(where(Math.min(current.size(), header.names().size())),
            "the row has " + current.size() + (current.size() == 1 ? " field" : " fields")
                + ", the header " + header.names().size()));
        continue;
      }
      return true;
    }
  }

  /** The first column holding a character the decoder could not read, or -1. */
  private static int notUtf8(CSVRecord r) {
    for (int i = 0; i < r.size(); i++) {
      if (r.get(i).indexOf('\uFFFD') >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String unreadable(RuntimeException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String m = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return "not valid CSV: " + m.replaceFirst("^\\(line \\d+\\) ", "")
        + " (a field with a comma, quote or line break must be in double quotes,"
        + " with quotes doubled)";
  }

  /** The value at a column of the current row, stripped; empty for an absent column. */
  String get(int column) {
    return column < 0 ? "" : current.get(column);
  }

  /** The line the current row starts on, 1-based. */
  long line() {
    return line;
  }

  /** {@code file:line:column} of a column of the current row. */
  String where(int column) {
    return file + ":" + line + ":" + (column + 1);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /** A header: column names in order, lower case, and their positions. */
  record Header(List<String> names, Map<String, Integer> index) {
    int column(String name) {
      return index.getOrDefault(name, -1);
    }
  }
}
