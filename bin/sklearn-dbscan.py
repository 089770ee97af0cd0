#!/usr/bin/python3
"""scikit-learn's DBSCAN on a file of flow histograms, in its fastest form: identical feature vectors once, each
weighted by its flows (sample_weight), both cores (n_jobs=-1). Used by bin/benchmark-clustering.

usage: sklearn-dbscan.py FILE BINS euclidean EPS MIN_SAMPLES [ALGORITHM]
       sklearn-dbscan.py FILE BINS jaccard EPS MIN_SAMPLES MIN_PACKETS [ALGORITHM]
FILE holds BINS little-endian 32-bit counts per flow. Prints one RESULT line; times exclude reading the file.
"""
import sys
import time

import numpy as np
from sklearn.cluster import DBSCAN


def main():
    path, bins, mode, eps, min_samples = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
    counts = np.fromfile(path, dtype='<i4').reshape(-1, bins)
    packets = counts.sum(axis=1)

    start = time.perf_counter()
    if mode == 'euclidean':
        algorithm = sys.argv[6] if len(sys.argv) > 6 else 'auto'
        features = counts * 100.0 / packets[:, None]
        metric = 'euclidean'
    else:
        min_packets = int(sys.argv[6])
        algorithm = sys.argv[7] if len(sys.argv) > 7 else 'auto'
        features = counts[packets >= min_packets] > 0
        metric = 'jaccard'
    distinct, weights = np.unique(features, axis=0, return_counts=True)
    folded = time.perf_counter()

    labels = DBSCAN(eps=eps, min_samples=min_samples, metric=metric, algorithm=algorithm, n_jobs=-1) \
        .fit(distinct, sample_weight=weights).labels_
    done = time.perf_counter()

    clusters = len(set(labels.tolist()) - {-1})
    print(f'RESULT flows={len(counts)} distinct={len(distinct)} clusters={clusters} algorithm={algorithm} '
          f'fold_seconds={folded - start:.2f} dbscan_seconds={done - folded:.2f} seconds={done - start:.2f}')


if __name__ == '__main__':
    main()
