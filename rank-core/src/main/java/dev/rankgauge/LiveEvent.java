package dev.rankgauge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Something that happened in an open period, applied to a {@link LiveEvaluation} one at a time.
 * Each event changes the data the way a host would change its rows, so that a live evaluation
 * always equals {@link RankGauge#evaluate} of the data with every event applied.
 *
 * <p>Late events: an event's own time decides where it counts, not when it arrives. An order dated
 * before orders already applied but inside the period counts in the period; one dated before the
 * period counts only for activity windows ("an order within the last N days"); one dated at or
 * after the live evaluation's as-of instant is kept and counts once {@link TimePassed} moves the
 * as-of instant past it, as {@code evaluate} with that as-of instant would count it. Time only
 * moves forward.
 */
public sealed interface LiveEvent {

  /**
   * {@return the event in English words with plain numbers, as errors and the change feed name it:
   * {@code order O4 by D7}; the same as {@code describe(Locale.ROOT)}}
   */
  default String describe() {
    return describe(Locale.ROOT);
  }

  /**
   * The event in words in a language: Spanish for {@code es}, English for any other locale
   * ({@code pedido O4 de D7}), with the locale's numbers.
   *
   * @param locale the language; {@link Locale#ROOT} for English with plain numbers
   * @return the event in words
   */
  default String describe(Locale locale) {
    Problem.Part words = LiveEvaluation.words(this);
    return Words.of(Problem.CORE, locale).format(words.code(), words.arguments());
  }

  /**
   * An order placed (or any order row added as it stands, such as a return or a cancelled order
   * read from a file of orders).
   *
   * @param order the order; its id must be new, its buyer must exist
   */
  record OrderPlaced(Order order) implements LiveEvent {
    /**
     * Checks the order is given.
     *
     * @param order the order; its id must be new, its buyer must exist
     */
    public OrderPlaced {
      Checks.notNull(order, "order");
    }
  }

  /**
   * An order returned, whole or in part: adds a return ({@link OrderStatus#RETURNED}) with its own
   * id, for the same buyer, dated when it was returned. The order itself stays paid, so "an order
   * in the period" still holds, as the data model has it; the return subtracts its volumes in the
   * period it is dated in.
   *
   * @param returnId the new return's id, unique among orders
   * @param orderId the paid order returned
   * @param at when it was returned
   * @param volumes the volumes returned by type, each from 0 up to what is left of the order;
   *     empty for the whole rest of the order. A volume type of the order not named returns 0
   * @param amount the money returned; ignored for a whole return, which returns the rest
   */
  record OrderReturned(String returnId, String orderId, Instant at,
      Map<String, BigDecimal> volumes, BigDecimal amount) implements LiveEvent {
    /**
     * Checks every field and copies the volumes.
     *
     * @param returnId the new return's id, unique among orders
     * @param orderId the paid order returned
     * @param at when it was returned
     * @param volumes the volumes returned by type; empty for the whole rest of the order
     * @param amount the money returned; ignored for a whole return
     */
    public OrderReturned {
      Checks.id(returnId, "returnId");
      Checks.id(orderId, "orderId");
      Checks.notNull(at, "at");
      Checks.notNull(volumes, "volumes");
      Checks.notNull(amount, "amount");
      TreeMap<String, BigDecimal> copy = new TreeMap<>();
      volumes.forEach((type, v) -> copy.put(Checks.id(type, "volume type of return ", returnId),
          Checks.notNull(v, type + " volume of return ", returnId)));
      volumes = Collections.unmodifiableMap(copy);
    }

    /**
     * The whole rest of an order returned.
     *
     * @param returnId the new return's id, unique among orders
     * @param orderId the paid order returned
     * @param at when it was returned
     * @return the event
     */
    public static OrderReturned whole(String returnId, String orderId, Instant at) {
      return new OrderReturned(returnId, orderId, at, Map.of(), BigDecimal.ZERO);
    }

    /** {@return whether the whole rest of the order is returned} */
    public boolean isWhole() {
      return volumes.isEmpty();
    }
  }

  /**
   * An order cancelled: it counts nothing any more, anywhere ({@link OrderStatus#CANCELLED}).
   *
   * @param orderId a paid order with no returns
   */
  record OrderCancelled(String orderId) implements LiveEvent {
    /**
     * Checks the id.
     *
     * @param orderId a paid order with no returns
     */
    public OrderCancelled {
      Checks.id(orderId, "orderId");
    }
  }

  /**
   * A distributor joined under a sponsor (or as a new root, without one), and in a plan with a
   * placement tree where the host placed them (spillover is the host's business).
   *
   * @param distributor the new distributor; the id must be new, the sponsor must exist
   * @param placement where they sit in the placement tree, if placed: a free position within the
   *     plan's width under a distributor of the same organisation; empty for a root of the
   *     placement tree
   */
  record DistributorJoined(Distributor distributor, Optional<Placement> placement)
      implements LiveEvent {
    /**
     * Checks the fields, and that the placement is the newcomer's.
     *
     * @param distributor the new distributor
     * @param placement where they sit in the placement tree, if placed
     */
    public DistributorJoined {
      Checks.notNull(distributor, "distributor");
      Checks.notNull(placement, "placement");
      placement.ifPresent(p -> {
        if (!p.distributorId().equals(distributor.id())) {
          throw new IllegalArgumentException("placement of distributor " + p.distributorId()
              + " given with distributor " + distributor.id() + " joining; expected the"
              + " newcomer's own placement");
        }
      });
    }

    /**
     * A distributor joining without a placement.
     *
     * @param distributor the new distributor; the id must be new, the sponsor must exist
     */
    public DistributorJoined(Distributor distributor) {
      this(distributor, Optional.empty());
    }

    /**
     * A distributor joining with a placement.
     *
     * @param distributor the new distributor
     * @param placement where they sit in the placement tree
     */
    public DistributorJoined(Distributor distributor, Placement placement) {
      this(distributor, Optional.of(Checks.notNull(placement, "placement")));
    }
  }

  /**
   * A customer joined a distributor.
   *
   * @param customer the new customer; the id must be new, the distributor must exist
   */
  record CustomerJoined(Customer customer) implements LiveEvent {
    /**
     * Checks the customer is given.
     *
     * @param customer the new customer
     */
    public CustomerJoined {
      Checks.notNull(customer, "customer");
    }
  }

  /**
   * A customer moved to another distributor, with all their orders.
   *
   * @param customerId an existing customer
   * @param distributorId their new distributor
   */
  record CustomerMoved(String customerId, String distributorId) implements LiveEvent {
    /**
     * Checks the ids.
     *
     * @param customerId an existing customer
     * @param distributorId their new distributor
     */
    public CustomerMoved {
      Checks.id(customerId, "customerId");
      Checks.id(distributorId, "distributorId");
    }
  }

  /**
   * A sponsor change: a distributor, with their whole sponsor downline, moved under another
   * sponsor. Their place in a placement tree stays where it is ({@link PlacementChanged} moves
   * that).
   *
   * @param distributorId an existing distributor
   * @param sponsorId their new sponsor, who must not be in their downline (nor themselves)
   */
  record SponsorChanged(String distributorId, String sponsorId) implements LiveEvent {
    /**
     * Checks the ids.
     *
     * @param distributorId an existing distributor
     * @param sponsorId their new sponsor
     */
    public SponsorChanged {
      Checks.id(distributorId, "distributorId");
      Checks.id(sponsorId, "sponsorId");
    }
  }

  /**
   * A placement change: a distributor, with everyone placed below them, moved to another position
   * in the placement tree of a binary or matrix plan. Their sponsor stays.
   *
   * @param placement the distributor's new placement: a free position within the plan's width
   *     under a distributor of the same organisation, outside the distributor's own placement
   *     subtree
   */
  record PlacementChanged(Placement placement) implements LiveEvent {
    /**
     * Checks the placement is given.
     *
     * @param placement the distributor's new placement
     */
    public PlacementChanged {
      Checks.notNull(placement, "placement");
    }
  }

  /**
   * Time passing: the as-of instant moves forward, so orders placed before it now count, and
   * "an order within the last N days" looks back from it.
   *
   * @param asOf the new as-of instant, not before the current one
   */
  record TimePassed(Instant asOf) implements LiveEvent {
    /**
     * Checks the instant is given.
     *
     * @param asOf the new as-of instant
     */
    public TimePassed {
      Checks.notNull(asOf, "asOf");
    }
  }
}
