#!/usr/bin/env python3
"""Writes eng/oracles/drift_corrections.json: adjusted p-values for ModelGates' corrections across columns.

statsmodels is not installed here, so the adjustments are computed with NumPy exactly as
statsmodels.stats.multitest.multipletests computes them (version 0.14, methods 'bonferroni', 'holm'
and 'fdr_bh'; the lines are transcribed below with their statsmodels names):

    bonferroni: pvals_corrected = pvals * ntests, then clipped at 1
    holm:       pvals_corrected_raw = pvals_sorted * np.arange(ntests, 0, -1)
                pvals_corrected = np.maximum.accumulate(pvals_corrected_raw), clipped at 1
    fdr_bh:     ecdffactor = np.arange(1, ntests + 1) / ntests
                pvals_corrected_raw = pvals_sorted / ecdffactor
                pvals_corrected = np.minimum.accumulate(pvals_corrected_raw[::-1])[::-1], clipped at 1

with pvals_sorted = pvals[np.argsort(pvals)] and the result put back in the input order. Each case also
records which tests are rejected at alpha = 0.05 by statsmodels' own rejection rule (on raw p-values),
which must agree with 'adjusted < alpha'.

Run: /usr/bin/python3 eng/oracles/drift_correction_oracles.py (the same bytes every time).
"""

import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "drift_corrections.json"
ALPHA = 0.05


def bonferroni(p):
    return np.minimum(p * len(p), 1.0)


def holm(p):
    order = np.argsort(p, kind="mergesort")
    raw = p[order] * np.arange(len(p), 0, -1)
    adjusted = np.minimum(np.maximum.accumulate(raw), 1.0)
    out = np.empty_like(adjusted)
    out[order] = adjusted
    return out


def bh(p):
    order = np.argsort(p, kind="mergesort")
    ecdffactor = np.arange(1, len(p) + 1) / len(p)
    raw = p[order] / ecdffactor
    adjusted = np.minimum(np.minimum.accumulate(raw[::-1])[::-1], 1.0)
    out = np.empty_like(adjusted)
    out[order] = adjusted
    return out


def rejected(p, method):
    """statsmodels' rejection rule on raw p-values, independent of the adjusted values."""
    m = len(p)
    order = np.argsort(p, kind="mergesort")
    ps = p[order]
    reject_sorted = np.zeros(m, dtype=bool)
    if method == "bonferroni":
        reject_sorted = ps <= ALPHA / m
    elif method == "holm":
        notreject = ps > ALPHA / np.arange(m, 0, -1)
        nr_index = np.nonzero(notreject)[0]
        first = nr_index[0] if nr_index.size > 0 else m
        reject_sorted[:first] = True
    else:
        below = ps <= np.arange(1, m + 1) / m * ALPHA
        if below.any():
            reject_sorted[: np.nonzero(below)[0].max() + 1] = True
    out = np.empty(m, dtype=bool)
    out[order] = reject_sorted
    return out


def case(name, p):
    p = np.asarray(p, dtype=float)
    return {
        "name": name,
        "p": [float(x) for x in p],
        "bonferroni": [float(x) for x in bonferroni(p)],
        "holm": [float(x) for x in holm(p)],
        "bh": [float(x) for x in bh(p)],
        "rejected": {m: [bool(x) for x in rejected(p, m)] for m in ("bonferroni", "holm", "bh")},
    }


def main():
    rng = np.random.default_rng(20260601)
    cases = [
        case("single", [0.03]),
        case("textbook", [0.01, 0.04, 0.03, 0.005]),
        case("ties", [0.02, 0.02, 0.02, 0.5, 0.001, 0.001]),
        case("zeros_and_ones", [0.0, 1.0, 0.0, 0.7, 1.0]),
        case("tiny", [1e-300, 5e-200, 1e-17, 0.049, 0.051]),
        case("uniform_30", rng.uniform(size=30)),
        case("mixed_30", np.concatenate([rng.uniform(size=20), rng.uniform(0, 0.002, size=10)])),
        case("beta_100", rng.beta(0.3, 1.0, size=100)),
    ]
    OUT.write_text(json.dumps({"alpha": ALPHA, "cases": cases}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
