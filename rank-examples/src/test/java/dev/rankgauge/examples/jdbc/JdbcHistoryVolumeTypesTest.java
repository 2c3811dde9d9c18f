package dev.rankgauge.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.History;
import dev.rankgauge.Period;
import dev.rankgauge.Problem;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.ValidationException;
import dev.rankgauge.examples.SeedExample;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JDBC example's history of a plan that reads BV over several periods: each closed period's
 * personal BV goes to {@code period_volumes} beside {@code period_records} and comes back; a
 * database without that table still reads, and a bad row is named by table, period and
 * distributor.
 */
class JdbcHistoryVolumeTypesTest {
  private static final Period OCTOBER = Period.month(2026, 10);

  /** The seed plan with BV, and a top rank asking 1,000 BV over October and November. */
  private static CompPlan plan() {
    CompPlan seed = SeedExample.plan();
    List<Rank> ranks = new ArrayList<>(seed.ranks());
    ranks.add(Rank.of("BVX", "BV Executive", Requirement.accumulatedVolume(
        new BigDecimal("1000"), 2, Optional.empty(), "BV")));
    return seed.toBuilder().volumeTypes("PV", "BV").qualifyingVolumeType("PV").ranks(ranks)
        .build();
  }

  /** The seed tables, each order with BV twice its PV. */
  private static void sample(Connection c) throws SQLException {
    JdbcExample.createSampleIfMissing(c);
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO order_volumes SELECT order_id, 'BV', volume * 2 FROM order_volumes"
          + " WHERE volume_type = 'PV'");
    }
  }

  @Test
  void aClosedPeriodKeepsBvAndTheNextReadsItBack() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:typed;DB_CLOSE_DELAY=-1")) {
      sample(c);
      CompPlan plan = plan();
      Evaluation november = JdbcExample.evaluate(c, plan, SeedExample.PERIOD,
          SeedExample.AS_OF);
      int written = JdbcExample.closePeriod(c, november);
      History back = JdbcExample.readHistory(c, plan);
      assertThat(back.records()).hasSize(written).isEqualTo(november.close().records());
      BigDecimal pv = back.record(SeedExample.PERIOD, SeedExample.DANA).orElseThrow()
          .personalSales();
      assertThat(back.record(SeedExample.PERIOD, SeedExample.DANA).orElseThrow()
          .personalVolumes().get("BV")).isEqualByComparingTo(pv.multiply(BigDecimal.valueOf(2)));
      try (Statement s = c.createStatement()) {
        assertThat(s.executeQuery("SELECT COUNT(*) FROM period_volumes WHERE volume_type = 'BV'")
            .next()).isTrue();
      }

      // A row of another type than the plan's, and a row of no volume: each named.
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE period_volumes ALTER COLUMN personal_volume SET NULL");
        s.execute("INSERT INTO period_volumes VALUES (DATE '2026-11-01', 'D100', 'XV', 5)");
        s.execute("UPDATE period_volumes SET personal_volume = NULL WHERE distributor_id = 'D101'");
      }
      ValidationException x = catchThrowableOfType(ValidationException.class,
          () -> JdbcExample.readHistory(c, plan));
      assertThat(x.problems()).extracting(Problem::toString).containsExactly(
          "period_records row (2026-11-01, D100): found volume type XV in period_volumes, which"
              + " plan Seed plan does not declare beside its qualifying type PV (personal_sales);"
              + " expected one of: BV",
          "period_records row (2026-11-01, D101): found a volume with no value (null); expected"
              + " a decimal volume");
    }
  }

  @Test
  void aDatabaseWithoutTheVolumesTableReadsAsBeforeAndTheBvWindowNamesThePeriod()
      throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:untyped;DB_CLOSE_DELAY=-1")) {
      sample(c);
      // October closed by the seed plan, which reads no BV: period_records only.
      Evaluation october = JdbcExample.evaluate(c, SeedExample.plan(), OCTOBER,
          OCTOBER.endInstant(SeedExample.plan().zone()));
      JdbcExample.closePeriod(c, october);
      try (Statement s = c.createStatement()) {
        assertThat(s.executeQuery("SELECT 1 FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_NAME = 'PERIOD_VOLUMES'").next()).isFalse();
      }
      assertThat(JdbcExample.readHistory(c, plan()).records())
          .allSatisfy(r -> assertThat(r.personalVolumes()).isEmpty());

      ValidationException x = catchThrowableOfType(ValidationException.class,
          () -> JdbcExample.evaluate(c, plan(), SeedExample.PERIOD, SeedExample.AS_OF));
      assertThat(x.problems()).singleElement().satisfies(p -> assertThat(p.toString())
          .startsWith("period 2026-10: found closed period 2026-10 holding no personal volume"
              + " of type BV, which plan Seed plan reads over the last closed period (accumulatedVolume"
              + " of BV); expected that period to hold BV"));
    }
  }
}
