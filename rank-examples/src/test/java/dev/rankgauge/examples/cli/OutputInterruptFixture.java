package dev.rankgauge.examples.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A run that writes part of its output to {@code --out} and then hangs, for the test that stops it
 * from outside as Ctrl-C or {@code kill} would.
 */
final class OutputInterruptFixture {
  private OutputInterruptFixture() {}

  public static void main(String[] args) throws IOException {
    Output.write(Path.of(args[0]), new PrintWriter(System.out, true), w -> {
      w.write("id,name\nD1,partial\n");
      w.flush();
      System.out.println("writing");
      try {
        Thread.sleep(120_000);
      } catch (InterruptedException e) {
        throw new InterruptedIOException("interrupted");
      }
    });
  }
}
