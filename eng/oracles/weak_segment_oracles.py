#!/usr/bin/env python3
"""Writes eng/oracles/weak_segments.json: the statistics behind ModelGates' weak-segment search.

- welch: SciPy's one-sided Welch test, scipy.stats.ttest_ind(inside, outside, equal_var=False,
  alternative="greater"): statistic, degrees of freedom (Welch-Satterthwaite) and p-value, on samples shaped
  like per-row losses (skewed log losses, squared errors, 0/1 errors, unequal sizes and variances, a tiny p).
  The family of each case's p-values is also Holm-adjusted with statsmodels' formula (transcribed in
  drift_correction_oracles.py), the correction the search applies over the segments it tested.
- losses: scikit-learn's log_loss (binary and multiclass) and mean_squared_error / mean_absolute_error on a
  subset of rows, which the mean of ModelGates' per-row loss over the same rows must equal.

Run: /usr/bin/python3 eng/oracles/weak_segment_oracles.py (the same bytes every time).
"""

import json
from pathlib import Path

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn.metrics import log_loss, mean_absolute_error, mean_squared_error

OUT = Path(__file__).resolve().parent / "weak_segments.json"


def holm(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="mergesort")
    raw = p[order] * np.arange(len(p), 0, -1)
    adjusted = np.minimum(np.maximum.accumulate(raw), 1.0)
    out = np.empty_like(adjusted)
    out[order] = adjusted
    return out


def welch_case(name, inside, outside):
    inside = np.asarray(inside, dtype=float)
    outside = np.asarray(outside, dtype=float)
    result = stats.ttest_ind(inside, outside, equal_var=False, alternative="greater")
    # This SciPy's result has no df; scipy.stats._stats_py._unequal_var_ttest_denom, transcribed:
    vn1 = np.var(inside, ddof=1) / len(inside)
    vn2 = np.var(outside, ddof=1) / len(outside)
    df = (vn1 + vn2) ** 2 / (vn1 ** 2 / (len(inside) - 1) + vn2 ** 2 / (len(outside) - 1))
    return {
        "name": name,
        "inside": inside.tolist(),
        "outside": outside.tolist(),
        "t": float(result.statistic),
        "df": float(df),
        "p": float(result.pvalue),
    }


def main():
    rng = np.random.default_rng(20261207)
    cases = []
    # Log losses of a good model (exponential-ish) against a segment where labels are noise (larger, wider).
    cases.append(welch_case("log_loss_shift", rng.exponential(0.7, 80), rng.exponential(0.35, 400)))
    cases.append(welch_case("log_loss_no_shift", rng.exponential(0.4, 120), rng.exponential(0.4, 300)))
    cases.append(welch_case("segment_better", rng.exponential(0.2, 60), rng.exponential(0.5, 200)))
    cases.append(welch_case("squared_errors", rng.normal(0, 2.0, 50) ** 2, rng.normal(0, 1.0, 500) ** 2))
    cases.append(welch_case("zero_one", (rng.random(90) < 0.45).astype(float), (rng.random(700) < 0.2).astype(float)))
    cases.append(welch_case("tiny_p", rng.normal(3.0, 0.5, 200), rng.normal(1.0, 0.5, 200)))
    cases.append(welch_case("small_sides", [0.9, 1.4, 0.3], [0.2, 0.1, 0.4, 0.35]))
    family = [c["p"] for c in cases]

    losses = []
    y = rng.integers(0, 2, 300)
    p = np.clip(rng.beta(2, 2, 300), 1e-6, 1 - 1e-6)
    subset = np.sort(rng.choice(300, 90, replace=False))
    losses.append({
        "name": "binary",
        "labels": y.tolist(),
        "scores": p.tolist(),
        "rows": subset.tolist(),
        "logLoss": float(log_loss(y[subset], p[subset], labels=[0, 1])),
    })
    k = 3
    yk = rng.integers(0, k, 200)
    raw = rng.dirichlet(np.ones(k), 200)
    subset_k = np.sort(rng.choice(200, 70, replace=False))
    losses.append({
        "name": "multiclass",
        "labels": yk.tolist(),
        "probabilities": raw.tolist(),
        "rows": subset_k.tolist(),
        "logLoss": float(log_loss(yk[subset_k], raw[subset_k], labels=list(range(k)))),
    })
    truth = rng.normal(0, 3, 150)
    predicted = truth + rng.normal(0, 1, 150)
    subset_r = np.sort(rng.choice(150, 40, replace=False))
    losses.append({
        "name": "regression",
        "labels": truth.tolist(),
        "predictions": predicted.tolist(),
        "rows": subset_r.tolist(),
        "mse": float(mean_squared_error(truth[subset_r], predicted[subset_r])),
        "mae": float(mean_absolute_error(truth[subset_r], predicted[subset_r])),
    })

    out = {
        "generator": "eng/oracles/weak_segment_oracles.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__},
        "welch": cases,
        "holm": {"p": family, "adjusted": holm(family).tolist()},
        "losses": losses,
    }
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
