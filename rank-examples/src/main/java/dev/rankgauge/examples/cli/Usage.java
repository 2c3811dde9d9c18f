package dev.rankgauge.examples.cli;

import java.util.function.Function;

/**
 * A usage error found after parsing, such as an unknown plan name or an as-of instant that does
 * not parse: the CLI prints the reason, in the language of {@code --locale} where the error has a
 * message in the CLI's bundle, and exits with {@link RankGaugeCli#USAGE}.
 */
final class Usage extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reason in a language, or null for a reason given as text. */
  private final transient Function<CliTexts, String> words;

  /** A reason given as text, in English. */
  Usage(String reason) {
    super(reason);
    this.words = null;
  }

  private Usage(Function<CliTexts, String> words) {
    super(words.apply(CliTexts.ENGLISH));
    this.words = words;
  }

  /** The usage error of {@code key} in the CLI's bundle ({@link CliTexts}); its message is English. */
  static Usage of(String key, Object... args) {
    Object[] copy = args.clone();
    return new Usage(texts -> texts.get(key, copy));
  }

  /**
   * A usage error worded by {@code words} in each language, such as several problems each from
   * the CLI's bundle; its message is the English.
   */
  static Usage worded(Function<CliTexts, String> words) {
    return new Usage(words);
  }

  /** The reason in the language of {@code texts}. */
  String text(CliTexts texts) {
    return words == null ? getMessage() : words.apply(texts);
  }
}
