package dev.rankgauge.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rankgauge.CompPlan;
import dev.rankgauge.Problem;
import dev.rankgauge.ValidationException;
import dev.rankgauge.json.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad history folder read in Spanish: every problem of {@link HistoryFiles} keeps its file,
 * line and column, and reads in Spanish; a program matches on its code. The JSON parser's own
 * words are quoted inside a Spanish sentence.
 */
class HistoryProblemsInSpanishTest {
  private static final Locale ES = Locale.forLanguageTag("es");
  private final CompPlan plan = PlanFiles.bundled("seed");

  @TempDir
  Path dir;

  @Test
  void aBadHistoryFolderReadsInSpanishWithEveryLocationKept() throws IOException {
    Files.writeString(dir.resolve("2026-10.csv"), String.join(",", HistoryFiles.COLUMNS) + "\n"
        + "2026-1,D1,DIST,DIST,RUBY,x,0,0,-1,0,waive GLD 9\n"
        + "2026-10,D2,GLD,SLV,GLD,1,1,0,0,0,\n");
    Files.writeString(dir.resolve("2026-11.jsonl"),
        "{\"period\":\"2026-11\",\"distributorId\":\"D1\",\"colour\":1}\n"
            + "[1]\n"
            + "not json\n");

    List<Problem> problems = catchThrowableOfType(ValidationException.class,
        () -> HistoryFiles.read(dir, plan)).problems();

    List<String> ranks = plan.ranks().stream().map(r -> r.code()).toList();
    String all = String.join(", ", ranks);
    int gold = plan.ranks().get(plan.rankLevel("GLD")).requirements().size();
    assertThat(problems).map(Problem::code).containsExactly("history.period",
        "history.unknownRank", "history.decimal", "history.count", "history.waivedNumber",
        "history.held", "history.unknownField", "history.missingFields", "history.notObject",
        "history.notJson");
    assertThat(problems).map(p -> p.toString(ES)).containsExactly(
        "2026-10.csv:2:1: se encontró el periodo \"2026-1\"; se esperaba un mes (2026-11) o un"
            + " rango de días (2026-11-02..2026-11-08)",
        "2026-10.csv:2:5: se encontró el rango \"RUBY\" como title, que el plan " + plan.name()
            + " no define; se esperaba uno de: " + all,
        "2026-10.csv:2:6: se encontró \"x\" como personal_sales; se esperaba un número decimal"
            + " como 120 o 99.5",
        "2026-10.csv:2:9: se encontró \"-1\" como active_personal_distributors; se esperaba un"
            + " número entero, 0 o más",
        "2026-10.csv:2:11: se encontró un requisito eximido de GLD numerado fuera de sus " + gold
            + " requisitos; se esperaba un número del 1 al " + gold,
        "2026-10.csv:3: se encontró al distribuidor D2 en 2026-10 pagado como GLD, calificado"
            + " como SLV y mantenido 0 periodos; se esperaba periodsHeld mayor que 0 exactamente"
            + " cuando el rango pagado y el calificado difieren, salvo que un ajuste minimum_rank"
            + " haya subido el rango pagado",
        "2026-11.jsonl:1:42: se encontró el campo desconocido \"colour\"; se esperaba uno de:"
            + " period, distributorId, paidAs, qualifiedAs, title, personalSales, groupSales,"
            + " activePersonalCustomers, activePersonalDistributors, periodsHeld,"
            + " overridesApplied, personalVolumes",
        "2026-11.jsonl:1: no se encontró paidAs, qualifiedAs, title, personalSales, groupSales,"
            + " activePersonalCustomers, activePersonalDistributors, periodsHeld; se esperaban"
            + " todos los campos de un registro de periodo: period, distributorId, paidAs,"
            + " qualifiedAs, title, personalSales, groupSales, activePersonalCustomers,"
            + " activePersonalDistributors, periodsHeld, overridesApplied, personalVolumes",
        "2026-11.jsonl:2:1: no se encontró ningún objeto JSON; se esperaba un registro por"
            + " línea, {\"period\": ..., \"distributorId\": ..., ...}",
        "2026-11.jsonl:3: se encontró texto que no es JSON: Unrecognized token 'not': was"
            + " expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false')");
    assertThat(problems).map(Problem::location).containsExactly("2026-10.csv:2:1",
        "2026-10.csv:2:5", "2026-10.csv:2:6", "2026-10.csv:2:9", "2026-10.csv:2:11",
        "2026-10.csv:3", "2026-11.jsonl:1:42", "2026-11.jsonl:1", "2026-11.jsonl:2:1", "2026-11.jsonl:3");
    assertThat(problems.get(4).toString()).isEqualTo("2026-10.csv:2:11: found a waived"
        + " requirement of GLD numbered out of its " + gold + " requirements; expected a number"
        + " from 1 to " + gold);
  }
}
