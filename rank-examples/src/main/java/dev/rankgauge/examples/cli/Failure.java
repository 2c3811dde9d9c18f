package dev.rankgauge.examples.cli;

/**
 * A failure the user can fix, with a one-line reason; the CLI prints it, in the language of
 * {@code --locale} where the failure has a message in the CLI's bundle, and exits with 1.
 */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The key in the CLI's bundle, or null for a reason given as text. */
  private final String key;
  private final transient Object[] args;

  /** A reason given as text, in English. */
  Failure(String reason) {
    super(reason);
    this.key = null;
    this.args = new Object[0];
  }

  private Failure(String key, Object[] args) {
    super(CliTexts.ENGLISH.get(key, args));
    this.key = key;
    this.args = args.clone();
  }

  /** The failure of {@code key} in the CLI's bundle ({@link CliTexts}); its message is English. */
  static Failure of(String key, Object... args) {
    return new Failure(key, args);
  }

  /** The reason in the language of {@code texts}. */
  String text(CliTexts texts) {
    return key == null || args == null ? getMessage() : texts.get(key, args);
  }
}
