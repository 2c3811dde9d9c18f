package dev.rankgauge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The placement tree of an organisation, by distributor index (the sponsor tree's order), as
 * arrays: parents, positions, children linked by position, the side of each distributor under
 * their sponsor, and a top-down order made when first asked. Every pass over it is a loop, never a
 * recursion over depth. Immutable once built; a live evaluation's copy ({@link #copy}) is changed
 * in place by joins and moves ({@link #place}, {@link #move}, {@link #sponsorChanged}) and only by
 * its writer, and a snapshot's copy is never changed.
 */
final class Placements {
  /** Placement parent of each index, -1 for a root of the placement tree (and for spare room). */
  final int[] parent;
  /** Position under the parent (1 left, 2 right in a binary tree), 0 for a root. */
  final byte[] position;
  /** The first child of each index by position, -1 for none; siblings follow in {@link #next}. */
  private final int[] firstChild;
  /** The next child of the same parent, by position, -1 for the last. */
  private final int[] next;
  /** The child at position 1 (left) and 2 (right) of each index, -1 for none: the sides read most. */
  private final int[] first;
  private final int[] second;
  /**
   * Which side of their sponsor's placement subtree each distributor sits in: {@link
   * Placement#LEFT}, {@link Placement#RIGHT}, or 0 (outside it, or no sponsor). Rules counting
   * personally sponsored distributors on each side read it once per sponsored distributor.
   */
  final byte[] sideUnderSponsor;
  /** How many distributors there are; the arrays may be longer (room for joins). */
  private int count;
  /** Every index, each parent before its children (breadth-first); null until asked after a change. */
  private int[] order;
  /** Whether every placement parent has a smaller index than the distributors placed under them. */
  private boolean ordered;

  /**
   * @param parent placement parent by index, -1 for a root; acyclic (checked by the builder)
   * @param position position under the parent by index, 0 for a root
   * @param sponsor the sponsor tree's parent by index, -1 for a root
   */
  Placements(int[] parent, byte[] position, int[] sponsor) {
    int n = parent.length;
    this.parent = parent;
    this.position = position;
    this.count = n;
    firstChild = new int[n];
    next = new int[n];
    first = new int[n];
    second = new int[n];
    Arrays.fill(firstChild, -1);
    Arrays.fill(next, -1);
    Arrays.fill(first, -1);
    Arrays.fill(second, -1);
    // From the last index down, each pushed in front of its siblings of higher position.
    for (int v = n - 1; v >= 0; v--) {
      if (parent[v] >= 0) {
        link(v);
      }
    }
    int[] top = topDown();
    this.order = top;
    boolean inOrder = true;
    for (int v = 0; v < n && inOrder; v++) {
      inOrder = parent[v] < v;
    }
    this.ordered = inOrder;
    // Pre-order intervals, made once here: u is in v's subtree exactly when
    // pre[v] <= pre[u] < pre[v] + size[v].
    int[] size = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      int v = top[i];
      size[v]++;
      if (parent[v] >= 0) {
        size[parent[v]] += size[v];
      }
    }
    int[] pre = new int[n];
    int roots = 0;
    for (int i = 0; i < n; i++) {
      int v = top[i];
      if (parent[v] < 0) {
        pre[v] = roots;
        roots += size[v];
      }
      int at = pre[v] + 1;
      for (int c = firstChild[v]; c >= 0; c = next[c]) {
        pre[c] = at;
        at += size[c];
      }
    }
    sideUnderSponsor = new byte[n];
    for (int v = 0; v < n; v++) {
      int s = sponsor[v];
      if (s >= 0) {
        int l = first[s];
        int r = second[s];
        sideUnderSponsor[v] = (byte) (l >= 0 && within(pre, size, v, l) ? Placement.LEFT
            : r >= 0 && within(pre, size, v, r) ? Placement.RIGHT : 0);
      }
    }
  }

  /** A copy with room for {@code room} distributors, for a live evaluation. Linear. */
  private Placements(Placements o, int room) {
    parent = grown(o.parent, room);
    position = Arrays.copyOf(o.position, room);
    firstChild = grown(o.firstChild, room);
    next = grown(o.next, room);
    first = grown(o.first, room);
    second = grown(o.second, room);
    sideUnderSponsor = Arrays.copyOf(o.sideUnderSponsor, room);
    count = o.count;
    order = o.order;
    ordered = o.ordered;
  }

  private static int[] grown(int[] a, int room) {
    int[] out = Arrays.copyOf(a, room);
    Arrays.fill(out, Math.min(a.length, room), room, -1);
    return out;
  }

  /** A copy a live evaluation may change, with room for {@code room} distributors. */
  Placements copy(int room) {
    return new Placements(this, Math.max(room, count));
  }

  /** Puts v into its parent's children, by position. */
  private void link(int v) {
    int p = parent[v];
    int pos = position[v];
    if (pos == Placement.LEFT) {
      first[p] = v;
    } else if (pos == Placement.RIGHT) {
      second[p] = v;
    }
    int c = firstChild[p];
    if (c < 0 || position[c] > pos) {
      next[v] = c;
      firstChild[p] = v;
      return;
    }
    while (next[c] >= 0 && position[next[c]] < pos) {
      c = next[c];
    }
    next[v] = next[c];
    next[c] = v;
  }

  /** Takes v out of its parent's children. */
  private void unlink(int v) {
    int p = parent[v];
    int pos = position[v];
    if (pos == Placement.LEFT) {
      first[p] = -1;
    } else if (pos == Placement.RIGHT) {
      second[p] = -1;
    }
    if (firstChild[p] == v) {
      firstChild[p] = next[v];
    } else {
      int c = firstChild[p];
      while (next[c] != v) {
        c = next[c];
      }
      next[c] = next[v];
    }
    next[v] = -1;
  }

  /** Breadth-first from the roots, over the first {@link #count} indices. */
  private int[] topDown() {
    int n = count;
    int[] out = new int[n];
    int size = 0;
    for (int v = 0; v < n; v++) {
      if (parent[v] < 0) {
        out[size++] = v;
      }
    }
    for (int head = 0; head < size; head++) {
      for (int c = firstChild[out[head]]; c >= 0; c = next[c]) {
        out[size++] = c;
      }
    }
    return out;
  }

  /** {@return every index, each parent before their children: breadth-first from the roots} */
  int[] order() {
    if (order == null) {
      order = topDown();
    }
    return order;
  }

  /**
   * Whether every placement parent has a smaller index than the distributors placed under them,
   * as the organisation numbers them where the two trees allow it: passes from the bottom of the
   * placement tree up then walk the indices backwards, in memory order.
   */
  boolean ordered() {
    return ordered;
  }

  /** {@return how many distributors the tree holds} */
  int count() {
    return count;
  }

  /** The first child of v by position, -1 for none. */
  int firstChild(int v) {
    return firstChild[v];
  }

  /** The child of the same parent after c by position, -1 for none. */
  int nextSibling(int c) {
    return next[c];
  }

  // --- live changes ------------------------------------------------------------------------------

  /**
   * A distributor who joined (index {@code v}, the next one) placed under {@code p} at {@code pos}
   * ({@code p} -1: not placed), whose sponsor is {@code s} (-1: none). Costs the depth of the
   * placement line, to find which side of the sponsor they sit on.
   */
  void place(int v, int p, int pos, int s) {
    count = Math.max(count, v + 1);
    parent[v] = p;
    position[v] = (byte) (p < 0 ? 0 : pos);
    firstChild[v] = -1;
    next[v] = -1;
    first[v] = -1;
    second[v] = -1;
    if (p >= 0) {
      link(v);
      ordered &= p < v;
    }
    sideUnderSponsor[v] = sideUnder(v, s);
    order = null;
  }

  /**
   * Moves v, with their placement subtree, under {@code p} at {@code pos}; the caller has checked
   * the position is free and p is not in v's subtree. Costs the siblings at both places. The
   * sides under their sponsors of those in v's subtree may change: the caller puts them right
   * ({@link #setSide}).
   */
  void move(int v, int p, int pos) {
    if (parent[v] >= 0) {
      unlink(v);
    }
    parent[v] = p;
    position[v] = (byte) (p < 0 ? 0 : pos);
    if (p >= 0) {
      link(v);
      ordered &= p < v;
    }
    order = null;
  }

  /** Sets the side of c under their sponsor, found by the caller. */
  void setSide(int c, byte side) {
    sideUnderSponsor[c] = side;
  }

  /** Distributor v's sponsor is now {@code s}: their side under them follows. O(depth). */
  void sponsorChanged(int v, int s) {
    sideUnderSponsor[v] = sideUnder(v, s);
  }

  /**
   * Which side of s's placement subtree v sits in, 0 for neither (or s -1): walks up v's
   * placement line to the child of s on it. O(placement depth).
   */
  byte sideUnder(int v, int s) {
    if (s < 0) {
      return 0;
    }
    for (int u = v; parent[u] >= 0; u = parent[u]) {
      if (parent[u] == s) {
        int pos = position[u];
        return (byte) (pos == Placement.LEFT || pos == Placement.RIGHT ? pos : 0);
      }
    }
    return 0;
  }

  /**
   * An order in which to decide distributors so that each comes after everyone below them in
   * both trees: their sponsor downline and their placement subtree (Kahn's algorithm over the
   * two sets of parent links, linear and iterative). Ranks counted in the placement tree need it;
   * where the two trees cross (someone sponsors a distributor placed above them), no such order
   * exists and each crossing is reported.
   *
   * @param planName the plan, for the message
   * @return every index, children of both trees before their parents
   * @throws ValidationException naming each cycle of sponsor and placement links
   */
  int[] bottomUpWith(Organisation org, String planName) {
    int n = org.distributorCount();
    int[] sponsor = org.parent;
    int[] pending = new int[n];
    for (int v = 0; v < n; v++) {
      if (sponsor[v] >= 0) {
        pending[sponsor[v]]++;
      }
      if (parent[v] >= 0) {
        pending[parent[v]]++;
      }
    }
    int[] out = new int[n];
    int size = 0;
    // Leaves from the last index down: the order then starts like the sponsor tree's.
    for (int v = n - 1; v >= 0; v--) {
      if (pending[v] == 0) {
        out[size++] = v;
      }
    }
    for (int head = 0; head < size; head++) {
      int v = out[head];
      int s = sponsor[v];
      if (s >= 0 && --pending[s] == 0) {
        out[size++] = s;
      }
      int p = parent[v];
      if (p >= 0 && --pending[p] == 0) {
        out[size++] = p;
      }
    }
    if (size == n) {
      return out;
    }
    // What is left sits on a cycle or above one: walk down from each to find the cycles.
    List<Problem> problems = new ArrayList<>();
    byte[] state = new byte[n];
    for (int i = 0; i < size; i++) {
      state[out[i]] = 2;
    }
    List<Integer> path = new ArrayList<>();
    List<Boolean> placedEdge = new ArrayList<>();
    for (int u = 0; u < n; u++) {
      if (state[u] != 0) {
        continue;
      }
      path.clear();
      placedEdge.clear();
      int v = u;
      while (v >= 0 && state[v] == 0) {
        state[v] = 1;
        path.add(v);
        int next = -1;
        boolean placed = false;
        for (int k = org.childrenFrom(v), to = org.childrenTo(v); k < to && next < 0; k++) {
          if (state[org.child(k)] != 2) {
            next = org.child(k);
          }
        }
        for (int c = firstChild[v]; c >= 0 && next < 0; c = this.next[c]) {
          if (state[c] != 2) {
            next = c;
            placed = true;
          }
        }
        placedEdge.add(placed);
        v = next;
      }
      if (v >= 0 && state[v] == 1) {
        int from = path.indexOf(v);
        List<Phrase> ring = new ArrayList<>();
        for (int k = from; k < path.size(); k++) {
          String a = org.distributorId(path.get(k));
          String b = org.distributorId(k + 1 < path.size() ? path.get(k + 1) : v);
          ring.add(placedEdge.get(k) ? Phrase.of("crossing.placedBelow", b, a)
              : Phrase.of("crossing.sponsors", a, b));
        }
        String id = org.distributorId(v);
        problems.add(Problem.core(Subject.distributor(id, org.distributorAt[v])
            .field("placementParentId"), "distributor " + id, "placement.crossing", ring,
            planName));
      }
      for (int p : path) {
        state[p] = 2;
      }
    }
    throw new ValidationException(Problem.CORE, Problem.Part.of("input.organisationForPlan", planName),
        problems);
  }

  /** A placement tree where nobody is placed: every distributor a root. */
  static Placements none(int n) {
    int[] parent = new int[n];
    Arrays.fill(parent, -1);
    return new Placements(parent, new byte[n], parent);
  }

  /** The child of v at this position, -1 if the position is empty. */
  int child(int v, int pos) {
    if (pos == Placement.LEFT) {
      return first[v];
    } else if (pos == Placement.RIGHT) {
      return second[v];
    }
    for (int c = firstChild[v]; c >= 0; c = next[c]) {
      if (position[c] == pos) {
        return c;
      }
    }
    return -1;
  }

  /** Whether u is in v's subtree (v itself included), by pre-order intervals. */
  private static boolean within(int[] pre, int[] size, int u, int v) {
    return pre[u] >= pre[v] && pre[u] < pre[v] + size[v];
  }
}
