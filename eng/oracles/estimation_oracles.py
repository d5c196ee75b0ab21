#!/usr/bin/python3
"""Writes eng/oracles/estimation.json: the fixtures of performance estimation without labels (CBPE).

1. Isotonic regression: scikit-learn's IsotonicRegression(out_of_bounds='clip') fitted on seeded scores and
   labels, and its predictions at points inside, between and beyond the fitted scores.
2. The expected confusion matrix of CBPE: from scores, calibrated probabilities and a threshold, a small numpy
   computation of the expected TP, FP, TN, FN, the four metrics, their standard errors (the formulas in
   docs/monitoring-estimation.md), and the expected ROC AUC (scikit-learn's roc_auc_score over every row counted
   as a positive with weight p and a negative with weight 1 - p: the trapezoid over the cumulative expected
   counts with tied scores grouped).

Every input is generated here with seeded numpy generators and stored next to the expected values, so the C#
tests compute from exactly the same numbers and never need Python.
Run with Debian's python3-sklearn: /usr/bin/python3 eng/oracles/estimation_oracles.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "estimation.json")


def isotonic_case(name, x, y, at):
    model = IsotonicRegression(out_of_bounds="clip", increasing=True).fit(x, y)
    return {
        "name": name,
        "scores": [float(v) for v in x],
        "labels": [bool(v) for v in y],
        "at": [float(v) for v in at],
        "expected": [float(v) for v in model.predict(at)],
    }


def isotonic_cases():
    rng = np.random.default_rng(20261207)
    cases = []

    # Scores that overstate the probability: the true probability is score squared.
    x = rng.uniform(0, 1, 400)
    y = rng.uniform(0, 1, 400) < x ** 2
    at = np.concatenate([np.linspace(-0.2, 1.2, 29), x[:20]])
    cases.append(isotonic_case("overconfident", x, y, at))

    # Many tied scores (a model with few distinct outputs): ties are merged before pooling.
    x = np.round(rng.uniform(0, 1, 300), 1)
    y = rng.uniform(0, 1, 300) < 0.2 + 0.6 * x
    at = np.array([-1.0, 0.0, 0.05, 0.1, 0.15, 0.33, 0.5, 0.77, 0.95, 1.0, 2.0])
    cases.append(isotonic_case("tied", x, y, at))

    # Scores unrelated to the label: pooling flattens almost everything.
    x = rng.normal(0, 3, 200)
    y = rng.uniform(0, 1, 200) < 0.3
    at = np.linspace(-12, 12, 25)
    cases.append(isotonic_case("noise", x, y, at))

    # A decreasing relation: the fit is one constant, the mean label.
    x = np.linspace(0, 1, 50)
    y = x < 0.5
    at = np.array([-0.5, 0.0, 0.25, 0.5, 0.75, 1.0, 1.5])
    cases.append(isotonic_case("decreasing", x, y, at))

    # A tiny hand-checkable case.
    x = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    y = np.array([0, 1, 0, 1, 1, 0], dtype=bool)
    at = np.array([0.0, 0.1, 0.15, 0.2, 0.25, 0.35, 0.45, 0.55, 0.6, 0.9])
    cases.append(isotonic_case("small", x, y, at))
    return cases


def expected_confusion(name, scores, probabilities, threshold):
    s = np.asarray(scores, dtype=float)
    p = np.asarray(probabilities, dtype=float)
    positive = s >= threshold
    tp = float(np.sum(p[positive]))
    fp = float(np.sum(1 - p[positive]))
    fn = float(np.sum(p[~positive]))
    tn = float(np.sum(1 - p[~positive]))
    n = len(s)
    var_tp = float(np.sum(p[positive] * (1 - p[positive])))
    var_fn = float(np.sum(p[~positive] * (1 - p[~positive])))
    predicted = float(np.sum(positive))

    accuracy = (tp + tn) / n
    # Each row is correct with probability p (predicted positive) or 1 - p; the Bernoulli variances add.
    accuracy_se = np.sqrt(var_tp + var_fn) / n
    precision = tp / predicted if predicted > 0 else 0.0
    precision_se = np.sqrt(var_tp) / predicted if predicted > 0 else 0.0
    actual = tp + fn
    recall = tp / actual if actual > 0 else 0.0
    recall_se = np.sqrt(fn ** 2 * var_tp + tp ** 2 * var_fn) / actual ** 2 if actual > 0 else 0.0
    denominator = predicted + tp + fn
    f1 = 2 * tp / denominator if denominator > 0 else 0.0
    f1_se = (
        np.sqrt(4 * (predicted + fn) ** 2 * var_tp + 4 * tp ** 2 * var_fn) / denominator ** 2
        if denominator > 0
        else 0.0
    )

    doubled_scores = np.concatenate([s, s])
    doubled_labels = np.concatenate([np.ones(n), np.zeros(n)])
    doubled_weights = np.concatenate([p, 1 - p])
    auc = float(roc_auc_score(doubled_labels, doubled_scores, sample_weight=doubled_weights))

    return {
        "name": name,
        "scores": [float(v) for v in s],
        "probabilities": [float(v) for v in p],
        "threshold": float(threshold),
        "expected": {
            "tp": tp,
            "fp": fp,
            "tn": tn,
            "fn": fn,
            "accuracy": float(accuracy),
            "precision": float(precision),
            "recall": float(recall),
            "f1": float(f1),
            "auc": auc,
        },
        "standardErrors": {
            "accuracy": float(accuracy_se),
            "precision": float(precision_se),
            "recall": float(recall_se),
            "f1": float(f1_se),
        },
    }


def confusion_cases():
    rng = np.random.default_rng(7)
    cases = []
    s = rng.uniform(0, 1, 500)
    cases.append(expected_confusion("calibrated", s, s, 0.5))

    s = rng.normal(0, 1, 400)
    p = 1 / (1 + np.exp(-1.7 * s))
    cases.append(expected_confusion("margins", s, p, 0.3))

    s = np.round(rng.uniform(0, 1, 250), 1)
    p = np.clip(0.1 + 0.8 * s + rng.normal(0, 0.02, 250), 0, 1)
    cases.append(expected_confusion("tiedScores", s, p, 0.5))

    s = rng.uniform(0, 0.4, 100)
    cases.append(expected_confusion("noPredictedPositive", s, s, 0.5))
    return cases


def main():
    document = {
        "generator": "eng/oracles/estimation_oracles.py",
        "versions": {"numpy": np.__version__, "sklearn": sklearn.__version__},
        "isotonic": isotonic_cases(),
        "confusion": confusion_cases(),
    }
    text = json.dumps(document, indent=1, sort_keys=False)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
