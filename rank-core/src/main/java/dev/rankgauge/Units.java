package dev.rankgauge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decimal units: the engine holds every volume as a {@code long} count of units of
 * 10<sup>-scale</sup>, so that sums are exact and fast. This type owns the scale and every
 * conversion between units and {@link BigDecimal}: a threshold rounds up (a volume meets it exactly
 * when its units reach the result), a cap or limit rounds down (no volume above it gets through),
 * and both saturate at {@link Long#MAX_VALUE} (out of reach, or no limit) rather than overflow; a
 * threshold far below zero saturates at {@link Long#MIN_VALUE}. Immutable.
 *
 * <p><b>Who decides the decimals.</b> The plan: an evaluation's scale is the most decimals the
 * plan declares for any of its volume types ({@link CompPlan#volumeDecimals()}), whatever the data
 * holds, so that the range of sums is fixed by the plan and never moves with one unrelated order.
 * Orders and plan figures with more decimals than their type allows are refused before any
 * arithmetic (the plan when it is built, orders by {@code RankGauge.checkVolumes} and the readers).
 * The organisation keeps its volumes in units of the data's finest decimal ({@link #factorOver});
 * an evaluation brings them to its own scale.
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

  /** The units of an evaluation with this plan: its declared decimals, whatever the data holds. */
  static Units of(CompPlan plan) {
    return new Units(plan.decimals());
  }

  /**
   * The largest sum these units hold, as a decimal: {@link Long#MAX_VALUE} units, about 9.2 *
   * 10^(18 - scale).
   */
  BigDecimal limit() {
    return BigDecimal.valueOf(Long.MAX_VALUE, scale);
  }

  /**
   * How many decimals a figure has once trailing zeros are stripped ({@code 1.500} has one,
   * {@code 1E+3} none). Only for figures already checked to be in range.
   */
  static int decimals(BigDecimal v) {
    return v.signum() == 0 ? 0 : Math.max(0, v.stripTrailingZeros().scale());
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

  /** A volume figure of a requirement: its field (and entry, for a list) and its value. */
  record Figure(String field, String key, BigDecimal value) {
    Figure(String field, BigDecimal value) {
      this(field, "", value);
    }
  }

  /**
   * The volume figures of a requirement (thresholds, minimums), each with the field a plan file
   * names it by; none for counts, rank codes and the inner requirements of an {@code anyOf}, which
   * are requirements of their own. A capped group volume's percentage is no volume: its cap is
   * compared exactly ({@code Rules.CappedGroupVolume}).
   */
  static List<Figure> figures(Requirement q) {
    return q.accept(FIGURES);
  }

  private static final Requirement.Visitor<List<Figure>> FIGURES = new Requirement.Visitor<>() {
    @Override
    public List<Figure> visit(Requirement.PersonalVolume q) {
      return List.of(new Figure("volume", q.volume()));
    }

    @Override
    public List<Figure> visit(Requirement.GroupVolume q) {
      return List.of(new Figure("volume", q.volume()));
    }

    @Override
    public List<Figure> visit(Requirement.ActivePersonalCustomers q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.ActivePersonalDistributors q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.SponsoredWithRank q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.LegsWithRank q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.LegsWithVolume q) {
      List<BigDecimal> slots = q.slots();
      if (slots.stream().distinct().count() == 1) {
        return List.of(new Figure("volume", slots.get(0)));
      }
      // The slots are kept highest first, not in the order a plan file lists them: each is
      // named by the list and its value.
      List<Figure> out = new ArrayList<>();
      for (BigDecimal slot : slots) {
        out.add(new Figure("volumes", slot));
      }
      return out;
    }

    @Override
    public List<Figure> visit(Requirement.CappedGroupVolume q) {
      return List.of(new Figure("volume", q.volume()));
    }

    @Override
    public List<Figure> visit(Requirement.LevelGroupVolume q) {
      return List.of(new Figure("volume", q.volume()));
    }

    @Override
    public List<Figure> visit(Requirement.PersonalGroupVolume q) {
      return List.of(new Figure("volume", q.volume()));
    }

    @Override
    public List<Figure> visit(Requirement.ActiveLegs q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.PaidAsInPeriods q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.AccumulatedVolume q) {
      List<Figure> out = new ArrayList<>();
      out.add(new Figure("volume", q.volume()));
      q.minimumEach().ifPresent(m -> out.add(new Figure("minimumEach", m)));
      return out;
    }

    @Override
    public List<Figure> visit(Requirement.JoinedWithinDays q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.SideVolume q) {
      return List.of(new Figure("weak", q.weak()), new Figure("strong", q.strong()));
    }

    @Override
    public List<Figure> visit(Requirement.SponsoredOnEachSide q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.RankOnEachSide q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.MatrixPositions q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.Range q) {
      // Percents compare exactly (Rules.Range) and counts are whole: only volumes are figures.
      if (!q.of().isVolume()) {
        return List.of();
      }
      List<Figure> out = new ArrayList<>();
      q.atLeast().ifPresent(v -> out.add(new Figure("atLeast", v)));
      q.atMost().ifPresent(v -> out.add(new Figure("atMost", v)));
      return out;
    }

    @Override
    public List<Figure> visit(Requirement.AnyOf q) {
      return List.of();
    }

    @Override
    public List<Figure> visit(Requirement.Host q) {
      return List.of();
    }
  };
}
