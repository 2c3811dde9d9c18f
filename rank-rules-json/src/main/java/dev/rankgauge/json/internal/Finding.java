package dev.rankgauge.json.internal;

import dev.rankgauge.Problem;

/**
 * One problem or warning before it is located in the text.
 *
 * @param path the JSON path it is about
 * @param atName whether it is about the field's name rather than its value
 * @param problem what was found, what was expected, and the alternatives, as a problem with its
 *     code and arguments and no location yet
 */
public record Finding(String path, boolean atName, Problem problem) {}
