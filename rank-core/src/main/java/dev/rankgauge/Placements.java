package dev.rankgauge;

import java.util.Arrays;

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
   * @param parent placement parent by index, -1 for a root; acyclic (checked by the builder)
   * @param position position under the parent by index, 0 for a root
   */
  Placements(int[] parent, byte[] position) {
    int n = parent.length;
    this.parent = parent;
    this.position = position;
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
  }

  /** A placement tree where nobody is placed: every distributor a root. */
  static Placements none(int n) {
    int[] parent = new int[n];
    Arrays.fill(parent, -1);
    return new Placements(parent, new byte[n]);
  }

  /** The child of v at this position, -1 if the position is empty. */
  int child(int v, int pos) {
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

  /** Bytes of heap, roughly. */
  long bytes() {
    return (long) parent.length * (4 + 1 + 4 + 4 + 4 + 4 + 4);
  }
}
