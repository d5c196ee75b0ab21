"""Oracles of multiclass CBPE (src/Core/Monitoring/Estimation/Multiclass*.cs), written to multiclass_estimation.json.

1. Expectation: given a window's model probabilities (n x K, rounded so scores tie) and calibrated probabilities (any
   rows summing to 1), the expected accuracy, macro precision, recall, F1 and macro one-vs-rest AUC, computed here
   independently: the AUC by its pairwise definition (each pair of rows weighted p_i (1 - p_j), ties a half, a row
   paired with itself included, as the trapezoid over the expected ROC curve is), O(n^2) with NumPy.
2. Calibration: a reference whose model is underconfident (softmax of a third of the true logits), so isotonic
   calibration helps every class; each class calibrated one vs rest by scikit-learn's
   IsotonicRegression(out_of_bounds='clip'), rows renormalised as NannyML does; the window's calibrated
   probabilities and the estimates from them. The window's labels are drawn from the true posterior, and the
   realized accuracy, macro F1, precision and recall are scikit-learn's (accuracy_score, f1_score, precision_score,
   recall_score with average='macro', zero_division=0), the macro AUC its roc_auc_score(multi_class='ovr', average='macro').

Run: /usr/bin/python3 eng/oracles/multiclass_estimation_oracles.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "multiclass_estimation.json")


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def expected(model, calibrated):
    n, k = model.shape
    predicted = model.argmax(axis=1)  # first maximum: the lowest class on a tie
    accuracy = calibrated[np.arange(n), predicted].mean()
    accuracy_se = np.sqrt((calibrated[np.arange(n), predicted] * (1 - calibrated[np.arange(n), predicted])).sum()) / n
    precision, recall, f1, auc = [], [], [], []
    for c in range(k):
        p = calibrated[:, c]
        mine = predicted == c
        tp = p[mine].sum()
        predicted_count = mine.sum()
        actual = p.sum()
        precision.append(tp / predicted_count if predicted_count > 0 else 0.0)
        recall.append(tp / actual if actual > 0 else 0.0)
        f1.append(2 * tp / (predicted_count + actual) if predicted_count + actual > 0 else 0.0)
        s = model[:, c]
        above = (s[:, None] > s[None, :]).astype(float) + 0.5 * (s[:, None] == s[None, :])
        weights = p[:, None] * (1 - p)[None, :]
        auc.append((weights * above).sum() / (p.sum() * (1 - p).sum()))
    return {
        "accuracy": float(accuracy),
        "accuracyStandardError": float(accuracy_se),
        "macroPrecision": float(np.mean(precision)),
        "macroRecall": float(np.mean(recall)),
        "macroF1": float(np.mean(f1)),
        "macroAuc": float(np.mean(auc)),
    }


def expectation_cases():
    cases = []
    rng = np.random.default_rng(20261207)
    for name, n, k, decimals in [("three_classes_ties", 300, 3, 2), ("four_classes", 250, 4, 6), ("two_classes", 200, 2, 1)]:
        model = np.round(softmax(rng.normal(size=(n, k)) * 1.5), decimals)
        model = model / model.sum(axis=1, keepdims=True)
        calibrated = softmax(rng.normal(size=(n, k)) + 2 * np.log(model + 1e-3))
        cases.append({"name": name, "classes": k, "model": model.ravel().tolist(), "calibrated": calibrated.ravel().tolist(), "expected": expected(model, calibrated)})
    return cases


def calibration_cases():
    rng = np.random.default_rng(7)
    k = 3
    weights = np.array([[2.0, -1.0], [-1.0, 2.0], [-1.0, -1.5]])

    def draw(n, shift):
        x = rng.normal(size=(n, 2)) + shift
        logits = x @ weights.T
        truth = softmax(logits)
        labels = np.array([rng.choice(k, p=row) for row in truth])
        model = softmax(logits / 3)
        return model, labels

    reference, reference_labels = draw(3000, 0.0)
    window, window_labels = draw(800, np.array([0.4, -0.2]))
    calibrated = np.zeros_like(window)
    for c in range(k):
        iso = IsotonicRegression(out_of_bounds="clip", increasing=True).fit(reference[:, c], (reference_labels == c).astype(float))
        calibrated[:, c] = iso.predict(window[:, c])
    sums = calibrated.sum(axis=1, keepdims=True)
    calibrated = np.divide(calibrated, sums, out=np.full_like(calibrated, 1 / k), where=sums != 0)
    predicted = window.argmax(axis=1)
    return [{
        "name": "underconfident_three_classes",
        "classes": k,
        "reference": reference.ravel().tolist(),
        "referenceLabels": reference_labels.tolist(),
        "window": window.ravel().tolist(),
        "windowLabels": window_labels.tolist(),
        "calibrated": calibrated.ravel().tolist(),
        "expected": expected(window, calibrated),
        "realized": {
            "accuracy": float(accuracy_score(window_labels, predicted)),
            "macroF1": float(f1_score(window_labels, predicted, average="macro", zero_division=0)),
            "macroPrecision": float(precision_score(window_labels, predicted, average="macro", zero_division=0)),
            "macroRecall": float(recall_score(window_labels, predicted, average="macro", zero_division=0)),
            "macroAuc": float(roc_auc_score(window_labels, window, multi_class="ovr", average="macro")),
        },
    }]


def main():
    document = {
        "generator": f"eng/oracles/multiclass_estimation_oracles.py (numpy {np.__version__}, scikit-learn {sklearn.__version__})",
        "expectation": expectation_cases(),
        "calibration": calibration_cases(),
    }
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(json.dumps(document, indent=None, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
