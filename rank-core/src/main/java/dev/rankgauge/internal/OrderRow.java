package dev.rankgauge.internal;

import dev.rankgauge.OrderStatus;
import dev.rankgauge.Organisation;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Not an API: for RankGauge's own readers, and subject to change without notice. One order row
 * with its time in epoch seconds and its amount and volumes as unscaled {@code long}s with their
 * scales, as a reader of bytes parses them: added to an {@link Organisation.Builder} with
 * {@link #addTo}, it makes no {@code Instant}, {@code BigDecimal} or array per order. The reader
 * fills the same object for every row; the builder copies what it keeps during the call.
 *
 * <p>The builder keeps exactly what {@link dev.rankgauge.Organisation.Builder#order} keeps for
 * the same row given as {@code Instant.ofEpochSecond(epochSecond)},
 * {@code BigDecimal.valueOf(amount, amountScale)} and {@code BigDecimal.valueOf(volumes[k],
 * scales[k])}, and reports the same problems.
 */
public final class OrderRow {
  /** The order's id and its buyer's, as for the builder's {@code order}. */
  public CharSequence id;
  public CharSequence buyer;
  /** Whether a customer bought (else a distributor). */
  public boolean byCustomer;
  public long epochSecond;
  public OrderStatus status;
  /** The amount: {@code amount} × 10<sup>-{@code amountScale}</sup>. */
  public long amount;
  public int amountScale;
  /** The type of each volume; the same list object for every row of a reader. */
  public final List<String> types;
  /** Volume k is {@code volumes[k]} × 10<sup>-{@code scales[k]}</sup>, of type {@code types.get(k)}. */
  public final long[] volumes;
  public final int[] scales;

  /**
   * A row for orders with these volume types.
   *
   * @param types the volume types, in the order of the volumes
   */
  public OrderRow(List<String> types) {
    this.types = List.copyOf(types);
    this.volumes = new long[types.size()];
    this.scales = new int[types.size()];
  }

  /** How the builder adds a row in units: registered by {@link Organisation.Builder}, once. */
  private static BiConsumer<Organisation.Builder, OrderRow> adder;

  /**
   * Registers how {@link Organisation.Builder} adds a row in units; called by the builder's class
   * as it is initialised, before any builder exists. A second registration is ignored.
   *
   * @param add adds a row to a builder
   */
  public static synchronized void register(BiConsumer<Organisation.Builder, OrderRow> add) {
    if (adder == null) {
      adder = add;
    }
  }

  private static synchronized BiConsumer<Organisation.Builder, OrderRow> adder() {
    return adder;
  }

  /** The builder's way of adding, found once per row object (the builder's class is initialised). */
  private BiConsumer<Organisation.Builder, OrderRow> add;

  /**
   * Adds this row to the builder, as {@link Organisation.Builder#order} adds the same row given
   * as an {@code Instant} and {@code BigDecimal}s.
   *
   * @param builder the builder; the row is read during the call only
   */
  public void addTo(Organisation.Builder builder) {
    if (add == null) {
      add = adder();
    }
    add.accept(builder, this);
  }
}
