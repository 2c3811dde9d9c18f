package dev.rankgauge;

import java.math.BigDecimal;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ with the domain's words: one static import of {@code assertThat} gives AssertJ's
 * assertions plus these. Volumes are compared by value, so "1150" matches 1150.00.
 */
class RankGaugeAssertions extends Assertions {
  protected RankGaugeAssertions() {}

  static DistributorResultAssert assertThat(DistributorResult actual) {
    return new DistributorResultAssert(actual);
  }

  static GaugeAssert assertThat(Gauge actual) {
    return new GaugeAssert(actual);
  }

  static RequirementStatusAssert assertThat(RequirementStatus actual) {
    return new RequirementStatusAssert(actual);
  }

  /** Assertions on one distributor's result. */
  static final class DistributorResultAssert
      extends AbstractAssert<DistributorResultAssert, DistributorResult> {
    DistributorResultAssert(DistributorResult actual) {
      super(actual, DistributorResultAssert.class);
    }

    DistributorResultAssert isPaidAs(String rankCode) {
      isNotNull();
      if (!actual.paidAs().code().equals(rankCode)) {
        failWithMessage("expected %s to be paid as %s but was paid as %s",
            actual.distributor().id(), rankCode, actual.paidAs().code());
      }
      return this;
    }

    DistributorResultAssert hasPersonalSales(String volume) {
      return hasGaugeValue(Metric.PERSONAL_SALES, volume);
    }

    DistributorResultAssert hasGroupSales(String volume) {
      return hasGaugeValue(Metric.GROUP_SALES, volume);
    }

    DistributorResultAssert hasActivePersonalCustomers(int count) {
      return hasGaugeValue(Metric.ACTIVE_PERSONAL_CUSTOMERS, Integer.toString(count));
    }

    DistributorResultAssert hasActivePersonalDistributors(int count) {
      return hasGaugeValue(Metric.ACTIVE_PERSONAL_DISTRIBUTORS, Integer.toString(count));
    }

    private DistributorResultAssert hasGaugeValue(Metric metric, String value) {
      isNotNull();
      BigDecimal v = actual.gauge(metric).value();
      if (v.compareTo(new BigDecimal(value)) != 0) {
        failWithMessage("expected %s of %s to be %s but was %s", metric.label(),
            actual.distributor().id(), value, v.toPlainString());
      }
      return this;
    }
  }

  /** Assertions on one gauge. */
  static final class GaugeAssert extends AbstractAssert<GaugeAssert, Gauge> {
    GaugeAssert(Gauge actual) {
      super(actual, GaugeAssert.class);
    }

    GaugeAssert hasValue(String value) {
      isNotNull();
      if (actual.value().compareTo(new BigDecimal(value)) != 0) {
        failWithMessage("expected %s gauge value %s but was %s", actual.metric().label(), value,
            actual.value().toPlainString());
      }
      return this;
    }

    GaugeAssert reaches(String rankCode) {
      isNotNull();
      if (!actual.rank().code().equals(rankCode)) {
        failWithMessage("expected %s gauge to reach %s but it reaches %s", actual.metric().label(),
            rankCode, actual.rank().code());
      }
      return this;
    }

    /** The next rank and how much more of the metric it needs. */
    GaugeAssert needsMoreFor(String remaining, String nextRankCode) {
      isNotNull();
      String next = actual.nextRank().map(Rank::code).orElse("(none)");
      BigDecimal left = actual.remaining().orElse(null);
      if (!next.equals(nextRankCode) || left == null
          || left.compareTo(new BigDecimal(remaining)) != 0) {
        failWithMessage("expected %s gauge to need %s more for %s but it needs %s more for %s",
            actual.metric().label(), remaining, nextRankCode,
            left == null ? "(nothing)" : left.toPlainString(), next);
      }
      return this;
    }

    GaugeAssert hasNeedle(String needle) {
      isNotNull();
      if (actual.needle().compareTo(new BigDecimal(needle)) != 0) {
        failWithMessage("expected %s gauge needle at %s but it is at %s", actual.metric().label(),
            needle, actual.needle().toPlainString());
      }
      return this;
    }

    /** At the gauge's end: no further rank asks more of this metric. */
    GaugeAssert isAtItsEnd() {
      return isAtTheTop();
    }

    /** A metric no rank asks for: the entry rank alone, needle at 0, no next rank. */
    GaugeAssert isNotUsed() {
      isNotNull();
      if (actual.used() || actual.marks().size() != 1 || actual.nextRank().isPresent()
          || actual.remaining().isPresent() || actual.needle().signum() != 0) {
        failWithMessage("expected %s gauge not used by the plan but it has marks %s, next rank %s"
            + " and needle %s", actual.metric().label(), actual.marks(), actual.nextRank(),
            actual.needle().toPlainString());
      }
      return this;
    }

    GaugeAssert isAtTheTop() {
      isNotNull();
      if (actual.nextRank().isPresent() || actual.remaining().isPresent()
          || actual.needle().compareTo(BigDecimal.ONE) != 0) {
        failWithMessage("expected %s gauge at the top of the ladder but it has next rank %s,"
            + " remaining %s and needle %s", actual.metric().label(), actual.nextRank(),
            actual.remaining(), actual.needle().toPlainString());
      }
      return this;
    }
  }

  /** Assertions on one line of a gap report. */
  static final class RequirementStatusAssert
      extends AbstractAssert<RequirementStatusAssert, RequirementStatus> {
    RequirementStatusAssert(RequirementStatus actual) {
      super(actual, RequirementStatusAssert.class);
    }

    /** Required, actual, remaining and percent complete, in that order, compared by value. */
    RequirementStatusAssert hasFigures(String required, String actualValue, String remaining,
        String percentComplete) {
      isNotNull();
      if (actual.required().compareTo(new BigDecimal(required)) != 0
          || actual.actual().compareTo(new BigDecimal(actualValue)) != 0
          || actual.remaining().compareTo(new BigDecimal(remaining)) != 0
          || actual.percentComplete().compareTo(new BigDecimal(percentComplete)) != 0) {
        failWithMessage("expected %s to have required %s, actual %s, remaining %s, %s%% complete"
            + " but had %s, %s, %s, %s%%", actual.description(), required, actualValue,
            remaining, percentComplete, actual.required().toPlainString(),
            actual.actual().toPlainString(), actual.remaining().toPlainString(),
            actual.percentComplete().toPlainString());
      }
      return this;
    }

    RequirementStatusAssert isMet() {
      isNotNull();
      if (!actual.met()) {
        failWithMessage("expected <%s> to be met", actual);
      }
      return this;
    }

    RequirementStatusAssert isNotMet() {
      isNotNull();
      if (actual.met()) {
        failWithMessage("expected <%s> not to be met", actual);
      }
      return this;
    }
  }
}
