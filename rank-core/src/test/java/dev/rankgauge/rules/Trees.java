package dev.rankgauge.rules;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random organisations for properties: one root, every other distributor below an earlier one. */
public final class Trees {
  private Trees() {}

  /**
   * A tree of distributors {@code D0..Dn-1}; D0 is the root.
   *
   * @param parent the sponsor of each distributor, -1 for D0
   * @param volume the personal volume of each distributor in the period (0: no order)
   */
  public record Tree(int[] parent, long[] volume) {
    /** The id of distributor {@code i}. */
    public static String id(int i) {
      return "D" + i;
    }

    /** How many distributors. */
    public int size() {
      return parent.length;
    }

    /** The organisation, rows in index order, orders carrying PV. */
    public TestOrg org() {
      return org("PV");
    }

    /** The organisation, rows in index order, orders carrying the given volume type. */
    public TestOrg org(String volumeType) {
      TestOrg o = TestOrg.create(volumeType);
      for (int i = 0; i < parent.length; i++) {
        o.add(id(i), parent[i] < 0 ? null : id(parent[i]), volume[i]);
      }
      return o;
    }

    /** The same tree with {@code extra} more volume for distributor {@code who}. */
    public Tree withMore(int who, long extra) {
      long[] v = volume.clone();
      v[who] += extra;
      return new Tree(parent, v);
    }

    @Override
    public String toString() {
      return "Tree[parent=" + Arrays.toString(parent) + ", volume=" + Arrays.toString(volume) + "]";
    }
  }

  /** Trees of 1 to {@code maxSize} distributors with volumes of 0 to {@code maxVolume}. */
  public static Arbitrary<Tree> trees(int maxSize, long maxVolume) {
    return Arbitraries.integers().between(1, maxSize).flatMap(n -> Combinators.combine(
        Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(n),
        Arbitraries.longs().between(0, maxVolume).list().ofSize(n))
        .as((choices, volumes) -> tree(choices, volumes)));
  }

  private static Tree tree(List<Integer> choices, List<Long> volumes) {
    int n = choices.size();
    int[] parent = new int[n];
    long[] volume = new long[n];
    parent[0] = -1;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        // Mostly bushy near the top, sometimes long chains: sponsor is any earlier distributor.
        parent[i] = choices.get(i) % i;
      }
      volume[i] = volumes.get(i);
    }
    return new Tree(parent, volume);
  }
}
