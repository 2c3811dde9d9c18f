package dev.rankgauge.json.internal;

/**
 * One problem or warning before it is located in the text.
 *
 * @param path the JSON path it is about
 * @param atName whether it is about the field's name rather than its value
 * @param message what was found, what was expected, and the alternatives
 */
public record Finding(String path, boolean atName, String message) {}
