package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A plan builder builds as often as asked, and building leaves it as the caller set it. */
class CompPlanBuilderTest {

  private static CompPlan.Builder seed() {
    return CompPlan.builder("Seed")
        .rank(Rank.of("DIST", "Distributor"))
        .rank(Rank.of("SLV", "Silver", Requirement.personalVolume(new BigDecimal("100"))));
  }

  @Test
  void aBuilderBuildsTwiceAndMayChangeInBetween() {
    CompPlan.Builder b = seed();
    CompPlan first = b.build();

    CompPlan second = b.volumeTypes("CV").build();

    assertThat(first.volumeTypes()).containsExactly("PV");
    assertThat(first.qualifyingVolumeType()).isEqualTo("PV");
    assertThat(second.volumeTypes()).containsExactly("CV");
    assertThat(second.qualifyingVolumeType()).isEqualTo("CV");
  }

  @Test
  void buildingTwiceWithoutAChangeGivesEqualPlans() {
    CompPlan.Builder b = seed().qualifyingVolumeType("QV");

    assertThat(b.build()).isEqualTo(b.build());
    assertThat(b.build().volumeTypes()).containsExactly("QV");
  }

  @Test
  void aDefaultQualifyingTypeDoesNotStickAfterTheVolumeTypesChange() {
    CompPlan.Builder b = seed().volumeTypes("PV", "CV");
    assertThat(b.build().qualifyingVolumeType()).isEqualTo("PV");

    assertThat(b.volumeTypes("QV", "CV").build().qualifyingVolumeType()).isEqualTo("QV");
  }

  @Test
  void aFailedBuildLeavesTheBuilderUsable() {
    CompPlan.Builder b = seed().qualifyingVolumeType("QV").volumeTypes("PV");
    assertThatThrownBy(b::build).isInstanceOf(ValidationException.class)
        .hasMessageContaining("found qualifying volume type QV; expected one of the plan's volume types [PV]");

    assertThat(b.volumeTypes("PV", "QV").build().qualifyingVolumeType()).isEqualTo("QV");
  }

  @Test
  void aPlansBuilderDerivesAChangedPlanAndLeavesThePlanAlone() {
    CompPlan plan = seed().zone(ZoneId.of("America/Denver")).build();
    CompPlan.Builder b = plan.toBuilder();

    CompPlan later = b.rank(Rank.of("GLD", "Gold", Requirement.groupVolume(BigDecimal.TEN))).build();
    CompPlan again = b.build();

    assertThat(plan.ranks()).extracting(Rank::code).containsExactly("DIST", "SLV");
    assertThat(later.ranks()).extracting(Rank::code).containsExactly("DIST", "SLV", "GLD");
    assertThat(again).isEqualTo(later);
  }

  @Test
  void settersRejectNullAtOnceNamingTheParameter() {
    CompPlan.Builder b = seed();
    assertThatThrownBy(() -> b.zone(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("zone must not be null");
    assertThatThrownBy(() -> b.volumeTypes("PV", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("volume types must not contain null (position 2)");
    assertThatThrownBy(() -> CompPlan.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("name must not be null");
    assertThat(b.build().zone()).isEqualTo(ZoneId.of("UTC"));
  }
}
