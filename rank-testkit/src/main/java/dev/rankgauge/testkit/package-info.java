/**
 * The test kit for comp plans: show that a plan does what its brochure says, before it pays
 * anyone. Add {@code dev.rankgauge:rank-testkit} in test scope; it brings AssertJ and the JUnit 5
 * API with it, which is why it is a module of its own.
 *
 * <h2>For Java developers: assertions</h2>
 *
 * {@link dev.rankgauge.testkit.RankGaugeAssertions#assertThat(dev.rankgauge.Evaluation)} is the
 * one static-import entry point:
 *
 * <pre>{@code
 * assertThat(evaluation).distributor("D100")
 *     .isPaidAs("GLD")
 *     .hasGauge(Metric.GROUP_SALES).atRank("DMND").withRemaining("4700")
 *     .and().requirement("PLAT", "customers").isNotMet().withRemaining("1")
 *     .and().hasInFocusList(FocusList.INACTIVE_CUSTOMERS, "C2");
 * }</pre>
 *
 * <h2>For plan administrators: scenario files</h2>
 *
 * A scenario file is a JSON object (one scenario per file) with these fields; {@code docs/test-kit.md}
 * has the full reference and worked examples.
 *
 * <ul>
 *   <li>{@code name}, {@code description} (a string or an array of lines: write the arithmetic
 *       here): optional text.
 *   <li>{@code plan} (required): the name of a plan shipped with rank-rules-json ({@code "seed"},
 *       {@code "doterra"}, {@code "young-living"}, {@code "scentsy"}), or a plan file's path
 *       relative to the scenario file ({@code "../plans/acme.json"}; a value ending in
 *       {@code .json} or containing {@code /} is a path).
 *   <li>{@code period} (required): a month {@code "2026-11"}, or
 *       {@code {"start": "2026-11-02", "end": "2026-11-29", "closed": true}}.
 *   <li>{@code asOf}: {@code "2026-11-27T09:00"} in the plan's time zone,
 *       {@code "2026-11-27T16:00:00Z"}, or a day {@code "2026-11-27"} meaning its end. Default:
 *       the end of the period.
 *   <li>{@code distributors} (required): an array of root ids ({@code "D1"}) or objects
 *       {@code {"id", "sponsor", "name", "joined", "email", "phone"}}; {@code name} defaults to
 *       the id, {@code joined} to the period's first day.
 *   <li>{@code customers}: objects {@code {"id", "distributor", "name", "email", "phone"}}.
 *   <li>{@code orders}: objects {@code {"id", "buyer", "buyerType", "date", "status", "amount"}}
 *       with volumes; {@code id} defaults to {@code O1, O2, ...} by position, {@code date} to the
 *       period's first day, a day alone means noon in the plan's time zone, {@code status} is
 *       {@code paid} (default), {@code returned} or {@code cancelled}, {@code amount} defaults to 0.
 *   <li>Volumes, on an order: a key per volume type of the plan in lower case ({@code "pv": 120}),
 *       {@code "volumes": {"PV": 120, "CV": 100}}, or {@code "volume": 120} for every type; types
 *       not given are 0. The same keys on a distributor or customer make one paid order on the
 *       period's first day: {@code {"id": "D2", "sponsor": "D1", "pv": 150}}.
 *   <li>{@code titleRanks}: {@code {"D7": "GLD"}}, for rules that read title ranks.
 *   <li>{@code overrides}: an array of {@code {"distributor", "override", "rank", "requirement"}},
 *       {@code override} one of {@code minimum_rank} (with {@code rank}), {@code waive} (with
 *       {@code rank} and {@code requirement}, a number or text as in expectations),
 *       {@code not_compressed} and {@code active}.
 *   <li>{@code paidAsCounts}: {@code {"GLD": 2}}: how many distributors are paid as each rank.
 *   <li>{@code expect} (required): by distributor id, an object with any of {@code paidAs},
 *       {@code qualifiedAs}, {@code overrides} (the short forms applied, such as
 *       {@code ["minimum_rank SLV"]}), {@code active}, {@code nextRank} (null at the top), {@code gauges} (by
 *       {@code personalSales}, {@code groupSales}, {@code activePersonalCustomers},
 *       {@code activePersonalDistributors}: {@code value}, {@code rank}, {@code nextRank},
 *       {@code remaining}; null at the top), {@code requirements} (an array of
 *       {@code {"rank", "requirement", "met", "required", "actual", "remaining"}}, where
 *       {@code requirement} is a number from 1 in the plan's order or text its description
 *       contains), {@code focus} (by {@code inactiveCustomers}, {@code activeCustomers},
 *       {@code inactiveDistributors}, {@code activeDistributors}: the exact members as an array
 *       in any order, or {@code {"includes": [...], "excludes": [...]}}), and {@code why} (text).
 * </ul>
 *
 * <p>Numbers compare by value ({@code 4700} matches {@code 4700.00}) and may be written as JSON
 * numbers or strings. Every expectation is one dynamic test
 * ({@link dev.rankgauge.testkit.ScenarioTests}) or one outcome of
 * {@link dev.rankgauge.testkit.ScenarioRunner}. A malformed file is rejected whole, with every
 * problem at once, each as {@code file:line:column at $.json.path: what was expected}.
 *
 * <p>Public types are immutable and thread-safe unless their Javadoc says otherwise (the assertion
 * objects are not, as AssertJ's own). No method accepts {@code null} unless its Javadoc says so.
 */
package dev.rankgauge.testkit;
