package dev.rankgauge;

import static dev.rankgauge.Fixtures.JOINED;
import static dev.rankgauge.Fixtures.NOVEMBER;
import static dev.rankgauge.Fixtures.ladder;
import static dev.rankgauge.Fixtures.nov;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Readers on other threads while one writer applies orders: every snapshot is a whole moment
 * (never half an event), stays the same however long it is read, and the last one equals a whole
 * evaluation; every reader sees the same figures for the same moment.
 */
class LiveConcurrencyTest {
  private static final int DISTRIBUTORS = 2_000;
  private static final int ORDERS = 3_000;

  @Test
  void readersSeeWholeMomentsWhileOrdersArrive() throws Exception {
    Organisation.Builder b = Organisation.builder();
    for (int i = 0; i < DISTRIBUTORS; i++) {
      b.distributor("D" + i, i == 0 ? null : "D" + ((i - 1) / 3), JOINED, "N", "n@example.com",
          null);
    }
    Organisation org = b.build();
    CompPlan plan = ladder().build();
    LiveEvaluation live = LiveEvaluation.start(org, plan, NOVEMBER, nov(28));
    List<Order> orders = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    int readers = 3;
    CountDownLatch started = new CountDownLatch(readers);
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      Thread t = new Thread(() -> {
        started.countDown();
        BigDecimal last = BigDecimal.ZERO;
        int reads = 0;
        while (!done.get() || reads < 5) {
          Evaluation e = live.snapshot();
          BigDecimal root = e.gauge("D0", Metric.GROUP_SALES).value();
          BigDecimal sum = BigDecimal.ZERO;
          for (DistributorResult d : e.results()) {
            sum = sum.add(d.gauge(Metric.PERSONAL_SALES).value());
          }
          if (root.compareTo(sum) != 0) {
            failures.add("torn: root group volume " + root + " but personal volumes sum to "
                + sum);
          }
          if (root.compareTo(last) < 0) {
            failures.add("went back: " + last + " then " + root);
          }
          if (e.gauge("D0", Metric.GROUP_SALES).value().compareTo(root) != 0) {
            failures.add("a snapshot changed while read");
          }
          last = root;
          reads++;
        }
      });
      threads.add(t);
      t.start();
    }
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < ORDERS; i++) {
      BigDecimal v = BigDecimal.valueOf(1 + i % 7);
      Order o = Order.byDistributor("O" + i, "D" + (i * 7919 % DISTRIBUTORS), nov(1 + i % 27), v);
      orders.add(o);
      live.apply(new LiveEvent.OrderPlaced(o));
      total = total.add(v);
    }
    done.set(true);
    for (Thread t : threads) {
      t.join(60_000);
    }
    assertThat(failures).isEmpty();
    Evaluation last = live.snapshot();
    assertThat(last.gauge("D0", Metric.GROUP_SALES).value()).isEqualByComparingTo(total);
    Organisation all = Organisation.builder().addDistributors(org.distributors())
        .addOrders(orders).build();
    Evaluation whole = RankGauge.evaluate(all, plan, NOVEMBER, nov(28));
    for (int i = 0; i < DISTRIBUTORS; i += 97) {
      assertThat(last.result("D" + i)).isEqualTo(whole.result("D" + i));
    }
    assertThat(last.paidAsCounts()).isEqualTo(whole.paidAsCounts());
  }
}
