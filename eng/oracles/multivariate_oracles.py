#!/usr/bin/env python3
"""Oracle values for the multivariate drift checks (src/Core/Drift/Multivariate), written to multivariate.json.

- ROC AUC: scikit-learn's roc_auc_score.
- DeLong standard error: computed here from the O(n1*n0) comparison matrix (psi = 1, 1/2, 0), independent of the
  midrank placement values the C# code uses; the interval is AUC +- scipy.stats.norm.ppf(0.5 + level/2) * SE.
- PCA reconstruction error: scikit-learn's PCA(n_components=0.65, svd_solver="full") fitted on one matrix, each row of
  another reconstructed with inverse_transform; the error is the Euclidean distance of the row and its reconstruction.

Run: /usr/bin/python3 eng/oracles/multivariate_oracles.py  (deterministic: numpy's seeded generator).
"""
import json
import os

import numpy as np
from scipy.stats import norm
from sklearn.decomposition import PCA
from sklearn.metrics import roc_auc_score


def delong(scores, labels):
    pos = scores[labels == 1]
    neg = scores[labels == 0]
    psi = (pos[:, None] > neg[None, :]).astype(float) + 0.5 * (pos[:, None] == neg[None, :])
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    auc = psi.mean()
    var = v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)
    return auc, float(np.sqrt(var))


def auc_cases(rng):
    cases = []
    specs = [
        ("separated", 300, 250, 1.0, False),
        ("no difference", 400, 400, 0.0, False),
        ("ties", 200, 150, 0.5, True),
        ("small", 12, 9, 0.8, False),
    ]
    for name, n1, n0, shift, rounded in specs:
        pos = rng.normal(shift, 1.0, n1)
        neg = rng.normal(0.0, 1.0, n0)
        if rounded:
            pos, neg = np.round(pos, 1), np.round(neg, 1)
        scores = np.concatenate([pos, neg])
        labels = np.concatenate([np.ones(n1, dtype=int), np.zeros(n0, dtype=int)])
        auc, se = delong(scores, labels)
        assert abs(auc - roc_auc_score(labels, scores)) < 1e-12
        z = norm.ppf(0.5 + 0.95 / 2)
        cases.append({
            "name": name,
            "scores": scores.tolist(),
            "positive": labels.astype(bool).tolist(),
            "auc": roc_auc_score(labels, scores),
            "standardError": se,
            "level": 0.95,
            "interval": [max(0.0, auc - z * se), min(1.0, auc + z * se)],
        })
    return cases


def pca_cases(rng):
    cases = []
    for name, n, p, rho in [("correlated pair and noise", 400, 5, 0.8), ("independent", 300, 4, 0.0)]:
        cov = np.eye(p)
        cov[0, 1] = cov[1, 0] = rho
        fit = rng.multivariate_normal(np.zeros(p), cov, n)
        cov_eval = cov.copy()
        cov_eval[0, 1] = cov_eval[1, 0] = -rho
        evaluate = rng.multivariate_normal(np.zeros(p), cov_eval, 50)
        pca = PCA(n_components=0.65, svd_solver="full").fit(fit)
        reconstructed = pca.inverse_transform(pca.transform(evaluate))
        errors = np.linalg.norm(evaluate - reconstructed, axis=1)
        cases.append({
            "name": name,
            "fit": fit.tolist(),
            "evaluate": evaluate.tolist(),
            "components": int(pca.n_components_),
            "explained": float(pca.explained_variance_ratio_.sum()),
            "errors": errors.tolist(),
        })
    return cases


def main():
    rng = np.random.default_rng(20261207)
    out = {"auc": auc_cases(rng), "pca": pca_cases(rng)}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "multivariate.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
