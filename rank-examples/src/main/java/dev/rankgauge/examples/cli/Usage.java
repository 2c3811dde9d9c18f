package dev.rankgauge.examples.cli;

/**
 * A usage error found after parsing, such as an unknown plan name or an as-of instant that does
 * not parse: the CLI prints the reason, in the language of {@code --locale} where the error has a
 * message in the CLI's bundle, and exits with {@link RankGaugeCli#USAGE}.
 */
final class Usage extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The key in the CLI's bundle, or null for a reason given as text. */
  private final String key;
  private final transient Object[] args;

  /** A reason given as text, in English. */
  Usage(String reason) {
    super(reason);
    this.key = null;
    this.args = new Object[0];
  }

  private Usage(String key, Object[] args) {
    super(CliTexts.ENGLISH.get(key, args));
    this.key = key;
    this.args = args.clone();
  }

  /** The usage error of {@code key} in the CLI's bundle ({@link CliTexts}); its message is English. */
  static Usage of(String key, Object... args) {
    return new Usage(key, args);
  }

  /** The reason in the language of {@code texts}. */
  String text(CliTexts texts) {
    return key == null || args == null ? getMessage() : texts.get(key, args);
  }
}
