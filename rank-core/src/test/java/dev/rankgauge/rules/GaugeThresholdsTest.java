package dev.rankgauge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Rank;
import dev.rankgauge.Requirement;
import dev.rankgauge.RequirementStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The gauge thresholds as requirements of a rank: volumes with their decimals, counts whole. */
class GaugeThresholdsTest {

  @Test
  void aVolumeWithDecimalsKeepsThemAndACountOfCustomersStaysWhole() {
    // A buys 12.5 PV and their customer C1 10 PV: 22.5 personal PV (customers' orders count).
    // Silver asks 100 PV and 2 active personal customers: 77.5 PV and one customer short.
    CompPlan plan = CompPlan.builder("thresholds").rank(Rank.of("MEM", "Member"))
        .rank("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100")),
            Requirement.activePersonalCustomers(2))
        .build();
    Evaluation e = TestOrg.create().add("A", null, new BigDecimal("12.5"))
        .customer("C1", "A", 10).evaluate(plan);

    RequirementStatus volume = TestOrg.status(e, "A", "SLV", 0);
    assertThat(volume.actual()).isEqualByComparingTo("22.5");
    assertThat(volume.remaining()).isEqualByComparingTo("77.5");
    RequirementStatus customers = TestOrg.status(e, "A", "SLV", 1);
    assertThat(customers.actual()).isEqualByComparingTo("1");
    assertThat(customers.remaining()).isEqualByComparingTo("1");
    assertThat(e.paidAs("A").code()).isEqualTo("MEM");
  }
}
