package org.distribooze.cluster;

/** Disjoint sets over 0 .. n - 1 with path halving; a set's root is its smallest member. */
final class UnionFind {

    private final int[] parent;

    UnionFind(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    int find(int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    void union(int a, int b) {
        int rootA = find(a);
        int rootB = find(b);
        if (rootA < rootB) {
            parent[rootB] = rootA;
        } else if (rootB < rootA) {
            parent[rootA] = rootB;
        }
    }
}
