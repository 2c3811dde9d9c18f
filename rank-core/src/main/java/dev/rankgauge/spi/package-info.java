/**
 * What host applications implement: {@link dev.rankgauge.spi.QualificationRule}, a rank
 * requirement of their own, and {@link dev.rankgauge.spi.RuleFactory}, which creates one by name
 * from a plan file's parameters and is found through {@link java.util.ServiceLoader}.
 */
package dev.rankgauge.spi;
