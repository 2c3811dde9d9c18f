package dev.rankgauge.examples.cli;

/** A failure the user can fix, with a one-line reason; the CLI prints it and exits with 1. */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Failure(String reason) {
    super(reason);
  }
}
