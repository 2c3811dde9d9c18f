package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The placement tree beside the sponsor tree: given by the host, checked whole at build. */
class PlacementTreeTest {
  private static final LocalDate JOINED = LocalDate.of(2026, 1, 5);

  private static Organisation.Builder sponsorTree(String... idSponsor) {
    Organisation.Builder b = Organisation.builder();
    for (int i = 0; i < idSponsor.length; i += 2) {
      b.distributor(idSponsor[i], idSponsor[i + 1], JOINED, idSponsor[i], "", null);
    }
    return b;
  }

  @Test
  void spilloverPlacesARecruitUnderSomeoneElseThanTheSponsor() {
    // Ann sponsors Bo, Cy and Di; Di spills over under Bo on his left.
    Organisation org = sponsorTree("ANN", null, "BO", "ANN", "CY", "ANN", "DI", "ANN")
        .add(Placement.left("BO", "ANN"))
        .add(Placement.right("CY", "ANN"))
        .place("DI", "BO", Placement.LEFT)
        .build();

    assertThat(org.placement("DI")).contains(Placement.left("DI", "BO"));
    assertThat(org.placement("BO")).as("placed under the first distributor")
        .contains(Placement.left("BO", "ANN"));
    assertThat(org.placement("ANN")).isEmpty();
    assertThat(org.placements()).containsExactly(Placement.left("BO", "ANN"),
        Placement.right("CY", "ANN"), Placement.left("DI", "BO"));
    Placements tree = org.placementTree();
    int ann = org.indexOf("ANN");
    int bo = org.indexOf("BO");
    int di = org.indexOf("DI");
    assertThat(tree.child(ann, Placement.LEFT)).isEqualTo(bo);
    assertThat(tree.child(bo, Placement.RIGHT)).isEqualTo(-1);
    assertThat(tree.sideUnder(di, bo)).isEqualTo((byte) Placement.LEFT);
    assertThat(tree.sideUnder(di, org.indexOf("CY"))).isZero();
    assertThat(tree.sideUnderSponsor[di]).as("Di sits on Ann's left, under Bo")
        .isEqualTo((byte) Placement.LEFT);
    assertThat(tree.order()).hasSize(4).startsWith(ann);
  }

  @Test
  void distributorsAreNumberedSoThatBothTreesReadTopDownWhereTheyCan() {
    // Ann sponsors Bo, Cy and Di, in that order; Cy is on Ann's left, Di on Cy's left and Bo on
    // Cy's right. Bo comes in before Cy but is numbered after her, so that every sponsor and
    // every placement parent comes before those below them: an evaluation walks the numbers
    // backwards and needs no order of its own. Crossing trees allow no such numbering.
    Organisation org = sponsorTree("ANN", null, "BO", "ANN", "CY", "ANN", "DI", "ANN")
        .add(Placement.left("CY", "ANN"))
        .add(Placement.left("DI", "CY"))
        .add(Placement.right("BO", "CY"))
        .build();
    Organisation crossing = sponsorTree("ROOT", null, "ANN", "ROOT", "BO", "ANN")
        .add(Placement.left("BO", "ROOT"))
        .add(Placement.left("ANN", "BO"))
        .build();

    assertThat(org.placementTree().ordered()).isTrue();
    assertThat(org.indexOf("CY")).isLessThan(org.indexOf("BO"));
    assertThat(org.distributors()).extracting(Distributor::id).as("the input order, as given")
        .containsExactly("ANN", "BO", "CY", "DI");
    assertThat(crossing.placementTree().ordered()).isFalse();
  }

  @Test
  void aBuilderBuildingAgainKeepsThePlacements() {
    Organisation.Builder b = sponsorTree("ANN", null, "BO", "ANN").add(Placement.left("BO", "ANN"));
    b.build();
    b.distributor("CY", "ANN", JOINED, "Cy", "", null).add(Placement.right("CY", "ANN"));

    assertThat(b.build().placements()).containsExactly(Placement.left("BO", "ANN"),
        Placement.right("CY", "ANN"));
  }

  @Test
  void anOrganisationWithoutPlacementsHasEveryoneAsARoot() {
    Organisation org = sponsorTree("ANN", null, "BO", "ANN").build();

    assertThat(org.placements()).isEmpty();
    assertThat(org.placementTree().parent).containsOnly(-1);
  }

  @Test
  void everyPlacementProblemIsReportedAtOnce() {
    Organisation.Builder b = sponsorTree("ANN", null, "BO", "ANN", "CY", "ANN", "DI", "ANN",
        "EV", "ANN", "FAY", "ANN", "GUS", "ANN", "ZED", null)
        .customer("C1", "ANN", "Cal", "", null)
        .add(Placement.left("BO", "ANN"))
        .add(Placement.left("CY", "ANN"))       // Bo holds Ann's left already
        .add(Placement.right("BO", "ANN"))      // Bo placed twice
        .add(Placement.left("XX", "ANN"))       // no such distributor
        .add(Placement.left("C1", "ANN"))       // a customer is never a position
        .add(Placement.left("DI", "NOBODY"))    // unknown parent
        .add(Placement.left("EV", "C1"))        // a customer as parent
        .place("FAY", "ANN", 0)                 // position out of range
        .add(Placement.left("GUS", "ZED"));     // another organisation (root ZED)

    List<Problem> problems = catchThrowableOfType(ValidationException.class, b::build).problems();

    assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
        "distributor BO: found a second placement of BO (under ANN at position 2); expected one"
            + " placement per distributor",
        "distributor XX: found a placement of XX, which is not a distributor",
        "distributor C1: found a placement of C1, which is not a distributor but a customer;"
            + " expected a distributor, as customers are never positions",
        "distributor DI: found placement parent NOBODY, which is not a distributor",
        "distributor EV: found placement parent C1, which is a customer; expected a distributor,"
            + " as customers are never positions",
        "distributor FAY: found placement position 0; expected 1 to 100 (1 left and 2 right in a"
            + " binary tree)",
        "distributor CY: found BO and CY both at position 1 under ANN; expected one distributor"
            + " per position",
        "distributor GUS: found placement parent ZED, whose sponsor line ends at root ZED while"
            + " GUS's ends at ANN; expected a placement parent in the distributor's own"
            + " organisation");
    // each names the field and the row (from 0) of the distributor placed; none for an id
    // that is not a distributor's
    assertThat(problems).extracting(p -> p.location() + ": " + p.subject().field() + " "
        + p.subject().index()).containsExactlyInAnyOrder(
            "distributor BO: placementParentId 1",
            "distributor XX: placementParentId -1",
            "distributor C1: placementParentId -1",
            "distributor DI: placementParentId 3",
            "distributor EV: placementParentId 4",
            "distributor FAY: placementPosition 5",
            "distributor CY: placementPosition 2",
            "distributor GUS: placementParentId 6");
  }

  /**
   * Ann, the first distributor given, is placed (under Bo, at 100, the last position a matrix
   * has) like anyone else; Zed, a root of another organisation, cannot be placed under her.
   */
  @Test
  void theFirstDistributorGivenIsPlacedAndIsAParentLikeAnyOther() {
    Organisation o = sponsorTree("ANN", null, "BO", "ANN", "CY", "ANN")
        .place("ANN", "BO", 100)
        .add(Placement.right("CY", "ANN"))
        .build();
    assertThat(o.placement("ANN")).contains(Placement.of("ANN", "BO", 100));
    assertThat(o.placement("CY")).contains(Placement.right("CY", "ANN"));

    assertThat(catchThrowableOfType(ValidationException.class, sponsorTree("ANN", null, "ZED",
        null).add(Placement.left("ZED", "ANN"))::build).problems())
        .extracting(Problem::toString).containsExactly(
            "distributor ZED: found placement parent ANN, whose sponsor line ends at root ANN"
                + " while ZED's ends at ZED; expected a placement parent in the distributor's"
                + " own organisation");
  }

  /**
   * A sponsorship cycle leaves no tree to check placements against: it is listed with the
   * placements' own problems, and no placement is blamed for it. A blank id among the
   * placements is named by its place among them.
   */
  @Test
  void aSponsorshipCycleIsListedWithThePlacementsOwnProblems() {
    Organisation.Builder b = sponsorTree("ANN", null, "BO", "CY", "CY", "BO")
        .add(Placement.left("BO", "ANN"))
        .place("CY", "ANN", 0)
        .place(" ", "ANN", 1);

    assertThat(catchThrowableOfType(ValidationException.class, b::build).problems())
        .extracting(Problem::toString).containsExactlyInAnyOrder(
            "distributor BO: found a sponsorship cycle: BO -> CY -> BO; expected every line of"
                + " sponsors to end at a root",
            "distributor CY: found placement position 0; expected 1 to 100 (1 left and 2 right"
                + " in a binary tree)",
            "placement 3: found a placement with a blank distributor id \" \"; expected the id of"
                + " the distributor placed");
  }

  @Test
  void placementCyclesAreEachReported() {
    Organisation.Builder b = sponsorTree("ANN", null, "BO", "ANN", "CY", "ANN", "DI", "ANN",
        "EV", "ANN")
        .add(Placement.left("BO", "CY"))
        .add(Placement.left("CY", "BO"))
        .add(Placement.right("DI", "DI"))
        .add(Placement.left("EV", "DI"));

    assertThat(catchThrowableOfType(ValidationException.class, b::build).problems())
        .extracting(Problem::toString).containsExactlyInAnyOrder(
            "distributor BO: found a placement cycle: BO -> CY -> BO; expected every line of"
                + " placement parents to end at a distributor without a placement",
            "distributor DI: found a placement cycle: DI -> DI; expected every line of placement"
                + " parents to end at a distributor without a placement");
    // each at the placement parent of its first distributor's row (from 0)
    assertThat(catchThrowableOfType(ValidationException.class, b::build).problems())
        .extracting(p -> p.subject().id() + " " + p.subject().field() + " "
            + p.subject().index())
        .containsExactlyInAnyOrder("BO placementParentId 1", "DI placementParentId 3");
  }

  @Test
  void aPlacementRecordRefusesWhatNoTreeHolds() {
    assertThatThrownBy(() -> Placement.of("BO", "ANN", 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("placement position of distributor BO must be 1 to 100, found 101");
    assertThatThrownBy(() -> Placement.left("BO", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
