package dev.rankgauge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The id table behaves as a map from id to first position, whatever the ids' hashes: a slot's hash
 * bits only let a probe skip ids, never stand for a comparison of the bytes.
 */
class IdTablePropertiesTest {

  @Property(tries = 200)
  void everyIdIsFoundAtItsFirstPositionAndRepeatsAreNamedAsSuch(
      @ForAll("ids") List<String> ids, @ForAll("ids") List<String> others) {
    IdTable table = new IdTable(1);
    Texts asTexts = new Texts(1);
    Map<String, Integer> expected = new HashMap<>();
    for (String id : ids) {
      Integer first = expected.putIfAbsent(id, expected.size());
      assertThat(table.add(id)).isEqualTo(first == null ? -1 : first);
    }
    assertThat(table.size()).isEqualTo(expected.size());
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      assertThat(table.find(e.getKey())).isEqualTo(e.getValue());
      assertThat(table.get(e.getValue())).isEqualTo(e.getKey());
    }
    for (String id : others) {
      int k = asTexts.add(id);
      int want = expected.getOrDefault(id, -1);
      assertThat(table.find(id)).isEqualTo(want);
      assertThat(table.find(asTexts, k)).isEqualTo(want);
    }
  }

  @Property(tries = 200)
  void idsAppendedThenIndexedInBatchesAreFoundAtTheirFirstPositionAndRepeatsNamedInOrder(
      @ForAll("ids") List<String> ids, @ForAll("ids") List<String> others,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 2001) int every) {
    IdTable table = new IdTable(1);
    Map<String, Integer> first = new HashMap<>();
    List<List<Integer>> expectedRepeats = new java.util.ArrayList<>();
    List<List<Integer>> repeats = new java.util.ArrayList<>();
    IdTable.Repeat found = (p, f) -> repeats.add(List.of(p, f));
    for (int p = 0; p < ids.size(); p++) {
      assertThat(table.append(ids.get(p))).isEqualTo(p);
      Integer f = first.putIfAbsent(ids.get(p), p);
      if (f != null) {
        expectedRepeats.add(List.of(p, f));
      }
      if ((p + 1) % every == 0) {
        // Indexed in steps, as a builder built more than once indexes what came since.
        table.index(found);
      }
    }
    table.index(found);
    table.index(found);

    assertThat(repeats).isEqualTo(expectedRepeats);
    assertThat(table.size()).isEqualTo(ids.size());
    for (int p = 0; p < ids.size(); p++) {
      assertThat(table.get(p)).isEqualTo(ids.get(p));
      assertThat(table.find(ids.get(p))).isEqualTo(first.get(ids.get(p)));
    }
    Texts asTexts = new Texts(1);
    int[] all = new int[others.size()];
    for (String id : others) {
      asTexts.add(id);
    }
    table.findAll(asTexts, 0, others.size(), all, null, false);
    for (int k = 0; k < others.size(); k++) {
      int want = first.getOrDefault(others.get(k), -1);
      assertThat(table.find(others.get(k))).isEqualTo(want);
      assertThat(table.find(asTexts, k)).isEqualTo(want);
      assertThat(all[k]).isEqualTo(want);
    }
  }

  @Property(tries = 200)
  void lookingUpManyAtOnceAnswersAsTheMapDoesForEachSelectedAndLeavesTheOthers(
      @ForAll("ids") List<String> ids, @ForAll("ids") List<String> wanted,
      @ForAll boolean want) {
    IdTable table = new IdTable(1);
    Map<String, Integer> expected = new HashMap<>();
    for (String id : ids) {
      table.add(id);
      expected.putIfAbsent(id, expected.size());
    }
    Texts asTexts = new Texts(1);
    boolean[] only = new boolean[wanted.size()];
    for (int k = 0; k < wanted.size(); k++) {
      asTexts.add(wanted.get(k));
      only[k] = wanted.get(k).hashCode() % 3 != 0;
    }
    int[] all = new int[wanted.size()];
    int[] some = new int[wanted.size()];
    java.util.Arrays.fill(some, -7);
    int mid = wanted.size() / 3;
    table.findAll(asTexts, 0, mid, all, null, false);
    table.findAll(asTexts, mid, wanted.size(), all, null, false);
    table.findAll(asTexts, 0, wanted.size(), some, only, want);
    for (int k = 0; k < wanted.size(); k++) {
      int answer = expected.getOrDefault(wanted.get(k), -1);
      assertThat(all[k]).isEqualTo(answer);
      assertThat(some[k]).isEqualTo(only[k] == want ? answer : -7);
    }
  }

  @Property(tries = 300)
  void numberedIdsAreFoundAtTheirFirstPositionAndTextsInOtherShapesNowhere(
      @ForAll("numberedIds") List<String> ids, @ForAll("numberedIds") List<String> others,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 2001) int every) {
    IdTable table = new IdTable(1);
    Map<String, Integer> first = new HashMap<>();
    List<List<Integer>> expectedRepeats = new java.util.ArrayList<>();
    List<List<Integer>> repeats = new java.util.ArrayList<>();
    for (int p = 0; p < ids.size(); p++) {
      table.append(ids.get(p));
      Integer f = first.putIfAbsent(ids.get(p), p);
      if (f != null) {
        expectedRepeats.add(List.of(p, f));
      }
      if ((p + 1) % every == 0) {
        table.index((r, f2) -> repeats.add(List.of(r, f2)));
      }
    }
    table.index((r, f2) -> repeats.add(List.of(r, f2)));

    assertThat(repeats).isEqualTo(expectedRepeats);
    Texts asTexts = new Texts(1);
    for (String id : others) {
      asTexts.add(id);
    }
    boolean[] only = new boolean[others.size()];
    for (int k = 0; k < others.size(); k++) {
      only[k] = k % 3 != 0;
    }
    int[] all = new int[others.size()];
    int[] some = new int[others.size()];
    java.util.Arrays.fill(some, -7);
    int mid = others.size() / 2;
    table.findAll(asTexts, 0, mid, all, null, false);
    table.findAll(asTexts, mid, others.size(), all, null, false);
    table.findAll(asTexts, 0, others.size(), some, only, true);
    for (int k = 0; k < others.size(); k++) {
      int want = first.getOrDefault(others.get(k), -1);
      assertThat(table.find(others.get(k))).isEqualTo(want);
      assertThat(table.find(asTexts, k)).isEqualTo(want);
      assertThat(all[k]).isEqualTo(want);
      assertThat(some[k]).isEqualTo(only[k] ? want : -7);
    }
    for (int p = 0; p < ids.size(); p++) {
      assertThat(table.find(ids.get(p))).isEqualTo(first.get(ids.get(p)));
    }
    // Adding one at a time after indexing in batches answers as the map does too.
    for (String id : others) {
      Integer f = first.putIfAbsent(id, table.size());
      assertThat(table.add(id)).isEqualTo(f == null ? -1 : f);
    }
    for (Map.Entry<String, Integer> e : first.entrySet()) {
      assertThat(table.find(e.getKey())).isEqualTo(e.getValue());
    }
  }

  @Property(tries = 300)
  void lookingUpInTwoTablesAtOnceAnswersAsOneCallForEachTable(
      @ForAll("numberedIds") List<String> first, @ForAll("numberedIds") List<String> second,
      @ForAll("numberedIds") List<String> others, @ForAll boolean hashedFirst,
      @ForAll boolean hashedSecond) {
    // Ids of both tables and others, each looked up in one table or the other.
    List<String> wanted = new java.util.ArrayList<>(others);
    wanted.addAll(first.subList(0, Math.min(first.size(), 300)));
    wanted.addAll(second.subList(0, Math.min(second.size(), 300)));
    java.util.Collections.shuffle(wanted, new java.util.Random(wanted.size()));
    IdTable a = table(first, hashedFirst);
    IdTable b = table(second, hashedSecond);
    Texts asTexts = new Texts(1);
    boolean[] which = new boolean[wanted.size()];
    for (int k = 0; k < wanted.size(); k++) {
      asTexts.add(wanted.get(k));
      which[k] = (wanted.get(k).hashCode() & 1) == 0;
    }
    int[] one = new int[wanted.size()];
    int[] two = new int[wanted.size()];
    int mid = wanted.size() / 3;
    int missing = IdTable.findEither(a, b, asTexts, 0, mid, one, which)
        + IdTable.findEither(a, b, asTexts, mid, wanted.size(), one, which);
    int expected = a.findAll(asTexts, 0, wanted.size(), two, which, false)
        + b.findAll(asTexts, 0, wanted.size(), two, which, true);
    assertThat(one).isEqualTo(two);
    assertThat(missing).isEqualTo(expected);
    for (int k = 0; k < wanted.size(); k++) {
      assertThat(one[k]).isEqualTo((which[k] ? b : a).find(wanted.get(k)));
    }
  }

  /** A table of these ids, appended and indexed, or (hashed) added one by one. */
  private static IdTable table(List<String> ids, boolean hashed) {
    IdTable t = new IdTable(1);
    for (String id : ids) {
      if (hashed) {
        t.add(id);
      } else {
        t.append(id);
      }
    }
    if (!hashed) {
      t.index((p, f) -> { });
    }
    return t;
  }

  @Property(tries = 2000)
  void eightBytesAtOnceReadTheNumberTheDigitsOneByOneRead(
      @ForAll("digitsMostly") byte[] bytes,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 8) int count) {
    long v = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    int want = 0;
    for (int i = 0; i < count && want >= 0; i++) {
      int d = bytes[i] - '0';
      want = d < 0 || d > 9 ? -1 : 10 * want + d;
    }
    assertThat(IdTable.digits(v, count)).isEqualTo(want);
  }

  /** Eight bytes, each a digit most of the time, else any byte (those next to '0' and '9' too). */
  @Provide
  Arbitrary<byte[]> digitsMostly() {
    Arbitrary<Byte> digit = Arbitraries.bytes().between((byte) '0', (byte) '9');
    Arbitrary<Byte> near = Arbitraries.of((byte) '/', (byte) ':', (byte) 0x2A, (byte) 0x3F,
        (byte) 0xB0, (byte) 0xFA, (byte) 0, (byte) -1);
    Arbitrary<Byte> any = Arbitraries.bytes();
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, digit), net.jqwik.api.Tuple.of(1,
        near), net.jqwik.api.Tuple.of(1, any)).array(byte[].class).ofSize(8);
  }

  @Test
  void numberedIdsAreFoundOnlyWrittenAsTheyWereAdded() {
    IdTable plain = new IdTable(1);
    IdTable padded = new IdTable(1);
    for (int i = 1; i <= 100; i++) {
      plain.append("D" + i);
      padded.append(String.format(java.util.Locale.ROOT, "C%05d", i));
    }
    plain.index((p, f) -> { });
    padded.index((p, f) -> { });

    assertThat(plain.find("D7")).isEqualTo(6);
    assertThat(plain.find("D100")).isEqualTo(99);
    for (String no : List.of("D07", "D0", "D101", "d7", "DD7", "D7 ", " D7", "D", "7", "D-7",
        "D\u0667", "D0000000007", "D10000000000")) {
      assertThat(plain.find(no)).as(no).isEqualTo(-1);
    }
    assertThat(padded.find("C00007")).isEqualTo(6);
    for (String no : List.of("C7", "C000007", "C0007", "C00000", "C00101", "c00007")) {
      assertThat(padded.find(no)).as(no).isEqualTo(-1);
    }
  }

  /**
   * Ids as numbering hosts give them: one text and numbers, without leading zeros or all of five
   * digits, close together or far apart, now and then one in another shape or a near miss.
   */
  @Provide
  Arbitrary<List<String>> numberedIds() {
    return net.jqwik.api.Combinators.combine(
        Arbitraries.of("D", "C", "ORD-", "", "é", "A1B", "x0"),
        Arbitraries.of(false, true),
        Arbitraries.of(10, 300, 3000, 99_999, 2_000_000_000))
        .flatAs((prefix, padded, top) -> {
          Arbitrary<String> id = Arbitraries.integers().between(0, top).map(i -> padded
              ? prefix + String.format(java.util.Locale.ROOT, "%05d", i) : prefix + i);
          Arbitrary<String> odd = Arbitraries.of(prefix, prefix + "01", prefix + "0",
              prefix + "00000", prefix + "000001", prefix + prefix + "1", prefix + "1x",
              "x" + prefix + "1", prefix + "1234567890", prefix + "999999999", prefix + "-1",
              prefix + "\u0661", prefix.toUpperCase(java.util.Locale.ROOT) + "1", "D1", "");
          return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(50, id),
              net.jqwik.api.Tuple.of(1, odd)).list().ofMaxSize(2000);
        });
  }

  /** Ids in the shapes hosts use, few enough distinct ones to repeat, many enough to grow. */
  @Provide
  Arbitrary<List<String>> ids() {
    Arbitrary<String> numbered = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 3000).map(i -> "D" + i),
        Arbitraries.integers().between(0, 300).map(i -> "D0" + i),
        Arbitraries.integers().between(0, 300).map(i -> "C" + i),
        Arbitraries.integers().between(0, 40).map(i -> "D12345678" + i));
    Arbitrary<String> free = Arbitraries.strings().withCharRange('a', 'c').withChars('é', '0')
        .ofMinLength(0).ofMaxLength(4);
    return Arbitraries.oneOf(numbered, free).list().ofMaxSize(2000);
  }

  @Test
  void aMillionNumberedIdsEachFoundWhereTheyWereAdded() {
    IdTable table = new IdTable(16);
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      assertThat(table.add("O" + i)).isEqualTo(-1);
    }
    for (int i = 0; i < n; i += 7) {
      assertThat(table.find("O" + i)).isEqualTo(i);
      assertThat(table.add("O" + i)).isEqualTo(i);
    }
    assertThat(table.find("O" + n)).isEqualTo(-1);
    assertThat(table.find("")).isEqualTo(-1);
  }
}
