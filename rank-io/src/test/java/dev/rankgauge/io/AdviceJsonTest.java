package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankgauge.BuyerType;
import dev.rankgauge.CompPlan;
import dev.rankgauge.Customer;
import dev.rankgauge.Distributor;
import dev.rankgauge.Evaluation;
import dev.rankgauge.Order;
import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import dev.rankgauge.Period;
import dev.rankgauge.Placement;
import dev.rankgauge.RankGauge;
import dev.rankgauge.json.PlanFiles;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One distributor's advice as JSON: the rank, the cost, each step with people and orders. */
class AdviceJsonTest {
  private static final LocalDate JOINED = LocalDate.of(2025, 1, 1);
  private final CompPlan plan = PlanFiles.bundled("seed");
  /** Ann has 60 PV, a customer who bought in October and Ben with 40 PV: Silver is close. */
  private final Evaluation e = RankGauge.evaluate(Organisation.builder()
      .add(Distributor.of("D1", null, JOINED, "Ann Able", "ann@example.com"))
      .add(Distributor.of("D2", "D1", JOINED, "Ben Best", "ben@example.com"))
      .add(Customer.of("C1", "D1", "Cy Cole", "cy@example.com"))
      .add(Order.byDistributor("O1", "D1", Instant.parse("2026-11-03T12:00:00Z"),
          new BigDecimal("60")))
      .add(Order.byDistributor("O2", "D2", Instant.parse("2026-11-04T12:00:00Z"),
          new BigDecimal("40")))
      .add(Order.byCustomer("O3", "C1", Instant.parse("2026-10-12T12:00:00Z"),
          new BigDecimal("30")))
      .build(), plan, Period.month(2026, 11), Instant.parse("2026-11-27T16:00:00Z"));

  private String json(String id, Locale locale) {
    StringWriter w = new StringWriter();
    AdviceJson.write(e, id, w, locale);
    return w.toString();
  }

  @Test
  void theStepsWithThePeopleTheyNameAndTheOrdersThatTakeThem() {
    String json = json("D1", Locale.ENGLISH);

    assertThat(json).startsWith("{\n  \"id\" : \"D1\",")
        .contains("\"rank\" : {\n    \"code\" : \"SLV\",")
        .contains("\"complete\" : true", "\"cost\" : 400")
        .contains("\"kind\" : \"personalVolume\"", "\"kind\" : \"groupVolume\"")
        .contains("\"kind\" : \"activateDistributor\"", "\"email\" : \"ben@example.com\"")
        .contains("\"buyerId\" : \"D2\"", "\"timestamp\" : \"2026-11-27T15:59:59Z\"")
        .contains("\"requirement\" : \"at least 1 active personal distributor\"")
        .endsWith("}\n");
  }

  @Test
  void theRequirementsSpeakTheLanguageAskedFor() {
    assertThat(json("D1", Locale.forLanguageTag("es")))
        .contains("\"requirement\" : \"al menos 1 distribuidor personal activo\"");
  }

  @Test
  void aStepInAnotherVolumeTypeNamesItsType() {
    // Hybrid PV/BV: Manager asks for 300 BV on the weak side and 600 on the strong. Ann placed Bo
    // (200 BV) on her left and Cy (50 BV) on her right: 400 BV more at Bo, 250 at Cy, in orders
    // of BV only, which cost no PV.
    Organisation.Builder b = Organisation.builder()
        .add(Distributor.of("ANN", null, JOINED, "Ann Able", "ann@example.com"))
        .add(Distributor.of("BO", "ANN", JOINED, "Bo Best", "bo@example.com"))
        .add(Distributor.of("CY", "ANN", JOINED, "Cy Cole", "cy@example.com"));
    b.place("BO", "ANN", Placement.LEFT).place("CY", "ANN", Placement.RIGHT);
    String[][] orders = {{"ANN", "100", "100"}, {"BO", "100", "200"}, {"CY", "100", "50"}};
    for (int i = 0; i < orders.length; i++) {
      b.add(new Order("O" + (i + 1), BuyerType.DISTRIBUTOR, orders[i][0],
          Instant.parse("2026-11-03T12:00:00Z"), OrderStatus.PAID, Map.of("PV",
              new BigDecimal(orders[i][1]), "BV", new BigDecimal(orders[i][2])), BigDecimal.ZERO));
    }
    Evaluation hybrid = RankGauge.evaluate(b.build(), PlanFiles.bundled("hybrid-bv"),
        Period.month(2026, 11), Instant.parse("2026-11-27T16:00:00Z"));
    StringWriter w = new StringWriter();
    AdviceJson.write(hybrid, "ANN", w, Locale.ENGLISH);

    assertThat(w.toString())
        .contains("\"code\" : \"MGR\"", "\"complete\" : true", "\"cost\" : 0")
        .contains("\"kind\" : \"sideVolume\"")
        .containsPattern("\"volume\" : 400,\\s+\"volumeType\" : \"BV\"")
        .containsPattern("\"volume\" : 250,\\s+\"volumeType\" : \"BV\"");
  }
}
