package dev.rankgauge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The placement tree of an organisation, by distributor index (the sponsor tree's order), as
 * arrays built once: parents, positions, children by position, a top-down order and pre-order
 * intervals. Every pass over it is a loop over {@link #order}, never a recursion over depth.
 * Immutable once built.
 */
final class Placements {
  /** Placement parent of each index, -1 for a root of the placement tree. */
  final int[] parent;
  /** Position under the parent (1 left, 2 right in a binary tree), 0 for a root. */
  final byte[] position;
  /** Every index, each parent before its children: breadth-first from the roots. */
  final int[] order;
  /** Index v's placement children are children[childStart[v]..childStart[v + 1]), by position. */
  final int[] childStart;
  final int[] children;
  /**
   * Pre-order number of each index: u is in v's placement subtree exactly when
   * {@code pre[v] <= pre[u] < pre[v] + size[v]}.
   */
  final int[] pre;
  /** How many distributors v's placement subtree holds, v included. */
  final int[] size;
  /**
   * Whether every placement parent has a smaller index than the distributors placed under them,
   * as the organisation numbers them where the two trees allow it: passes from the bottom of the
   * placement tree up then walk the indices backwards, in memory order.
   */
  final boolean ordered;
  /** The child at position 1 (left) and 2 (right) of each index, -1 for none: the sides read most. */
  private final int[] first;
  private final int[] second;
  /**
   * Which side of their sponsor's placement subtree each distributor sits in: {@link
   * Placement#LEFT}, {@link Placement#RIGHT}, or 0 (outside it, or no sponsor). Rules counting
   * personally sponsored distributors on each side read it once per sponsored distributor.
   */
  final byte[] sideUnderSponsor;

  /**
   * @param parent placement parent by index, -1 for a root; acyclic (checked by the builder)
   * @param position position under the parent by index, 0 for a root
   * @param sponsor the sponsor tree's parent by index, -1 for a root
   */
  Placements(int[] parent, byte[] position, int[] sponsor) {
    int n = parent.length;
    this.parent = parent;
    this.position = position;
    boolean inOrder = true;
    for (int v = 0; v < n && inOrder; v++) {
      inOrder = parent[v] < v;
    }
    this.ordered = inOrder;
    childStart = new int[n + 1];
    for (int p : parent) {
      if (p >= 0) {
        childStart[p + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      childStart[i + 1] += childStart[i];
    }
    children = new int[childStart[n]];
    first = new int[n];
    second = new int[n];
    Arrays.fill(first, -1);
    Arrays.fill(second, -1);
    for (int v = 0; v < n; v++) {
      if (parent[v] >= 0 && position[v] == Placement.LEFT) {
        first[parent[v]] = v;
      } else if (parent[v] >= 0 && position[v] == Placement.RIGHT) {
        second[parent[v]] = v;
      }
    }
    int[] next = Arrays.copyOf(childStart, n);
    for (int v = 0; v < n; v++) {
      if (parent[v] >= 0) {
        children[next[parent[v]]++] = v;
      }
    }
    // Children by position: a parent's slots are few (at most Placement.MAX_POSITION).
    for (int v = 0; v < n; v++) {
      for (int k = childStart[v] + 1; k < childStart[v + 1]; k++) {
        int c = children[k];
        int j = k - 1;
        while (j >= childStart[v] && position[children[j]] > position[c]) {
          children[j + 1] = children[j];
          j--;
        }
        children[j + 1] = c;
      }
    }
    order = new int[n];
    int count = 0;
    for (int v = 0; v < n; v++) {
      if (parent[v] < 0) {
        order[count++] = v;
      }
    }
    for (int head = 0; head < count; head++) {
      int v = order[head];
      for (int k = childStart[v]; k < childStart[v + 1]; k++) {
        order[count++] = children[k];
      }
    }
    size = new int[n];
    for (int i = n - 1; i >= 0; i--) {
      int v = order[i];
      size[v]++;
      if (parent[v] >= 0) {
        size[parent[v]] += size[v];
      }
    }
    pre = new int[n];
    sideUnderSponsor = new byte[n];
    int roots = 0;
    for (int i = 0; i < n; i++) {
      int v = order[i];
      if (parent[v] < 0) {
        pre[v] = roots;
        roots += size[v];
      }
      int at = pre[v] + 1;
      for (int k = childStart[v]; k < childStart[v + 1]; k++) {
        pre[children[k]] = at;
        at += size[children[k]];
      }
    }
    for (int v = 0; v < n; v++) {
      int s = sponsor[v];
      if (s >= 0) {
        int l = first[s];
        int r = second[s];
        sideUnderSponsor[v] = (byte) (l >= 0 && within(v, l) ? Placement.LEFT
            : r >= 0 && within(v, r) ? Placement.RIGHT : 0);
      }
    }
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
    int n = parent.length;
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
        for (int k = childStart[v]; k < childStart[v + 1] && next < 0; k++) {
          if (state[children[k]] != 2) {
            next = children[k];
            placed = true;
          }
        }
        placedEdge.add(placed);
        v = next;
      }
      if (v >= 0 && state[v] == 1) {
        int from = path.indexOf(v);
        List<String> ring = new ArrayList<>();
        for (int k = from; k < path.size(); k++) {
          String a = org.distributorId(path.get(k));
          String b = org.distributorId(k + 1 < path.size() ? path.get(k + 1) : v);
          ring.add(placedEdge.get(k) ? b + " is placed below " + a : a + " sponsors " + b);
        }
        String id = org.distributorId(v);
        problems.add(new Problem(Subject.distributor(id, org.distributorAt[v])
            .field("placementParentId"), "distributor " + id, "found the sponsor and placement"
            + " trees crossing: " + String.join(", and ", ring) + "; expected no one placed above someone in their own"
            + " sponsor downline, as plan " + planName + " counts ranks in the placement tree"));
      }
      for (int p : path) {
        state[p] = 2;
      }
    }
    throw new ValidationException("organisation for plan " + planName, problems);
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
    for (int k = childStart[v]; k < childStart[v + 1]; k++) {
      if (position[children[k]] == pos) {
        return children[k];
      }
    }
    return -1;
  }

  /** Whether u is in v's placement subtree (v itself included). */
  boolean within(int u, int v) {
    return pre[u] >= pre[v] && pre[u] < pre[v] + size[v];
  }
}
