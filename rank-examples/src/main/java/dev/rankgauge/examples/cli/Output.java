package dev.rankgauge.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where results go: stdout, or a file that appears only when complete. A file is written under a
 * temporary name beside it and moved into place at the end, so a failed run leaves no partial
 * output and an older file of that name stays as it was. The temporary file is removed when the
 * run fails, and when it is interrupted (Ctrl-C, a kill) too.
 *
 * <p>{@code --out} never replaces one of the run's input files, and never turns a device or a
 * named pipe into a regular file: those are written to in place. A symbolic link stays a link;
 * the file it points to is replaced. A failed write to stdout (a full disk, a closed pipe) is an
 * error.
 */
final class Output {
  /** Writes text to a {@link Writer}. */
  interface Body {
    void write(Writer out) throws IOException;
  }

  /** Writes text as UTF-8 bytes to an {@link OutputStream}. */
  interface Bytes {
    void write(OutputStream out) throws IOException;
  }

  /** Opens the file's stream or writer, writes into it and closes it. */
  private interface Into {
    void write(Path target, StandardOpenOption... options) throws IOException;
  }

  /** Temporary files being written; a shutdown hook removes them if the JVM is stopped. */
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Output::removePending, "rankgauge-cleanup"));
  }

  private Output() {}

  /** Writes to {@code file}, or to {@code stdout} when {@code file} is null. */
  static void write(Path file, PrintWriter stdout, Body body) throws IOException {
    write(file, stdout, List.of(), body);
  }

  /**
   * Writes to {@code file}, or to {@code stdout} when {@code file} is null.
   *
   * @param inputs the files the run reads; {@code file} may be none of them
   * @throws Usage if {@code file} is one of the inputs or a folder
   */
  static void write(Path file, PrintWriter stdout, List<Path> inputs, Body body)
      throws IOException {
    if (file == null) {
      body.write(stdout);
      stdout.flush();
      if (stdout.checkError()) {
        throw Failure.of("stdout.failed");
      }
      return;
    }
    into(target(file, inputs), (path, options) -> {
      if (options.length > 0) {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(
            Files.newOutputStream(path, options), StandardCharsets.UTF_8), 1 << 16)) {
          body.write(w);
        }
      } else {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8),
            1 << 16)) {
          body.write(w);
        }
      }
    });
  }

  /**
   * Writes bytes to {@code file}, or text to {@code stdout} when {@code file} is null: for bulk
   * results, whose writers encode UTF-8 themselves faster than a {@link Writer} would.
   *
   * @param inputs the files the run reads; {@code file} may be none of them
   * @param text what goes to {@code stdout}
   * @param bytes the same as UTF-8 bytes, what goes to a file
   * @throws Usage if {@code file} is one of the inputs or a folder
   */
  static void write(Path file, PrintWriter stdout, List<Path> inputs, Body text, Bytes bytes)
      throws IOException {
    if (file == null) {
      write(null, stdout, inputs, text);
      return;
    }
    Path target = target(file, inputs);
    into(target, (path, options) -> {
      // Unbuffered: the writers hand over chunks of hundreds of kilobytes. A new file's bytes
      // past the first 256 MiB go past the page cache (BulkFileOutput); its failures name the
      // file asked for, not the temporary one, which is removed.
      try (OutputStream out = options.length > 0 ? Files.newOutputStream(path, options)
          : BulkFileOutput.open(path, target)) {
        bytes.write(out);
      }
    });
  }

  /**
   * Writes into a device or a named pipe as it is (the options given: {@code WRITE}), or into a
   * temporary file beside the target (no options) that is then moved into place.
   */
  private static void into(Path target, Into body) throws IOException {
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      // A device such as /dev/null or /dev/stdout, or a named pipe: write into it as it is.
      body.write(target, StandardOpenOption.WRITE);
      return;
    }
    Path dir = target.getParent();
    // Not Files.createTempFile: its owner-only permissions would stay on the result.
    Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid()
        + ".tmp");
    PENDING.add(tmp);
    try {
      body.write(tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
      PENDING.remove(tmp);
    }
  }

  /**
   * Checks {@code --out} before a run starts its work.
   *
   * @throws Usage if {@code file} is one of the inputs or a folder
   */
  static void check(Path file, List<Path> inputs) throws IOException {
    if (file != null) {
      target(file, inputs);
    }
  }

  /** The file to write for {@code --out file}, refusing inputs and folders. */
  private static Path target(Path file, List<Path> inputs) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(target) && Files.exists(target)) {
      target = target.toRealPath();
    }
    for (Path in : inputs) {
      if (same(target, in)) {
        throw Usage.of("out.isInput", file.toString(), in.toString());
      }
    }
    if (Files.isDirectory(target)) {
      throw Usage.of("out.isFolder", file.toString());
    }
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw Failure.of("out.noFolder", String.valueOf(dir));
    }
    return target;
  }

  private static boolean same(Path target, Path input) throws IOException {
    Path in = input.toAbsolutePath().normalize();
    if (Files.exists(target) && Files.exists(in)) {
      return Files.isSameFile(target, in);
    }
    return target.equals(in) || Files.exists(in, LinkOption.NOFOLLOW_LINKS)
        && target.equals(in.toRealPath());
  }

  /** Removes the temporary files of writes still under way; run by the shutdown hook. */
  static void removePending() {
    for (Path p : PENDING) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // The JVM is stopping; nothing better to do than leave it.
      }
    }
  }
}
