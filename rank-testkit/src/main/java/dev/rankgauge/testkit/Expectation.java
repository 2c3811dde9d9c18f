package dev.rankgauge.testkit;

import dev.rankgauge.Evaluation;
import dev.rankgauge.Problem;
import java.util.Optional;
import java.util.function.Function;

/**
 * One expected figure of a scenario: the unit of one dynamic test or one line of a runner report.
 *
 * @param distributorId the distributor it is about, empty for the whole organisation
 * @param name what is expected, such as "paid as GLD" or "group sales gauge: remaining 4700",
 *     in the reports' words ({@link Reports})
 * @param line the line of the scenario file where the expectation is written
 * @param check gives the mismatch, or nothing when the evaluation meets the expectation
 */
record Expectation(String distributorId, Problem name, int line,
    Function<Evaluation, Optional<Mismatch>> check) {}
