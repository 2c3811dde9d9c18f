package dev.rankgauge.examples.cli;

/**
 * A usage error found after parsing, such as an unknown plan name or an as-of instant that does
 * not parse: the CLI prints the reason and exits with {@link RankGaugeCli#USAGE}.
 */
final class Usage extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Usage(String reason) {
    super(reason);
  }
}
