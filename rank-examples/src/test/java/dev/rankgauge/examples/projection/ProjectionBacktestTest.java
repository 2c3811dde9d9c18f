package dev.rankgauge.examples.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.Metric;
import dev.rankgauge.Projection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projection's backtest on a fixed seed: 5,000 distributors over eight months, the last two
 * projected from the 5th, 10th, 15th, 20th and 25th and compared with how they closed.
 * docs/projection.md records a larger run.
 */
class ProjectionBacktestTest {
  @TempDir
  static Path work;

  private static Map<Metric, Backtest.GaugeScore> scores;

  @BeforeAll
  static void run() throws IOException {
    scores = Backtest.run(5_000, 7L, YearMonth.of(2026, 11), 8, 2, Projection.DEFAULT_LEVEL,
        work);
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    Backtest.print(scores, Projection.DEFAULT_LEVEL, new PrintStream(table, true,
        StandardCharsets.UTF_8));
    System.out.print(table.toString(StandardCharsets.UTF_8));
  }

  @Test
  void volumeIntervalsHoldTheClosedFigureWithin5PointsOf80Percent() {
    for (Metric m : new Metric[] {Metric.PERSONAL_SALES, Metric.GROUP_SALES}) {
      assertThat(scores.get(m).cases()).isEqualTo(5_000L * 5 * 2);
      assertThat(scores.get(m).coverage()).as(m.label()).isBetween(0.75, 0.85);
    }
  }

  @Test
  void countIntervalsHoldTheClosedFigureWithin5PointsOf80PercentWhereTheCountCanMove() {
    for (Metric m : new Metric[] {Metric.ACTIVE_PERSONAL_CUSTOMERS,
        Metric.ACTIVE_PERSONAL_DISTRIBUTORS}) {
      Backtest.GaugeScore s = scores.get(m);
      assertThat(s.movable()).as(m.label()).isGreaterThan(s.cases() / 10);
      assertThat(s.movableCoverage()).as(m.label()).isBetween(0.75, 0.85);
    }
  }

  @Test
  void aCountWithNobodyLeftWhoCanChangeIsCertainAndItsIntervalHoldsIt() {
    // A distributor whose customers are all active already (or who has none) ends with the
    // same count: the projection says that count, certain, which holds unless a return undoes
    // an order; coverage over everyone says little more than how many such counts there are.
    for (Metric m : new Metric[] {Metric.ACTIVE_PERSONAL_CUSTOMERS,
        Metric.ACTIVE_PERSONAL_DISTRIBUTORS}) {
      Backtest.GaugeScore s = scores.get(m);
      assertThat(s.cases() - s.movable()).as(m.label()).isGreaterThan(s.cases() / 10);
      assertThat(s.certainCoverage()).as(m.label()).isGreaterThanOrEqualTo(0.99);
    }
  }

  @Test
  void everyGaugeErrsLessThanTheStraightLineOfThePeriodSoFar() {
    for (Backtest.GaugeScore s : scores.values()) {
      assertThat(s.projectionMae()).as(s.metric().label()).isLessThan(s.straightLineMae());
    }
  }
}
