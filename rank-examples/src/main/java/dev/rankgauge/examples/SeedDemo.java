package dev.rankgauge.examples;

import dev.rankgauge.Evaluation;
import dev.rankgauge.RankGauge;
import dev.rankgauge.view.TextView;

/** Prints the seed's gas gauge view: {@code mvn -q -pl rank-examples -am compile exec:java}. */
public final class SeedDemo {
  private SeedDemo() {}

  /** Evaluates the seed organisation and prints Dana's view. */
  public static void main(String[] args) {
    Evaluation e = RankGauge.evaluate(SeedExample.organisation(), SeedExample.plan(),
        SeedExample.PERIOD, SeedExample.AS_OF);
    System.out.print(TextView.render(e, e.result(SeedExample.DANA)));
  }
}
