#!/usr/bin/python3
"""scikit-learn side of the metrics benchmark (the C# side is eng/bench/Metrics).

Reads the predictions the C# benchmark wrote (label,score CSV), then times the same work: every
binary metric on all rows, plus 1,000 bootstrap resamples of all of them. Written as a user would:
vectorised numpy, one resample = one index array, the sklearn functions called per resample.
Single process, as scikit-learn's metric functions are.

    /usr/bin/python3 eng/bench/metrics_sklearn.py [--csv eng/bench/out/metrics_bench.csv]
        [--resamples 1000] [--seed 20240611] [--threshold 0.5] [--progress 50]
"""
import argparse
import resource
import time
import warnings

import numpy as np
import sklearn
from sklearn import metrics as skm

warnings.simplefilter("ignore")


def all_binary_metrics(y, s, t):
    yp = (s >= t).astype(np.int64)  # predicted positive when score >= threshold, as ModelGates
    tn, fp, fn, tp = skm.confusion_matrix(y, yp, labels=[0, 1]).ravel()
    return [
        skm.roc_auc_score(y, s),
        skm.average_precision_score(y, s),
        skm.log_loss(y, s, labels=[0, 1]),
        skm.brier_score_loss(y, s),
        skm.accuracy_score(y, yp),
        skm.precision_score(y, yp, zero_division=0),
        skm.recall_score(y, yp, zero_division=0),
        skm.f1_score(y, yp, zero_division=0),
        fp / (fp + tn),
        yp.mean(),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="eng/bench/out/metrics_bench.csv")
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--progress", type=int, default=50, help="print timings every N resamples")
    args = parser.parse_args()

    data = np.loadtxt(args.csv, delimiter=",", skiprows=1)
    y = data[:, 0].astype(np.int64)
    s = data[:, 1].copy()
    n = len(y)
    names = ["auc", "averagePrecision", "logLoss", "brier", "accuracy", "precision", "recall", "f1",
             "fpr", "positiveRate"]

    start = time.perf_counter()
    cpu_start = time.process_time()
    point = all_binary_metrics(y, s, args.threshold)
    point_seconds = time.perf_counter() - start
    rng = np.random.default_rng(args.seed)
    boot = np.empty((args.resamples, len(names)))
    for b in range(args.resamples):
        idx = rng.integers(0, n, n)
        boot[b] = all_binary_metrics(y[idx], s[idx], args.threshold)
        if (b + 1) % args.progress == 0:
            print("  %d resamples: %.1f s elapsed, %.1f s cpu" % (
                b + 1, time.perf_counter() - start, time.process_time() - cpu_start), flush=True)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    lower, upper = np.percentile(boot, [2.5, 97.5], axis=0)

    print("rows=%d resamples=%d sklearn=%s numpy=%s" % (n, args.resamples, sklearn.__version__, np.__version__))
    for name, v, lo, hi in zip(names, point, lower, upper):
        print("%-17s %-22r [%.6f, %.6f]" % (name, float(v), lo, hi))
    print("point metrics: %.3f s" % point_seconds)
    print("elapsed (point metrics + %d resamples): %.3f s" % (args.resamples, elapsed))
    print("cpu time (all threads): %.3f s" % cpu)
    print("peak resident memory: %.1f MiB" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0))


if __name__ == "__main__":
    main()
