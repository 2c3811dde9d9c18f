package dev.rankgauge.internal;

import dev.rankgauge.Organisation;
import java.util.function.Consumer;

/**
 * Not an API: for RankGauge's own readers, and subject to change without notice. Tells an
 * {@link Organisation.Builder} that every row of a kind is added, so that it does at once, on the
 * calling thread, the part of {@link Organisation.Builder#build()}'s work that needs only those
 * rows: for distributors, indexing their ids, looking up their sponsors and walking the sponsor
 * tree; for customers, indexing their ids and (once the distributors' work is done, on whichever
 * of the two threads comes second) looking up their distributors and sorting them by owner; for
 * orders, indexing their ids. A
 * reader that adds each file's rows on a thread of its own calls it as each thread ends: the work
 * then runs while the other files are still read, where it would wait for the last one.
 *
 * <p>The calls follow the builder's rule for threads: the thread that added a kind's rows (or
 * one that joined it) calls its method, after its last row and before {@link
 * Organisation.Builder#build()}, which is called after every call has returned. Rows added after
 * the call are not lost: {@code build()} then does the work again.
 */
public final class RowsAdded {
  private RowsAdded() {}

  private static Consumer<Organisation.Builder> distributors;
  private static Consumer<Organisation.Builder> customers;
  private static Consumer<Organisation.Builder> orders;

  /**
   * Registers what the builder does; called by the builder's class as it is initialised, before
   * any builder exists. A second registration is ignored.
   *
   * @param distributorsAdded the work once every distributor is added
   * @param customersAdded the work once every customer is added
   * @param ordersAdded the work once every order is added
   */
  public static synchronized void register(Consumer<Organisation.Builder> distributorsAdded,
      Consumer<Organisation.Builder> customersAdded, Consumer<Organisation.Builder> ordersAdded) {
    if (distributors == null) {
      distributors = distributorsAdded;
      customers = customersAdded;
      orders = ordersAdded;
    }
  }

  private static synchronized Consumer<Organisation.Builder> of(int kind) {
    return kind == 0 ? distributors : kind == 1 ? customers : orders;
  }

  /**
   * Every distributor (and placement) is added to the builder.
   *
   * @param builder the builder
   */
  public static void distributors(Organisation.Builder builder) {
    of(0).accept(builder);
  }

  /**
   * Every customer is added to the builder.
   *
   * @param builder the builder
   */
  public static void customers(Organisation.Builder builder) {
    of(1).accept(builder);
  }

  /**
   * Every order is added to the builder.
   *
   * @param builder the builder
   */
  public static void orders(Organisation.Builder builder) {
    of(2).accept(builder);
  }
}
