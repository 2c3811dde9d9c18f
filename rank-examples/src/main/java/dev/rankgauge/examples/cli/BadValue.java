package dev.rankgauge.examples.cli;

import picocli.CommandLine.TypeConversionException;

/**
 * A value an option cannot take, found while the command line is parsed (a period, a month, a
 * placement tree, a path): its message is English; the CLI writes it in the language of
 * {@code --locale} from the CLI's bundle, after the option's name.
 */
final class BadValue extends TypeConversionException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final transient Object[] args;

  private BadValue(String key, Object[] args) {
    super(CliTexts.ENGLISH.get(key, args));
    this.key = key;
    this.args = args.clone();
  }

  /** The value error of {@code key} in the CLI's bundle ({@link CliTexts}). */
  static BadValue of(String key, Object... args) {
    return new BadValue(key, args);
  }

  /** The reason in the language of {@code texts}. */
  String text(CliTexts texts) {
    return args == null ? getMessage() : texts.get(key, args);
  }
}
