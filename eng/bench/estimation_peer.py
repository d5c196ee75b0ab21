#!/usr/bin/python3
"""The peer of eng/bench/Estimation: CBPE and DLE as a Python user would compute them with numpy and scikit-learn,
following NannyML's implementation (nannyml/calibration.py, performance_estimation/): isotonic calibration kept
when 10 stratified shuffle splits say it lowers the expected calibration error, the expected confusion matrix and
expected ROC AUC of a window, the bands from the reference's standard errors scaled by the window's size; DLE with
scikit-learn's HistGradientBoostingRegressor (LightGBM's algorithm; the lightgbm package is not installed here) as
the two nanny models. Same sizes and distributions as the C# benchmark, its own seeded draws.
Usage: /usr/bin/python3 eng/bench/estimation_peer.py [reference_rows] [window_rows]
"""
import resource
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import auc, roc_auc_score
from sklearn.model_selection import StratifiedShuffleSplit

REFERENCE = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
WINDOW = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = np.random.default_rng(20261207)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def binary(rows, shift):
    x = shift + rng.normal(size=rows)
    return sigmoid(1.5 * x + 0.3), rng.uniform(size=rows) < sigmoid(2 * x - 0.5)


def regression(rows, shift):
    x1 = shift + rng.normal(size=rows)
    x2 = rng.normal(size=rows)
    prediction = x1 + 0.4 * x2 ** 2
    label = x1 + 0.5 * x2 ** 2 + (0.3 + 0.3 * np.abs(x1)) * rng.normal(size=rows)
    return np.column_stack([x1, x2]), prediction, label


def timed(step, work):
    cpu, wall = time.process_time(), time.perf_counter()
    result = work()
    print(f"{step}\twall_s={time.perf_counter() - wall:.3f}\tcpu_s={time.process_time() - cpu:.3f}")
    return result


def ece(y, p, bins=10):
    order = np.argsort(p, kind="stable")
    p, y = p[order], y[order]
    edges = np.linspace(0, len(p), bins + 1).astype(int)
    return sum((b - a) / len(p) * abs(p[a:b].mean() - y[a:b].mean()) for a, b in zip(edges[:-1], edges[1:]))


def cbpe_fit(scores, labels):
    split = StratifiedShuffleSplit(n_splits=10, test_size=0.1, random_state=42)
    ys, raw, calibrated = [], [], []
    for train, test in split.split(scores, labels):
        iso = IsotonicRegression(out_of_bounds="clip").fit(scores[train], labels[train])
        ys.append(labels[test]); raw.append(scores[test]); calibrated.append(iso.predict(scores[test]))
    y = np.concatenate(ys)
    keep = ece(y, np.concatenate(calibrated)) < ece(y, np.concatenate(raw))
    iso = IsotonicRegression(out_of_bounds="clip").fit(scores, labels) if keep else None
    predicted = scores >= 0.5
    correct = predicted == labels
    return iso, np.std(correct), len(scores)


def cbpe_estimate(model, scores):
    iso, accuracy_std, _ = model
    p = iso.predict(scores) if iso is not None else scores
    positive = scores >= 0.5
    tp, fp = p[positive].sum(), (1 - p[positive]).sum()
    fn, tn = p[~positive].sum(), (1 - p[~positive]).sum()
    n = len(scores)
    order = np.argsort(scores)[::-1]
    tps = np.r_[0, np.cumsum(p[order])]
    fps = np.r_[0, np.cumsum(1 - p[order])]
    return {
        "accuracy": ((tp + tn) / n, accuracy_std / np.sqrt(n)),
        "precision": (tp / (tp + fp), None),
        "recall": (tp / (tp + fn), None),
        "f1": (2 * tp / (2 * tp + fp + fn), None),
        "auc": (auc(fps / fps[-1], tps / tps[-1]), None),
    }


def dle_fit(features, prediction, label):
    x = np.column_stack([features, prediction])
    error = label - prediction
    absolute = HistGradientBoostingRegressor(max_iter=100, max_leaf_nodes=31, min_samples_leaf=20, random_state=42).fit(x, np.abs(error))
    squared = HistGradientBoostingRegressor(max_iter=100, max_leaf_nodes=31, min_samples_leaf=20, random_state=42).fit(x, error ** 2)
    return absolute, squared


def dle_estimate(models, features, prediction):
    x = np.column_stack([features, prediction])
    return {"mae": np.clip(models[0].predict(x), 0, None).mean(), "rmse": np.sqrt(np.clip(models[1].predict(x), 0, None).mean())}


reference = binary(REFERENCE, 0)
window = binary(WINDOW, 0.5)
model = timed("cbpe_fit", lambda: cbpe_fit(*reference))
estimates = timed("cbpe_estimate", lambda: cbpe_estimate(model, window[0]))
regression_reference = regression(REFERENCE, 0)
regression_window = regression(WINDOW, 0.5)
nanny = timed("dle_fit", lambda: dle_fit(*regression_reference))
dle = timed("dle_estimate", lambda: dle_estimate(nanny, regression_window[0], regression_window[1]))
for name, (value, _) in estimates.items():
    print(f"# {name} {value:.4f}")
for name, value in dle.items():
    print(f"# {name} {value:.4f}")
print(f"# peak_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
