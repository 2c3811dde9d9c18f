package dev.rankgauge.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where results go: stdout, or a file that appears only when complete. A file is written under a
 * temporary name beside it and moved into place at the end, so a failed run leaves no partial
 * output and an older file of that name stays as it was.
 */
final class Output {
  /** Writes text to a {@link Writer}. */
  interface Body {
    void write(Writer out) throws IOException;
  }

  private Output() {}

  /** Writes to {@code file}, or to {@code stdout} when {@code file} is null. */
  static void write(Path file, PrintWriter stdout, Body body) throws IOException {
    if (file == null) {
      body.write(stdout);
      stdout.flush();
      if (stdout.checkError()) {
        throw new IOException("cannot write to stdout");
      }
      return;
    }
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "the folder for --out does not exist");
    }
    // Not Files.createTempFile: its owner-only permissions would stay on the result.
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid()
        + ".tmp");
    try {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
          1 << 16)) {
        body.write(w);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
