package dev.rankgauge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Decimal units: the engine holds every volume as a {@code long} count of units of
 * 10<sup>-scale</sup>, so that sums are exact and fast. This type owns the scale and every
 * conversion between units and {@link BigDecimal}: a threshold rounds up (a volume meets it exactly
 * when its units reach the result), a cap or limit rounds down (no volume above it gets through),
 * and both saturate at {@link Long#MAX_VALUE} (out of reach, or no limit) rather than overflow; a
 * threshold far below zero saturates at {@link Long#MIN_VALUE}. Immutable.
 *
 * <p><b>Who decides the decimals.</b> Today an evaluation's scale is the finer of the data's and the
 * plan's (see {@link #of}), at most {@link #MAX_DECIMALS}. When the plan decides the decimals, the
 * one line to change is the {@code return} of {@link #of}: it becomes
 * {@code new Units(plan's decimals)}, and the organisation's volumes are rescaled to it by
 * {@link #factorOver} as they are today.
 */
final class Units {
  /**
   * The most decimals a volume may have: in orders, in plan thresholds and in the engine. Longs of
   * 10^-6 units hold sums of millions of volumes below {@link Organisation#MAX_VOLUME}.
   */
  static final int MAX_DECIMALS = 6;

  /** Decimals of every long volume in these units. */
  final int scale;

  private Units(int scale) {
    if (scale < 0 || scale > MAX_DECIMALS) {
      throw new IllegalArgumentException("scale out of range: " + scale);
    }
    this.scale = scale;
  }

  /** Units of exactly this many decimals. */
  static Units ofScale(int scale) {
    return new Units(scale);
  }

  /**
   * The units of one evaluation: as fine as the organisation's volumes and the plan's figures, at
   * most {@link #MAX_DECIMALS}. A plan figure with more decimals converts by the rules of
   * {@link #threshold} and {@link #cap}.
   */
  static Units of(Units data, CompPlan plan) {
    return new Units(Math.max(data.scale, Math.min(MAX_DECIMALS, planScale(plan))));
  }

  /** How many of these units make one unit of {@code coarser}: 10^(scale - coarser.scale). */
  long factorOver(Units coarser) {
    if (coarser.scale > scale) {
      throw new IllegalArgumentException("scale " + coarser.scale + " is finer than " + scale);
    }
    return BigInteger.TEN.pow(scale - coarser.scale).longValueExact();
  }

  /**
   * A threshold in units, rounded up, so that a volume meets it exactly when its units reach the
   * result. One too large for a long is out of reach: {@link Long#MAX_VALUE}; one too far below
   * zero (what is still needed once enough is counted) is {@link Long#MIN_VALUE}.
   */
  long threshold(BigDecimal threshold) {
    return saturated(threshold.setScale(scale, RoundingMode.CEILING));
  }

  /**
   * A non-negative cap or limit in units, rounded down, so that nothing above it gets through. One
   * too large for a long is no limit: {@link Long#MAX_VALUE}.
   */
  long cap(BigDecimal cap) {
    return saturated(cap.setScale(scale, RoundingMode.FLOOR));
  }

  private static long saturated(BigDecimal scaled) {
    BigInteger u = scaled.unscaledValue();
    if (u.bitLength() < Long.SIZE) {
      return u.longValue();
    }
    return u.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** Units back to a decimal with exactly {@link #scale} decimals. */
  BigDecimal decimal(long units) {
    return BigDecimal.valueOf(units, scale);
  }

  /**
   * A value given with {@code fromScale} decimals in these units; exact, or an
   * {@link ArithmeticException} on overflow.
   */
  long rescale(long unscaled, int fromScale) {
    long v = unscaled;
    for (int i = fromScale; i < scale; i++) {
      v = Math.multiplyExact(v, 10L);
    }
    return v;
  }

  /**
   * A volume with at most {@link #MAX_DECIMALS} decimals once trailing zeros are stripped, with a
   * scale of 0 or more ({@code 1E+3} becomes {@code 1000}); null if it has more decimals.
   */
  static BigDecimal withinMaxDecimals(BigDecimal v) {
    BigDecimal out = v.scale() > MAX_DECIMALS ? v.stripTrailingZeros() : v;
    if (out.scale() > MAX_DECIMALS) {
      return null;
    }
    return out.scale() < 0 ? out.setScale(0) : out;
  }

  /** The most decimals any figure of the plan has, so that thresholds convert exactly. */
  static int planScale(CompPlan plan) {
    int decimals = 0;
    if (plan.customerActivity() instanceof ActivityRule.MinimumVolume m) {
      decimals = Math.max(decimals, m.volume().scale());
    }
    if (plan.distributorActivity() instanceof ActivityRule.MinimumVolume m) {
      decimals = Math.max(decimals, m.volume().scale());
    }
    if (plan.personalVolume().selfPurchaseCap().isPresent()) {
      decimals = Math.max(decimals, plan.personalVolume().selfPurchaseCap().get().scale());
    }
    for (Rank r : plan.ranks()) {
      for (Requirement q : r.requirements()) {
        decimals = Math.max(decimals, scale(q));
      }
    }
    return decimals;
  }

  private static int scale(Requirement q) {
    return q.accept(SCALE);
  }

  /** The decimals a requirement's thresholds need; counts and rank codes need none. */
  private static final Requirement.Visitor<Integer> SCALE = new Requirement.Visitor<>() {
    @Override
    public Integer visit(Requirement.PersonalVolume q) {
      return q.volume().scale();
    }

    @Override
    public Integer visit(Requirement.GroupVolume q) {
      return q.volume().scale();
    }

    @Override
    public Integer visit(Requirement.ActivePersonalCustomers q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.ActivePersonalDistributors q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.SponsoredWithRank q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.LegsWithRank q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.LegsWithVolume q) {
      return q.slots().stream().mapToInt(BigDecimal::scale).max().orElse(0);
    }

    @Override
    public Integer visit(Requirement.CappedGroupVolume q) {
      // Not the cap's scale: a cap such as 33.33% of 1,000 would widen every volume of the
      // evaluation; CappedGroupVolume compares with the exact cap instead.
      return q.volume().scale();
    }

    @Override
    public Integer visit(Requirement.LevelGroupVolume q) {
      return q.volume().scale();
    }

    @Override
    public Integer visit(Requirement.PersonalGroupVolume q) {
      return q.volume().scale();
    }

    @Override
    public Integer visit(Requirement.ActiveLegs q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.PaidAsInPeriods q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.AccumulatedVolume q) {
      return Math.max(q.volume().scale(), q.minimumEach().map(BigDecimal::scale).orElse(0));
    }

    @Override
    public Integer visit(Requirement.JoinedWithinDays q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.SideVolume q) {
      return Math.max(q.weak().scale(), q.strong().scale());
    }

    @Override
    public Integer visit(Requirement.SponsoredOnEachSide q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.RankOnEachSide q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.MatrixPositions q) {
      return 0;
    }

    @Override
    public Integer visit(Requirement.AnyOf q) {
      int widest = 0;
      for (Requirement.Path p : q.paths()) {
        for (Requirement inner : p.requirements()) {
          widest = Math.max(widest, scale(inner));
        }
      }
      return widest;
    }

    @Override
    public Integer visit(Requirement.Host q) {
      return 0;
    }
  };

  @Override
  public String toString() {
    return "units of 10^-" + scale;
  }
}
