package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.nov;
import static dev.rankgauge.Fixtures.org;
import static dev.rankgauge.Fixtures.plan;
import static dev.rankgauge.Fixtures.pv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building an organisation reports every problem at once, each naming the ids involved. */
class OrganisationValidationTest {

  private static List<Problem> problemsOf(Fixtures.Org org) {
    return catchThrowableOfType(ValidationException.class, org::build).problems();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Fixtures.Org org = org()
        .distributor("D1", null)
        .distributor("D1", null)
        .distributor("D2", "D9")
        .distributor("D3", "D3")
        .customer("C1", "D1")
        .customer("C1", "D1")
        .customer("C2", "D8")
        .paid("O1", "D1", nov(3), "100")
        .paid("O1", "D1", nov(4), "100")
        .paid("O2", "D7", nov(5), "50")
        .paid("O3", "D1", nov(6), "-5");

    ValidationException e = catchThrowableOfType(ValidationException.class, org::build);

    assertThat(e.problems()).containsExactlyInAnyOrder(
        new Problem("distributor D1", "found distributor id D1 again (rows 1 and 2 of the distributors); expected each id once"),
        new Problem("customer C1", "found customer id C1 again (rows 1 and 2 of the customers); expected each id once"),
        new Problem("order O1", "found order id O1 again (rows 1 and 2 of the orders); expected each id once"),
        new Problem("distributor D2", "found sponsor D9, which is not a distributor"),
        new Problem("distributor D3", "found a sponsorship cycle: D3 -> D3"
            + "; expected every line of sponsors to end at a root"),
        new Problem("customer C2", "found distributor D8, which does not exist"),
        new Problem("order O2", "found buyer D7, which is not a distributor"),
        new Problem("order O3",
            "found negative PV volume -5 on an order with status PAID; expected zero or more, as only a"
            + " return (status RETURNED) takes volume away"));
    assertThat(e).hasMessageStartingWith("organisation is invalid: 8 problems")
        .hasMessageContaining(System.lineSeparator()
            + "  - distributor D2: found sponsor D9, which is not a distributor");
  }

  @Test
  void duplicateIdsNameTheRowsOfBothRecords() {
    Fixtures.Org org = org()
        .distributor("D1", null)
        .distributor("D2", "D1")
        .distributor("D2", "D1")
        .distributor("D3", "D1")
        .distributor("D3", "D1")
        .distributor("D1", null)
        .customer("C1", "D1")
        .customer("C1", "D1")
        .customer("C2", "D1")
        .customer("C2", "D1")
        .paid("O1", "D1", nov(1), "10")
        .paid("O1", "D1", nov(2), "10")
        .paid("O2", "D1", nov(3), "10")
        .paid("O2", "D1", nov(4), "10");

    assertThat(problemsOf(org)).extracting(Problem::message).containsExactly(
        "found distributor id D2 again (rows 2 and 3 of the distributors); expected each id once",
        "found distributor id D3 again (rows 4 and 5 of the distributors); expected each id once",
        "found distributor id D1 again (rows 1 and 6 of the distributors); expected each id once",
        "found customer id C1 again (rows 1 and 2 of the customers); expected each id once",
        "found customer id C2 again (rows 3 and 4 of the customers); expected each id once",
        "found order id O1 again (rows 1 and 2 of the orders); expected each id once",
        "found order id O2 again (rows 3 and 4 of the orders); expected each id once");
  }

  @Test
  void aSponsorThatDoesNotExistIsNamed() {
    assertThat(problemsOf(org().distributor("D1", null).distributor("D2", "D404")))
        .containsExactly(new Problem("distributor D2", "found sponsor D404, which is not a distributor"));
  }

  @Test
  void aCustomersDistributorThatDoesNotExistIsNamed() {
    assertThat(problemsOf(org().distributor("D1", null).customer("C1", "D404")))
        .containsExactly(new Problem("customer C1", "found distributor D404, which does not exist"));
  }

  @Test
  void aBuyerThatDoesNotExistIsNamedWithTheirKind() {
    Fixtures.Org org = org().distributor("D1", null).customer("C1", "D1")
        .order(Order.paid("O1", BuyerType.CUSTOMER, "C404", nov(2), "PV", pv("10"), pv("12")))
        .order(Order.paid("O2", BuyerType.DISTRIBUTOR, "D404", nov(2), "PV", pv("10"), pv("12")))
        // A distributor's id is not a customer's: the buyer type decides where to look.
        .order(Order.paid("O3", BuyerType.CUSTOMER, "D1", nov(2), "PV", pv("10"), pv("12")));

    assertThat(problemsOf(org)).containsExactly(
        new Problem("order O1", "found buyer C404, which is not a customer"),
        new Problem("order O2", "found buyer D404, which is not a distributor"),
        new Problem("order O3", "found buyer D1, which is not a customer"));
  }

  @Test
  void aSponsorshipCycleIsListedFromItsSmallestId() {
    Fixtures.Org org = org()
        .distributor("D1", null)
        .distributor("D4", "D2")
        .distributor("D2", "D3")
        .distributor("D3", "D4");

    assertThat(problemsOf(org)).containsExactly(
        new Problem("distributor D2", "found a sponsorship cycle: D2 -> D3 -> D4 -> D2"
            + "; expected every line of sponsors to end at a root"));
  }

  @Test
  void aSelfSponsorIsACycleOfOne() {
    assertThat(problemsOf(org().distributor("D1", "D1")))
        .containsExactly(new Problem("distributor D1", "found a sponsorship cycle: D1 -> D1"
            + "; expected every line of sponsors to end at a root"));
  }

  @Test
  void twoSeparateCyclesAreBothListedAndTheirDownlineIsNotBlamed() {
    Fixtures.Org org = org()
        .distributor("D1", null)
        .distributor("A1", "A2")
        .distributor("A2", "A1")
        .distributor("A3", "A1")
        .distributor("B3", "B2")
        .distributor("B2", "B1")
        .distributor("B1", "B3")
        .distributor("B4", "B3")
        .distributor("B5", "B4");

    assertThat(problemsOf(org)).containsExactly(
        new Problem("distributor A1", "found a sponsorship cycle: A1 -> A2 -> A1"
            + "; expected every line of sponsors to end at a root"),
        new Problem("distributor B1", "found a sponsorship cycle: B1 -> B3 -> B2 -> B1"
            + "; expected every line of sponsors to end at a root"));
  }

  @Test
  void aNegativeVolumeIsAllowedOnlyOnAReturn() {
    Fixtures.Org org = org().distributor("D1", null)
        .returned("R1", "D1", nov(3), "-40")
        .paid("O1", "D1", nov(3), "-40")
        .cancelled("O2", "D1", nov(3), "-1.5");

    assertThat(problemsOf(org)).containsExactly(
        new Problem("order O1",
            "found negative PV volume -40 on an order with status PAID; expected zero or more, as only a"
            + " return (status RETURNED) takes volume away"),
        new Problem("order O2",
            "found negative PV volume -1.5 on an order with status CANCELLED; expected zero or more, as only a"
            + " return (status RETURNED) takes volume away"));
  }

  @Test
  void aVolumeWithMoreThanSixDecimalsIsRejected() {
    Fixtures.Org org = org().distributor("D1", null)
        .paid("O1", "D1", nov(3), "1.0000001")
        // Trailing zeros are not decimals that matter.
        .paid("O2", "D1", nov(3), "1.50000000");

    // The fixture's amount is the volume's: amounts have the same six decimals.
    assertThat(problemsOf(org)).containsExactly(
        new Problem("order O1", "found amount 1.0000001; expected one below 1000000000000000"
            + " in size with at most 6 decimal places"),
        new Problem("order O1", "found PV volume 1.0000001; expected at most 6 decimal places"));
  }

  /**
   * A blank id given to the builder's row methods, as a file or a database hands them over, is a
   * problem with the row's position, like any other; it hides none of the problems of the other
   * rows.
   */
  @Test
  void blankIdsAreProblemsOfTheirRowAndHideNothingElse() {
    Organisation.Builder b = Organisation.builder()
        .distributor("D1", null, JOINED, "One", "", null)
        .distributor(" ", "D1", JOINED, "Blank", "", null)
        .distributor("D2", "\t", JOINED, "Two", "", null)
        .distributor("D3", "D9", JOINED, "Three", "", null)
        .customer("", "D1", "Blank", "", null)
        .customer("C1", "  ", "One", "", null)
        .customer("C2", "D8", "Two", "", null)
        .order(" ", BuyerType.DISTRIBUTOR, "D1", nov(3), OrderStatus.PAID, BigDecimal.ONE,
            List.of("PV"), pv("1"))
        .order("O1", BuyerType.CUSTOMER, "", nov(3), OrderStatus.PAID, BigDecimal.ONE,
            List.of("PV"), pv("1"))
        .order("O2", BuyerType.CUSTOMER, "C7", nov(3), OrderStatus.PAID, BigDecimal.ONE,
            List.of("PV"), pv("1"));

    List<Problem> problems = catchThrowableOfType(ValidationException.class, b::build).problems();

    assertThat(problems).containsExactly(
        new Problem("distributor in row 2", "found a blank id \" \"; expected a distributor id"
            + " that is not blank"),
        new Problem("distributor D2", "found a blank sponsor id \"\t\"; expected a distributor"
            + " id, or none for a root"),
        new Problem("customer in row 1", "found a blank id \"\"; expected a customer id that is"
            + " not blank"),
        new Problem("customer C1", "found a blank distributor id \"  \"; expected the id of the"
            + " customer's distributor"),
        new Problem("order in row 1", "found a blank id \" \"; expected an order id that is not"
            + " blank"),
        new Problem("order O1", "found a blank buyer id \"\"; expected the id of the distributor"
            + " or customer who placed the order"),
        new Problem("distributor D3", "found sponsor D9, which is not a distributor"),
        new Problem("customer C2", "found distributor D8, which does not exist"),
        new Problem("order O2", "found buyer C7, which is not a customer"));
    // Rows are counted from 0 here; those after a blank id keep their own (D3 is row 3, not 2).
    assertThat(problems).extracting(Problem::subject).containsExactly(
        Subject.distributor("", 1).field("id"),
        Subject.distributor("D2", 2).field("sponsorId"),
        Subject.customer("", 0).field("id"),
        Subject.customer("C1", 1).field("distributorId"),
        Subject.order("", 0).field("id"),
        Subject.order("O1", 1).field("buyerId"),
        Subject.distributor("D3", 3).field("sponsorId"),
        Subject.customer("C2", 2).field("distributorId"),
        Subject.order("O2", 2).field("buyerId"));
  }

  @Test
  void anOrderMissingAVolumeTypeThePlanNeedsIsReportedAtEvaluation() {
    Organisation organisation = org().distributor("D1", null)
        .order(new Order("O1", BuyerType.DISTRIBUTOR, "D1", nov(3), OrderStatus.PAID,
            Map.of("PV", pv("10"), "CV", pv("8")), pv("12")))
        .paid("O2", "D1", nov(4), "20")
        .order(new Order("O3", BuyerType.DISTRIBUTOR, "D1", nov(5), OrderStatus.CANCELLED,
            Map.of("CV", pv("8")), pv("12")))
        .build();
    CompPlan plan = plan().volumeTypes("PV", "CV").rank(Fixtures.entry()).build();

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(organisation, plan, NOVEMBER));

    assertThat(e.problems()).containsExactly(
        new Problem("order O3", "found no PV volume; expected one, as plan Test plan needs"
            + " every one of its volume types [PV, CV]"),
        new Problem("order O2", "found no CV volume; expected one, as plan Test plan needs"
            + " every one of its volume types [PV, CV]"));
    assertThat(e).hasMessageStartingWith("organisation for plan Test plan is invalid: 2 problems");
  }

  @Test
  void aValidOrganisationKeepsEveryRecord() {
    Organisation o = org().distributor("D1", null).distributor("D2", "D1").customer("C1", "D2")
        .paid("O1", "C1", nov(3), "12.5").build();

    assertThat(o.distributorCount()).isEqualTo(2);
    assertThat(o.customerCount()).isEqualTo(1);
    assertThat(o.orderCount()).isEqualTo(1);
    assertThat(o.distributor("D2")).get().extracting(d -> d.sponsorId().orElseThrow())
        .isEqualTo("D1");
    assertThat(o.customer("C404")).isEmpty();
    assertThat(o.orders().get(0).buyerType()).isEqualTo(BuyerType.CUSTOMER);
    assertThat(o.orders().get(0).volume("PV")).isEqualByComparingTo("12.5");
  }

  @Test
  void ordersComeBackAsTheyWentIn() {
    // Regression: volumes came back at the organisation's largest scale, 100 as 100.000.
    Order whole = new Order("O1", BuyerType.DISTRIBUTOR, "D1",
        Instant.parse("2026-11-03T10:15:30.123456789Z"), OrderStatus.PAID,
        Map.of("PV", pv("100"), "CV", pv("80.5")), pv("125.00"));
    Order fine = new Order("O2", BuyerType.DISTRIBUTOR, "D1", nov(4), OrderStatus.RETURNED,
        Map.of("PV", pv("-0.125"), "CV", pv("0")), pv("0.16"));
    Organisation o = org().distributor("D1", null).order(whole).order(fine).build();

    assertThat(o.orders()).containsExactly(whole, fine);
    assertThat(o.orders().get(0).volume("PV").toPlainString()).isEqualTo("100");
    assertThat(o.volumeTypes()).containsExactly("CV", "PV");
  }

  @Test
  void titleRanksNamingUnknownDistributorsOrRanksAreRejectedAtEvaluation() {
    Organisation organisation = org().distributor("D1", null).build();
    // Checked even though no requirement of this plan reads title ranks.
    CompPlan plan = Fixtures.ladder().build();

    ValidationException e = catchThrowableOfType(ValidationException.class,
        () -> RankGauge.evaluate(organisation, plan, NOVEMBER, nov(10),
            Map.of("D1", "DIAMOND", "D404", "GLD")));

    assertThat(e.problems()).containsExactly(
        new Problem("title rank of D1", "found rank DIAMOND, which plan Test plan does"
            + " not define; expected one of: MBR, SLV, GLD, PLAT"),
        new Problem("title rank of D404", "found distributor D404, which does not exist"));
  }

  @Test
  void recordsRejectBadFieldsNamingTheField() {
    Instant t = nov(1);
    assertThatThrownBy(() -> Distributor.of(" ", null, JOINED, "X", "x@example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("distributor id must not be blank");
    assertThatThrownBy(() -> Customer.of("C1", "", "X", "x@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("distributor id of customer C1 must not be blank");
    Map<String, BigDecimal> noVolume = new java.util.HashMap<>();
    noVolume.put("PV", null);
    assertThatThrownBy(() -> new Order("O1", BuyerType.DISTRIBUTOR, "D1", t, OrderStatus.PAID,
        noVolume, BigDecimal.ONE))
        .isInstanceOf(NullPointerException.class).hasMessage("PV volume of order O1 must not be null");
    assertThatThrownBy(() -> new Period(NOVEMBER.end(), NOVEMBER.start(), Period.State.OPEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period end 2026-11-01 is before its start 2026-11-30");
  }
}
