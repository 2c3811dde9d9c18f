package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The orders sorted by buyer on two threads ({@code Organisation.sortedByInTwo}, each half of
 * them counted and placed on a thread of its own) come in the same order as on one
 * ({@code Organisation.sortedBy}): each buyer's orders together, in the order they were added,
 * with the same run starts; items without a key (-1) left out as there.
 */
class SortedInTwoPropertiesTest {

  @Property(tries = 40)
  void twoThreadsSortLikeOne(@ForAll boolean many,
      @ForAll @IntRange(max = 2 * Organisation.SPLIT_SORT) int more,
      @ForAll @IntRange(min = 1, max = 200_000) int keyCount, @ForAll long seed,
      @ForAll boolean someWithoutKey) {
    // Many enough to be sorted on two threads in most tries, and fewer in the others.
    int count = (many ? Organisation.SPLIT_SORT : 0) + more;
    Random random = new Random(seed);
    int[] keys = new int[count];
    for (int i = 0; i < count; i++) {
      keys[i] = someWithoutKey && random.nextInt(50) == 0 ? -1 : random.nextInt(keyCount);
    }
    int[] oneStarts = new int[keyCount + 1];
    int[] one = Organisation.sortedBy(keys.clone(), count, keyCount, oneStarts);
    int[] twoStarts = new int[keyCount + 1];
    int[] two = Organisation.sortedByInTwo(keys.clone(), count, keyCount, twoStarts);
    assertThat(two).isEqualTo(one);
    assertThat(twoStarts).isEqualTo(oneStarts);
    Statistics.label("on two threads").collect(count >= Organisation.SPLIT_SORT);
  }

  @Property(tries = 10)
  void eachKeysItemsStayInTheOrderTheyCame(@ForAll @IntRange(min = 1, max = 1000) int keyCount,
      @ForAll long seed) {
    int count = Organisation.SPLIT_SORT + 1000;
    Random random = new Random(seed);
    int[] keys = new int[count];
    for (int i = 0; i < count; i++) {
      keys[i] = random.nextInt(keyCount);
    }
    int[] starts = new int[keyCount + 1];
    int[] sorted = Organisation.sortedByInTwo(keys, count, keyCount, starts);
    for (int k = 0; k < keyCount; k++) {
      for (int j = starts[k]; j < starts[k + 1]; j++) {
        assertThat(keys[sorted[j]]).isEqualTo(k);
        if (j > starts[k]) {
          assertThat(sorted[j]).isGreaterThan(sorted[j - 1]);
        }
      }
    }
    assertThat(starts[keyCount]).isEqualTo(count);
  }
}
